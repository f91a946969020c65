"""Figures met by their value across the metric families (:mod:`factcheck.crossref.repeats`,
``value_restated``): the cases of ``tests/crossref/data/value_links.json`` say which pairs are
linked and what the link's explanation must and must not say (when the two subjects were
read apart, that the number ties them in one article or one story, and both readings)."""

from __future__ import annotations

import pytest
from crossref_helpers import case_ids, check_links_case, load_cases, pair_rows, ref_id

CASES = load_cases("value_links")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_value_link_cases(case: dict) -> None:
    frame, links = check_links_case(case)
    for a, b, said, unsaid in case["explained"]:
        rows = pair_rows(links, ref_id(frame, a), ref_id(frame, b))
        assert not rows.empty, case["why"]
        text = str(rows.iloc[0]["explanation"])
        for words in said:
            assert words in text, (case["why"], text)
        for words in unsaid:
            assert words not in text, (case["why"], text)


def test_both_linked_and_apart_cases_present() -> None:
    expected = [link[2] for case in CASES for link in case["links"]]
    assert None in expected and {"same", "compatible"} <= set(expected)


@pytest.mark.parametrize("name, said", [
    ("one_profit_read_as_two_metrics_by_two_outlets", "« bénéfice », « production »"),
    ("one_count_restated_further_down_with_another_noun", "« candidat », « copie »"),
    ("one_subject_keeps_the_plain_link", None),
])
def test_a_fact_row_names_the_readings_of_its_reports(name: str, said: str | None) -> None:
    """The links table written for readers folds ``same`` links into one row per figure and
    its fact: those rows still say when the reports of the fact read its metric apart."""
    from crossref_helpers import frame_from_articles

    from factcheck.crossref.engine import cross_reference
    from factcheck.crossref.facts import build_facts
    from factcheck.crossref.reader_links import FACT_RELATION, reader_links

    case = next(c for c in CASES if c["name"] == name)
    frame = frame_from_articles(case["articles"])
    links, _ = cross_reference(frame)
    table = reader_links(links, build_facts(frame, links), frame)
    rows = table[table["relation"] == FACT_RELATION]
    assert len(rows) == 2 and rows["fact_a"].nunique() == 1
    if said is None:
        assert not rows["explanation"].str.contains("lu différemment").any()
    else:
        assert rows["explanation"].str.contains(
            f"Indicateur lu différemment selon les rapports : {said}.", regex=False).all()
