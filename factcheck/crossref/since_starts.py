"""A date that starts a span: "depuis l'attentat du 14 juillet 2016, 2 400 militaires
patrouillent", "à partir du 1er mars 2024", "dès le 3 mai"; not "après le match du 3 mars
2024" (the event a figure follows: that day's toll).

The context reads a figure's period off the date of its sentence; after "depuis le" it opens
the period ("depuis le 14 juillet 2016": to the publication), but a date completing an event's
noun ("depuis l'attentat du 14 juillet 2016") stays that day, and two articles giving the
patrol's strength (a running count, a stock, money spent since) were one event day for
cross-referencing. Here a figure's period whose start is such a date, introduced by a cue of
``[since_start]`` (``lang/fr/crossref.toml``) within a few words and no clause mark, is read
open: it runs to the publication of a dated article, and its end is unknown in an undated
one, where it never stands for the missing date (:mod:`factcheck.crossref.text_periods`).
Not a figure inside the phrase, nor one after a relative clause or in a bracket opened right
after the date ("après la grève du 5 décembre 2019, où 40 % des enseignants ont cessé le
travail", "un record après celui de juillet 2024 (78 509)": that day's own).
The claims table's own period is left as it is (read as the day, it matched the frozen
split's gold better: docs/context.md)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd
import regex

from factcheck.crossref.cells import cell_text
from factcheck.lang import load_data

#: A date of a sentence: its offsets in the article, its period's start and end.
DateSpan = tuple[int, int, str, str]
#: Kinds of the figures that are dates ("14 juillet 2016", "mars 2023"). Not a bare year
#: ("depuis la crise de 2008"): read open too, it added three links to the frozen split, one
#: wrong, and none on dev or the flag review set (since34).
_DATE_KINDS = ("date",)
_CLAUSE = regex.compile(r"[,;:()]")
_OPENING = regex.compile(r"[\s,]*")
_WORD = regex.compile(r"[\p{L}\p{N}'’-]+", regex.V1)


@dataclass(frozen=True, slots=True)
class SinceCues:
    cue: regex.Pattern[str]
    reach: int
    relative: regex.Pattern[str]


def _words(words: list[str], after: str) -> regex.Pattern[str]:
    alternatives = "|".join(regex.escape(w.lower()) for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}'’-])(?:{alternatives}){after}",
                         regex.V1 | regex.IGNORECASE)


@cache
def since_cues(code: str = "fr") -> SinceCues:
    table = load_data(code, "crossref").get("since_start", {})
    return SinceCues(cue=_words(list(table.get("cues", ["\0"])), r"(?=\s)"),
                     reach=int(table.get("reach", 0)),
                     relative=_words(list(table.get("relatives", ["\0"])),
                                     r"(?![\p{L}\p{N}'’-])"))


def sentence_dates(claims: pd.DataFrame, keep: np.ndarray | None = None
                   ) -> dict[tuple[str, str], list[DateSpan]]:
    """The dates of ``claims`` (rows of kind "date"; of ``claims[keep]``) by article and
    sentence text."""
    needed = ("kind", "article_id", "sentence", "start", "end", "time_start", "time_end")
    if claims.empty or any(c not in claims.columns for c in needed):
        return {}
    mask = claims["kind"].map(cell_text).isin(_DATE_KINDS).to_numpy()
    if keep is not None:
        mask = mask & keep
    out: dict[tuple[str, str], list[DateSpan]] = defaultdict(list)
    dates = claims[mask]
    for article, sentence, start, end, ts, te in zip(*(dates[c].tolist() for c in needed[1:]),
                                                     strict=True):
        try:
            span = (int(start), int(end), cell_text(ts)[:10], cell_text(te)[:10])
        except (TypeError, ValueError):
            continue
        out[(cell_text(article), cell_text(sentence))].append(span)
    return dict(out)


def starts_span(row: dict, dates: list[DateSpan], cues: SinceCues) -> bool:
    """Whether the period of the figure ``row`` (a view's row dict, its offsets relative to
    its sentence in ``_rel_start``/``_rel_end``, the sentence's offset in ``_s0``) is the
    start of a span a cue opens: read as the day of a date that a since-cue introduces in
    its sentence, every such date, with the figure outside the phrase."""
    ts, te = cell_text(row.get("time_start"))[:10], cell_text(row.get("time_end"))[:10]
    s0 = row.get("_s0")
    if not ts or s0 is None or cell_text(row.get("time_basis")):
        return False
    own = [(a - s0, b - s0) for a, b, d_ts, d_te in dates
           if d_ts == ts and te in (d_te, "", cell_text(row.get("published"))[:10])]
    sentence = row["sentence"]
    starts = [a - s0 for a, *_ in dates]
    return bool(own) and all(_introduced(sentence, a, b, row["_rel_start"], row["_rel_end"], cues,
                                         starts) for a, b in own)


def _introduced(sentence: str, start: int, end: int, fig_start: int, fig_end: int,
                cues: SinceCues, starts: list[int]) -> bool:
    if start < 0 or end > len(sentence):
        return False
    found = list(cues.cue.finditer(sentence, 0, start))
    if not found:
        return False
    cue = found[-1]
    between = sentence[cue.end():start]
    if _CLAUSE.search(between) or len(_WORD.findall(between)) > cues.reach:
        return False
    if any(cue.end() <= other < start for other in starts):
        return False  # "depuis janvier 2024 et jusqu'au 26 juin 2024": the cue's date is the first
    if cue.start() <= fig_start < end or cue.start() < fig_end <= end:
        return False  # the figure is inside the phrase ("après 3 % en 2023")
    if fig_start < end:
        return True
    after = _OPENING.match(sentence, end).end()
    # "la grève du 1er février où, selon le ministère, 30 % des enseignants étaient en grève",
    # "celui de juillet 2024 (78 509 détenus)": a relative clause or a bracket right after
    # the date gives the event's own figures (where a relative clause ends is not read:
    # "l'attentat du 14 juillet 2016, qui a fait 86 morts, 2 400 militaires" is left as the
    # day).
    bracket = sentence.startswith("(", after) and ")" not in sentence[after:fig_start]
    return not (bracket or cues.relative.match(sentence, after, fig_start))
