"""Rebuild the flag review set's texts from saved search answers, and check them.

    python reference/flagreview/rebuild.py

Step 1 (in a session with the search tool): run each manifest ``query`` on the ``pages``
corpus and save the answer as ``build/answers/<any name>.json`` (the whole answer, or
``{"query", "results": [{"url", "excerpt"}, ...]}``); one answer serves every excerpt of the
set that it holds, found by ``url``. The excerpt's text may instead be saved as it reads,
alone, in ``build/answers/<id>.txt``.
Step 2: this script cuts each excerpt (``cut``), checks its sha256 and writes
``build/corpus.jsonl`` (``id``, ``published``, ``source``, ``url``, ``title``, ``language``,
``text``), the input of ``factcheck check``. It prints what is missing or differs and exits 1
when anything does.

The reading, writing and cutting are those of ``reference/realnews/rebuild.py``, imported.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BUILD = HERE / "build"
ANSWERS = BUILD / "answers"
CORPUS = BUILD / "corpus.jsonl"


def _realnews():
    """``reference/realnews/rebuild.py`` as a module (``reference/`` is no package)."""
    path = HERE.parent / "realnews" / "rebuild.py"
    spec = importlib.util.spec_from_file_location("realnews_rebuild", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


realnews = _realnews()


def saved_answers() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(ANSWERS.glob("*.json"))]


def rebuild() -> list[str]:
    problems: list[str] = []
    manifest = realnews.read_jsonl(HERE / "manifest.jsonl")
    answers = saved_answers()
    rows = []
    for entry in manifest:
        excerpts = [e for a in answers for e in realnews.excerpts_of(a, entry["url"])]
        txt_path = ANSWERS / f"{entry['id']}.txt"
        if txt_path.is_file():
            excerpts.append(txt_path.read_text(encoding="utf-8"))
        if not excerpts:
            problems.append(f"{entry['id']}: no saved answer holds {entry['url']}")
            continue
        text = realnews.first_cut(excerpts, entry)
        if text is None:
            problems.append(f"{entry['id']}: the text differs from the one reviewed (sha256)")
            continue
        rows.append({"id": entry["id"], "published": entry.get("published"),
                     "source": entry.get("outlet"), "url": entry["url"],
                     "title": entry.get("title"), "language": entry.get("language", "fr"),
                     "text": text})
    BUILD.mkdir(exist_ok=True)
    realnews.write_jsonl(CORPUS, rows)
    print(f"{len(rows)} of {len(manifest)} excerpts rebuilt into {CORPUS}")
    return problems


def main() -> int:
    problems = rebuild()
    for p in problems:
        print(f"problem: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
