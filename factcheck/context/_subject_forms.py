"""The subject result of single rules of ``subject``: a figure glossing what comes right
before its parenthesis (``gloss``), the subject headed by a given noun, a duration's or an
age's, and a date's event. Private to ``factcheck.context`` (used by ``subject``)."""

from __future__ import annotations

from dataclasses import replace

from factcheck.context.anaphora import demonstrative_metric
from factcheck.context.durations import duration_subject
from factcheck.context.lexicon import SubjectData, grammar
from factcheck.context.measures import date_event
from factcheck.context.nlp import Figure, Tok
from factcheck.context.parallels import points_of_share
from factcheck.context.parentheses import listed_gloss, parenthesis_head, parenthesis_opening
from factcheck.context.pending import SubjectResult
from factcheck.context.phrases import lemma_of, subject_at
from factcheck.context.qualifiers import qualify
from factcheck.models import Kind


def _gloss(
    toks: tuple[Tok, ...], figs: list[Figure], results: list[SubjectResult | None], n: int,
    data: SubjectData,
) -> SubjectResult | None:
    """A figure opening a parenthesis glosses what comes right before it: the figure before
    ("les vols de 5 % (138 734)") or the noun phrase before ("les escroqueries (+7 %)",
    "victimes de violences (191 679 personnes")."""
    fig = figs[n]
    opening = parenthesis_opening(toks, fig)
    if opening is None:
        return None
    if n > 0 and figs[n - 1].last == opening:
        prev = results[n - 1]
        if prev is None or prev.subject is None:
            return None
        return replace(prev, rule="gloss_of_figure", antecedent=n - 1)
    if fig.last < len(toks) and toks[fig.last].pos == "ADV":
        return None  # "(10 directement et 2 indirectement)": parts, not a gloss
    if (m := points_of_share(toks, figs, n, data)) is not None \
            and (share := results[m]) is not None and share.subject is not None:
        # "72 % des Français soutiennent les grèves (+4 points)": the share's change.
        return replace(share, rule="points_of_share", antecedent=m)
    h = parenthesis_head(toks, fig, data)
    if h is None or demonstrative_metric(toks, h):
        return None  # "son montant (3,5 milliards)": a metric named earlier
    if n > 0 and figs[n - 1].first <= h < figs[n - 1].last \
            and (prev := results[n - 1]) is not None and prev.subject is not None:
        # "4,2 millions de spectateurs (+130 000)": the phrase glossed is the figure's own,
        # its head a word of the figure ("millions"): the gloss measures what it measures.
        return replace(prev, rule="gloss_of_figure", antecedent=n - 1)
    return _headed(toks, fig, h, data, "gloss")


def _headed(toks: tuple[Tok, ...], fig: Figure, k: int, data: SubjectData,
            rule: str) -> SubjectResult:
    """The subject whose head noun is the token ``k``, with the figure's qualifiers of it."""
    return SubjectResult(subject_at(toks, k, data), k, qualify(toks, fig, k, False), rule)


def _duration_subject(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> SubjectResult:
    """A person's age or the noun a duration measures (:mod:`factcheck.context.durations`)."""
    subject, noun, rule = duration_subject(toks, fig, data)
    return SubjectResult(subject, noun, (), rule)


def _date_subject(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> SubjectResult:
    if (j := date_event(toks, fig, data)) is not None:
        return SubjectResult(lemma_of(toks[j], data), j, (), "date_event")
    return SubjectResult(None, None, (), "date")


#: Rules of a figure whose own words name what it measures: a list item keeps them.
_OWN_RULES = frozenset({"noun_after", "unit", "shared_noun", "gloss_of_figure"})


def listed_items(toks: tuple[Tok, ...], figs: list[Figure],
                 results: list[SubjectResult | None]) -> None:
    """A figure in brackets after a later item of a list of capitalised labels measures what
    the figure of the item before does ("à Montpellier (9 500 personnes) et Mulhouse (5 500)",
    "des Syriens (47), des Egyptiens (43)"), not the label nor another noun of the clause;
    unless its own words name its metric ("Koungou (64 cas), Passamainty (5 cas)")."""
    for n in range(len(figs)):
        own = results[n]
        if own is None or own.rule in _OWN_RULES or (m := listed_gloss(toks, figs, n)) is None:
            continue
        prev = results[m]
        if prev is not None and prev.subject is not None \
                and (prev.noun is None or not toks[prev.noun].is_title):
            results[n] = replace(prev, rule="listed_gloss", antecedent=m)


#: Kinds that name when, not what: not counted among the figures a difference may restate.
_WHEN_KINDS = frozenset({Kind.DATE, Kind.YEAR, Kind.TIME, Kind.IDENTIFIER})


def restated_difference(toks: tuple[Tok, ...], figs: list[Figure], n: int,
                        data: SubjectData) -> bool:
    """Whether a figure after "c'est" is a difference restating the figure before, like one
    after "soit" ("9,2 millions de passagers, c'est 2,9 % de plus que l'an dernier"): the
    figure is followed by "de plus" or "de moins". Only after one figure at most in its
    sentence, dates and years aside: after two ("171 entreprises d'au moins 100 salariés
    ont défailli, c'est 80 % de plus"), the one restated may not be the nearest."""
    fig = figs[n]
    if sum(1 for f in figs[:n] if f.mention.kind not in _WHEN_KINDS) > 1:
        return False
    if fig.first < 2 or fig.last + 1 >= len(toks):
        return False
    opener = f"{toks[fig.first - 2].lower} {toks[fig.first - 1].lower}"
    if opener.replace("’", "'").replace("' ", "'") not in data.restating_openers:
        return False
    return toks[fig.last].lower in grammar().de \
        and toks[fig.last + 1].lower in data.difference_words
