"""Score factcheck's flags on a folder of review scenarios.

Each scenario is a JSONL file of articles; the folder's ``expected.jsonl`` says, one line a
scenario, which inconsistency was planted in it (``planted``: the flag type expected and the
figures, as ``[article id, surface]``) or that it is consistent (``planted: null``).

Run from the repository root (so that ``python -m factcheck`` is the code checked out there)::

    python reference/reviews/score.py reference/reviews/review41
    python reference/reviews/score.py reference/reviews/review41 --out-root /tmp/r41out --keep
    python reference/reviews/score.py reference/reviews/review41 --out-root /tmp/r41out --no-run

A false flag is any flag of a consistent scenario, or a flag of a planted scenario that is not
on the planted figures. A planted inconsistency is caught when one flag covers its figures
(at least two of them, or its one figure); "caught" counts only flags of the expected type,
"caught as another type" is printed apart.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_NUMBER = re.compile(r"\d[\d\s\u00a0\u202f,.]*")


def _norm(surface: str) -> str:
    return _SPACES.sub(" ", surface).strip().lower().replace("’", "'")


def _same_surface(planted: str, claim: str) -> bool:
    """The claim's surface is the planted figure: equal, or one inside the other with the
    same first number ("14 avril 2026" in "mercredi 14 avril 2026"; not "36" in "363")."""
    a, b = _norm(planted), _norm(claim)
    if a == b:
        return True
    na, nb = _NUMBER.search(a), _NUMBER.search(b)
    if not na or not nb or na.group().strip() != nb.group().strip():
        return False
    return a in b or b in a


@dataclass(frozen=True)
class Flag:
    type: str
    severity: str
    figures: tuple[tuple[str, str], ...]
    explanation: str


@dataclass
class Result:
    scenario: str
    planted: dict | None
    flags: list[Flag] = field(default_factory=list)
    error: str = ""

    def hits(self, flag: Flag) -> int:
        if not self.planted:
            return 0
        wanted = [(a, s) for a, s in self.planted["figures"]]
        return sum(
            any(fa == a and _same_surface(s, fs) for fa, fs in flag.figures) for a, s in wanted
        )

    def on_planted(self, flag: Flag) -> bool:
        if not self.planted:
            return False
        return self.hits(flag) >= min(2, len(self.planted["figures"]))

    @property
    def false_flags(self) -> list[Flag]:
        return [f for f in self.flags if not self.on_planted(f)]

    @property
    def caught(self) -> bool:
        return any(self.on_planted(f) and f.type == self.planted["type"] for f in self.flags)

    @property
    def caught_other(self) -> bool:
        return not self.caught and any(self.on_planted(f) for f in self.flags)


def run_check(scenario: Path, out: Path) -> str:
    """Run ``python -m factcheck check`` on one scenario; return stderr when it fails."""
    cmd = [
        sys.executable,
        "-m",
        "factcheck",
        "check",
        str(scenario),
        "-o",
        str(out),
        "-q",
        "--no-reference",
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    return "" if proc.returncode == 0 else (proc.stderr.strip().splitlines() or ["failed"])[-1]


def read_flags(out: Path) -> list[Flag]:
    claims_csv, flags_csv = out / "claims.csv", out / "flags.csv"
    if not flags_csv.exists() or not claims_csv.exists():
        raise FileNotFoundError(f"no claims.csv/flags.csv in {out}")
    claims = pd.read_csv(claims_csv, dtype=str, keep_default_na=False)
    flags = pd.read_csv(flags_csv, dtype=str, keep_default_na=False)
    where = {r.claim_id: (r.article_id, r.surface) for r in claims.itertuples()}
    result = []
    for r in flags.itertuples():
        ids = [i.strip() for i in r.claim_ids.split(";") if i.strip()]
        figs = tuple(where.get(i, ("?", i)) for i in ids)
        result.append(Flag(r.type, r.severity, figs, r.explanation))
    return result


def score(folder: Path, out_root: Path, run: bool, jobs: int) -> list[Result]:
    expected = [
        json.loads(line)
        for line in (folder / "expected.jsonl").read_text(encoding="utf-8").splitlines()
        if line
    ]
    results = [Result(e["scenario"], e["planted"]) for e in expected]

    def one(res: Result) -> Result:
        out = out_root / Path(res.scenario).stem
        if run:
            res.error = run_check(folder / res.scenario, out)
        if not res.error:
            try:
                res.flags = read_flags(out)
            except FileNotFoundError as exc:
                res.error = str(exc)
        return res

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(one, results))


def _show(flag: Flag) -> str:
    figs = ", ".join(f"{a}:{s!r}" for a, s in flag.figures)
    return f"{flag.type} ({flag.severity}) [{figs}]"


def report(results: list[Result], verbose: bool) -> str:
    lines = []
    for res in results:
        if res.error:
            status = f"ERROR {res.error}"
        elif res.planted is None:
            status = "consistent, " + ("no flag" if not res.flags else f"{len(res.flags)} FALSE")
        elif res.caught:
            status = f"planted {res.planted['type']} CAUGHT"
        elif res.caught_other:
            status = f"planted {res.planted['type']} caught as another type"
        else:
            status = f"planted {res.planted['type']} MISSED"
        extra = len(res.false_flags) if res.planted is not None else 0
        if extra:
            status += f", {extra} false"
        lines.append(f"{res.scenario}: {status}")
        for flag in res.flags:
            mark = "  + " if res.on_planted(flag) else "  - "
            lines.append(mark + _show(flag))
            if verbose:
                lines.append("      " + flag.explanation)
    planted = [r for r in results if r.planted is not None]
    false = sum(len(r.false_flags) for r in results)
    false_high = sum(1 for r in results for f in r.false_flags if f.severity == "high")
    lines += [
        "",
        f"scenarios: {len(results)} ({len(results) - len(planted)} consistent, "
        f"{len(planted)} planted); errors: {sum(1 for r in results if r.error)}",
        f"false flags: {false} (high severity: {false_high}); "
        f"consistent scenarios with a flag: "
        f"{sum(1 for r in results if r.planted is None and r.flags)}",
        f"planted caught: {sum(r.caught for r in planted)}/{len(planted)}; "
        f"caught as another type: {sum(r.caught_other for r in planted)}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a review folder with expected.jsonl")
    parser.add_argument("--out-root", type=Path, help="where each scenario's output goes")
    parser.add_argument(
        "--no-run", action="store_true", help="read the outputs already written under --out-root"
    )
    parser.add_argument("--jobs", type=int, default=2, help="scenarios checked at once")
    parser.add_argument("-v", "--verbose", action="store_true", help="print explanations")
    args = parser.parse_args(argv)
    if args.no_run and args.out_root is None:
        parser.error("--no-run needs --out-root")
    if args.out_root is None:
        with tempfile.TemporaryDirectory(prefix="reviews_") as tmp:
            results = score(args.folder, Path(tmp), True, args.jobs)
    else:
        results = score(args.folder, args.out_root, not args.no_run, args.jobs)
    print(report(results, args.verbose))
    return 1 if any(r.error for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
