"""Article text as HTML with its figures highlighted, every piece of text escaped.

Text from articles, uploads and drafts is untrusted: each segment goes through
``html.escape`` before the ``<mark>`` tags are wrapped around figures, and attribute values
(tooltips) are escaped too. The only markup in the output is the markup built here, so an
article containing ``<script>`` shows the tag as text.
"""

from __future__ import annotations

import html
import urllib.parse
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

import regex


class SpanStatus(StrEnum):
    CONSISTENT = "consistent"  # no open flag
    FLAGGED = "flagged"  # at least one flag awaiting review
    CONFIRMED = "confirmed"  # reviewed: a flag on it was confirmed as an error
    DISMISSED = "dismissed"  # reviewed: its flags were dismissed as false alarms


#: Background colours (colour-blind-safe pairs) and a border for the selected figure.
STATUS_COLOURS: Mapping[SpanStatus, str] = {
    SpanStatus.CONSISTENT: "#cdebd3",
    SpanStatus.FLAGGED: "#ffc98b",
    SpanStatus.CONFIRMED: "#f4a6a6",
    SpanStatus.DISMISSED: "#d5dcf2",
}


@dataclass(frozen=True, slots=True)
class Span:
    """A figure to highlight: ``[start, end)`` offsets into the text."""

    start: int
    end: int
    status: SpanStatus = SpanStatus.CONSISTENT
    title: str = ""  # tooltip, plain text (escaped here)
    key: str = ""  # claim id, kept as a data attribute
    selected: bool = False


def _mark(text: str, span: Span) -> str:
    colour = STATUS_COLOURS[span.status]
    border = "outline:2px solid #1f3b73;" if span.selected else ""
    attrs = [
        f'class="fc-{span.status.value}"',
        f'style="background:{colour};{border}padding:0 2px;border-radius:3px;color:#111"',
        f'data-status="{span.status.value}"',
    ]
    if span.key:
        attrs.append(f'data-claim="{html.escape(span.key, quote=True)}"')
    if span.title:
        attrs.append(f'title="{html.escape(span.title, quote=True)}"')
    return f"<mark {' '.join(attrs)}>{html.escape(text, quote=True)}</mark>"


def highlight_fragments(text: str, spans: Iterable[Span]) -> str:
    """Escaped ``text`` with ``<mark>`` around each span. Spans out of range or overlapping
    an earlier one are skipped (mentions never overlap; this guards against bad offsets)."""
    out: list[str] = []
    pos = 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        start, end = max(span.start, 0), min(span.end, len(text))
        if start < pos or end <= start:
            continue
        out.append(html.escape(text[pos:start], quote=True))
        out.append(_mark(text[start:end], span))
        pos = end
    out.append(html.escape(text[pos:], quote=True))
    return "".join(out)


def highlight_html(text: str, spans: Iterable[Span]) -> str:
    """A block of escaped text with highlighted figures; line breaks are kept by CSS."""
    body = highlight_fragments(text, spans)
    return (
        '<div class="fc-text" style="white-space:pre-wrap;line-height:1.7;'
        'font-size:1rem">' + body + "</div>"
    )


def headline_html(title: str, spans: Iterable[Span]) -> str:
    """The headline given apart from the text, escaped, its figures highlighted."""
    return ('<div class="fc-headline" style="font-weight:600;font-size:1.25rem;'
            'line-height:1.6;margin-bottom:0.5rem">' + highlight_fragments(title, spans)
            + "</div>")


def legend_html(labels: Mapping[SpanStatus, str]) -> str:
    """A one-line legend of the status colours with the given (escaped) labels."""
    items = [
        _mark(labels.get(status, status.value), Span(0, 0, status)) for status in SpanStatus
    ]
    return '<div class="fc-legend">' + " ".join(items) + "</div>"


_MARKDOWN_SPECIAL = regex.compile(r"([\\`*_{}\[\]()#+\-.!|>~<&$:])")


def escape_markdown(text: str) -> str:
    """Backslash-escape ``text`` for places that render Markdown (labels, captions), so a
    title such as ``![x](http://…)`` is shown as typed and never fetched or rendered."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


_UNSAFE_URL_CHARS = regex.compile(r"[\s\p{Cc}\p{Cf}<>\"'`\\]")


def safe_link_url(url: object) -> str | None:
    """``url`` when it may be a link: an absolute ``http``/``https`` address with a host and
    no whitespace, control or quoting characters. ``javascript:``, ``data:``, relative and
    odd addresses give None (shown as text, never as a link)."""
    if not isinstance(url, str):
        return None
    text = url.strip()
    if not text or _UNSAFE_URL_CHARS.search(text):
        return None
    try:
        parts = urllib.parse.urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return text


def link_html(url: object, label: str) -> str:
    """An escaped link to ``url`` when it is a safe http(s) address, else the escaped
    address (or nothing) as plain text."""
    safe = safe_link_url(url)
    if safe is None:
        return html.escape("" if url is None else str(url), quote=True)
    return (
        f'<a href="{html.escape(safe, quote=True)}" target="_blank" '
        f'rel="noopener noreferrer nofollow">{html.escape(label, quote=True)}</a>'
    )
