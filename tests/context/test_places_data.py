"""``places.toml``: every French region and department is known, the tables do not contradict
each other, and names that are also common words never match in lower case."""

from __future__ import annotations

import pytest

from factcheck.context.world import world_data

REGIONS = [
    "Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne", "Centre-Val de Loire",
    "Corse", "Grand Est", "Hauts-de-France", "Île-de-France", "Normandie",
    "Nouvelle-Aquitaine", "Occitanie", "Pays de la Loire", "Provence-Alpes-Côte d'Azur",
    "Guadeloupe", "Martinique", "Guyane", "La Réunion", "Mayotte",
]  # fmt: skip

# 01 to 95 (2A and 2B for 20), then 971 to 976 (no 975).
DEPARTMENTS = [
    "Ain", "Aisne", "Allier", "Alpes-de-Haute-Provence", "Hautes-Alpes", "Alpes-Maritimes",
    "Ardèche", "Ardennes", "Ariège", "Aube", "Aude", "Aveyron", "Bouches-du-Rhône",
    "Calvados", "Cantal", "Charente", "Charente-Maritime", "Cher", "Corrèze", "Corse-du-Sud",
    "Haute-Corse", "Côte-d'Or", "Côtes-d'Armor", "Creuse", "Dordogne", "Doubs", "Drôme",
    "Eure", "Eure-et-Loir", "Finistère", "Gard", "Haute-Garonne", "Gers", "Gironde",
    "Hérault", "Ille-et-Vilaine", "Indre", "Indre-et-Loire", "Isère", "Jura", "Landes",
    "Loir-et-Cher", "Loire", "Haute-Loire", "Loire-Atlantique", "Loiret", "Lot",
    "Lot-et-Garonne", "Lozère", "Maine-et-Loire", "Manche", "Marne", "Haute-Marne",
    "Mayenne", "Meurthe-et-Moselle", "Meuse", "Morbihan", "Moselle", "Nièvre", "Nord", "Oise",
    "Orne", "Pas-de-Calais", "Puy-de-Dôme", "Pyrénées-Atlantiques", "Hautes-Pyrénées",
    "Pyrénées-Orientales", "Bas-Rhin", "Haut-Rhin", "Rhône", "Haute-Saône", "Saône-et-Loire",
    "Sarthe", "Savoie", "Haute-Savoie", "Paris", "Seine-Maritime", "Seine-et-Marne",
    "Yvelines", "Deux-Sèvres", "Somme", "Tarn", "Tarn-et-Garonne", "Var", "Vaucluse",
    "Vendée", "Vienne", "Haute-Vienne", "Vosges", "Yonne", "Territoire de Belfort", "Essonne",
    "Hauts-de-Seine", "Seine-Saint-Denis", "Val-de-Marne", "Val-d'Oise",
    "Guadeloupe", "Martinique", "Guyane", "La Réunion", "Mayotte",
]  # fmt: skip


def _known(name: str) -> bool:
    w = world_data()
    return name in w.places_as_written or name in w.places_ambiguous or name.lower() in w.places


def test_lists_are_complete() -> None:
    assert len(REGIONS) == len(set(REGIONS)) == 18
    assert len(DEPARTMENTS) == len(set(DEPARTMENTS)) == 101


@pytest.mark.parametrize("name", REGIONS + DEPARTMENTS)
def test_region_or_department_known(name: str) -> None:
    assert _known(name)


def test_a_spelling_has_one_table() -> None:
    """A spelling in two tables would be read by the most permissive one only."""
    w = world_data()
    as_written, ambiguous = set(w.places_as_written), set(w.places_ambiguous)
    assert not as_written & ambiguous
    assert not {n.lower() for n in as_written | ambiguous} & set(w.places)
    assert not set(w.ambiguous_cities) - ambiguous, "a city named like no ambiguous place"


@pytest.mark.parametrize("name", ["Somme", "Lot", "Var", "Nord", "Cher", "Manche", "Aube"])
def test_common_words_are_ambiguous(name: str) -> None:
    """Names that are common words are matched only capitalised and after "dans"/"en"."""
    w = world_data()
    assert name in w.places_ambiguous
    assert name.lower() not in w.places and name.lower() not in w.places_ambiguous


def test_typographic_apostrophe() -> None:
    w = world_data()
    assert w.places_as_written["Val-d’Oise"] == "Val-d'Oise"
