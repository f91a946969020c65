"""The dashboard's analysis, without Streamlit: the pipeline run batch by batch (for the
progress bar), each article within its time budget, the articles left out worded in French
like the reader's messages, and a draft read within the same budget.

The budget is ``$FACTCHECK_ARTICLE_TIMEOUT`` (``settings``, read as the command line reads
``--article-timeout``). Streamlit runs the script in a thread of its own, where the budget is
the cooperative deadline of ``factcheck.deadline`` (``factcheck.budget``): an article that
stalls the figure reader or the context is left out, and the others are shown.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import pandas as pd

from factcheck.budget import ARTICLE_TIMEOUT_ENV, DEFAULT_ARTICLE_TIMEOUT, SkippedArticle
from factcheck.models import FLAG_COLUMNS, LINK_COLUMNS, Article

if TYPE_CHECKING:
    from factcheck.crossref import DraftChecker, DraftResult
    from factcheck.pipeline import Analysis

ANALYSIS_BATCH = 16  # articles per extraction batch: one progress step each

ProgressFn = Callable[[int, int], None]

#: The steps of ``factcheck.budget``, as the messages name them.
_STEPS = {"figure extraction": "la lecture des chiffres", "context": "la lecture du contexte"}


@dataclass(frozen=True, eq=False)
class CorpusAnalysis:
    """The tables of one analysis, and the articles it left out (no row in its claims)."""

    analysis: Analysis
    left_out: tuple[SkippedArticle, ...] = ()


def left_out_message(skipped: SkippedArticle, what: str | None = None) -> str:
    """Why an article was left out, in French, naming its file (``what`` names it instead:
    "Brouillon")."""
    shown = what or f"{skipped.origin or skipped.article_id} : article « {skipped.article_id} »"
    step = _STEPS.get(skipped.step, skipped.step or "l'analyse")
    if skipped.seconds is not None:
        return (f"{shown} non analysé : {step} a dépassé le temps de calcul permis pour un "
                f"article ({f'{skipped.seconds:g}'.replace('.', ',')} s, réglage "
                f"{ARTICLE_TIMEOUT_ENV}).")
    return f"{shown} non analysé : erreur pendant {step} ({skipped.error or skipped.reason})."


def _empty(columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})


def analyze_with_progress(
    articles: Sequence[Article],
    on_progress: ProgressFn | None = None,
    reference: pd.DataFrame | None = None,
    batch: int = ANALYSIS_BATCH,
    article_timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
) -> CorpusAnalysis:
    """``pipeline.analyze`` done batch by batch so a progress bar can follow the extraction;
    same tables as ``analyze`` (claims of each batch, then one cross-reference), each article
    within ``article_timeout`` seconds of processor time (None: no limit)."""
    from factcheck.pipeline import Analysis, articles_frame, claims_frame, mark_copies

    left_out: list[SkippedArticle] = []
    frames = []
    total = len(articles)
    for start in range(0, total, batch):
        frames.append(claims_frame(articles[start : start + batch],
                                   article_timeout=article_timeout, on_skipped=left_out.append))
        if on_progress is not None:
            on_progress(min(start + batch, total), total)
    claims = pd.concat(frames, ignore_index=True) if frames else claims_frame([])
    # Copies across batches too; an article left out is no original (as in the pipeline).
    gone = {s.article_id for s in left_out}
    claims = mark_copies(claims, [a for a in articles if a.article_id not in gone])
    if importlib.util.find_spec("factcheck.crossref.engine") is None:
        links, flags = _empty(LINK_COLUMNS), _empty(FLAG_COLUMNS)
    else:
        from factcheck.crossref import cross_reference

        links, flags = cross_reference(claims, reference)
    analysis = Analysis(articles=articles_frame(articles), claims=claims, links=links,
                        flags=flags)
    return CorpusAnalysis(analysis, tuple(left_out))


def check_draft(
    checker: DraftChecker, text: str, published: date | None,
    article_timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
) -> tuple[DraftResult, SkippedArticle | None]:
    """``checker.check`` with the draft read within ``article_timeout`` seconds of processor
    time, like any article; the report of the draft when it was left out (then it has no
    figure)."""
    from factcheck import pipeline  # claims_frame looked up at call time (tests swap it)

    left_out: list[SkippedArticle] = []

    def read(articles: list[Article]) -> pd.DataFrame:
        return pipeline.claims_frame(articles, article_timeout=article_timeout,
                                     on_skipped=left_out.append)

    result = checker.check(text, published, claims_fn=read)
    return result, (left_out[0] if left_out else None)
