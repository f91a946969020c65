"""What a duration measures: a person's age ("Nahel, 17 ans,", "âgé de 17 ans", "des
enfants de moins de 15 ans", "des personnes de plus 70 ans", an age group "chez les moins de
65 ans", an anniversary "fête ses 100 ans", "l'âge légal de départ de 62 à 64 ans") or the
noun after "de" ("quatre ans de prison", "cinq ans d'inéligibilité", "deux mois de crise");
cue words in ``context_subject.toml`` ``[durations]``."""

from __future__ import annotations

from factcheck.context.lexicon import SubjectData, grammar
from factcheck.context.nlp import Figure, Tok
from factcheck.context.phrases import lemma_of, nounish, subject_at
from factcheck.models import Kind


def duration_subject(toks: tuple[Tok, ...], fig: Figure,
                     data: SubjectData) -> tuple[str | None, int | None, str]:
    """``(subject, noun index, rule)`` of a duration: ``age`` (the data's age subject;
    ``age_of_person`` for the age the journalist gives a person, "Nahel, 17 ans,", "un homme
    de 70 ans" or "fête ses 100 ans", which nobody states), ``duration_of`` (the noun after
    "de"), else no subject (``no_subject_kind``)."""
    if fig.mention.unit in data.age_units and (how := _age(toks, fig, data)):
        return data.age_subject, None, how
    k = _age_noun_before(toks, fig.first, data)
    if k is not None:
        return data.age_subject, k, "age"  # "l'âge légal de départ de 62 à 64 ans"
    j = fig.last
    if j + 1 < len(toks) and toks[j].lower in grammar().de and nounish(toks[j + 1], data):
        lem = lemma_of(toks[j + 1], data)
        if lem not in data.time_nouns and lem not in data.not_subjects:
            return subject_at(toks, j + 1, data), j + 1, "duration_of"
    return None, None, "no_subject_kind"


def _age(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> str | None:
    """``age`` for an age read in the sentence ("âgé de", an age group), ``age_of_person``
    for a person's age described (an apposition after a name, one person of an age holder,
    an anniversary), else None."""
    before = [t.lower for t in toks[max(0, fig.first - 4) : fig.first]]
    if any(w in data.age_markers for w in before[-3:]):
        return "age"  # "âgé de 17 ans", "est âgé entre 14 et 18 ans"
    de = grammar().de
    tail = before[:]
    if len(tail) >= 2 and tail[-1] in de and tail[-2] in data.age_comparatives:
        tail.pop()  # "de plus de" read apart from the figure
    if tail and tail[-1] in data.age_comparatives:
        tail.pop()  # "des personnes de plus 70 ans"
    if len(tail) >= 2 and tail[-1] in de and tail[-2] in data.age_holders:
        if len(tail) == len(before) and _one_person(toks, fig.first - 2):
            # One person's age, not a bound of a group ("un enfant de moins de 6 ans").
            return "age_of_person"  # "un homme de 70 ans", "une femme d'une trentaine d'années"
        return "age"  # "des enfants de moins de 15 ans"
    follows_de = fig.last < len(toks) and toks[fig.last].lower in grammar().de_links
    if before[-2:] and before[-1] in data.age_group_articles and len(before) >= 2 \
            and before[-2] in data.age_group_markers:
        return "age"  # "chez les moins de 65 ans", "parmi les 18-24 ans"
    if not follows_de and _had(toks, fig.first, data) and not _deadline(toks, fig.last, data):
        return "age"  # "82 % des décès avaient plus de 70 ans", "douze enfants avaient un mois"
    if before and before[-1] in data.anniversary_determiners and not follows_de:
        return "age_of_person"  # "fête ses 100 ans" (not "ses dix ans de mandat")
    after = toks[fig.last].text if fig.last < len(toks) else ""
    # "Nahel, 17 ans, ...": a name, a comma, the age, a comma or the sentence's end.
    if fig.first >= 2 and toks[fig.first - 1].text == "," \
            and toks[fig.first - 2].pos == "PROPN" and after in {",", ")", ".", ""}:
        return "age_of_person"
    return None


#: Words between "avoir" and an age figure ("ont entre 60 et 80 ans", "ont moins de 30 ans",
#: an opening quote: 'avaient "moins de six mois').
_HAD_GAP = frozenset({"entre", "de", "d'", '"', "«", "“"})


def _had(toks: tuple[Tok, ...], first: int, data: SubjectData) -> bool:
    """Whether the duration at ``first`` is the object of a finite "avoir" ("avaient un à deux
    mois", "ont plus de 70 ans"): an age. Not "il y a un an" (a time ago) nor "A un an des
    élections" (an unaccented "à")."""
    k = first - 1
    while k >= 0 and (toks[k].lower in _HAD_GAP or toks[k].lower in data.age_comparatives):
        k -= 1
    if k < 1 or toks[k].lemma != "avoir" or toks[k].verbform != "Fin" or toks[k].is_title:
        return False
    return toks[k - 1].lower != "y" and _people_subject(toks, k, data)


#: Adjectives and participles stepped over back from "avoir" to its subject noun.
_SUBJECT_MODIFIERS = 2


def _people_subject(toks: tuple[Tok, ...], k: int, data: SubjectData) -> bool:
    """Whether the subject of the "avoir" at ``k`` is people: a noun of ``age_holders`` or
    ``age_had_subjects`` ("les patients hospitalisés avaient"), a share or a count ("dont
    61 % ont"), a share noun ("la plupart avaient") or a part of a group ("104 d'entre eux
    ont"); not "les communes ont", a name or a bare pronoun."""
    j = k - 1
    while j >= 0 and toks[j].lower in data.age_had_skips:
        j -= 1
    for _ in range(_SUBJECT_MODIFIERS + 1):
        if j < 0:
            return False
        t = toks[j]
        if t.lower in data.age_holders or t.lower in data.age_had_subjects \
                or t.lower in data.share_quantifiers or t.pos == "NUM" or t.text == "%":
            return True
        if t.lower in data.age_had_part_pronouns:
            return j > 0 and toks[j - 1].lower == "entre"
        if t.pos not in ("ADJ", "VERB") or t.verbform not in ("Part", ""):
            return False
        j -= 1  # "les patients hospitalisés avaient"
    return False


def _deadline(toks: tuple[Tok, ...], after: int, data: SubjectData) -> bool:
    """Whether the duration ending before ``after`` is a time left, no age: followed by one
    of ``age_deadline_links`` ("un an devant eux") or of ``age_purpose_links`` and an
    infinitive, over "de" and clitics ("six mois pour se mettre en conformité")."""
    if after >= len(toks):
        return False
    if toks[after].lower in data.age_deadline_links:
        return True
    if toks[after].lower not in data.age_purpose_links:
        return False
    j = after + 1
    while j < len(toks) and (toks[j].lower in grammar().de or toks[j].pos == "PRON"):
        j += 1
    return j < len(toks) and toks[j].verbform == "Inf"


def _one_person(toks: tuple[Tok, ...], k: int) -> bool:
    """Whether the age holder at ``k`` is one person the journalist describes ("un homme",
    "une femme", "la victime"): a singular noun, unlike a group ("des enfants")."""
    return 0 <= k < len(toks) and toks[k].number == "Sing"


#: Tokens back from a figure's "de" searched for the noun "âge" its noun phrase completes.
_AGE_NOUN_WINDOW = 6


def _age_noun_before(toks: tuple[Tok, ...], first: int, data: SubjectData) -> int | None:
    """The noun ``age_subject`` in the noun phrase the figure completes after "de" ("l'âge
    légal de départ de 62 à 64 ans"): back over nouns, adjectives, articles and "de" only."""
    g = grammar()
    if first < 1 or toks[first - 1].lower not in g.de:
        return None
    for k in range(first - 2, max(-1, first - 2 - _AGE_NOUN_WINDOW), -1):
        t = toks[k]
        if t.pos == "NOUN" and lemma_of(t, data) == data.age_subject:
            return k
        if t.pos not in ("NOUN", "ADJ", "DET") and t.lower not in g.de_links:
            return None
    return None


#: Words opening a bound of ages besides ``age_comparatives`` ("et un tiers entre 40 et 60 ans").
_GAP_BOUNDS = frozenset({"entre"})


def gapped_age(toks: tuple[Tok, ...], before: Figure, fig: Figure, data: SubjectData) -> bool:
    """Whether the duration ``fig`` stands in a clause coordinated by "et" after the age
    ``before``, its verb left out ("un quart avaient moins de six mois et la moitié plus de
    65 ans"): no verb, no figure and no stop between them, a bound in years or months ("plus
    de", "moins de", "entre") and no noun of its own after "et" but a share ("la moitié"); not
    "et leur séjour en moyenne six jours", "et une dette de trois ans"."""
    between = toks[before.last : fig.first]
    ets = [i for i, t in enumerate(between) if t.lower == "et"]
    if not ets or any(t.pos in ("VERB", "AUX", "NUM") or t.text in (".", ";", ":", "(", ")")
                      for t in between):
        return False
    if fig.mention.unit not in data.age_units:
        return False
    bounds = data.age_comparatives | _GAP_BOUNDS
    opener = [t.lower for t in toks[max(0, fig.first - 2) : fig.first + 1]]
    if not any(w in bounds for w in opener):
        return False
    return not any(t.pos in ("NOUN", "PROPN") and t.lower not in data.share_quantifiers
                   for t in between[ets[-1] + 1 :])


def last_duration(figs: list[Figure], n: int) -> int | None:
    """The last duration before figure ``n`` in its sentence (a share may stand between:
    "un quart avaient moins de six mois et près de la moitié plus de 65 ans")."""
    return next((m for m in range(n - 1, -1, -1) if figs[m].mention.kind == Kind.DURATION),
                None)
