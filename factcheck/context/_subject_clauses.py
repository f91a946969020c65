"""The later rules of :func:`factcheck.context.subject.subjects`, one figure at a time: what
a noun found at the figure says once read (a state of a part, a share, a change), a noun of
change in an adverbial phrase or a verb's object ("en hausse de 4,2 %", "enregistrent une
hausse de 7 %"), and the clause whose verb the figure completes (a gapped clause, a relative
clause, the object of a verb of assessment, the clause subject). Each returns the figure's
:class:`~factcheck.context.pending.SubjectResult`, or the name of the pending rule that
resolves it from another figure (``"anaphora"``, ``"apposition"``, ``"ellipsis"``...)."""

from __future__ import annotations

from dataclasses import replace

from factcheck.context._noun_after import state_of_part
from factcheck.context._stating_bodies import STATED_KINDS, acts_on_count, speaker_noun
from factcheck.context._subject_forms import _headed
from factcheck.context.anaphora import (
    definite_metric,
    demonstrative_metric,
    restated_metric,
    subject_pronoun_between,
)
from factcheck.context.lexicon import SubjectData
from factcheck.context.measures import (
    bare_estimate,
    changing_pronoun,
    continues_clause,
    is_share,
    relative,
    relative_antecedent,
)
from factcheck.context.nlp import Figure, Tok
from factcheck.context.nouns import (
    gapped_subject,
    governing_verb,
    noun_before,
    object_after,
    summed_change,
)
from factcheck.context.parallels import (
    counted_parallel,
    equated_figure,
    shared_subject_verb,
)
from factcheck.context.pending import SubjectResult, whole_of_listed_part, whole_of_part
from factcheck.context.phrases import head_before, lemma_of, subject_at, unwrap_container
from factcheck.context.qualifiers import qualify
from factcheck.context.relatives import object_relative_antecedent
from factcheck.context.subject_lists import in_total_opener

Results = list[SubjectResult | None]


def found_noun(toks: tuple[Tok, ...], figs: list[Figure], results: Results, n: int, k: int,
               rule: str, data: SubjectData) -> SubjectResult | str:
    """The subject of figure ``n`` from the noun ``k`` found at it by ``rule``: a state of a
    whole's part, of the figure before or of the noun counted before, a share, a change of
    the figure before (pending ``"apposition"``), else the noun itself."""
    fig = figs[n]
    quals = qualify(toks, fig, k, True)
    part_of = whole_of_part(toks, figs, results, n)
    stated = part_of if part_of is not None and (
        toks[k].pos == "ADJ" or toks[k].lower in data.part_states
        or (k == fig.last and state_of_part(toks, k, part_of.noun, data))
    ) else None
    if stated is None and toks[k].lower in data.part_only_states \
            and toks[fig.first - 1].text != "(":
        stated = part_of or whole_of_listed_part(toks, figs, results, n)
    if stated is not None:
        # "40 blessés, dont 12 graves": the part is of the whole's subject, in a state
        # ("dont 40 placées en détention": a participle with its complement, see
        # :func:`._noun_after.state_of_part`; "dont 30 hors de danger, 12 contenus": a
        # list of parts, :func:`.pending.whole_of_listed_part`)
        state = lemma_of(toks[k], data)
        quals = tuple(dict.fromkeys([*stated.qualifiers, state]))
        return SubjectResult(stated.subject, stated.noun, quals, "part_state")
    prev = results[n - 1] if n > 0 else None
    if (part_of is None and prev is not None and prev.subject
            and toks[k].lower in data.part_states):
        # "3 101 cas confirmés, 15 636 suspects": a bare state after a figure of the
        # sentence counts the same thing in another state.
        state = lemma_of(toks[k], data)
        return SubjectResult(prev.subject, prev.noun, (state,), "state_of_previous")
    if (part_of is None and (prev is None or not prev.subject)
            and toks[k].lower in data.part_states
            and (h := noun_before(toks, fig.first, data)) is not None
            and not in_total_opener(toks, h)):
        # "la quasi-totalité des cas recensés avec 16 800 suspectés": a state of the
        # noun counted before.
        state = lemma_of(toks[k], data)
        return SubjectResult(subject_at(toks, h, data), h, (state,), "state_of_noun")
    if part_of is not None:
        # "9 personnes ont été tuées, dont deux enfants": the part shares the whole's
        # qualifiers.
        quals = tuple(dict.fromkeys([*quals, *part_of.qualifiers]))
    if rule == "noun_after" and is_share(toks, fig, k, data):
        # "ont représenté 22,5 % des actes", "soit 5,2 % des passages": a share.
        whole = unwrap_container(toks, k, data)  # "de l'ensemble des passages"
        quals = tuple(dict.fromkeys((subject_at(toks, whole, data), *quals)))
        return SubjectResult(data.share_subject, None, quals, "share")
    if n > 0 and rule == "noun_after" and relative(fig, data) \
            and lemma_of(toks[k], data) in data.change_nouns:
        # "(996 personnes, soit 4 % d'augmentation)": the change of the figure before.
        return "apposition"
    return SubjectResult(subject_at(toks, k, data), k, quals, rule)


def change_subject(toks: tuple[Tok, ...], figs: list[Figure], results: Results,
                   pending: dict[int, str], n: int, head: int,
                   data: SubjectData) -> SubjectResult | str:
    """What the change of figure ``n`` measures, ``head`` opening its phrase of change ("en
    hausse de") or the determiner of a verb's object ("enregistrent une hausse de"): the
    change of the figure before it ("un budget de 412 millions, en hausse de 4,2 %"), or of
    the clause's subject ("Le trafic est en baisse de 3 %"). ("soit une hausse de 12,5 %"
    counts a rise: its subject stays "hausse"; "les violences enregistrent une hausse de 7 %"
    measures the violences.)"""
    fig = figs[n]
    v = governing_verb(toks, head)
    if v is None and (a := _apposed_noun(toks, head, data)) is not None:
        # "dont 53 milliards pour la défense, un poste en hausse de 1,3 milliard": the
        # apposed noun's own change, not the figure before's.
        return _headed(toks, fig, a, data, "apposed_change")
    h = head_before(toks, v if v is not None else head, data) \
        if v is not None or n == 0 else None  # "Le trafic, en baisse de 3 %, ..."
    if v is None and restated_metric(toks, h):
        h = None  # "Un chiffre en baisse de 14 % : 940 véhicules ..."
    if v is not None and (changing_pronoun(toks, v, data) or demonstrative_metric(toks, h)):
        # "elles sont en hausse de 37 %", "Ce chiffre constitue un recul de 12 %":
        # named before
        return "anaphora"
    if h is None and n > 0 and v is not None and equated_figure(toks, v, figs[n - 1]) \
            and (n - 1 in pending if results[n - 1] is None
                 else results[n - 1].subject is None):
        # "Les 26 Mt annoncées constituent un recul de 20 %": what the figure before
        # the verb counts, once it is read from the sentences before.
        return SubjectResult(None, None, (), "anaphora_open", antecedent=n - 1)
    if n > 0 and (h is None or h < figs[n - 1].last) \
            and not _within_subject(toks, figs[n - 1], h, v):
        # "un budget de 412 millions, en hausse de 4,2 %" (not "Avec 57 000
        # procédures, le nombre de faillites est en hausse de 36 %": the clause's own)
        return "apposition"
    if h is not None:
        # "Le total est en hausse de 4 %": the metric of the sentence before.
        rule = "definite_change_open" if v is not None and definite_metric(toks, h) \
            else "change_of"
        return replace(_headed(toks, fig, h, data, "change_of"), rule=rule)
    return "ellipsis"


def clause_subject(toks: tuple[Tok, ...], figs: list[Figure], results: Results, n: int,
                   data: SubjectData) -> SubjectResult | str:
    """What figure ``n`` measures from the clause around it: the noun phrase of a gapped
    clause, the antecedent of a relative clause, the object after a verb of assessment, the
    clause subject; a body or a role stating a bare figure (pending ``"speaker_ellipsis"``);
    else pending ``"ellipsis"``."""
    fig = figs[n]
    v = governing_verb(toks, fig.first)
    if v is None and (k := gapped_subject(toks, fig, data)) is not None:
        m = counted_parallel(toks, figs, n)
        if m is not None and (mate := results[m]) is not None and mate.rule == "noun_after":
            # "a estimé le cortège à 12 000 personnes et la CGT à 40 000": the
            # gapped phrase is the assessor, the count the first one's.
            return replace(mate, rule="gapped_parallel", antecedent=m)
        if k == fig.first - 1 and speaker_noun(toks, k):
            # "1,2 million de manifestants selon la police et les syndicats 2,5 millions":
            # the noun right before the figure is who counts, the count the one before.
            return "ellipsis"
        # (a noun right before the figure names its own item: "la dette 110 %", no metric
        # an elided figure around it shares, see :func:`.pending.resolve_pending`)
        return _headed(toks, fig, k, data,
                       "gapped_item" if k == fig.first - 1 else "gapped_clause")
    if v is not None and n > 0 and continues_clause(toks, v, data):
        return "ellipsis"  # "a progressé de 1,6 milliard pour atteindre 8,6"
    assessed = v is not None and _object_first(toks[v], data) \
        and object_after(toks, fig, data) is not None
    if v is not None and not assessed \
            and (k := relative_antecedent(toks, v, data)) is not None:
        # (not "le rapport qui établit à 2 248 le nombre de morts": the object assessed)
        return _headed(toks, fig, k, data, "relative_clause")
    if v is not None and (k := object_relative_antecedent(toks, fig, v, data)) is not None:
        # "un seuil que X a abaissé à 5 000 livres": the seuil, not X
        return _headed(toks, fig, k, data, "relative_object")
    if v is not None:
        # "X estime à 486 milliards le coût de": after a verb of assessment the object
        # names the metric, the clause subject the one who assesses.
        k = None
        if _object_first(toks[v], data):
            k = object_after(toks, fig, data)
        if k is None and (first := shared_subject_verb(toks, v, data)) is not None:
            k = head_before(toks, first, data)  # "X a franchi ... et s'est vendu à"
        if k is None:
            k = head_before(toks, before_aside(toks, v, data), data)
            if k is not None and subject_pronoun_between(toks, k, v):
                # "Lors des législatives, elle avait grimpé à 47 %": the noun before the
                # pronoun heads a fronted complement, not the clause; the pronoun takes up
                # a metric named before.
                return "anaphora"
        if k is None:
            k = object_after(toks, fig, data)
        if demonstrative_metric(toks, k):
            return "anaphora"  # "Ce chiffre était de 2 027"
        if definite_metric(toks, k):
            # "Le chiffre était de 5,2 % en 2022": the metric of the sentence before.
            return replace(_headed(toks, fig, k, data, "clause_subject"),
                           rule="definite_metric_open")
        if bare_estimate(toks, k, data):
            return "ellipsis"  # "les autres estimations : 25,2 Mt pour X"
        if fig.mention.kind in STATED_KINDS and speaker_noun(toks, k):
            # "Le déficit a atteint 5,5 % du PIB. Le gouvernement visait 4,9 %": a body
            # or a role with a bare share or count states a figure of the metric before;
            # acting on what it counts ("La police a interpellé 12"), neither.
            assert k is not None
            if acts_on_count(toks, k, fig.first):
                return SubjectResult(None, None, (), "speaker_act")
            return "speaker_ellipsis"
        if k is not None and k < fig.first and not relative(fig, data) \
                and lemma_of(toks[k], data) in data.change_nouns \
                and not summed_change(toks, k, data):
            return level_of_change(toks, fig, k, data)
        if k is not None:
            return _headed(toks, fig, k, data, "clause_subject")
    return "ellipsis"


def _object_first(verb: Tok, data: SubjectData) -> bool:
    """A verb of assessment, which names its metric after the figure ("estimer à X le coût")."""
    return verb.lemma in data.object_first_verbs or verb.lower in data.object_first_verbs


def level_of_change(toks: tuple[Tok, ...], fig: Figure, k: int,
                    data: SubjectData) -> SubjectResult:
    """What a level (an amount, a count) measures when the noun read before it is a noun of
    change at ``k``: the subject of the verb that governs the change ("Le prix du gazole
    poursuit sa baisse, passant de 1,90 euro à 1,80 euro" -> prix), never the change itself
    ("soit une hausse de 53 % par rapport aux 4,3 milliards versés": no subject)."""
    j = k - 1
    while j > 0 and (toks[j].pos in ("ADJ", "DET") or toks[j].lower in data.determiners):
        j -= 1
    v = governing_verb(toks, j + 1)
    h = head_before(toks, before_aside(toks, v, data), data) if v is not None else None
    if h is None or lemma_of(toks[h], data) in data.change_nouns:
        return SubjectResult(None, None, (), "change_level_none")
    return _headed(toks, fig, h, data, "change_level")


#: Tokens an aside between a clause subject and its verb may hold.
MAX_ASIDE = 20


def before_aside(toks: tuple[Tok, ...], v: int, data: SubjectData) -> int:
    """Where to read the clause subject of the verb ``v`` from: before an aside closed right
    before the verb (over its auxiliaries, adverbs and clitics), a relative clause between
    commas ("La dette de la ville, qui inquiète la chambre régionale, pourrait atteindre" ->
    dette) or a phrase between dashes ("L'excédent brut d'exploitation - la marge avant
    impôts - atteint" -> excédent): the aside describes the subject, its nouns are none.
    Else ``v`` itself."""
    j = v - 1
    while j >= 0 and (toks[j].pos in ("AUX", "VERB", "ADV")
                      or toks[j].lower in data.coordinated_clitics):
        j -= 1
    if j < 1:
        return v
    dashes = data.aside_dashes
    closer = toks[j].text
    if closer != "," and closer not in dashes:
        return v
    for o in range(j - 1, max(-1, j - MAX_ASIDE - 1), -1):
        t = toks[o].text
        if closer in dashes and t in dashes:
            return o if o > 0 else v
        if t == "," and closer in dashes:
            continue  # "- la marge avant impôts, taxes et amortissements -": a list inside
        if t == ",":
            if closer == "," and o + 1 < j and toks[o + 1].lower in data.aside_relatives:
                return o  # ", qui inquiète la chambre régionale,"
            return v
        if t in (".", ";", ":", "(", ")"):
            return v
    return v


def _within_subject(toks: tuple[Tok, ...], before: Figure, h: int | None, v: int | None) -> bool:
    """Whether the figure ``before`` is a complement inside the clause subject headed at ``h``,
    between it and the verb ``v`` with no comma ("Les PME de plus de 100 salariés ont connu
    une hausse de 80 %": the PME rise, not the salariés)."""
    return h is not None and v is not None and h < before.first and before.last <= v \
        and not any(t.text in (",", ";", ":", "(", ")") for t in toks[h:v])


def _apposed_noun(toks: tuple[Tok, ...], head: int, data: SubjectData) -> int | None:
    """The noun of an apposition ", un poste en hausse de", ", une proportion en recul de"
    right before the phrase of change at ``head``: an indefinite article after a comma, then
    the noun and its adjectives (not a metric noun restating the figure before: "un chiffre
    en baisse de 14 %")."""
    k = head - 1
    while k > 0 and toks[k].pos == "ADJ":
        k -= 1
    if k < 2 or toks[k].pos != "NOUN" or toks[k].is_title \
            or toks[k - 1].lower not in data.indefinite_articles or toks[k - 2].text != ",":
        return None
    lem = lemma_of(toks[k], data)
    if restated_metric(toks, k) or lem in data.containers or lem in data.not_subjects:
        return None
    return k
