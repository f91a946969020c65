"""Where a carried place stops (``places.toml``): a sentence that widens its scope to the
whole country or the world ("Au niveau national, 3 000 postes") takes no carried place, and
a place named only as the term of a comparison ("contre 3,1 % en Allemagne", "qu'en
Allemagne") is not carried on as the report's place."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

import regex

from factcheck.context.known_places import known_places
from factcheck.context.lexicon import grammar
from factcheck.context.nlp import Tok
from factcheck.context.world import world_data
from factcheck.lang import load_data
from factcheck.models import Context
from factcheck.patterns import whole_words


def _fold(text: str) -> str:
    return text.replace("’", "'").lower()


def _alternatives(words: tuple[str, ...]) -> regex.Pattern[str] | None:
    if not words:
        return None
    return whole_words(_fold(w) for w in words)


@lru_cache(maxsize=1)
def _widening() -> tuple[regex.Pattern[str] | None, regex.Pattern[str] | None]:
    w = world_data()
    return _alternatives(w.widening_world), _alternatives(w.widening_scope)


@lru_cache(maxsize=1)
def _scopes() -> tuple[tuple[str, regex.Pattern[str]], ...]:
    w = world_data()
    world, country = _widening()
    rest = _alternatives(w.remainder_scope)
    return tuple((name, pat) for name, pat in (("world", world), ("rest", rest),
                                               ("country", country)) if pat is not None)


def widened_scope(sentence: str) -> str | None:
    """"world" when ``sentence`` widens its scope to the world ("au niveau mondial",
    ``widening_world``), "rest" to the country without the story's town ("dans le reste
    du pays", ``remainder_scope``), "country" to the whole country ("au niveau national",
    "dans toute la France", ``widening_scope``), else None."""
    low = _fold(sentence)
    return next((name for name, pat in _scopes() if pat.search(low)), None)


_CLAUSE_BREAK = regex.compile(r"[,;:()\[\]]")


def clause_scope(sentence: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The scope a phrase of ``widened_scope`` gives the figure at ``start``-``end`` of
    ``sentence`` and the phrase's span, when the phrase holds in the figure's own clause: no clause
    mark between them, or it opens the sentence before the figure ("Dans le reste du pays,
    47 000 manifestants"), or the clauses between go on with its scope (``scope_carry_on``:
    "N dans tout le pays, soit une baisse par rapport aux M")."""
    low = _fold(sentence)
    carry_on = world_data().scope_carry_on
    for name, pat in _scopes():
        for m in pat.finditer(low):
            if m.start() >= end:
                if not _CLAUSE_BREAK.search(low, end, m.start()):
                    return name, m.start(), m.end()
                continue
            if m.end() > start:
                continue
            opening = not _CLAUSE_BREAK.search(low, 0, m.start()) \
                and not any(c.isdigit() for c in low[: m.start()])
            breaks = list(_CLAUSE_BREAK.finditer(low, m.end(), start))
            if opening or all(
                    b.group() == "," and low[b.end() :].lstrip().startswith(
                        tuple(w + " " for w in carry_on)) for b in breaks):
                return name, m.start(), m.end()
    return None


@lru_cache(maxsize=1)
def _remainder_before() -> regex.Pattern[str] | None:
    words = world_data().remainder_parts
    if not words:
        return None
    alternatives = "|".join(regex.escape(_fold(w)) for w in words)
    return regex.compile(rf"(?<![\p{{L}}'])(?:{alternatives})\s*,?\s*(?:soit\s*|:\s*)?$", regex.V1)


def remainder_part(before: str) -> bool:
    """Whether ``before``, the text between a figure and the figure before it in its
    sentence, ends with a word of ``remainder_parts`` and at most a comma and "soit" or a
    colon: "160 à Roubaix, le reste, soit 80": the figure is what the parts leave, not at the
    place of the part before it."""
    pattern = _remainder_before()
    return pattern is not None and pattern.search(_fold(before)) is not None


def country_of(place: str | None) -> str | None:
    """The country a capital lies in ("Paris" -> "France"), a country itself, else None."""
    w = world_data()
    if place in w.countries:
        return place
    return next((country for city, country in w.capital_countries if city == place), None)


def stops_carry(widened: str | None, place: str | None) -> bool:
    """Whether a sentence widened as ``widened`` takes no carried ``place``: any place for
    the world, any but a country for the whole country or the country without the story's
    town ("À Nantes [...]. Au niveau national, 3 000" is not Nantes; "[...] en France. Au
    niveau national, 3 000" is still France; "Dans le reste du pays, 47 000" is not the
    town of the sentence before, but is in its country)."""
    return widened == "world" \
        or (widened in ("country", "rest") and place not in world_data().countries)


# The preposition and article before a place's name ("en ", "à l'", "aux ", "dans le ").
_PREP_BEFORE = regex.compile(
    r"(?:\b(?:à|a|en|au|aux|dans|de|du|des|chez)\s+)?(?:\b(?:la|le|les|l')\s*)?$")


def _compared_at(sentence: str, offset: int) -> bool:
    """Whether the place at ``offset`` of ``sentence`` is the term of a comparison."""
    w = world_data()
    before = _fold(sentence[:offset])
    m = _PREP_BEFORE.search(before)
    head = before[: m.start()] if m else before
    words = head.replace("'", "' ").split()
    tail = " ".join(words[-2:])
    if any(tail == t or tail.endswith(" " + t) for t in w.comparison_place_words):
        return True
    if words and words[-1] in w.comparison_place_que:
        # "plus élevé qu'en Allemagne", not "A noter qu'à Paris".
        before = words[-1 - w.comparison_place_reach : -1]
        return any(x.strip(",;:") in w.comparison_place_comparatives for x in before)
    # "contre 3,1 % en Allemagne": "contre" a few words before, in the same clause.
    reach = words[-w.comparison_place_reach :] if w.comparison_place_reach else []
    for k in range(len(reach) - 1, -1, -1):
        word = reach[k].strip(",;:")
        if reach[k].endswith((",", ";", ":")) and k < len(reach) - 1:
            return False
        if word in w.comparison_place_far:
            # A figure between them ("contre 3,1 % en"), not "la lutte contre le chômage en".
            return any(c.isdigit() for c in "".join(reach[k + 1 :]))
    return False


def compared_places(sentence: str) -> set[str]:
    """The places ``sentence`` names only as the term of a comparison ("7,4 % en France
    contre 3,1 % en Allemagne" -> Allemagne; "plus qu'en Allemagne"; "par rapport à
    l'Allemagne"): each of their mentions follows a word of comparison."""
    compared: set[str] = set()
    plain: set[str] = set()
    for offset, place in known_places(sentence):
        (compared if _compared_at(sentence, offset) else plain).add(place)
    return compared - plain


def placed_times(
    sentence: str,
    spans: list[tuple[int, int]],
    out: list[Context],
    situated: list[bool],
    near: dict[int, str],
) -> list[Context]:
    """A date, a year, a duration or a rank is where its sentence puts it: the place read
    next to it (:func:`factcheck.context.where.place_of`, ``near`` by figure: "Le samedi 24
    août à Barsalogho", "la troisième nuit de heurts en France"), else the place read for the
    next quantity of its sentence, else for the one before ("Au 1er septembre, la France
    comptait 78 969 détenus"), not across a word that turns to another scope ("contre 31
    dans toute la France", ``scope_turns`` of ``places.toml``). ``spans`` are the
    figures' offsets in ``sentence``. A weaker reading (``place_mode`` "inherited"), which
    cross-referencing neither ties nor separates figures by."""
    placed = [(j, c.place) for j, c in enumerate(out)
              if situated[j] and c.place and c.place_mode == "explicit"]
    stops = world_data().scope_turns

    def reachable(i: int, j: int) -> bool:
        lo, hi = (spans[i][1], spans[j][0]) if i < j else (spans[j][1], spans[i][0])
        words = _fold(sentence[lo:hi]).replace("'", " ").split()
        return not any(w.strip(",;:()") in stops for w in words)

    result = list(out)
    for i, c in enumerate(out):
        if situated[i] or c.place:
            continue
        place = near.get(i) \
            or next((p for j, p in placed if j > i and reachable(i, j)), None) \
            or next((p for j, p in reversed(placed) if j < i and reachable(i, j)), None)
        if place:
            result[i] = replace(c, place=place, place_mode="inherited", place_basis="sentence")
    return result


def past_part(toks: tuple[Tok, ...], first: int, until: int) -> bool:
    """A place after a figure (tokens from ``first``, up to offset ``until``) that another
    clause holds: in a part's clause (``part_openers``, no clause mark between the opener and
    the place: "au moins deux boutiques, dont l'une aux Halles" is the part's place, not in
    "300 personnes, dont des enfants, ont été évacuées à Nice"), or past a source and the
    clause after it ("plus de trois millions selon l'intersyndicale, un record, avec un
    cortège à Paris": the source's clause closed, then another; ``source_openers``)."""
    w, marks = world_data(), grammar().clause_marks
    between = [t.lower for t in toks[first:] if t.start < until]
    opener = next((k for k in range(len(between) - 1, -1, -1)
                   if between[k] in w.part_openers), None)
    if opener is not None and not any(t in marks for t in between[opener + 1 :]):
        return True
    source = next((k for k, t in enumerate(between) if t in w.source_openers), None)
    return source is not None and sum(t in marks for t in between[source:]) >= 2


def parts_only_places(sentence: str, toks: tuple[Tok, ...], spans: Sequence[tuple[int, int]],
                      places: Sequence[str | None]) -> frozenset[str]:
    """The places read only on parts of a whole (``spans``: each figure's token span
    ``[first, last)``, in order; ``places``: its place read in the sentence, or None): a
    figure that is a part (:func:`part_figures`) with its place in its own clause
    (:func:`part_place`, "120 000 agriculteurs ont manifesté, dont 40 000 à Paris"). Its place
    is not where the report goes on: the next sentence ("Le ministère en a compté 90 000") is
    about the whole. Not "dont 1 200 en une semaine, ont été enregistrés en Afrique" (the
    whole's clause)."""
    offsets = [(toks[first].start, toks[last - 1].end) for first, last in spans]
    parts, wholes = set(), set()
    for part, (_, end), place in zip(part_figures(sentence, offsets), offsets, places,
                                     strict=True):
        if place:
            (parts if part and part_place(sentence, end, place) else wholes).add(place)
    return frozenset(parts - wholes)


def part_figures(sentence: str, offsets: Sequence[tuple[int, int]]) -> list[bool]:
    """For each figure of ``sentence`` (``offsets``: ``[start, end)`` in order), whether it is
    a part of a whole, a figure before it ("l'agression dont ont été victimes deux policiers":
    no part): a part opener (``part_openers``) at most three words before it, with no
    punctuation but quotation marks between ("dont 40 000", "dont « plus de 40 000 »", not
    "dont une majorité de jeunes ; la veille, 500"), or right after a part's clause and a
    comma or a ``part_list_joiners`` word ("dont 355 000 en Bretagne, 145 000 en Normandie")."""
    out: list[bool] = []
    for n, (start, _) in enumerate(offsets):
        low = offsets[n - 1][1] if n else 0
        opener = next(reversed(list(_part_openers().finditer(_fold(sentence), low, start))),
                      None)
        gap = sentence[opener.end():start] if opener else ""
        opened = n > 0 and opener is not None and len(gap.split()) <= 3 \
            and not regex.search(r"[^\w\s'’«»“”\"-]", gap)
        listed = n > 0 and _listed_after(sentence[low:start])
        out.append(opened or listed or bool(
            n and out[-1] and _list_gap().fullmatch(_fold(sentence), low, start)))
    return out


#: Words a total's noun phrase may have between its figure and the colon opening its parts.
MAX_TOTAL_WORDS = 4


def _listed_after(gap: str) -> bool:
    """Whether ``gap``, the text between two figures, is a total's noun and a list colon
    right before the second ("près de 8 000 morts : 5 894 en Turquie"): the second opens the
    list of the first's parts. Not a figure set before the colon with no noun ("En 2024 :
    300 morts": a time, no total)."""
    colon = max((gap.rfind(c) for c in grammar().list_colons), default=-1)
    if colon < 0:
        return False
    before, after = gap[:colon].split(), gap[colon + 1 :].split()
    return 0 < len(before) <= MAX_TOTAL_WORDS and not after \
        and not regex.search(r"[^\w\s'’-]", gap[:colon])


def part_place(sentence: str, end: int, place: str) -> bool:
    """Whether ``place`` is written after a part's figure (ending at offset ``end``) in its
    own clause ("dont 40 000 à Paris"), so the part's place."""
    return _in_clause(sentence, end, place)


@lru_cache(maxsize=1)
def _list_gap() -> regex.Pattern[str]:
    """What stands between two parts of a list: the first's clause, then a comma or a joiner."""
    data = load_data("fr", "places")
    words = data.get("part_list_joiners", [])
    joiner = "|".join(regex.escape(_fold(w)) for w in words) or "(?!)"
    # the first part's own source in between ("5 894 en Turquie, selon l'Afad, et 1 932")
    sources = "|".join(regex.escape(_fold(w)) for w in data.get("source_openers", [])) \
        or "(?!)"
    return regex.compile(rf"[^,;:()]*(?:,\s*(?:{sources})\s[^,;:()]*)?(?:,|\s(?:{joiner}))\s*")


@lru_cache(maxsize=1)
def _part_openers() -> regex.Pattern[str]:
    return whole_words(_fold(w) for w in world_data().part_openers)


def _in_clause(sentence: str, end: int, place: str) -> bool:
    """``place`` is written after offset ``end`` before the clause closes (a comma, a
    semicolon or a bracket)."""
    close = min((k for k in (sentence.find(m, end) for m in ",;()") if k >= 0),
                default=len(sentence))
    return any(name == place for _, name in known_places(sentence[end:close]))


def in_written_source(sentence: str, source: str, at: int) -> bool:
    """Whether offset ``at`` of ``sentence`` falls within a written occurrence of ``source``
    (the place of "Selon la préfecture du Finistère, ... dans le Finistère" is the second),
    the name going on past a bracketed acronym ("l'agence régionale de santé (ARS) de
    Bretagne", read as "agence régionale de santé (ARS)": ``source_name_links``)."""
    low, name = sentence.lower(), source.lower()
    start = low.find(name)
    while start != -1:
        end = start + len(name)
        if start <= at < end or (end <= at and _name_goes_on(source, sentence[end:at])):
            return True
        start = low.find(name, start + 1)
    return False


def _name_goes_on(name: str, gap: str) -> bool:
    """Whether ``gap``, between a written source's ``name`` and a place, carries the name on
    past a bracketed acronym: the acronym in brackets (ending the name or right after it),
    then one of ``source_name_links`` and an article ("(ARS) de la", ") d'")."""
    m = _name_link().fullmatch(_fold(gap))
    if m is None:
        return False
    bracket = gap[m.start("bracket") : m.end("bracket")] if m.group("bracket") else \
        name[name.rfind("(") :] if name.endswith(")") else ""
    letters = [c for c in bracket if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@lru_cache(maxsize=1)
def _name_link() -> regex.Pattern[str]:
    links = load_data("fr", "places").get("source_name_links", [])
    link = "|".join(regex.escape(_fold(w)) for w in links) or "(?!)"
    article = "|".join(regex.escape(_fold(w)) for w in grammar().definite_articles)
    return regex.compile(
        rf"\s*(?P<bracket>\([^()]*\)\s*)?(?:{link})(?:(?<=')|\s+)(?:(?:{article})(?<=')|"
        rf"(?:{article})\s+)?")
