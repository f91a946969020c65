"""Actor (the side or body a figure is about), place, and category, with normal forms from
``actors.toml``, ``places.toml`` and ``categories.toml``.

* actor: a nationality qualifier of what is counted ("drones ukrainiens" -> Ukraine), else
  "côté ukrainien", else a side named before the figure in its sentence outside "selon ..."
  and beneficiary phrases ("l'administration Biden a annoncé une aide" -> États-Unis;
  "à l'Ukraine", "pour Kiev" are not the actor);
* place: a known or "région de X" place, or an unlisted town after "à", following a
  locative preposition, first between the figure and the next quantity, else the subject of
  a verb of counting, else a side heading the figure ("côté syrien" -> Syrie), else between
  the previous quantity and this one ("17 drones ... dans la région de Belgorod, 12 dans la
  région de Koursk"), else after the next quantities of the clause;
* category: the first category whose subjects match (with a qualifier when the subject
  needs one), else the first whose kinds match.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from factcheck.context._counting_place import counting_place
from factcheck.context._memo import TokensMemo
from factcheck.context._perimeters import (
    not_where,
    perimeter_at,
    perimeters,
    unread_territories,
)
from factcheck.context._place_after import not_own_after
from factcheck.context._place_scope import in_written_source, past_part
from factcheck.context._time_data import time_data
from factcheck.context.known_places import (
    _known_place,
    _looks_like_region,
    _not_place_spans,
    acronym,
    after_event_noun,
    bracket_names_town,
    bracket_place,
    detached_opener_end,
    event_acted,
    event_names_town,
    located_in_brackets,
    match_prep,
    named_elsewhere,
    place_matches,
)
from factcheck.context.lexicon import grammar, source_data
from factcheck.context.nlp import Figure, Tok
from factcheck.context.respective import respective_place
from factcheck.context.timepatterns import comparison
from factcheck.context.world import world_data
from factcheck.models import MEASURE_KINDS, Kind
from factcheck.patterns import whole_words

#: Kinds that bound the stretch of a sentence a figure takes its place from.
_SITUATED = MEASURE_KINDS - {Kind.DURATION}


@lru_cache(maxsize=1)
def _actor_pattern() -> regex.Pattern[str]:
    return whole_words(world_data().actor_names, regex.I)


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
    sentence: str,
    toks: tuple[Tok, ...],
    fig: Figure,
    figs: list[Figure],
    source: str | None,
    names: tuple[str, ...] = (),
    glossed: bool = False,
    people: tuple[str, ...] = (),
) -> tuple[str | None, bool]:
    """The place of a quantity: a place read after a locative preposition, first between the
    figure and the next quantity, else between the previous quantity and this one (a town
    before the country that locates it), else after the next quantities of its clause ("11 300
    morts et 10 100 disparus dans la ville de Derna"), else the subject of a verb of counting
    ("la France compte 78 969 détenus", over a place in its apposition). ``names`` are the
    people and bodies the article names, never a place; ``people`` the last names of the
    persons it names in full, never the town of an event ("l'attaque de Trump"). With the
    place, whether it is a sure reading: a town the places data does not list ("à
    Barsalogho") is not. ``glossed``: no place in brackets opened after the figure ("vers
    23h30 (22h30 en Suisse)": the gloss's).
    An empty place: the figure takes none, not even one carried (a figure after "contre" in
    a list of another length than the places given "respectivement")."""
    if fig.mention.kind in (Kind.IDENTIFIER,):
        return None, True
    fstart = toks[fig.first].start if fig.first < len(toks) else len(sentence)
    fend = toks[fig.last - 1].end if 0 < fig.last <= len(toks) else fstart
    # "Lyon et Marseille ont accueilli respectivement 1,2 et 0,9 million": the k-th place.
    # A figure of a list after "contre" of another length: no place from the pairing.
    if (respective := respective_place(sentence, fstart, fend)) is not None:
        return respective, True
    # Dates, years and durations between two quantities do not cut the place off.
    bounds = [f for f in figs if f is fig or f.mention.kind in _SITUATED]
    n = bounds.index(fig)
    nxt = (
        toks[bounds[n + 1].first].start
        if n + 1 < len(bounds) and bounds[n + 1].first < len(toks)
        else len(sentence)
    )
    prv = toks[bounds[n - 1].last - 1].end if n > 0 and bounds[n - 1].last > 0 else 0
    spans = [toks[f.first].start for f in figs if f.first < len(toks)]
    candidates = _candidates(sentence, toks, source, names, spans, people)
    if glossed:
        candidates = [c for c in candidates if _bracket(sentence, c[0]) < fend]
    # A figure in brackets glosses what comes before them: no place after the bracket is its
    # ("(+140 % entre le 27 juin et le 3 juillet) après la mort de N., tué à Nanterre").
    bracketed = _bracket(sentence, fstart) >= 0
    follow = nxt if n + 1 < len(bounds) else None
    if bracketed and sentence.find(")", fend) >= 0:
        nxt = min(nxt, sentence.find(")", fend))
    # An event's unlisted town ("l'incendie de Landiras a parcouru") places the figures after
    # it, whose event it names, and only when it heads them, no figure before it: not "17
    # dans l'incendie d'Eaton et 8 dans l'incendie de Palisades".
    evented = {c[0] for c in candidates if not c[3] and after_event_noun(sentence, c[0])}
    ahead = [c for c in candidates if c[0] not in evented]
    quantities = [toks[f.first].start for f in bounds if f.first < len(toks)]
    behind = [c for c in candidates
              if c[0] not in evented or not any(s < c[0] for s in quantities)]
    # Not a trailing comparison's set, nor the place opening the next figure's clause.
    after = [c for c in ahead
             if fend <= c[0] < nxt and not past_part(toks, fig.last, c[0])
             and not not_own_after(sentence, fend, c[0], c[1], follow)]
    if after:
        return after[0][2:]
    low = bounds[n - 1].last if n > 0 else 0
    counting = counting_place(sentence, toks, fig, low)
    if counting:
        return counting, True
    # "1 200 morts en Turquie ; côté syrien, 800": the side heading the figure's clause is its
    # place, over a place before the side marker; a place named after it locates it further.
    side = _side_place(toks, fig, low)
    if side is not None:
        prv = max(prv, side[0])
    before_c = [c for c in behind if prv <= c[0] < fstart]
    if side is not None and not before_c:
        return side[1], True
    if before_c:
        return before_c[-1][2:]
    later = None if bracketed else next((c for c in ahead if c[0] >= nxt), None)
    if later is not None and not _clause_break(toks, fig.last, later[0]):
        return later[2:]
    return None, True


def _bracket(sentence: str, at: int) -> int:
    """The offset of the bracket open at ``at``, else -1."""
    opened = sentence.rfind("(", 0, at)
    return opened if opened > sentence.rfind(")", 0, at) else -1


#: The places of the sentences read last: ``place_of`` asks for them once per figure.
_PLACES: TokensMemo[tuple[tuple[int, int, str, bool], ...]] = TokensMemo()


def _candidates(
    sentence: str,
    toks: tuple[Tok, ...],
    source: str | None,
    names: tuple[str, ...],
    figures: list[int],
    people: tuple[str, ...] = (),
) -> list[tuple[int, int, str, bool]]:
    """The places of a sentence (:func:`_find_candidates`), found once per sentence, source,
    names, figures and people."""
    key = (sentence, source, names, tuple(figures), people)
    return list(_PLACES.get(toks, key, lambda: tuple(
        _find_candidates(sentence, toks, source, names, figures, people))))


def _find_candidates(
    sentence: str,
    toks: tuple[Tok, ...],
    source: str | None,
    names: tuple[str, ...],
    figures: list[int],
    people: tuple[str, ...] = (),
) -> list[tuple[int, int, str, bool]]:
    """(start, end, normal form) of the places of a sentence, a place that only locates the one
    before it dropped ("à Derna, dans l'est de la Libye": Derna; not across a figure at one of
    the offsets ``figures``: "14 à Briansk, 6 dans celle de Koursk"), as is one that locates
    a place of the source's name ("le maire de Derna, dans l'est de la Libye, estime")."""
    w = world_data()
    out: list[tuple[int, int, str, bool]] = []
    named = _not_place_spans(sentence)
    detached = detached_opener_end(sentence)
    territories = {p.start: p for p in perimeters(sentence)}
    seat: int | None = None  # the end of a place dropped as the source's seat
    for m in place_matches(sentence):
        if m.start() < detached:
            continue  # "Originaire de Lille, la chanteuse ...": the subject's place
        name = m.group("p")
        before = sentence[: m.start()].split()
        if (before and before[-1].lower() in w.place_not_after) \
                or any(s <= m.start("p") < e for s, e in named):  # "les Gîtes de France"
            continue
        if source and in_written_source(sentence, source, m.start("p")):
            seat = m.end("p")
            continue  # "selon la préfecture du Rhône": the body's name, not where
        if seat is not None and _locates_seat(sentence[seat : m.start()], m) \
                and not any(seat <= f < m.start() for f in figures):
            seat = m.end("p")
            continue  # "le maire de Derna, dans l'est de la Libye": where the body sits
        if comparison().search(sentence.lower(), 0, m.start()):
            continue  # "soit plus que la surface de Paris": a yardstick, not where
        if (territory := perimeter_at(sentence, m.start("p"))) is not None:
            # "la métropole de Lyon": the territory, not the town (read once).
            if territories.pop(territory.start, None) is not None \
                    and not not_where(sentence, territory):
                out.append((territory.start, territory.end, territory.place, True))
            continue
        if match_prep(m) in grammar().country_preps and any(
                not sentence[t.end : m.start()].strip() for t in perimeters(sentence)):
            continue  # "l'agglomération de Rouen en Normandie": the region locates it
        place = _known_place(sentence, m)
        listed = place is not None
        ok = _unknown_ok(sentence, toks, m, names, people) if place is None else None
        if ok:  # "en Roumanie", "dans la région de Tambov", "à Barsalogho"
            # "du Congo (RDC)": the end of a listed name its bracket glosses is that place.
            gloss = bracket_place(sentence, m.end("p")) or ""
            place = gloss if ok == "located" or gloss.endswith(f" {name}") else name
            listed = ok == "region" or place == gloss
        if not place or _LISTED.match(sentence, m.end("p")):
            continue  # "de Toulouse, Perpignan et Mayotte": several places, not one
        if out and _apposed(sentence[out[-1][1] : m.start()]) \
                and not any(out[-1][1] <= f < m.start() for f in figures):
            continue
        out.append((m.start("p"), m.end("p"), place, listed))
    # A territory no place match reads ("l'agglomération d'Angers").
    out.extend(unread_territories(sentence, territories.values(), source, named, detached))
    return sorted(out)


#: After a place, more names in a list: ", Perpignan, Remire (Guyane) et Majicavo".
_NAME = r"\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*\s*(?:\([^()]*\)\s*)?"
_LISTED = regex.compile(rf"\s*(?:\([^()]*\)\s*)?,\s*{_NAME}(?:,|et\s|ou\s)\s*\p{{Lu}}")


def _locates_seat(gap: str, m: regex.Match[str]) -> bool:
    """Whether the place match ``m``, after the ``gap`` that follows a place of the source's
    name, locates that seat: apposed after a comma ("le maire de Derna, dans l'est de la
    Libye", "le maire de Quimper, dans le Finistère"), never after a town's preposition,
    where the figure is ("selon la préfecture du Rhône, à Lyon, 3 000 personnes")."""
    if match_prep(m) in world_data().town_preps:
        return False
    return _apposed(gap) or gap.strip() == ","


def _apposed(gap: str) -> bool:
    """A comma and a few words between two places: the second locates the first (", dans
    l'est", ", capitale", ", dans la région")."""
    words = gap.replace("'", "' ").split()
    return bool(gap.lstrip().startswith(",")) and 1 < len(words) <= 5 and "," not in gap[
        gap.index(",") + 1 :
    ]


#: Another capitalised word after a name ("à Marine Le Pen"): compiled once, not per place.
_CAPITAL_NEXT = regex.compile(r"\s+\p{Lu}")


def _unknown_ok(
    sentence: str, toks: tuple[Tok, ...], m: regex.Match[str], names: tuple[str, ...],
    people: tuple[str, ...] = (),
) -> str | None:
    """Whether an unknown name is a place: "region" after "en"/"au" or a region noun, "town"
    after "à" (or "dans", or "de" after "habitants", when a listed place in brackets locates
    it, "à Ribaute (Aude)"), "located" when such a bracket follows it after another
    preposition (the bracket is where: "les salariés de Michelin (Clermont-Ferrand)") when it
    is no person, body, month or weekday and no verb of speech comes before, else None. A
    body's word ("au Parlement européen"), an agency ("à Reuters") or an acronym ("au PSG")
    is never a place."""
    w = world_data()
    name, prep = m.group("p"), match_prep(m)
    if _CAPITAL_NEXT.match(sentence, m.end("p")):
        return None  # "à Marine Le Pen", "région Grand Est": a longer name, unknown
    if named_elsewhere(name, names) or name in w.body_words or acronym(name):
        return None
    if prep in grammar().country_preps or _looks_like_region(sentence, m):
        return "region"
    # "à Ribaute (Aude)": a town located by its department; "les salariés de Michelin
    # (Clermont-Ferrand)": a company's name, its bracket is where ("located").
    vouched = located_in_brackets(sentence, m.end("p"))
    if vouched and not bracket_names_town(sentence, m):
        return "located"
    if not vouched and (prep not in w.town_preps or m.group("art")) and (
            not event_names_town(sentence, m) or named_elsewhere(name, people)
            or name.lower() in w.person_names or event_acted(toks, m.end("p"))):
        return None  # a town after "à", or after "de" following an event's noun
    t = time_data()
    if name.lower() in t.months or name.lower() in t.weekdays:
        return None
    k = next((i for i, tok in enumerate(toks) if tok.start >= m.start("p")), None)
    if k is None or (toks[k].pos != "PROPN" and not vouched):
        return None
    speech = source_data().speech_forms
    j = next((i for i in range(k - 1, -1, -1) if toks[i].start < m.start()), None)
    if j is not None and (toks[j].lemma in source_data().speech_verbs or toks[j].lower in speech):
        return None
    return "town"


def _clause_break(toks: tuple[Tok, ...], first: int, until: int) -> bool:
    """A clause mark or a word that changes the scope ("contre", "selon") between a figure and
    a place after other figures."""
    stops = grammar().clause_marks | world_data().place_not_after
    return any(t.lower in stops for t in toks[first:] if t.start < until)


def _side_place(toks: tuple[Tok, ...], fig: Figure, low: int) -> tuple[int, str] | None:
    """A side named by a nationality adjective before the figure in its stretch ("Côté syrien,
    800 morts"), as (offset, place) when that side's country is a known place."""
    w = world_data()
    g = grammar()
    for k in range(min(fig.first, len(toks)) - 2, low - 1, -1):
        if toks[k].lower in g.side_marker and toks[k + 1].lower in w.actor_adjectives:
            actor = w.actor_adjectives[toks[k + 1].lower]
            place = w.places_as_written.get(actor) or w.places.get(actor.lower())
            return (toks[k + 1].end, place) if place else None
    return None


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
