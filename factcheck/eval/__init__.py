"""Evaluation: the extraction and its context scored against hand-made annotations.

In: gold rows (``reference/gold/*_mentions.jsonl`` format) and the articles they annotate.
Out: an :class:`EvalReport` (precision, recall, F1 per kind, subject and source accuracy,
every error), printed by :func:`format_report`.

Public face: :func:`load_gold`, :func:`evaluate`, :func:`format_report` (``evaluate``);
``compare`` pairs and compares figures, ``report`` holds the report records.
"""

from __future__ import annotations

from factcheck.eval.evaluate import GoldError, evaluate, format_report, load_gold
from factcheck.eval.report import EvalError, EvalReport

__all__ = ["EvalError", "EvalReport", "GoldError", "evaluate", "format_report", "load_gold"]
