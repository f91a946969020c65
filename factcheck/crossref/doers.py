"""Who did the act an amount is named by, on two figures: one doer or two
(``ClaimView.doer``; :func:`factcheck.crossref.identity.identity` blocks two)."""

from __future__ import annotations

import regex
from rapidfuzz import fuzz

from factcheck.context.names import same_source

_COORDINATED = regex.compile(r"(?i)\s(?:et|ou)\s|[,&/+]")


def same_doer(a: str, b: str) -> bool:
    """One doer named on both sides, perhaps at two lengths: the names of sources agree
    (:func:`factcheck.context.names.same_source`), or every word of one is in the other
    (rapidfuzz's token set ratio at 100: "le port de Brest" in "le grand port maritime de
    Brest"); unknown ("" or "?") on either side, never; a name coordinating two bodies is
    only itself."""
    if not a or not b or "?" in (a, b):
        return False
    if a == b:
        return True
    # Two bodies acting together are not one of them ("l'État" / "l'État et la Région",
    # code review 38): neither the source names nor the word sets are asked across a
    # coordination.
    if _COORDINATED.search(f" {a} ") or _COORDINATED.search(f" {b} "):
        return False
    return same_source(a, b) or fuzz.token_set_ratio(a.lower(), b.lower()) == 100
