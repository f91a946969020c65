"""Stage 2, finding figures: the scanner that reads every figure of a text.

In: an article's normalised text (and its publication date, to resolve dates).
Out: :class:`factcheck.models.Mention` records: span, kind, value, interval, unit,
approximation, resolved date, the rule that found it.

Public face: :func:`extract_mentions` (``scanner``); ``dates`` (calendar expressions, also
read by the context stage) and ``numbers`` (numbers in digits and words). The engine holds no
French word: ``lexicon`` builds its patterns from the language data of ``factcheck/lang/``.
Private parts (leading underscore): ``_figure_reading``, ``_approx_reading`` and
``_range_reading`` (what a number is once found), ``_ellipsis`` (currencies left unsaid),
``_lexicon_*`` (the pattern builders for numbers, units, cues and calendar words).

Imports only ``factcheck.models``, ``factcheck.patterns``, ``factcheck.text`` and
``factcheck.lang``: nothing of the later stages.
"""

from __future__ import annotations

from factcheck.extract.scanner import extract_mentions

__all__ = ["extract_mentions"]
