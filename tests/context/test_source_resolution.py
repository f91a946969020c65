"""Sources resolved within an article (anaphora, back-references, descriptions, roles,
acronyms, short forms, spellings, fragments), and spelling variants across articles; cases
in ``tests/context/data/source_resolution.toml``."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from factcheck.context.acronyms import source_key_form
from factcheck.context.names import is_body, is_generic_source, same_source
from factcheck.context.resolution import names_a_person, resolve_source
from factcheck.models import Article
from factcheck.pipeline import extract_claims

CASES = tomllib.loads((Path(__file__).parent / "data" / "source_resolution.toml")
                      .read_text("utf-8"))["case"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_resolve_source(case: dict) -> None:
    expected = None if case["expected"] == "__none__" else case["expected"]
    assert resolve_source(case["source"], case["earlier"], case.get("text", "")) == expected


@pytest.mark.parametrize(("a", "b"), [("Zelenski", "Volodymyr Zelensky"),
                                      ("Volodymyr Zelenskyy", "Zelensky")])
def test_spelling_variants_are_one_source(a: str, b: str) -> None:
    assert same_source(a, b)


@pytest.mark.parametrize(("a", "b"), [("Zaloujny", "Zelensky"), ("Macron", "Marron"),
                                      ("Jean Martin", "Paul Martinez"), ("Martin", "Martinez"),
                                      ("Marine Le Pen", "Jean-Marie Le Pen")])
def test_other_names_are_other_sources(a: str, b: str) -> None:
    assert not same_source(a, b)


def test_a_bare_head_noun_is_generic() -> None:
    assert is_generic_source("le ministère") and is_generic_source("Mairie")
    assert not is_generic_source("ministère de la Justice")


@pytest.mark.parametrize(("name", "body"), [("la chambre régionale des comptes", True),
                                             ("le ministère de l'Intérieur", True),
                                             ("l'institut technique", False),
                                             ("la préfecture", False),
                                             ("Arvalis", False)])
def test_a_body_is_a_head_noun_with_its_complement(name: str, body: bool) -> None:
    assert is_body(name) is body


def test_a_document_without_author_is_generic() -> None:
    assert is_generic_source("l'enquête") and is_generic_source("étude")


@pytest.mark.parametrize(("name", "person"), [("Paul Durand", True),
                                               ("ministre du Logement Paul Durand", True),
                                               ("Observatoire Régional Des Loyers", False),
                                               ("Fédération des locataires", False),
                                               ("CGT", False)])
def test_a_person_is_two_capitalised_words_or_a_role_before_a_name(name: str,
                                                                   person: bool) -> None:
    assert names_a_person(name) is person


@pytest.mark.parametrize(("name", "bare"), [
    ("chambre régionale des comptes (CRC)", "CRC"),
    ("service statistique du ministère des Sports (SSMSP)", "SSMSP"),
    ("Claire Dumont (PS)", "Claire Dumont (PS)"),  # not the party's long name
    ("Pascal Sorel (PS)", "Pascal Sorel (PS)"),  # initials that spell the party: still a person
    ("CRC", "CRC"),
])
def test_the_key_of_a_name_written_with_its_acronym_is_the_acronym(name: str, bare: str) -> None:
    assert source_key_form(name) == bare


def test_two_politicians_of_one_party_are_two_sources() -> None:
    """Names with the party in brackets whose initials spell it are persons, not the party."""
    assert not same_source("Pascal Sorel (PS)", "Paule Simon (PS)")


def test_an_article_names_its_body_one_way_in_full_and_by_acronym() -> None:
    article = Article("t", "Selon le service statistique du ministère des Sports (SSMSP), "
                      "les clubs comptent 15 000 licenciés de plus. Le SSMSP relève aussi "
                      "3 200 bénévoles en moins.")
    claims = [c for c in extract_claims(article) if c.mention.surface in ("15 000", "3 200")]
    assert len(claims) == 2
    assert {c.context.source for c in claims} == {
        "service statistique du ministère des Sports (SSMSP)"}
