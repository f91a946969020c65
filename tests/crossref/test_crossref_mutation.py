"""Mutation test: a copy of an article with one figure changed (×10, ×1000, +20 %, swapped
digits) is flagged against the original; an unchanged copy raises no flag."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from crossref_helpers import DATA, gold_articles, gold_frame

from factcheck.crossref.engine import cross_reference
from factcheck.crossref.reference import load_reference
from factcheck.models import stable_id
from factcheck.text import normalize, sentence_at, sentence_spans

MUTATIONS = json.loads((DATA / "mutations.json").read_text(encoding="utf-8"))
ARTICLES = sorted({m["article"] for m in MUTATIONS})


def _article(frame: pd.DataFrame, article_id: str) -> tuple[pd.DataFrame, str]:
    text = normalize(next(a["text"] for a in gold_articles() if a["id"] == article_id))
    rows = frame[frame.article_id == article_id].sort_values("start").reset_index(drop=True)
    return rows, text


def copy_article(rows: pd.DataFrame, text: str, new_id: str, target: int | None = None,
                 surface: str = "", value: float | None = None) -> pd.DataFrame:
    """The claims of ``rows`` as another article; claim ``target`` (row index) rewritten."""
    shift = 0
    if target is not None:
        t = rows.loc[target]
        text = text[: t["start"]] + surface + text[t["end"] :]
        shift = len(surface) - (t["end"] - t["start"])
    spans = sentence_spans(text)
    out = []
    for i, row in rows.iterrows():
        row = row.copy()
        if target is not None and i == target:
            row["end"] = row["start"] + len(surface)
            row["surface"] = surface
            row["value"] = row["low"] = row["high"] = value
        elif target is not None and row["start"] > rows.loc[target, "start"]:
            row["start"] += shift
            row["end"] += shift
        s, e = sentence_at(spans, row["start"])
        row["sentence"] = text[s:e]
        row["article_id"] = new_id
        row["claim_id"] = stable_id(new_id, row["start"], row["end"], row["surface"])
        out.append(row)
    return pd.DataFrame(out).reset_index(drop=True)


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return gold_frame(with_context=True)


@pytest.mark.parametrize("article_id", ARTICLES)
def test_unchanged_copy_raises_no_flag(frame: pd.DataFrame, article_id: str) -> None:
    rows, text = _article(frame, article_id)
    alone = cross_reference(rows, load_reference())[1]
    assert alone.empty, alone.explanation.tolist()
    copy = copy_article(rows, text, article_id + "_copy")
    links, flags = cross_reference(pd.concat([rows, copy], ignore_index=True), load_reference())
    assert flags.empty, flags.explanation.tolist()
    assert "contradiction" not in set(links.relation)
    pairs = {frozenset(p): r for p, r in zip(zip(links.claim_a, links.claim_b, strict=True),
                                              links.relation, strict=True)}
    measures = rows.kind.isin(["count", "money", "percent", "fraction", "duration"])
    for original, copied in zip(rows.claim_id[measures], copy.claim_id[measures], strict=True):
        assert pairs.get(frozenset((original, copied))) == "same"


@pytest.mark.parametrize("mutation", MUTATIONS,
                         ids=[f"{m['article']}:{m['surface']}:{m['change']}" for m in MUTATIONS])
def test_changed_figure_is_flagged_against_the_original(frame: pd.DataFrame,
                                                        mutation: dict) -> None:
    rows, text = _article(frame, mutation["article"])
    matches = rows.index[rows.surface == mutation["surface"]].tolist()
    target = matches[mutation["nth"]]
    copy = copy_article(rows, text, mutation["article"] + "_copy", target, mutation["new"],
                        mutation["value"])
    original_id = rows.loc[target, "claim_id"]
    changed_id = copy.loc[target, "claim_id"]
    _, flags = cross_reference(pd.concat([rows, copy], ignore_index=True), load_reference())
    holding = [f for f in flags.itertuples() if {original_id, changed_id} <= set(f.claim_ids)]
    assert holding, flags.explanation.tolist()
    assert mutation["new"] in holding[0].explanation
