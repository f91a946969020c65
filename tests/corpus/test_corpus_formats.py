"""Reading corpora: text, Markdown and HTML files; CSV, JSONL and Parquet tables."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from corpus_helpers import ACCENTS, DATA, DRONES, by_id, write

from factcheck.corpus.reader import (
    articles_from_upload,
    read_corpus,
)
from factcheck.models import stable_id
from factcheck.text import normalize

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
