"""Sums named by the word that governs them: "Un plan de 1,2 milliard", "Le club a payé 80
millions (hors bonus)", "un trou de 400 millions dans les caisses".

News text names the currency once and drops it after. A count with a scale word (millions,
milliards) and no unit of its own is a sum of money when a noun of sums ("un plan de", "une
enveloppe de", "une amende de") or a verb of paying or costing ("a payé", "coûtera", "a
levé") governs it, words of the ``[governed]`` table of ``lang/<code>/currencies.toml``. It
takes the currency of the nearest sum of money before it in the article, else that of the
next sum of its sentence (not across a relative pronoun: another noun's clause), with
``rule="currency_governed"``; when the text gives none ("Les amendes ont rapporté 6
millions à la ville" in an article naming no currency), it is a sum all the same, of no
currency (``unit`` None, ``rule="currency_unnamed"``): never a count of the noun that pays,
never set against a sum of a named currency. A participle of paying after it governs it
too: "seuls 4 millions ont été versés"; one that also says people or things ("payés",
"engagés") only right after a part of a sum: "500 millions d'euros, dont 100 millions déjà
engagés", not "2 millions sont payés au smic". Never when a noun it counts
follows ("un plan de 2 millions de logements", "a débloqué 3 millions de masques"): only
nothing, a follower that cannot be its noun, a year, or a noun of money may come after it.

A pass over the mentions of a text run after the other currency ellipses
(:mod:`factcheck.extract._ellipsis`), whose words it shares.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from factcheck.deadline import checkpoint
from factcheck.extract._ellipsis import EllipsisLexicon, _is_scaled_count, ellipsis_lexicon
from factcheck.extract._mention_copy import replace
from factcheck.extract.lexicon import lexicon
from factcheck.lang import load_data
from factcheck.models import Kind, Mention
from factcheck.patterns import _spaced_alt
from factcheck.text import sentence_spans

RULE = "currency_governed"
#: A governed sum in a text that names no currency it could take: money all the same.
UNNAMED_RULE = "currency_unnamed"

_NAME_AFTER = regex.compile(r"\s*\p{Lu}")
_CONVERSION_GAP = regex.compile(r"\s*[(\[]")

#: How far before the figure its governing words may start, in characters.
_REACH = 80


@dataclass(frozen=True)
class GovernedLexicon:
    governor_before: regex.Pattern  # at the end of the text before the figure
    governor_after: regex.Pattern  # right after it: "4 millions ont été versés"
    part_after: regex.Pattern  # right after a part, no auxiliary: "dont 100 millions engagés"
    part_link: regex.Pattern  # at the end of the text between the sum and its part: "dont"


@cache
def governed_lexicon(code: str) -> GovernedLexicon:
    data = load_data(code, "currencies")["governed"]
    link = load_data(code, "currencies")["ellipsis"]["noun_link"]

    def phrases(words: list[str]) -> str:
        return _spaced_alt(words)

    nouns, verbs = phrases(data["nouns"]), phrases(data["verbs"])
    qualifiers, fillers = phrases(data["noun_qualifiers"]), phrases(data["fillers"])
    of = phrases(link)
    governor = (
        rf"(?<![\p{{L}}'’-])(?:(?:{nouns})(?:\s+(?:{qualifiers}))?\s*(?:{of})"
        rf"|(?:{verbs}))(?:\s*(?<=['’])|\s+)(?:(?:{fillers})\s+)*$"
    )
    auxiliaries, participles = phrases(data["auxiliaries"]), phrases(data["participles"])
    after = rf"\s+(?:(?:{auxiliaries}|{fillers})\s+)*(?:{participles})(?![\p{{L}}'’-])"
    part = rf"\s+(?:(?:{fillers})\s+)*(?:{phrases(data['part_participles'])})(?![\p{{L}}'’-])"
    return GovernedLexicon(
        governor_before=regex.compile(governor, regex.I),
        governor_after=regex.compile(after, regex.I),
        part_after=regex.compile(part, regex.I),
        part_link=regex.compile(rf"(?<![\p{{L}}])(?:{phrases(data['part_links'])})\s+$", regex.I),
    )


def governed_currencies(text: str, mentions: list[Mention], code: str) -> list[Mention]:
    """``mentions`` (sorted by position) with the bare scaled counts that a word of sums
    governs turned into money of the article's currency, or of no currency (``unit`` None,
    ``rule="currency_unnamed"``) when the text gives none it could take."""
    data, gov, per = ellipsis_lexicon(code), governed_lexicon(code), lexicon(code).per_after
    out = list(mentions)
    for i, m in enumerate(out):
        checkpoint()
        if not _is_scaled_count(m, data) or not _governed(text, out, i, gov) \
                or not _counts_nothing(text, m, data) or per.match(text, m.end, m.end + _REACH):
            continue  # "coûte 2 millions par an": a rate, whose basis this pass does not read
        unit = _currency_before(text, out, i, data) or _currency_ahead(text, out, i, data)
        out[i] = replace(m, kind=Kind.MONEY, unit=unit, rule=RULE if unit else UNNAMED_RULE)
    return out


def _governed(text: str, mentions: list[Mention], i: int, gov: GovernedLexicon) -> bool:
    m = mentions[i]
    start = max(0, m.start - _REACH)
    return (
        gov.governor_before.search(text, start, m.start) is not None
        or gov.governor_after.match(text, m.end, m.end + _REACH) is not None
        or (gov.part_after.match(text, m.end, m.end + _REACH) is not None
            and _part_of_sum(text, mentions, i, gov))
    )


def _part_of_sum(text: str, mentions: list[Mention], i: int, gov: GovernedLexicon) -> bool:
    """The figure is a part of the sum of money right before it in its sentence: "500
    millions d'euros, dont 100 millions"."""
    m = mentions[i]
    n = mentions[i - 1] if i else None
    return (
        n is not None
        and n.kind == Kind.MONEY
        and len(sentence_spans(text[n.start : m.end])) == 1
        and gov.part_link.search(text, n.end, m.start) is not None
    )


def _counts_nothing(text: str, m: Mention, data: EllipsisLexicon) -> bool:
    """No noun the figure could count follows it: "de" after it only for a year, a noun of
    money or a follower ("de plus"); no name either ("90 milliards CFP", a currency the
    lexicon does not know)."""
    if _NAME_AFTER.match(text, m.end):
        return False
    if not data.noun_link.match(text, m.end):
        return True
    return bool(data.money_noun_after.match(text, m.end) or data.follower_after.match(text, m.end))


def _currency(m: Mention) -> str | None:
    """The currency of a sum of money, of a rate too ("12 millions d'euros par an": EUR):
    the governed figure is a sum, only its currency is the article's."""
    return (m.unit or "").split("/")[0] or None if m.kind == Kind.MONEY else None


def _currency_before(
    text: str, mentions: list[Mention], i: int, data: EllipsisLexicon
) -> str | None:
    m = mentions[i]
    for n in reversed(mentions[:i]):
        if m.start - n.end > data.article_gap:
            return None
        if n.kind == Kind.MONEY:
            return _currency(n)
    return None


def _currency_ahead(
    text: str, mentions: list[Mention], i: int, data: EllipsisLexicon
) -> str | None:
    """The lead names the sum before its currency: "un plan de 2 milliards, dont 500 millions
    d'euros pour l'école"; not across a relative pronoun, a sentence end nor a conversion
    ("80 millions, soit 95 millions d'euros": another currency)."""
    m = mentions[i]
    for n in mentions[i + 1 :]:
        if n.kind != Kind.MONEY:
            continue
        if len(sentence_spans(text[m.start : n.end])) != 1 \
                or data.ahead_break.search(text, m.end, n.start) \
                or data.ahead_conversion.search(text, m.end, n.start) \
                or _CONVERSION_GAP.match(text, m.end):
            return None  # another sentence, another noun's clause, a conversion
        return _currency(n)
    return None
