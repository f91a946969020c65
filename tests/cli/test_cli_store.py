"""``factcheck check --store DIR``: articles added to a claims store and checked against it."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import GOLD_DIR, SEEDS_DIR

from factcheck.archive import open_store
from factcheck.archive.layout import MANIFEST
from factcheck.cli import main


def _run(*args: str):
    return CliRunner().invoke(main, ["check", *args])


@pytest.mark.slow
def test_check_into_a_store_then_again(tmp_path) -> None:
    store = tmp_path / "archive"
    first = _run(str(SEEDS_DIR), "--store", str(store))
    assert first.exit_code == 0, first.output
    assert "2 articles ajoutés" in first.output and "0 déjà présents" in first.output
    second = _run(str(SEEDS_DIR), str(GOLD_DIR / "dev_corpus.jsonl"), "--store", str(store))
    assert second.exit_code == 0, second.output
    assert "26 articles ajoutés" in second.output and "2 déjà présents" in second.output
    with open_store(store) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchall() == [(28,)]
    manifest = json.loads((store / MANIFEST).read_text(encoding="utf-8"))
    assert len(manifest["batches"]) == 2


def test_check_refuses_a_store_of_another_format(tmp_path) -> None:
    store = tmp_path / "archive"
    store.mkdir()
    (store / MANIFEST).write_text(json.dumps({
        "format": "factcheck-claims-store", "format_version": 99,
        "factcheck_version": "9.9.9", "batches": []}), encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Le bilan est de 46 morts.", encoding="utf-8")
    result = _run(str(article), "--store", str(store), "--no-context")
    assert result.exit_code == 1
    assert str(store) in result.output and "99" in result.output and "9.9.9" in result.output
    assert [p.name for p in store.iterdir()] == [MANIFEST]


def test_check_store_reports_a_conflicting_id(tmp_path) -> None:
    store = tmp_path / "archive"
    article = tmp_path / "a.txt"
    article.write_text("Le bilan est de 46 morts.", encoding="utf-8")
    assert _run(str(article), "--store", str(store), "--no-context").exit_code == 0
    article.write_text("Le bilan est de 47 morts.", encoding="utf-8")
    result = _run(str(article), "--store", str(store), "--no-context")
    assert result.exit_code == 1
    assert "already stored with another text" in result.output
    with open_store(store) as con:
        texts = con.execute("SELECT text FROM articles").df()
    assert list(texts["text"]) == ["Le bilan est de 46 morts."]
