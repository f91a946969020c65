"""The basis of a change dated by one calendar year ("en hausse de 6 % en 2023" is "sur un
an"), parametrized from ``tests/context/data/year_basis.toml``. The figures are read by the
scanner: the rule reads the scanner's role of a change."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from factcheck.context import annotate
from factcheck.context.year_basis import one_calendar_year
from factcheck.extract.scanner import extract_mentions
from factcheck.models import Article, Claim, claim_id_for
from factcheck.text import sentence_at, sentence_spans

DATA = Path(__file__).parent / "data" / "year_basis.toml"


def _cases() -> list[Any]:
    with DATA.open("rb") as fh:
        return [pytest.param(c, id=c["id"]) for c in tomllib.load(fh)["case"]]


@pytest.mark.parametrize("case", _cases())
def test_year_basis(case: dict[str, Any]) -> None:
    text, published = case["text"], date.fromisoformat(case["published"])
    article = Article("t", text, published=published)
    spans = sentence_spans(text)
    claims = []
    for m in extract_mentions(text, published):
        s, e = sentence_at(spans, m.start)
        claims.append(Claim("t", claim_id_for("t", m), m, text[s:e], s))
    out = {c.mention.surface: c.context for c in annotate(article, claims)}
    assert case["figure"] in out, list(out)
    expected = None if case["basis"] == "__none__" else case["basis"]
    assert out[case["figure"]].basis == expected


@pytest.mark.parametrize(("start", "end", "whole"), [
    ("2023-01-01", "2023-12-31", True),
    ("2023-01-01", "2024-12-31", False),
    ("2023-02-01", "2023-12-31", False),
    (None, "2023-12-31", False),
])
def test_one_calendar_year(start: str | None, end: str | None, whole: bool) -> None:
    assert one_calendar_year(start, end) is whole
