"""Scope of a figure read from its sentence: cue words (outcome, side, population group,
projection, revision, cumulative, event) given to the nearest figure, the words that describe
it, the places the sentence locates things at. Rows are claims-table dicts carrying
``_family`` and offsets relative to their sentence (``_rel_start``/``_rel_end``), as prepared
by :func:`factcheck.crossref.views.prepare_claims`."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable

import regex

from factcheck.crossref.asides import past_part_aside
from factcheck.crossref.causes import attendance
from factcheck.crossref.cells import WORD, cell_text
from factcheck.crossref.cue_sets import _norm
from factcheck.crossref.cue_words import Lexicon, lemma
from factcheck.crossref.unperformed import ordered_act

__all__ = [
    "DESCRIPTION_WORDS", "OUTCOME_REACH", "QUALIFIER_WORDS", "SIDE_CUE_REACH", "assign_cues",
    "assign_qualifiers", "description_words", "family_from_outcome", "outcome_after",
    "place_key", "qualifier_gaps", "qualifier_values", "restate_places", "sentence_places",
    "subject_complement",
]

#: Characters after a figure searched for what happened to a generic subject.
OUTCOME_REACH = 40
#: Words on each side of a figure that describe it (for telling two metrics apart).
DESCRIPTION_WORDS = 8
_CLAUSE_MARKS = regex.compile(r"[,;(]")
#: Words on each side of a figure, within its clause, read for what qualifies it.
QUALIFIER_WORDS = 12
#: Marks that close a figure's clause for its qualifiers ("12 hospitalisés, dont 3 en réanimation").
_QUALIFIER_MARKS = regex.compile(r"[,;:()\[\]«»\"]|\s[-–—]\s|\.\s")
#: Words that open the next figure's own phrase, when no mark comes before it ("90 % et le bac
#: pro 82 %"; not "ou": "cas suspectés ou confirmés").
_QUALIFIER_STOPS = regex.compile(r"(?i)(?<!\w)(?:et|dont|contre|soit|puis|pour|sur)(?!\w)")
#: Side cues count for a figure only within this many characters of it.
SIDE_CUE_REACH = 40


def _groups(found: list[tuple[int, int, str]], sentence: str,
            lexicon: Lexicon) -> list[tuple[int, int, set[str]]]:
    """Cues joined by commas and coordinators form one group ("tués, blessés ou portés
    disparus"): the group belongs to one figure."""
    groups: list[tuple[int, int, set[str]]] = []
    for start, end, name in found:
        if groups:
            g_start, g_end, names = groups[-1]
            gap = sentence[g_end:start].replace(",", " ").split()
            if start >= g_end and all(w.lower() in lexicon.coordinators for w in gap):
                groups[-1] = (g_start, max(g_end, end), names | {name})
                continue
        groups.append((start, end, {name}))
    return groups


def assign_cues(members: list[dict], sentence: str, lexicon: Lexicon) -> dict[str, dict]:
    """Cue words of one sentence, each given (for every family of figures in the sentence) to
    the nearest figure ("abattu 130", "43 000 soldats [...] tués"), ties to the one before."""
    out: dict[str, dict] = {m["claim_id"]: {"outcome": set(), "side": set(), "projected": False,
                                            "revision": "", "cumulative": False, "event": False,
                                            "population": set(), "national": False,
                                            "span": ""}
                            for m in members}
    if lexicon.scope_cues is not None and lexicon.scope_cues.search(sentence) is None:
        return out  # no cue of any kind in the sentence (most sentences)
    ordered = sorted(members, key=lambda m: m["_rel_start"])
    families = {m["_family"] for m in ordered}

    def distance(m: dict, start: int, end: int) -> int:
        if m["_rel_end"] <= start:
            return start - m["_rel_end"]
        if m["_rel_start"] >= end:
            return m["_rel_start"] - end
        return 0

    def owners(start: int, end: int) -> list[dict]:
        found = []
        for family in families:
            pool = [m for m in ordered if m["_family"] == family]
            found.append(min(pool, key=lambda m: (distance(m, start, end),
                                                  m["_rel_start"] > start)))
        return found

    for start, end, names in _groups(lexicon.outcome.find(sentence), sentence, lexicon):
        for o in owners(start, end):
            if not _outcome_of_another_family(o, names, lexicon):
                # A toll's dead are never a sum ("une amende ... qui avait tué des truites").
                out[o["claim_id"]]["outcome"].update(
                    names - lexicon.toll_outcomes if cell_text(o.get("kind")) == "money" else names)
    for start, end, group in lexicon.population.find(sentence):
        # No reach: "Chez les 15-24 ans, [...] 19,2 %" restricts the figure however far it is.
        for o in owners(start, end):
            out[o["claim_id"]]["population"].add(group)
    for start, end, name in lexicon.side.find(sentence):
        for o in owners(start, end):
            if distance(o, start, end) > SIDE_CUE_REACH and name != "both":
                continue
            out[o["claim_id"]]["side"].add(name)
    simple = (("projected", lexicon.projected), ("cumulative", lexicon.cumulative),
              ("event", lexicon.event), ("national", lexicon.national))
    exclusions = {"cumulative": lexicon.cumulative_exclusions,
                  "projected": lexicon.projected_exclusions}
    for key, pattern in simple:
        excluded: list[tuple[int, int]] | None = None  # read only when a cue is found
        for m in pattern.finditer(sentence):
            if excluded is None:
                excluded = ([(x.start(), x.end()) for x in exclusions[key].finditer(sentence)]
                            if key in exclusions else [])
            if any(s <= m.start() < e for s, e in excluded):
                continue  # "depuis le début de l'année", "mieux que prévu"
            for o in owners(m.start(), m.end()):
                out[o["claim_id"]][key] = True
    for m in lexicon.cumulative_since.finditer(sentence):
        # "Depuis le 1er octobre, 1 240 cas": a count since a day (not a price, not a rate).
        for o in owners(m.start(), m.end()):
            if cell_text(o.get("kind")) == "count":
                out[o["claim_id"]]["cumulative"] = True
    for key, pattern in (("provisional", lexicon.provisional), ("revised", lexicon.revised)):
        for m in pattern.finditer(sentence):
            for o in owners(m.start(), m.end()):
                out[o["claim_id"]]["revision"] = key
    _assign_span(out, members, sentence, lexicon, owners, distance)
    return out


def _outcome_of_another_family(m: dict, names: set[str], lexicon: Lexicon) -> bool:
    """A count of people driven from their homes and a toll (the dead, the injured) said in
    one sentence keep their own outcomes: a figure whose family is what happened to it
    (``[outcome_families]``) takes no cue naming another such family when one of the two is a
    displacement (an outcome that is no toll's): in "20 000 personnes ont été tuées et 15
    millions d'autres déplacées" the 15 millions are displaced, not killed, and the 20 000
    killed, not displaced. (Keeping the dead and the injured of one sentence apart the same
    way was measured on 2026-12-06: DEV link recall 288 -> 291/445 and precision up, but
    frozen link precision 186/238 -> 196/261; not done.)"""
    named = {lexicon.outcome_families[n] for n in names if n in lexicon.outcome_families}
    if not named or m["_family"] not in lexicon.outcome_family_set or m["_family"] in named:
        return False
    displaced = lexicon.displaced_families
    return m["_family"] in displaced or bool(named & displaced)


def _assign_span(out: dict[str, dict], members: list[dict], sentence: str, lexicon: Lexicon,
                 owners: Callable[[int, int], list[dict]],
                 distance: Callable[[dict, int, int], int]) -> None:
    """How far in time each figure reaches: "total" (a running total, the figure nearest the
    cue), "remaining" (what still is: the figure within reach of the cue), "window" (a count
    over a stretch of time: every figure of the sentence), "change" (an increment since an
    earlier moment: the figure within reach of the cue), "" when nothing says."""
    if lexicon.span_window.search(sentence):
        for m in members:
            out[m["claim_id"]]["span"] = "window"
    for m in lexicon.span_remaining.finditer(sentence):
        for o in owners(m.start(), m.end()):
            if distance(o, m.start(), m.end()) <= lexicon.remaining_reach:
                out[o["claim_id"]]["span"] = "remaining"
    for m in lexicon.span_total.finditer(sentence):
        for o in owners(m.start(), m.end()):
            # A figure a "remaining" cue within reach qualifies still is a stock, whatever
            # total the sentence names for another figure ("« Au total, 62 % des foyers ont
            # été réalimentés », les coupures touchaient encore 314 000 clients").
            if out[o["claim_id"]]["span"] != "remaining":
                out[o["claim_id"]]["span"] = "total"
    for m in lexicon.span_change.finditer(sentence):
        # "124 575 cas (+ 461 par rapport à hier)": the increment, not the count.
        for o in owners(m.start(), m.end()):
            if distance(o, m.start(), m.end()) <= lexicon.change_reach:
                out[o["claim_id"]]["span"] = "change"


def assign_qualifiers(members: list[dict], sentence: str,
                      lexicon: Lexicon) -> dict[str, frozenset[tuple[str, str]]]:
    """What qualifies the thing each figure counts (``[scope.qualifiers]``: "hospitalisés",
    "en réanimation", "résultat net", "avant rattrapage"), as ``(set, value)`` pairs, read in
    the figure's own clause: between the clause marks around it and the figures next to it,
    at most QUALIFIER_WORDS words each side ("12 personnes hospitalisées, dont 3 en
    réanimation": hospitalisés for 12, en réanimation for 3)."""
    out: dict[str, frozenset[tuple[str, str]]] = {m["claim_id"]: frozenset() for m in members}
    counted = _counted(members, sentence, lexicon)
    out.update(counted)
    found = lexicon.qualifiers.find(sentence)
    if not found:
        return out
    for m in members:
        start, end = m["_rel_start"], m["_rel_end"]
        # Figures of another kind do not close the clause: "son bénéfice net de 21 % à 7
        # milliards" (the change and the level of one thing).
        same = [o for o in members if o is not m and o["_dim"] == m["_dim"]]
        left = max([o["_rel_end"] for o in same if o["_rel_end"] <= start], default=0)
        right = min([o["_rel_start"] for o in same if o["_rel_start"] >= end],
                    default=len(sentence))
        marks = [x.end() for x in _QUALIFIER_MARKS.finditer(sentence, left, start)]
        if marks:
            left = max(marks)
        elif left:
            # After the previous figure, its own words: "15 636 suspects et 541 décès".
            stop = _QUALIFIER_STOPS.search(sentence, left, start)
            left = stop.end() if stop else left
        mark = _QUALIFIER_MARKS.search(sentence, end, right)
        if mark:
            right = mark.start()
        elif right < len(sentence):
            # Before the next figure, its own words: "90 % et le bac pro 82 %".
            stops = list(_QUALIFIER_STOPS.finditer(sentence, end, right))
            right = stops[-1].start() if stops else right
        words = list(WORD.finditer(sentence, left, start))[-QUALIFIER_WORDS:]
        left = words[0].start() if words else start
        words = list(WORD.finditer(sentence, end, right))[:QUALIFIER_WORDS]
        right = words[-1].end() if words else end
        out[m["claim_id"]] = frozenset(q for s, e, q in found if s >= left and e <= right) \
            | counted.get(m["claim_id"], frozenset())
    # "En données CVS, 152 000 ..., contre 149 000 un an plus tôt": a set said once for the
    # sentence qualifies its figures that say none of their own, when it says one value.
    for kind in lexicon.qualifiers.whole_sentence:
        said = {q for _, _, q in found if q[0] == kind}
        if len(said) == 1:
            for m in members:
                if all(q[0] != kind for q in out[m["claim_id"]]):
                    out[m["claim_id"]] |= said
    return out


def _counted(members: list[dict], sentence: str,
             lexicon: Lexicon) -> dict[str, frozenset[tuple[str, str]]]:
    """The complement of a generic counted noun right after each figure ("35 cas de
    rougeole": ``("counted", "rougeole")``; ``[scope.counted]``)."""
    if lexicon.counted is None:
        return {}
    out = {}
    for m in members:
        found = lexicon.counted.pattern.match(sentence, m["_rel_end"], m["_rel_end"] + 80)
        if found is not None:
            out[m["claim_id"]] = frozenset({(lexicon.counted.name,
                                             lemma(found.group("word")))})
    return out


def qualifier_gaps(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]
                   ) -> tuple[list[str], list[str]]:
    """The sets of qualifiers whose values differ between two figures (two things counted),
    and those read on one figure only (the other's scope is unknown)."""
    sets_a, sets_b = {k for k, _ in a}, {k for k, _ in b}
    differ = sorted(k for k in sets_a & sets_b
                    if {v for s, v in a if s == k} != {v for s, v in b if s == k})
    return differ, sorted(sets_a ^ sets_b)


def qualifier_values(q: frozenset[tuple[str, str]], kind: str) -> str:
    """The values of set ``kind`` read on a figure, for an explanation ("confirmés, suspects")."""
    return ", ".join(sorted(v for s, v in q if s == kind))


def restate_places(members: list[dict], sentence: str, lexicon: Lexicon) -> None:
    """A figure restating the figure just before it ("49 cas à Mamoudzou, soit 29 % des cas de
    Mayotte") is about what that one is about: it takes its place, when one was read (not
    carried over). The share of Mamoudzou is not the share of the whole named after it."""
    ordered = sorted(members, key=lambda m: m["_rel_start"])
    for prev, m in itertools.pairwise(ordered):
        gap = sentence[prev["_rel_end"] : m["_rel_start"]]
        # The cue opens the figure's own clause: "[...] à Mamoudzou, soit 29 %".
        lead = _CLAUSE_MARKS.split(gap)[-1].strip(" :")
        place = cell_text(prev.get("place"))
        if lead and lexicon.restatement.fullmatch(lead) and place \
                and cell_text(prev.get("place_mode")) != "inherited":
            m["place"], m["place_mode"] = place, prev.get("place_mode")


def description_words(members: list[dict], sentence: str,
                      lexicon: Lexicon) -> dict[str, frozenset[str]]:
    """Content words describing each figure: up to DESCRIPTION_WORDS words on each side, not
    past another figure of its family ("a obtenu 182 sièges" / "la majorité absolue est fixée
    à 289 sièges"). The subject and source are removed by the caller."""
    out: dict[str, frozenset[str]] = {}
    for m in members:
        same = sorted((o for o in members if o["_family"] == m["_family"] and o is not m),
                      key=lambda o: o["_rel_start"])
        left = max([o["_rel_end"] for o in same if o["_rel_end"] <= m["_rel_start"]], default=0)
        right = min([o["_rel_start"] for o in same if o["_rel_start"] >= m["_rel_end"]],
                    default=len(sentence))
        between = sentence[left : m["_rel_start"]]
        if any(o["_rel_end"] <= m["_rel_start"] for o in same):
            # After another figure, what precedes the last comma describes that one: "54 %
            # [...] la situation économique, et 33 % pensent [...]".
            between = between[max(between.rfind(","), between.rfind(";")) + 1 :]
        before = WORD.findall(between)[-DESCRIPTION_WORDS:]
        after = WORD.findall(sentence[m["_rel_end"] : right])[:DESCRIPTION_WORDS]
        out[m["claim_id"]] = frozenset(lemma(w) for w in before + after
                                       if len(w) >= 4 and w.lower() not in lexicon.stopwords)
    return out


def subject_complement(subject: str, sentence: str, before: int,
                       lexicon: Lexicon) -> frozenset[str]:
    """The complement the sentence gives the figure's subject noun before the figure ("la
    hausse de l'encours de la dette, qui a [...] pour atteindre 8,6 milliards" -> "dette";
    "victimes d'homicide"): it says what the metric counts or weighs, however far from the
    figure the noun is (``[description] complement_links``); the last such phrase before
    ``before`` (the figure's offset in the sentence). Empty when the sentence gives none."""
    noun = _norm(subject).split()[-1:] if subject else []
    if not noun or len(noun[0]) < 3 or not lexicon.complement_links:
        return frozenset()
    text = sentence[:before].replace("’", "'")
    found = [m for m in _complements(lexicon.complement_links).finditer(text, overlapped=True)
             if _norm(m.group("noun")).rstrip("sx") == noun[0].rstrip("sx")]
    if not found:
        return frozenset()
    word = found[-1].group("word")
    if len(word) < 4 or word.lower() in lexicon.stopwords:
        return frozenset()
    return frozenset({lemma(word)})


@functools.lru_cache(maxsize=4)
def _complements(links: tuple[str, ...]) -> regex.Pattern[str]:
    """A noun, a link word of ``links`` and the word it joins ("encours de la dette")."""
    # A link ending in an apostrophe ("d'", "de l'") is written against its word; any other
    # ("de", "du") is a word of its own: "la croissance devrait" names no complement "vrait".
    joined = "|".join(regex.escape(w).replace(r"\ ", r"\s+")
                      + (r"\s*" if w.endswith(("'", "’")) else r"\s+")
                      for w in sorted(links, key=len, reverse=True))
    return regex.compile(
        rf"(?<!\w)(?P<noun>\p{{L}}+)\s+(?:{joined})(?P<word>\p{{L}}[\p{{L}}-]*)",
        regex.IGNORECASE | regex.V1)


def place_key(name: str, lexicon: Lexicon) -> str:
    """A place in normal form, lower case ("Kiev" and "Kyiv" are one place)."""
    norm = _norm(name)
    return _norm(lexicon.places.get(norm, norm))


def sentence_places(sentence: str, lexicon: Lexicon) -> frozenset[str]:
    """Known places the sentence locates something at ("à Kharkiv", "région de Soumy"), and
    the place opening it as its subject ("L'Île-de-France concentre [...], avec 12 653")."""
    found = {place_key(m.group("place"), lexicon) for m in lexicon.locative.finditer(sentence)}
    opening = lexicon.subject_place.match(sentence)
    if opening:
        found.add(place_key(opening.group("place"), lexicon))
    return frozenset(found)


def outcome_after(row: dict, lexicon: Lexicon) -> str:
    """The OUTCOME_REACH characters after a figure that say what its count underwent, past a
    part's aside ("deux personnes, dont un enfant, ont été tuées": the aside says nothing of
    the whole, :func:`.asides.past_part_aside`)."""
    return past_part_aside(row["sentence"][row["_rel_end"] :], lexicon.partial)[:OUTCOME_REACH]


def family_from_outcome(row: dict, lexicon: Lexicon,
                        excepted: frozenset[str] | None = None) -> None:
    """"53 personnes ont été tuées": a generic subject takes the family of what happened to
    it (qualifiers, or the words right after the figure); "1,2 million de personnes ont
    manifesté", "64 000 personnes incarcérées": the family of what it did or underwent
    (``[outcome_families.activities]``), unless a negation comes right before ("personnes non
    détenues"); "a coûté la vie à 40 personnes": the outcome said right before the figure
    (``[outcome_families.before]``). ``excepted``: the outcome names the sentence holds only
    inside longer cues (``lexicon.outcome.only_inside``), when the caller has read them."""
    if lemma(cell_text(row.get("subject"))) not in lexicon.generic_subjects:
        return
    after = outcome_after(row, lexicon)
    text = cell_text(row.get("qualifiers")) + " ; " + after
    # "plus d'un million de personnes se sont déplacées": a turnout, no people displaced.
    turnouts = [m.span() for m in lexicon.gathering_turnout.finditer(text)]
    # "2 000 personnes déplacées en car": a qualifier "déplacées" cut from a trip is no cue.
    if excepted is None:
        excepted = lexicon.outcome.only_inside(row["sentence"])
    found = [name for start, end, name in lexicon.outcome.find(text)
             if not any(a <= start and end <= b for a, b in turnouts) and name not in excepted
             and text[start:end].lower().replace("’", "'") not in lexicon.family_not_cues]
    for name in found:
        if name in lexicon.outcome_families:
            row["_family"] = lexicon.outcome_families[name]
            return
    for start, _, family in lexicon.activities.find(after):
        if not lexicon.activity_negation.search(after[:start]):
            row["_family"] = family
            return
    # "la guerre a coûté la vie à des dizaines de milliers de personnes": the outcome said
    # right before the figure, when nothing after it said one.
    before = lexicon.outcome_before.search(row["sentence"][: row["_rel_start"]]) \
        if lexicon.outcome_before is not None else None
    # "a ordonné l'évacuation de 5 000 personnes": the act was called for, not done.
    if before is not None and not ordered_act(row["sentence"][: before.start()]):
        name = before.lastgroup
        # "le concert a déplacé 30 000 personnes": the public came, nobody was displaced.
        if name in lexicon.outcome_families and not attendance(
                row.get("_cause", frozenset()), lexicon.causes):
            row["_family"] = lexicon.outcome_families[name]


def _sentence_words(sentence: str, lexicon: Lexicon) -> frozenset[str]:
    return frozenset(lemma(w) for w in WORD.findall(sentence)
                     if len(w) >= 4 and w.lower() not in lexicon.stopwords)


def _word_set(*texts: str) -> frozenset[str]:
    return frozenset(lemma(w) for t in texts for w in WORD.findall(t))
