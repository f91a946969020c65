"""What a figure counts (``subject``) and the words that narrow it (``qualifiers``).

Rules, tried in order for each figure of a sentence (``rule`` names them):

* ``noun_after``: the noun right after the figure, possibly after "de"/"des"
  ("46 drones", "des dizaines de milliers de personnes", "près de 60 % des foyers",
  "988 milliards de dollars d'aide"), unless it is a base a share is taken of ("du PIB");
  also inside quotes ("six « zones rouges »"), after "d'autres" ("des centaines d'autres
  riverains", not "d'autres blessées": a state of an elided noun; nor a participle that
  completes the figure before, "12 réacteurs sur 20 réparés": an ``ellipsis``), after "de
  ces" even for a bare count ("trois de ces nageuses"), and a participle naming people
  whatever its tag ("78 blessés");
* ``noun_before``: "une enveloppe de 725 millions", "une hausse de 12,5 %"; a container
  ("d'un montant de", "le nombre de", "le prix du") hands over to the noun it wraps or, before
  it, the noun phrase it describes ("une nouvelle aide ..., d'un montant de" -> aide);
* ``clause_subject``: the figure completes a verb ("pourrait atteindre 2 millions",
  "s'est établi à 5,8 %"): the head of the nearest noun phrase before that is not a
  prepositional complement ("Le taux de chômage a reculé de" -> taux);
* ``gapped_clause``: a coordinated clause whose verb is left out ("... s'élève à 16,1
  milliards et son chiffre d'affaires à 75,5 milliards") measures its own noun phrase;
* ``anaphora``: a metric taken up again ("Ce chiffre était de 2 027", "Ces 60 milliards",
  "elle atteint 153,6 %") measures what the previous figure of the sentence measured, else
  (``anaphora_open``) what the last figure of an earlier sentence did;
* ``apposition``: "soit 169,6 milliards" restates the previous figure's subject; "soit 82 %"
  after a count is its share (``restated_share``), "soit 40 % de plus" its change;
* ``ellipsis``: a bare figure after ",", ":", "dont", "et", "pas"... takes the subject of the
  nearest previous figure of the sentence ("17 drones ..., 12 dans la région de Koursk"; in
  a gapped conjunct, "et 9 dans les salles des fêtes", not one inside the complement it
  renews: :mod:`.parallels`),
  else of the next one ("Pas 300 000, pas 150 000 : 31 000 soldats"); never of a rank or a
  duration, nor of a figure inside a parenthesis closed before it ("80 maires élus : 41 à
  droite (35 LR, 6 alliés), 30 à gauche" -> maire);
* what the figure's own form and place say (:mod:`.measures`): ``unit`` ("a ravagé 16 000
  hectares" -> hectare), ``share`` ("soit 5,2 % des passages" -> part), ``change_amount`` ("la
  hausse des impôts de 40 milliards" -> hausse), ``fronted_clause``, ``relative_clause``
  ("l'encours, qui a progressé de"; ``relative_object``, "un seuil que la ministre a abaissé
  à 5 000 euros" -> seuil, :mod:`.relatives`), ``state_of_noun``; "en", "d'entre eux", "son montant"
  take up an earlier metric;
* a figure in a parenthesis after another ("(4 055, +13 %)") or after another's own noun
  phrase ("5,1 millions de spectateurs (+200 000)") glosses the same noun phrase;
  the level reached after a change ("un repli à 91,1 %") measures the metric read before,
  not the change;
* a percentage restating a noun of share ("la majorité des arrivées, environ 60 %",
  "l'essentiel (92 %) des jugements") is a share (``quantifier_share``); a count of days or
  weeks the scanner left a count ("les trois premières semaines") counts them
  (``counted_time``) and is no antecedent; "une baisse de sa marge à 10 %" measures the marge
  (``changed_metric``); a line of a tally ("Nantes : 28 000 selon la police") is not about its
  label;
* what the words around an amount or a percentage say: the label of a line opened by the
  figure ("159 millions d'euros : Perte liée à ...", ``label_after``), the noun a participle of
  assessment describes ("pour un coût estimé à 10 millions", ``assessed_noun``), the noun set
  at the figure with "à" ("un premier tarif à 0,90 euro", ``level_of_noun``); a change stated
  by its own clause measures that clause's subject even after another figure ("Avec 57 000
  procédures, le nombre de faillites est en hausse de 36 %"), one apposed to a figure measures
  that figure ("un chiffre d'affaires de 189 milliards, en hausse de 6 %"), one whose subject
  is a pronoun takes up the metric named before ("elles sont en hausse de 37 %");
* what the layout or a word names (:mod:`.subject_lists`): a list line's plural label
  ("Sièges total : 143", ``line_label``; an item, "- Renaissance : 98", carries the line
  before's), the noun a scale describes ("un séisme de magnitude 7,7");
* ordinals take the noun after them or the last noun before ("son premier à l'étranger");
  dates take an event noun they are attached to ("l'investiture de Donald Trump le 20
  janvier"); durations, times, years and identifiers have no subject.

The rules once a noun is found at the figure (a state of a part, a share), those of a phrase
of change and those of the clause a figure completes are in :mod:`._subject_clauses`.
"""

from __future__ import annotations

from dataclasses import replace

from factcheck.context._act_amounts import act_of_amount, clause_money_noun, state_amount
from factcheck.context._bare_estimate import elided_change, elided_estimate
from factcheck.context._bracketed_change import bracketed_change
from factcheck.context._level_nouns import assessed_noun, label_after, level_of_noun, threshold_noun
from factcheck.context._noun_after import elided_before_state
from factcheck.context._subject_clauses import change_subject, clause_subject, found_noun
from factcheck.context._subject_forms import (
    _date_subject,
    _duration_subject,
    _gloss,
    _headed,
    listed_items,
    restated_difference,
)
from factcheck.context.anaphora import (
    demonstrative_figure,
    demonstrative_metric,
    indefinite_subject,
    pronoun_subject,
    restated_figure,
)
from factcheck.context.antecedents import topic_pronoun_noun
from factcheck.context.durations import gapped_age, last_duration
from factcheck.context.gaps import parallel_scope, pronoun_metric
from factcheck.context.lexicon import grammar, subject_data
from factcheck.context.measures import (
    among_them,
    change_amount,
    changed_metric,
    counted_time_noun,
    fronted_subject,
    partitive,
    quantifier_share,
    unit_subject,
)
from factcheck.context.mistags import copula_noun
from factcheck.context.nlp import Figure, Tok
from factcheck.context.nouns import (
    change_object,
    change_phrase,
    noun_after,
    noun_before_de,
    noun_inside,
    ordinal_noun,
    out_of_next,
    shares_next_noun,
)
from factcheck.context.parallels import (
    aside_whole,
    elided_other,
    opens_among_pronoun,
    points_of_share,
    restated_change,
    scope_opener_noun,
)
from factcheck.context.parentheses import opens_parenthesis
from factcheck.context.pending import (
    SubjectResult,
    open_among,
    open_scope,
    resolve_pending,
    term_of_part,
    whole_of_part,
)
from factcheck.context.phrases import lemma_of, subject_at, unwrap_container
from factcheck.context.qualifiers import qualifiers_after, qualify
from factcheck.context.subject_lists import named_metric
from factcheck.deadline import checkpoint
from factcheck.models import Kind

NO_SUBJECT_KINDS = frozenset({Kind.TIME, Kind.YEAR, Kind.IDENTIFIER})
_DURATION_RULES = frozenset({"duration_of", "age", "age_of_person"})
_RESTATED_KINDS = frozenset({Kind.COUNT, Kind.MONEY, Kind.QUANTITY})
_TIME_KINDS = frozenset({Kind.DATE, Kind.TIME, Kind.YEAR})


def subjects(toks: tuple[Tok, ...], figs: list[Figure]) -> list[SubjectResult]:
    """Subject and qualifiers of every figure of one sentence."""
    data = subject_data()
    pending: dict[int, str] = {}
    results: list[SubjectResult | None] = [None] * len(figs)
    for n, fig in enumerate(figs):
        checkpoint()  # the article's budget, outside the main thread (factcheck.deadline)
        kind = fig.mention.kind
        if kind in NO_SUBJECT_KINDS:
            results[n] = SubjectResult(None, None, (), "no_subject_kind")
            continue
        if kind == Kind.DATE:
            results[n] = _date_subject(toks, fig, data)
            continue
        if kind == Kind.DURATION:
            own = _duration_subject(toks, fig, data)
            whole = whole_of_part(toks, figs, results, n)
            if own.subject is None and whole is not None and whole.rule in _DURATION_RULES:
                # "quatre ans de prison, dont deux ans ferme": a part of the whole's penalty,
                # qualified by the words after it ("ferme", "avec sursis").
                own = replace(whole, rule="duration_part", qualifiers=tuple(
                    qualifiers_after(toks, fig.last - 1)) or whole.qualifiers)
            elif own.subject is None and n > 0 and shares_next_noun(toks, figs[n - 1], fig) \
                    and (low := results[n - 1]) is not None and low.rule in _DURATION_RULES:
                own = replace(low, rule="duration_range")  # "de 62 à 64 ans"
            elif own.subject is None and (m := last_duration(figs, n)) is not None \
                    and (low := results[m]) is not None and low.rule == "age" \
                    and gapped_age(toks, figs[m], fig, data):
                own = replace(low, rule="age_gapped")  # "... et la moitié plus de 65 ans"
            results[n] = own
            continue
        if (unit := unit_subject(toks, fig, data)) is not None:
            # "l'incendie a ravagé 16 000 hectares", "à 380 km d'Athènes": the unit names
            # the metric, unless a parenthesis glosses a noun phrase with it.
            gloss = _gloss(toks, figs, results, n, data)
            results[n] = gloss or SubjectResult(
                unit[0], unit[1], qualify(toks, fig, unit[1], unit[1] is not None), "unit")
            continue
        if (c := change_amount(toks, fig, data)) is not None and n > 0 \
                and restated_change(toks, c, data):
            pending[n] = "apposition"  # "2,13 euros, soit une hausse de 6 centimes": the price
            continue
        if (c := change_amount(toks, fig, data)) is not None:
            # "la hausse des impôts de 40 milliards": an amount measures the change.
            results[n] = _headed(toks, fig, c, data, "change_amount")
            continue
        if among_them(toks, fig, data):
            pending[n] = "anaphora"  # "342 d'entre eux": counted before
            continue
        if (k := aside_whole(toks, fig, data)) is not None:
            results[n] = _headed(toks, fig, k, data, "aside_whole")  # "L'incendie, parmi les cinq"
            continue
        k = noun_inside(toks, fig, data) or noun_after(toks, fig, data)
        rule = "noun_after"
        if k is not None and elided_before_state(toks, figs, n, k, data,
                                                 _noun_of(figs, results, n)):
            pending[n] = "ellipsis"  # "12 réacteurs sur 20 réparés": the noun left out
            continue
        if k is None and n > 0 and elided_other(toks, fig, data):
            pending[n] = "ellipsis"  # "faisant six morts et blessant au moins 25 autres"
            continue
        if k is None and (whole := term_of_part(toks, figs, results, n)) is not None:
            results[n] = replace(whole, rule="duration_part")  # "cinq ans de prison dont deux"
            continue
        if k is None and n + 1 < len(figs) and (shares_next_noun(toks, fig, figs[n + 1])
                                                or out_of_next(toks, fig, figs[n + 1])):
            # "de 70 000 à 35 000 habitants", "entre 10 et 15 % des centrales", "25 des 26
            # provinces".
            k = noun_after(toks, figs[n + 1], data)
            rule = "shared_noun"
        if k is None and (c := copula_noun(toks, fig, data)) is not None:
            k, rule = c, "copula_noun"  # "Parmi les détenus, 20 563 sont des prévenus"
        if k is None and (t := counted_time_noun(toks, fig, data)) is not None:
            # "les trois premières semaines de juillet": weeks, not another figure's metric.
            results[n] = SubjectResult(lemma_of(toks[t], data), t, (), "counted_time")
            continue
        if k is None and (act := act_of_amount(toks, fig)) is not None:
            # "2 millions d'euros ont été versés à l'agence": the act, not another's metric.
            results[n] = SubjectResult(act, None, (), "act_of_amount")
            continue
        if k is None and (state := state_amount(toks, fig)) is not None:
            # "la commune est endettée à hauteur de 40 millions": the dette, not the commune.
            results[n] = SubjectResult(state, None, (), "state_amount")
            continue
        if k is None and (c := clause_money_noun(toks, fig)) is not None:
            # "a renoué avec les bénéfices, engrangeant 5,8 milliards": the bénéfice.
            results[n] = _headed(toks, fig, c, data, "clause_money_noun")
            continue
        if k is None and (named := named_metric(toks, fig, data)) is not None:
            # "Sièges total : 143", "Bardella à 33 %", "pourrait coûter 3 millions"; "-
            # Renaissance : 98" carries the line before's (:mod:`.subject_lists`).
            if named[0] is None:
                pending[n] = named[2]
            else:
                results[n] = SubjectResult(named[0], named[1], (), named[2])
            continue
        if k is None and opens_parenthesis(toks, fig) \
                and (m := points_of_share(toks, figs, n, data)) is not None and results[m] is None:
            pending[n] = "apposition"  # "et 72 % soutiennent les grèves (+4 points)"
            continue
        if (k is None or lemma_of(toks[k], data) in data.generic_nouns) \
                and (gloss := _gloss(toks, figs, results, n, data)) is not None:
            results[n] = gloss
            continue
        if k is None and (out := bracketed_change(toks, figs, results, pending, n, data)) \
                is not None:
            _settle(results, pending, n, out)  # "Les loyers ont connu une hausse (+4 %)"
            continue
        if k is not None and rule == "noun_after" and fig.mention.kind == Kind.PERCENT \
                and lemma_of(toks[k], data) in data.containers:
            k = unwrap_container(toks, k, data)  # "3 % de l'ensemble des enseignants"
        if kind != Kind.ORDINAL and (t := topic_pronoun_noun(toks, fig, data)) is not None:
            # "Côté chômage, il s'établit à 7,3 % de la population active": the pronoun
            # takes up the fronted topic, whatever noun follows the figure.
            results[n] = SubjectResult(subject_at(toks, t, data), t, (), "topic_pronoun")
            continue
        if k is not None:
            # "40 blessés, dont 12 graves", "soit 5,2 % des passages", "46 drones"
            _settle(results, pending, n, found_noun(toks, figs, results, n, k, rule, data))
            continue
        if kind != Kind.ORDINAL and indefinite_subject(toks, fig):
            # "On est à 3,2 pour la seule finale": the last metric read.
            results[n] = SubjectResult(None, None, (), "last_metric_open")
            continue
        if kind != Kind.ORDINAL and (
                pronoun_subject(toks, fig) or (
                demonstrative_figure(toks, fig) and noun_before_de(toks, fig.first, data) is None)):
            # "elle atteint 153,6 %", "Ces 60 milliards" (not "le transfert de ces 60
            # milliards"): a metric named earlier.
            pending[n] = "anaphora"
            continue
        if kind in _RESTATED_KINDS and restated_figure(toks, fig):
            # "Les 26,3 Mt annoncées par X": the figure of that value read before, if any.
            results[n] = SubjectResult(None, None, (), "restated_open")
            continue
        if kind == Kind.ORDINAL and (k := ordinal_noun(toks, fig, data)) is not None:
            results[n] = SubjectResult(lemma_of(toks[k], data), k, (), "ordinal_noun_after")
            continue
        if kind == Kind.ORDINAL:
            k = next((j for j in range(fig.first - 1, -1, -1)
                      if toks[j].pos == "NOUN" and not toks[j].is_title), None)
            subj = lemma_of(toks[k], data) if k is not None else None
            results[n] = SubjectResult(subj, k, (), "ordinal_noun_before")
            continue
        if (k := label_after(toks, fig, data)) is not None:
            # "159 millions d'euros : Perte liée au ...": the line's label.
            results[n] = SubjectResult(lemma_of(toks[k], data), k, (), "label_after")
            continue
        if (k := assessed_noun(toks, fig, data)) is not None:
            # "pour un coût estimé à 10 millions": the noun the participle describes.
            results[n] = _headed(toks, fig, k, data, "assessed_noun")
            continue
        if (k := threshold_noun(toks, fig, data)) is not None:
            results[n] = _headed(toks, fig, k, data, "threshold")
            continue
        if fig.first >= 2 and toks[fig.first - 1].lower in grammar().de \
                and demonstrative_metric(toks, fig.first - 2):
            pending[n] = "anaphora"  # "Ce niveau de 26,3 Mt": the figure read before
            continue
        if (m := parallel_scope(toks, figs, n, data)) is not None:
            # "de 9,8 % sur les tarifs heures creuses et sur les tarifs de base de 8,6 %":
            # the verb and the metric of the figure before, a new scope.
            if (same := results[m]) is not None and same.subject is not None:
                results[n] = replace(same, rule="parallel_scope", antecedent=m)
            else:
                pending[n] = "ellipsis"
            continue
        if (pm := pronoun_metric(toks, figs, [r.noun if r else None for r in results],
                                 n, data)) is not None:
            # "celui des vaccins reculant de 6 %": the metric before; "ceux de l'énergie"
            # after "les prix de l'alimentation": the container's new complement.
            same = results[pm[1]] if pm[0] == "same" else None
            results[n] = replace(same, rule="pronoun_metric", antecedent=pm[1]) if same \
                else SubjectResult(lemma_of(toks[pm[1]], data), pm[1], (), "pronoun_metric")
            continue
        k = noun_before_de(toks, fig.first, data)
        if k is not None and (head := change_phrase(toks, k, data)
                              or change_object(toks, k, fig, data)) is not None:
            # "un budget de 412 millions, en hausse de 4,2 %", "Le trafic est en baisse de 3 %"
            out = change_subject(toks, figs, results, pending, n, head, data)
            _settle(results, pending, n, out)
            continue
        if demonstrative_metric(toks, k):
            pending[n] = "anaphora"  # "Ce niveau de 26,3 Mt": the figure read before
            continue
        if elided_estimate(toks, fig, k, data) or elided_change(toks, figs, n, data):
            # "et maintenu sa prévision de 1,2 % en 2025", "contre une prévision de 1,3 %":
            # a noun of estimate with no complement estimates the metric of the figure before.
            pending[n] = "ellipsis"
            continue
        if k is not None:
            results[n] = _headed(toks, fig, k, data, "noun_before")
            continue
        prev = toks[fig.first - 1].lower if fig.first > 0 else ""
        if prev in data.appositions or restated_difference(toks, figs, n, data):
            # "4 277 personnes, dont 3 492 à Paris, soit 82 %": a share of a count restated;
            # "soit 169,6 milliards", "soit 40 % de plus": the same metric.
            share = kind == Kind.PERCENT and (
                fig.last >= len(toks) or toks[fig.last].lower not in grammar().de_links)
            pending[n] = "restated_share" if share else "apposition"
            continue
        if (k := fronted_subject(toks, fig, data)) is not None:
            # "Estimée à 29,6 Mt, la production de blé recule": the main clause's subject.
            results[n] = _headed(toks, fig, k, data, "fronted_clause")
            continue
        if partitive(toks, fig, data):
            pending[n] = "anaphora"  # "les secours en ont comptabilisé 85": counted before
            continue
        if (k := changed_metric(toks, fig, data)) is not None:
            # "une baisse de sa marge à 10 %": the level the marge reached.
            results[n] = _headed(toks, fig, k, data, "changed_metric")
            continue
        if (k := level_of_noun(toks, fig, data)) is not None:
            # "un premier tarif à 13 centimes", "le taux de chômage à 7,3 %".
            results[n] = _headed(toks, fig, k, data, "level_of_noun")
            continue
        _settle(results, pending, n, clause_subject(toks, figs, results, n, data))
    if opens_among_pronoun(toks, data):  # "Parmi elles, 58 % ..., 27 % en famille"
        open_among(results, pending)
    resolve_pending(toks, figs, results, pending, data)
    if (k := scope_opener_noun(toks, data)) is not None:
        open_scope(toks, figs, results, k, data)  # "Parmi les blessés, 12 sont [...]"
    listed_items(toks, figs, results)  # "à Rennes (7 200 personnes) et Tours (4 100)"
    for n, r in enumerate(results):
        if r is not None and r.subject not in (None, data.share_subject) \
                and (whole := quantifier_share(toks, figs[n], r.noun, data)) is not None:
            # "la majorité des arrivées, environ 60 %": a share of the arrivals.
            quals = tuple(dict.fromkeys((*whole, *r.qualifiers)))
            results[n] = SubjectResult(data.share_subject, None, quals, "quantifier_share")
    return [r if r is not None else SubjectResult(None, None, (), "none") for r in results]



def _settle(results: list[SubjectResult | None], pending: dict[int, str], n: int,
            out: SubjectResult | str) -> None:
    """Record what a rule of :mod:`._subject_clauses` read of figure ``n``: its subject, or
    the pending rule that resolves it from another figure."""
    if isinstance(out, str):
        pending[n] = out
    else:
        results[n] = out


def _noun_of(figs: list[Figure], results: list[SubjectResult | None], n: int) -> int | None:
    """The token of the noun the figure before ``n`` counts, when read and in its sentence;
    dates and times between them skipped ("de 390 (au 7 février) contre 258")."""
    m = n - 1
    while m >= 0 and figs[m].mention.kind in _TIME_KINDS:
        m -= 1
    before = results[m] if m >= 0 else None
    return before.noun if before is not None and before.subject is not None else None
