"""Copies and near-copies of articles (``factcheck.corpus.copies``)."""

from __future__ import annotations

import hashlib
import random
import struct
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH

from factcheck.corpus import copies, fingerprints
from factcheck.corpus.copies import CopyFinder, find_copies
from factcheck.corpus.fingerprints import NUM_PERM, Fingerprint, FingerprintStore, fingerprint
from factcheck.models import Article

WIRE = ("Le bilan des inondations qui ont frappé la vallée s'est alourdi jeudi à 23 morts, "
        "selon la préfecture, qui fait aussi état de 140 blessés dont 12 dans un état grave. "
        "Plus de 2 000 personnes ont été évacuées et 800 pompiers restent mobilisés sur place, "
        "a précisé le préfet lors d'un point presse en fin de journée.")


def _article(aid: str, text: str, day: int | None) -> Article:
    return Article(aid, text, published=None if day is None else date(2025, 3, day))


def test_a_republished_wire_story_is_a_copy_of_the_earliest() -> None:
    articles = [_article("b", "Inondations : " + WIRE, 7), _article("a", WIRE, 6),
                _article("c", WIRE + " Une cellule d'écoute a été ouverte en mairie.", 8)]
    assert find_copies(articles) == {"b": "a", "c": "a"}


def test_two_articles_on_one_event_written_apart_are_no_copies() -> None:
    other = ("Jeudi soir, la préfecture comptait 23 morts après les crues. Le préfet a annoncé "
             "que 800 pompiers resteraient sur place tout le week-end, tandis que les "
             "évacuations touchaient plus de 2 000 habitants de la vallée.")
    assert find_copies([_article("a", WIRE, 6), _article("b", other, 6)]) == {}


def test_short_texts_are_not_compared_and_the_result_is_stable() -> None:
    articles = [_article("a", "23 morts.", 6), _article("b", "23 morts.", 6)]
    assert find_copies(articles) == {}
    many = [_article(f"x{i}", WIRE, 6) for i in range(5)]
    assert find_copies(many) == find_copies(list(reversed(many))) == {
        f"x{i}": "x0" for i in range(1, 5)}


@pytest.mark.parametrize(("ids_and_days", "original"), [
    ([("b", 6), ("a", None)], "b"),  # an undated article comes after every dated one
    ([("a", 7), ("b", 6)], "b"),  # the earliest, whatever its id
    ([("z", 6), ("é", 6), ("\ud800x", 6)], "z"),  # same day: ids in code point order
    ([("é", 6), ("\ud800x", 6)], "é"),  # an id with a lone surrogate (a JSON escape) is kept
])
def test_the_original_is_the_earliest_then_the_first_id(
        ids_and_days: list[tuple[str, int | None]], original: str) -> None:
    articles = [_article(aid, WIRE, day) for aid, day in ids_and_days]
    assert find_copies(articles) == {aid: original for aid, _ in ids_and_days if aid != original}


def test_an_article_left_out_is_neither_original_nor_copy(tmp_path: Path) -> None:
    articles = [_article("a", WIRE, 6), _article("b", "Crues : " + WIRE, 7),
                _article("c", WIRE, 8)]
    with CopyFinder(tmp_path) as finder:
        for article in articles:
            finder.add(article)
        assert finder.find(exclude={"a"}) == 1
        assert finder.originals(["a", "b", "c", "c"]) == {"c": "b"}


def test_an_id_given_twice_is_not_its_own_copy() -> None:
    # The reader makes ids unique; a caller that does not gets no copy of an id by itself.
    assert find_copies([_article("x", WIRE, 6), _article("x", WIRE, 7)]) == {}
    assert find_copies([_article("x", WIRE, 6), _article("x", WIRE, 7),
                        _article("y", WIRE, 8)]) == {"y": "x"}


def test_copies_are_looked_up_in_parts_and_nothing_is_left_on_disk(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(copies, "SQL_PARAMETERS", 2)
    monkeypatch.setattr(fingerprints, "SQL_PARAMETERS", 2)
    articles = [_article(f"w{i}", WIRE, 6 + i % 3) for i in range(7)]
    with CopyFinder(tmp_path) as finder:
        for article in articles:
            finder.add(article)
        assert len(finder) == 7
        assert finder.find() == 6
        expected = {f"w{i}": "w0" for i in range(1, 7)}
        assert finder.originals(a.article_id for a in articles) == expected
        assert finder.all_copies() == expected
        assert [p.name[:18] for p in tmp_path.iterdir()] == [".factcheck-copies-"]
    assert list(tmp_path.iterdir()) == []


def test_the_store_gives_back_what_it_was_given(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fingerprints, "SQL_PARAMETERS", 2)
    articles = [_article("b", WIRE, 6), _article("a", "Trop court.", 6),
                _article("c", "Crues : " + WIRE, None), _article("a2", WIRE[::-1], 5)]
    prints = [fingerprint(a) for a in articles]
    with FingerprintStore(tmp_path) as store:
        for fp in prints:
            store.add_fingerprint(fp)
        assert [s.article_id for s in store.ordered()] == ["a2", "a", "b", "c"]
        assert [s.compared for s in store.ordered()] == [True, False, True, True]
        assert sorted(s.article_id for s in store.describe([0, 1, 2])) == ["a", "b", "c"]
        for number, fp in enumerate(prints):
            assert np.array_equal(store.hashes(number), fp.hashes)
            if fp.signature is not None:
                assert np.array_equal(store.signature(number), fp.signature)
        with pytest.raises(KeyError):
            store.signature(1)
        with pytest.raises(RuntimeError):
            store.add(articles[0])  # fingerprints are all added before they are read


# The reference: copy detection as it was done in memory, with datasketch's MinHashLSH.
def _copies_with_minhashlsh(prints: Iterable[Fingerprint], threshold: float) -> dict[str, str]:
    ordered = sorted(prints, key=lambda p: p.order)
    by_id = {p.article_id: p for p in ordered}
    lsh = MinHashLSH(threshold=max(0.5, threshold - 0.2), num_perm=NUM_PERM)
    scheme = MinHash(num_perm=1).scheme
    original: dict[str, str] = {}
    for fp in ordered:
        if fp.signature is None:
            continue
        signature = MinHash(num_perm=NUM_PERM, seed=1, hashvalues=fp.signature, scheme=scheme)
        best = None
        for candidate in sorted(lsh.query(signature)):
            other = by_id[candidate].hashes
            common = np.intersect1d(fp.hashes, other, assume_unique=True).size
            jaccard = common / (fp.hashes.size + other.size - common)
            if jaccard >= threshold and (best is None or jaccard > best[0]):
                best = (jaccard, candidate)
        if best is not None:
            original[fp.article_id] = original.get(best[1], best[1])
        else:
            lsh.insert(fp.article_id, signature)
    return original


def _stories(seed: int) -> list[Article]:
    """Stories and versions of them edited more or less (Jaccard on either side of the
    threshold), dated in a few days (some undated, some on the same day), shuffled."""
    rng = random.Random(seed)
    vocabulary = [f"mot{i}" for i in range(400)]
    articles = []
    for story in range(25):
        words = rng.choices(vocabulary, k=rng.randint(15, 160))
        for version in range(rng.randint(1, 6)):
            edited = list(words)
            for _ in range(int(len(edited) * rng.choice((0, 0.01, 0.02, 0.03, 0.05, 0.1)))):
                edited[rng.randrange(len(edited))] = rng.choice(vocabulary)
            if rng.random() < 0.3:
                edited = edited[: int(len(edited) * rng.uniform(0.8, 1))]
            day = rng.choice((None, 1, 2, 2, 3))
            articles.append(Article(
                f"{rng.choice('abcz')}{story}-{version}", " ".join(edited),
                published=None if day is None else date(2025, 1, 1) + timedelta(days=day)))
    rng.shuffle(articles)
    return articles


@pytest.mark.parametrize("threshold", [0.5, 0.8, 0.9])
@pytest.mark.parametrize("seed", range(4))
def test_the_copies_found_on_disk_are_those_minhashlsh_finds(seed: int,
                                                             threshold: float) -> None:
    articles = _stories(seed)
    expected = _copies_with_minhashlsh([fingerprint(a) for a in articles], threshold)
    assert expected  # the corpus has copies to find
    assert find_copies(articles, threshold) == expected
    renamed = [replace(a, article_id=a.article_id.upper()) for a in reversed(articles)]
    assert find_copies(renamed, threshold) == {
        copy.upper(): original.upper() for copy, original in expected.items()}


@pytest.mark.parametrize("text", [
    "Le conseil municipal de Quimperlé a voté lundi une hausse de 3 % des tarifs de la "
    "cantine, la première depuis 2019, malgré l'opposition qui réclamait un gel des prix.",
    " ".join(f"mot{i}" for i in range(40)),
])
def test_a_signature_drawn_with_shared_permutations_is_a_fresh_minhash(text: str) -> None:
    # The permutations are drawn once and shared by every article's signature (perf40):
    # the signature is the one a MinHash drawing its own would give.
    fp = fingerprint(Article("a1", text))
    items = fingerprints.shingles(text)
    fresh = MinHash(num_perm=NUM_PERM, seed=fingerprints._SEED,
                    hashfunc=lambda d: struct.unpack("<I", d[:4])[0])
    fresh.update_batch([hashlib.sha1(i.encode("utf-8")).digest()[:8] for i in items])
    assert fp.signature is not None and np.array_equal(fp.signature, fresh.hashvalues)
    assert fingerprints._low_32_bits(b"\x01\x02\x03\x04\xff") == 0x04030201
