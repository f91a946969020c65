"""Draw and re-score the hand spot checks of the flag review set (subject and source).

    python reference/flagreview/spotcheck.py draw subject SAMPLE SEED SIZE CLAIMS_CSV
    python reference/flagreview/spotcheck.py draw source SAMPLE SEED SIZE CLAIMS_CSV
    python reference/flagreview/spotcheck.py rescore subject SAMPLE CLAIMS_CSV

``draw`` takes the claims of ``factcheck check`` on ``build/corpus.jsonl`` of the kinds drawn
(count, percent, money), leaves out every figure ``(article_id, start, end)`` of both spot
check files, sorts the rest by article, start and end, and keeps
``random.Random(seed).sample(candidates, size)``; it prints one JSON row a figure with the
predicted subject (or source and mode), the verdict and expected left to judge by hand.
``rescore`` fills ``predicted_after_fixes`` (and ``mode_after_fixes``) of a sample's rows from
a new claims table, keeps the verdict of an unchanged prediction, lists the changed ones to
judge (their ``verdict_after_fixes`` is null) and prints right/total before and after.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = {"subject": HERE / "subject_spotcheck.jsonl", "source": HERE / "source_spotcheck.jsonl"}
KINDS = ("count", "percent", "money")

Key = tuple[str, int, int]


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def read_claims(path: Path) -> dict[Key, dict[str, str]]:
    """The claims of a ``claims.csv`` by figure, the first one of a figure kept."""
    claims: dict[Key, dict[str, str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            claims.setdefault((row["article_id"], int(row["start"]), int(row["end"])), row)
    return claims


def row_key(row: dict) -> Key:
    return (row["article_id"], int(row["start"]), int(row["end"]))


def _prediction(claim: dict[str, str], what: str) -> dict[str, str | None]:
    if what == "subject":
        return {"predicted": claim.get("subject") or None}
    return {"predicted": claim.get("source") or None, "mode": claim.get("source_mode") or None}


def draw(claims: dict[Key, dict[str, str]], done: set[Key], *, what: str, sample: str,
         seed: int, size: int, kinds: tuple[str, ...] = KINDS) -> list[dict]:
    """``size`` figures of ``kinds`` not in ``done``, drawn with ``seed``, as rows to judge."""
    candidates = sorted(key for key, claim in claims.items()
                        if claim["kind"] in kinds and key not in done)
    picked = random.Random(seed).sample(candidates, min(size, len(candidates)))
    rows = []
    for n, key in enumerate(picked):
        claim = claims[key]
        rows.append({"sample": sample, "seed": seed, "n": n, "part": "held_out",
                     "article_id": key[0], "start": key[1], "end": key[2],
                     "surface": claim["surface"], "kind": claim["kind"],
                     **_prediction(claim, what),
                     "verdict": None, "expected": None, "mechanism": None})
    return rows


def rescore(rows: list[dict], claims: dict[Key, dict[str, str]], *, what: str,
            sample: str) -> list[dict]:
    """Fill the ``*_after_fixes`` fields of ``sample``'s rows; return the changed rows."""
    changed = []
    for row in rows:
        if row["sample"] != sample:
            continue
        claim = claims.get(row_key(row))
        now = _prediction(claim, what) if claim else {"predicted": None, "mode": None}
        row["predicted_after_fixes"] = now["predicted"]
        if what == "source":
            row["mode_after_fixes"] = now.get("mode")
        same = now["predicted"] == row["predicted"] and (
            what == "subject" or now.get("mode") == row.get("mode"))
        row["verdict_after_fixes"] = row["verdict"] if same else None
        if not same:
            changed.append(row)
    return changed


def tally(rows: list[dict], field: str) -> tuple[int, int]:
    """(right, judged): excluded rows and rows not yet judged count in neither."""
    judged = [row[field] for row in rows if row.get(field) in ("right", "wrong")]
    return judged.count("right"), len(judged)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw")
    d.add_argument("what", choices=sorted(FILES))
    d.add_argument("sample")
    d.add_argument("seed", type=int)
    d.add_argument("size", type=int)
    d.add_argument("claims", type=Path)
    r = sub.add_parser("rescore")
    r.add_argument("what", choices=sorted(FILES))
    r.add_argument("sample")
    r.add_argument("claims", type=Path)
    r.add_argument("--write", action="store_true", help="write the filled rows back")
    args = parser.parse_args(argv)
    claims = read_claims(args.claims)
    if args.command == "draw":
        done = {row_key(row) for path in FILES.values() for row in read_jsonl(path)}
        for row in draw(claims, done, what=args.what, sample=args.sample, seed=args.seed,
                        size=args.size):
            print(json.dumps(row, ensure_ascii=False))
        return 0
    rows = read_jsonl(FILES[args.what])
    changed = rescore(rows, claims, what=args.what, sample=args.sample)
    mine = [row for row in rows if row["sample"] == args.sample]
    for row in changed:
        print(f"judge n {row['n']} {row['article_id']} {row['start']}-{row['end']} "
              f"{row['surface']!r}: {row['predicted']!r} -> {row['predicted_after_fixes']!r}"
              f" (expected {row['expected']!r})")
    before, after = tally(mine, "verdict"), tally(mine, "verdict_after_fixes")
    print(f"{args.sample}: before {before[0]}/{before[1]}, after {after[0]}/{after[1]}"
          f" ({len(changed)} changed, to judge)")
    if args.write:
        FILES[args.what].write_text(
            "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows),
            encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
