"""Facts: figures reporting one fact grouped, with a stable id from the first report."""

from __future__ import annotations

import random

import pandas as pd
import pytest
from crossref_helpers import frame_from_articles, gold_frame

from factcheck.crossref.engine import cross_reference
from factcheck.crossref.facts import FACT_COLUMNS, FactGroups, build_facts, fact_of_claims
from factcheck.crossref.views import prepare_claims

NIGHT = ("Dans la nuit de dimanche à lundi, la défense antiaérienne russe a abattu des drones "
         "ukrainiens au-dessus de Belgorod et de Koursk")


def _article(aid: str, day: str, surface: str, value: float, approx: str = "none",
             outlet: str = "") -> dict:
    claim = {"surface": surface, "kind": "count", "value": value, "subject": "drone",
             "approx": approx, "source": "ministère russe de la Défense",
             "time_start": "2024-12-08", "time_end": "2024-12-09"}
    if approx != "none":
        claim.update(low=value * 0.9, high=value * 1.1)
    return {"id": aid, "published": day, "source": outlet,
            "text": f"{NIGHT} : {surface} drones, selon le ministère russe de la Défense.",
            "claims": [claim]}


def _facts(articles: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    frame = frame_from_articles(articles)
    links, _ = cross_reference(frame)
    return frame, build_facts(frame, links)


def test_reports_of_one_figure_are_one_fact_with_its_first_report() -> None:
    frame, facts = _facts([
        _article("b", "2024-12-09", "46", 46, outlet="Le Monde"),
        _article("a", "2024-12-09", "46", 46, outlet="AFP"),
        _article("c", "2024-12-10", "près de 46", 46, approx="about", outlet="Ouest-France"),
    ])
    assert tuple(facts.columns) == FACT_COLUMNS
    assert len(facts) == 1
    fact = facts.iloc[0]
    assert fact["n_reports"] == 3 and fact["n_articles"] == 3
    assert fact["first_article"] == "a" and fact["first_outlet"] == "AFP"
    assert fact["first_published"] == "2024-12-09"
    assert fact["value"] == 46  # the exact reports' value, which "près de 46" allows
    assert fact["low"] <= 46 <= fact["high"]
    assert fact["outlets"] == "AFP; Le Monde; Ouest-France"
    assert fact["variants"] == "46; près de 46"
    assert fact["claim_ids"][0] == fact["first_claim"]
    assert set(fact_of_claims(facts)) == set(frame["claim_id"])


def test_a_different_figure_is_another_fact() -> None:
    _, facts = _facts([_article("a", "2024-12-09", "46", 46),
                       _article("b", "2024-12-09", "23", 23)])
    assert len(facts) == 2
    assert sorted(facts["n_reports"]) == [1, 1]


def test_fact_id_survives_a_later_report_and_changes_with_an_earlier_one() -> None:
    base = [_article("m", "2024-12-09", "46", 46)]
    _, one = _facts(base)
    _, later = _facts([*base, _article("n", "2024-12-10", "46", 46)])
    assert list(one["fact_id"]) == list(later["fact_id"])
    _, earlier = _facts([*base, _article("k", "2024-12-08", "46", 46)])
    assert list(earlier["fact_id"]) != list(one["fact_id"])
    assert earlier.iloc[0]["first_article"] == "k"


def test_no_comparable_figure_no_fact() -> None:
    empty = pd.DataFrame(columns=frame_from_articles([]).columns)
    assert build_facts(empty, pd.DataFrame()).empty


def test_a_bound_compatible_with_two_values_does_not_make_them_one_fact() -> None:
    text = ("Manifestation contre la réforme des retraites : {} manifestants en France selon "
            "{}, mardi, pour la sixième journée de mobilisation intersyndicale.")

    def demo(aid: str, surface: str, value: float, who: str, approx: str = "none") -> dict:
        claim = {"surface": surface, "kind": "count", "value": value, "subject": "manifestant",
                 "approx": approx, "source": who}
        if approx == "at_least":
            claim.update(low=value, high=None)
        return {"id": aid, "published": "2023-03-07", "text": text.format(surface, who),
                "claims": [claim]}

    frame = frame_from_articles([
        demo("p", "1,28 million", 1.28e6, "le ministère de l'Intérieur"),
        demo("q", "3,5 millions", 3.5e6, "la CGT"),
        demo("r", "plus d'un million", 1e6, "les syndicats", approx="at_least"),
    ])
    links, _ = cross_reference(frame)
    facts = build_facts(frame, links)
    grouped = [set(ids) for ids in facts["claim_ids"]]
    claim_of = dict(zip(frame["surface"], frame["claim_id"], strict=True))
    assert not any({claim_of["1,28 million"], claim_of["3,5 millions"]} <= g for g in grouped)
    assert all(f["low"] <= f["high"] for _, f in facts.iterrows())


class _EagerGroups:
    """The groups as first written: an entry per figure, a set of exact values per group."""

    def __init__(self, views: dict) -> None:
        self.parent = {i: i for i in views}
        self.bounds = {i: (v.lo, v.hi) for i, v in views.items()}
        self.exact = {i: ({v.value} if v.exact and v.value is not None else set())
                      for i, v in views.items()}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        lo = max(self.bounds[ra][0], self.bounds[rb][0])
        hi = min(self.bounds[ra][1], self.bounds[rb][1])
        exact = self.exact[ra] | self.exact[rb]
        if lo > hi or len(exact) > 1:
            return False
        root, other = min(ra, rb), max(ra, rb)
        self.parent[other] = root
        self.bounds[root], self.exact[root] = (lo, hi), exact
        return True


@pytest.mark.parametrize("seed", range(4))
def test_groups_store_only_joins_and_join_as_an_entry_per_figure_would(seed: int) -> None:
    views = {v.claim_id: v for v in prepare_claims(gold_frame(with_context=False))}
    lazy, eager = FactGroups(views), _EagerGroups(views)
    assert not (lazy.parent or lazy.bounds or lazy.exact)
    # Figures of one dimension joined at random, often the same value (one fact) or not.
    by_dimension: dict[str, list[str]] = {}
    for claim_id, v in views.items():
        by_dimension.setdefault(v.dimension, []).append(claim_id)
    rng = random.Random(seed)
    pools = [ids for ids in by_dimension.values() if len(ids) > 1]
    answers = set()
    for _ in range(400):
        a, b = rng.sample(rng.choice(pools), 2)
        answer = lazy.join(a, b)
        assert answer == eager.join(a, b), (a, b)
        answers.add(answer)
    assert answers == {True, False}
    assert all(lazy.find(i) == eager.find(i) for i in views)
    assert len(lazy.parent) < len(views)
