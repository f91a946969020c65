"""Property-based tests of the scanner: on any unicode text, mixed with pieces of French news
(tests/extract/data/fuzz/fragments.toml), ``extract_mentions`` never raises and gives sorted,
non-overlapping mentions whose span is their surface, with finite values and ordered
intervals, the same every time. The long run (100,000 inputs) is ``bench/fuzz.py``."""

from __future__ import annotations

import pytest
from fuzz_text import ANY_CHAR, check_mentions, fragments, mixed_text, news_sentence, news_text
from hypothesis import find, given, settings
from hypothesis import strategies as st

from factcheck.extract.scanner import extract_mentions
from factcheck.models import Approx, Kind

TEXTS = st.one_of(mixed_text(), news_text())


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, published=st.none() | st.dates())
def test_news_fragments_and_unicode_read_into_valid_mentions(text: str, published) -> None:
    mentions = extract_mentions(text, published)
    check_mentions(text, mentions)
    assert extract_mentions(text, published) == mentions


@settings(max_examples=200, deadline=None)
@given(text=st.text(ANY_CHAR, max_size=300))
def test_any_unicode_reads_into_valid_mentions(text: str) -> None:
    check_mentions(text, extract_mentions(text))


@settings(max_examples=100, deadline=None)
@given(text=TEXTS, cut=st.integers(0, 400))
def test_a_figure_read_in_a_prefix_lies_in_the_prefix(text: str, cut: int) -> None:
    prefix = text[:cut]
    check_mentions(prefix, extract_mentions(prefix))


REACHED = {
    "money": lambda m: m.kind == Kind.MONEY,
    "percent": lambda m: m.kind == Kind.PERCENT,
    "date": lambda m: m.kind == Kind.DATE and m.resolved is not None,
    "approximate": lambda m: m.approx == Approx.APPROX,
    "lower bound": lambda m: m.approx == Approx.LOWER,
    "range": lambda m: m.approx == Approx.RANGE,
    "number words": lambda m: m.rule.startswith("word"),
    "thousands with narrow spaces": lambda m: "\u202f" in m.surface and m.value is not None
    and m.value >= 1000,
}


@pytest.mark.parametrize("reached", REACHED.values(), ids=REACHED.keys())
def test_the_generator_reaches_the_scanner_s_paths(reached) -> None:
    """The fuzz inputs are worth something only if they make the scanner read real figures."""

    def reaches(text: str) -> bool:
        return any(reached(m) for m in extract_mentions(text))

    found = find(news_sentence(), reaches, settings=settings(max_examples=2000, deadline=None,
                                                             database=None))
    assert any(reached(m) for m in extract_mentions(found))


def test_every_fragment_group_is_filled() -> None:
    groups = fragments()
    assert {"numbers", "words", "approximators", "scales", "dates", "context", "punctuation"} \
        <= set(groups)
    for name, items in groups.items():
        assert items and all(isinstance(x, str) and x for x in items), name

