"""The cross-reference cues read at the edge of a stretch of text: the words a stretch ends
with right before a figure (a back reference, a gathering's, a negation of an activity, a part
of a series, its whole) or opens with right after it (a part of a series). Private to
``factcheck.crossref`` (used by ``cue_words.load_lexicon``)."""

from __future__ import annotations

import regex

from factcheck.crossref.cue_sets import _pattern

#: Ending the stretch, with the spaces before the figure.
_AT_END = r"\s+$"
#: A word between the cue and the figure ("[\p{L}'’-]+").
_WORD = r"[\p{L}'\u2019-]+"


def _edge(words: list[str], before: str = "", after: str = _AT_END) -> regex.Pattern[str]:
    """Any of ``words`` between the regular expressions ``before`` and ``after``."""
    return regex.compile(rf"{before}(?:{_pattern(words).pattern}){after}",
                         regex.IGNORECASE | regex.V1)


def anchored_cues(data: dict, demonstratives: list[str]) -> dict[str, regex.Pattern[str]]:
    """The :class:`~factcheck.crossref.cue_words.Lexicon` fields of the anchored cues, from the
    data of ``crossref.toml`` and the ``demonstratives`` of ``context_subject.toml``
    (``[anaphora]``, the one list of them: "Ces 60 milliards" points back)."""
    gathering, series = data["outcome_families"]["gathering"], data["series"]
    return {
        "back_reference": _edge(demonstratives, before=r"(?:^|\W)"),
        "gathering_before": _edge(gathering["before"]),
        "activity_negation": _edge(data["outcome_families"]["negations"]),
        "part_before": _edge(series["part_before"], after=rf"\s+(?:{_WORD}\s+)?$"),
        "part_after": _edge(series["part_after"], before=r"^\s*", after=""),
        "back_partial": _edge(data["structure"]["back_partial"], before=r"^\s*", after=""),
        "other_holder": _edge(series["other_holder"], before=rf"^\s*(?:{_WORD}\s+){{0,3}}",
                              after=""),
        "same_period": _edge(series["same_period"], before=r"(?:^|\W)", after=r"(?:\W|$)"),
        "whole_before": _edge(series["whole_before"],
                              before=rf"\d(?:[\d\s.,]*\d)?(?:\s+{_WORD}){{0,3}}\s+"),
    }
