"""Scope cues read from a sentence (factcheck/lang/fr/crossref.toml), by phenomenon."""

from __future__ import annotations

import pytest
from crossref_helpers import frame_from_articles

from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.engine import cross_reference

LEXICON = load_lexicon()

# Population groups: (sentence, groups found). A group restricts a figure only after an
# introducer; "des"/"les"/"aux" not after "dont", a coordinator or punctuation; "hommes" only
# after "chez les", "parmi les"... (they are also troops).
POPULATION = [
    ("Chez les 15-24 ans, le taux de chômage grimpe à 19,8 % au troisième trimestre.",
     ["15-24 ans"]),
    ("Le taux de chômage des jeunes atteint 18,7 %, selon l'Insee.", ["jeunes"]),
    ("Le chômage des moins de 25 ans recule légèrement, à 17,9 %.", ["moins de 25 ans"]),
    ("Parmi les 65 ans et plus, 9 % vivent sous le seuil de pauvreté.", ["65 ans et plus"]),
    ("Pour les plus de 50 ans, le taux d'emploi progresse à 67 %.", ["plus de 50 ans"]),
    ("Le taux d'emploi des 55 – 64 ans atteint 58,4 %.", ["55-64 ans"]),
    ("L'espérance de vie des femmes atteint 85,7 ans en 2024.", ["femmes"]),
    ("Chez les hommes, l'espérance de vie atteint 80 ans.", ["hommes"]),
    ("Parmi les cadres, 42 % disent avoir recours au télétravail.", ["cadres"]),
    ("Le salaire médian des ouvriers s'établit à 1 850 euros nets par mois.", ["ouvriers"]),
    ("Chez les non-diplômés, le chômage touche 16 % des actifs.", ["non-diplômés"]),
    ("Le taux de pauvreté des retraités reste contenu, à 10,1 %.", ["retraités"]),
    ("Près de 20 % des étudiants sautent régulièrement un repas.", ["étudiants"]),
    ("Une aide de 300 euros est prévue pour les étudiants boursiers.", ["étudiants"]),
    # Nothing restricted.
    ("L'incendie a fait 8 morts, dont des femmes et des enfants, selon les pompiers.", []),
    ("Des jeunes ont incendié 40 voitures dans la nuit à Nanterre.", []),
    ("Le bataillon a perdu des hommes et 12 blindés près de Pokrovsk.", []),
    ("Kiev a envoyé des hommes en renfort, soit près de 3 000 soldats.", []),
    ("Le concours a attiré 1 200 candidats, dont 800 femmes et 400 hommes.", []),
    ("Le taux de chômage s'est établi à 7,5 % au deuxième trimestre, selon l'Insee.", []),
    ("Il a été condamné à une peine de plus de 10 ans de prison.", []),
    ("Les jeunes agriculteurs recevront 120 millions d'euros.", []),
]


@pytest.mark.parametrize(("sentence", "groups"), POPULATION, ids=[s[:40] for s, _ in POPULATION])
def test_population_groups(sentence: str, groups: list[str]) -> None:
    assert [g for *_, g in LEXICON.population.find(sentence)] == groups


def _two_articles(first: tuple[str, str, float], second: tuple[str, str, float]) -> list[dict]:
    return [{"id": f"p{i}", "published": "2025-08-14", "text": text,
             "claims": [{"surface": surface, "kind": "percent", "value": value,
                         "subject": "taux de chômage", "source": "Insee",
                         "time_start": "2025-04-01", "time_end": "2025-06-30"}]}
            for i, (text, surface, value) in enumerate((first, second))]


def test_a_group_against_everyone_is_explained_in_french() -> None:
    frame = frame_from_articles(_two_articles(
        ("Le taux de chômage s'est établi à 7,5 % au deuxième trimestre, selon l'Insee.",
         "7,5 %", 7.5),
        ("Chez les 15-24 ans, le taux de chômage grimpe à 19,2 %, selon l'Insee.",
         "19,2 %", 19.2)))
    links, flags = cross_reference(frame)
    assert flags.empty
    assert list(links.relation) == ["different_scope"]
    assert "population : ensemble contre 15-24 ans" in links.explanation.iloc[0]


def test_the_group_goes_to_the_nearest_figure() -> None:
    # "contre 7,5 % pour l'ensemble" stays the whole population, so it meets the 7,5 % of
    # another article as the same figure; the 19,2 % of the 15-24 ans meets neither.
    articles = _two_articles(
        ("Le taux de chômage grimpe à 19,2 % chez les 15-24 ans, contre 7,5 % pour "
         "l'ensemble de la population, selon l'Insee.", "7,5 %", 7.5),
        ("Le taux de chômage s'est établi à 7,5 % au deuxième trimestre, selon l'Insee.",
         "7,5 %", 7.5))
    articles[0]["claims"].append({**articles[0]["claims"][0], "surface": "19,2 %",
                                  "value": 19.2})
    links, flags = cross_reference(frame_from_articles(articles))
    assert flags.empty
    assert sorted(links.relation) == ["different_scope", "same"]
    scope = links[links.relation == "different_scope"].explanation.iloc[0]
    assert "« 19,2 % »" in scope and "population : 15-24 ans contre ensemble" in scope


# Projection cues: (sentence, figure, read as a projection). A comparison with the forecast
# ("mieux que prévu") qualifies an actual figure.
PROJECTED = [
    ("La croissance devrait atteindre 0,4 % au quatrième trimestre, selon la Banque de France.",
     "0,4 %", True),
    ("Le déficit prévu pour 2026 atteint 4,7 % du PIB.", "4,7 %", True),
    ("Selon la prévision de l'OFCE, le PIB progresserait de 0,8 % en 2026.", "0,8 %", True),
    ("La croissance a atteint 0,5 % au troisième trimestre, mieux que prévu.", "0,5 %", False),
    ("Les ventes ont reculé de 3,2 % en octobre, plus que prévu par les analystes.", "3,2 %",
     False),
    ("Comme prévu, la Banque centrale européenne a abaissé son taux de dépôt à 2 %.", "2 %",
     False),
    ("L'inflation a ralenti à 1,1 % en septembre, moins qu'initialement prévu.", "1,1 %", False),
    ("Le chômage atteint 7,7 %, un niveau supérieur à ce qui était prévu, soit plus que la "
     "prévision de l'Insee.", "7,7 %", False),
]


@pytest.mark.parametrize(("sentence", "surface", "projected"), PROJECTED,
                         ids=[s[:40] for s, *_ in PROJECTED])
def test_projection_cues(sentence: str, surface: str, projected: bool) -> None:
    from factcheck.crossref.views import prepare_claims

    frame = frame_from_articles([{
        "id": "f1", "published": "2025-10-30", "text": sentence,
        "claims": [{"surface": surface, "kind": "percent", "value": 1.0, "subject": "taux"}]}])
    (view,) = prepare_claims(frame, LEXICON)
    assert (view.modality == "projected") == projected


# National cues: (sentence, the figure is about the whole country). Bare "national" names a
# body or a party, not a scope.
NATIONAL = [
    ("Au niveau national, le taux de chômage s'est établi à 7,3 %.", "7,3 %", True),
    ("Le chômage atteint 7,3 % à l'échelle nationale, selon l'Insee.", "7,3 %", True),
    ("La moyenne nationale s'établit à 7,3 %, selon l'Insee.", "7,3 %", True),
    ("Le taux de chômage s'est établi à 7,3 %, selon l'Institut national de la statistique.",
     "7,3 %", False),
    ("Le Rassemblement national obtient 33 % des voix au premier tour.", "33 %", False),
    # A place already read wins (here Lille, from the context): the cue adds a scope, never
    # replaces one.
    ("À Lille, le chômage atteint 9,1 %, bien au-dessus de la moyenne nationale.", "9,1 %",
     False),
]
PLACES = {"9,1 %": "Lille"}


@pytest.mark.parametrize(("sentence", "surface", "national"), NATIONAL,
                         ids=[s[:40] for s, *_ in NATIONAL])
def test_national_cues(sentence: str, surface: str, national: bool) -> None:
    from factcheck.crossref.views import prepare_claims

    frame = frame_from_articles([{
        "id": "n1", "published": "2025-05-15", "text": sentence,
        "claims": [{"surface": surface, "kind": "percent", "value": 1.0, "subject": "taux",
                    "place": PLACES.get(surface, "")}]}])
    (view,) = prepare_claims(frame, LEXICON)
    assert (view.places == {"france"}) == national


# A known place as the subject of a verb of counting opening the sentence, also after a time
# set before it up to its comma; a place acting ("a annoncé") names a government, no place.
SUBJECT_PLACES = [
    ("Au 1er mars 2025, la Bretagne comptait 4 310 détenus, soit 3 % de plus qu'en février.",
     {"bretagne"}),
    ("En 2024, l'Occitanie a accueilli 2,1 millions de visiteurs étrangers.", {"occitanie"}),
    ("La Corse compte 412 détenus pour 350 places.", {"corse"}),
    ("En 2024, la France a annoncé 3 milliards d'euros pour ses hôpitaux.", set()),
    # A place set before the subject says where its figure is, no time: the subject after it
    # is not read (France does not hold the soldiers counted in Mali).
    ("Au Mali, la France comptait encore 4 800 soldats en début d'année.", set()),
    ("En Nouvelle-Aquitaine rurale, la Gironde compte 90 maternités.", {"nouvelle-aquitaine"}),
]


@pytest.mark.parametrize(("sentence", "places"), SUBJECT_PLACES,
                         ids=[s[:40] for s, _ in SUBJECT_PLACES])
def test_subject_place_after_a_fronted_time(sentence: str, places: set[str]) -> None:
    from factcheck.crossref.scope import sentence_places

    assert sentence_places(sentence, LEXICON) == places


# The metric family of a figure: a generic subject ("personnes") takes the family of what it
# underwent right after the figure, unless a negation says the opposite; synonyms of
# ``[families]`` are one family. (sentence, surface, subject, family).
FAMILIES = [
    ("Au 1er juin, 81 240 personnes étaient incarcérées en France.", "81 240", "personne",
     "détenus"),
    ("On comptait 81 240 détenus au 1er juin.", "81 240", "détenu", "détenus"),
    ("Dans la nuit, 312 personnes ont été interpellées, selon le ministère.", "312", "personne",
     "interpellations"),
    ("Parmi elles, 16 250 personnes non détenues portent un bracelet électronique.", "16 250",
     "personne", "population/personne"),
    ("Les surveillants ont recensé 81 240 prisonniers.", "81 240", "prisonnier", "détenus"),
]


@pytest.mark.parametrize(("sentence", "surface", "subject", "family"), FAMILIES,
                         ids=[s[:40] for s, *_ in FAMILIES])
def test_metric_family(sentence: str, surface: str, subject: str, family: str) -> None:
    from factcheck.crossref.views import prepare_claims

    frame = frame_from_articles([{"id": "f1", "published": "2025-06-01", "text": sentence,
                                  "claims": [{"surface": surface, "kind": "count", "value": 1,
                                              "subject": subject, "category": "population"}]}])
    (view,) = prepare_claims(frame, LEXICON)
    assert view.family == family


# The names a body scope reads (crossref/bodies.py): runs of capitalised words, an elided
# article cut off, the words naming the group itself and those capitalised at a sentence's
# start that name nothing left out.
NAME_RUNS = [
    ("Le bénéfice d'Orange France a reculé.", (("orange", "france"),)),
    ("Le groupe Orange SA a publié ses comptes.", (("orange",),)),
    ("La Banque de France a relevé sa prévision.", (("banque",), ("france",))),
    ("Selon l'Insee Bretagne, la population a crû.", (("insee", "bretagne"),)),
    ("Renault Group et Renault Trucks, deux entités.", (("renault",), ("renault", "trucks"))),
]


@pytest.mark.parametrize(("text", "runs"), NAME_RUNS, ids=[t[:30] for t, _ in NAME_RUNS])
def test_name_runs(text: str, runs: tuple) -> None:
    from factcheck.crossref.bodies import name_runs

    assert name_runs(text, LEXICON.bodies.group_words, LEXICON.bodies.not_names) == runs
