"""Descriptions and roles standing for a body or a person the article names: "le groupe",
"le constructeur automobile", "l'institution internationale" for the body the article is
about, and a description set in apposition before a name ("le premier syndicat du secteur,
FSU-Snuipp") for that name. Words in ``context_source.toml`` ([resolution]); used by
:func:`factcheck.context.resolution.resolve_source`."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import regex

from factcheck.context.acronyms import is_first_and_last_name
from factcheck.context.names import _fold, _folded_lists, _subject_after, name_runs

_ABOUT = 3  # times a one-word name recurs in an article that is about that body


class _FirstOfDecomposition(dict[int, str]):
    """A character's code -> the first character of its compatibility decomposition ("é" ->
    "e"), computed once per character (a ``str.translate`` table)."""

    def __missing__(self, code: int) -> str:
        first = self[code] = unicodedata.normalize("NFKD", chr(code))[:1]
        return first


_FIRST_OF_DECOMPOSITION = _FirstOfDecomposition()


def _plain(s: str) -> str:
    """Case and accents folded, one character for one (offsets kept)."""
    return s.lower().translate(_FIRST_OF_DECOMPOSITION)


@lru_cache(maxsize=16)
def _plain_article(article_text: str) -> str:
    """:func:`_plain` of a whole article, once per article (every description reads it)."""
    return _plain(article_text)


def is_acronym(name: str) -> bool:
    return 2 <= len(name) <= 6 and name.isalpha() and name.isupper()


def described_body(earlier: list[str], head: str, article_text: str) -> str | None:
    """The body among the sources named before (``earlier``) that the description ``head``
    stands for: the last one the article sets that description beside
    (:func:`described_as`), else the one it names by one word again and again (the body the
    article is about: "le groupe" for "Stellantis"). Two bodies named again and again
    ("Renault" and "la CGT") leave it unsaid which one "le groupe" is: None."""
    beside = next((e for e in reversed(earlier) if described_as(e, head, article_text)), None)
    if beside is not None:
        return beside
    plain = _plain_article(article_text)
    recurring = {e for e in earlier if len(e.split()) == 1 and e[:1].isupper()
                 and plain.count(_plain(e)) >= _ABOUT}
    return recurring.pop() if len(recurring) == 1 else None


@lru_cache(maxsize=256)
def described_as(name: str, head: str, article_text: str) -> bool:
    """Whether the article sets the description ``head`` beside the body ``name``, before it
    ("le constructeur Stellantis", "le groupe automobile Stellantis") or in apposition after
    it ("Stellantis, le constructeur"), in the same sentence."""
    if not any(w[:1].isupper() for w in name.split()):
        return False
    plain = _plain_article(article_text)
    for m in regex.finditer(regex.escape(_plain(name)), plain):
        before = plain[max(0, m.start() - 50) : m.start()].split(".")[-1]
        after = plain[m.end() : m.end() + 50].split(".")[0]
        if regex.search(rf"\b{regex.escape(head)}\b(?:\s+[\w'’-]+){{0,3}}\s*$", before) or (
                after.lstrip().startswith(",")
                and regex.match(rf",\s*(?:\w+['’]?\s*){{0,2}}{regex.escape(head)}\b",
                                after.lstrip())):
            return True
    return False


# A name opening its sentence or line, after a determiner at most ("Le FMI prévoit",
# "Stellantis affiche"), then a lower-case word: the subject of that word's verb.
_OPENS = regex.compile(r"(?:^|[.!?»\n]\s*|[.!?]\s*[«\"]\s*)(?:(?:le|la|les|l['’])\s*)?$",
                       regex.IGNORECASE)
_LOWER_AFTER = regex.compile(r"\s+\p{Ll}")


def _as_subject(article_text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is the subject of a verb: before a verb or an
    auxiliary (``subject_position_verbs``), or opening its sentence before a lower-case word
    ("Le FMI prévoit", "Stellantis affiche un bénéfice")."""
    if _subject_after().match(article_text, end):
        return True
    opening = _OPENS.search(article_text[max(0, start - 6) : start]) is not None
    return opening and _LOWER_AFTER.match(article_text, end) is not None


@lru_cache(maxsize=16)
def persons_last_names(article_text: str) -> tuple[str, ...]:
    """The last names of the persons an article names in full, sorted: no town ("l'attaque
    de Trump"). Not a name the article also writes after a locative preposition ("Wadi
    Derna" ... "à Derna": a place)."""
    return tuple(sorted(n for n in _persons_last_names(article_text)
                        if not located(n, article_text)))


_ELIDED = regex.compile(r"\p{Lu}['’]")


@lru_cache(maxsize=16)
def _persons_last_names(article_text: str) -> frozenset[str]:
    """The last names of the persons an article names in full ("Carlos Tavares"): a last
    name alone is that person, never a body. A run opening with an elided article
    ("L'attaque de Koumbri") is no first and last name."""
    return frozenset(run.split()[-1] for _, _, run in name_runs(article_text)
                     if is_first_and_last_name(run) and not _ELIDED.match(run))


# "des Français", "les Parisiens": people, not a body.
_PEOPLE_BEFORE = regex.compile(r"\b(?:des|les|aux)\s+$", regex.IGNORECASE)
# "à Mayotte", "en Bretagne", "au Japon", "dans le Gard": a name right after a locative
# preposition is a place.
_LOCATED = regex.compile(r"(?:^|[^\w'’])(?:à|en|au|aux|dans\s+(?:le|la|les|l['’]))\s*$",
                         regex.IGNORECASE)
# "Jade, 22 ans,": a person given with her age.
_AGED = regex.compile(r",\s*\d{1,3}\s+ans\b")


#: A word boundary, as ``\b`` tests it in a pattern.
_BOUNDARY = regex.compile(r"\b")


def _whole_word_spans(name: str, text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each occurrence of ``name`` in ``text`` between word boundaries, as
    ``regex.finditer(rf"\b{regex.escape(name)}\b", text)`` finds them (left to right, none
    overlapping), without compiling a pattern per name: the names are new in every article,
    and compiling each was most of the cost of reading them."""
    if not name:
        yield from (m.span() for m in regex.finditer(r"\b\b", text))
        return
    size, at = len(name), text.find(name)
    while at >= 0:
        end = at + size
        if _BOUNDARY.match(text, at) and _BOUNDARY.match(text, end):
            yield at, end
            at = text.find(name, end)
        else:
            at = text.find(name, at + 1)


def located(name: str, article_text: str) -> bool:
    """Whether the article names ``name`` right after a locative preposition once at least
    ("à Mayotte", "en Bretagne"): a place, even one the places data does not know."""
    return any(_LOCATED.search(article_text[max(0, start - 12) : start])
               for start, _ in _whole_word_spans(name, article_text))


def named_again(name: str, article_text: str) -> bool:
    """Whether the name ``name`` recurs in the article (twice or more) and is never given
    with an age ("Jade, 22 ans": a person)."""
    plain, key = _plain_article(article_text), _plain(name)
    return plain.count(key) >= 2 and not any(
        _AGED.match(article_text, end) for _, end in _whole_word_spans(name, article_text))


@lru_cache(maxsize=16)
def article_body(article_text: str) -> str | None:
    """The body an article is about, when it names one by a single word, its acronym or its
    name ("SNCF", "Stellantis"), again and again and at least once as the subject of a verb
    ("Stellantis a fait état", "Le FMI prévoit", ...): "le groupe", "le constructeur",
    "l'institution" stand for it. Not a place or a country (known, or once right after "à",
    "en", "au": "à Mayotte"), not a people ("des Français"), not a person's last name, and
    None when two names qualify (which one the description means is not said)."""
    from factcheck.context.world import world_data

    world = world_data()
    persons = _persons_last_names(article_text)
    not_names = _folded_lists()["not_sources"]
    counts: dict[str, int] = {}
    subject: set[str] = set()
    placed: set[str] = set()  # "à Mayotte", "en Bretagne": a place the data may not know
    for start, end, run in name_runs(article_text):
        low = run.lower()
        if (len(run.split()) != 1 or len(run) < 2 or low in world.places
                or low in world.actor_names or low in world.actor_adjectives
                or run in persons or _fold(run) in not_names
                or _PEOPLE_BEFORE.search(article_text[max(0, start - 5) : start])):
            continue
        if _LOCATED.search(article_text[max(0, start - 12) : start]):
            placed.add(run)
        counts[run] = counts.get(run, 0) + 1
        if _as_subject(article_text, start, end):
            subject.add(run)
    found = [n for n, c in counts.items() if c >= _ABOUT and n in subject and n not in placed]
    return found[0] if len(found) == 1 else None


@lru_cache(maxsize=256)
def apposed_name(phrase: str, article_text: str) -> str | None:
    """The name the article sets in apposition right after the description or role
    ``phrase``, closed by a comma, a full stop or a bracket ("selon une estimation établie
    par le premier syndicat du secteur, FSU-Snuipp."): the body or person it is. Only a
    phrase naming a kind of body or a role (a word of ``heads``), never a place, and None
    when the article apposes two different names to it. A name followed by a verb is the
    subject of the next clause ("Selon le syndicat, Renault a ..."), no apposition."""
    from factcheck.context.world import world_data

    words = phrase.split()
    while words and _fold(words[0]).rstrip("'’") in ("le", "la", "les", "l", "un", "une"):
        words = words[1:]
    if words and _fold(words[0])[:2] in ("l'", "l’"):
        words[0] = words[0][2:]
    heads = _folded_lists()["heads"]
    if not words or any(w[:1].isupper() for w in words) or not any(
            _fold(w) in heads for w in words):
        return None
    # The phrase opens its noun phrase (after "le", "la", "l'", "les", not after "de": in "la
    # porte-parole du gouvernement, Prisca Thevenot", the name is the spokeswoman's).
    plain = _plain_article(article_text)
    if _plain(words[-1]) + "," not in plain:
        return None  # the pattern below needs the phrase's last word before a comma
    pattern = r"(?<!\bde\s+)\b(?:le|la|les|l['’])\s*" + r"\s+".join(
        regex.escape(_plain(w)) for w in words) + r",\s*"
    runs = {start: (end, run) for start, end, run in name_runs(article_text)}
    places = world_data().places
    found = set()
    for m in regex.finditer(pattern, plain):
        end, run = runs.get(m.end(), (0, ""))
        if not run or run.lower() in places:
            continue
        if regex.match(r"\s*(?:[.,;)]|$)", article_text[end : end + 2]):
            found.add(run)
    return found.pop() if len(found) == 1 else None


def only_body(earlier: list[str], article_text: str, head: str,
              kinds: frozenset[str]) -> str | None:
    """The one body named by its name among the sources named before (``earlier``) that a
    description with the head noun ``head`` stands for ("Stellantis a fait état [...]. Le
    groupe a indiqué", "selon Santé publique France [...], a indiqué l'agence sanitaire"):
    a proper name or an acronym, not a person, not a place, nor a body whose name opens with
    another kind (``kinds``, the descriptions' and the bodies' head nouns: not "la Banque de
    France [...], selon l'assureur"), named twice or more in the article and never with an
    age ("raconte Jade, 22 ans"). None when two bodies qualify."""
    from factcheck.context.resolution import names_a_person
    from factcheck.context.world import world_data

    places = world_data().places
    kinds = kinds | _folded_lists()["heads"]

    def of_kind(e: str) -> bool:  # "Agence ..." for "l'agence sanitaire", not "Banque ..."
        first = _fold(e.split()[0])
        return first == head or first not in kinds

    bodies = {e for e in earlier if e[:1].isupper() and not names_a_person(e)
              and e.lower() not in places and of_kind(e) and not located(e, article_text)}
    body = bodies.pop() if len(bodies) == 1 else None
    # Named once, it may be a first name ("raconte Jade") or a body the article only cites
    # ("selon une étude du CSIS [...], le groupe de réflexion"): the body it follows recurs.
    return body if body and named_again(body, article_text) else None
