"""Sums named by the word that governs them (factcheck.extract._governed): the cases live in
``tests/extract/data/governed.toml``; this module checks what the table cannot: the rule
name, that only kind, unit and rule change, and the reach of the article's currency."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from factcheck.extract._governed import RULE, UNNAMED_RULE, governed_currencies
from factcheck.extract.scanner import extract_mentions
from factcheck.models import Kind
from factcheck.text import normalize

CASES = Path(__file__).parent / "data" / "governed.toml"


def _cases(rule: str) -> list[pytest.param]:
    """The cases of ``governed.toml`` whose figure the rule ``rule`` reads."""
    cases = tomllib.loads(CASES.read_text(encoding="utf-8"))["case"]
    return [pytest.param(c, id=c["surface"]) for c in cases if c.get("rule") == rule]


@pytest.mark.parametrize("case", _cases(RULE))
def test_rule_names_the_inference(case: dict) -> None:
    text = normalize(case["text"])
    (m,) = [m for m in extract_mentions(text) if m.surface == case["surface"]]
    assert (m.rule, m.kind, m.unit) == (RULE, Kind.MONEY, case["unit"])


@pytest.mark.parametrize("case", _cases(UNNAMED_RULE))
def test_sum_of_no_named_currency(case: dict) -> None:
    """A governed sum in a text that names no currency: money, of no currency."""
    text = normalize(case["text"])
    (m,) = [m for m in extract_mentions(text) if m.surface == case["surface"]]
    assert (m.rule, m.kind, m.unit) == (UNNAMED_RULE, Kind.MONEY, None)


def test_only_kind_unit_and_rule_change() -> None:
    text = normalize("Le club a vendu son attaquant 90 millions d'euros. Il a payé 60 millions.")
    after = extract_mentions(text)
    (m,) = [m for m in after if m.rule == RULE]
    before = [replace(n, kind=Kind.COUNT, unit=None, rule="digits") if n is m else n
              for n in after]
    again = governed_currencies(text, before, "fr")
    assert [(n.start, n.end, n.value, n.kind, n.unit) for n in again] == [
        (n.start, n.end, n.value, n.kind, n.unit) for n in after
    ]


@pytest.mark.parametrize(
    "text",
    [
        # no sum of money in the text: no currency to give
        "Un plan de 2 milliards a été annoncé pour les hôpitaux.",
        # the sum ahead belongs to another noun's clause
        "La ville a payé 3 millions, selon l'élu qui réclame 2 millions d'euros à l'État.",
        # the sum is in the next sentence
        "Un plan de 2 milliards a été annoncé. Il coûtera 3 milliards d'euros.",
    ],
)
def test_no_currency_to_take(text: str) -> None:
    """The governed sum takes no currency, and stays a sum (of none)."""
    text = normalize(text)
    assert not [m for m in extract_mentions(text) if m.rule == RULE]
    (m,) = [m for m in extract_mentions(text) if m.rule == UNNAMED_RULE]
    assert (m.kind, m.unit) == (Kind.MONEY, None)


def test_conversion_ahead_gives_no_currency() -> None:
    """The sum ahead is a conversion of a currency the lexicon does not know: no currency
    taken, and the name after the figure keeps it a count."""
    text = normalize("Le territoire a voté un budget de 240 milliards CFP (2 milliards d'euros).")
    assert not [m for m in extract_mentions(text) if m.rule in (RULE, UNNAMED_RULE)]
