"""A share given with its count and its whole in one sentence, tied by the sentence's structure
(rule ``share_mismatch``), from ``[share_check]`` of ``lang/<code>/crossref.toml``:

- "N sur M, soit P %" (also "N des M", "N trains sur les M programmés"): a count, one of
  ``of_whole`` and at most ``whole_reach`` words before it, its whole, then the whole's noun
  and a comma and one of ``share_restatements`` right before the share;
- "Sur les M ..., N ..., soit P %": the whole opening its sentence
  (:func:`factcheck.crossref.sum_openings.opens_whole`), the first figure after its phrase,
  then the share after that figure's clause, a comma and a restatement;
- "P % des M, soit N" (also ", ou N"): a share, one of ``share_of`` right after it, its whole,
  then the whole's noun and a comma and one of ``count_restatements``;
- "M ..., dont N ..., soit P %": the only part of a parts/total structure
  (:mod:`factcheck.crossref.structures`, not uncertain), its total, and the share after the
  part's clause, a comma and a restatement.

Count and whole are of one dimension (neither a share nor a date), the count at most the
whole; the share is a plain share written in figures with "%" (no change in percent, no "la
moitié") and not a share of another whole
(one of ``other_whole`` after it, naming another noun than the whole's: "soit 5 % du trafic
national"), nor a difference ("soit 8 % de plus", ``not_shares``), and it ends its clause
(``share_followers``, a noun with no determiner after "de", the whole's noun: not "soit 2 %
au niveau national"). The count of "P % des M, soit N" is no restatement when one of
``not_counts`` follows it ("soit 120 de plus", "soit 40 par an"); after "ou", only when
nothing but its noun comes before the clause's end. After an opening whole, the count's own
noun, when written, is the whole's. A share that another figure of the sentence gives is
ambiguous (``ShareTriple.others``): not flagged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache

import regex

from factcheck.crossref.cue_words import lemma
from factcheck.crossref.matching import ClaimView
from factcheck.crossref.sum_openings import opens_whole
from factcheck.crossref.sum_sentences import Sentence
from factcheck.lang import load_data

SHARE = "share"
#: The kind of a share written in figures ("83 %"), the only one read to its digits.
PERCENT = "percent"
#: Dimensions that are no amounts of a whole.
NOT_AMOUNTS = frozenset({"date", "year", "time", "rank", "ordinal"})
#: Longest text between the whole (or the count, after an opening whole) and the share.
MAX_GAP = 80


@dataclass(frozen=True, slots=True)
class ShareTriple:
    count: ClaimView
    whole: ClaimView
    share: ClaimView
    sentence: str
    #: Every other figure of the sentence the count could be taken of: a share that one of
    #: them gives is not flagged ("Sur les 300 candidats, 120 [...], dont 40 [...], soit 13 %").
    others: tuple[ClaimView, ...] = ()


@dataclass(frozen=True, slots=True)
class ShareCues:
    of_whole: regex.Pattern[str]  # the whole text between a count and its whole
    share_of: regex.Pattern[str]  # the whole text between a share and its whole
    to_share: regex.Pattern[str]  # the whole text between a whole (or count) and the share
    to_count: regex.Pattern[str]  # the whole text between a whole and the count
    other_whole: regex.Pattern[str]  # right after a share: its own whole, and its noun
    not_share: regex.Pattern[str]  # right after a share: a difference, no share
    share_end: regex.Pattern[str]  # right after a share: the end of its clause
    not_count: regex.Pattern[str]  # right after a count: a difference, a rate, a source
    loose: regex.Pattern[str]  # the end of the text between a whole and a loose count ("ou")


def _words(data: dict, key: str) -> str:
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(data.get(key, ()), key=len, reverse=True)) or "(?!)"


@cache
def share_cues(code: str = "fr") -> ShareCues:
    data = load_data(code, "crossref").get("share_check", {})
    reach = int(data.get("whole_reach", 0))
    articles = _words(data, "whole_articles")
    flags = regex.V1 | regex.I
    clause = rf"[^\d,;:.()\[\]]{{0,{MAX_GAP}}},\s*"
    return ShareCues(
        regex.compile(rf"\s*(?:[\p{{L}}'’-]+\s+){{0,{reach}}}(?:{_words(data, 'of_whole')})"
                      rf"\s+(?:(?:{articles})\s+)?", flags),
        regex.compile(rf"\s*(?:{_words(data, 'share_of')})\s+", flags),
        regex.compile(rf"{clause}(?:{_words(data, 'share_restatements')})\s*", flags),
        regex.compile(rf"{clause}(?:{_words(data, 'count_restatements')})\s*", flags),
        regex.compile(rf"\s*(?:{_words(data, 'other_whole')})\s*(\p{{L}}+)", flags),
        regex.compile(rf"\s*(?:{_words(data, 'not_shares')})(?!\p{{L}})", flags),
        regex.compile(rf"\s*(?:$|[,;:.!?)\]]|(?:{_words(data, 'share_followers')})(?!\p{{L}})"
                      rf"|(?:de\s+|d')(?!(?:{_words(data, 'share_name_not_after')})(?!\p{{L}}))"
                      r"\p{L})", flags),
        regex.compile(rf"\s*(?:[\p{{L}}-]+\s+)?(?:{_words(data, 'not_counts')})(?!\p{{L}})",
                      flags),
        regex.compile(rf"(?:^|\s)(?:{_words(data, 'loose_restatements')})\s*$", flags),
    )


def _gap(s: Sentence, a: ClaimView, b: ClaimView) -> str:
    return s.text[a.end - s.start : b.start - s.start].replace("’", "'")


def _amounts(count: ClaimView, whole: ClaimView) -> bool:
    return count.dimension == whole.dimension and count.dimension not in NOT_AMOUNTS \
        and not count.dimension.startswith(SHARE) and count.kind not in NOT_AMOUNTS \
        and count.value is not None and whole.value is not None \
        and 0 < count.value <= whole.value


def _plain_share(share: ClaimView, whole: ClaimView, s: Sentence, cues: ShareCues) -> bool:
    """A share of the whole itself: no change, no difference, no share of another noun."""
    if share.dimension != SHARE or share.value is None or share.kind != PERCENT:
        return False  # "la moitié", "trois quarts": words, as round as they read
    after = s.text[share.end - s.start :].replace("’", "'")
    if cues.not_share.match(after):
        return False
    if whole.start > share.start:
        return True  # "P % des M": the whole itself follows
    other = cues.other_whole.match(after)
    if other is not None:
        return bool(whole.subject) and lemma(other.group(1)) == lemma(whole.subject)
    return cues.share_end.match(after) is not None  # "soit 2 % au niveau national": unchecked


def _after(s: Sentence, v: ClaimView) -> str:
    return s.text[v.end - s.start :].replace("’", "'")


def _restated_count(s: Sentence, whole: ClaimView, count: ClaimView, cues: ShareCues) -> bool:
    """"P % des M, soit N": no difference, rate or source after the count ("soit 120 de plus",
    "soit 40 par an"); after "ou", nothing but the count's noun before its clause's end."""
    after = _after(s, count)
    if cues.not_count.match(after):
        return False
    if not cues.loose.search(_gap(s, whole, count)):
        return True
    word = regex.match(r"\s*(\p{L}+)?\s*(?:$|[,;:.!?)\]])", after, regex.V1)
    return word is not None and (word.group(1) is None or (
        bool(count.subject) and lemma(word.group(1)) == lemma(count.subject)))


def _own_noun(s: Sentence, count: ClaimView, whole: ClaimView) -> bool:
    """Whether the count's own noun, when written right after it, is the whole's (or none):
    "Sur les 10 000 habitants, 2 500 foyers" counts another thing."""
    word = regex.match(r"\s*(\p{L}+)", _after(s, count), regex.V1)
    if word is None or not count.subject or lemma(word.group(1)) != lemma(count.subject):
        return True
    return bool(whole.subject) and lemma(count.subject) == lemma(whole.subject)


def _triples(s: Sentence, cues: ShareCues) -> Iterator[tuple[ClaimView, ClaimView, ClaimView]]:
    m = s.members
    for i in range(len(m) - 2):
        a, b, c = m[i], m[i + 1], m[i + 2]
        if c.dimension == SHARE:
            # "N sur M trains, soit P %"
            if cues.of_whole.fullmatch(_gap(s, a, b)) \
                    and cues.to_share.fullmatch(_gap(s, b, c)):
                yield a, b, c
            # "Sur les M trains [...], N sont arrivés à l'heure, soit P %"
            elif i == 0 and opens_whole(s, 0, _gap(s, a, b)) and _own_noun(s, b, a) \
                    and cues.to_share.fullmatch(_gap(s, b, c)):
                yield b, a, c
        # "P % des M candidats, ou N"
        elif a.dimension == SHARE and cues.share_of.fullmatch(_gap(s, a, b)) \
                and cues.to_count.fullmatch(_gap(s, b, c)) and _restated_count(s, b, c, cues):
            yield c, b, a


def _part_shares(s: Sentence, parts: Mapping[str, ClaimView], cues: ShareCues
                 ) -> Iterator[tuple[ClaimView, ClaimView, ClaimView]]:
    """"M ..., dont N ..., soit P %": the one part of a structure (``parts``: the total of
    each lone part, by the part's claim id) and the share right after its clause."""
    for a, b in zip(s.members, s.members[1:], strict=False):
        whole = parts.get(a.claim_id)
        if whole is not None and b.dimension == SHARE and cues.to_share.fullmatch(_gap(s, a, b)):
            yield a, whole, b


def share_triples(views: Iterable[ClaimView], parts: Mapping[str, ClaimView] | None = None,
                  code: str = "fr") -> Iterator[ShareTriple]:
    """Every share of ``views`` tied to its count and whole by its sentence (module
    docstring), one sentence after another; ``parts``: the total of each part that is the
    only part of its structure, by the part's claim id ("dont 4 120 boursiers, soit 35 %")."""
    cues = share_cues(code)
    grouped: dict[tuple[str, int, str], list[ClaimView]] = defaultdict(list)
    for v in views:
        if v.sentence_start is not None:
            grouped[(v.article_id, v.sentence_start, v.sentence)].append(v)
    for (_, start, text), members in grouped.items():
        members.sort(key=lambda v: v.start)
        s = Sentence(start, text, tuple(members))
        seen: set[tuple[str, str, str]] = set()
        for count, whole, share in [*_triples(s, cues), *_part_shares(s, parts or {}, cues)]:
            key = (count.claim_id, whole.claim_id, share.claim_id)
            if key not in seen and _amounts(count, whole) \
                    and _plain_share(share, whole, s, cues):
                seen.add(key)
                others = tuple(m for m in members if m is not whole and m is not count
                               and _amounts(count, m))
                yield ShareTriple(count, whole, share, text, others)
