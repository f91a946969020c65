"""Words of attribution that the shared lexicon does not carry: the conjugated forms of the
regular verbs of speech (derived from their infinitives, so that a form the small tagger
reads as an adverb or a noun, "annonçaient", "signalé", "évoque", is still a verb of
speech), and the word lists of ``[attribution_more]`` in ``context_source.toml``. Private
to ``factcheck.context.speakers`` and ``factcheck.context.source``: :func:`speech_at` tells
whether a token is a verb of speech where it stands. The tests of single tokens built on these
words (a number, a count ending a name, a participle, a passive) are in ``_speaker_tokens``."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex

from factcheck.context.lexicon import SourceData, source_data
from factcheck.context.nlp import Tok
from factcheck.lang import load_data

_NOT_VERBS = frozenset({"DET", "PUNCT", "NUM", "PRON", "CCONJ", "SCONJ", "SYM"})

# Endings of a first-group verb after its stem: present (3rd persons), imperfect, simple
# past, future, conditional; then the past participle, which needs an auxiliary.
FINITE_ENDINGS = ("e", "ent", "ait", "aient", "a", "èrent", "era", "eront", "erait",
                   "eraient")
PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées")


@dataclass(frozen=True, slots=True)
class SpeechWords:
    finite: dict[str, str]  # conjugated form -> infinitive
    participles: dict[str, str]  # past participle -> infinitive
    reflexive_not_speech: frozenset[str]  # "s'y ajouteront": not "ajouter" as speech
    reflexive_only: frozenset[str]  # "le FMI s'attend à": a forecast only as a reflexive
    quantifier_heads: frozenset[str]  # "la plupart des indicateurs": the head comes after
    comparison_introducers: frozenset[str]  # "comme l'indique le ministère"
    cleft_starts: tuple[tuple[str, ...], ...]  # "c'est TotalEnergies qui annonçait"
    adverbial_preps: frozenset[str]  # "a indiqué dans un communiqué le ministère"
    report_verbs: dict[str, frozenset[str]]  # "dresse un bilan": a report of its subject
    relatives: frozenset[str]  # "la CGT, qui revendique": the antecedent speaks
    report_forms: dict[str, str]  # "dresse", "dressait" -> "dresser"
    gapped_speakers: frozenset[str]  # "et les syndicats 22 000": who may count
    noun_openers: frozenset[str]  # "Autre chiffre inquiétant": a noun after them, not a verb
    contrast_links: frozenset[str]  # "selon la CGT et 81 000 ...": the next count of a contrast
    count_preps: frozenset[str]  # "81 000 pour la préfecture", "30 000 par les syndicats"
    counters: frozenset[str]  # who counts a crowd or a harvest: "pour la préfecture"
    present_participle_endings: tuple[str, ...]  # "indiquant": no inverted subject after it
    yield_verbs: frozenset[str]  # "qui rapportera 25 milliards": yields, with a quantity
    yield_openers: frozenset[str]  # "rapportera plus de la moitié", "environ 3 milliards"
    yield_nouns: frozenset[str]  # "rapportera la moitié des recettes": what yields money
    judgment_verbs: frozenset[str]  # "condamnée à quatre ans": the court's sentence
    judgment_forms: frozenset[str]  # forms the small model mis-lemmatises ("condamnée")
    courts: tuple[str, ...]  # "tribunal correctionnel de Paris", "cour d'appel"
    filler_only: frozenset[str]  # "état": speech only in "fait état de", not "en l'état"
    clause_openers: frozenset[str]  # "à Pau, où la préfecture a dénombré": subject after them
    counting_verbs: frozenset[str]  # "les autorités attendaient 900 000": who counts or expects
    counting_subjects: frozenset[str]  # heads of a body whose count that is ("autorités")
    body_complements: frozenset[str]  # "chambre régionale des comptes": a body's complement
    demonstratives: frozenset[str]  # "selon ce bulletin": the source just named
    depending_nouns: frozenset[str] = frozenset()  # "selon les contrats": depending on
    depending_before: frozenset[str] = frozenset()  # "différentes selon": depending on
    contrast_terms: frozenset[str] = frozenset()  # "contre 75 000 selon la préfecture"
    beneficiary_kinds: frozenset[str] = frozenset()  # "500 000 euros pour les pompiers"
    valued_at: frozenset[str] = frozenset()  # "estime le taux à 33 %": the object's value
    time_span_openers: frozenset[str] = frozenset()  # "en milieu de journée": says when
    auxiliaries: frozenset[str] = frozenset()  # "a noté", "ont dit": a participle of speech
    restrictive: frozenset[str] = frozenset()  # "n'a compté que 4 500": restricts, no denial
    restrictive_particles: frozenset[str] = frozenset()  # "ne", "n'": the restriction's
    gerund_marker: frozenset[str] = frozenset()  # "la CGT en revendiquant 2,3 millions"
    stressed_pronouns: frozenset[str] = frozenset()  # "La CGT, elle, a compté"
    clause_contrasts: frozenset[str] = frozenset()  # "..., tandis que 200 ... selon X"
    channel_turns: frozenset[str] = frozenset()  # "..., 4 500 seulement d'après le bilan"
    pledge_verbs: dict[str, frozenset[str]] = field(default_factory=dict)  # "a doublé son aide"
    pledge_possessives: frozenset[str] = frozenset()  # "son", "leur": the donor's own pledge
    member_possessives: frozenset[str] = frozenset()  # "la CGT et ses militants": the CGT
    pledge_not_before: frozenset[str] = frozenset()  # "porte sur": about, not a pledge
    figure_openers: frozenset[str] = frozenset()  # "selon la police environ 8 500"
    acting_verbs: frozenset[str] = frozenset()  # "a investi 12 millions": decides the figure
    acting_bodies: frozenset[str] = frozenset()  # "la mairie", "le conseil": bodies that act
    acting_clitics: frozenset[str] = frozenset()  # "s'est accordé": the reflexive's clitic
    name_adverbs: tuple[tuple[str, ...], ...] = ()  # "en outre", "ainsi": glued to a name
    reader_participles: frozenset[str] = frozenset()  # "consultés par l'AFP": who read it
    relay_participles: frozenset[str] = frozenset()  # "relayés par Les Echos": who relays it
    citing_forms: frozenset[str] = frozenset()  # "qui cite": the relay's origin
    citing_participles: frozenset[str] = frozenset()  # ", citant": the relay's origin
    story_people: frozenset[str] = frozenset()  # "les habitants": no group speaking
    relative_stand_ins: frozenset[str] = frozenset()  # "celle du gouvernement, qui table"
    place_named_heads: frozenset[str] = frozenset()  # "Direction ... en France": own place
    name_place_preps: frozenset[str] = frozenset()  # "en": a place inside a body's name


def _soft(stem: str, ending: str) -> str:
    """ "annonc" + "ait" -> "annonçait", "encourag" + "ait" -> "encourageait"."""
    if ending[:1] in ("a", "o"):
        if stem.endswith("c"):
            return stem[:-1] + "ç" + ending
        if stem.endswith("g"):
            return stem + "e" + ending
    return stem + ending


@cache
def speech_words(code: str = "fr") -> SpeechWords:
    data = source_data(code)
    more = load_data(code, "context_source").get("attribution_more", {})
    finite = regular_forms({*data.speech_verbs, *data.inverted_only}, FINITE_ENDINGS)
    participles = regular_forms({*data.speech_verbs, *data.inverted_only}, PARTICIPLE_ENDINGS)
    report_verbs = {verb: frozenset(objs)
                    for verb, objs in more.get("report_verbs", {}).items()}
    pledge_verbs = {verb: frozenset(objs)
                    for verb, objs in more.get("pledge_verbs", {}).items()}
    report_forms = regular_forms(set(report_verbs) | set(pledge_verbs),
                                 FINITE_ENDINGS + PARTICIPLE_ENDINGS)
    return SpeechWords(
        finite=finite,
        participles=participles,
        reflexive_not_speech=frozenset(more.get("reflexive_not_speech", [])),
        reflexive_only=frozenset(more.get("reflexive_only", [])),
        quantifier_heads=frozenset(more.get("quantifier_heads", [])),
        comparison_introducers=frozenset(more.get("comparison_introducers", [])),
        cleft_starts=tuple(tuple(s.split()) for s in more.get("cleft_starts", [])),
        adverbial_preps=frozenset(more.get("adverbial_preps", [])),
        report_verbs=report_verbs,
        relatives=frozenset(more.get("relatives", [])),
        report_forms={**report_forms, **{v: v for v in (*report_verbs, *pledge_verbs)},
                      **more.get("report_irregular_forms", {})},
        pledge_verbs=pledge_verbs,
        pledge_possessives=frozenset(more.get("pledge_possessives", [])),
        member_possessives=frozenset(more.get("member_possessives", [])),
        relative_stand_ins=frozenset(more.get("relative_stand_ins", [])),
        place_named_heads=frozenset(more.get("place_named_heads", [])),
        name_place_preps=frozenset(more.get("name_place_preps", [])),
        pledge_not_before=frozenset(more.get("pledge_not_before", [])),
        figure_openers=frozenset(more.get("figure_openers", [])),
        acting_verbs=frozenset(more.get("acting_verbs", [])),
        acting_bodies=frozenset(more.get("acting_bodies", [])),
        acting_clitics=frozenset(more.get("acting_clitics", [])),
        name_adverbs=tuple(tuple(a.split()) for a in more.get("name_adverbs", [])),
        reader_participles=frozenset(more.get("reader_participles", [])),
        relay_participles=frozenset(more.get("relay_participles", [])),
        citing_forms=frozenset(more.get("citing_forms", [])),
        citing_participles=frozenset(more.get("citing_participles", [])),
        gapped_speakers=frozenset(more.get("gapped_speakers", [])) | data.heads,
        noun_openers=frozenset(more.get("noun_openers", [])),
        contrast_links=frozenset(more.get("contrast_links", [])),
        count_preps=frozenset(more.get("count_preps", [])),
        counters=frozenset(more.get("counters", [])),
        present_participle_endings=tuple(more.get("present_participle_endings", [])),
        yield_verbs=frozenset(more.get("yield_verbs", [])),
        yield_openers=frozenset(more.get("yield_openers", [])),
        yield_nouns=frozenset(more.get("yield_nouns", [])),
        judgment_verbs=frozenset(more.get("judgment_verbs", [])),
        judgment_forms=frozenset(regular_forms(set(more.get("judgment_verbs", [])),
                                               FINITE_ENDINGS + PARTICIPLE_ENDINGS)),
        courts=tuple(more.get("courts", [])),
        filler_only=frozenset(more.get("filler_only", [])),
        clause_openers=frozenset(more.get("clause_openers", [])),
        counting_verbs=frozenset(more.get("counting_verbs", [])),
        # News agencies count too ("L'AFP a compté 71 blessés"; ``relay_agencies``).
        counting_subjects=frozenset(more.get("counters", []))
        | frozenset(more.get("gapped_speakers", []))
        | frozenset(a.lower() for a in load_data(code, "context_source").get(
            "resolution", {}).get("relay_agencies", []) if " " not in a),
        body_complements=frozenset(more.get("body_complements", [])),
        demonstratives=frozenset(more.get("demonstratives", [])),
        depending_nouns=frozenset(more.get("depending_nouns", [])),
        depending_before=frozenset(more.get("depending_before", [])),
        contrast_terms=frozenset(more.get("contrast_terms", [])),
        beneficiary_kinds=frozenset(more.get("beneficiary_kinds", [])),
        valued_at=frozenset(more.get("valued_at", [])),
        restrictive=frozenset(more.get("restrictive", [])),
        restrictive_particles=frozenset(more.get("restrictive_particles", [])),
        gerund_marker=frozenset(more.get("gerund_marker", [])),
        stressed_pronouns=frozenset(more.get("stressed_pronouns", [])),
        clause_contrasts=frozenset(more.get("clause_contrasts", [])),
        channel_turns=frozenset(more.get("channel_turns", [])),
        time_span_openers=frozenset(more.get("time_span_openers", [])),
        auxiliaries=frozenset(more.get("speech_auxiliaries", [])),
        story_people=frozenset(more.get("story_people", [])),
    )


def regular_forms(verbs: set[str], endings: tuple[str, ...]) -> dict[str, str]:
    """Conjugated form -> infinitive, for the regular first-group verbs of ``verbs``."""
    out: dict[str, str] = {}
    for verb in sorted(verbs):
        if " " in verb or not verb.endswith("er") or verb == "aller":
            continue  # only the regular first group is derived; the rest is listed
        for ending in endings:
            out.setdefault(_soft(verb[:-2], ending), verb)
    return out


@cache
def introducer_pattern(introducers: tuple[str, ...]) -> regex.Pattern[str]:
    """Any of the source introducers ``introducers`` (``introducers`` of ``[attribution]``:
    "selon", "d'après", "de source") in a lower-case text, as whole words: not inside a word
    nor a compound ("en fin d'après-midi" introduces no source)."""
    alt = "|".join(regex.escape(w.lower()) for w in sorted(introducers, key=len, reverse=True))
    return regex.compile(rf"(?<!\w)(?:{alt})(?![\w-])" if alt else r"(?!)")


def lowered_text(toks: tuple[Tok, ...]) -> str:
    """The lower-case forms of ``toks`` as one text: a space between two tokens, none after
    an elided word ("d'" and "après": "d'après"), for :func:`introducer_pattern`."""
    return "".join(t.lower if t.lower.endswith("'") else t.lower + " " for t in toks)


def speech_lemma(t: Tok, data: SourceData) -> str | None:
    lem = data.speech_forms.get(t.lower, t.lemma)
    known = lem in data.speech_verbs or lem in data.inverted_only or lem in data.learned_from
    if known and t.pos in ("VERB", "AUX", "NOUN", "ADJ"):
        return lem
    # A regular form the tagger misread ("annonçaient" as an adverb, "évoque" as an adjective).
    w = speech_words()
    derived = w.finite.get(t.lower) or w.participles.get(t.lower)
    if t.lower in data.speech_forms:
        derived = data.speech_forms[t.lower]
    if derived and t.pos not in _NOT_VERBS:
        return derived
    return None


#: Per ``SourceData`` (by identity, the object kept alive with its entry): the lower-case
#: forms and the lemmas that can make a token a verb of speech (:func:`speech_cues`).
_CUES: dict[int, tuple[SourceData, frozenset[str], frozenset[str]]] = {}


def speech_cues(data: SourceData) -> tuple[frozenset[str], frozenset[str]]:
    """The lower-case forms and the lemmas of every token :func:`speech_at` may take for a
    verb of speech: the forms it looks up (``report_forms``, ``speech_forms``, the derived
    finite forms and participles), and the lemmas it accepts (pledge and report verbs, verbs
    of speech, ``inverted_only``, ``learned_from``). A token with neither is none: the
    pre-check that lets :func:`speech_at` answer at once for most tokens (it is tried at
    every token of a sentence) without changing any answer."""
    entry = _CUES.get(id(data))
    if entry is None or entry[0] is not data:
        w = speech_words()
        forms = frozenset({*w.report_forms, *data.speech_forms, *w.finite, *w.participles})
        lemmas = frozenset({*w.pledge_verbs, *w.report_verbs, *data.speech_verbs,
                            *data.inverted_only, *data.learned_from})
        entry = _CUES[id(data)] = (data, forms, lemmas)
    return entry[1], entry[2]


def speech_at(toks: tuple[Tok, ...], v: int, data: SourceData) -> str | None:
    """The verb of speech at ``v``, if it is one here: not a reflexive that means something
    else ("S'y ajouteront 225 M€"); a verb of report only with a report as object ("le
    service dresse un bilan")."""
    t = toks[v]
    forms, lemmas = speech_cues(data)
    if t.lower not in forms and t.lemma not in lemmas:
        return None  # no form or lemma of a verb of speech (speech_cues)
    w = speech_words()
    report = w.report_forms.get(t.lower, t.lemma)
    pledges = w.pledge_verbs.get(report)
    if pledges is not None and t.pos in ("VERB", "AUX", "NOUN", "ADJ"):
        return report if _own_pledge(toks, v, pledges, w) else None
    objects = w.report_verbs.get(report)
    if objects is not None and t.pos in ("VERB", "AUX", "NOUN", "ADJ"):
        # The object within its first words ("un panorama détaillé", tagged an adjective).
        # ... or after "à la hausse" ("a révisé à la hausse ses prévisions").
        head = [x for x in toks[v + 1 : v + 8] if x.pos not in ("ADP", "PUNCT")][:5]
        return report if any(x.lemma in objects or x.lower in objects for x in head) else None
    lemma = speech_lemma(t, data)
    if lemma is not None and t.lower in w.filler_only and not (
        v > 0 and toks[v - 1].lower in data.verb_fillers
    ):
        return None  # "en l'état des prévisions": a noun, not "fait état de"
    if lemma is not None and t.lower.endswith(w.present_participle_endings):
        return None  # "..., indiquant une sévérité marquée": no subject after it, no speaker
    if lemma in w.yield_verbs and v + 1 < len(toks) and (
        toks[v + 1].text[:1].isdigit() or toks[v + 1].pos == "NUM"
        or toks[v + 1].lower in w.yield_openers
    ) and _money_after(toks, v + 1):
        return None  # "qui rapportera 25 milliards": yields, does not report
    if lemma in w.reflexive_not_speech or lemma in w.reflexive_only:
        j = v - 1
        while j >= 0 and toks[j].pos == "AUX":
            j -= 1
        reflexive = j >= 0 and toks[j].lower.replace("’", "'") in ("s'", "se", "s'y", "y")
        if reflexive == (lemma in w.reflexive_not_speech):
            return None  # "S'y ajouteront 225 M€"; "attend" but in "s'attend à"
    return lemma


def _own_pledge(toks: tuple[Tok, ...], v: int, pledges: frozenset[str], w: SpeechWords) -> bool:
    """ "L'UE a doublé son aide", "a porté à 1,1 milliard sa contribution": a pledge noun right
    after a possessive within the verb's first words; not "porte sur sa contribution", nor
    "a doublé le montant de l'aide" (whose aid is not said)."""
    if v + 1 < len(toks) and toks[v + 1].lower in w.pledge_not_before:
        return False
    for k in range(v + 2, min(v + 8, len(toks))):
        if toks[k].text in (",", ".", ";", ":"):
            return False
        if (toks[k].lemma in pledges or toks[k].lower in pledges) \
                and toks[k - 1].lower in w.pledge_possessives:
            return True
    return False


_MONEY_REACH = 12  # tokens from a verb to the currency of the amount it governs


@cache
def _currency_words(code: str = "fr") -> frozenset[str]:
    data = load_data(code, "currencies")
    return frozenset(w.lower() for c in data.get("currency", [])
                     for w in [*c.get("words", []), *c.get("symbols", []),
                               *c.get("ambiguous", [])])


def _money_after(toks: tuple[Tok, ...], k: int) -> bool:
    """ "rapportera 25 milliards de livres", "rapporte plus de 3 M€": an amount of money
    follows (what yields money; "l'InVS rapporte 54 347 visites" reports a count). A scale
    word alone ("25 milliards") is read as money too."""
    scales = {"million", "millions", "milliard", "milliards", "md", "mds", "m"}
    window = [t.lower for t in toks[k : k + _MONEY_REACH]]
    currencies = _currency_words()
    return any(w in currencies or w.rstrip("€$£") != w or w in scales
               or w in speech_words().yield_nouns for w in window)


def relative_antecedent(toks: tuple[Tok, ...], np: list[Tok]) -> bool:
    """Whether the speaker ``np`` is the antecedent of a relative clause ("..., plus optimiste
    qu'Arvalis, dont les prévisions font état de"): a body named in passing, whose figures
    do not make it the source of the report that follows."""
    if not np:
        return False
    k = np[-1].i + 1
    if not (k + 1 < len(toks) and toks[k].text == ","
            and toks[k + 1].lower in speech_words().relatives):
        return False
    # "Reuters, qui a analysé les données, indique que": the relative is an incise closed
    # before the verb of speech, whose subject the name is.
    close, depth = None, 0
    for j in range(k + 2, len(toks)):
        depth += (toks[j].text == "(") - (toks[j].text == ")")
        if toks[j].text == "," and depth <= 0:
            close = j
            break
    if close is None:
        return True
    data = source_data()
    j = close + 1
    while j < len(toks) and toks[j].lower in data.verb_fillers:
        j += 1
    return not (j < len(toks) and speech_at(toks, j, data) is not None)
