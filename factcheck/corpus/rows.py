"""Table rows and metadata values into articles, for ``factcheck.corpus.reader``: the part of
the reader that turns records (``factcheck.corpus.tables``) into :class:`Article` records,
with each problem reported to the sink, and reads the ``metadata.csv`` of a folder."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path

from factcheck.corpus.files import Unreadable, decode_input, read_file_bytes
from factcheck.corpus.results import Sink
from factcheck.corpus.tables import Item, Problem, Record, Table, parse_published, read_csv_table
from factcheck.corpus.titles import strip_site_suffix
from factcheck.models import Article, stable_id
from factcheck.text import normalize

METADATA_FILE = "metadata.csv"
_METADATA_FIELDS = ("published", "language", "title", "source", "url")


def too_long_for_article(size: int, what: str, max_chars: int) -> str:
    """Why a text is refused as one article."""
    return (f"too long for one article ({size:,} {what}; an article holds at most "
            f"{max_chars:,} characters): split it into several files, or into rows of a CSV "
            "or JSONL table")


class RowReader:
    """Turns records into articles and reads folders' metadata, reporting to ``sink``."""

    def __init__(self, sink: Sink, limit: int, max_chars: int) -> None:
        self.sink = sink
        self.limit = limit
        self.max_chars = max_chars
        self._metadata: dict[Path, dict[str, dict[str, object]]] = {}

    def _decode(self, data: bytes, shown: str, declared: str | None = None) -> str:
        decoded = decode_input(data, shown, declared)
        if decoded.note:
            self.sink.error(shown, decoded.note, severity="warning")
        return decoded.text

    def _add_items(self, items: Iterable[Item], shown: str, unit: str) -> Iterator[Article]:
        for item in items:
            if isinstance(item, Problem):
                self._problem(item, shown, unit)
                continue
            article = self._add_record(item, shown, unit)
            if article is not None:
                yield article

    def _add_record(self, record: Record, shown: str, unit: str) -> Article | None:
        raw_text = record.fields.get("text")
        if raw_text is None or not raw_text.strip():
            self.sink.error(shown, "no text; row skipped", record.line, unit)
            return None
        if len(raw_text) > self.max_chars:
            reason = too_long_for_article(len(raw_text), "characters", self.max_chars)
            self.sink.error(shown, f"{reason}; row skipped", record.line, unit)
            return None
        normalised = normalize(raw_text)
        article_id = (record.fields.get("id") or "").strip() or stable_id(normalised)
        extra = self._metadata_values(record, shown, unit)
        article = make_article(normalised, article_id, f"{shown}:{record.line}", extra)
        return self.sink.article(article, shown, record.line, unit)

    def _metadata_values(self, record: Record, shown: str, unit: str) -> dict[str, object]:
        values: dict[str, object] = {}
        for name in _METADATA_FIELDS:
            raw = record.fields.get(name)
            if name == "published":
                published = self._published(raw, shown, record.line, unit)
                if published is not None:
                    values[name] = published
            elif raw is not None and raw.strip():
                values[name] = raw.strip()
        if "title" in values:  # an export's title may end with the outlet's ("… | Ouest-Info")
            source = values.get("source")
            values["title"] = strip_site_suffix(
                str(values["title"]), (source if isinstance(source, str) else None,),
                language=str(values.get("language") or "fr"))
        return values

    def _published(self, raw: str | None, shown: str, line: int | None,
                   unit: str = "line") -> date | None:
        try:
            return parse_published(raw)
        except ValueError:
            self.sink.error(shown, f"invalid date '{raw}' in 'published' "
                                   "(article kept without a date)", line, unit)
            return None

    def _report(self, table: Table, shown: str) -> None:
        for problem in table.problems:
            self._problem(problem, shown, table.unit)

    def _problem(self, problem: Problem, shown: str, unit: str) -> None:
        if problem.line is None:
            self.sink.cannot_read(shown, problem.message)
        else:
            self.sink.error(shown, problem.message, problem.line, unit)

    # -- metadata.csv -----------------------------------------------------------------------

    def _folder_metadata(self, folder: Path) -> dict[str, dict[str, object]]:
        """Metadata by article id from ``folder/metadata.csv``, read once per folder."""
        if folder not in self._metadata:
            self._metadata[folder] = self._load_metadata(folder / METADATA_FILE)
        return self._metadata[folder]

    def _load_metadata(self, path: Path) -> dict[str, dict[str, object]]:
        if not path.is_file():
            return {}
        shown = str(path)
        try:
            text = self._decode(read_file_bytes(path, self.limit), shown)
        except Unreadable as exc:
            self.sink.cannot_read(shown, f"{exc} (metadata ignored)")
            return {}
        table = read_csv_table(text, required="id", require_rows=False)
        self._report(table, shown)
        metadata: dict[str, dict[str, object]] = {}
        for record in table.records:
            key = (record.fields.get("id") or "").strip()
            if not key:
                self.sink.error(shown, "no id; row ignored", record.line)
            elif key in metadata:
                self.sink.error(shown, f"duplicate id '{key}'; row ignored", record.line)
            else:
                metadata[key] = self._metadata_values(record, shown, table.unit)
        return metadata


def make_article(text: str, article_id: str, origin: str, extra: Mapping[str, object]) -> Article:
    def text_value(name: str) -> str | None:
        value = extra.get(name)
        return value if isinstance(value, str) and value else None

    published = extra.get("published")
    # "fr-FR" -> "fr": the rest of the pipeline works per language, not per region.
    language = (text_value("language") or "fr").replace("_", "-").split("-")[0].lower() or "fr"
    return Article(
        article_id=article_id,
        text=text,
        title=text_value("title"),
        source=text_value("source"),
        url=text_value("url"),
        published=published if isinstance(published, date) else None,
        language=language,
        origin=origin,
    )


