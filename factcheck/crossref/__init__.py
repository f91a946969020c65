"""Stage 4, cross-referencing: figures put side by side, within an article and across
articles, and against the curated reference figures.

In: the claims table (``factcheck.models.CLAIM_COLUMNS``, with context) and optionally the
reference figures. Out: links (``LINK_COLUMNS``), flags (``FLAG_COLUMNS``) and the parts/total
structures (``SUM_COLUMNS``).

Public face: :func:`cross_reference` and :func:`sum_checks` (``engine``),
:func:`load_reference` (``reference``), :class:`DraftChecker` (``draft``, a draft against a
corpus), ``timeline`` (a metric's figures over time). How a pair is judged: ``matching``
(comparable views and blocking), ``scope`` (what each figure covers), ``repeats`` (one
figure stated again, met by its number), ``renamed`` (one amount under another name of its
metric), ``pairs`` (which pairs of a block are judged),
``relations`` (same, compatible, evolution, contradiction, different scope),
``structures`` (parts and totals),
``explain`` (the French explanations), ``gates`` (which gate stopped a pair that was not
linked, for the evaluation), ``cue_words`` (the crossref words of
``lang/fr/crossref.toml``). Flags are raised by the registered rules of ``rules/``, one
module each.

Imports the earlier stages' records only (``factcheck.models``, ``factcheck.context.names``
for source identity): never the pipeline, the CLI or the dashboard.
"""

from __future__ import annotations

from factcheck.crossref.draft import DraftChecker, DraftResult
from factcheck.crossref.engine import cross_reference, sum_checks
from factcheck.crossref.reference import DEFAULT_REFERENCE_PATH, load_reference

__all__ = [
    "DEFAULT_REFERENCE_PATH",
    "DraftChecker",
    "DraftResult",
    "cross_reference",
    "load_reference",
    "sum_checks",
]
