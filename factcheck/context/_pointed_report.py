"""A singular demonstrative pointing back to a named report: "selon cette enquête", "d'après ce
sondage", "Selon cette nouvelle vague", "Cette étude montre que" -> the author of the latest
report of that kind the article named before ("selon une enquête Ipsos pour Le Monde" ->
Ipsos). Private to ``factcheck.context``.

The kinds of reports (``report_kinds`` of ``[resolution]`` in ``context_source.toml``) are
groups of nouns a journalist uses for one another: a poll is a "sondage", an "enquête", a
"vague", a "baromètre"; a count of victims a "bilan" or a "décompte". A demonstrative whose
noun is of no kind ("ce chiffre"), or of a kind the article has not named with an author
before ("Selon ce bilan" after "le ministère a fait état de 24 000 morts"), points to nothing
here: the figure is read as before (the report's source, ``_report``). A plural one ("ces
enquêtes") may point to several reports of several authors: to none here."""

from __future__ import annotations

from functools import cache

import regex

from factcheck.context._speech_words import speech_words
from factcheck.context.nlp import Tok
from factcheck.lang import load_data


@cache
def _kinds(code: str = "fr") -> tuple[frozenset[str], ...]:
    res = load_data(code, "context_source").get("resolution", {})
    return tuple(frozenset(w.casefold() for w in group) for group in res.get("report_kinds", []))


@cache
def _not_before(code: str = "fr") -> frozenset[str]:
    res = load_data(code, "context_source").get("resolution", {})
    return frozenset(w.casefold() for w in res.get("report_kind_not_after", []))


@cache
def _new_before(code: str = "fr") -> frozenset[str]:
    res = load_data(code, "context_source").get("resolution", {})
    return frozenset(w.casefold() for w in res.get("report_kind_new", []))


@cache
def _new_participle(code: str = "fr") -> regex.Pattern[str]:
    """A participle of ``report_new_participles`` in the first two words after a report's
    noun ("Une autre étude, menée par ...", "une enquête américaine publiée jeudi")."""
    res = load_data(code, "context_source").get("resolution", {})
    words = "|".join(regex.escape(w) for w in res.get("report_new_participles", []))
    return regex.compile(rf"(?i)^[\s,]*(?:\p{{Ll}}[\p{{L}}-]*\s+)?(?:{words})(?![\p{{L}}])")


@cache
def _stop_pattern(code: str = "fr") -> regex.Pattern[str]:
    """A word of ``report_author_not_after``, whole: past it, a name is not the author."""
    res = load_data(code, "context_source").get("resolution", {})
    stop = "|".join(regex.escape(w) for w in res.get("report_author_not_after", []))
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{stop})(?![\p{{L}}])")


def _whole(window: str, name: str) -> int:
    """Where ``name`` is first written in ``window`` as whole words; -1 when it is not."""
    m = regex.search(rf"(?<![\p{{L}}\p{{N}}]){regex.escape(name)}(?![\p{{L}}\p{{N}}])", window)
    return m.start() if m else -1


@cache
def _author_pattern(code: str = "fr") -> regex.Pattern[str]:
    """An author named right after the report's noun: a capitalised name, after at most two
    lower-case words (adjectives, "exclusif", a participle, "réalisé") that are not of
    ``report_author_not_after`` ("pour": whom it was made for) and a link of
    ``report_author_links`` ("de l'", "du", "par la")."""
    res = load_data(code, "context_source").get("resolution", {})
    stop = "|".join(regex.escape(w) for w in res.get("report_author_not_after", []))
    heads, articles, elided = ("|".join(regex.escape(w) for w in res.get(f"report_author_{k}", []))
                               for k in ("links", "articles", "elided"))
    return regex.compile(
        rf"^\s*(?:(?!(?:{stop})\b)\p{{Ll}}[\p{{L}}-]*\s+){{0,2}}?"
        rf"(?:(?:{heads})\s+(?:(?:{articles})\s+|(?:{elided})\s*)?|(?:{elided})\s*)?"
        r"(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)"
    )


_SENTENCE_END = regex.compile(r"[.!?]\s|\n")


def _pointed_noun(np: list[Tok]) -> str | None:
    """The noun a demonstrative opening ``np`` points with, past its adjectives ("cette
    nouvelle vague" -> "vague"); None when ``np`` opens with no demonstrative."""
    if len(np) < 2 or np[0].lower not in speech_words().demonstratives:
        return None
    k = 1
    while k < len(np) and np[k].pos == "ADJ":
        k += 1
    return np[k].lower if k < len(np) else None


def _author_after(window: str, names: list[str]) -> str | None:
    """The author a report's noun introduces in ``window`` (the rest of its sentence): a
    capitalised name right after the noun ("un sondage Ifop pour Le Figaro" -> Ifop), as the
    article named it when a source found before (``names``) starts there ("Harris
    Interactive"); else the first of ``names`` written there as whole words before any word
    of ``report_author_not_after`` ("réalisé par l'institut Ipsos", not "pour Le Monde")."""
    stop = _stop_pattern().search(window)
    head = window[: stop.start()] if stop else window
    found = [(at, -len(n), n) for n in names if n and (at := _whole(head, n)) >= 0]
    m = _author_pattern().match(window)
    if m is not None and " " in m.group(1) and m.group(1).isupper():
        m = None  # "BILAN MATÉRIEL ET HUMAIN DU SÉISME": a heading in capitals, no name
    if m is not None:
        at = [f for f in found if f[0] == m.start(1)]
        return min(at)[2] if at else m.group(1)
    return min(found)[2] if found else None


def pointed_report(np: list[Tok], article_text: str, sentence_start: int,
                   names: list[str]) -> str | None:
    """The author of the latest report of the kind a demonstrative points to ("selon cette
    enquête" after "selon un sondage Elabe réalisé pour BFMTV" -> Elabe), named in the
    article before the sentence at ``sentence_start``; ``names`` are the sources found before
    it. None when ``np`` is no such pointer, or no report of its kind was named with an
    author; "" when the latest report brought in as new ("une autre étude, pilotée par des
    sociologues") has no author read: a report no one is named for (``source.UNNAMED``)."""
    noun = _pointed_noun(np)
    if noun is None:
        return None
    kind = frozenset().union(*(g for g in _kinds() if noun in g))
    if not kind:
        return None
    text = article_text[:sentence_start]
    pattern = regex.compile(r"(?i)(\b[\p{L}'’]+\s+)?\b(" + "|".join(
        regex.escape(w) for w in sorted(kind, key=len, reverse=True)) + r")\b")
    author = None
    for m in pattern.finditer(text):
        before = (m.group(1) or "").strip().casefold()
        if before in speech_words().demonstratives or before in _not_before():
            continue  # another pointer ("cette étude"), or "par rapport à"
        rest = text[m.end():]
        end = _SENTENCE_END.search(rest)
        window = rest[: end.start() if end else len(rest)][:160]
        found = _author_after(window, names)
        # A new report of the kind ("Une autre étude, menée par ...") is the one pointed
        # to after it, its author read or not; a report named again keeps the author.
        # New only with its author or a participle: "un rapport de un à trois" is no report.
        new = regex.split(r"['’]", before)[-1] in _new_before() \
            and bool(found or _new_participle().match(window))
        author = (found or "") if new else found or author
    return author
