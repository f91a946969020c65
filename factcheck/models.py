"""Typed, frozen records shared by every part of factcheck, and the table schemas.

The interval convention (``low``/``high``) is documented in ``docs/extraction.md``:

* ``approx == "none"``: ``low == high == value``;
* ``"approx"`` ("près de", "environ"): ``value`` is the figure stated, ``low``/``high`` a
  tolerance band around it (see ``APPROX_TOLERANCE``);
* ``"lower"`` ("plus de"): ``low = value``, ``high`` is ``None`` (open) unless the kind caps it
  (a fraction cannot exceed 1, a share of a whole cannot exceed 100 %);
* ``"upper"`` ("moins de", "jusqu'à"): ``high = value``, ``low`` is 0 for non-negative kinds;
* ``"range"`` ("entre 10 et 15 %", "des dizaines de milliers"): ``low``/``high`` are the ends;
  ``value`` is ``None``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Kind(StrEnum):
    COUNT = "count"
    MONEY = "money"
    PERCENT = "percent"
    FRACTION = "fraction"
    DURATION = "duration"
    QUANTITY = "quantity"
    DATE = "date"
    YEAR = "year"
    TIME = "time"
    ORDINAL = "ordinal"
    IDENTIFIER = "identifier"


class Approx(StrEnum):
    NONE = "none"
    APPROX = "approx"
    LOWER = "lower"
    UPPER = "upper"
    RANGE = "range"


#: Relative half-width of the interval given to an "approx" figure ("près de", "environ").
APPROX_TOLERANCE = 0.1

#: Kinds that carry a magnitude that can be compared with another figure.
MEASURE_KINDS = frozenset(
    {Kind.COUNT, Kind.MONEY, Kind.PERCENT, Kind.FRACTION, Kind.DURATION, Kind.QUANTITY}
)


def stable_id(*parts: object, length: int = 12) -> str:
    """A short hex id derived from content only, so it survives re-runs and row order."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return digest[:length]


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read from the corpus. ``text`` is the normalised text shown to users."""

    article_id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    language: str = "fr"
    origin: str | None = None  # file (and row) the article was read from


@dataclass(frozen=True, slots=True)
class Mention:
    """A figure found in a text: span, kind, value and interval. Offsets index the text as
    shown to users; ``end`` is exclusive."""

    start: int
    end: int
    surface: str
    kind: Kind
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    approx: Approx = Approx.NONE
    resolved: str | None = None  # ISO 8601 for dates, years and times
    # Span of the bare number inside the mention ("988" in "988 millions de dollars").
    number_start: int | None = None
    number_end: int | None = None
    rule: str = ""  # which scanner rule produced it, for debugging and evaluation reports
    # Part the figure plays in a change: "change_from" (the earlier value in "est passé de 5 %
    # à 7 %"), "change_by" (the size of a change: "a bondi de 40 %"), or "" for a level.
    role: str = ""


@dataclass(frozen=True, slots=True)
class Context:
    """What a figure is about (filled by ``factcheck.context``)."""

    subject: str | None = None
    qualifiers: tuple[str, ...] = ()
    category: str | None = None
    actor: str | None = None
    place: str | None = None
    time_start: str | None = None
    time_end: str | None = None
    source: str | None = None
    #: "explicit" (named in the figure's sentence), "inherited" (named earlier in the
    #: article: the lead's "selon le ministère" covers the report that follows),
    #: "unsourced" (no source: the words where a speaker stands name no one, "la hausse des
    #: infections explique 450 passages"), or None.
    source_mode: str | None = None
    modality: str = "asserted"
    modality_rule: str | None = None
    #: The basis of a rate ("sur un an", "sur un mois", "par rapport à 2019").
    basis: str | None = None
    #: "explicit" (read near the figure) or "inherited" (the last place named earlier in the
    #: article: the report's place; or the article's place), None without a place.
    place_mode: str | None = None
    #: Where the place comes from: "sentence" (the figure's sentence), "report" (an earlier
    #: sentence of the report: the whole a part belongs to, the place named before), "article"
    #: (the article's place: dateline, headline, lead, its figures, its national bodies;
    #: see ``factcheck.context.article_place``), None without a place.
    place_basis: str | None = None
    #: Who did the act an amount is named by ("La Région a versé 2 millions" -> "région";
    #: ``factcheck.context._act_amounts.act_doer``), "?" when the text names no one this
    #: reader tells, None for a figure not read as an act.
    doer: str | None = None
    #: Where the period comes from: "report" (a stock's day named earlier for the report,
    #: "Au 1er septembre, ...", carried to a figure whose sentence says no time), "event" (a
    #: running count from the day the article's event began to publication): weaker readings
    #: that cross-referencing neither ties nor separates figures by; else None (the figure's
    #: sentence, or the publication date).
    time_basis: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """A mention in its article, with its sentence and context: one row of the claims table."""

    article_id: str
    claim_id: str
    mention: Mention
    sentence: str
    sentence_start: int
    context: Context = field(default_factory=Context)
    #: Where the figure is: "body" (the text; offsets index ``Article.text``) or "title"
    #: (the headline given apart, ``Article.title``; offsets index the title).
    part: str = "body"


def claim_id_for(article_id: str, mention: Mention, part: str = "body") -> str:
    # A body figure's id is the one it always had; a headline figure's names its part.
    if part == "body":
        return stable_id(article_id, mention.start, mention.end, mention.surface)
    return stable_id(article_id, part, mention.start, mention.end, mention.surface)


@dataclass(frozen=True, slots=True)
class Link:
    link_id: str
    claim_a: str
    claim_b: str
    relation: str  # same, compatible, evolution, contradiction, different_scope
    explanation: str


@dataclass(frozen=True, slots=True)
class Flag:
    flag_id: str
    type: str
    severity: str  # high, medium, low
    claim_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    explanation: str  # in French, for editors
    evidence: tuple[str, ...]  # the sentences that support the flag
    #: How strongly the evidence ties the figures to one fact (0 to 1): the flags view sorts
    #: by it and can hide the low ones.
    confidence: float = 0.5


#: Column order of the claims table; the first thirteen are fixed by the extraction issue.
CLAIM_COLUMNS: tuple[str, ...] = (
    "article_id",
    "claim_id",
    "start",
    "end",
    "surface",
    "kind",
    "value",
    "low",
    "high",
    "unit",
    "approx",
    "resolved",
    "sentence",
    "subject",
    "qualifiers",
    "category",
    "actor",
    "place",
    "place_mode",
    "place_basis",
    "doer",
    "time_start",
    "time_end",
    "time_basis",
    "source",
    "source_mode",
    "modality",
    "modality_rule",
    "role",
    "basis",
    "published",
    "article_source",
    "title",
    "copy_of",
)

LINK_COLUMNS: tuple[str, ...] = ("link_id", "claim_a", "claim_b", "relation", "explanation")

FLAG_COLUMNS: tuple[str, ...] = (
    "flag_id",
    "type",
    "severity",
    "claim_ids",
    "article_ids",
    "explanation",
    "evidence",
    "confidence",
)
