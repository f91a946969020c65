"""Hypothesis strategies for the fuzz tests (``tests/*/test_fuzz_*.py``) and ``bench/fuzz.py``:
random unicode mixed with pieces of French news (``tests/extract/data/fuzz/fragments.toml``),
so that generated inputs reach the scanner's and the context reader's real paths.

Also the invariants every stage's output must keep on any input, shared by the tests and the
fuzz bench (each raises ``AssertionError`` naming what broke).
"""

from __future__ import annotations

import itertools
import math
import re
import tomllib
from datetime import date
from functools import cache
from pathlib import Path

import pandas as pd
from hypothesis import strategies as st

from factcheck.models import Approx, Claim, Kind, Mention, stable_id

FRAGMENTS_PATH = Path(__file__).resolve().parent / "extract" / "data" / "fuzz" / "fragments.toml"

#: Where published dates are drawn from for the context reader and the checker (a span around
#: the fragments' years); the scanner gets any date.
NEWS_DATES = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))


@cache
def fragments() -> dict[str, tuple[str, ...]]:
    with FRAGMENTS_PATH.open("rb") as f:
        groups = tomllib.load(f)["fragments"]
    return {name: tuple(items) for name, items in groups.items()}


def _group(name: str) -> st.SearchStrategy[str]:
    return st.sampled_from(fragments()[name])


#: Any code point, lone surrogates and control characters included.
ANY_CHAR = st.characters(exclude_categories=())
RANDOM_PIECE = st.text(ANY_CHAR, max_size=6)


def fragment() -> st.SearchStrategy[str]:
    """One news fragment of any group."""
    return st.one_of([_group(name) for name in sorted(fragments())])


def mixed_text(max_pieces: int = 24) -> st.SearchStrategy[str]:
    """News fragments and random unicode, glued with or without spaces."""
    piece = st.one_of(fragment(), fragment(), fragment(), RANDOM_PIECE)
    glued = st.tuples(piece, st.sampled_from(("", " ", " ", "\u202f", "\u00a0")))
    return st.lists(glued, max_size=max_pieces).map(lambda ps: "".join(p + g for p, g in ps))


def news_sentence() -> st.SearchStrategy[str]:
    """A sentence shaped like a news sentence: who or what, how much, of what, where, when;
    with now and then a random piece in it."""
    parts = st.tuples(
        _group("context"),
        _group("approximators"),
        st.one_of(_group("numbers"), _group("words")),
        _group("scales"),
        st.one_of(_group("context"), _group("dates"), RANDOM_PIECE),
        st.sampled_from((".", ".", "!", " ;", ",")),
    )
    return parts.map(lambda p: " ".join(p[:-1]) + p[-1])


def news_text(max_sentences: int = 5) -> st.SearchStrategy[str]:
    """A short article: news sentences, sometimes with mixed text among them."""
    sentence = st.one_of(news_sentence(), news_sentence(), news_sentence(), mixed_text(8))
    return st.lists(sentence, min_size=1, max_size=max_sentences).map(" ".join)


# -- invariants -------------------------------------------------------------------------------
def _finite(x: float | None, what: str) -> None:
    assert x is None or (isinstance(x, float | int) and math.isfinite(x)), f"{what}={x!r}"


def check_mention(text: str, m: Mention) -> None:
    """A mention's span lies in ``text`` and is its surface; its numbers are finite and its
    interval ordered."""
    assert 0 <= m.start < m.end <= len(text), f"span {m.start}:{m.end} of {len(text)}"
    assert text[m.start : m.end] == m.surface, f"{m.surface!r} != {text[m.start:m.end]!r}"
    assert m.kind in set(Kind) and m.approx in set(Approx)
    if m.number_start is not None or m.number_end is not None:
        assert m.number_start is not None and m.number_end is not None
        assert m.start <= m.number_start < m.number_end <= m.end, (
            f"number {m.number_start}:{m.number_end} outside {m.start}:{m.end}")
    for name in ("value", "low", "high"):
        _finite(getattr(m, name), name)
    if m.low is not None and m.high is not None:
        assert m.low <= m.high, f"low {m.low} > high {m.high}"
    if m.value is not None:
        assert m.low is None or m.low <= m.value, f"low {m.low} > value {m.value}"
        assert m.high is None or m.value <= m.high, f"value {m.value} > high {m.high}"


def check_mentions(text: str, mentions: list[Mention]) -> None:
    """Every mention valid, sorted by position, none overlapping the next."""
    for m in mentions:
        check_mention(text, m)
    for a, b in itertools.pairwise(mentions):
        assert a.end <= b.start, f"{a.surface!r} {a.start}:{a.end} overlaps {b.start}:{b.end}"


MODALITIES = frozenset(
    {"asserted", "reported", "estimated", "conditional", "projected", "denied"}
)
MODES = frozenset({None, "explicit", "inherited", "unsourced"})


def check_claim(text: str, claim: Claim) -> None:
    """A claim's sentence is a slice of ``text`` at ``sentence_start``, and its context is well
    formed: known modality and modes, an ordered period."""
    check_mention(text, claim.mention)
    s = claim.sentence_start
    assert text[s : s + len(claim.sentence)] == claim.sentence, "sentence is not a slice"
    c = claim.context
    assert c.modality in MODALITIES, c.modality
    assert c.source_mode in MODES and c.place_mode in MODES
    assert (c.source_mode in (None, "unsourced")) == (c.source is None), (c.source, c.source_mode)
    assert (c.place_mode is None) == (c.place is None), (c.place, c.place_mode)
    full = [_period_bound(b) for b in (c.time_start, c.time_end)]
    if all(full):
        assert full[0] <= full[1], f"period {c.time_start} > {c.time_end}"


_YEARLESS = re.compile(r"--(\d\d)-(\d\d)")


def _period_bound(bound: str | None) -> date | None:
    """The day of a period's bound, None when open or without a year (``--MM-DD``, ISO 8601
    for a day of no known year, whose month and day must still exist)."""
    if bound is None:
        return None
    yearless = _YEARLESS.fullmatch(bound)
    if yearless:
        date(2000, int(yearless[1]), int(yearless[2]))  # 2000: a leap year
        return None
    return date.fromisoformat(bound)


RELATIONS = frozenset({"same", "compatible", "evolution", "contradiction", "different_scope"})
SEVERITIES = frozenset({"high", "medium", "low"})


def check_crossref(claims: pd.DataFrame, links: pd.DataFrame, flags: pd.DataFrame) -> None:
    """Links and flags name claims and articles of the table, with known relations and
    severities, ids derived from their content and confidences between 0 and 1."""
    claim_ids = set(claims["claim_id"])
    article_ids = set(claims["article_id"])
    for link in links.itertuples():
        assert {link.claim_a, link.claim_b} <= claim_ids, "link to an unknown claim"
        assert link.claim_a != link.claim_b, "a claim linked to itself"
        assert link.relation in RELATIONS, link.relation
        assert link.link_id == stable_id(*sorted((link.claim_a, link.claim_b)), link.relation)
        assert isinstance(link.explanation, str) and link.explanation
    assert links["link_id"].is_unique, "one link twice"
    for flag in flags.itertuples():
        assert set(flag.claim_ids) <= claim_ids, "flag on an unknown claim"
        assert set(flag.article_ids) <= article_ids, "flag on an unknown article"
        assert flag.severity in SEVERITIES, flag.severity
        assert 0.0 <= flag.confidence <= 1.0, flag.confidence
        assert isinstance(flag.explanation, str) and flag.explanation
    assert flags["flag_id"].is_unique, "one flag twice"
