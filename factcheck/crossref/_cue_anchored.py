"""The cross-reference cues read at the edge of a stretch of text: the words a stretch ends
with right before a figure (a back reference, a gathering's, a negation of an activity, a part
of a series, its whole) or opens with right after it (a part of a series). Private to
``factcheck.crossref`` (used by ``cue_words.load_lexicon``)."""

from __future__ import annotations

import regex

from factcheck.crossref.cue_sets import _pattern


def anchored_cues(data: dict) -> dict[str, regex.Pattern[str]]:
    """The :class:`~factcheck.crossref.cue_words.Lexicon` fields of the anchored cues, from the
    data of ``crossref.toml``."""
    return {
        "back_reference": regex.compile(
            rf"(?:^|\W)(?:{_pattern(data['structure']['back_reference']).pattern})\s+$",
            regex.IGNORECASE | regex.V1),
        "gathering_before": regex.compile(
            rf"(?:{_pattern(data['outcome_families']['gathering']['before']).pattern})\s+$",
            regex.IGNORECASE | regex.V1),
        "activity_negation": regex.compile(
            rf"(?:{_pattern(data['outcome_families']['negations']).pattern})\s+$",
            regex.IGNORECASE | regex.V1),
        "part_before": regex.compile(
            rf"(?:{_pattern(data['series']['part_before']).pattern})\s+(?:[\p{{L}}'\u2019-]+\s+)?$",
            regex.IGNORECASE | regex.V1),
        "part_after": regex.compile(
            rf"^\s*(?:{_pattern(data['series']['part_after']).pattern})",
            regex.IGNORECASE | regex.V1),
        "whole_before": regex.compile(
            rf"\d(?:[\d\s.,]*\d)?(?:\s+[\p{{L}}'\u2019-]+){{0,3}}\s+"
            rf"(?:{_pattern(data['series']['whole_before']).pattern})\s+$",
            regex.IGNORECASE | regex.V1),
    }
