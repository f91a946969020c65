"""Stage 1, reading articles: files and folders, tables, text encodings, HTML.

In: paths (files, folders, ``-`` for standard input) or uploaded bytes.
Out: :class:`factcheck.models.Article` records, with the inputs that could not be read as
:class:`InputError` (one per file, naming the file and the problem): a :class:`CorpusResult`.

Public face: :func:`read_corpus`, :func:`stream_corpus` (the articles as they are read)
and :func:`articles_from_upload` (``reader``); ``copies`` finds copies and near-copies,
comparing the ``fingerprints`` of the articles, kept on disk. The other modules are the
reader's parts: ``files`` (folders, ``metadata.csv``, skipped outputs), ``tables`` (CSV,
JSON Lines, Parquet rows), ``rows`` (rows and metadata into articles), ``results`` (the
records read and the problems met, with ids made unique), ``decoding`` (bytes to text,
encodings), ``html_text`` (the article text of an HTML page).

Imports only ``factcheck.models`` and ``factcheck.text``: nothing of the later stages.
"""

from __future__ import annotations

from factcheck.corpus.reader import (
    DEFAULT_MAX_ARTICLE_CHARS,
    DEFAULT_MAX_BYTES,
    SUPPORTED_EXTENSIONS,
    CorpusResult,
    InputError,
    articles_from_upload,
    read_corpus,
    stream_corpus,
)

__all__ = [
    "DEFAULT_MAX_ARTICLE_CHARS",
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_EXTENSIONS",
    "CorpusResult",
    "InputError",
    "articles_from_upload",
    "read_corpus",
    "stream_corpus",
]
