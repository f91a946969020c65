"""The subject probe: short news passages written for it, every desk (budgets, company
results, health, energy, housing, transport, sport, polls, justice), read whole by the
pipeline (scanner, sentences, context) as a real article is. Each bracketed figure's subject is
checked; ``xfail`` in the data names a figure the rules still miss and why."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import regex

from factcheck.eval.compare import same_subject
from factcheck.models import Article
from factcheck.pipeline import claims_frame

# The first round (every desk, short passages) and the second (money, long sentences).
DATA = [Path(__file__).parent / "data" / name
        for name in ("subject_probe.toml", "subject_probe_money.toml")]
_MARK = regex.compile(r"\[([^\[\]]+)\]")


def _plain(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text without its brackets, and the span of each bracketed figure."""
    plain, spans, pos = "", [], 0
    for m in _MARK.finditer(text):
        plain += text[pos : m.start()]
        spans.append((len(plain), len(plain) + len(m.group(1))))
        plain += m.group(1)
        pos = m.end()
    return plain + text[pos:], spans


def _cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    for path in DATA:
        with path.open("rb") as fh:
            cases += tomllib.load(fh)["case"]
    return cases


@cache
def _subjects() -> dict[str, list[str | None]]:
    """Every case's figures' subjects, the passages read in one pass."""
    cases = _cases()
    plains = {c["id"]: _plain(c["text"]) for c in cases}
    claims = claims_frame([Article(i, p) for i, (p, _) in plains.items()])
    out: dict[str, list[str | None]] = {}
    for cid, (_, spans) in plains.items():
        rows = claims[claims.article_id == cid]
        found: list[str | None] = []
        for s, e in spans:
            hit = rows[(rows.start < e) & (rows.end > s)]
            assert len(hit) == 1, f"{cid}: figure at {s}-{e} read as {list(hit.surface)}"
            found.append(hit.iloc[0]["subject"])
        out[cid] = found
    return out


def _params() -> list[Any]:
    params = []
    for case in _cases():
        xfail = case.get("xfail", {})
        for i, expected in enumerate(case["subjects"]):
            if expected == "__skip__":
                continue
            marks = [pytest.mark.xfail(reason=xfail[str(i)], strict=True)] \
                if str(i) in xfail else []
            params.append(pytest.param(case["id"], i, expected, marks=marks,
                                       id=f"{case['id']}#{i}"))
    return params


@pytest.mark.parametrize(("case_id", "index", "expected"), _params())
def test_probe_subject(case_id: str, index: int, expected: str) -> None:
    got = _subjects()[case_id][index]
    if expected == "__none__":
        assert got is None
    else:
        assert same_subject(got, expected), f"{got!r}, not {expected!r}"
