"""A headline's figures against its own article's body.

A headline given apart from the text (the ``title`` of a table's row; claims of ``part``
"title", see ``factcheck.claim_rows.headline_article``), or repeated as the text's first line (the
figures of that line, read once in the body: :func:`repeated_title_ids`), states again,
often rounded, a figure its body gives: "Près de 3 000 emplois menacés" over "2 870 postes",
"15 blessés" over "les secours ont recensé 15 blessés". Each headline figure is set against
the body figures of its article that count the same thing (same dimension, same metric
family, neither a part of a total nor a change):

* one of them gives its value, within the approximation and rounding of both, or rounded to
  the headline's own last significant digit ("2 000 morts" over "2 012 morts"): the headline
  repeats it. The two are linked (``same`` or ``compatible``) and the headline figure is
  left out of every other comparison: one figure of its article, never counted twice;
* none gives its value, and exactly one of them is of its order of magnitude (within a
  factor of two, the figure a headline sums up: not "60 de plus", not "dont 2 graves"; any
  value for two changes in percent, the headline's base unsaid or the body's, "chute de 30
  %" over "en baisse de 13 %"), with
  no other place, period, base of a rate, population or modality, and the headline value is
  no sum of the body's figures of its kind and dimension, whatever metric family each is
  read in ("15 blessés" over "12 blessés, dont 3 graves. Trois autres personnes légèrement
  blessées"), and the body does not date a running toll before its own article ("8 morts
  lundi soir" in Thursday's paper: the toll may have moved since, the headline gives the
  later one, unless the headline is dated that same period): the body contradicts its
  headline (rule ``contradiction``, "dans le titre");
* otherwise nothing is said: the headline figure is a figure of its article like any other.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations

import pandas as pd

from factcheck.crossref.cells import cell_text
from factcheck.crossref.cue_words import Lexicon
from factcheck.crossref.explain import bounds, quote
from factcheck.crossref.matching import CHANGE, ClaimView
from factcheck.crossref.relations import Judged, value_relation
from factcheck.text import same_line

#: Kinds whose headline figures are set against the body's: measures, not marks.
_MEASURES = frozenset({"count", "money", "percent", "fraction", "quantity"})
#: Within this ratio, a body figure is of the headline's order of magnitude (not for shares).
_SAME_ORDER = 2.0
#: Dimension of shares; with ``CHANGE``, of changes in percent ("share:change").
_SHARE = "share"


@dataclass(frozen=True, slots=True)
class HeadlineReading:
    """A headline figure and the body figure it repeats (``relation`` "same" or
    "compatible") or that contradicts it ("contradiction")."""

    title: ClaimView
    body: ClaimView
    relation: str


def title_ids(claims: pd.DataFrame | None) -> frozenset[str]:
    """The claim ids of the headline figures of ``claims``: those read in a headline given
    apart (column ``part``), and those of a text's first sentence that repeats its title (a
    CMS export often opens the text with the headline: :func:`repeated_title_ids`)."""
    if claims is None or claims.empty or "part" not in claims.columns:
        return frozenset()
    part = claims["part"].map(cell_text)
    given = frozenset(claims.loc[(part == "title").to_numpy(), "claim_id"].map(cell_text)) \
        if (part == "title").any() else frozenset()
    return given | repeated_title_ids(claims)


def repeated_title_ids(claims: pd.DataFrame) -> frozenset[str]:
    """The claim ids of the figures of each article's first sentence with figures when it
    says the words of the article's title (spacing, case and closing punctuation aside):
    the headline, repeated as the text's first line, read once in the body."""
    if not {"title", "sentence", "sentence_start", "article_id"} <= set(claims.columns):
        return frozenset()
    titled = claims["title"].map(cell_text).str.strip().ne("")
    body = claims[(titled & claims["part"].map(cell_text).ne("title")).to_numpy()]
    if body.empty:  # no article with a title: nothing to look for (one pass, no groups)
        return frozenset()
    starts = pd.to_numeric(body["sentence_start"], errors="coerce")
    first = starts.eq(starts.groupby(body["article_id"].map(cell_text)).transform("min"))
    rows = body[first.to_numpy()]  # each article's first sentence with figures
    kept = [same_line(cell_text(t), cell_text(s)) for t, s in zip(rows["title"], rows["sentence"],
                                                                     strict=True)]
    return frozenset(rows.loc[kept, "claim_id"].map(cell_text))


def headline_readings(views: Iterable[ClaimView], titles: frozenset[str],
                      lexicon: Lexicon) -> list[HeadlineReading]:
    """What each headline figure of ``titles`` is to its body (see the module), in the
    order of ``views``; a running toll's outcomes are ``lexicon.toll_outcomes``."""
    if not titles:
        return []
    by_article: dict[str, list[ClaimView]] = {}
    heads: list[ClaimView] = []
    for v in views:
        if v.claim_id in titles:
            heads.append(v)
        else:
            by_article.setdefault(v.article_id, []).append(v)
    found = []
    for head in heads:
        reading = _reading(head, by_article.get(head.article_id, []), lexicon)
        if reading is not None:
            found.append(reading)
    return _one_per_error(found)


def _one_per_error(found: list[HeadlineReading]) -> list[HeadlineReading]:
    """One contradiction for one headline figure: the title given apart and its repeat as the
    text's first line state it twice, one error. A figure of the headline that the body
    repeats under one of its statements is contradicted by none. A headline figure is keyed
    by its metric family too: "2 morts et 2 blessés" holds two figures, and the body
    repeating its dead hides no error on its injured."""
    def key(r: HeadlineReading) -> tuple:
        t = r.title
        return t.article_id, t.kind, t.dimension, t.family, t.value

    repeated = {key(r) for r in found if r.relation != "contradiction"}
    seen: set[tuple] = set()
    kept = []
    for r in found:
        if r.relation == "contradiction":
            if key(r) in repeated or (key(r), r.body.claim_id) in seen:
                continue
            seen.add((key(r), r.body.claim_id))
        kept.append(r)
    return kept


def _reading(head: ClaimView, body: Sequence[ClaimView], lexicon: Lexicon
             ) -> HeadlineReading | None:
    if head.kind not in _MEASURES or head.value is None:
        return None
    alike = [b for b in body if _counts_alike(head, b)]
    for b in alike:
        relation = _repeats(head, b)
        if relation:
            return HeadlineReading(head, b, relation)
    if any(_repeats(head, b) for b in body if _restates(head, b, lexicon)):
        return None  # "89 %" over "89 % des TER": its value, read in another family
    rivals = [b for b in alike if _same_order(head, b)]
    if len(rivals) != 1 or not _same_scope(head, rivals[0], _lead_places(body)) \
            or _sum_of(head, body) \
            or _earlier_toll(head, rivals[0], lexicon.toll_outcomes):
        return None
    return HeadlineReading(head, rivals[0], "contradiction")


def _counts_alike(head: ClaimView, b: ClaimView) -> bool:
    return (b.kind == head.kind and b.dimension == head.dimension and b.value is not None
            and bool(head.family) and b.family == head.family and b.role != "part"
            and b.span != "change")


def _restates(head: ClaimView, b: ClaimView, lexicon: Lexicon) -> bool:
    """``b`` may restate the headline's figure under another wording: a figure of its kind
    and dimension, neither a part nor a change, that can name the headline's thing: read in
    no metric family, or a share read in the family of the population it is taken of ("89 %
    des TER sont arrivés à l'heure": the trains, not what is measured of them), in both
    cases with no outcome and no subject other than the headline's. Not a figure of another
    family ("4 blessés" restates no "4 morts")."""
    if not (b.kind == head.kind and b.dimension == head.dimension and b.value is not None
            and b.role != "part" and b.span != "change"):
        return False
    if b.outcome and b.outcome != head.outcome:
        return False
    if not b.family:
        return not b.subject or b.subject == head.subject
    return _share_of_population(b, lexicon)


def _share_of_population(b: ClaimView, lexicon: Lexicon) -> bool:
    """A share followed by the population it is taken of ("87 % des bus"): its family names
    that population, not the measure."""
    if b.dimension != _SHARE or b.sentence_start is None:
        return False
    return bool(lexicon.share_base.match(b.sentence[b.end - b.sentence_start:]))


def _repeats(head: ClaimView, b: ClaimView) -> str:
    """"same" or "compatible" when ``head`` gives ``b``'s value, else ""."""
    relation = value_relation(head, b)
    if relation != "incompatible":
        return relation
    step = _last_digit(head)
    if step and abs(b.value - head.value) <= step / 2:  # type: ignore[operator]
        return "compatible"  # "3 000" rounding "2 870"
    return ""


def _last_digit(head: ClaimView) -> float:
    """The place of the headline value's last significant digit (1000 for 3 000, 0.1 for
    1,5): the rounding a headline may have applied. 0 for no exact value."""
    if not head.exact or not head.value:
        return 0.0
    step = 10.0 ** math.floor(math.log10(abs(head.value)))
    while step > 1e-6 and abs(head.value / step - round(head.value / step)) > 1e-9:
        step /= 10
    return step


def _same_order(head: ClaimView, b: ClaimView) -> bool:
    """Whether ``b`` is of the headline's order of magnitude: within a factor of two; for
    two changes in percent, any value when the headline reads the body's base of the rate
    or none (a headline leaves it to the body: "chute de 30 %" over "en baisse de 13 % par
    rapport à 2025", the wrong rate a headline gives). Levels of a
    share keep the factor (code review 38: "55 % opposés" over "seuls 20 % soutiennent",
    "62 %" at the close over "25 %" at 17 heures are other facts, not a wrong headline)."""
    x, y = abs(head.value or 0.0), abs(b.value or 0.0)
    if x > 0 and y > 0 and head.dimension == b.dimension == _SHARE + CHANGE \
            and head.basis in ("", b.basis):
        return True
    return x > 0 and y > 0 and max(x, y) / min(x, y) <= _SAME_ORDER


def _lead_places(body: Sequence[ClaimView]) -> frozenset[str]:
    """The places of the body's first sentence with figures: the lead, which sets the
    story's scene a headline leaves unsaid ("Le collège Daudet de Nîmes accueille ...")."""
    starts = [b.sentence_start for b in body if b.sentence_start is not None]
    if not starts:
        return frozenset()
    first = min(starts)
    return frozenset(p for b in body if b.sentence_start == first for p in b.own_places)


def _same_scope(head: ClaimView, b: ClaimView, lead: frozenset[str] = frozenset()) -> bool:
    """Nothing tells the two apart: no other place, explicit period, population, qualifier
    or modality. A place the body figure names is the headline's only when the headline
    names it too, or, naming none, when its article is placed there (a headline with no
    place is about its article's place, not the region of a body figure's own): the place
    its text gives the article (dateline, headline), or its lead's (``lead``)."""
    if _other_place(head, b, lead):
        return False
    if head.basis and b.basis and head.basis != b.basis:
        return False  # "en hausse de 30 % sur cinq ans" / "de 13 % sur un an": two rates
    if head.period[0] == "explicit" and b.period[0] == "explicit" \
            and head.period[1:] != b.period[1:]:
        return False
    return (head.population == b.population and head.qualifiers == b.qualifiers
            and head.modality == b.modality and head.revision == b.revision)


def _other_place(head: ClaimView, b: ClaimView, lead: frozenset[str]) -> bool:
    """The body figure names a place the headline (or, naming none, its article: ``lead``,
    the places of its lead) is not."""
    pb = b.own_places
    if not pb:
        return False
    pa = head.own_places or lead | ({head.article_place} if head.article_place else set())
    return not pa & pb


def _earlier_toll(head: ClaimView, b: ClaimView, toll: frozenset[str]) -> bool:
    """A running toll the body dates (explicit period) before its own article's day: it may
    have moved since, and a headline may give the later count; not when the headline is
    dated that same period ("64 morts en 2025" over "en 2025, 61 personnes ont perdu la
    vie": one year's toll, twice)."""
    if not (b.outcome & toll) or b.period[:1] != ("explicit",) or not b.published:
        return False
    if head.period == b.period:
        return False
    end = b.period[2] or b.period[1]
    return bool(end) and end[:10] < b.published[:10]


def _sum_of(head: ClaimView, body: Sequence[ClaimView]) -> bool:
    """Whether the headline value is the sum of two or more of the body's figures of its
    kind and dimension (any family: "Trois autres personnes" adds to "12 blessés")."""
    values = [b.value for b in body if b.kind == head.kind and b.dimension == head.dimension
              and b.value is not None and b.span != "change"][:12]
    for n in range(2, len(values) + 1):
        for combo in combinations(values, n):
            if math.isclose(sum(combo), head.value or 0.0, rel_tol=1e-6):
                return True
    return False


def headline_judgements(readings: Iterable[HeadlineReading], lexicon: Lexicon) -> Iterator[Judged]:
    """The links of the headline figures that repeat a body figure."""
    for r in readings:
        if r.relation == "contradiction":
            continue
        yield Judged(r.title, r.body, r.relation, lexicon.say(
            "link_headline", title=quote(r.title, lexicon), body=quote(r.body, lexicon),
            a_bounds=bounds(r.title, lexicon), b_bounds=bounds(r.body, lexicon)))


def repeated_heads(readings: Iterable[HeadlineReading]) -> frozenset[str]:
    """The headline figures their body repeats: left out of every other comparison."""
    return frozenset(r.title.claim_id for r in readings if r.relation != "contradiction")


def headline_conflicts(readings: Iterable[HeadlineReading]) -> list[HeadlineReading]:
    """The headline figures their body contradicts, among ``readings``."""
    return [r for r in readings if r.relation == "contradiction"]
