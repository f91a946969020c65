"""Identity before a link (:mod:`factcheck.crossref.link_identity`): two counting sides give
two counts, and a day's count (marchers) in two articles is one fact only when something ties
it to one day. Cases from ``tests/crossref/data/link_identity.json``; the facts table keeps
them apart when a chain of links would join them (``crossref.facts.FactGroups``)."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest
from crossref_helpers import case_ids, check_links_case, frame_from_articles, load_cases

from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.facts import FactGroups, build_facts
from factcheck.crossref.link_identity import counter_side
from factcheck.crossref.views import prepare_claims
from factcheck.models import stable_id

CASES = load_cases("link_identity")


@pytest.mark.parametrize("case", CASES["links"], ids=case_ids(CASES["links"]))
def test_links_need_one_counter_and_one_day(case: dict) -> None:
    check_links_case(case)


def test_cases_both_keep_apart_and_link() -> None:
    expected = [link[2] for case in CASES["links"] for link in case["links"]]
    assert None in expected and "same" in expected


@pytest.mark.parametrize(("source", "mode", "side"), [
    ("préfecture de police", "explicit", "authorities"),
    ("ministère de l'Intérieur", "explicit", "authorities"),
    ("syndicat Confédération générale du travail (CGT)", "explicit", "organisers"),
    ("organisateurs", "explicit", "organisers"),
    ("syndicat de police Alliance", "explicit", ""),  # both sides named: no side
    ("CGT", "inherited", ""),  # carried over from earlier: not this figure's
    ("Africa CDC", "explicit", ""),
    ("SUD", "explicit", "organisers"),  # the union, named alone
    ("Sud Ouest", "explicit", ""),  # a newspaper: "sud" is a side only as the whole name
    ("la centrale syndicale", "explicit", "organisers"),
    ("centrale nucléaire de Gravelines", "explicit", ""),  # a power plant
    ("syndicat mixte des transports", "explicit", ""),  # local authorities, not a union
])
def test_counter_side(source: str, mode: str, side: str) -> None:
    article = {"id": "a", "published": "2025-03-07",
               "text": "Ils étaient 12 000 manifestants dans les rues.",
               "claims": [{"surface": "12 000", "kind": "count", "value": 12000,
                           "subject": "manifestant", "source": source, "source_mode": mode}]}
    (view,) = prepare_claims(frame_from_articles([article]), load_lexicon())
    assert counter_side(view, load_lexicon()) == side


@pytest.mark.parametrize(("subject", "text", "side"), [
    ("manifestant", "Ils comptent 4 000 manifestants.", "organisers"),
    ("gréviste", "Ils comptent 4 000 grévistes.", "organisers"),
    # any count of a sentence naming a march is a count of its crowd
    ("chiffre", "Ils ont manifesté : ils avancent le chiffre de 4 000.", "organisers"),
    ("poste", "Ils dénoncent 4 000 suppressions de postes.", ""),
])
def test_sides_are_those_of_a_crowd(subject: str, text: str, side: str) -> None:
    """The unions and a ministry are two counters of a crowd (of marchers, of strikers); of
    posts cut they are two voices of one number."""
    article = {"id": "a", "published": "2025-04-10", "text": text,
               "claims": [{"surface": "4 000", "kind": "count", "value": 4000,
                           "subject": subject, "source": "syndicats",
                           "source_mode": "explicit"}]}
    (view,) = prepare_claims(frame_from_articles([article]), load_lexicon())
    assert counter_side(view, load_lexicon()) == side


def _march(aid: str, published: str, source: str, day: str = "") -> dict:
    return {"id": aid, "published": published, "title": "Manifestation contre la réforme",
            "text": f"Contre la réforme, 250 000 manifestants ont défilé selon {source}.",
            "claims": [{"surface": "250 000", "kind": "count", "value": 250000,
                        "subject": "manifestant", "source": source,
                        "source_mode": "explicit" if source else "",
                        "time_start": day, "time_end": day}]}


def _facts_of_chain(articles: list[dict]) -> list[set[str]]:
    """The facts of ``articles`` when each figure is linked ``same`` to the next one (a
    chain, as links through undated reports make): the article ids of each fact."""
    frame = frame_from_articles(articles)
    ids = list(frame["claim_id"])
    links = pd.DataFrame([{"link_id": stable_id(a, b, "same"), "claim_a": a, "claim_b": b,
                           "relation": "same", "explanation": ""}
                          for a, b in itertools.pairwise(ids)])
    facts = build_facts(frame, links)
    article_of = dict(zip(frame["claim_id"], frame["article_id"], strict=True))
    return sorted(({article_of[c] for c in row} for row in facts["claim_ids"]),
                  key=sorted)


@pytest.mark.parametrize(("articles", "facts"), [
    # The police's count, an unsourced report, the CGT's count: never one fact.
    ([("a", "", "la police"), ("x", "", ""), ("b", "", "la CGT")], [{"a", "x"}, {"b"}]),
    # One union's count of two marches a year apart, each with its day, joined through an
    # undated report.
    ([("a", "2024-06-15", "la CGT", "2024-06-15"), ("x", "", "la CGT"),
      ("b", "2025-09-10", "la CGT", "2025-09-10")], [{"a", "x"}, {"b"}]),
    # A day named in a later paper than the undated count: two marches.
    ([("a", "2025-03-07", "la CGT"), ("x", "", "la CGT"),
      ("b", "2025-03-12", "la CGT", "2025-03-11")], [{"a", "x"}, {"b"}]),
    # Thursday's count in Friday's paper and in Saturday's, undated: the publication is a
    # bound, not the day; one march.
    ([("a", "2025-03-07", "la CGT", "2025-03-06"), ("x", "", "la CGT"),
      ("b", "2025-03-08", "la CGT")], [{"a", "b", "x"}]),
    # The evening and the next morning: one day's march, one fact.
    ([("a", "2025-03-07", "la CGT"), ("x", "", "la CGT"), ("b", "2025-03-08", "la CGT")],
     [{"a", "b", "x"}]),
])
def test_facts_keep_two_counters_and_two_days_apart(articles: list[tuple], facts: list) -> None:
    assert _facts_of_chain([_march(*a) for a in articles]) == facts


def _views(*claims: tuple[str, str, str, str]) -> dict:
    """Views of marcher counts ``(article id, surface, value's approximator, day)``."""
    articles = [{"id": aid, "published": day, "title": "Manifestation contre la réforme",
                 "text": f"Contre la réforme, {surface} manifestants ont défilé.",
                 "claims": [{"surface": surface, "kind": "count", "value": 1089000,
                             "approx": approx, "low": 980000 if approx else None,
                             "high": 1200000 if approx else None,
                             "subject": "manifestant", "time_start": day, "time_end": day}]}
                for aid, surface, approx, day in claims]
    frame = frame_from_articles(articles)
    return {v.article_id: v for v in prepare_claims(frame, load_lexicon())}


@pytest.mark.parametrize("order", list(itertools.permutations(
    [("k1", "k2"), ("k2", "k3"), ("k1", "k3")])))
def test_facts_do_not_depend_on_the_order_of_the_joins(order) -> None:
    """One count restated with its digits under two days (k1, k2) and an approximate report
    of the second day (k3): whatever order the links are followed in, one fact."""
    views = _views(("k1", "1 089 000", "", "2025-03-06"), ("k2", "1 089 000", "", "2025-03-08"),
                   ("k3", "environ 1 089 000", "approx", "2025-03-08"))
    groups = FactGroups({v.claim_id: v for v in views.values()}, load_lexicon())
    for a, b in order:
        groups.join(views[a].claim_id, views[b].claim_id)
    assert len({groups.find(v.claim_id) for v in views.values()}) == 1


def test_a_stored_fact_stays_whole() -> None:
    """``union`` keeps the members of one stored fact together where ``join`` would refuse
    them (two days, no distinctive digits shared by two exact reports)."""
    views = _views(("k1", "environ 1 089 000", "approx", "2025-03-06"),
                   ("k3", "environ 1 089 000", "approx", "2025-03-08"))
    groups = FactGroups({v.claim_id: v for v in views.values()}, load_lexicon())
    a, b = views["k1"].claim_id, views["k3"].claim_id
    assert not groups.join(a, b)
    groups.union(a, b)
    assert groups.find(a) == groups.find(b)


@pytest.mark.parametrize(("name", "facts"), [
    ("toll_updates_on_three_days", [{"d1"}, {"d2"}, {"d3"}]),
    ("toll_bound_and_exact_value_one_day", [{"s1", "s2"}]),
    ("toll_one_value_one_day", [{"o1", "o2"}]),
])
def test_facts_hold_one_update_of_a_toll(name: str, facts: list[set[str]]) -> None:
    """A running toll reported on three days is three facts joined by evolutions (where it
    first appeared, how it changed), not one fact whose first report is the first bound; the
    same day's reports of one value stay one fact."""
    (case,) = [c for c in CASES["links"] if c["name"] == name]
    frame, links = check_links_case(case)
    built = build_facts(frame, links)
    article_of = dict(zip(frame["claim_id"], frame["article_id"], strict=True))
    got = sorted(({article_of[c] for c in row} for row in built["claim_ids"]), key=sorted)
    assert got == facts
