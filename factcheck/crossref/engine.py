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

from collections.abc import Callable, Iterable, Iterator

import pandas as pd

from factcheck.crossref.cue_words import Lexicon, load_lexicon
from factcheck.crossref.matching import (
    ClaimView,
    blocks,
    prepare_claims,
    same_story,
    significant_digits,
)
from factcheck.crossref.reference import load_reference
from factcheck.crossref.relations import (
    Judged,
    candidate_pairs,
    cross_ok,
    days_apart,
    judge,
    same_figure,
    scope_reasons,
    value_relation,
)
from factcheck.crossref.rules import CheckContext, Rule, registered_rules
from factcheck.crossref.structures import SumStructure, find_structures, with_roles
from factcheck.models import FLAG_COLUMNS, LINK_COLUMNS, Flag, Link, stable_id

SUM_COLUMNS: tuple[str, ...] = (
    "structure_id", "article_id", "total_id", "part_ids", "mode", "status", "explanation",
    "evidence",
)
__all__ = ["SUM_COLUMNS", "cross_reference", "load_reference", "sum_checks"]


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


def _judge_all(claims: pd.DataFrame, lexicon: Lexicon, map_blocks: BlockMapper | None = None):
    views = prepare_claims(claims, lexicon)
    structures = find_structures(views, lexicon)
    views = with_roles(views, structures, lexicon)
    judged: dict[tuple[str, str], Judged] = {}
    groups = [members for members in blocks(views).values() if len(members) >= 2]
    # The first judgement of a pair wins, block after block, as if judged in one loop.
    for block_judged in (map_blocks or _judge_blocks)(groups, lexicon):
        for j in block_judged:
            judged.setdefault(_pair_key(j), j)
    for a, b in _equal_value_pairs(views, lexicon):
        key = (min(a.claim_id, b.claim_id), max(a.claim_id, b.claim_id))
        if key not in judged and cross_ok(a, b, lexicon) and value_relation(a, b) == "same":
            j = same_figure(a, b, lexicon)
            if j is not None:
                judged[key] = j
    return views, structures, list(judged.values())


def _pair_key(j: Judged) -> tuple[str, str]:
    return (min(j.a.claim_id, j.b.claim_id), max(j.a.claim_id, j.b.claim_id))


#: One value stated again in one story is linked ``same`` when it is distinctive enough:
#: EQUAL_DIGITS significant digits or more ("78 969"), or two with a describing word, a family
#: or a source in common ("29,7 Mt"), within EQUAL_DAYS days when the articles are dated.
EQUAL_DIGITS = 3
EQUAL_DAYS = 7
#: Dimensions whose repeated values say little (durations: "deux ans" of two sentences).
_EQUAL_SKIP = ("duration",)


def _equal_value_pairs(views: list[ClaimView], lexicon: Lexicon):
    """Pairs of figures of one story stating one value with the same approximation ("un
    million" and "un million", "29,7 Mt" and "29,7Mt") whatever their subjects were read as:
    the headline, the lead and the body, or two outlets, giving one figure. Nothing may tell
    them apart (:func:`_distinct`). Only ``same`` links come of them, never an accusation."""
    groups: dict[tuple, list[ClaimView]] = {}
    for v in views:
        if v.modality == "denied" or v.dimension.startswith(_EQUAL_SKIP):
            continue
        if len(significant_digits(v.value)) < 2 and not _round_but_telling(v):
            continue
        groups.setdefault((v.dimension, v.stated, v.approx), []).append(v)
    for members in groups.values():
        if len(members) < 2 or len(members) > 50:
            continue
        members.sort(key=lambda v: (v.article_id, v.start))
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if _equal_tie(a, b, lexicon):
                    yield a, b


def _round_but_telling(v: ClaimView) -> bool:
    """A one-digit value worth pairing: a share or an amount of money ("+5 %", "2 milliards
    d'euros"), or a count of a thousand or more ("un million"); not "deux" or "400"."""
    if v.value is None:
        return False
    return not v.dimension.startswith("count") or abs(v.value) >= 1000


def _related(a: ClaimView, b: ClaimView) -> bool:
    """Something besides the value: one metric family (or one unknown), one source, or a
    describing word in common ("78 969 détenus" is no "78 969 spectateurs")."""
    if not (a.family and b.family) or a.family == b.family:
        return True
    if a.source_key and a.source_key == b.source_key:
        return True
    wa = (a.words or a.sentence_words) | {a.subject.lower()}
    wb = (b.words or b.sentence_words) | {b.subject.lower()}
    return bool((wa & wb) - {""})


def _equal_tie(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> bool:
    if a.article_id != b.article_id and days_apart(a, b) > EQUAL_DAYS:
        return False
    if not same_story(a, b, lexicon) or _distinct(a, b, lexicon):
        return False
    if len(significant_digits(a.value)) >= EQUAL_DIGITS:
        return _related(a, b)
    # Fewer digits: something positive must describe both alike.
    return bool(a.family and a.family == b.family) or bool(a.words & b.words)


def _distinct(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> bool:
    """Something tells two equal figures apart: two known metric families of the lexicon
    ("10 morts et 10 blessés"), a scope difference (outcome, side, group, basis, place), two
    periods read from the text, a projection against an observation."""
    known = set(lexicon.family_nature)
    if a.family in known and b.family in known and a.family != b.family:
        return True
    if scope_reasons(a, b, lexicon) or a.modality != b.modality:
        return True
    return a.period[0] == b.period[0] == "explicit" and a.period != b.period


def _copies(claims: pd.DataFrame, lexicon: Lexicon) -> tuple[pd.DataFrame, list[Link]]:
    """Claims of copies (column ``copy_of``, see :mod:`factcheck.corpus.copies`) that repeat a
    figure of their original are linked ``same`` to it once and left out of the judging, so
    a copy neither confirms its original nor repeats its flags; what a near-copy changed or
    added is judged like any figure."""
    if claims is None or claims.empty or "copy_of" not in claims.columns:
        return claims, []
    copy_of = claims["copy_of"].astype(object).where(claims["copy_of"].notna(), "").astype(str)
    if not (copy_of != "").any():
        return claims, []
    pool: dict[tuple[str, str, str], list[str]] = {}
    for row in claims[copy_of == ""].sort_values(["article_id", "start"]).itertuples():
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
    return claims.drop(index=drop), links


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
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Links between figures about the same quantity and flags for what disagrees.

    ``claims`` has the columns of ``models.CLAIM_COLUMNS`` (context columns may be empty);
    ``reference`` is a frame from :func:`load_reference` (None: no reference check). Returns
    ``(links, flags)`` with ``models.LINK_COLUMNS`` and ``models.FLAG_COLUMNS``; ``claim_ids``,
    ``article_ids`` and ``evidence`` of flags are tuples. Ids are stable across runs.
    ``map_blocks`` judges the blocks of comparable figures elsewhere (default: here, one
    after the other); the result does not depend on it."""
    lexicon = lexicon or load_lexicon()
    judged_claims, copy_links = _copies(claims, lexicon)
    views, structures, judged = _judge_all(judged_claims, lexicon, map_blocks)
    links = copy_links + [_link(j) for j in judged]
    ctx = CheckContext(
        claims=claims if claims is not None else pd.DataFrame(),
        views={v.claim_id: v for v in views},
        judged=tuple(judged),
        structures=tuple(structures),
        reference=reference,
        lexicon=lexicon,
    )
    active = list(rules) if rules is not None else [cls() for cls in registered_rules().values()]
    flags: dict[str, Flag] = {}
    for rule in active:
        for flag in rule.check(ctx):
            flags.setdefault(flag.flag_id, flag)
    links_df = pd.DataFrame([vars_of(x, LINK_COLUMNS) for x in links], columns=list(LINK_COLUMNS))
    flags_df = pd.DataFrame([vars_of(f, FLAG_COLUMNS) for f in flags.values()],
                            columns=list(FLAG_COLUMNS))
    order = {"high": 0, "medium": 1, "low": 2}
    if not flags_df.empty:
        flags_df = flags_df.sort_values(
            ["severity", "type", "flag_id"], key=lambda s: s.map(order) if s.name == "severity"
            else s).reset_index(drop=True)
    if not links_df.empty:
        links_df = links_df.sort_values(["relation", "link_id"]).reset_index(drop=True)
    return links_df, flags_df


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
