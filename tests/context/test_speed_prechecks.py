"""The second round of the context's speed-ups gives what the plain computations give: the
pre-check of the verbs of speech, the "selon" phrases and the places found once per
sentence, and the quotations' tails and heads parsed with the batch."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.claim_rows import extract_claims
from factcheck.context import _speech_words, annotate_many
from factcheck.context._quotes import in_quote, quote_speaker, quote_texts
from factcheck.context._selon import _find_selon_phrases, _selon_phrases
from factcheck.context._speech_words import speech_at
from factcheck.context.lexicon import source_data
from factcheck.context.nlp import parse_one, parse_sentences, parsed_ahead
from factcheck.context.where import _candidates, _find_candidates
from factcheck.models import Article

_SENTENCES = [
    "Selon la préfecture du Nord, 4 200 personnes ont défilé à Lille, contre 15 000 d'après "
    "la CGT.",
    "« Nous avons reçu 312 dossiers en une semaine », a précisé la directrice de l'agence.",
    "Le maire de Nantes a annoncé jeudi une enveloppe de 18 millions d'euros pour les écoles.",
    "Les hôteliers de la station déplorent une baisse de 12 % des réservations, indique "
    "l'office de tourisme.",
    "Le club a dressé un bilan de 41 interventions à Marseille, dans les Bouches-du-Rhône.",
    "S'y ajouteront 3,5 millions d'euros, qui rapportera selon elle 20 millions en 2026.",
    "La région a doublé son aide aux agriculteurs, portée à 2,4 millions d'euros, a fait "
    "savoir son président.",
    "D'après l'Agence régionale de santé, 57 patients ont été hospitalisés à Toulouse et "
    "à Albi.",
]


class _Everything:
    """A set holding every word: with it the pre-check of ``speech_at`` never answers."""

    def __contains__(self, _: object) -> bool:
        return True


def test_speech_at_precheck_changes_no_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    data = source_data()
    parsed = parse_sentences(_SENTENCES)
    checked = [[speech_at(toks, v, data) for v in range(len(toks))] for toks in parsed]
    monkeypatch.setattr(_speech_words, "speech_cues", lambda _: (_Everything(), _Everything()))
    plain = [[speech_at(toks, v, data) for v in range(len(toks))] for toks in parsed]
    assert checked == plain
    assert sum(v is not None for row in plain for v in row) >= 5  # verbs of speech found


def test_speech_cues_hold_the_forms_and_lemmas_read() -> None:
    forms, lemmas = _speech_words.speech_cues(source_data())
    assert {"annoncé", "indique", "précisé"} <= forms
    assert {"annoncer", "indiquer", "préciser"} <= lemmas
    assert "personnes" not in forms and "personne" not in lemmas


def test_selon_phrases_found_once_are_the_plain_ones() -> None:
    data = source_data()
    for toks in parse_sentences(_SENTENCES):
        first = _selon_phrases(toks, data)
        assert first == _find_selon_phrases(toks, data)
        for _, np in first:
            np.clear()  # a caller's list is its own
        assert _selon_phrases(toks, data) == _find_selon_phrases(toks, data)
    toks = parse_sentences([_SENTENCES[0]])[0]
    assert [np[-1].text for _, np in _selon_phrases(toks, data)] == ["Nord", "CGT"]


@pytest.mark.parametrize("source", [None, "la CGT", "Lille"])
def test_places_found_once_are_the_plain_ones(source: str | None) -> None:
    names = ("la CGT", "Marseille") if source else ()
    for sentence, toks in zip(_SENTENCES, parse_sentences(_SENTENCES), strict=True):
        figures = [t.start for t in toks if t.text[:1].isdigit()]
        for _ in range(2):  # the second time from the memo
            found = _candidates(sentence, toks, source, names, figures)
            assert found == _find_candidates(sentence, toks, source, names, figures)
            found.clear()  # a caller's list is its own
    lille = _SENTENCES[0]
    assert _candidates(lille, parse_sentences([lille])[0], None, (), [])


def test_parse_one_reads_ahead_only_within_the_block() -> None:
    texts = [", a précisé la directrice de l'agence.", "Le maire a déclaré : "]
    alone = [parse_sentences([t])[0] for t in texts]
    batch = parse_sentences([_SENTENCES[0], *texts])
    with parsed_ahead(texts, batch[1:]):
        assert [parse_one(t) for t in texts] == alone
        assert all(parse_one(t) is b for t, b in zip(texts, batch[1:], strict=True))
        assert parse_one(_SENTENCES[2]) == parse_sentences([_SENTENCES[2]])[0]
    assert parse_one(texts[0]) is not batch[1]  # parsed again, alone
    assert parse_one(texts[0]) == alone[0]


_ARTICLE = (
    "Inondations dans le Gard : le bilan s'alourdit\n"
    "« Nous avons compté 214 maisons sinistrées depuis samedi », a indiqué mardi le préfet "
    "du Gard, Jean Dupré. Le maire d'Alès a déclaré : « Il nous faudra au moins 30 millions "
    "d'euros pour reconstruire. » Selon les pompiers, 1 800 interventions ont été menées.\n"
    "« Sur les 214 maisons, 63 sont inhabitables », estime la fédération du bâtiment, qui "
    "évoque des travaux de 18 mois.\n"
)


def test_quotation_speakers_parsed_ahead_are_the_ones_parsed_alone() -> None:
    for mark in ("« Nous avons compté", "« Il nous faudra", "« Sur les 214"):
        start = _ARTICLE.index(mark) + len(mark)
        quote = in_quote(_ARTICLE, start)
        assert quote is not None
        texts = quote_texts(_ARTICLE, *quote)
        alone = quote_speaker(_ARTICLE, *quote)
        with parsed_ahead(texts, parse_sentences(texts)):
            assert quote_speaker(_ARTICLE, *quote) == alone
        assert alone  # each quotation has its speaker


def test_annotate_many_same_with_and_without_parsing_ahead(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import factcheck.context as context

    article = Article(article_id="gard", text=_ARTICLE, published=date(2026, 10, 14))
    claims = extract_claims(article, with_context=False)
    ahead = annotate_many([(article, claims)])
    monkeypatch.setattr(context, "_quotation_texts", lambda *_: [])
    alone = annotate_many([(article, claims)])
    assert ahead == alone
    sources = [c.context.source if c.context else None for c in ahead[0]]
    assert sources[0] and sources[1]  # the speakers after and before the quotations
