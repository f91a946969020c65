"""File-system side of corpus reading: bounded reads, folder walks and decoding of one input,
with every failure turned into ``Unreadable`` carrying a reason for users."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path

import regex

from factcheck.corpus.decoding import Decoded, UndecodableInput, decode_text_bytes


class Unreadable(Exception):
    """An input that cannot be read at all; the message is the reason ("empty file")."""


def too_large(size: int, limit: int) -> str:
    return f"file too large ({size} bytes, limit {limit})"


#: Bytes read at a time from a file read as a stream.
BLOCK_BYTES = 1 << 20


@contextmanager
def _os_errors_unreadable() -> Iterator[None]:
    """An operating-system error on a file, said as ``Unreadable`` in plain words."""
    try:
        yield
    except PermissionError:
        raise Unreadable("permission denied") from None
    except FileNotFoundError:
        raise Unreadable("no such file or directory") from None
    except OSError as exc:
        raise Unreadable(exc.strerror or str(exc)) from None


def check_file(path: Path, limit: int) -> None:
    """``Unreadable`` unless ``path`` is a regular file of at most ``limit`` bytes."""
    with _os_errors_unreadable():
        info = path.stat()
    # A FIFO or a device would block or never end: only regular files are read.
    if not stat.S_ISREG(info.st_mode):
        raise Unreadable("not a regular file")
    if info.st_size > limit:
        raise Unreadable(too_large(info.st_size, limit))


def file_blocks(path: Path) -> Iterator[bytes]:
    """The bytes of a file, ``BLOCK_BYTES`` at a time."""
    with path.open("rb") as handle:
        while block := handle.read(BLOCK_BYTES):
            yield block


def read_file_bytes(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes."""
    check_file(path, limit)
    with _os_errors_unreadable(), path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:  # the file grew after stat
        raise Unreadable(too_large(len(data), limit))
    return data


def decode_input(data: bytes, name: str, declared: str | None = None) -> Decoded:
    """Text of one input (with a note on stray bytes); empty (or blank) inputs and binary
    data are ``Unreadable``."""
    if not data.strip():
        raise Unreadable("empty file")
    try:
        decoded = decode_text_bytes(data, name, declared=declared)
    except UndecodableInput as exc:
        raise Unreadable(exc.reason) from None
    if not decoded.text.strip():
        raise Unreadable("empty file")
    return decoded


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares in its first kilobytes (``<meta charset>``)."""
    from bs4.dammit import EncodingDetector

    return EncodingDetector.find_declared_encoding(data[:4096], is_html=True)


def walk_files(
    folder: Path,
    extensions: Collection[str],
    on_error: Callable[[str, str], None],
    skip: Collection[Path] = (),
) -> list[Path]:
    """Files under ``folder`` with one of ``extensions`` (lower case), sorted by their path,
    skipping hidden files and folders and the paths in ``skip`` (resolved: the command's own
    output, "factcheck check . -o out"); ``on_error(path, reason)`` for unreadable folders.
    Symbolic links to folders are not followed (no loops)."""
    found: list[Path] = []

    def report(exc: OSError) -> None:
        where = exc.filename if exc.filename is not None else folder
        on_error(str(where), exc.strerror or str(exc))

    def skipped(path: Path) -> bool:
        return bool(skip) and path.resolve() in skip

    for root, dirs, files in os.walk(folder, onerror=report):
        dirs[:] = [d for d in dirs if not d.startswith(".") and not skipped(Path(root) / d)]
        for name in files:
            path = Path(root) / name
            if (
                not name.startswith(".")
                and Path(name).suffix.lower() in extensions
                and not skipped(path)
            ):
                found.append(path)
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


#: Id columns of the tables factcheck writes (claims, links, flags, sums, facts).
_OUTPUT_IDS = frozenset({"claim_id", "link_id", "flag_id", "structure_id", "fact_id"})


def is_output_table(data: bytes) -> bool:
    """Whether a CSV's header is that of a table factcheck writes (and names no text)."""
    first = data[:4096].decode("utf-8", "replace").lstrip("\ufeff").partition("\n")[0]
    header = {regex.sub(r'^"|"$', "", f.strip()).lower() for f in regex.split(r"[,;\t]", first)}
    return "text" not in header and bool(header & _OUTPUT_IDS)
