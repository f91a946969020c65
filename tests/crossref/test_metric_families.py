"""Which figures share a metric family, the first gate of the cross-referencing (two families
keep a pair apart, ``subject: two families``): two nouns of one metric
(``[subject_synonyms]``), the outcome said before a generic subject's figure
(``[outcome_families.before]``), and what a count of "victimes" counts (``[victims]``,
:mod:`factcheck.crossref.victims`). Cases from ``tests/crossref/data/metric_family_words.json``
(families) and ``tests/crossref/data/metric_families.json`` (articles cross-referenced: the
link that appears, and the pair kept apart at the family gate)."""

from __future__ import annotations

import json

import pytest
from crossref_helpers import (
    DATA,
    case_ids,
    check_gate_case,
    check_links_case,
    load_cases,
)

from factcheck.crossref.cue_words import lemma, load_lexicon
from factcheck.crossref.matching import family_of
from factcheck.crossref.scope import family_from_outcome
from factcheck.crossref.victims import victims_family

WORDS = json.loads((DATA / "metric_family_words.json").read_text(encoding="utf-8"))
CASES = load_cases("metric_families")


def _row(case: dict, family: str | None) -> dict:
    sentence, surface = case["sentence"], case["surface"]
    start = sentence.index(surface)
    return {"sentence": sentence, "_rel_start": start, "_rel_end": start + len(surface),
            "subject": case.get("subject", "personnes"), "qualifiers": "", "_family": family}


@pytest.mark.parametrize("case", WORDS["subjects"], ids=lambda c: c["why"])
def test_two_nouns_of_one_metric(case: dict) -> None:
    lexicon = load_lexicon()
    a, b = family_of(*case["a"], lexicon), family_of(*case["b"], lexicon)
    assert a and b
    assert (a == b) is case["one"], (a, b)


@pytest.mark.parametrize("case", WORDS["outcome_before"], ids=lambda c: c["why"])
def test_outcome_said_before_the_figure(case: dict) -> None:
    lexicon = load_lexicon()
    row = _row(case, None)
    family_from_outcome(row, lexicon)
    assert row["_family"] == case["family"]


@pytest.mark.parametrize("case", WORDS["victims"], ids=lambda c: c["why"])
def test_what_a_count_of_victims_counts(case: dict) -> None:
    lexicon = load_lexicon()
    row = _row(case, "morts")
    assert victims_family(row, lexicon.victims, lemma("victimes")) == case["family"]


def test_victims_read_only_as_deaths() -> None:
    """A count of victims of another family ("victimes civiles") is left as it is."""
    lexicon = load_lexicon()
    row = _row({"sentence": "Les frappes ont fait 30 victimes civiles, dont 12 blessés.",
                "surface": "30"}, "civils")
    assert victims_family(row, lexicon.victims, lemma("victimes civiles")) is None


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_linked_or_kept_apart(case: dict) -> None:
    check_links_case(case)


@pytest.mark.parametrize("case", [c for c in CASES if c["gate"]],
                         ids=case_ids([c for c in CASES if c["gate"]]))
def test_kept_apart_at_the_family_gate(case: dict) -> None:
    check_gate_case(case)
