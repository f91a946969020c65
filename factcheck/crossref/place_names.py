"""Places as the text writes them, for the explanations shown to editors.

Cross-referencing compares places by a lower-case key (:func:`factcheck.crossref.scope.
place_key`: "Kiev" and "kyiv" are one place); the explanations show each key as the places
data writes it ("lieu : Lyon contre Marseille", "même lieu : Clermont-Ferrand"), and a town
the data does not list capitalised word by word but for the particles of a name
(``name_particles`` of ``places.toml``: "Saint-Laurent-de-la-Cabrerisse"). Only the wording
changes: links and flags are keyed by their claims, never by the text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache

import regex

from factcheck.context._place_scope import part_figures, part_place
from factcheck.context.world import world_data
from factcheck.crossref.cells import cell_text
from factcheck.crossref.cue_sets import _norm
from factcheck.lang import load_data

_PARTS = regex.compile(r"([\s-]+)")


@cache
def _normal_forms(code: str) -> dict[str, str]:
    """Lower-case key -> normal form of every place the places data lists."""
    w = world_data(code)
    shown: dict[str, str] = {}
    for table in (w.places, w.places_as_written, w.places_ambiguous, w.ambiguous_cities):
        for normal in table.values():
            shown.setdefault(_norm(normal), normal)
    return shown


@cache
def _particles(code: str) -> frozenset[str]:
    return frozenset(str(p) for p in load_data(code, "places").get("name_particles", []))


def place_name(key: str, code: str = "fr") -> str:
    """``key`` (a lower-case place key) as editors read it."""
    if not key:
        return key
    known = _normal_forms(code).get(key)
    if known:
        return known
    particles = _particles(code)
    out: list[str] = []
    for k, part in enumerate(_PARTS.split(key)):
        if not part or _PARTS.fullmatch(part) or (k and part in particles):
            out.append(part)
            continue
        elided = next((p for p in particles if p.endswith("'") and part.startswith(p)
                       and len(part) > len(p)), "")
        if elided:  # "L'Isle-Adam" first, "Villeneuve-d'Ascq" after
            head = elided if k else elided[0].upper() + elided[1:]
            out.append(head + part[len(elided)].upper() + part[len(elided) + 1 :])
        else:
            out.append(part[0].upper() + part[1:])
    return "".join(out)


def place_names(keys: Iterable[str]) -> str:
    """A set of place keys shown in alphabetical order of their keys, comma-separated."""
    return ", ".join(place_name(k) for k in sorted(keys))


def mark_parts_places(members: list[dict], sentence: str, key: Callable[[str], str]) -> None:
    """For each figure of one sentence with no place read (``place`` empty), the places
    (keys by ``key``) of its parts, under ``_parts_places``: the places of the figures after
    it that are parts (:func:`factcheck.context._place_scope.part_figures`, the one reading
    the context stage makes: a part opener a few words before the figure, the place in its
    clause; not "dont une majorité de jeunes ; la veille, 500 à Lyon"). "1,12
    million de personnes ont manifesté, dont 80 000 à Paris": Paris is the part's place, not
    the whole's; the whole's place is unknown (no clash with a count in France), while
    "Entre 36 000 selon la police et 107 000 selon les organisateurs à Paris" keeps Paris."""
    held = [m for m in members
            if cell_text(m.get("place")) and cell_text(m.get("place_mode")) == "explicit"]
    if not held:
        return
    order = sorted(members, key=lambda m: m["_rel_start"])
    part = {id(m): p for m, p in zip(order, part_figures(
        sentence, [(m["_rel_start"], m["_rel_end"]) for m in order]), strict=True)}
    for m in members:
        if cell_text(m.get("place")):
            continue
        parts = frozenset(key(cell_text(p.get("place"))) for p in held
                          if p["_rel_start"] >= m["_rel_end"] and part[id(p)]
                          and part_place(sentence, p["_rel_end"], cell_text(p.get("place"))))
        if parts:
            m["_parts_places"] = parts
