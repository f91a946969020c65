"""Reading corpora: seed folders and metadata.csv, stable ids, parsed dates and result records."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from corpus_helpers import DATA, DRONES, SEEDS, by_id, write

from factcheck.corpus.reader import (
    CorpusResult,
    InputError,
    parse_published,
    read_corpus,
)
from factcheck.models import stable_id
from factcheck.text import normalize

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
