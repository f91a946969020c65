"""The metric family of a figure: what it measures, so that only figures of one metric are
compared (``[families]`` of ``factcheck/lang/fr/crossref.toml``).

Read from its subject (:func:`family_of`, a listed name of the lexicon, not given in a
dimension its family is not measured in: :func:`listed_family`), from its sentence (a
two-word name whose first word is the subject, :func:`family_named_in_sentence`; a metric
named before a gloss holding the subject, :func:`family_glossed`), from the noun a change
names (:func:`complement_family`), and, for a share of a school staff, from the strike its
clause says (:func:`staff_strike_row`, :func:`strike_population`,
:func:`elided_staff_strikes`; crossref/staff_strikes.py). :mod:`factcheck.crossref.views`
gives each view its family with these.
"""

from __future__ import annotations

from itertools import pairwise

import regex

from factcheck.context.where import category_of
from factcheck.crossref.cells import cell_text
from factcheck.crossref.cue_sets import _norm
from factcheck.crossref.cue_words import Lexicon, lemma
from factcheck.crossref.staff_strikes import (
    elided_staff,
    population_named,
    staff_strike_family,
)
from factcheck.models import Kind


def listed_family(name: str, lexicon: Lexicon, dimension: str = "") -> str | None:
    """The family of ``[families]`` a lemma names, unless the figure's ``dimension`` is not
    one that family is measured in ([family_dimensions]: "perte" of a money figure is a
    company's loss, no military losses). No dimension: any."""
    family = lexicon.families.get(name)
    if family is None or not dimension:
        return family
    allowed = lexicon.family_dimensions.get(family)
    return family if allowed is None or dimension.split(":")[0] in allowed else None


def family_of(subject: str, category: str, lexicon: Lexicon,
              qualifiers: str = "", dimension: str = "") -> str | None:
    """Metric family: the lexicon's family of the subject (whole phrase, then each word), else
    the category and subject, else the subject; None without a subject. A one-word qualifier
    that names the metric with its subject ("résultat" + "net": "résultat net", a name of the
    net profit in ``[families]``), or a complement of one word ("indemnité" + "de transfert"),
    is read with it first. With the figure's ``dimension``, a family not measured in it is not
    given (:func:`listed_family`)."""
    lem = lemma(subject)
    for q in qualifiers.split(";"):
        named = f"{lem} {lemma(q.strip())}" if lem and q.strip() else ""
        if " " in named and _one_word_named(named) and (
                family := listed_family(named, lexicon, dimension)):
            return family
    if lexicon.subject_synonyms:
        # One noun of a metric for another ("cadavres" / "corps"): one family.
        lem = " ".join(lexicon.subject_synonyms.get(w, w) for w in lem.split())
    if lem in lexicon.attribute_subjects or lem in lexicon.topic_words:
        return None  # "17 ans" as an age, "Côté lycées, 202 M€": no metric named
    if lem in lexicon.nationality_heads and (named := _nationality(qualifiers, lexicon)):
        return family_of(named, category, lexicon, dimension=dimension)
    if lem:
        for name in (lem, *lem.split()):
            if family := listed_family(name, lexicon, dimension):
                return family
    if not lem:
        return None  # a category alone ("time", "economy") names no metric
    cat = _norm(category)
    return f"{cat}/{lem.split()[0]}" if cat else lem.split()[0]


def _one_word_named(named: str) -> bool:
    """A subject and one qualifier word ("résultat net"), or one complement word after "de"
    ("indemnité de transfert", "montant du transfert")."""
    words = named.replace("'", "' ").replace("\u2019", "\u2019 ").split()
    return len(words) == 2 or (len(words) == 3 and words[1] in _LINKS)


_LINKS = frozenset({"de", "d'", "d\u2019", "du"})


def _nationality(qualifiers: str, lexicon: Lexicon) -> str:
    """The nationality a head of ``[nationality_heads]`` is counted by: its first qualifier
    when one adjective ("thaïlandais"; not "de pays tiers", not "concernés"), else ""."""
    first = qualifiers.split(";")[0].strip().lower()
    if not first or " " in first or "'" in first or "\u2019" in first:
        return ""
    return "" if first.endswith(lexicon.nationality_not_endings) else first


_WORD = regex.compile(r"\p{L}+")


def family_named_in_sentence(subject: str, sentence: str, at: int,
                             lexicon: Lexicon) -> str | None:
    """The family of a two-word name of a metric (``[families]``) whose first word is the
    figure's subject and whose second follows that word in its sentence: "le résultat net du
    groupe atteint 21,4 milliards", read "résultat", is the net profit. The occurrence of the
    subject nearest before the figure (``at``), else the first after it, decides: "le
    résultat net atteint 5 milliards et le résultat d'exploitation 8 milliards" names the
    profit for the first figure only. None: no such name."""
    lem = lemma(subject)
    if not lem or " " in lem:
        return None
    seconds = lexicon.two_word_families.get(lem)
    if not seconds:
        return None
    words = [(m.start(), lemma(m.group())) for m in _WORD.finditer(sentence)]
    found = [(start, seconds.get(nxt)) for (start, word), (_, nxt) in pairwise(words)
             if word == lem]
    before = [family for start, family in found if start < at]
    if before:
        return before[-1]
    return found[0][1] if found else None


#: Words before a gloss searched for the name of the metric it glosses ("l'Ebitda du groupe").
GLOSSED_NAME_WORDS = 4
#: A gloss opened right before the subject read: a dash or a bracket, a short word at most
#: between (an article: "- le bénéfice", "(l'excédent").
_GLOSS_OPENED = regex.compile(
    r"(?:\s(?P<dash>[-–—])\s*|(?P<bracket>\()\s*)(?:\p{L}{1,3}['’]?\s*)?$")


def family_glossed(subject: str, sentence: str, at: int, lexicon: Lexicon,
                   dimension: str = "") -> str | None:
    """The family of a metric named right before a gloss that holds the figure's subject:
    "l'Ebitda du groupe - le bénéfice avant intérêts, impôts et amortissements - s'élève à 16
    milliards", read "bénéfice", counts the Ebitda; the gloss says what the name means. It opens
    (a dash, a bracket) right before the subject's occurrence nearest before the figure
    (``at``) and closes before the figure; the name is among the GLOSSED_NAME_WORDS words
    before it, a noun of ``[families]`` other than the subject's. None: no such gloss."""
    lem = lemma(subject)
    if not lem or " " in lem:
        return None
    words = [m for m in _WORD.finditer(sentence[:at]) if lemma(m.group()) == lem]
    if not words:
        return None
    opened = _GLOSS_OPENED.search(sentence[: words[-1].start()])
    if opened is None:
        return None
    rest = sentence[words[-1].end() : at]
    closed = ")" in rest if opened.group("bracket") else regex.search(r"\s[-–—]\s", rest)
    if not closed:
        return None
    own = listed_family(lem, lexicon, dimension)
    named = list(_WORD.finditer(sentence[: opened.start()]))[-GLOSSED_NAME_WORDS:]
    for word in reversed(named):
        family = listed_family(lemma(word.group()), lexicon, dimension)
        if family and family != own:
            return family
    return None


def complement_family(noun: str, row: dict, lexicon: Lexicon) -> str | None:
    """The family of the noun a change names ("la hausse des impôts"), with the category the
    context gives that noun for the figure's kind (as it gives "augmenter les impôts de 40
    milliards"), in the figure's dimension."""
    kind = cell_text(row.get("kind"))
    category = category_of(lemma(noun), (), Kind(kind)) if kind in _KINDS else None
    return family_of(noun, category or "", lexicon, dimension=row["_dim"])


_KINDS = frozenset(k.value for k in Kind)


def staff_strike_row(row: dict, starts: list[int], lexicon: Lexicon) -> None:
    """A share of a school staff whose clause says the strike ("25 % des enseignants étaient
    en grève") is a strike rate: the family of [staff_strikes] (crossref/staff_strikes.py)."""
    cues = lexicon.staff_strikes
    allowed = lexicon.family_dimensions.get(cues.family)
    if not cues.family or (allowed is not None and row["_dim"].split(":")[0] not in allowed):
        return
    later = [s for s in starts if s > row["start"]]
    next_start = min(later) - row["_s0"] if later and row["_s0"] is not None else None
    subject = lemma(cell_text(row.get("subject")))
    family = staff_strike_family(subject, row["sentence"], row["_rel_start"], row["_rel_end"],
                                 next_start, cues)
    if family is not None:
        row["_family"] = row["_subject_family"] = family
    elif elided_staff(subject, row["sentence"], row["_rel_end"], next_start, cues):
        row["_staff_elided"] = subject


def strike_population(row: dict, lexicon: Lexicon) -> None:
    """A strike rate naming its staff right after it ("36,8 % chez les conducteurs") takes
    that staff's family (``[staff_strikes] populations``, crossref/staff_strikes.py)."""
    cues = lexicon.staff_strikes
    if not cues.family or row["_family"] != cues.family:
        return
    if (noun := population_named(row["sentence"], row["_rel_end"], cues)) is not None:
        row["_family"] = family_of(noun, "", lexicon, dimension=row["_dim"]) or row["_family"]


def elided_staff_strikes(members: list[dict], family: str) -> None:
    """A share of a staff stating no noun of its own ("40 % des professeurs sont en grève pour
    le syndicat, 9,5 % selon le ministère") takes the strike-rate family of the share of its
    sentence, before it, whose noun it takes."""
    ordered = sorted(members, key=lambda m: m["start"])
    for i, row in enumerate(ordered):
        subject = row.pop("_staff_elided", None)
        if subject is None:
            continue
        earlier = [m for m in ordered[:i] if lemma(cell_text(m.get("subject"))) == subject]
        if earlier and earlier[-1]["_family"] == family:
            row["_family"] = row["_subject_family"] = family
