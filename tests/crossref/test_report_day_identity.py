"""Identity before accusation: a stock's day carried from an earlier sentence of the report
(``time_basis`` "report": "Au 1er septembre, ..." then "La densité s'établit à 127 %") never
ties two figures nor separates them: cross-referencing reads them, their ties, blockers, links
and flags exactly as if they were dated by publication only (the list items of one report
would otherwise be tied by the report's day, two counts of one metric made one)."""

from __future__ import annotations

import pandas as pd
import pytest
from crossref_helpers import frame_from_articles

from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.engine import cross_reference
from factcheck.crossref.identity import identity
from factcheck.crossref.views import prepare_claims

# Two figures of one metric in one report (sentence, surface, value).
PAIRS = {
    "two list items": (("17 établissements ont une densité supérieure à 200 %.", "17", 17.0),
                       ("22 établissements ont une densité inférieure à 100 %.", "22", 22.0)),
    "two tolls": (("Le bilan fait état de 120 morts.", "120", 120.0),
                  ("Le bilan fait état de 150 morts.", "150", 150.0)),
}
PUBLISHED = "2024-09-30"


def _frame(pair: tuple, basis: str | None) -> pd.DataFrame:
    """The two figures of one article, dated by the report's day (``basis`` "report") or by
    publication only (None)."""
    claims = [{"surface": surface, "value": value, "kind": "count", "unit": "",
               "subject": "établissement" if "établissement" in text else "mort",
               "time_start": "2024-09-01" if basis else "",
               "time_end": "2024-09-01" if basis else PUBLISHED,
               "sentence": text}
              for text, surface, value in pair]
    text = " ".join(t for t, _, _ in pair)
    frame = frame_from_articles([{"id": "art", "published": PUBLISHED, "text": text,
                                  "claims": claims}])
    frame["time_basis"] = basis or ""
    return frame


@pytest.mark.parametrize("name", PAIRS)
def test_report_day_is_no_tie(name: str) -> None:
    lexicon = load_lexicon()
    views = prepare_claims(_frame(PAIRS[name], "report"), lexicon)
    bare = prepare_claims(_frame(PAIRS[name], None), lexicon)
    found, without = identity(*views, lexicon), identity(*bare, lexicon)
    assert "period" not in found.ties
    assert (found.ties, found.blockers, found.established) == (
        without.ties, without.blockers, without.established)


@pytest.mark.parametrize("name", PAIRS)
def test_report_day_changes_no_flag(name: str) -> None:
    links, flags = cross_reference(_frame(PAIRS[name], "report"))
    bare_links, bare_flags = cross_reference(_frame(PAIRS[name], None))
    assert list(flags["type"]) == list(bare_flags["type"])
    assert list(links["relation"]) == list(bare_links["relation"])


@pytest.mark.parametrize("name", PAIRS)
def test_day_read_in_the_sentence_still_ties(name: str) -> None:
    """The control: the same day read in each figure's own sentence is a tie."""
    lexicon = load_lexicon()
    frame = _frame(PAIRS[name], "report")
    frame["time_basis"] = ""
    views = prepare_claims(frame, lexicon)
    assert "period" in identity(views[0], views[1], lexicon).ties
