"""The slot writer of the synthetic corpus (``bench/synthetic.py``): numbers in digits and in
French words, dates, money, sources and the other slots of the templates of
``synthetic_fr.toml``, filled around an article's publication date, with French contractions and
elisions applied to the sentence."""

from __future__ import annotations

import random
import re
import tomllib
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA_FILE = Path(__file__).resolve().parent / "synthetic_fr.toml"

_UNITS = (
    "zéro",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
)
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_ORDINAL_WORDS = (
    "deuxième",
    "troisième",
    "quatrième",
    "cinquième",
    "sixième",
    "septième",
    "huitième",
    "neuvième",
    "dixième",
    "onzième",
    "douzième",
    "vingtième",
)
_QUARTERS = ("premier", "deuxième", "troisième", "quatrième")
_APPROX = (
    "près de",
    "plus de",
    "environ",
    "quelque",
    "au moins",
    "moins de",
    "jusqu'à",
    "presque",
    "un peu plus de",
    "autour de",
    "pas moins de",
    "quasiment",
)
_CURRENCIES = ("dollars", "euros", "roubles", "hryvnias", "livres sterling", "yuans")
_SPACES = (" ", " ", " ", "\u202f", "\u00a0")  # thousands separators, as news sites write them
_SLOT = re.compile(r"\{([a-z_]+?)(\d?)(_cap)?\}")
_ELISION = re.compile(r"\b([dD]e|[qQ]ue|[jJ]usque) (?=[aeiouyéèêâîôAEIOUYÉÈÂÎÔ])")
_CONTRACTIONS = (
    ("à le ", "au "),
    ("à les ", "aux "),
    ("de le ", "du "),
    ("de les ", "des "),
    ("De le ", "Du "),
    ("De les ", "Des "),
)


def contracted(text: str) -> str:
    """``text`` with French contractions ("à le " -> "au ") and elisions ("de une" -> "d'une")
    made, its first letter capitalised: a template filled in, written as French is."""
    for a, b in _CONTRACTIONS:
        text = text.replace(a, b)
    text = _ELISION.sub(lambda m: m.group(1)[:-1] + "'", text)
    return text[:1].upper() + text[1:]


def french_words(n: int) -> str:
    """``n`` (0 <= n < 1,000,000) in French words, traditional spelling."""
    if n < 0 or n >= 1_000_000:
        raise ValueError(f"out of range: {n}")
    if n < 17:
        return _UNITS[n]
    if n < 20:
        return "dix-" + _UNITS[n - 10]
    if n < 100:
        tens, unit = divmod(n, 10)
        if tens in (7, 9):
            base = "soixante" if tens == 7 else "quatre-vingt"
            return base + ("-" if n != 71 else " et ") + french_words(10 + unit)
        if tens == 8:
            return "quatre-vingts" if unit == 0 else "quatre-vingt-" + _UNITS[unit]
        if unit == 0:
            return _TENS[tens]
        return _TENS[tens] + (" et un" if unit == 1 else "-" + _UNITS[unit])
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = "cent" if hundreds == 1 else _UNITS[hundreds] + " cent" + ("s" if not rest else "")
        return head if not rest else f"{head} {french_words(rest)}"
    thousands, rest = divmod(n, 1000)
    head = "mille" if thousands == 1 else french_words(thousands).removesuffix("s") + " mille"
    return head if not rest else f"{head} {french_words(rest)}"


@lru_cache(maxsize=1)
def synthetic_data() -> dict[str, Any]:
    with DATA_FILE.open("rb") as f:
        return tomllib.load(f)


class SlotWriter:
    """Draws slot values for one article; dates are drawn around its publication date."""

    def __init__(self, rng: random.Random, published: date) -> None:
        self.rng = rng
        self.published = published
        self.words: dict[str, list[str]] = synthetic_data()["words"]

    # -- numbers -------------------------------------------------------------------------
    def digits(self, n: int) -> str:
        sep = self.rng.choice(_SPACES)
        return f"{n:,}".replace(",", sep)

    def decimal(self, low: float = 0.1, high: float = 20.0, places: int = 1) -> str:
        return f"{self.rng.uniform(low, high):.{places}f}".replace(".", ",")

    def magnitude(self, low: int = 2, high: int = 99_999) -> int:
        n = int(10 ** self.rng.uniform(len(str(low)) - 1, len(str(high))))
        n = max(low, min(high, n))
        if n > 1000 and self.rng.random() < 0.6:
            n = round(n, -2)
        return n

    def approx(self, figure: str) -> str:
        return f"{self.rng.choice(_APPROX)} {figure}"

    # -- slots ---------------------------------------------------------------------------
    def slot(self, name: str) -> str:
        if name in self.words:
            return self.rng.choice(self.words[name])
        return getattr(self, f"_{name}")()

    def _count(self) -> str:
        return self.digits(self.magnitude())

    def _count_words(self) -> str:
        n = self.rng.choice(
            (
                self.rng.randint(2, 99),
                self.rng.randint(1, 9) * 100,
                self.rng.randint(2, 20) * 1000,
                self.rng.randint(100, 999),
            )
        )
        return french_words(n)

    def _small(self) -> str:
        return str(self.rng.randint(2, 60))

    def _small_words(self) -> str:
        return french_words(self.rng.randint(2, 30))

    def _big(self) -> str:
        return self.digits(self.rng.randint(10, 900) * 1000)

    def _percent(self) -> str:
        value = self.decimal(0.1, 99.0) if self.rng.random() < 0.5 else str(self.rng.randint(1, 99))
        return f"{value} pour cent" if self.rng.random() < 0.05 else f"{value} %"

    def _decimal(self) -> str:
        return self.decimal(-1.0, 4.0)

    def _points(self) -> str:
        return self.rng.choice(
            (
                f"{self.decimal(0.1, 2.0)} point de pourcentage",
                f"{self.decimal(0.1, 3.0)} point",
                f"{french_words(self.rng.randint(2, 5))} points",
            )
        )

    def _money(self) -> str:
        rng = self.rng
        cur = rng.choice(_CURRENCIES)
        form = rng.randrange(7)
        if form == 0:
            return f"{rng.randint(2, 999)} millions de {cur}"
        if form == 1:
            amount = self.decimal(1.1, 9.9) if rng.random() < 0.6 else str(rng.randint(2, 300))
            return f"{amount} milliards de {cur}"
        if form == 2:
            return rng.choice(
                (
                    f"{self.decimal(0.5, 9.9)} Md€",
                    f"{rng.randint(2, 900)} M€",
                    f"{rng.randint(2, 900)} M$",
                    f"{self.decimal(1.0, 5.0)} Md$",
                )
            )
        if form == 3:
            return f"{self.digits(rng.randint(50, 99_999))} {cur}"
        if form == 4:
            return f"{self.digits(rng.randint(5, 9_999))} {rng.choice('€$')}"
        if form == 5:
            return self._money_words()
        return rng.choice(
            (
                f"un milliard de {cur}",
                f"un million de {cur}",
                f"{self.decimal(1.1, 1.9)} million de {cur}",
            )
        )

    def _money_words(self) -> str:
        scale = self.rng.choice(("millions", "milliards"))
        return f"{french_words(self.rng.randint(2, 900))} {scale} de {self.rng.choice(_CURRENCIES)}"

    def _dollars(self) -> str:
        n = self.rng.randint(40, 130)
        return self.rng.choice((f"{n} $", f"{n} dollars", f"{self.decimal(40, 130, 2)} dollars"))

    def _approx_count(self) -> str:
        if self.rng.random() < 0.3:
            millions = self.decimal(1.0, 9.9)
            plural = "s" if not millions.startswith("1,") else ""
            return self.approx(f"{millions} million{plural} de")
        return self.approx(self._count())

    def _approx_money(self) -> str:
        return self.approx(self._money())

    def _approx_percent(self) -> str:
        return self.approx(self._percent())

    def _approx_millions(self) -> str:
        n = self.rng.randint(2, 9)
        return self.rng.choice((f"{n} millions et demi", f"{n},5 millions", f"{n} millions"))

    def _range_count(self) -> str:
        low = self.magnitude(10, 500_000)
        high = low + self.magnitude(2, max(3, low))
        a, b = self.digits(low), self.digits(high)
        return self.rng.choice((f"entre {a} et {b}", f"de {a} à {b}"))

    def _range_percent(self) -> str:
        low = self.rng.randint(1, 40)
        high = low + self.rng.randint(1, 30)
        return self.rng.choice(
            (
                f"entre {low} et {high} %",
                f"de {low} à {high} %",
                f"{low}-{high} %",
                f"entre {low} % et {high} %",
            )
        )

    def _fraction(self) -> str:
        return self.rng.choice(
            (
                "la moitié",
                "un tiers",
                "les trois quarts",
                "un quart",
                "les deux tiers",
                "un cinquième",
                "un dixième",
            )
        )

    def _distance(self) -> str:
        unit = self.rng.choice(("km", "kilomètres"))
        return f"{self.digits(self.rng.randint(5, 1500))} {unit}"

    def _production(self) -> str:
        unit = self.rng.choice(("tonnes", "barils par jour", "MWh", "TWh", "mètres cubes"))
        return f"{self.digits(self.magnitude(10, 900_000))} {unit}"

    def _area(self) -> str:
        unit = self.rng.choice(("km²", "hectares", "kilomètres carrés"))
        return f"{self.digits(self.magnitude(10, 90_000))} {unit}"

    def _power(self) -> str:
        return f"{self.digits(self.rng.randint(5, 80) * 100)} MW"

    def _temperature(self) -> str:
        return f"-{self.rng.randint(2, 30)} °C"

    # -- calendar ------------------------------------------------------------------------
    def around(self) -> date:
        return self.published - timedelta(days=self.rng.randint(-10, 40))

    def _date(self) -> str:
        d = self.around()
        day_name, month = DAYS[d.weekday()], _MONTHS[d.month - 1]
        day = "1er" if d.day == 1 else str(d.day)
        return self.rng.choice(
            (
                f"{day_name} {day} {month}",
                day_name,
                f"le {day} {month}",
                f"{day_name} {day} {month} {d.year}",
            )
        )

    def _date_plain(self) -> str:
        d = self.around()
        day = "1er" if d.day == 1 else str(d.day)
        year = f" {d.year}" if self.rng.random() < 0.3 else ""
        return f"{day} {_MONTHS[d.month - 1]}{year}"

    def _day(self) -> str:
        return self.rng.choice(DAYS)

    def _month(self) -> str:
        return self.rng.choice(_MONTHS)

    def _year(self) -> str:
        return str(self.rng.randint(2014, 2026))

    def _time(self) -> str:
        h, m = self.rng.randint(0, 23), self.rng.randint(0, 59)
        return self.rng.choice((f"{h}h{m:02d}", f"{h} h {m:02d}", f"{h} heures", f"{h}h"))

    def _duration(self) -> str:
        rng = self.rng
        unit = rng.choice(("jours", "semaines", "mois", "ans", "heures", "minutes"))
        n = rng.randint(2, 72 if unit in ("heures", "minutes") else 12)
        number = str(n) if rng.random() < 0.5 else french_words(n)
        return rng.choice(
            (f"{number} {unit}", "une semaine", "un mois", "une heure et demie", f"{number} {unit}")
        )

    def _ordinal(self) -> str:
        n = self.rng.randint(1, 150)
        return "1er" if n == 1 else self.rng.choice((f"{n}e", f"{n}e", f"{n}ème"))

    def _quarter(self) -> str:
        return self.rng.choice(_QUARTERS)

    def _ordinal_word(self) -> str:
        return self.rng.choice(_ORDINAL_WORDS)

    # -- sentences -----------------------------------------------------------------------
    def fill(self, template: str) -> str:
        def one(m: re.Match[str]) -> str:
            value = self.slot(m.group(1))
            return value[:1].upper() + value[1:] if m.group(3) else value

        return contracted(_SLOT.sub(one, template))
