"""Which names a plural subject pronoun may stand for (``factcheck.context._plural_speaker``)."""

from __future__ import annotations

import pytest

from factcheck.context._plural_speaker import is_plural_pronoun, names_plural, plural_speaker


@pytest.mark.parametrize(("name", "plural"), [
    ("autorités chiliennes", True),
    ("organisateurs", True),
    ("médias locaux", True),
    ("Lucie Ravel et Marc Oudin", True),
    ("CFDT et Unsa", True),
    ("ministère de l'Agriculture et de la Pêche", False),  # "et" inside one body's name
    ("Office des Forêts et des Eaux", False),
    ("préfecture", False),
    ("pays", False),  # singular with a plural's ending
    ("Météo-France", False),
    ("Ravel", False),
    ("", False),
])
def test_names_plural(name: str, plural: bool) -> None:
    assert names_plural(name) is plural


@pytest.mark.parametrize(("word", "plural"), [
    ("Elles", True), ("ils", True), ("elle", False), ("Il", False), ("eux", False)])
def test_is_plural_pronoun(word: str, plural: bool) -> None:
    assert is_plural_pronoun(word) is plural


TEXT = "Les pompiers ont compté 9 blessés. La mairie a parlé. Ils ont dit 3.\nIls ont dit 4."


@pytest.mark.parametrize(("before", "speakers", "expected"), [
    # the sentence right before, in the paragraph
    (TEXT.index("Ils"), [(0, "pompiers"), (35, "mairie")], None),  # two sentences back
    (35 + len("La mairie a parlé. "), [(35, "maires")], "maires"),
    (TEXT.rindex("Ils"), [(35, "maires")], None),  # an earlier paragraph
    (35 + len("La mairie a parlé. "), [(35, "maires"), (35, "médias")], "maires"),  # the first
])
def test_plural_speaker(before: int, speakers: list[tuple[int, str]],
                        expected: str | None) -> None:
    assert plural_speaker(TEXT, before, speakers) == expected


SPEAKERS = [
    # another plural opening a clause of the speaker's sentence: "ils" may be either
    ("Selon les guides, les randonneurs étaient 40. Ils ont dit 3.", "guides", None),
    ("Les guides ont annoncé que les refuges ouvraient. Ils ont dit 3.", "guides", None),
    # the speaker's own plural, a plural object, a counted noun: no other antecedent
    ("Les guides ont compté 40 randonneurs. Ils ont dit 3.", "guides", "guides"),
    ("Les guides ont fermé les refuges. Ils ont dit 3.", "guides", "guides"),
    ("Selon les guides, 40 refuges ouvrent. Ils ont dit 3.", "guides", "guides"),
]


@pytest.mark.parametrize(("text", "speaker", "expected"), SPEAKERS)
def test_plural_speaker_past_another_plural(text: str, speaker: str,
                                            expected: str | None) -> None:
    assert plural_speaker(text, text.index("Ils"), [(0, speaker)]) == expected
