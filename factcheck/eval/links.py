"""Cross-referencing scored against annotated relations: are the figures that report one fact
linked, are the flags real inconsistencies, and are the real inconsistencies flagged?

Gold relations use the format of ``reference/gold/*_relations.jsonl``: a pair
``{"a": [article, surface, occurrence], "b": [...], "relation": ...}`` or a sum
``{"a": total, "parts": [...], "relation": "sum_ok" | "sum_partial" | "sum_mismatch"}``.
Figures are found through the gold mentions (``id``, ``surface``, ``occurrence`` give the
offsets), then paired with the predicted claims of their article by span overlap, as the
extraction is scored.

Scores:

* **link recall**: of the gold pairs that report one fact (``same``, ``compatible``,
  ``evolution``, ``contradiction``, ``sources_disagree``), the share whose two claims are
  linked (any relation but ``different_scope``); and the share linked with the gold relation
  (``sources_disagree`` and ``contradiction`` both count as a disagreement);
* **flag precision**: the share of flags that are real: a flag is real when two of its claims
  (or its one claim and another) are a gold ``contradiction`` (or, for a
  ``sources_disagree`` flag, a gold ``sources_disagree``), or its claims hold a gold
  ``sum_mismatch`` total and one of its parts. A figure the gold says is the same report as
  another (``same``: the headline's figure stated again in the body; not ``compatible``, since
  "au moins 10" may agree with what 12 disagrees with) stands for it: a flag on the body's
  figure of an annotated contradiction between the headline's and another article's is real.
  Given for high-severity flags apart;
* **inconsistency recall**: the share of gold ``contradiction`` and ``sum_mismatch`` relations
  that some flag covers;
* **link precision**: of the predicted links (any relation but ``different_scope``) between
  two figures that the gold relations mention, the share whose figures report one fact in the
  gold (joined through one-fact relations: A same B and B evolution C make A, B, C one fact);
  figures no gold relation mentions are left out, since nothing is known of them;
* **flags per 100 articles**;
* **false flags by cause**: what the gold says of a false flag's figures, so that a frozen
  set can say which gate failed without anyone reading its texts: ``one gold fact`` (the
  figures report one fact and agree: the values or sources were misjudged),
  ``two gold facts`` (the gold puts them in different facts or a ``different_scope``:
  identity was wrong), ``unrelated`` (both annotated, no relation joins them: most often
  different facts nobody thought to relate), ``figure not annotated`` (a figure the gold
  does not hold: an extraction error or a figure read where there is none; with its kind,
  "figure not annotated (count)"); each split
  ``within one article`` / ``across articles``;
* **missed inconsistencies by cause**: what stood in the way of each real inconsistency no
  flag covers: ``figure not found``, ``an article without a date`` (across articles, where
  figures that depend on time get no flag by design), ``not linked`` or ``linked as <relation>``
  (the figures were compared and judged otherwise); each split as above;
* **missed links by gate**: for each pair of one fact left unlinked, the gate of the
  cross-referencing that stopped it (:mod:`factcheck.crossref.gates`: two subjects, two
  units, not one story, a scope cue, the value rule...), split as above.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from factcheck.crossref.draft import split_ids
from factcheck.crossref.gates import unlinked_gates
from factcheck.eval._causes import (
    Facts,
    Ref,
    false_flag_cause,
    missed_cause,
    missed_gates,
    missed_subject_reads,
    pair_gates_of,
)
from factcheck.eval._jsonl import json_objects
from factcheck.eval._relation_report import Ratio, RelationReport
from factcheck.eval._relation_report import format_relation_report as format_relation_report
from factcheck.eval.compare import pair_by_overlap

#: Gold relations between two figures that report one fact.
ONE_FACT = frozenset({"same", "compatible", "evolution", "contradiction", "sources_disagree"})
#: Gold relations a checker should flag.
INCONSISTENT = frozenset({"contradiction", "sum_mismatch"})
_DISAGREE = frozenset({"contradiction", "sources_disagree"})
#: The head of the cause of a miss across an article without a publication date.
_UNDATED = "an article without a date"


class RelationsError(ValueError):
    """A relations file cannot be read: the message names the file and the line."""


def load_relations(path: str | Path) -> list[dict[str, Any]]:
    """Rows of a gold ``*_relations.jsonl`` file, checked for the fields scoring needs."""
    rows = []
    for lineno, row in json_objects(path, RelationsError):
        if "a" not in row or "relation" not in row:
            raise RelationsError(f"{path}:{lineno}: expected an object with 'a' and 'relation'")
        if "b" not in row and "parts" not in row:
            raise RelationsError(f"{path}:{lineno}: a relation needs 'b' or 'parts'")
        refs = [row["a"], *([row["b"]] if "b" in row else row["parts"])]
        if not all(isinstance(r, list) and len(r) == 3 for r in refs):
            raise RelationsError(f"{path}:{lineno}: a figure is [article, surface, occurrence]")
        rows.append(row)
    return rows


def _ref(value: Any) -> Ref:
    article, surface, occurrence = value
    return (str(article), str(surface), int(occurrence))


def _show(ref: Ref) -> str:
    return f"{ref[0]}:{ref[1]!r}" + (f"#{ref[2]}" if ref[2] else "")


def _claims_of_gold(
    gold_rows: Iterable[Mapping[str, Any]], claims: pd.DataFrame
) -> dict[Ref, str]:
    """Gold figure (article, surface, occurrence) -> predicted claim id, by span overlap."""
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in gold_rows:
        by_article[str(row["id"])].append(dict(row))
    preds: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rec in claims.to_dict("records") if len(claims) else []:
        preds[str(rec["article_id"])].append(rec)
    found: dict[Ref, str] = {}
    for article, rows in by_article.items():
        candidates = sorted(preds.get(article, []), key=lambda r: int(r["start"]))
        for gi, pi in pair_by_overlap(rows, candidates):
            g = rows[gi]
            found[(article, str(g["surface"]), int(g.get("occurrence") or 0))] = str(
                candidates[pi]["claim_id"])
    return found


def score_relations(
    gold_rows: Iterable[Mapping[str, Any]],
    relations: Iterable[Mapping[str, Any]],
    claims: pd.DataFrame,
    links: pd.DataFrame,
    flags: pd.DataFrame,
    article_ids: Iterable[str],
    undated: Iterable[str] = (),
) -> RelationReport:
    """Score ``links`` and ``flags`` (from ``cross_reference``) against gold ``relations``.
    ``undated``: the articles without a publication date, named as the cause of a missed
    inconsistency across articles."""
    article_set = {str(a) for a in article_ids}
    undated_set = {str(a) for a in undated}
    gold_rows = list(gold_rows)
    claim_of = _claims_of_gold(gold_rows, claims)
    gold_of = {claim_of[ref]: row for row in gold_rows
               if (ref := (str(row["id"]), str(row["surface"]), int(row.get("occurrence") or 0)))
               in claim_of}
    link_rel: dict[frozenset[str], str] = {}
    for rec in links.to_dict("records") if len(links) else []:
        link_rel[frozenset((str(rec["claim_a"]), str(rec["claim_b"])))] = str(rec["relation"])

    unresolved: list[str] = []
    real_pairs: dict[frozenset[str], str] = {}  # claim pair -> gold relation worth a flag
    inconsistencies: list[tuple[str, list[frozenset[str]]]] = []
    missing_why: dict[str, str] = {}  # inconsistency label -> what stood in its way
    linked = linked_right = one_fact = 0
    missed_links: list[str] = []
    missed_pairs: list[tuple[Ref, Ref, frozenset[str] | None]] = []
    facts = Facts()
    scoped: set[frozenset[str]] = set()  # pairs the gold says measure different things
    gold_pair: dict[frozenset[str], str] = {}  # pair -> its annotated one-fact relation
    reports = Facts()  # figures the gold says are one report (same)
    for rel in relations:
        kind = str(rel["relation"])
        a = _ref(rel["a"])
        others = [_ref(p) for p in rel.get("parts", [])] or [_ref(rel["b"])]
        if a[0] not in article_set or any(o[0] not in article_set for o in others):
            continue
        ca = claim_of.get(a)
        cos = [claim_of.get(o) for o in others]
        label = f"{kind}: {_show(a)} / " + ", ".join(_show(o) for o in others)
        facts.mention(ca, *cos)
        if "b" in rel:
            cb = cos[0]
            pair = frozenset((ca, cb)) if ca and cb else None
            if kind in ONE_FACT:
                one_fact += 1
                if ca and cb:
                    facts.join(ca, cb)
                predicted = link_rel.get(pair) if pair else None
                if predicted is not None and predicted != "different_scope":
                    linked += 1
                    right = predicted == kind or (kind in _DISAGREE and predicted in _DISAGREE)
                    linked_right += right
                else:
                    missed_links.append(f"{label} (predicted: {predicted or 'no link'})")
                    missed_pairs.append((a, others[0], pair))
            if kind == "different_scope" and pair:
                scoped.add(pair)
            if kind in ONE_FACT and pair:
                gold_pair[pair] = kind
            if kind == "same" and ca and cb:
                reports.mention(ca, cb)
                reports.join(ca, cb)
            if kind in ("contradiction", "sources_disagree") and pair:
                real_pairs[pair] = kind
            if kind in INCONSISTENT:
                inconsistencies.append((label, [pair] if pair else []))
                missing_why[label] = missed_cause([a, *others], pair, undated_set, link_rel)
        elif kind == "sum_mismatch":
            pairs = [frozenset((ca, c)) for c in cos if ca and c]
            for pair in pairs:
                real_pairs[pair] = kind
            inconsistencies.append((label, pairs))
            missing_why[label] = missed_cause([a, *others], pairs[0] if len(pairs) == len(cos)
                                               else None, undated_set, link_rel)
        if ca is None or any(c is None for c in cos):
            unresolved.append(label)

    right_links, wrong_links = _link_precision(links, facts, claims)
    n_flags = 0
    real = real_high = n_high = 0
    by_type: dict[str, int] = defaultdict(int)
    false_flags: list[str] = []
    causes: dict[str, int] = defaultdict(int)
    annotated = set(claim_of.values())
    kind_of = (dict(zip(claims["claim_id"].astype(str), claims["kind"].astype(str), strict=True))
               if len(claims) else {})
    covered: set[frozenset[str]] = set()

    def report_pair(p: frozenset[str]) -> frozenset[str]:
        """A pair of figures as a pair of reports: the headline's figure stated again in the
        body disagrees with what its original disagrees with."""
        return frozenset(reports.find(c) if c in reports.parent else c for c in p)

    real_reports: dict[frozenset[str], str] = {}
    for p, kind in real_pairs.items():
        if real_reports.get(report_pair(p)) not in INCONSISTENT:
            real_reports[report_pair(p)] = kind
    for rec in flags.to_dict("records") if len(flags) else []:
        if not set(split_ids(rec.get("article_ids"))) & article_set:
            continue
        n_flags += 1
        ftype = str(rec["type"])
        by_type[ftype] += 1
        ids = split_ids(rec.get("claim_ids"))
        pairs = {frozenset((x, y)) for i, x in enumerate(ids) for y in ids[i + 1:]}
        if len(ids) == 1:
            # A flag on one figure ("jeudi 19 juin" is a Monday) is real when that figure is
            # one side of a real inconsistency: it points at the wrong one.
            # (Only the annotated figure itself: a restatement of it is not pointed at.)
            pairs = {p for p in real_pairs if ids[0] in p}
        # A sources_disagree flag is right on two sources at odds (or worse); any other flag
        # only on a real inconsistency.
        allowed = _DISAGREE | INCONSISTENT if ftype == "sources_disagree" else INCONSISTENT
        hits = {report_pair(p) for p in pairs if real_reports.get(report_pair(p)) in allowed}
        is_real = bool(hits)
        covered |= hits
        high = str(rec.get("severity")) == "high"
        n_high += high
        real += is_real
        real_high += is_real and high
        if not is_real:
            false_flags.append(f"{ftype} ({rec.get('severity')}): {rec.get('explanation')}")
            cause = false_flag_cause(ids, annotated, facts, scoped, gold_pair, gold_of)
            if cause == "figure not annotated":
                # Which kind of number the gold does not count: a span read differently, a
                # date part, a rank, a score ("figure not annotated (count)").
                kinds = sorted({kind_of.get(c, "?") for c in ids if c not in annotated})
                cause += f" ({', '.join(kinds)})"
            where = ("within one article" if len(set(split_ids(rec.get("article_ids")))) == 1
                     else "across articles")
            causes[f"{ftype}: {cause}, {where}"] += 1
    caught = sum(1 for _, pairs in inconsistencies
                 if any(report_pair(p) in covered for p in pairs))
    missed = [label for label, pairs in inconsistencies
              if not any(report_pair(p) in covered for p in pairs)]
    # A pair never linked (or across an undated article: a period the texts close on both
    # figures may stand for the date) says which gate of the cross-referencing stopped it.
    unlinked = {label: pairs[0] for label, pairs in inconsistencies
                if label in missed and pairs
                and missing_why[label].startswith(("not linked", _UNDATED))}
    gates = unlinked_gates(claims, [tuple(p) for p in unlinked.values()], links) \
        if unlinked else {}
    missed_causes: dict[str, int] = defaultdict(int)
    for label in missed:
        why = missing_why[label]
        if label in unlinked and unlinked[label] in gates:
            head = _UNDATED if why.startswith(_UNDATED) else "not linked"
            why = why.replace(head, f"{head} ({gates[unlinked[label]]})", 1)
        missed_causes[why] += 1
    pair_gates = pair_gates_of(missed_pairs, claims, links)
    return RelationReport(
        link_recall=Ratio(linked, one_fact),
        link_relation=Ratio(linked_right, one_fact),
        link_precision=Ratio(right_links, right_links + len(wrong_links)),
        flag_precision=Ratio(real, n_flags),
        high_flag_precision=Ratio(real_high, n_high),
        inconsistency_recall=Ratio(caught, len(inconsistencies)),
        n_articles=len(article_set),
        n_flags=n_flags,
        flags_by_type=dict(sorted(by_type.items())),
        false_flags=tuple(false_flags),
        false_flag_causes=dict(sorted(causes.items())),
        missed_causes=dict(sorted(missed_causes.items())),
        missed_link_gates=missed_gates(missed_pairs, pair_gates),
        missed_link_subjects=missed_subject_reads(missed_pairs, pair_gates, claims, gold_of),
        missed_inconsistencies=tuple(missed),
        missed_links=tuple(missed_links),
        unresolved=tuple(unresolved),
        wrong_links=tuple(wrong_links),
    )


def _link_precision(links: pd.DataFrame, facts: Facts,
                    claims: pd.DataFrame) -> tuple[int, list[str]]:
    """Predicted links between two figures the gold mentions: how many join one gold fact,
    and the others, described."""
    rows = claims.to_dict("records") if len(claims) else []
    surface = {str(r["claim_id"]): str(r["surface"]) for r in rows}
    article = {str(r["claim_id"]): str(r["article_id"]) for r in rows}
    right, wrong = 0, []
    for rec in links.to_dict("records") if len(links) else []:
        a, b, relation = str(rec["claim_a"]), str(rec["claim_b"]), str(rec["relation"])
        if relation == "different_scope" or a not in facts.parent or b not in facts.parent:
            continue
        if facts.find(a) == facts.find(b):
            right += 1
        else:
            wrong.append(f"{relation}: {article.get(a)}:{surface.get(a)!r} / "
                         f"{article.get(b)}:{surface.get(b)!r}")
    return right, wrong
