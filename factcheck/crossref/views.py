"""Claim views built from a claims table (:func:`prepare_claims`): each comparable figure
read once, with its interval, family, scope cues, period and story, in pieces of whole
articles. The record itself, and what reads two views, are in :mod:`factcheck.crossref.matching`."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Set as AbstractSet

import numpy as np
import pandas as pd

from factcheck.crossref.comparisons import comparison_targets
from factcheck.crossref.cue_words import Lexicon, load_lexicon
from factcheck.crossref.matching import (
    CHANGE,
    DENIED_MODALITIES,
    PROJECTED_MODALITIES,
    ClaimView,
    dimension_and_scale,
    family_of,
    interval,
)
from factcheck.crossref.scope import (
    _norm,
    _sentence_words,
    _text,
    _word_set,
    assign_cues,
    description_words,
    family_from_outcome,
    place_key,
    restate_places,
    sentence_places,
)
from factcheck.crossref.stories import StoryIndex, StoryMates, article_texts, profile
from factcheck.models import MEASURE_KINDS


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


def _side(sides: set[str]) -> str:
    if "both" in sides:
        return "both"
    return next(iter(sides)) if len(sides) == 1 else ""


def _period(row: dict) -> tuple[tuple[str, ...], str]:
    ts, te = _text(row.get("time_start"))[:10], _text(row.get("time_end"))[:10]
    published = _text(row.get("published"))[:10]
    if ts or te:
        if not ts and te == published:
            # Context dates a figure with no time expression "as of publication".
            return ("published", published), published
        return ("explicit", ts, te), te or ts
    return ("published", published), published


#: Columns the stories are read from (every figure's, dates too).
_STORY_COLUMNS = ("article_id", "published", "title", "sentence", "start")
#: Claims turned into views at a time (whole articles): their row dicts are the bulk of the
#: memory of preparing a large table, the views far less.
_CHUNK_ROWS = 50_000


def prepare_claims(claims: pd.DataFrame, lexicon: Lexicon | None = None) -> list[ClaimView]:
    """Comparable figures of a claims table (measure kinds with a value or bounds)."""
    lexicon = lexicon or load_lexicon()
    if claims is None or claims.empty:
        return []
    # Stories from every figure's sentence (dates too), as the draft index reads them; two
    # articles are settled as one story only when two of their figures are compared.
    story_columns = [c for c in _STORY_COLUMNS if c in claims.columns]
    stories = StoryIndex(article_texts(claims[story_columns].to_dict("records")),
                         lexicon.stories)
    if "kind" not in claims.columns:
        return []
    measure = {str(k) for k in MEASURE_KINDS}
    comparable = claims[claims["kind"].map(_text).isin(measure).to_numpy()]
    mates: dict[str, StoryMates] = {}
    per_sentence: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    profiles: dict[str, tuple[tuple[str, float], ...]] = {}
    views: list[ClaimView] = []
    for chunk in _article_chunks(comparable):
        views.extend(_views(chunk.to_dict("records"), lexicon, stories, mates, per_sentence,
                            profiles))
    return views


def _article_chunks(claims: pd.DataFrame) -> list[pd.DataFrame]:
    """``claims`` in pieces of about ``_CHUNK_ROWS`` rows, never splitting an article; one
    piece when an article's rows are not all together."""
    if len(claims) <= _CHUNK_ROWS:
        return [claims]
    ids = claims["article_id"].map(_text).to_numpy()
    starts = [0, *(np.flatnonzero(ids[1:] != ids[:-1]) + 1).tolist()]
    if len(starts) != len(set(ids)):
        return [claims]
    chunks, begin = [], 0
    for start in starts[1:]:
        if start - begin >= _CHUNK_ROWS:
            chunks.append(claims.iloc[begin:start])
            begin = start
    chunks.append(claims.iloc[begin:])
    return chunks


def _views(records: list[dict], lexicon: Lexicon, stories: StoryIndex,
           mates: dict[str, StoryMates],
           per_sentence: dict[str, tuple[frozenset[str], frozenset[str]]],
           profiles: dict[str, tuple[tuple[str, float], ...]]) -> list[ClaimView]:
    """The views of the measure ``records`` of whole articles; ``mates``, ``per_sentence``
    and ``profiles`` are filled as sentences and articles are met."""
    rows: list[dict] = []
    for row in records:
        kind = _text(row.get("kind"))
        role = _text(row.get("role"))
        if role == "change_from":
            continue  # "passé de 5 % à 7 %": the earlier value, at a date the text does not give
        dim = dimension_and_scale(kind, _text(row.get("unit")), lexicon)
        if dim is None:
            continue
        if role == "change_by":
            dim = (dim[0] + CHANGE, dim[1])  # "a bondi de 40 %": a change, never a level
        iv = interval(row, dim[1], kind, lexicon)
        if iv is None:
            continue
        row["_dim"], row["_iv"] = dim[0], iv
        row["article_id"], row["claim_id"] = _text(row["article_id"]), _text(row["claim_id"])
        row["surface"], row["sentence"] = _text(row.get("surface")), _text(row.get("sentence"))
        row["start"], row["end"] = int(row["start"]), int(row["end"])
        row["_family"] = family_of(_text(row.get("subject")), _text(row.get("category")), lexicon)
        row["_subject_family"] = row["_family"]
        rows.append(row)
    offsets = sentence_offsets(rows)
    by_sentence: dict[tuple[str, int | None, str], list[dict]] = defaultdict(list)
    for row in rows:
        s0 = offsets.get(row["claim_id"])
        row["_s0"] = s0
        row["_rel_start"] = row["start"] - s0 if s0 is not None else 0
        row["_rel_end"] = row["end"] - s0 if s0 is not None else 0
        family_from_outcome(row, lexicon)
        by_sentence[(row["article_id"], s0, row["sentence"])].append(row)
    cues: dict[str, dict] = {}
    targets: dict[str, str] = {}
    words: dict[str, frozenset[str]] = {}
    for (_, _, sentence), members in by_sentence.items():
        restate_places(members, sentence, lexicon)
        cues.update(assign_cues(members, sentence, lexicon))
        targets.update(comparison_targets(members, sentence, lexicon))
        words.update(description_words(members, sentence, lexicon))
        if sentence not in per_sentence:
            per_sentence[sentence] = (sentence_places(sentence, lexicon),
                                      _sentence_words(sentence, lexicon))
            profiles[sentence] = tuple(sorted(profile(sentence, lexicon.stories).items()))
    for row in rows:
        if row["article_id"] not in mates:
            mates[row["article_id"]] = stories.mates(row["article_id"])
    return [_view(row, cues[row["claim_id"]], words[row["claim_id"]],
                  per_sentence[row["sentence"]], lexicon, mates[row["article_id"]],
                  profiles[row["sentence"]], targets.get(row["claim_id"], ""))
            for row in rows]


def _view(row: dict, cue: dict, described: frozenset[str],
          sentence_info: tuple[frozenset[str], frozenset[str]], lexicon: Lexicon,
          story: AbstractSet[str], story_words: tuple[tuple[str, float], ...],
          compared_to: str) -> ClaimView:
    value, lo, hi, stated = row["_iv"]
    family = row["_family"]
    subject_family = row["_subject_family"]
    modality = _text(row.get("modality")).lower()
    sentence = row["sentence"]
    before = sentence[max(0, row["_rel_start"] - 12) : row["_rel_start"]]
    words = before.split()
    # A denial cue right before the figure ("Pas 300 000") negates it.
    denied = modality in DENIED_MODALITIES or bool(
        words and lexicon.denied.fullmatch(words[-1].strip(",;:«»\"")))
    if denied:
        mode = "denied"
    elif modality in PROJECTED_MODALITIES or cue["projected"]:
        mode = "projected"
    else:
        mode = "observed"
    qualifiers = _text(row.get("qualifiers"))
    outcome = set(cue["outcome"])
    for q in qualifiers.split(";"):
        outcome.update(name for *_, name in lexicon.outcome.find(q))
    side = set(cue["side"])
    period, period_sort = _period(row)
    approx = _text(row.get("approx")) or "none"
    known = _word_set(_text(row.get("subject")), _text(row.get("source")))
    # An inherited place (the report's, named earlier) neither ties nor separates figures.
    inherited = _text(row.get("place_mode")) == "inherited"
    place = "" if inherited else place_key(_text(row.get("place")), lexicon)
    places = sentence_info[0]
    if not place and not places and cue["national"]:
        # "au niveau national" with no place read: the whole country, not a region of it.
        # Only a figure located nowhere gets it, so a scope difference is added, never lost.
        places = frozenset({place_key(lexicon.national_place, lexicon)})
    return ClaimView(
        claim_id=row["claim_id"], article_id=row["article_id"], start=row["start"],
        end=row["end"], surface=row["surface"], kind=_text(row.get("kind")),
        dimension=row["_dim"], value=value, lo=lo, hi=hi, stated=stated, approx=approx,
        exact=approx == "none", subject=_text(row.get("subject")), family=family,
        subject_family=subject_family,
        nature=lexicon.family_nature.get(family or "", ""),
        source=_text(row.get("source")), source_key=_norm(_text(row.get("source"))),
        source_mode=_text(row.get("source_mode")) or ("explicit" if _text(row.get("source"))
                                                       else ""),
        actor=_text(row.get("actor")), place=place, places=places,
        words=described - known,
        sentence_words=sentence_info[1] - known,
        outcome=frozenset(outcome), side=_side(side), population=frozenset(cue["population"]),
        modality=mode,
        revision=cue["revision"], cumulative=cue["cumulative"], event=cue["event"],
        period=period, period_sort=period_sort, published=_text(row.get("published"))[:10],
        sentence=sentence, sentence_start=row["_s0"], title=_text(row.get("title")),
        basis=_text(row.get("basis")).lower(), story=story,
        story_words=story_words, span=cue["span"], compared_to=compared_to,
    )
