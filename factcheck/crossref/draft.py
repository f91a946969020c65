"""Checking a draft against the corpus before publication.

The draft's figures are extracted like any article's, then cross-referenced with the corpus
claims they could relate to. Comparing the draft with the whole corpus would redo the
corpus-against-corpus work at every keystroke, so :class:`DraftChecker` builds blocking
indexes over the corpus claims once (per corpus) and, for each draft, hands
``cross_reference`` only the draft claims and the corpus claims that share a block with one of
them. Links and flags are then restricted to those involving a draft claim: flags between two
corpus articles are the corpus view's business.

With the project's cross-referencer (the default), the index is its own: the corpus claims are
prepared into comparable views once, with their parts/total roles, and grouped by the cross-
referencer's blocks (dimension and metric family, else source). A draft only adds its views to
the blocks they fall in, and of each block only the corpus figures a draft figure can meet are
taken: those of an article of the draft's story and those whose sentence shares rare words with
a draft figure's (the test of ``matching.same_story``); every other figure would be judged "not
comparable". So a draft is checked in time that grows with its story, not with the archive; and
a draft figure of a huge story is compared with at most ``MEETING_CAP`` (100) of the corpus
figures it meets in a block, the closest (``_draft_meeting.py``): those it is compared with are
judged exactly as the full comparison judges them. Only pairs involving a draft figure are
judged, and the registered rules run on those judgements. Results are those of
``cross_reference`` on corpus and draft together, restricted to the draft
(``tests/crossref/test_draft_engine.py`` checks it on every dev passage, where no cap is
reached); they could only differ where, in the whole corpus, a figure's nearest figures of
another period were all of other stories, which the draft checker does not consider at all.

With another cross-referencer (``crossref_fn``), blocks are this module's own and
deliberately wide (same kind and unit, then same category, subject or actor, or the same
leading digits, which catches "millions" written for "milliards"); the corpus claims sharing a
block with a draft claim are handed to it with the draft claims.
"""

from __future__ import annotations

import importlib.util
import math
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from factcheck.models import FLAG_COLUMNS, LINK_COLUMNS, Article, Kind, stable_id
from factcheck.text import normalize

ClaimsFn = Callable[[list[Article]], pd.DataFrame]
CrossRefFn = Callable[[pd.DataFrame, "pd.DataFrame | None"], "tuple[pd.DataFrame, pd.DataFrame]"]

DRAFT_SOURCE = "brouillon"
_TOPIC_FIELDS = ("category", "subject", "actor")


#: Cross-referencer used when none is given; None means the project's, through its index.
_default_crossref: CrossRefFn | None = None


def _full_crossref(
    claims: pd.DataFrame, reference: pd.DataFrame | None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    from factcheck.crossref.engine import cross_reference

    return cross_reference(claims, reference)


def _empty_results() -> tuple[pd.DataFrame, pd.DataFrame]:
    return pd.DataFrame(columns=list(LINK_COLUMNS)), pd.DataFrame(columns=list(FLAG_COLUMNS))


def _crossref_available() -> bool:
    return importlib.util.find_spec("factcheck.crossref.engine") is not None


class CrossrefIndex:
    """The cross-referencer's view of a corpus, prepared once: comparable figures with their
    parts/total roles, grouped by block."""

    def __init__(self, corpus_claims: pd.DataFrame, reference: pd.DataFrame | None) -> None:
        from factcheck.crossref._draft_meeting import MeetingIndex
        from factcheck.crossref.cue_words import load_lexicon
        from factcheck.crossref.matching import blocks
        from factcheck.crossref.stories import StoryIndex, article_texts
        from factcheck.crossref.structures import find_structures
        from factcheck.crossref.sum_roles import with_roles
        from factcheck.crossref.views import prepare_claims

        self.lexicon = load_lexicon()
        self.reference = reference
        self.stories = StoryIndex(article_texts(corpus_claims.to_dict("records")),
                                  self.lexicon.stories)
        views = prepare_claims(corpus_claims, self.lexicon)
        views = with_roles(views, find_structures(views, self.lexicon), self.lexicon)
        self.blocks = blocks(views)
        # Where a draft figure can meet a corpus figure of its block: in an article of the
        # draft's story, or through rare words of their sentences (matching.same_story).
        self.meetings = MeetingIndex(self.blocks, self.lexicon.stories)

    def _meeting(self, key: tuple[str, str], mine: list) -> list:
        """The corpus figures of block ``key`` that one of the draft's figures ``mine`` can
        meet (:func:`factcheck.crossref.relations.cross_ok`): those of an article of the
        draft's story, and those whose sentence shares enough rare words with a draft
        figure's; each draft figure's at most ``MEETING_CAP``, the closest first
        (:mod:`factcheck.crossref._draft_meeting`). Every other corpus figure would only be
        judged "not comparable", so the draft is checked in time that grows with its story,
        not with the corpus."""
        return self.meetings.meeting(key, mine)

    def check(self, draft_claims: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, int]:
        """Links and flags between the draft and the corpus, and the number of corpus figures
        in the blocks the draft touches."""
        from factcheck.crossref.engine import vars_of
        from factcheck.crossref.headlines import headline_readings, title_ids
        from factcheck.crossref.matching import blocks
        from factcheck.crossref.relations import candidate_pairs, judge
        from factcheck.crossref.rules import CheckContext, registered_rules
        from factcheck.crossref.stories import article_texts
        from factcheck.crossref.structures import find_structures
        from factcheck.crossref.sum_roles import with_roles
        from factcheck.crossref.views import prepare_claims
        from factcheck.models import Link

        views = prepare_claims(draft_claims, self.lexicon)
        # The draft's story among the corpus articles (the corpus's own stories are known).
        mates = {a: frozenset(self.stories.mates_of(a, day, text))
                 for a, day, text in article_texts(draft_claims.to_dict("records"))}
        views = [replace(v, story=v.story | mates.get(v.article_id, frozenset()))
                 for v in views]
        structures = find_structures(views, self.lexicon)
        views = with_roles(views, structures, self.lexicon)
        draft_ids = {v.claim_id for v in views}
        self.meetings.capped = 0
        judged = {}
        n_candidates = 0
        for key, mine in blocks(views).items():
            corpus = self._meeting(key, mine)
            n_candidates += len(corpus)
            for a, b in candidate_pairs(corpus + mine):
                if a.claim_id == b.claim_id or not (
                    a.claim_id in draft_ids or b.claim_id in draft_ids
                ):
                    continue
                pair = (min(a.claim_id, b.claim_id), max(a.claim_id, b.claim_id))
                if pair not in judged:
                    verdict = judge(a, b, self.lexicon)
                    if verdict is not None:
                        judged[pair] = verdict
        ctx = CheckContext(
            claims=draft_claims,
            views={v.claim_id: v for v in views},
            judged=tuple(judged.values()),
            structures=tuple(structures),
            reference=self.reference,
            lexicon=self.lexicon,
            headlines=tuple(headline_readings(views, title_ids(draft_claims), self.lexicon)),
        )
        flags = {}
        for rule in (cls() for cls in registered_rules().values()):
            for flag in rule.check(ctx):
                flags.setdefault(flag.flag_id, flag)
        links = []
        for j in judged.values():
            ids = sorted((j.a.claim_id, j.b.claim_id))
            links.append(Link(stable_id(*ids, j.relation), j.a.claim_id, j.b.claim_id,
                              j.relation, j.explanation))
        return (
            pd.DataFrame([vars_of(x, LINK_COLUMNS) for x in links], columns=list(LINK_COLUMNS)),
            pd.DataFrame([vars_of(f, FLAG_COLUMNS) for f in flags.values()],
                         columns=list(FLAG_COLUMNS)),
            n_candidates,
        )


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
        if claims_fn is None:
            raise TypeError(
                "DraftChecker needs claims_fn, the function that extracts a draft's figures "
                "(factcheck.pipeline.draft_checker passes the pipeline's)"
            )
        self.corpus_claims = corpus_claims.reset_index(drop=True)
        self.reference = reference
        self._claims_fn = claims_fn
        self._crossref_fn = crossref_fn or _default_crossref
        self.engine: CrossrefIndex | None = None
        self._index: dict[tuple[str, ...], list[int]] = defaultdict(list)
        self._kind_unit: dict[tuple[str, str], list[int]] = defaultdict(list)
        if self._crossref_fn is None and _crossref_available():
            try:
                self.engine = CrossrefIndex(self.corpus_claims, reference)
                return
            except (TypeError, AttributeError, ImportError) as exc:
                # The index mirrors cross_reference's internals; if they changed, stay
                # correct (slower): hand candidates to cross_reference itself.
                warnings.warn(f"draft index unavailable, using cross_reference: {exc!r}",
                              RuntimeWarning, stacklevel=2)
                self._crossref_fn = _full_crossref
        elif self._crossref_fn is None:
            return
        identifier = Kind.IDENTIFIER.value
        for position, row in enumerate(self.corpus_claims.to_dict("records")):
            if _cell(row.get("kind")) == identifier:
                continue
            for key in _block_keys(row):
                self._index[key].append(position)
            self._kind_unit[(_cell(row.get("kind")), _cell(row.get("unit")))].append(position)

    @property
    def n_blocks(self) -> int:
        return len(self.engine.blocks) if self.engine is not None else len(self._index)

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
        self, text: str, published: date | None = None, title: str | None = None,
        claims_fn: ClaimsFn | None = None,
    ) -> DraftResult:
        """The draft's figures against the corpus; ``claims_fn`` reads this draft instead
        of the checker's own (the dashboard's, with the time budget of one article)."""
        article = self.draft_article(text, published, title)
        read = claims_fn or self._claims_fn
        claims = read([article]) if text.strip() else _empty_like(self.corpus_claims)
        links, flags = _empty_results()
        n_candidates = 0
        if claims.empty:
            pass
        elif self.engine is not None:
            links, flags, n_candidates = self.engine.check(claims)
        elif self._crossref_fn is not None:
            candidates = self.candidates(claims)
            n_candidates = len(candidates)
            combined = pd.concat([candidates, claims], ignore_index=True)
            links, flags = self._crossref_fn(combined, self.reference)
        ids = set(claims["claim_id"]) if not claims.empty else set()
        return DraftResult(
            article=article,
            claims=claims,
            links=restrict_links(links, ids),
            flags=restrict_flags(flags, ids),
            n_candidates=n_candidates,
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
