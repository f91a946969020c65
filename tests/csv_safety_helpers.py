"""Articles crafted to inject spreadsheet formulas, and the check every CSV writer must pass
(tests/test_csv_safety.py for the writers and commands, tests/dashboard/ for the downloads).

The check reads the written bytes with the ``csv`` module and holds them against the table
that was written: a text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return comes back with one leading apostrophe and nothing else changed; every other cell,
numbers in numeric columns (negative ones included) and in object columns, comes back as
pandas writes it.
"""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path
from typing import Any

import pandas as pd

from factcheck.export import FORMULA_TRIGGERS, flatten_lists

BOM = b"\xef\xbb\xbf"

#: Text opening with the OWASP examples (a hyperlink, DDE, a sum), each with figures so that
#: sentences, surfaces, sums and a flag carry them. Ids and metadata are attacks too.
CRAFTED_ARTICLES: tuple[dict[str, str], ...] = (
    {
        "id": "-2+3",
        "title": "@SUM(1)",
        "source": "+cmd|' /C calc'!A0",
        "url": '=HYPERLINK("http://x","y")',
        "published": "2024-12-09",
        "text": (
            '=HYPERLINK("http://x","y") Selon le ministère, 46 drones ont été abattus dans '
            "la nuit : 17 au-dessus de Briansk, 12 au-dessus de Koursk et le reste en "
            "Crimée.\n-3 % : le chômage a reculé de 3 % en un an, selon l'Insee.\n"
            "+9,1 % pour les ventes en 2023."
        ),
    },
    {
        "id": "@art",
        "title": "-2+3 drones",
        "source": "=1+1",
        "published": "2024-12-10",
        "text": (
            "=SUM(1) Selon le ministère, 46 drones ont été abattus dans la nuit : 17 "
            "au-dessus de Briansk, 12 au-dessus de Koursk et 30 en Crimée.\n"
            "@Moscou : 460 drones abattus."
        ),
    },
)


def write_crafted_jsonl(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for row in CRAFTED_ARTICLES:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def crafted_frame() -> pd.DataFrame:
    """A table with every kind of cell: text opening with each trigger (a tab and a carriage
    return included, and one hidden after a carriage return inside the cell), harmless text,
    negative numbers in numeric columns, numbers and missing values in an object column,
    lists, booleans and a category."""
    return pd.DataFrame(
        {
            "claim_id": ["-2+3", "@art", "a1", "b2", "c3", "d4", "e5"],
            "surface": ["-3 %", "+9,1 %", "12,5 %", "\t46", "\r17", "=1+1", "46 drones"],
            "sentence": [
                '=HYPERLINK("http://x","y") Le chômage a reculé de 3 %.',
                "@SUM(1) : +9,1 %.",
                "Titre\r=HYPERLINK(\"http://x\",\"y\")",
                "+cmd|' /C calc'!A0",
                "-2+3",
                'Il a dit : "oui; non", puis\nest parti.',
                None,
            ],
            "value": [-3.0, 9.1, 12.5, 46.0, -17.0, math.nan, -0.5],
            "start": [-1, 0, 3, 4, 5, 6, 7],
            "mixed": [-3.5, "=2", None, 4, "-x", math.nan, "ok"],
            "evidence": [("=a", "b"), ["-c"], (), ("d",), ["e", "=f"], ("+g",), ()],
            "flagged": [True, False, True, False, True, False, True],
            "kind": pd.Categorical(["percent", "percent", "percent", "count", "count",
                                    "count", "-count"]),
        }
    )


def is_numeric_column(series: pd.Series) -> bool:
    return bool(pd.api.types.is_numeric_dtype(series.dtype))


def _missing(value: Any) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def check_csv_bytes(raw: bytes, table: pd.DataFrame, *, french_excel: bool) -> int:
    """Assert ``raw`` is ``table`` written safely (see the module docstring); returns how many
    cells were defused."""
    assert raw.startswith(BOM) == french_excel
    sep = ";" if french_excel else ","
    text = raw.decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))
    flat = flatten_lists(table)
    assert header == [str(c) for c in flat.columns]
    assert len(rows) == len(flat), "a cell broke a row"
    defused = 0
    for i, col in enumerate(flat.columns):
        series = flat[col]
        for written, value in zip((r[i] for r in rows), series, strict=True):
            if _missing(value):
                assert written == ""
            elif pd.api.types.is_bool_dtype(series.dtype):
                assert written == str(value)
            elif is_numeric_column(series):  # unchanged: a negative number keeps its sign
                number = written.replace(",", ".") if french_excel else written
                assert float(number) == value, (col, written, value)
                assert written.startswith("-") == (value < 0)
            elif isinstance(value, str):
                if value.startswith(FORMULA_TRIGGERS):
                    assert written == "'" + value, (col, written, value)
                    defused += 1
                else:
                    assert written == value, (col, written, value)
                assert not written.startswith(FORMULA_TRIGGERS), (col, written)
            else:  # a number held in an object column: as pandas writes it, sign kept
                assert written == str(value), (col, written, value)
    return defused
