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

from collections.abc import Iterable

import pandas as pd

from factcheck.crossref.cue_words import Lexicon, load_lexicon
from factcheck.crossref.matching import ClaimView, blocks, prepare_claims, significant_digits
from factcheck.crossref.reference import load_reference
from factcheck.crossref.relations import (
    Judged,
    candidate_pairs,
    cross_ok,
    days_apart,
    judge,
    same_figure,
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


def _judge_all(claims: pd.DataFrame, lexicon: Lexicon):
    views = prepare_claims(claims, lexicon)
    structures = find_structures(views, lexicon)
    views = with_roles(views, structures, lexicon)
    judged: dict[tuple[str, str], Judged] = {}
    for members in blocks(views).values():
        if len(members) < 2:
            continue
        for a, b in candidate_pairs(members):
            if a.claim_id == b.claim_id:
                continue
            key = (min(a.claim_id, b.claim_id), max(a.claim_id, b.claim_id))
            if key in judged:
                continue
            j = judge(a, b, lexicon)
            if j is not None:
                judged[key] = j
    for a, b in _equal_value_pairs(views):
        key = (min(a.claim_id, b.claim_id), max(a.claim_id, b.claim_id))
        if key not in judged and cross_ok(a, b, lexicon) and value_relation(a, b) == "same":
            j = same_figure(a, b, lexicon)
            if j is not None:
                judged[key] = j
    return views, structures, list(judged.values())


#: Significant digits from which one exact value in two articles within EQUAL_DAYS is worth
#: a link even when the two figures' subjects were read differently ("78 969 détenus" and
#: "78 969 personnes incarcérées").
EQUAL_DIGITS = 3
EQUAL_DAYS = 7


def _equal_value_pairs(views: list[ClaimView]):
    """Pairs of exact figures of one dimension with the same distinctive value (at least
    :data:`EQUAL_DIGITS` significant digits, not a round figure), in two articles published
    within :data:`EQUAL_DAYS` days: the same figure reported again. Only ``same`` links come
    of them, never an accusation."""
    groups: dict[tuple[str, str], list[ClaimView]] = {}
    for v in views:
        digits = significant_digits(v.value)
        if v.exact and len(digits) >= EQUAL_DIGITS and v.modality != "denied":
            groups.setdefault((v.dimension, f"{v.value!r}"), []).append(v)
    for members in groups.values():
        if len(members) < 2 or len(members) > 50:
            continue
        members.sort(key=lambda v: (v.article_id, v.start))
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if a.article_id != b.article_id and days_apart(a, b) <= EQUAL_DAYS \
                        and _related(a, b):
                    yield a, b


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
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Links between figures about the same quantity and flags for what disagrees.

    ``claims`` has the columns of ``models.CLAIM_COLUMNS`` (context columns may be empty);
    ``reference`` is a frame from :func:`load_reference` (None: no reference check). Returns
    ``(links, flags)`` with ``models.LINK_COLUMNS`` and ``models.FLAG_COLUMNS``; ``claim_ids``,
    ``article_ids`` and ``evidence`` of flags are tuples. Ids are stable across runs."""
    lexicon = lexicon or load_lexicon()
    judged_claims, copy_links = _copies(claims, lexicon)
    views, structures, judged = _judge_all(judged_claims, lexicon)
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


def sum_checks(claims: pd.DataFrame, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Every parts/total structure found in the articles with its arithmetic, consistent or
    not ("46 − 17 − 12 = 17 drones pour « le reste » : cohérent"), for display."""
    lexicon = lexicon or load_lexicon()
    structures: list[SumStructure] = find_structures(prepare_claims(claims, lexicon), lexicon)
    return pd.DataFrame([vars_of(s, SUM_COLUMNS) for s in structures], columns=list(SUM_COLUMNS))


def vars_of(record: object, columns: tuple[str, ...]) -> dict:
    return {c: getattr(record, c) for c in columns}
