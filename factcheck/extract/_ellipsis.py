"""Currency ellipsis: a bare scaled figure that repeats the currency of the sum before it.

News text names the currency once and drops it for the figures that follow: "L'État a versé
600 millions d'euros à la SNCF et 150 millions à la RATP", "un déficit de 250 millions
d'euros, contre 120 millions un an plus tôt". This module is a pure pass over the mentions
of a text, run after the scanner: it turns such counts into money of the same currency,
with ``rule="currency_ellipsis"``.

It only does so when everything agrees (a wrong unit is worse than none):

* the figure is a count with a scale word (millions, milliards, M, Md), no unit of its own;
* the figure before it in the same sentence, not counting dates and years, is a sum of money
  (possibly itself inferred) of some size, not a rate ("par an");
* the text between them ends with a cue ("et", "contre", "soit une hausse de");
* nothing follows the figure that could be what it counts ("2 millions d'habitants"), only
  punctuation, "de plus", or a few words that cannot be its noun ("à la RATP", "en 2023").

The words come from the ``[ellipsis]`` table of ``lang/<code>/currencies.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from factcheck.deadline import checkpoint
from factcheck.extract._mention_copy import replace
from factcheck.extract.lexicon import Lexicon, lexicon
from factcheck.lang import load_data
from factcheck.models import Kind, Mention
from factcheck.patterns import _alt, _spaced_alt
from factcheck.text import sentence_spans

RULE = "currency_ellipsis"
#: Beyond the sentence: "Ces 60 milliards", after a sum of money earlier in the article.
ARTICLE_RULE = "currency_article"

#: Kinds skipped when looking for the sum before a figure: they situate, they do not count.
_SITUATING = frozenset({Kind.DATE, Kind.YEAR, Kind.TIME, Kind.IDENTIFIER, Kind.ORDINAL})

_TOKEN = regex.compile(r"[\p{L}]+")
_CONVERSION_GAP = regex.compile(r"\s*[(\[]\s*(?:\p{L}+\s+){0,2}")


@dataclass(frozen=True)
class EllipsisLexicon:
    scale_words: frozenset[str]  # lower case: "millions", "milliards"
    scale_abbreviations: frozenset[str]  # case kept: "M", "Md"
    cue_before: regex.Pattern  # at the end of the text between the sum and the figure
    follower_after: regex.Pattern  # what may come right after the figure
    # "à la SNCF, " then "à la RATP": the same preposition after the sum and the figure
    parallel_gap: regex.Pattern
    preposition_after: regex.Pattern
    preposition_forms: dict[str, str]  # "aux" -> "à": one preposition in an enumeration
    head_before: regex.Pattern  # "avec" right before a sum and before the figure
    separator: regex.Pattern  # in the text between them: one list
    min_antecedent: float
    max_gap: int
    large_scale_words: frozenset[str]  # "milliards", "Md": a count of those is a sum alone
    noun_link: regex.Pattern  # "de" after the figure: a noun follows that it counts
    year_link: regex.Pattern  # "de 2026" after the figure: the year of the sum, no noun
    money_noun_after: regex.Pattern  # "de dommages et intérêts", "d'investissements"
    article_gap: int
    ahead_break: regex.Pattern  # "qui", "dont": a relative clause between sum and currency
    ahead_conversion: regex.Pattern  # "soit", "l'équivalent de": the sum in another currency
    opener: regex.Pattern  # the words before a figure that opens the sentence after the sum
    next_verb: regex.Pattern  # right after it: "9 millions financeront la voirie"
    share_verb: regex.Pattern  # "iront à": a sum only after `sum_opener` or before `share_after`
    sum_opener: regex.Pattern  # "Sur ce total," among the words before it
    share_after: regex.Pattern  # after the verb: ", 14 millions aux écoles" (another share)


@cache
def ellipsis_lexicon(code: str) -> EllipsisLexicon:
    lex = lexicon(code)
    data = load_data(code, "currencies")["ellipsis"]
    min_scale = float(data["min_scale"])

    def phrases(words: list[str]) -> str:
        return _spaced_alt(words)

    cues, fillers = phrases(data["cues"]), phrases(data["cue_fillers"])
    cue_before = regex.compile(
        rf"(?<![\p{{L}}])(?:{cues})(?:\s*(?<=')|\s+)(?:(?:{fillers})\s+)*$", regex.I
    )
    followers = phrases(data["followers"])
    determiners = phrases(data["determiners"])
    prepositions = phrases(data["prepositions"])
    link = phrases(data["noun_link"])
    # "par rapport aux 47,2 milliards de 2026": a year after "de", nothing counted
    year = rf"(?:{link})\s*(?:{data['year_after_link']})(?![\d\p{{L}}])(?!\s+\p{{Ll}})"
    follower_after = regex.compile(
        r"\s*(?:$|[.,;:!?)\]»–—]"
        rf"|{year}"
        rf"|(?:{followers})(?![\p{{L}}])"
        rf"|(?:{prepositions})\s+(?:(?:{determiners})(?:(?<=')|(?![\p{{L}}]))|(?-i:\p{{Lu}})|\d))",
        regex.I,
    )
    separators = _alt(data["list_separators"])
    forms = {f.lower(): p.lower() for p, fs in data["preposition_forms"].items() for f in fs}
    listed = phrases(data["prepositions"] + sorted(forms))
    # the sum's preposition may follow a verb of it: "9 millions seront consacrés à la voirie,"
    verb = rf"(?:[\p{{L}}'’-]+\s+){{0,{int(data['parallel_words'])}}}?"
    parallel_gap = regex.compile(
        rf"\s*{verb}(?P<prep>{listed})\s[^.!?]*?\s*(?:{separators})\s*$", regex.I
    )
    preposition_after = regex.compile(rf"\s*(?P<prep>{listed})\s", regex.I)
    large = float(data["article_min_scale"])
    return EllipsisLexicon(
        scale_words=frozenset(w for w, f in lex.scales.items() if f >= min_scale),
        scale_abbreviations=frozenset(
            w for w, f in lex.scale_abbreviations.items() if f >= min_scale
        ),
        cue_before=cue_before,
        follower_after=follower_after,
        parallel_gap=parallel_gap,
        preposition_after=preposition_after,
        preposition_forms=forms,
        head_before=regex.compile(
            rf"(?<![\p{{L}}])(?P<head>{phrases(data['parallel_heads'])})\s+$", regex.I),
        separator=regex.compile(rf"(?:{separators})|(?<![\p{{L}}])et(?![\p{{L}}])", regex.I),
        min_antecedent=float(data["min_antecedent"]),
        max_gap=int(data["max_gap"]),
        large_scale_words=frozenset(
            [w for w, f in lex.scales.items() if f >= large]
            + [w for w, f in lex.scale_abbreviations.items() if f >= large]
        ),
        noun_link=regex.compile(rf"\s*(?:{link})(?:(?<=')|\s)", regex.I),
        year_link=regex.compile(rf"\s*{year}", regex.I),
        money_noun_after=regex.compile(
            rf"\s*(?:{link})(?:(?<=')|\s+)(?:{phrases(data['money_nouns'])})(?![\p{{L}}])",
            regex.I,
        ),
        article_gap=int(data["article_gap"]),
        ahead_break=regex.compile(
            rf"(?<![\p{{L}}])(?:{phrases(data['ahead_breaks'])})(?![\p{{L}}])", regex.I),
        ahead_conversion=regex.compile(
            rf"(?<![\p{{L}}])(?:{phrases(data['ahead_conversions'])})(?:(?<=['’])|(?![\p{{L}}]))",
            regex.I,
        ),
        next_verb=regex.compile(
            rf"\s+(?:{phrases(data['next_verbs'])})(?:(?<=['’])|(?![\p{{L}}]))", regex.I),
        share_verb=regex.compile(
            rf"\s+(?:{phrases(data['next_share_verbs'])})(?:(?<=['’])|(?![\p{{L}}]))", regex.I),
        sum_opener=regex.compile(
            rf"(?<![\p{{L}}])(?:{phrases(data['next_sum_openers'])})(?![\p{{L}}])", regex.I),
        share_after=_share_after(lex, data, min_scale),
        opener=regex.compile(
            rf"[\s«\"(—–-]*(?:(?:{phrases(data['next_openers'])})(?![\p{{L}}])[\s,]*)*", regex.I),
    )


def _share_after(lex: Lexicon, data: dict, min_scale: float) -> regex.Pattern:
    """Another share of the sum later in the sentence: a separator, a scaled number, "à" (or
    one of its forms): ", 14 millions aux écoles"."""
    scales = [w for w, f in lex.scales.items() if f >= min_scale]
    abbreviations = [w for w, f in lex.scale_abbreviations.items() if f >= min_scale]
    forms = [f for f, p in ((f, p) for p, fs in data["preposition_forms"].items() for f in fs)
             if p == "à"]
    separators = _alt(data["list_separators"])
    return regex.compile(
        rf"[^.!?]*?(?:{separators}|(?<![\p{{L}}])et(?![\p{{L}}]))\s*(?:et\s+)?"
        r"\d+(?:[\s\u00a0\u202f]\d{3})*(?:,\d+)?\s*"
        rf"(?:(?i:{_alt(scales)})|{_alt(abbreviations)})\s+(?i:{_alt(['à', *forms])})\s")


def elided_currencies(text: str, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """``mentions`` (sorted by position) with the bare scaled counts that repeat the currency
    of the sum before them turned into money of that currency."""
    if not any(m.kind == Kind.MONEY for m in mentions):
        return mentions
    data = ellipsis_lexicon(lex.code)
    out: list[Mention] = []
    antecedent: Mention | None = None  # the last figure that is not a date or a year
    for m in mentions:
        checkpoint()
        if m.kind in _SITUATING:
            out.append(m)
            continue
        if (
            antecedent is not None
            and _sum_not_rate(antecedent)
            and _is_scaled_count(m, data)
            and _is_elliptic(text, antecedent, m, data)
        ):
            m = replace(m, kind=Kind.MONEY, unit=antecedent.unit, rule=RULE)
        out.append(m)
        antecedent = m
    return _article_currencies(text, out, data)


def _article_currencies(text: str, mentions: list[Mention], data: EllipsisLexicon) -> list[Mention]:
    """Scaled counts that can only be sums ("Ces 60 milliards n'ont pas été utilisés", "4,4
    millions de dommages et intérêts") take the currency of the nearest scaled figure before
    them in the article, when that figure is a sum of money that is not a rate; one with no
    scaled figure before it, that of the next one in its sentence (:func:`_ahead`)."""
    out: list[Mention] = []
    first: list[int] = []  # the sums met before any scaled figure (indices in ``out``)
    last_scaled: Mention | None = None  # the last count or sum of a million or more
    for m in mentions:
        checkpoint()
        if m.kind in _SITUATING:
            out.append(m)
            continue
        if (
            last_scaled is not None
            and _sum_not_rate(last_scaled)
            and _magnitude(last_scaled) >= data.min_antecedent
            and m.start - last_scaled.end <= data.article_gap
            and _is_scaled_count(m, data)
            and _only_a_sum(text, m, data)
        ):
            m = replace(m, kind=Kind.MONEY, unit=last_scaled.unit, rule=ARTICLE_RULE)
        # a conversion in brackets ("40 milliards de livres (48 milliards d'euros)") restates
        # the sum before it: the article's currency stays that of the sum
        conversion = (
            last_scaled is not None
            and m.kind == Kind.MONEY
            and _CONVERSION_GAP.fullmatch(text, last_scaled.end, m.start) is not None
        )
        if last_scaled is None and _is_scaled_count(m, data) and _only_a_sum(text, m, data):
            first.append(len(out))
        if m.kind in (Kind.COUNT, Kind.MONEY) and _magnitude(m) >= 1e6 and not conversion:
            last_scaled = m
        out.append(m)
    for i in first:
        out[i] = _ahead(text, out, i, data)
    return out


def _ahead(text: str, mentions: list[Mention], i: int, data: EllipsisLexicon) -> Mention:
    """The sum ``mentions[i]`` that no scaled figure precedes in the article, in the currency
    of the next scaled figure of its sentence when that one is a sum of money that is not a
    rate: a lead names the sum before its currency ("une dette qui pourrait frôler 10
    milliards en 2026, un déficit de 120 millions d'euros..."); not across a relative pronoun
    ("le cap des 8 milliards, selon l'ONU, qui réclame 2 milliards de dollars")."""
    m = mentions[i]
    for n in mentions[i + 1 :]:
        if n.kind in _SITUATING:
            continue
        if _magnitude(n) < 1e6 or n.kind not in (Kind.COUNT, Kind.MONEY):
            continue
        if not _sum_not_rate(n) or len(sentence_spans(text[m.start : n.end])) != 1 \
                or data.ahead_break.search(text, m.end, n.start) \
                or data.ahead_conversion.search(text, m.end, n.start):
            return m  # another sentence, another noun's relative clause, a conversion
        if _CONVERSION_GAP.fullmatch(text, m.end, n.start) is not None \
                or _CONVERSION_GAP.fullmatch(text, _word_end(text, m.end), n.start) is not None:
            return m  # "240 milliards CFP (2 milliards €)": a conversion, not its currency
        return replace(m, kind=Kind.MONEY, unit=n.unit, rule=ARTICLE_RULE)
    return m


def _word_end(text: str, end: int) -> int:
    """The end of the word right after ``end`` (a unit the lexicon does not know: "CFP")."""
    found = _TOKEN.match(text, end + 1) if text[end : end + 1] == " " else None
    return found.end() if found else end


def _only_a_sum(text: str, m: Mention, data: EllipsisLexicon) -> bool:
    """A count in milliards that counts nothing named (no "de" after it), or a scaled count
    of a noun of money."""
    if data.money_noun_after.match(text, m.end):
        return True
    tokens = _TOKEN.findall(m.surface[(m.number_start or m.start) - m.start :])
    large = any(t.lower() in data.large_scale_words or t in data.large_scale_words for t in tokens)
    return large and (not data.noun_link.match(text, m.end)
                      or bool(data.year_link.match(text, m.end)))


def _is_scaled_count(m: Mention, data: EllipsisLexicon) -> bool:
    """A count whose surface holds a scale word: "150 millions", "entre 2 et 3 milliards"."""
    if m.kind != Kind.COUNT or m.unit:
        return False
    tokens = _TOKEN.findall(m.surface[(m.number_start or m.start) - m.start :])
    return any(t.lower() in data.scale_words or t in data.scale_abbreviations for t in tokens)


def _sum_not_rate(m: Mention) -> bool:
    """A sum of money in a currency, not a rate: "600 millions d'euros par an, soit 3
    milliards sur cinq ans" does not say whether the next figure is per year too."""
    return m.kind == Kind.MONEY and "/" not in (m.unit or "/")


def _magnitude(m: Mention) -> float:
    return max((abs(x) for x in (m.value, m.low, m.high) if x is not None), default=0.0)


def _is_elliptic(text: str, money: Mention, m: Mention, data: EllipsisLexicon) -> bool:
    gap = text[money.end : m.start]
    if len(gap) > data.max_gap or _magnitude(money) < data.min_antecedent:
        return False
    if _opens_next_sentence(text, money, m, data):
        return True  # "Le budget atteint 120 millions d'euros. 9 millions financeront la voirie"
    if not data.cue_before.search(gap) and not parallel(text, gap, m, data) \
            and listed_head(text, money, m, data.head_before, data.separator, 16) is None:
        return False
    if not data.follower_after.match(text, m.end):
        return False
    # Same sentence: no sentence end between the sum and the figure.
    return len(sentence_spans(text[money.start : m.end])) == 1


def _opens_next_sentence(text: str, money: Mention, m: Mention, data: EllipsisLexicon) -> bool:
    """The figure opens the sentence right after the sum's (only `next_openers` before it:
    "Et", "Seuls", "Sur ce total,") and a verb that only a sum does follows it (`next_verbs`:
    "9 millions financeront la voirie"), or a verb of going to (`next_share_verbs`: "iront à")
    when the words before it name the sum ("Sur ce total,") or another share follows ("9
    millions iront à la voirie, 14 millions aux écoles"); not "2 millions attendaient ce
    geste", "3 millions ont participé", "12 millions iront à l'école" (people), nor "2
    millions de visiteurs sont attendus"."""
    start = next_sentence_start(text, money, m)
    if start is None or data.opener.fullmatch(text, start, m.start) is None:
        return False
    if data.next_verb.match(text, m.end) is not None:
        return True
    verb = data.share_verb.match(text, m.end)
    return verb is not None and (data.sum_opener.search(text, start, m.start) is not None
                                 or data.share_after.match(text, verb.end()) is not None)


def next_sentence_start(text: str, before: Mention, m: Mention) -> int | None:
    """Where ``m``'s sentence starts when it is the one right after ``before``'s, else None."""
    spans = sentence_spans(text[before.start : m.end])
    return before.start + spans[1][0] if len(spans) == 2 else None


def parallel(text: str, gap: str, m: Mention, data: EllipsisLexicon) -> bool:
    """An enumeration: "600 millions d'euros à la SNCF, 150 millions à la RATP"."""
    before = data.parallel_gap.match(gap)
    after = data.preposition_after.match(text, m.end)
    if not (before and after):
        return False
    forms = data.preposition_forms
    first, then = before["prep"].lower(), after["prep"].lower()
    return forms.get(first, first) == forms.get(then, then)


def listed_head(text: str, first: Mention, m: Mention, head_before: regex.Pattern,
                separator: regex.Pattern, reach: int) -> regex.Match | None:
    """The word right before ``m`` when ``first`` and ``m`` are items of one list that put the
    same word of ``head_before`` before their figure (within ``reach`` characters), a
    ``separator`` between them: "l'aménagement avec 98 millions d'euros, la culture avec 58
    millions", "le gazole à 1,72 euro, le SP95 à 1,85"; else None."""
    head = head_before.search(text, max(0, first.start - reach), first.start)
    then = head_before.search(text, max(first.end, m.start - reach), m.start)
    if head and then and head["head"].lower() == then["head"].lower() \
            and separator.search(text, first.end, then.start()):
        return then
    return None
