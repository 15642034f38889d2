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


CLOSING = "\"”’'»"
OPENING = "\"“‘'«„"


def joined_paragraphs(text: str, quotes: list[dict]) -> list[dict]:
    """The annotations list a quotation that runs over several paragraphs one entry per paragraph
    (each paragraph opens with a quotation mark, only the last closes). The project's gold
    convention (bench/seeds/gold.json, bench/heldout*/gold.json) is one quotation: the
    paragraphs' texts joined by one space. Entries are joined when the same speaker's next entry
    starts right after the opening mark of the next paragraph and nothing closed the first."""
    joined: list[dict] = []
    cursor = 0
    previous_end = None
    for quote in quotes:
        at = text.find(quote["quote"], cursor)
        if at < 0:
            at = text.find(quote["quote"])
        end = at + len(quote["quote"])
        if joined and previous_end is not None and at >= 0 and quote["speaker"] == joined[-1]["speaker"]:
            between = text[previous_end:at]
            rest_of_paragraph, _, after = between.partition("\n")
            if ("\n" in between and not any(mark in rest_of_paragraph for mark in CLOSING)
                    and after.strip() and after.strip() in OPENING):
                last = joined[-1]
                joined[-1] = {**last, "quote": last["quote"].rstrip() + " " + quote["quote"].lstrip(),
                              "kind": "full" if "full" in (last["kind"], quote["kind"]) else last["kind"]}
                previous_end, cursor = end, max(cursor, end)
                continue
        joined.append(dict(quote))
        if at >= 0:
            previous_end, cursor = end, max(cursor, end)
        else:
            previous_end = None
    return joined


def gold_for(part: str) -> dict:
    names = sorted(name for name, which in parts().items() if which == part)
    articles, ignore = {}, {}
    for name in names:
        found = annotation(name)
        text = (HERE / "pages" / name).read_text(encoding="utf-8")
        quotes = joined_paragraphs(text, found["quotes"])
        articles[name] = [{k: q[k] for k in QUOTE_KEYS if k in q} for q in quotes]
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
