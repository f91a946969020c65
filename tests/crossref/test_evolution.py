"""An evolution needs positive evidence of one series (series.series_blockers): cases of
tests/crossref/data/evolution.json, each a pair that is or is not one series at two dates,
with the gate the evaluation names for a pair left unlinked."""

from __future__ import annotations

import pytest
from crossref_helpers import case_ids, frame_from_articles, load_cases, ref_id, relation_of

from factcheck.crossref.engine import cross_reference
from factcheck.crossref.gates import unlinked_gates

CASES = load_cases("evolution")




@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_evolution_needs_evidence_of_one_series(case: dict) -> None:
    frame = frame_from_articles(case["articles"])
    links, flags = cross_reference(frame)
    assert flags.empty  # no case here is an inconsistency
    for a, b, expected in case["links"]:
        got = relation_of(links, ref_id(frame, a), ref_id(frame, b))
        assert got == (None if expected == "none" else expected), (
            case["why"], links.to_dict("records"))


@pytest.mark.parametrize("case", [c for c in CASES if c["blocker"]],
                         ids=case_ids([c for c in CASES if c["blocker"]]))
def test_the_gate_names_what_is_missing(case: dict) -> None:
    frame = frame_from_articles(case["articles"])
    links, _ = cross_reference(frame)
    pairs = [(ref_id(frame, a), ref_id(frame, b)) for a, b, expected in case["links"]
             if expected == "none"]
    gates = unlinked_gates(frame, pairs, links)
    for gate in gates.values():
        if case["blocker"] == "value":
            assert gate == "value: too far apart for one series", gate
        else:
            assert gate.startswith("evolution: not one series ("), gate
            assert case["blocker"] in gate.split("(")[1].rstrip(")").split("/"), gate


def test_every_blocker_has_a_case() -> None:
    blockers = {c["blocker"] for c in CASES}
    assert {"outcome", "part", "whole", "span", "date", "one date", "value", None} <= blockers
