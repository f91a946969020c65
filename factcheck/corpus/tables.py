"""Rows of CSV, JSONL and Parquet corpora, and their field values (dates), as plain records
for ``factcheck.corpus.reader`` to turn into articles. Column names are matched
case-insensitively; problems are returned, never raised.

Each format has an iterator of items (``csv_items``, ``jsonl_items``, ``parquet_items``)
that yields records and problems in file order as it reads, so that a large table is never
held whole as records; ``read_*_table`` gather the items of a text in memory.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TextIO

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

    def add(self, items: Iterable[Item]) -> Table:
        for item in items:
            (self.records if isinstance(item, Record) else self.problems).append(item)
        return self


#: What the item iterators yield, in file order.
Item = Record | Problem


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
    first_line = text.split("\n", 1)[0]
    return Table().add(csv_items(io.StringIO(text, newline=""), first_line,
                                 required=required, require_rows=require_rows))


def csv_items(stream: TextIO, first_line: str, *, required: str = "text",
              require_rows: bool = True) -> Iterator[Item]:
    """``read_csv_table`` as it reads ``stream`` (opened with ``newline=""``), whose first
    line (up to the first line feed) is ``first_line``."""
    reader = csv.reader(stream, delimiter=sniff_delimiter(first_line))
    problems: list[Problem] = []
    try:
        header = [name.strip().lower() for name in next(reader, [])]
        if required not in header:
            shown = ", ".join(name for name in header if name) or "none"
            yield Problem(f"no '{required}' column (columns: {shown})")
            return
        rows = 0
        for line, row in _numbered_rows(reader):
            rows += 1
            record = _csv_record(header, row, line, problems)
            yield from problems
            problems.clear()
            if record is not None:
                yield record
    except csv.Error as exc:
        yield Problem(f"malformed CSV ({exc}); rest of the file skipped", reader.line_num)
        return
    if not rows and require_rows:
        yield Problem("no rows below the header")


def _numbered_rows(reader: Any) -> Iterator[tuple[int, list[str]]]:
    """Rows of a ``csv.reader`` with the line each starts on (a quoted field may span
    several lines)."""
    start = reader.line_num + 1
    for row in reader:
        if row:
            yield start, row
        start = reader.line_num + 1


def _csv_record(header: list[str], row: list[str], line: int, problems: list[Problem]
                ) -> Record | None:
    extra = row[len(header):]
    if len(row) < len(header) or any(value.strip() for value in extra):
        problems.append(
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
    return Table().add(jsonl_items(text.split("\n")))


def jsonl_items(lines: Iterable[str]) -> Iterator[Item]:
    """``read_jsonl_table`` over ``lines`` (split at line feeds; a trailing line feed is
    dropped) as they are read."""
    problems: list[Problem] = []
    for line, raw in enumerate(lines, start=1):
        raw = raw.removesuffix("\n")
        if not raw.strip():
            continue
        record = _jsonl_record(raw, line, problems)
        yield from problems
        problems.clear()
        if record is not None:
            yield record


def _jsonl_record(raw: str, line: int, problems: list[Problem]) -> Record | None:
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        problems.append(Problem(f"invalid JSON ({exc.msg}); line skipped", line))
        return None
    except ValueError as exc:  # an integer with more digits than Python converts
        problems.append(Problem(f"invalid JSON ({exc}); line skipped", line))
        return None
    except RecursionError:
        problems.append(Problem("invalid JSON (nested too deeply); line skipped", line))
        return None
    if not isinstance(obj, dict):
        problems.append(Problem("expected a JSON object; line skipped", line))
        return None
    values: dict[str, object] = {}
    for key, value in obj.items():
        values.setdefault(str(key).strip().lower(), value)
    return Record(line, _scalar_fields(values, line, problems))


def read_parquet_table(data: bytes, *, required: str = "text") -> Table:
    """Records of a Parquet file whose schema names a ``required`` column; rows count from 1."""
    return Table(unit="row").add(parquet_items(data, required=required))


#: Rows of a Parquet file decoded at once.
PARQUET_BATCH_ROWS = 1024


def parquet_items(data: bytes, *, required: str = "text") -> Iterator[Item]:
    """``read_parquet_table`` a batch of rows at a time (``PARQUET_BATCH_ROWS``): the text
    of the whole table is never decoded at once."""
    import pyarrow as pa  # imported here: only Parquet inputs need it
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(pa.BufferReader(data))
        names = [str(name).strip().lower() for name in parquet.schema_arrow.names]
    except (pa.ArrowException, OSError, ValueError) as exc:
        yield Problem(f"not a readable Parquet file ({exc})")
        return
    if required not in names:
        yield Problem(f"no '{required}' column (columns: {', '.join(names)})")
        return
    if parquet.metadata.num_rows == 0:
        yield Problem("no rows")
        return
    problems: list[Problem] = []
    number = 0
    try:
        for batch in parquet.iter_batches(batch_size=PARQUET_BATCH_ROWS):
            columns = [batch.column(i).to_pylist() for i in range(batch.num_columns)]
            for row in zip(*columns, strict=True):
                number += 1
                values: dict[str, object] = {}
                for name, value in zip(names, row, strict=True):
                    values.setdefault(name, value)
                record = Record(number, _scalar_fields(values, number, problems))
                yield from problems
                problems.clear()
                yield record
    except (pa.ArrowException, OSError, ValueError) as exc:
        yield Problem(f"not a readable Parquet file ({exc}); rows after {number} skipped")


def _scalar_fields(values: dict[str, object], line: int, problems: list[Problem]
                   ) -> dict[str, str | None]:
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
            problems.append(Problem(f"field '{name}' is not a string ({kind}); ignored", line))
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
