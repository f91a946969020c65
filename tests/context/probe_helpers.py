"""Shared reading of the probe files (``tests/context/data/*_probe*.toml``): short news
passages whose figures are marked in brackets, read whole by the pipeline as a real article
is; each probe checks one field of the figures' claims."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import regex

from factcheck.models import Article
from factcheck.pipeline import claims_frame

_MARK = regex.compile(r"\[([^\[\]]+)\]")


def plain(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text without its brackets, and the span of each bracketed figure."""
    out, spans, pos = "", [], 0
    for m in _MARK.finditer(text):
        out += text[pos : m.start()]
        spans.append((len(out), len(out) + len(m.group(1))))
        out += m.group(1)
        pos = m.end()
    return out + text[pos:], spans


def load_cases(path: Path) -> list[dict[str, Any]]:
    with path.open("rb") as fh:
        return list(tomllib.load(fh)["case"])


def read_field(cases: list[dict[str, Any]], field: str,
               value: Callable[[Any], Any] = lambda v: v) -> dict[str, list[Any]]:
    """Every case's figures' ``field`` (through ``value``), the passages read in one pass;
    each bracketed figure must be read as exactly one claim."""
    plains = {c["id"]: plain(c["text"]) for c in cases}
    claims = claims_frame([Article(i, p) for i, (p, _) in plains.items()])
    out: dict[str, list[Any]] = {}
    for cid, (_, spans) in plains.items():
        rows = claims[claims.article_id == cid]
        found: list[Any] = []
        for s, e in spans:
            hit = rows[(rows.start < e) & (rows.end > s)]
            assert len(hit) == 1, f"{cid}: figure at {s}-{e} read as {list(hit.surface)}"
            found.append(value(hit.iloc[0][field]))
        out[cid] = found
    return out


def probe_params(cases: list[dict[str, Any]], key: str) -> list[Any]:
    """One pytest param a figure of every case (``key`` lists the expected values, in the
    order of the brackets; "__skip__" leaves one out; ``xfail`` maps an index to a reason)."""
    params = []
    for case in cases:
        xfail = case.get("xfail", {})
        for i, expected in enumerate(case[key]):
            if expected == "__skip__":
                continue
            marks = [pytest.mark.xfail(reason=xfail[str(i)], strict=True)] \
                if str(i) in xfail else []
            params.append(pytest.param(case["id"], i, expected, marks=marks,
                                       id=f"{case['id']}#{i}"))
    return params
