"""A rate or a share named by a generic head: "le taux de réussite au bac est de 90,9 %",
"la part des décès avec une mention de grippe". The subject read is the head ("taux",
"part"), which names no metric; its complement does. Such a figure takes the metric family of
its complement, so that "le taux de réussite (90,9 %)" and "91,1 % de réussite" are one
metric (``[share_heads]`` of ``lang/fr/crossref.toml``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import regex


@dataclass(frozen=True, slots=True)
class ShareHeads:
    heads: frozenset[str]
    complement: regex.Pattern[str]  # a head (group ``head``) and the noun after its "de"
    not_complements: frozenset[str]
    head_lemmas: dict[str, str] = field(default_factory=dict)  # a head's form -> its lemma
    share_subject: str = ""  # the subject a share read from its verb takes ("part")
    not_wholes: frozenset[str] = frozenset()  # bases of a ratio, no metric ("du PIB")


def share_heads(data: dict, lemma: Callable[[str], str]) -> ShareHeads | None:
    """The cues of ``[share_heads]`` (None without them); ``lemma``: how subjects are
    lemmatised, so that the heads compare with a subject's lemma."""
    if not data:
        return None
    heads = sorted(data["heads"], key=len, reverse=True)
    alt = "|".join(regex.escape(h) for h in heads)
    # A head of several words ("montée en puissance") is met through its first word, the
    # subject the context reads.
    return ShareHeads(
        heads=frozenset(lemma(h.split()[0]) for h in heads),
        complement=regex.compile(
            rf"(?<!\w)(?P<head>{alt})\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])"
            r"(?P<noun>\p{L}[\p{L}-]*)", regex.IGNORECASE),
        not_complements=frozenset(w.lower() for w in data["not_complements"]),
        head_lemmas={h.lower(): lemma(h.split()[0]) for h in heads},
        share_subject=lemma(str(data.get("share_subject", ""))),
        not_wholes=frozenset(w.lower() for w in data.get("not_wholes", [])),
    )


def family_from_head(row: dict, subject: str, cues: ShareHeads | None,
                     family_of: Callable[[str], str | None]) -> None:
    """Give ``row`` (a view's row: ``sentence``, ``_rel_start``), whose subject's lemma is
    ``subject``, the family (``family_of``) of its head's complement: the occurrence of the
    head nearest before the figure in its sentence, else the first after it; that head only
    ("la part des ménages recule, et le taux atteint 57 %": the rate's complement is not
    said, the share's is not the rate's)."""
    if cues is None or subject not in cues.heads:
        return
    sentence, at = row["sentence"], row["_rel_start"]
    found = [m for m in cues.complement.finditer(sentence)
             if cues.head_lemmas.get(m.group("head").lower()) == subject]
    before = [m for m in found if m.start() < at]
    match = before[-1] if before else next((m for m in found if m.start() >= at), None)
    if match is None and subject == cues.share_subject:
        # "a représenté 22,5 % de l'ensemble des consultations (contre 20,3 %)": a share the
        # context read from its verb, no head written; its first qualifier is the whole it
        # is a share of (factcheck.context), the metric.
        whole = str(row.get("qualifiers") or "").split(";")[0].strip()
        if whole and whole.lower() not in cues.not_wholes and (family := family_of(whole)):
            row["_family"] = row["_head_family"] = family
        return
    if match is None or match.group("noun").lower() in cues.not_complements:
        return
    family = family_of(match.group("noun"))
    if family:
        row["_family"] = row["_head_family"] = family


def inherit_head_family(members: list[dict], subjects: list[str],
                        cues: ShareHeads | None) -> None:
    """The changes in points of one article (``members``, their subjects' lemmas
    ``subjects``) whose head has no complement in their sentence ("C'est 0,2 point de moins
    qu'en 2022", after "le taux de réussite est de 90,9 %") take the family the article gives
    that head elsewhere, when it gives it one family only. Only points: they change a rate
    named before, while a share may name another base ("vs 5,0 % la semaine d'avant", after
    "5,2 % des passages" and "la part des décès")."""
    if cues is None:
        return
    given: dict[str, set[str]] = {}
    for row, subject in zip(members, subjects, strict=True):
        if subject in cues.heads and "_head_family" in row:
            given.setdefault(subject, set()).add(row["_head_family"])
    for row, subject in zip(members, subjects, strict=True):
        if subject in given and "_head_family" not in row and len(given[subject]) == 1 \
                and str(row["_dim"]).startswith("points"):
            row["_family"] = next(iter(given[subject]))
