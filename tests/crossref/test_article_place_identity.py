"""Identity before accusation: a place that comes only from the article (dateline, headline,
...: ``place_basis`` "article"; the scene its lead names once: "lead") never ties two
figures: cross-referencing reads them, their ties, blockers, links and flags (contradiction,
same_source, scale_slip, cumulative_decrease ...) exactly as if they had no place."""

from __future__ import annotations

import pandas as pd
import pytest
from crossref_helpers import frame_from_articles

from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.engine import cross_reference
from factcheck.crossref.identity import identity
from factcheck.crossref.views import prepare_claims

# Two reports of one count, neither naming a place in its sentence: (sentence, surface,
# value, unit) of each.
PAIRS = {
    "two tolls": (("Le bilan fait état de 120 morts.", "120", 120.0, ""),
                  ("Le bilan fait état de 150 morts.", "150", 150.0, "")),
    "a scale": (("Le déficit atteint 3,2 milliards d'euros.", "3,2 milliards d'euros", 3.2e9,
                 "EUR"),
                ("Le déficit atteint 3,2 millions d'euros.", "3,2 millions d'euros", 3.2e6,
                 "EUR")),
    "a running total": (("Au total, 4000 personnes ont été évacuées.", "4000", 4000.0, ""),
                        ("Au total, 3000 personnes ont été évacuées.", "3000", 3000.0, "")),
}


def _frame(pair: tuple, basis: str | None, mode: str = "inherited") -> pd.DataFrame:
    """The two reports, their place read in their sentences (``basis`` "sentence"), given by
    their articles ("article", with ``mode`` as place_mode) or absent (None)."""
    articles = []
    for n, (text, surface, value, unit) in enumerate(pair):
        day = f"2025-03-0{n + 3}"
        articles.append({"id": f"art{n}", "published": day, "text": text, "claims": [{
            "surface": surface, "value": value, "kind": "money" if unit else "count",
            "unit": unit, "subject": "déficit" if unit else "mort",
            "place": "Corrèze" if basis else "",
            "place_mode": {"sentence": "explicit", "article": mode, "lead": mode}.get(
                basis or "", ""),
            "time_start": "2025-03-02", "time_end": "2025-03-02"}]})
    frame = frame_from_articles(articles)
    frame["place_basis"] = basis or ""
    return frame


# The article's place is marked "inherited"; a row edited by hand or read from elsewhere may
# say "explicit": the basis alone keeps it out.
MODES = ["inherited", "explicit"]
#: The article's place (votes) and the story's scene its lead names once.
BASES = ["article", "lead"]


@pytest.mark.parametrize("basis", BASES)
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", PAIRS)
def test_article_place_is_no_tie(name: str, mode: str, basis: str) -> None:
    lexicon = load_lexicon()
    views = prepare_claims(_frame(PAIRS[name], basis, mode), lexicon)
    bare = prepare_claims(_frame(PAIRS[name], None), lexicon)
    assert [v.place for v in views] == ["", ""]
    found, without = identity(*views, lexicon), identity(*bare, lexicon)
    assert "place" not in found.ties
    assert (found.ties, found.blockers, found.established) == (
        without.ties, without.blockers, without.established)


@pytest.mark.parametrize("basis", BASES)
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", PAIRS)
def test_article_place_changes_no_flag(name: str, mode: str, basis: str) -> None:
    links, flags = cross_reference(_frame(PAIRS[name], basis, mode))
    bare_links, bare_flags = cross_reference(_frame(PAIRS[name], None))
    assert list(flags["type"]) == list(bare_flags["type"])
    assert list(links["relation"]) == list(bare_links["relation"])


@pytest.mark.parametrize("name", PAIRS)
def test_sentence_place_still_ties(name: str) -> None:
    """The control: the same place read in each figure's own sentence is a tie."""
    lexicon = load_lexicon()
    views = prepare_claims(_frame(PAIRS[name], "sentence"), lexicon)
    assert "place" in identity(views[0], views[1], lexicon).ties
