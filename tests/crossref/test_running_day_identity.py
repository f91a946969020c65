"""A running count read at a day of its own ("Ce jeudi, le bilan fait état de 40 morts" the
day after a landslide) runs from its story's start to that day (``time_basis`` "running",
context/running_counts.py); cross-referencing reads it by that day alone, as it read it before
the start was known: the day written says which count it is, and an article that does not
name the start still meets it."""

from __future__ import annotations

import pandas as pd
import pytest
from crossref_helpers import frame_from_articles

from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.engine import cross_reference
from factcheck.crossref.identity import identity
from factcheck.crossref.views import prepare_claims

#: One toll in two articles of the same day (sentence, surface, value).
TOLLS = (("Ce jeudi, le bilan de la protection civile fait état de 40 morts.", "40", 40.0),
         ("Jeudi, le bilan des secours faisait état de 46 morts.", "46", 46.0))
PUBLISHED = "2025-10-16"
DAY = "2025-10-16"
START = "2025-10-14"


def _frame(running: tuple[bool, bool]) -> pd.DataFrame:
    """The two tolls, each read from the landslide's day (``running``) or at its day only."""
    articles = []
    for n, ((text, surface, value), run) in enumerate(zip(TOLLS, running, strict=True)):
        articles.append({"id": f"art{n}", "published": PUBLISHED, "text": text, "claims": [
            {"surface": surface, "value": value, "kind": "count", "unit": "",
             "subject": "mort", "time_start": START if run else DAY, "time_end": DAY,
             "sentence": text}]})
    frame = frame_from_articles(articles)
    frame["time_basis"] = ["running" if run else "" for run in running]
    return frame


@pytest.mark.parametrize("running", [(True, True), (True, False)])
def test_running_count_is_read_by_its_day(running: tuple[bool, bool]) -> None:
    lexicon = load_lexicon()
    views = prepare_claims(_frame(running), lexicon)
    bare = prepare_claims(_frame((False, False)), lexicon)
    assert [v.period for v in views] == [v.period for v in bare]
    found, without = identity(*views, lexicon), identity(*bare, lexicon)
    assert "period" in found.ties
    assert (found.ties, found.blockers, found.established) == (
        without.ties, without.blockers, without.established)


def test_running_count_changes_no_link_nor_flag() -> None:
    links, flags = cross_reference(_frame((True, False)))
    bare_links, bare_flags = cross_reference(_frame((False, False)))
    assert list(flags["type"]) == list(bare_flags["type"])
    assert list(links["relation"]) == list(bare_links["relation"])
