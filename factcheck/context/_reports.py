"""Where a report ends: how far the source named in the lead or an earlier sentence carries.

A source named once covers the figures of the report that follows ("selon le ministère, ...",
then the breakdown), but not every figure of the page. It stops at:

* a section heading: a short line of its own, without figures nor a final stop ("– Réfugiés",
  "Des cortèges disparates, une même colère"), opens another report on a page that quoted
  several sources (under a single one, it is only a subsection of its report);
* an entry of a live blog: a paragraph opening with a time ("17h30 : ...") is its own report;
* an embedded post (a tweet's credit line "— Name (@handle) date", "pic.twitter.com"): its
  figures are the post's, not the report's;
* an order of magnitude in words ("des centaines de personnes", "plusieurs milliers de
  secouristes") further than the sentence right after the source's: the writer's
  description, not a count someone gave (right after it, it goes on with the source's
  report: "... 78 000 détenus, selon le ministère. Des milliers dorment au sol.").

Private to ``factcheck.context``; the words come from ``[reports]`` of ``context_source.toml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import regex

from factcheck.lang import load_data
from factcheck.models import Mention


@dataclass(frozen=True, slots=True)
class _ReportData:
    heading_max_words: int
    stops: str  # characters that end a sentence (a line ending with one is no heading)
    bullets: str  # characters that open a list item or a heading ("–", "•")
    live_entry: regex.Pattern[str]  # a paragraph opening with a time
    embed: regex.Pattern[str]  # an embedded post's credit
    vague_openers: frozenset[str]  # "des", "plusieurs": an order of magnitude in words
    sentence_end: regex.Pattern[str]  # the end of a sentence inside a paragraph


@cache
def _data(code: str = "fr") -> _ReportData:
    d = load_data(code, "context_source").get("reports", {})
    return _ReportData(
        heading_max_words=int(d.get("heading_max_words", 10)),
        stops=str(d.get("heading_not_after", "")),
        bullets=str(d.get("bullets", "")),
        live_entry=regex.compile(d.get("live_entry", r"(?!)")),
        embed=regex.compile(d.get("embed", r"(?!)"), regex.IGNORECASE),
        vague_openers=frozenset(d.get("vague_openers", [])),
        sentence_end=regex.compile(d.get("sentence_end", r"(?!)")),
    )


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _is_heading(line: str, data: _ReportData) -> bool:
    core = line.strip().lstrip(data.bullets).strip()
    if not core or any(ch.isdigit() for ch in core) or core[-1] in data.stops:
        return False
    return len(core.split()) <= data.heading_max_words


@cache
def _starts(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Offsets of the section headings and of the live-blog entries of ``text``."""
    data = _data()
    headings, entries = [], []
    paragraphs = [(s, e) for s, e in _paragraphs(text) if text[s:e].strip()]
    for n, (s, e) in enumerate(paragraphs):
        line = text[s:e]
        if data.live_entry.match(line):
            entries.append(s)
        elif _is_heading(line, data) and n + 1 < len(paragraphs):
            # A heading opens prose, not a cell of a table ("Janvier" then "5 273").
            ns, ne = paragraphs[n + 1]
            if len(text[ns:ne].split()) > data.heading_max_words:
                headings.append(s)
    return tuple(headings), tuple(entries)


def in_embed(text: str, offset: int) -> bool:
    """Whether ``offset`` lies in an embedded post (a paragraph with a post's credit)."""
    s = text.rfind("\n", 0, offset) + 1
    e = text.find("\n", offset)
    return bool(_data().embed.search(text[s : e if e >= 0 else len(text)]))


def is_vague(mention: Mention) -> bool:
    """ "des centaines", "plusieurs milliers": an order of magnitude in words, no value."""
    words = mention.surface.casefold().split()
    return mention.value is None and not any(ch.isdigit() for ch in mention.surface) \
        and bool(words) and words[0] in _data().vague_openers


def _next_sentence(between: str) -> bool:
    """Whether the text from the start of a sentence to a figure spans at most one sentence
    end, in one paragraph."""
    return "\n" not in between.strip() and len(_data().sentence_end.findall(between)) <= 1


def carries(text: str, speakers: Sequence[tuple[int, str]], mention: Mention) -> bool:
    """Whether the last source of ``speakers`` (offset of the sentence naming it, name), the
    sources named so far in the article, covers ``mention``, a figure further down without a
    source of its own. A heading ends the report of a page that quoted several sources (a
    round-up: each section has its own); under a single source, it is only a subsection."""
    if not speakers or in_embed(text, mention.start):
        return False
    named_at = speakers[-1][0]
    if is_vague(mention) and not _next_sentence(text[named_at : mention.start]):
        return False
    headings, entries = _starts(text)
    if any(named_at < s <= mention.start for s in entries):
        return False
    several = len({name for _, name in speakers}) > 1
    return not (several and any(named_at < s <= mention.start for s in headings))
