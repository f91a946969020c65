"""Claim views for cross-referencing: canonical values, intervals, scope, period, blocking.

A :class:`ClaimView` is one comparable figure of the claims table, reduced to what the
pairwise judgement needs: a dimension (counts, shares, money per currency, durations in days),
an interval that includes the approximation and the rounding of the stated precision, the
metric family (read by :mod:`factcheck.crossref.metric_families`), the period, and scope
features read from the context columns and from cue words around the figure in its sentence
(``factcheck/lang/fr/crossref.toml``).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

from factcheck.crossref.cells import cell_text
from factcheck.crossref.cue_words import Lexicon
from factcheck.crossref.scope import _norm
from factcheck.crossref.stories import dated_apart, sentences_related
from factcheck.crossref.story_places import ArticleWhere, places_apart

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
    #: Where its article's event happens (story_places.py): two articles placed apart are
    #: two stories, whatever words they share. None: unknown, never apart.
    where: ArticleWhere | None = None
    #: How far in time the count reaches: "total" (running), "remaining" (what still is),
    #: "window" (over a stretch of time), "change" (an increment since an earlier moment), ""
    #: (unsaid); see ``[span]`` of crossref.toml.
    span: str = ""
    #: The figure of its sentence it is set against ("contre", "vs"; see comparisons.py).
    compared_to: str = ""
    #: What qualifies the thing counted, as (set, value) pairs of ``[scope.qualifiers]``.
    qualifiers: frozenset[tuple[str, str]] = frozenset()
    #: How the counted noun is narrowed, read by the context's parse (scope.narrowing);
    #: None when the figure leaves its noun unsaid (unknown, not absent).
    narrowing: frozenset[str] | None = frozenset()
    #: A term of a score or a tally ("3 buts à 1"), no count of its own (tallies.py).
    score: bool = False
    #: The place the article gives (dateline, headline; ``place_basis`` "article"): it
    #: neither ties nor blocks, but two articles placed apart share no copied sentence.
    article_place: str = ""
    #: The closed period the text itself gives the figure, as (start, end, how): both ends
    #: of a period written in its sentence (how "written": "en 2023", "au 1er janvier 2024")
    #: or the year of the report its article's lead names (how "report"); empty for an open
    #: period, an event's, and a figure not stated as observed (an estimate, a forecast).
    #: It stands for a missing publication date (crossref/text_periods.py).
    text_period: tuple[str, ...] = ()
    #: Stages of a statistic's release its article names ("provisional", "revised", joined
    #: by "+"; ``[modality]`` provisional / revised cues of crossref.toml anywhere in it).
    release: str = ""
    #: The word the sentence joins to the figure's subject noun as its complement ("le budget
    #: des lycées" -> "lycée"; scope.subject_complement), or empty when it gives none.
    complement: str = ""
    #: Who an offence is counted by, when not by its cases: "victimes" for "les victimes de
    #: coups et blessures (+5 %)", which has the offence's family ("coups et blessures
    #: volontaires : +7 %" gives one figure) but never an identity with a count of it
    #: (crossref/victims.py, identity.py); empty otherwise.
    counted_by: str = ""
    #: Projected only because its period ends after its article's publication (the
    #: context's ``modality_rule`` "future_period": "pour mardi 7 février" in Sunday's
    #: paper), no word of its sentence projecting it: against an article without a
    #: publication date, whose figures were never read against a day, it is unknown whether
    #: the two differ in modality.
    projected_by_date: bool = False
    #: Who did the act an amount is named by ("versement" of "La Région a versé"), "?" when
    #: unknown, empty for a figure not read as an act (context/_act_amounts.py).
    doer: str = ""
    #: The kinds of what caused the outcome counted ("conflict" of "déplacées par les
    #: frappes"; crossref/causes.py), empty when none is read.
    cause: frozenset[str] = frozenset()
    #: A term of comparison's place before its base figure (crossref/compared_terms.py):
    #: (grain, distance, base start, base end, base value, base place, base family), or
    #: empty for a figure that is none or whose distance is not known.
    term: tuple[str, ...] = ()
    #: The names of its sentence and of its source, and those of its source alone: runs of
    #: capitalised words, case-folded (crossref/bodies.py: "Orange" / "Orange France").
    names: tuple[tuple[str, ...], ...] = ()
    source_names: tuple[tuple[str, ...], ...] = ()
    #: The places of ``places`` written with its parts ("dont 80 000 à Paris"): they may
    #: tie two wholes listing the same parts, never tell a whole apart (crossref/relations.py).
    part_places: frozenset[str] = frozenset()

    @property
    def own_places(self) -> frozenset[str]:
        """The places that tell this figure's scope: its own place, else the places its
        sentence locates things at but those of a total's parts ("1,12 million, dont 80 000 à
        Paris": the whole's place is unknown, not its part's)."""
        return frozenset({self.place}) if self.place else self.places - self.part_places

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


@lru_cache(maxsize=1 << 18, typed=True)  # a pure function of x, asked again for each pair
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


def midpoint(v: ClaimView) -> float | None:
    """The size of a figure: its value, else the middle of its bounds (None when open)."""
    if v.value is not None:
        return abs(v.value)
    if abs(v.lo) < float("inf") and abs(v.hi) < float("inf"):
        return abs(v.lo + v.hi) / 2
    return None


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
    approx = cell_text(row.get("approx")) or "none"
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


def same_story(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> bool:
    """Two figures are about one story: one article, two articles of one story, or two
    sentences that share enough rare words (:mod:`factcheck.crossref.stories`) in articles
    published within ``sentence_max_days`` of each other (a date unknown on either side
    neither ties nor separates): beyond, words shared by two sentences name a recurring
    subject (a yearly march, a company's results), not one story."""
    if a.article_id == b.article_id:
        return True
    if places_apart(a.where, b.where):
        return False  # two events of one kind, in two places (story_places.py)
    if b.article_id in a.story or a.article_id in b.story:
        return True
    settings = lexicon.stories
    if dated_apart(a.published, b.published, settings.sentence_max_days):
        return False
    return sentences_related(dict(a.story_words), dict(b.story_words), settings)


def blocks(views: Iterable[ClaimView]) -> dict[tuple[str, str], list[ClaimView]]:
    """Claims grouped by compatible keys: dimension and family (else dimension and source)."""
    grouped: dict[tuple[str, str], list[ClaimView]] = defaultdict(list)
    for v in views:
        key = v.block
        if key is not None and v.modality != "denied":
            grouped[key].append(v)
    return grouped
