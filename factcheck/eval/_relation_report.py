"""The record of a relation scoring (:class:`RelationReport`, its :class:`Ratio` scores) and
its text for the terminal (:func:`format_relation_report`). Private to ``factcheck.eval``
(``links`` re-exports all three)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Ratio:
    hits: int
    total: int

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def __str__(self) -> str:
        v = self.value
        return f"{self.hits}/{self.total}" + ("" if v is None else f" ({v:.0%})")

    def to_dict(self) -> dict[str, Any]:
        return {"hits": self.hits, "total": self.total, "value": self.value}


@dataclass(frozen=True, slots=True)
class RelationReport:
    link_recall: Ratio
    link_relation: Ratio
    link_precision: Ratio
    flag_precision: Ratio
    high_flag_precision: Ratio
    inconsistency_recall: Ratio
    n_articles: int
    n_flags: int
    flags_by_type: dict[str, int] = field(default_factory=dict)
    false_flags: tuple[str, ...] = ()
    false_flag_causes: dict[str, int] = field(default_factory=dict)
    missed_causes: dict[str, int] = field(default_factory=dict)
    missed_link_gates: dict[str, int] = field(default_factory=dict)
    #: Of the pairs a subject gate stopped: both subjects read as the gold's, or one misread.
    missed_link_subjects: dict[str, int] = field(default_factory=dict)
    missed_inconsistencies: tuple[str, ...] = ()
    missed_links: tuple[str, ...] = ()
    unresolved: tuple[str, ...] = ()
    wrong_links: tuple[str, ...] = ()

    @property
    def flags_per_100(self) -> float | None:
        return 100 * self.n_flags / self.n_articles if self.n_articles else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "link_recall": self.link_recall.to_dict(),
            "link_relation": self.link_relation.to_dict(),
            "link_precision": self.link_precision.to_dict(),
            "flag_precision": self.flag_precision.to_dict(),
            "high_flag_precision": self.high_flag_precision.to_dict(),
            "inconsistency_recall": self.inconsistency_recall.to_dict(),
            "articles": self.n_articles,
            "flags": self.n_flags,
            "flags_per_100_articles": self.flags_per_100,
            "flags_by_type": self.flags_by_type,
            "false_flags": list(self.false_flags),
            "missed_causes": self.missed_causes,
            "missed_link_gates": self.missed_link_gates,
            "missed_link_subjects": self.missed_link_subjects,
            "false_flag_causes": self.false_flag_causes,
            "missed_inconsistencies": list(self.missed_inconsistencies),
            "missed_links": list(self.missed_links),
            "unresolved": list(self.unresolved),
            "wrong_links": list(self.wrong_links),
        }


def format_relation_report(report: RelationReport, max_items: int | None = 60) -> str:
    per100 = report.flags_per_100
    lines = [
        "Cross-referencing against annotated relations",
        f"  link recall (one fact, linked):        {report.link_recall}",
        f"  link recall (with the gold relation):  {report.link_relation}",
        f"  link precision (annotated figures):     {report.link_precision}",
        f"  flag precision (all):                   {report.flag_precision}",
        f"  flag precision (high severity):         {report.high_flag_precision}",
        f"  real inconsistencies flagged:           {report.inconsistency_recall}",
        f"  flags: {report.n_flags} for {report.n_articles} articles"
        + ("" if per100 is None else f" ({per100:.1f} per 100 articles)"),
    ]
    if report.flags_by_type:
        lines.append("  by type: " + ", ".join(f"{k} {v}" for k, v in
                                                report.flags_by_type.items()))
    if report.false_flag_causes:
        lines.append("  false flags by cause: " + ", ".join(
            f"{k} {v}" for k, v in report.false_flag_causes.items()))
    if report.missed_causes:
        lines.append("  missed inconsistencies by cause: " + ", ".join(
            f"{k} {v}" for k, v in report.missed_causes.items()))
    if report.missed_link_gates:
        lines.append("  missed links by gate: " + ", ".join(
            f"{k} {v}" for k, v in report.missed_link_gates.items()))
    if report.missed_link_subjects:
        lines.append("  missed links at a subject gate: " + ", ".join(
            f"{k} {v}" for k, v in report.missed_link_subjects.items()))
    for title, items in (("False flags", report.false_flags),
                         ("Real inconsistencies missed", report.missed_inconsistencies),
                         ("Pairs of one fact not linked", report.missed_links),
                         ("Links between two facts", report.wrong_links),
                         ("Relations whose figures were not found", report.unresolved)):
        if items:
            lines.append(f"{title} ({len(items)}):")
            lines.extend(f"  - {item}" for item in list(items)[:max_items])
    return "\n".join(lines)
