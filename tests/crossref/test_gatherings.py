"""A generic subject counted in a march is a count of marchers
(:func:`factcheck.crossref.gatherings.gathering_family`, ``[outcome_families.gathering]`` of
``lang/fr/crossref.toml``): its family, and the links it makes or must not make. Cases from
``tests/crossref/data/gatherings.json``."""

from __future__ import annotations

from datetime import date

import pytest
from crossref_helpers import case_ids, check_links_case, frame_from_articles, load_cases

from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.engine import cross_reference
from factcheck.crossref.views import prepare_claims
from factcheck.models import Article
from factcheck.pipeline import claims_frame

CASES = load_cases("gatherings")


@pytest.mark.parametrize("case", CASES["families"], ids=case_ids(CASES["families"]))
def test_family_of_a_count_of_people(case: dict) -> None:
    article = {"id": "a", "published": "2025-02-06", "text": case["text"],
               "claims": case["claims"]}
    frame = frame_from_articles([article])
    views = sorted(prepare_claims(frame, load_lexicon()), key=lambda v: v.start)
    assert [v.family for v in views] == case["families"], case["why"]


@pytest.mark.parametrize("case", CASES["links"], ids=case_ids(CASES["links"]))
def test_links_of_counts_of_a_march(case: dict) -> None:
    check_links_case(case)


@pytest.mark.parametrize("case", CASES["disagree"], ids=case_ids(CASES["disagree"]))
def test_counters_of_one_march_still_disagree(case: dict) -> None:
    """Read end to end: the police's and the unions' counts of one march stay two counters
    at odds (``sources_disagree``) when another counter is read only with a march named."""
    articles = [Article(a["id"], a["text"], title=a["title"],
                        published=date.fromisoformat(a["published"]))
                for a in case["articles"]]
    claims = claims_frame(articles)
    _, flags = cross_reference(claims)
    surfaces = dict(zip(claims["claim_id"], claims["surface"], strict=True))
    raised = [sorted(surfaces[c] for c in ids)
              for kind, ids in zip(flags["type"], flags["claim_ids"], strict=True)
              if kind == "sources_disagree"] if len(flags) else []
    assert sorted(case["pair"]) in raised, (case["why"], flags.to_dict("records"))


def test_both_kinds_of_cases_present() -> None:
    families = {f for case in CASES["families"] for f in case["families"]}
    assert "manifestants" in families and families - {"manifestants"}
