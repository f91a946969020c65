"""What the sentences of one article hand to the next ones while their context is read: the
report's source and what it covers, the speakers named, the places, the last subjects.
Private to ``factcheck.context``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from factcheck.context.names import same_source
from factcheck.context.resolution import names_a_person
from factcheck.context.timeref import TimeResolver
from factcheck.lang import load_data
from factcheck.models import Context, Kind

if TYPE_CHECKING:
    from factcheck.context.nlp import Tok
    from factcheck.context.subject_tables import Cell

#: Kinds of a report's figures that make it cover an amount of money that follows.
MONEY_REPORT_KINDS = frozenset({Kind.MONEY, Kind.PERCENT, Kind.FRACTION})
_SPAN = frozenset({Kind.DURATION})


@cache
def _agencies(code: str = "fr") -> frozenset[str]:
    res = load_data(code, "context_source").get("resolution", {})
    return frozenset(a.casefold() for a in res.get("relay_agencies", []))


def relays(name: str) -> bool:
    """Whether a source is a news agency ("l'AFP", "Reuters", ``relay_agencies``): it
    carries the figures of the bodies it quotes to the outlet."""
    words = name.replace("’", "'").split()
    if words and words[0].casefold() in ("l'", "la", "le"):
        words = words[1:]
    elif words and words[0].casefold().startswith("l'"):
        words[0] = words[0][2:]
    return " ".join(words).casefold() in _agencies()


@dataclass
class ArticleState:
    """What the sentences of one article hand to the next ones."""

    times: TimeResolver
    quote_sources: dict[int, str | None] = field(default_factory=dict)
    speakers: list[tuple[int, str]] = field(default_factory=list)  # sources found, in order
    # The source of the report, that figures without their own take: the last source named
    # (not a pronoun's antecedent); None after a sentence setting counts of two sources
    # against each other ("10 000 selon les syndicats, 4 500 selon la police"): the figures
    # that follow are neither's, until a source is named again.
    report: str | None = None
    report_counts: bool = False  # the report's source was named for figures
    # The kinds of the figures the report's source was named for (empty when it was named
    # in a sentence without figures): a tally of people or events does not cover money.
    report_kinds: frozenset[Kind] = frozenset()
    # It was named for forces deployed ("800 policiers"), or spoke again after its count: it
    # covers the forces deployed that follow (``_background.deployed``).
    report_forces: bool = False
    # It was named for a measure of the weather ("des rafales à 150 km/h, selon Météo-France"):
    # it covers the measures of the weather that follow (``_background.weather``).
    report_weather: bool = False
    report_at: int = 0  # offset of the sentence that named it
    # What the report measured: the metrics (subjects) and units of the figures of the
    # sentence that named its source and of those that took it since; a bulletin goes on past
    # its section headings for figures of the same metric (``_sections.continues_report``).
    report_metrics: frozenset[str] = frozenset()
    report_units: frozenset[str] = frozenset()
    # It was named only as the speaker of a quotation without figures ("« Il fonçait sur la
    # foule », a raconté un témoin"): a comment, not a report.
    report_quoted: bool = False
    # It is a person (or a role) quoted with figures of their own ("« Nous avons vendu 9
    # millions de billets », a déclaré le président du comité"): a speaker, whose words cover
    # the figures of their paragraph, not the journalist's prose past it (:meth:`covers_speech`).
    report_speech: bool = False
    # It was named by one common noun in a sentence without figures ("Les élus ont dénoncé
    # la hausse des dépenses"): it covers the figures of its paragraph, not past it.
    report_paragraph: bool = False
    # It is a body acting on its figures in the article's first sourced sentence ("Le conseil
    # régional a voté un budget de 1,8 milliard"): it covers the figures of the kinds it
    # acted on (the budget's parts), not the others ("Les travaux dureront 18 mois").
    report_acting: bool = False
    # The news agencies that relayed a report's figures, with that report's source
    # (:meth:`relays_report`).
    relayed: set[tuple[str, str]] = field(default_factory=set)
    places: list[str] = field(default_factory=list)  # places read near figures, in order
    #: Places the last sentence with places named only as a term of comparison
    #: ("contre 3,1 % en Allemagne"): not carried by a figure taken up after it.
    compared: set[str] = field(default_factory=set)
    parts_places: frozenset[str] = frozenset()  # the last sentence's parts' places
    last_end: int = -1  # end offset of the previous sentence with figures
    last_subject: Context | None = None  # its last figure with a subject
    last_line: bool = False  # it was a line of a list or tally with a metric ("Blessés : 40")
    last_figures: list[tuple[float | None, Kind, Context]] = field(default_factory=list)
    metrics: list[tuple[float | None, Context]] = field(default_factory=list)  # values, subjects
    paragraph_metrics: int = 0  # where the metrics of the current paragraph start
    heading: str | None = None  # the metric a table's title names, for its rows
    heading_opens_list: bool = False  # that title ends with a colon ("Voici le nombre de :")
    cells: list[tuple[Cell, str | None]] = field(default_factory=list)  # under column headers
    before: tuple[Tok, ...] | None = None  # the sentence without figures before this one
    last_toks: tuple[Tok, ...] | None = None  # the previous sentence with figures
    # The report's period: a stock's day ("Au 1er septembre") or a period heading a sentence.
    report_day: tuple[date, date] | None = None
    report_day_at: int = 0  # where the sentence that named it starts in the article's text
    past_frame: tuple[date, date] | None = None  # an earlier period heading that sentence

    def comment(self, name: str, quoting: bool = False, at: int | None = None,
                paragraph: bool = False) -> None:
        """A speaker named in a sentence without figures of its own. A person commenting
        ("le ministre a déclaré que la France n'est pas encore au pic") does not take the
        report over from the body named for its figures ("Selon Santé publique France, 597
        personnes ..."); anyone else does. A person or a role speaking in quotation marks
        (``quoting``) covers only what takes the quotation up (:meth:`covers_sentence`); a
        body's quoted communiqué is a report ("« des moyens considérables sont déployés »,
        a indiqué la préfecture dans un communiqué"). A group named by one common noun
        (``paragraph``: "les magistrats estiment", "l'opposition dénonce") speaks for its
        paragraph only (:meth:`covers`), and like a person leaves a body's report of figures
        to that body."""
        if self.report_counts and self.report and same_source(name, self.report):
            # The body speaking again ("« Les renforts arrivent », a indiqué la préfecture")
            # states more than its count: the forces deployed that follow too.
            self.report_forces = True
            if at is not None:
                self.report_at = at
            return
        if self.report_counts and self.report and not names_a_person(self.report) \
                and (names_a_person(name) or paragraph):
            return
        if self.report is None or not same_source(name, self.report):
            self.report_metrics = self.report_units = frozenset()
        self.report, self.report_counts, self.report_kinds = name, False, frozenset()
        self.report_forces = self.report_weather = self.report_speech = False
        self.report_quoted = quoting
        self.report_paragraph = paragraph
        self.report_acting = False
        if at is not None:
            self.report_at = at

    def measured(self, named: bool, figures: list[tuple[str | None, str | None]]) -> None:
        """Record what the report's source stated: the (subject, unit) of ``figures``, of
        the sentence that ``named`` the source anew (what it measured so far is forgotten)
        or of figures that took it since."""
        subjects = frozenset(s for s, _ in figures if s)
        units = frozenset(u for _, u in figures if u)
        if named:
            self.report_metrics, self.report_units = subjects, units
        else:
            self.report_metrics |= subjects
            self.report_units |= units

    def story_source(self, lead_end: int) -> str | None:
        """Who reports the story beyond a section heading: the report's source when the
        article's lead (the text before ``lead_end``) names it, else the one source the lead
        names; none when the lead names none or sets several against each other ("la CGT
        revendique 1 million de manifestants, le ministère 500 000"). A person (a minister, a
        mayor: ``names_a_person``) speaks for their own words, not for the figures the
        journalist gives in another part of the story: no story's source (a body's report
        goes on past its headings)."""
        in_lead = [name for at, name in self.speakers if at < lead_end]
        story = None
        if self.report is not None and any(same_source(n, self.report) for n in in_lead):
            story = self.report
        elif in_lead and all(same_source(n, in_lead[0]) for n in in_lead):
            story = in_lead[-1]
        return None if story is None or names_a_person(story) else story

    def keeps_report(self, names: list[str]) -> bool:
        """Whether persons quoted (``names``) leave the report to the body named before for
        its figures, as a person commenting does (:meth:`comment`)."""
        return bool(self.report_counts and self.report) and not names_a_person(
            self.report) and all(names_a_person(n) for n in names)

    def relays_report(self, names: list[str], between: str) -> bool:
        """Whether news agencies named for figures of their own (``names``: "Plus de cas
        qu'en 2023 (14 838), rapporte l'AFP") relay the report of the body named before in
        their paragraph (``between``: the text from the sentence that named it): they keep
        their figures, the report stays the body's. An agency opening a paragraph of its
        own ("Reuters, qui a analysé les comptes des majors, indique ...") reports anew."""
        if self.report is None or relays(self.report) or not all(relays(n) for n in names):
            return False
        if "\n" not in between or all((self.report, n) in self.relayed for n in names):
            # Named again later for the same report ("selon la même source"), it still
            # relays it.
            self.relayed.update((self.report, n) for n in names)
            return True
        return False

    def covers_sentence(self, toks: tuple[Tok, ...]) -> bool:
        """Whether the report's source covers a sentence: after a comment in quotation marks,
        only one taking it up with a pronoun ("« Les admissions baissent », selon la
        directrice. Elles étaient 240 ..."); a sentence of narration ("Deux policiers ont
        été blessés") is the outlet's own."""
        return not self.report_quoted or (bool(toks) and toks[0].pos == "PRON")

    def covers_speech(self, between: str, continues: bool) -> bool:
        """Whether a person quoted with figures of their own (``report_speech``) covers a
        figure with no source of its own, ``between`` being the text from the quotation to
        the figure's sentence: within the quotation's paragraph, yes; past it, the
        journalist writes again ("« On est à 84 % d'admis », a déclaré le ministre." then a
        paragraph "Par rapport à 2022, le taux a perdu 1,1 point"), unless the figure goes on
        measuring what the quotation measured (``continues``: "« 500 000 foyers sont
        coupés »" then "Le soir, 300 000 foyers étaient encore privés de courant")."""
        return not self.report_speech or "\n" not in between or continues

    def covers(self, kind: Kind, between: str) -> bool:
        """Whether the report's source covers a figure of ``kind`` with no source of its own,
        ``between`` being the text from the sentence that named the source to the figure's:
        a source named only for counts ("« ... cinq fois vainqueur », a déclaré le joueur")
        does not cover an amount of money in a later paragraph ("Il touchera une prime de
        150 millions d'euros"): money is another story unless the report gave money or
        shares. A group named by a common noun (``report_paragraph``) covers its paragraph
        only. A person quoted only on a time span (``report_speech``: "« un mouvement qu'on
        n'a pas connu depuis 30 ans », lance le syndicaliste") comments, and covers no count,
        share or amount that follows ("où un habitant sur cinq a défilé"). A body acting
        on its figures (``report_acting``) covers the figures of their kinds only."""
        if self.report_paragraph and "\n" in between:
            return False
        if self.report_acting and kind not in self.report_kinds:
            return False
        if self.report_speech and self.report_kinds and self.report_kinds <= _SPAN \
                and kind not in _SPAN:
            return False
        if kind != Kind.MONEY or not self.report_kinds or "\n" not in between:
            return True
        return bool(self.report_kinds & MONEY_REPORT_KINDS)
