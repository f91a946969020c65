"""Rows of CSV, JSONL and Parquet corpora, and their field values (dates), as plain records
for ``factcheck.corpus.reader`` to turn
into articles. Column names are matched case-insensitively; problems are returned, never
raised.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

#: Delimiters tried on the header line, in order of preference on a tie.
_DELIMITERS = (",", ";", "\t")

# ``csv`` refuses fields above 128 KiB by default; one article text can be longer. The limit
# is raised to the size of the largest accepted file (never above what a C long holds).
_C_LONG_MAX = 2**31 - 1

_DAY_FIRST = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


@dataclass(frozen=True, slots=True)
class Record:
    """One row: its 1-based line number and its fields (lower-case names, ``None`` = null)."""

    line: int
    fields: dict[str, str | None]


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in a table; ``line`` is None when it concerns the whole file."""

    message: str
    line: int | None = None


@dataclass(slots=True)
class Table:
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unit: str = "line"  # what ``Record.line`` counts: text lines, or rows of a Parquet file


def allow_csv_fields_up_to(size: int) -> None:
    """Let ``csv`` read fields up to ``size`` characters (only ever raises the limit)."""
    wanted = min(max(size, 0), _C_LONG_MAX)
    if csv.field_size_limit() < wanted:
        csv.field_size_limit(wanted)


def sniff_delimiter(text: str) -> str:
    """The delimiter of a CSV text, judged on its header line: the one that yields a ``text``
    column, else the one that yields the most columns (``,`` on a tie)."""
    first_line = text.split("\n", 1)[0]
    best, best_count = ",", 0
    for delimiter in _DELIMITERS:
        header = next(csv.reader([first_line], delimiter=delimiter), [])
        names = {name.strip().lower() for name in header}
        if "text" in names:
            return delimiter
        if len(header) > best_count:
            best, best_count = delimiter, len(header)
    return best


def read_csv_table(text: str, *, required: str = "text", require_rows: bool = True) -> Table:
    """Records of a CSV text whose header names a ``required`` column; a header without
    rows is a problem when ``require_rows``."""
    table = Table()
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    try:
        header = [name.strip().lower() for name in next(reader, [])]
        if required not in header:
            shown = ", ".join(name for name in header if name) or "none"
            table.problems.append(Problem(f"no '{required}' column (columns: {shown})"))
            return table
        rows = 0
        for line, row in _numbered_rows(reader):
            rows += 1
            record = _csv_record(header, row, line, table)
            if record is not None:
                table.records.append(record)
    except csv.Error as exc:
        table.problems.append(Problem(f"malformed CSV ({exc}); rest of the file skipped",
                                      reader.line_num))
        return table
    if not rows and require_rows:
        table.problems.append(Problem("no rows below the header"))
    return table


def _numbered_rows(reader: Any) -> Iterator[tuple[int, list[str]]]:
    """Rows of a ``csv.reader`` with the line each starts on (a quoted field may span
    several lines)."""
    start = reader.line_num + 1
    for row in reader:
        if row:
            yield start, row
        start = reader.line_num + 1


def _csv_record(header: list[str], row: list[str], line: int, table: Table) -> Record | None:
    extra = row[len(header):]
    if len(row) < len(header) or any(value.strip() for value in extra):
        table.problems.append(
            Problem(f"expected {len(header)} fields, found {len(row)}; row skipped", line)
        )
        return None
    fields: dict[str, str | None] = {}
    for name, value in zip(header, row, strict=False):  # extra fields are empty
        if name and name not in fields:
            fields[name] = value
    return Record(line, fields)


def read_jsonl_table(text: str) -> Table:
    """Records of a JSON Lines text: one object per line; a bad line is a problem, the
    other lines are kept."""
    table = Table()
    for line, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        record = _jsonl_record(raw, line, table)
        if record is not None:
            table.records.append(record)
    return table


def _jsonl_record(raw: str, line: int, table: Table) -> Record | None:
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        table.problems.append(Problem(f"invalid JSON ({exc.msg}); line skipped", line))
        return None
    except ValueError as exc:  # an integer with more digits than Python converts
        table.problems.append(Problem(f"invalid JSON ({exc}); line skipped", line))
        return None
    except RecursionError:
        table.problems.append(Problem("invalid JSON (nested too deeply); line skipped", line))
        return None
    if not isinstance(obj, dict):
        table.problems.append(Problem("expected a JSON object; line skipped", line))
        return None
    values: dict[str, object] = {}
    for key, value in obj.items():
        values.setdefault(str(key).strip().lower(), value)
    return Record(line, _scalar_fields(values, line, table))


def read_parquet_table(data: bytes, *, required: str = "text") -> Table:
    """Records of a Parquet file whose schema names a ``required`` column; rows count from 1."""
    import pyarrow as pa  # imported here: only Parquet inputs need it
    import pyarrow.parquet as pq

    table = Table(unit="row")
    try:
        frame = pq.read_table(pa.BufferReader(data))
    except (pa.ArrowException, OSError, ValueError) as exc:
        table.problems.append(Problem(f"not a readable Parquet file ({exc})"))
        return table
    names = [str(name).strip().lower() for name in frame.column_names]
    if required not in names:
        table.problems.append(Problem(f"no '{required}' column (columns: {', '.join(names)})"))
        return table
    if frame.num_rows == 0:
        table.problems.append(Problem("no rows"))
        return table
    columns = [frame.column(i).to_pylist() for i in range(frame.num_columns)]
    for number, row in enumerate(zip(*columns, strict=True), start=1):
        values: dict[str, object] = {}
        for name, value in zip(names, row, strict=True):
            values.setdefault(name, value)
        table.records.append(Record(number, _scalar_fields(values, number, table)))
    return table


def _scalar_fields(values: dict[str, object], line: int, table: Table) -> dict[str, str | None]:
    """Field values as text; dates and datetimes in ISO form, nested values reported."""
    fields: dict[str, str | None] = {}
    for name, value in values.items():
        if name in fields:
            continue
        if value is None or isinstance(value, str):
            fields[name] = value
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            fields[name] = str(value)
        elif isinstance(value, (date, datetime)):
            fields[name] = value.isoformat()
        else:
            kind = type(value).__name__
            table.problems.append(Problem(f"field '{name}' is not a string ({kind}); ignored",
                                          line))
    return fields


def parse_published(value: str | None) -> date | None:
    """A publication date from an ISO date or datetime or ``dd/mm/yyyy``; ``None`` if empty.
    Raises ``ValueError`` when the value is not a date."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    day_first = _DAY_FIRST.fullmatch(text)
    if day_first:
        day, month, year = (int(g) for g in day_first.groups())
        return date(year, month, day)
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    # A datetime keeps the calendar date it was written with, whatever its time zone.
    return datetime.fromisoformat(text.replace("z", "Z")).date()
