"""Typed access to the words of sources (``lang/<code>/context_source.toml``): speech verbs,
introducers, documents, titles and the resolution lists. Re-exported by
:mod:`factcheck.context.lexicon`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from factcheck.context._data_fields import _participles, _table, _words
from factcheck.lang import load_data


@dataclass(frozen=True, slots=True)
class SourceData:
    speech_verbs: frozenset[str]
    inverted_only: frozenset[str]
    forecast_verbs: frozenset[str]  # forward only after a name: "Météo-France prévoit"
    agent_verbs: frozenset[str]
    speech_forms: dict[str, str]
    introducers: tuple[str, ...]
    document_introducers: frozenset[str]  # "dans" before a document naming its author
    not_after_introducer: frozenset[str]
    source_adjectives: frozenset[str]  # "de source policière", "de source proche de"
    documents: frozenset[str]
    titled_documents: frozenset[str]  # "selon le projet de loi de finances"
    relay_outlets: frozenset[str]  # "..., selon le quotidien régional": an outlet relaying
    document_links: frozenset[str]
    titles: frozenset[str]
    stops: frozenset[str]
    pronouns: frozenset[str]
    not_names: frozenset[str]
    verb_fillers: frozenset[str]
    document_verbs: frozenset[str]
    leading_time_words: frozenset[str]
    learned_from: frozenset[str]
    learned_preps: frozenset[str]
    agent_after_verbs: frozenset[str]  # presenting_verbs among them
    presenting_verbs: frozenset[str]  # "présenté par": only after one of presented_nouns
    presented_nouns: frozenset[str]
    state_objects: dict[str, frozenset[str]]
    denials: frozenset[str]
    speech_negations: frozenset[str]
    own_outlet: frozenset[str]
    agent_stops: frozenset[str]
    not_sources: frozenset[str] = frozenset()
    not_source_starts: frozenset[str] = frozenset()
    not_source_words: frozenset[str] = frozenset()
    numbered_names: frozenset[str] = frozenset()  # "TF1", "France 24": names with a number
    name_enders: frozenset[str] = frozenset()
    quantity_words: frozenset[str] = frozenset()
    back_references: frozenset[str] = frozenset()
    heads: frozenset[str] = frozenset()
    regional_heads: frozenset[str] = frozenset()
    office_parts: frozenset[str] = frozenset()
    relative_pronouns: frozenset[str] = frozenset()
    topic_incises: frozenset[str] = frozenset()
    announcements: frozenset[str] = frozenset()
    first_person: frozenset[str] = frozenset()
    # "selon un bilan définitif", "selon les dernières données": a document no one is named
    # for, new to the story (an indefinite article or a word of the latest edition).
    unnamed_markers: frozenset[str] = frozenset()
    quotation_nouns: frozenset[str] = frozenset()  # "ses propres mots « … »": no title
    title_author_links: frozenset[str] = frozenset()  # "« … » publiée par la Dares"
    spelling_ratio: int = 85


@cache
def source_data(code: str = "fr") -> SourceData:
    d = load_data(code, "context_source")
    f = "context_source"
    att = _table(d, "attribution", f)
    res = _table(d, "resolution", f)
    return SourceData(
        speech_verbs=_words(d, "speech_verbs", f),
        inverted_only=_words(d, "inverted_only", f),
        forecast_verbs=_words(d, "forecast_verbs", f),
        agent_verbs=_words(d, "agent_verbs", f),
        speech_forms={k.lower(): v for k, v in _table(d, "speech_forms", f).items()},
        introducers=tuple(sorted(_words(att, "introducers", f), key=len, reverse=True)),
        not_after_introducer=_words(att, "not_after_introducer", f),
        source_adjectives=_words(att, "source_adjectives", f),
        document_introducers=_words(att, "document_introducers", f),
        documents=_words(att, "documents", f),
        titled_documents=_words(att, "titled_documents", f),
        relay_outlets=_words(att, "relay_outlets", f),
        document_links=_words(att, "document_links", f),
        titles=_words(att, "titles", f),
        stops=_words(att, "stops", f),
        pronouns=_words(att, "pronouns", f),
        not_names=frozenset(att.get("not_names", [])),
        verb_fillers=_words(att, "verb_fillers", f),
        document_verbs=_words(att, "document_verbs", f),
        leading_time_words=_words(att, "leading_time_words", f),
        learned_from=_words(d, "learned_from", f),
        learned_preps=_words(att, "learned_preps", f),
        # "avancé" -> avancé, avancée, avancés, avancées
        agent_after_verbs=_participles(d, "agent_after_verbs", f)
        | _participles(d, "presenting_verbs", f),
        presenting_verbs=_participles(d, "presenting_verbs", f),
        presented_nouns=_words(d, "presented_nouns", f),
        state_objects={
            verb: frozenset(w.lower() for w in nouns)
            for verb, nouns in _table(d, "state_objects", f).items()
        },
        denials=_words(_table(d, "not_speech", f), "denials", f),
        not_sources=_words(res, "not_sources", f),
        not_source_starts=_words(res, "not_source_starts", f),
        not_source_words=_words(res, "not_source_words", f),
        numbered_names=_words(res, "numbered_names", f),
        name_enders=_words(res, "name_enders", f),
        quantity_words=_words(res, "quantity_words", f),
        back_references=_words(res, "back_references", f),
        heads=_words(res, "heads", f),
        regional_heads=_words(res, "regional_heads", f),
        office_parts=_words(res, "office_parts", f),
        spelling_ratio=int(res.get("spelling_ratio", 85)),
        speech_negations=_words(_table(d, "not_speech", f), "negations", f),
        own_outlet=_words(att, "own_outlet", f),
        agent_stops=_words(att, "agent_stops", f),
        relative_pronouns=_words(att, "relative_pronouns", f),
        topic_incises=_words(att, "topic_incises", f),
        announcements=_words(att, "announcements", f),
        first_person=_words(att, "first_person", f),
        unnamed_markers=_words(att, "unnamed_document_markers", f),
        quotation_nouns=_words(att, "quotation_nouns", f),
        title_author_links=_words(att, "title_author_links", f),
    )
