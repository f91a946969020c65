"""Claims-table cells and the words of their sentences, as the cross-referencing readers
take them: :func:`cell_text` (a cell as stripped text, "" for a missing value, a date for a
timestamp) and :data:`WORD` (a word of a sentence: letters and inner hyphens)."""

from __future__ import annotations

import pandas as pd
import regex

#: A word of a sentence: letters, with the hyphens of a compound ("porte-parole").
WORD = regex.compile(r"\p{L}[\p{L}-]*", regex.V1)


def cell_text(x: object) -> str:
    """A claims-table cell as text: stripped, "" for a missing value (None, NaN, NA, NaT of
    pandas or numpy), the ISO date of a timestamp; a list or tuple as its text."""
    if type(x) is str:
        return x.strip()  # most cells: what str() would give, without the checks below
    if x is None or (not isinstance(x, (list, tuple)) and pd.isna(x)):
        return ""
    if isinstance(x, pd.Timestamp):
        return x.date().isoformat()
    return str(x).strip()
