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
* a segment shaped like a name (no digit, no number word, a few words), after a separator a
  headline never holds ("|", "·"), never after a dash: "Lyon - Marseille : 2-1" is a headline.

A number in letters is a figure ("Collision sur l'A7 | trois morts" keeps its end). The
page's ``<h1>`` tells a headline only when it is none of the site's names and not itself
shaped like one (a logo: "<h1>Le Courrier du Sud</h1>" over "Le Courrier du Sud - Trois
morts"). A name after a dash that is also a place ("Coupe Davis : Italie - France" of a
source "France") is a word of the headline, not the site. When unsure, the title stays
whole: a site's name read twice is linked, never judged, and a headline cut loses its claim.
The headline left always keeps a few words.
"""

from __future__ import annotations

import re
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
    number_words: frozenset[str]
    place_names: frozenset[str]


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
        number_words=_number_words(code, data),
        place_names=_place_names(code, data),
    )


def _number_words(code: str, data: dict) -> frozenset[str]:
    """The words of ``numbers.toml``'s tables that write a number ("trois", "mille",
    "dizaine"), less those that are no figure alone ("une": "À la une")."""
    numbers = load_data(code, "numbers")
    words: set[str] = set()
    for table in data["number_tables"]:
        words.update(str(w).casefold() for w in numbers.get(str(table), ()))
    words.difference_update(str(w).casefold() for w in numbers.get("article_words", ()))
    return frozenset(words)


def _place_names(code: str, data: dict) -> frozenset[str]:
    """Every spelling of a place in ``places.toml``'s tables named by ``place_tables``."""
    places = load_data(code, "places")
    names: set[str] = set()
    for table in data["place_tables"]:
        for spellings in places.get(str(table), {}).values():
            names.update(_fold(str(s)) for s in spellings)
    return frozenset(names)


_WORD = re.compile(r"[^\W\d_]+")


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
    """A few words, none a figure: no digit, no number in letters ("trois morts")."""
    words = segment.split()
    return 0 < len(words) <= rule.max_name_words and not any(c.isdigit() for c in segment) \
        and not any(w.casefold() in rule.number_words for w in _WORD.findall(segment))


def _site_tail(tail: str, sep: str, names: set[str], rule: SiteSuffixRule) -> bool:
    """``tail`` is a name the article gives for its site; after a dash, one that is no
    place too ("Italie - France": the country of a score, even for a source "France")."""
    folded = _fold(tail)
    return folded in names and (sep in rule.name_separators or folded not in rule.place_names)


def _after_headline(title: str, headline: str, names: set[str], rule: SiteSuffixRule
                    ) -> str | None:
    """The page's headline when ``title`` is that headline, then after a separator only
    names (a site's, a section's: shaped like names or named by the article); else None."""
    head = " ".join(headline.split())
    if len(head.split()) < rule.min_headline_words or _fold(head) in names \
            or _name_like(head, rule) or title[:len(head)].casefold() != head.casefold():
        return None  # no headline, or the site's logo, or unsure which is the site
    rest = title[len(head):]
    if not any(rest.startswith(f" {sep} ") for sep in rule.separators):
        return None
    while (cut := _last_cut(rest, rule)) is not None:
        rest, sep, tail = cut
        if not (_site_tail(tail, sep, names, rule) or _name_like(tail, rule)):
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
        if _site_tail(tail, sep, names, rule) \
                or (sep in rule.name_separators and _name_like(tail, rule)):
            text = head
            continue
        break
    return text if text != " ".join(title.split()) else title
