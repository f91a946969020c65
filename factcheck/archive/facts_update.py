"""Facts as the store grows: a new figure linked ``same`` or ``compatible`` to a stored one
joins its fact when their reports agree (``crossref.facts.FactGroups``, as in one run); the
others make new facts.

Stored fact rows are never rewritten in place. A batch writes, in its own ``facts/``
partition, the new facts and the new version of every stored fact it changed (more reports,
two facts joined by a new figure, an earlier first report and so a new id), each row naming
in ``replaces`` the stored facts it supersedes. The current facts are the rows no later row
replaces (:data:`CURRENT_FACTS_SQL`). A batch thus writes rows in proportion to the facts it
touches, and the facts table grows with the facts, not with the batches.
"""

from __future__ import annotations

from collections import defaultdict

import duckdb
import pandas as pd

from factcheck.archive.schema import view_from_json
from factcheck.crossref.facts import SAME_FACT, FactGroups, fact_rows
from factcheck.crossref.matching import ClaimView

#: The current facts of a store open in DuckDB (``factcheck.archive.layout.connect``): every
#: fact row that no later batch's row replaces.
CURRENT_FACTS_SQL = """
SELECT f.* FROM facts f
WHERE NOT EXISTS (
    SELECT 1 FROM (SELECT unnest(replaces) AS fact_id, batch FROM facts) r
    WHERE r.fact_id = f.fact_id AND r.batch > f.batch)
"""


def update_facts(con: duckdb.DuckDBPyConnection, new_views: dict[str, ClaimView],
                 links: pd.DataFrame, outlets: dict[str, str],
                 titles: frozenset[str] = frozenset()) -> tuple[pd.DataFrame, int]:
    """The fact rows a batch writes (``replaces`` filled) and the number of stored facts they
    supersede. ``new_views``: the new figures' views by claim id; ``links``: the batch's links;
    ``outlets``: article id -> outlet of the new articles; ``titles``: the claim ids of the
    new headline figures given apart (a headline and its body make one report, as in one
    run: ``crossref.facts.report_count``; the stored ones are read from the store)."""
    pairs = sorted(
        (relation != "same", a, b) for a, b, relation in zip(
            links["claim_a"].astype(str), links["claim_b"].astype(str),
            links["relation"].astype(str), strict=True)
        if relation in SAME_FACT and (a in new_views or b in new_views))
    stored_ids = {x for _, a, b in pairs for x in (a, b) if x not in new_views}
    views = dict(new_views)
    facts: list[tuple[str, list[str]]] = []
    if stored_ids:
        facts = _current_facts_of(con, stored_ids)
        members_all = stored_ids | {m for _, members in facts for m in members}
        stored_views, stored_titles = _stored_fact_views(con, members_all, outlets)
        views.update(stored_views)
        titles = titles | stored_titles
    # As build_facts joins them: a fact's reports always agree ("40 milliards de livres
    # (48 milliards d'euros)" is linked compatible, two facts). The stored facts first, each
    # kept whole (its members were one fact: a join refused now, in another order, would
    # leave a member in no current fact once its fact is replaced), then the batch's links,
    # "same" first, in a fixed order.
    groups = FactGroups(views)
    replaced: dict[str, str] = {}  # claim id of a stored fact's member -> that fact's id
    for fact_id, members in facts:
        present = [m for m in members if m in views]
        for member in present:
            groups.union(present[0], member)
            replaced[member] = fact_id
    for _, a, b in pairs:
        if a in views and b in views:
            groups.join(a, b)
    by_group: dict[str, list[ClaimView]] = defaultdict(list)
    superseded: dict[str, set[str]] = defaultdict(set)
    for claim_id, view in views.items():
        root = groups.find(claim_id)
        by_group[root].append(view)
        if claim_id in replaced:
            superseded[root].add(replaced[claim_id])
    # A stored fact no new figure joined is left as stored.
    touched = {groups.find(claim_id) for claim_id in new_views}
    by_group = {root: group for root, group in by_group.items() if root in touched}
    rows = fact_rows(by_group.values(), outlets, titles)
    roots = {min(v.claim_id for v in g): root for root, g in by_group.items()}
    rows["replaces"] = [
        sorted(superseded.get(roots[min(ids)], ())) for ids in rows["claim_ids"]]
    n_superseded = len({f for root in by_group for f in superseded.get(root, ())})
    return rows, n_superseded


def _current_facts_of(con: duckdb.DuckDBPyConnection, claim_ids: set[str]
                      ) -> list[tuple[str, list[str]]]:
    """``(fact id, claim ids)`` of the current facts holding one of ``claim_ids``. Only the
    fact rows holding one of them are read, found in the key index (``fact_index``): a row
    superseding another holds all its figures (facts only grow and merge), so the rows that
    supersede a hit are hits too."""
    con.register("linked_claims", pd.DataFrame({"key": sorted(claim_ids)}, dtype="object"))
    return con.execute(
        "WITH rows AS (SELECT DISTINCT i.fact_id, i.batch FROM fact_index i "
        "JOIN linked_claims l ON i.claim_id = l.key), "
        "hit AS (SELECT f.fact_id, f.claim_ids, f.replaces, f.batch FROM facts f "
        "JOIN rows r ON f.fact_id = r.fact_id AND f.batch = r.batch) "
        "SELECT h.fact_id, h.claim_ids FROM hit h WHERE NOT EXISTS ("
        "SELECT 1 FROM (SELECT unnest(replaces) AS fact_id, batch FROM hit) r "
        "WHERE r.fact_id = h.fact_id AND r.batch > h.batch) ORDER BY h.batch, h.fact_id"
    ).fetchall()


def _stored_fact_views(con: duckdb.DuckDBPyConnection, claim_ids: set[str],
                       outlets: dict[str, str]) -> tuple[dict[str, ClaimView], frozenset[str]]:
    """Stored figures' views as facts read them, their outlets (added to ``outlets``) and
    the claim ids of those read in a headline given apart (``part`` "title"; none in a store
    written before headlines were read, with no ``part`` column): one read of the claims
    table for both (a second query for the headlines scanned the claims table again)."""
    columns = {d[0] for d in con.execute("SELECT * FROM claims LIMIT 0").description}
    part = "c.part = 'title'" if "part" in columns else "false"
    con.register("fact_members", pd.DataFrame({"key": sorted(claim_ids)}, dtype="object"))
    rows = con.execute(
        "SELECT c.claim_id, coalesce(c.fact_view, c.view), c.article_id, c.article_source, "
        f"coalesce({part}, false) FROM claims c JOIN fact_members m ON c.claim_id = m.key "
        "WHERE coalesce(c.fact_view, c.view) IS NOT NULL").fetchall()
    out = {}
    titles = set()
    for claim_id, text, article_id, outlet, is_title in rows:
        out[claim_id] = view_from_json(text)
        if outlet:
            outlets.setdefault(article_id, outlet)
        if is_title:
            titles.add(str(claim_id))
    return out, frozenset(titles)
