"""Highlighting escapes every piece of text and marks figures by status."""

from __future__ import annotations

import re

import pytest

from factcheck.dashboard.highlight import (
    Span,
    SpanStatus,
    escape_markdown,
    highlight_fragments,
    highlight_html,
    legend_html,
    link_html,
    safe_link_url,
)

TEXT = "L'administration Biden a annoncé une aide de 988 millions de dollars à Kiev."


def _marked(html_text: str) -> list[str]:
    return re.findall(r"<mark[^>]*>(.*?)</mark>", html_text)


def test_figure_is_wrapped_with_its_status():
    start = TEXT.index("988")
    end = start + len("988 millions de dollars")
    out = highlight_fragments(TEXT, [Span(start, end, SpanStatus.FLAGGED, key="c1")])
    assert _marked(out) == ["988 millions de dollars"]
    assert 'data-status="flagged"' in out
    assert 'data-claim="c1"' in out
    assert out.startswith("L&#x27;administration")


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert('x')</script>",
        '<img src=x onerror="alert(1)">',
        "<b>gras</b> & <i>italique</i>",
        '"><svg onload=alert(1)>',
    ],
)
def test_html_in_the_text_is_escaped_inside_and_outside_marks(payload):
    text = f"{payload} Selon Kiev, 46 drones {payload} ont été abattus."
    start = text.index("46 drones")
    out = highlight_html(text, [Span(start, start + len("46 drones " + payload), title=payload)])
    assert "<script" not in out and "<img" not in out and "<svg" not in out and "<b>" not in out
    # The only tags left are the wrapper and the mark built by the highlighter.
    assert {t for t in re.findall(r"</?([a-z]+)", out)} == {"div", "mark"}
    assert "&lt;" in out


def test_tooltip_quotes_cannot_break_out_of_the_attribute():
    out = highlight_fragments("12 morts", [Span(0, 2, title='x" onmouseover="alert(1)')])
    assert 'onmouseover="' not in out
    assert "&quot;" in out


def test_spans_out_of_order_overlapping_or_out_of_range_are_handled():
    text = "17 drones à Belgorod, 12 dans la région de Koursk"
    spans = [
        Span(22, 24, SpanStatus.CONSISTENT),
        Span(0, 2, SpanStatus.FLAGGED),
        Span(1, 9, SpanStatus.CONFIRMED),  # overlaps the first: skipped
        Span(40, 400, SpanStatus.DISMISSED),  # clipped at the end of the text
        Span(5, 5),  # empty: skipped
    ]
    out = highlight_fragments(text, spans)
    assert _marked(out) == ["17", "12", "de Koursk"]
    assert re.sub(r"<[^>]+>", "", out) == text


def test_selected_figure_is_outlined_and_text_kept_whole():
    out = highlight_html("a\n400 000 soldats", [Span(2, 9, selected=True)])
    assert "outline" in out
    assert "pre-wrap" in out  # line breaks of the article are kept


def test_legend_escapes_labels():
    out = legend_html({SpanStatus.FLAGGED: "<signalé>"})
    assert "&lt;signalé&gt;" in out
    assert len(_marked(out)) == len(SpanStatus)


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("![pixel](http://evil.example/p.png)", r"\!\[pixel\]\(http\://evil\.example/p\.png\)"),
        ("**gras** _x_", r"\*\*gras\*\* \_x\_"),
        ("Kiev : 46 drones", r"Kiev \: 46 drones"),
    ],
)
def test_escape_markdown(raw, escaped):
    assert escape_markdown(raw) == escaped


@pytest.mark.parametrize(
    "url",
    [
        "https://www.lemonde.fr/international/article/2024/12/08/kiev.html",
        "http://example.org/a?b=1&c=2#d",
        "HTTPS://WWW.LIBERATION.FR/",
    ],
)
def test_http_addresses_become_links(url):
    assert safe_link_url(url) == url
    out = link_html(url, "lire <l'article>")
    assert out.startswith('<a href="') and 'rel="noopener noreferrer nofollow"' in out
    assert "lire &lt;l&#x27;article&gt;</a>" in out
    assert "&amp;c=2" in out or "&" not in url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        "/relative/path",
        "http://",
        "https://ex.com/\"onmouseover=\"alert(1)",
        "https://ex.com/<script>",
        "http://a b.fr",
        "ftp://ex.com/file",
        "",
        None,
        42,
    ],
)
def test_other_addresses_are_text_never_links(url):
    assert safe_link_url(url) is None
    out = link_html(url, "lien")
    assert "<a" not in out and "<" not in out.replace("&lt;", "")
