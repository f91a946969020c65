"""Identity before accusation within one article: how each figure's counted noun is narrowed,
as the context's parse read it (adjectives, participles, bare "de" + noun complements,
relative clauses), and the terms of a score. Two counts narrowed differently are two facts
(``no_flag_texts`` holds those cases end to end); the counts of two sources at odds that stay
flagged, and the comparison itself, are here. Cases in our own words:
``tests/crossref/data/narrowing.json``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from factcheck.crossref.engine import cross_reference
from factcheck.crossref.narrowings import narrowed_apart, narrowing, noun_stated
from factcheck.models import Article
from factcheck.pipeline import claims_frame

DATA = json.loads((Path(__file__).parent / "data" / "narrowing.json").read_text("utf-8"))
DE = frozenset({"de", "d"})


@pytest.mark.parametrize("case", DATA["kept_flags"], ids=[c["name"] for c in DATA["kept_flags"]])
def test_two_counters_at_odds_stay_flagged(case: dict) -> None:
    article = Article("k", case["text"], title="Manifestation", published=date(2025, 3, 4))
    _, flags = cross_reference(claims_frame([article]))
    kinds = list(flags["type"]) if len(flags) else []
    assert kinds == ["sources_disagree"], (case["why"], kinds)


def _read(words: list[str] | None) -> frozenset[str] | None:
    return None if words is None else narrowing(";".join(words), DE)


@pytest.mark.parametrize("case", DATA["apart"])
def test_narrowed_apart(case: dict) -> None:
    a, b = _read(case["a"]), _read(case["b"])
    assert narrowed_apart(a, b) is case["apart"]
    assert narrowed_apart(b, a) is case["apart"]  # symmetric


@pytest.mark.parametrize("case", DATA["noun_stated"])
def test_noun_stated_after_the_figure(case: dict) -> None:
    sentence = case["sentence"]
    end = sentence.index(case["figure"]) + len(case["figure"])
    assert noun_stated(sentence, end, case["subject"]) is case["stated"]
