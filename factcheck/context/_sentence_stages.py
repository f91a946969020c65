"""Two stages of reading one figure of a sentence (:func:`._sentence._sentence_contexts`): its
source (:func:`figure_source`: the one the sentence names, else the report's when it covers the
figure) and its place (:func:`figure_place`: read in the sentence, else carried from the figure
it takes up, the sentence's earlier figures or the report). Private to ``factcheck.context``."""

from __future__ import annotations

from factcheck.context._background import deployed, measures_nature, recalled
from factcheck.context._figure_traits import given_before
from factcheck.context._narration import callers, described, indefinite
from factcheck.context._place_scope import (
    clause_scope,
    country_of,
    remainder_part,
    stops_carry,
)
from factcheck.context._quotes import in_quote
from factcheck.context._report import ArticleState
from factcheck.context._sections import continues_report, lead_end, section_break
from factcheck.context.capital import capital_place
from factcheck.context.described import persons_last_names
from factcheck.context.known_places import known_places
from factcheck.context.nlp import Figure, Tok
from factcheck.context.resolution import resolve_source
from factcheck.context.source import UNSOURCED, SourceResult
from factcheck.context.subject import SubjectResult
from factcheck.context.subject_tables import cell_at
from factcheck.context.where import place_of
from factcheck.models import MEASURE_KINDS, Article, Context, Kind


def figure_source(
    article: Article, start: int, toks: tuple[Tok, ...], fig: Figure,
    sub: SubjectResult, src: SourceResult,
    state: ArticleState, *, item: bool, own_source: bool, background: bool, in_heading: bool,
    earlier_year: bool,
) -> tuple[str | None, str | None]:
    """The source of one figure and how it was found ("explicit", "unsourced", "inherited"
    or None)."""
    m = fig.mention
    # "Dijon : 4 500 selon la CGT (2 100 selon la préfecture)": a bare head on a line
    # of a tally labelled by a name is that item's body, not one named for another.
    source = resolve_source(src.source, [name for _, name in state.speakers], article.text,
                            local=item)
    # A speaker's place held by words that name no one ("la hausse des infections
    # explique 450 passages"): no source, and known to have none (``unsourced``).
    source_mode = "explicit" if source else "unsourced" if src.rule in UNSOURCED else None
    # Past a section heading, the source named for the part above gives way to the
    # story's, named in the lead (``_sections``).
    report = state.report
    if source is None and report and m.kind in MEASURE_KINDS and not own_source \
            and section_break(article.text, state.report_at, start, state.report_counts) \
            and not continues_report(toks, m.kind, sub.subject, m.unit,
                                     state.report_metrics, state.report_units):
        report = state.story_source(lead_end(article.text))
    if source is None and report and m.kind in MEASURE_KINDS and not own_source \
            and state.covers(m.kind, article.text[state.report_at : start]) \
            and state.covers_sentence(toks) and not background and not in_heading \
            and (report != state.report or not state.report_speech or state.covers_speech(
                article.text[state.report_at : start],
                continues_report(toks, m.kind, sub.subject, m.unit, state.report_metrics,
                                 state.report_units))) \
            and not recalled(toks, fig.first, earlier_year) \
            and not described(toks, fig, sub.subject, sub.rule,
                              restates=given_before(m, sub.subject, state),
                              quoted=indefinite(fig) and in_quote(article.text, m.start)
                              is not None) \
            and (state.report_forces or not state.report_counts
                 or not deployed(sub.subject, toks, fig.first)) \
            and (state.report_weather or Kind.COUNT not in state.report_kinds
                 or not measures_nature(m, sub.subject, toks, fig.first, fig.last)):
        # The source named in the lead ("selon le ministère de la Justice") or in an
        # earlier sentence covers the figures of the report that follows, until another is
        # named: its quantities and durations ("après dix mois de hausse"); dates and
        # ranks tell the story.
        source, source_mode = report, "inherited"
    if source_mode == "explicit" and sub.rule == "age_of_person" \
            and speakers_age(article.text, m.start, source):
        # "« C'est une fierté », confie Paul Martin, 52 ans": the speaker's age, which the
        # journalist gives, is not what they say.
        source, source_mode = None, None
    if source is not None and callers(toks, fig.first):
        # "M personnes ont défilé, à l'appel de cinq syndicats, selon la préfecture": the
        # groups calling are the outlet's description, not the counter's figure.
        source, source_mode = None, None
    return source, source_mode


def speakers_age(text: str, start: int, source: str | None) -> bool:
    """Whether the figure at ``start`` of ``text`` stands in apposition right after the name
    of its source ("confie Paul Martin, 52 ans,"): the speaker's own age."""
    name = " ".join((source or "").split())
    before = text[max(0, start - 80) : start].rstrip()
    if not name or not before.endswith(","):
        return False
    # The speaker's whole name, from a word's start: "Une étudiante de Rennes, 21 ans, ...,
    # selon le parquet de Rennes" is not the prosecutor's age.
    head = " ".join(before[:-1].split())
    return head.endswith(name) and (len(head) == len(name)
                                    or not head[-len(name) - 1].isalnum())


def figure_place(
    article: Article, start: int, sentence: str, toks: tuple[Tok, ...], fig: Figure,
    figs: list[Figure], src: SourceResult, sub: SubjectResult, ant: Context | None,
    out: list[Context], state: ArticleState, *, situated: bool, widened: str | None,
    own_place: bool, n_fig: int, time_places: dict[int, str],
) -> tuple[str | None, str | None, str | None, bool]:
    """The place of one figure, its mode and basis, and whether the sentence has read a place
    of its own so far; a place read near a figure that is not situated (a date's, a rank's)
    goes to ``time_places``."""
    m = fig.mention
    names = tuple(name for _, name in state.speakers)
    # The persons the article names in full ("Donald Trump"): "l'attaque de Trump" is no town.
    people = persons_last_names(article.text)
    # A court's seat is also where its case is ("tribunal judiciaire de Paris").
    named_by = None if src.rule == "court" else src.source
    place, listed = place_of(sentence, toks, fig, figs, named_by, names, people=people) \
        if situated else (None, True)
    if not situated and (near := place_of(sentence, toks, fig, figs, named_by, names,
                                          glossed=True, people=people)[0]):
        time_places[n_fig] = near
    # A town the places data does not list ("à Barsalogho") is a weaker reading, like a
    # carried place: cross-referencing neither ties nor separates figures by it.
    barred, place = place == "", place or None  # no place, not even one carried
    # "Dans le reste du pays, 47 000", "hors de Paris, 40 000": the country without the
    # story's town is not that town (nor the town the phrase names), at most its country;
    # "sur l'ensemble du pays, 281 000" in the figure's clause: not the town of an earlier
    # figure of the sentence, but its country.
    scope = clause_scope(sentence, m.start - start, m.end - start) if situated else None
    clause = scope[0] if scope else None
    if scope is not None and clause == "rest" and place is not None and any(
            p == place for _, p in known_places(sentence[scope[1] : scope[2]])):
        place = None  # "hors de Paris" is not in Paris
    place_mode = None if not place else "explicit" if listed else "inherited"
    place_basis = "sentence" if place else None
    if place is None and sub.rule == "pronoun_antecedent" \
            and (owned := known_places(" ; ".join(sub.qualifiers))):
        # "Le budget de la région Bretagne [...]. Il s'élève à": the antecedent's place.
        place, place_mode, place_basis = owned[0][1], "explicit", "sentence"
    if place is None and state.cells and situated \
            and (cell := cell_at([c for c, _ in state.cells], m.start)) is not None \
            and (cell_places := known_places(cell.label)) and len(cell_places) == 1:
        # "| Lyon | 42 % | 55 % |": the row's label, a known place, is the figure's, as a
        # weaker reading that cross-referencing neither ties nor separates by: a table's
        # period is seldom read (two tables of two years under one header), so a place
        # tie would set this year's row against last year's.
        place, place_mode, place_basis = cell_places[0][1], "inherited", "sentence"
    if place is None and situated and not barred and (cap := capital_place(
            article.text, start, sentence, m.start - start, m.end - start,
            [f.mention.start - start for f in figs], article.language)):
        place, place_mode, place_basis = cap, "inherited", "sentence"  # "dans la capitale"
    # "160 à Roubaix, le reste, soit 80": what the parts leave is at none of their places,
    # neither one read before it nor one carried; only a place named after it is its own.
    # Parts split otherwise ("310 au premier semestre et 160 au second, le reste, soit 80")
    # name no place: the remainder is where they are.
    before = [f.mention.end - start for f in figs if f.mention.end <= m.start]
    rest = situated and remainder_part(sentence[max(before, default=0) : m.start - start])
    if rest and before:
        parts = sentence[min(before) : m.start - start]
        rest = bool(known_places(parts)) or any(
            (p := place_of(sentence, toks, f, figs, named_by, names, people=people)[0])
            and p in parts for f in figs if f.mention.end <= m.start)
    if rest and place is not None and all(
            p != place for _, p in known_places(sentence[m.end - start :])):
        place, place_mode, place_basis = None, None, None
    own_place = own_place or place is not None  # read in this sentence, not carried
    in_sentence = ant is not None and any(ant is c for c in out)
    if place is None and ant is not None and ant.place_mode == "explicit" \
            and not (rest and in_sentence) \
            and (not stops_carry(clause, ant.place) if in_sentence
                 else not (stops_carry(widened, ant.place) or ant.place in state.compared
                           or ant.place in state.parts_places)):
        # A part or an ellipsis is where its whole is ("173 cas (39 confirmés, ...)"), a
        # weaker reading that cross-referencing does not tie by.
        place, place_mode = ant.place, "inherited"
        place_basis = "sentence" if in_sentence else "report"
    sentence_place = next((c.place for c in reversed(out) if c.place_mode == "explicit"),
                          None)
    if place is None and situated and sentence_place and not rest \
            and not stops_carry(clause, sentence_place):
        # The place of an earlier figure of the sentence covers the next ones ("79 631
        # détenus en France contre 78 969 le mois précédent"), as a weaker reading.
        place, place_mode, place_basis = sentence_place, "inherited", "sentence"
    elif place is None and situated and state.places and not own_place \
            and not stops_carry(widened, state.places[-1]):
        # The place the report is about, named earlier, covers the figures that follow
        # (a weaker reading: cross-referencing never ties or separates figures by it).
        place, place_mode, place_basis = state.places[-1], "inherited", "report"
    if place is None and situated and not barred \
            and ({"country", "rest"} & {clause, widened}) \
            and (country := country_of(sentence_place or (ant.place if ant else None) or (
                state.places[-1] if state.places else None))) is not None:
        # "A Paris, 300 000 [...] sur l'ensemble du pays à 281 000": the capital's country.
        place, place_mode, place_basis = country, "inherited", "sentence"
    if barred:
        place, place_mode, place_basis = None, None, None
    return place, place_mode, place_basis, own_place
