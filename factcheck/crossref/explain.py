"""Writing figures and claims in explanations, with the words of the lexicon."""

from __future__ import annotations

import math

from factcheck.crossref.cue_words import Lexicon
from factcheck.crossref.matching import CHANGE, ClaimView


def _group(n: int, sep: str) -> str:
    digits = f"{abs(n):d}"
    groups = []
    while digits:
        groups.append(digits[-3:])
        digits = digits[:-3]
    return ("-" if n < 0 else "") + sep.join(reversed(groups))


def number(x: float, lexicon: Lexicon) -> str:
    """A figure as a French reader writes it: 46, 400 000, 988 millions, 169,6 milliards."""
    words = lexicon.words
    dec = str(words["decimal_sep"])
    sep = str(words["thousand_sep"])
    if not math.isfinite(x):
        return "∞" if x > 0 else "-∞"
    ax = abs(x)
    for scale, key in ((1e9, "billion"), (1e6, "million")):
        if ax >= scale:
            scaled = round(x / scale, 3)
            forms = words[key]
            assert isinstance(forms, list)
            word = forms[0] if abs(scaled) < 2 else forms[1]
            text = f"{scaled:g}".replace(".", dec)
            return f"{text} {word}"
    if abs(x - round(x)) < 1e-9:
        return _group(round(x), sep)
    return f"{x:.2f}".rstrip("0").rstrip(".").replace(".", dec)


def unit_suffix(view: ClaimView, lexicon: Lexicon) -> str:
    words = lexicon.words
    dimension = view.dimension.removesuffix(CHANGE)
    if dimension.startswith("money:"):
        currency = words["currency"]
        assert isinstance(currency, dict)
        code, _, per = dimension.split(":", 1)[1].partition("/")
        rate = words["per"]
        assert isinstance(rate, dict)
        tail = f" {rate.get(per, '/' + per)}" if per else ""
        return " " + str(currency.get(code, code)) + tail
    if dimension == "share":
        return " " + str(words["share"])
    if dimension == "duration":
        forms = words["days"]
        assert isinstance(forms, list)
        return " " + str(forms[1] if (view.value or 0) >= 2 else forms[0])
    if dimension == "points":
        forms = words["points"]
        assert isinstance(forms, list)
        return " " + str(forms[1])
    if dimension.startswith("quantity:"):
        return " " + dimension.split(":", 1)[1]
    return ""


def amount(x: float, view: ClaimView, lexicon: Lexicon) -> str:
    """``x`` (canonical units of ``view``) with its unit."""
    return number(x, lexicon) + unit_suffix(view, lexicon)


def bounds(view: ClaimView, lexicon: Lexicon) -> str:
    """The interval a figure allows once approximation and rounding are counted."""
    return lexicon.say("bounds", lo=amount(max(view.lo, 0.0) if view.lo > -math.inf else 0.0,
                                          view, lexicon),
                       hi=amount(view.hi, view, lexicon) if math.isfinite(view.hi) else "∞")


def quote(view: ClaimView, lexicon: Lexicon) -> str:
    """« surface » (article, selon source, date): how an explanation names a figure."""
    where = view.title or view.article_id
    parts = [where]
    if view.source:
        parts.append(lexicon.say("according_to", source=view.source))
    if view.period[0] == "explicit":
        ts, te = view.period[1], view.period[2]
        parts.append(ts if not te or te == ts else (f"{ts} → {te}" if ts else te))
    elif view.published:
        parts.append(lexicon.say("published_on", date=view.published))
    return f"« {view.surface} » ({', '.join(parts)})"


def plural(word: str, count: float | None) -> str:
    if not word or count is None or abs(count) < 2 or word[-1:] in ("s", "x"):
        return word
    return " ".join(w + "s" if i == 0 else w for i, w in enumerate(word.split()))
