"""Actor (the side or body a figure is about), place, and category, with normal forms from
``actors.toml``, ``places.toml`` and ``categories.toml``.

* actor: a nationality qualifier of what is counted ("drones ukrainiens" -> Ukraine), else
  "côté ukrainien", else a side named before the figure in its sentence outside "selon ..."
  and beneficiary phrases ("l'administration Biden a annoncé une aide" -> États-Unis;
  "à l'Ukraine", "pour Kiev" are not the actor);
* place: a known or "région de X" place after a locative preposition, first between the
  figure and the next figure, else between the previous figure and this one ("17 drones
  ... dans la région de Belgorod, 12 dans la région de Koursk");
* category: the first category whose subjects match (with a qualifier when the subject
  needs one), else the first whose kinds match.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from factcheck.context.lexicon import grammar, world_data
from factcheck.context.nlp import Figure, Tok
from factcheck.models import Kind


@lru_cache(maxsize=1)
def _actor_pattern() -> regex.Pattern[str]:
    names = sorted(world_data().actor_names, key=len, reverse=True)
    alternatives = "|".join(regex.escape(n) for n in names)
    return regex.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", regex.I)


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
    known = "|".join(
        f"(?i:{regex.escape(n)})" if any_case else regex.escape(n)
        for n, any_case in sorted(names, key=lambda e: len(e[0]), reverse=True)
    )
    preps = "|".join(regex.escape(p) for p in w.place_prepositions)
    g = grammar()
    articles = "|".join(
        regex.escape(a) + "|" + regex.escape(a.replace("'", "’"))  # "dans l’Hérault"
        if a.endswith("'")
        else regex.escape(a) + r"\s+"
        for a in g.definite_articles
    )
    dative = "|".join(regex.escape(d) for d in g.dative_preps)
    return regex.compile(
        rf"(?<![\w-])(?P<prep>(?i:{preps}))\s+(?:(?<!(?i:{dative})\s+)(?P<art>(?i:{articles})))?"
        rf"(?P<p>{known}|\p{{Lu}}[\p{{L}}-]+)(?![\w-])"
    )


@lru_cache(maxsize=1)
def _region_pattern() -> regex.Pattern[str]:
    nouns = "|".join(regex.escape(n) for n in grammar().region_nouns)
    return regex.compile(rf"(?i:{nouns})s?\s+(?:\w+\s+)?$")


def actor_of(
    sentence: str, toks: tuple[Tok, ...], fig: Figure, noun: int | None, qualifiers: tuple[str, ...]
) -> str | None:
    w = world_data()
    g = grammar()
    for q in qualifiers:
        for word in q.lower().split():
            if word in w.actor_adjectives:
                return w.actor_adjectives[word]
    if noun is not None and toks[noun].lower in w.actor_adjectives:  # "d'Ukrainiens"
        return w.actor_adjectives[toks[noun].lower]
    for k in range(fig.first - 1, -1, -1):
        side = toks[k].lower in g.side_marker
        if side and k + 1 < len(toks) and toks[k + 1].lower in w.actor_adjectives:
            return w.actor_adjectives[toks[k + 1].lower]
    # The agent of the clause that holds what is counted, not a complement ("à l'Ukraine",
    # "pour Kiev", "selon Moscou").
    anchor = noun if noun is not None and noun < fig.first else fig.first
    cs = anchor
    while cs > 0 and toks[cs - 1].lower not in g.clause_marks:
        cs -= 1
    if cs >= anchor:
        return None
    lo, hi = toks[cs].start, toks[anchor].start if anchor < len(toks) else len(sentence)
    found = None
    for k in range(cs, anchor):
        # Inhabitants as agents ("Les Ukrainiens auraient tiré"), nationality adjectives of the
        # agent ("L'armée israélienne affirme", "Les pertes russes s'élèveraient").
        t = toks[k]
        if t.lower not in w.actor_adjectives or _after_preposition(toks, k):
            continue
        if t.is_title or (toks[k - 1].pos == "NOUN" and not _after_preposition(toks, k - 1)):
            found = w.actor_adjectives[t.lower]
    if found:
        return found
    for m in _actor_pattern().finditer(sentence, lo, hi):
        before = sentence[lo : m.start()].replace("'", "' ").split()
        if before and before[-1].lower() in g.definite_articles:
            before = before[:-1]
        if before and before[-1].lower() in g.complement_preps:
            continue
        found = w.actor_names[m.group(0).lower()]
    return found


def _after_preposition(toks: tuple[Tok, ...], k: int) -> bool:
    j = k - 1
    if j >= 0 and toks[j].pos == "DET":
        j -= 1
    return j >= 0 and (toks[j].pos == "ADP" or toks[j].lower in grammar().complement_preps)


def place_of(
    sentence: str, toks: tuple[Tok, ...], fig: Figure, figs: list[Figure], source: str | None
) -> str | None:
    w = world_data()
    if fig.mention.kind in (Kind.IDENTIFIER,):
        return None
    n = figs.index(fig)
    fstart = toks[fig.first].start if fig.first < len(toks) else len(sentence)
    fend = toks[fig.last - 1].end if 0 < fig.last <= len(toks) else fstart
    nxt = (
        toks[figs[n + 1].first].start
        if n + 1 < len(figs) and figs[n + 1].first < len(toks)
        else len(sentence)
    )
    prv = toks[figs[n - 1].last - 1].end if n > 0 and figs[n - 1].last > 0 else 0
    candidates = []
    for m in _place_pattern().finditer(sentence):
        name = m.group("p")
        before = sentence[: m.start()].split()
        if before and before[-1].lower() in w.place_not_after:
            continue
        if source and name in source:
            continue
        place = _known_place(sentence, m)
        unknown_ok = m.group("prep").lower() in grammar().country_preps
        if place is None and (unknown_ok or _looks_like_region(sentence, m)):
            place = name  # "en Roumanie", "dans la région de Tambov"
        if place:
            candidates.append((m.start("p"), place))
    after = [c for c in candidates if fend <= c[0] < nxt]
    if after:
        return after[0][1]
    before_c = [c for c in candidates if prv <= c[0] < fstart]
    return before_c[-1][1] if before_c else None


def _known_place(sentence: str, m: regex.Match[str]) -> str | None:
    """The normal form of a known place, "" for an ambiguous name that is no place here ("la
    Corée du Nord", "la crue de la Loire"), None for an unknown name."""
    w = world_data()
    name, prep = m.group("p"), m.group("prep").lower()
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


def category_of(subject: str | None, qualifiers: tuple[str, ...], kind: Kind) -> str | None:
    quals = {q.lower() for q in qualifiers} | {w for q in qualifiers for w in q.lower().split()}
    cats = world_data().categories
    if subject is not None:
        s = subject.lower()
        for c in cats:
            if s in c.subjects and (s not in c.only_with_qualifier or quals & c.qualifiers):
                return c.name
    for c in cats:
        if str(kind) in c.kinds:
            return c.name
    return None
