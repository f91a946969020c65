"""The draft index's meeting test finds exactly the corpus figures a draft figure can meet
(an article of its story, or a sentence sharing enough rare words: ``cross_ok``'s test), and a
cap keeps the closest of them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from factcheck.corpus.reader import read_corpus
from factcheck.crossref._draft_meeting import MeetingIndex
from factcheck.crossref.stories import sentences_related
from factcheck.models import Article
from factcheck.pipeline import claims_frame, draft_checker

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "reference" / "gold" / "dev_corpus.jsonl"


@pytest.fixture(scope="module")
def checked():
    articles = list(read_corpus([ROOT / "seeds"]).articles)
    with DEV.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            articles.append(Article(row["id"], row["text"],
                                    published=date.fromisoformat(row["published"])))
    claims = claims_frame(articles)
    # Every article as a draft against all of them: its figures meet their own story.
    checker = draft_checker(claims)
    return checker.engine, claims


def _meets(index, key, v) -> set[str]:
    """By definition, over the whole block: the corpus figures ``v`` can meet."""
    settings = index.lexicon.stories
    words = dict(v.story_words)
    return {c.claim_id for c in index.blocks[key]
            if c.article_id in v.story
            or sentences_related(words, dict(c.story_words), settings)}


def test_meeting_is_the_definition_on_every_block(checked):
    index, _ = checked
    uncapped = MeetingIndex(index.blocks, index.lexicon.stories, cap=None)
    n_met = n_pairs = 0
    for key, members in index.blocks.items():
        for v in members:
            found = {c.claim_id for c in uncapped.meeting(key, [v])}
            expected = _meets(index, key, v)
            assert found == expected, (key, v.claim_id)
            n_met += len(found - {v.claim_id})
            n_pairs += len(members)
    assert 0 < n_met < n_pairs  # real meetings, and figures left out


@pytest.mark.parametrize("cap", [1, 3, 10])
def test_a_cap_keeps_the_closest_of_the_figures_met(checked, cap):
    index, _ = checked
    capped = MeetingIndex(index.blocks, index.lexicon.stories, cap=cap)
    n_capped = 0
    for key, members in index.blocks.items():
        for v in members:
            found = {c.claim_id for c in capped.meeting(key, [v])}
            expected = _meets(index, key, v)
            assert found <= expected and len(found) == min(cap, len(expected))
            n_capped += len(expected) > cap
    assert capped.capped == n_capped > 0
