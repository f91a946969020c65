"""What makes ``prepare_claims`` cheap must not change what it reads: the union searches that
skip cue-free texts (``CueSet.any_cue``, ``Lexicon.scope_cues``), the claims rows read without
``to_dict``, and the objects shared between views of equal values."""

from __future__ import annotations

from dataclasses import replace

import pytest
from crossref_helpers import gold_articles, gold_frame, same_value, view_fields

from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.views import prepare_claims, rows_of
from factcheck.text import normalize, sentence_spans

LEXICON = load_lexicon()
#: Sentences with cues of each kind, besides those of the seeds and the dev corpus.
CUED = [
    "Au moins 12 personnes ont été tuées et 30 blessées, selon un bilan provisoire.",
    "Chez les 15-24 ans, le taux de chômage atteint 19,2 % au niveau national.",
    "Les forces russes ont perdu 43 000 soldats depuis le début de l'année, dont des femmes.",
    "Le déficit devrait atteindre 5,1 % en 2025, mieux que prévu, selon un chiffre révisé.",
    "Côté ukrainien, 3 000 civils restent portés disparus au total.",
]


def _sentences() -> list[str]:
    out = list(CUED)
    for article in gold_articles():
        text = normalize(article["text"])
        out.extend(text[s:e] for s, e in sentence_spans(text))
    return out


SENTENCES = _sentences()


def _scope_patterns() -> list:
    lx = LEXICON
    return [*lx.outcome.patterns, *lx.side.patterns, lx.population.pattern, lx.projected,
            lx.cumulative, lx.event, lx.national, lx.provisional, lx.revised,
            lx.span_window, lx.span_remaining, lx.span_total]


def test_the_union_searches_are_built() -> None:
    assert LEXICON.scope_cues is not None
    assert LEXICON.outcome.any_cue is not None and LEXICON.side.any_cue is not None


@pytest.mark.parametrize("sentence", SENTENCES)
def test_a_sentence_skipped_by_the_union_holds_no_cue(sentence: str) -> None:
    found = [p for p in _scope_patterns() if p.search(sentence)]
    assert (LEXICON.scope_cues.search(sentence) is None) == (not found)
    for cues in (LEXICON.outcome, LEXICON.side):
        assert cues.find(sentence) == replace(cues, any_cue=None).find(sentence)


def test_the_cued_sentences_do_hold_cues() -> None:
    assert all(LEXICON.scope_cues.search(s) for s in CUED)
    assert sum(LEXICON.scope_cues.search(s) is None for s in SENTENCES) > 0


@pytest.mark.parametrize("with_context", [True, False])
def test_views_are_the_same_without_the_union_searches(with_context: bool) -> None:
    frame = gold_frame(with_context=with_context)
    plain = replace(LEXICON, scope_cues=None, outcome=replace(LEXICON.outcome, any_cue=None),
                    side=replace(LEXICON.side, any_cue=None))
    fast, slow = prepare_claims(frame, LEXICON), prepare_claims(frame, plain)
    assert len(fast) == len(slow) > 50
    for a, b in zip(fast, slow, strict=True):
        fa, fb = view_fields(a), view_fields(b)
        assert all(same_value(fa[k], fb[k]) for k in fa), a.claim_id


def test_rows_are_read_as_to_dict_reads_them() -> None:
    frame = gold_frame()
    ours, theirs = rows_of(frame), frame.to_dict("records")
    assert len(ours) == len(theirs) > 0
    for a, b in zip(ours, theirs, strict=True):
        assert a.keys() == b.keys()
        assert all(same_value(a[k], b[k]) for k in a)


def test_views_share_equal_values() -> None:
    views = prepare_claims(gold_frame(), LEXICON)
    by_sentence: dict[tuple[str, frozenset], list] = {}
    for v in views:
        by_sentence.setdefault((v.sentence, v.sentence_words), []).append(v)
        # One object for each equal value: the empty sets of all figures are one.
        assert v.population is views[0].population or v.population != views[0].population
        assert v.outcome is views[0].outcome or v.outcome != views[0].outcome
    assert any(len(group) > 1 for group in by_sentence.values())
    for group in by_sentence.values():
        assert all(v.sentence_words is group[0].sentence_words for v in group)
        assert all(v.story_words is group[0].story_words for v in group)
