"""Terms of comparison tied through their base figures (crossref/compared_terms.py): two
articles giving one base figure (one value, metric, place and explicit period) set against
its value the same distance before ("contre X le mois précédent", "qu'en janvier (X)", "l'an
dernier", "en 2023") give two terms of one fact, compared by value, the stated change checked
against the other article's pair; traps (two bases of two months, a fixed year five years
back, two bases in one sentence, another place, an unresolved term, two base values) get no
accusation. Cases (our own words) in ``tests/crossref/data/compared_terms.json``."""

from __future__ import annotations

import pytest
from crossref_helpers import ACCUSATIONS, case_articles, case_ids, load_cases

from factcheck.crossref.engine import cross_reference
from factcheck.pipeline import claims_frame

CASES = load_cases("compared_terms")
CHECKED = ACCUSATIONS | {"change_mismatch"}


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_compared_terms(case: dict) -> None:
    _, flags = cross_reference(claims_frame(case_articles(case)))
    raised = flags[flags["type"].isin(CHECKED)] if len(flags) else flags
    got = {} if raised.empty else dict(zip(raised["type"], raised["explanation"], strict=True))
    assert set(got) == set(case["flags"]), (case["why"], raised.to_dict("records"))
    for kind, said in case["flags"].items():
        assert said in got[kind], (case["why"], got[kind])


#: One article each (our own words): the bracketed figure and whether it is read as the term
#: of comparison of the figure named (None: set against nothing).
BRACKETED = [
    ("Au 1er mai 2025, la France comptait 80 100 détenus, soit 2,5 % de plus qu'en avril "
     "2025 (78 150).", "78 150", "80 100"),
    ("En mars, 41 200 voitures neuves ont été vendues, soit 3 % de moins que l'an dernier "
     "(42 500).", "42 500", "41 200"),
    # Two counts before the bracket: either could be the base.
    ("Quelque 150 000 personnes ont manifesté en France, dont 30 000 à Paris, soit une "
     "mobilisation en hausse par rapport à l'an dernier (120 000).", "120 000", None),
    # Note calls in brackets, no base.
    ("Le budget de la région devrait atteindre 2,1 milliards d'euros (1), en hausse de 4 % "
     "par rapport à 2024 (2).", "2", None),
    # A clause mark between the moment and the bracket: the bracket says something else.
    ("Au 1er mai 2025, la France comptait 80 100 détenus, soit 2,5 % de plus qu'en avril, "
     "selon le ministère (78 150 places).", "78 150", None),
]


@pytest.mark.parametrize(("text", "term", "base"), BRACKETED)
def test_bracketed_term_of_comparison(text: str, term: str, base: str | None) -> None:
    from datetime import date

    from factcheck.crossref.cue_words import load_lexicon
    from factcheck.crossref.views import prepare_claims
    from factcheck.models import Article

    claims = claims_frame([Article("b1", text, published=date(2025, 6, 2), title="Chiffres")])
    views = {v.claim_id: v for v in prepare_claims(claims, load_lexicon())}
    found = [v for v in views.values() if v.surface == term]
    assert len(found) == 1, [v.surface for v in views.values()]
    target = views[found[0].compared_to].surface if found[0].compared_to else None
    assert target == base
