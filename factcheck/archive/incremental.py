"""New claims checked against the stored ones, without recomputing the store.

What ``cross_reference`` does over the whole corpus, restricted to the pairs that involve a
new figure (the stored pairs were judged when their articles came in):

1. copies: new articles copying a stored original or an earlier new article are marked, and
   their repeated figures linked ``same`` to the original's (``engine``'s copy step, over the
   new claims and the originals' stored claims);
2. the new figures' views are prepared over the new articles (views, parts and totals are
   read within an article) and given their stories over the store (:mod:`.neighbours`);
3. the stored figures sharing a block (dimension and metric family, else source) or an
   equal-value key with a new one are read back from DuckDB as stored views, and every pair
   ``candidate_pairs`` yields over the whole block that involves a new figure is judged, as
   the draft checker does (``crossref.draft.CrossrefIndex.check``); then the equal-value pairs;
   then the pairs told one figure by what surrounds them: glosses and conversions in a
   parenthesis (within a sentence: the new articles' own), an age given again after one
   name (with the stored figures sharing its attribute key);
4. the registered rules run on those judgements and the new articles' figures and structures.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

import duckdb
import pandas as pd

from factcheck.archive.neighbours import lsh_bands, new_copies, story_mates
from factcheck.archive.schema import (
    attribute_key,
    block_key,
    equal_key,
    judging_view,
    view_from_json,
    view_to_json,
)
from factcheck.crossref.attributes import MAX_GROUP
from factcheck.crossref.cue_words import Lexicon
from factcheck.crossref.draft import restrict_flags
from factcheck.crossref.engine import _copies, one_figure_judgements, vars_of
from factcheck.crossref.headlines import (
    headline_judgements,
    headline_readings,
    repeated_heads,
    title_ids,
)
from factcheck.crossref.matching import ClaimView, blocks
from factcheck.crossref.relations import (
    Judged,
    candidate_pairs,
    cross_ok,
    judge,
)
from factcheck.crossref.repeats import EQUAL_DAYS, MAX_REPEATS, repeated_pairs, value_restated
from factcheck.crossref.rules import CheckContext, registered_rules
from factcheck.crossref.stories import article_texts
from factcheck.crossref.structures import find_structures
from factcheck.crossref.sum_roles import with_roles
from factcheck.crossref.views import prepare_claims
from factcheck.models import FLAG_COLUMNS, LINK_COLUMNS, Article, Link, stable_id


@dataclass(frozen=True, eq=False)
class CheckedBatch:
    """What one batch adds: its claims with their stored views and keys, the links and flags
    involving a new figure, the articles' copy, story and band keys, and the views to build
    facts from."""

    claims: pd.DataFrame
    links: pd.DataFrame
    flags: pd.DataFrame
    copy_of: dict[str, str]
    story_texts: dict[str, str]
    story_keys: dict[str, list[str]]
    story_profiles: dict[str, dict[str, float]]
    story_days: dict[str, date | None]
    bands: dict[str, list[str]]
    fact_views: dict[str, ClaimView]
    n_candidates: int


def _set_copies(claims: pd.DataFrame, copy_of: dict[str, str]) -> pd.DataFrame:
    claims = claims.copy()
    mapped = claims["article_id"].map(copy_of)
    claims["copy_of"] = mapped.astype("object").where(mapped.notna(), None)
    return claims


def _stored_claims_of(con: duckdb.DuckDBPyConnection, article_ids: set[str],
                      columns: Sequence[str]) -> pd.DataFrame:
    con.register("wanted_articles", pd.DataFrame({"key": sorted(article_ids)}, dtype="object"))
    cols = ", ".join(f'c."{c}"' for c in columns)
    return con.execute(f"SELECT {cols} FROM claims c JOIN wanted_articles w "
                       "ON c.article_id = w.key ORDER BY c.batch, c.seq").df()


def _candidates(con: duckdb.DuckDBPyConnection, blocks_wanted: set[str],
                new_views: list[ClaimView]
                ) -> tuple[dict[str, list[ClaimView]], list[ClaimView], set[str]]:
    """Stored views by block key, in the order they were stored; the stored views sharing an
    equal-value key with a new figure and published within ``EQUAL_DAYS`` of one (further
    apart, two dated figures are never paired by their value); and the equal-value keys too
    crowded to pair (``repeats.MAX_REPEATS``: more figures stored and new than that state
    the value), whose stored figures are counted by DuckDB but never read back."""
    equal_wanted = Counter(e for v in new_views if (e := equal_key(v)))
    con.register("new_equal", pd.DataFrame(
        {"key": [e for v in new_views if (e := equal_key(v))],
         "day": [_day(v.published) for v in new_views if equal_key(v)]},
    ).astype({"key": "object", "day": "datetime64[s]"}))
    con.register("wanted_blocks", pd.DataFrame({"key": sorted(blocks_wanted)}, dtype="object"))
    con.register("wanted_equal", pd.DataFrame({"key": sorted(equal_wanted)}, dtype="object"))
    # A figure with a block or an equal-value key has a view (keys are read from its view):
    # no filter on `view`, whose long texts DuckDB would otherwise read for every figure.
    counts = con.execute(
        "SELECT c.equal_key, count(*) FROM claims c JOIN wanted_equal w ON c.equal_key = w.key "
        "GROUP BY c.equal_key").fetchall()
    crowded = {key for key, n in counts if n + equal_wanted[key] > MAX_REPEATS}
    crowded |= {key for key, n in equal_wanted.items() if n > MAX_REPEATS}
    con.register("paired_equal", pd.DataFrame({"key": sorted(set(equal_wanted) - crowded)},
                                              dtype="object"))
    rows = con.execute(
        "SELECT block, block IN (SELECT key FROM wanted_blocks) AS in_block, "
        "equal_key IN (SELECT key FROM paired_equal) AS in_equal, view, xrole, xplace "
        "FROM claims c WHERE block IN (SELECT key FROM wanted_blocks) "
        "OR (equal_key IN (SELECT key FROM paired_equal) AND EXISTS (SELECT 1 FROM new_equal n "
        "WHERE n.key = c.equal_key AND (n.day IS NULL OR try_cast(substr(c.published, 1, 10) "
        "AS DATE) IS NULL OR abs(date_diff('day', CAST(n.day AS DATE), try_cast(substr("
        "c.published, 1, 10) AS DATE))) <= $days))) ORDER BY batch, seq",
        {"days": EQUAL_DAYS}).fetchall()
    by_block: dict[str, list[ClaimView]] = defaultdict(list)
    equal: list[ClaimView] = []
    for block, in_block, in_equal, text, role, place in rows:
        view = judging_view(view_from_json(text), role, place)
        if in_block:
            by_block[block].append(view)
        if in_equal:
            equal.append(view)
    return by_block, equal, crowded


def _attribute_candidates(con: duckdb.DuckDBPyConnection, new_views: list[ClaimView],
                          lexicon: Lexicon) -> tuple[list[ClaimView], set[str]]:
    """The stored views sharing an attribute key with a new figure ("Nahel, 17 ans":
    ``crossref.attributes``), in the order they were stored, and the keys too crowded to
    pair (``attributes.MAX_GROUP``: more figures stored and new than that give the value
    after the name), whose stored figures are counted but never read back. Not bounded by
    date: two reports of one story may be far apart when their sentences are related."""
    wanted = Counter(k for v in new_views if (k := attribute_key(v, lexicon)))
    if not wanted:
        return [], set()
    con.register("wanted_attributes", pd.DataFrame({"key": sorted(wanted)}, dtype="object"))
    n = Counter(wanted)
    n.update(dict(con.execute(
        "SELECT c.attribute_key, count(*) FROM claims c JOIN wanted_attributes w "
        "ON c.attribute_key = w.key GROUP BY c.attribute_key").fetchall()))
    crowded = {key for key, count in n.items() if count > MAX_GROUP}
    con.register("paired_attributes", pd.DataFrame({"key": sorted(set(wanted) - crowded)},
                                                   dtype="object"))
    rows = con.execute(
        "SELECT c.view, c.xrole, c.xplace FROM claims c JOIN paired_attributes p "
        "ON c.attribute_key = p.key ORDER BY c.batch, c.seq").fetchall()
    return [judging_view(view_from_json(text), role, place) for text, role, place in rows], \
        crowded


def _day(published: str) -> date | None:
    try:
        return date.fromisoformat(published) if published else None
    except ValueError:
        return None


def _judge(new_views: list[ClaimView], stored: dict[str, list[ClaimView]],
           stored_equal: list[ClaimView], crowded: set[str],
           stored_attributes: list[ClaimView], crowded_attributes: set[str],
           lexicon: Lexicon) -> dict[tuple[str, str], Judged]:
    new_ids = {v.claim_id for v in new_views}
    judged: dict[tuple[str, str], Judged] = {}
    for key, mine in blocks(new_views).items():
        members = stored.get(f"{key[0]}|{key[1]}", []) + mine
        if len(members) < 2:
            continue
        for a, b in candidate_pairs(members):
            if a.claim_id == b.claim_id or not (a.claim_id in new_ids or b.claim_id in new_ids):
                continue
            pair = (min(a.claim_id, b.claim_id), max(a.claim_id, b.claim_id))
            if pair not in judged:
                verdict = judge(a, b, lexicon)
                if verdict is not None:
                    judged[pair] = verdict
    # A crowded value pairs nothing (repeated_pairs over the whole store would skip it).
    repeating = [v for v in new_views if equal_key(v) not in crowded]
    for a, b in repeated_pairs([*stored_equal, *repeating], lexicon):
        if not (a.claim_id in new_ids or b.claim_id in new_ids):
            continue
        pair = (min(a.claim_id, b.claim_id), max(a.claim_id, b.claim_id))
        if pair not in judged and cross_ok(a, b, lexicon):
            judged[pair] = value_restated(a, b, lexicon)
    # Glosses and conversions are read within a sentence (the new articles' own); an age
    # after a name meets the stored figures of its key, unless the key is crowded.
    attributed = [*stored_attributes, *(
        v for v in new_views if attribute_key(v, lexicon) not in crowded_attributes)]
    for j in one_figure_judgements(new_views, lexicon, attributed=attributed):
        if j.a.claim_id in new_ids or j.b.claim_id in new_ids:
            judged.setdefault((min(j.a.claim_id, j.b.claim_id),
                               max(j.a.claim_id, j.b.claim_id)), j)
    return judged


def check_batch(con: duckdb.DuckDBPyConnection, articles: Sequence[Article],
                claims: pd.DataFrame, reference: pd.DataFrame | None,
                lexicon: Lexicon) -> CheckedBatch:
    """Check the new ``articles`` (their claims table ``claims``) against the store open on
    ``con``."""
    bands = {a.article_id: lsh_bands(a.text) for a in articles}
    copy_of = new_copies(con, articles, bands)
    claims = _set_copies(claims, copy_of)
    originals = set(copy_of.values()) - {a.article_id for a in articles}
    stored_originals = _stored_claims_of(con, originals, list(claims.columns)) \
        if originals else claims.iloc[0:0]
    kept, copy_links = _copies(pd.concat([stored_originals, claims], ignore_index=True),
                               lexicon)
    new_ids = {a.article_id for a in articles}
    judged_claims = kept[kept["article_id"].isin(new_ids)].reset_index(drop=True)

    texts = article_texts(judged_claims.to_dict("records"))
    found = story_mates(con, texts, lexicon.stories)
    mates = found.mates
    views, fact_views = _prepared(claims, judged_claims, lexicon)
    # A headline given apart is read against its own body as in a full run (a new
    # article's headline and body are both new): crossref/headlines.py.
    titles = title_ids(claims)
    structures = find_structures([v for v in views if v.claim_id not in titles], lexicon)
    role_views = [replace(v, story=mates.get(v.article_id, frozenset()))
                  for v in with_roles(views, structures, lexicon)]
    readings = headline_readings(role_views, titles, lexicon)
    repeated = repeated_heads(readings)

    wanted_blocks = {b for v in role_views if (b := block_key(v))}
    stored, stored_equal, crowded = _candidates(con, wanted_blocks, role_views)
    stored_attributes, crowded_attributes = _attribute_candidates(con, role_views, lexicon)
    judged = {(min(j.a.claim_id, j.b.claim_id), max(j.a.claim_id, j.b.claim_id)): j
              for j in headline_judgements(readings, lexicon)}
    for pair, j in _judge([v for v in role_views if v.claim_id not in repeated], stored,
                          stored_equal, crowded, stored_attributes, crowded_attributes,
                          lexicon).items():
        judged.setdefault(pair, j)

    ctx = CheckContext(claims=claims, views={v.claim_id: v for v in role_views},
                       judged=tuple(judged.values()), structures=tuple(structures),
                       reference=reference, lexicon=lexicon, headlines=tuple(readings))
    flags = {}
    for rule in (cls() for cls in registered_rules().values()):
        for flag in rule.check(ctx):
            flags.setdefault(flag.flag_id, flag)
    links = list(copy_links)
    for j in judged.values():
        ids = sorted((j.a.claim_id, j.b.claim_id))
        links.append(Link(stable_id(*ids, j.relation), j.a.claim_id, j.b.claim_id,
                          j.relation, j.explanation))
    links_df = pd.DataFrame([vars_of(x, LINK_COLUMNS) for x in links], columns=list(LINK_COLUMNS))
    flags_df = pd.DataFrame([vars_of(f, FLAG_COLUMNS) for f in flags.values()],
                            columns=list(FLAG_COLUMNS))
    flags_df = restrict_flags(flags_df, set(claims["claim_id"]))

    # A headline its body repeats gets no key: never a candidate of a later batch, as a full
    # run judges it no further.
    claims = _with_store_columns(claims, views,
                                 [v for v in role_views if v.claim_id not in repeated],
                                 fact_views, lexicon)
    return CheckedBatch(
        claims=claims, links=links_df, flags=flags_df, copy_of=copy_of,
        story_texts={aid: text for aid, _, text in texts}, story_keys=found.keys,
        story_profiles=found.profiles, story_days=found.days, bands=bands, fact_views=fact_views,
        n_candidates=sum(len(v) for v in stored.values()) + len(stored_equal)
        + len(stored_attributes),
    )


def _prepared(claims: pd.DataFrame, judged_claims: pd.DataFrame, lexicon: Lexicon
              ) -> tuple[list[ClaimView], dict[str, ClaimView]]:
    """The views of the judged figures (a copy's repeated figures left out), in their order,
    and the views facts read (every figure of the claims table, copies included:
    ``crossref.facts``), preparing the batch once. A view is read within its sentence and its
    article (its story, read from the store, is set later), so an article none of whose
    figures was left out has the same views either way; only the copies that lost figures
    are prepared again without them."""
    fact_views = {v.claim_id: v for v in prepare_claims(claims, lexicon)}
    if len(judged_claims) == len(claims):
        return list(fact_views.values()), fact_views
    kept = set(judged_claims["claim_id"].astype(str))
    trimmed = {str(a) for a, c in zip(claims["article_id"], claims["claim_id"], strict=True)
               if str(c) not in kept}
    again = {v.claim_id: v for v in prepare_claims(
        judged_claims[judged_claims["article_id"].astype(str).isin(trimmed)], lexicon)}
    views = [again[c] if c in again else fact_views[c]
             for c in judged_claims["claim_id"].astype(str)
             if c in again or (c in fact_views and fact_views[c].article_id not in trimmed)]
    return views, fact_views


def _with_store_columns(claims: pd.DataFrame, views: list[ClaimView],
                        role_views: list[ClaimView],
                        fact_views: dict[str, ClaimView], lexicon: Lexicon) -> pd.DataFrame:
    base = {v.claim_id: v for v in views}
    roles = {v.claim_id: v for v in role_views}
    out = claims.copy()
    ids = list(out["claim_id"].astype(str))
    out["seq"] = range(len(out))
    out["published_month"] = [p[:7] if isinstance(p, str) and p else None
                              for p in out["published"]]
    out["block"] = [block_key(roles[i]) if i in roles else None for i in ids]
    out["equal_key"] = [equal_key(roles[i]) if i in roles else None for i in ids]
    out["attribute_key"] = [attribute_key(roles[i], lexicon) if i in roles else None
                            for i in ids]
    out["xrole"] = [roles[i].role or None if i in roles else None for i in ids]
    out["xplace"] = [roles[i].place if i in roles and roles[i].role else None for i in ids]
    out["view"] = [view_to_json(base[i]) if i in base else None for i in ids]
    out["fact_view"] = [
        view_to_json(fact_views[i])
        if i in fact_views and (i not in base or _differs(fact_views[i], base[i])) else None
        for i in ids]
    return out


def _differs(a: ClaimView, b: ClaimView) -> bool:
    return replace(a, story=frozenset()) != replace(b, story=frozenset())
