"""Score ``factcheck check``'s flags on the flag review set against the hand verdicts.

    python reference/flagreview/rebuild.py
    factcheck check reference/flagreview/build/corpus.jsonl -o out/flagreview
    python reference/flagreview/score.py out/flagreview

Every flag of ``flags.csv`` is named by its figures as ``[article, surface, occurrence]``
(the occurrence counts the same surface earlier in the article's text), which does not change
with claim ids, and looked up in ``verdicts.jsonl``. Prints the flags raised, real and false
by type, the flags no verdict covers (judge them and add them), and the verdicts no longer
raised (a real one lost is a regression; a false one gone is a fix).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
VERDICTS = HERE / "verdicts.jsonl"
CORPUS = HERE / "build" / "corpus.jsonl"


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def figure_ref(text: str, surface: str, start: int) -> tuple[str, int]:
    """``(surface, occurrence)``: how many times ``surface`` appears before ``start``."""
    occurrence, at = 0, text.find(surface)
    while at != -1 and at < start:
        occurrence += 1
        at = text.find(surface, at + 1)
    return surface, occurrence


def flag_keys(out_dir: Path, texts: dict[str, str]) -> list[tuple[str, tuple]]:
    """``(type, figures)`` of every flag of ``out_dir/flags.csv``, figures sorted."""
    with (out_dir / "claims.csv").open(encoding="utf-8", newline="") as fh:
        claims = {row["claim_id"]: row for row in csv.DictReader(fh)}
    keys = []
    with (out_dir / "flags.csv").open(encoding="utf-8", newline="") as fh:
        for flag in csv.DictReader(fh):
            figures = []
            for claim_id in filter(None, (c.strip() for c in flag["claim_ids"].split(";"))):
                row = claims[claim_id]
                surface, occ = figure_ref(texts[row["article_id"]], row["surface"],
                                          int(float(row["start"])))
                figures.append((row["article_id"], surface, occ))
            keys.append((flag["type"], tuple(sorted(figures))))
    return keys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out_dir", type=Path, help="folder written by factcheck check")
    args = parser.parse_args(argv)
    texts = {row["id"]: row["text"] for row in _jsonl(CORPUS)}
    verdicts = {tuple(tuple(f) for f in v["claims"]): v for v in _jsonl(VERDICTS)}
    raised = flag_keys(args.out_dir, texts)
    counts: Counter[tuple[str, str]] = Counter()
    unjudged = []
    for kind, figures in raised:
        verdict = verdicts.get(figures)
        counts[(kind, verdict["verdict"] if verdict else "unjudged")] += 1
        if verdict is None:
            unjudged.append((kind, figures))
    print(f"flags raised: {len(raised)}")
    for label in ("real", "false", "unjudged"):
        by_type = {k: n for (k, v), n in sorted(counts.items()) if v == label}
        detail = ", ".join(f"{k} {n}" for k, n in by_type.items())
        print(f"  {label}: {sum(by_type.values())}" + (f" ({detail})" if detail else ""))
    for kind, figures in unjudged:
        print(f"  no verdict: {kind} {json.dumps([list(f) for f in figures], ensure_ascii=False)}")
    gone = [v for key, v in verdicts.items() if key not in {f for _, f in raised}]
    print(f"verdicts no longer raised: {len(gone)} "
          f"(real {sum(v['verdict'] == 'real' for v in gone)}, "
          f"false {sum(v['verdict'] == 'false' for v in gone)})")
    for v in gone:
        print(f"  {v['verdict']:5} {v['type']}: {v['mechanism']}")
    by_mechanism = Counter(v["mechanism"] for v in verdicts.values() if v["verdict"] == "false")
    print("false flags judged, by mechanism: "
          + ", ".join(f"{m} {n}" for m, n in by_mechanism.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
