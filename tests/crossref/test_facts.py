"""Facts: figures reporting one fact grouped, with a stable id from the first report."""

from __future__ import annotations

import pandas as pd
from crossref_helpers import frame_from_articles

from factcheck.crossref.engine import cross_reference
from factcheck.crossref.facts import FACT_COLUMNS, build_facts, fact_of_claims

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
