"""Source introducers ("selon", "d'après", "de source") found as whole words in a lower-case
text (:func:`factcheck.context._speech_words.introducer_pattern`), the one test shared by
the acting-body rule and the event day of a report; sentences in our own words."""

from __future__ import annotations

import pytest

from factcheck.context._speech_words import introducer_pattern, lowered_text
from factcheck.context.lexicon import source_data
from factcheck.context.nlp import parse_one


@pytest.mark.parametrize(("sentence", "found"), [
    ("selon la préfecture, 300 personnes ont été évacuées.", True),
    ("d'après les pompiers, le feu est fixé.", True),
    ("d’après les pompiers, le feu est fixé.", True),
    ("de source policière, on compte 12 interpellations.", True),
    ("le feu s'est déclaré en fin d'après-midi près du village.", False),
    ("les ressources de la commune ont baissé.", False),
])
def test_introducer_in_text(sentence: str, found: bool) -> None:
    pattern = introducer_pattern(source_data().introducers)
    assert (pattern.search(sentence) is not None) is found


@pytest.mark.parametrize(("sentence", "found"), [
    ("D'après la mairie, le conseil a voté 3 millions d'euros.", True),
    ("Le conseil a voté en fin d'après-midi 3 millions d'euros.", False),
])
def test_introducer_in_tokens(sentence: str, found: bool) -> None:
    text = lowered_text(parse_one(sentence))
    assert (introducer_pattern(source_data().introducers).search(text) is not None) is found
