from __future__ import annotations

import dataclasses
from datetime import date

import pandas as pd
import pytest
from conftest import FRENCH_TEXT, GOLD_DIR, SEEDS_DIR, has_module, install_fake_module

from factcheck.models import (
    CLAIM_COLUMNS,
    FLAG_COLUMNS,
    LINK_COLUMNS,
    Article,
    Claim,
    Context,
    claim_id_for,
)
from factcheck.pipeline import (
    ALL_CLAIM_COLUMNS,
    ARTICLE_COLUMNS,
    Analysis,
    analyze,
    articles_frame,
    claims_frame,
    extract_claims,
)

ARTICLE = Article(
    article_id="a1",
    text=FRENCH_TEXT,
    title="Nuit d'attaques",
    source="AFP",
    published=date(2024, 12, 9),
)


def _fake_annotate(article: Article, claims: list[Claim]) -> list[Claim]:
    return [
        dataclasses.replace(
            c,
            context=Context(
                subject="drone",
                qualifiers=("ukrainien", "abattu"),
                source="ONU",
                modality="reported",
            ),
        )
        for c in claims
    ]


@pytest.fixture
def fake_context(monkeypatch):
    calls: list[int] = []

    def annotate_many(pairs):
        pairs = list(pairs)
        calls.append(len(pairs))
        return [_fake_annotate(a, c) for a, c in pairs]

    install_fake_module(
        monkeypatch, "factcheck.context", annotate=_fake_annotate, annotate_many=annotate_many
    )
    return calls


def test_extract_claims_gives_ids_sentences_and_offsets(fake_extractor, fake_context) -> None:
    claims = extract_claims(ARTICLE)
    assert [c.mention.surface for c in claims] == ["46", "12,5 %"]
    first, second = claims
    assert first.claim_id == claim_id_for("a1", first.mention)
    assert first.sentence == "Selon l'ONU, 46 drones ont été abattus dans la nuit."
    assert second.sentence == "Le taux de chômage atteint 12,5 % dans la région."
    for c in claims:
        assert ARTICLE.text[c.sentence_start : c.sentence_start + len(c.sentence)] == c.sentence
        assert ARTICLE.text[c.mention.start : c.mention.end] == c.mention.surface
    assert first.context.subject == "drone"


def test_extract_claims_without_context_leaves_it_empty(fake_extractor, fake_context) -> None:
    claims = extract_claims(ARTICLE, with_context=False)
    assert all(c.context == Context() for c in claims)
    assert fake_context == []


def test_claims_frame_columns_values_and_article_fields(fake_extractor, fake_context) -> None:
    df = claims_frame([ARTICLE])
    assert tuple(df.columns[: len(CLAIM_COLUMNS)]) == CLAIM_COLUMNS
    assert tuple(df.columns) == ALL_CLAIM_COLUMNS
    row = df.iloc[1]
    assert row["surface"] == "12,5 %"
    assert row["kind"] == "percent"
    assert row["value"] == 12.5
    assert row["unit"] == "%"
    assert row["approx"] == "none"
    assert row["qualifiers"] == "ukrainien; abattu"
    assert row["source"] == "ONU"
    assert row["published"] == "2024-12-09"
    assert row["article_source"] == "AFP"
    assert row["title"] == "Nuit d'attaques"
    assert row["sentence_start"] == FRENCH_TEXT.index("Le taux")
    assert fake_context == [1]  # one batched call for the chunk


def test_claims_frame_dtypes_are_the_same_when_empty(fake_extractor, fake_context) -> None:
    full = claims_frame([ARTICLE])
    empty = claims_frame([])
    no_figures = claims_frame([Article(article_id="z", text="Pas un seul chiffre.")])
    assert len(empty) == len(no_figures) == 0
    assert list(empty.columns) == list(full.columns)
    assert empty.dtypes.to_dict() == full.dtypes.to_dict()
    assert no_figures.dtypes.to_dict() == full.dtypes.to_dict()
    assert full["start"].dtype == "int64"
    assert full["value"].dtype == "float64"
    assert full["number_start"].dtype == "Int64"


def test_claims_frame_keeps_article_order_and_unique_ids(fake_extractor, fake_context) -> None:
    articles = [
        Article(article_id=f"art{i:02d}", text=f"Il y a {i} blessés et {i + 100} morts.")
        for i in range(40)  # more than one chunk
    ]
    df = claims_frame(articles)
    assert df["article_id"].tolist() == [a.article_id for a in articles for _ in range(2)]
    assert df["claim_id"].is_unique
    assert df["value"].tolist()[:4] == [0.0, 100.0, 1.0, 101.0]
    assert sum(fake_context) == 40


def test_progress_bar_only_when_asked(fake_extractor, fake_context, capsys) -> None:
    claims_frame([ARTICLE], progress=False)
    assert capsys.readouterr().err == ""
    claims_frame([ARTICLE], progress=True)
    assert "extraction" in capsys.readouterr().err


def test_articles_frame_columns() -> None:
    df = articles_frame([ARTICLE])
    assert tuple(df.columns) == ARTICLE_COLUMNS
    assert df.iloc[0]["published"] == "2024-12-09"
    assert tuple(articles_frame([]).columns) == ARTICLE_COLUMNS


def test_analyze_returns_the_four_tables(fake_extractor, fake_context) -> None:
    result = analyze([ARTICLE])
    assert isinstance(result, Analysis)
    assert result.articles["article_id"].tolist() == ["a1"]
    assert len(result.claims) == 2
    assert tuple(result.links.columns[: len(LINK_COLUMNS)]) == LINK_COLUMNS
    assert tuple(result.flags.columns[: len(FLAG_COLUMNS)]) == FLAG_COLUMNS
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.claims = pd.DataFrame()  # type: ignore[misc]


def test_analyze_passes_claims_and_reference_to_crossref(
    fake_extractor, fake_context, monkeypatch
) -> None:
    seen = {}

    def cross_reference(claims_df, reference_df=None):
        seen["claims"], seen["reference"] = claims_df, reference_df
        links = pd.DataFrame([["l1", "c1", "c2", "same", "idem"]], columns=list(LINK_COLUMNS))
        return links, pd.DataFrame(columns=list(FLAG_COLUMNS))

    install_fake_module(monkeypatch, "factcheck.crossref", cross_reference=cross_reference)
    reference = pd.DataFrame({"value": [1.0]})
    result = analyze([ARTICLE], reference=reference)
    assert seen["reference"] is reference
    assert seen["claims"]["claim_id"].tolist() == result.claims["claim_id"].tolist()
    assert result.links["relation"].tolist() == ["same"]


@pytest.mark.slow
@pytest.mark.skipif(
    not has_module("factcheck.extract.scanner"), reason="factcheck.extract.scanner not written yet"
)
def test_several_processes_give_the_same_table_as_one() -> None:
    from factcheck.corpus.reader import read_corpus

    corpus = read_corpus([SEEDS_DIR, GOLD_DIR / "dev_corpus.jsonl"])
    assert corpus.ok
    one = claims_frame(corpus.articles, with_context=False)
    two = claims_frame(corpus.articles, with_context=False, processes=2)
    assert len(one) > 0
    pd.testing.assert_frame_equal(one, two)


def test_articles_in_a_language_without_data_give_no_figure() -> None:
    """English is not read yet: French rules would read "1,000" as 1. The article stays in
    the corpus, with no figure, and the command line says so."""
    english = Article(
        article_id="en1", text="The war has cost 1,000 lives and $2.5 billion.", language="en"
    )
    french = Article(article_id="fr1", text="La guerre a fait 1 000 morts.", language="fr")
    claims = claims_frame([english, french], with_context=False)
    assert list(claims.article_id) == ["fr1"]
    assert claims.value.tolist() == [1000.0]


def test_the_command_line_warns_about_unread_languages(tmp_path) -> None:
    from click.testing import CliRunner

    from factcheck.cli import main

    corpus = tmp_path / "c.csv"
    corpus.write_text(
        'id,text,language\nen1,"The war has cost 1,000 lives.",en\nfr1,"Il y a 3 morts.",fr\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["extract", str(corpus), "-o", str(tmp_path / "claims.csv"), "--no-context"]
    )
    assert result.exit_code == 0, result.output
    assert "1 article in a language factcheck does not read yet (en)" in result.output
