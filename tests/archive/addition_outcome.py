"""What one addition to a small store gives (links, flags, current facts), as plain JSON, so
that the store's engine can be compared with an earlier version's on the same articles.

``tests/archive/data/addition_outcome.json`` was written by the store engine at commit
1ce611c (before the key index), by running this file with that commit's ``factcheck`` first
on the path::

    git archive 1ce611c | tar -x -C /tmp/old
    PYTHONPATH=/tmp/old .venv/bin/python tests/archive/addition_outcome.py

``test_key_index.py`` runs the same additions with the current engine and compares.

Written again on branch s19-links (issue 12) after a rule change, not a store change: a
round value stated again in two articles' sentences that share rare words is now tied
(``crossref/repeats.py``), which merged current facts of the stored batch (the planted
background repeats template sentences verbatim, "table sur une croissance de 0,8 % en 2017,
après 0,7 %"); the one-shot ``check`` of the same 450 articles moved the same way (239 more
``same`` links, the same 61 flags) and the addition's own links and flags did not move.

Written again in session 36 (issue 12) after an extraction fix, not a store change: a named
event is no longer read inside a longer number word ("Vingt-Sept" in "quatre-vingt-sept
millions d'yuans", commits 99dcc60 and 8095bad), so eight figures of the planted corpus are
read; the stored batch's current facts gain those figures (5 facts), the addition's links,
flags and copies did not move; the one-shot ``check`` of the same 450 articles moved the
same way (the same 5,947 claims with 8 identifiers now figures, 8 more links, the same 62
flags).
"""

from __future__ import annotations

import json
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUTCOME = Path(__file__).parent / "data" / "addition_outcome.json"

#: name -> (articles, seed, split): a planted corpus of ``bench/planted.py``, without
#: context, whose articles are stored then added as the split says: the first 300 then the
#: rest (stories straddling the split), or every third article added to the others (most
#: stories on both sides), with copies of ten stored articles under other ids and outlets.
CASES = {"planted 450, first 300 then the rest": (450, 7, "prefix"),
         "planted 450, every third added to the others": (450, 7, "thirds")}


def split(articles: list, how: str) -> tuple[list, list]:
    if how == "prefix":
        return articles[:300], articles[300:]
    stored = [a for i, a in enumerate(articles) if i % 3]
    copies = [replace(a, article_id=f"{a.article_id}-repris", source="Autre journal",
                      url=None) for a in stored[::20][:10]]
    return stored, [a for i, a in enumerate(articles) if not i % 3] + copies


def _planted(n: int, seed: int):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from planted import planted_corpus
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return planted_corpus(n, seed)[0]


def outcome(n: int, seed: int, how: str) -> dict:
    """The addition's links, flags and copies, and the store's current facts afterwards."""
    from factcheck.archive import add_to_store, open_store
    from factcheck.archive.facts_update import CURRENT_FACTS_SQL

    stored, added = split(_planted(n, seed), how)
    with tempfile.TemporaryDirectory() as tmp:
        add_to_store(tmp, stored, with_context=False)
        summary = add_to_store(tmp, added, with_context=False)
        with open_store(tmp) as con:
            batch = summary.batch
            links = con.execute("SELECT link_id, relation FROM links WHERE batch = ? "
                                "ORDER BY link_id", [batch]).fetchall()
            flags = con.execute("SELECT flag_id, type, explanation FROM flags WHERE batch = ? "
                                "ORDER BY flag_id", [batch]).fetchall()
            facts = con.execute(f"SELECT fact_id, claim_ids, n_reports FROM ({CURRENT_FACTS_SQL})"
                                " ORDER BY fact_id").fetchall()
            copies = con.execute("SELECT article_id, copy_of FROM articles WHERE batch = ? "
                                 "AND copy_of IS NOT NULL ORDER BY 1", [batch]).fetchall()
    return {"n_added": summary.n_added, "n_claims": summary.n_claims,
            "links": [list(r) for r in links], "flags": [list(r) for r in flags],
            "facts": [[f, list(ids), n] for f, ids, n in facts],
            "copies": [list(r) for r in copies]}


if __name__ == "__main__":
    import factcheck

    print("factcheck from", factcheck.__file__)
    OUTCOME.write_text(json.dumps({name: outcome(*case) for name, case in CASES.items()},
                                  ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
