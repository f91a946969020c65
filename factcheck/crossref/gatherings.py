"""Counts of people in a march: a generic subject ("personnes") counted marching takes the
marchers' family (``[outcome_families.gathering]``), and one that says what else its people
did takes that verb as what it counts (``[outcome_families.predicate]``). A march count is
also written with a noun of the people who marched ("4 000 agriculteurs ont défilé") or with
a pronoun ("Ils étaient 7 000 selon la police"): both are the marchers' count too
(:func:`marcher_cues`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from factcheck.crossref.cells import cell_text
from factcheck.crossref.cue_sets import _norm
from factcheck.crossref.cue_words import Lexicon, lemma
from factcheck.crossref.narrowings import stem
from factcheck.crossref.scope import outcome_after
from factcheck.lang import load_data

#: Characters before a figure searched for a verb of gathering ("a rassemblé mardi").
GATHERING_REACH = 30
#: Where the clause of a figure ends, after it.
_CLAUSE_END = regex.compile(r"[,;:()]")
#: Words at most between a pronoun of ``pronouns`` and the figure ("ils étaient plus de 3 000").
PRONOUN_GAP_WORDS = 2


@dataclass(frozen=True, slots=True)
class MarcherCues:
    """The other wordings of a march count (``[outcome_families.gathering]``): a pronoun and
    its verb right before the figure (``pronouns``: "Ils étaient 7 000"), and the nouns of
    people (``people``, lemmas) that a cue of ``after`` counts marching ("4 000 agriculteurs
    ont manifesté")."""

    pronoun: regex.Pattern[str]
    people: frozenset[str]


@lru_cache(maxsize=4)
def marcher_cues(code: str = "fr") -> MarcherCues:
    data = load_data(code, "crossref")["outcome_families"]["gathering"]
    pronouns = sorted(data.get("pronouns", []), key=len, reverse=True)
    alternatives = "|".join(regex.escape(p) for p in pronouns) or r"(?!x)x"
    gap = rf"(?:\s+\p{{L}}+['’]?){{0,{PRONOUN_GAP_WORDS}}}"
    pronoun = regex.compile(rf"(?<!\w)(?:{alternatives}){gap}\s*$", regex.IGNORECASE | regex.V1)
    return MarcherCues(pronoun=pronoun, people=frozenset(lemma(w) for w in data.get("people", [])))


def gathering_family(rows: list[dict], lexicon: Lexicon) -> None:
    """A generic subject counted in a march takes the family of marchers
    (``[outcome_families.gathering]``): "48 000 personnes ont manifesté" (a cue right after the
    figure, not after a negation; "un million de personnes se sont déplacées", a verb of
    turning out, in an article naming a march), "la journée de manifestation a rassemblé
    368 000 personnes" (a verb of gathering right before it, in a sentence naming a march).
    The other generic counts of the article that nothing narrows (no qualifier read) go with it when
    they are in its sentence ("480 000 personnes, dont 37 000 à Paris, ont manifesté"), state
    its value again (the headline's "120 000 personnes à Lyon") or are given by
    another counter in a sentence naming a march ("les syndicats comptent 120 000 personnes
    dans la manifestation"; another counter alone names no march: "300 personnes
    dormaient dans la rue selon la mairie"): the march's counts stay in one block. The
    others that say what their people did (:func:`predicate_family`) are counts of that.
    ``rows``: the rows of one article, after :func:`family_from_outcome` (a generic subject
    that took another family, "personnes interpellées", is left alone)."""
    generic = [m for m in rows if m["_family"] == m["_subject_family"]
               and m["_dim"] == "count"
               and lemma(cell_text(m.get("subject"))) in lexicon.generic_subjects]
    march = any(lexicon.gathering_march.search(m["sentence"]) for m in rows)
    anchors = [m for m in generic if _counted_marching(m, lexicon, march)]
    for m in generic:
        if not any(m is a for a in anchors):
            predicate_family(m, lexicon)
    generic = [m for m in generic if m["_family"] == m["_subject_family"]
               or any(m is a for a in anchors)]
    if not anchors:
        worded_marches(rows, lexicon, march)
        return
    counters = {_norm(cell_text(m.get("source"))) for m in anchors}
    sentences = {m["sentence"] for m in anchors}
    # The values of the march: its anchors' and those of the other generic counts of their
    # sentences ("ont rassemblé 121 000 participants, dont 18 000 à Paris"), which the
    # headline states again as well ("121 000 participants dont 18 000 à Paris").
    values = [m["_iv"] for m in generic if any(m is a for a in anchors)
              or (m["sentence"] in sentences and not _narrowed(m, lexicon))]
    for m in generic:
        if any(m is a for a in anchors):
            m["_family"] = lexicon.gathering_family
            continue
        if _narrowed(m, lexicon):
            continue  # "35 personnes évacuées", "800 000 personnes attendues": another count
        source = _norm(cell_text(m.get("source")))
        _, lo, hi, _ = m["_iv"]
        if m["sentence"] in sentences \
                or (source and source not in counters
                    and lexicon.gathering_march.search(m["sentence"]) is not None) \
                or any(lo <= v[2] and v[1] <= hi for v in values):
            m["_family"] = lexicon.gathering_family
    worded_marches(rows, lexicon, march)


def worded_marches(rows: list[dict], lexicon: Lexicon, march: bool) -> None:
    """The counts of an article naming a march (``march``) that give its marchers' count in
    another wording (:func:`_worded_otherwise`) take the marchers' family, and so do the
    counts of their sentence with no noun of their own, a generic one or the same noun ("Ils
    étaient 7 000 selon la police, 12 000 selon les syndicats"): the other counters' counts
    of it. All or nothing in an article, so that one march's counts are never split into two
    families: nothing changes when a sentence one of whose such counts a qualifier narrows
    holds one, or when a generic count of the article would be left in its own family (the
    headline's "50 000 personnes selon les organisateurs" against the body's "ils étaient
    15 000"); they give no value nor counter to the article's other counts."""
    if not march:
        return
    joined: list[dict] = []
    for m in rows:
        if not _worded_otherwise(m, lexicon) or any(m is j for j in joined):
            continue
        subject = lemma(cell_text(m.get("subject")))
        group = [o for o in rows if o["sentence"] == m["sentence"] and o["_dim"] == "count"
                 and o["_family"] == o["_subject_family"]
                 and lemma(cell_text(o.get("subject"))) in ("", subject, *lexicon.generic_subjects)]
        if any(_narrowed(o, lexicon) for o in group):
            return
        joined += [o for o in group if not any(o is j for j in joined)]
    left = [m for m in rows if m["_dim"] == "count" and m["_family"] == m["_subject_family"]
            and lemma(cell_text(m.get("subject"))) in lexicon.generic_subjects
            and not any(m is j for j in joined)]
    if left:
        return
    for m in joined:
        m["_family"] = lexicon.gathering_family


def _worded_otherwise(m: dict, lexicon: Lexicon) -> bool:
    """``m`` is a march count worded another way: a pronoun and its verb right before the
    figure ("Ils étaient 7 000 selon la préfecture"), the figure having no noun of its own or
    a generic one; or a noun of ``people`` with no family of its own counted marching by a
    cue right after the figure ("4 000 agriculteurs ont manifesté"; not "300 tracteurs ont
    défilé"). Counts only, whose family nothing else gave."""
    if m["_dim"] != "count" or m["_family"] != m["_subject_family"]:
        return False
    cues = marcher_cues()
    subject = lemma(cell_text(m.get("subject")))
    if not subject or subject in lexicon.generic_subjects:
        return cues.pronoun.search(m["sentence"][: m["_rel_start"]]) is not None
    return subject in cues.people and subject not in lexicon.families \
        and _counted_marching(m, lexicon, True)


def _narrowed(m: dict, lexicon: Lexicon) -> bool:
    """A generic count that a qualifier narrows ("35 personnes évacuées") or whose sentence
    is a projection ("800 000 personnes attendues"): another count than the march's. A verb
    of counting read as a qualifier ("121 000 participants recensés") narrows nothing."""
    qualifiers = cell_text(m.get("qualifiers"))
    narrowing = [q for q in (q.strip() for q in qualifiers.split(";"))
                 if q and not q.lower().startswith(lexicon.counting_verbs)]
    return bool(narrowing and not lexicon.gathering_march.search(qualifiers)) \
        or lexicon.projected.search(m["sentence"]) is not None


def predicate_family(m: dict, lexicon: Lexicon) -> None:
    """A generic count of people whose own verb is read right after its noun
    (``[outcome_families.predicate]``: "1 500 personnes ont visité l'exposition", "300
    personnes dormaient dans la rue") counts those who did that: its family is the subject's
    and the verb's stem, so that two generic counts of two verbs are never one metric (nor two
    counters at odds). A verb of counting ("ont été recensées") says nothing of the people."""
    after = outcome_after(m, lexicon)
    found = lexicon.predicate.match(after)
    if found is None:
        return
    verb = found.group("verb").lower()
    if not verb.startswith(lexicon.counting_verbs):
        m["_family"] = f"{m['_family']} ({stem(verb)})"


def _counted_marching(m: dict, lexicon: Lexicon, march: bool) -> bool:
    """``m`` is counted marching: a cue of marching right after it, a verb of turning out
    right after it in an article naming a march (``march``), or a verb of gathering right
    before it in a sentence naming a march."""
    sentence = m["sentence"]
    after = outcome_after(m, lexicon)
    for pattern in (lexicon.gathering_after, lexicon.gathering_turnout if march else None):
        cue = pattern.search(after) if pattern is not None else None
        if cue is not None and not lexicon.activity_negation.search(after[: cue.start()]):
            return True
    before = sentence[max(0, m["_rel_start"] - GATHERING_REACH) : m["_rel_start"]]
    if not lexicon.gathering_before.search(before):
        return False
    # The march is what gathered them: named before the figure ("la journée de manifestation
    # a rassemblé") or after it in its clause ("a réuni 9 000 personnes dans les cortèges"),
    # not in another clause ("Le congrès a réuni 3 000 participants, pendant qu'une
    # manifestation ...": the congress's public).
    clause = _CLAUSE_END.split(sentence[m["_rel_end"]:], maxsplit=1)[0]
    return lexicon.gathering_march.search(sentence[: m["_rel_start"]]) is not None \
        or lexicon.gathering_march.search(clause) is not None
