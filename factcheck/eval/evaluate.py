"""Scoring extracted figures against gold annotations (``reference/gold/*_mentions.jsonl``).

Matching, per article:

* predicted and gold figures are paired one to one by span overlap, greedily from the largest
  overlap (ties: same kind first, then nearest start);
* gold ``identifier`` rows ("BM-35", "Seconde Guerre mondiale") are negatives: a predicted
  figure (not itself an identifier) left unpaired that overlaps one is a false positive, and
  they are never recall targets. Predicted identifiers are not figures and are not scored;
* a pair is a true positive when the kind matches, the value matches (relative tolerance
  1e-6, only when the gold value is not null), the unit and the approximation match, and
  ``low``/``high`` match when the gold gives them. Otherwise the pair counts as one false
  positive (predicted kind) and one false negative (gold kind);
* "span-only" scores count every pair as a true positive, whatever its attributes.

Subject accuracy and source accuracy are computed over paired gold rows that carry a
``subject`` / ``attribution``, when the claims table has ``subject`` / ``source`` columns.

The comparison of one predicted figure with one gold row (pairing, attributes, subject,
source) is in ``factcheck.eval.compare``; the result records (``Score``, ``Accuracy``,
``EvalError``, ``EvalReport``) and the text report (``format_report``) are in
``factcheck.eval.report``. Their public names are re-exported here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from factcheck.eval._jsonl import json_objects
from factcheck.eval._miss_detail import ArticleMap, source_miss, subject_miss
from factcheck.eval.compare import (
    VALUE_TOLERANCE,
    as_text,
    attribute_differences,
    has_qualifiers,
    is_missing,
    overlap,
    pair_by_overlap,
    same_period,
    same_place,
    same_source,
    same_subject,
    show_value,
    source_word_in_common,
    subject_miss_detail,
)
from factcheck.eval.report import Accuracy, EvalError, EvalReport, Score, format_report
from factcheck.models import Kind

__all__ = [
    "VALUE_TOLERANCE",
    "Accuracy",
    "EvalError",
    "EvalReport",
    "GoldError",
    "Score",
    "attribute_differences",
    "evaluate",
    "format_report",
    "load_gold",
    "same_source",
    "same_subject",
]

_IDENTIFIER = str(Kind.IDENTIFIER)


class GoldError(ValueError):
    """A gold file cannot be read: the message names the file and the line."""


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Rows of a gold ``*_mentions.jsonl`` file (checked for the fields scoring needs)."""
    rows: list[dict[str, Any]] = []
    for lineno, row in json_objects(path, GoldError):
        missing = [k for k in ("id", "start", "end", "kind") if row.get(k) is None]
        if missing:
            raise GoldError(f"{path}:{lineno}: missing field(s) {', '.join(missing)}")
        rows.append(row)
    return rows


def evaluate(
    gold_rows: Iterable[Mapping[str, Any]],
    claims_df: pd.DataFrame,
    article_ids: Iterable[str] | None = None,
    texts: Mapping[str, str] | None = None,
) -> EvalReport:
    """Score ``claims_df`` (the claims table) against ``gold_rows``.

    Only articles present in the gold are scored. When ``article_ids`` (the articles that
    were read) is given, gold articles missing from it are skipped and listed in the report
    instead of being counted as entirely missed. With ``texts`` (article id -> the text
    read), the misses are also counted finer by where the gold's noun or source is written
    and what was taken instead (``factcheck.eval._miss_detail``; labels only).
    """
    gold_by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in gold_rows:
        gold_by_article[str(row["id"])].append(dict(row))
    read = None if article_ids is None else {str(a) for a in article_ids}
    scored = sorted(a for a in gold_by_article if read is None or a in read)
    skipped = sorted(a for a in gold_by_article if read is not None and a not in read)

    records = claims_df.to_dict("records") if len(claims_df) else []
    pred_by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rec in records:
        if str(rec.get("kind")) != _IDENTIFIER:
            pred_by_article[str(rec["article_id"])].append(rec)
    has_subject = "subject" in claims_df.columns
    has_source = "source" in claims_df.columns

    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    span = Counter[str]()
    subject, source = Counter[str](), Counter[str]()
    misses: dict[str, Counter[str]] = defaultdict(Counter)
    fields: dict[str, Counter[str]] = defaultdict(Counter)
    errors: list[EvalError] = []
    field_errors: list[EvalError] = []

    def error(article: str, category: str, row: Mapping[str, Any], details: str) -> None:
        errors.append(
            EvalError(
                article,
                category,
                str(row.get("surface", "")),
                int(row["start"]),
                int(row["end"]),
                details,
            )
        )

    def detail(labels: Mapping[str, str]) -> None:
        for counter, label in labels.items():
            misses[counter][label] += 1

    for article in scored:
        figures = [g for g in gold_by_article[article] if str(g["kind"]) != _IDENTIFIER]
        identifiers = [g for g in gold_by_article[article] if str(g["kind"]) == _IDENTIFIER]
        preds = sorted(pred_by_article.get(article, []), key=lambda r: int(r["start"]))
        pairs = pair_by_overlap(figures, preds)
        amap = ArticleMap(texts[article], figures) if texts and article in texts else None
        for gi, pi in pairs:
            g, p = figures[gi], preds[pi]
            span["tp"] += 1
            diffs = attribute_differences(g, p)
            if diffs:
                fp[str(p["kind"])] += 1
                fn[str(g["kind"])] += 1
                error(article, "attribute", g, f"read as {p.get('surface')!r}: " + "; ".join(diffs))
            else:
                tp[str(g["kind"])] += 1
            if has_subject and not is_missing(g.get("subject")):
                ok = same_subject(p.get("subject"), g["subject"])
                subject["total"] += 1
                subject["correct"] += ok
                if not ok:
                    misses["subject"][_miss_kind(p.get("subject")) + ", " + subject_miss_detail(
                        p.get("subject"), g["subject"], p.get("sentence"))] += 1
                    if amap is not None:
                        detail(subject_miss(amap, g, p))
                    error(
                        article,
                        "subject",
                        g,
                        f"subject {as_text(p.get('subject'))!r} ≠ gold {g['subject']!r}",
                    )
            if has_source and not is_missing(g.get("attribution")):
                ok = same_source(p.get("source"), g["attribution"])
                source["total"] += 1
                source["correct"] += ok
                if not is_missing(p.get("source")) and str(p.get("source")).strip():
                    source["given"] += 1
                    source["given_right"] += ok
                if not ok:
                    kind = _miss_kind(p.get("source"), p.get("source_mode"),
                                      g.get("attribution_mode"))
                    another = kind.startswith("another")
                    if another:
                        kind += (", a word in common" if source_word_in_common(
                            p.get("source"), g["attribution"]) else ", no word in common")
                    misses["source"][kind] += 1
                    if amap is not None:
                        detail(source_miss(amap, g, p, "another" if another else "none"))
                    error(
                        article,
                        "source",
                        g,
                        f"source {as_text(p.get('source'))!r} ≠ gold {g['attribution']!r}",
                    )
            elif has_source and "attribution" in g and not is_missing(p.get("source")):
                # The gold says no one states this figure; the claims name someone.
                misses["source given"][_mode(p.get("source_mode"), "given")] += 1
                if amap is not None:
                    detail(source_miss(amap, g, p, "extra"))
                source["given"] += 1
            for name, ok in _field_checks(g, p, claims_df.columns):
                fields[name]["total"] += 1
                fields[name]["correct"] += ok
                if not ok:
                    field_errors.append(_field_error(article, name, g, p))
        paired_g = {gi for gi, _ in pairs}
        paired_p = {pi for _, pi in pairs}
        for gi, g in enumerate(figures):
            if gi not in paired_g:
                fn[str(g["kind"])] += 1
                span["fn"] += 1
                error(article, "missed", g, f"{g['kind']} {show_value(g.get('value'))} not found")
        for pi, p in enumerate(preds):
            if pi in paired_p:
                continue
            fp[str(p["kind"])] += 1
            span["fp"] += 1
            hit = next((i for i in identifiers if overlap(i, p) > 0), None)
            if hit is not None:
                error(
                    article,
                    "identifier",
                    p,
                    f"reported as {p['kind']} but gold says identifier {hit.get('surface')!r}",
                )
            else:
                error(
                    article, "spurious", p, f"{p['kind']} {show_value(p.get('value'))} not in gold"
                )

    kinds = sorted(set(tp) | set(fp) | set(fn))
    per_kind = {k: Score(tp[k], fp[k], fn[k]) for k in kinds}
    overall = Score(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    n_gold = sum(1 for a in scored for g in gold_by_article[a] if str(g["kind"]) != _IDENTIFIER)
    n_pred = sum(len(pred_by_article.get(a, [])) for a in scored)
    return EvalReport(
        overall=overall,
        span=Score(span["tp"], span["fp"], span["fn"]),
        per_kind=per_kind,
        subject=Accuracy(subject["correct"], subject["total"]) if has_subject else None,
        source=Accuracy(source["correct"], source["total"]) if has_source else None,
        source_precision=Accuracy(source["given_right"], source["given"])
        if has_source else None,
        errors=tuple(sorted(errors, key=lambda e: (e.article_id, e.start, e.category))),
        articles=tuple(scored),
        skipped_articles=tuple(skipped),
        counts={"gold_figures": n_gold, "predicted_figures": n_pred},
        fields={k: Accuracy(c["correct"], c["total"]) for k, c in sorted(fields.items())},
        field_errors=tuple(sorted(field_errors, key=lambda e: (e.article_id, e.start, e.category))),
        misses={k: dict(sorted(c.items())) for k, c in sorted(misses.items())},
    )


def _mode(mode: Any, side: str) -> str:
    """How a source was found (``explicit``, ``inherited``), named for one side."""
    return f"{side} {mode}" if not is_missing(mode) and str(mode) else f"{side} mode unknown"


def _miss_kind(predicted: Any, mode: Any = None, gold_mode: Any = None) -> str:
    """What kind of miss a wrong subject or source is, told without the text: nothing given
    (a source: how the gold names it, ``gold explicit`` / ``gold inherited``) or another one
    (a source: how the claims found it); ``mode`` and ``gold_mode`` only for sources."""
    if is_missing(predicted) or not str(predicted).strip():
        return "none given" + (f", {_mode(gold_mode, 'gold')}" if gold_mode is not None else "")
    return "another" + (f", {_mode(mode, 'given')}" if mode is not None else "")


def _field_error(article: str, name: str, gold: Mapping[str, Any],
                 pred: Mapping[str, Any]) -> EvalError:
    """A context field of a found figure that differs from the gold's, both values shown."""
    if name == "period":
        shown = f"[{as_text(pred.get('time_start'))}, {as_text(pred.get('time_end'))}]"
        wanted = gold.get("period")
    else:
        shown, wanted = as_text(pred.get(name)), gold.get(name)
    return EvalError(article, name, str(gold.get("surface", "")), int(gold["start"]),
                     int(gold["end"]), f"{name} {shown!r} ≠ gold {wanted!r}")


def _field_checks(gold: Mapping[str, Any], pred: Mapping[str, Any],
                  columns: Iterable[str]) -> Iterable[tuple[str, bool]]:
    """(field, right) for the context fields the gold row gives a value to: place, period
    (``[start, end]``), qualifiers (a list)."""
    columns = set(columns)
    if "place" in columns and not is_missing(gold.get("place")):
        yield "place", same_place(pred.get("place"), gold["place"])
    if "time_end" in columns and isinstance(gold.get("period"), (list, tuple)):
        yield "period", same_period(pred.get("time_start"), pred.get("time_end"), gold["period"])
    if "qualifiers" in columns and gold.get("qualifiers"):
        yield "qualifiers", has_qualifiers(pred.get("qualifiers"), gold["qualifiers"])
