"""Gold rows, predicted rows and claims frames for the scoring tests of ``factcheck.eval.evaluate``
(``tests/eval/test_evaluate*.py``)."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd


def gold(start: int, end: int, kind: str = "count", **kw: Any) -> dict[str, Any]:
    row = {
        "id": kw.pop("id", "a"),
        "surface": kw.pop("surface", "x" * (end - start)),
        "start": start,
        "end": end,
        "kind": kind,
        "value": None,
        "unit": None,
        "approx": "none",
        "low": None,
        "high": None,
        "subject": None,
        "attribution": None,
    }
    row.update(kw)
    return row


def pred(start: int, end: int, kind: str = "count", **kw: Any) -> dict[str, Any]:
    row = {
        "article_id": kw.pop("article_id", "a"),
        "surface": kw.pop("surface", "y" * (end - start)),
        "start": start,
        "end": end,
        "kind": kind,
        "value": math.nan,
        "low": math.nan,
        "high": math.nan,
        "unit": None,
        "approx": "none",
    }
    row.update(kw)
    return row


def frame(*rows: dict[str, Any]) -> pd.DataFrame:
    columns = ["article_id", "surface", "start", "end", "kind", "value", "low", "high"]
    return pd.DataFrame(list(rows), columns=[*columns, "unit", "approx"])
