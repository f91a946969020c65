"""The known places of a text (``places.toml``): the patterns of a place after a locative
preposition and of a capitalised name standing alone, the names the data says are no place,
and :func:`known_places`. Split from :mod:`factcheck.context.where`, which reads a figure's
place with them."""

from __future__ import annotations

from functools import lru_cache

import regex

from factcheck.context.lexicon import grammar
from factcheck.context.nlp import Tok
from factcheck.context.world import world_data
from factcheck.patterns import guarded_alternation


def _names_alternation(names: list[tuple[str, bool]]) -> str:
    """The names (each with whether it is matched in any case), longest first, as one
    alternation: so "Corée du Nord" wins over "Nord". Grouped by first letter
    (:func:`factcheck.patterns.guarded_alternation`): the same matches as the flat
    alternation, the thousands of names not tried one by one where none can start."""
    return guarded_alternation(
        (n[0], f"(?i:{regex.escape(n)})" if any_case else regex.escape(n))
        for n, any_case in sorted(names, key=lambda e: len(e[0]), reverse=True))


@lru_cache(maxsize=1)
def _place_pattern() -> regex.Pattern[str]:
    w = world_data()
    # One alternation, longest first, so "Corée du Nord" wins over "Nord"; the names of
    # [places] in any case, the others only as written ("la somme" is not "la Somme").
    exact = (
        w.places_as_written.keys()
        | w.places_ambiguous.keys()
        | w.ambiguous_cities.keys()
        | w.not_places
    )
    names = [(n, True) for n in w.places] + [(n, False) for n in exact]
    known = _names_alternation(names)
    preps = "|".join(regex.escape(p) for p in w.place_prepositions)
    g = grammar()
    articles = "|".join(
        regex.escape(a) + "|" + regex.escape(a.replace("'", "’"))  # "dans l’Hérault"
        if a.endswith("'")
        else regex.escape(a) + r"\s+"
        for a in g.definite_articles
    )
    dative = "|".join(regex.escape(d) for d in g.dative_preps)
    # "A Paris, ...": an unaccented capital at a clause start, before a capital
    bare = "|".join(regex.escape(a) for a, _ in w.unaccented_preps)
    opening = rf"|(?<=(?:^|[,;:«“\"(\n])\s*){bare}(?=\s+\p{{Lu}})" if bare else ""
    return regex.compile(
        rf"(?<![\w-])(?P<prep>(?i:{preps}){opening})\s+"
        rf"(?:(?<!(?i:{dative})\s+)(?P<art>(?i:{articles})))?"
        rf"(?P<p>{known}|\p{{Lu}}[\p{{L}}-]+)(?![\w-])"
    )


@lru_cache(maxsize=1)
def _name_pattern() -> regex.Pattern[str]:
    """Known places with a capital, without a preposition before them ("la France")."""
    w = world_data()
    names = [(n, True) for n in w.places] + [(n, False) for n in w.places_as_written]
    return regex.compile(rf"(?<![\w-])(?=\p{{Lu}})(?:{_names_alternation(names)})(?![\w-])")


@lru_cache(maxsize=1)
def _subject_name_pattern() -> regex.Pattern[str]:
    """:func:`_name_pattern` and the departments of [ambiguous] as written ("Le Var", "La
    Manche"): a clause's subject, where an ambiguous name counts only after its article."""
    w = world_data()
    exact = w.places_as_written.keys() | w.places_ambiguous.keys()
    names = [(n, True) for n in w.places] + [(n, False) for n in exact]
    return regex.compile(rf"(?<![\w-])(?=\p{{Lu}})(?:{_names_alternation(names)})(?![\w-])")


def subject_place(name: str, after_article: bool) -> str | None:
    """The normal form of a known place heading a clause's subject, an ambiguous department
    only after its article ("Le Var totalise", not "Var :")."""
    w = world_data()
    place = w.places_as_written.get(name) or w.places.get(name.lower())
    if place is None and after_article:
        place = w.places_ambiguous.get(name)
    return place


@lru_cache(maxsize=1)
def _region_pattern() -> regex.Pattern[str]:
    nouns = "|".join(regex.escape(n) for n in grammar().region_nouns)
    return regex.compile(rf"(?i:{nouns})s?\s+(?:\w+\s+)?$")


@lru_cache(maxsize=1)
def _not_place_patterns() -> tuple[tuple[str, regex.Pattern[str]], ...]:
    return tuple((n, regex.compile(regex.escape(n))) for n in world_data().not_places)


def _not_place_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of each name the places data says is no place ("Paris
    Match"), name by name (two names may overlap). A name not in ``text`` is skipped before
    its pattern runs, and the patterns are compiled once."""
    return [(x.start(), x.end()) for n, pattern in _not_place_patterns() if n in text
            for x in pattern.finditer(text)]


@lru_cache(maxsize=256)
def place_matches(text: str) -> tuple[regex.Match[str], ...]:
    """The matches of the place pattern in ``text`` (a known place after its preposition),
    found once per text: the places of a sentence and its figures' places both read them."""
    return tuple(_place_pattern().finditer(text))


def detached_opener_end(sentence: str) -> int:
    """The offset of the comma closing a detached phrase that opens ``sentence`` and places
    its subject ("Originaire de Lille,", "Interrogé jeudi à Strasbourg,", "En déplacement à
    Marseille,": ``detached_openers``), else 0."""
    low = sentence.lstrip().lower()
    head = next((o for o in world_data().detached_openers
                 if low.startswith(o) and not low[len(o) : len(o) + 1].isalnum()), None)
    comma = sentence.find(",")
    return comma if head and comma > 0 else 0


def known_places(text: str) -> list[tuple[int, str]]:
    """(offset, normal form) of the places of ``text`` the places data lists: after a locative
    preposition ("en Grèce", "dans l'Aude"), or a capitalised name standing alone ("Allemagne :
    le Bundestag vote", "La France compte"); unknown names are left out (no parse here), and
    so are names the data says are no place here ("au New York Times", "la somme"). Found
    once per text (a sentence is read by several rules), each caller given a list of its own."""
    return list(_known_places(text))


@lru_cache(maxsize=2048)
def _known_places(text: str) -> tuple[tuple[int, str], ...]:
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for m in place_matches(text):
        taken.append((m.start("p"), m.end("p")))
        place = _known_place(text, m)
        if place:
            found.append((m.start("p"), place))
    w = world_data()
    taken.extend(_not_place_spans(text))  # "Paris Match", "Kyiv Independent"
    for m in _name_pattern().finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        place = w.places_as_written.get(m.group(0)) or w.places.get(m.group(0).lower())
        if place:
            found.append((m.start(), place))
    return tuple(sorted(found))


#: A name in brackets right after another ("à Ribaute (Aude)").
_BRACKETED = regex.compile(r"\s*\(\s*([^()]{2,60}?)\s*\)")


def bracket_place(text: str, end: int) -> str | None:
    """The normal form of a place the data lists written alone in brackets right after the
    name ending at ``end`` ("à Ribaute (Aude)" -> Aude, "du Congo (RDC)"), else None."""
    m = _BRACKETED.match(text, end)
    if m is None:
        return None
    inner, w = m.group(1), world_data()
    return w.places_as_written.get(inner) or w.places_ambiguous.get(inner) \
        or w.places.get(inner.lower())


def located_in_brackets(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is followed by a place the data lists, alone in
    brackets ("à Ribaute (Aude)", "de Gallargues-le-Montueux (Gard)"): the way news locates a
    town, which is then one whatever its preposition or its tag."""
    return bracket_place(text, end) is not None


def bracket_names_town(text: str, m: regex.Match[str]) -> bool:
    """Whether the unlisted name of the place match ``m``, a listed place in brackets after
    it, is itself where: after a preposition of location ("à Ribaute (Aude)") or after "de"
    following a noun of the town's people or council ("les habitants de Bouc
    (Bouches-du-Rhône)", "le maire de Ribaute (Aude)"). Else the name may be a company's, a
    school's or a site's ("les salariés de Michelin (Clermont-Ferrand)", "l'usine de
    Stellantis (Doubs)") and the bracket is where."""
    w = world_data()
    prep = match_prep(m)
    if prep in w.bracket_town_preps:
        return True
    before = text[: m.start()].replace("’", "'").split()  # "l'île de Groix"
    return prep in {"de", "du", "des"} and bool(before) \
        and before[-1].lower().split("'")[-1] in w.bracket_town_nouns


def event_names_town(text: str, m: regex.Match[str]) -> bool:
    """Whether the name of the place match ``m`` follows "de" without an article after a noun
    of an event that happens at a place (``event_town_nouns``: "l'attaque de Barsalogho",
    "l'incendie de Ribaute"): where the event took place."""
    if match_prep(m) != "de" or m.group("art"):
        return False
    before = text[: m.start()].replace("’", "'").split()
    return bool(before) and before[-1].lower().split("'")[-1] in world_data().event_town_nouns


def event_acted(toks: tuple[Tok, ...], end: int) -> bool:
    """Whether the event phrase whose name ends at ``end`` is the subject of a verb no event
    does (not of ``event_town_verbs``): "l'attaque de Moreau a marqué 4 essais" is a team's
    line, its name a player's; "l'attaque de Barsalogho a fait 200 morts" is an event."""
    k = next((i for i, t in enumerate(toks) if t.start >= end), len(toks))
    if k < len(toks) and toks[k].pos == "AUX":
        k += 1
    if k >= len(toks) or toks[k].pos not in ("VERB", "AUX") or (
            toks[k].verbform != "Fin" and toks[k - 1].pos != "AUX"):
        return False  # no verb of its own: "après l'attaque de Barsalogho, 200 blessés"
    return toks[k].lemma not in world_data().event_town_verbs


def after_event_noun(text: str, start: int) -> bool:
    """Whether the name starting at ``start`` follows a noun of ``event_town_nouns`` and "de"
    ("l'incendie de Landiras")."""
    before = text[:start].replace("’", "'").split()
    return len(before) >= 2 and before[-1] == "de" \
        and before[-2].lower().split("'")[-1] in world_data().event_town_nouns


def match_prep(m: regex.Match[str]) -> str:
    """The preposition of a place match, lower case, an unaccented capital read as the
    preposition it stands for ("A Paris" -> "à")."""
    prep = m.group("prep")
    return dict(world_data().unaccented_preps).get(prep, prep.lower())


def _known_place(sentence: str, m: regex.Match[str]) -> str | None:
    """The normal form of a known place, "" for an ambiguous name that is no place here ("la
    Corée du Nord", "la crue de la Loire"), None for an unknown name."""
    w = world_data()
    name, prep = m.group("p"), match_prep(m)
    if name in w.not_places:
        return ""  # "au New York Times"
    if name in w.ambiguous_cities and prep in w.ambiguous_city_after and not m.group("art"):
        return w.ambiguous_cities[name]  # "à Vienne"
    if name in w.places_ambiguous:
        if prep in w.ambiguous_after or _looks_like_region(sentence, m):
            return w.places_ambiguous[name]  # "dans la Somme", "le département du Nord"
        return ""
    if name in w.ambiguous_cities:
        return ""
    if name in w.places_as_written:
        return w.places_as_written[name]
    return w.places.get(name.lower())


def _looks_like_region(sentence: str, m: regex.Match[str]) -> bool:
    """Unknown names count only as "région de X", "oblast de X", "ville de X"."""
    before = sentence[: m.start()] + " "
    pattern = _region_pattern()
    return bool(pattern.search(before) or pattern.search(m.group("prep") + " "))


def acronym(name: str) -> bool:
    """A name in capitals ("PSG", "ONU", "RN"): a body's, a club's or a party's."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def named_elsewhere(name: str, names: tuple[str, ...]) -> bool:
    """A person, a body or a side the article names ("Bayrou" after "François Bayrou")."""
    w = world_data()
    low = name.lower()
    if low in w.actor_names or low in w.body_aliases or low in w.actor_adjectives:
        return True
    return any(low in n.lower().replace("-", " ").split() or low == n.lower() for n in names)
