"""Source probe (srcprobe35): short passages written for the probe, on several desks, each
figure's expected source as the real-news annotations name it (``tests/context/data/
source_probe.toml``). A source matches as the evaluation matches it (``eval.compare.
same_source``: the fullest naming or a part of it); ``__none__`` expects no source. A passage
may mark figures left unread with ``xfail = {index = "reason"}``; passages are dated
``PUBLISHED`` unless they give their own ``published``."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from context_helpers import marked_article

from factcheck.context import annotate
from factcheck.eval.compare import same_source

DATA = Path(__file__).parent / "data" / "source_probe.toml"
#: The day the passages are published, unless one gives its own ("published").
PUBLISHED = "2025-09-01"


def _cases() -> list[Any]:
    with DATA.open("rb") as fh:
        passages = tomllib.load(fh)["passage"]
    cases = []
    for p in passages:
        left = p.get("xfail", {})
        for i, want in enumerate(p["sources"]):
            marks = [pytest.mark.xfail(reason=left[str(i)], strict=True)] if str(i) in left else []
            cases.append(pytest.param(p["text"], p.get("published", PUBLISHED), i, want,
                                      id=f"{p['id']} #{i}", marks=marks))
    return cases


def source_read(text: str, published: str, index: int) -> str | None:
    article, claims = marked_article(text, published)
    return annotate(article, claims)[index].context.source


@pytest.mark.parametrize(("text", "published", "index", "want"), _cases())
def test_probe_source(text: str, published: str, index: int, want: str) -> None:
    got = source_read(text, published, index)
    if want == "__none__":
        assert got is None
    else:
        assert same_source(got, want), f"{got!r} for {want!r}"
