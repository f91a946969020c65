"""The third round of the context's speed-ups gives what the plain computations give: the
speakers' searches skipping the tokens that are no verb of speech, and the cue test before
parsing a sentence without figures, its words merged by their common beginnings."""

from __future__ import annotations

import pytest

from factcheck.context import _forward_speaker, _sentence_speaker, speakers
from factcheck.context._sentence_speaker import _cue_pattern, _cue_trie, _cue_words
from factcheck.context._trie import trie as _trie
from factcheck.context.lexicon import source_data
from factcheck.context.nlp import parse_sentences

_SENTENCES = [
    "La mairie de Brest a chiffré à 2 300 le nombre de foyers privés d'eau, a-t-elle indiqué.",
    "« Il manque 40 lits », a déploré dimanche le chef du service des urgences de Vannes.",
    "Un bilan fait état de 14 blessés légers, selon les pompiers du Finistère.",
    "Les ventes, a estimé la fédération, reculeront de 6 % cette année, relève une note.",
    "Le comité prévoit 9 000 visiteurs, quand les organisateurs en espéraient 12 000.",
    "Le syndicat n'a pas confirmé les 800 grévistes annoncés par la direction.",
]


class _Everything:
    """A set holding every word: with it the pre-check lets every token through."""

    def __contains__(self, _: object) -> bool:
        return True


def _speakers_at_every_token() -> list[list[object]]:
    data = source_data()
    rows = []
    for toks in parse_sentences(_SENTENCES):
        rows.append([(speakers.inverted(toks, i, data), speakers.inverted(
            toks, i, data, keep_unnamed=True), _forward_speaker.forward(toks, i, data))
            for i in range(len(toks) + 1)])
    return rows


def test_speaker_searches_skip_no_verb_of_speech(monkeypatch: pytest.MonkeyPatch) -> None:
    checked = _speakers_at_every_token()
    everything = (_Everything(), _Everything())
    for module in (speakers, _forward_speaker):
        monkeypatch.setattr(module, "speech_cues", lambda _: everything)
    plain = _speakers_at_every_token()
    assert checked == plain
    found = [x for row in plain for cell in row for x in cell if x]
    assert len(found) >= 10  # speakers are found at all


def _probes() -> list[str]:
    words, stems, auxiliaries, participles = _cue_words()
    probes = ["Le temps restera sec demain.", "", "Il pleut", "Annonçait-on cela ?"]
    for w in sorted({*words, *stems, *auxiliaries, *participles}):
        for form in (w, w.upper(), w.capitalize(), w + "s", w[:-1], "x" + w):
            probes += [form, f"Hier, {form} encore."]
    for aux in sorted(auxiliaries):
        for part in sorted(participles)[:40]:
            probes += [f"{aux} {part}", f"{aux}-t-elle  {part}", f"{aux} {part}e"]
    return probes


def test_cue_trie_finds_what_the_plain_alternation_finds() -> None:
    plain, trie = _cue_pattern(), _cue_trie()
    probes = [*_SENTENCES, *_probes()]
    answers = [plain.search(p) is not None for p in probes]
    assert answers == [trie.search(p) is not None for p in probes]
    assert any(answers) and not all(answers)
    assert _sentence_speaker.names_a_speaker("Selon la préfecture, le calme est revenu.")


@pytest.mark.parametrize("literals", [{"a": "", "ab": r"(?!\w)", "abc": ""},
                                      {"dit": r"(?!\w)", "dira": r"(?!\w)", "d": r"(?!\w)"}])
def test_trie_matches_the_strings_of_the_alternation(literals: dict[str, str]) -> None:
    import regex

    alternation = regex.compile("(?:" + "|".join(
        regex.escape(k) + v for k, v in literals.items()) + ")$")
    merged = regex.compile("(?:" + _trie(literals) + ")$")
    for text in ("a", "ab", "abc", "abcd", "abd", "d", "di", "dit", "dira", "dits", "x", ""):
        assert bool(alternation.match(text)) == bool(merged.match(text)), text
    # Unanchored, over running text: the spans of the alternation sorted longest first.
    running = "abcd ab abc, a dit; il dira dits d abd x dit-il, abca, dira."
    plain = regex.compile("(?:" + "|".join(regex.escape(k) + literals[k] for k in sorted(
        literals, key=len, reverse=True)) + ")")
    trie = regex.compile("(?:" + _trie(literals) + ")")
    spans = [m.span() for m in plain.finditer(running)]
    assert spans == [m.span() for m in trie.finditer(running)]
    assert len(spans) >= 4


_TIMED = [
    "depuis le 3 mars 2021, entre janvier et juin 2023, du 6 au 12 janvier, fin juin",
    "jusqu'à la fin de l'année, depuis la fin de l'année dernière, au premier trimestre 2024",
    "la nuit de samedi à dimanche, le 1er mai, lors des six premiers mois de 2022, en s19",
    "depuis début 2020, d'ici 2030, l'hiver dernier, au printemps 2023, le mois précédent",
    "mi-juillet, la semaine dernière, entre 2019 et 2021, l'an dernier, cet été, avant-hier",
]


_COMPARED = [
    "les ventes ont reculé de 8 % de plus qu'en 2022, soit moins que prévu",
    "une hausse de 3 % par rapport au mois précédent, comparé à la même période",
    "davantage que l'an dernier, autant qu'en 2019, par rapport aux années passées",
]


def test_time_patterns_merged_find_what_plain_alternations_find(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import regex

    from factcheck.context import timepatterns

    def matches() -> dict[str, list[object]]:
        timepatterns.patterns.cache_clear()
        return {key: [(m.span(), m.groupdict()) for s in _TIMED for m in p.finditer(s)]
                for key, p in timepatterns.patterns().items()}

    def compared() -> list[object]:
        timepatterns.comparison.cache_clear()
        pattern = timepatterns.comparison()
        return [(i, m.span()) for s in _COMPARED for i in range(len(s) + 1)
                if (m := pattern.search(s[:i])) is not None]

    merged, merged_compared = matches(), compared()
    monkeypatch.setattr(timepatterns, "longest_first", lambda words: "|".join(
        regex.escape(w) for w in sorted(words, key=len, reverse=True)))
    plain, plain_compared = matches(), compared()
    monkeypatch.undo()
    timepatterns.patterns.cache_clear()
    timepatterns.comparison.cache_clear()
    assert merged == plain
    assert sum(len(v) for v in plain.values()) >= 15  # time expressions found at all
    assert merged_compared == plain_compared
    assert len({i for i, _ in plain_compared}) >= 4  # comparison markers found at all


def test_known_places_found_once_are_the_plain_ones() -> None:
    from factcheck.context.known_places import _known_places, known_places

    text = "Les crues ont touché la Bretagne et 300 foyers en Ille-et-Vilaine, dit Rennes."
    for _ in range(2):  # the second time from the cache
        found = known_places(text)
        assert found == sorted(_known_places.__wrapped__(text))  # type: ignore[attr-defined]
        assert len(found) >= 2
        found.clear()  # a caller's list is its own


def test_place_matches_found_once_are_those_of_the_pattern() -> None:
    from factcheck.context.known_places import _place_pattern, place_matches

    text = "Des orages en Bretagne et dans le Finistère, puis à Brest, près de Quimper."
    for _ in range(2):  # the second time from the cache
        found = [(m.span(), m.groupdict()) for m in place_matches(text)]
        assert found == [(m.span(), m.groupdict()) for m in _place_pattern().finditer(text)]
        assert len(found) >= 3


def test_plain_text_by_table_is_the_plain_decomposition() -> None:
    import unicodedata

    from factcheck.context.described import _plain

    def plain(s: str) -> str:
        return "".join(unicodedata.normalize("NFKD", c)[:1] for c in s.lower())

    texts = ["L'Établissement français du sang, cœur de la collecte", "ﬁnancé à 45 ½ %",
             "İstanbul, Łódź, São Paulo, Straße", "\ufffd « Noël » — 12 €", ""]
    for text in texts * 2:  # the second time from the table
        assert _plain(text) == plain(text)
        assert len(_plain(text)) == len(text.lower())
