"""Checking a draft against the corpus before publication.

The draft's figures are extracted like any article's, then cross-referenced with the corpus
claims they could relate to. Comparing the draft with the whole corpus would redo the
corpus-against-corpus work at every keystroke, so :class:`DraftChecker` builds blocking
indexes over the corpus claims once (per corpus) and, for each draft, hands
``cross_reference`` only the draft claims and the corpus claims that share a block with one of
them. Links and flags are then restricted to those involving a draft claim: flags between two
corpus articles are the corpus view's business.

Blocks are deliberately wide (same kind and unit, then same category, subject or actor, or the
same leading digits, which catches "millions" written for "milliards"), so the restriction
drops work, not findings.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

import pandas as pd

from factcheck.models import FLAG_COLUMNS, LINK_COLUMNS, Article, Kind, stable_id
from factcheck.text import normalize

ClaimsFn = Callable[[list[Article]], pd.DataFrame]
CrossRefFn = Callable[[pd.DataFrame, "pd.DataFrame | None"], "tuple[pd.DataFrame, pd.DataFrame]"]

DRAFT_SOURCE = "brouillon"
_TOPIC_FIELDS = ("category", "subject", "actor")


def _default_claims(articles: list[Article]) -> pd.DataFrame:
    from factcheck.pipeline import claims_frame

    return claims_frame(articles)


def _default_crossref(
    claims: pd.DataFrame, reference: pd.DataFrame | None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    try:
        from factcheck.crossref import cross_reference
    except ModuleNotFoundError:  # cross-referencing not installed: nothing to compare
        return pd.DataFrame(columns=list(LINK_COLUMNS)), pd.DataFrame(columns=list(FLAG_COLUMNS))
    return cross_reference(claims, reference)


def split_ids(value: object) -> tuple[str, ...]:
    """Ids held in a cell: a tuple/list, or a string joined with ``;`` or ``,``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ()
    if isinstance(value, (tuple, list)):
        return tuple(str(v) for v in value)
    text = str(value).replace(",", ";")
    return tuple(part.strip() for part in text.split(";") if part.strip())


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip().casefold()


def _leading_digits(value: object) -> str:
    """The first three significant digits of a number (988 for 988e6 and 988e9)."""
    try:
        number = abs(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ""
    if not math.isfinite(number) or number == 0:
        return ""
    mantissa = number / 10 ** math.floor(math.log10(number))
    return f"{mantissa:.2f}"


def _block_keys(row: dict[str, object]) -> set[tuple[str, ...]]:
    base = (_cell(row.get("kind")), _cell(row.get("unit")))
    keys = {(*base, name, _cell(row.get(name))) for name in _TOPIC_FIELDS if _cell(row.get(name))}
    for column in ("value", "low", "high"):
        digits = _leading_digits(row.get(column))
        if digits:
            keys.add((*base, "digits", digits))
    if not keys:  # nothing to narrow on: the whole kind/unit block
        keys.add((*base, "all", ""))
    return keys


@dataclass(frozen=True, eq=False)
class DraftResult:
    article: Article
    claims: pd.DataFrame
    links: pd.DataFrame  # links involving at least one draft claim
    flags: pd.DataFrame  # flags involving at least one draft claim
    n_candidates: int  # corpus claims handed to cross_reference

    @property
    def draft_claim_ids(self) -> set[str]:
        return set(self.claims["claim_id"]) if not self.claims.empty else set()


class DraftChecker:
    """Checks drafts against one corpus; build it once per corpus and reuse it."""

    def __init__(
        self,
        corpus_claims: pd.DataFrame,
        reference: pd.DataFrame | None = None,
        claims_fn: ClaimsFn | None = None,
        crossref_fn: CrossRefFn | None = None,
    ) -> None:
        self.corpus_claims = corpus_claims.reset_index(drop=True)
        self.reference = reference
        self._claims_fn = claims_fn or _default_claims
        self._crossref_fn = crossref_fn or _default_crossref
        self._index: dict[tuple[str, ...], list[int]] = defaultdict(list)
        self._kind_unit: dict[tuple[str, str], list[int]] = defaultdict(list)
        identifier = Kind.IDENTIFIER.value
        for position, row in enumerate(self.corpus_claims.to_dict("records")):
            if _cell(row.get("kind")) == identifier:
                continue
            for key in _block_keys(row):
                self._index[key].append(position)
            self._kind_unit[(_cell(row.get("kind")), _cell(row.get("unit")))].append(position)

    @property
    def n_blocks(self) -> int:
        return len(self._index)

    def candidates(self, draft_claims: pd.DataFrame) -> pd.DataFrame:
        """Corpus claims sharing a block with at least one draft claim."""
        positions: set[int] = set()
        for row in draft_claims.to_dict("records"):
            kind_unit = (_cell(row.get("kind")), _cell(row.get("unit")))
            if kind_unit[0] == Kind.IDENTIFIER.value:
                continue
            keys = _block_keys(row)
            if keys == {(*kind_unit, "all", "")}:  # nothing to narrow on
                positions.update(self._kind_unit.get(kind_unit, ()))
                continue
            for key in keys:
                positions.update(self._index.get(key, ()))
            # Corpus claims with no topic and no digits sit only in their "all" block.
            positions.update(self._index.get((*kind_unit, "all", ""), ()))
        return self.corpus_claims.iloc[sorted(positions)]

    def draft_article(
        self, text: str, published: date | None = None, title: str | None = None
    ) -> Article:
        text = normalize(text)
        return Article(
            article_id="draft-" + stable_id(text, published),
            text=text,
            title=title or "Brouillon",
            source=DRAFT_SOURCE,
            published=published,
            origin="draft",
        )

    def check(
        self, text: str, published: date | None = None, title: str | None = None
    ) -> DraftResult:
        article = self.draft_article(text, published, title)
        claims = self._claims_fn([article]) if text.strip() else _empty_like(self.corpus_claims)
        candidates = self.candidates(claims)
        if claims.empty:
            links = pd.DataFrame(columns=list(LINK_COLUMNS))
            flags = pd.DataFrame(columns=list(FLAG_COLUMNS))
        else:
            combined = pd.concat([candidates, claims], ignore_index=True)
            links, flags = self._crossref_fn(combined, self.reference)
        ids = set(claims["claim_id"]) if not claims.empty else set()
        return DraftResult(
            article=article,
            claims=claims,
            links=restrict_links(links, ids),
            flags=restrict_flags(flags, ids),
            n_candidates=len(candidates),
        )


def _empty_like(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.iloc[0:0].copy()


def restrict_links(links: pd.DataFrame, claim_ids: Iterable[str]) -> pd.DataFrame:
    ids = set(claim_ids)
    if links.empty:
        return links.reset_index(drop=True)
    keep = links["claim_a"].isin(ids) | links["claim_b"].isin(ids)
    return links[keep].reset_index(drop=True)


def restrict_flags(flags: pd.DataFrame, claim_ids: Iterable[str]) -> pd.DataFrame:
    ids = set(claim_ids)
    if flags.empty:
        return flags.reset_index(drop=True)
    keep = flags["claim_ids"].map(lambda cell: bool(ids.intersection(split_ids(cell))))
    return flags[keep].reset_index(drop=True)
