"""Why two figures were not linked: the gate of the cross-referencing that stopped a pair,
told without the text, so that an evaluation on a frozen set says which gate to work on
(``factcheck eval --relations``: "missed links by gate").

The gates, in the order the engine passes them (:func:`gate`):

* ``no comparable figure``: a figure is not a measure with a value (or was not found);
* ``copy``: a figure of a copy, left out of the judging (it is linked to its original only);
* ``denied``: a figure said not to be;
* ``kind/unit``: two dimensions (a count and a share, euros and dollars, a change and a level);
* ``subject: ...``: two metric families (``two families``), or no family on one side
  (``none on one side``), so two blocks;
* ``not paired in the block``: one block, but the series and periods kept them from meeting;
* ``not one story``, ``part of a total``, ``one sentence``: the pair was not judged;
* ``scope: ...``: the scope cues tell them apart (outcome, qualifier, side, population, basis,
  place);
* ``event: ...``: one-off counts not tied to one event, or two events;
* ``link identity: ...``: values that meet, but two counting sides, a day's count of two
  dates or not tied to one event, two updates of a toll (on two days; judged an evolution
  when they may be one series), two distinctive values, a bound far off, a whole on one side,
  a projection (:mod:`factcheck.crossref.link_identity`);
* ``value: ...``: the values rule (a bound ten times off, too far apart for one series);
* ``evolution: not one series (...)``: two values of one family at what may be two dates, but
  nothing establishes one series (:func:`factcheck.crossref.series.series_blockers`: an
  outcome, a part or a whole read on one side only, two reaches in time, a date unknown, one
  date);
* ``identity not established``: two values that differ, nothing establishing one fact;
* ``judged, not kept``: judged a link, but another judgement of the pair came first.

Only the engine's own functions are called; nothing here decides a link."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pandas as pd

from factcheck.crossref.bodies import two_bodies
from factcheck.crossref.comparisons import compared
from factcheck.crossref.cue_words import Lexicon, load_lexicon
from factcheck.crossref.engine import _copy_links
from factcheck.crossref.link_identity import link_blockers
from factcheck.crossref.matching import ClaimView, same_story
from factcheck.crossref.pairs import candidate_pairs
from factcheck.crossref.relations import (
    EVOLUTION_RATIO,
    SCOPE_RATIO,
    _one_series,
    _same_event,
    _same_sentence,
    _toll,
    _typo,
    described_alike,
    distinct_sources,
    identity,
    judge,
    ratio,
    series_blockers,
    value_relation,
)
from factcheck.crossref.scope import qualifier_gaps
from factcheck.crossref.series import periods_apart
from factcheck.crossref.slips import swapped_digits
from factcheck.crossref.structures import find_structures
from factcheck.crossref.sum_roles import with_roles
from factcheck.crossref.views import prepare_claims

Pair = frozenset[str]


def scope_kinds(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> list[str]:
    """Which scope cues tell two figures apart (the conditions of
    :func:`factcheck.crossref.relations.scope_reasons`, named)."""
    kinds = []
    if a.outcome and b.outcome and a.outcome != b.outcome:
        kinds.append("outcome")
    elif qualifier_gaps(a.qualifiers, b.qualifiers)[0]:
        kinds.append("qualifier")
    if a.side and b.side and a.side != b.side:
        kinds.append("side")
    if a.population != b.population:
        kinds.append("population")
    if a.basis and b.basis and a.basis != b.basis:
        kinds.append("basis")
    pa, pb = a.own_places, b.own_places  # as relations.scope_reasons
    if pa and pb and not pa & pb:
        kinds.append("place")
    if two_bodies(a, b, lexicon):
        kinds.append("body")
    return kinds


def _subject_gate(a: ClaimView, b: ClaimView) -> str:
    if a.family and b.family:
        return "subject: two families"
    if a.family or b.family:
        return "subject: none on one side"
    return "subject: none on either side"


def _judged_gate(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> str:
    """The branch of :func:`factcheck.crossref.relations.judge` that gave no link."""
    if compared(a, b):
        kinds = scope_kinds(a, b, lexicon)
        return "scope: " + "/".join(kinds) if kinds else "compared"
    if a.article_id == b.article_id:
        if _same_sentence(a, b) and not distinct_sources(a, b):
            return "one sentence"
        if a.role == "part" or b.role == "part":
            return "part of a total"
    elif not same_story(a, b, lexicon):
        return "not one story"
    elif a.role == "part" or b.role == "part":
        return "part of a total"
    kinds = scope_kinds(a, b, lexicon)
    if kinds:
        return "scope: " + "/".join(kinds)
    projected = "projected" in (a.modality, b.modality) and a.modality != b.modality
    vr = value_relation(a, b)
    if projected and vr == "incompatible":
        return "scope: projected"
    if vr != "incompatible":
        if ratio(a, b) > SCOPE_RATIO:
            return "value: a bound ten times off"
        withheld = link_blockers(a, b, lexicon)
        return "link identity: " + "/".join(withheld) if withheld else "judged"
    same_article = a.article_id == b.article_id
    event = ("event" in (a.nature, b.nature) or (not a.nature and not b.nature
                                                   and (a.event or b.event))) \
        and not (a.cumulative or b.cumulative)
    if (not same_article and not _typo(a, b) and (_toll(a, lexicon) or _toll(b, lexicon))
            and not (distinct_sources(a, b) and a.published == b.published)):
        if a.family and b.family and _one_series(a, b):
            if periods_apart(a, b):
                return "evolution: not one series (periods apart)"
            blockers = sorted(set(series_blockers(a, b, lexicon)) - {"one date", "order"})
            if blockers:
                return "evolution: not one series (" + "/".join(blockers) + ")"
        return "value: too far apart for one series"
    if a.period == b.period:
        if a.revision != b.revision:
            return "identity not established"
        if not (a.family and b.family):
            return "subject: no family"
        if not described_alike(a, b, lexicon):
            return "subject: no describing word in common"
        if event and not same_article and not _same_event(a, b):
            return "event: not tied to one event"
        blockers = identity(a, b, lexicon).blockers
        return "identity not established" + (f" ({'/'.join(sorted(set(blockers)))})"
                                             if blockers else "")
    if swapped_digits(a, b):
        blockers = identity(a, b, lexicon, same_digits=True).blockers
        return "identity not established (swapped digits" + (
            f": {'/'.join(sorted(set(blockers)))})" if blockers else ")")
    if event:
        return "event: one article" if same_article else "event: two events"
    if not _one_series(a, b):
        return ("value: too far apart for one series" if ratio(a, b) > EVOLUTION_RATIO
                else "subject: no family")
    blockers = series_blockers(a, b, lexicon)
    if blockers:
        return "evolution: not one series (" + "/".join(blockers) + ")"
    return "judged"


def gate(a: ClaimView | None, b: ClaimView | None, lexicon: Lexicon,
         met: set[Pair], linked_as: str | None = None) -> str:
    """The gate that stopped the pair ``a``, ``b`` (see the module docstring); ``met``: the
    pairs of claim ids the blocks put side by side; ``linked_as``: the relation of a link
    between them (``different_scope`` for a pair judged two scopes)."""
    if a is None or b is None:
        return "no comparable figure"
    if "denied" in (a.modality, b.modality):
        return "denied"
    if a.dimension != b.dimension:
        return "kind/unit"
    if a.block != b.block:
        return _subject_gate(a, b)
    if frozenset((a.claim_id, b.claim_id)) not in met:
        return "not paired in the block"
    if linked_as == "different_scope":
        kinds = scope_kinds(a, b, lexicon)
        return "scope: " + "/".join(kinds) if kinds else "event: two events"
    found = _judged_gate(a, b, lexicon)
    if found == "judged":
        j = judge(a, b, lexicon)
        return "judged, not kept" if j is not None else "value rule"
    return found


def unlinked_gates(claims: pd.DataFrame, pairs: Iterable[tuple[str, str]],
                   links: pd.DataFrame | None = None,
                   lexicon: Lexicon | None = None) -> dict[Pair, str]:
    """The gate of each pair of claim ids of ``claims`` (the claims table given to
    :func:`factcheck.crossref.cross_reference`), read as the engine reads them; ``links``:
    the links it made (a ``different_scope`` link names the scope gate)."""
    lexicon = lexicon or load_lexicon()
    wanted = [frozenset(p) for p in pairs]
    if not wanted or claims is None or claims.empty:
        return {p: "no comparable figure" for p in wanted}
    _, drop = _copy_links(claims, lexicon)
    keep = None if drop is None else ~claims.index.isin(drop)
    copies = set() if drop is None else {str(c) for c in claims.loc[drop, "claim_id"]}
    views = prepare_claims(claims, lexicon, keep=keep)
    views = with_roles(views, find_structures(views, lexicon), lexicon)
    by_id = {v.claim_id: v for v in views}
    needed = {c for p in wanted for c in p}
    met = _met_pairs(views, needed)
    relation: dict[Pair, str] = {}
    if links is not None and len(links):
        for rec in links.to_dict("records"):
            relation[frozenset((str(rec["claim_a"]), str(rec["claim_b"])))] = str(
                rec["relation"])
    out = {}
    for p in wanted:
        ids = sorted(p)
        if len(ids) == 2 and set(ids) & copies:
            out[p] = "copy"
            continue
        a, b = (by_id.get(ids[0]), by_id.get(ids[-1]))
        out[p] = gate(a, b, lexicon, met, relation.get(p))
    return out


def _met_pairs(views: list[ClaimView], needed: set[str]) -> set[Pair]:
    """The pairs among ``needed`` figures that their blocks put side by side."""
    grouped: dict[tuple, list[ClaimView]] = defaultdict(list)
    for v in views:
        if v.block is not None and v.modality != "denied":
            grouped[v.block].append(v)
    met: set[Pair] = set()
    for members in grouped.values():
        if len(members) < 2 or not any(v.claim_id in needed for v in members):
            continue
        for a, b in candidate_pairs(members):
            if a.claim_id in needed and b.claim_id in needed:
                met.add(frozenset((a.claim_id, b.claim_id)))
    return met
