"""Draft checking: blocking indexes built once, candidates restricted, results restricted to
pairs involving the draft."""

from __future__ import annotations

from datetime import date

import dashboard_fakes as fakes
import pandas as pd
import pytest

from factcheck.crossref.draft import DraftChecker, restrict_flags, restrict_links, split_ids
from factcheck.models import FLAG_COLUMNS, LINK_COLUMNS, Article

CORPUS = [
    Article("kiev-aide", "Les États-Unis ont annoncé 988 millions de dollars d'aide militaire."),
    Article("drones-a", "Moscou dit avoir abattu 46 drones ukrainiens, dont 17 drones à Belgorod."),
    Article("drones-b", "Selon Moscou, 46 drones ont été abattus dans la nuit."),
]
DRAFT = "Washington débloque 988 milliards de dollars d'aide militaire pour Kiev."


class Recorder:
    """Stand-in cross-referencer that remembers what it was given."""

    def __init__(self) -> None:
        self.calls: list[pd.DataFrame] = []

    def __call__(self, claims, reference=None):
        self.calls.append(claims)
        return fakes.fake_cross_reference(claims, reference)


@pytest.fixture
def corpus_claims():
    return fakes.fake_claims_frame(CORPUS)


def test_contradicting_draft_figure_is_flagged(corpus_claims):
    checker = DraftChecker(corpus_claims, claims_fn=fakes.fake_claims_frame,
                           crossref_fn=fakes.fake_cross_reference)
    result = checker.check(DRAFT, published=date(2024, 12, 8))
    assert list(result.claims["surface"]) == ["988 milliards de dollars"]
    assert len(result.flags) == 1
    flagged = split_ids(result.flags.iloc[0]["claim_ids"])
    corpus_988 = corpus_claims[corpus_claims["surface"] == "988 millions de dollars"]
    assert set(flagged) == {result.claims.iloc[0]["claim_id"], corpus_988.iloc[0]["claim_id"]}
    assert result.article.published == date(2024, 12, 8)
    assert result.article.article_id.startswith("draft-")


def test_only_corpus_claims_sharing_a_block_are_compared(corpus_claims):
    recorder = Recorder()
    checker = DraftChecker(corpus_claims, claims_fn=fakes.fake_claims_frame, crossref_fn=recorder)
    result = checker.check(DRAFT)
    assert result.n_candidates == 1  # the 988 millions, not the drones
    (given,) = recorder.calls
    assert sorted(given["surface"]) == ["988 milliards de dollars", "988 millions de dollars"]


def test_links_and_flags_between_corpus_claims_are_left_out(corpus_claims):
    checker = DraftChecker(corpus_claims, claims_fn=fakes.fake_claims_frame,
                           crossref_fn=fakes.fake_cross_reference)
    result = checker.check("Un bilan de 46 drones abattus selon Moscou.")
    # The corpus "46 drones" pair with each other; only links to the draft claim are kept.
    draft_id = result.claims.iloc[0]["claim_id"]
    assert len(result.links) == 2
    assert all(draft_id in (a, b) for a, b in zip(result.links["claim_a"],
                                                   result.links["claim_b"], strict=True))
    assert result.flags.empty


def test_same_leading_digits_are_candidates_even_without_a_shared_topic(corpus_claims):
    checker = DraftChecker(corpus_claims, claims_fn=fakes.fake_claims_frame,
                           crossref_fn=fakes.fake_cross_reference)
    draft_claims = fakes.fake_claims_frame([Article("d", DRAFT)]).assign(
        category=None, subject=None, source=None
    )
    assert list(checker.candidates(draft_claims)["surface"]) == ["988 millions de dollars"]


def test_claims_without_topic_or_digits_fall_back_to_their_kind_and_unit():
    corpus = fakes.fake_claims_frame(CORPUS)
    corpus = corpus.assign(category=None, subject=None, actor=None, value=None, low=None,
                           high=None)
    checker = DraftChecker(corpus, claims_fn=fakes.fake_claims_frame,
                           crossref_fn=fakes.fake_cross_reference)
    draft_claims = fakes.fake_claims_frame([Article("d", DRAFT)]).assign(
        category=None, subject=None, actor=None, value=None, low=None, high=None
    )
    assert list(checker.candidates(draft_claims)["surface"]) == ["988 millions de dollars"]


def test_empty_draft_and_draft_without_figures(corpus_claims):
    recorder = Recorder()
    checker = DraftChecker(corpus_claims, claims_fn=fakes.fake_claims_frame, crossref_fn=recorder)
    for text in ("", "   ", "Aucun chiffre dans ce texte."):
        result = checker.check(text)
        assert result.claims.empty and result.flags.empty and result.links.empty
    assert recorder.calls == []


def test_index_is_built_once_and_reused(corpus_claims, monkeypatch):
    checker = DraftChecker(corpus_claims, claims_fn=fakes.fake_claims_frame,
                           crossref_fn=fakes.fake_cross_reference)
    blocks = checker.n_blocks
    assert blocks > 0

    def no_rebuild(*args, **kwargs):
        raise AssertionError("the corpus index was rebuilt")

    monkeypatch.setattr(DraftChecker, "__init__", no_rebuild)
    for _ in range(3):
        assert len(checker.check(DRAFT).flags) == 1
    assert checker.n_blocks == blocks


@pytest.mark.parametrize(
    ("cell", "ids"),
    [(("a", "b"), ("a", "b")), (["a"], ("a",)), ("a; b", ("a", "b")), ("a,b", ("a", "b")),
     (None, ()), (float("nan"), ()), ("", ())],
)
def test_split_ids(cell, ids):
    assert split_ids(cell) == ids


def test_restrict_links_and_flags():
    links = pd.DataFrame(
        [("l1", "x", "d1", "same", ""), ("l2", "x", "y", "same", "")], columns=LINK_COLUMNS
    )
    flags = pd.DataFrame(
        [("f1", "t", "high", ("x", "d1"), (), "", (), 0.8),
         ("f2", "t", "low", "x; y", (), "", (), 0.3)],
        columns=FLAG_COLUMNS,
    )
    assert list(restrict_links(links, {"d1"})["link_id"]) == ["l1"]
    assert list(restrict_flags(flags, {"d1"})["flag_id"]) == ["f1"]
    assert restrict_flags(flags, set()).empty


def test_a_checker_needs_a_way_to_read_drafts(corpus_claims):
    with pytest.raises(TypeError, match="claims_fn"):
        DraftChecker(corpus_claims)
