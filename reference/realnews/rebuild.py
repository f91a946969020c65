"""Rebuild the real-news review set's texts from saved search answers, and check them.

    python reference/realnews/rebuild.py            # build/corpus.jsonl + checks
    python reference/realnews/rebuild.py --merge    # first gather parts/*/ into the set files

Step 1 (in a session with the search tool): run each manifest ``query`` on the ``pages``
corpus and save the result whose ``url`` is the manifest's as ``build/answers/<id>.json``
(``{"query", "url", "excerpt"}``, or the whole answer with its ``results`` list).
The excerpt's text may instead be saved as it reads, alone, in ``build/answers/<id>.txt``.
Step 2: this script cuts each excerpt (``cut``), checks its sha256, and writes
``build/corpus.jsonl`` (``id``, ``published``, ``source``, ``url``, ``title``, ``language``,
``text``), then checks that every annotated figure's ``surface`` is the text at its offsets
and that every relation names annotated figures. It prints what is missing or differs and
exits 1 when anything does; tests that need the texts skip with that reason.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BUILD = HERE / "build"
ANSWERS = BUILD / "answers"
CORPUS = BUILD / "corpus.jsonl"
SET_FILES = ("manifest.jsonl", "mentions.jsonl", "relations.jsonl")
#: Stories whose sha256 starts with one of these hex digits are frozen: measured only, never
#: looked at while rules change (a rule fixed before any story was seen; about 3 in 8).
FROZEN_DIGITS = "012345"


def split_of(story: str) -> str:
    """"frozen" or "dev": fixed by the story's name alone, so it holds for new stories too."""
    digest = hashlib.sha256(story.encode("utf-8")).hexdigest()
    return "frozen" if digest[0] in FROZEN_DIGITS else "dev"


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{lineno}: not valid JSON ({exc.msg})") from None
    return rows


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")


def merge() -> None:
    """Gather ``parts/<annotator>/*.jsonl`` into the set's three files (sorted, stable)."""
    for name in SET_FILES:
        rows = []
        for part in sorted((HERE / "parts").glob(f"*/{name}")):
            rows.extend(read_jsonl(part))
        if name == "manifest.jsonl":
            rows.sort(key=lambda r: (r["story"], r["id"]))
        elif name == "mentions.jsonl":
            rows.sort(key=lambda r: (r["id"], r["start"], r["end"]))
        write_jsonl(HERE / name, rows)
        print(f"{name}: {len(rows)} rows")


def excerpts_of(answer: dict, url: str) -> list[str]:
    """Every excerpt an answer holds for ``url`` (a page may come back twice, cut two ways)."""
    found = [answer["excerpt"]] if "excerpt" in answer and answer.get("url") == url else []
    found += [r["excerpt"] for r in answer.get("results", [])
              if r.get("url") == url and isinstance(r.get("excerpt"), str)]
    return found


def excerpt_of(answer: dict, url: str) -> str | None:
    found = excerpts_of(answer, url)
    return found[0] if found else None


#: How far a saved text may be shifted against the manifest's ``cut`` (a text saved by hand
#: may lose or gain a few characters before the excerpt's cut, such as a leading blank).
MAX_SHIFT = 40


def cut_text(excerpt: str, entry: dict) -> str | None:
    """The excerpt's cut whose sha256 is the manifest's, or None.

    The cut is tried where the manifest puts it, then shifted by up to ``MAX_SHIFT``
    characters either way: only a text whose digest is the annotated one is ever returned.
    """
    start, end = entry["cut"]
    for shift in sorted(range(-MAX_SHIFT, MAX_SHIFT + 1), key=abs):
        if start + shift < 0 or end + shift > len(excerpt):
            continue
        text = excerpt[start + shift:end + shift]
        if hashlib.sha256(text.encode("utf-8")).hexdigest() == entry["sha256"]:
            return text
    return None


def saved_excerpts(entry: dict) -> tuple[list[str], str]:
    """The saved excerpts of a manifest entry and, when there is none, the reason.

    ``build/answers/<id>.json`` (a search answer: every result for the entry's url) and
    ``build/answers/<id>.txt`` (the excerpt's text itself, as the answer gives it, e.g. a
    copy mended by hand when the answer's copy differs).
    """
    json_path, txt_path = ANSWERS / f"{entry['id']}.json", ANSWERS / f"{entry['id']}.txt"
    found: list[str] = []
    if json_path.is_file():
        found += excerpts_of(json.loads(json_path.read_text(encoding="utf-8")), entry["url"])
    if txt_path.is_file():
        found.append(txt_path.read_text(encoding="utf-8"))
    if found:
        return found, ""
    if json_path.is_file():
        return [], f"{json_path} holds no result for {entry['url']}"
    return [], f"no saved answer at {json_path} or {txt_path}"


def first_cut(excerpts: list[str], entry: dict) -> str | None:
    """The first saved excerpt whose cut has the manifest's sha256."""
    return next((t for t in (cut_text(e, entry) for e in excerpts) if t is not None), None)


def rebuild() -> list[str]:
    problems: list[str] = []
    manifest = read_jsonl(HERE / "manifest.jsonl")
    rows, texts = [], {}
    for entry in manifest:
        excerpts, why = saved_excerpts(entry)
        if not excerpts:
            problems.append(f"{entry['id']}: {why}")
            continue
        text = first_cut(excerpts, entry)
        if text is None:
            problems.append(f"{entry['id']}: the text differs from the one annotated (sha256)")
            continue
        texts[entry["id"]] = text
        rows.append({"id": entry["id"], "published": entry.get("published"),
                     "source": entry.get("outlet"), "url": entry["url"],
                     "title": entry.get("title"), "language": entry.get("language", "fr"),
                     "text": text})
    BUILD.mkdir(exist_ok=True)
    write_jsonl(CORPUS, rows)
    mentions = read_jsonl(HERE / "mentions.jsonl")
    known = set()
    for m in mentions:
        known.add((m["id"], m["surface"], m.get("occurrence", 0)))
        text = texts.get(m["id"])
        if text is not None and text[m["start"]:m["end"]] != m["surface"]:
            problems.append(f"{m['id']} {m['start']}-{m['end']}: text there is not "
                            f"{m['surface']!r}")
    for rel in read_jsonl(HERE / "relations.jsonl"):
        for ref in [rel["a"], *([rel["b"]] if "b" in rel else rel.get("parts", []))]:
            if tuple(ref) not in known:
                problems.append(f"relation {rel['relation']}: {ref} is no annotated figure")
    print(f"{len(rows)} of {len(manifest)} excerpts rebuilt into {CORPUS}")
    write_splits(manifest, rows, mentions)
    return problems


def write_splits(manifest: list[dict], corpus: list[dict], mentions: list[dict]) -> None:
    """``build/<split>_{corpus,mentions,relations}.jsonl`` for ``dev`` and ``frozen``."""
    split = {e["id"]: split_of(e["story"]) for e in manifest}
    relations = read_jsonl(HERE / "relations.jsonl")
    for name in ("dev", "frozen"):
        ids = {i for i, s in split.items() if s == name}
        write_jsonl(BUILD / f"{name}_corpus.jsonl", [r for r in corpus if r["id"] in ids])
        write_jsonl(BUILD / f"{name}_mentions.jsonl", [m for m in mentions if m["id"] in ids])
        write_jsonl(BUILD / f"{name}_relations.jsonl",
                    [r for r in relations if r["a"][0] in ids])
        print(f"{name}: {len(ids)} excerpts, "
              f"{len({e['story'] for e in manifest if e['id'] in ids})} stories")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--merge", action="store_true", help="gather parts/*/ first")
    args = parser.parse_args(argv)
    if args.merge:
        merge()
    problems = rebuild()
    for p in problems:
        print(f"problem: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
