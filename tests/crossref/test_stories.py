"""Stories: figures of two articles meet only when the articles (or the figures' sentences)
are about one story. Texts are written for these tests."""

from __future__ import annotations

import pytest

from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.stories import StoryIndex, find_stories, profile, sentences_related

SETTINGS = load_lexicon().stories

FLOOD_A = ("Inondations à Derna : le bilan s'alourdit. Les crues provoquées par la tempête "
           "Daniel ont emporté des quartiers entiers de Derna, dans l'est de la Libye ; le "
           "Croissant-Rouge libyen fait état de 11 300 morts et de 10 100 disparus.")
FLOOD_B = ("Libye : à Derna, les secouristes cherchent toujours des survivants. La tempête "
           "Daniel a fait céder deux barrages ; au moins 5 300 morts selon les autorités de "
           "l'est libyen, et des milliers de disparus.")
MARCH = ("Réforme des retraites : 1,28 million de manifestants en France selon le ministère "
         "de l'Intérieur, 3,5 millions selon la CGT, lors de la sixième journée de "
         "mobilisation intersyndicale contre le recul de l'âge légal.")
MARCH_LATER = ("Retraites : la mobilisation intersyndicale marque le pas, 368 000 manifestants "
               "selon le ministère de l'Intérieur, plus d'un million selon la CGT, contre "
               "le recul de l'âge légal de départ.")


def _stories(*articles: tuple[str, str, str]):
    return find_stories(articles, SETTINGS, with_scores=True)


def test_two_reports_of_one_story_are_one_story() -> None:
    stories = _stories(("a", "2023-09-17", FLOOD_A), ("b", "2023-09-14", FLOOD_B))
    assert stories.same("a", "b") and stories.same("b", "a")
    assert stories.score("a", "b") >= SETTINGS.threshold


def test_two_stories_of_one_week_are_kept_apart() -> None:
    stories = _stories(("flood", "2023-03-10", FLOOD_A), ("march", "2023-03-11", MARCH))
    assert not stories.same("flood", "march")
    assert stories.score("flood", "march") == 0.0


def test_two_days_of_one_movement_are_one_story() -> None:
    stories = _stories(("d1", "2023-03-07", MARCH), ("d2", "2023-03-11", MARCH_LATER))
    assert stories.same("d1", "d2")


def test_publication_dates_too_far_apart_separate_a_story() -> None:
    from datetime import date, timedelta

    later = (date(2023, 3, 7) + timedelta(days=SETTINGS.max_days + 1)).isoformat()
    stories = _stories(("d1", "2023-03-07", MARCH), ("d2", later, MARCH_LATER))
    assert not stories.same("d1", "d2")
    # An unknown date does not separate: the words decide (here above undated_threshold).
    stories = _stories(("d1", "2023-03-07", MARCH), ("d2", "", MARCH_LATER))
    assert stories.same("d1", "d2")


def test_common_words_describe_no_story() -> None:
    prof = profile("Les personnes ont été plus de deux millions dans le pays cette année.",
                   SETTINGS)
    assert "personne" not in prof and "pays" not in prof
    assert prof == {} or max(prof.values()) < 2.0


@pytest.mark.parametrize(("a", "b", "related"), [
    ("L'administration a annoncé 988 millions de dollars d'aide militaire à l'Ukraine.",
     "Washington promet près d'un milliard de dollars d'aide militaire supplémentaire à Kiev "
     "et à l'Ukraine.", True),
    ("Au moins 33 000 manifestants ont défilé à Paris selon la préfecture.",
     "Au moins 10 000 morts à Derna selon le Croissant-Rouge.", False),
])
def test_sentences_of_one_story(a: str, b: str, related: bool) -> None:
    assert sentences_related(profile(a, SETTINGS), profile(b, SETTINGS), SETTINGS) is related


def test_the_index_answers_for_a_new_article_as_for_the_whole_corpus() -> None:
    corpus = [("a", "2023-09-17", FLOOD_A), ("m", "2023-03-07", MARCH),
              ("n", "2023-03-11", MARCH_LATER)]
    index = StoryIndex(corpus, SETTINGS)
    new = ("b", "2023-09-14", FLOOD_B)
    whole = find_stories([*corpus, new], SETTINGS)
    assert set(index.mates_of(*new)) == whole.mates["b"] == {"a"}


def test_figures_of_two_stories_are_not_linked_even_of_one_family() -> None:
    from crossref_helpers import frame_from_articles

    from factcheck.crossref.engine import cross_reference

    protest = "Au moins 33 000 personnes ont manifesté à Paris samedi selon la préfecture."
    flood = "Au moins 30 000 personnes ont été déplacées à Derna, selon l'ONU."
    articles = [
        {"id": "p", "published": "2023-09-16", "text": protest,
         "claims": [{"surface": "Au moins 33 000", "kind": "count", "value": 33000,
                     "approx": "at_least", "low": 33000, "subject": "personne"}]},
        {"id": "f", "published": "2023-09-16", "text": flood,
         "claims": [{"surface": "Au moins 30 000", "kind": "count", "value": 30000,
                     "approx": "at_least", "low": 30000, "subject": "personne"}]},
    ]
    links, flags = cross_reference(frame_from_articles(articles))
    assert links.empty and flags.empty
    # The same two figures in one story are compared (both lower bounds: compatible).
    articles[1]["text"] = "Au moins 30 000 personnes ont manifesté à Paris samedi selon la CGT."
    links, _ = cross_reference(frame_from_articles(articles))
    assert list(links["relation"]) == ["compatible"]


def test_stories_scored_at_once_are_the_pairs_scored_one_by_one() -> None:
    # stories() scores each article's candidates as one sparse product; mates_of() scores a
    # new article one cosine at a time: on a varied corpus (dated, undated, too far apart,
    # several stories) both give the same pairs and the same similarities.
    import random

    rng = random.Random(7)
    texts = [FLOOD_A, FLOOD_B, MARCH, MARCH_LATER]
    days = ["2023-09-12", "2023-09-14", "", "2025-01-02", "2023-03-07"]
    corpus = []
    for i in range(40):
        words = " ".join(rng.sample(" ".join(texts).split(), 25))
        corpus.append((f"a{i:02d}", rng.choice(days), rng.choice(texts) + " " + words))
    index = StoryIndex(corpus, SETTINGS)
    at_once = index.stories(with_scores=True)
    assert index.stories().mates == at_once.mates and not index.stories().similarity
    one_by_one = {}
    for article_id, day, text in corpus:
        for other, score in index.mates_of(article_id, day, text).items():
            one_by_one[(min(article_id, other), max(article_id, other))] = score
    assert at_once.similarity.keys() == one_by_one.keys() and len(one_by_one) > 20
    for pair, score in at_once.similarity.items():
        assert score == pytest.approx(one_by_one[pair], abs=1e-4)
    assert len(one_by_one) < len(corpus) * (len(corpus) - 1) // 2  # dates kept some apart


def test_pairs_settled_one_at_a_time_are_the_stories_of_the_corpus() -> None:
    # Cross-referencing asks StoryIndex.same about the articles of the figures it compares
    # instead of finding every pair up front: on a varied corpus (dated, undated, too far
    # apart, several stories) it answers every pair as stories() does, and a StoryMates set
    # lists, contains and joins the same articles as the mates found up front.
    import random

    rng = random.Random(11)
    texts = [FLOOD_A, FLOOD_B, MARCH, MARCH_LATER]
    days = ["2023-09-12", "2023-09-14", "", "2025-01-02", "2023-03-07"]
    corpus = [(f"a{i:02d}", rng.choice(days),
               rng.choice(texts) + " " + " ".join(rng.sample(" ".join(texts).split(), 25)))
              for i in range(40)]
    index = StoryIndex(corpus, SETTINGS)
    mates = index.stories().mates
    ids = [a for a, _, _ in corpus]
    answers = {(a, b): index.same(a, b) for a in ids for b in ids}
    assert answers == {(a, b): b in mates.get(a, frozenset()) for a in ids for b in ids}
    assert 20 < sum(answers.values()) < len(ids) * (len(ids) - 1)  # some pairs, not all
    for a in ids:
        lazy = index.mates(a)
        assert set(lazy) == mates.get(a, frozenset()) and len(lazy) == len(set(lazy))
        assert (lazy | {"new"}) == mates.get(a, frozenset()) | {"new"}
        assert a not in lazy


# Two articles on other subjects, each recalling one May Day march in one sentence: the
# articles as a whole are two stories, the two sentences share rare words.
_CRAFTS = [
    ("Les boulangers-pâtissiers voient leurs factures de farine grimper de 14 % en douze "
     "mois.", "14 %", "percent", 14.0, "facture"),
    ("Dans le bâtiment, 2 300 menuisiers et couvreurs ont déposé le bilan depuis janvier, "
     "selon la Capeb.", "2 300", "count", 2300.0, "menuisier"),
    ("Quelque 480 plombiers-chauffagistes signalent des délais de paiement allongés, "
     "d'après leur fédération.", "480", "count", 480.0, "plombier"),
    ("Les carrossiers bretons et les ébénistes jurassiens ont perdu 9 % de leur clientèle "
     "en un trimestre.", "9 %", "percent", 9.0, "clientèle"),
    ("Selon les syndicats, 134 000 personnes ont défilé pour la Fête du Travail.", "134 000",
     "count", 134000.0, "personne"),
]
_JOBLESS = [
    ("Le gouvernement compte économiser 3,4 milliards d'euros sur l'indemnisation des "
     "chômeurs d'ici à l'exercice suivant.", "3,4 milliards d'euros", "money", 3.4e9,
     "économie"),
    ("Le déficit de l'Unédic atteindrait 1,2 milliard d'euros, d'après les projections du "
     "gestionnaire paritaire.", "1,2 milliard d'euros", "money", 1.2e9, "déficit"),
    ("Lors de la Fête du Travail, 134 000 personnes avaient défilé.", "134 000", "count",
     134000.0, "personne"),
]


def _article(article_id: str, published: str, title: str, rows: list[tuple]) -> dict:
    return {"id": article_id, "published": published, "title": title,
            "text": " ".join(r[0] for r in rows),
            "claims": [{"surface": s, "kind": k, "value": v, "subject": subj,
                        **({"unit": "EUR"} if k == "money" else {})}
                       for _, s, k, v, subj in rows]}


@pytest.mark.parametrize(("published", "linked"), [
    ("2025-05-02", True),  # the next day: the two sentences tell one story
    ("", True),  # an unknown date neither ties nor separates
    ("2026-06-02", False),  # a year later: shared words name a recurring subject
])
def test_sentences_tie_two_articles_only_published_close_together(published: str,
                                                                   linked: bool) -> None:
    from crossref_helpers import frame_from_articles

    from factcheck.crossref.engine import cross_reference

    crafts = _article("crafts", "2025-05-01",
                      "Conjoncture : les carnets de commandes des artisans se vident", _CRAFTS)
    jobless = _article("jobless", published,
                       "Assurance chômage : Matignon détaille ses économies budgétaires",
                       _JOBLESS)
    texts = [(a["id"], a["published"], "\n".join([a["title"], *(r[0] for r in rows)]))
             for a, rows in ((crafts, _CRAFTS), (jobless, _JOBLESS))]
    assert not find_stories(texts, SETTINGS).same("crafts", "jobless")
    assert sentences_related(profile(_CRAFTS[-1][0], SETTINGS), profile(_JOBLESS[-1][0], SETTINGS),
                             SETTINGS)
    links, flags = cross_reference(frame_from_articles([crafts, jobless]))
    across = links[links["claim_b"].astype(str).str.len() > 0] if len(links) else links
    assert (len(across) == 1) is linked
    assert flags.empty


# Unknown is not equal: an article without a publication date meets another by the words of a
# kind of news (an outbreak, an earthquake) only at undated_threshold, unless the two texts
# share a mark of one event (a year both write, a distinctive figure both report).
BIRD_FLU = ("Épidémie de grippe aviaire en Vendée : la préfecture recense 27 foyers confirmés "
            "dans les élevages de canards, et 140 000 volailles abattues. Les cas importés "
            "d'élevages voisins restent minoritaires selon les services vétérinaires.")
TYPHOID = ("Fièvre typhoïde à Mamoudzou : l'agence régionale de santé signale 9 cas confirmés, "
           "dont 2 patients hospitalisés en réanimation. Plusieurs cas importés des Comores ont "
           "été recensés, et un foyer reste actif dans un quartier de la ville.")
QUAKE_ITALY = ("Séisme de magnitude 6,4 dans les Abruzzes : au moins 37 morts et 212 blessés "
               "selon la protection civile italienne. Les secouristes fouillent les décombres "
               "des villages de montagne, où de nombreuses répliques ont été ressenties.")
QUAKE_PERU = ("Un tremblement de terre de magnitude 7,1 a frappé le sud du Pérou : 14 morts et "
              "des dizaines de blessés, des routes coupées par des glissements de terrain. Les "
              "répliques se poursuivent selon l'institut géophysique.")
QUAKE_ITALY_TOLL = ("Italie : les villages des Abruzzes comptent leurs morts après le "
                    "tremblement de terre. Le dernier bilan fait état de 37 victimes et de 212 "
                    "blessés ; des milliers d'habitants passent la nuit sous des tentes.")
QUAKE_ITALY_HOSPITALS = ("Les hôpitaux de L'Aquila débordent après les répliques : {} y ont "
                         "été admis depuis la secousse de la nuit, dont une vingtaine dans un "
                         "état grave.")


@pytest.mark.parametrize(("a", "b"), [(BIRD_FLU, TYPHOID), (QUAKE_ITALY_TOLL, QUAKE_PERU)],
                         ids=["two_outbreaks", "two_earthquakes"])
def test_an_undated_article_of_another_event_of_one_kind_is_another_story(a: str,
                                                                          b: str) -> None:
    stories = _stories(("a", "2024-06-03", a), ("b", "", b))
    index = StoryIndex([("a", "", a), ("b", "", b)], SETTINGS)
    assert not stories.same("a", "b") and not index.same("a", "b")
    # Their words alone would have tied them: the shared words of a kind of news.
    from factcheck.crossref.word_profiles import _cosine

    assert SETTINGS.threshold <= _cosine(profile(a, SETTINGS), profile(b, SETTINGS)) \
        < SETTINGS.undated_threshold


@pytest.mark.parametrize(("figure", "day", "same"), [
    ("212 blessés", "", True),  # a distinctive figure both report
    ("des dizaines de blessés", "", False),  # nothing but the words of an earthquake
    ("des dizaines de blessés", "2009-04-07", True),  # both dated, within the window
], ids=["shared_figure", "no_mark", "both_dated"])
def test_an_undated_report_of_one_event_is_tied_by_a_mark_of_the_event(
        figure: str, day: str, same: bool) -> None:
    later = QUAKE_ITALY_HOSPITALS.format(figure)
    corpus = [("first", "2009-04-06", QUAKE_ITALY), ("later", day, later)]
    assert find_stories(corpus, SETTINGS).same("first", "later") is same
    index = StoryIndex(corpus[:1], SETTINGS)
    assert ("first" in index.mates_of("later", day, later)) is same


def test_a_year_both_texts_write_ties_an_undated_report() -> None:
    later = QUAKE_ITALY_HOSPITALS.format("des dizaines de blessés") + " Nuit du 6 avril 2009."
    assert find_stories([("first", "2009-04-06", QUAKE_ITALY), ("later", "", later)],
                        SETTINGS).same("first", "later")
    assert not find_stories([("first", "2016-08-24", QUAKE_ITALY), ("later", "", later)],
                            SETTINGS).same("first", "later")


@pytest.mark.parametrize(("text", "marks"), [
    ("Au 1er janvier 2024, 603 652 visiteurs", {"y2024", "n603652,"}),
    ("121.000 manifestants selon l'Intérieur, 1,28 million selon la CGT", {"n121000,", "n1,28"}),
    ("250 000 personnes, 40 % de grévistes, 12 blessés", set()),  # round or short: any story
    ("un taux de 35,8 % en 2019-2020", {"n35,8"}),  # a range of years is no year written alone
    # A number that names (a model, a flight, a road) is no figure of one event.
    ("un Boeing 737 MAX et ses 189 passagers", {"n189,"}),
    ("l'Airbus A321 du vol AF447 sur la RN 113", set()),
    ("Environ 603 652 visiteurs", {"n603652,"}),  # a capital opening the sentence: a figure
])
def test_marks_of_an_event_are_years_and_distinctive_figures(text: str, marks: set[str]) -> None:
    from factcheck.crossref.stories import event_marks

    assert event_marks(text) == marks


def test_two_incidents_of_one_aircraft_model_are_two_stories() -> None:
    """Two undated reports of one model's incidents share the model's number, no event."""
    door = ("Un Boeing 737 MAX d'une compagnie américaine a dû se poser en urgence à Portland "
            "après la perte d'un panneau de fuselage en vol ; ses 171 passagers sont indemnes "
            "selon la compagnie.")
    crash = ("Un Boeing 737 MAX d'une compagnie africaine s'est écrasé peu après son décollage "
             "d'Addis-Abeba, faisant 157 morts selon la compagnie, qui a cloué sa flotte au sol.")
    assert not _stories(("door", "", door), ("crash", "", crash)).same("door", "crash")
