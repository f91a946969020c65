"""Claim views built from a claims table (:func:`prepare_claims`): each comparable figure
read once, with its interval, family, scope cues, period and story, in pieces of whole
articles. The record itself, and what reads two views, are in :mod:`factcheck.crossref.matching`."""

from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np
import pandas as pd

from factcheck.context.acronyms import source_key_form
from factcheck.crossref._frame_rows import frame_article_texts, rows_of, sentence_offsets
from factcheck.crossref.causes import figure_cause
from factcheck.crossref.cells import cell_text
from factcheck.crossref.compared_terms import to_date_terms, with_terms
from factcheck.crossref.comparisons import date_terms
from factcheck.crossref.cue_words import Lexicon, lemma, load_lexicon
from factcheck.crossref.gatherings import gathering_family
from factcheck.crossref.glosses import gloss_words, tally_families
from factcheck.crossref.matching import (
    CHANGE,
    DENIED_MODALITIES,
    PROJECTED_MODALITIES,
    ClaimView,
    dimension_and_scale,
    interval,
)
from factcheck.crossref.metric_families import (
    complement_family,
    elided_staff_strikes,
    family_glossed,
    family_named_in_sentence,
    family_of,
    listed_family,
    staff_strike_row,
    strike_population,
)
from factcheck.crossref.narrowings import figure_narrowing
from factcheck.crossref.place_names import mark_parts_places
from factcheck.crossref.scale_names import scale_family
from factcheck.crossref.scope import (
    _norm,
    family_from_outcome,
    restate_places,
    subject_complement,
)
from factcheck.crossref.sentence_reading import FigureReading
from factcheck.crossref.share_heads import family_from_head, inherit_head_family
from factcheck.crossref.since_starts import sentence_dates, since_cues, starts_span
from factcheck.crossref.stories import StoryIndex
from factcheck.crossref.story_places import ArticleWhere, article_where
from factcheck.crossref.tallies import score_terms
from factcheck.crossref.text_periods import (
    article_releases,
    counted_day,
    latest_dates,
    text_period,
)
from factcheck.crossref.unperformed import unpronounced
from factcheck.crossref.victims import offence_counted, victims_family
from factcheck.crossref.view_memo import ViewMemo
from factcheck.models import MEASURE_KINDS


def _side(sides: frozenset[str]) -> str:
    if "both" in sides:
        return "both"
    return next(iter(sides)) if len(sides) == 1 else ""


def _period(row: dict) -> tuple[tuple[str, ...], str]:
    ts, te, basis = counted_day(row)
    published = cell_text(row.get("published"))[:10]
    if basis in ("report", "event"):
        # A report's day carried from an earlier sentence ("Au 1er septembre, ..."), a toll
        # run from the day its event began: weaker readings that neither tie nor separate
        # figures (the list items of one report).
        return ("published", published), published
    if ts or te:
        if not ts and te == published:
            # Context dates a figure with no time expression "as of publication".
            return ("published", published), published
        return ("explicit", ts, te), te or ts
    return ("published", published), published


#: Claims turned into views at a time (whole articles): their row dicts are the bulk of the
#: memory of preparing a large table, the views far less.
_CHUNK_ROWS = 50_000


def prepare_claims(claims: pd.DataFrame, lexicon: Lexicon | None = None,
                   keep: np.ndarray | None = None) -> list[ClaimView]:
    """Comparable figures of a claims table (measure kinds with a value or bounds); with
    ``keep`` (a boolean mask over the rows), those of ``claims[keep]``, read without copying
    the table."""
    lexicon = lexicon or load_lexicon()
    if claims is None or claims.empty:
        return []
    # Stories from every figure's sentence (dates too), as the draft index reads them; two
    # articles are settled as one story only when two of their figures are compared.
    texts = frame_article_texts(claims, keep)
    stories = StoryIndex(texts, lexicon.stories)
    if "kind" not in claims.columns:
        return []
    measure = {str(k) for k in MEASURE_KINDS}
    # Positions of the comparable rows, read a piece at a time (no copy of the whole table).
    wanted = claims["kind"].map(cell_text).isin(measure).to_numpy()
    comparable = np.flatnonzero(wanted if keep is None else wanted & keep)
    memo = ViewMemo(lexicon, stories, _sentence_uses(claims, comparable))
    memo.releases = article_releases(texts, lexicon)
    memo.where = _article_where(claims, keep, texts, stories, lexicon)
    memo.latest = latest_dates(claims if keep is None else claims[keep])
    memo.dates = sentence_dates(claims, keep)
    views: list[ClaimView] = []
    for chunk in _article_chunks(claims, comparable):
        views.extend(_views(rows_of(claims.take(chunk)), memo))
    return views


def _article_where(claims: pd.DataFrame, keep: np.ndarray | None,
                   texts: list[tuple[str, str, str]], stories: StoryIndex,
                   lexicon: Lexicon) -> dict[str, ArticleWhere]:
    """Where each article's event happens (:mod:`factcheck.crossref.story_places`), from
    every figure's place (dates too) and the article's title and sentences."""
    if "place" not in claims.columns:
        return {}
    rows = range(len(claims)) if keep is None else np.flatnonzero(keep).tolist()
    ids, places = claims["article_id"].tolist(), claims["place"].tolist()
    return article_where(((ids[i], places[i]) for i in rows),
                         ((a, text) for a, _, text in texts), stories.marks,
                         lexicon.stories.wide_places, dict(lexicon.stories.countries),
                         dict(lexicon.stories.levels))


def _sentence_uses(claims: pd.DataFrame, rows: np.ndarray) -> dict[str, int]:
    """How many of the rows ``rows`` of ``claims`` each sentence text holds."""
    if "sentence" not in claims.columns:
        return {}
    return dict(Counter(map(cell_text, claims["sentence"].take(rows).tolist())))


def _article_chunks(claims: pd.DataFrame, rows: np.ndarray) -> list[np.ndarray]:
    """The positions ``rows`` of ``claims`` in pieces of about ``_CHUNK_ROWS``, never
    splitting an article; one piece when an article's rows are not all together."""
    if len(rows) <= _CHUNK_ROWS:
        return [rows]
    ids = claims["article_id"].take(rows).map(cell_text).to_numpy()
    starts = [0, *(np.flatnonzero(ids[1:] != ids[:-1]) + 1).tolist()]
    if len(starts) != len(set(ids)):
        return [rows]
    chunks, begin = [], 0
    for start in starts[1:]:
        if start - begin >= _CHUNK_ROWS:
            chunks.append(rows[begin:start])
            begin = start
    chunks.append(rows[begin:])
    return chunks


def _views(records: list[dict], memo: ViewMemo) -> list[ClaimView]:
    """The views of the measure ``records`` of whole articles; ``memo`` is filled as
    sentences and articles are met."""
    lexicon = memo.lexicon
    rows: list[dict] = []
    for row in records:
        kind = cell_text(row.get("kind"))
        role = cell_text(row.get("role"))
        if role == "change_from":
            continue  # "passé de 5 % à 7 %": the earlier value, at a date the text does not give
        dim = dimension_and_scale(kind, cell_text(row.get("unit")), lexicon)
        if dim is None:
            continue
        if role == "change_by":
            dim = (dim[0] + CHANGE, dim[1])  # "a bondi de 40 %": a change, never a level
        iv = interval(row, dim[1], kind, lexicon)
        if iv is None:
            continue
        row["_dim"], row["_iv"] = dim[0], iv
        row["article_id"] = cell_text(row["article_id"])
        row["claim_id"] = cell_text(row["claim_id"])
        row["surface"] = cell_text(row.get("surface"))
        row["sentence"] = memo.one(cell_text(row.get("sentence")))
        row["title"] = memo.one(cell_text(row.get("title")))
        row["start"], row["end"] = int(row["start"]), int(row["end"])
        row["_family"] = family_of(cell_text(row.get("subject")), cell_text(row.get("category")),
                                   lexicon, cell_text(row.get("qualifiers")), dim[0])
        row["_subject_family"] = row["_family"]
        rows.append(row)
    offsets = sentence_offsets(rows)
    starts: dict[tuple[str, int | None], list[int]] = defaultdict(list)
    for row in rows:
        starts[(row["article_id"], offsets.get(row["claim_id"]))].append(row["start"])
    by_sentence: dict[tuple[str, int | None, str], list[dict]] = defaultdict(list)
    for row in rows:
        s0 = offsets.get(row["claim_id"])
        row["_s0"] = s0
        row["_rel_start"] = row["start"] - s0 if s0 is not None else 0
        row["_rel_end"] = row["end"] - s0 if s0 is not None else 0
        if starts_span(row, memo.dates.get((row["article_id"], row["sentence"]), []),
                       since_cues()):
            # "depuis l'attentat du 14 juillet 2016, 2 400 militaires patrouillent": the day
            # starts a span running to the publication (unknown in an undated article).
            row["time_end"] = cell_text(row.get("published"))[:10]
        if (named := family_named_in_sentence(cell_text(row.get("subject")), row["sentence"],
                                              row["_rel_start"], lexicon)) is not None:
            row["_family"] = named  # "le résultat net du groupe" read "résultat"
        elif (glossed := family_glossed(cell_text(row.get("subject")), row["sentence"],
                                        row["_rel_start"], lexicon, row["_dim"])) is not None:
            row["_family"] = glossed  # "l'Ebitda - le bénéfice avant impôts - atteint 16 milliards"
        staff_strike_row(row, starts[(row["article_id"], s0)], lexicon)
        row["_cause"] = figure_cause(row["sentence"], row["_rel_start"], row["_rel_end"],
                                     lexicon.causes)
        family_from_outcome(row, lexicon, memo.only_inside(row["sentence"]))
        family_from_head(row, lemma(cell_text(row.get("subject"))), lexicon.share_heads,
                         lambda noun: family_of(noun, "", lexicon))
        family_from_head(row, lemma(cell_text(row.get("subject"))), lexicon.change_heads,
                         lambda noun, row=row: complement_family(noun, row, lexicon))
        family_from_head(row, lemma(cell_text(row.get("subject"))), lexicon.toll_heads,
                         lambda noun, row=row: listed_family(lemma(noun), lexicon, row["_dim"]))
        strike_population(row, lexicon)
        scale_family(row)  # "un séisme de magnitude 6,3": the quake's magnitude
        victims = victims_family(row, lexicon.victims, lemma(cell_text(row.get("subject"))))
        if victims is not None:
            offence = offence_counted(row, lexicon.victims, lemma(cell_text(row.get("subject"))))
            row["_family"] = victims
            if offence is not None and lexicon.victims is not None:
                # "victimes d'escroqueries (+6 %)": the count of the frauds, by their victims.
                row["_family"] = complement_family(offence, row, lexicon) or victims
                row["_counted_by"] = lexicon.victims.family
        unpronounced(row)  # "a requis vingt ans", "encourt sept ans": no sentence pronounced
        by_sentence[(row["article_id"], s0, row["sentence"])].append(row)
    if lexicon.staff_strikes.family:
        for members in by_sentence.values():
            elided_staff_strikes(members, lexicon.staff_strikes.family)
    for members in _by_article(rows).values():
        gathering_family(members, lexicon)
        inherit_head_family(members, [lemma(cell_text(m.get("subject"))) for m in members],
                            lexicon.share_heads)
    readings: dict[str, tuple[FigureReading, str]] = {}
    scores: set[str] = set()
    for (_, _, sentence), members in by_sentence.items():
        tally_families(members, lexicon.tally_nouns,
                       lambda r: lemma(cell_text(r.get("subject"))))
        scores |= score_terms(members, sentence, lexicon)
        restate_places(members, sentence, lexicon)
        mark_parts_places(members, sentence, memo.place)
        date_terms(members, sentence, lexicon)
        for m, r in zip(members, memo.readings(members, sentence), strict=True):
            readings[m["claim_id"]] = (
                r, "" if r.target is None else members[r.target]["claim_id"])
        memo.sentence(sentence)
    # The readings of sentences none of whose figures is left to read are dropped.
    for row in records:
        memo.readings.done(cell_text(row.get("sentence")))
    views = [_view(row, *readings[row["claim_id"]], memo, row["claim_id"] in scores)
             for row in rows]
    return with_terms(to_date_terms(
        gloss_words(views, lexicon.tally_nouns, lambda v: lemma(v.subject)), lexicon))


def _by_article(rows: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        out[row["article_id"]].append(row)
    return out


def _view(row: dict, reading: FigureReading, compared_to: str, memo: ViewMemo,
          score: bool = False) -> ClaimView:
    lexicon, one = memo.lexicon, memo.one
    cue = reading.cues
    value, lo, hi, stated = row["_iv"]
    family = row["_family"]
    subject_family = row["_subject_family"]
    modality = cell_text(row.get("modality")).lower()
    sentence = row["sentence"]
    before = sentence[max(0, row["_rel_start"] - 12) : row["_rel_start"]]
    words = before.split()
    # A denial cue right before the figure ("Pas 300 000") negates it.
    denied = modality in DENIED_MODALITIES or bool(
        words and lexicon.denied.fullmatch(words[-1].strip(",;:«»\"")))
    if denied:
        mode = "denied"
    elif modality in PROJECTED_MODALITIES or cue.projected:
        mode = "projected"
    else:
        mode = "observed"
    outcome = memo.outcomes(cell_text(row.get("qualifiers")))
    if outcome:
        # A qualifier cut out of a longer cue ("perdu" of "ont perdu la vie") is not one.
        outcome = outcome - memo.only_inside(sentence)
    if cue.outcome:
        outcome = outcome | cue.outcome
    period, period_sort = _period(row)
    approx = cell_text(row.get("approx")) or "none"
    subject, source = cell_text(row.get("subject")), cell_text(row.get("source"))
    known = memo.known(subject, source)
    # An inherited place (the report's, named earlier) neither ties nor separates figures;
    # nor does the article's place (dateline, headline, ...) or the story's scene its lead
    # names once ("lead"): identity before accusation.
    inherited = cell_text(row.get("place_mode")) == "inherited" \
        or cell_text(row.get("place_basis")) in ("article", "lead")
    place = "" if inherited else memo.place(cell_text(row.get("place")))
    # Kept apart only to void a copied sentence's tie between two articles placed apart.
    article_place = memo.place(cell_text(row.get("place"))) \
        if cell_text(row.get("place_basis")) == "article" else ""
    places, sentence_words = memo.per_sentence[sentence]
    complement = subject_complement(subject, sentence, row["_rel_start"], lexicon)
    if not place and not places and cue.national:
        # "au niveau national" with no place read: the whole country, not a region of it.
        # Only a figure located nowhere gets it, so a scope difference is added, never lost.
        places = one(frozenset({memo.place(lexicon.national_place)}))
    return ClaimView(
        claim_id=row["claim_id"], article_id=row["article_id"], start=row["start"],
        end=row["end"], surface=row["surface"], kind=one(cell_text(row.get("kind"))),
        dimension=one(row["_dim"]), value=value, lo=lo, hi=hi, stated=stated,
        approx=one(approx), exact=approx == "none", subject=subject, family=family,
        subject_family=subject_family,
        nature=lexicon.family_nature.get(family or "", ""),
        source=source, source_key=one(_norm(source_key_form(source))),
        source_mode=one(cell_text(row.get("source_mode")) or ("explicit" if source else "")),
        actor=cell_text(row.get("actor")), place=place, places=places,
        part_places=one(places & row.get("_parts_places", frozenset())),
        article_place=one(article_place),
        words=memo.less(reading.words | complement, known),
        complement=one(min(complement, default="")),
        sentence_words=memo.less(sentence_words, known),
        outcome=one(frozenset(outcome)), side=_side(cue.side),
        population=one(cue.population), modality=mode,
        revision=cue.revision, cumulative=cue.cumulative, event=cue.event,
        period=one(period), period_sort=one(period_sort),
        published=one(cell_text(row.get("published"))[:10]), sentence=sentence,
        sentence_start=row["_s0"], title=cell_text(row.get("title")),
        basis=one(cell_text(row.get("basis")).lower()), story=memo.article(row["article_id"]),
        where=memo.where.get(row["article_id"]),
        story_words=memo.profiles[sentence], span=cue.span, compared_to=compared_to,
        qualifiers=one(reading.qualifiers),
        narrowing=figure_narrowing(row, subject), score=score,
        text_period=one(text_period(row, mode, memo.latest.get(row["article_id"], ""))),
        release=memo.releases.get(row["article_id"], ""),
        counted_by=row.get("_counted_by", ""),
        projected_by_date=mode == "projected" and not cue.projected
        and cell_text(row.get("modality_rule")) == "future_period",
        doer=cell_text(row.get("doer")), cause=one(row["_cause"]),
        names=memo.one(memo.names(sentence) + memo.names(source)),
        source_names=memo.names(source),
    )

