"""Properties of the arithmetic: exhaustive per-region totals, any figures."""

from __future__ import annotations

from crossref_helpers import frame_from_articles
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.crossref.engine import cross_reference, sum_checks
from factcheck.crossref.matching import precision, significant_digits

PLACES = ["Kharkiv", "Soumy", "Odessa", "Kherson", "Dnipro"]


def _article(parts: list[int], total: int) -> dict:
    enumeration = [f"{p} à {place}" for p, place in zip(parts, PLACES, strict=False)]
    text = (f"Au total, {total} personnes ont été évacuées : "
            + ", ".join(enumeration[:-1]) + f" et {enumeration[-1]}.")
    claims = [{"surface": str(total), "kind": "count", "value": total, "subject": "personne"}]
    pos = text.index(":")
    for p in parts:
        start = text.index(f" {p} ", pos) + 1
        # Raw, possibly overlapping, matches before it (the fixtures' occurrence convention).
        occurrence = sum(text.startswith(str(p), i) for i in range(start))
        claims.append({"surface": str(p), "occurrence": occurrence, "kind": "count",
                       "value": p, "subject": "personne"})
        pos = start
    return {"id": "p1", "published": "2025-01-01", "text": text, "claims": claims}


@settings(max_examples=60, deadline=None)
@given(parts=st.lists(st.integers(1, 999), min_size=2, max_size=5, unique=True),
       delta=st.integers(-50, 50))
def test_exhaustive_total_is_flagged_exactly_when_it_does_not_add_up(parts: list[int],
                                                                     delta: int) -> None:
    total = sum(parts) + delta
    if total <= 0 or str(total) in {str(p) for p in parts}:
        return
    frame = frame_from_articles([_article(parts, total)])
    checks = sum_checks(frame)
    assert len(checks) == 1 and checks.iloc[0]["mode"] == "exhaustive"
    _, flags = cross_reference(frame)
    # Parts and total are whole figures stated to the unit (±0.5 each way), unless the total
    # is a round figure ("2 000"), read with its rounding.
    round_total = total >= 1000 and len(significant_digits(total)) == 1
    if abs(delta) > len(parts) and not round_total:
        assert list(flags.type) == ["sum_mismatch"]
    elif delta == 0:
        assert flags.empty


@given(st.floats(min_value=1e-3, max_value=1e12, allow_nan=False))
def test_rounding_tolerance_is_small_and_positive(x: float) -> None:
    p = precision(x)
    assert 0 <= p <= max(0.5, 0.1 * x)
