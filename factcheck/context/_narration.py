"""Figures a report's source does not state because nobody states them: the journalist
describes with them (``_sentence``; the background of an earlier time and forces deployed are
in ``_background``). A figure with no source of its own does not take the source named
earlier in the article when it

* is a person's age the journalist gives ("Nahel, 17 ans,", "fête ses 100 ans"; subject rule
  ``age_of_person`` of ``durations``);
* is the population describing a place ("El-Facher, ville d'environ deux millions
  d'habitants", "l'archipel de 320 000 habitants");
* names a known set by a number in words after a definite determiner ("les deux trains",
  "les trois partis de la coalition": which ones, not how many were counted);
* anchors an event in time ("il y a deux ans", "douze ans après les révélations", a countdown
  "à six mois des municipales");
* counts the article's own charts ("Voici trois graphiques qui montrent l'épidémie");
* is an age a law sets ("le report de l'âge légal de 62 à 64 ans");
* is an indefinite plural amount of people or things ("des milliers de manifestants",
  "plusieurs dizaines de blessés", "des centaines de mètres"): an order of size the
  journalist gives of a scene, where a body counting gives a number (not an amount of money,
  "plusieurs millions d'euros", often the very matter of a report or a charge; nor words in
  quotation marks, the speaker's);
* counts the groups that called a march or a strike ("à l'appel de cinq syndicats"): nor
  does it take the source its own sentence names for the marchers (:func:`callers`);
* heads a section (an intertitle: "23 interpellations et quelques tensions" on a line of its
  own, without a final stop, between the paragraphs of a report): it takes only the source of
  the figure of its section it restates (``_repeats.intertitles_restated``).

Words from ``[described]`` of ``context_source.toml``. Private to ``factcheck.context``."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from factcheck.context.nlp import Figure, Tok
from factcheck.context.subject_lists import is_prose
from factcheck.lang import load_data
from factcheck.models import Kind


@dataclass(frozen=True, slots=True)
class DescribedData:
    residents: frozenset[str]  # lemmas of a population's noun ("habitant")
    place_nouns: frozenset[str]  # nouns of a place a population describes ("ville", "pays")
    de: frozenset[str]  # "de", "d'"
    set_determiners: frozenset[str]  # "les", "ces", "ses", "leurs"
    not_sets: frozenset[str]  # "plus", "premiers": a rank or a superlative, not a set
    set_max: float  # a known set is a few ("les deux trains"), not "les dix mille manifestants"
    anchors_before: tuple[tuple[str, ...], ...]  # ("il", "y", "a")
    anchors_after: frozenset[str]  # "après", "avant"
    delay_units: frozenset[str]  # "minute", "hour": "vingt minutes après l'appel" is a delay
    comparisons: frozenset[str]  # "contre", "que": an anchor of a term of comparison
    comparison_reach: int  # tokens before the anchor where such a word is looked for
    heading_max_words: int
    heading_ends: tuple[str, ...]  # a line ending so is prose, a label or a list's title
    heading_quotes: str  # quotation marks around a heading ("“Des milliers d'écoles fermées”")
    title_rounding: float  # an intertitle's value restates one of its section within this
    section_chars: int  # how far after an intertitle its section's restatement is looked for
    indefinite_kinds: frozenset[str] = frozenset()  # kinds of an indefinite amount described
    not_headings: tuple[str, ...] = ()  # openings of page furniture: "par ", "à lire aussi"
    stem_letters: int = 6  # letters a noun shares with a participle of its verb
    # What happened to the people counted, by word: "morts" -> "killed", "blessées" ->
    # "wounded"; two counts of different outcomes are never one figure restated.
    outcomes: dict[str, str] = field(default_factory=dict)
    # A countdown: a duration between these ("à six mois des municipales", "à quatre jours du
    # réveillon"; not "condamné à quatre ans de prison").
    countdown_before: frozenset[str] = frozenset()  # "à"
    countdown_after: frozenset[str] = frozenset()  # "du", "des"
    outlet_items: frozenset[str] = frozenset()  # "graphique": the article's own material
    # An age a law sets ("le report de l'âge légal de départ de 62 à 64 ans"): words within
    # ``legal_reach`` tokens before a duration.
    legal_ages: tuple[tuple[str, ...], ...] = ()
    legal_reach: int = 6
    # Words right before a count of the groups that called a march or a strike ("à l'appel
    # de cinq syndicats"): the outlet's description of who called, stated by no source.
    callers_before: tuple[tuple[str, ...], ...] = ()
    # verbs (lemmas) whose object is a place's population ("la commune compte 9 000 habitants")
    population_verbs: frozenset[str] = frozenset()
    population_narrowers: frozenset[str] = frozenset()  # "3 000 habitants sans courant"


@cache
def described_data(code: str = "fr") -> DescribedData:
    d = load_data(code, "context_source")["described"]
    return DescribedData(
        residents=frozenset(d["residents"]),
        place_nouns=frozenset(d["place_nouns"]),
        population_verbs=frozenset(d.get("population_verbs", ())),
        population_narrowers=frozenset(d.get("population_narrowers", ())),
        de=frozenset(d["de"]),
        set_determiners=frozenset(d["set_determiners"]),
        not_sets=frozenset(d["not_sets"]),
        set_max=float(d["set_max"]),
        anchors_before=tuple(tuple(a.split()) for a in d["anchors_before"]),
        anchors_after=frozenset(d["anchors_after"]),
        countdown_before=frozenset(d.get("countdown_before", [])),
        countdown_after=frozenset(d.get("countdown_after", [])),
        outlet_items=frozenset(d.get("outlet_items", [])),
        legal_ages=tuple(tuple(a.split()) for a in d.get("legal_ages", [])),
        legal_reach=int(d.get("legal_reach", 6)),
        callers_before=tuple(tuple(a.split()) for a in d.get("callers_before", [])),
        delay_units=frozenset(d["delay_units"]),
        comparisons=frozenset(d["comparisons"]),
        comparison_reach=int(d["comparison_reach"]),
        heading_max_words=int(d["heading_max_words"]),
        heading_ends=tuple(d["heading_ends"]),
        heading_quotes=d["heading_quotes"],
        title_rounding=float(d["title_rounding"]),
        section_chars=int(d["section_chars"]),
        indefinite_kinds=frozenset(d.get("indefinite_kinds", [])),
        not_headings=tuple(d.get("not_headings", ())),
        stem_letters=int(d.get("stem_letters", 6)),
        outcomes={w: name for name, words in d.get("outcomes", {}).items() for w in words},
    )


#: The scanner's rule for an indefinite plural amount ("des milliers", "plusieurs dizaines").
INDEFINITE_RULE = "vague_many"


def indefinite(fig: Figure) -> bool:
    """Whether a figure is an indefinite plural amount of people or things ("des milliers de
    personnes ont défilé", "plusieurs dizaines de blessés", "des centaines de mètres"): the
    journalist's order of size for a scene, not a count a body states (a body counting gives
    a number). An amount of money ("plusieurs millions d'euros versés") is not one: it is
    often the matter of the report or of a charge."""
    m = fig.mention
    return m.rule == INDEFINITE_RULE and str(m.kind) in described_data().indefinite_kinds


def _population(toks: tuple[Tok, ...], fig: Figure, subject: str | None,
                data: DescribedData) -> bool:
    """A count of inhabitants completing a noun of place after "de", over adjectives: "une
    ville stratégique d'environ deux millions d'habitants", "le pays de 100 millions
    d'habitants" (not "le déplacement de 12 millions d'habitants", a count of the displaced);
    or the object of a verb of population ("La commune, qui compte 9 000 habitants", "une
    île peuplée de 80 000 habitants"; not "12 000 habitants ont été évacués"), nothing
    narrowing the inhabitants after their noun (:func:`_narrowed`)."""
    if subject is None or subject.lower() not in data.residents or _narrowed(toks, fig, data):
        return False
    k = fig.first - 1
    while k > 0 and toks[k].pos == "ADV":
        k -= 1  # "d'environ", when the figure's span leaves it out
    if k >= 0 and _populates(toks[k], data):
        return True
    if k < 1 or toks[k].lower not in data.de:
        return False
    j = k - 1
    while j > 0 and toks[j].pos == "ADV":
        j -= 1
    if _populates(toks[j], data):
        return True  # "peuplée de", "compte près de"
    k -= 1
    while k >= 0 and toks[k].pos == "ADJ":
        k -= 1
    return k >= 0 and toks[k].pos in ("NOUN", "PROPN") \
        and toks[k].lemma.lower() in data.place_nouns


_RESIDENTS_REACH = 3  # tokens from a figure to its noun of inhabitants ("millions d'habitants")


def _narrowed(toks: tuple[Tok, ...], fig: Figure, data: DescribedData) -> bool:
    """Whether an adjective, a participle (the model tags some a noun) or a narrowing word
    follows the noun of inhabitants after the figure ("3 000 habitants sans courant", "3 000
    habitants sinistrés"): the people concerned, not the place's population. A finite verb
    is the clause's own ("une ville de 3 000 habitants attend des renforts")."""
    for j in range(fig.last, min(len(toks) - 1, fig.last + _RESIDENTS_REACH)):
        if toks[j].lemma.lower() in data.residents or toks[j].lower.rstrip("s") in data.residents:
            nxt = toks[j + 1]
            return nxt.pos in ("ADJ", "NOUN") or nxt.verbform == "Part" \
                or (nxt.pos == "VERB" and nxt.verbform != "Fin") \
                or nxt.lower in data.population_narrowers
    return False


def _populates(t: Tok, data: DescribedData) -> bool:
    """A verb of population, by its lemma or its form (the small tagger reads "compte" as
    its own lemma)."""
    return t.lemma.lower() in data.population_verbs or t.lower in data.population_verbs


#: Tokens after a known set's number within which a superlative makes it a ranking.
_SUPERLATIVE_REACH = 4


def _known_set(toks: tuple[Tok, ...], fig: Figure, data: DescribedData) -> bool:
    """A number in words between a definite determiner and a noun names a set known to the
    reader ("les deux trains", "ses trois filiales"), not a count anyone gives; a superlative
    after it ("les trois plus petites récoltes", "les deux zones les plus touchées") is a
    ranking, and figures (digits) are counts ("les 26 provinces"), as are numbers in words
    too large for a set the reader holds in mind ("les dix mille manifestants", over
    ``set_max``)."""
    m = fig.mention
    if m.kind != Kind.COUNT or any(c.isdigit() for c in m.surface) or fig.first < 1 \
            or (m.value is not None and m.value > data.set_max):
        return False
    if toks[fig.first - 1].lower not in data.set_determiners:
        return False
    nxt = toks[fig.last] if fig.last < len(toks) else None
    return nxt is not None and nxt.pos in ("NOUN", "ADJ") and not any(
        t.lower in data.not_sets for t in toks[fig.last : fig.last + _SUPERLATIVE_REACH])


def _time_anchor(toks: tuple[Tok, ...], fig: Figure, data: DescribedData) -> bool:
    """A duration that dates an event from another ("il y a deux ans", "douze ans après les
    premières révélations"): it tells the story, like a date; not the date of a report's term
    of comparison ("9 400 passages aux urgences, contre 11 250 il y a une semaine"), which is the
    report's; nor a delay in minutes or hours before "après" or "avant" ("les secours sont
    arrivés vingt minutes après l'appel", ``delay_units``), which the report measures."""
    if fig.mention.kind != Kind.DURATION:
        return False
    before = tuple(t.lower for t in toks[: fig.first])
    after = toks[fig.last].lower if fig.last < len(toks) else None
    if before[-1:] and before[-1] in data.countdown_before and after in data.countdown_after:
        return True  # "à six mois des municipales": a countdown to an event
    anchor = next((a for a in data.anchors_before if before[-len(a):] == a), None)
    if anchor is None and not (after in data.anchors_after
                               and fig.mention.unit not in data.delay_units):
        return False
    opening = fig.first - (len(anchor) if anchor else 0)
    reach = before[max(0, opening - data.comparison_reach) : opening]
    return not any(w in data.comparisons for w in reach)


def time_anchor(toks: tuple[Tok, ...], fig: Figure) -> bool:
    """Whether a duration dates an event from another (:func:`_time_anchor`): no one states
    it, not even the source its sentence names for its other figures ("ravagée il y a une
    semaine par des inondations, selon un bilan de l'ONU")."""
    return _time_anchor(toks, fig, described_data())


def _legal_age(toks: tuple[Tok, ...], fig: Figure, data: DescribedData) -> bool:
    """An age a law sets ("le report de l'âge légal de départ de 62 à 64 ans", "contre l'âge
    de départ à 64 ans"): the text's rule, which the body counting marchers or polling does
    not state."""
    if fig.mention.kind != Kind.DURATION:
        return False
    before = tuple(t.lower for t in toks[max(0, fig.first - data.legal_reach) : fig.first])
    return any(before[i : i + len(a)] == a for a in data.legal_ages for i in range(len(before)))


def described(toks: tuple[Tok, ...], fig: Figure, subject: str | None,
              subject_rule: str, restates: bool = False, quoted: bool = False) -> bool:
    """Whether a figure describes (a person's age, a place's population, a known set, a time
    anchor, an indefinite amount) rather than reports: no source named earlier states it. A
    known set whose number the report gave before (``restates``: "Trois corps ont été
    repêchés, ont annoncé les garde-côtes. [...] les trois corps") is the report's count
    taken up; an indefinite amount in quotation marks (``quoted``) is the speaker's words."""
    data = described_data()
    if subject is not None and subject.lower() in data.outlet_items:
        return True  # "Voici trois graphiques": the article's own charts
    return subject_rule == "age_of_person" or _population(toks, fig, subject, data) \
        or (not restates and _known_set(toks, fig, data)) or _time_anchor(toks, fig, data) \
        or _legal_age(toks, fig, data) \
        or (not quoted and indefinite(fig))


def intertitle(text: str, start: int, sentence: str) -> bool:
    """Whether a sentence is a heading inside an article: a whole line of its own, after the
    first (the headline's figures are the body's, ``_repeats``), with a few words and no final
    stop, no label's colon, not under a title ending with a colon, and a paragraph of prose
    after it ("408 interpellations à Paris et proche banlieue", "57 % de mentions")."""
    data = described_data()
    if not text[:start].strip():
        return False  # the headline
    line_start = text.rfind("\n", 0, start) + 1
    end = start + len(sentence)
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if line_start == 0 or text[line_start:start].strip() or text[end:line_end].strip():
        return False
    words = sentence.strip().strip(data.heading_quotes).strip()
    if not words or not (words[0].isupper() or words[0].isdigit()) \
            or words.endswith(data.heading_ends) or ":" in words:
        return False
    if not 2 <= len(words.split()) <= data.heading_max_words:
        return False
    # A heading is set between paragraphs of prose: not an item of a list under a title
    # ending with a colon ("Voici les derniers chiffres :"), nor a row of a table.
    before = text[:line_start].rstrip()
    if before.endswith(":"):
        return False
    nxt = text[line_end:].lstrip()
    return is_prose(nxt.split("\n", 1)[0])


def callers(toks: tuple[Tok, ...], first: int) -> bool:
    """Whether the figure at token ``first`` counts the groups that called a march or a
    strike ("à l'appel de cinq syndicats", "à l'appel notamment de", ``callers_before`` of
    ``[described]``, adverbs walked over): the
    outlet describes who called; neither the body counting the marchers in its sentence
    ("..., à l'appel de cinq syndicats, selon la préfecture") nor the report states it."""
    before = tuple(t.lower.replace("’", "'") for t in toks[max(first - 8, 0) : first]
                   if t.pos != "ADV")  # "à l'appel notamment de"
    return any(before[len(before) - len(a) :] == a for a in described_data().callers_before
               if len(before) >= len(a))
