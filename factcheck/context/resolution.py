"""What a source found in a sentence stands for in its article: a fragment or a pronoun names
nobody, a back-reference or a description ("l'institution", "le groupe") is a body named
before, a short form is the fullest form the article gives for that body or person (a bare
head, an acronym the article defines, a body named without one of its words, another
spelling), and a role is the person the article names in it ("le préfet" -> "Jacques
Billant" after "le préfet Jacques Billant"). Words in ``context_source.toml``
([resolution]); names compared with :mod:`factcheck.context.names`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from factcheck.context._name_place import place_ends_name
from factcheck.context._speech_words import speech_words
from factcheck.context.acronyms import (
    is_first_and_last_name,
    is_person_name,
    significant_initials,
    spells,
)
from factcheck.context.described import (
    _plain,
    apposed_name,
    article_body,
    described_body,
    is_acronym,
    only_body,
)
from factcheck.context.lexicon import SourceData, source_data
from factcheck.context.names import (
    _fold,
    _folded_lists,
    _words_of,
    is_person_like,
    name_runs,
    same_spelling,
)


@dataclass(frozen=True, slots=True)
class _Resolution:
    descriptions: tuple[tuple[str, ...], ...]  # folded words of "institution", "groupe", ...
    roles: frozenset[str]  # folded role nouns ("préfet", "adjoint", "chef")
    voices: frozenset[str]  # folded roles speaking for a body ("porte-parole")
    not_between: frozenset[str]  # folded words no role's complement holds ("a", "journal")
    object_preps: tuple[str, ...]  # folded "par", "à": a name after them is no apposition


@cache
def _resolution() -> _Resolution:
    from factcheck.lang import load_data

    res = load_data("fr", "context_source").get("resolution", {})
    return _Resolution(
        descriptions=tuple(sorted((tuple(_words_of(d)) for d in res.get("descriptions", [])),
                                  key=len, reverse=True)),
        roles=frozenset(_fold(r) for r in res.get("roles", [])),
        voices=frozenset(_fold(r) for r in res.get("body_voices", [])),
        not_between=frozenset(_fold(r) for r in res.get("hearer_words", [])
                              + res.get("not_source_words", [])),
        object_preps=tuple(_fold(r) for r in res.get("object_preps", [])),
    )


def is_role(word: str) -> bool:
    """ "directeur", "préfète", "adjoint": a role a person holds (``roles``)."""
    return _fold(word) in _resolution().roles


def names_a_person(name: str) -> bool:
    """A person's name: two capitalised words ("Jérôme Salomon"), or a role before a name
    ("ministre de la santé Olivier Véran"); not a body named in capitals ("Santé Publique
    France")."""
    words = name.split()
    tail = 0
    while tail < len(words) and words[-1 - tail][:1].isupper():
        tail += 1
    if tail == len(words):
        return len(words) == 2 and not any(c.isdigit() for c in name)
    return tail >= 2 and any(is_role(w) for w in words[: len(words) - tail])


def speaks_as_person(name: str) -> bool:
    """A person ("Marc Dubois") or someone named by a role ("la cheffe de la police"), not a
    body ("la préfecture")."""
    first = name.split()[0].casefold() if name.split() else ""
    return names_a_person(name) or is_role(first)


def speaks_for_body(name: str) -> bool:
    """A role whose words are its body's ("le porte-parole de l'ARS", "son porte-parole"):
    quoted, it reads the body's communiqué, not words of its own (``body_voices``)."""
    words = name.split()
    return bool(words) and _fold(words[0]) in _resolution().voices


def _head_matches(head: str, earlier: str) -> bool:
    words = _words_of(earlier)
    return bool(words) and words[0] == head and len(words) > 1


def _numbered_name(name: str, data: SourceData) -> bool:
    """Whether every digit of ``name`` belongs to an outlet or body named with a number
    (``numbered_names``: "selon France 3", "a indiqué TF1"); a name with any other digit is a
    fragment ("2023 du ministère")."""
    rest = f" {name.casefold()} "
    for known in data.numbered_names:
        rest = rest.replace(f" {known} ", "  ")
    return not any(c.isdigit() for c in rest)


def resolve_source(name: str | None, earlier: list[str], article_text: str = "", *,
                   local: bool = False) -> str | None:
    """What a source found in a sentence stands for, given the sources named explicitly
    earlier in the article (``earlier``, in order) and the article's text:

    * a fragment, a pronoun or a generic word names nobody: None ("on", "elle 25 milliards",
      "recherches");
    * a back-reference ("selon la même source", "l'institution", "selon ce bulletin") is the
      last source named;
    * a role is the one person the article names in it (:func:`role_holder`);
    * a description of a body ("l'institution internationale", "le groupe", "l'institut de
      sondage", ``descriptions``) is the last body named by its name;
    * a bare head noun ("le ministère", "la mairie") is the last source named with that head
      ("ministère de la Justice"), not a head with a name ("le service Agreste"), nor on a
      line of a tally labelled by a name (``local``: "Dijon : 4 500 selon la CGT (2 100
      selon la préfecture)" after "la préfecture de police de Paris": Besançon's);
    * a body named without some of its words ("ministère de la Défense") is the one body
      named earlier with them all ("ministère russe de la Défense");
    * an acronym is the body whose initials it is, named earlier or defined in the article
      ("Institut national de la statistique et des études économiques (Insee)");
    * a long name the article defines an acronym for is written with it ("service statistique
      du ministère de l'Intérieur (SSMSI)"), so that the acronym alone in another article is
      the same source;
    * another spelling of an earlier name ("Zelenski" after "Volodymyr Zelensky") is that name
      (rapidfuzz ratio, ``spelling_ratio`` of ``context_source.toml``).
    """
    if name is None:
        return None
    data = source_data()
    head, sep, rest = name.partition(" et ")
    if sep and any(w.lower() in data.quantity_words for w in rest.split()):
        name = head  # "ministère de l'Intérieur et plus de trois millions"
    raw = name.split()
    cut = next((i for i, w in enumerate(raw) if i and w.lower() in data.name_enders
                and raw[0][:1].isupper() and not place_ends_name(raw, i)), None)
    if cut is not None:
        name = " ".join(raw[:cut])  # "Estanguet avec enthousiasme" -> "Estanguet"
    words = _words_of(name)
    if not words or (any(c.isdigit() for c in name) and not _numbered_name(name, data)):
        return None
    if any(w in data.not_source_words for w in name.lower().split()):
        return None
    phrase = " ".join(words)
    lists = _folded_lists()
    if words[0] in lists["not_source_starts"] or all(w in lists["not_sources"] for w in words):
        return None
    back = {" ".join(_words_of(b)) for b in data.back_references}
    pointing = len(words) == 2 and words[0] in speech_words().demonstratives
    if phrase in back or any(phrase.endswith(" " + b) for b in back) or pointing:
        return earlier[-1] if earlier else None
    holder = role_holder(name, article_text)  # "le préfet" -> "Jacques Billant"
    if holder:
        return holder
    holder = _speaking_holder(name, earlier, article_text)  # "l'adjoint" among three
    if holder:
        return holder
    apposed = apposed_name(name, article_text)  # "le premier syndicat du secteur, FSU-Snuipp"
    if apposed:
        return apposed
    glossed = _defined_long_names(article_text).get(phrase) if len(words) >= 2 else None
    if glossed:  # "le service statistique ..." the article defines as "(SSMSI)"
        return glossed
    named = any(w[:1].isupper() for w in name.split()[1:])
    # "le service Agreste" names its body: a head with a proper name is no bare head.
    if len(words) <= 2 and words[0] in lists["heads"] and not named and not local:
        for e in reversed(earlier):
            if _head_matches(words[0], e) and len(_words_of(e)) > len(words):
                return e
    if not any(w[:1].isupper() for w in name.split()) and _describes(words):
        body = described_body(earlier, words[0], article_text) or article_body(article_text) \
            or only_body(earlier, article_text, words[0],
                         frozenset(d[0] for d in _resolution().descriptions))
        if body is not None:
            return body
    if len(words) <= 2 and words[0] in lists["heads"] and not named:
        return name
    if len(words) >= 2 and words[0] in lists["heads"]:
        fuller = {e for e in earlier if _contains_in_order(_words_of(e), words)}
        if len(fuller) == 1:  # two ministries "de la Défense": which one is not said
            return fuller.pop()
    if is_acronym(name) or (name[:1].isupper() and len(words) == 1):
        # "le CRC" after "la chambre régionale des comptes": the body whose initials it is.
        for e in reversed(earlier):
            if significant_initials(e) == name.casefold():
                return e
        defined = defined_acronyms(article_text).get(name.casefold())
        if defined:
            return defined
    for e in reversed(earlier):
        if e != name and (same_spelling(name, e) or (
                is_person_like(name) and is_person_like(e)
                and _plain(e.split()[-1]) == _plain(name.split()[-1]))):  # not "SNUipp-FSU"
            return e if len(_words_of(e)) >= len(words) else name
    return name


def _describes(words: list[str]) -> bool:
    """ "institution internationale", "groupe", "institut de sondage": a description of a
    kind of body, with at most two words after it (its adjectives)."""
    return any(tuple(words[: len(d)]) == d and len(words) - len(d) <= 2
               for d in _resolution().descriptions)


def _contains_in_order(longer: list[str], shorter: list[str]) -> bool:
    """ "ministère russe de la Défense" holds "ministère de la Défense" in order, the same
    head first and at least one word more."""
    if len(longer) <= len(shorter) or longer[:1] != shorter[:1]:
        return False
    it = iter(longer)
    return all(w in it for w in shorter)


_ACRONYM_GLOSS = regex.compile(r"\(\s*([\p{Lu}][\p{L}-]{1,9})\s*\)")
# "le SSMSI (service statistique ministériel de la sécurité intérieure)": the acronym, then
# its long name in brackets.
_ACRONYM_FIRST = regex.compile(r"\b(\p{Lu}{2,10})\s*\(\s*([^()\d]{5,150}?)\s*\)")
_WORD = regex.compile(r"[\p{L}'’-]+")


def _opens_a_name(word: str) -> bool:
    """A long name opens with a capital or a body's head noun ("chambre", "service")."""
    return bool(word) and (word[:1].isupper() or _fold(word) in _folded_lists()["heads"])


@lru_cache(maxsize=16)
def _definitions(article_text: str) -> tuple[tuple[str, str], ...]:
    """Acronyms an article defines, (acronym, long name), in the order of the text: the long
    name before the acronym in brackets ("l'Institut national de la statistique et des
    études économiques (Insee)", "la chambre régionale des comptes (CRC)") or after it
    ("le SSMSI (service statistique ministériel de la sécurité intérieure)"). The long name
    before the bracket is the shortest run of words opening with a capital or a body's head
    noun whose significant initials spell the acronym, or, when none does, spell it but for
    one letter ("service statistique du ministère de l'Intérieur (SSMSI)": the text sets the
    two side by side; :func:`~factcheck.context.acronyms.spells`), then never a person's
    name."""
    found: list[tuple[int, str, str]] = []
    for m in _ACRONYM_GLOSS.finditer(article_text):
        acronym = m.group(1)
        before = list(_WORD.finditer(article_text, max(0, m.start() - 160), m.start()))
        runs = []
        for k in range(len(before) - 1, max(-1, len(before) - 13), -1):
            first = before[k].group(0).split("'")[-1].split("’")[-1]
            if _opens_a_name(first):
                runs.append(article_text[before[k].start() + before[k].group(0).find(first) :
                                         before[-1].end()])
        # Never a person's name: "la sénatrice Lucie Ravel (LR)" gives her party, whose
        # initials hers may happen to spell.
        full = next((r for r in runs if spells(acronym, r) and not is_first_and_last_name(r)),
                    None) \
            or next((r for r in runs if spells(acronym, r, loose=True)
                     and not is_person_name(r)), None)
        if full:
            found.append((m.start(), acronym, full))
    for m in _ACRONYM_FIRST.finditer(article_text):
        acronym, inside = m.group(1), m.group(2)
        words = inside.split()
        while words and _fold(words[0]) in _ARTICLES:
            words = words[1:]
        full = " ".join(words)
        if full[:2].lower() in ("l'", "l’"):
            full = full[2:]
        if _opens_a_name(full.split()[0] if full else "") and (spells(acronym, full) or (
                spells(acronym, full, loose=True) and not is_person_name(full))):
            found.append((m.start(), acronym, full))
    return tuple((acronym, full) for _, acronym, full in sorted(found))


_ARTICLES = frozenset({"le", "la", "les"})


@lru_cache(maxsize=16)
def defined_acronyms(article_text: str) -> dict[str, str]:
    """Acronyms an article defines (:func:`_definitions`), folded acronym -> "long name
    (Acronym)", the first definition of each."""
    out: dict[str, str] = {}
    for acronym, full in _definitions(article_text):
        out.setdefault(acronym.casefold(), f"{full} ({acronym})")
    return out


@lru_cache(maxsize=16)
def _defined_long_names(article_text: str) -> dict[str, str]:
    """Long names an article defines an acronym for, their significant words -> "long name
    (Acronym)": the body named in full elsewhere in the article is written with it, so that
    its acronym in another article is the same source."""
    out: dict[str, str] = {}
    for acronym, full in _definitions(article_text):
        out.setdefault(" ".join(_words_of(full)), f"{full} ({acronym})")
    return out


@dataclass(frozen=True, slots=True)
class _Named:
    """A person's name of two words or more in an article, with what surrounds it."""

    run: str
    before: str  # folded text before it on its line ("le president, ")
    after: str  # folded 60 characters after it (", son president")
    line: str  # the text before it on its line, as written
    comma_before: bool  # an apposition closes right before it ("la chanceliere, Rachel")
    comma_after: bool  # an apposition opens right after it ("Alain Rousset, son")


@lru_cache(maxsize=16)
def _named_people(article_text: str) -> tuple[_Named, ...]:
    """The names of persons an article gives, with their surroundings: read once per article,
    for all its roles (a long article has many)."""
    out = []
    for start, end, run in name_runs(article_text):
        if len(run.split()) < 2 or not is_person_like(run):
            continue
        line = article_text[max(0, start - 80) : start].split("\n")[-1]
        out.append(_Named(run, _fold(line), _fold(article_text[end : end + 60]), line,
                          article_text[max(0, start - 200) : start].rstrip().endswith(","),
                          article_text[end : end + 1] == ","))
    return tuple(out)


def _speaking_holder(name: str, earlier: list[str], article_text: str) -> str | None:
    """When several persons hold the role ``name`` in the article ("l'adjoint aux finances
    Joël Canicave", "l'adjoint aux sports Paul Dumas"), the one who is the last person named
    as a source before it: the role takes up the person speaking ("Joël Canicave se réjouit
    [...]. Mais il y a des bémols, admet l'adjoint")."""
    holders = role_holders(name, article_text)
    if len(holders) < 2:
        return None
    last = next((e for e in reversed(earlier) if names_a_person(e)), None)
    return last if last in holders else None


def role_holder(name: str | None, article_text: str) -> str | None:
    """The one person the article names with the role ``name`` (:func:`role_holders`), or
    None when no one, or more than one person, holds it."""
    holders = role_holders(name, article_text)
    return holders[0] if len(holders) == 1 else None


@lru_cache(maxsize=256)
def role_holders(name: str | None, article_text: str) -> tuple[str, ...]:
    """The person an article names with the role ``name`` stands for: a name of two words or
    more set in apposition to the role ("Alain Rousset, son président," -> "le président";
    "la chancelière, Rachel Reeves,") or right after it ("le préfet Jacques Billant",
    "l'adjoint aux finances Joël Canicave"). A role with a complement ("le président de la
    Région") needs that complement beside the name. Empty when ``name`` is no role
    (``roles``); the holders in the order of the article. Cached per article and role."""
    if not name or name[:1].isupper() or names_a_person(name.split(" de ")[0]):
        return ()  # "Jacques Billant", "préfet Jacques Billant": a name, no bare role
    words = _words_of(name)
    if not words or words[0] not in _resolution().roles or len(words) > 5:
        return ()
    title = regex.escape(words[0])
    complement = " ".join(words[1:])
    found = []
    for named in _named_people(article_text):
        if complement and complement not in f"{named.before} {named.after}":
            continue
        apposed_after = named.comma_after and not _after_object_prep(named.before) \
            and regex.match(rf"(?:\w+ ){{0,2}}{title}\b", named.after)
        apposed_before = named.comma_before and regex.search(rf"\b{title}\b[\w ]{{0,40}}$",
                                                             named.before)
        if apposed_after or apposed_before or _title_right_before(named.line, words[0]):
            found.append(named.run)
    return tuple(dict.fromkeys(found))


def _after_object_prep(before: str) -> bool:
    """Whether the folded text before a name ends with a preposition making it an object
    ("Interrogé par France Inter, le ministre": the interviewer, not the minister)."""
    words = before.split()
    return any(words[-len(p.split()):] == p.split() for p in _resolution().object_preps)


def _title_right_before(line: str, title: str) -> bool:
    """Whether ``line`` (the text before a name on its line) ends with the role ``title``
    and lower-case words only: "le préfet", "l'adjoint aux finances"."""
    m = regex.search(rf"\b{regex.escape(title)}\b((?:\s+[\w'’-]+){{0,4}})\s*$", _plain(line))
    if m is None:
        return False
    between = line[m.start(1) : m.end(1)].split()
    # "la préfète au journal Sud Ouest", "le ministre a assuré sur France Inter": a verb, or
    # the outlet or place a speaker spoke to, is no complement of the role.
    not_between = _resolution().not_between
    return not any(w[:1].isupper() or not w[:1].isalpha() or _fold(w) in not_between
                   for w in between)
