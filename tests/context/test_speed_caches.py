"""The context's speed-ups give the same results as the plain computations they replace:
the lemmatizer's index held as sets, the compiled names that are no place, the cached name
folding, the parses of repeated sentences."""

from __future__ import annotations

import regex

from factcheck.context._folding import _fold
from factcheck.context.known_places import _not_place_spans
from factcheck.context.nlp import load_nlp, parse_sentences
from factcheck.context.world import world_data

_SENTENCES = [
    "Selon l'Insee, les prix de l'énergie ont progressé de 7,2 % sur un an en novembre.",
    "La préfecture a recensé 3 400 manifestants à Rennes, contre 12 000 selon les syndicats.",
    "Les pompiers ont été appelés à 48 reprises dans la nuit, a indiqué la sécurité civile.",
    "Le conseil départemental votera mardi un budget de 1,3 milliard d'euros pour 2025.",
    "Ils auraient déboursé quelque 250 000 euros pour rénover les vestiaires du stade.",
    "Les réservations ont chuté de 18 %, déplorent les hôteliers de la station savoyarde.",
]


def test_loaded_pipeline_reads_like_the_model_as_shipped() -> None:
    """``load_nlp`` holds the lemmatizer's index as sets and trims the attribute ruler to the
    rules whose output is read: every token the context reads is what the untouched model
    gives, spaces and line breaks included."""
    import spacy

    from factcheck.context.nlp import _EXCLUDE, MODEL, to_toks

    nlp = load_nlp()
    shipped = spacy.load(MODEL, exclude=list(_EXCLUDE))
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(forms, frozenset) for _, forms in index.items())
    assert not any(isinstance(forms, frozenset) for _, forms in
                   shipped.get_pipe("lemmatizer").lookups.get_table("lemma_index").items())
    assert len(nlp.get_pipe("attribute_ruler").patterns) \
        < len(shipped.get_pipe("attribute_ruler").patterns)
    texts = [*_SENTENCES, "Bilan :  12 blessés\net 3 morts,\u00a0selon la mairie.", "  ",
             "ÉLECTIONS\n\n48,3 % de participation"]
    nlp.get_pipe("lemmatizer").cache.clear()  # every word looked up again
    ours = [to_toks(doc) for doc in nlp.pipe(texts)]
    theirs = [to_toks(doc) for doc in shipped.pipe(texts)]
    assert ours == theirs
    assert any(t.pos == "SPACE" for toks in ours for t in toks)


def test_token_records_from_arrays_are_those_of_the_tokens() -> None:
    """``to_toks`` reads the doc's arrays and builds each word's strings once: the records
    are those read token by token, the second time (from its word cache) as the first,
    capitals, apostrophes, spaces and a surrogate's stand-in included."""
    from factcheck.context.nlp import _tok_of, to_toks

    nlp = load_nlp()
    texts = [*_SENTENCES, "L’État a versé 12 M€ ;  45 INTERPELLATIONS\net 3 morts\ufffd.", ""]
    for _ in range(2):
        for doc in nlp.pipe(texts):
            assert to_toks(doc) == tuple(_tok_of(t) for t in doc)


def _plain_not_place_spans(text: str) -> list[tuple[int, int]]:
    return [(x.start(), x.end()) for n in world_data().not_places
            for x in regex.finditer(regex.escape(n), text)]


def test_not_place_spans_match_one_search_per_name() -> None:
    texts = [
        *_SENTENCES,
        "Le Paris Match de cette semaine cite la Banque de France et Air France à Paris.",
        "Au Stade de France, la Coupe de France a réuni 78 000 spectateurs, Stade de France.",
        "",
    ]
    for text in texts:
        assert sorted(_not_place_spans(text)) == sorted(_plain_not_place_spans(text))
    assert _not_place_spans(texts[-2])  # the names are found at all


def _plain_fold(s: str) -> str:
    return _fold.__wrapped__(s)  # type: ignore[attr-defined]


def test_cached_fold_is_the_plain_fold() -> None:
    names = ["le ministère de l'Économie", "Élisabeth  Borne", "M. Lecornu", "l’Insee",
             "Öko-Institut"]
    for name in names * 2:  # the second time from the cache
        assert _fold(name) == _plain_fold(name)
    assert _fold("le ministère de l'Économie") == "le ministere de l economie"


def test_repeated_sentences_parse_like_single_ones() -> None:
    repeated = [_SENTENCES[0], _SENTENCES[1], _SENTENCES[0], _SENTENCES[2], _SENTENCES[1]]
    together = parse_sentences(repeated, batch_size=2)
    alone = [parse_sentences([s])[0] for s in repeated]
    assert together == alone
