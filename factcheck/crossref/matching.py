"""Claim views for cross-referencing: canonical values, intervals, scope, period, blocking.

A :class:`ClaimView` is one comparable figure of the claims table, reduced to what the
pairwise judgement needs: a dimension (counts, shares, money per currency, durations in days),
an interval that includes the approximation and the rounding of the stated precision, the
metric family, the period, and scope features read from the context columns and from cue
words around the figure in its sentence (``factcheck/lang/fr/crossref.toml``).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import numpy as np
import pandas as pd

from factcheck.crossref.comparisons import comparison_targets
from factcheck.crossref.cue_words import Lexicon, load_lexicon
from factcheck.crossref.scope import (
    _norm,
    _sentence_words,
    _text,
    _word_set,
    assign_cues,
    description_words,
    family_from_outcome,
    lemma,
    place_key,
    restate_places,
    sentence_places,
)
from factcheck.crossref.stories import (
    StoryIndex,
    StoryMates,
    article_texts,
    profile,
    sentences_related,
)
from factcheck.models import MEASURE_KINDS

#: Rounding tolerance never exceeds this share of the figure ("2 millions" is 1.9 to 2.1 M).
MAX_ROUNDING_SHARE = 0.05
#: Whole figures below this are read as exact to the unit, not rounded to their last digit.
SMALL_EXACT = 1000
#: Modality values (from factcheck.context) read as projected or denied figures.
PROJECTED_MODALITIES = frozenset({"projected", "projection", "hypothetical",
                                  "forecast", "estimated_future", "prediction"})
DENIED_MODALITIES = frozenset({"denied", "negated", "negation", "refuted"})


@dataclass(frozen=True, slots=True)
class ClaimView:
    claim_id: str
    article_id: str
    start: int
    end: int
    surface: str
    kind: str
    dimension: str
    value: float | None  # canonical value (shares in %, durations in days)
    lo: float
    hi: float
    stated: tuple[float, float]  # bounds as stated, before rounding tolerance
    approx: str
    exact: bool  # a single stated value (approx none)
    subject: str
    family: str | None  # metric family from subject or category
    subject_family: str | None  # family of the subject alone ("personne", before "tuées")
    nature: str  # "stock", "event" or "" (unknown)
    source: str
    source_key: str
    source_mode: str  # "explicit", "inherited" (named earlier in the article) or ""
    actor: str
    place: str  # normalised place from context, or where a part of a total happened
    places: frozenset[str]  # places the sentence locates things at (fallback for scope)
    words: frozenset[str]  # content words describing the figure, subject and source removed
    sentence_words: frozenset[str]  # the same over the whole sentence
    outcome: frozenset[str]
    side: str  # "both", one side, or "" when unknown or mixed
    population: frozenset[str]  # groups the figure is restricted to ("15-24 ans"); empty: all
    modality: str  # "observed", "projected" or "denied"
    revision: str  # "", "provisional" or "revised"
    cumulative: bool
    event: bool
    period: tuple[str, ...]
    period_sort: str
    published: str
    sentence: str
    sentence_start: int | None
    title: str
    role: str = ""  # "part" or "total" when in a parts/total structure
    basis: str = ""  # basis of a rate ("sur un an", "sur un mois", "par rapport à 2019")
    #: The other articles of its story (see stories.py: a StoryMates, answered on demand).
    story: AbstractSet[str] = frozenset()
    story_words: tuple[tuple[str, float], ...] = ()  # weighted rare words of its sentence
    #: How far in time the count reaches: "total" (running), "remaining" (what still is),
    #: "window" (over a stretch of time), "" (unsaid); see ``[span]`` of crossref.toml.
    span: str = ""
    #: The figure of its sentence it is set against ("contre", "vs"; see comparisons.py).
    compared_to: str = ""

    @property
    def block(self) -> tuple[str, str] | None:
        if self.family:
            return (self.dimension, "f:" + self.family)
        key = self.source_key or _norm(self.actor)
        return (self.dimension, "s:" + key) if key else None


def _num(x: object) -> float | None:
    if x is None:
        return None
    try:
        f = float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def family_of(subject: str, category: str, lexicon: Lexicon) -> str | None:
    """Metric family: the lexicon's family of the subject (whole phrase, then each word), else
    the category and subject, else the subject; None without a subject."""
    lem = lemma(subject)
    if lem in lexicon.attribute_subjects:
        return None  # "17 ans" as an age: an attribute of someone, no metric
    if lem:
        if lem in lexicon.families:
            return lexicon.families[lem]
        for word in lem.split():
            if word in lexicon.families:
                return lexicon.families[word]
    if not lem:
        return None  # a category alone ("time", "economy") names no metric
    cat = _norm(category)
    return f"{cat}/{lem.split()[0]}" if cat else lem.split()[0]


def precision(x: float) -> float:
    """Half a unit of the last significant digit of ``x``, capped at MAX_ROUNDING_SHARE of it,
    twice that with one significant digit ("43 000" is 42 500 to 43 500; "2 millions" 1,8 to
    2,2 millions)."""
    if x == 0 or not math.isfinite(x):
        return 0.0
    ax = abs(x)
    if ax < SMALL_EXACT and ax == round(ax):
        return 0.5  # "50 blessés", "20 %": small whole figures are stated to the unit
    unit = 10.0 ** math.floor(math.log10(ax))
    for _ in range(12):  # find the smallest power of ten that still divides the figure
        if abs(ax / unit - round(ax / unit)) < 1e-6:
            break
        unit /= 10
    # A figure with one significant digit ("10 millions", "400 000") is a rounder one.
    one_digit = round(ax / unit) < 10
    return min(unit / 2, ax * MAX_ROUNDING_SHARE * (2 if one_digit else 1))


def significant_digits(x: float | None) -> str:
    """Digits of ``x`` without leading/trailing zeros: 988e6 and 988e9 both give "988"."""
    if x is None or not math.isfinite(x) or x == 0:
        return ""
    return f"{abs(x):.6f}".replace(".", "").strip("0")


#: Suffix of the dimension of a change ("a reculé de 0,3 %"), compared only with changes.
CHANGE = ":change"


def dimension_and_scale(kind: str, unit: str, lexicon: Lexicon) -> tuple[str, float] | None:
    """What can be compared with what, and the factor to a canonical unit."""
    unit_l = unit.lower()
    if kind == "count":
        return ("count", 1.0)
    if kind in ("percent", "fraction"):
        if unit_l in ("pp", "point", "points"):
            return ("points", 1.0)
        return ("share", 100.0 if kind == "fraction" else 1.0)
    if kind == "money":
        code, _, per = unit.partition("/")  # "EUR/month": a rate, its own dimension
        return (f"money:{code.upper() or '?'}" + (f"/{per}" if per else ""), 1.0)
    if kind == "duration":
        days = lexicon.duration_days.get(unit_l)
        return ("duration", days) if days else None
    if kind == "quantity":
        if unit_l in ("pp", "point", "points"):
            return ("points", 1.0)
        if not unit:
            return None
        base, factor = lexicon.unit_multiples.get(unit, (unit, 1.0))
        return (f"quantity:{base}", factor)  # "29,7 Mt" compared in tonnes
    return None


def interval(
    row: dict, scale: float, kind: str, lexicon: Lexicon
) -> tuple[float | None, float, float, tuple[float, float]] | None:
    """Canonical (value, lo, hi) widened by the rounding of the stated precision, and the
    stated bounds."""
    value, low, high = _num(row.get("value")), _num(row.get("low")), _num(row.get("high"))
    approx = _text(row.get("approx")) or "none"
    if value is None and low is None and high is None:
        return None
    if approx in ("none", "approx") or approx not in ("lower", "upper", "range"):
        lo = low if low is not None else value
        hi = high if high is not None else value
    elif approx == "lower":
        lo, hi = (low if low is not None else value), high
    elif approx == "upper":
        lo, hi = (low if low is not None else 0.0), (high if high is not None else value)
    else:
        lo, hi = low, high
    if lo is None and hi is None:
        return None
    lo_c = -math.inf if lo is None else lo * scale - precision(lo * scale)
    hi_c = math.inf if hi is None else hi * scale + precision(hi * scale)
    tol = 0.0
    if kind == "duration" and scale > 7.0:
        tol = lexicon.calendar_tolerance
    elif kind == "fraction" and approx == "none":
        tol = lexicon.fraction_tolerance
    lo_c, hi_c = lo_c * (1 - tol), hi_c * (1 + tol)
    if kind == "fraction" and hi is None:
        hi_c = 100.0
    canonical = None if value is None else value * scale
    stated = (-math.inf if lo is None else lo * scale, math.inf if hi is None else hi * scale)
    return canonical, lo_c, hi_c, stated


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


def same_story(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> bool:
    """Two figures are about one story: one article, two articles of one story, or two
    sentences that share enough rare words (:mod:`factcheck.crossref.stories`)."""
    if a.article_id == b.article_id or b.article_id in a.story or a.article_id in b.story:
        return True
    return sentences_related(dict(a.story_words), dict(b.story_words), lexicon.stories)


def blocks(views: Iterable[ClaimView]) -> dict[tuple[str, str], list[ClaimView]]:
    """Claims grouped by compatible keys: dimension and family (else dimension and source)."""
    grouped: dict[tuple[str, str], list[ClaimView]] = defaultdict(list)
    for v in views:
        key = v.block
        if key is not None and v.modality != "denied":
            grouped[key].append(v)
    return grouped
