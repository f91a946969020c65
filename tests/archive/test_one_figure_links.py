"""The links that tell two figures one by what surrounds them, in the store: a figure glossed
in the parenthesis after it, an amount converted there into another currency, an age given
again after one name, a value repeated in related sentences of two outlets or given "par an"
in one and bare in another, a demonstrative pointing back ("Ces 60 milliards"), and two
counters' figures set side by side in one article (``sources_disagree``).

Each case of ``tests/archive/data/one_figure_links.json`` is stored in two batches, the
earlier article(s) first or the later one first, and in one: the links each addition finds
(the ``same`` and ``compatible`` ones included, which the store keeps as facts), the links
and flags stored and the current facts are those of one run over all the articles. A first
test checks that each case does exercise its mechanism in one run."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from crossref_helpers import claim_id_of, relation_of

import factcheck.archive.incremental as incremental
from factcheck.archive import add_to_store, open_store
from factcheck.archive.facts_update import CURRENT_FACTS_SQL
from factcheck.crossref.attributes import attribute_pairs
from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.facts import build_facts
from factcheck.crossref.glosses import converted_pairs, glossed_pairs
from factcheck.crossref.reader_links import between_facts
from factcheck.crossref.repeats import repeated_pairs
from factcheck.crossref.views import prepare_claims
from factcheck.models import Article
from factcheck.pipeline import analyze

CASES = json.loads((Path(__file__).parent / "data" / "one_figure_links.json")
                   .read_text(encoding="utf-8"))
BY_NAME = {case["name"]: case for case in CASES}

#: The engine's pass that makes each mechanism's links, over a run's views.
MECHANISMS = {
    "gloss": lambda views, lexicon: glossed_pairs(views),
    "conversion": lambda views, lexicon: converted_pairs(views),
    "attribute": attribute_pairs,
    "repeat": repeated_pairs,
}

SPLITS = {
    "at once": lambda arts: ([], arts),
    "the earlier stored, the later added": lambda arts: (arts[:-1], arts[-1:]),
    "the later stored, the earlier added": lambda arts: (arts[-1:], arts[:-1]),
}


def _articles(case: dict) -> list[Article]:
    return [Article(a["id"], f"{a['title']}\n\n{a['text']}", title=a["title"],
                    source=a["source"], published=date.fromisoformat(a["published"]))
            for a in case["articles"]]


_RUNS: dict[str, tuple] = {}


def _one_run(name: str):
    """One run over the case's articles: its analysis and facts (computed once)."""
    if name not in _RUNS:
        analysis = analyze(_articles(BY_NAME[name]))
        _RUNS[name] = analysis, build_facts(analysis.claims, analysis.links)
    return _RUNS[name]


def _ids(claims: pd.DataFrame, ref: list) -> str:
    return claim_id_of(claims, ref[0], ref[1], ref[2] if len(ref) > 2 else 0)


@pytest.mark.slow
@pytest.mark.parametrize("name", BY_NAME)
def test_each_case_exercises_its_mechanism_in_one_run(name: str) -> None:
    case = BY_NAME[name]
    analysis, _ = _one_run(name)
    lexicon = load_lexicon()
    if case["mechanism"] in MECHANISMS:
        views = prepare_claims(analysis.claims, lexicon)
        found = {frozenset((a.claim_id, b.claim_id))
                 for a, b in MECHANISMS[case["mechanism"]](views, lexicon)}
        for a, b, relation in case["links"]:
            ids = _ids(analysis.claims, a), _ids(analysis.claims, b)
            assert relation_of(analysis.links, *ids) == relation, case["why"]
            assert frozenset(ids) in found, case["why"]
    else:
        assert sorted(set(analysis.flags["type"])) == case["flags"], case["why"]


def _record_links(monkeypatch) -> list[pd.DataFrame]:
    """The links each addition finds (``check_batch``'s, before the store keeps only those
    between facts), recorded in the list returned."""
    found: list[pd.DataFrame] = []
    check_batch = incremental.check_batch

    def recording(*args, **kwargs):
        batch = check_batch(*args, **kwargs)
        found.append(batch.links)
        return batch

    monkeypatch.setattr(incremental, "check_batch", recording)
    return found


PARAMS = [(name, split) for name, case in BY_NAME.items() for split in SPLITS
          if split == "at once" or len(case["articles"]) > 1]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "split"), PARAMS)
def test_the_store_gives_the_links_flags_and_facts_of_one_run(tmp_path, monkeypatch, name,
                                                              split) -> None:
    analysis, facts = _one_run(name)
    first, second = SPLITS[split](_articles(BY_NAME[name]))
    found = _record_links(monkeypatch)
    if first:
        add_to_store(tmp_path, first)
    add_to_store(tmp_path, second)
    with open_store(tmp_path) as con:
        links = con.execute("SELECT link_id FROM links").df()
        flags = con.execute("SELECT flag_id FROM flags").df()
        stored_facts = con.execute(CURRENT_FACTS_SQL).df()
    # Every link of one run is found by the addition of one of its figures.
    assert set(pd.concat(found)["link_id"]) == set(analysis.links["link_id"])
    assert set(links["link_id"]) == set(between_facts(analysis.links)["link_id"])
    assert set(flags["flag_id"]) == set(analysis.flags["flag_id"])
    assert sorted(map(tuple, stored_facts["claim_ids"])) == \
        sorted(map(tuple, facts["claim_ids"]))


@pytest.mark.slow
@pytest.mark.parametrize("cap", [2, 3])
def test_an_age_given_by_more_figures_than_the_cap_pairs_nothing(tmp_path, monkeypatch,
                                                                   cap) -> None:
    """An attribute key stated by more figures, stored and new, than ``MAX_GROUP`` pairs
    nothing, as in one run: the stored figures are counted, not read back."""
    import factcheck.crossref.attributes as attributes

    monkeypatch.setattr(attributes, "MAX_GROUP", cap)
    monkeypatch.setattr(incremental, "MAX_GROUP", cap)
    articles = _articles(BY_NAME["an_age_after_one_name_in_two_outlets"])
    third = Article("nahel-3", "Émeutes après la mort de Nahel\n\nDes violences ont éclaté "
                    "dans la nuit à Nanterre après la mort de Nahel, 17 ans, tué par un "
                    "policier lors d'un contrôle routier.", title="Émeutes après la mort de "
                    "Nahel", source="Libération", published=date(2023, 6, 29))
    found = _record_links(monkeypatch)
    read_back: list[int] = []
    attribute_candidates = incremental._attribute_candidates

    def counting(*args, **kwargs):
        stored, crowded = attribute_candidates(*args, **kwargs)
        read_back.append(len(stored))
        return stored, crowded

    monkeypatch.setattr(incremental, "_attribute_candidates", counting)
    add_to_store(tmp_path, articles)
    add_to_store(tmp_path, [third])
    assert read_back[-1] == (0 if cap == 2 else 2)
    analysis = analyze([*articles, third])
    ages = analysis.claims[analysis.claims["surface"] == "17 ans"]
    assert len(ages) == 3
    new_age = str(ages[ages["article_id"] == "nahel-3"]["claim_id"].iloc[0])

    def involving(links: pd.DataFrame) -> set[str]:
        return set(links[(links["claim_a"] == new_age) | (links["claim_b"] == new_age)]
                   ["link_id"])

    assert involving(found[-1]) == involving(analysis.links)
    assert len(involving(analysis.links)) == (0 if cap == 2 else 2)
