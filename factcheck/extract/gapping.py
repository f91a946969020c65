"""A change whose verb is said once for several nouns (gapping): "les cambriolages ont
augmenté de 3 % et les vols, de 5 %". The first figure is read as a change by its verb
(:mod:`factcheck.extract._approx_reading`); :func:`gapped_changes` gives the same part to the
figures that share that verb, so that "5 %" is the size of a change, not a share. The cue
words are data (``lang/<code>/rates.toml`` [gapping])."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from factcheck.extract._mention_copy import replace
from factcheck.lang import load_data
from factcheck.models import Mention
from factcheck.patterns import _alt

CHANGE_BY = "change_by"
#: Farthest a figure may be from the change whose verb it shares (characters).
MAX_GAP = 160


@dataclass(frozen=True, slots=True)
class GappingData:
    between: regex.Pattern[str]
    after: regex.Pattern[str]
    clause_verbs: frozenset[str]  # a verb of its own in the noun phrase: no gap


@cache
def gapping_data(code: str = "fr") -> GappingData:
    data = load_data(code, "rates")["gapping"]
    joiners = _alt([j.strip() for j in data["joiners"]])
    dets = _alt(data["determiners"])
    n = int(data["max_phrase"])
    # After the first change (and its parenthesis, "(812 faits recensés)"): a joiner, a
    # determiner, a noun phrase with no figure nor clause end, an optional comma, "de".
    adverbs = _alt(data["adverbs"])
    between = regex.compile(
        rf"^(?:\s+(?:{adverbs}))?(?:\s*\([^()]*\))?\s*(?:{joiners})\s+(?:{dets})(?:\s+|(?<='))"
        rf"(?P<phrase>[^\d.;:!?()«»\"]{{1,{n}}}?),?\s+(?:de|d')\s*$",
        regex.IGNORECASE,
    )
    after = regex.compile(rf"^\s*(?:[,;.)(]|$|(?:{_alt(data['after'])})(?!\w))",
                          regex.IGNORECASE)
    verbs = frozenset(w.lower() for w in data.get("clause_verbs", []))
    return GappingData(between=between, after=after, clause_verbs=verbs)


def _shares_the_verb(data: GappingData, between: str) -> bool:
    """Whether the text between a change and a later figure is a gapped clause: a joiner, a
    determiner, a noun phrase with no verb of its own after its head, "de" ("et les vols,
    de"; not "et la part des ménages est désormais de")."""
    m = data.between.search(between)
    if m is None:
        return False
    words = m.group("phrase").replace("’", "'").lower().replace(",", " ").split()[1:]
    return not any(w in data.clause_verbs for w in words)


def gapped_changes(text: str, mentions: list[Mention], code: str = "fr") -> list[Mention]:
    """``mentions`` (sorted by position) with the figures that share the change verb of the
    figure before them read as changes (``role`` ``change_by``)."""
    data = gapping_data(code)
    out = list(mentions)
    for i, m in enumerate(out):
        if m.role or not data.after.match(text[m.end : m.end + 20]):
            continue
        # The change before it: figures inside the parenthesis after that change between.
        for j in range(i - 1, -1, -1):
            prev = out[j]
            if m.start - prev.end > MAX_GAP:
                break
            if prev.role != CHANGE_BY or (prev.kind, prev.unit) != (m.kind, m.unit):
                continue
            if _shares_the_verb(data, text[prev.end : m.start]):
                out[i] = replace(m, role=CHANGE_BY)
            break
    return out
