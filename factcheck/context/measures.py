"""What the figure's own form and place say about the metric, for
``factcheck.context.subject``: a unit that names what is measured ("16 000 hectares", "69,9
q/ha", "à 380 km d'Athènes"), a percentage of a whole after a verb of share or "soit" (a
share: "ont représenté 22,5 % des actes"), an absolute amount after a noun of change (the
change itself: "la hausse des impôts de 40 milliards"), a participle phrase opening the
sentence ("Estimée à 29,6 Mt, la production ..."), the clitic "en" ("en ont recensé 85"), a
noun of estimate left without complement, the level reached after a change ("un repli à
91,1 %"), a percentage restating a noun of share ("la majorité des arrivées, environ 60 %")
the event a date is attached to and a pronoun subject of a change ("elles sont en hausse de
37 %"). The noun phrase a figure gives the value of (set at with "à", assessed, bounded by a
threshold, labelled after a colon) is read in ``_level_nouns``. Words in
``context_subject.toml``."""

from __future__ import annotations

import regex

from factcheck.context.anaphora import anaphora_data
from factcheck.context.lexicon import SubjectData, grammar
from factcheck.context.mistags import mistagged_noun
from factcheck.context.nlp import Figure, Tok
from factcheck.context.nouns import (
    change_phrase,
    governing_verb,
    noun_before_de,
    past_prenominal,
    phrase_top,
)
from factcheck.context.phrases import (
    head_before,
    lemma_of,
    unwrap_container,
)
from factcheck.context.relatives import noun_before_relative
from factcheck.models import Kind

_WRITTEN_UNIT = regex.compile(r"(?<=[\d\s])\p{L}+$")


def unit_subject(
    toks: tuple[Tok, ...], fig: Figure, data: SubjectData
) -> tuple[str | None, int | None] | None:
    """The metric a unit names, as (subject, noun index): the unit's subject (noun None), or
    the noun naming that metric near the figure ("une superficie de 500 hectares"). None when
    the unit names no metric or the figure is not where the unit says one ("90 km de
    lisières" is no distance)."""
    m = fig.mention
    # The unit as written first: "4,2 Mha" (read in hectares) names an area, as "Mha" says.
    written = _WRITTEN_UNIT.search(m.surface)
    entry = (written and data.unit_subjects.get(written.group())) or data.unit_subjects.get(
        m.unit or ""
    )
    if m.kind != Kind.QUANTITY or entry is None:
        return None
    if entry.after and (fig.first == 0 or toks[fig.first - 1].lower not in entry.after):
        return None
    # Before the figure only: "11 000 hectares de surfaces agricoles" is an area in hectares.
    near = (noun_before_de(toks, fig.first, data), head_before(toks, fig.first, data))
    for k in near:
        if k is not None and lemma_of(toks[k], data) in entry.nouns:
            return lemma_of(toks[k], data), k
    return entry.subject, None


def is_share(toks: tuple[Tok, ...], fig: Figure, whole: int, data: SubjectData) -> bool:
    """Whether a percentage of the whole at ``whole`` is a share of it: after "soit" or a
    verb of share ("représentent 22,5 % des actes", "soit 5,2 % des passages"), not a
    change ("soit 4 % d'augmentation")."""
    if fig.mention.kind != Kind.PERCENT or not data.share_subject:
        return False
    if lemma_of(toks[whole], data) in data.change_nouns:
        return False
    j = fig.first - 1
    while j >= 0 and toks[j].pos == "ADV" and toks[j].lower not in data.appositions:
        j -= 1  # "soit environ 5 %" ("soit" itself is tagged an adverb)
    if j >= 0 and toks[j].lower in data.appositions:
        return True
    v = governing_verb(toks, fig.first)
    if v is None or (toks[v].lemma not in data.share_verbs
                     and toks[v].lower not in data.share_verbs):
        return False
    # "L'activité du réseau représente 6,4 % de l'activité totale": a whole that names the
    # clause subject again measures that subject.
    h = head_before(toks, v, data)
    return h is None or lemma_of(toks[h], data) != lemma_of(toks[whole], data)


def change_amount(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> int | None:
    """The noun of change an absolute amount measures: "la hausse des impôts de 40
    milliards", "une augmentation de 22,6 milliards de son budget" (not "en hausse de", which
    changes the figure before it or the clause subject)."""
    if fig.mention.kind.value not in data.absolute_change_kinds:
        return None
    j = fig.first - 1
    if j < 1 or toks[j].lower not in grammar().de:
        return None
    j -= 1
    if not mistagged_noun(toks, j, data):
        while j >= 0 and toks[j].pos == "ADJ":
            j -= 1
    if j < 0 or (toks[j].pos != "NOUN" and not mistagged_noun(toks, j, data)) \
            or toks[j].is_title:
        return None
    top = phrase_top(toks, j, data)
    if lemma_of(toks[top], data) not in data.change_nouns or change_phrase(toks, top, data):
        return None
    return top


def relative(fig: Figure, data: SubjectData) -> bool:
    """A percentage or points: a relative figure ("4 % d'augmentation", "1,7 point")."""
    return fig.mention.kind == Kind.PERCENT or fig.mention.unit in data.relative_units


def bare_estimate(toks: tuple[Tok, ...], k: int | None, data: SubjectData) -> bool:
    """Whether the noun phrase head at ``k`` is a noun of estimate left without its
    complement (``head_before`` hands "l'estimation de la production" over to the
    production): "les autres estimations : 25,17 Mt pour X" estimate an earlier metric."""
    return k is not None and lemma_of(toks[k], data) in data.estimate_nouns


def partitive(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> bool:
    """Whether the verb the figure completes has the clitic "en" before it (over its
    auxiliary and adverbs): "les secours en ont comptabilisé 85", "on en compte 12"."""
    j = fig.first - 1
    while j >= 0 and toks[j].pos in ("ADV", "ADP"):
        j -= 1
    verb = False
    while j >= 0 and toks[j].pos in ("VERB", "AUX", "ADV", "ADJ"):
        verb = verb or toks[j].pos != "ADV"
        j -= 1
    if not verb or j < 0 or toks[j].lower not in data.partitive_clitics:
        return False
    # "L'organisation en comptait 9 000": "en" between a noun subject and a finite verb,
    # tagged a preposition, is the clitic too (not "est en recul", "s'établit en matinée",
    # nor a gerund, "en comptant").
    return toks[j].pos == "PRON" or (
        toks[j].pos == "ADP" and j > 0 and toks[j - 1].pos in ("NOUN", "PROPN")
        and toks[j + 1].pos in ("VERB", "AUX") and toks[j + 1].verbform == "Fin"
        and not toks[j + 1].lower.endswith("ant"))


def fronted_subject(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> int | None:
    """The subject of the main clause after a participle phrase opening the sentence:
    "Estimée à 29,6 Mt, la production de blé tendre recule" measures the production."""
    g = grammar()
    j = fig.first - 1
    if j < 1 or (toks[j].lower not in g.verb_links and toks[j].lower not in g.de):
        return None
    k = j - 1
    while k > 0 and toks[k].pos == "ADV":
        k -= 1
    if k != 0 or not toks[k].is_word or not toks[k].lower.endswith(g.participle_endings):
        return None
    comma = next((i for i in range(fig.last, len(toks)) if toks[i].text == ","), None)
    if comma is None:
        return None
    h = comma + 1
    while h < len(toks) and (toks[h].pos == "DET" or toks[h].lower in data.determiners):
        h += 1
    if h == comma + 1 or h >= len(toks) or toks[h].pos != "NOUN" or toks[h].is_title:
        return None
    return h


def level_after_change(toks: tuple[Tok, ...], k: int, fig: Figure, data: SubjectData) -> bool:
    """Whether the noun at ``k`` is a noun of change followed by "à" and the figure ("un
    repli à 91,1 %", "une baisse à près de 5 %"): the figure is the level reached."""
    if lemma_of(toks[k], data) not in data.change_nouns:
        return False
    between = toks[k + 1 : fig.first]
    links = grammar().verb_links
    return any(t.lower in links for t in between) and all(
        t.lower in links or t.pos in ("ADJ", "ADV", "ADP") for t in between)


def date_event(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> int | None:
    """The event noun a date is attached to: "l'investiture de Donald Trump le 20 janvier"."""
    j = fig.first - 1
    g = grammar()
    if j >= 0 and toks[j].lower in g.date_articles:
        j -= 1
    skipped = False
    while j >= 0 and toks[j].is_title and toks[j].pos in ("PROPN", "NOUN"):
        j -= 1
        skipped = True
    if skipped and j >= 0 and toks[j].lower in g.de_links:
        j -= 1
    if j >= 0 and toks[j].pos == "NOUN" and lemma_of(toks[j], data) in data.date_events:
        return j
    return None


def among_them(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> bool:
    """Whether "d'entre eux" follows the figure ("342 d'entre eux"): a part of a group an
    earlier figure counted."""
    after = " ".join(t.lower for t in toks[fig.last : fig.last + 4])
    after = after.replace("’", "'").replace("-", " ").replace("' ", "'")
    return any(after.startswith(phrase) for phrase in data.among_them)


def relative_antecedent(toks: tuple[Tok, ...], v: int, data: SubjectData) -> int | None:
    """The noun a relative "qui" subject of the verb at ``v`` stands for: "la hausse de
    l'encours de la dette, « qui a progressé de 1,6 milliard »" -> encours (a noun of change
    hands over to its complement); "l'économie, qui devrait croître de 2,7 %" -> économie (the
    verb an infinitive after the finite verb that governs it)."""
    j = _before_verb(toks, v)
    if j >= 1 and toks[j].pos == "VERB" and toks[j].verbform == "Fin" \
            and toks[v].lower.endswith(tuple(data.infinitive_endings)):
        j = _before_verb(toks, j)
    if j < 1 or toks[j].pos != "PRON" or toks[j].lower not in data.relative_subjects:
        return None
    return noun_before_relative(toks, _before_participle_aside(toks, j - 1), data,
                                ",«»\"“”")  # "la dette, « qui"


#: Tokens a participle's aside between commas may span ("appréhendée par les entreprises").
_PARTICIPLE_ASIDE = 8


def _before_participle_aside(toks: tuple[Tok, ...], j: int) -> int:
    """Where the antecedent of a relative pronoun ends when a participle's aside between
    commas closes at ``j`` ("une hausse des cotisations, redoutée par les entreprises, qui
    rapportera": the aside describes the noun before it): before the aside's opening comma;
    else ``j``."""
    if j < 2 or toks[j].text != ",":
        return j
    for o in range(j - 1, max(0, j - _PARTICIPLE_ASIDE - 1), -1):
        if not toks[o].is_word:
            if toks[o].text == "," and o + 1 < j and toks[o + 1].verbform == "Part":
                return o - 1
            return j
    return j


def _before_verb(toks: tuple[Tok, ...], v: int) -> int:
    """The token before the verb at ``v`` and the auxiliaries, adverbs and reflexive pronoun
    before it."""
    j = v - 1
    while j >= 0 and (toks[j].pos in ("AUX", "ADV") or toks[j].lower in ("se", "s'", "s’")):
        j -= 1
    return j


def continues_clause(toks: tuple[Tok, ...], v: int, data: SubjectData) -> bool:
    """Whether the verb at ``v`` is an infinitive after "pour" ("a progressé de 1,6 milliard
    pour atteindre 8,6 milliards"): its subject is the clause's, the figure the same metric."""
    if toks[v].verbform != "Inf":
        return False
    j = v - 1
    while j >= 0 and (toks[j].pos == "ADV" or toks[j].lower in ("se", "s'", "s’")):
        j -= 1
    return j >= 0 and toks[j].lower in data.purpose_links


def quantifier_share(
    toks: tuple[Tok, ...], fig: Figure, noun: int | None, data: SubjectData
) -> tuple[str, ...] | None:
    """The whole a percentage is a share of when a noun of share names the metric ("la
    majorité des arrivées, environ 60 %" -> arrivée; "l'essentiel (92 %) des jugements" ->
    jugement): its qualifiers; None when the figure is no such share."""
    if fig.mention.kind != Kind.PERCENT:
        return None
    if noun is not None and lemma_of(toks[noun], data) in data.share_quantifiers:
        whole = unwrap_container(toks, noun, data)
        return () if whole == noun else (lemma_of(toks[whole], data),)
    j = fig.first - 1
    if noun is not None and noun > fig.first and j >= 1 \
            and toks[j].text in grammar().gloss_openers \
            and lemma_of(toks[j - 1], data) in data.share_quantifiers:
        return (lemma_of(toks[noun], data),)
    return None


def changed_metric(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> int | None:
    """The metric of "une baisse de sa marge opérationnelle à 10 %", "la hausse du taux à
    4 %", "un recul des admissions, à 85 %": the level reached by the noun a noun of change
    wraps, read before the figure."""
    g = grammar()
    j = fig.first - 1
    if j < 3 or toks[j].lower not in g.verb_links:
        return None
    j -= 1
    if toks[j].text == ",":
        j -= 1  # "un léger recul des admissions, à près de 85 %": the level, set apart
    while j >= 0 and toks[j].pos == "ADJ":
        j -= 1
    if j < 2 or toks[j].pos != "NOUN" or toks[j].is_title:
        return None
    m = j
    j -= 1
    if toks[j].lower in data.determiners and toks[j].lower not in data.contractions \
            and toks[j].lower not in g.de_links:
        j -= 1  # "de sa marge" (not the "des" of "la hausse des prix", a "de" itself)
    if j < 1 or toks[j].lower not in g.de_links:
        return None
    return m if lemma_of(toks[j - 1], data) in data.change_nouns else None


def counted_time_noun(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> int | None:
    """A count of days or weeks the scanner did not read as a duration ("les trois
    premières semaines de juillet", "les deux premiers jours"): the time noun is what is
    counted, never another figure's metric."""
    if fig.mention.kind != Kind.COUNT or fig.last >= len(toks):
        return None
    j = past_prenominal(toks, fig.last, data)
    t = toks[j]
    many = fig.mention.value is None or fig.mention.value > 1
    if t.pos == "NOUN" and not t.is_title and lemma_of(t, data) in data.time_nouns \
            and not (many and t.number == "Sing"):  # "3,1 millions fin décembre": when
        return j
    return None


def changing_pronoun(toks: tuple[Tok, ...], v: int, data: SubjectData) -> bool:
    """Whether the verb at ``v`` of a change phrase has a subject pronoun ("elles sont en
    hausse de 37 %", "il est en recul de 3 %"): what changes was named before."""
    j = v - 1
    clitics = anaphora_data().clitics
    while j >= 0 and (toks[j].pos in ("ADV", "AUX") or toks[j].lower in clitics):
        j -= 1
    return j >= 0 and toks[j].pos == "PRON" and toks[j].lower in data.change_pronouns
