"""Facts do not depend on how the articles reach the store: a count restated with its digits
under two dates, and reports of it without a day, give the facts of one run whether the store
is fed all at once or in two batches, in either order (``crossref.facts.FactGroups`` keeps a
group's possible days as the span of both after a join on distinctive digits, and a store
rejoins its stored facts whole)."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.archive import add_to_store, open_store
from factcheck.archive.facts_update import CURRENT_FACTS_SQL
from factcheck.crossref.facts import build_facts
from factcheck.models import Article
from factcheck.pipeline import analyze

ARTICLES = [
    Article("m1", "La journée de grève contre la réforme des retraites a rassemblé 1 089 000 "
            "manifestants ce jeudi 5 mars en France, selon le ministère de l'Intérieur.",
            title="Retraites : la mobilisation de jeudi", published=date(2026, 3, 5)),
    Article("m2", "Contre la réforme des retraites, environ 1 089 000 manifestants ont défilé, "
            "selon le ministère de l'Intérieur. L'intersyndicale vise davantage.",
            title="Retraites : les syndicats préparent la suite", published=date(2026, 3, 8)),
    Article("m3", "Le ministère de l'Intérieur avait dénombré 1 089 000 manifestants contre la "
            "réforme des retraites. Une nouvelle journée est prévue.",
            title="Retraites : une nouvelle journée de grève", published=date(2026, 3, 8)),
]


def _facts(claim_ids) -> set[frozenset[str]]:
    return {frozenset(ids) for ids in claim_ids if len(ids) > 1}


@pytest.mark.parametrize("first", [["m1"], ["m2", "m3"], ["m3"]])
def test_a_store_fed_in_two_batches_gives_the_facts_of_one_run(tmp_path, first) -> None:
    analysis = analyze(ARTICLES)
    one_run = _facts(build_facts(analysis.claims, analysis.links)["claim_ids"])
    assert one_run  # the reports of the count are one fact
    add_to_store(tmp_path, [a for a in ARTICLES if a.article_id in first])
    add_to_store(tmp_path, [a for a in ARTICLES if a.article_id not in first])
    with open_store(tmp_path) as con:
        stored = con.execute(f"SELECT claim_ids FROM ({CURRENT_FACTS_SQL})").fetchall()
        claims = {r[0] for r in con.execute("SELECT claim_id FROM claims").fetchall()}
    assert _facts(ids for (ids,) in stored) == one_run
    # Every comparable report is in exactly one current fact.
    members = [c for (ids,) in stored for c in ids]
    assert len(members) == len(set(members)) and set(members) <= claims
