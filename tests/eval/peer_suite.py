"""Adapter that runs factcheck's extractor on a peer's test-suite format
(microsoft/Recognizers-Text Specs: NumberModel, PercentModel, OrdinalModel).

The suite itself is third-party text: it is read from ``../shared/eval/recognizers-text/``
and never copied into the project.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from pathlib import Path

from factcheck.extract.scanner import extract_mentions
from factcheck.models import Kind, Mention
from factcheck.text import normalize

ALL_PLATFORMS = {"dotnet", "javascript", "python", "java"}
MODEL_KINDS = {
    "NumberModel": {Kind.COUNT, Kind.FRACTION, Kind.MONEY, Kind.DURATION},
    "PercentModel": {Kind.PERCENT},
    "OrdinalModel": {Kind.ORDINAL},
}


@dataclass(frozen=True)
class CaseResult:
    model: str
    input: str
    expected: tuple[tuple[str, str], ...]
    got: tuple[tuple[str, str], ...]

    @property
    def passed(self) -> bool:
        return _same(self.expected, self.got)


def load_cases(suite_dir: Path, model: str) -> list[dict]:
    cases = json.loads((suite_dir / f"{model}.json").read_text(encoding="utf-8-sig"))
    return [c for c in cases if _platforms(c) != ALL_PLATFORMS]


def _platforms(case: dict) -> set[str]:
    return {p.strip().lower() for p in case.get("NotSupported", "").split(",") if p.strip()}


def _value(text: str) -> float | str:
    raw = text.rstrip("%").replace(",", ".")
    try:
        return float(raw)
    except ValueError:
        return text  # relative ordinals: "end+0"


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def key(pair: tuple[str, str]) -> tuple[str, float | str]:
    """A (text, value) pair in comparable form: spaces and case folded, value parsed."""
    value = _value(pair[1])
    return (_norm(pair[0]), round(value, 9) if isinstance(value, float) else value)


def _same(a: tuple[tuple[str, str], ...], b: tuple[tuple[str, str], ...]) -> bool:
    if len(a) != len(b):
        return False
    for (ta, va), (tb, vb) in zip(sorted(a), sorted(b), strict=True):
        if _norm(ta) != _norm(tb):
            return False
        xa, xb = _value(va), _value(vb)
        if isinstance(xa, float) and isinstance(xb, float):
            if not math.isclose(xa, xb, rel_tol=1e-9, abs_tol=1e-12):
                return False
        elif xa != xb:
            return False
    return True


def _fmt(v: float) -> str:
    return repr(int(v)) if v == int(v) and abs(v) < 1e15 else repr(v)


def recognise(model: str, text: str) -> tuple[tuple[str, str], ...]:
    """What factcheck reports for ``text``, in the peer's (text, value) terms."""
    # The extractor reads normalised text (as the corpus reader gives it); normalisation keeps
    # offsets, so surfaces are taken from the original text.
    mentions = extract_mentions(normalize(text), relative_ordinals=(model == "OrdinalModel"))
    out: list[tuple[str, str]] = []
    for m in mentions:
        if m.kind not in MODEL_KINDS[model]:
            continue
        out.append(_as_peer(model, text, replace(m, surface=text[m.start : m.end])))
    return tuple(out)


def _as_peer(model: str, text: str, m: Mention) -> tuple[str, str]:
    if model == "PercentModel":
        return (m.surface, _fmt(m.value or 0.0) + "%")
    if model == "OrdinalModel":
        return (m.surface, m.resolved if m.value is None else _fmt(m.value))
    if m.kind in (Kind.MONEY, Kind.DURATION) and m.number_start is not None:
        # The peer's number model reports the number inside "€1000" or "3 ans".
        return (text[m.number_start : m.number_end], _fmt(m.value or 0.0))
    return (m.surface, _fmt(m.value or 0.0))


def run_suite(suite_dir: Path) -> list[CaseResult]:
    results = []
    for model in MODEL_KINDS:
        for case in load_cases(suite_dir, model):
            expected = tuple(
                (r["Text"], str(r["Resolution"]["value"])) for r in case.get("Results", [])
            )
            results.append(
                CaseResult(model, case["Input"], expected, recognise(model, case["Input"]))
            )
    return results
