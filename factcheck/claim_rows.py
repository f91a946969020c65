"""One article's figures as rows of the claims table: the figures found (``factcheck.extract``)
in their sentences, their context (``factcheck.context``), each step run for each article
within its time budget and with its failures caught (``factcheck.budget``).

``factcheck.pipeline`` runs :func:`rows_for_chunk` over the chunks of a corpus and composes
the tables; this module is its per-article part.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

import pandas as pd

from factcheck.budget import (
    ArticleTimeout,
    SkippedArticle,
    budget,
    checkpoint,
    failed,
    guarded,
    over_budget,
)
from factcheck.models import (
    CLAIM_COLUMNS,
    Article,
    Claim,
    Mention,
    claim_id_for,
)
from factcheck.text import same_line, sentence_at, sentence_spans

#: Columns after ``CLAIM_COLUMNS`` in the claims table: offsets that let a reader highlight
#: the figure in its sentence, and the extractor rule that produced it (for debugging).
#: ``part`` says where the figure is: "body" (the text) or "title" (a headline given apart).
EXTRA_CLAIM_COLUMNS: tuple[str, ...] = ("sentence_start", "number_start", "number_end", "rule",
                                        "part")

#: Every column of the claims table, in order.
ALL_CLAIM_COLUMNS: tuple[str, ...] = CLAIM_COLUMNS + EXTRA_CLAIM_COLUMNS

# dtypes of the claims table, the same whether it has rows or not; other columns are object
# (str or None).
_CLAIM_DTYPES: dict[str, str] = {
    "start": "int64",
    "end": "int64",
    "sentence_start": "int64",
    "value": "float64",
    "low": "float64",
    "high": "float64",
    "number_start": "Int64",
    "number_end": "Int64",
}

def readable(article: Article) -> bool:
    """Whether factcheck has the language data to read ``article`` (French for now). Reading
    another language with French rules would misread its figures ("1,000" is not 1): such
    articles are kept, with no figure."""
    from factcheck.lang import available_languages

    return (article.language or "fr") in available_languages()


def extract_mentions_of(article: Article) -> list[Mention]:
    from factcheck.extract.scanner import extract_mentions  # looked up at call time (tests swap it)

    if not readable(article):
        return []
    return extract_mentions(article.text, article.published)


def _bare_claims(article: Article, part: str = "body") -> list[Claim]:
    """Claims for every figure of ``article``, with their sentence but no context yet. With
    ``part="title"``, ``article`` is a :func:`headline_article` and only the figures of its
    first line, the headline, are kept."""
    mentions = extract_mentions_of(article)
    if part == "title":
        end = article.text.find("\n")
        mentions = [m for m in mentions if m.end <= end]
    if not mentions:
        return []
    spans = sentence_spans(article.text)
    claims: list[Claim] = []
    for mention in mentions:
        checkpoint()
        start, end = sentence_at(spans, mention.start)
        if not start <= mention.start < end:  # figure outside any trimmed sentence
            start, end = mention.start, mention.end
        claims.append(
            Claim(
                article_id=article.article_id,
                claim_id=claim_id_for(article.article_id, mention, part),
                mention=mention,
                sentence=article.text[start:end],
                sentence_start=start,
                part=part,
            )
        )
    return claims


def headline_article(article: Article) -> Article | None:
    """The article the figures of ``article``'s headline are read in: the headline (the
    ``title`` given apart from the text) as the first line, then the lead (the text's first
    line: a table's text is often one paragraph a line), so the context stage reads the
    headline as it reads a text's first line and the lead after it (a headline names its
    place and source less often than its lead). None when there is no such headline: no
    title, a language factcheck cannot read, or a title that is the text's own first line
    (then its figures are the body's, read once, and the cross-referencing reads that line as
    the headline: ``factcheck.crossref.headlines.title_ids``)."""
    # Line breaks of the title become spaces one for one: its figures' offsets index it.
    title = _ONE_LINE.sub(" ", article.title or "")
    if not title.strip() or not readable(article):
        return None
    lead = article.text.lstrip().split("\n", 1)[0]
    if same_line(title, lead):
        return None
    return Article(article.article_id, f"{title}\n\n{lead.strip()}", None, article.source,
                   article.url, article.published, article.language, article.origin)


_ONE_LINE = re.compile(r"[\r\n\t\v\f\u2028\u2029\x85]")


def _all_bare_claims(article: Article) -> tuple[list[Claim], list[Claim]]:
    """The bare claims of ``article``'s headline (none without a :func:`headline_article`)
    and of its text."""
    headline = headline_article(article)
    title = _bare_claims(headline, "title") if headline is not None else []
    return title, _bare_claims(article)


def extract_claims(article: Article, with_context: bool = True) -> list[Claim]:
    """The claims of one article: every figure, its sentence and (optionally) its context."""
    claims = _joined(*_all_bare_claims(article))
    if with_context and claims:
        from factcheck.context import annotate_many

        claims = _annotated(annotate_many, [(article, claims)])[0]
    return claims


Pairs = list[tuple[Article, list[Claim]]]


def claims_for_chunk(
    articles: Sequence[Article], with_context: bool, timeout: float | None = None
) -> tuple[Pairs, list[SkippedArticle]]:
    """The claims of each article of a chunk, and the articles left out: over their time
    budget, or whose figures or context raised an exception."""
    pairs: Pairs = []
    skipped: list[SkippedArticle] = []
    for article in articles:
        found = guarded(article, "figure extraction", timeout,
                        lambda article=article: _joined(*_all_bare_claims(article)))
        if isinstance(found, SkippedArticle):
            skipped.append(found)
        else:
            pairs.append((article, found))
    with_figures = [article for article, claims in pairs if claims]
    if not with_context or not with_figures:
        return pairs, skipped
    from factcheck.context import annotate_many  # looked up at call time (tests swap it)

    try:
        with budget(timeout * len(with_figures) if timeout else None):
            annotated = _annotated(annotate_many, pairs)
        return [(a, c) for (a, _), c in zip(pairs, annotated, strict=True)], skipped
    except (ArticleTimeout, Exception) as exc:
        if len(with_figures) == 1:  # the only article the step worked on is the culprit
            culprit = with_figures[0]
            skipped.append(over_budget(culprit, timeout, "context")
                           if isinstance(exc, ArticleTimeout) else failed(culprit, exc, "context"))
            return [(a, c) for a, c in pairs if not c], skipped
    # One article of the chunk overran or failed: each is redone alone, within its own budget.
    done: Pairs = []
    for article, claims in pairs:
        if not claims:
            done.append((article, []))
            continue
        annotated_one = guarded(article, "context", timeout,
                                lambda pair=(article, claims): _annotated(annotate_many, [pair])[0])
        if isinstance(annotated_one, SkippedArticle):
            skipped.append(annotated_one)
        else:
            done.append((article, annotated_one))
    return done, skipped


def _joined(title: list[Claim], body: list[Claim]) -> list[Claim]:
    return title + body


def _annotated(annotate_many: Any, pairs: Pairs) -> list[list[Claim]]:
    """``annotate_many(pairs)``, the headline's figures of each article read in its
    :func:`headline_article`, its text's in the article (one batch for both)."""
    split: Pairs = []
    for article, claims in pairs:
        title = [c for c in claims if c.part == "title"]
        if title:
            split.append((headline_article(article), title))  # type: ignore[arg-type]
            split.append((article, [c for c in claims if c.part != "title"]))
        else:
            split.append((article, claims))
    if len(split) == len(pairs):
        return annotate_many(pairs)
    done = iter(annotate_many(split))
    return [next(done) + next(done) if any(c.part == "title" for c in claims) else next(done)
            for _, claims in pairs]


def claim_row(article: Article, claim: Claim) -> dict[str, Any]:
    """One row of the claims table."""
    m, c = claim.mention, claim.context
    return {
        "article_id": claim.article_id,
        "claim_id": claim.claim_id,
        "start": m.start,
        "end": m.end,
        "surface": m.surface,
        "kind": str(m.kind),
        "value": m.value,
        "low": m.low,
        "high": m.high,
        "unit": m.unit,
        "approx": str(m.approx),
        "resolved": m.resolved,
        "sentence": claim.sentence,
        "subject": c.subject,
        "qualifiers": "; ".join(c.qualifiers) if c.qualifiers else None,
        "category": c.category,
        "actor": c.actor,
        "place": c.place,
        "place_mode": c.place_mode,
        "place_basis": c.place_basis,
        "doer": c.doer,
        "time_start": c.time_start,
        "time_end": c.time_end,
        "time_basis": c.time_basis,
        "source": c.source,
        "source_mode": c.source_mode,
        "modality": c.modality,
        "modality_rule": c.modality_rule,
        "role": m.role or None,
        "basis": c.basis,
        "published": article.published.isoformat() if article.published else None,
        "article_source": article.source,
        "title": article.title,
        "copy_of": None,  # set over the whole corpus by mark_copies
        "sentence_start": claim.sentence_start,
        "number_start": m.number_start,
        "number_end": m.number_end,
        "rule": m.rule or None,
        "part": claim.part,
    }


def rows_for_chunk(
    articles: Sequence[Article], with_context: bool, timeout: float | None = None
) -> tuple[list[dict[str, Any]], list[SkippedArticle]]:
    """The rows of the claims table for a chunk of articles, and the articles left out."""
    pairs, skipped = claims_for_chunk(articles, with_context, timeout)
    rows = [claim_row(article, claim) for article, claims in pairs for claim in claims]
    return rows, skipped


def claims_dataframe(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The claims table of ``rows`` (``claim_row``), with the same dtypes whether it has
    rows or not."""
    columns = ClaimColumns()
    columns.add(rows)
    return columns.frame()


class ClaimColumns:
    """The claims table gathered chunk by chunk as columns, so that a corpus's row dicts are
    never held all at once (a row dict weighs more than a kilobyte; the same row as columns,
    a few hundred bytes): each chunk's numbers become arrays at once, and its text cells join
    their column's list, one object for all equal strings (the sentence of several figures,
    an article's date, the kinds and rules), which changes no value. :meth:`frame` gives the
    table ``claims_dataframe`` gives for all the rows at once, dtypes included."""

    def __init__(self) -> None:
        self._texts: dict[str, list[Any]] = {
            c: [] for c in ALL_CLAIM_COLUMNS if c not in _CLAIM_DTYPES}
        self._numbers: dict[str, list[pd.Series]] = {c: [] for c in _CLAIM_DTYPES}
        self._shared: dict[str, str] = {}
        self.n_rows = 0

    def add(self, rows: list[dict[str, Any]]) -> None:
        """Append the rows of one chunk (``claim_row``)."""
        if not rows:
            return
        one = self._shared.setdefault
        for col, values in self._texts.items():
            cells = [row[col] for row in rows]
            if col in _UNIQUE_TEXT:
                values.extend(cells)
            else:
                values.extend(one(v, v) if type(v) is str else v for v in cells)
        for col, arrays in self._numbers.items():
            arrays.append(_number_column(col, [row[col] for row in rows]))
        self.n_rows += len(rows)

    def frame(self) -> pd.DataFrame:
        """The claims table of every row added (the columns are handed over: call once)."""
        self._shared.clear()
        columns = {}
        for col in ALL_CLAIM_COLUMNS:
            if col in self._texts:
                columns[col] = pd.Series(self._texts.pop(col), dtype="object", name=col)
            else:
                arrays = self._numbers.pop(col)
                columns[col] = (pd.concat(arrays, ignore_index=True) if arrays
                                else _number_column(col, [])).rename(col)
        return pd.DataFrame(columns, columns=list(ALL_CLAIM_COLUMNS))


#: Text columns whose cells are all distinct: not worth looking up.
_UNIQUE_TEXT = frozenset({"claim_id"})


def _number_column(col: str, values: list[Any]) -> pd.Series:
    dtype = _CLAIM_DTYPES[col]
    if dtype == "float64":
        values = [math.nan if v is None else v for v in values]
    return pd.Series(values, dtype=dtype, name=col)
