"""Figures whose subject is another figure's, for ``factcheck.context.subject``: once every
figure of a sentence has been read, an ellipsis ("17 drones ..., 12 dans la région de
Koursk"), an apposition ("soit 169,6 milliards") or a metric taken up ("Ce chiffre était de
2 027", "342 d'entre eux") takes the subject of the nearest figure before it (of its own
parenthesis first, of the same kind first), else after it; what is still open is left to the
previous sentences (``anaphora_open``, ``ellipsis_open``) or read from the clause."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.context._carry_bounds import lends_forward
from factcheck.context._stating_bodies import STATED_KINDS, acts_on_count, speaker_noun
from factcheck.context.anaphora import definite_metric, demonstrative_metric
from factcheck.context.lexicon import SubjectData, grammar
from factcheck.context.measures import bare_estimate, level_after_change, partitive, relative
from factcheck.context.nlp import Figure, Tok
from factcheck.context.nouns import container_after, summed_change
from factcheck.context.parallels import (
    complement_of,
    coordinated_subject,
    gapped_prepositions,
    in_renewed_complement,
    same_preposition_mate,
)
from factcheck.context.parentheses import opens_parenthesis, parenthesis_mate
from factcheck.context.phrases import head_before, lemma_of, part_marker_before, subject_at
from factcheck.context.qualifiers import is_predicate, qualifiers_after
from factcheck.deadline import checkpoint
from factcheck.models import Kind

#: Figures no elided noun is taken from: ranks, and durations ("- 4 ont été condamnés à neuf
#: ans de prison": the four are people, not a penalty).
_NO_ANTECEDENT = frozenset({Kind.ORDINAL, Kind.DURATION})


#: Figures restating the one before them ("soit 169,6 milliards", "soit 82 %").
_APPOSED = frozenset({"apposition", "restated_share"})


@dataclass(frozen=True, slots=True)
class SubjectResult:
    """What a figure counts, its qualifiers, and the rule that read them."""

    subject: str | None
    noun: int | None  # token index of the subject noun, when in this sentence
    qualifiers: tuple[str, ...]
    rule: str
    antecedent: int | None = None  # index of the figure it was taken from



def resolve_pending(
    toks: tuple[Tok, ...],
    figs: list[Figure],
    results: list[SubjectResult | None],
    pending: dict[int, str],
    data: SubjectData,
) -> None:
    def candidate(order: range, n: int, objects_only: bool = False) -> int | None:
        kinds = (figs[n].mention.kind,)
        # "et 9 dans les salles des fêtes": not the figure of "dans les 35 gymnases".
        renewed = gapped_prepositions(toks, figs[n], data) if pending[n] == "ellipsis" \
            else frozenset()
        for outside in (True, False):
            for same_kind in (True, False):
                for m in order:
                    if objects_only and figs[m].first > 0 and toks[figs[m].first - 1].pos == "ADP":
                        continue
                    if m < n and in_renewed_complement(toks, figs[m], renewed):
                        continue
                    if m > n and complement_of(toks, figs[n], figs[m]):
                        continue  # "6 millions d'euros pour les 9 000 apprentis"
                    r = results[m]
                    if r is None or r.subject is None or figs[m].mention.kind in _NO_ANTECEDENT \
                            or r.rule in ("counted_time", "gapped_item"):
                        continue  # "les deux premiers jours", "la formation 111 millions":
                        # no metric another figure shares
                    if outside and m < n and in_closed_aside(toks, figs[m], figs[n]):
                        continue  # "39 élus (37 X, 2 Y), 32 Z": 32 continues the 39
                    if pending[n] == "ellipsis" \
                            and not continues_change(toks, figs, m, n, r, data):
                        continue  # "6 milliards versés, soit une hausse de 53 %": no rise
                    if not same_kind or figs[m].mention.kind in kinds:
                        return m
        return None

    for backward_first in (True, False):
        for n in sorted(pending):
            checkpoint()
            if results[n] is not None:
                continue
            # "(4 055, +13 %)": the figure before it in its parenthesis, whatever its kind.
            m = parenthesis_mate(toks, figs, n)
            if m is None and pending[n] in _APPOSED:
                m = _changed_just_before(toks, figs, n, data)
            if m is None and _level_after_change(toks, figs, n, data):
                m = n - 1  # "en recul de 13 %, à 4 milliards": the level of what fell
            if m is None and pending[n] == "ellipsis":
                # "avec 1,4 million de voix ..., avec 1,3 million": the same preposition.
                m = same_preposition_mate(toks, figs, n, data)
            mate = results[m] if m is not None else None
            if mate is None or mate.subject is None:
                # "La CGT a compté 640 000 manifestants dans 182 villes, quand les autorités
                # en ont compté 250 000": "en" takes up what a verb counted, not a figure
                # inside a complement ("dans 182 villes")
                objects = pending[n] == "anaphora" and partitive(toks, figs[n], data)
                m = candidate(range(n - 1, -1, -1), n, objects_only=True) if objects else None
                if m is None:
                    m = candidate(range(n - 1, -1, -1), n)
            taken_up = any(pending.get(j) == "anaphora" and results[j] is None for j in range(n))
            if m is None and not backward_first and pending[n] != "anaphora" and not taken_up:
                # (after a metric taken up, "342 d'entre eux, dont 98 %", an ellipsis
                # continues it, whatever comes next)
                m = candidate(range(n + 1, len(figs)), n)
                if m is not None and not lends_forward(toks, figs, n, m, results, data):
                    m = None  # "(445 millions), [...] (202 millions de crédits)": not a list
            if m is None:
                continue
            ant = results[m]
            assert ant is not None
            if ant.rule == "restated_share" and pending[n] != "restated_share" \
                    and ant.antecedent is not None and results[ant.antecedent] is not None:
                # "soit 82 % (en augmentation de 16 %)": the change of the count restated.
                m = ant.antecedent
                ant = results[m]
                assert ant is not None
            own = qualifiers_after(toks, figs[n].last - 1, adjectives=False)
            inherited = [q for q in ant.qualifiers if not is_predicate(toks, ant.noun, q)]
            quals = tuple(dict.fromkeys([*inherited, *own]))
            if pending[n] == "restated_share" and not relative(figs[m], data):
                # "soit 82 %" after a count: the count's share of its whole.
                quals = tuple(dict.fromkeys([ant.subject, *quals]))
                results[n] = SubjectResult(data.share_subject, None, quals, pending[n], m)
                continue
            rule = "apposition" if pending[n] in _APPOSED else pending[n]
            results[n] = SubjectResult(ant.subject, ant.noun, quals, rule, antecedent=m)
    for n in pending:
        if results[n] is None and pending[n] == "anaphora":
            # Left to the figures of the previous sentences ("Ce chiffre était de 2 027").
            results[n] = SubjectResult(None, None, (), "anaphora_open")
        elif results[n] is None and pending[n] == "ellipsis" and (opened := [
                m for m, r in enumerate(results[:n]) if r and r.rule == "anaphora_open"]):
            # "Ce nombre passait de 165 en S19 à 116": continues the metric taken up again.
            results[n] = SubjectResult(None, None, (), "anaphora_open", antecedent=opened[-1])
        elif results[n] is None and pending[n] == "line_item":
            # "- Renaissance : 98": an item of a list, no clause to read a subject from; it
            # takes the metric of the list's lines or heading, not of a sentence before.
            results[n] = SubjectResult(None, None, (), "line_item_open")
        elif results[n] is None and pending[n] in _APPOSED \
                and (m := _changed_just_before(toks, figs, n, data)) is not None \
                and (mate := results[m]) is not None and mate.subject is not None:
            # "se vendait en moyenne 2,13 euros, soit une hausse de 6 centimes": the level
            # read from its clause just above.
            results[n] = SubjectResult(mate.subject, mate.noun, mate.qualifiers, "apposition", m)
        elif results[n] is None and pending[n] == "ellipsis" \
                and (renewed := gapped_prepositions(toks, figs[n], data)) \
                and ((m := candidate(range(n - 1, -1, -1), n)) is not None
                     or any(in_renewed_complement(toks, f, renewed) for f in figs[:n])):
            # "et 184 millions pour les lycées": the parallel figure, read from its clause
            # above; "et 4 millions pour la commande" after "8 millions pour les 14 000
            # étudiants" with no metric read: left to the sentences before, not the noun of
            # the complement before it.
            mate = results[m] if m is not None else None
            results[n] = SubjectResult(None, None, (), "ellipsis_open") if mate is None \
                else SubjectResult(mate.subject, mate.noun, mate.qualifiers, "ellipsis", m)
        elif results[n] is None and pending[n] == "speaker_ellipsis":
            # "Le gouvernement visait 4,9 %": the metric of the sentence before.
            results[n] = SubjectResult(None, None, (), "ellipsis_open")
        elif results[n] is None:
            k = coordinated_subject(toks, figs[n].first, data)  # "... et s'est vendu en moyenne à"
            if k is None:
                k = head_before(toks, figs[n].first, data)
            if demonstrative_metric(toks, k):
                # "En présentant son montant (3,5 milliards)": a metric named earlier.
                results[n] = SubjectResult(None, None, (), "anaphora_open")
                continue
            if definite_metric(toks, k):
                # "Un niveau inédit depuis 2015, contre 42 000 en 2022", "Un chiffre en hausse
                # de 36 %": the metric of the sentence before (a change: of any kind).
                assert k is not None
                change = any(lemma_of(t, data) in data.change_nouns
                             for t in toks[k + 1:figs[n].first])
                results[n] = SubjectResult(
                    subject_at(toks, k, data), k, (),
                    "definite_change_open" if change else "definite_metric_open")
                continue
            if bare_estimate(toks, k, data):
                k = None  # "les autres estimations parues : 25,17 Mt pour X": not the metric
            if figs[n].mention.kind in STATED_KINDS and speaker_noun(toks, k):
                # "Les syndicats revendiquent 30 %": the metric of the sentence before.
                assert k is not None
                results[n] = SubjectResult(None, None, (), "speaker_act"
                                           if acts_on_count(toks, k, figs[n].first)
                                           else "ellipsis_open")
                continue
            if k is not None and level_after_change(toks, k, figs[n], data):
                # "La session avait enregistré un repli à 91,1 %": the level reached after a
                # change measures the metric read before, not the change ("une hausse de
                # 120 %" counts the rise).
                k = None
            elif k is None:
                k = container_after(toks, figs[n].last, data)
            if k is not None and k < figs[n].first and not relative(figs[n], data) \
                    and lemma_of(toks[k], data) in data.change_nouns \
                    and not summed_change(toks, k, data):
                # "soit une hausse de 53 % par rapport aux 4,3 milliards": a level, no rise
                # (but "le total des hausses d'impôts avoisine 40 milliards" sums them).
                results[n] = SubjectResult(None, None, (), "change_level_none")
            elif k is not None:
                results[n] = SubjectResult(subject_at(toks, k, data), k, (), "clause_subject")
            else:
                # Left to the previous sentence ("12 canons. Et 6 autres suivront").
                own = tuple(qualifiers_after(toks, figs[n].last - 1, adjectives=False))
                results[n] = SubjectResult(None, None, own, "ellipsis_open")


def in_closed_aside(toks: tuple[Tok, ...], inner: Figure, later: Figure) -> bool:
    """Whether figure ``inner`` stands in a parenthesis that closes before ``later``: a bracketed
    aside, whose figures are parts or glosses of the one before it, not ``later``'s parallel."""
    g = grammar()
    depth = 0
    for t in toks[inner.last:later.first]:
        if t.text in g.gloss_openers:
            depth += 1
        elif t.text in g.gloss_closers:
            depth -= 1
            if depth < 0:
                return True
    return False


def continues_change(toks: tuple[Tok, ...], figs: list[Figure], m: int, n: int,
                     mate: SubjectResult, data: SubjectData) -> bool:
    """Whether figure ``n``, left without a noun, may take the subject of figure ``m``: a
    noun of change only continues a change written before it, of the same kind ("en hausse
    de 5 % en janvier et de 3 % en février") or an amount of change restated as a share ("une
    baisse de 41 millions sur les amendes, -17 %"); a level around a change ("6,6 milliards
    seront versés, soit une hausse de 53 % par rapport aux 4,3 milliards versés") measures
    no rise, nor does a change in brackets right after another figure, which is that
    figure's ("soit une hausse de 2 %, dont 7 millions à Calais (+4 %)": the passengers at
    Calais)."""
    if mate.subject not in data.change_nouns:
        return True
    if m > n or (m < n - 1 and opens_parenthesis(toks, figs[n])):
        return False
    if mate.rule == "change_amount" and relative(figs[n], data):
        return True
    return figs[m].mention.kind == figs[n].mention.kind \
        and relative(figs[m], data) == relative(figs[n], data)


def _changed_just_before(
    toks: tuple[Tok, ...], figs: list[Figure], n: int, data: SubjectData
) -> int | None:
    """The figure right before an apposed change ("un chiffre d'affaires de 189 milliards,
    en hausse de 6 %"): that figure changed, whatever its kind (not an earlier percentage)."""
    if n == 0:
        return None
    between = toks[figs[n - 1].last:figs[n].first]
    if not between or between[0].text != ",":
        return None
    if not any(lemma_of(t, data) in data.change_nouns for t in between):
        return None
    ok = all(t.pos in ("ADP", "ADV", "ADJ", "DET", "PUNCT", "CCONJ")
             or lemma_of(t, data) in data.change_nouns for t in between)
    return n - 1 if ok else None


def _level_after_change(
    toks: tuple[Tok, ...], figs: list[Figure], n: int, data: SubjectData
) -> bool:
    """Whether figure ``n`` is the level reached right after a percentage of change ("en
    recul de 13,3 %, à 4 milliards", "en progression de 7 % à 90 milliards")."""
    if n == 0 or figs[n - 1].mention.kind != Kind.PERCENT:
        return False
    between = toks[figs[n - 1].last:figs[n].first]
    return bool(between) and between[-1].lower in data.change_level_links \
        and all(t.text == "," or t.lower in data.change_level_links for t in between)


def whole_of_part(
    toks: tuple[Tok, ...], figs: list[Figure], results: list[SubjectResult | None], n: int
) -> SubjectResult | None:
    """The figure a "dont" part belongs to (the nearest previous one with a subject)."""
    if part_marker_before(toks, figs[n].first) is None:
        return None
    for m in range(n - 1, -1, -1):
        r = results[m]
        if r is not None and r.subject is not None:
            return r
    return None



def whole_of_listed_part(
    toks: tuple[Tok, ...], figs: list[Figure], results: list[SubjectResult | None], n: int
) -> SubjectResult | None:
    """The whole a part belongs to, the part opened by "dont" or following, in the same list
    and with no verb between, a figure that is one ("915 feux, dont 491 hors de contrôle, 209
    contenus et 215 maîtrisés": the three split the feux)."""
    g = grammar()
    m = n
    while m > 0:
        if (whole := whole_of_part(toks, figs, results, m)) is not None:
            return whole
        j = figs[m].first - 1
        between = toks[figs[m - 1].last:j]
        if j < 0 or toks[j].lower not in g.coordinators \
                or any(t.pos in ("VERB", "AUX") for t in between):
            return None
        m -= 1
    return None


def term_of_part(
    toks: tuple[Tok, ...], figs: list[Figure], results: list[SubjectResult | None], n: int
) -> SubjectResult | None:
    """The prison term a bare count after "dont" splits ("cinq ans de prison dont deux avec
    sursis"): the duration right before it, in the same clause (no verb between), read as
    the duration of a noun (not an age: "199 bébés de moins de 12 mois ont été hospitalisés,
    dont 158" splits the bébés)."""
    fig = figs[n]
    if n == 0 or fig.mention.kind != Kind.COUNT or not 0 < fig.first < len(toks) \
            or toks[fig.first - 1].lower not in grammar().part_markers \
            or toks[fig.first - 1].text == "(":
        return None
    whole = results[n - 1]
    if whole is None or whole.rule != "duration_of" or whole.subject is None:
        return None
    if any(t.pos in ("VERB", "AUX") for t in toks[figs[n - 1].last:fig.first]):
        return None
    return whole


def open_among(results: list[SubjectResult | None], pending: dict[int, str]) -> None:
    """In a sentence opened by "Parmi elles," ("Parmi elles, 58 % voyageaient seules, 27 % en
    famille"), the figures left to an elided noun count what the pronoun takes up, the
    last metric of the sentences before, not a noun of the list (``last_metric_open``)."""
    for n in [n for n, why in pending.items() if why == "ellipsis"]:
        results[n] = SubjectResult(None, None, (), "last_metric_open")
        del pending[n]


def _noun_before(toks: tuple[Tok, ...], start: int, first: int, shared: Figure | None) -> bool:
    """Whether a noun or a pronoun stands before the figure at ``first`` in its clause: from
    ``start`` (the group's comma) for the first share, from the last coordinator after the
    ``shared`` one for a share continuing it ("..., et l'abstention 30 %": the noun's)."""
    j = start - 1
    if shared is not None:
        j = next((i for i in range(first - 1, shared.last - 1, -1)
                  if toks[i].lower in grammar().coordinators), shared.last - 1)
    return any(t.pos in ("NOUN", "PROPN", "PRON") for t in toks[j + 1:first])


def open_scope(toks: tuple[Tok, ...], figs: list[Figure], results: list[SubjectResult | None],
               k: int, data: SubjectData) -> None:
    """In a sentence opened by a group it names ("Parmi les blessés, 12 sont dans un état
    grave", "Pour les autres prévenus, 5 ont été condamnés à deux ans"), a bare count that no
    figure before it names counts that group (noun at ``k``), not a later figure's noun nor
    the metric of the sentence before; a parallel of a counted figure keeps its noun
    ("Parmi les autres cortèges, 8 500 personnes à X, 2 500 à Y"). A bare percentage is
    the group's share when it opens the main clause ("Parmi les sondés, 45 % se disent
    favorables") or continues one that does ("et 38 % y sont opposés", not the noun of the
    clause of that one: "52 % approuvent la réforme et 30 % s'y opposent"); not after a noun
    of its own clause ("Parmi les régions, la Bretagne affiche 9 %", "..., et l'abstention
    30 %")."""
    end = next((i for i in range(k, len(toks)) if toks[i].text in (",", ":")), len(toks))
    shared: Figure | None = None
    for n, r in enumerate(results):
        if r is None or figs[n].first <= k:
            continue
        kind = figs[n].mention.kind
        if kind == Kind.PERCENT and not _noun_before(toks, end + 1, figs[n].first, shared) and (
                r.rule == "ellipsis_open"
                or (shared is not None and r.rule == "clause_subject" and r.noun is not None
                    and r.noun < figs[n].first and not any(
                        t.pos in ("VERB", "AUX") for t in toks[r.noun:figs[n].first])
                    and r.noun > shared.last)):
            results[n] = SubjectResult(subject_at(toks, k, data), k, (), "scope_opener")
            shared = figs[n]
        elif kind == Kind.COUNT and (r.rule == "ellipsis_open" or (
                r.rule == "ellipsis" and r.antecedent is not None and r.antecedent > n)):
            results[n] = SubjectResult(subject_at(toks, k, data), k, (), "scope_opener")
