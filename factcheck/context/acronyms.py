"""Acronyms of bodies: the initials of a long name's significant words ("SSMSI" for
"Service statistique ministériel de la sécurité intérieure", "CGT" for "Confédération
générale du travail"), and a long name written with the acronym an article defines for it
("chambre régionale des comptes (CRC)"), whose two forms each stand for the body. Person
names are kept out. Words in ``context_source.toml`` ([resolution]: ``acronym_skip``,
``acronym_min_letters``)."""

from __future__ import annotations

from functools import lru_cache

import regex

from factcheck.context._folding import _fold, _folded_lists
from factcheck.context.lexicon import grammar


def _acronym(long_name: str) -> str:
    """Initials of the capitalised words ("Center for Strategic and International Studies")."""
    return "".join(w[0] for w in long_name.split() if w[:1].isupper()).casefold()


@lru_cache(maxsize=1)
def _acronym_rules() -> tuple[frozenset[str], int]:
    """Words an acronym leaves out of its initials, and the fewest letters an acronym needs
    to be read from a long name's lower-case words (``context_source.toml`` [resolution])."""
    from factcheck.lang import load_data

    res = load_data("fr", "context_source").get("resolution", {})
    return (frozenset(_fold(w) for w in res.get("acronym_skip", [])),
            int(res.get("acronym_min_letters", 3)))


def significant_initials(name: str) -> str:
    """Initials of the words of ``name`` an acronym spells, articles and prepositions left
    out, accents folded: "Service statistique ministériel de la sécurité intérieure" ->
    "ssmsi", "chambre régionale des comptes" -> "crc"."""
    skip = _acronym_rules()[0]
    return "".join(w[0] for w in _fold(name).split() if w not in skip)


def _subsequence(short: str, long_: str) -> bool:
    it = iter(long_)
    return all(c in it for c in short)


def spells(acronym: str, long_name: str, loose: bool = False) -> bool:
    """Whether ``acronym`` is the acronym of ``long_name``: the initials of its significant
    words (:func:`significant_initials`). ``loose`` (a name the text itself sets beside the
    acronym, "service statistique du ministère de l'Intérieur (SSMSI)", "Agence de
    l'environnement et de la maîtrise de l'énergie (Ademe)"): also one letter more or less,
    the same first letter and the others in order, with at least the letters of
    ``acronym_min_letters``."""
    letters = _fold(acronym).replace(" ", "")
    initials = significant_initials(long_name)
    if not letters or not initials:
        return False
    if letters == initials:
        return True
    if not loose or len(letters) < _acronym_rules()[1] or len(initials) < 2:
        return False
    short, long_ = sorted((letters, initials), key=len)
    return (len(long_) - len(short) == 1 and letters[0] == initials[0]
            and _subsequence(short, long_))


def reads_as_acronym(x: str, y: str) -> bool:
    """``x`` is an acronym of ``y``: of its capitalised words ("CSIS", "PS" for "Parti
    Socialiste"), or, with three letters or more, of its significant words when ``y``
    names a body by common nouns ("SSMSI" and "Service statistique ministériel de la
    sécurité intérieure", "CGT" and "Confédération générale du travail"), never then of a
    person's name ("ADL" is not "Anne de Laroche")."""
    if len(x.split()) != 1 or not x.isupper() or len(x) < 2:
        return False
    if _acronym(y) == x.casefold():
        return True  # "PS" and "Parti Socialiste"; news also writes persons so ("MLP")
    if is_person_name(y):
        return False
    skip = _acronym_rules()[0]
    common = any(w.islower() and _fold(w) not in skip for w in y.split()[1:])
    return len(x) >= _acronym_rules()[1] and common and spells(x, y)


def is_person_name(name: str) -> bool:
    """A person's name ("Jean de La Fontaine", "Marc Aubry", "ministre Paul Durand"): two to
    four capitalised words, particles aside, not opening with a body's head noun ("Agence
    France Presse"), or a role before a name."""
    from factcheck.context.resolution import names_a_person  # resolution reads names

    particles = grammar().name_particles
    words = [w for w in name.split() if w not in particles]
    capitalised = 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)
    return (capitalised and _fold(words[0]) not in _folded_lists()["heads"]) \
        or names_a_person(name)


def is_first_and_last_name(name: str) -> bool:
    """A person's first and last name alone ("Lucie Ravel", "Marine Le Pen"), the way news
    writes a politician before the party in brackets ("Lucie Ravel (LR)"): two capitalised
    words, particles aside (:func:`is_person_name`). Longer runs of capitalised words are
    more often a body ("Human Rights Watch (HRW)")."""
    particles = grammar().name_particles
    return is_person_name(name) and len([w for w in name.split() if w not in particles]) == 2


_GLOSSED = regex.compile(r"^(.*\S)\s*\(\s*([\p{Lu}][\p{L}-]{1,9})\s*\)$")


@lru_cache(maxsize=4096)
def glossed_forms(name: str) -> tuple[str, ...]:
    """A name and, for a long name written with its acronym ("chambre régionale des comptes
    (CRC)", as an article defines it), each form alone: either stands for the body. Not a
    person's name with the party in brackets ("Lucie Ravel (LR)"): she is not the party."""
    m = _GLOSSED.match(name.strip())
    if m and spells(m.group(2), m.group(1), loose=True) and not is_first_and_last_name(m.group(1)):
        return (name, m.group(1), m.group(2))
    return (name,)


def source_key_form(name: str) -> str:
    """The acronym of a name written with it ("chambre régionale des comptes (CRC)" ->
    "CRC"), else ``name``: one key for the body whether a sentence names it in full or by
    the acronym its article defines, and the form outlets share (their long names vary:
    "service statistique du ministère de l'Intérieur", "Service statistique ministériel de
    la sécurité intérieure")."""
    forms = glossed_forms(name)
    return forms[2] if len(forms) > 1 else name
