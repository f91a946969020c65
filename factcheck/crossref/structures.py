"""Parts and totals inside an article: "46 drones ... : 17 ..., 12 ... et le reste ...".

A total is a figure followed, in its sentence, by a cue (":", "dont", "notamment") and an
enumeration of figures of the same dimension and family; or the last figure of a sentence whose
next sentence enumerates parts ending with a remainder ("et le reste"); or a figure marked as a
total ("au total", "soit ... en tout") right after an enumeration. The mode says what must hold:

* ``exhaustive`` (":" or "au total"): the parts add up to the total;
* ``partial`` ("dont", "notamment", "la plupart"): the parts may sum to less, never more;
* ``remainder`` ("et le reste"): the parts leave a remainder that is not negative.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import regex

from factcheck.crossref.cue_words import Lexicon
from factcheck.crossref.matching import CHANGE, ClaimView
from factcheck.crossref.sum_arithmetic import check_sum, stated
from factcheck.crossref.sum_backward import backward_mode, coordinated_total
from factcheck.crossref.sum_clauses import named_component, own_source, own_verb
from factcheck.crossref.sum_elision import elided, unit_left_out
from factcheck.crossref.sum_groups import complete_split, first_part, group_part, same_split
from factcheck.crossref.sum_heads import clause_head
from factcheck.crossref.sum_identity import (
    covered_outcomes,
    other_thing,
    position,
    rival_counts,
    unestablished,
)
from factcheck.crossref.sum_lists import (
    bracket_parts,
    counts_entries,
    labelled,
    opens_bracket,
    takes_up,
    undated,
    whole_before,
)
from factcheck.crossref.sum_openings import (
    breaks_down_first,
    opens_whole,
    overlapping_reasons,
    stated_remainder,
)
from factcheck.crossref.sum_sentences import Sentence as _Sentence
from factcheck.crossref.sum_sentences import between as _between
from factcheck.crossref.sum_sentences import by_article as _sentences
from factcheck.crossref.sum_sentences import cue_zone as _cue_zone
from factcheck.crossref.sum_sentences import denominator_owner
from factcheck.crossref.sum_sentences import rel as _rel
from factcheck.models import stable_id

#: Dimension of a change in percent ("en hausse de 3 %"): never a part nor a total.
RELATIVE_CHANGE = "share" + CHANGE
#: Longest text between two parts of one enumeration.
MAX_PART_GAP = 120
#: Longest text between a total and the first of its parts.
MAX_TOTAL_GAP = 140
#: Longest text between sentences for the next one to continue the previous.
MAX_SENTENCE_GAP = 3
#: Words between a partial cue and the first part for the cue to introduce that part
#: ("dont au moins 12"); further, the cue introduced something else ("deux foyers dont un
#: encore actif totalisant 76 cas").
MAX_CUE_WORDS = 3


@dataclass(frozen=True, slots=True)
class SumStructure:
    structure_id: str
    article_id: str
    total_id: str
    part_ids: tuple[str, ...]
    mode: str  # exhaustive, partial, remainder
    status: str  # ok, mismatch, uncertain (not established as a total and its parts)
    explanation: str
    evidence: tuple[str, ...]


def _can_be_part(part: ClaimView, total: ClaimView, strict: bool = True) -> bool:
    """Same dimension (or shares of the total); with ``strict``, the same family too. After
    "dont" the parts often name a subset ("pertes, dont 100 000 tués"): not strict."""
    if part.dimension != total.dimension and part.dimension != "share":
        return False
    if part.dimension == "share" and total.dimension == "duration":
        return False  # "a progressé de 50 % en un jour : 75 % [...]": no whole of shares
    if part.outcome and total.outcome and not part.outcome <= covered_outcomes(total.outcome):
        return False  # "12 164 tués, dont 659 enfants, et 26 000 blessés": not a part
    pf, tf = part.subject_family, total.subject_family
    return not (strict and pf and tf and pf != tf) or group_part(part, total)


def _enumeration(s: _Sentence, first: int, total: ClaimView, lexicon: Lexicon,
                 strict: bool = True, partial: bool = False) -> list[ClaimView]:
    """Figures of ``s`` from index ``first`` on, as long as separators join them; after a
    partial cue ("dont"), not past a figure with a verb of its own (sum_clauses.py)."""
    members = s.members
    if first >= len(members):
        return []
    head = elided(members[first], total, s, lexicon)
    if not _can_be_part(head, total, strict):
        return []
    parts = [head]
    lead = (_between(s, total, members[first]) if total in members
            else s.text[: _rel(members[first], s)[0]])
    # "2,77 milliards (dont 1,4 milliard pour la sécurité) et 3,19 milliards": parts opened
    # inside brackets end with them; what follows stands beside the total.
    bracketed = lead.count("(") > lead.count(")")
    for raw in members[first + 1 :]:
        nxt = elided(raw, total, s, lexicon, like=parts[0])
        gap = _between(s, parts[-1], nxt)
        if len(gap) > MAX_PART_GAP or not lexicon.separators.search(gap):
            break
        if bracketed and ")" in gap and not labelled(gap, lead):
            break  # (not "dont Lyon (6), Grenoble (5)": each part in a bracket of its own)
        if not bracketed and gap.count("(") > gap.count(")"):
            break  # "117 cas, dont 31 importés (contre 15 et 16 les années passées)": an aside
        if lexicon.exhaustive.search(gap) or lexicon.restatement.search(gap):
            break
        if lexicon.partial.search(gap) or lexicon.total.search(gap):
            break
        if lexicon.enumeration_breaks.search(gap):
            break  # "dont deux ans ferme, et à cinq ans d'inéligibilité": another complement
        if nxt.dimension != parts[0].dimension or not _can_be_part(nxt, total, strict):
            break
        if nxt.subject_family and parts[0].subject_family \
                and nxt.subject_family != parts[0].subject_family and not (
                    partial and named_component(parts[0], s) and named_component(nxt, s)) \
                and not same_split(parts[0], nxt):
            break  # the enumeration moved on to something else (not "dont 38 M€ de part
            # fixe et 9 M€ de bonus": components, each named by its complement)
        if _names(nxt, total, s) and not _names(parts[0], total, s):
            break  # "72 interpellés, dont 52 à Paris, et 28 personnes mises en garde à vue"
        if partial and own_verb(nxt, s) and not own_verb(parts[0], s) \
                and own_verb(total, s):
            break  # "11 remontés, dont 4 blessés, et 12 ont péri" (not "compte 200 salariés, ...")
        if own_source(nxt, total, parts[0]):
            break  # "8 000 selon la police, dont 900 à vélo, et 15 000 selon les organisateurs"
        parts.append(nxt)
    return parts


_NEXT_WORD = regex.compile(r"\s*(?:de\s+|d['’]\s*)?(\p{L}+)", regex.V1)


def _bracket_owner(s: _Sentence, j: int, gap: str) -> ClaimView | None:
    """The total of the figures that follow figure ``j`` (``gap`` is the text up to the next
    one). A figure standing inside brackets that close before the next figure is an aside:
    "350 cas (contre 80 l'an passé), dont 100 hospitalisés" gives the parts of the figure
    before the bracket (350), never of the aside (80); None when no figure precedes it."""
    figure = s.members[j]
    before = s.text[: _rel(figure, s)[0]]
    opened = before.rfind("(")
    if ")" not in gap or opened == -1 or before.count("(") <= before.count(")"):
        return figure
    if gap.find(")") > gap.find("(") > -1:
        return figure  # a bracket of the gap's own closes there, not the one of the figure
    outside = [v for v in s.members[:j] if _rel(v, s)[1] <= opened]
    return outside[-1] if outside else None


def _names(part: ClaimView, total: ClaimView, s: _Sentence) -> bool:
    """The total's own noun follows ``part`` ("28 personnes mises en garde à vue" of "72
    personnes"). After a part that left it unsaid ("dont 52 à Paris"), a figure naming it
    again starts a count of its own (the people held, not the arrested of another place)."""
    noun = total.subject.lower()
    found = _NEXT_WORD.match(s.text, _rel(part, s)[1])
    return bool(noun) and found is not None and found.group(1).lower().startswith(noun)


def _tail(s: _Sentence, parts: list[ClaimView]) -> str:
    """Text after the last part, up to the next figure or the end of the sentence."""
    last = parts[-1]
    idx = position(s, last)
    end = _rel(s.members[idx + 1], s)[0] if idx + 1 < len(s.members) else len(s.text)
    return s.text[_rel(last, s)[1] : end]


def _mode(gap: str, parts: list[ClaimView], s: _Sentence, lexicon: Lexicon) -> str | None:
    inner = "".join(_between(s, a, b) for a, b in itertools.pairwise(parts))
    tail = _tail(s, parts)
    if lexicon.remainder.search(inner + tail):
        return "remainder"
    if lexicon.partial.search(gap) or lexicon.partial.search(inner):
        return "partial"
    if (lexicon.exhaustive.search(gap) or lexicon.detail.search(gap)) and len(parts) >= 2:
        return "exhaustive"
    return None


def _candidates(sentences: list[_Sentence], lexicon: Lexicon):
    """(total, parts, mode, sentence of the parts, sentence of the total)."""
    for i, s in enumerate(sentences):
        for j, total in enumerate(s.members):
            first = first_part(s, j)  # after the total's span ("45 M€ sur trois ans, ...")
            if first < len(s.members):
                gap = _between(s, total, s.members[first])
                if lexicon.restatement.search(gap) and not lexicon.partial.search(gap) \
                        and complete_split(total, split := _enumeration(s, first, total, lexicon)):
                    yield total, split, "exhaustive", s, s  # "1 200 élèves, soit 650 filles [...]"
                    continue
                if len(gap) <= MAX_TOTAL_GAP and not (
                    lexicon.restatement.search(gap) and not lexicon.partial.search(gap)
                ) and not lexicon.owning_relative.search(gap):
                    cues = _cue_zone(gap)
                    partial = lexicon.partial.search(cues)
                    # "Sur les 520 dossiers déposés, 260 [...]": a whole opening the sentence.
                    opening = not partial and opens_whole(s, j, gap)
                    # "neuf eurodéputés, dont Marine Le Pen, ainsi que les 12 assistants": the
                    # cue's clause closed before a figure of something else.
                    detached = bool(partial and (
                        lexicon.clause_breaks.search(gap, partial.end())
                        or len(gap[partial.end():].split()) > MAX_CUE_WORDS))
                    owner = denominator_owner(s, j, lexicon.whole_before,
                                              _bracket_owner(s, j, gap))
                    if partial and owner is total:
                        # "146 personnes [...] lors de onze opérations, a indiqué X, dont 58
                        # femmes": the cue takes up the clause's head count (sum_heads.py).
                        owner = clause_head(s, j, gap, partial.start()) or owner
                    parts = [] if owner is None else _enumeration(
                        s, first, owner, lexicon, strict=not partial or detached,
                        partial=bool(partial) or opening)
                    cue = partial or lexicon.exhaustive.search(cues) or lexicon.detail.search(cues)
                    if not partial and cue and lexicon.new_clause.search(cues, 0, cue.start()):
                        cue = None  # "583 millions, et des engagements [...] : 2,5 millions"
                    mode = _mode(cues, parts, s, lexicon) if parts and (cue or opening) else None
                    if mode is None and opening and parts:
                        mode = None if breaks_down_first(s, parts) else "partial"
                    if mode == "remainder" and owner is not None \
                            and (rest := stated_remainder(s, parts, owner)) is not None:
                        parts, mode = [*parts, rest], "exhaustive"  # "le reste, soit 80"
                    if mode is None and owner is total and opens_bracket(gap) \
                            and bracket_parts(total, parts):
                        mode = "partial"  # "12 médailles (5 en or, 4 en argent, 3 en bronze)"
                    if mode and owner is not None and counts_entries(owner, parts, s):
                        # "300 postes sur trois sites : 120 à Lyon, 100 à Grenoble, 80 à Annecy"
                        owner = whole_before(s, owner)
                        parts = _enumeration(s, first, owner, lexicon) if owner else []
                        mode = "partial" if len(parts) >= 2 else None
                    if mode and owner is not None and not overlapping_reasons(s, parts):
                        yield owner, parts, mode, s, s
                        continue
            if j == len(s.members) - 1 and (listed := _bullet_parts(sentences, i, j, lexicon)):
                yield listed
                continue
            # The last figure of its kind ("un plan de 14 millions sur trois ans. Sur cette
            # enveloppe, 9 millions [...]"): a later figure of another dimension owns no list.
            if i + 1 < len(sentences) and all(
                    m.dimension != total.dimension for m in s.members[j + 1:]):
                nxt = sentences[i + 1]
                if nxt.start - (s.start + len(s.text)) <= MAX_SENTENCE_GAP:
                    parts = _enumeration(nxt, 0, total, lexicon)
                    lead = nxt.text[: _rel(parts[0], nxt)[0]] if parts else ""
                    mode = _mode("", parts, nxt, lexicon) if parts else None
                    if mode == "remainder":
                        yield total, parts, "remainder", nxt, s
                    elif parts and lexicon.partial.search(_cue_zone(lead)):
                        # "10 millions ont fui. Parmi eux, 6,9 millions [...]"
                        yield total, parts, "partial", nxt, s
                    elif parts and takes_up(lead, parts[0], parts, nxt):
                        # "140 interventions. Le Var en compte 60, les Alpes-Maritimes 50 [...]"
                        yield total, parts, "partial", nxt, s
                    elif len(parts) >= 2 and lexicon.detail.match(lead.lstrip()) \
                            and total.dimension != "share":
                        # "162 sièges. À savoir, 98 pour [...], 34 pour [...] et 30 [...]"
                        # (a rate detailed by group gives rates of subgroups: no sum)
                        yield total, parts, "exhaustive", nxt, s
            # "17, 12 et 17, soit 46 au total": parts before a total marked as such.
            if j >= 2:
                around = s.text[_rel(total, s)[0] - 25 : _rel(total, s)[1] + 15]
                if lexicon.total.search(around) and not coordinated_total(
                        _between(s, s.members[j - 1], total), lexicon):
                    k = j - 1
                    while k > 0 and lexicon.separators.search(
                        _between(s, s.members[k - 1], s.members[k])
                    ) and len(_between(s, s.members[k - 1], s.members[k])) <= MAX_PART_GAP:
                        k -= 1
                    parts = [p for p in s.members[k:j] if _can_be_part(p, total)]
                    if len(parts) >= 2 and len({p.dimension for p in parts}) == 1:
                        yield total, parts, backward_mode(s, total, parts, lexicon), s, s


_BULLET = regex.compile(r"\s*[-–—•*·▪]\s", regex.V1)


def _bullet_parts(sentences: list[_Sentence], i: int, j: int, lexicon: Lexicon):
    """``(total, parts, mode, the lines, sentence i)`` of a list of lines ("- 16 médailles
    d'or") right after the sentence ``i`` ending with its figure ``j`` and a cue ("64 médailles
    dont :", "420 millions d'euros :"): the first figure of each line, or None. A last figure
    in brackets is an aside ("22 856 morts (+ 242 depuis hier) :"): the list is the parts of
    the figure before it."""
    s = sentences[i]
    rest = s.text[_rel(s.members[j], s)[1] :]
    total = _bracket_owner(s, j, rest)
    if total is None:
        return None
    cues = _cue_zone(rest)
    partial = lexicon.partial.search(cues)
    cue = partial or lexicon.exhaustive.search(cues) or lexicon.detail.search(cues)
    if not cue or any(c.isalnum() for c in cues[cue.end() :]):
        # "– 202 milliards : transferts annuels": a colon followed by words gives the line's
        # label; only a cue ending the line ("dont :", "en 2024 :") opens a list of parts.
        return None
    parts: list[ClaimView] = []
    lines: list[_Sentence] = []
    named_less = False  # whether the first line's figure leaves its noun unsaid
    end = s.start + len(s.text)
    for line in sentences[i + 1 :]:
        if line.start - end > MAX_SENTENCE_GAP or not _BULLET.match(line.text):
            break
        first = _enumeration(line, 0, total, lexicon)
        if not first or (parts and (
                first[0].dimension != parts[0].dimension
                or unit_left_out(first[0], line, lexicon) != named_less
                or (first[0].subject_family and parts[0].subject_family
                    and first[0].subject_family != parts[0].subject_family))):
            break  # "– 6 000 militaires déployés" after lines of amounts: the list moved on
        if not parts:
            named_less = unit_left_out(first[0], line, lexicon)
        parts.append(first[0])
        lines.append(line)
        end = line.start + len(line.text)
    if len(parts) < 2:
        return None
    # The lines as one sentence (what lies between them is the line breaks): the list.
    text = lines[0].text + "".join("\n" * (b.start - a.start - len(a.text)) + b.text
                                   for a, b in itertools.pairwise(lines))
    listing = _Sentence(lines[0].start, text, tuple(m for ln in lines for m in ln.members))
    return total, parts, "partial" if partial else "exhaustive", listing, s


def _lead(s: _Sentence, parts: list[ClaimView]) -> str:
    return s.text[: _rel(parts[0], s)[0]]


def find_structures(views: list[ClaimView], lexicon: Lexicon) -> list[SumStructure]:
    """Every parts/total structure of every article, checked."""
    found: list[SumStructure] = []
    seen: set[tuple[str, ...]] = set()
    for article, sentences in _sentences(views).items():
        for total, parts, mode, ps, ts in _candidates(sentences, lexicon):
            key = (total.claim_id, *(p.claim_id for p in parts))
            if key in seen or total.modality == "denied":
                continue
            if any(v.dimension == RELATIVE_CHANGE for v in (total, *parts)):
                # "Le budget progresse de 3 %, avec notamment une baisse de 17,65 % sur les
                # cartes grises": changes in percent do not add up, and a part may move more
                # than its whole.
                continue
            if mode == "partial" and len(parts) >= 2 and parts[0].dimension == "share" \
                    and total.dimension != "share":
                # "Parmi eux, 69 % [...], 32 % [...] et 90 % [...]": shares of one population
                # add up to at most 100 % only when they split it, which a partial list does
                # not say (each share may have its own attribute).
                continue
            if rival_counts(parts):
                # "26,3 Mt [...] : 25,17 Mt pour Argus Media, 25,6 Mt pour Stratégie Grains":
                # each figure counted by its own body is a rival count of one fact (sources
                # that disagree), not a part of a breakdown.
                continue
            seen.add(key)
            status, text = check_sum(total, parts, mode, lexicon)
            reason = unestablished(total, parts, mode, ps, ts, lexicon)
            taken_up = ps is not ts and takes_up(_lead(ps, parts), parts[0], parts, ps)
            if taken_up and reason == "other_period" and undated(parts):
                reason = None  # "Le Var en compte 60": the pronoun takes up the total, its time
            if reason is None and status == "mismatch" and other_thing(total, parts, ps, lexicon):
                reason = "other_thing"  # a mismatch needs parts known to break the total down
            if reason is None and status == "mismatch" and taken_up:
                reason = "taken_up"  # "Les Français en ont 140. L'Espagne en compte 60, ..."
            if reason is not None:
                # Identity before accusation: kept for display, never a sum_mismatch.
                template = f"sum_uncertain_{reason}"  # one per REASONS of sum_identity
                status, text = "uncertain", lexicon.say(
                    template, parts=", ".join(stated(p, lexicon) for p in parts),
                    total=stated(total, lexicon), check=text.rstrip("."))
            evidence = tuple(dict.fromkeys((ts.text, ps.text)))
            found.append(SumStructure(
                structure_id=stable_id(*sorted(key), "sum"),
                article_id=article, total_id=total.claim_id,
                part_ids=tuple(p.claim_id for p in parts), mode=mode, status=status,
                explanation=text, evidence=evidence,
            ))
    return found
