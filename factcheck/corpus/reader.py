"""Read a corpus of articles: text, Markdown and HTML files, folders, CSV, JSON Lines and
Parquet tables, and standard input, with per-file errors that never stop the rest of the
reading.

* A text or HTML file is one article whose id is the file stem. A ``metadata.csv`` in the
  same folder (columns ``id`` = stem, and any of ``published``, ``language``, ``title``,
  ``source``, ``url``) supplies its metadata; ``metadata.csv`` is never an article itself.
* A CSV, JSONL or Parquet file holds one article per row: ``text`` (required), ``id``, ``title``,
  ``source``, ``url``, ``published``, ``language``. A missing id is derived from the text.
* ``-`` reads standard input as one text article whose id is derived from its content.
* Ids are unique: a later article with an id already read is kept under that id with a
  suffix derived from its text (``d01~3fa2b1``), and a warning names both. A file named
  twice (a folder and a file in it) is read once.
* :func:`stream_corpus` yields the articles as they are read, a file at a time and a table
  a row at a time (a UTF-8 CSV or JSON Lines file is decoded as it is read; a file in
  another encoding, a Parquet file (compressed) and an HTML or text file are read whole):
  memory does not grow with the corpus, only the ids read are kept. :func:`read_corpus`
  gathers them.
* One article holds at most ``max_article_chars`` characters (default 1,000,000, about a
  600-page book; a long news article is 20,000): a larger text file or row is refused with a
  message saying to split it, since it is a corpus pasted into one file, not an article.

Text is decoded (``factcheck.corpus.decoding``) and normalised once with
``factcheck.text.normalize``, which keeps offsets; leading and trailing spaces are kept too,
so offsets into ``Article.text`` are offsets into the file as decoded.
"""

from __future__ import annotations

import io
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from factcheck.corpus.decoding import UndecodableInput, plain_utf8, read_text_bytes
from factcheck.corpus.files import (
    Unreadable,
    check_file,
    declared_charset,
    file_blocks,
    is_output_table,
    read_file_bytes,
    too_large,
    walk_files,
)
from factcheck.corpus.html_text import parse_html
from factcheck.corpus.results import CorpusResult, InputError, Sink
from factcheck.corpus.rows import METADATA_FILE, RowReader, make_article, too_long_for_article
from factcheck.corpus.tables import (
    allow_csv_fields_up_to,
    csv_items,
    jsonl_items,
    parquet_items,
    parse_published,
)
from factcheck.models import Article, stable_id
from factcheck.text import normalize

__all__ = [
    "DEFAULT_MAX_ARTICLE_CHARS",
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_EXTENSIONS",
    "CorpusResult",
    "InputError",
    "UndecodableInput",
    "articles_from_upload",
    "parse_published",
    "read_corpus",
    "read_text_bytes",
    "stream_corpus",
]

#: Largest file (or standard input) read when ``max_bytes`` is not given: 100 MiB.
DEFAULT_MAX_BYTES = 100 * 1024 * 1024
#: Longest article text read when ``max_article_chars`` is not given.
DEFAULT_MAX_ARTICLE_CHARS = 1_000_000
# Bytes per character at most (UTF-32): a text file larger than this many bytes per allowed
# character is refused before it is read.
_MAX_BYTES_PER_CHAR = 4

TEXT_EXTENSIONS = frozenset({".txt", ".md"})
HTML_EXTENSIONS = frozenset({".html", ".htm"})
TABLE_EXTENSIONS = frozenset({".csv", ".jsonl", ".ndjson", ".parquet"})
# Tables in text, decoded as they are read when in plain UTF-8.
_TEXT_TABLE_EXTENSIONS = frozenset({".csv", ".jsonl", ".ndjson"})
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS | TABLE_EXTENSIONS

STDIN_NAME = "<stdin>"


def read_corpus(
    inputs: Sequence[str | Path],
    *,
    stdin: TextIO | BinaryIO | None = None,
    max_bytes: int | None = None,
    max_article_chars: int = DEFAULT_MAX_ARTICLE_CHARS,
    skip: Sequence[str | Path] = (),
) -> CorpusResult:
    """Read every input (file, folder or ``-``) into articles; bad inputs become errors.

    ``max_bytes`` caps the size of each file and of standard input (default
    ``DEFAULT_MAX_BYTES``); ``max_article_chars`` the text of one article. Files and
    folders in ``skip`` are left out of folder walks (a command's own output inside an input
    folder); named explicitly, they are still read.
    """
    errors: list[InputError] = []
    articles = tuple(stream_corpus(inputs, on_error=errors.append, stdin=stdin,
                                   max_bytes=max_bytes, max_article_chars=max_article_chars,
                                   skip=skip))
    return CorpusResult(articles, tuple(errors))


def stream_corpus(
    inputs: Sequence[str | Path],
    *,
    on_error: Callable[[InputError], None],
    stdin: TextIO | BinaryIO | None = None,
    max_bytes: int | None = None,
    max_article_chars: int = DEFAULT_MAX_ARTICLE_CHARS,
    skip: Sequence[str | Path] = (),
) -> Iterator[Article]:
    """``read_corpus`` as a stream: the articles as they are read, each problem handed to
    ``on_error`` as it is met (in the order ``read_corpus`` lists them). Arguments are
    checked at once, not at the first article."""
    if isinstance(inputs, (str, Path)):
        raise TypeError("read_corpus expects a sequence of inputs, not a single path")
    limit = _check_limit(max_bytes)
    reader = _Reader(Sink(on_error=on_error), limit,
                     _check_limit(max_article_chars, "max_article_chars"),
                     frozenset(Path(p).resolve() for p in skip))
    return reader.read_all(list(inputs), stdin if stdin is not None else sys.stdin)


def articles_from_upload(name: str, data: bytes, *, max_bytes: int | None = None,
                         max_article_chars: int = DEFAULT_MAX_ARTICLE_CHARS) -> CorpusResult:
    """Articles of one uploaded file (dashboard), dispatched on the extension of ``name``."""
    limit = _check_limit(max_bytes)
    sink = Sink()
    path = Path(name)
    articles: tuple[Article, ...] = ()
    if len(data) > limit:
        sink.cannot_read(name, too_large(len(data), limit))
    elif path.suffix.lower() not in SUPPORTED_EXTENSIONS:
        sink.cannot_read(name, _unsupported(path))
    else:
        reader = _Reader(sink, limit, _check_limit(max_article_chars, "max_article_chars"))
        articles = tuple(reader.read_bytes(data, name, path, metadata={}))
    return CorpusResult(articles, tuple(sink.errors))


def _check_limit(value: int | None, name: str = "max_bytes") -> int:
    if value is None:
        return DEFAULT_MAX_BYTES
    if value <= 0:
        raise ValueError(f"{name} must be positive, got {value}")
    return value


def _unsupported(path: Path) -> str:
    return f"unsupported file type '{path.suffix or path.name}' (supported: {_kinds()})"


def _kinds() -> str:
    return ", ".join(sorted(SUPPORTED_EXTENSIONS))


class _Reader(RowReader):
    """Reads inputs into a sink; remembers the metadata of each folder it met."""

    def __init__(self, sink: Sink, limit: int, max_chars: int,
                 skip: frozenset[Path] = frozenset()) -> None:
        super().__init__(sink, limit, max_chars)
        self.skip = skip
        self._files_read: set[Path] = set()
        self._stdin_read = False
        allow_csv_fields_up_to(limit)

    # -- inputs -----------------------------------------------------------------------------

    def read_all(self, inputs: Iterable[str | Path], stdin: TextIO | BinaryIO
                 ) -> Iterator[Article]:
        for raw in inputs:
            if str(raw) == "-":
                yield from self.read_stdin(stdin)
            else:
                yield from self.read_path(Path(raw))

    def read_path(self, path: Path) -> Iterator[Article]:
        shown = str(path)
        try:
            info = path.stat()
        except FileNotFoundError:
            self.sink.cannot_read(shown, "no such file or directory")
            return
        except OSError as exc:
            self.sink.cannot_read(shown, exc.strerror or str(exc))
            return
        if stat.S_ISDIR(info.st_mode):
            before = self.sink.n_articles + self.sink.n_problems
            files = walk_files(path, SUPPORTED_EXTENSIONS, self.sink.cannot_read, self.skip)
            seen = any(file.resolve() in self._files_read for file in files)
            for file in files:
                yield from self.read_file(file, explicit=False)
            if not seen and self.sink.n_articles + self.sink.n_problems == before:
                self.sink.cannot_read(shown, f"no article in this folder (files read: {_kinds()})")
        else:
            yield from self.read_file(path, explicit=True)

    def read_file(self, path: Path, *, explicit: bool) -> Iterator[Article]:
        shown = str(path)
        suffix = path.suffix.lower()
        if path.name == METADATA_FILE:
            return  # read as the metadata of its folder, never as articles
        if suffix not in SUPPORTED_EXTENSIONS:
            if explicit:
                self.sink.cannot_read(shown, _unsupported(path))
            return
        resolved = path.resolve()
        if resolved in self._files_read:
            return  # named twice ("corpus corpus/a.txt"): read once
        self._files_read.add(resolved)
        data = b""
        try:
            if suffix in TEXT_EXTENSIONS:
                size = path.stat().st_size
                if size > self.max_chars * _MAX_BYTES_PER_CHAR:
                    raise Unreadable(too_long_for_article(size, "bytes", self.max_chars))
            check_file(path, self.limit)
            streamed = suffix in _TEXT_TABLE_EXTENSIONS and plain_utf8(file_blocks(path))
            if streamed:
                with path.open("rb") as handle:
                    head = handle.read(4096)
            else:
                data = head = read_file_bytes(path, self.limit)
        except OSError as exc:
            self.sink.cannot_read(shown, exc.strerror or str(exc))
            return
        except Unreadable as exc:
            self.sink.cannot_read(shown, str(exc))
            return
        if not explicit and suffix == ".csv" and is_output_table(head):
            return  # a table factcheck wrote ("out/claims.csv" from an earlier run): no corpus
        if streamed:
            yield from self._stream_text_table(path, shown, suffix)
            return
        metadata = self._folder_metadata(path.parent) if suffix not in TABLE_EXTENSIONS else {}
        yield from self.read_bytes(data, shown, path, metadata)

    def _stream_text_table(self, path: Path, shown: str, suffix: str) -> Iterator[Article]:
        """The rows of a CSV or JSON Lines file in plain UTF-8, decoded as they are read."""
        try:
            if suffix == ".csv":
                with path.open(encoding="utf-8-sig", newline="\n") as handle:
                    first_line = handle.readline().removesuffix("\n")
                with path.open(encoding="utf-8-sig", newline="") as handle:
                    yield from self._add_items(csv_items(handle, first_line), shown, "line")
            else:
                with path.open(encoding="utf-8-sig", newline="\n") as handle:
                    yield from self._add_items(jsonl_items(handle), shown, "line")
        except (OSError, UnicodeDecodeError) as exc:  # the file changed while read
            self.sink.cannot_read(shown, f"{exc}; rest of the file skipped")

    def read_stdin(self, stream: TextIO | BinaryIO) -> Iterator[Article]:
        if self._stdin_read:
            self.sink.cannot_read(STDIN_NAME, "standard input given more than once")
            return
        self._stdin_read = True
        buffer = getattr(stream, "buffer", None)
        try:
            # Bytes when there are some, so a cp1252 pipe is decoded like a cp1252 file.
            raw: bytes | str = (buffer or stream).read(self.limit + 1)
            if len(raw) > self.limit:
                raise Unreadable(f"input too large (limit {self.limit})")
            if not raw.strip():
                raise Unreadable("empty input")
            text = raw if isinstance(raw, str) else self._decode(raw, STDIN_NAME)
        except (Unreadable, OSError) as exc:
            self.sink.cannot_read(STDIN_NAME, str(exc))
            return
        yield from self._add_text_article(text, STDIN_NAME, article_id=None, extra={})

    def read_bytes(self, data: bytes, shown: str, path: Path,
                   metadata: Mapping[str, Mapping[str, object]]) -> Iterator[Article]:
        suffix = path.suffix.lower()
        if suffix == ".parquet":  # binary: no text decoding
            yield from self._add_items(parquet_items(data), shown, "row")
            return
        try:
            declared = declared_charset(data) if suffix in HTML_EXTENSIONS else None
            text = self._decode(data, shown, declared)
        except Unreadable as exc:
            self.sink.cannot_read(shown, str(exc))
            return
        if suffix in TABLE_EXTENSIONS:
            items = (csv_items(io.StringIO(text, newline=""), text.split("\n", 1)[0])
                     if suffix == ".csv" else jsonl_items(text.split("\n")))
            yield from self._add_items(items, shown, "line")
            return
        extra: dict[str, object] = {}
        if suffix in HTML_EXTENSIONS:
            text, extra = self._html(text, shown)
        elif suffix == ".md":
            extra["title"] = _markdown_title(text)
        extra.update(metadata.get(path.stem, {}))
        yield from self._add_text_article(text, shown, article_id=path.stem, extra=extra)

    def _html(self, markup: str, shown: str) -> tuple[str, dict[str, object]]:
        page = parse_html(markup)
        extra: dict[str, object] = {"title": page.title, "url": page.url,
                                    "language": page.language}
        if page.published:
            extra["published"] = self._published(page.published, shown, None)
        return page.text, extra

    # -- articles ---------------------------------------------------------------------------

    def _add_text_article(self, text: str, shown: str, *, article_id: str | None,
                          extra: Mapping[str, object]) -> Iterator[Article]:
        if not text.strip():
            self.sink.cannot_read(shown, "no visible text")
            return
        if len(text) > self.max_chars:
            self.sink.cannot_read(shown,
                                  too_long_for_article(len(text), "characters", self.max_chars))
            return
        normalised = normalize(text)
        article = make_article(normalised, article_id or stable_id(normalised), shown, extra)
        yield self.sink.article(article, shown)

def _markdown_title(text: str) -> str | None:
    """The first level-one heading of a Markdown text ("# Titre")."""
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].strip().strip("#").strip() or None
    return None

