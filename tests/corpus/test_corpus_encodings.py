"""Reading corpora: encodings, and round trips of any text through files and tables."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from corpus_helpers import ACCENTS, ACCENTS_LATIN1, DRONES, write
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.corpus.reader import (
    articles_from_upload,
    read_corpus,
    read_text_bytes,
)
from factcheck.text import normalize

# --- encodings ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (ACCENTS, "utf-8"),
        (ACCENTS, "utf-8-sig"),
        (ACCENTS, "cp1252"),
        (ACCENTS_LATIN1, "latin-1"),
        (ACCENTS, "utf-16"),
        (DRONES, "cp1252"),
        ("Noël à 17 €", "cp1252"),
        ("ça", "latin-1"),
        ("x" * 50 + "é", "latin-1"),
    ],
)
def test_encodings_are_read_correctly(tmp_path: Path, text: str, encoding: str) -> None:
    data = text.encode(encoding)
    assert read_text_bytes(data, "depeche.txt") == text
    result = read_corpus([write(tmp_path, "depeche.txt", data)])
    assert result.ok, result.errors
    assert result.articles[0].text == normalize(text)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_csv_export_in_a_western_encoding(tmp_path: Path, encoding: str) -> None:
    text = ACCENTS if encoding == "cp1252" else ACCENTS_LATIN1
    data = f'id;published;text\nexport1;08/12/2024;"{text}"\n'.encode(encoding)
    result = read_corpus([write(tmp_path, "export.csv", data)])
    assert result.ok, result.errors
    assert result.articles[0].text == normalize(text)
    assert result.articles[0].published == date(2024, 12, 8)


@pytest.mark.parametrize(
    ("charset", "encoding", "text"),
    [
        # Browsers read a page declared latin-1 as windows-1252: ’ and € are 0x92 and 0x80.
        ("iso-8859-1", "cp1252", "L’aide atteint 40 € par foyer."),
        ("iso-8859-2", "iso-8859-2", "Według Warszawy 17 dronów zestrzelono nad Łodzią."),
        ("utf-16", "cp1252", "Près de 60 % des électeurs."),  # impossible: ignored
    ],
)
def test_html_declared_charset_is_used_when_bytes_are_not_utf8(
    charset: str, encoding: str, text: str
) -> None:
    markup = f'<html><head><meta charset="{charset}"></head><body><p>{text}</p></body></html>'
    result = articles_from_upload("page.html", markup.encode(encoding))
    assert result.ok, result.errors
    assert result.articles[0].text == normalize(text)


def test_excel_unicode_text_export_is_read() -> None:
    # Excel's "Unicode text" export: UTF-16 with a BOM, tab-separated.
    data = f"id\tpublished\ttext\r\nx1\t09/12/2024\t{ACCENTS}\r\n".encode("utf-16")
    result = articles_from_upload("export.csv", data)
    assert result.ok, result.errors
    assert result.articles[0].text == normalize(ACCENTS)
    assert result.articles[0].published == date(2024, 12, 9)


def test_other_scripts_are_not_forced_into_cp1252() -> None:
    text = "Министерство обороны России заявило, что 17 беспилотников были перехвачены."
    assert read_text_bytes(text.encode("cp1251"), "ru.txt") == text


def test_utf8_file_with_a_stray_cp1252_byte() -> None:
    data = "Le ministère a reçu 40 ".encode() + "€".encode("cp1252") + " de l'État.".encode()
    assert read_text_bytes(data, "mixte.txt") == "Le ministère a reçu 40 € de l'État."


# --- round trips ----------------------------------------------------------------------------------

# Any text a newsroom could paste: letters, digits, French punctuation and spaces, line breaks,
# quotes and delimiters that CSV must escape (no NUL, no lone surrogates).
_TEXTS = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
    | st.sampled_from(["\n", "\r", "\t", '"', ";", ",", "\u00a0", "\u202f", "’", "«", "»"]),
    min_size=1,
    max_size=200,
).filter(lambda t: t.strip() and not t.startswith("\ufeff"))  # a leading BOM is no content


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(_TEXTS, min_size=1, max_size=4), delimiter=st.sampled_from([",", ";"]))
def test_csv_round_trip(texts: list[str], delimiter: str) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(["id", "text"])
    writer.writerows([f"r{i}", text] for i, text in enumerate(texts))
    result = articles_from_upload("rt.csv", buffer.getvalue().encode("utf-8"))
    assert result.ok, result.errors
    assert [a.text for a in result.articles] == [normalize(t) for t in texts]


@settings(max_examples=60, deadline=None)
@given(text=_TEXTS)
def test_text_file_round_trip_keeps_length(text: str) -> None:
    result = articles_from_upload("rt.txt", text.encode("utf-8"))
    assert result.ok, result.errors
    assert result.articles[0].text == normalize(text)
    assert len(result.articles[0].text) == len(text)
