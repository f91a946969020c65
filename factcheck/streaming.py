"""The claims table of a corpus written to a file as the articles are read and extracted, so
that memory does not grow with the corpus (``factcheck extract``).

The articles come from an iterator (``factcheck.corpus.stream_corpus`` reads them a file or a
table row at a time) and go through ``factcheck.pipeline.claim_chunks`` a chunk at a time.
Only the ids read are kept in memory for the whole corpus (the reader makes them unique).
``copy_of`` names an article's original, the earliest of its copies, which may come later in
the input: so each article's fingerprint (MinHash signature and shingle hashes, about 2
bytes a character) goes to files beside the output (``factcheck.corpus.copies.CopyFinder``)
and each chunk's rows to a temporary spool file there; once every article is read, the
copies are found on disk and the spool is copied into the output with ``copy_of`` filled,
a chunk at a time (``factcheck.export.TableWriter``). The file is the one ``claims_frame``
then ``write_table`` give for the same articles, byte for byte in CSV and JSON Lines.
"""

from __future__ import annotations

import pickle
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pandas as pd

from factcheck.budget import SkippedArticle
from factcheck.corpus.copies import CopyFinder
from factcheck.export import TableWriter
from factcheck.models import Article
from factcheck.pipeline import claim_chunks, claims_dataframe, fill_copies, progress_bar


@dataclass(slots=True)
class StreamSummary:
    """What a streamed extraction read and wrote."""

    path: Path | None = None  # None when no article was read (nothing written)
    n_articles: int = 0
    n_claims: int = 0
    n_skipped: int = 0
    kinds: Counter[str] = field(default_factory=Counter)


def write_claims(
    articles: Iterable[Article],
    path: str | Path,
    fmt: str | None = None,
    *,
    with_context: bool = True,
    processes: int = 1,
    progress: bool = False,
    article_timeout: float | None = None,
    on_skipped: Callable[[SkippedArticle], None] | None = None,
) -> StreamSummary:
    """Extract the claims of ``articles`` and write them to ``path`` in ``fmt`` (inferred
    from the extension when None), never holding the corpus or the table whole; arguments
    as for ``factcheck.pipeline.claims_frame`` (an article left out is handed to
    ``on_skipped`` as soon as its chunk is done). Nothing is written when ``articles`` is
    empty."""
    path = Path(path)
    summary = StreamSummary()
    skipped_ids: set[str] = set()
    path.parent.mkdir(parents=True, exist_ok=True)
    with (CopyFinder(path.parent) as finder,
          tempfile.TemporaryFile(dir=path.parent, prefix=".factcheck-spool-") as spool):

        def read(stream: Iterable[Article]) -> Iterator[Article]:
            for article in stream:
                summary.n_articles += 1
                finder.add(article)
                yield article

        with progress_bar(None, progress) as bar:
            for chunk in claim_chunks(read(articles), with_context=with_context,
                                      processes=processes, article_timeout=article_timeout):
                for skipped in chunk.skipped:
                    summary.n_skipped += 1
                    skipped_ids.add(skipped.article_id)
                    if on_skipped is not None:
                        on_skipped(skipped)
                if chunk.rows:
                    summary.n_claims += len(chunk.rows)
                    summary.kinds.update(row["kind"] for row in chunk.rows)
                    pickle.dump(claims_dataframe(chunk.rows), spool,
                                protocol=pickle.HIGHEST_PROTOCOL)
                bar.update(chunk.n_articles)
        if not summary.n_articles:
            return summary
        # A skipped article is no original: its copies would otherwise count for nothing.
        finder.find(exclude=skipped_ids)
        spool.seek(0)
        with TableWriter(path, fmt) as writer:
            writer.write(claims_dataframe([]))  # the header, even without a claim
            for frame in _spooled(spool):
                writer.write(fill_copies(frame, finder.originals(frame["article_id"])))
    summary.path = path
    return summary


def _spooled(spool: IO[bytes]) -> Iterator[pd.DataFrame]:
    while True:
        try:
            yield pickle.load(spool)
        except EOFError:
            return
