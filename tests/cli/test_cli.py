from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import GOLD_DIR, SEEDS_DIR, has_module

from factcheck import __version__
from factcheck.cli import main
from factcheck.export import read_table
from factcheck.models import CLAIM_COLUMNS

TEXT_A = "Selon l'ONU, 46 drones ont été abattus dans la nuit de dimanche à lundi."
TEXT_B = "Le taux de participation atteint 12,5 % dans la région."


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (folder / "b.txt").write_text(TEXT_B, encoding="utf-8")
    return folder


def test_help_lists_the_commands(runner) -> None:
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    assert "extract" in result.output and "eval" in result.output


def test_version(runner) -> None:
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"factcheck, version {__version__}"


@pytest.mark.parametrize(
    "args",
    [
        [],  # no command (click shows the help and exits 2)
        ["extract"],  # no input
        ["extract", "x.txt", "--format", "xml"],
        ["extract", "x.txt", "--processes", "0"],
        ["extract", "x.txt", "-o", "claims.xlsx"],  # format not inferable
        ["nope"],
        ["eval", "missing-gold.jsonl", "x.txt"],
    ],
)
def test_usage_errors_exit_2(runner, args) -> None:
    assert runner.invoke(main, args).exit_code == 2


def test_extract_writes_csv_and_prints_a_summary(runner, articles, tmp_path, extractor) -> None:
    out = tmp_path / "out" / "claims.csv"
    result = runner.invoke(main, ["extract", str(articles), "-o", str(out), "--no-context"])
    assert result.exit_code == 0, result.output
    df = read_table(out)
    assert tuple(df.columns[: len(CLAIM_COLUMNS)]) == CLAIM_COLUMNS
    assert set(df["article_id"]) == {"a", "b"}
    assert 46 in df["value"].tolist() and 12.5 in df["value"].tolist()
    assert "2 articles lus" in result.stdout
    assert str(out) in result.stdout
    assert "percent" in result.stdout and "count" in result.stdout
    assert result.stderr == ""  # no progress bar when stderr is not a terminal


def test_missing_file_exits_1_and_the_rest_is_processed(runner, articles, tmp_path, extractor):
    out = tmp_path / "claims.jsonl"
    missing = tmp_path / "absent.txt"
    args = ["extract", str(missing), str(articles / "a.txt"), "-o", str(out), "--no-context"]
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    error_lines = result.stderr.strip().splitlines()
    assert len(error_lines) == 1 and str(missing) in error_lines[0]
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["article_id"] for r in rows} == {"a"}
    assert any(r["surface"] == "46" for r in rows)


def test_nothing_readable_exits_1_without_writing(runner, tmp_path, extractor) -> None:
    out = tmp_path / "claims.csv"
    result = runner.invoke(main, ["extract", str(tmp_path / "absent.txt"), "-o", str(out)])
    assert result.exit_code == 1
    assert not out.exists()
    assert "absent.txt" in result.stderr


@pytest.mark.parametrize(
    ("name", "fmt", "read_as"),
    [
        ("claims.csv", None, "csv"),
        ("claims.jsonl", None, "jsonl"),
        ("claims.parquet", None, "parquet"),
        ("claims.txt", "csv", "csv"),
        ("claims.csv", "csv-fr", "csv-fr"),
    ],
)
def test_output_formats_round_trip(runner, articles, tmp_path, extractor, name, fmt, read_as):
    out = tmp_path / name
    args = ["extract", str(articles), "-o", str(out), "--no-context", "--quiet"]
    result = runner.invoke(main, args + (["--format", fmt] if fmt else []))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # --quiet
    df = read_table(out, read_as)
    assert tuple(df.columns[: len(CLAIM_COLUMNS)]) == CLAIM_COLUMNS
    row = df[df["article_id"] == "b"].iloc[0]
    assert row["value"] == 12.5
    assert TEXT_B[int(row["start"]) : int(row["end"])] == row["surface"]


def test_extract_reads_standard_input(runner, tmp_path, extractor) -> None:
    out = tmp_path / "claims.csv"
    result = runner.invoke(main, ["extract", "-", "-o", str(out), "--no-context"], input=TEXT_A)
    assert result.exit_code == 0, result.output
    assert "46" in read_table(out)["surface"].astype(str).tolist()


def _gold_row(surface: str, text: str, kind: str, value: float, unit: str | None) -> dict:
    start = text.index(surface)
    return {
        "id": "a",
        "surface": surface,
        "occurrence": 0,
        "start": start,
        "end": start + len(surface),
        "kind": kind,
        "value": value,
        "unit": unit,
        "approx": "none",
        "low": None,
        "high": None,
        "subject": None,
        "attribution": None,
    }


def test_eval_prints_scores_and_json(runner, articles, tmp_path, extractor) -> None:
    gold = tmp_path / "gold.jsonl"
    rows = [_gold_row("46", TEXT_A, "count", 46, None)]
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = runner.invoke(main, ["eval", str(gold), str(articles / "a.txt"), "--no-context"])
    assert result.exit_code == 0, result.output
    assert "overall" in result.stdout and "span-only" in result.stdout
    result = runner.invoke(
        main, ["eval", str(gold), str(articles / "a.txt"), "--no-context", "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["articles"] == ["a"]
    assert report["span_only"]["tp"] == 1
    assert report["subject"] is None  # no context asked


def test_eval_without_any_gold_article_exits_1(runner, articles, tmp_path, extractor) -> None:
    gold = tmp_path / "gold.jsonl"
    row = {**_gold_row("46", TEXT_A, "count", 46, None), "id": "other"}
    gold.write_text(json.dumps(row) + "\n", encoding="utf-8")
    result = runner.invoke(main, ["eval", str(gold), str(articles / "a.txt"), "--no-context"])
    assert result.exit_code == 1
    assert "none of its articles" in result.stderr


def test_eval_warns_when_gold_offsets_do_not_point_at_the_surface(
    runner, articles, tmp_path, extractor
) -> None:
    gold = tmp_path / "gold.jsonl"
    row = {**_gold_row("46", TEXT_A, "count", 46, None), "start": 0, "end": 2}
    gold.write_text(json.dumps(row) + "\n", encoding="utf-8")
    result = runner.invoke(main, ["eval", str(gold), str(articles / "a.txt"), "--no-context"])
    assert "warning" in result.stderr and "'46'" in result.stderr


def test_eval_does_not_warn_about_typographic_apostrophes(runner, tmp_path, extractor) -> None:
    # The reader reads "d’euros" as "d'euros" (one for one, same offsets): a gold surface
    # written with the typographic apostrophe still points at its figure.
    text = "La région a voté un budget de 3,5 milliards d\u2019euros pour 2024.\n"
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    row = _gold_row("3,5 milliards d\u2019euros", text, "money", 3.5e9, "EUR")
    gold.write_text(json.dumps(row) + "\n", encoding="utf-8")
    result = runner.invoke(main, ["eval", str(gold), str(article), "--no-context"])
    assert "offsets shifted" not in result.stderr, result.stderr


def test_malformed_gold_exits_1_naming_the_file(runner, articles, tmp_path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("{not json\n", encoding="utf-8")
    result = runner.invoke(main, ["eval", str(gold), str(articles)])
    assert result.exit_code == 1
    assert "gold.jsonl:1" in result.stderr


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "factcheck", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"factcheck, version {__version__}"


@pytest.mark.slow
@pytest.mark.skipif(
    not has_module("factcheck.extract.scanner"), reason="factcheck.extract.scanner not written yet"
)
def test_eval_on_the_seeds_aligns_gold_offsets_with_the_corpus(runner) -> None:
    """Corpus reading must keep offsets: every gold surface is found where the gold says."""
    gold = GOLD_DIR / "seeds_mentions.jsonl"
    result = runner.invoke(main, ["eval", str(gold), str(SEEDS_DIR), "--no-context", "--json"])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr
    report = json.loads(result.stdout)
    assert sorted(report["articles"]) == sorted(p.stem for p in SEEDS_DIR.glob("*.txt"))
    assert report["counts"]["gold_figures"] == 17
