"""The article's place (``factcheck.context.article_place``): cases of
``data/article_place.toml``, and how the claims table gives it to the figures whose sentence
names no place (``place_basis`` "article")."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from factcheck.context import annotate
from factcheck.context.article_place import article_place, dateline_place, lead_place
from factcheck.models import Article
from factcheck.pipeline import extract_claims

DATA = tomllib.loads((Path(__file__).parent / "data" / "article_place.toml").read_text("utf-8"))


@pytest.mark.parametrize("case", DATA["case"], ids=[c["id"] for c in DATA["case"]])
def test_article_place(case: dict) -> None:
    found = article_place(Article("a", case["text"]), case.get("figures", []))
    if not case["place"]:
        assert found is None
        return
    assert found is not None
    assert found.place == case["place"]
    assert list(found.evidence) == case["evidence"]


@pytest.mark.parametrize("case", DATA["lead"], ids=[c["id"] for c in DATA["lead"]])
def test_lead_place(case: dict) -> None:
    found = lead_place(Article("a", case["text"]), case.get("figures", []))
    assert (found.place if found else "") == case["place"]
    if found:
        assert found.evidence == (case["evidence"],)


@pytest.mark.parametrize("case", DATA["dateline"], ids=[c["text"][:30] for c in DATA["dateline"]])
def test_dateline(case: dict) -> None:
    assert (dateline_place(case["text"]) or "") == case["place"]


# (sentence of the figure, figure, place, place_basis) in one article about Spain.
_SPAIN = (
    "Espagne : le chômage recule encore\n"
    "Le chômage a reculé en Espagne au troisième trimestre, selon les chiffres publiés jeudi. "
    "Le Portugal voisin a vu son taux tomber à 6,1 %. "
    "Le pays compte désormais 2,7 millions de demandeurs d'emploi. "
    "À Madrid, 180 000 personnes cherchent un emploi. "
    "Le Portugal voisin affiche 6 % de chômage."
)
ROWS = [
    ("2,7 millions", "Espagne", "article"),  # no place in its sentence: the article's
    ("180 000", "Madrid", "sentence"),  # read in its sentence
    ("6,1 %", None, None),  # its sentence names another place: never the article's
    ("6 %", "Portugal", "sentence"),  # the place heading a verb that gives the figure
]


def _contexts(article: Article) -> dict:
    """Each figure's context by its surface, as the pipeline annotates it."""
    return {c.mention.surface: c.context for c in annotate(article, extract_claims(
        article, with_context=False))}


@pytest.fixture(scope="module")
def spain_claims() -> dict:
    article = Article("es", _SPAIN)
    return _contexts(article)


@pytest.mark.parametrize(("surface", "place", "basis"), ROWS, ids=[r[0] for r in ROWS])
def test_figures_take_the_article_place(spain_claims: dict, surface: str, place: str | None,
                                        basis: str | None) -> None:
    ctx = spain_claims[surface]
    assert (ctx.place, ctx.place_basis) == (place, basis)
    if basis == "article":
        assert ctx.place_mode == "inherited"  # a weak reading, never a tie


def test_no_evidence_no_place() -> None:
    text = "Le groupe a dégagé un bénéfice de 5 milliards d'euros. Ses ventes ont crû de 3 %."
    article = Article("x", text)
    claims = annotate(article, extract_claims(article, with_context=False))
    assert claims and all(c.context.place is None and c.context.place_basis is None
                          for c in claims)


# The lead names the region once; nothing else votes (no headline, dateline, body).
_REGION = (
    "Le conseil régional d'Occitanie a adopté vendredi son budget pour l'an prochain. "
    "Les dépenses d'investissement atteignent 1,2 milliard d'euros. "
    "À Toulouse, 300 millions iront aux lycées."
)
REGION_ROWS = [
    ("1,2 milliard d'euros", "Occitanie", "lead"),  # the scene of the story, named once
    ("300 millions", "Toulouse", "sentence"),  # its own place wins
]


@pytest.mark.parametrize(("surface", "place", "basis"), REGION_ROWS,
                         ids=[r[0] for r in REGION_ROWS])
def test_figures_take_the_lead_place(surface: str, place: str, basis: str) -> None:
    article = Article("oc", _REGION)
    found = _contexts(article)
    assert article_place(article, []) is None  # one vote: too thin for the article's place
    ctx = found[surface]
    assert (ctx.place, ctx.place_basis) == (place, basis)
    assert ctx.place_mode == ("inherited" if basis == "lead" else "explicit")



# The lead names the department once; a town's sentence holds one count and three dates,
# which take the town's place but do not vote for it (they repeat their count): the town is
# named no more often than the department, whose scene dates the fire's start.
_DEPARTMENT = (
    "Un feu a parcouru la forêt dans le Var cette semaine. "
    "Il avait démarré le 2 août. "
    "À Toulon, 40 maisons ont été évacuées le 3 août, le 4 août puis le 5 août."
)


def test_dates_placed_by_their_sentence_cast_no_vote() -> None:
    article = Article("var", _DEPARTMENT)
    found = _contexts(article)
    assert (found["2 août"].place, found["2 août"].place_basis) == ("Var", "lead")
    assert (found["40"].place, found["40"].place_mode) == ("Toulon", "explicit")
    dates = [found[d] for d in ("3 août", "4 août", "5 août")]
    assert all((d.place, d.place_mode, d.place_basis) == ("Toulon", "inherited", "sentence")
               for d in dates)


# The lead names the country once; a region heading a verb of counting is named once too,
# though two of its sentence's figures read it (the count and its change in brackets): the
# country stays the scene of the national figures.
_COUNTRY = (
    "Le cabinet Ordinal a publié le bilan des faillites de l'année en France. "
    "Au total, 41 200 sociétés ont déposé le bilan. "
    "La Bretagne enregistre pour sa part 2 310 faillites (+ 12 %)."
)


def test_a_place_read_by_two_figures_of_one_sentence_is_named_once() -> None:
    article = Article("fr", _COUNTRY)
    found = _contexts(article)
    assert (found["2 310"].place, found["2 310"].place_mode) == ("Bretagne", "explicit")
    assert (found["41 200"].place, found["41 200"].place_basis) == ("France", "lead")


@pytest.mark.parametrize("opening", ["Nantes (AFP) - ", "Nantes, 4 mars 2026 (AFP) - ",
                                     "NANTES (AFP) - "])
def test_a_dateline_in_the_lead_sentence_is_no_place_of_its_own(opening: str) -> None:
    """A dateline in mixed case opens the lead sentence; the town it names is where the story
    is filed, not a place the sentence names apart from the article's: its figure takes the
    article's place as under a dateline in capitals."""
    article = Article("d", opening + "18 % des agents municipaux étaient en grève "
                      "mardi, selon la mairie.", title="Grève municipale à Nantes")
    found = _contexts(article)
    ctx = found["18 %"]
    assert (ctx.place, ctx.place_mode) == ("Nantes", "inherited")
