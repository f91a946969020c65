"""Figures the journalist describes with, read by the whole pipeline so that they carry
their values (``context/_narration.py``, articles in our own words). An intertitle's figures
(a short line of its own between the paragraphs of a report) take only the source of the
figure of their section they restate; otherwise they are the outlet's summary and have none
(``context/_repeats.intertitles_restated``)."""

from __future__ import annotations

import pytest
from source_helpers import assert_inherited_or_none, assert_source, source_of

from factcheck.models import Article
from factcheck.pipeline import claims_frame

RESTATED = (
    "Crues dans le Nord : la décrue se fait attendre\n\n"
    "Selon la préfecture du Nord, 1 200 personnes ont été évacuées depuis dimanche.\n\n"
    "Près de 4 000 foyers privés d'eau\n\n"
    "Quelque 3 870 foyers restent privés d'eau potable, a précisé la préfecture du Nord "
    "mardi soir."
)
NOT_RESTATED = (
    "Retraites : nouvelle journée de mobilisation\n\n"
    "Selon le ministère de l'Intérieur, 48 000 personnes ont défilé à Paris.\n\n"
    "35 interpellations et des vitrines brisées\n\n"
    "En fin d'après-midi, des heurts ont éclaté près de la place de la Nation. Des "
    "poubelles ont été incendiées et des vitrines d'agences bancaires brisées."
)


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        (RESTATED, "Près de 4 000", "préfecture du Nord"),
        (NOT_RESTATED, "35", None),
    ],
    ids=["restated_in_its_section", "summary_of_its_section"],
)
def test_intertitle_source(text: str, surface: str, expected: str | None) -> None:
    assert_inherited_or_none(text, surface, expected)


def test_the_section_keeps_the_reports_source() -> None:
    """The figures under an intertitle still take the report's source."""
    text = NOT_RESTATED + " Au total, 12 policiers ont été blessés."
    source, _ = source_of(text, "12")
    assert source == "ministère de l'Intérieur"


def test_a_known_set_taking_up_the_reports_count_keeps_its_source() -> None:
    """ "les quatre randonneurs" after the report's "Quatre randonneurs ont été secourus" is
    that count taken up, not a set the journalist names."""
    text = ("Quatre randonneurs ont été secourus dans la nuit, a annoncé le peloton de "
            "gendarmerie de haute montagne. Les quatre randonneurs souffraient d'hypothermie.")
    claims = claims_frame([Article("t", text)])
    row = claims[claims.surface.str.lower() == "quatre"].iloc[-1]
    assert row["source"] == "peloton de gendarmerie de haute montagne"
    assert row["source_mode"] == "inherited"


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Selon la préfecture, 9 000 personnes ont défilé dans le centre. Les dix mille "
         "manifestants se sont ensuite dispersés sans incident.", "dix mille", "préfecture"),
        ("Selon la préfecture, 9 000 personnes ont défilé dans le centre. Les deux cortèges "
         "se sont ensuite rejoints place de la Mairie.", "deux", None),
        ("Selon l'Insee, l'emploi salarié a reculé de 3 % dans l'Ouest. Les trois régions "
         "de la façade atlantique perdent des postes.", "trois", None),
    ],
    ids=["a large number in words is a tally", "a few named in words are a known set",
         "a percentage is no count the known set takes up"],
)
def test_known_set(text: str, surface: str, expected: str | None) -> None:
    """A number in words after "les" names a set the reader knows only when it is a few
    things, and it takes up the report's count only when a count of the same kind gave it."""
    assert_source(text, surface, expected)


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Selon les pompiers, l'explosion a fait quatre blessés. Les secours sont arrivés "
         "vingt minutes après le premier appel.", "vingt minutes", "pompiers"),
        ("Selon la préfecture, la collision a fait deux morts. La nationale a été rouverte "
         "trois heures après l'accident.", "trois heures", "préfecture"),
        ("Selon le parquet, neuf personnes ont été mises en examen. Le procès s'ouvrira "
         "huit ans après les faits.", "huit ans", None),
    ],
    ids=["a delay in minutes is the report's", "a delay in hours is the report's",
         "years after an event date the story"],
)
def test_duration_before_apres(text: str, surface: str, expected: str | None) -> None:
    """Minutes or hours before "après" time the course of the event the report tells; years
    anchor the story in time and are the journalist's."""
    assert_source(text, surface, expected)


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Selon la préfecture, 8 500 personnes ont manifesté à Nantes. Des milliers de "
         "personnes ont aussi défilé à Rennes et à Brest.", "Des milliers", None),
        ("Selon les pompiers, trois personnes ont été blessées dans l'incendie. Plusieurs "
         "dizaines de riverains ont passé la nuit dans un gymnase.", "Plusieurs dizaines", None),
        ("Selon le parquet, la société a versé 2 millions d'euros à des intermédiaires. Elle "
         "aurait aussi dissimulé plusieurs millions d'euros au fisc.",
         "plusieurs millions d'euros", "parquet"),
        ("Selon le maire, 40 maisons ont été inondées. La crainte de « des centaines de "
         "sinistrés » gagne la vallée.", "des centaines", "maire"),
    ],
    ids=["thousands marching elsewhere", "several dozen evacuated after a toll",
         "an indefinite amount of money", "an indefinite amount in quotation marks"],
)
def test_indefinite_amount(text: str, surface: str, expected: str | None) -> None:
    """An indefinite plural amount ("des milliers", "plusieurs dizaines") is the journalist's
    order of size for a scene, not a count the report's source gives; an amount of money, or
    words in quotation marks, keep the report's source."""
    assert_inherited_or_none(text, surface, expected)
