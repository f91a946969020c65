"""Places in cross-referencing: a place written with a part ("dont 60 000 à Lille") is not the
whole's (an unknown place, never a clash), and explanations show places as the text writes
them, capitalised, while link and flag ids stay keyed by their claims."""

from __future__ import annotations

import pytest
from crossref_helpers import frame_from_articles

from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.identity import identity
from factcheck.crossref.place_names import place_name
from factcheck.crossref.relations import scope_reasons
from factcheck.crossref.views import prepare_claims


def _claim(surface: str, value: float, place: str = "") -> dict:
    return {"surface": surface, "value": value, "kind": "count", "subject": "manifestant",
            "place": place, "place_mode": "explicit" if place else "",
            "time_start": "2025-01-20", "time_end": "2025-01-20"}


def _views(whole_text: str, whole: list[dict], other_text: str, other: list[dict]):
    frame = frame_from_articles([
        {"id": "a1", "published": "2025-01-20", "text": whole_text, "claims": whole},
        {"id": "a2", "published": "2025-01-20", "text": other_text, "claims": other}])
    frame["place_basis"] = ["sentence" if p else "" for p in frame["place"]]
    return {(v.article_id, v.surface): v for v in prepare_claims(frame, load_lexicon())}


def test_a_parts_place_is_not_the_wholes() -> None:
    views = _views(
        "Quelque 900 000 manifestants ont défilé jeudi, dont 60 000 à Lille, selon le ministère.",
        [_claim("900 000", 900000), _claim("60 000", 60000, "Lille")],
        "Ils étaient 2 millions de manifestants en France jeudi selon les syndicats.",
        [_claim("2 millions", 2e6, "France")])
    whole, country = views["a1", "900 000"], views["a2", "2 millions"]
    assert whole.place == "" and whole.part_places == frozenset({"lille"})
    assert not any("lieu" in r for r in scope_reasons(whole, country, load_lexicon()))
    # The part keeps its own place: Lille against France is a difference of scope.
    assert any("lieu : Lille contre France" in r
               for r in scope_reasons(views["a1", "60 000"], country, load_lexicon()))


def test_two_wholes_listing_the_same_parts_still_tie() -> None:
    """A part's place tells no whole apart, but two wholes listing the same parts share it."""
    views = _views(
        "Quelque 900 000 manifestants ont défilé jeudi, dont 60 000 à Lille, selon le ministère.",
        [_claim("900 000", 900000), _claim("60 000", 60000, "Lille")],
        "Le ministère a compté 900 000 manifestants jeudi, dont 60 000 à Lille.",
        [_claim("900 000", 900000), _claim("60 000", 60000, "Lille")])
    whole_a, whole_b = views["a1", "900 000"], views["a2", "900 000"]
    assert "place" in identity(whole_a, whole_b, load_lexicon()).ties


def test_every_part_of_a_list_keeps_its_place() -> None:
    """A list of parts after "dont": each figure of it is a part, not only the first."""
    views = _views(
        "Quelque 900 000 foyers restaient sans courant jeudi, dont 60 000 à Lille, "
        "20 000 à Rouen et 9 000 à Caen.",
        [_claim("900 000", 900000), _claim("60 000", 60000, "Lille"),
         _claim("20 000", 20000, "Rouen"), _claim("9 000", 9000, "Caen")],
        "Les cortèges ont réuni 3 000 personnes à Nantes.", [_claim("3 000", 3000, "Nantes")])
    whole = views["a1", "900 000"]
    assert whole.part_places == frozenset({"lille", "rouen", "caen"})
    assert not any("lieu" in r for r in scope_reasons(whole, views["a2", "3 000"], load_lexicon()))


def test_a_place_past_a_closed_part_clause_is_no_parts() -> None:
    """A part opener whose clause closed ("dont une majorité de jeunes ;") makes no later
    figure a part: its place is its own, not a part's of the whole before."""
    views = _views(
        "Près de 3 000 personnes ont marché dimanche, dont beaucoup de familles ; "
        "la semaine précédente, 700 avaient défilé à Lille.",
        [_claim("3 000", 3000), _claim("700", 700, "Lille")],
        "Les cortèges ont réuni 3 000 personnes à Nantes.", [_claim("3 000", 3000, "Nantes")])
    assert not views["a1", "3 000"].part_places


def test_a_place_both_figures_share_is_kept() -> None:
    """No part opener: the place after both figures is the sentence's, the bare one's too."""
    views = _views(
        "Entre 5 000 selon la police et 12 000 selon les organisateurs ont défilé à Lille.",
        [_claim("5 000", 5000), _claim("12 000", 12000, "Lille")],
        "Les cortèges ont réuni 3 000 personnes à Nantes.", [_claim("3 000", 3000, "Nantes")])
    assert views["a1", "5 000"].places == frozenset({"lille"})
    assert not views["a1", "5 000"].part_places


@pytest.mark.parametrize(("key", "shown"), [
    ("lyon", "Lyon"), ("clermont-ferrand", "Clermont-Ferrand"), ("la réunion", "La Réunion"),
    ("saint-martin-de-la-plaine", "Saint-Martin-de-la-Plaine"), ("kiev", "Kiev"), ("", ""),
    ("l'isle-sur-le-doubs", "L'Isle-sur-le-Doubs"), ("villers-l'hôpital", "Villers-l'Hôpital"),
])
def test_place_names_are_shown_capitalised(key: str, shown: str) -> None:
    assert place_name(key) == shown
