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
    if not follows_de and _had(toks, fig.first, data):
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
    return toks[k - 1].lower != "y"


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


def gapped_age(toks: tuple[Tok, ...], before: Figure, fig: Figure) -> bool:
    """Whether the duration ``fig`` stands in a clause coordinated by "et" after the age
    ``before``, its verb left out ("un quart avaient moins de six mois et la moitié plus de
    65 ans"): no verb, no figure and no stop between them."""
    between = toks[before.last : fig.first]
    return any(t.lower == "et" for t in between) and not any(
        t.pos in ("VERB", "AUX", "NUM") or t.text in (".", ";", ":", "(", ")")
        for t in between)


def last_duration(figs: list[Figure], n: int) -> int | None:
    """The last duration before figure ``n`` in its sentence (a share may stand between:
    "un quart avaient moins de six mois et près de la moitié plus de 65 ans")."""
    return next((m for m in range(n - 1, -1, -1) if figs[m].mention.kind == Kind.DURATION),
                None)
