"""An amount that names its own act, for :mod:`.subject`: "2 millions d'euros ont été versés
à l'agence", "seuls 5 milliards ont été investis": the bare amount is the subject of a
passive whose participle says what was done with the money, so it measures that act
(``[act_amounts]`` of ``context_subject.toml``: versement, investissement), never the metric
of a figure before it ("La masse salariale a augmenté de 25 % [...] : 2,5 millions d'euros
ont été versés" counts no masse salariale) nor of the sentence before ("Un bénéfice de 21
milliards. US$16 milliards ont été distribués" -> distribution, not bénéfice)."""

from __future__ import annotations

from functools import cache

from factcheck.context.lexicon import grammar
from factcheck.context.nlp import Figure, Tok
from factcheck.lang import load_data
from factcheck.models import Kind

#: Adverbs walked over between the auxiliary and the participle ("ont déjà été versés").
_MAX_ADVERBS = 2
_PARTICIPLE_ENDINGS = ("", "e", "s", "es")


@cache
def _act_nouns(code: str = "fr") -> dict[str, str]:
    """Participle form -> noun of the act ("versés" -> "versement")."""
    table = load_data(code, "context_subject").get("act_amounts", {})
    out: dict[str, str] = {}
    for verb, noun in table.items():
        stem = verb[:-2] + ("é" if verb.endswith("er") else "i")
        for ending in _PARTICIPLE_ENDINGS:
            out[stem + ending] = noun
    return out


def act_of_amount(toks: tuple[Tok, ...], fig: Figure) -> str | None:
    """The noun of the act a bare amount is the passive subject of, else None."""
    if fig.mention.kind != Kind.MONEY:
        return None
    if fig.first > 0 and (toks[fig.first - 1].lower in grammar().de_links
                          or toks[fig.first - 1].pos == "ADP"):
        return None  # "une enveloppe de 2 millions a été versée": the enveloppe's
    j = fig.last
    if j >= len(toks) or toks[j].pos != "AUX" or toks[j].verbform != "Fin":
        return None
    j += 1
    adverbs = 0
    while j < len(toks) and (toks[j].pos == "ADV" or toks[j].pos == "AUX") \
            and adverbs <= _MAX_ADVERBS:
        adverbs += toks[j].pos == "ADV"
        j += 1
    return _act_nouns().get(toks[j].lower) if j < len(toks) else None
