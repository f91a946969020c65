"""Visible text of an HTML page, with one line per block, and its metadata.

Parsing uses BeautifulSoup with the standard library's ``html.parser``: it never fetches
anything, has no DTD or external entities (so no entity-expansion attack), and builds the
tree without recursion. The text is collected by an explicit-stack walk, so a page nested
hundreds of thousands of levels deep cannot exhaust the Python stack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag

from factcheck.corpus.titles import strip_site_suffix

#: Elements whose content is never shown as text.
_DROPPED = frozenset(
    {
        "head",
        "script",
        "style",
        "nav",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "select",
        "button",
    }
)

#: Elements that start a new line in the extracted text.
_BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)

# HTML collapses ASCII whitespace only: a no-break space is content (French typography puts
# one in "400 000" and before "%"); ``factcheck.text.normalize`` maps it later.
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

_PUBLISHED_META = ("article:published_time", "datepublished", "date", "dc.date", "pubdate")
#: Metadata naming the site a page belongs to (cut from the end of its title).
_SITE_META = ("og:site_name", "application-name")


@dataclass(frozen=True, slots=True)
class HtmlDocument:
    """What an HTML page says: visible text (not yet normalised) and metadata found in it."""

    text: str
    title: str | None = None
    language: str | None = None
    published: str | None = None  # raw value, parsed by the caller
    url: str | None = None


def parse_html(markup: str) -> HtmlDocument:
    """Visible text and metadata of ``markup`` (already decoded)."""
    soup = BeautifulSoup(markup, "html.parser")
    language = _language(soup)
    return HtmlDocument(
        text=visible_text(soup),
        title=_title(soup, language),
        language=language,
        published=_published(soup),
        url=_canonical_url(soup),
    )


def visible_text(soup: BeautifulSoup | Tag) -> str:
    """Text a reader sees, one line per block element, whitespace collapsed outside ``pre``."""
    lines = _Lines()
    stack: list[tuple[object, bool]] = [(soup, False)]
    pre_depth = 0
    while stack:
        node, leaving = stack.pop()
        if leaving:
            assert isinstance(node, Tag)
            if node.name == "pre":
                pre_depth -= 1
            lines.break_line()
            continue
        if isinstance(node, NavigableString):
            # Subclasses are comments, doctypes, CDATA, script/style strings: never shown.
            if type(node) is NavigableString:
                lines.add(str(node), keep_spaces=pre_depth > 0)
            continue
        if not isinstance(node, Tag) or _is_hidden(node):
            continue
        if node.name == "br":
            lines.break_line()
            continue
        if node.name in _BLOCKS:
            lines.break_line()
            stack.append((node, True))
            if node.name == "pre":
                pre_depth += 1
        stack.extend((child, False) for child in reversed(node.contents))
    return lines.text()


class _Lines:
    """Accumulates text; a line break is only emitted between non-empty lines."""

    def __init__(self) -> None:
        self._lines: list[str] = []
        self._current: list[str] = []
        self._preformatted = False  # the current line holds text from a <pre>

    def add(self, text: str, *, keep_spaces: bool) -> None:
        if not keep_spaces:
            self._current.append(_HTML_SPACE.sub(" ", text))
            return
        for i, part in enumerate(text.replace("\r\n", "\n").split("\n")):
            if i:
                self.break_line()
            self._current.append(part)
            self._preformatted = True

    def break_line(self) -> None:
        line = "".join(self._current)
        if not self._preformatted:
            line = _HTML_SPACE.sub(" ", line).strip()
        if line.strip():
            self._lines.append(line.rstrip())
        self._current = []
        self._preformatted = False

    def text(self) -> str:
        self.break_line()
        return "\n".join(self._lines)


def _is_hidden(tag: Tag) -> bool:
    if tag.name in _DROPPED or tag.has_attr("hidden"):
        return True
    if str(tag.get("aria-hidden", "")).lower() == "true":
        return True
    style = tag.get("style")
    return isinstance(style, str) and bool(_HIDDEN_STYLE.search(style))


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    cleaned = _HTML_SPACE.sub(" ", text).strip()
    return cleaned or None


def _title(soup: BeautifulSoup, language: str | None = None) -> str | None:
    """The page's ``<title>`` (else its ``<h1>``) without the site's name it ends with
    ("… - Le Courrier du Sud": ``factcheck.corpus.titles``), told by the page's
    ``og:site_name`` or by its ``<h1>`` headline coming before it."""
    headline = _tag_text(soup, "h1")
    title = _tag_text(soup, "title")
    if not title:
        return headline  # the page's own headline: no site's name to cut
    return strip_site_suffix(title, (_meta_content(soup, _SITE_META),), headline,
                             language or "fr")


def _tag_text(soup: BeautifulSoup, name: str) -> str | None:
    tag = soup.find(name)
    return _clean(tag.get_text(" ")) if isinstance(tag, Tag) else None


def _language(soup: BeautifulSoup) -> str | None:
    html = soup.find("html")
    lang = html.get("lang") if isinstance(html, Tag) else None
    if not isinstance(lang, str) or not lang.strip():
        return None
    # "fr-FR" -> "fr": the rest of the pipeline works per language, not per region.
    return lang.strip().split("-")[0].split("_")[0].lower() or None


def _meta_content(soup: BeautifulSoup, names: tuple[str, ...]) -> str | None:
    for meta in soup.find_all("meta"):
        if not isinstance(meta, Tag):
            continue
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        content = meta.get("content")
        if isinstance(key, str) and key.lower() in names and isinstance(content, str):
            value = _clean(content)
            if value:
                return value
    return None


def _published(soup: BeautifulSoup) -> str | None:
    # Only explicit page metadata: a <time> element may date a related article or a comment.
    return _meta_content(soup, _PUBLISHED_META)


def _canonical_url(soup: BeautifulSoup) -> str | None:
    for link in soup.find_all("link", href=True):
        if isinstance(link, Tag) and "canonical" in (link.get("rel") or []):
            href = link.get("href")
            if isinstance(href, str):
                return _clean(href)
    return _meta_content(soup, ("og:url",))
