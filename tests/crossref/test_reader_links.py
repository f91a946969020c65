"""links.csv for readers: each figure's row to its fact, and only the relations between facts,
so the table grows with the corpus, not with the square of a fact's reports."""

from __future__ import annotations

import itertools

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
    # Two reports of 1 200 against one of 4 800: two pairs judged, one pair of facts.
    assert len(others) == 2 and len(between) == 1
    assert set(between["link_id"]) == {min(others["link_id"])}
    fact_of = fact_of_claims(facts)
    for row in between.itertuples():
        assert row.fact_a == fact_of[row.claim_a] and row.fact_b == fact_of[row.claim_b]
    assert len(table[table["relation"] == FACT_RELATION]) == len(frame)


TOLL = "Inondations dans le Var : le bilan s'établit à {} morts, selon la préfecture."


def _toll(aid: str, day: str, value: int) -> dict:
    claim = {"surface": str(value), "kind": "count", "value": value, "subject": "mort",
             "source": "préfecture", "place": "Var", "time_start": day, "time_end": day}
    return {"id": aid, "published": day, "text": TOLL.format(value), "claims": [claim]}


def test_a_series_of_evolutions_is_kept_as_a_chain_in_time() -> None:
    days = ["2025-10-01", "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05"]
    tolls = [4, 9, 13, 21, 26]
    frame, links, facts = _tables([_toll(f"j{i}", d, v)
                                   for i, (d, v) in enumerate(zip(days, tolls, strict=True))])
    judged = links[links["relation"] == "evolution"]
    table = reader_links(links, facts, frame)
    chain = table[table["relation"] == "evolution"]
    assert len(chain) == len(days) - 1
    first = dict(zip(facts["fact_id"], facts["first_published"], strict=True))
    steps = sorted(tuple(sorted((first[a], first[b]))) for a, b in zip(chain["fact_a"],
                                                                       chain["fact_b"],
                                                                       strict=True))
    assert steps == list(itertools.pairwise(days))  # each day from the day before
    assert set(chain["link_id"]) <= set(judged["link_id"])  # only links the engine judged


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


def test_evolutions_judged_between_every_pair_of_a_series_keep_one_step_per_fact() -> None:
    # Four facts of one series (days 1 to 4) judged against each other, as figures of a
    # crowded day can be: six evolution links, three steps kept, each from the day before.
    from factcheck.crossref.reader_links import _relations

    facts = {f"f{d}": (f"2025-10-0{d}", f"f{d}") for d in range(1, 5)}
    claim_fact = {f"c{d}": f"f{d}" for d in range(1, 5)}
    pairs = pd.DataFrame([
        {"link_id": f"l{a}{b}", "claim_a": f"c{a}", "claim_b": f"c{b}",
         "relation": "evolution", "explanation": "…"}
        for a in range(1, 5) for b in range(a + 1, 5)])
    rows = _relations(pairs, claim_fact, facts)
    assert sorted(r["link_id"] for r in rows) == ["l12", "l23", "l34"]
    # A contradiction between two facts reported twice each is one row.
    twice = pd.DataFrame([
        {"link_id": lid, "claim_a": a, "claim_b": b, "relation": "contradiction",
         "explanation": "…"} for lid, a, b in (("x2", "c1", "c2"), ("x1", "c5", "c6"))])
    rows = _relations(twice, {"c1": "f1", "c5": "f1", "c2": "f2", "c6": "f2"}, facts)
    assert [r["link_id"] for r in rows] == ["x1"]
