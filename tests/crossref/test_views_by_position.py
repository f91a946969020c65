"""``prepare_claims`` reads a large claims table without copying it or turning it into row
dicts: the stories' texts column by column (``frame_article_texts``), the figures a piece of
positions at a time, the rows of copies left out by a mask (``keep``). Each must read what
the row-by-row reading read."""

from __future__ import annotations

import numpy as np
import pytest
from crossref_helpers import gold_frame, same_value, view_fields

from factcheck.crossref import views as views_module
from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.stories import article_texts
from factcheck.crossref.views import frame_article_texts, prepare_claims

LEXICON = load_lexicon()
STORY_COLUMNS = ["article_id", "published", "title", "sentence", "start"]


def _frames():
    frame = gold_frame(with_context=True)
    return {
        "as read": frame,
        "shuffled": frame.sample(frac=1, random_state=3),
        "no title": frame.drop(columns=["title"]),
        "reversed, no start": frame.iloc[::-1].drop(columns=["start"]),
    }


@pytest.mark.parametrize("name", list(_frames()))
def test_article_texts_read_by_column_are_those_of_the_rows(name: str) -> None:
    frame = _frames()[name]
    columns = [c for c in STORY_COLUMNS if c in frame.columns]
    expected = article_texts(frame[columns].to_dict("records"))
    assert frame_article_texts(frame) == expected
    keep = np.arange(len(frame)) % 3 != 0
    assert frame_article_texts(frame, keep) == article_texts(
        frame[keep][columns].to_dict("records"))


def _same_views(ours: list, theirs: list) -> None:
    assert len(ours) == len(theirs) > 10
    for a, b in zip(ours, theirs, strict=True):
        fa, fb = view_fields(a), view_fields(b)
        assert all(same_value(fa[k], fb[k]) for k in fa), a.claim_id


@pytest.mark.parametrize("every", [2, 5])
def test_a_mask_gives_the_views_of_the_rows_it_keeps(every: int) -> None:
    frame = gold_frame(with_context=True)
    articles = frame["article_id"].astype(str)
    # Whole articles' rows and single rows left out alike.
    keep = ((np.arange(len(frame)) % every) != 1) & (articles != articles.iloc[0]).to_numpy()
    _same_views(prepare_claims(frame, LEXICON, keep=keep),
                prepare_claims(frame[keep].reset_index(drop=True), LEXICON))


def test_pieces_of_positions_give_the_views_of_one_piece(monkeypatch) -> None:
    frame = gold_frame(with_context=True).sort_values("article_id", kind="stable")
    whole = prepare_claims(frame, LEXICON)
    monkeypatch.setattr(views_module, "_CHUNK_ROWS", 7)
    assert len(views_module._article_chunks(frame, np.arange(len(frame)))) > 3
    _same_views(prepare_claims(frame, LEXICON), whole)
