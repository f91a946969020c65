"""Hostile or malformed text must neither crash the scanner nor make it read nonsense.
(Speed on such input is measured in bench/, not asserted here.)"""

from __future__ import annotations

import pytest
from fuzz_text import check_mentions

from factcheck.extract.scanner import extract_mentions

HOSTILE = {
    "thousands of digit groups": " ".join(["123"] * 5000),
    "a run of digits": "9" * 20000,
    "a run of number words": " ".join(["vingt"] * 5000),
    "a run of articles": " ".join(["un"] * 5000),
    "hyphenated number words": "-".join(["quarante"] * 3000),
    "chained ranges": "-".join(["12"] * 3000),
    "huge powers": "9^999999 1e99999 " * 200,
    "approximators without figure": "près de " * 3000,
    "ordinal suffixes": "vingtième " * 3000,
    "control characters": "\x00\x01\x02 46 drones \x7f",
    "lone surrogates replaced": "46 drones \ufffd\ufffd",
    "lone surrogates kept": "46 drones \ud800 et \udfff 12 %",
    "narrow no-break spaces everywhere": "\u202f".join(["1", "000", "%", "près", "de"] * 500),
}

# Inputs found by bench/fuzz.py that broke an invariant (shortened by hand), with what the
# scanner must give now: surface, low, value, high.
FUZZ_FOUND = {
    # An approximate negative figure had its band upside down (low -3.6 M > high -4.4 M).
    "approximate negative figure": (
        "dont près de -4 millions d'euros dont.",
        "près de -4 millions d'euros", -4_400_000.0, -4_000_000.0, -3_600_000.0,
    ),
    # "plus de" a mixed number was capped at 1 as if it were a share of a whole.
    "lower bound of a mixed number": (
        "au moins 1 1/2 tonne", "au moins 1 1/2", 1.5, 1.5, None,
    ),
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_text_is_read_without_error(text: str) -> None:
    mentions = extract_mentions(text)
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.surface
        if m.value is not None:
            assert m.value == m.value  # not NaN
            assert abs(m.value) < 1e300


def test_overflowing_number_is_not_a_figure() -> None:
    assert extract_mentions(" ".join(["999"] * 200) + " drones") == []


def test_long_word_run_keeps_a_bounded_number() -> None:
    mentions = extract_mentions(" ".join(["vingt"] * 1000) + " drones")
    assert len(mentions) <= 1


@pytest.mark.parametrize("case", FUZZ_FOUND.values(), ids=FUZZ_FOUND.keys())
def test_fuzz_found_inputs(case: tuple) -> None:
    text, surface, low, value, high = case
    mentions = extract_mentions(text)
    check_mentions(text, mentions)
    (m,) = [m for m in mentions if m.surface == surface]
    assert m.low == pytest.approx(low) and m.value == pytest.approx(value)
    assert m.high == (None if high is None else pytest.approx(high))


def test_a_share_stated_as_a_lower_bound_stays_capped_at_the_whole() -> None:
    (m,) = extract_mentions("plus des trois quarts")
    assert (m.low, m.value, m.high) == (0.75, 0.75, 1.0)
