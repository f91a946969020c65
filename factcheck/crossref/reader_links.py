"""The links a reader needs, growing with the corpus rather than with the square of a fact's
reports.

``cross_reference`` links every pair of figures it compares: a fact reported a hundred times
gives nearly five thousand ``same`` or ``compatible`` pairs. Once the facts are built
(:func:`factcheck.crossref.facts.build_facts`), those pairs say nothing the facts table does
not: each figure belongs to one fact. The links table written for readers therefore keeps

* one ``fact`` row per comparable figure: the figure (``claim_a``) and its fact (``fact_a``),
  with how many reports and articles the fact has; a figure of an article that repeats another
  (a copy or near-copy) says which article it repeats;
* the relations between two facts (``contradiction``, ``evolution``, ``different_scope``),
  one row per pair of facts and relation, with the fact of each side (``fact_a``,
  ``fact_b``), so that a reader, and the provenance built on the facts, can go from a
  relation to the facts it joins; evolutions as a chain in time (each fact from the latest
  earlier fact it was judged against).

Its size is the number of figures plus those relations: linear in the corpus for the figures
and the evolutions; contradictions and differences of scope stay one per pair of facts of a
story that were judged, which real stories keep small.
"""

from __future__ import annotations

from operator import itemgetter
from typing import NamedTuple

import pandas as pd

from factcheck.crossref.cue_words import Lexicon, load_lexicon
from factcheck.crossref.facts import SAME_FACT, fact_of_claims
from factcheck.models import LINK_COLUMNS, stable_id

#: Columns of the links table written for readers (``links.csv``).
READER_LINK_COLUMNS: tuple[str, ...] = (*LINK_COLUMNS, "fact_a", "fact_b")

#: Relation of a figure's row pointing at its fact.
FACT_RELATION = "fact"


def reader_links(links: pd.DataFrame, facts: pd.DataFrame, claims: pd.DataFrame,
                 lexicon: Lexicon | None = None) -> pd.DataFrame:
    """The links table for readers (:data:`READER_LINK_COLUMNS`) from the pairwise ``links``
    of ``cross_reference``, the ``facts`` built from them and the ``claims`` table: one
    ``fact`` row per figure of a fact, then the relations other than ``same`` and
    ``compatible``, each with the facts of its two figures. Rows are sorted by link id."""
    lexicon = lexicon or load_lexicon()
    fact_of = fact_of_claims(facts) if len(facts) else {}
    # Rows kept as tuples (a dict per row weighs several times more; pandas reads both alike).
    rows = _fact_rows(facts, claims, lexicon)
    if links is not None and len(links):
        rows += [_as_tuple(r) for r in
                 _relations(between_facts(links), fact_of, _time_order(facts))]
    # Sorted by link id (stable, as ``sort_values(kind="stable")``) before the table is
    # built: no second, sorted copy.
    rows.sort(key=itemgetter(READER_LINK_COLUMNS.index("link_id")))
    return pd.DataFrame(rows, columns=list(READER_LINK_COLUMNS))


def _time_order(facts: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """Each fact's place in time: its first report's date (undated facts last), then its id."""
    if not len(facts):
        return {}
    return {str(f): (str(d) if isinstance(d, str) and d else "~", str(f))
            for f, d in zip(facts["fact_id"], facts["first_published"], strict=True)}


def _relations(pairs: pd.DataFrame, fact_of: dict[str, str],
               order: dict[str, tuple[str, str]]) -> list[dict[str, object]]:
    """The relations between facts, one row per pair of facts and relation (the first link
    judged between their reports, by link id); a series of evolutions is kept as a chain: each
    fact's evolution from the latest earlier fact it was judged against, so a figure followed
    over a hundred dates gives a hundred rows, not five thousand. A relation whose figure
    belongs to no fact is kept as it is."""
    out: list[dict[str, object]] = []
    seen: set[tuple[str, str, str]] = set()
    previous: dict[str, tuple[tuple[str, str], dict[str, object]]] = {}
    for row in pairs.sort_values("link_id", kind="stable").itertuples(index=False):
        fa, fb = fact_of.get(str(row.claim_a)), fact_of.get(str(row.claim_b))
        record: dict[str, object] = {
            "link_id": row.link_id, "claim_a": row.claim_a, "claim_b": row.claim_b,
            "relation": row.relation, "explanation": row.explanation,
            "fact_a": fa, "fact_b": fb,
        }
        if fa is None or fb is None or fa == fb:
            out.append(record)
            continue
        key = (str(row.relation), *sorted((fa, fb)))
        if key in seen:
            continue
        seen.add(key)
        if row.relation == "evolution" and fa in order and fb in order:
            early, late = sorted((fa, fb), key=order.__getitem__)
            kept = previous.get(late)
            if kept is None or order[early] > kept[0]:
                previous[late] = (order[early], record)
            continue
        out.append(record)
    out.extend(record for _, record in previous.values())
    return out


def between_facts(links: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``links`` that relate two facts (every relation but ``same`` and
    ``compatible``), for a store whose facts table says which fact each figure reports."""
    return links[~links["relation"].astype(str).isin(SAME_FACT)].reset_index(drop=True)


def _as_tuple(row: dict[str, object]) -> tuple[object, ...]:
    return tuple(row[c] for c in READER_LINK_COLUMNS)


class _FactRow(NamedTuple):
    """What the reader link of a figure to its fact reads of the fact."""

    fact_id: str
    claim_ids: tuple[str, ...]
    n_reports: int
    n_articles: int
    first_article: str


def _fact_rows(facts: pd.DataFrame, claims: pd.DataFrame,
               lexicon: Lexicon) -> list[tuple[object, ...]]:
    if not len(facts):
        return []
    wanted = ["claim_id", "article_id", "surface", "copy_of", "subject"]
    present = [c for c in wanted if c in claims.columns]
    values = {c: claims[c].tolist() for c in present}
    # claim id -> its row (the last of equal ids), read as a dict only when asked for.
    position = {str(claim_id): i for i, claim_id in enumerate(values["claim_id"])}
    rows: list[tuple[object, ...]] = []
    # The columns read, as lists: iterating rows of arrow-backed columns cell by cell is slow.
    read = ["fact_id", "claim_ids", "n_reports", "n_articles", "first_article"]
    subjects = values.get("subject")
    for fact in map(_FactRow._make, zip(*(facts[c].tolist() for c in read), strict=True)):
        readings = _readings(fact.claim_ids, position, subjects, lexicon) \
            if subjects is not None and len(fact.claim_ids) > 1 else ""
        for claim_id in fact.claim_ids:
            i = position.get(str(claim_id))
            claim = {c: values[c][i] for c in present} if i is not None else {}
            rows.append(_as_tuple({
                "link_id": stable_id(FACT_RELATION, claim_id, fact.fact_id),
                "claim_a": claim_id, "claim_b": None, "relation": FACT_RELATION,
                "explanation": _fact_explanation(claim, fact, lexicon) + readings,
                "fact_a": fact.fact_id, "fact_b": None,
            }))
    return rows


def _readings(claim_ids: tuple[str, ...], position: dict[str, int], subjects: list,
              lexicon: Lexicon) -> str:
    """" Indicateur lu différemment selon les rapports : « bénéfice », « production »." when
    the reports of one fact were read with two subjects or more (one figure restated by
    several outlets, its metric read differently on one side), in the order of the reports;
    "" otherwise."""
    seen: dict[str, None] = {}
    for claim_id in claim_ids:
        i = position.get(str(claim_id))
        subject = subjects[i] if i is not None else None
        if isinstance(subject, str) and subject:
            seen.setdefault(subject)
    if len(seen) < 2:
        return ""
    return " " + lexicon.say("fact_readings", subjects=", ".join(f"« {s} »" for s in seen))


def _fact_explanation(claim: dict, fact: object, lexicon: Lexicon) -> str:
    surface = str(claim.get("surface") or "")
    n_reports, n_articles = int(fact.n_reports), int(fact.n_articles)  # type: ignore[attr-defined]
    if n_reports <= 1:
        text = lexicon.say("fact_alone", surface=surface)
    else:
        text = lexicon.say("fact_member", surface=surface, reports=n_reports,
                           articles=n_articles, first=fact.first_article)  # type: ignore[attr-defined]
    original = claim.get("copy_of")
    if isinstance(original, str) and original:
        text += " " + lexicon.say("fact_copy", copy=claim.get("article_id"), original=original)
    return text


def flags_with_facts(flags: pd.DataFrame, facts: pd.DataFrame) -> pd.DataFrame:
    """``flags`` with a ``fact_ids`` column after ``claim_ids``: the fact of each flagged
    figure, in the order of ``claim_ids`` (None for a figure outside every fact, such as one
    compared with a reference figure only)."""
    fact_of = fact_of_claims(facts) if len(facts) else {}
    out = flags.copy()
    ids = [tuple(fact_of.get(str(c)) for c in claim_ids) for claim_ids in out["claim_ids"]]
    out.insert(out.columns.get_loc("claim_ids") + 1, "fact_ids", pd.Series(ids, index=out.index,
                                                                          dtype="object"))
    return out
