"""Columns of the store's tables, and the comparable view of a figure kept with its claim.

The claims table keeps, next to the claims-table columns, what cross-referencing computed
for each figure when it was stored: its comparable view (:class:`ClaimView`, as JSON), its
blocking key, its equal-value key, its attribute key and its part/total role. A stored
article never changes, and everything in a view is read within its sentence or its article
(the only exception, the articles of its story, is left out: a pair's story is read from the
new article's side), so the view a full run would compute is the one stored.
"""

from __future__ import annotations

import json
import math
from dataclasses import fields, is_dataclass, replace
from typing import Any

import pyarrow as pa

from factcheck.archive.key_index import INDEX_SCHEMAS
from factcheck.crossref.attributes import attribute_key as _attribute_key
from factcheck.crossref.cue_words import Lexicon
from factcheck.crossref.facts import FACT_COLUMNS
from factcheck.crossref.matching import ClaimView
from factcheck.crossref.repeats import repeat_key
from factcheck.crossref.story_places import ArticleWhere
from factcheck.models import FLAG_COLUMNS, LINK_COLUMNS
from factcheck.pipeline import ALL_CLAIM_COLUMNS, ARTICLE_COLUMNS

_STR = pa.string()
_LIST = pa.list_(pa.string())

_CLAIM_TYPES = {"start": pa.int64(), "end": pa.int64(), "sentence_start": pa.int64(),
                "number_start": pa.int64(), "number_end": pa.int64(), "value": pa.float64(),
                "low": pa.float64(), "high": pa.float64()}

#: Columns the store adds to the claims table.
STORE_CLAIM_COLUMNS = ("seq", "published_month", "block", "equal_key", "attribute_key",
                       "xrole", "xplace", "view", "fact_view")

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [(c, _STR) for c in ARTICLE_COLUMNS]
        + [("published_month", _STR), ("text_hash", _STR), ("copy_of", _STR),
           ("story_text", _STR), ("story_keys", _LIST), ("story_words", _LIST),
           ("story_weights", pa.list_(pa.float64())), ("lsh_bands", _LIST)]),
    "claims": pa.schema(
        [(c, _CLAIM_TYPES.get(c, _STR)) for c in ALL_CLAIM_COLUMNS]
        + [("seq", pa.int64())] + [(c, _STR) for c in STORE_CLAIM_COLUMNS[1:]]),
    "links": pa.schema([(c, _STR) for c in LINK_COLUMNS]),
    "flags": pa.schema(
        [(c, _LIST if c in ("claim_ids", "article_ids", "evidence") else
          pa.float64() if c == "confidence" else _STR) for c in FLAG_COLUMNS]),
    "facts": pa.schema(
        [(c, _LIST if c == "claim_ids" else
          pa.int64() if c in ("n_reports", "n_articles") else
          pa.float64() if c in ("value", "low", "high") else _STR) for c in FACT_COLUMNS]
        + [("replaces", _LIST)]),
    **INDEX_SCHEMAS,
}

_VIEW_FIELDS = {f.name: str(f.type) for f in fields(ClaimView)}

#: View fields added since the store format was last raised, with the value a view stored
#: before them reads back with. Each default is the reading that ties no more than the view
#: did when it was stored: ``doer`` "" (not read as an act: the context then gave an act noun
#: no doer, and an act amount with a named body was not read as an act at all; a new
#: figure's doer against it still blocks), ``projected_by_date`` False (projected as by a
#: word: it meets no undated report), ``term`` () (no term of comparison tied through its
#: base, crossref/compared_terms.py: it ties no other term), ``cause`` empty (no cause read,
#: crossref/causes.py: it blocks nothing), ``names`` and ``source_names`` () (no names read,
#: crossref/bodies.py: no body told apart), ``part_places`` empty (no place of a part set
#: apart: the whole is told apart by its sentence's places as before). A store of format 7 written
#: before them loads and grows; its new partitions carry the claims table's ``doer`` column,
#: its older ones read it as null (``layout.connect``: ``union_by_name``).
_LATER_VIEW_FIELDS: dict[str, Any] = {"doer": "", "projected_by_date": False, "term": (),
                                      "cause": frozenset(), "names": (), "source_names": (),
                                      "part_places": frozenset(), "where": None}
# ``where`` (crossref/story_places.py: where the article's event happens) is None for a view
# stored before it: no place read, so its article is set apart from no other (the stories
# gate as it was when the view was stored).

_WHERE_FIELDS = {f.name: str(f.type) for f in fields(ArticleWhere)}


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, float) and math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return value


def _number(value: Any) -> Any:
    if value == "inf":
        return math.inf
    if value == "-inf":
        return -math.inf
    return value


def view_to_json(view: ClaimView) -> str:
    """A view as JSON, without its story (the other articles of its story change as the
    store grows; they are read from the new articles' side)."""
    data = {name: _plain(getattr(view, name)) for name in _VIEW_FIELDS if name != "story"}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


class ViewFormatError(ValueError):
    """A stored view whose fields are not those of this version's ClaimView."""


def view_from_json(text: str) -> ClaimView:
    data = json.loads(text)
    expected = set(_VIEW_FIELDS) - {"story"}
    data = {**{k: v for k, v in _LATER_VIEW_FIELDS.items() if k not in data}, **data}
    if set(data) != expected:
        raise ViewFormatError(f"stored view fields differ: {sorted(set(data) ^ expected)}")
    out: dict[str, Any] = {}
    for name, value in data.items():
        kind = _VIEW_FIELDS[name]
        if "ArticleWhere" in kind:
            out[name] = None if value is None else _where_from_json(value)
        elif kind.startswith("frozenset"):
            # Pairs ("qualifiers": (set, value)) come back from JSON as lists; an optional
            # set ("narrowing": None, the counted noun left unsaid) as null.
            out[name] = None if value is None else frozenset(
                tuple(v) if isinstance(v, list) else v for v in value)
        elif kind.startswith("tuple[tuple[str, ...]"):
            out[name] = tuple(tuple(v) for v in value)  # names: runs of words
        elif kind.startswith("tuple[tuple"):
            out[name] = tuple((k, w) for k, w in value)
        elif kind.startswith("tuple[float"):
            out[name] = tuple(_number(v) for v in value)
        elif kind.startswith("tuple"):
            out[name] = tuple(value)
        elif kind.startswith("float"):
            out[name] = None if value is None else _number(value)
        else:
            out[name] = value
    return ClaimView(**out)


def _where_from_json(value: dict[str, Any]) -> ArticleWhere:
    if set(value) != set(_WHERE_FIELDS):
        differ = sorted(set(value) ^ set(_WHERE_FIELDS))
        raise ViewFormatError(f"stored where fields differ: {differ}")
    return ArticleWhere(**{
        k: frozenset(tuple(x) if isinstance(x, list) else x for x in v)
        if _WHERE_FIELDS[k].startswith("frozenset") else v for k, v in value.items()})


def block_key(view: ClaimView) -> str | None:
    """The view's blocking key as stored (``crossref.matching.blocks``: dimension and metric
    family, else source); None for a denied figure, which blocks leave out."""
    key = view.block
    if key is None or view.modality == "denied":
        return None
    return f"{key[0]}|{key[1]}"


def equal_key(view: ClaimView) -> str | None:
    """The key under which the engine pairs figures stating one value
    (``crossref.repeats.repeat_key``: dimension and number as written, whatever the
    approximator); None for a figure never paired by its value."""
    key = repeat_key(view)
    if key is None:
        return None
    return "|".join(repr(part) for part in key)


def attribute_key(view: ClaimView, lexicon: Lexicon) -> str | None:
    """The key under which the engine pairs figures giving one value of an attribute after
    one name (``crossref.attributes.attribute_key``: dimension, name and bounds: "Nahel,
    17 ans"); None for a figure that is none."""
    key = _attribute_key(view, lexicon)
    if key is None:
        return None
    return "|".join(repr(part) for part in key)


def judging_view(view: ClaimView, role: str | None, place: str | None) -> ClaimView:
    """A stored view with the part/total role it has in its article."""
    if not role:
        return view
    return replace(view, role=role, place=place or "")
