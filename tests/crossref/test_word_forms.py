"""Describing words that differ only in form, and the noun one figure is counted by named as
the other's complement or describing word (:mod:`factcheck.crossref.word_forms`): read by the
describing-word test of :func:`factcheck.crossref.relations.described_alike` and by the
pairs of one amount under two nouns (:mod:`factcheck.crossref.renamed`). Cases (our own
words) in ``tests/crossref/data/word_forms.json``."""

from __future__ import annotations

import json

import pytest
from crossref_helpers import DATA, case_ids, check_gate_case, check_links_case

from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.word_forms import word_form

DATA_FILE = json.loads((DATA / "word_forms.json").read_text(encoding="utf-8"))
CASES = DATA_FILE["cases"]


@pytest.mark.parametrize("case", DATA_FILE["forms"], ids=lambda c: f"{c['a']}-{c['b']}")
def test_two_forms_of_one_word(case: dict) -> None:
    lexicon = load_lexicon()
    endings, kept = lexicon.form_endings, lexicon.form_kept
    assert (word_form(case["a"], endings, kept) == word_form(case["b"], endings, kept)) \
        is case["one"], case["why"]


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_word_form_cases(case: dict) -> None:
    check_links_case(case)
    if "gate" in case:
        check_gate_case(case)


def test_both_linked_and_apart_cases_present() -> None:
    expected = [link[2] for case in CASES for link in case["links"]]
    assert None in expected and {"same", "compatible"} & set(expected)
