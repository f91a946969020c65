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

The result records (``Score``, ``Accuracy``, ``EvalError``, ``EvalReport``) and the text
report (``format_report``) are in ``factcheck.eval_report``, re-exported here.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import regex

from factcheck.eval_report import Accuracy, EvalError, EvalReport, Score, format_report
from factcheck.lang import load_data
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

VALUE_TOLERANCE = 1e-6
_IDENTIFIER = str(Kind.IDENTIFIER)


class GoldError(ValueError):
    """A gold file cannot be read: the message names the file and the line."""


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Rows of a gold ``*_mentions.jsonl`` file (checked for the fields scoring needs)."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read: {exc}") from None
    rows: list[dict[str, Any]] = []
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{lineno}: not valid JSON ({exc.msg})") from None
        if not isinstance(row, dict):
            raise GoldError(f"{path}:{lineno}: expected a JSON object")
        missing = [k for k in ("id", "start", "end", "kind") if row.get(k) is None]
        if missing:
            raise GoldError(f"{path}:{lineno}: missing field(s) {', '.join(missing)}")
        rows.append(row)
    return rows


def _missing(v: Any) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))


def _close(gold: Any, pred: Any) -> bool:
    if _missing(pred):
        return False
    try:
        g, p = float(gold), float(pred)
    except (TypeError, ValueError):
        return False
    return math.isclose(g, p, rel_tol=VALUE_TOLERANCE, abs_tol=1e-12)


def _text(v: Any) -> str | None:
    return None if _missing(v) or v == "" else str(v)


def attribute_differences(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> list[str]:
    """What differs between a gold row and the predicted row it is paired with."""
    diffs: list[str] = []
    if str(gold["kind"]) != str(pred.get("kind")):
        diffs.append(f"kind {pred.get('kind')} ≠ gold {gold['kind']}")
    for name in ("value", "low", "high"):
        if not _missing(gold.get(name)) and not _close(gold[name], pred.get(name)):
            diffs.append(f"{name} {_fmt(pred.get(name))} ≠ gold {_fmt(gold[name])}")
    if _text(gold.get("unit")) != _text(pred.get("unit")):
        diffs.append(f"unit {_text(pred.get('unit'))} ≠ gold {_text(gold.get('unit'))}")
    gold_approx = _text(gold.get("approx")) or "none"
    if gold_approx != (_text(pred.get("approx")) or "none"):
        diffs.append(f"approx {_text(pred.get('approx'))} ≠ gold {gold_approx}")
    return diffs


def _fmt(v: Any) -> str:
    if _missing(v):
        return "null"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _overlap(a: Mapping[str, Any], b: Mapping[str, Any]) -> int:
    return min(int(a["end"]), int(b["end"])) - max(int(a["start"]), int(b["start"]))


def _pair(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairing by overlap size."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = _overlap(g, p)
            if ov > 0:
                same_kind = str(g["kind"]) == str(p["kind"])
                dist = abs(int(g["start"]) - int(p["start"]))
                candidates.append((-ov, not same_kind, dist, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


@cache
def _alias_data() -> tuple[frozenset[str], frozenset[str], dict[str, str]]:
    data = load_data("fr", "eval_aliases")
    articles = frozenset(data.get("articles", []))
    titles = frozenset(data.get("titles", []))
    canonical: dict[str, str] = {}
    for group in data.get("groups", []):
        keys = [" ".join(_words(name, articles, frozenset())) for name in group]
        for key in keys:
            canonical[key] = keys[0]
    return articles, titles, canonical


def _strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _words(name: str, articles: frozenset[str], titles: frozenset[str]) -> list[str]:
    words = regex.findall(r"[\p{L}\p{N}]+", _strip_accents(name).casefold())
    return [w for w in words if w not in articles and w not in titles]


def same_source(predicted: Any, gold: Any) -> bool:
    """Whether a predicted source and a gold attribution name the same person or body."""
    if _missing(predicted) or _missing(gold) or not str(predicted).strip():
        return False
    articles, titles, canonical = _alias_data()
    a = _words(str(predicted), articles, titles)
    b = _words(str(gold), articles, titles)
    if not a or not b:
        return False
    ka, kb = canonical.get(" ".join(a), " ".join(a)), canonical.get(" ".join(b), " ".join(b))
    if ka == kb or f" {ka} " in f" {kb} " or f" {kb} " in f" {ka} ":
        return True
    # Last-name match between two person names ("M. Zelensky" ~ "Volodymyr Zelensky"):
    # every remaining word is capitalised in the original text.
    return a[-1] == b[-1] and _is_person_name(str(predicted)) and _is_person_name(str(gold))


def _is_person_name(name: str) -> bool:
    articles, titles, _ = _alias_data()
    raw = regex.findall(r"[\p{L}\p{N}]+", name)
    kept = [w for w in raw if _strip_accents(w).casefold() not in articles | titles]
    return 1 <= len(kept) <= 4 and all(w[0].isupper() for w in kept)


def same_subject(predicted: Any, gold: Any) -> bool:
    """Subject lemmas compared case-insensitively (spaces normalised)."""
    if _missing(predicted) or _missing(gold):
        return False
    return " ".join(str(predicted).casefold().split()) == " ".join(str(gold).casefold().split())


def evaluate(
    gold_rows: Iterable[Mapping[str, Any]],
    claims_df: pd.DataFrame,
    article_ids: Iterable[str] | None = None,
) -> EvalReport:
    """Score ``claims_df`` (the claims table) against ``gold_rows``.

    Only articles present in the gold are scored. When ``article_ids`` (the articles that
    were read) is given, gold articles missing from it are skipped and listed in the report
    instead of being counted as entirely missed.
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
    errors: list[EvalError] = []

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

    for article in scored:
        figures = [g for g in gold_by_article[article] if str(g["kind"]) != _IDENTIFIER]
        identifiers = [g for g in gold_by_article[article] if str(g["kind"]) == _IDENTIFIER]
        preds = sorted(pred_by_article.get(article, []), key=lambda r: int(r["start"]))
        pairs = _pair(figures, preds)
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
            if has_subject and not _missing(g.get("subject")):
                ok = same_subject(p.get("subject"), g["subject"])
                subject["total"] += 1
                subject["correct"] += ok
                if not ok:
                    error(
                        article,
                        "subject",
                        g,
                        f"subject {_text(p.get('subject'))!r} ≠ gold {g['subject']!r}",
                    )
            if has_source and not _missing(g.get("attribution")):
                ok = same_source(p.get("source"), g["attribution"])
                source["total"] += 1
                source["correct"] += ok
                if not ok:
                    error(
                        article,
                        "source",
                        g,
                        f"source {_text(p.get('source'))!r} ≠ gold {g['attribution']!r}",
                    )
        paired_g = {gi for gi, _ in pairs}
        paired_p = {pi for _, pi in pairs}
        for gi, g in enumerate(figures):
            if gi not in paired_g:
                fn[str(g["kind"])] += 1
                span["fn"] += 1
                error(article, "missed", g, f"{g['kind']} {_fmt(g.get('value'))} not found")
        for pi, p in enumerate(preds):
            if pi in paired_p:
                continue
            fp[str(p["kind"])] += 1
            span["fp"] += 1
            hit = next((i for i in identifiers if _overlap(i, p) > 0), None)
            if hit is not None:
                error(
                    article,
                    "identifier",
                    p,
                    f"reported as {p['kind']} but gold says identifier {hit.get('surface')!r}",
                )
            else:
                error(article, "spurious", p, f"{p['kind']} {_fmt(p.get('value'))} not in gold")

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
        errors=tuple(sorted(errors, key=lambda e: (e.article_id, e.start, e.category))),
        articles=tuple(scored),
        skipped_articles=tuple(skipped),
        counts={"gold_figures": n_gold, "predicted_figures": n_pred},
    )
