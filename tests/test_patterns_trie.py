"""Alternations written as tries (``patterns._alt``, ``_spaced_alt``, ``_elided_alt``): the
same matches as the flat alternation, longest first, under every case flag; the flat form
kept when two branches could match the same character."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.patterns import _alt, _elided_alt, _elided_variants, _spaced, _spaced_alt

DATA = tomllib.loads((Path(__file__).parent / "data" / "tries.toml").read_text("utf-8"))
FLAGS = {"none": 0, "ignorecase": regex.I, "fullcase": regex.I | regex.V1}


def _flat(words: list[str], spaced: bool) -> str:
    items = [_spaced(w) for w in words] if spaced else [regex.escape(w) for w in words]
    return "|".join(sorted(set(items), key=lambda w: (-len(w), w)))


def _found(alternation: str, text: str, flags: int) -> list[tuple[int, int, str]]:
    rx = regex.compile(rf"(?<![\p{{L}}])({alternation})(?![\p{{L}}])", flags)
    return [(m.start(), m.end(), m.group(1)) for m in rx.finditer(text)]


@pytest.mark.parametrize("flags", sorted(FLAGS))
@pytest.mark.parametrize("case", DATA["case"], ids=lambda c: c["name"])
def test_same_matches_as_the_flat_alternation(case: dict, flags: str) -> None:
    spaced = case.get("spaced", False)
    trie = _spaced_alt(case["words"]) if spaced else _alt(case["words"])
    assert "(?:" in trie  # written as a trie
    for text in case["texts"]:
        flat = _flat(case["words"], spaced)
        assert _found(trie, text, FLAGS[flags]) == _found(flat, text, FLAGS[flags])
        # the bare alternation too, where it may stop inside a word
        for pos in range(len(text)):
            got = regex.compile(trie, FLAGS[flags]).match(text, pos)
            want = regex.compile(flat, FLAGS[flags]).match(text, pos)
            assert (got and got.span()) == (want and want.span()), (text, pos)


@pytest.mark.parametrize("case", DATA["flat"], ids=lambda c: "/".join(c["words"]))
def test_alike_branches_keep_the_flat_alternation(case: dict) -> None:
    assert _alt(case["words"]) == _flat(case["words"], spaced=False)


WORDS = ["de", "des", "deux", "dix", "mille", "million", "millions", "moitié", "mi"]
PIECES = [*WORDS, *(w.upper() for w in WORDS), " ", "  ", "-", "x", "s", "é", "\n"]


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(st.sampled_from(PIECES), max_size=20), flags=st.sampled_from(sorted(FLAGS)))
def test_random_texts(parts: list[str], flags: str) -> None:
    text = "".join(parts)
    for trie, flat in ((_alt(WORDS), _flat(WORDS, False)),
                       (_spaced_alt(["de la", "de", "des", "mi temps"]),
                        _flat(["de la", "de", "des", "mi temps"], True))):
        assert _found(trie, text, FLAGS[flags]) == _found(flat, text, FLAGS[flags])


BEFORE = ["près de", "plus de", "un peu plus de", "plus d'", "au moins", "~", "> "]
ENDS = ["près de ", "près d'", "un peu plus de  ", "PLUS D'", "au moins\n", "~", "> ",
        "plus de", "presque ", "de ", "x ", "\n"]


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(st.sampled_from(ENDS), max_size=6))
def test_elided_alternation_before_the_end(parts: list[str]) -> None:
    """Followed by "$", the trie finds the same start and class as the flat variants."""
    text = "".join(parts) + "12"
    end = len(text) - 2

    def compiled(alt: str) -> regex.Pattern:
        return regex.compile(rf"(?<![\p{{L}}])(?:(?P<a>{alt}))$", regex.I)

    got = compiled(_elided_alt(BEFORE)).search(text, max(0, end - 48), end)
    want = compiled("|".join(_elided_variants(BEFORE))).search(text, max(0, end - 48), end)
    assert (got and (got.start(), " ".join(got.group().split()))) == (
        want and (want.start(), " ".join(want.group().split()))
    )
