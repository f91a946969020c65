"""A site's name cut from the end of a title ("Incendie : 300 hectares brûlés - Le Courrier
du Sud" -> "Incendie : 300 hectares brûlés").

A page's ``<title>`` and the title a CMS exports often end with the site's name after a
separator. Read with it, the title is no longer the text's first line (the page's ``<h1>``)
and is taken for a headline given apart, whose figures are then read a second time. The
separators and the rule are data (``[site_suffix]`` of ``lang/<code>/titles.toml``). From the
end of the title, the last segment after a separator (with a space on each side) is cut,
again and again, while it is

* a name the article gives for its site (its source, the page's ``og:site_name``), after any
  separator;
* what follows the page's own ``<h1>`` headline (the title is that headline, a separator and
  names), after any separator;
* a segment shaped like a name (no digit, a few words), after a separator a headline never
  holds ("|", "·"), never after a dash: "Lyon - Marseille : 2-1" is a headline.

The headline left always keeps a few words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from factcheck.lang import available_languages, load_data


@dataclass(frozen=True, slots=True)
class SiteSuffixRule:
    """How a site's name is told at the end of a title (``[site_suffix]`` of titles.toml)."""

    separators: tuple[str, ...]
    name_separators: frozenset[str]
    max_name_words: int
    min_headline_words: int


@cache
def site_suffix_rule(language: str = "fr") -> SiteSuffixRule:
    """The rule of ``language`` (French's for a language without its own data)."""
    code = language if language in available_languages() else "fr"
    data = load_data(code, "titles")["site_suffix"]
    return SiteSuffixRule(
        separators=tuple(str(s) for s in data["separators"]),
        name_separators=frozenset(str(s) for s in data["name_separators"]),
        max_name_words=int(data["max_name_words"]),
        min_headline_words=int(data["min_headline_words"]),
    )


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _last_cut(title: str, rule: SiteSuffixRule) -> tuple[str, str, str] | None:
    """``(head, separator, tail)`` around the last separator of ``title``, or None."""
    best: tuple[int, str] | None = None
    for sep in rule.separators:
        at = title.rfind(f" {sep} ")
        if at >= 0 and (best is None or at > best[0]):
            best = (at, sep)
    if best is None:
        return None
    at, sep = best
    return title[:at].rstrip(), sep, title[at + len(sep) + 2:].strip()


def _name_like(segment: str, rule: SiteSuffixRule) -> bool:
    words = segment.split()
    return 0 < len(words) <= rule.max_name_words and not any(c.isdigit() for c in segment)


def _after_headline(title: str, headline: str, names: set[str], rule: SiteSuffixRule
                    ) -> str | None:
    """The page's headline when ``title`` is that headline, then after a separator only
    names (a site's, a section's: shaped like names or named by the article); else None."""
    head = " ".join(headline.split())
    if len(head.split()) < rule.min_headline_words \
            or title[:len(head)].casefold() != head.casefold():
        return None
    rest = title[len(head):]
    if not any(rest.startswith(f" {sep} ") for sep in rule.separators):
        return None
    while (cut := _last_cut(rest, rule)) is not None:
        rest, _, tail = cut
        if not (_fold(tail) in names or _name_like(tail, rule)):
            return None
    return title[:len(head)]


def strip_site_suffix(title: str | None, sites: Iterable[str | None] = (),
                      headline: str | None = None, language: str = "fr") -> str | None:
    """``title`` without the site's name it ends with (see the module); ``sites``: the names
    the article gives for its site; ``headline``: the page's own ``<h1>``, if any."""
    if not title:
        return title
    rule = site_suffix_rule(language)
    text = " ".join(title.split())
    names = {_fold(s) for s in sites if s and s.strip()}
    if headline:
        found = _after_headline(text, headline, names, rule)
        if found is not None:
            return found
    while (cut := _last_cut(text, rule)) is not None:
        head, sep, tail = cut
        if len(head.split()) < rule.min_headline_words:
            break
        if _fold(tail) in names or (sep in rule.name_separators and _name_like(tail, rule)):
            text = head
            continue
        break
    return text if text != " ".join(title.split()) else title
