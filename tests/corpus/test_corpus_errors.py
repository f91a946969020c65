"""Reading corpora: binary and bad input reported with its file, the rest still read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpus_helpers import ACCENTS, DRONES, SEEDS, write

from factcheck.corpus.reader import (
    UndecodableInput,
    articles_from_upload,
    read_corpus,
    read_text_bytes,
)
from factcheck.text import normalize

# An uncompressed PDF is ASCII: only its signature tells it from text.
PLAIN_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nBT (17 drones abattus) Tj ET\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.4\x00\x01\x02 17 drones", "binary file (PDF document)"),
        (PLAIN_PDF, "binary file (PDF document)"),
        (PNG, "binary file (PNG image)"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "binary file (JPEG image)"),
        (b"PK\x03\x04\x14\x00\x06\x00", "binary file (ZIP archive or Office document)"),
        (b"\x01\x02 17 drones \x03" + b"\x04" * 40, "binary file (control characters)"),
        (bytes(range(1, 32)) * 20, "binary file"),
    ],
)
def test_read_text_bytes_rejects_binary(data: bytes, reason: str) -> None:
    with pytest.raises(UndecodableInput) as caught:
        read_text_bytes(data, "scan.txt")
    assert caught.value.reason.startswith(reason)
    assert str(caught.value).startswith("scan.txt: binary file")


# --- errors never stop the rest -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        (None, None, "no such file or directory"),
        ("vide.txt", b"", "empty file"),
        ("blancs.txt", b" \n\t\r\n", "empty file"),
        ("image.txt", PNG, "binary file (PNG image)"),
        ("scan.txt", PLAIN_PDF, "binary file (PDF document)"),
        ("bruit.txt", b"\x00\x01\x02\x03", "binary file (NUL bytes)"),
        ("rapport.pdf", b"%PDF-1.4", "unsupported file type '.pdf'"),
        ("sans-colonne.csv", "id,contenu\n1,17 drones\n", "no 'text' column"),
        ("gros.txt", DRONES * 100, "file too large (7500 bytes, limit 1000)"),
    ],
)
def test_bad_input_is_reported_and_the_others_still_read(
    tmp_path: Path, name: str | None, content: str | bytes | None, reason: str
) -> None:
    bad = tmp_path / "absent.txt" if name is None else write(tmp_path, name, content or b"")
    good = write(tmp_path, "bon.txt", DRONES)
    result = read_corpus([bad, good, SEEDS], max_bytes=1000 if name == "gros.txt" else None)
    assert [a.article_id for a in result.articles][:1] == ["bon"]
    assert len(result.articles) == (1 if name == "gros.txt" else 3)  # seeds are > 1000 bytes
    bad_errors = [e for e in result.errors if e.path == str(bad)]
    assert len(bad_errors) == 1, result.errors
    assert str(bad_errors[0]).startswith(f"{bad}: cannot read: {reason}")


def test_folder_without_articles_is_an_error_naming_it(tmp_path: Path) -> None:
    write(tmp_path, "notes.rtf", "{\\rtf1 17 drones}")
    write(tmp_path, ".cache/page.txt", DRONES)
    write(tmp_path, "metadata.csv", "id,published\na,2024-12-08\n")
    (tmp_path / "vide").mkdir()
    result = read_corpus([tmp_path, tmp_path / "vide", SEEDS])
    assert len(result.articles) == 2
    assert [str(e) for e in result.errors] == [
        f"{folder}: cannot read: no article in this folder (files read: .csv, .htm, .html, "
        ".jsonl, .md, .ndjson, .parquet, .txt)"
        for folder in (tmp_path, tmp_path / "vide")
    ]


def test_a_file_or_folder_named_twice_is_read_once(tmp_path: Path) -> None:
    result = read_corpus([SEEDS, SEEDS, SEEDS / "000_920380b514dee3bb.txt"])
    assert result.ok, result.errors
    assert len(result.articles) == 2


def test_bad_file_inside_a_folder_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", DRONES)
    write(tmp_path, "b.txt", b"")
    result = read_corpus([tmp_path])
    assert [a.article_id for a in result.articles] == ["a"]
    assert [str(e) for e in result.errors] == [f"{tmp_path / 'b.txt'}: cannot read: empty file"]


def test_programming_errors_raise() -> None:
    with pytest.raises(ValueError, match="max_bytes"):
        read_corpus([SEEDS], max_bytes=0)
    with pytest.raises(TypeError, match="sequence"):
        read_corpus(str(SEEDS))  # type: ignore[arg-type]


# --- bad input, one case each ---------------------------------------------------------------------


def test_invalid_utf8_is_read_with_a_warning_naming_the_bytes(tmp_path: Path) -> None:
    # UTF-8 text with a truncated character and an undefined byte: the valid characters stay
    # right, each stray byte is one character, and a warning (not an error) says so.
    data = "Le ministère a reçu 40 ".encode() + b"\xc3\x81\x8d" + " € de l'État.".encode()
    path = write(tmp_path, "mixte.txt", data)
    result = read_corpus([path])
    assert result.articles[0].text == normalize("Le ministère a reçu 40 Á\x8d € de l'État.")
    assert [(str(e), e.severity) for e in result.errors] == [
        (f"{path}: 1 byte not valid UTF-8 (first at byte 27), read as cp1252", "warning")
    ]
    assert result.failures == ()


def test_cp1252_file_reads_its_accents_without_a_message(tmp_path: Path) -> None:
    path = write(tmp_path, "export.txt", ACCENTS.encode("cp1252"))
    result = read_corpus([path])
    assert result.ok, result.errors
    text = result.articles[0].text
    assert "l'État a reçu « près de 1,2 milliard d'euros » : ça coûte 40 €" in text


def test_html_script_and_style_are_not_article_text() -> None:
    markup = (
        "<html><head><style>p { margin: 40px } .x::after { content: '99 drones' }</style>"
        "<script>var total = 500; document.write('500 drones');</script></head><body>"
        "<p>Au moins 17 drones abattus.</p><script type='application/ld+json'>"
        '{"wordCount": 777}</script><style>@media (max-width: 600px) {}</style>'
        "<noscript>Activez JavaScript pour voir les 12 photos.</noscript></body></html>"
    )
    result = articles_from_upload("page.html", markup.encode())
    assert result.ok, result.errors
    assert result.articles[0].text == "Au moins 17 drones abattus."


def test_fifty_megabyte_text_file_is_refused_as_one_article(tmp_path: Path) -> None:
    # 50 MB in one text file is a corpus pasted into one file, not an article: refused before
    # it is read, with what to do; the other inputs are read.
    big = tmp_path / "archives.txt"
    with big.open("w", encoding="utf-8") as handle:
        line = DRONES + "\n"
        for _ in range(50 * 1024 * 1024 // len(line.encode()) + 1):
            handle.write(line)
    size = big.stat().st_size
    assert size > 50 * 1024 * 1024
    result = read_corpus([big, SEEDS])
    assert len(result.articles) == 2
    assert [str(e) for e in result.errors] == [
        f"{big}: cannot read: too long for one article ({size:,} bytes; an article holds at "
        "most 1,000,000 characters): split it into several files, or into rows of a CSV or "
        "JSONL table"
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("long.txt", "é" * 101, "cannot read: too long for one article (101 characters"),
        ("long.html", f"<p>{'é' * 101}</p>", "cannot read: too long for one article (101 "),
        ("lot.csv", f'id,text\nlong,{"é" * 101}\nok,"{DRONES[:90]}"\n',
         "line 2: too long for one article (101 characters; an article holds at most 100 "),
        ("lot.jsonl", json.dumps({"id": "long", "text": "é" * 101}) + "\n"
         + json.dumps({"id": "ok", "text": DRONES[:90]}) + "\n", "line 1: too long"),
    ],
)
def test_article_longer_than_the_limit_is_refused(tmp_path: Path, name: str, content: str,
                                                  message: str) -> None:
    path = write(tmp_path, name, content)
    result = read_corpus([path, write(tmp_path, "bon.txt", DRONES[:90])], max_article_chars=100)
    assert [a.text for a in result.articles][-1] == DRONES[:90]
    assert len(result.errors) == 1 and result.errors[0].path == str(path)
    assert result.errors[0].message.startswith(message), result.errors[0]


def test_table_of_100000_rows(tmp_path: Path) -> None:
    path = tmp_path / "lot.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for n in range(100_000):
            record = {"id": f"r{n}", "published": "2024-12-08",
                      "text": f"Selon la préfecture, {n} personnes ont été évacuées."}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    result = read_corpus([path])
    assert result.ok, result.errors[:3]
    assert len(result.articles) == 100_000
    assert len({a.article_id for a in result.articles}) == 100_000
    last = result.articles[-1]
    assert (last.article_id, last.origin) == ("r99999", f"{path}:100000")
    assert last.text == "Selon la préfecture, 99999 personnes ont été évacuées."
