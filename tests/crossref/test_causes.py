"""Who or what caused what happened to the people counted (crossref/causes.py): the cause
read for a figure, two figures whose causes differ kept apart (no accusation, no link: an
attendance is no displacement, a storm's homes cut off are not a strike's), and the accusations
that stay when the causes agree or one is unknown. Cases in our own words:
``tests/crossref/data/causes.json``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from crossref_helpers import ACCUSATIONS

from factcheck.crossref.causes import figure_cause
from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.engine import cross_reference
from factcheck.models import Article
from factcheck.pipeline import claims_frame

DATA = json.loads((Path(__file__).parent / "data" / "causes.json").read_text("utf-8"))
DAY = date(2025, 6, 10)


@pytest.mark.parametrize("case", DATA["readings"], ids=[c["sentence"][:40]
                                                        for c in DATA["readings"]])
def test_cause_read(case: dict) -> None:
    sentence = case["sentence"]
    start = sentence.index(case["figure"])
    found = figure_cause(sentence, start, start + len(case["figure"]), load_lexicon().causes)
    assert found == frozenset(case["kinds"]), case.get("why", sentence)


def _judged(texts: list[str]) -> tuple:
    articles = [Article(f"a{i}", text, title=f"Article {i}", published=DAY)
                for i, text in enumerate(texts)]
    links, flags = cross_reference(claims_frame(articles))
    return links, flags


@pytest.mark.parametrize("case", DATA["apart"], ids=[c["name"] for c in DATA["apart"]])
def test_two_causes_two_facts(case: dict) -> None:
    links, flags = _judged(case["texts"])
    raised = flags[flags["type"].isin(ACCUSATIONS)] if len(flags) else flags
    assert raised.empty, (case["why"], raised.to_dict("records"))
    paired = links[links["claim_b"].fillna("").astype(str) != ""] if len(links) else links
    assert paired.empty, (case["why"], paired.to_dict("records"))


@pytest.mark.parametrize("case", DATA["kept"], ids=[c["name"] for c in DATA["kept"]])
def test_one_cause_stays_flagged(case: dict) -> None:
    _, flags = _judged(case["texts"])
    kinds = set(flags["type"]) if len(flags) else set()
    assert kinds & ACCUSATIONS, (case["why"], kinds)
