"""The speaker of a forward verb of speech before a figure: "Le ministère a annoncé que 30 %
...", "La CGT a recensé 420 000 manifestants" (:func:`forward`), with the checks that keep
an object, a passive or a clause of its own from naming one. Split from ``speakers`` (whose
inverted-verb readers it uses); used by ``factcheck.context.source`` and its helpers."""

from __future__ import annotations

from factcheck.context._coordination import first_verb_subject_end, joins_complements
from factcheck.context._relative_owner import names_a_body, relative_owner
from factcheck.context._speaker_tokens import (
    is_number,
    is_participle,
    is_passive,
    spaced_hyphen,
)
from factcheck.context._speech_words import (
    speech_at,
    speech_cues,
    speech_words,
)
from factcheck.context.lexicon import SourceData, grammar
from factcheck.context.nlp import Tok
from factcheck.context.speakers import (
    clean_name,
    in_relative_after,
    inverted_antecedent,
    inverted_at,
    topic_incise,
)
from factcheck.context.world import world_data

_DASHES = frozenset({"–", "—"})
_NOT_NAME = frozenset({"ADP", "SCONJ", "CCONJ", "NUM", "VERB", "AUX", "PRON", "ADV"})


def _states_a_fact(toks: tuple[Tok, ...], v: int, lemma: str, data: SourceData) -> bool:
    """ "le chantier accuse déjà un retard de": the verb's object says what its subject shows."""
    nouns = data.state_objects.get(lemma)
    if not nouns:
        return False
    k = v + 1
    while k < len(toks) and toks[k].pos in ("ADV", "DET", "ADJ"):
        k += 1
    return k < len(toks) and (toks[k].lower in nouns or toks[k].lemma in nouns)


def _clause_closed(toks: tuple[Tok, ...], v: int, before: int) -> bool:
    """The clause opened at ``v`` closes before the figure at ``before``: "a annoncé lundi,
    alors que la grève se poursuit, que 30 % des enseignants": the figure is in the speech
    verb's own "que" clause, the aside between them is no clause of the figure."""
    that = grammar().that
    return any(toks[k].text == "," and toks[k + 1].lower.replace("’", "'") in that
               for k in range(v + 1, min(before, len(toks) - 1)))


def forward(toks: tuple[Tok, ...], before: int, data: SourceData) -> list[Tok] | None:
    openers = speech_words().clause_openers
    forms, lemmas = speech_cues(data)
    for v in range(before - 1, -1, -1):
        t = toks[v]
        if t.lower in openers and v > 0 and toks[v - 1].text == "," and t.lower != "que" \
                and not _clause_closed(toks, v, before):
            # "La CGT a recensé 420 000 manifestants, quand les autorités en ont compté
            # 160 000": a clause of its own, the verb of speech before it is another's
            return None
        if t.lower not in forms and t.lemma not in lemmas:
            continue  # no verb of speech here (``speech_cues``: speech_at would say None)
        lemma = speech_at(toks, v, data)
        if lemma is None or _states_a_fact(toks, v, lemma, data):
            continue
        if v > 0 and toks[v - 1].pos == "AUX" and toks[v - 1].verbform == "Inf":
            continue  # "a annoncé avoir demandé": the governing verb names the speaker
        made = v > 0 and toks[v - 1].lemma == "faire"  # "font état de", tagged a participle
        if is_participle(t) and (is_passive(toks, v) or (not _has_aux(toks, v, data) and not made)):
            continue  # "l'activité était estimée à 10 %": the subject is what is estimated
        w = speech_words()
        # "retient le chiffre de": a report verb's form tagged an adjective
        known_form = t.lower in data.speech_forms or t.lower in w.finite \
            or t.lower in w.participles or t.lower in w.report_forms
        mis_tagged = known_form and t.verbform != "Inf"  # "annonce" as a noun
        if mis_tagged and t.verbform != "Fin" and v > 0 and (
            toks[v - 1].pos in ("DET", "ADP") or toks[v - 1].lower in w.noun_openers
        ):
            continue  # a noun indeed: "12 points d'avance", "l'annonce de", "Autre chiffre"
        after_filler = v > 0 and toks[v - 1].lower in data.verb_fillers  # "fait savoir"
        if t.verbform not in ("Fin", "Part") and not (mis_tagged or after_filler):
            continue
        inverted = inverted_at(toks, v, data)
        if inverted:
            if in_relative_after(toks, inverted, before, data):
                return None  # "a raconté un retraité qui faisait la queue avec ..."
            return inverted
        forecast = lemma in data.forecast_verbs  # forward only after a name (_named)
        if (lemma in data.inverted_only and not forecast) or lemma in data.learned_from \
                or lemma in data.denials:
            continue
        j = v - 1
        negated = False
        while j >= 0 and (
            toks[j].lower in data.verb_fillers or toks[j].lower in data.speech_negations
            or (toks[j].pos == "ADV" and j > 0 and toks[j - 1].pos == "AUX")  # "a nettement"
            or topic_incise(toks, j, data)
        ):
            negated = negated or toks[j].lower in data.speech_negations
            j -= 3 if topic_incise(toks, j, data) else 1
        if negated:  # "Le ministre n'a pas confirmé le chiffre": he does not state it
            continue
        if j >= 0 and toks[j].lower in speech_words().relatives:
            # "a annoncé la CGT, qui a comptabilisé 182 rassemblements": the antecedent, the
            # inverted speaker of the verb before.
            antecedent = inverted_antecedent(toks, j, data)
            if antecedent and (not forecast or _named(antecedent)):
                return antecedent
        # "Moscou dément et affirme que": the subject of the first verb.
        while (
            j > 0
            and toks[j].lower in grammar().verb_coordinators
            and (toks[j - 1].pos == "VERB" or toks[j - 1].lower in data.speech_forms)
        ):
            j -= 2
            while j >= 0 and toks[j].lower in data.verb_fillers:
                j -= 1
        if j > 0 and toks[j].lower in grammar().verb_coordinators:
            # "le FMI est devenu plus optimiste et a relevé sa prévision": the subject of the
            # first verb of the coordination.
            j = first_verb_subject_end(toks, j, data)
        if j >= 0 and toks[j].text == ",":
            # An incise: a name in apposition is the speaker, anything else is skipped.
            k, depth = j - 1, 0
            while k >= 0 and (toks[k].text != "," or depth > 0):
                depth += (toks[k].text == ")") - (toks[k].text == "(")
                k -= 1
            incise = list(toks[k + 1 : j])
            if incise and all(x.is_title for x in incise):
                return incise
            if forecast:
                continue
            if k < 0:
                continue
            j = k - 1
        np: list[Tok] = []
        if j >= 2 and toks[j].text == ")" and toks[j - 2].text == "(":
            np, j = list(toks[j - 2 : j + 1]), j - 3  # "(SSMSI) dresse": the acronym
        elif j >= 0 and toks[j].text == ")":
            # "Africa CDC (Centres de contrôle ...) avait recensé": past the gloss.
            k = j - 1
            while k >= 0 and toks[k].text not in ("(", ")"):
                k -= 1
            if k >= 0 and toks[k].text == "(":
                j = k - 1
        while j >= 0 and (toks[j].lower not in grammar().speaker_boundaries
                          or joins_complements(toks, j)) \
                and toks[j].text not in _DASHES \
                and not spaced_hyphen(toks, j):  # "Paris, le 8 février – Airbus a annoncé"
            np.insert(0, toks[j])
            j -= 1
        np = _first_conjunct(toks, j, np)
        if np and np[0].lower not in speech_words().relatives and any(
                x.lower in speech_words().finite and speech_at(toks, x.i, data) is not None
                for x in np):
            # "Les secouristes évoquent une situation critique avec": a subject holds no
            # finite verb of speech; "critique" was an adjective, the verb is further back
            continue
        if np and np[0].lower in speech_words().relatives and j >= 1 and toks[j].text == ",":
            # "Arvalis, dont les prévisions font état de", "la CGT, qui revendique": the
            # antecedent speaks.
            antecedent: list[Tok] = []
            j -= 1
            while j >= 0 and toks[j].lower not in grammar().speaker_boundaries:
                antecedent.insert(0, toks[j])
                j -= 1
            verbs = [i for i, x in enumerate(antecedent) if x.pos in ("VERB", "AUX")
                     or is_number(x)]
            # "..., a assuré Gérald Darmanin, qui a fait état de": the inverted subject;
            # "contre 31 000 pour les autorités, qui chiffrent": the body after the count.
            np = antecedent[verbs[-1] + 1 :] if verbs else antecedent
            links = speech_words().body_complements
            preps = [i for i, x in enumerate(np) if x.pos == "ADP" and x.lower not in links]
            if preps:  # "si l'on s'en tient aux chiffres de la CGT, qui": the noun phrase
                np = np[preps[-1] + 1 :]  # after the last preposition but "de"
            np = relative_owner(np, data)  # "celle du gouvernement, qui table sur"
        elif len(np) > 1 and np[-1].lower in speech_words().relatives:
            # "l'anticipation du gouvernement qui table sur 1 %": a restrictive relative
            np = relative_owner(np[:-1], data)
        if np and (not forecast or _named(np) or names_a_body(clean_name(np, data), data)):
            return np  # "Le gouvernement table sur 1 %", "celle du gouvernement, qui table"
    return None


def _first_conjunct(toks: tuple[Tok, ...], j: int, np: list[Tok]) -> list[Tok]:
    """ "La mairie de Paris et ses bénévoles ont recensé": a subject whose second conjunct
    opens with a possessive belongs to the first (its helpers, its teams), who speaks; the
    words ``np`` after the coordinator at ``j`` otherwise."""
    if not np or j < 1 or toks[j].lower not in grammar().verb_coordinators \
            or np[0].lower not in speech_words().pledge_possessives:
        return np
    k = j - 1
    first: list[Tok] = []
    while k >= 0 and toks[k].lower not in grammar().speaker_boundaries \
            and toks[k].pos not in ("VERB", "AUX") and not is_number(toks[k]):
        first.insert(0, toks[k])
        k -= 1
    if k >= 0 and toks[k].lower not in grammar().speaker_boundaries:
        return np  # "a évoqué 200 millions et ses joueurs ont annoncé": a clause of its own
    return first if any(t.pos in ("NOUN", "PROPN") for t in first) else np


def _named(np: list[Tok]) -> bool:
    """ "Le FMI", "Météo-France": the subject of a verb of forecast is a name, its first
    word past the articles capitalised ("Le contrat prévoit" names no one), and no place
    ("La Russie prévoit une croissance de 1,4 %" in a report on the IMF's outlook: the
    forecast for the country, whoever made it)."""
    words = [t for t in np if t.pos != "DET" and t.lower not in grammar().source_articles]
    if not words or not words[0].is_title or words[0].pos in _NOT_NAME:
        return False
    name = " ".join(t.text for t in words)
    w = world_data()
    return not (w.places_as_written.get(name) or w.places.get(name.lower()))


def _has_aux(toks: tuple[Tok, ...], v: int, data: SourceData) -> bool:
    """An auxiliary before the participle at ``v``, past adverbs and words that only set
    the speaker apart ("a de son côté estimé", "a pour sa part indiqué")."""
    fillers = data.verb_fillers
    auxiliaries = speech_words().auxiliaries  # "La CGT a quant à elle annoncé": "a" tagged a verb
    j = v - 1
    while j >= 0:
        if topic_incise(toks, j, data):
            j -= 3
        elif toks[j].pos == "ADV" or (toks[j].lower in fillers and toks[j].pos != "AUX"
                                      and toks[j].lower not in auxiliaries):
            j -= 1
        else:
            break
    return j >= 0 and (toks[j].pos == "AUX" or toks[j].lower in auxiliaries)
