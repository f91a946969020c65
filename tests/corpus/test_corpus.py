"""Reading corpora: every input type, metadata.csv, encodings, errors, stdin, ids."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.corpus.reader import (
    CorpusResult,
    InputError,
    UndecodableInput,
    articles_from_upload,
    parse_published,
    read_corpus,
    read_text_bytes,
)
from factcheck.models import stable_id
from factcheck.text import normalize

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).parents[2] / "seeds"

DRONES = "Selon le ministère russe de la Défense, 17 drones ont été interceptés."
# Every character here is one cp1252 byte; all but œ, €, ’ and Œ are in latin-1 too.
ACCENTS = (
    "À Kyiv, l’État a reçu « près de 1,2 milliard d’euros » : ça coûte 40 € par foyer, "
    "précise le ministère. Œuvre de cœur, dit-il ; c’était en août, à Noël déjà."
)
ACCENTS_LATIN1 = (
    "À Kyiv, le ministère a reçu « près de 1,2 milliard » : ça coûte 40 euros par foyer, "
    "précise l'État. Déjà en août, à Noël, été après été."
)


def by_id(result: CorpusResult) -> dict[str, object]:
    return {article.article_id: article for article in result.articles}


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# --- seeds and metadata.csv -----------------------------------------------------------------------


def test_seeds_folder_reads_two_articles_with_their_metadata() -> None:
    result = read_corpus([SEEDS])
    assert result.ok, result.errors
    assert [a.article_id for a in result.articles] == [
        "000_920380b514dee3bb",
        "004_65a5d7e65e64810d",
    ]
    published = {a.article_id: a.published for a in result.articles}
    assert published == {
        "000_920380b514dee3bb": date(2026, 1, 29),
        "004_65a5d7e65e64810d": date(2024, 12, 8),
    }
    for article in result.articles:
        raw = (SEEDS / f"{article.article_id}.txt").read_text(encoding="utf-8")
        assert article.text == normalize(raw)
        assert len(article.text) == len(raw)
        assert article.language == "fr"
        assert article.origin == str(SEEDS / f"{article.article_id}.txt")


def test_seed_file_given_alone_still_gets_its_metadata() -> None:
    result = read_corpus([SEEDS / "004_65a5d7e65e64810d.txt"])
    assert result.ok
    assert result.articles[0].published == date(2024, 12, 8)


def test_metadata_csv_given_explicitly_is_not_an_article() -> None:
    result = read_corpus([SEEDS / "metadata.csv"])
    assert result == CorpusResult()


def test_folder_is_recursive_sorted_and_skips_hidden_and_unsupported_files() -> None:
    result = read_corpus([DATA / "dossier"])
    assert result.ok, result.errors
    assert [a.article_id for a in result.articles] == ["aide-militaire", "drones-briansk", "koursk"]
    texts = "\n".join(a.text for a in result.articles)
    for hidden in ("123 drones", "456 drones", "789 drones"):
        assert hidden not in texts


@pytest.mark.parametrize(
    ("article_id", "published", "source", "title"),
    [
        ("drones-briansk", date(2024, 12, 9), "AFP", None),
        # dd/mm/yyyy in metadata.csv; Markdown title from the first "# " heading.
        (
            "aide-militaire",
            date(2024, 12, 8),
            "Reuters",
            "Washington débloque une nouvelle aide militaire",
        ),
        # Empty metadata cells keep what the page says about itself.
        ("koursk", date(2024, 12, 9), None, "Koursk : 6 drones abattus selon Moscou"),
    ],
)
def test_metadata_csv_merges_by_file_stem(
    article_id: str, published: date, source: str | None, title: str | None
) -> None:
    article = by_id(read_corpus([DATA / "dossier"]))[article_id]
    assert article.published == published
    assert article.source == source
    assert article.title == title
    assert article.language == "fr"


def test_bad_date_in_metadata_csv_is_reported_and_article_kept(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", DRONES)
    write(tmp_path, "metadata.csv", "id,published\na,31/02/2024\n")
    result = read_corpus([tmp_path])
    assert [a.published for a in result.articles] == [None]
    assert len(result.errors) == 1
    error = result.errors[0]
    assert error.path == str(tmp_path / "metadata.csv")
    assert error.line == 2
    assert "31/02/2024" in error.message and "line 2" in error.message


def test_unreadable_metadata_csv_is_reported_and_texts_still_read(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", DRONES)
    write(tmp_path, "metadata.csv", b"id,published\x00\xff\xfe")
    result = read_corpus([tmp_path])
    assert [a.article_id for a in result.articles] == ["a"]
    assert [str(e) for e in result.errors] == [
        f"{tmp_path / 'metadata.csv'}: cannot read: binary file (NUL bytes) (metadata ignored)"
    ]


# --- text, Markdown and HTML ----------------------------------------------------------------------


def test_html_keeps_visible_text_only_with_one_line_per_paragraph() -> None:
    article = read_corpus([DATA / "dossier" / "region" / "koursk.html"]).articles[0]
    assert article.text.split("\n") == [
        "Koursk : 6 drones abattus",
        "Six drones ukrainiens ont été abattus au-dessus de la région de Koursk, "
        "a affirmé le ministère russe de la Défense.",
        "Au total, 32 drones ont été détruits, dont 14 au-dessus de Briansk.",
    ]
    assert article.url == "https://exemple.fr/monde/koursk-drones"
    assert article.language == "fr"
    for invisible in ("42", "1 000 000", "99", "Accueil", "500 drones", "77 drones", "color"):
        assert invisible not in article.text


@pytest.mark.parametrize(
    ("markup", "title", "text"),
    [
        (
            "<h1>Frappe sur Kyiv</h1><p>Au moins 3&nbsp;morts.</p>",
            "Frappe sur Kyiv",
            "Frappe sur Kyiv\nAu moins 3 morts.",
        ),
        (
            "<p>Le bilan s'élève à 12<br>blessés, selon   les\n secours.</p>",
            None,
            "Le bilan s'élève à 12\nblessés, selon les secours.",
        ),
        (
            "<ul><li>14 à Briansk</li><li>6 à Koursk</li></ul><table><tr><td>23</td></tr></table>",
            None,
            "14 à Briansk\n6 à Koursk\n23",
        ),
        (
            "<div style='display: none'>10 000 soldats</div><p>Près de 60 % des électeurs.</p>"
            "<span aria-hidden='true'>★</span><![CDATA[ 7 ]]>",
            None,
            "Près de 60 % des électeurs.",
        ),
        ("<pre>  400 000\n  500 000</pre>", None, "  400 000\n  500 000"),
        ("<p>L&rsquo;aide s&#39;&eacute;l&egrave;ve &agrave; 1&nbsp;milliard &euro;</p>", None,
         "L'aide s'élève à 1 milliard €"),
    ],
)
def test_html_text_and_title(markup: str, title: str | None, text: str) -> None:
    result = articles_from_upload("page.html", markup.encode("utf-8"))
    assert result.ok, result.errors
    article = result.articles[0]
    assert article.text == text
    assert article.title == title


def test_deeply_nested_html_does_not_exhaust_the_stack() -> None:
    depth = 50_000
    markup = "<div>" * depth + "<p>17 drones interceptés</p>" + "</div>" * depth
    result = articles_from_upload("profond.htm", markup.encode())
    assert [a.text for a in result.articles] == ["17 drones interceptés"]


def test_html_with_a_bad_published_meta_is_reported() -> None:
    markup = '<meta name="date" content="hier soir"><p>17 drones interceptés</p>'
    result = articles_from_upload("page.html", markup.encode())
    assert result.articles[0].published is None
    assert [str(e) for e in result.errors] == [
        "page.html: invalid date 'hier soir' in 'published' (article kept without a date)"
    ]


def test_html_with_no_visible_text_is_an_error() -> None:
    result = articles_from_upload("vide.html", b"<html><head><title>Rien</title></head></html>")
    assert result.articles == ()
    assert [str(e) for e in result.errors] == ["vide.html: cannot read: no visible text"]


def test_text_is_normalised_one_for_one(tmp_path: Path) -> None:
    raw = (
        "Les 400\u202f000 réfugiés\u00a0: 12,5\u00a0% selon l\u2019ONU, "
        "10\u201315\u00a0jours.\r\n"
    )
    result = read_corpus([write(tmp_path, "hcr.txt", raw)])
    text = result.articles[0].text
    assert len(text) == len(raw)
    assert text == "Les 400 000 réfugiés : 12,5 % selon l'ONU, 10-15 jours. \n"


# --- CSV, JSONL and Parquet -----------------------------------------------------------------------


def test_csv_rows_are_articles_with_their_columns() -> None:
    result = read_corpus([DATA / "depeches.csv"])
    assert result.ok, result.errors
    articles = by_id(result)
    assert list(articles)[:2] == ["d01", "d02"]
    d01 = articles["d01"]
    assert (d01.title, d01.source, d01.published) == ("Drones au-dessus de Briansk", "AFP",
                                                      date(2024, 12, 9))
    d02 = articles["d02"]
    assert d02.published == date(2024, 12, 9)  # from an ISO datetime
    assert "\n\nSelon le ministère russe de la Défense, 6 drones" in d02.text
    assert d02.origin == f"{DATA / 'depeches.csv'}:3"
    # The third row has no id: it gets one derived from its text, and starts on line 6
    # because the quoted text of d02 spans three lines.
    third = result.articles[2]
    assert third.article_id == stable_id(third.text)
    assert third.origin == f"{DATA / 'depeches.csv'}:6"


def test_csv_semicolon_delimiter_is_sniffed() -> None:
    result = read_corpus([DATA / "depeches-point-virgule.csv"])
    assert result.ok, result.errors
    pv1, pv2 = result.articles
    assert pv1.published == date(2026, 1, 29)
    assert "désactivés; Kyiv attend" in pv1.text
    assert pv2.text.startswith("Les températures ont chuté à -20 °C à Kyiv, selon")
    assert pv2.language == "fr"


def test_jsonl_bad_lines_are_reported_and_other_lines_kept() -> None:
    path = DATA / "depeches.jsonl"
    result = read_corpus([path])
    assert [a.article_id for a in result.articles] == ["j01", "j03", "j04"]
    assert [a.origin for a in result.articles] == [f"{path}:1", f"{path}:4", f"{path}:6"]
    assert result.articles[0].published == date(2024, 12, 8)
    assert result.articles[2].published is None
    assert [(e.path, e.line) for e in result.errors] == [(str(path), 2), (str(path), 5),
                                                         (str(path), 6)]
    assert "invalid JSON" in result.errors[0].message
    assert "expected a JSON object" in result.errors[1].message
    assert "'le 8 décembre'" in result.errors[2].message
    assert str(result.errors[2]).startswith(f"{path}: line 6: invalid date")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("[" * 100_000 + "]" * 100_000, "invalid JSON"),
        ('{"id": ' + "1" * 5_000 + ', "text": "17 drones"}', "invalid JSON"),
        ('{"id": "x", "text": ["17 drones"]}', "no text"),
        ('{"id": "x", "texte": "17 drones"}', "no text"),
        ('{"id": "x", "text": "   "}', "no text"),
    ],
)
def test_jsonl_line_problems(line: str, reason: str) -> None:
    data = f'{line}\n{{"id": "ok", "text": "{DRONES}"}}\n'.encode()
    result = articles_from_upload("lot.jsonl", data)
    assert [a.article_id for a in result.articles] == ["ok"]
    assert any(reason in e.message and e.line == 1 for e in result.errors), result.errors


@pytest.mark.parametrize(("language", "expected"), [("FR", "fr"), ("fr-FR", "fr"), ("", "fr"),
                                                    ("en_GB", "en")])
def test_language_is_the_primary_subtag(language: str, expected: str) -> None:
    line = json.dumps({"id": "x", "language": language, "text": DRONES})
    assert articles_from_upload("lot.jsonl", line.encode()).articles[0].language == expected


def test_jsonl_numeric_id_is_text() -> None:
    result = articles_from_upload("lot.jsonl", json.dumps({"id": 17, "text": DRONES}).encode())
    assert result.articles[0].article_id == "17"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("id,texte\n1,17 drones\n", "no 'text' column (columns: id, texte)"),
        ("", "empty file"),
        ("id;published;text\n", "no rows below the header"),
    ],
)
def test_csv_file_level_problems(tmp_path: Path, content: str, reason: str) -> None:
    path = write(tmp_path, "export.csv", content)
    result = read_corpus([path])
    assert [str(e) for e in result.errors] == [f"{path}: cannot read: {reason}"]


def test_csv_row_with_too_many_fields_is_skipped(tmp_path: Path) -> None:
    content = f'id,text\na,"{DRONES}"\nb,17 drones, 3 morts\nc,6 drones,\n'
    path = write(tmp_path, "export.csv", content)
    result = read_corpus([path])
    assert [a.article_id for a in result.articles] == ["a", "c"]
    assert [str(e) for e in result.errors] == [
        f"{path}: line 3: expected 2 fields, found 3; row skipped"
    ]


def test_csv_field_larger_than_the_default_csv_limit(tmp_path: Path) -> None:
    long_text = (DRONES + " ") * 5_000  # about 350 000 characters
    path = write(tmp_path, "long.csv", f'id,text\nlong,"{long_text}"\n')
    result = read_corpus([path])
    assert result.ok, result.errors
    assert result.articles[0].text == long_text


def test_parquet_rows_are_articles(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table(
        {
            "id": ["p1", None],
            "text": [DRONES, ACCENTS],
            "published": [date(2024, 12, 9), None],
            "Source": ["AFP", "Le Monde"],
        }
    )
    path = tmp_path / "articles.parquet"
    pq.write_table(table, path)
    result = read_corpus([path])
    assert result.ok, result.errors
    first, second = result.articles
    assert (first.article_id, first.published, first.source) == ("p1", date(2024, 12, 9), "AFP")
    assert second.article_id == stable_id(normalize(ACCENTS))
    assert second.origin == f"{path}:2"


def test_parquet_that_is_not_parquet_is_an_error() -> None:
    result = articles_from_upload("faux.parquet", b"id,text\n1,17 drones\n")
    assert result.articles == ()
    assert result.errors[0].path == "faux.parquet"
    assert "not a readable Parquet file" in result.errors[0].message


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


# --- ids ------------------------------------------------------------------------------------------


def test_ids_are_stable_across_reads() -> None:
    inputs = [SEEDS, DATA / "depeches.csv", DATA / "dossier"]
    first, second = read_corpus(inputs), read_corpus(inputs)
    assert [a.article_id for a in first.articles] == [a.article_id for a in second.articles]
    assert first == second


def test_duplicate_ids_keep_every_article_under_a_distinct_id(tmp_path: Path) -> None:
    first = write(tmp_path, "a/drones.txt", DRONES)
    second = write(tmp_path, "b/drones.txt", "Autre texte : 32 drones.")
    table = write(tmp_path, "lot.csv", f'id,text\ndrones,"{DRONES}"\n')
    result = read_corpus([first, second, table])
    second_id = f"drones~{stable_id(normalize('Autre texte : 32 drones.'), length=6)}"
    third_id = f"drones~{stable_id(normalize(DRONES), length=6)}"
    assert [(a.article_id, a.origin) for a in result.articles] == [
        ("drones", str(first)), (second_id, str(second)), (third_id, f"{table}:2"),
    ]
    assert [str(e) for e in result.errors] == [
        f"{second}: duplicate article id 'drones' (first read from {first}); "
        f"this one kept as '{second_id}'",
        f"{table}: line 2: duplicate article id 'drones' (first read from {first}); "
        f"this one kept as '{third_id}'",
    ]
    assert {e.severity for e in result.errors} == {"warning"}
    assert result.failures == ()


def test_csv_with_duplicate_ids_keeps_both_rows(tmp_path: Path) -> None:
    rows = ["d01,Selon l'AFP, 17 drones.", "d01,Selon Reuters, 6 drones.",
            "d01,Selon Reuters, 6 drones."]  # the last row repeats the second
    path = write(tmp_path, "lot.csv", "id;text\n" + "\n".join(r.replace(",", ";", 1)
                                                              for r in rows) + "\n")
    result = read_corpus([path])
    ids = [a.article_id for a in result.articles]
    suffix = stable_id(normalize("Selon Reuters, 6 drones."), length=6)
    assert ids == ["d01", f"d01~{suffix}", f"d01~{suffix}~2"]
    assert [a.origin for a in result.articles] == [f"{path}:{n}" for n in (2, 3, 4)]
    assert [(e.line, e.severity) for e in result.errors] == [(3, "warning"), (4, "warning")]
    assert all(f"duplicate article id 'd01' (first read from {path}:2)" in e.message
               for e in result.errors)
    assert read_corpus([path]) == result  # the same ids on every run


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


# --- records --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-12-08", date(2024, 12, 8)),
        ("2024-12-08T23:30:00-05:00", date(2024, 12, 8)),
        ("2024-12-09T07:30:00Z", date(2024, 12, 9)),
        ("2024-12-09 07:30", date(2024, 12, 9)),
        ("08/12/2024", date(2024, 12, 8)),
        ("8/1/2026", date(2026, 1, 8)),
        ("  ", None),
        (None, None),
    ],
)
def test_parse_published(value: str | None, expected: date | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["31/02/2024", "le 8 décembre", "2024-13-01", "12/2024"])
def test_parse_published_rejects(value: str) -> None:
    with pytest.raises(ValueError):
        parse_published(value)


def test_results_are_frozen_and_readable() -> None:
    error = InputError("seeds/x.txt", "cannot read: binary file")
    assert str(error) == "seeds/x.txt: cannot read: binary file"
    result = CorpusResult(errors=(error,))
    assert not result.ok
    assert CorpusResult().ok
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.errors = ()  # type: ignore[misc]


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
