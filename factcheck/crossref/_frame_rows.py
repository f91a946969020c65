"""Reading a claims table's rows: each sentence's offset in its article
(:func:`sentence_offsets`), the articles' texts for the stories (:func:`frame_article_texts`)
and row dicts without per-cell boxing (:func:`rows_of`). Private to
``factcheck.crossref`` (``views`` re-exports the public names)."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pandas as pd

from factcheck.crossref.cells import cell_text


def sentence_offsets(rows: list[dict]) -> dict[str, int]:
    """Offset of each claim's sentence in its article, recovered from claim offsets.

    The claims table carries each claim's sentence text and article offsets: the sentence
    starts at ``start - index of surface in sentence``; several claims of one sentence must
    agree, which settles repeated surfaces."""
    by_sentence: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in rows:
        by_sentence[(row["article_id"], row["sentence"])].append(row)
    found: dict[str, int] = {}
    for (_, sentence), members in by_sentence.items():
        members.sort(key=lambda r: r["start"])
        first = members[0]
        idx = sentence.find(first["surface"])
        chosen = None
        while idx >= 0:
            s0 = first["start"] - idx
            if all(sentence[r["start"] - s0 : r["end"] - s0] == r["surface"] for r in members):
                chosen = s0
                break
            idx = sentence.find(first["surface"], idx + 1)
        if chosen is None:
            # Several sentences with the same text: place each claim on its own.
            for r in members:
                i = sentence.find(r["surface"])
                if i >= 0:
                    found[r["claim_id"]] = r["start"] - i
            continue
        for r in members:
            found[r["claim_id"]] = chosen
    return found


#: Columns the stories are read from (every figure's, dates too).
_STORY_COLUMNS = ("article_id", "published", "title", "sentence", "start")


def frame_article_texts(claims: pd.DataFrame, keep: np.ndarray | None = None
                        ) -> list[tuple[str, str, str]]:
    """``stories.article_texts`` of the rows of ``claims`` (those ``keep`` holds), read
    column by column (no row dict per figure): articles in the order of their ids, each
    one's rows in the order of ``stories._row_order``."""
    n = len(claims)
    cols = {c: claims[c].tolist() if c in claims.columns else [None] * n
            for c in _STORY_COLUMNS}
    starts = cols["start"]
    sentences, published, titles = cols["sentence"], cols["published"], cols["title"]
    by_article: dict[str, list[int]] = defaultdict(list)
    for i in (range(n) if keep is None else np.flatnonzero(keep).tolist()):
        by_article[cell_text(cols["article_id"][i])].append(i)
    out = []
    for article in sorted(by_article):
        rows = sorted(by_article[article], key=lambda i: (
            _position(starts[i]), cell_text(sentences[i]), cell_text(published[i]),
            cell_text(titles[i])))
        texts, seen = [cell_text(titles[rows[0]])], set()
        for i in rows:
            sentence = cell_text(sentences[i])
            if sentence not in seen:
                seen.add(sentence)
                texts.append(sentence)
        out.append((article, cell_text(published[rows[0]]), "\n".join(texts)))
    return out


def _position(start: object) -> int:
    try:
        return int(start)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return -1


def rows_of(frame: pd.DataFrame) -> list[dict]:
    """``frame.to_dict("records")`` without its per-cell boxing: the same values (native
    Python numbers, the object cells themselves). Take only the columns needed: a row dict
    of the whole claims table weighs more than a kilobyte."""
    columns = list(frame.columns)
    values = [frame[c].tolist() for c in columns]
    return [dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True)]
