"""The place a whole article is about, for the figures whose sentence names none.

Read from evidence a newsroom recognises, in the article itself (words in
``lang/<code>/article_place.toml``, places in ``places.toml``):

* the dateline ("BERLIN, 2 février (Reuters) -", "Paris, France | AFP |", "(Paris) Les JO");
* the places of the headline (``Article.title``, else a short first line without a full
  stop) and of the lead (the first sentence after it);
* the place most of the article's placed figures share (read in their own sentences);
* the national bodies the article names ("Insee" -> France, "Bundestag" -> Allemagne, "le
  gouvernement britannique" -> Royaume-Uni).

Each piece of evidence gives votes to a place: :data:`VOTES` for the dateline, the headline
and the lead, up to ``VOTES["figures"]`` for the share of placed figures located there, one
for a country whose national bodies are named. The place with the most votes is the
article's when it has at least :data:`MIN_VOTES` and no other place has as many: one piece of
evidence alone (a dateline, one body named outside the lead) never decides, nor does a tie;
a national body named in the lead votes twice, as the lead and as a body (the lead
attributes the story to it). Without evidence, no
place: none is ever guessed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

import regex

from factcheck.context._figure_traits import is_situated
from factcheck.context._place_scope import stops_carry, widened_scope
from factcheck.context.known_places import detached_opener_end, known_places
from factcheck.context.lexicon import _table, _words
from factcheck.context.world import world_data
from factcheck.lang import LanguageDataError, load_data
from factcheck.models import Article, Claim, Context, Kind
from factcheck.patterns import whole_words
from factcheck.text import sentence_spans

#: Votes one piece of evidence gives its place ("figures": the place most placed figures share).
VOTES = {"dateline": 1, "headline": 2, "lead": 1, "figures": 1, "bodies": 1}
#: Votes a place needs to be the article's.
MIN_VOTES = 2
#: Characters of the article's opening read for a dateline.
_DATELINE_SPAN = 300


@dataclass(frozen=True, slots=True)
class ArticlePlace:
    """The article's place and the kinds of evidence that voted for it, in :data:`VOTES`
    order."""

    place: str
    evidence: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ArticlePlaceData:
    dateline: regex.Pattern[str]
    bodies: regex.Pattern[str]
    body_country: dict[str, str]  # body name as written -> country
    national: regex.Pattern[str]
    adjective_country: dict[str, str]  # lower-case adjective -> country
    headline_max_chars: int
    ranking: regex.Pattern[str]
    source_clause: regex.Pattern[str]
    #: Countries and their capitals: a dateline elsewhere silences national bodies' votes.
    seats: frozenset[str] = frozenset()
    #: Each country's capital ("la capitale" in context/capital.py).
    capital_of: dict[str, str] = field(default_factory=dict)
    #: The words of context/capital.py (``capital_*`` of article_place.toml), lower case.
    capital_nouns: tuple[str, ...] = ()
    capital_preps: tuple[str, ...] = ()
    capital_complement_preps: frozenset[str] = frozenset()
    capital_inside_nouns: frozenset[str] = frozenset()
    capital_excluders: frozenset[str] = frozenset()
    capital_followers: frozenset[str] = frozenset()
    capital_fronting: frozenset[str] = frozenset()


@cache
def article_place_data(code: str = "fr") -> ArticlePlaceData:
    data = load_data(code, "article_place")
    agencies = sorted(_strings(data, "agencies"), key=len, reverse=True)
    bylines = sorted(_strings(data, "byline_words"), key=len, reverse=True)
    agency = "|".join(regex.escape(a) for a in agencies)
    byline = "|".join(regex.escape(b) for b in bylines)
    name = r"\p{Lu}[\p{L}'’-]*(?:[ -](?:de la|de|du|des|d'|la|le|les|\p{Lu}[\p{L}'’-]*))*"
    dateline = regex.compile(
        rf"(?:^|\n)[ \t]*(?:(?:{byline})\s+(?:\p{{Lu}}[\p{{L}}.-]*\s+){{1,3}}?)?"
        rf"(?:\((?P<bracketed>{name})\)\s"  # "(Paris) Les JO de Paris"
        rf"|(?P<capitals>\p{{Lu}}[\p{{Lu}}' -]+\p{{Lu}})\.\s"  # "NOUVELLE-AQUITAINE. Au global"
        rf"|(?P<place>{name})(?:,\s*(?P<country>{name}))?"
        rf"(?:,?\s*(?:le\s+)?[\w ./]{{1,25}}?)?\s*"
        rf"(?:\(\s*(?:{agency})\s*\)|\|\s*(?:{agency})\s*\||(?<=\d)\s*[-–—]\s))"
    )
    body_country: dict[str, str] = {}
    for country, names in _table(data, "bodies", "article_place").items():
        if not isinstance(names, list):
            raise LanguageDataError(f"article_place.toml: [bodies] {country!r} must be a list")
        for n in names:
            body_country[str(n)] = country
    bodies = whole_words(body_country)
    national = _table(data, "national", "article_place")
    adjective_country: dict[str, str] = {}
    for country, adjectives in _table(national, "adjectives", "article_place").items():
        for a in adjectives:
            adjective_country[str(a).lower()] = country
    nouns = "|".join(regex.escape(n) for n in sorted(_words(national, "nouns", "article_place"),
                                                     key=len, reverse=True))
    adjectives = "|".join(regex.escape(a) for a in sorted(adjective_country, key=len,
                                                          reverse=True))
    return ArticlePlaceData(
        dateline=dateline,
        bodies=bodies,
        body_country=body_country,
        national=regex.compile(rf"(?i)(?<![\w-])(?:{nouns})\s+(?P<adj>{adjectives})(?![\w-])"),
        adjective_country=adjective_country,
        headline_max_chars=int(data.get("headline_max_chars", 160)),
        ranking=whole_words(_strings(data, "ranking_words"), regex.I),
        source_clause=regex.compile(r"(?i)(?<![\w-])(?:" + "|".join(
            regex.escape(w) for w in _strings(data, "source_markers")) + r")\s[^,;:.]*"),
        seats=frozenset(body_country.values()) | frozenset(adjective_country.values())
        | frozenset(str(c) for c in _table(data, "capitals", "article_place").values()),
        capital_of={str(k): str(v) for k, v in _table(data, "capitals", "article_place").items()},
        capital_nouns=tuple(w.lower() for w in _strings(data, "capital_nouns")),
        capital_preps=tuple(w.lower() for w in _strings(data, "capital_preps")),
        capital_complement_preps=_lower(data, "capital_complement_preps"),
        capital_inside_nouns=_lower(data, "capital_inside_nouns"),
        capital_excluders=_lower(data, "capital_excluders"),
        capital_followers=_lower(data, "capital_followers"),
        capital_fronting=_lower(data, "capital_fronting"),
    )


def _strings(data: dict, key: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LanguageDataError(f"article_place.toml: '{key}' must be a list of strings")
    return value


def _lower(data: dict, key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _strings(data, key))


def article_place(article: Article, figure_places: Sequence[str]) -> ArticlePlace | None:
    """The place ``article`` is about, from its dateline, headline, lead, national bodies and
    ``figure_places`` (the places read in the sentences of its figures, one per figure), or
    None when the evidence is too thin or split."""
    votes: Counter[str] = Counter()
    kinds: dict[str, set[str]] = {}

    def vote(places: Iterable[str], kind: str) -> None:
        for place in set(places):
            votes[place] += VOTES[kind]
            kinds.setdefault(place, set()).add(kind)

    text = article.text
    headline, body_start = headline_of(article)
    placed_names = Counter(p for p in figure_places if p)
    place, end = _dateline(text[body_start : body_start + _DATELINE_SPAN])
    if place is None and body_start:
        place, end = _dateline(text[:_DATELINE_SPAN])  # the dateline before the headline
    body_start = max(body_start, end)
    # A dateline in a town ("LYON (AFP) -") sets the story there: the national bodies it
    # cites ("selon France Travail", "l'Insee") vote for no place (their figures are theirs).
    bodies = not _town_dateline(place)
    vote(_places_named(headline, placed_names, bodies), "headline")
    vote([place] if place else [], "dateline")
    placed = placed_names
    lead = next(((s, e) for s, e in sentence_spans(text) if s >= body_start), None)
    if lead is not None:
        lead = (max(lead[0], body_start), lead[1])  # the lead without its dateline
    # A national body named in the lead votes as the lead and again as a body: a lead that
    # attributes the story to a national body ("selon l'Insee", "la Cour constitutionnelle
    # allemande a jugé") places it in that country. Measured (2026-12-05): voting it once
    # costs 65 right places on the real-news dev texts and 3 on the frozen ones.
    lead_text = text[lead[0] : lead[1]] if lead else ""
    # "Interrogé à Strasbourg, le ministre ...": the subject's place, not the story's.
    vote(_places_named(lead_text[detached_opener_end(lead_text):], placed, bodies), "lead")
    if placed:
        top, n = placed.most_common(1)[0]
        vote([top] if n * 2 > sum(placed.values()) else [], "figures")
    vote(national_countries(text) if bodies else [], "bodies")
    if not votes:
        return None
    ranked = votes.most_common()
    best, score = ranked[0]
    if score < MIN_VOTES or (len(ranked) > 1 and ranked[1][1] >= score):
        return None
    return ArticlePlace(best, tuple(k for k in VOTES if k in kinds[best]))


@lru_cache(maxsize=4096)
def _one_place(place: str) -> regex.Pattern[str]:
    return whole_words([place])


def _places_named(text: str, read: Iterable[str] = (), bodies: bool = True) -> set[str]:
    """The known places a headline or a lead names, the places the article's figures were
    read at that it names ("à Barsalogho", a town the places data does not list), and (with
    ``bodies``) the countries of the national bodies it names ("Le gouvernement allemand
    tombe d'accord")."""
    found = {p for _, p in known_places(text)}
    if bodies:
        found |= national_countries(text)
    found |= {p for p in read if _one_place(p).search(text)}
    return found


def headline_of(article: Article) -> tuple[str, int]:
    """The headline (``title``, else a first line short enough and without a full stop) and
    the offset where the body starts (0 when the headline is not in the text)."""
    if article.title:
        return article.title, 0
    text = article.text
    end = text.find("\n")
    first = text[:end].strip() if end > 0 else ""
    if first and len(first) <= article_place_data().headline_max_chars \
            and not first.endswith((".", "…")):
        return first, end + 1
    return "", 0


def dateline_place(opening: str) -> str | None:
    """The normal form of the place a dateline opening ``opening`` names ("BERLIN, 2 février
    (Reuters) -" -> Berlin; "Saint-Denis de la Réunion, France | AFP |" -> La Réunion, the
    last words of the town that are a known place, else its country), else None."""
    return _dateline(opening)[0]


def _dateline(opening: str) -> tuple[str | None, int]:
    """The dateline's place and the offset where the dateline ends (0 without one)."""
    m = article_place_data().dateline.search(opening)
    if m is None:
        return None, 0
    for group in ("bracketed", "place", "capitals", "country"):
        words = (m.group(group) or "").split()
        # A byline's name may run into the town ("par Andreas Rinke BERLIN"): the town ends it.
        for k in range(len(words)):
            if place := _normal_place(" ".join(words[k:])):
                return place, m.end()
    return None, 0


def _town_dateline(place: str | None) -> bool:
    """A dateline naming a place that is neither a country nor a capital (the seat of
    national bodies, where national news is filed: "PARIS (AFP) -")."""
    return bool(place) and place not in article_place_data().seats


def _normal_place(name: str) -> str | None:
    w = world_data()
    for spelling in (name, name.title(), name.capitalize()):
        place = w.places_as_written.get(spelling) or w.places.get(spelling.lower())
        if place:
            return place
    return None


def national_countries(text: str) -> set[str]:
    """The countries whose national bodies ``text`` names ("Insee", "le gouvernement
    britannique"). Found once per text (the article's place and its lead's both ask for the
    whole text's), each caller given a set of its own."""
    return set(_national_countries(text))


@lru_cache(maxsize=64)
def _national_countries(text: str) -> frozenset[str]:
    d = article_place_data()
    found = {d.body_country[m.group(0)] for m in d.bodies.finditer(text)}
    found |= {d.adjective_country[m.group("adj").lower()] for m in d.national.finditer(text)}
    return frozenset(found)


def with_article_place(
    article: Article, claims: Sequence[Claim], contexts: Sequence[Context | None]
) -> list[Context | None]:
    """``contexts`` with the article's place given to the figures without a place whose
    sentence names none (no known place; not the capital its "la capitale" names for a part;
    ``place_basis`` "article", ``place_mode`` "inherited": a weak reading cross-referencing
    never ties figures by). Labels (identifiers) get none."""
    # The places read for quantities vote; a date's or a rank's, taken from them, does not
    # vote twice (_place_scope.placed_times).
    own = [c.place for claim, c in zip(claims, contexts, strict=True)
           if c is not None and c.place and c.place_basis == "sentence"
           and (is_situated(claim.mention) or c.place_mode == "explicit")]
    found = article_place(article, own)
    basis = "article"
    if found is None:
        # "how often a place is named": once per sentence, not once per figure that reads it
        # ("L'Auvergne-Rhône-Alpes compte 6 834 défauts (+ 38 %)" names it once).
        named_once = [p for _, p in dict.fromkeys(
            (claim.sentence_start, c.place) for claim, c in zip(claims, contexts, strict=True)
            if c is not None and c.place and c.place_basis == "sentence"
            and (is_situated(claim.mention) or c.place_mode == "explicit"))]
        found, basis = lead_place(article, named_once), "lead"
    if found is None:
        return list(contexts)
    # capital.py reads this module's data: imported here, not at the top (import cycle).
    from factcheck.context.capital import parted_capitals

    dateline_end = _dateline_end(article)
    named: dict[int, bool] = {}
    out: list[Context | None] = []
    for claim, ctx in zip(claims, contexts, strict=True):
        if ctx is None or ctx.place or claim.mention.kind == Kind.IDENTIFIER:
            out.append(ctx)
            continue
        if claim.sentence_start not in named:
            # "Au niveau national, 3 000 postes": the whole country, not the story's scene.
            # "18 interpellations dont neuf dans la capitale, ainsi que 37 blessés": a part
            # put in the capital sets the whole and the rest apart from it; they do not take
            # that capital from the article's votes (a country holding it they may).
            # The dateline opening the lead ("Lyon (AFP) -", "Lille, 2 mars (AFP) -") says
            # where the story is filed, no place the sentence names: read without it.
            cut = max(0, dateline_end - claim.sentence_start)
            named[claim.sentence_start] = bool(known_places(claim.sentence[cut:])) \
                or stops_carry(widened_scope(claim.sentence), found.place) \
                or found.place in parted_capitals(
                    article.text, claim.sentence_start, claim.sentence,
                    [(c.mention.start - claim.sentence_start, c.mention.end - claim.sentence_start)
                     for c in claims if c.sentence_start == claim.sentence_start],
                    article.language)
        if named[claim.sentence_start]:
            out.append(ctx)
            continue
        out.append(replace(ctx, place=found.place, place_mode="inherited", place_basis=basis))
    return out


def _dateline_end(article: Article) -> int:
    """The offset in ``article.text`` where its dateline ends (0 without one)."""
    text = article.text
    _, body_start = headline_of(article)
    place, end = _dateline(text[body_start : body_start + _DATELINE_SPAN])
    if place is not None:
        return body_start + end
    if body_start:
        place, end = _dateline(text[:_DATELINE_SPAN])
        if place is not None:
            return end
    return 0


def lead_place(article: Article, figure_places: Sequence[str]) -> ArticlePlace | None:
    """The scene of the story when the votes of :func:`article_place` fall short: the one
    place the headline and the lead name together; not the dateline (where the reporter
    files from), a place in the lead's source ("d'après le gouvernement de Tripoli") nor one
    after a ranking word ("le plus gros feu de l'été en France": the frame of the ranking);
    a lead naming two places ("en Savoie et en Haute-Savoie") gives none. With no place
    named there, the one country whose national bodies the article names ("Insee", "le
    gouvernement britannique"). Either only when no other place is named more often in
    the article. None otherwise: no place is ever guessed."""
    text = article.text
    headline, body_start = headline_of(article)
    placed = Counter(p for p in figure_places if p)
    named = _places_named(headline, placed)
    # The dateline is where the reporter files from, not the scene: it is skipped, not read.
    place, end = _dateline(text[body_start : body_start + _DATELINE_SPAN])
    if place is None and body_start:
        place, end = _dateline(text[:_DATELINE_SPAN])
    body_start = max(body_start, end)
    bodies = not _town_dateline(place)  # "LYON (AFP) - ... selon l'Insee": not France
    if not bodies:
        named = _places_named(headline, placed, bodies=False)
    lead = next(((s, e) for s, e in sentence_spans(text) if s >= body_start), None)
    if lead is not None:
        d = article_place_data()
        lead_text = text[max(lead[0], body_start) : lead[1]]
        # "Originaire de Lille, la chanteuse ...": the subject's place, not the story's.
        lead_text = lead_text[detached_opener_end(lead_text):]
        ranked = d.ranking.search(lead_text)
        lead_text = lead_text[: ranked.start()] if ranked else lead_text
        named |= national_countries(lead_text) if bodies else set()
        # Who states the story is not where it happens ("d'après le gouvernement de Tripoli").
        named |= _places_named(d.source_clause.sub(" ", lead_text), placed, bodies)
    evidence = "lead"
    if not named and bodies:
        # A lead naming no place: the country whose national bodies the article names
        # ("Insee", "le gouvernement britannique"), when they are of one country only.
        named, evidence = national_countries(text), "bodies"
    if len(named) != 1:
        return None
    (best,) = named
    mentions = Counter(p for _, p in known_places(text)) | placed  # a town unlisted too
    if any(n > mentions[best] for p, n in mentions.items() if p != best):
        return None
    return ArticlePlace(best, (evidence,))
