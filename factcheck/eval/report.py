"""The result of ``factcheck.eval.evaluate.evaluate``: scores, accuracies and errors as frozen
records, and the text report printed by ``factcheck eval``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "accuracy": self.value}


@dataclass(frozen=True)
class EvalError:
    """One thing to fix. ``category``: missed, spurious, identifier (an identifier reported
    as a figure), attribute (paired but some attribute differs), subject, source."""

    article_id: str
    category: str
    surface: str
    start: int
    end: int
    details: str


@dataclass(frozen=True)
class EvalReport:
    overall: Score
    span: Score
    per_kind: dict[str, Score]
    subject: Accuracy | None
    source: Accuracy | None
    errors: tuple[EvalError, ...]
    articles: tuple[str, ...]  # articles scored
    skipped_articles: tuple[str, ...] = ()  # gold articles absent from the inputs
    counts: dict[str, int] = field(default_factory=dict)
    #: Accuracy of the other context fields the gold gives (place, period, qualifiers).
    fields: dict[str, Accuracy] = field(default_factory=dict)
    #: The figures whose place, period or qualifiers differ from the gold's (``--json`` only:
    #: they are many, and they name what a context rule should read).
    field_errors: tuple[EvalError, ...] = ()
    #: The misses told without the text, by kind: ``subject`` and ``source`` (nothing given
    #: or another one, with how the source was found), ``source given`` (a source the claims
    #: name where the gold has none), so that a frozen set says which mechanism to work on;
    #: with the articles' texts, finer counters by where the gold's noun or source is written
    #: and what was taken instead (``report.DETAIL_LABELS``).
    misses: dict[str, dict[str, int]] = field(default_factory=dict)
    #: Of the sources the claims give to annotated figures (the gold naming one or saying
    #: none), how many name the gold's: a wrong source misleads more than a missing one.
    source_precision: Accuracy | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall.to_dict(),
            "span_only": self.span.to_dict(),
            "per_kind": {k: s.to_dict() for k, s in sorted(self.per_kind.items())},
            "subject": self.subject.to_dict() if self.subject else None,
            "source": self.source.to_dict() if self.source else None,
            "errors": [asdict(e) for e in self.errors],
            "articles": list(self.articles),
            "skipped_articles": list(self.skipped_articles),
            "counts": dict(self.counts),
            "fields": {k: a.to_dict() for k, a in self.fields.items()},
            "field_errors": [asdict(e) for e in self.field_errors],
            "misses": {k: dict(v) for k, v in self.misses.items()},
            "source_precision": self.source_precision.to_dict()
            if self.source_precision else None,
        }


#: The finer miss counters (``factcheck.eval._miss_detail``, with the articles' texts) and
#: their label in the text report.
DETAIL_LABELS = (
    ("subject where", "subject misses, where the gold's noun is written"),
    ("subject taken", "subject misses, the word taken"),
    ("subject taken where", "subject misses, where the word taken is written"),
    ("subject kind", "subject misses, the figure's kind"),
    ("source where", "source misses, where the gold's source is named"),
    ("source given where", "wrong sources given, where they are named"),
    ("source given is", "wrong sources given, whose source they are"),
    ("source reach", "inherited sources, how far back they are named"),
    ("source kind", "source misses, the figure's kind"),
    ("source figure", "source misses, where the figure is"),
)


def _pct(v: float | None) -> str:
    return "   n/a" if v is None else f"{100 * v:5.1f}%"


def format_report(report: EvalReport, max_errors: int | None = None) -> str:
    """The report as text for a terminal: scores per kind, overall, span-only, accuracies
    and the list of errors."""
    lines = [
        f"Articles scored: {len(report.articles)}; gold figures: "
        f"{report.counts.get('gold_figures', 0)}; predicted figures: "
        f"{report.counts.get('predicted_figures', 0)}",
    ]
    if report.skipped_articles:
        lines.append(
            "Gold articles not found in the inputs (not scored): "
            + ", ".join(report.skipped_articles)
        )
    header = f"{'kind':<12}{'gold':>6}{'pred':>6}{'tp':>6}{'fp':>6}{'fn':>6}"
    lines += ["", header + f"{'precision':>11}{'recall':>9}{'F1':>9}"]

    def row(name: str, s: Score) -> str:
        return (
            f"{name:<12}{s.tp + s.fn:>6}{s.tp + s.fp:>6}{s.tp:>6}{s.fp:>6}{s.fn:>6}"
            f"{_pct(s.precision):>11}{_pct(s.recall):>9}{_pct(s.f1):>9}"
        )

    lines += [row(kind, score) for kind, score in sorted(report.per_kind.items())]
    lines += ["-" * len(lines[-1]), row("overall", report.overall), row("span-only", report.span)]
    lines.append("")
    for name, acc in (("subject", report.subject), ("source", report.source)):
        if acc is None:
            lines.append(f"{name} accuracy: not evaluated (no {name} column: context off?)")
        else:
            lines.append(f"{name} accuracy: {acc.correct}/{acc.total} ({_pct(acc.value).strip()})")
    sp = report.source_precision
    if sp is not None and sp.total:
        lines.append(f"source precision: {sp.correct}/{sp.total} ({_pct(sp.value).strip()}) "
                     "(sources given to annotated figures that name the gold's)")
    for name, acc in report.fields.items():
        lines.append(f"{name} accuracy: {acc.correct}/{acc.total} ({_pct(acc.value).strip()})")
    for name, label in (("subject", "subject misses"), ("source", "source misses"),
                        ("source given", "sources given where the gold has none"),
                        *DETAIL_LABELS):
        if report.misses.get(name):
            lines.append(f"  {label}: " + ", ".join(
                f"{k} {v}" for k, v in report.misses[name].items()))
    errors = report.errors if max_errors is None else report.errors[:max_errors]
    lines += ["", f"Errors ({len(report.errors)}):"]
    for e in errors:
        where = f"{e.article_id} {e.start}-{e.end}"
        lines.append(f"  [{e.category}] {where} {e.surface!r}: {e.details}")
    if len(errors) < len(report.errors):
        lines.append(f"  … {len(report.errors) - len(errors)} more (use --json for all)")
    return "\n".join(lines)
