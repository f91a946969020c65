"""What a generic counted noun counts: "35 cas de rougeole" and "52 cas d'infections
nosocomiales" are two metrics, told apart by the complement of "cas" (``[scope.counted]`` of
``lang/fr/crossref.toml``). The complement's lemma is a qualifier of set ``name``
(crossref/scope.py), so that the qualifier gates keep two complements apart and a figure whose
complement is unsaid from any accusation."""

from __future__ import annotations

from dataclasses import dataclass

import regex


@dataclass(frozen=True, slots=True)
class CountedCues:
    """The qualifier set a complement is a value of (``name``, said in explanations) and the
    pattern of a generic counted noun and its complement (group ``word``)."""

    name: str
    pattern: regex.Pattern[str]


def counted_complement(data: dict) -> CountedCues | None:
    """The pattern of a generic counted noun and its complement, matched right after a figure
    (group ``word``: the complement's first word); None when the language gives no heads."""
    heads = data.get("heads", ())
    if not heads:
        return None
    head = "|".join(regex.escape(h) for h in sorted(heads, key=len, reverse=True))
    skipped = "|".join(regex.escape(w) for w in sorted(data.get("skipped", ()), key=len,
                                                            reverse=True))
    skip = rf"(?!(?:{skipped})\s)" if skipped else ""
    return CountedCues(name=str(data["name"]), pattern=regex.compile(
        rf"\s*(?:{head})\s+(?:de\s+la\s+|de\s+l['’]|des\s+|du\s+|de\s+|d['’]){skip}"
        r"(?P<word>\p{L}[\p{L}-]+)", regex.IGNORECASE | regex.V1))
