"""Benchmark of cross_reference on synthetic claims tables of 1k, 5k and 10k articles.

Articles are built from varied news templates (drone totals with their parts per region,
casualty tolls, aid packages, rates, cumulative tolls, durations) over two years, with a few
subjects, places and sources drawn at random, so that blocks, series and sums look like a real
corpus. Claims are built directly (no extraction): this measures checking once claims are
extracted. Prints the time per size and the growth ratio (linear growth gives 5 and 10).

By default every size is spread over the same two years, so a larger corpus is also denser
(more articles per day, hence more figures of one period to compare pairwise): the worst case.
``--constant-density`` spreads 1000 articles per two years instead.

    .venv/bin/python bench/bench_check.py [--sizes 1000 5000 10000] [--constant-density]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factcheck.crossref.engine import cross_reference
from factcheck.crossref.reference import load_reference
from factcheck.models import CLAIM_COLUMNS, stable_id

PLACES = ["Kharkiv", "Soumy", "Odessa", "Kherson", "Zaporijjia", "Dnipro", "Lviv", "Kiev",
          "Belgorod", "Koursk", "Briansk", "Rostov", "Poltava", "Tchernihiv", "Mykolaïv"]
SOURCES = ["ministère russe de la Défense", "armée de l'air ukrainienne", "état-major ukrainien",
           "ONU", "HCR", "Insee", "Pentagone", "gouverneur régional", "mairie", "Kremlin"]
WEAPONS = ["drone", "missile", "roquette", "obus", "bombe planante"]
PEOPLE = ["civil", "soldat", "enfant", "secouriste"]
ACTORS = ["Washington", "Berlin", "Paris", "Londres", "Bruxelles", "Tokyo"]
RATES = ["chômage", "inflation", "croissance"]
START = date(2024, 1, 1)


def _claim(article: dict, text: str, surface: str, kind: str, value: float | None,
           **context: object) -> dict:
    start = text.index(surface, context.pop("after", 0))  # type: ignore[arg-type]
    end = start + len(surface)
    s = text.rfind(". ", 0, start)
    s = 0 if s < 0 else s + 2
    e = text.find(". ", end)
    e = len(text) if e < 0 else e + 1
    row = dict.fromkeys(CLAIM_COLUMNS, "")
    row.update({
        "article_id": article["id"], "claim_id": stable_id(article["id"], start, end, surface),
        "start": start, "end": end, "surface": surface, "kind": kind, "value": value,
        "low": value, "high": value, "unit": context.pop("unit", ""), "approx": "none",
        "sentence": text[s:e], "modality": "reported", "published": article["published"],
        "article_source": "bench", "title": "",
    })
    row.update({k: v for k, v in context.items()})
    return row


def _drones(rng: random.Random) -> tuple[str, list[tuple]]:
    weapon = rng.choice(WEAPONS)
    places = rng.sample(PLACES, 3)
    parts = [rng.randint(2, 30) for _ in places]
    total = sum(parts) + (rng.random() < 0.02)  # a few totals that do not add up
    source = rng.choice(SOURCES)
    text = (f"Le {source} affirme avoir abattu {total} {weapon}s dans la nuit : {parts[0]} "
            f"au-dessus de {places[0]}, {parts[1]} au-dessus de {places[1]} et {parts[2]} à "
            f"{places[2]}.")
    claims = [(str(total), "count", total, {"subject": weapon, "source": source,
                                           "category": "weapons"})]
    after = len(f"Le {source} affirme avoir abattu {total}")
    for value, place in zip(parts, places, strict=True):
        claims.append((str(value), "count", value, {"subject": weapon, "source": source,
                                                     "place": place, "after": after,
                                                     "category": "weapons"}))
        after = text.index(place, after)
    return text, claims


def _toll(rng: random.Random) -> tuple[str, list[tuple]]:
    who, place, source = rng.choice(PEOPLE), rng.choice(PLACES), rng.choice(SOURCES)
    killed, wounded = rng.randint(1, 60), rng.randint(5, 200)
    text = f"Le {source} fait état de {killed} {who}s tués et de {wounded} blessés à {place}."
    return text, [(str(killed), "count", killed, {"subject": who, "place": place,
                                                   "source": source, "qualifiers": "tués"}),
                  (str(wounded), "count", wounded, {"subject": who, "place": place,
                                                     "source": source, "qualifiers": "blessés",
                                                     "after": text.index(" et de ")})]


def _aid(rng: random.Random) -> tuple[str, list[tuple]]:
    actor = rng.choice(ACTORS)
    amount = rng.choice([125, 250, 400, 500, 650, 725, 988, 1200])
    surface = f"{amount} millions de dollars"
    text = f"{actor} annonce une nouvelle aide militaire de {surface} pour l'Ukraine."
    return text, [(surface, "money", amount * 1e6, {"subject": "aide", "actor": actor,
                                                     "unit": "USD", "source": actor})]


def _rate(rng: random.Random) -> tuple[str, list[tuple]]:
    metric, source = rng.choice(RATES), rng.choice(SOURCES)
    rate = round(rng.uniform(0.5, 9.5), 1)
    surface = f"{rate:.1f} %".replace(".", ",")
    text = f"Le taux de {metric} s'établit à {surface}, selon {source}."
    return text, [(surface, "percent", rate, {"subject": f"taux de {metric}", "unit": "%",
                                              "source": source})]


def _cumulative(rng: random.Random, day: int) -> tuple[str, list[tuple]]:
    place, source = rng.choice(PLACES), rng.choice(SOURCES)
    toll = 500 + day * 3 + rng.randint(0, 40)
    text = (f"Depuis le début de l'invasion, {toll} civils ont été tués dans la région de "
            f"{place}, selon {source}.")
    return text, [(str(toll), "count", toll, {"subject": "civil", "place": place,
                                              "source": source})]


def _pause(rng: random.Random) -> tuple[str, list[tuple]]:
    source = rng.choice(SOURCES)
    days = rng.choice([2, 3, 7, 30])
    surface = f"{days} jours"
    text = f"Le {source} a évoqué une trêve de {surface} autour de la centrale."
    return text, [(surface, "duration", days, {"unit": "day", "subject": "trêve",
                                               "source": source})]


def synthetic_claims(n_articles: int, seed: int = 1, span_days: int = 730) -> pd.DataFrame:
    """Claims of ``n_articles`` synthetic articles published over ``span_days`` days."""
    rows = []
    for i in range(n_articles):
        rng = random.Random(seed * 1_000_003 + i)
        day = rng.randint(0, span_days - 1)
        article = {"id": f"bench{i:06d}", "published": (START + timedelta(days=day)).isoformat()}
        text = ""
        article_rows = []
        for _ in range(rng.randint(2, 4)):
            kind = rng.randrange(6)
            if kind == 0:
                sentence, claims = _drones(rng)
            elif kind == 1:
                sentence, claims = _toll(rng)
            elif kind == 2:
                sentence, claims = _aid(rng)
            elif kind == 3:
                sentence, claims = _rate(rng)
            elif kind == 4:
                sentence, claims = _cumulative(rng, day)
            else:
                sentence, claims = _pause(rng)
            offset = len(text) + (1 if text else 0)
            text = f"{text} {sentence}" if text else sentence
            for surface, k, value, context in claims:
                context = dict(context)
                context["after"] = offset + int(context.get("after", 0))
                article_rows.append(_claim(article, text, surface, k, value, **context))
        # Sentences were read before the text was complete: recompute them on the final text.
        for row in article_rows:
            s = text.rfind(". ", 0, row["start"])
            s = 0 if s < 0 else s + 2
            e = text.find(". ", row["end"])
            row["sentence"] = text[s : len(text) if e < 0 else e + 1]
        rows.extend(article_rows)
    return pd.DataFrame(rows, columns=list(CLAIM_COLUMNS))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--span-days", type=int, default=730,
                        help="days the articles are spread over (default: two years)")
    parser.add_argument("--constant-density", action="store_true",
                        help="scale the span with the size (span-days per 1000 articles)")
    args = parser.parse_args()
    reference = load_reference()
    timings = []
    for size in args.sizes:
        span = args.span_days * size // 1000 if args.constant_density else args.span_days
        claims = synthetic_claims(size, args.seed, span)
        t0 = time.perf_counter()
        links, flags = cross_reference(claims, reference)
        elapsed = time.perf_counter() - t0
        timings.append((size, elapsed))
        print(f"{size:>6} articles  {len(claims):>7} claims  {len(links):>7} links  "
              f"{len(flags):>5} flags  {elapsed:7.2f} s", flush=True)
    base_size, base_time = timings[0]
    for size, elapsed in timings[1:]:
        print(f"growth {base_size} -> {size} articles (x{size / base_size:g}): "
              f"x{elapsed / base_time:.2f} time")


if __name__ == "__main__":
    main()
