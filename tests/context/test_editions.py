"""The reader of events and editions named with their year (factcheck.context.editions)."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.context.editions import editions

CASES = [
    # (sentence, [(words found, first year, last year)])
    ("Les JO de Paris 1924 furent les derniers de Coubertin.", [("JO de Paris 1924", 1924, 1924)]),
    ("La délégation a brillé à Sydney 2000, puis à Athènes 2004.",
     [("à Sydney 2000", 2000, 2000), ("à Athènes 2004", 2004, 2004)]),
    ("Le Mondial 1998 reste dans les mémoires.", [("Mondial 1998", 1998, 1998)]),
    ("la saison 2022/2023 du championnat", [("saison 2022/2023", 2022, 2023)]),
    ("la COP 26 de Glasgow", [("COP 26", 2021, 2021)]),
    ("le projet de loi de finances 2025 prévoit", [("projet de loi de finances 2025", 2025, 2025)]),
    # Not editions: an amount, a currency, a count after a city, a date-like range, an
    # unknown edition number, a year in a longer number.
    ("Ils étaient à Marseille 2000 à défiler.", []),
    ("Chaque ticket coûte un euro 2016 fois moins cher.", []),
    ("la saison 2023-2019", []),
    ("la COP 12 de Nairobi", []),
    ("le budget 20245 du club", []),
    ("le budget 2024 % plus lourd", []),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_editions(sentence: str, expected: list[tuple[str, int, int]]) -> None:
    found = [(sentence[e.start:e.end], e.first, e.last) for e in editions(sentence)]
    assert found == [(w, date(a, 1, 1), date(b, 12, 31)) for w, a, b in expected]
