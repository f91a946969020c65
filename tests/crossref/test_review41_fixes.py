"""Articles read end to end for the fixes of review41's findings (our own words, in
``tests/crossref/data/review41_fixes.json`` and ``review41_links.json``), each beside a near
miss: a figure before "sur N" owns the list after N (N is a denominator); light and serious
injured are parts of the injured; "répartis entre" details a total; "Sur cette enveloppe"
opens parts of the amount just given; a figure "contre X pour son adversaire" is a rival's,
not the same series at an earlier date. And the remaining-stock cues as verb families."""

from __future__ import annotations

import pytest
from crossref_helpers import (
    ACCUSATIONS,
    case_articles,
    case_ids,
    check_flag_case,
    claim_id_of,
    load_cases,
)

from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.engine import cross_reference
from factcheck.crossref.scope import assign_cues
from factcheck.pipeline import claims_frame

CASES = load_cases("review41_fixes")
LINKS = load_cases("review41_links")
CHECKED = ACCUSATIONS | {"sum_mismatch"}
LEXICON = load_lexicon()


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_flags(case: dict) -> None:
    check_flag_case(case, CHECKED)


@pytest.mark.parametrize("case", LINKS, ids=case_ids(LINKS))
def test_compared_link(case: dict) -> None:
    claims = claims_frame(case_articles(case))
    links, _ = cross_reference(claims)
    article = case["articles"][0]["id"]
    a, b = (claim_id_of(claims, article, s) for s in case["figures"])
    pairs = {frozenset((x, y)) for x, y in zip(links["claim_a"], links["claim_b"], strict=True)
             if isinstance(y, str) and y}
    assert (frozenset((a, b)) in pairs) == case["linked"], case["why"]


@pytest.mark.parametrize(("sentence", "surface", "span"), [
    ("Le soir, 85 000 abonnés restaient privés de courant.", "85 000", "remaining"),
    ("À midi, 4 200 clients restait encore à raccorder.", "4 200", "remaining"),
    ("Vendredi, 310 familles demeuraient sans logement.", "310", "remaining"),
    ("Selon l'opérateur, 12 000 foyers resteront coupés jusqu'à lundi.", "12 000", "remaining"),
    ("Au matin, 27 routes étaient restées fermées.", "27", "remaining"),
    ("Il reste 140 personnes hébergées au gymnase.", "140", "remaining"),
    # near misses: no remaining cue within reach
    ("Ce matin, 240 000 abonnés étaient privés de courant.", "240 000", ""),
    ("Un retraité demeurant à Vannes a reçu 3 500 euros.", "3 500", ""),
])
def test_remaining_verb_family(sentence: str, surface: str, span: str) -> None:
    start = sentence.index(surface)
    members = [{"claim_id": "c0", "_rel_start": start, "_rel_end": start + len(surface),
                "_family": "count", "_dim": "count"}]
    assert assign_cues(members, sentence, LEXICON)["c0"]["span"] == span
