"""Every CSV factcheck writes is safe to open in a spreadsheet (OWASP, "CSV Injection"): text
cells that a spreadsheet would run as a formula get a leading apostrophe, numbers never
change, and JSON Lines and Parquet keep the raw text. The dashboard's downloads are checked
in tests/dashboard/test_dashboard_csv_safety.py."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from csv_safety_helpers import (
    CRAFTED_ARTICLES,
    check_csv_bytes,
    crafted_frame,
    write_crafted_jsonl,
)

from factcheck.export import (
    FORMULA_TRIGGERS,
    csv_bytes,
    defuse_formulas,
    read_table,
    to_csv,
    to_french_excel_csv,
    write_table,
)

#: Cells of ``crafted_frame()`` that start with a trigger, counted by hand: claim_id 2,
#: surface 5, sentence 4, mixed 2, evidence (joined) 3, kind 1.
CRAFTED_DEFUSED = 17


def _defused(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


@pytest.mark.parametrize("trigger", FORMULA_TRIGGERS)
def test_text_starting_with_a_trigger_gets_an_apostrophe(trigger: str) -> None:
    df = pd.DataFrame({"surface": [f"{trigger}3 %", "3 %"], "value": [-3.0, 3.0]})
    out = defuse_formulas(df)
    assert out["surface"].tolist() == [f"'{trigger}3 %", "3 %"]
    assert out["value"].tolist() == [-3.0, 3.0]
    assert df["surface"].iloc[0] == f"{trigger}3 %"  # the input is left alone


@pytest.mark.parametrize(
    "text",
    ["46 drones", "12,5 %", "« -3 % »", " =1+1", "'=1+1", "x=1", "", "Élevé de +9,1 %"],
)
def test_harmless_text_is_unchanged(text: str) -> None:
    assert defuse_formulas(pd.DataFrame({"t": [text]}))["t"].iloc[0] == text


def test_numbers_are_never_touched_whatever_the_column() -> None:
    df = pd.DataFrame(
        {
            "value": [-3.5, math.nan],
            "start": pd.Series([-1, 2], dtype="int64"),
            "nullable": pd.Series([-4, None], dtype="Int64"),
            "mixed": [-3.5, -2],
            "when": pd.to_datetime(["2024-12-09", "2024-12-10"]),
            "text": pd.Series(["-3", None], dtype="string"),
        }
    )
    out = defuse_formulas(df)
    pd.testing.assert_frame_equal(out.drop(columns="text"), df.drop(columns="text"))
    assert out["text"].iloc[0] == "'-3" and pd.isna(out["text"].iloc[1])


WRITERS: dict[str, tuple[Callable[[pd.DataFrame, Path], bytes], bool]] = {
    "to_csv": (lambda df, p: to_csv(df, p / "t.csv").read_bytes(), False),
    "to_french_excel_csv": (lambda df, p: to_french_excel_csv(df, p / "t.csv").read_bytes(),
                            True),
    "write_table csv": (lambda df, p: write_table(df, p / "t.csv").read_bytes(), False),
    "write_table csv-fr": (lambda df, p: write_table(df, p / "t.csv", "csv-fr").read_bytes(),
                           True),
    "csv_bytes": (lambda df, p: csv_bytes(df), False),
    "csv_bytes french_excel": (lambda df, p: csv_bytes(df, french_excel=True), True),
}


@pytest.mark.parametrize("name", WRITERS)
def test_every_csv_writer_defuses_formulas_and_keeps_numbers(name: str, tmp_path) -> None:
    write, french_excel = WRITERS[name]
    raw = write(crafted_frame(), tmp_path)
    assert check_csv_bytes(raw, crafted_frame(), french_excel=french_excel) == CRAFTED_DEFUSED


@pytest.mark.parametrize(("fmt", "minus_three"), [("csv", b",-3.0,"), ("csv-fr", b";-3,0;")])
def test_a_negative_value_is_written_as_a_number(tmp_path, fmt: str, minus_three: bytes) -> None:
    df = pd.DataFrame({"surface": ["-3 %"], "value": [-3.0], "kind": ["percent"]})
    raw = write_table(df, tmp_path / "t.csv", fmt).read_bytes()
    assert minus_three in raw
    assert raw.splitlines()[1].startswith(b"'-3 %")


@pytest.mark.parametrize("fmt", ["csv", "csv-fr"])
def test_reading_back_gives_the_text_with_only_the_apostrophe(tmp_path, fmt: str) -> None:
    df = crafted_frame()
    back = read_table(write_table(df, tmp_path / "t.csv", fmt), fmt)
    assert back["surface"].tolist() == [_defused(s) for s in df["surface"]]
    assert back["sentence"].iloc[:6].tolist() == [_defused(s) for s in df["sentence"][:6]]
    assert pd.isna(back["sentence"].iloc[6])
    assert back["value"].iloc[:5].tolist() == [-3.0, 9.1, 12.5, 46.0, -17.0]
    assert back["start"].tolist() == df["start"].tolist()


def test_a_carriage_return_inside_a_cell_cannot_start_a_row(tmp_path) -> None:
    df = pd.DataFrame({"title": ['Titre\r=HYPERLINK("http://x","y")'], "n": [1]})
    raw = to_csv(df, tmp_path / "t.csv").read_bytes()
    assert raw == b'title,n\r\n"Titre\r=HYPERLINK(""http://x"",""y"")",1\r\n'


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_jsonl_and_parquet_keep_the_raw_text(tmp_path, fmt: str) -> None:
    df = crafted_frame().drop(columns=["mixed", "kind"])  # parquet wants one type a column
    back = read_table(write_table(df, tmp_path / f"t.{fmt}"), fmt)
    assert back["surface"].tolist() == df["surface"].tolist()
    assert back["claim_id"].tolist() == df["claim_id"].tolist()


# --- the commands -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def crafted_corpus(tmp_path_factory) -> Path:
    return write_crafted_jsonl(tmp_path_factory.mktemp("crafted") / "crafted.jsonl")


@pytest.fixture(scope="module")
def expected_tables(crafted_corpus: Path) -> dict[str, pd.DataFrame]:
    """What ``factcheck check --no-reference`` computes on the crafted articles."""
    from factcheck.cli._options import load_articles
    from factcheck.crossref import sum_checks
    from factcheck.crossref.facts import build_facts
    from factcheck.crossref.reader_links import flags_with_facts, reader_links
    from factcheck.pipeline import analyze

    articles, n_errors = load_articles([str(crafted_corpus)])
    assert n_errors == 0 and len(articles) == len(CRAFTED_ARTICLES)
    analysis = analyze(articles)
    facts = build_facts(analysis.claims, analysis.links)
    return {
        "claims": analysis.claims,
        "links": reader_links(analysis.links, facts, analysis.claims),
        "flags": flags_with_facts(analysis.flags, facts),
        "sums": sum_checks(analysis.claims),
        "facts": facts,
    }


@pytest.mark.slow
@pytest.mark.parametrize("excel_fr", [False, True], ids=["csv", "excel-fr"])
def test_check_writes_every_table_safely(
    crafted_corpus: Path, expected_tables, tmp_path, excel_fr: bool
) -> None:
    out = tmp_path / "out"
    args = ["check", str(crafted_corpus), "-o", str(out), "--no-reference", "-q"]
    result = CliRunner().invoke(main_group(), args + (["--excel-fr"] if excel_fr else []))
    assert result.exit_code == 0, result.output
    defused = {}
    for name, table in expected_tables.items():
        defused[name] = check_csv_bytes((out / f"{name}.csv").read_bytes(), table,
                                        french_excel=False)
        excel = out / f"{name}.excel-fr.csv"
        assert excel.exists() == excel_fr
        if excel_fr:
            assert check_csv_bytes(excel.read_bytes(), table, french_excel=True) == defused[name]
    # The crafted text and metadata reach the claims (ids, surfaces, sentences, title,
    # source), the flag (ids, evidence) and the sums (ids, evidence).
    assert defused["claims"] > 0 and defused["flags"] > 0 and defused["sums"] > 0
    claims = read_table(out / "claims.csv")
    assert set(claims["title"]) == {"'@SUM(1)", "'-2+3 drones"}
    assert set(claims["article_source"]) == {"'+cmd|' /C calc'!A0", "'=1+1"}
    assert {"'-3 %", "'+9,1 %"} <= set(claims["surface"])
    assert (claims.loc[claims["surface"] == "'-3 %", "value"] < 0).all()


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["csv", "csv-fr"])
def test_extract_writes_a_safe_claims_table(
    crafted_corpus: Path, expected_tables, tmp_path, fmt: str
) -> None:
    out = tmp_path / "claims.csv"
    args = ["extract", str(crafted_corpus), "-o", str(out), "--format", fmt, "-q"]
    result = CliRunner().invoke(main_group(), args)
    assert result.exit_code == 0, result.output
    claims = expected_tables["claims"]
    assert check_csv_bytes(out.read_bytes(), claims, french_excel=fmt == "csv-fr") > 0


@pytest.mark.slow
def test_extract_to_jsonl_keeps_the_raw_text(crafted_corpus: Path, tmp_path) -> None:
    out = tmp_path / "claims.jsonl"
    result = CliRunner().invoke(main_group(), ["extract", str(crafted_corpus), "-o", str(out)])
    assert result.exit_code == 0, result.output
    claims = read_table(out)
    assert set(claims["title"]) == {"@SUM(1)", "-2+3 drones"}
    assert any(s.startswith('=HYPERLINK("http://x","y")') for s in claims["sentence"])


def main_group():
    from factcheck.cli import main

    return main
