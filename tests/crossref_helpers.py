"""Claims frames for cross-reference tests, built from short dicts or from the gold files.

Context (actor, qualifiers, time, place...) is written by hand in the fixtures: the tests of
cross-referencing do not depend on factcheck.context.
"""

from __future__ import annotations

import json
import math
from dataclasses import fields
from pathlib import Path

import pandas as pd

from factcheck.models import APPROX_TOLERANCE, CLAIM_COLUMNS, stable_id
from factcheck.text import sentence_at, sentence_spans

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "crossref" / "data"
GOLD = ROOT / "reference" / "gold"
SEEDS = ROOT / "seeds"
#: The flag types that accuse a figure of being wrong (no-flag cases assert none is raised).
ACCUSATIONS = frozenset({"contradiction", "same_source", "scale_slip", "cumulative_decrease",
                         "sources_disagree"})
CONTEXT_FIELDS = ("subject", "qualifiers", "category", "actor", "place", "time_start",
                  "time_end", "source", "modality")


def _occurrence(text: str, surface: str, occurrence: int) -> int:
    """Offset of the ``occurrence``-th raw (possibly overlapping) match of ``surface``."""
    pos = -1
    for _ in range(occurrence + 1):
        pos = text.find(surface, pos + 1)
        if pos < 0:
            raise ValueError(f"{surface!r} (occurrence {occurrence}) not in text {text[:60]!r}")
    return pos


def _bounds(claim: dict) -> tuple[float | None, float | None]:
    if "low" in claim or "high" in claim:
        return claim.get("low"), claim.get("high")
    value, approx = claim.get("value"), claim.get("approx", "none")
    if value is None:
        return None, None
    if approx == "approx":
        return value * (1 - APPROX_TOLERANCE), value * (1 + APPROX_TOLERANCE)
    if approx == "lower":
        return value, (1.0 if claim.get("kind") == "fraction" else None)
    if approx == "upper":
        return 0.0, value
    return value, value


def claim_row(article: dict, claim: dict, start: int | None = None) -> dict:
    text = article["text"]
    surface = claim["surface"]
    if start is None:
        start = _occurrence(text, surface, claim.get("occurrence", 0))
    end = start + len(surface)
    s, e = sentence_at(sentence_spans(text), start)
    low, high = _bounds(claim)
    qualifiers = claim.get("qualifiers", "")
    if isinstance(qualifiers, list):
        qualifiers = "; ".join(qualifiers)
    row = {
        "article_id": article["id"],
        "claim_id": stable_id(article["id"], start, end, surface),
        "start": start,
        "end": end,
        "surface": surface,
        "kind": claim["kind"],
        "value": claim.get("value"),
        "low": low,
        "high": high,
        "unit": claim.get("unit") or "",
        "approx": claim.get("approx", "none"),
        "resolved": claim.get("resolved", ""),
        "sentence": text[s:e],
        "subject": claim.get("subject") or "",
        "qualifiers": qualifiers,
        "category": claim.get("category") or "",
        "actor": claim.get("actor") or "",
        "place": claim.get("place") or "",
        "place_mode": claim.get("place_mode", ""),
        "place_basis": claim.get("place_basis", ""),
        "doer": claim.get("doer", ""),
        "time_start": claim.get("time_start") or "",
        "time_end": claim.get("time_end") or "",
        "time_basis": claim.get("time_basis") or "",
        "source": claim.get("source") or "",
        "source_mode": claim.get("source_mode", ""),
        "modality": claim.get("modality") or "asserted",
        "modality_rule": claim.get("modality_rule", ""),
        "role": claim.get("role", ""),
        "basis": claim.get("basis", ""),
        "published": article.get("published", ""),
        "article_source": article.get("source", ""),
        "title": article.get("title", ""),
        "copy_of": claim.get("copy_of"),
    }
    return row


def frame_from_articles(articles: list[dict]) -> pd.DataFrame:
    """A claims frame from ``[{id, published, text, claims: [{surface, kind, value, ...}]}]``."""
    rows = [claim_row(a, c) for a in articles for c in a.get("claims", [])]
    return pd.DataFrame(rows, columns=list(CLAIM_COLUMNS))


def load_cases(name: str) -> list[dict]:
    """Test cases of ``tests/crossref/data/<name>.json``."""
    with open(DATA / f"{name}.json", encoding="utf-8") as handle:
        return json.load(handle)


def case_ids(cases: list[dict]) -> list[str]:
    return [c["name"] for c in cases]


def claim_id_of(frame: pd.DataFrame, article_id: str, surface: str, occurrence: int = 0) -> str:
    rows = frame[(frame["article_id"] == article_id) & (frame["surface"] == surface)]
    rows = rows.sort_values("start")
    if len(rows) <= occurrence:
        raise KeyError(f"no claim {surface!r} #{occurrence} in {article_id}")
    return str(rows.iloc[occurrence]["claim_id"])


# --- Gold claims: seeds + dev corpus, gold figures, context added by hand ------------------

def gold_articles() -> list[dict]:
    meta = pd.read_csv(SEEDS / "metadata.csv", dtype=str)
    articles = []
    for row in meta.to_dict("records"):
        text = (SEEDS / f"{row['id']}.txt").read_text(encoding="utf-8")
        articles.append({"id": row["id"], "published": row["published"], "text": text})
    with open(GOLD / "dev_corpus.jsonl", encoding="utf-8") as handle:
        for line in handle:
            d = json.loads(line)
            articles.append({"id": d["id"], "published": d["published"], "text": d["text"]})
    return articles


def _gold_rows() -> list[dict]:
    rows = []
    for name in ("seeds_mentions.jsonl", "dev_mentions.jsonl"):
        with open(GOLD / name, encoding="utf-8") as handle:
            rows.extend(json.loads(line) for line in handle)
    return rows


def gold_frame(with_context: bool = True) -> pd.DataFrame:
    """Claims of the seeds and dev corpus from the gold mentions (attribution → source) and,
    when ``with_context``, the hand-written context of ``gold_context.json``."""
    from factcheck.text import normalize

    articles = {a["id"]: a for a in gold_articles()}
    for a in articles.values():
        a["text"] = normalize(a["text"])
    overlay: dict[str, dict] = {}
    if with_context:
        with open(DATA / "gold_context.json", encoding="utf-8") as handle:
            for item in json.load(handle):
                overlay[f"{item['id']}|{item['surface']}|{item.get('occurrence', 0)}"] = item
    rows = []
    for g in _gold_rows():
        article = articles[g["id"]]
        claim = {k: g.get(k) for k in ("surface", "kind", "value", "unit", "subject")}
        claim["approx"] = g.get("approx") or "none"
        claim["source"] = g.get("attribution")
        if g.get("low") is not None or g.get("high") is not None:
            claim["low"], claim["high"] = g.get("low"), g.get("high")
        extra = overlay.get(f"{g['id']}|{g['surface']}|{g['occurrence']}", {})
        claim.update({k: v for k, v in extra.items() if k in CONTEXT_FIELDS or k == "resolved"})
        rows.append(claim_row(article, claim, start=g["start"]))
    return pd.DataFrame(rows, columns=list(CLAIM_COLUMNS))


def gold_relations() -> list[dict]:
    """The shared gold's relations, and the pairs it leaves unannotated that this project
    added with their reason (``dev_relations_added.jsonl``)."""
    rels = []
    for name in ("seeds_relations.jsonl", "dev_relations.jsonl", "dev_relations_added.jsonl"):
        with open(GOLD / name, encoding="utf-8") as handle:
            rels.extend(json.loads(line) for line in handle)
    return rels


def gold_claim_id(frame: pd.DataFrame, ref: list) -> str:
    """Claim id of a gold reference ``[article, surface, occurrence]``: the occurrence counts
    raw matches of the surface in the text, as in the gold files."""
    article, surface, occurrence = ref
    text = next(a["text"] for a in gold_articles() if a["id"] == article)
    start = _occurrence(text, surface, occurrence)
    rows = frame[(frame["article_id"] == article) & (frame["start"] == start)]
    if rows.empty:
        raise KeyError(f"no gold claim {ref}")
    return str(rows.iloc[0]["claim_id"])


# --- Rule cases: tests/crossref/data/rules/<rule>.json ------------------------------------

def rule_cases(rule: str) -> list[dict]:
    with open(DATA / "rules" / f"{rule}.json", encoding="utf-8") as handle:
        return json.load(handle)


def check_rule_case(rule: str, case: dict) -> None:
    """Run only ``rule`` on the case's articles (with the project's reference figures) and
    compare its flags with the expected ones: same claims, explanation containing the cues."""
    from factcheck.crossref.engine import cross_reference
    from factcheck.crossref.reference import load_reference
    from factcheck.crossref.rules import registered_rules

    frame = frame_from_articles(case["articles"])
    _, flags = cross_reference(frame, load_reference(), rules=[registered_rules()[rule]()])
    assert set(flags.type) <= {rule}
    got = {frozenset(f.claim_ids): f for f in flags.itertuples()}
    want = {frozenset(claim_id_of(frame, a, s) for a, s in f["claims"]): f for f in case["flags"]}
    assert set(got) == set(want), [f.explanation for f in flags.itertuples()]
    for ids, expected in want.items():
        flag = got[ids]
        for fragment in expected.get("contains", []):
            assert fragment in flag.explanation, (fragment, flag.explanation)
        assert flag.evidence and all(flag.evidence)
        assert set(flag.article_ids) == {a for a, _ in expected["claims"]}


#: Relations a test accepts for an expected one. ``different_scope`` says "never one fact":
#: a ``different_scope`` link, or no link at all when nothing ties the two figures' stories
#: (figures of two stories are left apart, see factcheck/crossref/stories.py).
ACCEPTED = {"same": {"same", "compatible"}, "compatible": {"same", "compatible"},
            "different_scope": {"different_scope", None}}


def accepted(expected: str) -> set[str | None]:
    return ACCEPTED.get(expected, {expected})


def same_value(a: object, b: object) -> bool:
    """Equal and of one type (``1 == 1.0`` is not enough), NaN equal to NaN."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a):
        return math.isnan(b)
    return type(a) is type(b) and a == b


def view_fields(view: object) -> dict:
    """A claim view's fields by name, its story as the plain set of articles it holds."""
    out = {f.name: getattr(view, f.name) for f in fields(view)}
    out["story"] = frozenset(out["story"])
    return out


def ref_id(frame: pd.DataFrame, ref: list) -> str:
    """The claim id of a case's figure reference ``[article, surface]`` or ``[article,
    surface, occurrence]``."""
    return claim_id_of(frame, ref[0], ref[1], ref[2] if len(ref) > 2 else 0)


def pair_rows(links: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """The link rows between claims ``a`` and ``b``, in either order."""
    return links[((links.claim_a == a) & (links.claim_b == b))
                 | ((links.claim_a == b) & (links.claim_b == a))]


def relation_of(links: pd.DataFrame, a: str, b: str) -> str | None:
    """The relation of the first link between ``a`` and ``b``, or None."""
    rows = pair_rows(links, a, b)
    return None if rows.empty else str(rows.iloc[0]["relation"])



def check_gate_case(case: dict) -> None:
    """The gate of :mod:`factcheck.crossref.gates` that keeps ``case``'s first expected pair
    unlinked is ``case["gate"]``."""
    from factcheck.crossref.engine import cross_reference
    from factcheck.crossref.gates import unlinked_gates

    frame = frame_from_articles(case["articles"])
    links, _ = cross_reference(frame)
    a, b, _ = case["links"][0]
    pair = (ref_id(frame, a), ref_id(frame, b))
    assert unlinked_gates(frame, [pair], links)[frozenset(pair)] == case["gate"]


def check_links_case(case: dict, apart: tuple[str | None, ...] = (None, "different_scope")
                     ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Cross-reference ``case``'s articles (claims given in the case) and check each expected
    link ``[a, b, relation]``: linked as ``relation`` (see :func:`accepted`), or, for ``None``,
    a relation among ``apart``; no flag may be raised. Returns the frame and the links."""
    from factcheck.crossref.engine import cross_reference

    frame = frame_from_articles(case["articles"])
    links, flags = cross_reference(frame)
    for a, b, expected in case["links"]:
        got = relation_of(links, ref_id(frame, a), ref_id(frame, b))
        if expected is None:
            assert got in apart, (case["why"], got)
        else:
            assert got in accepted(expected), (case["why"], links.to_dict("records"))
    assert flags.empty, flags.to_dict("records")
    return frame, links


def case_articles(case: dict, dated: bool = True) -> list:
    """The articles of a multi-article text case (``id``, ``text``, ``title``, ``published``
    as an ISO date); ``dated=False`` lets an article go without its publication date."""
    from datetime import date

    from factcheck.models import Article

    return [Article(a["id"], a["text"], title=a["title"],
                    published=date.fromisoformat(a["published"])
                    if dated or a.get("published") else None)
            for a in case["articles"]]


def check_flag_case(case: dict, checked: frozenset[str] | set[str]) -> None:
    """Read a case's articles end to end: the flags of the types ``checked`` it raises must be
    the case's ``flags`` (sorted), its ``why`` and the flags raised shown when they are not."""
    from factcheck.crossref.engine import cross_reference
    from factcheck.pipeline import claims_frame

    _, flags = cross_reference(claims_frame(case_articles(case)))
    raised = sorted(t for t in flags["type"] if t in checked) if len(flags) else []
    assert raised == case["flags"], (case["why"], flags.to_dict("records"))
