"""A general noun with a definite article ("le chiffre", "le niveau") heading the clause of a
figure takes up the metric of the sentence before, read on whole articles (values and
paragraphs as the scanner and the splitter give them): not across a paragraph, which may
turn to another matter, unless the figure restates a value of the sentence before."""

from __future__ import annotations

import pytest

from factcheck.models import Article
from factcheck.pipeline import claims_frame


def _subject(text: str, surface: str) -> object:
    claims = claims_frame([Article("t", text)])
    return claims[claims.surface == surface].iloc[-1]["subject"]  # the later one


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Les ventes de logements neufs ont chuté de 21 % sur un an. Un an plus tôt, le "
         "chiffre était de 9 %.", "9 %", "vente"),
        ("Les ventes de logements neufs ont chuté de 21 % sur un an.\n\nDu côté des loyers, "
         "le chiffre a progressé de 3,5 % en un an.", "3,5 %", "chiffre"),
        ("Le chantier du nouveau stade coûtera 480 millions d'euros, selon la métropole.\n\n"
         "Le montant était pourtant de 480 millions d'euros dès l'origine, rappelle "
         "l'opposition.", "480 millions d'euros", "chantier"),
    ],
    ids=["same paragraph", "a new paragraph on another matter",
         "a new paragraph restating the value"],
)
def test_definite_metric_noun(text: str, surface: str, expected: str) -> None:
    assert _subject(text, surface) == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Le nombre de chômeurs en catégorie A a encore progressé au troisième trimestre.\n"
         "Le cap des 3 millions est dépassé depuis l'été, selon le ministère du Travail.",
         "3 millions", "cap"),
        ("Le nombre de chômeurs en catégorie A a atteint 3,1 millions au troisième trimestre. "
         "Le cap des 3 millions est dépassé depuis l'été.", "3 millions", "chômeur"),
        ("Au large des côtes, le nombre de naufragés secourus en tentant de rejoindre l'île a "
         "atteint le chiffre de 420 depuis janvier.", "420", "chiffre"),
    ],
    ids=["a cap with no figure before: the mark stays", "a cap takes up the count before",
         "a chiffre after a relative clause: not its noun"],
)
def test_mark_noun(text: str, surface: str, expected: str | None) -> None:
    """A mark ("la barre des", "le cap des", "le chiffre de") names no metric: with no clause
    subject and no figure before, the figure takes up the one before, of its kind; with none,
    the mark stays, as "le chiffre était de" does."""
    got = _subject(text, surface)
    assert (got if isinstance(got, str) and got else None) == expected
