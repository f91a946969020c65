"""Names of sources: the fullest form an article uses, the previous named speaker (for "Il a
ajouté que"), and :func:`same_source` to compare two source names."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex
from rapidfuzz import fuzz

from factcheck.context._folding import _fold, _folded_lists
from factcheck.context._speech_words import speech_words
from factcheck.context.acronyms import glossed_forms, reads_as_acronym
from factcheck.context.known_places import known_places
from factcheck.context.lexicon import grammar, source_data, subject_data
from factcheck.context.world import world_data

_NAME_WORD = r"(?:[\p{Lu}][\p{Ll}\p{Lu}'-]+)"


@lru_cache(maxsize=1)
def _name_run() -> regex.Pattern[str]:
    particles = "|".join(regex.escape(p) for p in sorted(grammar().name_particles))
    return regex.compile(rf"{_NAME_WORD}(?:[ ](?:{_NAME_WORD}|(?:{particles})(?=[ ]\p{{Lu}})))*")


@lru_cache(maxsize=1)
def _subject_after() -> regex.Pattern[str]:
    """A name in subject position: followed (maybe after an incise) by a verb or auxiliary."""
    verbs = "|".join(regex.escape(v) for v in grammar().subject_position_verbs)
    return regex.compile(rf"\s*(?:,[^,.;:«»\"]{{1,80}},|,)?\s+(?:{verbs})\b")


@lru_cache(maxsize=16)
def name_runs(text: str) -> tuple[tuple[int, int, str], ...]:
    """Capitalised word runs of ``text`` that may be names, without a leading function word
    (cached: an article's runs serve all its figures)."""
    not_names = source_data().not_names
    out = []
    for m in _name_run().finditer(text):
        words = m.group(0).split(" ")
        start = m.start()
        while words and (words[0] in not_names or words[0].rstrip("'") in not_names):
            start += len(words[0]) + 1
            words = words[1:]
        if len(words) > 2 and text[max(0, start - 2) : start].lower() in ("l'", "l’"):
            # "le ministre de l'Economie Bruno Le Maire": a noun after the article, then the
            # name ("d'Emmanuel Macron" is a name).
            start += len(words[0]) + 1
            words = words[1:]
        if words:
            out.append((start, m.end(), " ".join(words)))
    return tuple(out)


def is_person_like(name: str) -> bool:
    words = name.split()
    return bool(words) and all(w[:1].isupper() for w in words) and len(words) <= 4


def _names_person(name: str) -> bool:
    """A person's name, bare or after a role ("chef de l'opposition Marc Lenoir")."""
    words = name.split()
    tail = 0
    while tail < len(words) and words[-1 - tail][:1].isupper():
        tail += 1
    return is_person_like(name) or tail >= 2


def fullest_name(name: str, article_text: str) -> str:
    """ "Trump" -> "Donald Trump" when the article names him so; otherwise ``name``. A full
    name (two words or more) is not lengthened by the capitalised first word of a sentence
    ("Seon Pierre-Olivier Gourinchas, les effets ...", a misspelt "Selon"): it names him
    already. A surname of two words opened by a particle ("Le Maire", "Le Pen",
    ``surname_particles``) names no first name, and is lengthened by one opening a sentence
    ("Bruno Le Maire a défendu ...")."""
    if not is_person_like(name):
        return name
    best = name
    titles = source_data().titles
    particles = _gender_words()["surname_particles"]
    full = len(name.split()) >= 2 and name.split()[0].lower() not in particles
    for start, _, run in name_runs(article_text):
        words = run.split()
        stripped = False
        while words and (words[0].lower() in titles or words[0].isupper()):
            words, stripped = words[1:], True
        if full and not stripped and _opens_sentence(article_text, start):
            continue
        run = " ".join(words)
        longer = len(best.split()) < len(words) <= 4
        if longer and words[-len(name.split()) :] == name.split():
            best = run
    return best


def _opens_sentence(text: str, start: int) -> bool:
    """Whether offset ``start`` opens a sentence or a line (only spaces and quotation marks
    after the end of the one before)."""
    data = subject_data()
    before = text[:start].rstrip(" \t" + "".join(data.opening_quotes | data.straight_quotes))
    return not before or before[-1] in ".!?\n"


def previous_speaker(
    article_text: str, before: int, known: list[tuple[int, str]] | None = None,
    pronoun: str | None = None,
) -> str | None:
    """The last person-like name in subject position before offset ``before``, or the last
    source already found before it (``known``: offsets and names), whichever is later.

    With a gendered ``pronoun`` ("elle", "ce dernier"), a person the article marks with the
    other gender is skipped ("Rishi Sunak a dénoncé ... Rachel Reeves, la chancelière ...
    Elle dénonce" -> Rachel Reeves), and for a feminine pronoun a woman named anywhere before
    (not only as a subject) counts, preferred to people of unknown gender."""
    gender = _pronoun_gender(pronoun)
    candidates: list[tuple[int, str]] = []
    # "Le bilan de l'attaque [...] en Allemagne s'est alourdi [...], a annoncé X. « ... »,
    # a-t-il déclaré": a pronoun that speaks stands for a speaker, never a place.
    places = _place_offsets(article_text) if pronoun else frozenset()
    for start, end, run in name_runs(article_text):
        if end > before:
            break
        if len(run.split()) < 2 and not _known_actor(run):
            continue
        if start in places:
            continue
        if _subject_after().match(article_text, end) or (
                gender == "f" and len(run.split()) >= 2 and is_person_like(run)
                and _gender_at(article_text, start, end) == "f"):
            candidates.append((start, run))
    candidates += [(pos, name) for pos, name in known or () if pos < before]
    if gender is not None:
        genders = {name: _gender_of(name, article_text, before) for _, name in candidates}
        other = "m" if gender == "f" else "f"
        candidates = [c for c in candidates if genders[c[1]] != other]
        if gender == "f" and any(g == "f" for g in genders.values()):
            candidates = [c for c in candidates
                          if genders[c[1]] == "f" or not _names_person(c[1])]
    found = max(candidates, key=lambda c: c[0], default=None)
    return found[1] if found else None


@lru_cache(maxsize=16)
def _place_offsets(article_text: str) -> frozenset[int]:
    """Offsets of the places the places data knows in ``article_text``."""
    from factcheck.context.known_places import known_places  # it reads names' data

    return frozenset(start for start, _ in known_places(article_text))


@lru_cache(maxsize=1)
def _gender_words() -> dict[str, frozenset[str]]:
    from factcheck.lang import load_data

    res = load_data("fr", "context_source").get("resolution", {})
    return {key: frozenset(res.get(key, [])) for key in
            ("feminine_pronouns", "masculine_pronouns", "feminine_markers", "masculine_markers",
             "feminine_titles", "complement_prepositions", "surname_particles")}


def _pronoun_gender(pronoun: str | None) -> str | None:
    if not pronoun:
        return None
    p = pronoun.lower().split("-")[-1] if pronoun.lower() not in _gender_words()[
        "feminine_pronouns"] | _gender_words()["masculine_pronouns"] else pronoun.lower()
    words = _gender_words()
    return "f" if p in words["feminine_pronouns"] else \
        "m" if p in words["masculine_pronouns"] else None


_WORD = regex.compile(r"[\p{L}.'’-]+")
#: A question, an exclamation or an ellipsis ending a sentence (a word ending in a full stop
#: is read in the look-back itself: "M. Dupont" is marked by it).
_SENTENCE_END = regex.compile(r"[!?…](?=[\s»”\"])")


#: Words read back from a name for the determiner or title marking its gender.
_MARK_REACH = 6


def _titles_name(before: list[str], k: int, window: str) -> bool:
    """Whether the article ``before[k]`` opens a title standing right before the name, with
    no comma between: "le discours de la ministre Anne Martin" (her article), not "le
    gouverneur de la banque, Paul Garnier" (the complement's)."""
    return k == len(before) - 2 and before[-1].lower() in source_data().titles \
        and "," not in window[window.rfind(before[-1]):]


def _gender_at(text: str, start: int, end: int) -> str | None:
    """Gender an article marks a person's name with, at one occurrence: a determiner or a
    civility before the name with only lower-case titles between ("la chancelière Rachel
    Reeves", "Mme Dupont", "le ministre Jean Martin"), or one opening an apposition after it
    ("Rachel Reeves, la chancelière de l'Echiquier"); a title in a feminine form marks a woman
    as well ("Anne Martin, directrice de la police", ``feminine_titles``). The article of a
    title's complement is not the title's ("le gouverneur de la banque, Paul Garnier": a man,
    ``complement_prepositions``)."""
    words = _gender_words()
    window = text[max(0, start - 60) : start].split("\n")[-1]
    # The end of a sentence before the name cuts the look-back: "Qui a prévenu la
    # directrice ? Marc Delorme ...", "... la directrice ! Marc Delorme ...".
    window = _SENTENCE_END.split(window)[-1]
    before = _WORD.findall(window)[-_MARK_REACH:]
    for k in range(len(before) - 1, -1, -1):
        w = before[k]
        low = w.lower().replace("’", "'")
        if k > 0 and before[k - 1].lower() in words["complement_prepositions"] \
                and not _titles_name(before, k, window):
            continue  # "le gouverneur de la banque, Paul Garnier": the complement's article
        if low in words["feminine_markers"] or low in words["feminine_titles"]:
            return "f"
        if low in words["masculine_markers"]:
            return "m"
        if not w.islower() or w.endswith("."):
            break  # a name, a capitalised word or the end of a sentence between: the marker
            # is someone else's ("... a répondu la directrice. Paul Girard")
    after = text[end : end + 20]
    if after[:1] == ",":
        first = _WORD.findall(after[1:])[:1]
        low = first[0].lower() if first else ""
        if low in words["feminine_markers"] or low in words["feminine_titles"]:
            return "f"
        if low in words["masculine_markers"]:
            return "m"
    return None


def _gender_of(name: str, text: str, before: int) -> str | None:
    """The gender marked at the first occurrence of ``name`` before ``before`` that marks
    one; None for a body or an unmarked person. A name read with its title ("recteur Paul
    Girard", ``_titled``) is a person too: the determiner before the title marks him."""
    if not is_person_like(name) and not _titled(name):
        return None
    for m in regex.compile(regex.escape(name)).finditer(text, 0, before):
        g = _gender_at(text, m.start(), m.end())
        if g:
            return g
    return None


def _titled(name: str) -> bool:
    """Whether ``name`` is a person's name after a lower-case title ("recteur Paul Girard",
    "ministre de la Santé Karim Haddad"): its last two words a person's name."""
    words = name.split()
    return len(words) >= 3 and words[0][:1].islower() and is_person_like(" ".join(words[-2:]))


def _known_actor(name: str) -> bool:
    return name.lower() in world_data().actor_names


@lru_cache(maxsize=4096)
def _canonical(name: str) -> tuple[str, tuple[str, ...]]:
    world = world_data()
    folded = _fold(name)
    for alias, norm in world.body_aliases.items():
        if _fold(alias) == folded:
            folded = _fold(norm)
            break
    titles = {_fold(t) for t in source_data().titles}
    drop = grammar().name_compare_drop
    words = [w for w in folded.split() if w not in drop]
    while len(words) > 1 and words[0] in titles:
        words = words[1:]
    return " ".join(words), tuple(words)


def contrasts_sources(names: Iterable[str | None]) -> bool:
    """Whether a sentence's figures are stated by two sources that are not one ("10 000
    selon les syndicats, 4 500 selon la police"): a report whose counts disagree, whose
    following figures are neither source's."""
    found: list[str] = []
    for name in names:
        if name and not any(same_source(name, f) for f in found):
            found.append(name)
    return len(found) > 1


def same_source(a: str | None, b: str | None) -> bool:
    """Whether two source names denote the same person or body.

    Equal after folding case, accents, articles and titles, or through an alias of
    ``actors.toml`` ([bodies]), or one contains the other word for word ("Trump" /
    "Donald Trump", "Ukrenergo" / "opérateur Ukrenergo"), or one is the acronym of the
    other ("CSIS"), or both are person names with the same last name.
    """
    if a is None or b is None:
        return a is None and b is None
    return any(_same_form(x, y) for x in glossed_forms(a) for y in glossed_forms(b))


def _same_form(a: str, b: str) -> bool:
    ca, wa = _canonical(a)
    cb, wb = _canonical(b)
    if not ca or not cb:
        return ca == cb
    if ca == cb:
        return True
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    n = len(short)
    if any(long_[i : i + n] == short for i in range(len(long_) - n + 1)):
        return True
    if reads_as_acronym(a, b) or reads_as_acronym(b, a):
        return True
    if (is_person_like(a) and is_person_like(b) and wa[-1] == wb[-1] and len(wa[-1]) > 2
            and _first_names_agree(list(wa), list(wb))):
        return True
    return same_spelling(a, b)


def _words_of(name: str) -> list[str]:
    drop = grammar().name_compare_drop
    return [w for w in _fold(name).split() if w not in drop]


def same_spelling(a: str, b: str) -> bool:
    """Two spellings of one person's name: the same last name up to a letter or two
    ("Zelenski", "Zelensky", "Zelenskyy"), or, both names of one word or more, the whole."""
    wa, wb = _words_of(a), _words_of(b)
    if not wa or not wb or not (is_person_like(a) and is_person_like(b)):
        return False
    if not _first_names_agree(wa, wb):
        return False
    ratio = source_data().spelling_ratio
    la, lb = wa[-1], wb[-1]
    # A letter or two of difference, not a longer name ("Martin" / "Martinez").
    return (min(len(la), len(lb)) >= 6 and abs(len(la) - len(lb)) <= 1 and la[0] == lb[0]
            and fuzz.ratio(la, lb) >= ratio)


def _first_names_agree(wa: list[str], wb: list[str]) -> bool:
    """Both names with a first name: the same one, or one an initial of the other
    ("Marine Le Pen" and "Jean-Marie Le Pen" are two people)."""
    if len(wa) < 2 or len(wb) < 2:
        return True
    fa, fb = wa[0], wb[0]
    return fa == fb or (len(fa) == 1 and fb.startswith(fa)) or (len(fb) == 1 and fa.startswith(fb))


def is_generic_source(name: str | None) -> bool:
    """A bare head noun ("ministère", "la mairie", "le gouvernement"): it names a kind of body,
    not one body, across articles."""
    if not name:
        return False
    words = _words_of(name)
    return len(words) == 1 and words[0] in _folded_lists()["heads"]


def is_regional_source(name: str | None) -> bool:
    """A bare head noun of a body every place has its own of ("le rectorat", "la
    préfecture", ``regional_heads``): which one, only the article's place says."""
    return is_generic_source(name) and " ".join(_words_of(name or "")) in \
        _folded_lists()["regional_heads"]


@lru_cache(maxsize=1024)
def regional_office_place(name: str | None) -> str | None:
    """The known place a regional office's name gives ("le rectorat de Lyon", "l'ARS
    Occitanie", "la préfecture de la Gironde": a head of ``regional_heads`` opening the
    name, or after a part of the office speaking for it, ``office_parts``: "la direction du
    CHU de Reims"): the scope of the figures it gives, never the whole country. None for another
    body, a bare head or a name with no known place ("la préfecture de police")."""
    words = _words_of(name or "")
    if len(words) > 1 and words[0] in _folded_lists()["office_parts"]:
        words = words[1:]  # "la direction du CHU de Reims" speaks for the CHU of Reims
    heads = {" ".join(_words_of(h)) for h in _folded_lists()["regional_heads"]}
    if not any(" ".join(words[:n]) in heads for n in range(1, min(len(words), 4) + 1)):
        return None
    found = known_places(name or "")
    return found[0][1] if found else None


@lru_cache(maxsize=1)
def _story_people() -> frozenset[str]:
    return frozenset(_fold(w) for w in speech_words().story_people)


def is_common_group(name: str | None) -> bool:
    """A speaker named by one common noun in lower case, no head of a body ("les élus",
    "l'opposition", "les magistrats"): who speaks is plain only near where it is named. Not
    the people a story is about (``story_people`` in ``context_source.toml``: "les
    habitants", "les manifestants"), who voice a grievance, not the figures the journalist
    gives next."""
    words = _words_of(name) if name else []
    return len(words) == 1 and not any(ch.isupper() for ch in name or "") \
        and words[0] not in _folded_lists()["heads"] and words[0] not in _story_people()


def is_body(name: str | None) -> bool:
    """A body named by its head noun and its complement ("la chambre régionale des comptes",
    "le ministère de la Justice"), not a description standing for one named before
    ("l'institut technique")."""
    words = _words_of(name) if name else []
    if not words or words[0] not in _folded_lists()["heads"]:
        return False
    links = speech_words().body_complements
    return any(w in links for w in regex.split(r"[\s'’]+", name.casefold())[1:]) \
        or any(w in links for w in (name.casefold().replace("’", "'").split()))
