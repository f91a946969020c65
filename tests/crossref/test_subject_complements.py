"""The complement a sentence gives a figure's subject noun ("l'encours de la dette") is one
of the words describing the figure (:func:`factcheck.crossref.scope.subject_complement`).
Cases (our own words) in ``tests/crossref/data/subject_complements.json``."""

from __future__ import annotations

import pytest
from crossref_helpers import case_ids, load_cases

from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.scope import subject_complement

CASES = load_cases("subject_complements")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_subject_complement(case: dict) -> None:
    sentence = case["sentence"]
    found = subject_complement(case["subject"], sentence, sentence.index(case["figure"]),
                               load_lexicon())
    assert found == frozenset(case["words"]), case["name"]
