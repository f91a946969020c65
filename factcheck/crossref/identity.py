"""Identity before accusation: is it positively established that two figures measure the same
metric, scope and period or event? (And, before an evolution, that two figures are one series
at two dates: :func:`factcheck.crossref.series.series_blockers`.)

A contradiction (and a same-source discrepancy, a scale slip, a shrinking cumulative toll) is
an accusation: it is raised only when the two figures are tied by evidence, never because
nothing tells them apart. :func:`identity` collects that evidence in French, for the flag's
explanation ("même source : ministère de la Justice ; même lieu : Vitrolles ; même période :
2025-05-17 → 2025-05-18"), and what blocks it: a place or a publication date known on one
side only is unknown, and unknown is never equal; two sides, places or periods read and
different keep the figures apart.

Evidence that ties two figures (the metric is already shared: one block, one family):

* the same named source (a weak tie when it was carried over from earlier in the article, or
  across articles when it is a bare "ministère" or "préfecture", which names a kind of body;
  a bare body that every place has its own of, "le rectorat", "la préfecture", blocks across
  articles unless both give one place: ``regional_heads`` of ``context_source.toml``);
* the same known place (the claim's place, else the places of its sentence);
* the same explicit period read from the text;
* within one article, a count answered in the next sentence by another named body ("La CGT,
  elle, en a compté 25 000": :mod:`factcheck.crossref.answers`), a tie like one sentence;
* for two articles, the same publication day; for one article, the article itself (weak
  ties: two one-off counts of one day may be two events, and an article lists many figures of
  one metric by place or category; neither suffices alone).

A vague amount ("des centaines de milliers") accuses nothing: its bounds are a reading.

Established: nothing blocks, and at least :data:`MIN_TIES` ties, among them a place, a period,
the sentence, or one wording in two articles (a source and a publication day alone do not
tell which of its figures a report gives; one wording needs a sentence saying something besides
its figure, three content words at least, and two articles not placed apart by their own
text: "Il s'élève à 12 millions d'euros." in two towns' stories is no copy); or one tie when
the figures share their digits (a
power of ten apart, or in another order: 23/32), the sign of one figure mistyped. The
confidence grows with the ties.
Two named sources at odds (``sources_disagree``, no accusation) need the same: an
established identity, each source named with its own figure.

Unknown is never equal: a place or a period (the date of the event or of the count) read on
one figure only blocks, as a publication date missing on either article does, and so does a
past moment named before one figure only ("l'an dernier, la CGT avait compté 210 000",
``[earlier]`` of ``crossref.toml``) when neither figure is dated. So do two
reaches in time (``ClaimView.span``: a week's count, what still is, a running total), a
window or a remainder read on one figure only included. In one sentence, a figure set against
a third one ("contre 65 000 le 5 décembre") is that figure's other term, not what the
sentence's other figures count. A qualifier of the counted thing read on one figure only
(``[scope.qualifiers]``: "résultat net" against "résultat", "hospitalisés" against nothing)
blocks too, and so does, within one article, a counted noun narrowed differently by the
parse (:func:`factcheck.crossref.narrowings.narrowed_apart`), an offence counted by its victims
against one counted by its cases (``ClaimView.counted_by``), two amounts named by one act
whose doers differ or are unknown on either side ("La Région a versé" / "l'État a versé",
``ClaimView.doer``; one doer named at two lengths, "le grand port maritime de Brest" / "le
port de Brest", is one, as source names are), two causes of the outcome counted, read on
both figures (``ClaimView.cause``: "déplacées par la crue" / "par les frappes"), and a term of a
score ("3 buts à 1", :mod:`factcheck.crossref.tallies`), which counts nothing on its own.
(A side read on one figure only does not block: the cue reader misses sides more often than
texts leave them unsaid; it never ties either.)
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from factcheck.context.anaphora import anaphora_data
from factcheck.context.names import (
    is_generic_source,
    is_regional_source,
    regional_office_place,
    same_source,
)
from factcheck.crossref.answers import answers
from factcheck.crossref.attributions import without_attributions
from factcheck.crossref.causes import two_causes
from factcheck.crossref.compared_terms import term_ties, terms_tied
from factcheck.crossref.cue_words import Lexicon
from factcheck.crossref.doers import same_doer
from factcheck.crossref.matching import ClaimView
from factcheck.crossref.narrowings import narrowed_apart
from factcheck.crossref.place_names import place_names
from factcheck.crossref.predicates import predicates_apart
from factcheck.crossref.scope import place_key, qualifier_gaps
from factcheck.crossref.taken_up import taken_up
from factcheck.crossref.text_periods import period_label, text_period_shared

#: Ties needed for an accusation.
MIN_TIES = 2
#: Weight of each kind of tie in the confidence (they add up, capped at 1).
WEIGHTS = {"source": 0.35, "place": 0.3, "period": 0.35, "day": 0.15, "article": 0.15,
           "sentence": 0.35, "answer": 0.35, "wording": 0.35, "digits": 0.3, "source_weak": 0.15,
           "report_period": 0.15}
#: The ties that say which fact a figure reports (where, when, or the very words).
STRONG_SCOPE = frozenset({"place", "period", "sentence", "answer", "wording"})
#: Weak ties: they never establish an identity alone.
WEAK = frozenset({"day", "article", "digits", "source_weak", "report_period"})


@dataclass(frozen=True, slots=True)
class Identity:
    """What ties two figures (``evidence``, in French) and what keeps them apart
    (``blockers``); ``established`` when an accusation may rest on it."""

    ties: tuple[str, ...]  # kinds of ties: source, place, period, day, digits
    evidence: tuple[str, ...]
    blockers: tuple[str, ...]

    @property
    def established(self) -> bool:
        """Enough to accuse: no blocker, two ties of which one is not weak (a single tie with
        the same significant digits a power of ten apart)."""
        ties = set(self.ties)
        if set(self.blockers) - ({"period_unknown"} if "digits" in ties else set()):
            return False
        real = [t for t in self.ties if t != "digits"]
        strong = [t for t in real if t not in WEAK]
        if "digits" in ties and ({"source"} | STRONG_SCOPE) & ties and "article" not in ties:
            # Distinctive digits mistyped (988 millions / milliards, 23/32) and a named source,
            # a place, a period or the very words in common: one figure, one slipped.
            return True
        if "digits" in ties and "article" in ties and STRONG_SCOPE & ties:
            return True  # within one article, a place, a period or the sentence too
        if not STRONG_SCOPE & ties:
            # A source gives many figures of one metric in one article or on one day (by
            # place, by category, this year and last): who said it and when it was published
            # do not tell which fact a figure reports; a place or a period read on both does.
            return False
        return len(real) >= MIN_TIES and bool(strong)

    @property
    def confidence(self) -> float:
        """0 to 1, from the ties; 0 when the figures are not established as one fact."""
        if not self.established:
            return 0.0
        return round(min(1.0, sum(WEIGHTS[t] for t in self.ties)), 2)

    def summary(self) -> str:
        return " ; ".join(self.evidence)


def _one_body_two_names(a: ClaimView, b: ClaimView) -> bool:
    """Two source names, neither a bare head noun ("l'armée", "le ministère": a kind of body,
    which "l'armée russe" would contain word for word), that
    :func:`factcheck.context.names.same_source` reads as one body."""
    return bool(a.source_key and b.source_key) and not (
        is_generic_source(a.source) or is_generic_source(b.source)) \
        and same_source(a.source, b.source)


def _places(v: ClaimView) -> frozenset[str]:
    return frozenset({v.place}) if v.place else v.places


def _scope(v: ClaimView, lexicon: Lexicon) -> frozenset[str]:
    """The places of ``v`` across articles: its own, else the place of the regional office
    that gives it ("25 % selon le rectorat de Lyon": Lyon's académie, not the country's)."""
    found = _places(v)
    if found:
        return found
    office = regional_office_place(v.source)
    return frozenset({place_key(office, lexicon)}) if office else found


def identity(a: ClaimView, b: ClaimView, lexicon: Lexicon, *,
             same_digits: bool = False) -> Identity:
    """The evidence that ``a`` and ``b`` report one fact, and what blocks it."""
    ties: list[str] = []
    evidence: list[str] = []
    blockers: list[str] = []
    cross = a.article_id != b.article_id
    if a.source_key and a.source_key == b.source_key:
        # A source named earlier in the article and carried over is a weaker tie.
        # A bare "ministère" or "mairie" names a kind of body, not one, across articles.
        explicit = a.source_mode != "inherited" and b.source_mode != "inherited"
        named = not (a.article_id != b.article_id and is_generic_source(a.source))
        ties.append("source" if explicit and named else "source_weak")
        evidence.append(lexicon.say("identity_source", source=a.source or b.source))
    elif _one_body_two_names(a, b):
        # One body named two ways ("la chambre régionale des comptes (CRC)", "la chambre
        # régionale des comptes d'Île-de-France": its acronym, its name with the region):
        # a weak tie, the evidence giving both names.
        ties.append("source_weak")
        evidence.append(lexicon.say("identity_source_alias", a=a.source, b=b.source))
    # Across articles, a regional office's figure has its region's scope (review 34): it
    # keeps apart figures of two places, but ties none, the source being that tie already
    # ("selon la préfecture du Nord" twice is one tie, not a source and a place: fixW34).
    pa, pb = (_scope(a, lexicon), _scope(b, lexicon)) if cross else (_places(a), _places(b))
    if pa and pb:
        common = pa & pb & _places(a) & _places(b)
        if common:
            ties.append("place")
            evidence.append(lexicon.say("identity_place", place=place_names(common)))
        elif not pa & pb:
            blockers.append("place")
    elif (pa or pb) and not taken_up(a, b, lexicon):
        # Known on one side only: unknown is not equal; but a count a demonstrative takes up
        # is at its antecedent's place, given it as a weaker reading (context/taken_up.py).
        blockers.append("place")
    if cross and not (pa & pb) and "place" not in blockers and (
            is_regional_source(a.source) or is_regional_source(b.source)):
        # "selon le rectorat" in an article from Lille and in one from Lyon: two académies,
        # and against "le rectorat d'Aix-Marseille" or the ministry, another office again;
        # a bare regional body is one only where both articles give its place.
        blockers.append("place")
    if bool(a.basis) != bool(b.basis):
        blockers.append("basis")  # a rate's basis read on one side only
    if a.span != b.span and {a.span, b.span} != {"total", ""}:
        # The last week's cases and the cases since the outbreak began, the homes still cut
        # off and all the homes cut off: two reaches in time, two facts (a running total and
        # a figure that says nothing may be one: "au total" often only sums up).
        blockers.append("span")
    if qualifier_gaps(a.qualifiers, b.qualifiers)[1]:
        blockers.append("qualifier")  # "résultat net" against "résultat": unknown is not equal
    if not cross and narrowed_apart(a.narrowing, b.narrowing):
        # Within one article, two counted nouns the parse reads narrowed differently
        # ("personnes évacuées" / "personnes relogées", "élèves de terminale" / "élèves"):
        # the article gives two facts, whatever lexicon holds their words.
        blockers.append("narrowing")
    if a.complement and b.complement and a.complement != b.complement and (
            a.complement in b.sentence_words or b.complement in a.sentence_words):
        # One noun, and one complement named in the other sentence as another's: "budget de
        # la région" / "budget des lycées de la région" (not "de la défense" / "des armées").
        blockers.append("complement")
    if a.counted_by != b.counted_by:
        # "les escroqueries (+7 %)" and "les victimes d'escroqueries (+6 %)": one offence
        # counted two ways, worth a link but no accusation (victims.offence_counted).
        blockers.append("counted_by")
    if (a.doer or b.doer) and not same_doer(a.doer, b.doer):
        # "La Région a versé 2 millions" / "l'État a versé 3 millions": one act noun, two
        # payers, two facts; a payer unknown on either side is not equal.
        blockers.append("doer")
    elif a.doer:
        # The same payer named for both: said, but no tie (the act noun is the metric).
        evidence.append(lexicon.say("identity_doer", doer=a.doer))
    if two_causes(a.cause, b.cause):
        # "déplacées par la crue" / "déplacées par les frappes", "la grippe a tué" /
        # "l'incendie a tué": two causes, two facts (a cause unknown on one side is no block).
        blockers.append("cause")
    if not (a.outcome and a.outcome == b.outcome) and predicates_apart(a, b):
        # "va supprimer 400 emplois" / "va créer 250 emplois", "40 % des TER seront
        # supprimés" / "60 % des TER circuleront": the verb governing each figure says what
        # it counts; two read and different, two facts (one read on one side only: no block;
        # one outcome read on both, "tués" / "morts", already says what is counted).
        blockers.append("predicate")
    if a.score or b.score:
        blockers.append("score")  # "3 buts à 1": a term of a result counts nothing alone
    if a.side and b.side and a.side != b.side:
        blockers.append("side")  # (a side read on one figure only is no blocker: the cue
        # reader misses sides more often than texts leave them unsaid: "abattu 45 drones
        # russes" gets no side where "54 drones russes ont été abattus" gets one)
    undated = cross and not (a.published and b.published)
    shared = text_period_shared(a, b, lexicon) if undated else None
    if terms_tied(a, b):
        # Two terms of comparison the same distance before bases of one fact: the relative
        # period ties them (and the bases' place, unsaid with the terms).
        for kind, said in term_ties(a, b, lexicon):
            ties.append(kind)
            evidence.append(said)
    elif shared is not None and (a.period == b.period or a.period[0] != "explicit"):
        # An article without a publication date: the period the text itself gives both
        # figures, written in each or the year of the report each lead names, says when.
        # A period written with each figure says which fact it is; the year of the report
        # a lead names is every figure's of the report, and says only when (a weak tie, as
        # the publication day is).
        ties.append("period" if a.text_period[2] == "written" else "report_period")
        evidence.append(shared)
    elif a.period[0] == "explicit" and a.period == b.period:
        ties.append("period")
        evidence.append(lexicon.say("identity_period", period=_period_text(a, lexicon)))
    elif "explicit" in (a.period[0], b.period[0]):
        # Two periods read and different, or a date read on one figure only: the other
        # figure's date (of the event, of the count) is unknown, and unknown is not equal
        # (unless the same distinctive digits say which figure it is, see ``established``).
        both = a.period[0] == b.period[0]
        blockers.append("period" if both else "period_unknown")
    elif _earlier(a, lexicon) != _earlier(b, lexicon):
        # "L'an dernier, la CGT avait compté 210 000 manifestants" against the day's count:
        # undated, but said to be of a past moment; the two are not known to be one date.
        blockers.append("period_unknown")
    if cross and _same_wording(a, b, lexicon) and not _article_places_apart(a, b):
        ties.append("wording")  # one sentence in two articles, but for the figure
        evidence.append(lexicon.say("identity_wording"))
    if cross:
        if undated and shared is None:
            blockers.append("published")
        elif a.published and a.published == b.published:
            ties.append("day")
            evidence.append(lexicon.say("identity_day", date=a.published))
    elif a.sentence_start == b.sentence_start and a.sentence == b.sentence:
        if a.compared_to or b.compared_to:
            # "les syndicats annoncent 350 000 manifestants [...] et la préfecture 76 000
            # contre 65 000 le 5 décembre": a figure set against a third one of its sentence
            # is that figure's other term (an earlier date, another count), not what the
            # sentence's other figures count (the pair set against each other is judged
            # apart, see relations._compared).
            blockers.append("compared")
        # "9 500 selon la police et 65 000 selon les syndicats": one sentence, one article,
        # one thing counted twice (two figures of one sentence are only judged when each has
        # its own source, see relations.cross_ok).
        ties.extend(("sentence", "article"))
        evidence.append(lexicon.say("identity_sentence"))
    elif answers(a, b):
        # "Selon la préfecture, 9 000 personnes ont défilé. La CGT, elle, en a compté
        # 25 000.": the next sentence sets its body's count against the one before, as one
        # sentence would (crossref/answers.py; two named bodies only: sources_disagree).
        ties.extend(("answer", "article"))
        evidence.append(lexicon.say("identity_answer"))
    else:
        ties.append("article")
        evidence.append(lexicon.say("identity_article"))
    if a.value is None or b.value is None:
        blockers.append("vague")
    if same_digits:
        ties.append("digits")
        evidence.append(lexicon.say("identity_digits"))
    return Identity(tuple(ties), tuple(evidence), tuple(blockers))


_NUMBERISH = regex.compile(r"\d[\d\s.,]*")
_TOKEN = regex.compile(r"\w+")
#: Share of common words from which two sentences are one wording (a copy with a figure
#: changed, a wire sentence lightly edited).
WORDING_OVERLAP = 0.85
#: Words on each side of a figure that must be the same for a copied sentence to be one fact.
SLOT_WORDS = 4
#: Content words a copied sentence must hold besides its figure: "Il s'élève à 12 millions
#: d'euros." says nothing of what it measures and reads alike in every town's budget story.
#: Measured on the real-news dev set and the flag review set, the copies tied by wording
#: hold 3 to 6 ("N cas ont été hospitalisés dont N en service de réanimation": 3).
MIN_WORDING_CONTENT = 3


def _words(text: str) -> list[str]:
    return _TOKEN.findall(_NUMBERISH.sub(" ", text.lower()))


def _slot(v: ClaimView) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The words just before and after the figure in its sentence (numbers masked)."""
    if v.sentence_start is None:
        return None
    rel_start, rel_end = v.start - v.sentence_start, v.end - v.sentence_start
    before = _words(v.sentence[:rel_start])[-SLOT_WORDS:]
    after = _words(v.sentence[rel_end:])[:SLOT_WORDS]
    return tuple(before), tuple(after)


def _same_wording(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> bool:
    """One sentence in two articles, the figure in the same place in it (a copy with the
    figure changed), not another figure of a copied list; the sentence must say something of
    its own besides the figure (:func:`content_words`). Who said it (", a précisé le
    parquet", "selon la préfecture") is what a copy edits: left out of the overlap (not of
    the sentence's length)."""
    if len(set(_words(a.sentence))) < 6 or len(set(_words(b.sentence))) < 6:
        return False
    wa, wb = set(_words(without_attributions(a.sentence))), \
        set(_words(without_attributions(b.sentence)))
    if not (wa | wb) or len(wa & wb) / len(wa | wb) < WORDING_OVERLAP:
        return False
    if min(len(content_words(a, lexicon)), len(content_words(b, lexicon))) \
            < MIN_WORDING_CONTENT:
        return False
    slot = _slot(a)
    return slot is not None and slot == _slot(b)


def content_words(v: ClaimView, lexicon: Lexicon) -> frozenset[str]:
    """The words of a figure's sentence that say what is counted, where or by whom: outside
    the figure itself (its unit, its scale: "millions d'euros"), of four letters or more,
    neither a word that describes no metric (``[description]`` stopwords: pronouns,
    auxiliaries, days) nor a verb of level ("s'élève", "atteint")."""
    if v.sentence_start is None:
        return frozenset()
    rel_start, rel_end = v.start - v.sentence_start, v.end - v.sentence_start
    text = v.sentence[:max(0, rel_start)] + " " + v.sentence[max(0, rel_end):]
    level = anaphora_data().level_forms
    return frozenset(w for w in _words(text) if len(w) >= 4 and w not in lexicon.stopwords
                     and w not in level)


def _article_places_apart(a: ClaimView, b: ClaimView) -> bool:
    """Two articles each placed by their own text (dateline, headline) in a different place:
    a sentence they share is a local story's template ("Le budget de la commune a été voté"),
    not a copy of one report (the place of the article still never ties nor blocks a figure
    alone, see views.claim_view)."""
    return bool(a.article_place and b.article_place and a.article_place != b.article_place)


def _earlier(v: ClaimView, lexicon: Lexicon) -> bool:
    """A past moment named relative to the article ("l'an dernier") before the figure in its
    sentence: the figure is of that moment."""
    if v.sentence_start is None:
        return False
    before = v.sentence[: max(0, v.start - v.sentence_start)].replace("\u2019", "'")
    return bool(lexicon.earlier.search(before))


def _period_text(v: ClaimView, lexicon: Lexicon) -> str:
    return period_label(v.period[1], v.period[2], lexicon)
