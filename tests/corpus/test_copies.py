"""Copies and near-copies of articles (``factcheck.corpus.copies``)."""

from __future__ import annotations

from datetime import date

from factcheck.corpus.copies import find_copies
from factcheck.models import Article

WIRE = ("Le bilan des inondations qui ont frappé la vallée s'est alourdi jeudi à 23 morts, "
        "selon la préfecture, qui fait aussi état de 140 blessés dont 12 dans un état grave. "
        "Plus de 2 000 personnes ont été évacuées et 800 pompiers restent mobilisés sur place, "
        "a précisé le préfet lors d'un point presse en fin de journée.")


def _article(aid: str, text: str, day: int) -> Article:
    return Article(aid, text, published=date(2025, 3, day))


def test_a_republished_wire_story_is_a_copy_of_the_earliest() -> None:
    articles = [_article("b", "Inondations : " + WIRE, 7), _article("a", WIRE, 6),
                _article("c", WIRE + " Une cellule d'écoute a été ouverte en mairie.", 8)]
    assert find_copies(articles) == {"b": "a", "c": "a"}


def test_two_articles_on_one_event_written_apart_are_no_copies() -> None:
    other = ("Jeudi soir, la préfecture comptait 23 morts après les crues. Le préfet a annoncé "
             "que 800 pompiers resteraient sur place tout le week-end, tandis que les "
             "évacuations touchaient plus de 2 000 habitants de la vallée.")
    assert find_copies([_article("a", WIRE, 6), _article("b", other, 6)]) == {}


def test_short_texts_are_not_compared_and_the_result_is_stable() -> None:
    articles = [_article("a", "23 morts.", 6), _article("b", "23 morts.", 6)]
    assert find_copies(articles) == {}
    many = [_article(f"x{i}", WIRE, 6) for i in range(5)]
    assert find_copies(many) == find_copies(list(reversed(many))) == {
        f"x{i}": "x0" for i in range(1, 5)}
