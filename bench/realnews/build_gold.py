"""Build the real-news gold files from the hand annotations (run after editing annotations/).

    .venv/bin/python bench/realnews/build_gold.py

Reads annotations/NNN.json (one per page: a label for every non-blank line, every quotation with
its speaker, the quoted spans to ignore) and split.csv (development or blind, fixed before any
rule was changed in their light), and writes gold_development.json and gold_blind.json in the
shape `python -m helpers score` reads.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUOTE_KEYS = ("quote", "speaker", "kind", "person", "accept")


def parts() -> dict[str, str]:
    """page file name (NNN.txt) -> "development" or "blind"."""
    with open(HERE / "split.csv", encoding="utf-8", newline="") as handle:
        return {Path(row["file"]).name: row["part"] for row in csv.DictReader(handle)}


def annotation(name: str) -> dict:
    return json.loads((HERE / "annotations" / f"{Path(name).stem}.json").read_text(encoding="utf-8"))


def gold_for(part: str) -> dict:
    names = sorted(name for name, which in parts().items() if which == part)
    articles, ignore = {}, {}
    for name in names:
        found = annotation(name)
        articles[name] = [{k: q[k] for k in QUOTE_KEYS if k in q} for q in found["quotes"]]
        ignore[name] = [{"quote": span["quote"], "why": span.get("why", "")} for span in found.get("ignore", [])]
    return {"about": f"real news pages, {part} part: bench/realnews/pages, annotated blind (annotations/)",
            "articles": articles, "ignore": ignore}


def main() -> None:
    for part in ("development", "blind"):
        gold = gold_for(part)
        (HERE / f"gold_{part}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{part}: {len(gold['articles'])} pages, {sum(map(len, gold['articles'].values()))} quotes")


if __name__ == "__main__":
    main()
