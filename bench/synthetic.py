"""A deterministic synthetic corpus of French news articles, for benchmarks.

Articles are built from the sentence templates and vocabulary of ``synthetic_fr.toml``: real
news phrasing with figures of every kind (counts in digits and in words, money with scales and
currencies, percents, approximators, ranges, dates, times, durations, ordinals, identifiers,
fractions, quantities with units), attributions and quotes. The two seed articles
(``seeds/*.txt``) and the dev passages (``reference/gold/dev_corpus.jsonl``) are mixed in, so
the corpus also carries the texts the project is tested on.

The same ``(n_chars, seed)`` always gives the same corpus::

    python bench/synthetic.py --chars 1200000 -o bench/data/corpus.jsonl
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import tomllib
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from factcheck.models import Article, stable_id
from factcheck.text import normalize

ROOT = Path(__file__).resolve().parent.parent
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
_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
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
#: Share of generated sentences without figures. With it the corpus has about 10 figures per
#: 1,000 characters, between the seed articles (about 3) and the dev passages (about 17).
PLAIN_SHARE = 0.45
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
def _data() -> dict[str, Any]:
    with DATA_FILE.open("rb") as f:
        return tomllib.load(f)


class _Writer:
    """Draws slot values for one article; dates are drawn around its publication date."""

    def __init__(self, rng: random.Random, published: date) -> None:
        self.rng = rng
        self.published = published
        self.words: dict[str, list[str]] = _data()["words"]

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
        day_name, month = _DAYS[d.weekday()], _MONTHS[d.month - 1]
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
        return self.rng.choice(_DAYS)

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

        text = _SLOT.sub(one, template)
        for a, b in _CONTRACTIONS:
            text = text.replace(a, b)
        text = _ELISION.sub(lambda m: m.group(1)[:-1] + "'", text)
        return text[:1].upper() + text[1:]


def _generated(rng: random.Random) -> tuple[str, date]:
    published = date(2024, 1, 1) + timedelta(days=rng.randint(0, 800))
    writer = _Writer(rng, published)
    templates = _data()["templates"]
    lines = [writer.fill(rng.choice(templates["title"]))]
    for _ in range(rng.randint(3, 8)):
        k = rng.randint(1, 4)
        picks = [
            rng.choice(templates["plain"])
            if rng.random() < PLAIN_SHARE
            else rng.choice(templates["sentence"])
            for _ in range(k)
        ]
        lines.append(" ".join(writer.fill(t) for t in picks))
    return "\n".join(lines), published


@lru_cache(maxsize=1)
def real_texts() -> tuple[tuple[tuple[str, str, date | None], ...], ...]:
    """(seed articles, dev passages) as (id, text, published) triples."""
    meta: dict[str, date] = {}
    with (ROOT / "seeds" / "metadata.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            meta[row["id"]] = date.fromisoformat(row["published"])
    seeds = tuple(
        (p.stem, p.read_text(encoding="utf-8"), meta.get(p.stem))
        for p in sorted((ROOT / "seeds").glob("*.txt"))
    )
    dev = []
    with (ROOT / "reference" / "gold" / "dev_corpus.jsonl").open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                dev.append((rec["id"], rec["text"], date.fromisoformat(rec["published"])))
    return seeds, tuple(dev)


def synthetic_articles(n_chars: int, seed: int = 0) -> list[Article]:
    """Articles totalling at least ``n_chars`` characters of text, the same for the same seed.

    Every tenth article is a seed article and every tenth a dev passage (in turn); the rest
    are generated from the templates.
    """
    rng = random.Random(seed)
    seeds, dev = real_texts()
    articles: list[Article] = []
    total = 0
    i = 0
    while total < n_chars:
        if i % 10 == 3:
            origin, text, published = seeds[(i // 10) % len(seeds)]
        elif i % 10 == 7:
            origin, text, published = dev[(i // 10) % len(dev)]
        else:
            origin = "synthetic"
            text, published = _generated(rng)
        text = normalize(text)
        articles.append(
            Article(
                article_id=stable_id(origin, seed, i, text),
                text=text,
                published=published,
                source="synthetic",
                origin=origin,
            )
        )
        total += len(text)
        i += 1
    return articles


def write_jsonl(articles: list[Article], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for a in articles:
            rec = {
                "id": a.article_id,
                "published": a.published.isoformat() if a.published else None,
                "language": a.language,
                "text": a.text,
            }
            if a.title:
                rec["title"] = a.title
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--chars",
        type=int,
        default=1_200_000,
        help="minimum total characters of text (default 1,200,000)",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", type=Path, default=Path("bench/data/corpus.jsonl"))
    args = parser.parse_args(argv)
    articles = synthetic_articles(args.chars, args.seed)
    write_jsonl(articles, args.output)
    chars = sum(len(a.text) for a in articles)
    print(f"{len(articles)} articles, {chars:,} characters -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
