"""How a predicted figure compares with a gold row: one-to-one pairing by span overlap,
the attributes that must match (kind, value within ``VALUE_TOLERANCE``, low/high, unit,
approximation), and whether a subject or a source names the same thing (source aliases from
``factcheck/lang/fr/eval_aliases``). Used by ``factcheck.eval.evaluate``."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping
from functools import cache
from typing import Any

import pandas as pd
import regex

from factcheck.lang import load_data

VALUE_TOLERANCE = 1e-6


def is_missing(v: Any) -> bool:
    """None, pandas NA or NaN: a cell with no value."""
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))


def _close(gold: Any, pred: Any) -> bool:
    if is_missing(pred):
        return False
    try:
        g, p = float(gold), float(pred)
    except (TypeError, ValueError):
        return False
    return math.isclose(g, p, rel_tol=VALUE_TOLERANCE, abs_tol=1e-12)


def as_text(v: Any) -> str | None:
    """The cell as text; None when it is missing or empty."""
    return None if is_missing(v) or v == "" else str(v)


def attribute_differences(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> list[str]:
    """What differs between a gold row and the predicted row it is paired with."""
    diffs: list[str] = []
    if str(gold["kind"]) != str(pred.get("kind")):
        diffs.append(f"kind {pred.get('kind')} ≠ gold {gold['kind']}")
    for name in ("value", "low", "high"):
        if not is_missing(gold.get(name)) and not _close(gold[name], pred.get(name)):
            diffs.append(f"{name} {show_value(pred.get(name))} ≠ gold {show_value(gold[name])}")
    if as_text(gold.get("unit")) != as_text(pred.get("unit")):
        diffs.append(f"unit {as_text(pred.get('unit'))} ≠ gold {as_text(gold.get('unit'))}")
    gold_approx = as_text(gold.get("approx")) or "none"
    if gold_approx != (as_text(pred.get("approx")) or "none"):
        diffs.append(f"approx {as_text(pred.get('approx'))} ≠ gold {gold_approx}")
    return diffs


def show_value(v: Any) -> str:
    """A value for an error message: ``null`` when missing, whole floats without ``.0``."""
    if is_missing(v):
        return "null"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def overlap(a: Mapping[str, Any], b: Mapping[str, Any]) -> int:
    """Characters shared by two spans (``start``/``end``); zero or less when disjoint."""
    return min(int(a["end"]), int(b["end"])) - max(int(a["start"]), int(b["start"]))


def pair_by_overlap(
    gold: list[dict[str, Any]], pred: list[dict[str, Any]]
) -> list[tuple[int, int]]:
    """Greedy one-to-one pairing by overlap size."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = overlap(g, p)
            if ov > 0:
                same_kind = str(g["kind"]) == str(p["kind"])
                dist = abs(int(g["start"]) - int(p["start"]))
                candidates.append((-ov, not same_kind, dist, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


@cache
def _alias_data() -> tuple[frozenset[str], frozenset[str], dict[str, str]]:
    data = load_data("fr", "eval_aliases")
    articles = frozenset(data.get("articles", []))
    titles = frozenset(data.get("titles", []))
    canonical: dict[str, str] = {}
    for group in data.get("groups", []):
        keys = [" ".join(_words(name, articles, frozenset())) for name in group]
        for key in keys:
            canonical[key] = keys[0]
    return articles, titles, canonical


def _strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _words(name: str, articles: frozenset[str], titles: frozenset[str]) -> list[str]:
    words = regex.findall(r"[\p{L}\p{N}]+", _strip_accents(name).casefold())
    return [w for w in words if w not in articles and w not in titles]


def same_source(predicted: Any, gold: Any) -> bool:
    """Whether a predicted source and a gold attribution name the same person or body."""
    if is_missing(predicted) or is_missing(gold) or not str(predicted).strip():
        return False
    articles, titles, canonical = _alias_data()
    a = _words(str(predicted), articles, titles)
    b = _words(str(gold), articles, titles)
    if not a or not b:
        return False
    ka, kb = canonical.get(" ".join(a), " ".join(a)), canonical.get(" ".join(b), " ".join(b))
    if ka == kb or f" {ka} " in f" {kb} " or f" {kb} " in f" {ka} ":
        return True
    # Last-name match between two person names ("M. Zelensky" ~ "Volodymyr Zelensky"):
    # every remaining word is capitalised in the original text.
    return a[-1] == b[-1] and _is_person_name(str(predicted)) and _is_person_name(str(gold))


def source_word_in_common(predicted: Any, gold: Any) -> bool:
    """Whether a predicted source and a gold attribution that differ share a word (articles
    and titles aside): a name of another extent ("maire de Derna" / "Abdulmenam Al-Ghaithi,
    maire de Derna") rather than another person or body."""
    if is_missing(predicted) or is_missing(gold):
        return False
    articles, titles, _ = _alias_data()
    return bool(set(_words(str(predicted), articles, titles))
                & set(_words(str(gold), articles, titles)))


def subject_miss_detail(predicted: Any, gold: Any, sentence: Any) -> str:
    """Where a wrong subject went, told without the text: a noun of change taken for the
    metric (``context_subject.toml`` ``change_nouns``), else whether the gold subject's head
    noun is written in the figure's sentence (a wrong word of the sentence chosen) or not
    (the metric named elsewhere: taken up from an earlier sentence, a heading, a
    convention)."""
    from factcheck.context.lexicon import subject_data

    if not is_missing(predicted) and _subject_words(predicted) in subject_data().change_nouns:
        return "a noun of change"
    head = _folded_words(gold)[:1]
    if not head or is_missing(sentence):
        return "the gold's noun not in its sentence"
    stem = head[0][: max(4, min(len(head[0]) - 1, 6))]
    words = _folded_words(sentence)
    found = any(w.startswith(stem) for w in words)
    return "the gold's noun in its sentence" if found else "the gold's noun not in its sentence"


def _is_person_name(name: str) -> bool:
    articles, titles, _ = _alias_data()
    raw = regex.findall(r"[\p{L}\p{N}]+", name)
    kept = [w for w in raw if _strip_accents(w).casefold() not in articles | titles]
    return 1 <= len(kept) <= 4 and all(w[0].isupper() for w in kept)


def same_subject(predicted: Any, gold: Any) -> bool:
    """Subject lemmas compared case-insensitively (spaces and the typographic apostrophe
    normalised, a hyphen as a spelling: "en-cours" / "encours"). A subject is the lemma of
    the head noun of what is measured ("taux de chômage" -> "taux"), so a single noun matches
    a subject of several words headed by it ("coup" / "coup et blessure", "excédent" /
    "excédent brut d'exploitation"); two subjects of several words must be equal ("aide
    militaire" is not "aide humanitaire")."""
    if is_missing(predicted) or is_missing(gold):
        return False
    a, b = _subject_words(predicted), _subject_words(gold)
    if a == b or a.replace("-", "") == b.replace("-", ""):
        return True
    one, many = sorted((a, b), key=lambda s: " " in s)
    return " " not in one and " " in many and many.split()[0] == one


def _subject_words(value: Any) -> str:
    return " ".join(str(value).casefold().replace("’", "'").split())


def _folded_words(value: Any) -> list[str]:
    text = as_text(value) or ""
    return _strip_accents(text.casefold()).replace("-", " ").replace("'", " ").split()


def _place_words(value: Any) -> list[str]:
    """The words of a place name, a hyphenated name kept whole: "Île-de-France" is one word,
    so "France" is not inside it (nor "Denis" inside "Seine-Saint-Denis")."""
    text = _strip_accents((as_text(value) or "").casefold()).replace("'", " ").replace("’", " ")
    return text.split()


def same_place(predicted: Any, gold: Any) -> bool:
    """Places match when one names the other: equal (a hyphen as a spelling: "Île-de-France" /
    "ile de france"), or the words of one inside the other's ("Paris" / "Paris 11e", "Derna" /
    "ville de Derna"), case and accents aside. A hyphenated name is one word: "France" does not
    name "Île-de-France"."""
    if _folded_words(predicted) and _folded_words(predicted) == _folded_words(gold):
        return True
    p, g = _place_words(predicted), _place_words(gold)
    if not p or not g:
        return False
    return set(p) <= set(g) or set(g) <= set(p)


def same_period(start: Any, end: Any, gold: Any) -> bool:
    """The predicted period (``time_start``, ``time_end``) against a gold ``[start, end]``:
    the same end day, and the same start when the gold gives one that differs from its end."""
    if not isinstance(gold, (list, tuple)) or len(gold) != 2:
        return False
    g_start, g_end = (as_text(x) for x in gold)
    p_start, p_end = as_text(start), as_text(end)
    if (p_end or "")[:10] != (g_end or g_start or "")[:10]:
        return False
    if g_start and g_start != g_end:
        return (p_start or "")[:10] == g_start[:10]
    return True


#: Letters of a word compared for a qualifier ("blessés" / "blessé").
QUALIFIER_STEM = 5
#: A gold word this long or longer, but shorter than the stem, is met by a predicted word it
#: begins ("tué" / "tuées", "mort" / "mortes"); a shorter one ("de") must be met exactly.
QUALIFIER_SHORT = 3


def has_qualifiers(predicted: Any, gold: Any) -> bool:
    """Every gold qualifier is among the predicted ones (first five letters, accents aside:
    "blessés" / "blessé"; a gold word shorter than that begins a predicted one: "tué" /
    "tuées")."""
    wanted = [w[:QUALIFIER_STEM] for q in (gold or []) for w in _folded_words(q)[:1]]
    found = {w[:QUALIFIER_STEM] for w in _folded_words(str(predicted or "").replace(";", " "))}
    return bool(wanted) and all(
        w in found or (QUALIFIER_SHORT <= len(w) < QUALIFIER_STEM
                       and any(f.startswith(w) for f in found))
        for w in wanted)
