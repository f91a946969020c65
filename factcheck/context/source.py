"""Who states a figure (``source``).

The rules, in the order they are tried (``rule`` names the one that decided), are listed in
``docs/context.md`` (field ``source``, "Rules of ``context/source.py``").

Dates, years, times, ordinals and identifiers get no source (they situate or rank a claim,
they are not one), nor does a figure that only scopes another one ("dans les deux camps";
"parmi les 85 blessés" is the total of its parts and keeps one). ``SourceResult.takes_over``
says whether the source becomes the report's for the figures that follow.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.context._acting import acting_body
from factcheck.context._agents import (
    agent_after,
    counting_subject,
    passive_agent,
    passive_counted,
)
from factcheck.context._counters import counted_by, fronted_counter
from factcheck.context._courts import court_of
from factcheck.context._documents import (
    document_alone,
    document_subject,
    made_by,
    quoted_document,
    titled_document,
)
from factcheck.context._forward_speaker import forward
from factcheck.context._gapped import gapped
from factcheck.context._narration import time_anchor
from factcheck.context._plural_speaker import is_plural_pronoun, plural_speaker
from factcheck.context._pointed_report import pointed_report
from factcheck.context._quotes import in_quote, quote_speaker
from factcheck.context._relative_owner import possessive_owner
from factcheck.context._relay import origin_of_relay
from factcheck.context._selon import (
    announced,
    bracketed_counter,
    open_bracket,
    selon,
    unnamed_document,
)
from factcheck.context._sentence_speaker import (
    _CLAUSE_ENDS,
    sentence_speaker,
)
from factcheck.context._sentence_speaker import names_a_speaker as names_a_speaker
from factcheck.context._speaker_beyond import incise_on_next_line, role_subject
from factcheck.context._speech_words import relative_antecedent, speech_words
from factcheck.context.lexicon import SourceData, grammar, source_data
from factcheck.context.names import (
    fullest_name,
    is_generic_source,
    previous_speaker,
)
from factcheck.context.nlp import Figure, Tok
from factcheck.context.phrases import part_marker_before
from factcheck.context.resolution import role_holder
from factcheck.context.speakers import clean_name, inverted
from factcheck.deadline import checkpoint
from factcheck.models import MEASURE_KINDS, Kind

#: The rule of a figure whose sentence says who states it, no one named: it takes no source
#: from the report before; ``UNNAMED``: a document no one is named for ("selon un bilan
#: définitif"), which also ends that report's reach.
UNNAMED = "unsourced+unnamed"
UNSOURCED = frozenset({"unsourced", UNNAMED})

NO_SOURCE_KINDS = frozenset({Kind.DATE, Kind.YEAR, Kind.TIME, Kind.IDENTIFIER, Kind.ORDINAL})


@dataclass(frozen=True, slots=True)
class SourceResult:
    source: str | None
    rule: str
    # A speaker named for a figure that takes no source (a date, a year): not this figure's
    # source, but the report's, for the quantities that follow ("indique la préfecture dans
    # un communiqué diffusé vendredi 8 août", then "16 000 hectares").
    speaker: str | None = None

    @property
    def takes_over(self) -> bool:
        """Whether the source becomes the report's, for the figures that follow: not a body
        named in passing ("qu'Arvalis, dont les prévisions"), cited inside a quotation, a
        bare kind of body counting one figure ("les autorités enregistraient 222 000
        cas", in a report whose source is named elsewhere), or the agent of a passive of
        counting and the figures sharing it ("9 décès ont été classés comme liés au virus
        (7 directement) par le comité d'experts": who classed those deaths, not who reports
        the figures that follow)."""
        if "+relative" in self.rule or "+cited" in self.rule or "acting_body" in self.rule \
                or "passive_counted" in self.rule or "+titled" in self.rule:
            return False
        return not (self.rule == "counting_subject" and is_generic_source(self.source))


def _is_scope(toks: tuple[Tok, ...], fig: Figure, others: bool) -> bool:
    """ "dans les deux camps": a figure that only delimits another one of the sentence."""
    if not others or fig.first < 2:
        return False
    g = grammar()
    det, prep = toks[fig.first - 1], toks[fig.first - 2]
    return (
        det.lower in g.scope_determiners
        and prep.pos == "ADP"
        and prep.lower not in g.scope_not_after
    )


def sources(
    article_text: str,
    sentence_start: int,
    toks: tuple[Tok, ...],
    figs: list[Figure],
    quote_sources: dict[int, str | None],
    speakers: list[tuple[int, str]] | None = None,
) -> list[SourceResult]:
    """Source of every figure of one sentence. ``quote_sources`` maps the end offset of a
    quotation to its speaker, filled from :func:`quote_speaker` (cached per article);
    ``speakers`` lists the sources found earlier in the article (offset, name), for pronouns."""
    data = source_data()
    where = (article_text, sentence_start, [name for _, name in speakers or []])
    out = []
    for n, fig in enumerate(figs):
        checkpoint()  # the article's budget, outside the main thread (factcheck.deadline)
        kind = fig.mention.kind
        if kind in NO_SOURCE_KINDS:
            if kind == Kind.IDENTIFIER:
                out.append(SourceResult(None, "no_source_kind"))
                continue
            np, rule, name = _first_name(toks, figs, n, data, where)
            named = name and name.lower().split("-")[-1] not in data.pronouns \
                and "+relative" not in rule  # named in passing: not the report's speaker
            # "Ce mercredi 7 février, Airbus a annoncé :" names the report's speaker as a
            # sentence without figures would.
            speaker = fullest_name(name, article_text) if named \
                else sentence_speaker(article_text, toks)
            out.append(SourceResult(None, "no_source_kind", speaker))
            continue
        others = any(f.mention.kind in MEASURE_KINDS for i, f in enumerate(figs) if i != n)
        if _is_scope(toks, fig, others):
            out.append(SourceResult(None, "scope"))
            continue
        quote = in_quote(article_text, fig.mention.start)
        if quote is not None:
            qend = quote[1]
            if qend not in quote_sources:
                quote_sources[qend] = quote_speaker(article_text, *quote, speakers)
            cited = _cited_in_quote(toks, figs, n, data)
            if cited:  # "« Selon le Croissant-Rouge, ... 11 300 morts », a annoncé l'ONU":
                # the cited body for the figure, the speaker for the report that follows
                out.append(SourceResult(fullest_name(cited, article_text), "quote+cited",
                                        quote_sources[qend]))
                continue
            if quote_sources[qend]:
                out.append(SourceResult(quote_sources[qend], "quote"))
                continue
        if counter := bracketed_counter(toks, fig):
            # "Strasbourg : 22 000 (CGT) / 10 500 selon la police": the count's own counter.
            out.append(SourceResult(fullest_name(counter, article_text), "bracketed_counter"))
            continue
        np, rule, name = _first_name(toks, figs, n, data, where)
        if name is None and (np := incise_on_next_line(article_text, sentence_start, toks)):
            name, rule = clean_name(np, data), "inverted_next_line"
        if name is None and (court := court_of(article_text, sentence_start, toks, fig)):
            out.append(SourceResult(court, "court"))
            continue
        if name is None and quote is None and (np := acting_body(toks, fig, data)):
            name, rule = clean_name(np, data), "acting_body"
        if name and name.lower().split("-")[-1] in data.pronouns:
            name = role_subject(toks, np[0].i, pronoun=name) or previous_speaker(
                article_text, sentence_start + np[0].start, speakers, pronoun=name
            ) or role_subject(toks, np[0].i)
            rule += "+pronoun"
        elif name and is_plural_pronoun(name):  # "Elles ont également affirmé que"
            name = plural_speaker(article_text, sentence_start + np[0].start, speakers)
            # unresolved, "ils" names no one: no source, never the report's
            rule = rule + "+pronoun" if name else "unsourced"
        if name:
            name = fullest_name(name, article_text)
            holder = role_holder(name, article_text)  # "dixit le président" -> his name
            name, rule = (holder, rule + "+role") if holder else (name, rule)
        out.append(SourceResult(name, rule if name or rule in UNSOURCED else "none"))
    # "ravagée il y a une semaine [...], selon l'ONU": a duration dating an event is no one's;
    # the speaker named for it names the report, as for a date.
    return [SourceResult(None, "time_anchor", r.source) if r.source and time_anchor(toks, f)
            else r for r, f in zip(_same_clause(toks, figs, out), figs, strict=True)]


def _is_finite(t: Tok) -> bool:
    return t.pos in ("VERB", "AUX") and t.verbform == "Fin"


def _has_own_verb(toks: tuple[Tok, ...], fig: Figure) -> bool:
    """ "mais 9 000 ont défilé": the figure is the subject of a verb of its own clause."""
    for t in toks[fig.last :]:
        if t.text in _CLAUSE_ENDS or t.text in (",", "(", ")"):
            return False
        if _is_finite(t):
            return True
    return False


def in_brackets(toks: tuple[Tok, ...], first: int) -> bool:
    """Whether token ``first`` is inside brackets opened before it."""
    return open_bracket(toks, first) is not None


def _shared(res: SourceResult) -> SourceResult:
    """The source of an earlier figure of the clause, shared: a body acting on its figure
    ("s'est accordé sur 3 euros, en hausse de 7 %") or the agent of a passive of counting
    takes the report over for neither."""
    acting = "+acting_body" if "acting_body" in res.rule else \
        "+passive_counted" if "passive_counted" in res.rule else ""
    return SourceResult(res.source, "same_clause" + acting)


def _same_clause(
    toks: tuple[Tok, ...], figs: list[Figure], out: list[SourceResult]
) -> list[SourceResult]:
    """A figure without a source of its own in the clause of an earlier figure that has one
    shares it: the second bound of "entre 800 000 et un million", the parts of a total
    ("dont 80 000 à Paris", "173 cas (39 confirmés, 134 suspects)"). Not across a finite
    verb nor for a figure with a verb of its own ("mais 9 000 ont défilé": another clause
    may have another speaker), nor from a count of a contrast ("700 000
    selon la CGT et 81 000 pour la préfecture": each count its own body)."""
    for n, res in enumerate(out):
        if res.rule != "none":
            continue
        opened = open_bracket(toks, figs[n].first)
        if opened is not None:  # "(10 directement et 2 indirectement liés)": the parts of
            # the figure before the parenthesis
            src = next((out[m] for m in range(n - 1, -1, -1) if figs[m].last <= opened
                        and out[m].rule not in ("no_source_kind", "scope")), None)
            # "8 000 à Toulouse (contre 50 000 d'après les syndicats), 4 000 à Marseille
            # (contre 50 000)": the asides of one list set the same counter against its
            # figures; an aside setting a figure against another ("contre") takes the counter
            # of the asides before it, else the figure's (the same counter, another day).
            against = opened + 1 < len(toks) \
                and toks[opened + 1].lower in speech_words().contrast_terms
            aside = next((out[m] for m in range(n - 1, -1, -1) if out[m].source
                          and open_bracket(toks, figs[m].first) not in (None, opened)),
                         None)
            if (against or src is None or not src.source) and aside is not None:
                out[n] = _shared(aside)
            elif src is not None and src.source and src.rule != "counted_by":
                out[n] = _shared(src)
            continue
        if _has_own_verb(toks, figs[n]):
            continue
        part = _part_of_before(toks, figs[n].first)
        for m in range(n - 1, -1, -1):
            between = toks[figs[m].last : figs[n].first]
            if any(t.text in _CLAUSE_ENDS or (_is_finite(t) and not (part and m == n - 1))
                   for t in between):
                break  # "87 cas ont été enregistrés par X, dont 12 ...": the part of the
                # figure right before, past its verb, is counted by its counter
            if open_bracket(toks, figs[m].first) is not None:
                continue  # "(contre 50 000 selon les syndicats), 4 000 à Marseille": an aside's
            if out[m].source and out[m].rule != "counted_by":
                out[n] = _shared(out[m])
                break
    return out


def _part_of_before(toks: tuple[Tok, ...], first: int) -> bool:
    """Whether the figure at token ``first`` opens a part of the figure before it ("dont
    12", "dont au moins 12"; not an aside in brackets)."""
    j = part_marker_before(toks, first)
    return j is not None and toks[j].text != "("


def _whole_named(
    toks: tuple[Tok, ...], figs: list[Figure], n: int, data: SourceData,
    where: tuple[str, int, list[str]],
) -> tuple[list[Tok] | None, str, str] | None:
    """The source of the figure a "dont" part at ``n`` splits, named by a rule before the
    speaker of the sentence (a speech verb or a "selon" reaching far would name another
    clause's body: "Les syndicats ont revendiqué 40 000 manifestants et la police en a
    compté 12 000, dont 3 000 à Paris" -> the police); None when no such name."""
    if n == 0 or not _part_of_before(toks, figs[n].first) or any(
            t.text in _CLAUSE_ENDS or _is_finite(t)
            for t in toks[figs[n - 1].last : figs[n].first]):
        return None
    np, rule, name = _first_name(toks, figs, n - 1, data, where)
    return (np, rule, name) if name and rule not in ("speech_verb", "selon") else None


def _cited_in_quote(
    toks: tuple[Tok, ...], figs: list[Figure], n: int, data: SourceData
) -> str | None:
    """A body the speaker of a quotation cites for the figure ("« Selon le Croissant-Rouge
    libyen, les inondations ont fait 11 300 morts », a annoncé l'ONU"): a "selon X" of the
    figure's own clause, not the speaker's own figures ("selon nos estimations")."""
    np = selon(toks, figs, n, data, far=False)
    if not np or np[0].lower in data.own_outlet:
        return None
    name = clean_name(np, data)
    if not name or name.lower().split("-")[-1] in data.pronouns:
        return None
    return name


def _first_name(
    toks: tuple[Tok, ...], figs: list[Figure], n: int, data: SourceData,
    where: tuple[str, int, list[str]] = ("", 0, []),
) -> tuple[list[Tok] | None, str, str | None]:
    """The first rule whose words make a name ("selon un bilan officiel" names nobody, so
    "l'opposition avance le chiffre de 40" still gets its speaker). ``where``: the article's
    text, the sentence's offset and the sources named before it, for a demonstrative pointing
    back to a named report ("selon cette enquête", :func:`pointed_report`)."""
    fig = figs[n]
    unsourced = False  # a rule found a speaker's place, held by words that name no one
    unnamed = False  # "selon un bilan définitif": a document new to the story, no one's
    rules = ("counted_by", "fronted_counter", "agent_after", "passive_counted",
             "counting_subject", "selon", "announced", "inverted", "gapped", "speech_verb",
             "passive_agent", "selon_far", "document")
    for rule in rules:
        if rule == "counted_by":
            np = counted_by(toks, figs, n)
        elif rule == "fronted_counter":
            np = fronted_counter(toks, figs, n)
        elif rule == "agent_after":
            np = agent_after(toks, fig, data)
        elif rule in ("selon", "selon_far"):
            np = selon(toks, figs, n, data, far=rule == "selon_far")
            if np and np[0].lower in data.own_outlet:
                np = made_by(np, data)  # "selon notre estimation réalisée par Ipsos"
                if np is None:
                    return None, "own_outlet", None  # "selon nos informations": the outlet's
            rule = "selon"
        elif rule == "announced":
            np = announced(toks, figs, n, data)
        elif rule == "gapped":
            np = gapped(toks, figs, n, data)
        elif rule == "inverted":
            np = inverted(toks, fig.last, data, keep_unnamed=True)
        elif rule == "speech_verb":
            if (whole := _whole_named(toks, figs, n, data, where)) is not None:
                return whole  # "la police en a compté 12 000, dont 3 000 à Paris": hers
            np = forward(toks, fig.first, data)
        elif rule == "passive_counted":
            np = passive_counted(toks, fig, data)
        elif rule == "counting_subject":
            np = counting_subject(toks, fig.first, data)
        elif rule == "document":
            np = document_subject(toks, data)
        else:
            np = passive_agent(toks, fig.first, data)
        author = pointed_report(np, *where) \
            if np and rule in ("selon", "inverted", "speech_verb") else None
        if author:
            return np, rule + "+pointed", author  # "selon cette enquête" -> its author
        if author == "":
            unnamed = True  # "Une autre étude, menée par des sociologues [...] Selon cette étude"
        name = clean_name(np, data) if np else None
        if np and rule == "selon" and (owner := possessive_owner(
                toks, np, fig.first, data)):
            np, name = owner, clean_name(owner, data)  # "selon ses projections"
        if np and not name and rule == "selon":
            name = titled_document(np, data)  # "selon le projet de loi de finances"
        if np and not name and clean_name(np, data, check_head=False):
            unsourced = True
        if np and not name and rule == "selon" \
                and (titled := quoted_document(toks, np, data)) is not None:
            return np, "selon+titled", titled  # "selon l'enquête « Cadre de vie »": named
        if np and not name and rule == "selon" and unnamed_document(toks, np, data):
            unnamed = True
        if name and _points_back(np):
            name = f"{np[0].lower} {name}"  # "selon cette source": resolved to the last one
        if name and rule in ("selon", "inverted"):
            np, name, rule = origin_of_relay(toks, figs, n, np, name, rule, data)
        if name:
            if rule == "speech_verb" and relative_antecedent(toks, np):
                rule += "+relative"  # named in passing: not the report's source
            return np, rule, name
    alone = document_alone(toks, fig, data)
    if alone:
        return alone, "document_alone", alone[-1].text
    if unnamed:  # "selon un bilan définitif": from no source the article named before
        return None, UNNAMED, None
    if unsourced:  # "les victoires des handballeurs rapporteraient 16 médailles": the
        # sentence says who states it, no one the report named before
        return None, "unsourced", None
    return None, "none", None


def _points_back(np: list[Tok]) -> bool:
    """ "cette source", "ce bulletin": a demonstrative and one noun."""
    return len(np) == 2 and np[0].lower in speech_words().demonstratives \
        and np[1].pos == "NOUN"
