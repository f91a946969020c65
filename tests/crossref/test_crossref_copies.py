"""Copies in cross-referencing: a copy's figures are one report with the original's (linked
``same`` once), and a flag is never repeated for each copy."""

from __future__ import annotations

from crossref_helpers import frame_from_articles

from factcheck.crossref import cross_reference

A = {"id": "a", "published": "2025-03-02",
     "text": "Selon la préfecture, 1 800 personnes ont manifesté à Nantes samedi.",
     "claims": [{"surface": "1 800", "kind": "count", "value": 1800, "subject": "manifestant",
                 "source": "préfecture", "place": "Nantes"}]}
B = {"id": "b", "published": "2025-03-02",
     "text": "La préfecture a compté 2 600 manifestants à Nantes samedi.",
     "claims": [{"surface": "2 600", "kind": "count", "value": 2600, "subject": "manifestant",
                 "source": "préfecture", "place": "Nantes"}]}


def _with_copies(n: int):
    copies = [dict(A, id=f"a{i}") for i in range(1, n + 1)]
    frame = frame_from_articles([A, B, *copies])
    frame["copy_of"] = frame["article_id"].map({c["id"]: "a" for c in copies})
    return frame


def test_a_flag_is_raised_once_whatever_the_number_of_copies() -> None:
    _, flags = cross_reference(_with_copies(0))
    assert list(flags["type"]) == ["same_source"]
    links, flags_with_copies = cross_reference(_with_copies(3))
    assert list(flags_with_copies["flag_id"]) == list(flags["flag_id"])
    copy_links = links[links["explanation"].str.contains("copie")]
    assert len(copy_links) == 3 and set(copy_links["relation"]) == {"same"}


def test_without_the_column_copies_are_judged_like_any_article() -> None:
    frame = _with_copies(2).drop(columns=["copy_of"])
    _, flags = cross_reference(frame)
    assert len(flags) == 3  # the original and each copy against b


def test_one_distinctive_value_in_two_articles_is_linked_whatever_the_subject_read() -> None:
    a = {"id": "p1", "published": "2024-09-30",
         "text": "Le nombre de détenus a atteint 78 969 au 1er septembre.",
         "claims": [{"surface": "78 969", "kind": "count", "value": 78969, "subject": "détenu"}]}
    b = {"id": "p2", "published": "2024-10-01",
         "text": "Les prisons comptaient 78 969 détenus au 1er septembre.",
         "claims": [{"surface": "78 969", "kind": "count", "value": 78969,
                     "subject": "prison"}]}
    c = {"id": "p3", "published": "2024-11-20",  # weeks later: no longer the same report
         "text": "Ils étaient 78 969 dans les cellules.",
         "claims": [{"surface": "78 969", "kind": "count", "value": 78969,
                     "subject": "cellule"}]}
    links, flags = cross_reference(frame_from_articles([a, b, c]))
    pairs = {frozenset(x) for x in zip(links["claim_a"], links["claim_b"], strict=True)}
    assert len(links) == 1 and set(links["relation"]) == {"same"} and flags.empty
    assert len(pairs) == 1


def test_an_equal_value_of_another_metric_is_not_linked() -> None:
    a = {"id": "q1", "published": "2024-09-30",
         "text": "Le nombre de détenus a atteint 78 969 au 1er septembre.",
         "claims": [{"surface": "78 969", "kind": "count", "value": 78969, "subject": "détenu"}]}
    b = {"id": "q2", "published": "2024-09-30",
         "text": "Le stade a accueilli 78 969 spectateurs pour la finale.",
         "claims": [{"surface": "78 969", "kind": "count", "value": 78969,
                     "subject": "spectateur"}]}
    links, _ = cross_reference(frame_from_articles([a, b]))
    assert links.empty
