"""The last names of the persons an article names in full (``described.persons_last_names``),
read from ``tests/context/data/persons_last_names.toml``."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from factcheck.context.described import persons_last_names

DATA = Path(__file__).parent / "data" / "persons_last_names.toml"


def _cases() -> list[Any]:
    cases = tomllib.loads(DATA.read_text(encoding="utf-8"))["case"]
    return [pytest.param(c["text"], c["names"], id=c["id"]) for c in cases]


@pytest.mark.parametrize(("text", "names"), _cases())
def test_persons_last_names(text: str, names: list[str]) -> None:
    assert list(persons_last_names(text)) == names
