"""Writing tables (claims, links, flags) to files: CSV, JSON Lines, Parquet, and a CSV that
French Excel opens as it is (``;`` separator, decimal comma, UTF-8 with a byte-order mark).

Cells that hold lists or tuples (a flag's ``claim_ids``, ``evidence``) are joined with ``"; "``
in every format, so a table reads the same whatever the format. Columns keep the order they
have in the DataFrame (or the order given by ``columns``).

Every CSV (files and the dashboard's downloads, through ``csv_bytes``) is safe to open in a
spreadsheet: a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return, which Excel or LibreOffice would run as a formula, gets a leading apostrophe
(OWASP, "CSV Injection"; ``defuse_formulas``). Numbers are never touched. JSON Lines and
Parquet keep the raw text.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

#: Separator used when a cell holds several values.
LIST_SEPARATOR = "; "

#: Formats understood by ``write_table``, and the file extensions they are inferred from.
FORMATS: dict[str, tuple[str, ...]] = {
    "csv": (".csv",),
    "jsonl": (".jsonl", ".ndjson"),
    "parquet": (".parquet", ".pq"),
    "csv-fr": (),  # only on request: same extension as csv
}


#: First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_TRIGGERS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")

#: What a CSV cell starting with one of ``FORMULA_TRIGGERS`` is prefixed with: the apostrophe
#: that tells a spreadsheet the cell is text.
FORMULA_ESCAPE = "'"

#: Line end of every CSV written (see ``csv_bytes``).
CSV_LINE_END = "\r\n"


class ExportError(ValueError):
    """A table cannot be written in the requested format."""


def format_for_path(path: str | Path) -> str | None:
    """The format inferred from a file name's extension, or None when it says nothing."""
    suffix = Path(path).suffix.lower()
    for fmt, suffixes in FORMATS.items():
        if suffix in suffixes:
            return fmt
    return None


def flatten_lists(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` where list/tuple cells are joined with ``"; "``."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object and not _strings_only(out[col]) and \
                out[col].map(_is_sequence).any():
            out[col] = out[col].map(_join_cell)
    return out


def defuse_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` where every text cell starting with one of ``FORMULA_TRIGGERS`` is
    prefixed with ``FORMULA_ESCAPE``, so a spreadsheet shows it as text instead of running it
    ("=HYPERLINK(...)" becomes "'=HYPERLINK(...)", and a surface "-3 %" becomes "'-3 %").

    Only ``str`` cells change: numeric, boolean and date columns are left alone, and so are
    numbers held in an object column (a negative value stays ``-3.5``)."""
    out = df.copy()
    for col in out.columns:
        series = out[col]
        if _never_text(series.dtype):
            continue
        text = _strings_only(series)
        if text == "empty":
            continue
        risky = (series.str.startswith(FORMULA_TRIGGERS, na=False) if text
                 else series.map(_is_formula_like).astype(bool))
        if risky.any():
            out[col] = series.astype(object).map(_defuse_cell)
    return out


def csv_bytes(df: pd.DataFrame, *, french_excel: bool = False, header: bool = True) -> bytes:
    """The bytes of ``df`` as a spreadsheet-safe CSV (lists joined, formulas defused, no
    index): comma separated, decimal point, UTF-8; or with ``french_excel``, ``;``
    separated, decimal comma, UTF-8 with a byte-order mark. Every CSV factcheck writes, to a
    file or as a dashboard download, comes from here.

    Lines end with CRLF (RFC 4180) on every system: with that terminator the writer quotes
    every cell holding a carriage return or a line feed, so no cell can end a row early and
    start the next one with a formula (an LF terminator leaves a bare CR unquoted).

    ``header=False`` gives the rows alone, without the byte-order mark either: the
    continuation of a CSV written in chunks (:class:`TableWriter`)."""
    frame = defuse_formulas(flatten_lists(df))
    if french_excel:
        text = frame.to_csv(index=False, sep=";", decimal=",", lineterminator=CSV_LINE_END,
                            header=header)
        return text.encode("utf-8-sig" if header else "utf-8")
    return frame.to_csv(index=False, lineterminator=CSV_LINE_END, header=header).encode("utf-8")


#: Rows put into text at a time when a CSV file is written: the bytes of a whole claims table
#: of 100,000 articles would take gigabytes; those of one chunk, a few megabytes.
CSV_CHUNK_ROWS = 50_000


def _write_csv(df: pd.DataFrame, path: str | Path, french_excel: bool,
               chunk_rows: int) -> Path:
    """``csv_bytes(df)`` written to ``path`` chunk by chunk (the same bytes: every cell is
    written on its own), so that the text of the whole table is never held at once."""
    path = _prepare(path)
    with path.open("wb") as fh:
        if len(df) <= chunk_rows:
            fh.write(csv_bytes(df, french_excel=french_excel))
            return path
        for start in range(0, len(df), chunk_rows):
            fh.write(csv_bytes(df.iloc[start:start + chunk_rows], french_excel=french_excel,
                               header=start == 0))
    return path


def to_csv(df: pd.DataFrame, path: str | Path, *, chunk_rows: int = CSV_CHUNK_ROWS) -> Path:
    """UTF-8 CSV, comma separated, decimal point, no index (``csv_bytes``)."""
    return _write_csv(df, path, False, chunk_rows)


def to_french_excel_csv(df: pd.DataFrame, path: str | Path, *,
                        chunk_rows: int = CSV_CHUNK_ROWS) -> Path:
    """CSV that a French Excel opens without an import dialog: ``;`` separator, decimal
    comma, UTF-8 with a byte-order mark so accents show right (``csv_bytes``)."""
    return _write_csv(df, path, True, chunk_rows)


def to_jsonl(df: pd.DataFrame, path: str | Path) -> Path:
    """One JSON object per line, UTF-8, missing values as ``null``, floats written in full."""
    path = _prepare(path)
    path.write_bytes(jsonl_bytes(df))
    return path


def jsonl_bytes(df: pd.DataFrame) -> bytes:
    """The bytes of ``df`` as JSON Lines (``to_jsonl``)."""
    flat = flatten_lists(df)
    columns = [str(c) for c in flat.columns]
    lines = []
    for row in flat.itertuples(index=False, name=None):
        record = {c: _jsonable(v) for c, v in zip(columns, row, strict=True)}
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    return "".join(lines).encode("utf-8")


def to_parquet(df: pd.DataFrame, path: str | Path) -> Path:
    """Apache Parquet (pyarrow), no index."""
    path = _prepare(path)
    flatten_lists(df).to_parquet(path, index=False)
    return path


_WRITERS = {
    "csv": to_csv,
    "csv-fr": to_french_excel_csv,
    "jsonl": to_jsonl,
    "parquet": to_parquet,
}


def write_table(
    df: pd.DataFrame,
    path: str | Path,
    fmt: str | None = None,
    columns: Sequence[str] | None = None,
) -> Path:
    """Write ``df`` to ``path`` in ``fmt`` (inferred from the extension when None).

    ``columns`` selects and orders the columns; by default the DataFrame's own order is kept.
    Parent directories are created. Returns the path written.
    """
    fmt = fmt or format_for_path(path)
    if fmt is None:
        raise ExportError(
            f"{path}: cannot tell the format from the extension "
            f"(use .csv, .jsonl or .parquet, or give the format)"
        )
    if fmt not in _WRITERS:
        raise ExportError(f"{path}: unknown format {fmt!r} (known: {', '.join(_WRITERS)})")
    if columns is not None:
        missing = [c for c in columns if c not in df.columns]
        if missing:
            raise ExportError(f"{path}: no such column(s): {', '.join(missing)}")
        df = df.loc[:, list(columns)]
    return _WRITERS[fmt](df, path)


class TableWriter:
    """Writes one table chunk by chunk, so that it is never held whole: CSV, French Excel
    CSV and JSON Lines are appended (the header and the byte-order mark once), Parquet is
    written a row group per chunk (``pyarrow.parquet.ParquetWriter``).

    The CSV and JSON Lines files are byte for byte those ``write_table`` writes for the
    chunks put together (every cell is written on its own: lists joined, formulas
    defused, numbers in full); a Parquet file holds the same rows and types, in several
    row groups, with text columns typed ``string`` even when a chunk has no value in them.
    The chunks must have the same columns. The file is written under a temporary name and
    takes its own at ``close`` (an interrupted run leaves no half table under it)::

        with TableWriter(path, "csv") as writer:
            for chunk in chunks:
                writer.write(chunk)
    """

    def __init__(self, path: str | Path, fmt: str | None = None) -> None:
        fmt = fmt or format_for_path(path)
        if fmt not in _WRITERS:
            raise ExportError(f"{path}: unknown format {fmt!r} (known: {', '.join(_WRITERS)})")
        self.path = _prepare(path)
        self.fmt = fmt
        self._part = self.path.with_name(f".{self.path.name}.part")
        self._handle = self._part.open("wb") if fmt != "parquet" else None
        self._parquet: Any = None
        self._started = False

    def write(self, df: pd.DataFrame) -> None:
        """Append the rows of ``df`` (the first chunk, even empty, gives the header)."""
        if self.fmt == "parquet":
            self._write_parquet(df)
        elif self._handle is not None:
            if self.fmt == "jsonl":
                self._handle.write(jsonl_bytes(df))
            else:
                self._handle.write(csv_bytes(df, french_excel=self.fmt == "csv-fr",
                                             header=not self._started))
        self._started = True

    def _write_parquet(self, df: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        flat = flatten_lists(df)
        if self._parquet is None:
            schema = _text_typed_schema(pa.Schema.from_pandas(flat, preserve_index=False))
            self._parquet = pq.ParquetWriter(self._part, schema)
        if not flat.empty:
            self._parquet.write_table(pa.Table.from_pandas(flat, schema=self._parquet.schema,
                                                           preserve_index=False))

    def close(self) -> Path:
        """Finish the file and give it its name; returns the path written."""
        if self._handle is not None:
            self._handle.close()
        if self._parquet is not None:
            self._parquet.close()
        if not self._started:
            self._part.unlink(missing_ok=True)
            raise ExportError(f"{self.path}: no table written")
        self._part.replace(self.path)
        return self.path

    def abort(self) -> None:
        """Drop what was written (the file under its own name is left as it was)."""
        if self._handle is not None:
            self._handle.close()
        if self._parquet is not None:
            self._parquet.close()
        self._part.unlink(missing_ok=True)

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


def _text_typed_schema(schema: Any) -> Any:
    """``schema`` where a column with no value (``null``, "empty" for pandas) is text: a
    later chunk may have values in it, and pandas reads it back as the other text columns."""
    import pyarrow as pa

    meta = schema.pandas_metadata or {}
    for i, name in enumerate(schema.names):
        if pa.types.is_null(schema.field(i).type):
            schema = schema.set(i, pa.field(name, pa.string()))
    for column in meta.get("columns", []):
        if column.get("pandas_type") == "empty":
            column["pandas_type"] = "unicode"
    return schema.with_metadata({**(schema.metadata or {}), b"pandas": json.dumps(meta)})


def read_table(path: str | Path, fmt: str | None = None) -> pd.DataFrame:
    """Read back a table written by ``write_table`` (lists stay joined with ``"; "``; in a
    CSV, a text cell defused by ``defuse_formulas`` keeps its leading apostrophe)."""
    fmt = fmt or format_for_path(path)
    if fmt == "csv":
        return pd.read_csv(path, encoding="utf-8", keep_default_na=False, na_values=[""])
    if fmt == "csv-fr":
        return pd.read_csv(
            path, sep=";", decimal=",", encoding="utf-8-sig", keep_default_na=False, na_values=[""]
        )
    if fmt == "jsonl":
        with Path(path).open(encoding="utf-8") as fh:
            records = [json.loads(line) for line in fh if line.strip()]
        return pd.DataFrame.from_records(records)
    if fmt == "parquet":
        return pd.read_parquet(path)
    raise ExportError(f"{path}: cannot tell the format from the extension")


def _prepare(path: str | Path) -> Path:
    path = Path(path)
    if path.parent != Path():
        path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _strings_only(series: pd.Series) -> str:
    """"string" when every cell of ``series`` is a ``str`` or missing, "empty" when all are
    missing, else "" (one pass in C: the cell-by-cell tests are then answered for the whole
    column at once)."""
    kind = pd.api.types.infer_dtype(series, skipna=True)
    return kind if kind in ("string", "empty") else ""


def _is_sequence(value: Any) -> bool:
    return isinstance(value, list | tuple)


def _join_cell(value: Any) -> Any:
    if _is_sequence(value):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return value


def _never_text(dtype: Any) -> bool:
    """Whether a column of this dtype cannot hold a ``str`` cell."""
    types = pd.api.types
    return bool(
        types.is_numeric_dtype(dtype)
        or types.is_bool_dtype(dtype)
        or types.is_datetime64_any_dtype(dtype)
        or types.is_timedelta64_dtype(dtype)
    )


def _is_formula_like(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def _defuse_cell(value: Any) -> Any:
    return FORMULA_ESCAPE + value if _is_formula_like(value) else value


def _jsonable(value: Any) -> Any:
    """Plain Python value for ``json.dumps``: NaN/NA become None, numpy scalars unwrapped."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "isoformat"):  # date, datetime, pd.Timestamp
        return value.isoformat()
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        value = value.item()  # numpy scalar
    if isinstance(value, float) and math.isnan(value):
        return None
    return value
