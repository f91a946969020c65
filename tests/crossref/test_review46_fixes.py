"""Articles read end to end for the fixes of review46's findings (our own words, in
``tests/crossref/data/review46_links.json``), each beside a near miss: two terms of "contre"
each with its own source may be one series at two moments (a latest toll against a first
one): still an evolution, the change reading them as two sources at one time taken back; a
copy that drops the incise naming who said it (", a indiqué X") is still the same sentence
(``identity._same_wording``), but "selon" with no speaker after it ("selon les hypothèses",
"selon un calcul") is no incise."""

from __future__ import annotations

import pytest
from crossref_helpers import (
    ACCUSATIONS,
    case_articles,
    case_ids,
    check_flag_case,
    claim_id_of,
    load_cases,
    relation_of,
)

from factcheck.crossref.attributions import without_attributions
from factcheck.crossref.engine import cross_reference
from factcheck.pipeline import claims_frame

LINKS = load_cases("review46_links")


@pytest.mark.parametrize("case", LINKS, ids=case_ids(LINKS))
def test_link_between_two_figures(case: dict) -> None:
    claims = claims_frame(case_articles(case))
    links, _ = cross_reference(claims)
    articles = [a["id"] for a in case["articles"]]
    a, b = (claim_id_of(claims, articles[min(n, len(articles) - 1)], s)
            for n, s in enumerate(case["figures"]))
    assert relation_of(links, a, b) == case["relation"], (case["why"], links.to_dict("records"))


CASES = load_cases("review46_fixes")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_flags(case: dict) -> None:
    check_flag_case(case, ACCUSATIONS)


@pytest.mark.parametrize(("sentence", "kept"), [
    ("Il devra verser 30 000 euros à la commune, a précisé le procureur.",
     "Il devra verser 30 000 euros à la commune, ."),
    ("Selon la préfecture, 1 200 hectares ont brûlé.", " , 1 200 hectares ont brûlé."),
    ("Le trafic a baissé de 4 %, indique l'opérateur, d'après Vinci.",
     "Le trafic a baissé de 4 %, ,  ."),
    ("La facture passera à 12 euros, selon les syndicats.", "La facture passera à 12 euros,  ."),
    # Near misses: no speaker named after the opener or the verb, or no verb of saying.
    ("Le trafic a baissé de 4 %, d'après ses relevés.",
     "Le trafic a baissé de 4 %, d'après ses relevés."),
    ("La prime ira de 90 à 200 euros selon la taille du foyer.",
     "La prime ira de 90 à 200 euros selon la taille du foyer."),
    ("Le chantier coûterait 80 millions, selon les hypothèses de trafic.",
     "Le chantier coûterait 80 millions, selon les hypothèses de trafic."),
    ("Le chantier coûterait 80 millions, selon un calcul intégrant la maintenance.",
     "Le chantier coûterait 80 millions, selon un calcul intégrant la maintenance."),
    ("La dette atteint 9 millions, note le rapport de la chambre.",
     "La dette atteint 9 millions, note le rapport de la chambre."),
    ("Le club a recruté 4 joueurs, mise la direction.",
     "Le club a recruté 4 joueurs, mise la direction."),
    # No incise: a verb of speech with its figure, a speech verb not after a comma.
    ("L'ARS a indiqué 14 cas, dont 3 graves.", "L'ARS a indiqué 14 cas, dont 3 graves."),
    ("Le maire a précisé le calendrier des travaux.",
     "Le maire a précisé le calendrier des travaux."),
])
def test_attribution_incises(sentence: str, kept: str) -> None:
    assert without_attributions(sentence) == kept
