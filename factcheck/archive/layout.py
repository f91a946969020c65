"""The claims store on disk: the manifest (``store.json``), the partitioned Parquet tables
and the DuckDB views over them.

Layout (``docs/store.md``)::

    DIR/store.json
    DIR/articles/batch=000001/part.parquet
    DIR/claims/batch=000001/part.parquet
    DIR/links/  DIR/flags/  DIR/facts/   (the same, one partition per batch)
    DIR/story_index/  DIR/band_index/  DIR/fact_index/   (the key index, idem)

A batch is one call of :func:`factcheck.archive.add_to_store`. Its files are written first,
under temporary names, then renamed, and the manifest names the batch last: a batch the
manifest does not list (a write interrupted by a crash) is never read and is cleared by the
next addition. Stored files are never rewritten.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

#: Version of the store's layout and columns. A store written with another format version is
#: refused, never altered: its views and keys would be read wrong. 2: links keep only the
#: relations between facts, the equal-value key meets a figure stated again whatever its
#: approximator, views carry ``compared_to``. 3: articles keep their story profile
#: (``story_words``, ``story_weights``), read back instead of being profiled again. 4: the key
#: index tables (``story_index``, ``band_index``, ``fact_index``: ``archive/key_index.py``)
#: an addition looks its keys up in, and the cap on the stored story candidates read back.
#: 5: views carry ``narrowing`` and ``score`` (identity within one article), and the
#: equal-value key meets money "par an" with the same amount stated without it. 6: claims
#: keep their attribute key (``attribute_key``: an age given after a name, "Nahel, 17 ans"),
#: by which a new figure finds the stored one a full run links it to; a store of format 5
#: lacks it, so its ages after a name would meet nothing. 7: claims keep ``time_basis`` (a
#: report's day or an event's start carried to a figure) and facts follow the identity rules
#: of ``crossref/link_identity.py`` (two counting sides, one event's day, a publication as an
#: upper bound): the facts of a store of format 6 were joined by other rules.
STORE_FORMAT_VERSION = 7
MANIFEST = "store.json"
FORMAT_NAME = "factcheck-claims-store"
TABLES = ("articles", "claims", "links", "flags", "facts", "story_index", "band_index",
          "fact_index")


class StoreError(Exception):
    """A store that cannot be used as asked; the message names the folder and the problem."""


def factcheck_version() -> str:
    """The installed factcheck's version (``importlib.metadata``)."""
    try:
        return metadata.version("factcheck")
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        from factcheck import __version__

        return __version__


@dataclass(frozen=True)
class Manifest:
    format_version: int
    factcheck_version: str  # the version that created the store
    batches: tuple[dict, ...] = field(default=())

    @property
    def last_batch(self) -> int:
        return max((int(b["batch"]) for b in self.batches), default=0)

    def to_json(self) -> str:
        return json.dumps({"format": FORMAT_NAME, "format_version": self.format_version,
                           "factcheck_version": self.factcheck_version,
                           "batches": list(self.batches)}, ensure_ascii=False, indent=2)


def batch_name(number: int) -> str:
    return f"{number:06d}"


def read_manifest(store_dir: Path) -> Manifest | None:
    """The manifest of ``store_dir``, None when there is no store there yet. Raises
    :class:`StoreError` for a folder that is not a store, or a store of another format
    version (naming both versions)."""
    path = store_dir / MANIFEST
    if not path.exists():
        if store_dir.exists() and any(store_dir.iterdir()):
            raise StoreError(f"{store_dir}: not a factcheck store (no {MANIFEST}) and not "
                             "empty; give an empty or new folder to start a store")
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path}: unreadable store manifest: {exc}") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise StoreError(f"{path}: not a factcheck store manifest")
    version = data.get("format_version")
    if version != STORE_FORMAT_VERSION:
        raise StoreError(
            f"{store_dir}: store format version {version} (written by factcheck "
            f"{data.get('factcheck_version', '?')}), but this factcheck "
            f"({factcheck_version()}) reads format version {STORE_FORMAT_VERSION} only; "
            "the store was left untouched")
    return Manifest(version, str(data.get("factcheck_version", "")),
                    tuple(data.get("batches", ())))


def write_manifest(store_dir: Path, manifest: Manifest) -> None:
    path = store_dir / MANIFEST
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(manifest.to_json(), encoding="utf-8")
    os.replace(tmp, path)


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def clear_uncommitted(store_dir: Path, manifest: Manifest | None) -> None:
    """Remove the partitions of batches the manifest does not list (an interrupted write):
    they were never part of the store."""
    committed = {b["batch"] for b in manifest.batches} if manifest else set()
    for table in TABLES:
        root = store_dir / table
        if not root.is_dir():
            continue
        for part in root.glob("batch=*"):
            if part.name.removeprefix("batch=") not in committed:
                for file in part.iterdir():
                    file.unlink()
                part.rmdir()


def write_partition(store_dir: Path, table: str, batch: str, frame: pd.DataFrame,
                    schema: pa.Schema) -> None:
    """Write one table's rows of a batch (nothing when there are none)."""
    if frame.empty:
        return
    part = store_dir / table / f"batch={batch}"
    part.mkdir(parents=True, exist_ok=True)
    arrow = pa.Table.from_pandas(frame[list(schema.names)], schema=schema, preserve_index=False)
    tmp = part / "part.parquet.tmp"
    pq.write_table(arrow, tmp, compression="zstd")
    os.replace(tmp, part / "part.parquet")


def _files(store_dir: Path, table: str, committed: set[str]) -> list[str]:
    root = store_dir / table
    if not root.is_dir():
        return []
    return sorted(str(p / "part.parquet") for p in root.glob("batch=*")
                  if p.name.removeprefix("batch=") in committed and (p / "part.parquet").exists())


@contextmanager
def connect(store_dir: Path, manifest: Manifest | None,
            schemas: dict[str, pa.Schema]) -> Iterator[duckdb.DuckDBPyConnection]:
    """An in-memory DuckDB connection with one view per table (``articles``, ``claims``,
    ``links``, ``flags``, ``facts``) over the committed Parquet files, with a ``batch``
    column; an empty table when the store has none of its rows yet."""
    committed = {b["batch"] for b in manifest.batches} if manifest else set()
    con = duckdb.connect()
    try:
        for table in TABLES:
            files = _files(store_dir, table, committed)
            if files:
                listing = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
                con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet([{listing}], "
                            "hive_partitioning = true, hive_types = {'batch': VARCHAR}, "
                            "union_by_name = true)")
            else:
                empty = schemas[table].empty_table().append_column(
                    "batch", pa.array([], pa.string()))
                con.register(f"{table}_empty", empty)
                con.execute(f"CREATE VIEW {table} AS SELECT * FROM {table}_empty")
        yield con
    finally:
        con.close()
