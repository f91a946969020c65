"""``factcheck extract`` streams: the claims table written by ``factcheck.streaming`` is the
one ``claims_frame`` then ``write_table`` give for the same corpus (byte for byte in CSV and
JSON Lines, the same rows in Parquet), copies and renamed duplicate ids included, in one
process or two; and articles are read only as the chunks need them."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest
from conftest import FRENCH_TEXT

from factcheck.corpus import read_corpus, stream_corpus
from factcheck.export import read_table, write_table
from factcheck.models import Article
from factcheck.pipeline import claim_chunks, claims_frame
from factcheck.streaming import write_claims

WIRE = ("Selon le ministère, 46 drones ont été abattus dans la nuit au-dessus de la région de "
        "Briansk, et 12 autres au-dessus de la mer Noire ; le bilan de la semaine atteint "
        "312 drones, dont 17 au-dessus de Moscou, a précisé le porte-parole lors d'un point "
        "presse à la mi-journée.")


def _rows(n: int) -> list[dict[str, object]]:
    rows = []
    for i in range(n):
        text = (f"=Article {i} : {i * 7 + 3} personnes évacuées, soit {i % 50},5 % de la "
                f"commune. {FRENCH_TEXT}")
        if i % 9 == 4:
            text = WIRE + (f" Mise à jour {i}." if i % 2 else "")  # copies of one wire story
        published = date(2024, 12, 1) + timedelta(days=i % 5)
        rows.append({"id": f"d{i % 30:02d}", "published": published.isoformat(), "text": text})
    return rows


@pytest.fixture
def corpus(tmp_path: Path) -> list[str]:
    """Two JSON Lines files of 45 and 30 articles: ids repeat (renamed by the reader), copies
    of a wire story with other dates, articles without a figure."""
    rows = _rows(75)
    rows[20]["text"] = "Aucun chiffre dans cet article."
    first, second = tmp_path / "in" / "a.jsonl", tmp_path / "in" / "b.jsonl"
    first.parent.mkdir()
    first.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[:45]),
                     encoding="utf-8")
    second.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[45:]),
                      encoding="utf-8")
    return [str(first), str(second)]


@pytest.mark.parametrize("processes", [1, 2])
@pytest.mark.parametrize(("name", "fmt"), [("claims.csv", "csv"), ("claims.csv", "csv-fr"),
                                           ("claims.jsonl", "jsonl"),
                                           ("claims.parquet", "parquet")])
def test_the_streamed_table_is_the_table_written_whole(
        fake_extractor, corpus: list[str], tmp_path: Path, name: str, fmt: str,
        processes: int) -> None:
    articles = read_corpus(corpus).articles
    whole = claims_frame(articles, with_context=False)
    assert whole["copy_of"].notna().any()
    assert any("~" in a.article_id for a in articles)  # duplicate ids were renamed
    expected = write_table(whole, tmp_path / "whole" / name, fmt)
    errors: list[object] = []
    summary = write_claims(stream_corpus(corpus, on_error=errors.append),
                           tmp_path / "streamed" / name, fmt, with_context=False,
                           processes=processes)
    assert summary.n_articles == len(articles) and summary.n_claims == len(whole)
    assert len(errors) == len([a for a in articles if "~" in a.article_id])  # the warnings
    streamed = tmp_path / "streamed" / name
    if fmt == "parquet":
        # The same values; a column with no value at all is typed text, not null.
        got, want = pd.read_parquet(streamed), pd.read_parquet(expected)
        pd.testing.assert_frame_equal(_plain(got), _plain(want))
        filled = [c for c in want.columns if want[c].notna().any()]
        assert got[filled].dtypes.equals(want[filled].dtypes)
    else:
        assert streamed.read_bytes() == expected.read_bytes()
    assert sorted(p.name for p in streamed.parent.iterdir()) == [name]  # no spool left


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.astype(object).where(frame.notna(), None)


def test_no_article_writes_nothing(fake_extractor, tmp_path: Path) -> None:
    summary = write_claims(iter(()), tmp_path / "out" / "claims.csv", with_context=False)
    assert summary.path is None and summary.n_articles == 0
    assert list((tmp_path / "out").iterdir()) == []


def test_articles_without_figures_give_the_header(fake_extractor, tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    write_claims([Article("z", "Pas un seul chiffre.")], out, with_context=False)
    assert list(read_table(out).columns) == list(claims_frame([]).columns)
    assert len(read_table(out)) == 0


@pytest.mark.parametrize("processes", [1, 2])
def test_articles_are_read_as_the_chunks_need_them(fake_extractor, processes: int) -> None:
    pulled = 0

    def endless() -> Iterator[Article]:
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield Article(f"a{i}", f"Le bilan atteint {i} blessés.")

    chunks = claim_chunks(endless(), with_context=False, processes=processes)
    first = next(chunks)
    assert [row["surface"] for row in first.rows][:2] == ["0", "1"]
    assert pulled <= 2 * 4 * 64 + 2 * 3 * 64  # the sizing window and the chunks in flight
    chunks.close()


def test_the_reader_yields_a_file_before_reading_the_next(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Selon l'ONU, 46 drones.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    errors: list[str] = []
    stream = stream_corpus([tmp_path], on_error=lambda e: errors.append(str(e)))
    assert next(stream).article_id == "a"
    assert errors == []  # b.txt not read yet
    assert list(stream) == []
    assert errors == [f"{tmp_path / 'b.txt'}: cannot read: empty file"]
