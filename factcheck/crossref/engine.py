"""Cross-referencing: link figures about the same thing, check sums and reference figures,
flag what disagrees.

Flow: the claims table is reduced to comparable figures (:mod:`factcheck.crossref.matching`);
parts and totals are found inside each article (:mod:`factcheck.crossref.structures`); figures
are blocked on dimension and metric family (else source), split into series by scope, and only
pairs of one series and nearby periods, or nearest periods of other series, are judged
(:mod:`factcheck.crossref.relations`); registered rules (:mod:`factcheck.crossref.rules`) turn
judgements, structures and reference checks into flags.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

import numpy as np
import pandas as pd

from factcheck.crossref.attributes import attribute_pairs
from factcheck.crossref.cells import cell_text
from factcheck.crossref.cue_words import Lexicon, load_lexicon
from factcheck.crossref.explain import quote
from factcheck.crossref.glosses import converted_pairs, glossed_pairs
from factcheck.crossref.headlines import (
    HeadlineReading,
    headline_judgements,
    headline_readings,
    repeated_heads,
    title_ids,
)
from factcheck.crossref.matching import ClaimView, blocks
from factcheck.crossref.reference import load_reference
from factcheck.crossref.relations import Judged, candidate_pairs, cross_ok, judge
from factcheck.crossref.renamed import renamed_pairs
from factcheck.crossref.repeats import (
    MARK_KINDS,
    repeated_pairs,
    restated,
    restated_marks,
    value_restated,
)
from factcheck.crossref.rules import CheckContext, Rule, registered_rules
from factcheck.crossref.sentence_restatements import restated_in_sentence
from factcheck.crossref.structures import SumStructure, find_structures
from factcheck.crossref.sum_roles import with_roles
from factcheck.crossref.synonym_joins import with_synonym_note
from factcheck.crossref.views import prepare_claims, rows_of
from factcheck.models import FLAG_COLUMNS, LINK_COLUMNS, Flag, Link, stable_id

SUM_COLUMNS: tuple[str, ...] = (
    "structure_id", "article_id", "total_id", "part_ids", "mode", "status", "explanation",
    "evidence",
)
__all__ = ["SUM_COLUMNS", "cross_reference", "load_reference", "quiet_collector", "sum_checks"]

_quiet_depth = 0  # quiet_collector blocks entered and not left, in every thread
_quiet_lock = threading.Lock()
_quiet_saved: tuple[int, ...] = gc.get_threshold()  # the thresholds the first one found
_quiet_unfreeze = True  # nothing else had frozen objects when the first one was entered


#: The third threshold of :func:`gc.set_threshold` inside :func:`quiet_collector`: as many
#: young collections before a full one as never happen in one check.
NO_FULL_COLLECTION = 10**9


@contextmanager
def quiet_collector() -> Iterator[Callable[[], None]]:
    """Python's cyclic garbage collector kept off the tables and views already built.

    A full collection walks every live object; with the millions of objects of a large
    claims table and its views, those walks cost a tenth of checking it. Each stage's
    objects are long-lived, so what exists on entry, and what a stage built when it calls
    the ``settle`` yielded, is frozen (``gc.freeze``): collections then walk only what was
    made since. Full collections are held off altogether (the third threshold): they found
    nothing to free in a check (100,000 planted articles: 107 of them, 45.9 s of 279 s of
    checking, none freeing an object), and their number grew with the objects of the
    stages, so their cost grew with the square of the corpus (1.6 s at 10,000 articles).
    Young collections still run and free the short-lived cycles. Objects are still freed as
    soon as nothing refers to them; only cycles among frozen or old objects wait. Everything
    is unfrozen, and the thresholds put back, when the last block open in any thread is left
    (unfrozen unless something else had frozen objects before the first)."""
    global _quiet_depth, _quiet_saved, _quiet_unfreeze
    with _quiet_lock:  # threads of one process (the dashboard's sessions) share the collector
        if _quiet_depth == 0:
            _quiet_saved = gc.get_threshold()
            _quiet_unfreeze = gc.get_freeze_count() == 0
            gc.set_threshold(_quiet_saved[0], _quiet_saved[1], NO_FULL_COLLECTION)
        _quiet_depth += 1
        gc.freeze()
    try:
        yield gc.freeze
    finally:
        with _quiet_lock:
            _quiet_depth -= 1
            if _quiet_depth == 0:
                gc.set_threshold(*_quiet_saved)
                if _quiet_unfreeze:
                    gc.unfreeze()


#: How the blocks are judged: ``(blocks, lexicon)`` to the :func:`judge_block` of each block,
#: in the order of ``blocks`` (:mod:`factcheck.dask_engine` judges them on a cluster).
BlockMapper = Callable[[list[list[ClaimView]], Lexicon], Iterable[list[Judged]]]


def judge_block(members: list[ClaimView], lexicon: Lexicon) -> list[Judged]:
    """The judged candidate pairs of one block, each pair once, in the order found."""
    judged: dict[tuple[str, str], Judged] = {}
    for a, b in candidate_pairs(members):
        if a.claim_id == b.claim_id:
            continue
        key = (min(a.claim_id, b.claim_id), max(a.claim_id, b.claim_id))
        if key in judged:
            continue
        j = judge(a, b, lexicon)
        if j is not None:
            judged[key] = j
    return list(judged.values())


def _judge_blocks(groups: list[list[ClaimView]], lexicon: Lexicon) -> Iterator[list[Judged]]:
    return (judge_block(members, lexicon) for members in groups)


def _judge_all(lexicon: Lexicon, views: list[ClaimView],
               map_blocks: BlockMapper | None = None, titles: frozenset[str] = frozenset()):
    # A headline given apart is no part of its body's sums; its figures repeated by the body
    # are linked to them and judged no further (crossref/headlines.py). Its readings are
    # returned too: the rules read them (a body contradicting its headline), not again.
    structures = find_structures([v for v in views if v.claim_id not in titles] if titles
                                 else views, lexicon)
    views = with_roles(views, structures, lexicon)
    readings = headline_readings(views, titles, lexicon)
    judged: dict[tuple[str, str], Judged] = {
        _pair_key(j): j for j in headline_judgements(readings, lexicon)}
    full, views = views, _without(views, repeated_heads(readings))
    groups = [members for members in blocks(views).values() if len(members) >= 2]
    # The first judgement of a pair wins, block after block, as if judged in one loop.
    for block_judged in (map_blocks or _judge_blocks)(groups, lexicon):
        for j in block_judged:
            judged.setdefault(_pair_key(j), with_synonym_note(j, lexicon))
    # One figure stated again, met by its number or by another name of its metric: only
    # ``same`` or ``compatible`` links come of it, which no rule reads.
    # (A value link says so when the two subjects were read apart: ``value_restated``.)
    for pairs, link in ((repeated_pairs(views, lexicon), value_restated),
                        (renamed_pairs(views, lexicon), restated)):
        for a, b in pairs:
            key = _pair_key_of(a, b)
            if key not in judged and cross_ok(a, b, lexicon):
                judged[key] = link(a, b, lexicon)
    for j in one_figure_judgements(views, lexicon):
        judged.setdefault(_pair_key(j), j)
    return full, structures, list(judged.values()), readings


def _without(views: list[ClaimView], ids: frozenset[str]) -> list[ClaimView]:
    return [v for v in views if v.claim_id not in ids] if ids else views


def one_figure_judgements(views: list[ClaimView], lexicon: Lexicon,
                          attributed: list[ClaimView] | None = None) -> Iterator[Judged]:
    """The pairs told one figure by what surrounds them, judged after the blocks and the
    repeated values (a pair judged already keeps its judgement): a figure and the
    parenthesis that glosses it in its sentence ("(57,1 %)"), an age given again after one
    name ("Nahel, 17 ans") among ``attributed`` (default: ``views``); then an amount
    glossed in another currency, that amount converted. The store's additions pass the new
    figures as ``views`` and, as ``attributed``, them and the stored figures of their
    attribute keys (``archive/incremental.py``)."""
    for a, b in (*glossed_pairs(views), *restated_in_sentence(views, lexicon),
                 *attribute_pairs(views if attributed is None else attributed, lexicon)):
        yield restated(a, b, lexicon)
    for a, b in converted_pairs(views):
        yield Judged(a, b, "compatible", lexicon.say(
            "link_converted", a=quote(a, lexicon), b=quote(b, lexicon)))


def _pair_key(j: Judged) -> tuple[str, str]:
    return _pair_key_of(j.a, j.b)


def _pair_key_of(a: ClaimView, b: ClaimView) -> tuple[str, str]:
    return (min(a.claim_id, b.claim_id), max(a.claim_id, b.claim_id))


def _copies(claims: pd.DataFrame, lexicon: Lexicon) -> tuple[pd.DataFrame, list[Link]]:
    """``claims`` less the rows of copies linked to their original (:func:`_copy_links`),
    and those links."""
    links, drop = _copy_links(claims, lexicon)
    return (claims, links) if drop is None else (claims.drop(index=drop), links)


def _copy_links(claims: pd.DataFrame, lexicon: Lexicon) -> tuple[list[Link], list | None]:
    """Claims of copies (column ``copy_of``, see :mod:`factcheck.corpus.copies`) that repeat a
    figure of their original are linked ``same`` to it once and left out of the judging, so
    a copy neither confirms its original nor repeats its flags; what a near-copy changed or
    added is judged like any figure. Returns the links and the index labels of the rows left
    out of the judging (None when the table has no copy)."""
    if claims is None or claims.empty or "copy_of" not in claims.columns:
        return [], None
    copy_of = claims["copy_of"].astype(object).where(claims["copy_of"].notna(), "").astype(str)
    if not (copy_of != "").any():
        return [], None
    # Only the originals' rows are read: a few copies in a large corpus cost a few rows.
    originals = claims[(copy_of == "")
                       & claims["article_id"].astype(str).isin(set(copy_of[copy_of != ""]))]
    pool: dict[tuple[str, str, str], list[str]] = {}
    for row in originals.sort_values(["article_id", "start"]).itertuples():
        pool.setdefault((str(row.article_id), str(row.surface), str(row.kind)), []).append(
            str(row.claim_id))
    links, drop = [], []
    taken: dict[tuple[str, str, str], int] = {}
    ordered = claims.assign(copy_source=copy_of)[copy_of != ""].sort_values(["article_id", "start"])
    for row in ordered.itertuples():
        key = (row.copy_source, str(row.surface), str(row.kind))
        n = taken.get((str(row.article_id), *key[1:]), 0)
        candidates = pool.get(key, [])
        if n >= len(candidates):
            continue
        taken[(str(row.article_id), *key[1:])] = n + 1
        original = candidates[n]
        ids = sorted((original, str(row.claim_id)))
        text = lexicon.say("link_copy", surface=row.surface, copy=row.article_id,
                           original=row.copy_source)
        links.append(Link(stable_id(*ids, "same"), original, str(row.claim_id), "same", text))
        drop.append(row.Index)
    return links, drop


def _mark_links(claims: pd.DataFrame, views: list[ClaimView], lexicon: Lexicon,
                keep: np.ndarray | None = None) -> list[Link]:
    """``same`` links of dates and times stated again (:func:`repeats.restated_marks`), among
    the rows of ``claims`` that ``keep`` holds (all when None)."""
    if claims is None or claims.empty or "kind" not in claims.columns:
        return []
    # Only the rows and columns restated_marks and the links read, in the table's order.
    wanted = claims["kind"].map(lambda k: str(k or "") in MARK_KINDS).to_numpy()
    marks = claims[wanted if keep is None else wanted & keep]
    columns = [c for c in _MARK_COLUMNS if c in claims.columns]
    links = []
    for a, b in restated_marks(rows_of(marks[columns]), views):
        ids = sorted((str(a["claim_id"]), str(b["claim_id"])))
        text = lexicon.say("link_same", a=f"« {a['surface']} » ({a['article_id']})",
                           b=f"« {b['surface']} » ({b['article_id']})", value=a["resolved"])
        links.append(Link(stable_id(*ids, "same"), ids[0], ids[1], "same", text))
    return links


#: (ordinals are told by the noun their sentence ranks and by their value)
_MARK_COLUMNS = ("article_id", "claim_id", "start", "surface", "kind", "resolved", "value",
                 "sentence")


def _all_views(claims: pd.DataFrame, keep: np.ndarray | None, views: list[ClaimView],
               lexicon: Lexicon) -> list[ClaimView]:
    """``prepare_claims(claims)`` from the ``views`` of the rows ``keep`` holds (``claims``
    less some rows of copies): a figure's view depends only on its own article's rows, so
    only the articles that lost rows are read again; the order is that of ``claims``."""
    if keep is None or keep.all():
        return list(views)
    ids = claims["claim_id"].map(cell_text)
    if not ids.is_unique:
        return prepare_claims(claims, lexicon)
    articles = claims["article_id"].map(cell_text)
    dropped = ~keep
    touched = set(articles[dropped])
    again = prepare_claims(claims[articles.isin(touched).to_numpy()], lexicon)
    position = {claim_id: i for i, claim_id in enumerate(ids)}
    kept = [v for v in views if v.article_id not in touched]
    return sorted(kept + again, key=lambda v: position[v.claim_id])


def _link(j: Judged) -> Link:
    ids = sorted((j.a.claim_id, j.b.claim_id))
    return Link(stable_id(*ids, j.relation), j.a.claim_id, j.b.claim_id, j.relation,
                j.explanation)


def cross_reference(
    claims: pd.DataFrame,
    reference: pd.DataFrame | None = None,
    rules: Iterable[Rule] | None = None,
    lexicon: Lexicon | None = None,
    map_blocks: BlockMapper | None = None,
    prepared: list[ClaimView] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Links between figures about the same quantity and flags for what disagrees.

    ``claims`` has the columns of ``models.CLAIM_COLUMNS`` (context columns may be empty);
    ``reference`` is a frame from :func:`load_reference` (None: no reference check). Returns
    ``(links, flags)`` with ``models.LINK_COLUMNS`` and ``models.FLAG_COLUMNS``; ``claim_ids``,
    ``article_ids`` and ``evidence`` of flags are tuples. Ids are stable across runs.
    ``map_blocks`` judges the blocks of comparable figures elsewhere (default: here, one
    after the other); the result does not depend on it. ``prepared``, when given (a list),
    receives ``prepare_claims(claims)``, read once with the judged figures (the facts and sums
    of ``factcheck check`` need it; only the ``story`` of a figure may differ, which neither
    reads)."""
    lexicon = lexicon or load_lexicon()
    with quiet_collector() as settle:
        return _cross_reference(claims, reference, rules, lexicon, map_blocks, prepared, settle)


def _cross_reference(claims: pd.DataFrame, reference: pd.DataFrame | None,
                     rules: Iterable[Rule] | None, lexicon: Lexicon,
                     map_blocks: BlockMapper | None, prepared: list[ClaimView] | None,
                     settle: Callable[[], None]) -> tuple[pd.DataFrame, pd.DataFrame]:
    # The rows of copies linked to their original are left out of the judging: a mask over
    # the table, not a copy of it.
    copy_links, drop = _copy_links(claims, lexicon)
    keep = None if drop is None else ~claims.index.isin(drop)
    read = prepare_claims(claims, lexicon, keep=keep)
    if prepared is not None:
        prepared.extend(_all_views(claims, keep, read, lexicon))
    settle()
    views, structures, judged, readings = _judge_all(lexicon, read, map_blocks,
                                                     title_ids(claims))
    del read  # views that took a role replace theirs
    settle()
    links = copy_links + [_link(j) for j in judged] + _mark_links(claims, views, lexicon, keep)
    flags = _flags(claims, views, judged, structures, readings, reference, lexicon, rules)
    # The judgements and the views by id are not held while the tables are built.
    del judged, structures, views, readings
    flags_df = pd.DataFrame([vars_of(f, FLAG_COLUMNS) for f in flags], columns=list(FLAG_COLUMNS))
    order = {"high": 0, "medium": 1, "low": 2}
    if not flags_df.empty:
        flags_df = flags_df.sort_values(
            ["severity", "type", "flag_id"], key=lambda s: s.map(order) if s.name == "severity"
            else s).reset_index(drop=True)
    # Sorted before the table is built (as ``sort_values(["relation", "link_id"])``, stable,
    # would): one table, read column by column (no row dict per link).
    links.sort(key=lambda x: (x.relation, x.link_id))
    return frame_of(links, LINK_COLUMNS), flags_df


def _flags(claims: pd.DataFrame, views: list[ClaimView], judged: list[Judged],
           structures: list[SumStructure], readings: list[HeadlineReading],
           reference: pd.DataFrame | None, lexicon: Lexicon,
           rules: Iterable[Rule] | None) -> list[Flag]:
    """The flags the ``rules`` (all registered: None) raise, each once, in the order raised."""
    ctx = CheckContext(
        claims=claims if claims is not None else pd.DataFrame(),
        views={v.claim_id: v for v in views},
        judged=tuple(judged),
        structures=tuple(structures),
        reference=reference,
        lexicon=lexicon,
        headlines=tuple(readings),
    )
    active = list(rules) if rules is not None else [cls() for cls in registered_rules().values()]
    flags: dict[str, Flag] = {}
    for rule in active:
        for flag in rule.check(ctx):
            flags.setdefault(flag.flag_id, flag)
    return list(flags.values())


def sum_checks(claims: pd.DataFrame, lexicon: Lexicon | None = None,
               views: list[ClaimView] | None = None) -> pd.DataFrame:
    """Every parts/total structure found in the articles with its arithmetic, consistent or
    not ("46 − 17 − 12 = 17 drones pour « le reste » : cohérent"), for display. ``views``:
    ``prepare_claims(claims)`` when the caller has it already (it is the costly part)."""
    lexicon = lexicon or load_lexicon()
    if views is None:
        views = prepare_claims(claims, lexicon)
    structures: list[SumStructure] = find_structures(views, lexicon)
    return pd.DataFrame([vars_of(s, SUM_COLUMNS) for s in structures], columns=list(SUM_COLUMNS))


def vars_of(record: object, columns: tuple[str, ...]) -> dict:
    return {c: getattr(record, c) for c in columns}


def frame_of(records: list, columns: tuple[str, ...]) -> pd.DataFrame:
    """``pd.DataFrame([vars_of(r, columns) for r in records], columns=list(columns))`` read
    column by column: the same table without a dict per record."""
    if not records:
        return pd.DataFrame([], columns=list(columns))
    return pd.DataFrame({c: [getattr(r, c) for r in records] for c in columns},
                        columns=list(columns))
