"""How far in time a figure reaches (``scope.assign_cues``, ``span``): a "remaining" cue
within reach of a figure is not overridden by a running-total cue that the sentence gives to
a figure of another family."""

from __future__ import annotations

import pytest

from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.scope import assign_cues

LEXICON = load_lexicon()


def _members(sentence: str, figures: list[tuple[str, str]]) -> list[dict]:
    out = []
    for n, (surface, family) in enumerate(figures):
        start = sentence.index(surface)
        out.append({"claim_id": f"c{n}", "_rel_start": start, "_rel_end": start + len(surface),
                    "_family": family, "_dim": family})
    return out


@pytest.mark.parametrize(("sentence", "figures", "spans"), [
    pytest.param(
        "« Au total, 70 % des abonnés ont retrouvé le courant », indique l'opérateur, qui "
        "compte encore ce soir 210 000 foyers privés d'électricité dans la région.",
        [("70 %", "percent"), ("210 000", "count")], {"c0": "total", "c1": "remaining"},
        id="a total for the share, a stock still cut off for the count"),
    pytest.param(
        "Au total, 45 personnes ont été secourues et 12 sont toujours portées disparues.",
        [("45", "count"), ("12", "count")], {"c0": "total", "c1": "remaining"},
        id="one family: the total and the remaining stock apart"),
    pytest.param(
        "Au total, 3 200 foyers ont été privés de courant dans le département.",
        [("3 200", "count")], {"c0": "total"}, id="a total alone"),
])
def test_span_of_each_figure(sentence: str, figures: list[tuple[str, str]],
                             spans: dict[str, str]) -> None:
    cues = assign_cues(_members(sentence, figures), sentence, LEXICON)
    assert {k: v["span"] for k, v in cues.items()} == spans
