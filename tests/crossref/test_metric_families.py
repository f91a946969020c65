"""Which figures share a metric family, the first gate of the cross-referencing (two families
keep a pair apart, ``subject: two families``): two nouns of one metric
(``[subject_synonyms]``), the outcome said before a generic subject's figure
(``[outcome_families.before]``), a rate named by a generic head (``[share_heads]``: "le taux
de réussite"), a metric named before a gloss ("l'Ebitda - le bénéfice avant impôts -"), a
part set aside before a generic count's verb, what a count of "victimes" counts
(``[victims]``, :mod:`factcheck.crossref.victims`), and a scale named before the figure of
what it measures ("un séisme de magnitude 6,8": ``[scale_names]``). Cases from
``tests/crossref/data/metric_family_words.json`` (families) and
``tests/crossref/data/metric_families.json`` (articles cross-referenced: the link that
appears, and the pair kept apart at the family gate)."""

from __future__ import annotations

import json

import pytest
from crossref_helpers import (
    DATA,
    case_ids,
    check_gate_case,
    check_links_case,
    load_cases,
)

from factcheck.crossref.cue_words import lemma, load_lexicon
from factcheck.crossref.metric_families import (
    family_glossed,
    family_named_in_sentence,
    family_of,
)
from factcheck.crossref.scale_names import scale_family
from factcheck.crossref.scope import family_from_outcome
from factcheck.crossref.share_heads import family_from_head
from factcheck.crossref.stories import StoryIndex
from factcheck.crossref.unperformed import unpronounced
from factcheck.crossref.victims import offence_counted, victims_family
from factcheck.crossref.view_memo import ViewMemo

WORDS = json.loads((DATA / "metric_family_words.json").read_text(encoding="utf-8"))
CASES = load_cases("metric_families")


def _row(case: dict, family: str | None) -> dict:
    sentence, surface = case["sentence"], case["surface"]
    start = sentence.index(surface)
    return {"sentence": sentence, "_rel_start": start, "_rel_end": start + len(surface),
            "subject": case.get("subject", "personnes"), "qualifiers": case.get("qualifiers", ""),
            "_family": family}


@pytest.mark.parametrize("case", WORDS["subjects"], ids=lambda c: c["why"])
def test_two_nouns_of_one_metric(case: dict) -> None:
    lexicon = load_lexicon()
    # [subject, category] or [subject, category, qualifiers]
    a = family_of(*case["a"][:2], lexicon, *case["a"][2:])
    b = family_of(*case["b"][:2], lexicon, *case["b"][2:])
    assert a and b
    assert (a == b) is case["one"], (a, b)


@pytest.mark.parametrize("case", WORDS["named_in_sentence"], ids=lambda c: c["why"])
def test_two_word_name_read_in_the_sentence(case: dict) -> None:
    """A two-word name of a metric ([families]) whose first word is the subject and whose
    second follows it in the sentence ("le résultat net", read "résultat")."""
    sentence = case["sentence"]
    at = sentence.index(case["surface"])
    assert family_named_in_sentence(case["subject"], sentence, at, load_lexicon()) \
        == case["family"]


@pytest.mark.parametrize("case", WORDS["glossed"], ids=lambda c: c["why"])
def test_name_glossed_before_the_subject(case: dict) -> None:
    """A metric of ``[families]`` named right before a gloss (dashes, brackets) that holds the
    subject read ("l'Ebitda - le bénéfice avant impôts -"): the figure counts that metric."""
    sentence = case["sentence"]
    at = sentence.index(case["surface"])
    assert family_glossed(case["subject"], sentence, at, load_lexicon()) == case["family"]


@pytest.mark.parametrize("case", WORDS["outcome_before"], ids=lambda c: c["why"])
def test_outcome_said_before_the_figure(case: dict) -> None:
    lexicon = load_lexicon()
    row = _row(case, None)
    family_from_outcome(row, lexicon)
    assert row["_family"] == case["family"]


@pytest.mark.parametrize("case", WORDS["outcome_after"], ids=lambda c: c["why"])
def test_death_said_after_a_generic_count(case: dict) -> None:
    """A generic count said dead in the words of a toll right after it ("ont perdu la vie":
    [scope.outcome] killed, a longer cue winning over the "perdu" of lost inside it) is a
    count of the dead; ``family`` null: not one."""
    lexicon = load_lexicon()
    row = _row(case, None)
    family_from_outcome(row, lexicon)
    assert (row["_family"] == "morts") is (case["family"] == "morts"), row["_family"]


def test_a_cue_inside_a_longer_cue_is_not_one() -> None:
    """"perdu la vie" is killed, not the "perdu" of lost it holds; a "perdu" of its own is
    still lost, and a qualifier "perdu" cut out of "ont perdu la vie" names nothing."""
    outcome = load_lexicon().outcome
    names = {name for *_, name in outcome.find("10 personnes ont perdu la vie")}
    assert names == {"killed"}
    assert {name for *_, name in outcome.find("l'armée a perdu 30 chars")} == {"lost"}
    assert outcome.only_inside("10 personnes ont perdu la vie") == {"lost"}
    assert not outcome.only_inside("ont perdu la vie et perdu 30 chars")


@pytest.mark.parametrize("case", WORDS["outcome_after"], ids=lambda c: c["why"])
def test_names_inside_longer_cues_read_once_per_sentence(case: dict) -> None:
    """The views read a sentence's names held only inside longer cues once for all its
    figures (``ViewMemo.only_inside``): the names the cue set reads, one object for the
    sentence's later figures."""
    lexicon = load_lexicon()
    memo = ViewMemo(lexicon, StoryIndex([], lexicon.stories))
    inside = memo.only_inside(case["sentence"])
    assert inside == lexicon.outcome.only_inside(case["sentence"])
    assert memo.only_inside(case["sentence"]) is inside


def test_a_cue_held_only_inside_a_longer_one_is_handed_over() -> None:
    """What the caller says the sentence holds only inside longer cues is what is left out:
    a qualifier "blessés" is no cue when the caller read it as inside a longer one."""
    lexicon = load_lexicon()
    sentence = "Au moins 40 personnes ont été blessées dans l'incendie"
    start = sentence.index("40")
    row = {"sentence": sentence, "_rel_start": start, "_rel_end": start + 2,
           "subject": "personnes", "qualifiers": "blessées", "_family": None}
    family_from_outcome(row, lexicon, frozenset())
    assert row["_family"] is not None
    row["_family"] = None
    names = {name for *_, name in lexicon.outcome.find("blessées")}
    family_from_outcome(row, lexicon, frozenset(names))
    assert row["_family"] is None


@pytest.mark.parametrize("case", WORDS["share_heads"], ids=lambda c: c["why"])
def test_rate_named_by_a_generic_head(case: dict) -> None:
    """A head naming a rate or a share without its metric ("le taux de réussite") gives the
    figure the family of its complement (``[share_heads]``); ``family`` null: unchanged."""
    lexicon = load_lexicon()
    own = family_of(case["subject"], "", lexicon)
    row = _row(case, own)
    family_from_head(row, lemma(case["subject"]), lexicon.share_heads,
                     lambda noun: family_of(noun, "", lexicon))
    assert row["_family"] == (case["family"] or own)


@pytest.mark.parametrize("case", WORDS["dimensions"], ids=lambda c: c["why"])
def test_family_measured_in_its_dimensions(case: dict) -> None:
    """A family of ``[families]`` is given only to figures of the dimensions it is measured
    in ([family_dimensions]): a money "perte" is a company's loss, never military losses."""
    family = family_of(case["subject"], case["category"], load_lexicon(),
                       dimension=case["dimension"])
    if "family" in case:
        assert family == case["family"]
    else:
        assert family != case["not_family"]


@pytest.mark.parametrize("case", WORDS["topic_words"], ids=lambda c: c["why"])
def test_topic_word_names_no_metric(case: dict) -> None:
    """A word introducing a topic ([topic_words]: "Côté lycées, 202 M€") read as a figure's
    subject gives it no family."""
    assert family_of(case["subject"], case["category"], load_lexicon()) == case["family"]


@pytest.mark.parametrize("case", WORDS["change_heads"], ids=lambda c: c["why"])
def test_amount_of_a_change_takes_what_changes(case: dict) -> None:
    """A noun of change read as the subject of an amount ("la hausse des impôts de 30
    milliards") gives the figure the family of its complement, with the category that noun
    has for the figure's kind ([change_heads]); ``family`` null: unchanged."""
    from factcheck.crossref.metric_families import complement_family

    lexicon = load_lexicon()
    own = family_of(case["subject"], "", lexicon)
    row = _row(case, own) | {"kind": case["kind"], "_dim": case["dimension"]}
    family_from_head(row, lemma(case["subject"]), lexicon.change_heads,
                     lambda noun: complement_family(noun, row, lexicon))
    assert row["_family"] == (case["family"] or own)


@pytest.mark.parametrize("case", WORDS["toll_heads"], ids=lambda c: c["why"])
def test_toll_named_by_its_complement(case: dict) -> None:
    """A toll head ([toll_heads]: "le bilan des victimes") gives the figure the family of its
    complement when [families] lists it for the figure's dimension; ``family`` null:
    unchanged."""
    from factcheck.crossref.metric_families import listed_family

    lexicon = load_lexicon()
    own = family_of(case["subject"], "", lexicon)
    row = _row(case, own)
    family_from_head(row, lemma(case["subject"]), lexicon.toll_heads,
                     lambda noun: listed_family(lemma(noun), lexicon, case["dimension"]))
    assert row["_family"] == (case["family"] or own)


@pytest.mark.parametrize("case", WORDS["tally_nouns"], ids=lambda c: c["why"])
def test_tally_noun_in_brackets_counts_the_metric_before(case: dict) -> None:
    """A count of a generic tally noun ([tally_nouns]: "faits") opening a parenthesis right
    after a figure takes that figure's family; ``family`` null: it keeps its own."""
    from factcheck.crossref.glosses import tally_families

    lexicon = load_lexicon()
    sentence = case["sentence"]

    def row(surface: str, kind: str, subject: str, family: str | None) -> dict:
        at = sentence.index(surface)
        return {"sentence": sentence, "_rel_start": at, "_rel_end": at + len(surface),
                "kind": kind, "subject": subject, "_family": family}

    surface, subject = case["tally"]
    tally = row(surface, "count", subject, lemma(subject))
    members = [tally] + ([row(*case["first"])] if case["first"] else [])
    tally_families(members, lexicon.tally_nouns, lambda r: lemma(r["subject"]))
    assert tally["_family"] == (case["family"] or lemma(subject))


@pytest.mark.parametrize("case", WORDS["victims"], ids=lambda c: c["why"])
def test_what_a_count_of_victims_counts(case: dict) -> None:
    lexicon = load_lexicon()
    row = _row(case, "morts")
    assert victims_family(row, lexicon.victims, lemma("victimes")) == case["family"]


@pytest.mark.parametrize("case", WORDS["victims_offences"], ids=lambda c: c["why"])
def test_offence_counted_by_its_victims(case: dict) -> None:
    """A count of the victims of an offence that crime statistics count by its victims, the
    offence left whole ([victims] offences, offence_ends), is a count of that offence."""
    lexicon = load_lexicon()
    row = _row(case, "morts")
    assert offence_counted(row, lexicon.victims, lemma("victimes")) == case["offence"]


def test_victims_read_only_as_deaths() -> None:
    """A count of victims of another family ("victimes civiles") is left as it is."""
    lexicon = load_lexicon()
    row = _row({"sentence": "Les frappes ont fait 30 victimes civiles, dont 12 blessés.",
                "surface": "30"}, "civils")
    assert victims_family(row, lexicon.victims, lemma("victimes civiles")) is None


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_linked_or_kept_apart(case: dict) -> None:
    check_links_case(case)


@pytest.mark.parametrize("case", [c for c in CASES if c["gate"]],
                         ids=case_ids([c for c in CASES if c["gate"]]))
def test_kept_apart_at_the_family_gate(case: dict) -> None:
    check_gate_case(case)


def test_change_in_points_takes_the_rate_named_before() -> None:
    """A change in points whose sentence names no complement of its head ("C'est 0,4 point de
    moins") takes the family the article gives that head; a share does not (it may name
    another base: "contre 5,1 % la semaine d'avant")."""
    from factcheck.crossref.share_heads import inherit_head_family

    lexicon = load_lexicon()
    named = {"sentence": "Le taux de réussite au brevet atteint 87,3 % cette année.",
             "_dim": "share", "_family": "réussite", "_head_family": "réussite"}
    points = {"sentence": "C'est 0,4 point de moins qu'en 2024.", "_dim": "points",
              "_family": "economy/tau"}
    share = {"sentence": "Il était de 86,9 % l'an dernier.", "_dim": "share",
             "_family": "economy/tau"}
    members = [named, points, share]
    inherit_head_family(members, [lemma("taux")] * 3, lexicon.share_heads)
    assert points["_family"] == "réussite"
    assert share["_family"] == "economy/tau"


def test_two_rates_of_one_article_leave_a_bare_head_as_it_is() -> None:
    """An article naming two rates ("taux de réussite", "taux de mentions") gives a bare head
    no family of its own: which one it takes up is not known."""
    from factcheck.crossref.share_heads import inherit_head_family

    lexicon = load_lexicon()
    rows = [{"sentence": "s", "_dim": "share", "_family": f, "_head_family": f}
            for f in ("réussite", "mention")]
    points = {"sentence": "C'est 0,4 point de moins.", "_dim": "points", "_family": "x"}
    inherit_head_family([*rows, points], [lemma("taux")] * 3, lexicon.share_heads)
    assert points["_family"] == "x"


@pytest.mark.parametrize("case", WORDS["outcome_after_family"], ids=lambda c: c["why"])
def test_outcome_said_after_a_generic_count(case: dict) -> None:
    """What a generic count ("personnes", "participants") underwent, said right after it, is
    its family: "déplacées" counts the displaced ([outcome_families] displaced), "se sont
    déplacées" is a turnout and no displacement; ``family`` null: none given."""
    lexicon = load_lexicon()
    row = _row(case, None)
    family_from_outcome(row, lexicon)
    assert row["_family"] == case["family"]


@pytest.mark.parametrize("case", [c for c in CASES if c.get("names")],
                         ids=case_ids([c for c in CASES if c.get("names")]))
def test_link_through_two_names_says_so(case: dict) -> None:
    """A link made only through two names of one metric in ``[families]`` ("faillites" /
    "défaillances") says so in its explanation, with the two names
    (:mod:`factcheck.crossref.synonym_joins`)."""
    _, links = check_links_case(case)
    told = [str(e) for e in links["explanation"] if "deux noms" in str(e)]
    a, b = case["names"]
    assert any(f"« {a} »" in e and f"« {b} »" in e for e in told), told


@pytest.mark.parametrize("case", WORDS["scale_names"], ids=lambda c: c["why"])
def test_scale_named_before_the_figure_of_what_it_measures(case: dict) -> None:
    """A quake's magnitude named right before its figure, the subject read being the quake
    ("un séisme de magnitude 6,8"), is in the magnitude's family ([scale_names]); an
    aftershock, a count of quakes, a scale before a punctuation mark: ``family`` null, none
    given."""
    row = _row(case, None)
    scale_family(row)
    assert row["_family"] == case["family"]


@pytest.mark.parametrize("case", WORDS["unpronounced"], ids=lambda c: c["why"])
def test_a_term_requested_or_risked_is_no_sentence(case: dict) -> None:
    """A prison term requested ("a requis", "requis" after it) or the most a law allows
    ("encourt", "passible de", "jusqu'à") takes no family of a sentence pronounced
    ([unperformed]); a term after a verb that pronounces it keeps its family."""
    row = {**_row(case, "peine de prison"), "_subject_family": "peine de prison"}
    unpronounced(row)
    assert row["_family"] == case["family"]
