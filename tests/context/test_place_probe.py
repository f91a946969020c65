"""The place probe: short news passages written for it (local government, farming, weather,
housing, jobs, courts, sport), read whole by the pipeline as a real article is. Each bracketed
figure's place is checked strictly: a town is not the metropolis or the agglomeration named
after it (``tests/context/data/place_probe.toml``)."""

from __future__ import annotations

import tomllib
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import regex

from factcheck.models import Article
from factcheck.pipeline import claims_frame

DATA = Path(__file__).parent / "data" / "place_probe.toml"
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
    with DATA.open("rb") as fh:
        return list(tomllib.load(fh)["case"])


def _folded(place: str | None) -> str | None:
    """A place compared case, accents, hyphens and apostrophes aside."""
    if place is None:
        return None
    text = unicodedata.normalize("NFD", place.casefold().replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.replace("-", " ").split())


@cache
def _places() -> dict[str, list[str | None]]:
    """Every case's figures' places, the passages read in one pass."""
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
            place = hit.iloc[0]["place"]
            found.append(place if isinstance(place, str) and place else None)
        out[cid] = found
    return out


def _params() -> list[Any]:
    params = []
    for case in _cases():
        xfail = case.get("xfail", {})
        for i, expected in enumerate(case["places"]):
            if expected == "__skip__":
                continue
            marks = [pytest.mark.xfail(reason=xfail[str(i)], strict=True)] \
                if str(i) in xfail else []
            params.append(pytest.param(case["id"], i, expected, marks=marks,
                                       id=f"{case['id']}#{i}"))
    return params


def test_probe_is_large_enough() -> None:
    """The probe scores at least 40 figures."""
    assert len(_params()) >= 40


@pytest.mark.parametrize(("case_id", "index", "expected"), _params())
def test_probe_place(case_id: str, index: int, expected: str) -> None:
    got = _places()[case_id][index]
    want = None if expected == "__none__" else expected
    assert _folded(got) == _folded(want), f"{got!r}, not {want!r}"
