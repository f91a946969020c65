"""Text normalisation that keeps offsets, and sentence spans.

Normalisation maps one character to one character, so an offset into the normalised text is
also an offset into the text as the user sees it (after decoding). It runs once, when an
article is read.
"""

from __future__ import annotations

import regex

# One-for-one replacements: spaces that French typography puts in figures ("400 000",
# "12,5 %"), typographic apostrophes and dashes used as minus signs or hyphens.
_ONE_FOR_ONE = {
    "\u00a0": " ",  # no-break space
    "\u202f": " ",  # narrow no-break space (French thousands separator)
    "\u2009": " ",  # thin space
    "\u2007": " ",  # figure space
    "\u2002": " ",
    "\u2003": " ",
    "\u2019": "'",  # right single quotation mark
    "\u2018": "'",
    "\u02bc": "'",
    "\u2032": "'",
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u2212": "-",  # minus sign
    "\u2013": "-",  # en dash, used in ranges "10–15"
    "\ufeff": " ",  # stray BOM inside a text
}


def normalize(text: str) -> str:
    """Return ``text`` with typographic variants replaced, same length, same offsets."""
    out = text
    for old, new in _ONE_FOR_ONE.items():
        # str.translate looks every character up in a table (slow on non-ASCII text); the
        # replacements map to none of the keys, so one replace per character present is the same.
        if old in out:
            out = out.replace(old, new)
    if "\r" in out:
        # Windows line ends: "\r\n" becomes " \n" so offsets are kept.
        out = out.replace("\r\n", " \n").replace("\r", "\n")
    return out


# A sentence ends at . ! ? … (possibly followed by closing quotes) before a space and an
# upper-case letter, a quote or a digit, or at a line break. Abbreviations that end in a dot
# and are followed by a capitalised name ("M. Poutine") must not end a sentence.
_ABBREVIATIONS = (
    "M",
    "MM",
    "Mme",
    "Mmes",
    "Mlle",
    "Dr",
    "Pr",
    "Prof",
    "St",
    "Ste",
    "etc",
    "cf",
    "av",
    "J.-C",
)
_NOT_AFTER = "|".join(regex.escape(a) for a in _ABBREVIATIONS)
# Pasted text often loses the space after a full stop ("forces de l'ordre.Des milliers"): a
# stop glued between a lower-case word and a capitalised one ends a sentence too (not
# initials, "U.S.", nor a title, "M.Dupont", "Mlle.Dupont", "Prof.Martin", nor the "www."
# of a web address, "www.Ville-Brest.fr").
_SENT_END = regex.compile(
    rf"""(?<!\b(?:{_NOT_AFTER}))[.!?…]+(?:\s*["»”)\]])*(?=\s+["«“(\[]?\s*[\p{{Lu}}\d])|\n+"""
    rf"""|(?<!\b(?:{_NOT_AFTER}|www))(?<=\p{{Ll}}{{3}})\.(?=\p{{Lu}}\p{{Ll}})""",
    regex.V1,
)

#: A year written alone: four digits, not part of a number ("2 023", "12023"), a range
#: ("2019-2023"), a decimal or an identifier (a lead's year, ``context.report_year``; the
#: years that place two texts at one time, ``crossref.stories``).
WRITTEN_YEAR = regex.compile(
    r"(?<![\d,.'’/-]|\d )((?:19|20)\d\d)(?![\d%]|[,.]\d|\s*[-–/]\s*\d)")


def same_line(a: str, b: str) -> bool:
    """Whether two lines say the same words, whatever their spacing, case and closing
    punctuation: a headline and the text's first line that repeats it."""
    def norm(s: str) -> str:
        return " ".join(s.split()).rstrip(" .…!?:;").casefold()

    return norm(a) == norm(b)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the sentences of ``text``, trimmed of surrounding spaces."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENT_END.finditer(text):
        _append_trimmed(text, pos, m.end(), spans)
        pos = m.end()
    _append_trimmed(text, pos, len(text), spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def sentence_at(spans: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The sentence span containing ``offset`` (binary search over ``sentence_spans``)."""
    lo, hi = 0, len(spans) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s, e = spans[mid]
        if offset < s:
            hi = mid - 1
        elif offset >= e:
            lo = mid + 1
        else:
            return spans[mid]
    if spans:
        # Offset between two sentences (in trimmed space): take the following one.
        return spans[min(lo, len(spans) - 1)]
    return (0, 0)
