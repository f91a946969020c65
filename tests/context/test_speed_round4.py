"""The fourth round of the context's speed-ups (perf40) gives what the plain computations
give: cases read from ``tests/context/data/speed_round4.toml``."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
import regex

from factcheck import patterns
from factcheck.context import described, editions
from factcheck.context._time_terms import own_period
from factcheck.context.article_place import national_countries
from factcheck.extract.lexicon import lexicon
from factcheck.models import Kind, Mention

DATA = tomllib.loads((Path(__file__).parent / "data" / "speed_round4.toml").read_text("utf-8"))


def _cases(table: str, *fields: str) -> list[Any]:
    return [pytest.param(*(c[f] for f in fields), id=c["id"]) for c in DATA[table]]


@pytest.mark.parametrize(("name", "text"), _cases("word_spans", "name", "text"))
def test_whole_word_spans_are_the_patterns_matches(name: str, text: str) -> None:
    plain = [m.span() for m in regex.finditer(rf"\b{regex.escape(name)}\b", text)]
    assert list(described._whole_word_spans(name, text)) == plain


@pytest.mark.parametrize(("name", "text"), _cases("word_spans", "name", "text"))
def test_located_and_named_again_read_the_same_spans(name: str, text: str) -> None:
    spans = [m.span() for m in regex.finditer(rf"\b{regex.escape(name)}\b", text)]
    assert described.located(name, text) == any(
        described._LOCATED.search(text[max(0, s - 12) : s]) for s, _ in spans)
    recurs = described._plain(text).count(described._plain(name)) >= 2
    assert described.named_again(name, text) == (
        recurs and not any(described._AGED.match(text, e) for _, e in spans))


@pytest.mark.parametrize(("phrase", "text", "name"), _cases("apposed", "phrase", "text", "name"))
def test_apposed_name(phrase: str, text: str, name: str) -> None:
    assert (described.apposed_name(phrase, text) or "") == name


def test_the_lexicon_is_built_once_whatever_the_call() -> None:
    assert lexicon() is lexicon("fr")


@pytest.mark.parametrize(("text", "countries"), _cases("national", "text", "countries"))
def test_national_countries_once_per_text(text: str, countries: list[str]) -> None:
    first = national_countries(text)
    assert first == set(countries)
    first.add("Nulle part")  # a caller's set is its own
    assert national_countries(text) == set(countries)


@pytest.mark.parametrize(("kind", "resolved", "period"),
                         _cases("own_period", "kind", "resolved", "period"))
def test_own_period(kind: str, resolved: str, period: list[str]) -> None:
    mention = Mention(start=0, end=len(resolved), surface=resolved, kind=Kind(kind),
                      value=None, resolved=resolved)
    assert own_period(mention) == tuple(period)


@pytest.mark.parametrize(("a", "b", "alike"), DATA["alike"][0]["pairs"])
def test_alike_kept_per_pair_gives_the_table_answers(a: str, b: str, alike: bool) -> None:
    patterns._alike.cache_clear()
    assert patterns._alike(a, b) is alike  # computed
    assert patterns._alike(b, a) is alike
    assert patterns._alike(a, b) is alike  # kept


def _guarded_cases() -> list[Any]:
    return [pytest.param(c["any_case"], c["as_written"], t, id=f"{c['id']} {n}")
            for c in DATA["guarded"] for n, t in enumerate(c["texts"])]


@pytest.mark.parametrize(("any_case", "as_written", "text"), _guarded_cases())
def test_guarded_alternation_matches_the_flat_one(any_case: list[str], as_written: list[str],
                                                  text: str) -> None:
    names = sorted([(n, True) for n in any_case] + [(n, False) for n in as_written],
                   key=lambda e: len(e[0]), reverse=True)
    branches = [(n[0], f"(?i:{regex.escape(n)})" if a else regex.escape(n)) for n, a in names]
    flat = "|".join(b for _, b in branches)
    guarded = patterns.guarded_alternation(branches)
    for around in (r"(?<![\w-])(?P<p>{})(?![\w-])", r"(?<![\w-])(?=\p{{Lu}})(?:{})(?![\w-])"):
        plain = [(m.span(), m.groupdict()) for m in regex.finditer(around.format(flat), text)]
        assert [(m.span(), m.groupdict())
                for m in regex.finditer(around.format(guarded), text)] == plain


@pytest.mark.parametrize("sentence", DATA["editions"][0]["sentences"])
def test_editions_skipped_without_digits_are_none(sentence: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    found = editions.editions.__wrapped__(sentence)
    monkeypatch.setattr(editions, "_YEAR_DIGITS", regex.compile(""))  # every sentence searched
    monkeypatch.setattr(editions, "_DIGIT", regex.compile(""))
    assert editions.editions.__wrapped__(sentence) == found
