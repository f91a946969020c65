"""Reading corpora: standard input and dashboard uploads."""

from __future__ import annotations

import io
import json

import pytest
from corpus_helpers import ACCENTS, DRONES, SEEDS

from factcheck.corpus.reader import (
    articles_from_upload,
    read_corpus,
)
from factcheck.models import stable_id
from factcheck.text import normalize

# --- standard input and uploads -------------------------------------------------------------------


def test_stdin_text_stream() -> None:
    result = read_corpus(["-"], stdin=io.StringIO(DRONES))
    assert result.ok
    article = result.articles[0]
    assert article.article_id == stable_id(DRONES)
    assert article.origin == "<stdin>"


def test_stdin_binary_stream_is_decoded_like_a_file() -> None:
    result = read_corpus(["-", SEEDS], stdin=io.BytesIO(ACCENTS.encode("cp1252")))
    assert result.articles[0].text == normalize(ACCENTS)
    assert len(result.articles) == 3


def test_stdin_wrapper_with_a_buffer() -> None:
    stream = io.TextIOWrapper(io.BytesIO(ACCENTS.encode("cp1252")), encoding="utf-8")
    result = read_corpus(["-"], stdin=stream)
    assert result.articles[0].text == normalize(ACCENTS)


def test_stdin_given_twice_is_read_once() -> None:
    result = read_corpus(["-", "-"], stdin=io.StringIO(DRONES))
    assert len(result.articles) == 1
    assert [str(e) for e in result.errors] == [
        "<stdin>: cannot read: standard input given more than once"
    ]


@pytest.mark.parametrize("stdin", [io.StringIO(""), io.BytesIO(b"  \n")])
def test_empty_stdin_is_an_error(stdin: io.IOBase) -> None:
    result = read_corpus(["-", SEEDS], stdin=stdin)  # type: ignore[arg-type]
    assert [str(e) for e in result.errors] == ["<stdin>: cannot read: empty input"]
    assert len(result.articles) == 2


@pytest.mark.parametrize(
    ("name", "data", "ids"),
    [
        ("Dépêche AFP.TXT", DRONES.encode("cp1252"), ["Dépêche AFP"]),
        ("export.csv", f"id;text\nx1;{DRONES}\n".encode("cp1252"), ["x1"]),
        ("lot.jsonl", json.dumps({"id": "j", "text": DRONES}).encode(), ["j"]),
        ("page.htm", f"<p>{DRONES}</p>".encode(), ["page"]),
        ("lot.ndjson", json.dumps({"id": "n", "text": DRONES}).encode(), ["n"]),
    ],
)
def test_articles_from_upload_dispatches_on_extension(
    name: str, data: bytes, ids: list[str]
) -> None:
    result = articles_from_upload(name, data)
    assert result.ok, result.errors
    assert [a.article_id for a in result.articles] == ids
    assert result.articles[0].text == normalize(DRONES)


def test_articles_from_upload_rejects_unknown_types_and_large_files() -> None:
    assert [str(e) for e in articles_from_upload("scan.docx", b"PK\x03\x04").errors] == [
        "scan.docx: cannot read: unsupported file type '.docx' (supported: .csv, .htm, .html, "
        ".jsonl, .md, .ndjson, .parquet, .txt)"
    ]
    errors = articles_from_upload("long.txt", b"x" * 11, max_bytes=10).errors
    assert [str(e) for e in errors] == [
        "long.txt: cannot read: file too large (11 bytes, limit 10)"
    ]
