"""The review scenarios (reference/reviews/*/) are well formed: no factcheck run here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REVIEWS = Path(__file__).resolve().parents[1] / "reference" / "reviews"
FOLDERS = sorted(p.parent for p in REVIEWS.glob("*/expected.jsonl"))
FIELDS = {"id", "published", "source", "title", "text"}
# A CMS export may lose an article's date: "published": null is a case to review, not a defect.
NULLABLE = {"published"}


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_there_is_a_review_folder() -> None:
    assert FOLDERS


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_expected_lines_name_scenarios_whose_articles_are_complete(folder: Path) -> None:
    expected = _lines(folder / "expected.jsonl")
    names = [e["scenario"] for e in expected]
    assert len(names) == len(set(names))
    assert sorted(names) == sorted(
        p.name for p in folder.glob("*.jsonl") if p.name != "expected.jsonl"
    )
    for entry in expected:
        assert set(entry) == {"scenario", "planted", "why"}
        articles = _lines(folder / entry["scenario"])
        assert articles
        ids = [a["id"] for a in articles]
        assert len(ids) == len(set(ids))
        for article in articles:
            assert set(article) >= FIELDS, (entry["scenario"], article.get("id"))
            assert all(
                isinstance(article[f], str) and article[f]
                for f in FIELDS
                if not (f in NULLABLE and article[f] is None)
            )
        planted = entry["planted"]
        if planted is not None:
            assert planted["type"] and planted["figures"]
            texts = {a["id"]: a["title"] + " " + a["text"] for a in articles}
            for article_id, surface in planted["figures"]:
                assert surface in texts[article_id], (entry["scenario"], article_id, surface)
