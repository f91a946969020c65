"""What the gold says of a scoring miss, told without the text (``factcheck.eval.links``):
why a flag was false, why a real inconsistency was missed, which gate stopped a pair of one
fact from being linked, and the gold facts (figures joined
through one-fact relations) both rest on."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

import pandas as pd

from factcheck.crossref.gates import unlinked_gates
from factcheck.eval.compare import same_subject

Ref = tuple[str, str, int]


Missed = list[tuple[Ref, Ref, frozenset[str] | None]]


def pair_gates_of(missed: Missed, claims: pd.DataFrame,
                  links: pd.DataFrame) -> dict[frozenset[str], str]:
    """The gate that kept each missed pair of two found figures apart, by pair."""
    pairs = [p for _, _, p in missed if p is not None and len(p) == 2]
    return unlinked_gates(claims, [tuple(p) for p in pairs], links) if pairs else {}


def _sorted_tally(tally: Counter[str]) -> dict[str, int]:
    return dict(sorted(tally.items(), key=lambda kv: (-kv[1], kv[0])))


def missed_gates(missed: Missed, gates: Mapping[frozenset[str], str]) -> dict[str, int]:
    """How many pairs of one fact left unlinked each gate of the cross-referencing stopped
    (:mod:`factcheck.crossref.gates`; ``gates`` from :func:`pair_gates_of`), within one
    article and across articles; a figure the claims do not hold is ``figure not found``."""
    tally: Counter[str] = Counter()
    for a, b, pair in missed:
        where = "within one article" if a[0] == b[0] else "across articles"
        found = gates.get(pair, "figure not found") if pair else "figure not found"
        tally[f"{found}, {where}"] += 1
    return _sorted_tally(tally)


def missed_subject_reads(missed: Missed, gates: Mapping[frozenset[str], str],
                         claims: pd.DataFrame,
                         gold_of: Mapping[str, Mapping[str, Any]]) -> dict[str, int]:
    """For the pairs of one fact a subject gate stopped ("subject: two families", "subject:
    none on one side", ...): were both subjects read as the gold reads them (then the gate, or
    the metric families, keep apart what the gold joins) or was one side misread (then the
    reading of the subject is what to fix)? Told without the text, so that a frozen set says
    which of the two to work on."""
    subject_of = (dict(zip(claims["claim_id"].astype(str), claims["subject"], strict=True))
                  if len(claims) and "subject" in claims.columns else {})
    tally: Counter[str] = Counter()
    for _, _, pair in missed:
        gate = gates.get(pair, "") if pair else ""
        if not gate.startswith("subject:"):
            continue
        wrong = 0
        for claim in sorted(pair or ()):
            gold = (gold_of.get(claim) or {}).get("subject")
            wrong += not same_subject(subject_of.get(claim), gold)
        reading = ("both read as the gold's" if wrong == 0 else
                   "one side misread" if wrong == 1 else "both misread")
        tally[f"{gate.split(' (')[0]}: {reading}"] += 1
    return _sorted_tally(tally)


def missed_cause(refs: list[Ref], pair: frozenset[str] | None, undated: set[str],
                  link_rel: dict[frozenset[str], str]) -> str:
    """What stood in the way of a real inconsistency the flags missed, told without its text:
    a figure not read, an article without a publication date (across articles, where time-
    dependent figures get no flag by design), or how its first pair was linked."""
    articles = {r[0] for r in refs}
    where = "within one article" if len(articles) == 1 else "across articles"
    if pair is None:
        return f"figure not found, {where}"
    if len(articles) > 1 and articles & undated:
        return f"an article without a date, {where}"
    predicted = link_rel.get(pair)
    return (f"linked as {predicted}, {where}" if predicted else f"not linked, {where}")


#: Fields of a gold figure that tell two facts apart, named in a false flag's cause.
FACT_FIELDS = ("subject", "qualifiers", "population", "place", "period", "attribution", "unit")


def differing_fields(rows: list[Mapping[str, Any]]) -> str:
    """Which annotated fields differ between the gold figures ``rows`` (" (differ: subject,
    period)"), " (no field differs)" when their annotated fields agree, "" when the gold
    annotates none of them."""
    def norm(value: Any) -> Any:
        if isinstance(value, list):
            return tuple(sorted(str(v).casefold() for v in value))
        return str(value).casefold().strip() if value not in (None, "") else None
    present = [f for f in FACT_FIELDS if any(f in r for r in rows)]
    if not present:
        return ""
    differ = [f for f in present if len({norm(r.get(f)) for r in rows}) > 1]
    return f" (differ: {', '.join(differ)})" if differ else " (no field differs)"


def false_flag_cause(ids: list[str], annotated: set[str], facts: Facts,
                      scoped: set[frozenset[str]], gold_pair: dict[frozenset[str], str],
                      gold_of: Mapping[str, Mapping[str, Any]] | None = None) -> str:
    """What the gold says of a false flag's figures (see the module docstring); with
    ``gold_of`` (claim id -> its gold figure), two gold facts or unrelated figures say which
    of their annotated fields differ."""
    if len(ids) < 2:
        return "one figure" if ids and ids[0] in annotated else "figure not annotated"
    if any(c not in annotated for c in ids):
        return "figure not annotated"
    pairs = [frozenset((x, y)) for i, x in enumerate(ids) for y in ids[i + 1:]]
    differ = differing_fields([gold_of[c] for c in ids if c in gold_of]) if gold_of else ""
    if any(p in scoped for p in pairs):
        return "two gold facts" + differ
    if not all(c in facts.parent for c in ids):
        return "unrelated" + differ
    roots = {facts.find(c) for c in ids}
    if len(roots) > 1:
        return "two gold facts" + differ
    direct = sorted({gold_pair[p] for p in pairs if p in gold_pair})
    return "one gold fact" + (f" ({'/'.join(direct)})" if direct else "")


class Facts:
    """Gold figures joined into facts through one-fact relations (union-find)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def mention(self, *claim_ids: str | None) -> None:
        for c in claim_ids:
            if c:
                self.parent.setdefault(c, c)

    def find(self, c: str) -> str:
        while self.parent[c] != c:
            self.parent[c] = self.parent[self.parent[c]]
            c = self.parent[c]
        return c

    def join(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)
