"""Regular expressions built from the cross-reference cue words: words right after a
figure, a known place after a locative preposition or opening a sentence as a subject, an
outcome's cue right before a figure, the verb after a figure's noun. Private to
``factcheck.crossref`` (used by ``cue_words.load_lexicon``)."""

from __future__ import annotations

import regex


def _following(words: list[str]) -> regex.Pattern[str]:
    """Any of ``words`` right after a figure (spaces allowed before it), as a whole word
    unless it ends with an apostrophe ("d'" runs into the next word)."""
    alternatives = [regex.escape(w) + ("" if w[-1:] in "'\u2019" else r"(?!\w)")
                    for w in sorted(words, key=len, reverse=True)]
    return regex.compile(r"\s*(?i:" + "|".join(alternatives) + ")", regex.V1)


def _locative(prepositions: list[str], places: dict[str, str],
              written: dict[str, str] | None = None,
              unaccented: tuple[str, ...] = ()) -> regex.Pattern[str]:
    """A known place right after a locative preposition; group ``place`` is the spelling.
    ``places`` match in any case, ``written`` (the cities, regions and departments of
    ``places.toml`` [as_written]) only as written ("à Nantes", not "à nantes"). ``unaccented``:
    capitals written without their accent, a preposition only at a clause start ("A Paris,
    30 000 personnes": ``unaccented_preps`` of ``places.toml``)."""
    preps = "|".join(regex.escape(p) for p in sorted(prepositions, key=len, reverse=True))
    names = "|".join(regex.escape(p) for p in sorted(places, key=len, reverse=True))
    cased = "|".join(regex.escape(p) for p in sorted(written or {}, key=len, reverse=True))
    alternatives = f"(?i:{names})" + (f"|{cased}" if cased else "")
    bare = "|".join(regex.escape(a) for a in unaccented)
    opening = rf"|(?<=(?:^|[,;:«“\"(\n])\s*)(?:{bare})(?=\s+\p{{Lu}})" if bare else ""
    return regex.compile(rf"(?<!\w)(?:(?i:{preps}){opening})\s+(?P<place>{alternatives})(?!\w)",
                         regex.V1)


def _subject_place(table: dict, places: dict[str, str],
                   written: dict[str, str] | None = None) -> regex.Pattern[str]:
    """A known place opening the sentence, with or without its article, after a time set
    before it (``subject_time_openers``), as the subject of a verb that counts what it holds
    (``subject_verbs``, after an optional aside); group ``place`` is the spelling."""
    articles = [str(a) for a in table["subject_articles"]]
    elided = [a for a in articles if a.endswith(("'", "\u2019"))]
    article = "|".join([*(regex.escape(a) + r"\s*" for a in elided),
                        *(regex.escape(a) + r"\s+" for a in articles if a not in elided)])
    names = "|".join(regex.escape(p) for p in sorted(places, key=len, reverse=True))
    cased = "|".join(regex.escape(p) for p in sorted(written or {}, key=len, reverse=True))
    alternatives = f"(?i:{names})" + (f"|{cased}" if cased else "")

    def words(key: str) -> str:
        return "|".join(regex.escape(str(w)).replace(r"\ ", r"\s+")
                        for w in sorted(table[key], key=len, reverse=True))

    # A time set before the subject ("Au 1er septembre 2024, la France comptait 78 969
    # détenus", "En 2023, l'Occitanie a accueilli"): a short phrase closed by its comma, not
    # a place ("Au Mali, la France comptait 5 100 soldats": where they are, not France).
    not_place = rf"(?!(?:(?i:{article}))?(?:{alternatives})(?!\w)[^,.;:()]*,)"
    fronted = (rf"(?:(?i:{words('subject_time_openers')})\s+{not_place}"
               rf"[^,.;:()]{{1,30}},\s*)?")
    return regex.compile(rf"^[\W\d_]*{fronted}(?:(?i:{article}))?(?P<place>{alternatives})\s*,?"
                         rf"(?:\s*(?:{words('subject_asides')})\s*,?)?"
                         rf"\s+(?:{words('subject_verbs')})(?!\w)", regex.V1)


def _either_apostrophe(cue: str) -> str:
    """``cue`` escaped, its apostrophe matching a straight or a curly one ("d'", "d’")."""
    return regex.escape(cue.replace("\u2019", "'")).replace("'", "['\u2019]")


def _outcome_before(data: dict[str, list[str]]) -> regex.Pattern[str] | None:
    """A cue of each outcome of ``data`` ending the text right before a figure, as whole
    words (a cue ending in an elision, "l'arrestation d'", right before it); the outcome's
    name is the group that matched."""
    if not data:
        return None
    groups = "|".join(
        "(?P<{}>{})".format(
            name, "|".join(_either_apostrophe(c) for c in sorted(cues, key=len, reverse=True)))
        for name, cues in data.items())
    return regex.compile(rf"(?<!\p{{L}})(?:{groups})(?:\s+|(?<=['\u2019]))$",
                         regex.IGNORECASE | regex.V1)


def _predicate(data: dict) -> regex.Pattern[str]:
    """The verb right after a figure's noun: an auxiliary and the word after it, or a verb
    in the imperfect, at most ``words`` words after the figure, no clause mark between."""
    def alternatives(key: str) -> str:
        return "|".join(regex.escape(a) for a in sorted(data[key], key=len, reverse=True))

    return regex.compile(
        rf"^\s*(?:(?!(?:{alternatives('between_not')})(?!\p{{L}}))[\p{{L}}'\u2019-]+\s+)"
        rf"{{1,{int(data['words'])}}}?"
        rf"(?:(?:{alternatives('auxiliaries')})\s+(?:(?:{alternatives('modals')})\s+)?"
        rf"(?P<verb>\p{{L}}+)|(?P<verb>\p{{L}}+{data['imperfect']}))(?!\p{{L}})",
        regex.IGNORECASE | regex.V1)


def _term_year(links: list[str], words: int) -> regex.Pattern[str]:
    """Right after a term of comparison's figure: at most ``words`` words (its noun), one of
    ``links`` and a year of four digits (group ``year``) closing the phrase ("tués de 2024",
    "milliards en 2026"; not "de 2024 à 2025", "en 2024 et")."""
    alt = "|".join(regex.escape(w) + ("" if w[-1:] in "'\u2019" else r"\s+")
                   for w in sorted(links, key=len, reverse=True))
    return regex.compile(rf"\s*(?:[\p{{L}}'’-]+\s+){{0,{words}}}?(?i:{alt})\s*"
                         r"(?P<year>(?:19|20)\d{2})(?![\d\p{L}])(?!\s*[\p{L}-]{0,3}\s*\d)",
                         regex.V1)
