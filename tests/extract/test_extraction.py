"""Figure extraction by phenomenon, from tables of real French news phrasing
(``tests/extract/data/*.toml``: one file per phenomenon; ``negatives*.toml`` list spans
that must not be read as figures)."""

from __future__ import annotations

import itertools
import math
import tomllib
from datetime import date
from pathlib import Path

import pytest

from factcheck.extract.scanner import extract_mentions
from factcheck.models import Approx, Kind
from factcheck.text import normalize

DATA = Path(__file__).parent / "data"


def _cases(kind: str) -> list[pytest.param]:
    params = []
    for path in sorted(DATA.glob("*.toml")):
        if path.stem.startswith("negatives") != (kind == "negative"):
            continue
        for i, case in enumerate(tomllib.loads(path.read_text(encoding="utf-8"))["case"]):
            label = case.get("surface") or case.get("span")
            params.append(pytest.param(case, id=f"{path.stem}-{i}-{label}"))
    return params


def _published(case: dict) -> date | None:
    return date.fromisoformat(case["published"]) if "published" in case else None


def _close(a: float | None, b: float) -> bool:
    return a is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


@pytest.mark.parametrize("case", _cases("positive"))
def test_figure_is_read(case: dict) -> None:
    text = normalize(case["text"])
    surface = normalize(case["surface"])
    mentions = extract_mentions(text, _published(case))
    found = [m for m in mentions if m.surface == surface]
    assert found, f"{surface!r} not found; got {[(m.surface, m.kind.value) for m in mentions]}"
    m = found[0]
    assert text[m.start : m.end] == m.surface
    assert m.kind == Kind(case["kind"])
    if "value" in case:
        assert _close(m.value, case["value"]), m
    assert m.approx == Approx(case.get("approx", "none")), m
    if "unit" in case:  # "" for no unit: a sum of no currency named
        assert (m.unit or "") == case["unit"], m
    for bound in ("low", "high"):
        if bound in case:
            assert _close(getattr(m, bound), case[bound]), m
    if "resolved" in case:
        assert m.resolved == case["resolved"], m
    assert m.role == case.get("role", ""), m
    if "rule" in case:  # a unit carried from another figure says so
        assert m.rule == case["rule"], m


@pytest.mark.parametrize("case", _cases("negative"))
def test_not_a_quantity(case: dict) -> None:
    text = normalize(case["text"])
    start = text.index(normalize(case["span"]))
    end = start + len(case["span"])
    for m in extract_mentions(text):
        overlaps = m.start < end and start < m.end
        assert not overlaps or m.kind == Kind.IDENTIFIER, f"{case['span']!r} read as {m}"


def test_articles_are_never_figures() -> None:
    text = (
        "Un responsable a confirmé qu'une délégation se rendrait à Genève. L'un des "
        "négociateurs a évoqué un accord possible, une avancée selon une source proche."
    )
    assert extract_mentions(text) == []


def test_offsets_survive_normalisation() -> None:
    raw = "Selon l’ONU, 12\u202f500 civils et 3\u00a0%."
    text = normalize(raw)
    assert len(text) == len(raw)
    for m in extract_mentions(text):
        assert raw[m.start : m.end].replace("\u202f", " ").replace("\u00a0", " ") == m.surface


@pytest.mark.parametrize(
    ("raw", "surface", "kind"),
    [
        (
            "L’État a versé 450\u202fmillions d’euros aux hôpitaux.",
            "450\u202fmillions d’euros",
            "money",
        ),
        ("Le chômage recule de 0,2\u00a0point à 7,3\u00a0%.", "7,3\u00a0%", "percent"),
    ],
)
def test_raw_text_is_read_like_normalised_text(raw: str, surface: str, kind: str) -> None:
    """Text that was not normalised (a caller of the library) is read the same way, and the
    surfaces are the caller's own characters."""
    found = {m.surface: m for m in extract_mentions(raw)}
    assert surface in found, found
    m = found[surface]
    assert m.kind == Kind(kind)
    assert raw[m.start : m.end] == m.surface


def test_mentions_are_sorted_and_disjoint() -> None:
    text = normalize((DATA.parents[2] / "seeds" / "004_65a5d7e65e64810d.txt").read_text())
    mentions = extract_mentions(text, date(2024, 12, 8))
    for a, b in itertools.pairwise(mentions):
        assert a.end <= b.start


def test_interval_convention() -> None:
    (m,) = extract_mentions("Au moins 14 personnes ont péri.")
    assert (m.low, m.high) == (14, None)
    (m,) = extract_mentions("Moins de 5 % des électeurs.")
    assert (m.low, m.high) == (0, 5)
    (m,) = extract_mentions("Il y avait 46 drones.")
    assert (m.low, m.high) == (46, 46)
