"""One figure stated twice in one sentence (:mod:`factcheck.crossref.sentence_restatements`):
a rounded figure and its exact value after a dash or a comma and a source, an amount restated
after "soit", a bound and the range of a labelled parenthesis are linked ``same`` or
``compatible``; another metric after "soit", a value that does not meet, a list by place or
another metric family are left alone. Cases from
``tests/crossref/data/sentence_restatements.json``; none raises a flag."""

from __future__ import annotations

import pytest
from crossref_helpers import case_ids, check_links_case, frame_from_articles, load_cases, ref_id

from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.sentence_restatements import restated_in_sentence
from factcheck.crossref.views import prepare_claims

CASES = load_cases("sentence_restatements")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_restated_or_left_alone(case: dict) -> None:
    check_links_case(case)


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_restated_pairs_are_the_expected_ones(case: dict) -> None:
    frame = frame_from_articles(case["articles"])
    lexicon = load_lexicon()
    found = {frozenset((a.claim_id, b.claim_id))
             for a, b in restated_in_sentence(prepare_claims(frame, lexicon), lexicon)}
    expected = {frozenset((ref_id(frame, a), ref_id(frame, b)))
                for a, b, relation in case["links"] if relation is not None}
    assert found == expected, case["why"]


def test_both_kinds_of_cases_present() -> None:
    relations = [link[2] for case in CASES for link in case["links"]]
    assert None in relations and {"same", "compatible"} <= set(relations)
