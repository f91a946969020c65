from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from factcheck.export import (
    ExportError,
    TableWriter,
    csv_bytes,
    flatten_lists,
    format_for_path,
    read_table,
    to_csv,
    to_french_excel_csv,
    write_table,
)


@pytest.fixture
def table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "claim_id": ["a1", "b2", "c3"],
            "start": [10, 250, 4000],
            "value": [988000000.0, 12.5, math.nan],
            "precise": [0.1234567890123, 1e-9, 2.0],
            "surface": ["988 millions de dollars", "12,5 %", "« près de la moitié »"],
            "sentence": ['Il a dit : "oui; non", puis\nest parti.', "Élevé à 12,5 %.", None],
            "evidence": [("phrase un", "phrase deux"), (), ["seule"]],
        }
    )


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("claims.csv", "csv"),
        ("CLAIMS.CSV", "csv"),
        ("claims.jsonl", "jsonl"),
        ("claims.ndjson", "jsonl"),
        ("claims.parquet", "parquet"),
        ("claims.xlsx", None),
        ("claims", None),
    ],
)
def test_format_is_inferred_from_the_extension(name: str, fmt: str | None) -> None:
    assert format_for_path(name) == fmt


@pytest.mark.parametrize("fmt", ["csv", "csv-fr", "jsonl", "parquet"])
def test_round_trip_keeps_values_and_column_order(tmp_path, table, fmt) -> None:
    path = write_table(table, tmp_path / "sub" / f"t.{fmt}", fmt)
    back = read_table(path, fmt)
    assert list(back.columns) == list(table.columns)
    assert back["claim_id"].tolist() == ["a1", "b2", "c3"]
    assert back["start"].tolist() == [10, 250, 4000]
    assert back["value"].iloc[0] == 988000000.0
    assert back["value"].iloc[1] == 12.5
    assert pd.isna(back["value"].iloc[2])
    assert back["precise"].tolist() == [0.1234567890123, 1e-9, 2.0]
    assert back["surface"].tolist() == table["surface"].tolist()
    assert back["sentence"].iloc[0] == 'Il a dit : "oui; non", puis\nest parti.'
    assert pd.isna(back["sentence"].iloc[2])
    # Lists and tuples are joined with "; " in every format.
    assert back["evidence"].iloc[0] == "phrase un; phrase deux"
    assert back["evidence"].iloc[2] == "seule"


def test_french_excel_csv_has_bom_semicolons_and_decimal_comma(tmp_path) -> None:
    df = pd.DataFrame({"surface": ["12,5 %"], "value": [12.5], "kind": ["percent"]})
    path = to_french_excel_csv(df, tmp_path / "claims.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0] == "surface;value;kind"
    assert lines[1] == "12,5 %;12,5;percent"


def test_plain_csv_is_utf8_without_bom_and_without_index(tmp_path) -> None:
    df = pd.DataFrame({"surface": ["près de 60 %"], "value": [60.0]})
    path = write_table(df, tmp_path / "claims.csv")
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8").splitlines() == ["surface,value", "près de 60 %,60.0"]


def test_jsonl_writes_null_and_keeps_accents(tmp_path) -> None:
    df = pd.DataFrame({"subject": ["réfugié", None], "value": [math.nan, 3.0]})
    path = write_table(df, tmp_path / "claims.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0]) == {"subject": "réfugié", "value": None}
    assert json.loads(lines[1]) == {"subject": None, "value": 3.0}
    assert "réfugié" in lines[0]  # not \u-escaped


def test_columns_argument_selects_and_orders(tmp_path, table) -> None:
    path = write_table(table, tmp_path / "t.csv", columns=["value", "claim_id"])
    assert list(read_table(path).columns) == ["value", "claim_id"]


def test_unknown_column_and_unknown_extension_are_errors(tmp_path, table) -> None:
    with pytest.raises(ExportError, match="no such column"):
        write_table(table, tmp_path / "t.csv", columns=["nope"])
    with pytest.raises(ExportError, match=r"t\.xlsx"):
        write_table(table, tmp_path / "t.xlsx")
    with pytest.raises(ExportError, match="unknown format"):
        write_table(table, tmp_path / "t.csv", "xml")


def test_empty_table_keeps_its_header(tmp_path) -> None:
    df = pd.DataFrame({"a": pd.Series([], dtype="int64"), "b": pd.Series([], dtype="object")})
    path = write_table(df, tmp_path / "empty.csv")
    assert path.read_text(encoding="utf-8").strip() == "a,b"
    assert list(read_table(write_table(df, tmp_path / "empty.parquet")).columns) == ["a", "b"]


def test_flatten_lists_leaves_the_input_untouched(table) -> None:
    flat = flatten_lists(table)
    assert flat["evidence"].iloc[1] == ""
    assert table["evidence"].iloc[0] == ("phrase un", "phrase deux")


@pytest.mark.parametrize(("name", "fmt"), [("t.csv", "csv"), ("t.csv", "csv-fr"),
                                           ("t.jsonl", "jsonl"), ("t.parquet", "parquet")])
def test_a_table_written_in_chunks_is_the_table_written_whole(tmp_path, table, name,
                                                                fmt) -> None:
    # A formula in a later chunk is defused; an empty chunk adds nothing; a column empty in
    # the first chunk takes text later.
    table = table.assign(note=[None, "=1+1", "-3 %"])
    whole = write_table(table, tmp_path / "whole" / name, fmt)
    with TableWriter(tmp_path / "chunks" / name, fmt) as writer:
        for chunk in (table.iloc[:1], table.iloc[1:1], table.iloc[1:]):
            writer.write(chunk)
    chunked = tmp_path / "chunks" / name
    assert sorted(p.name for p in chunked.parent.iterdir()) == [name]
    if fmt == "parquet":
        pd.testing.assert_frame_equal(read_table(chunked), read_table(whole))
    else:
        assert chunked.read_bytes() == whole.read_bytes()
    if fmt == "csv-fr":
        assert chunked.read_bytes().count("\ufeff".encode()) == 1


def test_an_interrupted_table_leaves_no_file(tmp_path, table) -> None:
    out = tmp_path / "t.csv"
    out.write_text("earlier run\n", encoding="utf-8")
    with pytest.raises(RuntimeError), TableWriter(out) as writer:
        writer.write(table)
        raise RuntimeError("interrupted")
    assert out.read_text(encoding="utf-8") == "earlier run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.csv"]


@pytest.mark.parametrize(("writer", "french"), [(to_csv, False), (to_french_excel_csv, True)])
def test_a_csv_file_is_written_chunk_by_chunk_with_the_bytes_of_the_whole(
        tmp_path, table, writer, french) -> None:
    # a formula in the last chunk, a list, a line break in a cell: the file written one row
    # at a time holds csv_bytes of the whole table, one header and one byte-order mark
    table = table.assign(note=[None, "=1+1", "+33 1 23"])
    out = writer(table, tmp_path / "t.csv", chunk_rows=1)
    assert out.read_bytes() == csv_bytes(table, french_excel=french)
    assert writer(table.iloc[:0], tmp_path / "e.csv", chunk_rows=1).read_bytes() == csv_bytes(
        table.iloc[:0], french_excel=french)
