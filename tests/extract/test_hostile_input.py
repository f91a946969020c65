"""Hostile or malformed text must neither crash the scanner nor make it read nonsense.
(Speed on such input is measured in bench/, not asserted here.)"""

from __future__ import annotations

import pytest

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
