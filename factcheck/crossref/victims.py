"""What a count of "victimes" counts. Newsrooms write "victimes" for the dead of a disaster
("le crash avait fait 229 victimes"), which the metric family of deaths holds; but the word
also names the people an offence was committed against ("victimes d'escroqueries",
"victimes de violences sexuelles") and a toll that counts the injured with the dead ("six
victimes, dont une personne décédée et une grièvement blessée"). Identity before
accusation: such a count is not a count of deaths, and never meets one
(``[victims]`` of ``lang/fr/crossref.toml``)."""

from __future__ import annotations

from dataclasses import dataclass

import regex

#: Characters before a figure searched for the "victimes de ..." it is given for
#: ("- victimes d'escroqueries et fraudes aux moyens de paiement (+6 %)"): about a clause. (200,
#: reaching the subject of a long sentence, "le nombre de victimes de coups, estimé à 384 000
#: en janvier, atteint finalement 335 000", was measured on DEV on 2026-12-05: no link more,
#: and one wrong link more, the smaller block of deaths pairing a past crash's toll.)
BEFORE_REACH = 90
#: A short aside in brackets ("(sur personnes de 15 ans ou plus)").
_ASIDE = regex.compile(r"\([^()]{0,80}\)")
#: Characters after "dont" searched for the injured among the parts of a toll, up to the end
#: of its clause.
PARTS_REACH = 60
#: Characters after a figure searched for its noun ("1 200 victimes de violences").
AFTER_REACH = 40


@dataclass(frozen=True, slots=True)
class VictimCues:
    """The cues of ``[victims]``: the subject's lemma, the families a count of victims
    leaves, the complements naming a killing, the cue of a whole's parts, the family of a
    toll counting the injured."""

    subject: str
    family: str
    death_families: frozenset[str]
    killings: frozenset[str]
    events: frozenset[str]  # "victimes de l'attentat": what killed them, the dead
    #: Offences crime statistics count by their victims ("victimes de coups et blessures":
    #: the count of the assaults), word starts; see :func:`offence_counted`.
    offences: frozenset[str]
    #: What may follow the offence's noun without narrowing it: the end of its phrase.
    offence_end: regex.Pattern[str]
    complement_after: regex.Pattern[str]  # "victimes de violences" right after the figure
    complement_before: regex.Pattern[str]  # the last "victimes de ..." before it
    parts: regex.Pattern[str]  # "dont deux", "parmi lesquels 3" (then the parts, a count first)
    injured: regex.Pattern[str]  # "blessés", "blessée" among those parts


def victim_cues(data: dict) -> VictimCues | None:
    """The cues of ``[victims]`` (None when the language gives none)."""
    if not data:
        return None
    noun = regex.escape(data["noun"])
    # A determiner between "de" and the noun is no offence: "victimes de ces meurtres".
    determiners = "|".join(regex.escape(d) for d in
                           sorted(data.get("determiners", ()), key=len, reverse=True))
    skipped = rf"(?:(?:{determiners})\s+)*" if determiners else ""
    complement = (rf"{noun}s?\s+(?:de\s+la\s+|de\s+l['’]|des\s+|du\s+|de\s+|d['’])"
                  rf"{skipped}(?P<word>\p{{L}}[\p{{L}}-]+)")
    parts = "|".join(regex.escape(p) for p in sorted(data["parts"], key=len, reverse=True))
    counts = "|".join(regex.escape(c) for c in
                      sorted(data.get("part_counts", ()), key=len, reverse=True))
    count = rf"(?:\d|(?:{counts})(?!\p{{L}}))" if counts else r"\d"
    return VictimCues(
        subject=str(data["noun"]).lower(),
        family=str(data["family"]),
        death_families=frozenset(data["death_families"]),
        killings=frozenset(w.lower() for w in data["killings"]),
        events=frozenset(w.lower() for w in data.get("events", ())),
        offences=frozenset(w.lower() for w in data.get("offences", ())),
        offence_end=regex.compile(
            r"\s*(?:$|[^\p{L}\s]|(?:"
            + "|".join(regex.escape(w) for w in data.get("offence_ends", ()))
            + r")(?!\p{L}))", regex.IGNORECASE | regex.V1),
        complement_after=regex.compile(rf"^\s*{complement}", regex.IGNORECASE | regex.V1),
        complement_before=regex.compile(rf"(?<!\p{{L}}){complement}(?!.*{noun})[^;]*$",
                                        regex.IGNORECASE | regex.V1 | regex.DOTALL),
        parts=regex.compile(rf"(?<!\p{{L}})(?:{parts})\s+{count}", regex.IGNORECASE | regex.V1),
        injured=regex.compile(
            rf"(?<!\p{{L}})(?:{'|'.join(regex.escape(w) for w in data['injured'])})(?!\p{{L}})",
            regex.IGNORECASE | regex.V1),
    )


def victims_family(row: dict, cues: VictimCues | None, subject_lemma: str) -> str | None:
    """The family of a count of victims read as deaths (``row["_family"]`` one of
    ``death_families``, subject ``victime``) that its sentence says is not one: the victims
    of an offence ("victimes d'escroqueries": ``victimes/escroquerie``; a killing,
    "victimes d'homicide", or an event, "victimes de l'attentat", stays a death), or a toll
    whose parts name the injured ("dont deux morts et cinq blessés": ``family``; "dont" then a
    count, not "dont le capitaine a été blessé"). None: the family stands."""
    if cues is None or row.get("_family") not in cues.death_families:
        return None
    if cues.subject not in subject_lemma.split():
        return None
    sentence = row["sentence"]
    start, end = row["_rel_start"], row["_rel_end"]
    # An aside in brackets closed before the figure ("victimes de coups (sur personnes de 15
    # ans ou plus) enregistrées (+5 %)") is no part of the reach.
    before = _ASIDE.sub(" ", sentence[:start])
    found = cues.complement_after.match(sentence[end : end + AFTER_REACH]) \
        or cues.complement_before.search(before[-BEFORE_REACH:])
    if found is not None:
        word = found.group("word").lower()
        if not any(word.startswith(k) for k in cues.killings | cues.events):
            return f"{cues.family}/{_singular(word)}"
    rest = sentence[end:]
    part = cues.parts.search(rest)
    if part is not None and cues.injured.search(
            regex.split(r"[;.]", rest[part.end() : part.end() + PARTS_REACH])[0]):
        return cues.family
    return None


#: "victimes de" or "d'" right before the offence: an offence counted in general, as
#: statistics count it. An article or a determiner names one offence or one event ("les
#: victimes du vol MH17", "victimes de ces cambriolages"), no count of an offence.
_NO_ARTICLE = regex.compile(r"\s*\p{L}+\s+(?:de\s+|d['’])", regex.IGNORECASE | regex.V1)


def offence_counted(row: dict, cues: VictimCues | None, subject_lemma: str) -> str | None:
    """The offence a count of victims counts, when crime statistics count it by its victims
    (``offences``) and its sentence does not narrow it: "victimes d'escroqueries (+6 %)" and
    "victimes de coups et blessures volontaires (+5 %)" give the count of the frauds and the
    assaults, which outlets also write "les escroqueries ont augmenté de 6 %". A word that
    narrows the offence ("victimes de violences conjugales", "de cambriolages de
    résidences") makes it one kind of that offence, which a count of the offence says
    nothing of: None, as for the victims of anything else ("victimes de l'incendie": people,
    not fires) and a toll. Only what :func:`victims_family` reads as the victims of an
    offence."""
    family = victims_family(row, cues, subject_lemma)
    if cues is None or not family or not family.startswith(cues.family + "/"):
        return None
    word = family[len(cues.family) + 1:]
    if not any(word.startswith(o) for o in cues.offences):
        return None
    sentence = row["sentence"]
    start, end = row["_rel_start"], row["_rel_end"]
    # Read where victims_family read it: right after the figure, else the clause before it
    # (asides in brackets set apart: "victimes de cambriolages (maisons) déclarées").
    text = sentence[end : end + AFTER_REACH]
    found = cues.complement_after.match(text)
    if found is None:
        text = _ASIDE.sub(" ", sentence[:start])[-BEFORE_REACH:]
        found = cues.complement_before.search(text)
    if found is None or not _NO_ARTICLE.fullmatch(text[found.start():found.start("word")]):
        return None
    return word if cues.offence_end.match(text[found.end("word"):]) else None


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word
