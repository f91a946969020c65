"""Where a list of parts after a partial cue ("dont") ends, by the clauses of its figures.

- A figure that opens a clause of its own is no part of the list before it: "11 ont été
  remontés vivants, dont 4 grièvement blessés, et 12 ont péri" lists part of the 11 (4
  injured), and "12 ont péri", a figure with a verb of its own, is a count beside the 11
  (both of the 23 miners), not a further part of it; so is "58 ont été secourus, dont 12
  enfants, 6 sont morts et 4 sont portés disparus". A figure opens a clause of its own when
  one of ``[structure] clause_verbs`` of ``lang/<code>/crossref.toml`` (a finite auxiliary or
  verb) follows it within its clause, after at most ``clause_verb_reach`` words of its noun
  ("12 mineurs ont péri") and before any of ``clause_verb_stops`` ("6 femmes qui ont été": a
  relative clause of the noun, not the figure's verb). Only when the total is a clause of its
  own too ("11 ont été remontés"): after a total that is a plain noun phrase ("l'usine compte
  200 salariés, dont 120 en CDI, et 100 sont en CDD") such a figure is still a part.
- A figure naming a source of its own, neither the total's nor the first part's ("8 000 selon
  la police, dont 900 à vélo, et 15 000 selon les organisateurs"), is a sibling of the total.
- Parts that each name their component by a complement right after the figure (one of
  ``component_links``: "45 millions d'euros, dont 38 millions d'euros de part fixe et 9
  millions d'euros de bonus", "dont 470 millions d'euros de fonctionnement et 210 millions
  d'euros d'investissement") are the components of one breakdown, though their nouns differ:
  two parts or more so named are read as parts, and their sum is checked, unless the total
  is a net amount (``net_amounts``, the first word of the total's subject: "un bénéfice
  net de 45 millions, dont 60 millions de plus-values et 9 millions de droits", whose
  components may exceed it): a part naming another component than the total's noun is then
  not checked, alone or in a list (:func:`net_components`). The component is the noun after
  the link and its article (``component_articles``: "de l'État" names "État", not "l").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from factcheck.crossref.cue_words import lemma
from factcheck.crossref.matching import ClaimView
from factcheck.crossref.sum_sentences import Sentence, rel
from factcheck.lang import load_data

_CLAUSE_END = regex.compile(r"[,;:()\[\]«»\"]|\.(?:\s|$)")
_WORD = regex.compile(r"[\p{L}][\p{L}'\u2019-]*")


@dataclass(frozen=True, slots=True)
class ClauseCues:
    verbs: frozenset[str]
    stops: frozenset[str]
    reach: int
    component: regex.Pattern[str]  # a link and the word after it, right after a figure
    net_amounts: frozenset[str]  # lemmas


def _fold(word: str) -> str:
    return word.lower().replace("\u2019", "'")


@cache
def clause_cues(code: str = "fr") -> ClauseCues:
    data = load_data(code, "crossref").get("structure", {})

    def words(key: str) -> frozenset[str]:
        return frozenset(_fold(w) for w in data.get(key, ()))

    links = "|".join(regex.escape(w) for w in sorted(words("component_links"), key=len,
                                                       reverse=True))
    articles = words("component_articles")
    elided = "|".join(regex.escape(w) for w in sorted(a for a in articles if a.endswith("'")))
    free = "|".join(regex.escape(w) for w in sorted(a for a in articles if not a.endswith("'")))
    article = "|".join(filter(None, [elided and f"(?:{elided})",
                                     free and rf"(?:{free})\s+"]))
    return ClauseCues(words("clause_verbs"), words("clause_verb_stops"),
                      int(data.get("clause_verb_reach", 0)),
                      regex.compile(rf"\s*(?:{links})\s*(?:{article})?(\p{{L}}[\p{{L}}-]*)"
                                    if article else rf"\s*(?:{links})\s*(\p{{L}}[\p{{L}}-]*)",
                                    regex.V1 | regex.I),
                      frozenset(lemma(w) for w in data.get("net_amounts", ())))


def own_verb(figure: ClaimView, s: Sentence, code: str = "fr") -> bool:
    """Whether ``figure`` (a figure of ``s``) is followed by a verb of its own (module
    docstring): "12 ont péri", "6 sont morts"; not "4 grièvement blessés", "12 enfants"."""
    cues = clause_cues(code)
    rest = s.text[rel(figure, s)[1]:]
    cut = _CLAUSE_END.search(rest)
    for word in _WORD.findall(rest[: cut.start()] if cut else rest)[: cues.reach + 1]:
        word = _fold(word)
        if word in cues.verbs:
            return True
        if word in cues.stops:
            return False
    return False


def _component(figure: ClaimView, s: Sentence, code: str = "fr") -> str:
    """The lemma of the component a complement right after ``figure`` names ("de part fixe"
    -> "part", "de l'État" -> "état"), or ""."""
    found = clause_cues(code).component.match(s.text.replace("\u2019", "'"), rel(figure, s)[1])
    return lemma(found.group(1)) if found else ""


def _head(v: ClaimView) -> str:
    """The first word of the lemma of ``v``'s subject ("bénéfice net" -> "bénéfice")."""
    noun = lemma(v.subject) if v.subject else ""
    return noun.split()[0] if noun.split() else ""


def named_component(figure: ClaimView, s: Sentence, code: str = "fr") -> bool:
    """Whether ``figure`` names what it counts, its subject noun, by a complement right after
    it: "38 millions d'euros de part fixe", "210 millions d'euros d'investissement" (module
    docstring); not "12 enfants". The complement's noun is the subject's first word, whole."""
    head = _head(figure)
    return bool(head) and _component(figure, s, code) == head


def net_components(total: ClaimView, parts: list[ClaimView], s: Sentence,
                   code: str = "fr") -> bool:
    """Whether ``total`` is a net amount and some part of ``s`` names another component of it
    by its complement ("un bénéfice de 45 millions, dont 60 millions de plus-values"): its
    components may exceed it (module docstring)."""
    head = _head(total)
    return head in clause_cues(code).net_amounts and any(
        _component(p, s, code) not in ("", head) for p in parts)


def components_of(total: ClaimView, parts: list[ClaimView], s: Sentence,
                  code: str = "fr") -> bool:
    """Whether ``parts`` (of ``s``) are the components of ``total``, each named by its
    complement, two or more, and ``total`` no net amount (module docstring)."""
    return len(parts) >= 2 and _head(total) not in clause_cues(code).net_amounts \
        and all(named_component(p, s, code) for p in parts)


def own_source(figure: ClaimView, total: ClaimView, first: ClaimView) -> bool:
    """Whether ``figure`` names a source of its own in its sentence ("et 15 000 selon les
    organisateurs"), neither the total's nor the first part's: another body's count of the
    whole, a sibling of the total, never one of its parts."""
    key = figure.source_key
    return figure.source_mode == "explicit" and bool(key) \
        and key != total.source_key and key != first.source_key
