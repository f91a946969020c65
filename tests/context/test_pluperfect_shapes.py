"""The pluperfect of a sentence set in an earlier time, known by the shape of its participle
where the small tagger misreads it (``context/_background``). Sentences in our own words."""

from __future__ import annotations

import pytest

from factcheck.context._background import set_earlier
from factcheck.context.nlp import parse_one


@pytest.mark.parametrize(
    ("sentence", "earlier"),
    [
        ("Lors de la précédente journée, le syndicat avait dénombré 25 000 participants "
         "dans la ville.", True),
        ("Au précédent comptage, la mairie avait recensé 2 600 personnes à la rue.", True),
        ("Au printemps, les pompiers avaient fait état de 14 blessés.", True),
        ("La veille, l'institut avait auparavant établi le record à 44,1 °C.", True),
        ("Au premier tour, la liste avait plus nettement progressé de 6 points.", True),
        ("Dans la soirée, il y avait encore 300 personnes sur la place.", False),
        ("La semaine dernière, ces crédits n'avaient finalement pas été utilisés.", False),
        ("En revanche, la commune avait le même budget de 12 millions.", False),
    ],
    ids=["noun_read_participle", "adjective_read_participle", "fait_read_auxiliary",
         "adverb_between", "two_adverbs_between", "imperfect_of_il_y_a",
         "passive_after_adverbs", "avoir_with_an_object"],
)
def test_pluperfect_by_shape(sentence: str, earlier: bool) -> None:
    assert set_earlier(parse_one(sentence)) is earlier
