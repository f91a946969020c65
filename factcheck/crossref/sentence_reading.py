"""What one sentence says of each of its figures (cue words, qualifiers, the figure it is set
against, describing words), read once for every group of figures that is the same in the same
sentence. Wire copies and agency dispatches repeat sentences word for word across an archive;
their figures then sit at the same places, with the same families, and read the same.

The reading of a group depends only on the sentence text and, for each figure in the order
given, on what :func:`reading_key` lists: its offsets in the sentence, its dimension and
family, and whether its subject names a metric (:func:`factcheck.crossref.comparisons._generic`).
Claim ids are not part of it: the figure a comparison sets another against is kept as a
position in the group and turned back into the claim id of the group at hand."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.crossref.comparisons import _generic, comparison_targets
from factcheck.crossref.cue_words import Lexicon
from factcheck.crossref.scope import assign_cues, assign_qualifiers, description_words


@dataclass(frozen=True, slots=True)
class Cues:
    """The cue words :func:`factcheck.crossref.scope.assign_cues` gave one figure, frozen."""

    outcome: frozenset[str]
    side: frozenset[str]
    projected: bool
    revision: str
    cumulative: bool
    event: bool
    population: frozenset[str]
    national: bool
    span: str


@dataclass(frozen=True, slots=True)
class FigureReading:
    """One figure's reading in its sentence. ``target`` is the position, in its group, of the
    figure it is set against (``None``: none); ``family`` its family once the comparison is
    read (a bare figure after a comparison cue takes the family of the one before)."""

    cues: Cues
    qualifiers: frozenset[tuple[str, str]]
    target: int | None
    words: frozenset[str]
    family: str | None


Layout = tuple[tuple[object, ...], ...]
Key = tuple[str, Layout]


def reading_key(members: list[dict], sentence: str, lexicon: Lexicon) -> Key:
    """Everything the reading of ``members`` in ``sentence`` depends on (see the module)."""
    return sentence, tuple((m["_rel_start"], m["_rel_end"], m["_dim"], m["_family"],
                            _generic(m, lexicon)) for m in members)


def read_sentence(members: list[dict], sentence: str,
                  lexicon: Lexicon) -> tuple[FigureReading, ...]:
    """The readings of ``members`` (claims-table rows of one sentence with offsets relative to
    it, as :func:`factcheck.crossref.views.prepare_claims` prepares them), in their order.
    Sets each row's ``_family`` as the comparison reading leaves it."""
    cues = assign_cues(members, sentence, lexicon)
    qualifiers = assign_qualifiers(members, sentence, lexicon)
    targets = comparison_targets(members, sentence, lexicon)  # may set a row's _family
    words = description_words(members, sentence, lexicon)
    position = {m["claim_id"]: i for i, m in enumerate(members)}
    readings = []
    for m in members:
        claim, cue = m["claim_id"], cues[m["claim_id"]]
        target = targets.get(claim)
        readings.append(FigureReading(
            cues=Cues(outcome=frozenset(cue["outcome"]), side=frozenset(cue["side"]),
                      projected=cue["projected"], revision=cue["revision"],
                      cumulative=cue["cumulative"], event=cue["event"],
                      population=frozenset(cue["population"]), national=cue["national"],
                      span=cue["span"]),
            qualifiers=qualifiers[claim], target=None if target is None else position[target],
            words=words[claim], family=m["_family"]))
    return tuple(readings)


class SentenceReadings:
    """:func:`read_sentence` once per distinct :func:`reading_key`; equal cue sets are one
    object.

    With ``uses`` (how many figures of the table each sentence text holds), a sentence's
    readings are dropped once :meth:`done` has been told of that many of its figures: only
    the readings of sentences still to be met again are held (a reading asked for after its
    sentence was done with is read again, the same)."""

    def __init__(self, lexicon: Lexicon, uses: dict[str, int] | None = None):
        self.lexicon = lexicon
        self._readings: dict[str, dict[Layout, tuple[FigureReading, ...]]] = {}
        self._cues: dict[Cues, Cues] = {}
        self._uses = uses

    def __call__(self, members: list[dict], sentence: str) -> tuple[FigureReading, ...]:
        """The readings of ``members``, in their order; each row's ``_family`` set as
        :func:`read_sentence` sets it."""
        _, layout = reading_key(members, sentence, self.lexicon)
        layouts = self._readings.setdefault(sentence, {})
        found = layouts.get(layout)
        if found is None:
            found = tuple(
                FigureReading(cues=self._cues.setdefault(r.cues, r.cues),
                              qualifiers=r.qualifiers, target=r.target, words=r.words,
                              family=r.family)
                for r in read_sentence(members, sentence, self.lexicon))
            layouts[layout] = found
        else:
            for m, r in zip(members, found, strict=True):
                m["_family"] = r.family
        return found

    def done(self, sentence: str, figures: int = 1) -> None:
        """``figures`` more figures of ``sentence`` read: its readings are dropped when none
        is left to read (only with ``uses``)."""
        if self._uses is None or sentence not in self._uses:
            return
        left = self._uses[sentence] - figures
        if left > 0:
            self._uses[sentence] = left
        else:
            del self._uses[sentence]
            self._readings.pop(sentence, None)

    def __len__(self) -> int:
        """How many distinct readings are held."""
        return sum(len(layouts) for layouts in self._readings.values())
