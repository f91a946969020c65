"""Currency ellipsis (factcheck.extract._ellipsis): the cases live in
``tests/extract/data/currencies.toml`` with the other currency phrasings; this module checks
what the table cannot: the rule name, that only kind and unit change, and the language data."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from factcheck.extract._ellipsis import RULE, elided_currencies, ellipsis_lexicon
from factcheck.extract.lexicon import lexicon
from factcheck.extract.scanner import extract_mentions
from factcheck.models import Kind, Mention
from factcheck.text import normalize

CASES = Path(__file__).parent / "data" / "currencies.toml"


def _ellipsis_cases() -> list[pytest.param]:
    cases = tomllib.loads(CASES.read_text(encoding="utf-8"))["case"]
    return [
        pytest.param(c, id=c["surface"])
        for c in cases
        if c.get("rule") == RULE or (c["kind"] == "count" and "euros" in c["text"])
    ]


@pytest.mark.parametrize("case", _ellipsis_cases())
def test_rule_names_the_inference(case: dict) -> None:
    text = normalize(case["text"])
    (m,) = [m for m in extract_mentions(text) if m.surface == case["surface"]]
    if case["kind"] == "money":
        assert m.rule == RULE
        assert m.kind == Kind.MONEY and m.unit == case["unit"]
    else:
        assert m.rule != RULE and m.kind == Kind.COUNT and m.unit is None


def test_only_kind_unit_and_rule_change() -> None:
    text = normalize(
        "L'État a versé 600 millions d'euros à la SNCF, 150 millions à la RATP "
        "et près de 80 millions à Île-de-France Mobilités en 2024."
    )
    after = extract_mentions(text)
    inferred = [m for m in after if m.rule == RULE]
    assert [m.surface for m in inferred] == ["150 millions", "près de 80 millions"]
    for m in inferred:
        assert (m.kind, m.unit) == (Kind.MONEY, "EUR")
        assert m.low is not None and m.high is not None and m.low <= (m.value or 0) <= m.high
    before = [
        replace(m, kind=Kind.COUNT, unit=None, rule="x") if m.rule == RULE else m for m in after
    ]
    again = elided_currencies(text, before, lexicon("fr"))
    assert [(m.start, m.end, m.value, m.low, m.high, m.approx) for m in again] == [
        (m.start, m.end, m.value, m.low, m.high, m.approx) for m in after
    ]
    assert [m.kind for m in again] == [m.kind for m in after]


def test_no_money_no_change() -> None:
    text = "La ville compte 2 millions d'habitants et 300 000 emplois, et 1,5 million de plus."
    mentions = extract_mentions(text)
    assert all(m.kind == Kind.COUNT for m in mentions)
    assert elided_currencies(text, mentions, lexicon("fr")) == mentions


def _at(text: str, surface: str, kind: Kind, value: float, unit: str | None) -> Mention:
    start = text.index(surface)
    end = start + len(surface)
    return Mention(start, end, surface, kind, value, value, value, unit, number_start=start)


def test_the_figure_before_must_be_the_sum() -> None:
    text = "Le budget de 3 milliards d'euros, soit 12 %, et 2 millions."
    money = _at(text, "3 milliards d'euros", Kind.MONEY, 3e9, "EUR")
    pct = _at(text, "12 %", Kind.PERCENT, 12.0, "%")
    count = _at(text, "2 millions", Kind.COUNT, 2e6, None)
    assert elided_currencies(text, [money, pct, count], lexicon("fr"))[2] == count
    # Without the percentage in between, the same figure takes the currency.
    (inferred,) = elided_currencies(text, [money, count], lexicon("fr"))[1:]
    assert (inferred.kind, inferred.unit, inferred.rule) == (Kind.MONEY, "EUR", RULE)


def test_language_data_is_complete() -> None:
    data = ellipsis_lexicon("fr")
    assert {"millions", "milliards"} <= data.scale_words
    assert {"M", "Md"} <= data.scale_abbreviations
    assert "mille" not in data.scale_words  # "150 000" is no elided sum
    assert data.cue_before.search(" à la SNCF et ")
    assert data.cue_before.search(", soit une hausse de ")
    assert not data.cue_before.search(" pour une population de ")
