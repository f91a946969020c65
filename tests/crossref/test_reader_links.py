"""links.csv for readers: each figure's row to its fact, and only the relations between facts,
so the table grows with the corpus, not with the square of a fact's reports."""

from __future__ import annotations

import pandas as pd
from crossref_helpers import frame_from_articles

from factcheck.crossref.engine import cross_reference
from factcheck.crossref.facts import SAME_FACT, build_facts, fact_of_claims
from factcheck.crossref.reader_links import (
    FACT_RELATION,
    READER_LINK_COLUMNS,
    flags_with_facts,
    reader_links,
)

STRIKE = ("Grève dans les transports : la direction de la RATP a recensé {} conducteurs en "
          "grève jeudi à Paris, selon un communiqué de la régie.")


def _report(aid: str, surface: str, value: float, copy_of: str | None = None) -> dict:
    claim = {"surface": surface, "kind": "count", "value": value, "subject": "conducteur",
             "source": "RATP", "time_start": "2025-03-06", "time_end": "2025-03-06"}
    return {"id": aid, "published": "2025-03-06", "text": STRIKE.format(surface),
            "claims": [claim], "copy_of": copy_of}


def _tables(articles: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    frame = frame_from_articles(articles)
    if "copy_of" in frame.columns:
        copies = {a["id"]: a["copy_of"] for a in articles if a.get("copy_of")}
        frame["copy_of"] = frame["article_id"].map(copies).astype("object")
    links, _ = cross_reference(frame)
    return frame, links, build_facts(frame, links)


def test_n_reports_of_one_fact_give_n_rows_not_n_squared_pairs() -> None:
    n = 12
    frame, links, facts = _tables([_report(f"a{i:02d}", "1 200", 1200) for i in range(n)])
    assert (links["relation"].isin(SAME_FACT)).sum() == n * (n - 1) // 2  # the pairs judged
    table = reader_links(links, facts, frame)
    assert tuple(table.columns) == READER_LINK_COLUMNS
    assert len(table) == n and set(table["relation"]) == {FACT_RELATION}
    assert table["claim_a"].is_unique and table["fact_a"].nunique() == 1
    assert table["explanation"].str.contains(f"un des {n} rapports de ce fait").all()
    assert table["link_id"].is_unique


def test_relations_between_facts_are_kept_with_the_fact_of_each_side() -> None:
    frame, links, facts = _tables([_report("a", "1 200", 1200), _report("b", "1 200", 1200),
                                   _report("c", "4 800", 4800)])
    table = reader_links(links, facts, frame)
    others = links[~links["relation"].isin(SAME_FACT)]
    between = table[table["relation"] != FACT_RELATION]
    assert len(others) == 2 and set(between["link_id"]) == set(others["link_id"])
    fact_of = fact_of_claims(facts)
    for row in between.itertuples():
        assert row.fact_a == fact_of[row.claim_a] and row.fact_b == fact_of[row.claim_b]
    assert len(table[table["relation"] == FACT_RELATION]) == len(frame)


def test_a_copy_says_which_article_it_repeats() -> None:
    frame, links, facts = _tables([_report("wire", "1 200", 1200),
                                   _report("site", "1 200", 1200, copy_of="wire")])
    table = reader_links(links, facts, frame)
    of_copy = table[table["claim_a"].isin(frame.loc[frame["article_id"] == "site", "claim_id"])]
    assert of_copy["explanation"].str.contains("reprend l'article wire").all()
    of_wire = table[table["claim_a"].isin(frame.loc[frame["article_id"] == "wire", "claim_id"])]
    assert not of_wire["explanation"].str.contains("reprend").any()


def test_ids_are_stable_and_do_not_depend_on_row_order() -> None:
    articles = [_report("a", "1 200", 1200), _report("b", "1 200", 1200),
                _report("c", "4 800", 4800)]
    first = reader_links(*_tables(articles)[1:], _tables(articles)[0])
    frame, links, facts = _tables(articles[::-1])
    second = reader_links(links.iloc[::-1], facts, frame)
    pd.testing.assert_frame_equal(first, second)


def test_no_figure_no_row() -> None:
    empty = pd.DataFrame(columns=frame_from_articles([]).columns)
    table = reader_links(pd.DataFrame(columns=["link_id", "claim_a", "claim_b", "relation",
                                               "explanation"]),
                         build_facts(empty, pd.DataFrame()), empty)
    assert table.empty and tuple(table.columns) == READER_LINK_COLUMNS


def test_flags_point_at_the_facts_of_their_figures() -> None:
    frame, _links, facts = _tables([_report("a", "1 200", 1200), _report("b", "1 200", 1200)])
    ids = tuple(frame["claim_id"])
    flags = pd.DataFrame({"flag_id": ["f1"], "type": ["contradiction"], "severity": ["high"],
                          "claim_ids": [(*ids, "elsewhere")], "article_ids": [("a", "b")],
                          "explanation": ["…"], "evidence": [()], "confidence": [0.9]})
    out = flags_with_facts(flags, facts)
    assert list(out.columns).index("fact_ids") == list(out.columns).index("claim_ids") + 1
    fact_ids = out.iloc[0]["fact_ids"]
    assert fact_ids[0] == fact_ids[1] == fact_of_claims(facts)[ids[0]] and fact_ids[2] is None
