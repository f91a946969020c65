"""What qualifies the counted thing (``[scope.qualifiers]`` of crossref.toml): read in the
figure's own clause; two values of one set are two scopes, a set read on one figure only
blocks an accusation (unknown is not equal) but not an equal figure stated again. Cases in
``tests/crossref/data/qualifier_scope.json``: sentences in our own words."""

from __future__ import annotations

import pytest
from crossref_helpers import frame_from_articles, load_cases

from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.engine import cross_reference
from factcheck.crossref.identity import identity
from factcheck.crossref.views import prepare_claims

LEXICON = load_lexicon()
CASES = load_cases("qualifier_scope")
READINGS = CASES["readings"]
PAIRS = CASES["pairs"]
ACCUSATIONS = ("contradiction", "sources_disagree", "same_source", "scale_slip")


def _kind(surface: str) -> str:
    return "percent" if "%" in surface else "money" if "milliard" in surface else "count"


@pytest.mark.parametrize("case", READINGS, ids=[c["text"][:40] for c in READINGS])
def test_qualifiers_read_in_the_figure_clause(case: dict) -> None:
    claims = [{"surface": s, "kind": _kind(s), "value": 1.0, "subject": "x"}
              for s in case["figures"]]
    frame = frame_from_articles([{"id": "r1", "published": "2025-01-10", "text": case["text"],
                                  "claims": claims}])
    read = {v.surface: sorted(v.qualifiers) for v in prepare_claims(frame, LEXICON)}
    assert read == {s: sorted(tuple(q) for q in qs) for s, qs in case["figures"].items()}


def _article(case: dict, text: str) -> list[dict]:
    claims = [{"kind": "count", **c} for c in case["claims"]]
    return [{"id": "a1", "published": case["published"], "text": text, "claims": claims}]


def _flag_types(articles: list[dict]) -> list[str]:
    _, flags = cross_reference(frame_from_articles(articles))
    return sorted(flags["type"]) if len(flags) else []


@pytest.mark.parametrize("case", PAIRS, ids=[c["name"] for c in PAIRS])
def test_two_bodies_giving_differently_qualified_figures_are_not_at_odds(case: dict) -> None:
    # The same sentences without the qualifiers: two sources at odds on one fact.
    assert _flag_types(_article(case, case["control"])) == ["sources_disagree"]
    assert not set(_flag_types(_article(case, case["text"]))) & set(ACCUSATIONS)


@pytest.mark.parametrize("case", PAIRS, ids=[c["name"] for c in PAIRS])
def test_the_qualifier_is_what_blocks_or_separates(case: dict) -> None:
    frame = frame_from_articles(_article(case, case["text"]))
    a, b = (v for v in prepare_claims(frame, LEXICON)
            if v.surface in {c["surface"] for c in case["claims"]})
    assert a.qualifiers != b.qualifiers
    found = identity(a, b, LEXICON)
    sets_a, sets_b = {k for k, _ in a.qualifiers}, {k for k, _ in b.qualifiers}
    if sets_a != sets_b:
        assert "qualifier" in found.blockers
    else:  # both read, two values of one set: two scopes
        from factcheck.crossref.relations import scope_reasons
        assert any(k in r for k in sets_a for r in scope_reasons(a, b, LEXICON))


@pytest.mark.parametrize("case", CASES["verbs"], ids=[c["name"] for c in CASES["verbs"]])
def test_verbs_of_counting_or_gathering_are_no_scope(case: dict) -> None:
    assert _flag_types(_article(case, case["text"])) == ["sources_disagree"]


@pytest.mark.parametrize("case", CASES["same"], ids=[c["name"] for c in CASES["same"]])
def test_a_qualifier_on_one_side_still_allows_one_figure_stated_again(case: dict) -> None:
    articles = [{**a, "claims": [case["claim"]]} for a in case["articles"]]
    links, flags = cross_reference(frame_from_articles(articles))
    assert flags.empty
    assert list(links.relation) == [case["relation"]]



@pytest.mark.parametrize("case", CASES["level_said_once"],
                         ids=[c["name"] for c in CASES["level_said_once"]])
def test_a_level_said_once_in_a_sentence_qualifies_its_figures(case: dict) -> None:
    # "Dans le primaire, ... 14 %, tandis que ... 48 %": a sentence naming one level only gives
    # it to its figures naming none, wherever it stands (fronted, or with the last counter's
    # figure): the two counters, at odds, count one population ([scope.sentence_qualifiers]).
    # Two levels in the sentence are two scopes (pairs); across sentences a rate naming no
    # level never meets one naming a level (no_flag_texts).
    assert _flag_types(_article(case, case["text"])) == ["sources_disagree"]
