"""What happened to the people each figure counts (``scope.assign_cues``, ``outcome``): a cue
goes to the nearest figure of each family, but a figure whose family is itself an outcome
(the displaced, the refugees: ``[outcome_families]``) takes no cue of a toll, nor does a sum
of money (a figure's optional third item is its kind).
Cases from ``tests/crossref/data/outcome_cues.json``."""

from __future__ import annotations

import json

import pytest
from crossref_helpers import DATA

from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.scope import assign_cues

LEXICON = load_lexicon()
CASES = json.loads((DATA / "outcome_cues.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["why"])
def test_outcome_of_each_figure(case: dict) -> None:
    sentence = case["sentence"]
    members = []
    for n, (surface, family, *kind) in enumerate(case["figures"]):
        start = sentence.index(surface)
        members.append({"claim_id": f"c{n}", "_rel_start": start,
                        "_rel_end": start + len(surface), "_family": family, "_dim": "count",
                        "kind": kind[0] if kind else "count"})
    cues = assign_cues(members, sentence, LEXICON)
    assert [sorted(cues[f"c{n}"]["outcome"]) for n in range(len(members))] \
        == case["outcomes"]
