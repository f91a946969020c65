"""The context of the figures of one sentence (:func:`_sentence_contexts`): each source,
subject, modality, actor, place and period read in the sentence, completed from what the
report said before (``_report.ArticleState``); the state is then updated for the sentences
that follow (``_sentence_state.record_sentence``). Private to ``factcheck.context`` (used by
``annotate_many``)."""

from __future__ import annotations

from dataclasses import replace

from factcheck.context._act_amounts import act_doer
from factcheck.context._background import recall_aside, set_earlier, thread_changed
from factcheck.context._figure_traits import (
    SITUATED_KINDS,
    is_situated,
    rate_basis,
    year_of,
)
from factcheck.context._narration import intertitle
from factcheck.context._place_scope import placed_times, widened_scope
from factcheck.context._report import ArticleState
from factcheck.context._sentence_stages import figure_place, figure_source
from factcheck.context._sentence_state import record_sentence
from factcheck.context._them import them_antecedent
from factcheck.context._vote_scores import contender_of, vote_share
from factcheck.context.anaphora import definite_antecedent
from factcheck.context.antecedents import asked_noun, taken_up, tally_noun
from factcheck.context.lexicon import subject_data
from factcheck.context.marks import marked_metrics
from factcheck.context.modality import modality
from factcheck.context.nlp import Figure, Tok, token_span
from factcheck.context.phrases import opens_with_label, topic_marker
from factcheck.context.report_dates import (
    paragraph_report,
    past_frame,
    past_report,
    report_dated,
    sentence_dates,
)
from factcheck.context.resolution import resolve_source
from factcheck.context.source import UNSOURCED, in_brackets, sources
from factcheck.context.subject import subjects
from factcheck.context.subject_lists import (
    is_row,
    line_label,
    list_item,
    name_label,
    names_nothing,
    opens_rank,
    other_kind,
    restated,
    same_order,
)
from factcheck.context.subject_tables import column_subject
from factcheck.context.where import actor_of, category_of
from factcheck.deadline import checkpoint
from factcheck.models import Article, Claim, Context, Kind

#: Subjects taken from a figure of an earlier sentence, which a pronoun naming its group in
#: the sentence right before, without figures, overrides ("Parmi elles, 40 %").
_TAKEN_UP = frozenset({"anaphora_previous", "ellipsis_previous_sentence"})


def _sentence_contexts(
    article: Article, claims: list[Claim], toks: tuple[Tok, ...], state: ArticleState
) -> list[Context]:
    start = claims[0].sentence_start
    figs = []
    for c in claims:
        first, last = token_span(toks, c.mention.start - start, c.mention.end - start)
        figs.append(Figure(c.mention, first, max(last, first)))
    # "repasse la barre des 37 000", "évoque le chiffre de 900 000": the metric reaching
    # the mark, not the mark (:mod:`.marks`).
    subs = marked_metrics(toks, figs, subjects(toks, figs), subject_data())
    # A rank opening a line ("5. Japon : 68") counts nothing, neither the line before's
    # metric nor its table's; the line's label is read after it.
    ranks = {n for n, f in enumerate(figs)
             if opens_rank(article.text, f.mention.start, f.mention.end)}
    first = next((f for n, f in enumerate(figs) if n not in ranks), None)
    label = line_label(toks, first) if first is not None else None
    item = label is not None and name_label(toks, label)
    if item:
        # "Comité olympique russe : 41 en or (148 au total)": the label names the item of the
        # list, never what any figure of its line counts.
        subs = [replace(s, subject=None, noun=None, qualifiers=(), rule="line_item_open")
                if s.noun is not None and label[0] <= s.noun < label[1] else s for s in subs]
    srcs = sources(article.text, start, toks, figs, state.quote_sources, state.speakers)
    times = state.times
    adjacent = state.last_end >= 0 and not article.text[state.last_end : start].strip()
    if state.last_end >= 0 and "\n" in article.text[state.last_end : start]:
        state.paragraph_metrics = len(state.metrics)  # a paragraph's metrics start here
    carried = state.last_subject if adjacent else None
    if carried is not None and toks and topic_marker(toks, 0, subject_data()) \
            and "\n" in article.text[state.last_end : start]:
        carried = None  # "Côté prix, ..." opening a paragraph turns to another matter
    is_line = bool(figs) and (
        opens_with_label(toks, figs[0].first) or line_label(toks, figs[0]) is not None)
    sentence = claims[0].sentence
    on_own_line = is_row(article.text, start, sentence)
    # A row of bare figures ("5 273"), or a line of a tally labelled by an item ("Japon : 68
    # en or (125)", "Paris : 500 000 (CGT)"): under a table's title, counts what it names.
    row = on_own_line and (names_nothing(toks, figs) or label is not None)
    from_heading = False
    if carried is None and state.metrics and is_line and (not adjacent or state.last_line) \
            and not (row and state.heading and state.heading_opens_list):
        # A line of a tally ("Nantes : 28 000 selon la police", "- Renaissance : 98") after a
        # heading (a line without figures) or after lines that carried it counts what the
        # report counted last; under a list's opener naming a metric ("Voici le nombre de
        # décès en mer par pays :"), what that names (a section's title without a colon,
        # "L'écorénovation des logements", is a topic, not the items' metric).
        carried, from_heading = state.metrics[-1][1], True
    published = article.published.isoformat() if article.published else None
    out: list[Context] = []
    # A sentence that names its own source for a figure does not take an earlier one for the
    # others ("selon une étude du CSIS, ... dans les deux camps").
    # Counts each with the body that counts them ("700 000 selon la CGT et 81 000 pour la
    # préfecture") leave the report's source to the sentence's other figures.
    # A figure in brackets is an aside ("8 000 à Toulouse (contre 50 000 d'après les
    # syndicats)"): its source is its own, the sentence's other figures keep the report's.
    own_source = any((src.source or src.rule in UNSOURCED) and src.rule != "counted_by"
                     and not in_brackets(toks, f.first) for src, f in zip(srcs, figs, strict=True))
    own_place = False
    time_places: dict[int, str] = {}  # a date's, a year's, a rank's place read near it
    # "Au niveau national, 3 000 postes": a scope widened to the country takes no carried place.
    widened = widened_scope(sentence)
    named_here: set[int] = set()  # figures given their pronoun's antecedent
    # "Les manifestants étaient nombreux [...]. Lyon : 4 000": a tally by names counts the
    # noun of the sentence before, without figures (:mod:`.antecedents`).
    tally = tally_noun(state.before) if state.before is not None and label is not None \
        and name_label(toks, label) else None
    # "Combien de logements ont été construits ? 287 000": the bare figures answering a
    # question on a count count what it asks for (:func:`.antecedents.asked_noun`).
    asked = asked_noun(state.before) if state.before is not None else None
    # Where a pronoun opening the sentence finds its antecedent: the sentence before when it
    # has no figure, or has figures none of which names a metric ("[...] à partir du 1er
    # février 2024. Elle sera de 8,6 %").
    before = state.before if state.before is not None else \
        state.last_toks if adjacent and state.last_subject is None else None
    # A sentence set in an earlier time ("En 2014, le maire avait totalisé 21 786 voix") is
    # the journalist's background, and forces deployed are not stated by a source named for
    # another count (``_background``).
    # A year before the article's (its publication's, else the latest it writes).
    written = times.written_after
    earlier_year = written is not None and any(
        (year := year_of(f.mention)) is not None and year < written.year for f in figs)
    # A recall for the reader ("Pour rappel, ...", a paragraph so opened) is the journalist's
    # explainer too.
    # A paragraph turning to another thread ("Par ailleurs, ...") ends the report's reach.
    background = set_earlier(toks, earlier_year) or recall_aside(article.text, start) \
        or thread_changed(article.text, state.report_at, start)
    # An intertitle ("408 interpellations à Paris et proche banlieue") heads a section: its
    # figures are the outlet's (``_narration``).
    in_heading = intertitle(article.text, start, sentence)
    for n_fig, (fig, sub, src) in enumerate(zip(figs, subs, srcs, strict=True)):
        checkpoint()
        m = fig.mention
        source, source_mode = figure_source(
            article, start, toks, fig, sub, src, state, item=item, own_source=own_source,
            background=background, in_heading=in_heading, earlier_year=earlier_year)
        ant = None
        if sub.antecedent is not None and sub.antecedent < len(out):
            ant = out[sub.antecedent]
        # An item of a list ("- Ensemble : 30 %") continues the list's lines or its heading,
        # never a sentence of prose before it ("La participation atteint 68 %.").
        item_carries = from_heading or state.last_line
        forward = sub.rule == "ellipsis" and sub.antecedent is not None \
            and sub.antecedent > n_fig  # the noun of a later figure of its line
        if (sub.rule == "ellipsis_open" or forward) and n_fig == 0 and m.kind == Kind.COUNT \
                and state.heading and state.heading_opens_list \
                and list_item(article.text, start, toks):
            # "Pour les autres accusés :" then "- 4 ont été condamnés à 9 ans de prison.": the
            # bare count opening an item counts what the list's opener names.
            sub = replace(sub, subject=state.heading, qualifiers=(), rule="list_opener")
        if carried is not None and m.kind in SITUATED_KINDS and n_fig not in ranks \
                and not tally and (
                sub.rule == "ellipsis_open" or (sub.rule == "line_item_open" and item_carries)):
            if adjacent and n_fig == 0:
                carried = same_order(m, state.last_figures) or other_kind(
                    m, state.last_figures, state.metrics, carried)
            elided = carried
            if elided is not None and m.kind == Kind.COUNT \
                    and elided.subject in subject_data().change_nouns:
                # "[...] contre 2 058 la semaine précédente. Cela représente une hausse de
                # 44 %. Près de 973 ont été hospitalisés": a count counts no rise, but what
                # was counted before it.
                elided = next((c for _, c in reversed(state.metrics)
                               if c.subject not in subject_data().change_nouns), None)
            if elided is not None:
                sub = replace(
                    sub,
                    subject=elided.subject,
                    qualifiers=tuple(dict.fromkeys([*elided.qualifiers, *sub.qualifiers])),
                    rule="ellipsis_previous_sentence",
                )
                ant = elided
        elif sub.rule == "anaphora_open" and m.kind in SITUATED_KINDS and (
                named := taken_up(sub, toks, fig, out, named_here, before)) is not None:
            # "Le budget de la région [...]. Il s'élève à 1,7 milliard": the pronoun's
            # antecedent, named in the sentence before (:mod:`.antecedents`).
            named_here.add(n_fig)
            sub = replace(sub, subject=named[0], qualifiers=named[1], noun=None,
                          rule="pronoun_antecedent")
            ant = None
        elif sub.rule == "restated_open" and (same := restated(m.value, state.metrics)):
            # "Les 26,3 Mt annoncées par X": the figure of that value read before.
            sub = replace(sub, subject=same.subject, qualifiers=same.qualifiers,
                          rule="restated_previous")
            ant = same
        elif sub.rule in ("anaphora_open", "last_metric_open") and state.metrics \
                and m.kind in SITUATED_KINDS:
            # "Ces 60 milliards": the last figure of that value; "Ce chiffre était de 2 027",
            # "Elle atteint 200 %", "Parmi elles, 2 %": the last figure read.
            # (not a noun of change: "après la hausse de 49 % en 2022. [...] elles sont en
            # hausse de 37 %" takes up the défaillances counted before the rise)
            changes = subject_data().change_nouns
            last = next((c for _, c in reversed(state.metrics) if c.subject not in changes),
                        state.metrics[-1][1])
            ant = next((c for v, c in reversed(state.metrics)
                        if v is not None and v == m.value and sub.rule == "anaphora_open"), last)
            if sub.antecedent is not None and sub.antecedent < len(out):
                ant = out[sub.antecedent]  # "Ce niveau de 26,3 Mt [...] : 25,17 Mt pour X"
            sub = replace(sub, subject=ant.subject, qualifiers=ant.qualifiers,
                          rule="anaphora_previous")
        elif sub.rule in ("definite_metric_open", "definite_change_open"):
            # "Le taux de chômage atteint 7,5 %. Un an plus tôt, le chiffre était de 7,1 %":
            # the metric of the previous sentence; across a paragraph ("Côté prix, le chiffre
            # a atteint 2,9 %" may turn to another matter), only of the value it restates.
            last = state.last_figures if "\n" not in article.text[state.last_end : start] \
                else [f for f in state.last_figures if m.value is not None and f[0] == m.value]
            same = definite_antecedent(last, m.kind, sub.rule == "definite_change_open") \
                if m.kind in SITUATED_KINDS else None
            if same is not None:
                sub = replace(sub, subject=same.subject, qualifiers=same.qualifiers,
                              rule="definite_metric_previous")
                ant = same
            else:
                sub = replace(sub, rule="clause_subject")
        if state.before is not None and m.kind in SITUATED_KINDS and (
                sub.subject is None or sub.rule in _TAKEN_UP) \
                and (them := them_antecedent(toks, fig, state.before)) is not None:
            # "Les étudiants ont répondu. Seuls 12 % d'entre eux": the group the pronoun
            # stands for, named in the sentence before without figures (:mod:`._them`).
            sub = replace(sub, subject=them[0], qualifiers=(), noun=None, rule="them_antecedent")
            ant = None
        # "L'alliance obtient 28 %" after "33 % des voix": a share of the votes read before.
        sub = vote_share(sub, m.kind, state.metrics[state.paragraph_metrics:], out, toks,
                         subject_data())
        if tally and sub.subject is None and m.kind in SITUATED_KINDS and n_fig not in ranks:
            sub = replace(sub, subject=tally, rule="tally_named_before")
        if asked and sub.subject is None and m.kind in SITUATED_KINDS and n_fig not in ranks:
            sub = replace(sub, subject=asked, rule="question_named_before")
        if sub.subject is None and row and state.heading and m.kind in SITUATED_KINDS \
                and n_fig not in ranks:
            # A row of a table under its title ("Arrivées par la mer en Italie" ... "5 273").
            sub = replace(sub, subject=state.heading, rule="table_heading")
        if state.cells and m.kind in SITUATED_KINDS:
            sub = column_subject(sub, m, toks, start, state.cells)
        # A clause without a verb continues the previous figure's: "..., soit une hausse de
        # 3,3 milliards" after "atteindra 50,5 milliards".
        prev = next((c for c in reversed(out) if c.subject is not None), None)
        base = ant or prev
        inherited = None
        situated = is_situated(m) or sub.rule == "duration_part"  # "dont deux ans ferme"
        if (
            situated
            and base is not None
            and base.modality not in ("denied", "reported", "asserted")
        ):
            inherited = (base.modality, (base.modality_rule or "").removesuffix(" (inherited)"))
        mod, mod_rule = modality(toks, fig, src.source, inherited)
        actor = actor_of(sentence, toks, fig, sub.noun, sub.qualifiers) if situated else None
        place, place_mode, place_basis, own_place = figure_place(
            article, start, sentence, toks, fig, figs, src, sub, ant, out, state,
            situated=situated, widened=widened, own_place=own_place, n_fig=n_fig,
            time_places=time_places)
        if actor is None and ant is not None:
            actor = ant.actor
        t_start, t_end = times.period(
            sentence, m.start - start, m.end - start, m, future=mod == "projected",
            subject=sub.subject,
        )
        if mod in ("asserted", "reported") and published and t_end and t_end > published:
            # A figure about a period still to come is a projection ("D'ici à 2030, la France
            # veut produire 2 millions de véhicules").
            mod, mod_rule = "projected", "future_period"
        elif mod == "projected" and published and t_end and t_end < published:
            # A figure about a period already over is not a projection ("contre 6,1 % l'an
            # dernier" after "prévoit").
            mod, mod_rule = ("reported", "source") if src.source else ("asserted", "past_period")
        out.append(
            Context(
                subject=sub.subject,
                qualifiers=sub.qualifiers,
                category=category_of(sub.subject, sub.qualifiers, m.kind),
                actor=actor,
                place=place,
                place_mode=place_mode,
                place_basis=place_basis,
                doer=_doer(sentence, toks, fig, state, article.text)
                if sub.rule == "act_of_amount"
                else _contender(sentence, toks, fig, sub.subject, m.kind, state, article.text),
                time_start=t_start,
                time_end=t_end,
                source=source,
                source_mode=source_mode,
                modality=mod,
                modality_rule=mod_rule,
                basis=rate_basis(sentence, start, figs, n_fig),
            )
        )
    marks = [f.mention for f in figs]
    out = placed_times(sentence, [(m.start - start, m.end - start) for m in marks], out,
                       [is_situated(m) or m.kind == Kind.IDENTIFIER for m in marks],
                       time_places)
    # "Au 1er septembre, ...": a stock's day dates the next sentences' figures (report_dates).
    says_when, as_of = sentence_dates(times, sentence)
    if not says_when:
        out = report_dated(out, [is_situated(f.mention) for f in figs],
                           paragraph_report(state.report_day, state.report_day_at,
                                            times.published, article.text, start, sentence)
                           or past_report(state.past_frame, state.report_day_at,
                                          article.text, start, sentence), published)
    else:  # "En 2022, le groupe s'était retiré de Russie.": a past frame (past_report).
        state.report_day, state.report_day_at = as_of, start
        state.past_frame = None if as_of else past_frame(times, sentence)
    record_sentence(article.text, start, sentence, toks, figs, srcs, out, state,
                    is_line=is_line, on_own_line=on_own_line)
    return out


def _contender(sentence: str, toks: tuple[Tok, ...], fig: Figure, subject: str | None,
               kind: Kind, state: ArticleState, text: str) -> str | None:
    """Whose score a share of votes is, resolved as a source is, lower case, else None
    (:func:`factcheck.context._vote_scores.contender_of`)."""
    who = contender_of(sentence, toks, fig, subject, kind, subject_data())
    if who is None:
        return None
    resolved = resolve_source(who, [name for _, name in state.speakers], text)
    return (resolved or who).lower()


def _doer(sentence: str, toks: tuple[Tok, ...], fig: Figure, state: ArticleState,
          text: str) -> str | None:
    """Who did the act an amount is named by, resolved as a source is (a role is the person
    the article names in it, a bare head or a description the body named before), lower case;
    "?" when unknown (:func:`factcheck.context._act_amounts.act_doer`)."""
    doer = act_doer(sentence, toks, fig)
    if doer is None or doer == "?":
        return doer
    resolved = resolve_source(doer, [name for _, name in state.speakers], text)
    return (resolved or doer).lower()
