"""The real-news review set (``reference/realnews/``): its annotations hold together without
the texts; with the texts rebuilt (``python reference/realnews/rebuild.py``), factcheck is
measured on both splits and the figures are printed (``pytest -s``)."""

from __future__ import annotations

import hashlib
import json
import re

import pytest
from click.testing import CliRunner
from conftest import ROOT

from factcheck.cli import main

SET = ROOT / "reference" / "realnews"
BUILD = SET / "build"
KINDS = {"count", "money", "percent", "fraction", "duration", "quantity", "date", "year",
         "time", "ordinal", "identifier"}
RELATIONS = {"same", "compatible", "evolution", "contradiction", "sources_disagree",
             "different_scope", "sum_ok", "sum_partial", "sum_mismatch"}


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (SET / name).read_text("utf-8").splitlines()
            if line.strip()]


def test_the_manifest_names_where_each_excerpt_comes_from() -> None:
    manifest = _rows("manifest.jsonl")
    assert len(manifest) >= 60 and len({m["story"] for m in manifest}) >= 25
    assert len({m["id"] for m in manifest}) == len(manifest)
    for m in manifest:
        assert re.fullmatch(r"[a-z0-9-]+", m["id"]), m["id"]
        assert m["url"].startswith("http") and m["query"] and m["outlet"], m["id"]
        assert re.fullmatch(r"[0-9a-f]{64}", m["sha256"]), m["id"]
        assert m["published"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", m["published"])
        start, end = m["cut"]
        assert 0 <= start < end, m["id"]


def test_every_figure_and_relation_is_well_formed() -> None:
    ids = {m["id"] for m in _rows("manifest.jsonl")}
    figures = set()
    for row in _rows("mentions.jsonl"):
        assert row["id"] in ids and row["kind"] in KINDS, row
        assert row["end"] - row["start"] == len(row["surface"]), row
        figures.add((row["id"], row["surface"], row.get("occurrence", 0)))
    for rel in _rows("relations.jsonl"):
        assert rel["relation"] in RELATIONS, rel
        refs = [rel["a"], *([rel["b"]] if "b" in rel else rel["parts"])]
        assert all(tuple(r) in figures for r in refs), rel


def test_both_splits_hold_stories() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("rebuild", SET / "rebuild.py")
    rebuild = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(rebuild)
    splits = {rebuild.split_of(m["story"]) for m in _rows("manifest.jsonl")}
    assert splits == {"dev", "frozen"}


def _rebuild_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("rebuild", SET / "rebuild.py")
    rebuild = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(rebuild)
    return rebuild


@pytest.mark.parametrize("saved", [
    "xxHeadline. Le bilan s'alourdit à 12 morts.tail",   # as annotated
    "Headline. Le bilan s'alourdit à 12 morts.tail",     # two characters lost before the cut
    "  xxHeadline. Le bilan s'alourdit à 12 morts.",    # two gained, tail cut short
])
def test_a_saved_text_is_cut_where_its_digest_matches(saved: str) -> None:
    rebuild = _rebuild_module()
    text = "Headline. Le bilan s'alourdit à 12 morts."
    entry = {"cut": [2, 2 + len(text)],
             "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}
    assert rebuild.cut_text(saved, entry) == text


def test_a_saved_text_that_differs_is_never_used() -> None:
    rebuild = _rebuild_module()
    text = "Le bilan s'alourdit à 12 morts."
    entry = {"cut": [0, len(text)], "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}
    assert rebuild.cut_text("Le bilan s'alourdit à 13 morts.", entry) is None


def _texts_or_skip() -> None:
    corpus = BUILD / "corpus.jsonl"
    if not corpus.is_file():
        pytest.skip(f"the review set's texts are not rebuilt ({corpus} is missing): they are "
                    "third-party text, rebuilt with reference/realnews/rebuild.py from saved "
                    "search answers")
    manifest = {m["id"]: m for m in _rows("manifest.jsonl")}
    rebuilt = [json.loads(line) for line in corpus.read_text("utf-8").splitlines()]
    if len(rebuilt) < len(manifest):
        pytest.skip(f"only {len(rebuilt)} of {len(manifest)} excerpts are rebuilt in {corpus}")
    for row in rebuilt:
        digest = hashlib.sha256(row["text"].encode("utf-8")).hexdigest()
        assert digest == manifest[row["id"]]["sha256"], row["id"]


@pytest.mark.slow
@pytest.mark.parametrize("split", ["dev", "frozen"])
def test_scores_on_the_review_set(split: str) -> None:
    _texts_or_skip()
    missing = [f for f in (f"{split}_mentions.jsonl", f"{split}_corpus.jsonl",
                           f"{split}_relations.jsonl") if not (BUILD / f).is_file()]
    if missing:
        # A working copy may hold one split only (the frozen one is kept out of sight of
        # whoever changes the rules); rebuild.py writes both.
        pytest.skip(f"the {split} split is not built in {BUILD}: {', '.join(missing)} missing")
    result = CliRunner().invoke(main, [
        "eval", str(BUILD / f"{split}_mentions.jsonl"), str(BUILD / f"{split}_corpus.jsonl"),
        "--relations", str(BUILD / f"{split}_relations.jsonl"), "--json", "--quiet"])
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.output[result.output.index("{"):])
    rel = report["relations"]
    print(f"\n{split}: figures F1 {report['overall']['f1']:.3f}, subject "
          f"{report['subject']['accuracy']:.3f}, source {report['source']['accuracy']:.3f}, "
          f"link recall {rel['link_recall']['value']:.3f}, flags {rel['flags']} "
          f"(precision {rel['flag_precision']['value']}, high "
          f"{rel['high_flag_precision']['value']}), inconsistencies caught "
          f"{rel['inconsistency_recall']['hits']}/{rel['inconsistency_recall']['total']}")
    # A regression floor on what holds today (README, "Evaluation"): figures are read well.
    # The flag and link targets of the review set are measured and reported, not asserted:
    # they are not met on the frozen stories yet.
    assert report["overall"]["f1"] >= 0.85
