"""cross_reference: the table contract, stable ids, and one case per relation (with traps),
parametrized from tests/crossref/data/relations.json."""

from __future__ import annotations

import pandas as pd
import pytest
from crossref_helpers import accepted, case_ids, frame_from_articles, load_cases, pair_rows, ref_id

from factcheck.crossref.engine import cross_reference
from factcheck.models import CLAIM_COLUMNS, FLAG_COLUMNS, LINK_COLUMNS, stable_id

CASES = load_cases("relations")



def relation_between(links: pd.DataFrame, a: str, b: str) -> str | None:
    rows = pair_rows(links, a, b)
    assert len(rows) <= 1, rows
    return None if rows.empty else str(rows.iloc[0]["relation"])


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_relation_cases(case: dict) -> None:
    frame = frame_from_articles(case["articles"])
    links, flags = cross_reference(frame)
    for a, b, expected in case["links"]:
        got = relation_between(links, ref_id(frame, a), ref_id(frame, b))
        assert got in accepted(expected), (a, b, links.to_dict("records"))
    want = {(f["type"], frozenset(ref_id(frame, r) for r in f["claims"])) for f in case["flags"]}
    got_flags = {(f.type, frozenset(f.claim_ids)) for f in flags.itertuples()}
    assert got_flags == want, flags.to_dict("records")


def test_every_relation_is_covered_by_a_case() -> None:
    relations = {link[2] for case in CASES for link in case["links"]}
    assert {"same", "compatible", "evolution", "contradiction", "different_scope"} <= relations


def test_output_columns_and_types() -> None:
    case = next(c for c in CASES if c["name"] == "contradiction_two_sources_same_night")
    links, flags = cross_reference(frame_from_articles(case["articles"]))
    assert tuple(links.columns) == LINK_COLUMNS
    assert tuple(flags.columns) == FLAG_COLUMNS
    flag = flags.iloc[0]
    assert isinstance(flag["claim_ids"], tuple) and len(flag["claim_ids"]) == 2
    assert flag["article_ids"] == ("k1", "k2")
    assert flag["severity"] in {"high", "medium", "low"}
    assert all(isinstance(e, str) and e for e in flag["evidence"])
    assert "45" in flag["explanation"] and "54" in flag["explanation"]


def test_empty_and_non_measure_claims_give_empty_tables() -> None:
    links, flags = cross_reference(pd.DataFrame(columns=list(CLAIM_COLUMNS)))
    assert links.empty and flags.empty
    assert tuple(links.columns) == LINK_COLUMNS and tuple(flags.columns) == FLAG_COLUMNS
    frame = frame_from_articles([{
        "id": "t1", "published": "2025-01-01",
        "text": "Le sommet s'ouvre le 20 janvier avec le Su-34 en vedette.",
        "claims": [{"surface": "20 janvier", "kind": "date", "value": None},
                   {"surface": "Su-34", "kind": "identifier", "value": None}],
    }])
    links, flags = cross_reference(frame)
    assert links.empty and flags.empty


def test_ids_are_stable_across_row_order_and_runs() -> None:
    frames = [frame_from_articles(c["articles"]) for c in CASES]
    frame = pd.concat(frames, ignore_index=True)
    links1, flags1 = cross_reference(frame)
    shuffled = frame.sample(frac=1.0, random_state=7).reset_index(drop=True)
    links2, flags2 = cross_reference(shuffled)
    assert set(links1.link_id) == set(links2.link_id)
    assert set(flags1.flag_id) == set(flags2.flag_id)
    for link in links1.itertuples():
        assert link.link_id == stable_id(*sorted((link.claim_a, link.claim_b)), link.relation)
    for flag in flags1.itertuples():
        assert flag.flag_id == stable_id(*sorted(flag.claim_ids), flag.type)


def test_explanations_are_french_and_name_the_figures() -> None:
    case = next(c for c in CASES if c["name"] == "different_scope_one_side_vs_both")
    links, _ = cross_reference(frame_from_articles(case["articles"]))
    text = links.iloc[0]["explanation"]
    assert "« 43 000 »" in text and "« 150 000 »" in text
    assert "les deux camps" in text and "ne mesurent pas la même chose" in text


def test_every_explanation_template_used_is_in_the_lexicon() -> None:
    import re
    from pathlib import Path

    from factcheck.crossref.cue_words import load_lexicon

    lexicon = load_lexicon()
    package = Path(__file__).resolve().parents[2] / "factcheck" / "crossref"
    sources = [package / f"{m}.py"
               for m in ("explain", "relations", "structures", "sum_arithmetic")]
    sources += sorted((package / "rules").glob("*.py"))
    used = {key for path in sources
            for key in re.findall(r'say\(\s*"(\w+)"', path.read_text(encoding="utf-8"))}
    used |= {"sum_exhaustive_ok", "sum_exhaustive_mismatch", "sum_remainder_ok",
             "sum_remainder_mismatch", "sum_partial_ok", "sum_partial_mismatch",
             "sum_partial_rounding", "sum_single_ok", "sum_single_mismatch", "link_same",
             "link_compatible", "flag_contradiction", "flag_contradiction_within",
             "scale_slip_thousand", "scale_slip_digits"}
    assert used - set(lexicon.templates) == set()


def test_rates_are_written_with_their_denominator() -> None:
    frame = frame_from_articles([
        {"id": f"r{i}", "published": "2025-06-02",
         "text": f"Selon la Drees, le salaire moyen d'une infirmière atteint {s}.",
         "claims": [{"surface": s, "kind": "money", "value": v, "unit": "EUR/month",
                     "subject": "salaire", "source": "Drees"}]}
        for i, (s, v) in enumerate((("2 500 euros par mois", 2500), ("3 100 euros par mois", 3100)))
    ])
    links, _ = cross_reference(frame)
    assert list(links.relation) == ["contradiction"]
    assert "euros par mois" in links.explanation.iloc[0]
