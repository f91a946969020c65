"""Identity before accusation (``factcheck.crossref.identity``): cases from
``tests/crossref/data/identity.json``, each two figures and what ties or separates them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from crossref_helpers import frame_from_articles

from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.identity import identity
from factcheck.crossref.views import prepare_claims

CASES = json.loads((Path(__file__).parent / "data" / "identity.json").read_text("utf-8"))
_CLAIM_KEYS = ("surface", "value", "kind", "unit", "subject", "source", "place", "time_start",
               "time_end", "time_basis", "modality", "basis", "place_mode", "place_basis", "doer")


def _article(side: dict) -> dict:
    claim = {k: side[k] for k in _CLAIM_KEYS if k in side}
    claim.setdefault("kind", "count")
    # "also": other figures of the article that the two figures' reading depends on.
    others = [{"kind": "count", **other} for other in side.get("also", [])]
    return {"id": side["article"], "published": side["published"], "text": side["text"],
            "claims": [claim, *others]}


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_identity(case: dict) -> None:
    lexicon = load_lexicon()
    first, second = _article(case["a"]), _article(case["b"])
    if first["id"] == second["id"]:  # two figures of one article
        first["claims"] += second["claims"]
        articles = [first]
    else:
        articles = [first, second]
    views = prepare_claims(frame_from_articles(articles), lexicon)
    def pick(side: dict):
        return next(v for v in views
                    if v.article_id == side["article"] and v.surface == side["surface"])

    a, b = pick(case["a"]), pick(case["b"])
    found = identity(a, b, lexicon, same_digits=case.get("same_digits", False))
    assert found.established is case["established"], found
    if "ties" in case:
        assert sorted(found.ties) == sorted(case["ties"]), found
    for blocker in case.get("blockers", []):
        assert blocker in found.blockers, found
    for phrase in case.get("evidence", []):
        assert phrase in found.evidence, found
    if case["established"]:
        assert found.confidence >= 0.45
    else:
        assert found.confidence <= 0.45
