"""Tables with column headers: each figure of a row counts what its column's header names.

Two layouts are read from an article's text, before any parsing:

* rows of cells split by "|" or tabs (a markdown table, a pasted spreadsheet): the first such
  line without figures is the header ("| Pays | Arrivées | Décès |"), the lines after it with
  as many cells are rows (a "|---|" rule line is passed over);
* one cell per line (a table copied from a web page): three or more short lines without
  figures in a row are the headers ("Pays d'arrivée", "Arrivées", "Décès"), then groups of
  as many lines, each opened by a label without figures ("Italie") and filled with figures or
  a placeholder ("n.a", "—"); a line opening with "(" is a note of the cell before.

A row's first cell is its label (a place, a team, a category), never its metric: no figure
takes it. A header opening with "dont" ("Dont or") is a part of the column before it that
is not one ("Total médailles"), whose metric it keeps. Group headers above the columns
("1er janvier - 19 mars 2017" over "Arrivées", "Décès") and a table's title are not read: two
columns or two tables with one header give their figures one metric; the end-to-end cases
``two_years_of_one_column_header`` and ``two_tables_with_one_header`` of
``tests/crossref/data/no_flag_texts.json`` keep them from being set against each other. Words
in ``context_subject.toml`` ``[tables]``."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from factcheck.context._table_titles import heading_metric
from factcheck.context.lexicon import SubjectData, grammar
from factcheck.context.nlp import Tok
from factcheck.context.pending import SubjectResult
from factcheck.lang import load_data
from factcheck.models import Mention

_DIGIT = re.compile(r"\d")
_RULE_LINE = re.compile(r"^[\s|:\-+]+$")  # "|---|:---:|"
_PROSE_ENDS = (".", "!", "?", "…", ";")


@dataclass(frozen=True, slots=True)
class TableData:
    part_openers: frozenset[str]  # "Dont or": a part of the column before
    header_openers: frozenset[str]  # "Total médailles", "Nombre de décès"
    placeholders: frozenset[str]  # "n.a", "—": an empty cell
    max_header_words: int  # longer lines are prose, not a header cell
    max_label_words: int  # longer lines are prose, not a row's label
    min_vertical_headers: int  # fewer short lines are labels, not a header row


@cache
def table_data(code: str = "fr") -> TableData:
    d = load_data(code, "context_subject")["tables"]
    return TableData(
        part_openers=frozenset(d["part_openers"]),
        header_openers=frozenset(d["header_openers"]),
        placeholders=frozenset(d["placeholders"]),
        max_header_words=int(d["max_header_words"]),
        max_label_words=int(d["max_label_words"]),
        min_vertical_headers=int(d["min_vertical_headers"]),
    )


@dataclass(frozen=True, slots=True)
class Cell:
    """A cell of a row: its span in the article's text and its column's header text."""

    start: int
    end: int
    header: str
    label: str = ""  # the row's first cell ("Lyon", "Catégorie A")


def table_cells(text: str) -> list[Cell]:
    """The cells of every row of the tables with column headers in ``text``, in order; the
    rows' labels left out."""
    lines = _lines(text)
    return sorted(_separated_cells(lines) + _vertical_cells(lines), key=lambda c: c.start)


def cell_at(cells: list[Cell], offset: int) -> Cell | None:
    """The cell holding the character at ``offset``."""
    return next((c for c in cells if c.start <= offset < c.end), None)


def _lines(text: str) -> list[tuple[int, str]]:
    out, offset = [], 0
    for line in text.split("\n"):
        out.append((offset, line))
        offset += len(line) + 1
    return out


def _split(start: int, line: str) -> list[tuple[int, int, str]] | None:
    """The cells of a line split by "|" or tabs, as spans, or None for a line of prose."""
    sep = "|" if line.count("|") >= 2 else "\t" if "\t" in line.strip() else None
    if sep is None:
        return None
    cells, at = [], 0
    for part in line.split(sep):
        lead = len(part) - len(part.lstrip())
        cells.append((start + at + lead, start + at + len(part.rstrip()), part.strip()))
        at += len(part) + 1
    if sep == "|":  # "| a | b |": the edges are no cells
        if cells and not cells[0][2]:
            cells = cells[1:]
        if cells and not cells[-1][2]:
            cells = cells[:-1]
    return cells if len(cells) >= 2 else None


def _separated_cells(lines: list[tuple[int, str]]) -> list[Cell]:
    out: list[Cell] = []
    header: list[str] | None = None
    for start, line in lines:
        if _RULE_LINE.match(line) and "-" in line:
            continue
        cells = _split(start, line)
        if cells is None:
            header = None  # a table ends at a line of another shape
            continue
        if not any(_DIGIT.search(c[2]) for c in cells) and all(
                len(c[2].split()) <= table_data().max_header_words for c in cells):
            header = [c[2] for c in cells]  # a header row, the first or a new table's
            continue
        if header is None or len(cells) != len(header):
            continue
        out.extend(_row(cells, header))
    return out


def _vertical_cells(lines: list[tuple[int, str]]) -> list[Cell]:
    d = table_data()
    filled = [(s, line.strip(), s + len(line) - len(line.lstrip())) for s, line in lines
              if line.strip()]
    out: list[Cell] = []
    k = 0
    while k < len(filled):
        run = k
        while run < len(filled) and _header_line(filled[run][1]):
            run += 1
        # The run's last short line is the first row's label ("Italie"); its first ones may
        # be the table's title ("Accidents de la route"): the headers are the widest set
        # whose rows follow.
        for first in range(k, run - d.min_vertical_headers):
            header = [filled[j][1] for j in range(first, run - 1)]
            rows, j = [], run - 1
            while (found := _vertical_row(filled, j, len(header)))[0] is not None:
                rows.append(found[0])
                j = found[1]
            if rows:
                for cells in rows:
                    out.extend(_row(cells, header))
                k = j
                break
        else:
            k = max(run, k + 1)
    return out


def _vertical_row(
    filled: list[tuple[int, str, int]], j: int, width: int
) -> tuple[list[tuple[int, int, str]] | None, int]:
    """The ``width`` cells of a row opening at line ``j`` (a label, then figures or
    placeholders; notes in brackets passed over), and the line after it."""
    d = table_data()
    cells: list[tuple[int, int, str]] = []
    while j < len(filled) and len(cells) < width:
        _, text, at = filled[j]
        j += 1
        if text.startswith("(") and cells:
            continue  # "(Itinéraire méd. centrale)": a note of the cell before
        if not cells:
            if _DIGIT.search(text) or len(text.split()) > d.max_label_words \
                    or text.endswith(_PROSE_ENDS):
                return None, j
        elif not (_DIGIT.match(text) or text.lower() in d.placeholders
                  or (text[:1] in "+-–≈~<>" and _DIGIT.search(text[:4]))):
            return None, j
        cells.append((at, at + len(text), text))
    return (cells, j) if len(cells) == width else (None, j)


def _header_line(text: str) -> bool:
    d = table_data()
    return (not _DIGIT.search(text) and len(text.split()) <= d.max_header_words
            and ":" not in text and not text.endswith(_PROSE_ENDS) and text[:1].isupper())


def _row(cells: list[tuple[int, int, str]], header: list[str]) -> list[Cell]:
    d = table_data()
    names = list(header)
    for n in range(1, len(names)):
        first = names[n].split(maxsplit=1)[0].lower() if names[n].split() else ""
        if first in d.part_openers:  # "Dont or": the whole's column before
            names[n] = next((names[m] for m in range(n - 1, 0, -1)
                             if names[m].split()[:1]
                             and names[m].split()[0].lower() not in d.part_openers), "")
    label = cells[0][2] if cells else ""
    return [Cell(start, end, names[n], label) for n, (start, end, text) in enumerate(cells)
            if n > 0 and names[n] and _DIGIT.search(text)]  # not the label nor an empty cell


def column_metric(toks: tuple[Tok, ...], data: SubjectData) -> str | None:
    """The noun a column's header names, as queued by :func:`queue_headers` ("les décès",
    "les médailles" for "Total médailles"), or None (a name, a place, a period)."""
    return heading_metric(toks, data, nouns_only=True)


def header_phrase(header: str) -> str:
    """A header as a noun phrase for the tagger: in lower case, its openers left out ("Total
    médailles" -> "les médailles", "Nombre de décès" -> "les décès") and after a plural
    article, so that a lone word is read as a noun ("Arrivées", "Évacués")."""
    words = header.lower().replace("’", "'").split()
    while words and words[0] in table_data().header_openers:
        words = words[1:]
        if words and words[0] in grammar().de_links:
            words = words[1:]
        elif words and words[0].startswith("d'"):
            words[0] = words[0][2:]
    return "les " + " ".join(words) if words else ""


def queue_headers(text: str, texts: list[str]) -> list[tuple[Cell, int]]:
    """The cells of ``text``'s tables, each with the index in ``texts`` of its header's noun
    phrase (:func:`header_phrase`), appended once per header."""
    cells = table_cells(text)
    index: dict[str, int] = {}
    for cell in cells:
        if cell.header not in index:
            index[cell.header] = len(texts)
            texts.append(header_phrase(cell.header))
    return [(cell, index[cell.header]) for cell in cells]


def column_subject(sub: SubjectResult, m: Mention, toks: tuple[Tok, ...], start: int,
                    cells: list[tuple[Cell, str | None]]) -> SubjectResult:
    """A figure in a table's cell counts what its column's header names ("Décès" ... "481"),
    unless a noun of its own cell says what it counts ("12 médailles"): never the row's label
    ("Catégorie A") or a noun of another cell (:mod:`.subject_tables`)."""
    found = cell_at([c for c, _ in cells], m.start)
    metric = next((x for c, x in cells if c is found), None)
    if found is None or metric is None:
        return sub
    if sub.noun is not None and sub.noun < len(toks) \
            and found.start <= start + toks[sub.noun].start < found.end:
        return sub
    return replace(sub, subject=metric, noun=None, qualifiers=(), rule="table_column")
