"""A figure of the headline or the lead, rounded, restated further on with its source
(``context/_repeats.lead_restated``): one figure, one source. Articles in our own words."""

from __future__ import annotations

import pytest
from source_helpers import assert_inherited_or_none, assert_source


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        (
            "Tempête : 1 200 foyers privés de courant\n\n"
            "Plus de 1 230 foyers étaient toujours privés d'électricité mardi soir, selon "
            "Enedis. Les équipes sont mobilisées depuis l'aube.",
            "1 200",
            "Enedis",
        ),
        (
            "Nuit agitée : 300 interpellations dans le pays\n\n"
            "Quelque 310 personnes ont été interpellées dans la nuit de samedi à dimanche, a "
            "indiqué le ministère de l'Intérieur.",
            "300",
            "ministère de l'Intérieur",
        ),
        (
            "Accident de bus : une vingtaine de blessés\n\n"
            "Selon les pompiers, 21 personnes ont été blessées lundi matin sur la route "
            "départementale.",
            "une vingtaine",
            "pompiers",
        ),
        (
            "Feux de forêt : 5 foyers toujours actifs\n\n"
            "Au moins cinq personnes sont mortes depuis dimanche, selon les pompiers.",
            "5",
            None,
        ),
        (
            "Séisme : 100 morts\n\n"
            "Au moins 130 personnes ont été tuées, selon les autorités locales.",
            "100",
            None,
        ),
        (
            "Éboulement : 50 morts\n\n"
            "Un pan de montagne s'est effondré sur le village dans la nuit.\n\n"
            "D'après la Croix-Rouge, 52 personnes ont été blessées et évacuées vers l'hôpital.",
            "50",
            None,
        ),
        (
            "Naufrage : 30 morts\n\n"
            "Au moins 31 personnes ont péri en mer, selon la préfecture maritime.",
            "30",
            "préfecture maritime",
        ),
    ],
    ids=["rounded_headline", "people_in_the_state_named", "order_of_size",
         "another_thing_counted", "beyond_rounding", "killed_not_restated_by_wounded",
         "killed_restated_by_perished"],
)
def test_lead_figure_restated(text: str, surface: str, expected: str | None) -> None:
    assert_inherited_or_none(text, surface, expected)


def test_only_the_lead_takes_a_restatement() -> None:
    """A body figure rounded then restated is the journalist's own sentence, not a title."""
    text = (
        "Inondations dans le Sud-Ouest\n\n"
        "La Garonne est sortie de son lit dans la nuit de dimanche à lundi.\n\n"
        "Environ 400 habitations ont été inondées. Quelque 410 habitations sont sinistrées, "
        "a précisé la préfecture."
    )
    assert_source(text, "Environ 400", None)
