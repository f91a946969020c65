"""Where a report's source stops: a section heading. News sets an intertitle of words
("Quelques heurts dans les cortèges", "Effet trompe l'œil") on a line of its own between
paragraphs to open another part of the story; a source named in the body for the part above
does not state the figures below it that name none: they take the story's source, the one
the lead names (``_sentence``, ``_report.ArticleState.story_source``). A heading with a
figure ("3 000 habitants coupés du monde", "Plus de 2000 manifestants") restates its
section's report: no break, unless the source above was named for no figure (it has no report
to restate); a date is no figure ("Hausse des tarifs à partir du 1er février
2024", "Des fermetures prévues pour 2026" are headings of words). A
bulletin or a study goes on past its headings for the figures that measure what it measured
(``continues_report``). Length, ends and quotation marks of a heading from ``[described]`` of
``context_source.toml``. Private to ``factcheck.context``."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING

import regex

from factcheck.context._narration import described_data
from factcheck.context._time_data import time_data
from factcheck.context.lexicon import subject_data
from factcheck.context.subject_lists import is_prose
from factcheck.lang import load_data
from factcheck.models import Kind

if TYPE_CHECKING:
    from factcheck.context.nlp import Tok

#: Kinds whose unit names what is measured (°C, km, hectolitres), unlike a share or money.
_UNIT_KINDS = frozenset({Kind.QUANTITY})


def continues_report(toks: Sequence[Tok], kind: Kind, subject: str | None, unit: str | None,
                     metrics: frozenset[str], units: frozenset[str]) -> bool:
    """Whether a figure below a section heading goes on with the report above: its sentence
    names a metric the report's figures measured ("54 347 visites aux urgences" above, "la
    proportion d'hospitalisation par rapport aux visites" below), or it measures in the
    unit of one of them ("45,9 °C" above, "46 °C" below). What is said of people in general
    ("personnes") or of time ("années") ties no section to another."""
    data = subject_data()
    metrics = metrics - data.generic_nouns - data.time_nouns
    if kind in _UNIT_KINDS and unit and unit in units:
        return True
    if subject in metrics:
        return True
    return any(t.pos == "NOUN" and (t.lemma.lower() in metrics or t.lower in metrics)
               for t in toks)


@cache
def _dates() -> regex.Pattern[str]:
    """A date in a heading ("1er février 2024", "mars 2023"), or a year after a month or a
    word of time ("en 2024", "fin 2028": ``heading_year_after`` of ``[described]``): not a
    figure of the section (months from ``context_time.toml``). A number of four digits
    elsewhere ("Plus de 2000 manifestants") is a count: a figure."""
    months = "|".join(sorted(time_data().months, key=len, reverse=True))
    after = "|".join(regex.escape(w) for w in sorted(
        load_data("fr", "context_source")["described"]["heading_year_after"], key=len,
        reverse=True))
    return regex.compile(rf"\b(?:\d{{1,2}}(?:er)?\s+(?:{months})(?:\s+\d{{4}})?"
                         rf"|(?:{months})\s+\d{{4}})\b"
                         rf"|(?<=(?:^|[\s(])(?:{after})\s+)(?:19|20)\d{{2}}\b",
                         regex.IGNORECASE)


def _heading_line(line: str, before: str, after: str, figures: bool = False) -> bool:
    """Whether ``line`` is an intertitle: a few words, capitalised, without a final stop,
    a label's colon or a list's, with no figure but a date (any figure with ``figures``),
    after a paragraph of prose (``before``, the text up to it) and before one (``after``,
    the next line of text)."""
    data = described_data()
    words = line.strip().strip(data.heading_quotes).strip()
    if not words or not words[0].isupper() or words.endswith(data.heading_ends) \
            or ":" in words \
            or (not figures and any(c.isdigit() for c in _dates().sub("", words))):
        return False
    if all(w[:1].isupper() for w in words.split()):
        return False  # a name on its line: a byline, a place
    if words.lower().startswith(data.not_headings):
        return False  # page furniture: a byline, a link to another page, a credit
    if not 2 <= len(words.split()) <= data.heading_max_words:
        return False
    if not is_prose(before.rsplit("\n", 1)[-1]):
        return False
    return is_prose(after)


def section_break(text: str, named_at: int, start: int, counted: bool = True) -> bool:
    """Whether a section heading stands between the sentence that named the report's source
    (at ``named_at``) and a figure's sentence (at ``start``). A heading with a figure
    restates the report of figures above it; a source named for no figure (``counted``
    false: "Le service de prévision estime que les pluies resteront modérées") has none to
    restate, and such a heading ("Près de 150 villages sinistrés") opens another part too."""
    first = text.find("\n", named_at)
    if first < 0 or first >= start:
        return False
    return _heading_between(text, named_at, first, text.rfind("\n", 0, start) + 1,
                            not counted)


#: Reports and lines kept: the figures of an article are read in turn.
_MEMO = 1024


@lru_cache(maxsize=_MEMO)
def _heading_between(text: str, named_at: int, first: int, line_start: int,
                     figures: bool = False) -> bool:
    """Whether a line from ``first`` to ``line_start`` is a heading (:func:`section_break`);
    one answer for the figures of a line."""
    lines = text[first:line_start].split("\n")
    offset = first
    for n, line in enumerate(lines):
        if line.strip():
            after = next((rest for rest in lines[n + 1 :] if rest.strip()), None)
            if after is None:
                after = text[line_start:].split("\n", 1)[0]
            if _heading_line(line, text[named_at:offset].rstrip(), after, figures):
                return True
        offset += len(line) + 1
    return False


@lru_cache(maxsize=_MEMO)
def lead_end(text: str) -> int:
    """The end of an article's lead: its headline and first paragraph of prose (the first
    line closed like a sentence), where news names the source the whole story reports."""
    offset = 0
    for line in text.split("\n"):
        offset += len(line) + 1
        if is_prose(line):
            return offset
    return len(text)
