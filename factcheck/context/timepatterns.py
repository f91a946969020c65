"""Patterns of the time expressions ``factcheck.context.timeref`` resolves, built once from
``lang/fr/context_time.toml`` (and the speech verbs of ``context_source.toml``, which mark the
date of a statement)."""

from __future__ import annotations

from functools import lru_cache

import regex

from factcheck.lang.context_data import source_data, time_data

COMPARISON = regex.compile(
    r"(?:\b(?:plus|moins|autant|davantage)\b[^.,;]{0,40}\bqu'|\bpar rapport (?:à |au |aux )"
    r"|\bcomparé (?:à |au ))(?:\w+ ){0,2}$"
)


@lru_cache(maxsize=1)
def patterns() -> dict[str, regex.Pattern[str]]:
    d = time_data()
    months = "|".join(d.months)
    days = "|".join(d.weekdays)
    seasons = "|".join(regex.escape(s) for s in d.seasons)
    anchors = "|".join(regex.escape(a) for a in sorted(d.anchors, key=len, reverse=True))
    rel = "|".join(regex.escape(r) for r in sorted(d.relative, key=len, reverse=True))
    quarters = "|".join(regex.escape(q) for q in sorted(d.quarters, key=len, reverse=True))
    since_rel = "|".join(regex.escape(r) for r in sorted(d.since_relative, key=len, reverse=True))
    src = source_data()
    forms = set(src.speech_forms)
    for lemma in src.speech_verbs:
        if lemma.endswith("er") and " " not in lemma:
            forms |= {lemma[:-2] + "é", lemma[:-2] + "ée", lemma[:-2] + "e"}
    speech = "|".join(regex.escape(f) for f in sorted(forms, key=len, reverse=True))
    return {
        "since_anchor": regex.compile(rf"\bdepuis (?P<a>{anchors})\b")
        if anchors
        else regex.compile(r"(?!)"),
        "since_relative": regex.compile(rf"\bdepuis (?P<r>{since_rel})(?!\w)")
        if since_rel
        else regex.compile(r"(?!)"),
        "since": regex.compile(
            rf"\b(?:depuis|dès|à partir de) (?:le (?P<d>\d{{1,2}}) )?(?:(?:début|fin) )?"
            rf"(?:(?P<m>{months})(?: (?P<y>\d{{4}}))?|(?P<yo>\d{{4}}))\b"
        ),
        "until": regex.compile(
            rf"\bd'ici (?:à )?(?:(?:le |l'|la )?(?P<s>{seasons})(?: (?P<sy>\d{{4}}))?"
            rf"|(?:la )?fin (?:de l'année|(?P<fmo>du mois)|(?P<fm>{months})|(?P<fy>\d{{4}}))"
            rf"|(?P<m>{months})(?: (?P<my>\d{{4}}))?|(?P<y>\d{{4}}))\b"
        ),
        "night": regex.compile(rf"\bnuit (?:de|du) (?P<a>{days}) (?:à|au) (?P<b>{days})\b"),
        "date": regex.compile(rf"\b(?P<d>\d{{1,2}}|1er) (?P<m>{months})(?: (?P<y>\d{{4}}))?\b"),
        "part_month": regex.compile(
            rf"\b(?P<p>fin|début|mi-?)[ -]?(?P<m>{months})(?: (?P<y>\d{{4}}))?\b"
        ),
        "month_year": regex.compile(rf"\b(?:en )?(?P<m>{months}) (?P<y>\d{{4}})\b"),
        "in_month": regex.compile(rf"\b(?:en|depuis) (?P<m>{months})\b"),
        "season": regex.compile(
            rf"\b(?:au |en |à l'|cet |ce |cette |l'|le )(?P<s>{seasons})(?: (?P<y>\d{{4}}))?\b"
        ),
        "between_years": regex.compile(r"\bentre (?P<a>(?:19|20)\d{2}) et (?P<b>(?:19|20)\d{2})\b"),
        "quarter": regex.compile(
            rf"\b(?:au|du|le) (?P<q>{quarters}) trimestre(?: (?:de )?(?P<y>(?:19|20)\d{{2}}))?\b"
        ),
        "year": regex.compile(
            r"\b(?:en|l'année|au cours de l'année|pour l'année) (?P<y>(?:19|20)\d{2})\b"
        ),
        "weekday": regex.compile(rf"\b(?P<w>{days})\b"),
        "relative": regex.compile(rf"(?<!\w)(?P<r>{rel})(?!\w)") if rel else regex.compile(r"(?!)"),
        "speech_before": regex.compile(rf"\b(?:{speech})\s*$"),
    }
