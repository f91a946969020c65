"""Two figures of one sentence set against each other: "78 969 détenus contre 78 397 le mois
précédent", "5,2 % des passages (vs 5,0 % la semaine d'avant)", "6,4 % en S20 versus 9,3 % en
S19 et 14 % en S18". Figures of one sentence are otherwise never linked (a sentence lists
many figures of one metric, by place or by category); a comparison cue right before the
second figure (``[comparison]`` of ``lang/fr/crossref.toml``) says the two are one series at
two dates. A place named with either figure ("8 % en France contre 5 % en Allemagne") or a
scope difference (:func:`factcheck.crossref.relations.scope_reasons`) says otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING

import regex

from factcheck.crossref.cells import cell_text
from factcheck.crossref.cue_words import Lexicon, lemma

if TYPE_CHECKING:
    from factcheck.crossref.matching import ClaimView

#: Characters between the two figures compared.
MAX_GAP = 160
#: Characters between two figures of a list of compared figures ("9,3 % en S19 et 14 %").
LIST_GAP = 25
#: Characters after the second figure read for a place of its own.
AFTER = 40
#: What may stand between the cue and its figure: one word at most ("contre seulement
#: 2 361", "contre les 2,7 milliards"; not "contre les personnes (-3 %)").
_CUE_TO_FIGURE = regex.compile(r"\s*(?:[\p{L}'’]+\s+)?", regex.V1)
#: Between the cue and a figure named by its noun: a determiner, the noun, a word qualifying
#: it and a link (``named_links``: "contre une perte nette de 1,9 milliard"), no clause mark.
_CUE_TO_NAMED = r"\s*(?:[\p{L}'’]+\s+){0,3}"
_CLAUSE = regex.compile(r"[,;:()]")


def comparison_targets(members: list[dict], sentence: str, lexicon: Lexicon) -> dict[str, str]:
    """For the figures of one sentence (claims-table rows with offsets relative to it, as
    :func:`factcheck.crossref.views.prepare_claims` prepares them), the figure each is set
    against: the nearest figure before it of its dimension and family, when a comparison cue
    introduces it, or when it goes on a list the cue opened ("versus 9,3 % en S19 et 14 %
    en S18": 14 % is set against 9,3 %), or when it opens a bracket after a change's earlier
    moment ("78 969 détenus, soit 7,2 % de plus qu'en août 2024 (73 693)"; ``bracket_cues``),
    the only figure of its dimension before it. No place may be named between them or with
    it."""
    ordered = sorted(members, key=lambda m: m["_rel_start"])
    targets: dict[str, str] = {}
    for i, y in enumerate(ordered):
        kind = (y["_dim"], y["_family"])
        x = next((m for m in reversed(ordered[:i]) if (m["_dim"], m["_family"]) == kind), None)
        opposite = x is None and _opposite(y, ordered[:i], lexicon)
        bare = x is None and (_generic(y, lexicon) or opposite)
        if bare:
            # "79 631 personnes incarcérées contre 78 969 le mois précédent": the figure after
            # the cue names no metric of its own (a generic subject, or none) and is set
            # against the nearest figure before it of its dimension, whose family it takes;
            # so is a term named by the other sign of its base's amount ("un bénéfice de 5,8
            # milliards, contre une perte de 5,3 milliards un an plus tôt": one result).
            x = next((m for m in reversed(ordered[:i]) if m["_dim"] == y["_dim"]), None)
        if x is None:
            continue
        gap = sentence[x["_rel_end"] : y["_rel_start"]]
        if len(gap) > MAX_GAP:
            continue
        introduced = _introduced(sentence, y["_rel_start"], lexicon, opposite) or (
            _bracketed(sentence[: y["_rel_start"]], lexicon) and _sole_base(ordered[:i], x, y,
                                                                           sentence))
        if not introduced:
            words = gap.split()
            listed = (x["claim_id"] in targets and len(gap) <= LIST_GAP and bool(words)
                      and words[-1].strip(",").lower() in lexicon.coordinators)
            if not listed:
                continue
        after = _CLAUSE.split(sentence[y["_rel_end"] :], maxsplit=1)[0][:AFTER]
        if lexicon.locative.search(gap) or lexicon.locative.search(after):
            continue  # "8 % en France contre 5 % en Allemagne": two places, two series
        if bare:
            if not introduced:
                continue  # only a figure right after the cue is bare of its own metric
            y["_family"] = x["_family"]
        targets[y["claim_id"]] = x["claim_id"]
    return targets


def date_terms(members: list[dict], sentence: str, lexicon: Lexicon) -> None:
    """A term of comparison that names its own year right after its noun ("en hausse par
    rapport aux 3 167 tués de 2024", "contre 47,2 milliards en 2026") is that year's figure:
    its row's period becomes the year (``term_year_links`` of ``[comparison]``), whatever
    year the sentence opens with ("En 2025, 3 260 personnes ont été tuées, ..."). Else a
    figure of another year is read as the same year's, revised."""
    for row in members:
        if not introduced_as_term(sentence, row["_rel_start"], lexicon):
            continue
        found = lexicon.comparison_term_year.match(sentence, row["_rel_end"])
        if found is None:
            continue
        year = found["year"]
        if cell_text(row.get("time_start"))[:4] == year == cell_text(row.get("time_end"))[:4]:
            continue
        row["time_start"], row["time_end"] = f"{year}-01-01", f"{year}-12-31"
        row["time_basis"] = ""


def _generic(row: dict, lexicon: Lexicon) -> bool:
    """A figure whose subject names no metric: none, or a generic one ("personnes")."""
    subject = str(row.get("subject") or "").strip().lower()
    return not subject or lemma(subject) in lexicon.generic_subjects


def _opposite(row: dict, before: list[dict], lexicon: Lexicon) -> bool:
    """The nearest figure before ``row`` of its dimension is named by the other noun of one
    signed amount (``opposites``: "bénéfice" / "perte"): ``row`` names its base's metric."""
    base = next((m for m in reversed(before) if m["_dim"] == row["_dim"]), None)
    if base is None:
        return False
    group = lexicon.comparison_opposites.get(_head(row))
    other = lexicon.comparison_opposites.get(_head(base))
    return group is not None and group == other and _head(row) != _head(base)


def _head(row: dict) -> str:
    """The lemma of the first word of a row's subject ("bénéfice" of "bénéfice net")."""
    words = lemma(str(row.get("subject") or "").strip().lower()).split()
    return words[0] if words else ""


def compared(a: ClaimView, b: ClaimView) -> bool:
    """``a`` and ``b``, of one sentence, are set against each other by a comparison cue."""
    return a.compared_to == b.claim_id != "" or b.compared_to == a.claim_id != ""


def introduced_as_term(sentence: str, rel_start: int, lexicon: Lexicon) -> bool:
    """A comparison cue right before the figure at ``rel_start`` of ``sentence``, or the
    bracket it opens after a change's earlier moment: the figure is a term of comparison."""
    return _introduced(sentence, rel_start, lexicon) or _bracketed(sentence[:rel_start], lexicon)


def _introduced(sentence: str, rel_start: int, lexicon: Lexicon, named: bool = False) -> bool:
    """A comparison cue stands right before the figure at ``rel_start`` (``named``: or
    before the noun phrase naming it, "contre une perte nette de 1,9 milliard")."""
    before = sentence[max(0, rel_start - lexicon.comparison_reach) : rel_start]
    found = list(lexicon.comparison.finditer(before))
    between = _cue_to_named(lexicon.comparison_named_links) if named else _CUE_TO_FIGURE
    return bool(found) and bool(between.fullmatch(before[found[-1].end() :]))


@cache
def _cue_to_named(links: tuple[str, ...]) -> regex.Pattern[str]:
    """:data:`_CUE_TO_NAMED`, then one of ``links``: an elided one ("d'") glued to the
    figure, any other followed by a space ("de 1,9")."""
    alt = "|".join(regex.escape(w) + ("" if w[-1:] in "'’" else r"\s+")
                   for w in sorted(links, key=len, reverse=True) if w)
    return regex.compile(f"{_CUE_TO_NAMED}(?:{alt or '(?!x)x'})", regex.V1)


def _sole_base(before: list[dict], x: dict, y: dict, sentence: str) -> bool:
    """``x`` is the only figure of ``y``'s dimension before it in the sentence, and no
    bracket opens it: "avec un cortège de 32 000 manifestants, en hausse par rapport à 2024
    (121 000)" after "157 000 personnes" may be set against either; "1,9 milliard (1) en
    hausse par rapport à 2005 (2)" holds note calls, no base."""
    same = [m for m in before if m["_dim"] == y["_dim"]]
    opened = sentence[: x["_rel_start"]].rstrip().endswith("(")
    return len(same) == 1 and same[0] is x and not opened


_BRACKET_OPEN = regex.compile(r"\(\s*$")


def _bracketed(before: str, lexicon: Lexicon) -> bool:
    """``before`` ends with an opening bracket that closes a change's earlier moment: a
    ``bracket_cues`` cue, then no clause mark up to the bracket ("soit 7,2 % de plus qu'en
    août 2024 ("; not "en hausse (", nor "de plus qu'en août, selon le ministère (")."""
    opening = _BRACKET_OPEN.search(before)
    if opening is None:
        return False
    head = before[: opening.start()]
    window = head[-(lexicon.comparison_bracket_reach + 20) :]
    found = list(lexicon.comparison_bracketed.finditer(window))
    if not found:
        return False
    moment = window[found[-1].end() :]
    return len(moment) <= lexicon.comparison_bracket_reach and not _CLAUSE.search(moment)


def restates_compared_term(a: ClaimView, b: ClaimView, views: Mapping[str, ClaimView]) -> bool:
    """``a`` states again a figure that its article sets against ``b`` in one sentence:
    "281 000 manifestants" in the headline, then "281 000 d'après le ministère, contre 900 000
    pour la CGT". The gap between ``a`` and ``b`` is the one the article itself shows between
    the two terms of its comparison (two dates, two counts), not an error."""
    for x, y in ((a, b), (b, a)):
        terms = [views[y.compared_to]] if y.compared_to in views else []
        terms += [v for v in views.values() if v.compared_to == y.claim_id]
        if any(t.claim_id != x.claim_id and t.article_id == x.article_id
               and t.dimension == x.dimension and t.value is not None and t.value == x.value
               for t in terms):
            return True
    return False
