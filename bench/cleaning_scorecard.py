"""Cleaning scorecard on real pages: how much furniture goes, how much of the body stays (never a test).

    .venv/bin/python bench/cleaning_scorecard.py [--misses N] [--show-blind] [--pages FIRST-LAST]

Each page of bench/realnews/pages was labelled line by line by hand (annotations/NNN.json:
body / furniture / metadata), without sight of the rules. Every page is cleaned with
`helpers.clean.clean_article` (the title given is the page's own headline line when the
annotation marks one, as a user adding the page would give it) and, for the development and the
blind part of the set (split.csv), the scorecard reports:

- furniture_removed: the share of furniture lines of which cleaning kept nothing;
- body_words_kept: the share of the body lines' words that are still in the clean text (a
  dateline or "date 2022-08-09" label the cleaner takes off the front of a body line counts neither way: the annotators
  were told to label such a line body, and a dateline is the article's metadata);
- metadata_removed: the same as furniture_removed for headlines, bylines and datelines (either
  way is acceptable for those; reported for information);
- the worst misses: furniture lines kept, and body lines losing the most words, with file and line
  (for the development part only, unless --show-blind: rules are written in the light of the
  development pages, and the blind part's misses stay unread so that its score stays an estimate
  for unseen pages).

--pages 85-120 scores only those pages (a batch's first-sight score) and writes nothing.

Writes bench/results/cleaning_scorecard.json, and the headline numbers to
helpers/data/cleaning_accuracy.json, from which notebook 02 says how much furniture its figure
may still hide (:func:`helpers.clean.measured_accuracy`).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from helpers.clean import clean_article
from helpers.corpus import count_words

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "bench" / "realnews"
sys.path.insert(0, str(SET))
from build_gold import annotation, parts  # noqa: E402  (the set's own reader)


def line_ranges(text: str) -> dict[int, tuple[int, int]]:
    """1-based line number -> (start, end) offsets of that line in ``text``."""
    ranges, start = {}, 0
    for number, line in enumerate(text.split("\n"), start=1):
        ranges[number] = (start, start + len(line))
        start += len(line) + 1
    return ranges


def kept_words(text: str, span: tuple[int, int], kept: list[tuple[int, int]]) -> int:
    """Words of ``text[span]`` that lie inside the kept spans."""
    start, end = span
    return sum(count_words(text[max(start, a):min(end, b)]) for a, b in kept if a < end and b > start)


def score_page(name: str) -> dict:
    text = (SET / "pages" / name).read_text(encoding="utf-8")
    labels = annotation(name)["lines"]
    headline = next((text.split("\n")[row["n"] - 1].strip() for row in labels
                     if row["label"] == "metadata" and "headline" in row.get("why", "").lower()), "")
    result = clean_article(text, article_id=name, title=headline)
    ranges = line_ranges(text)
    rules = {entry["line"]: entry["rule"] for entry in result.removed}
    dateline_words = {entry["line"]: count_words(entry["text"]) for entry in result.removed
                      if entry["rule"].startswith(("dateline", "date_label"))}
    counts = {"furniture": 0, "furniture_removed": 0, "metadata": 0, "metadata_removed": 0,
              "body_words": 0, "body_words_kept": 0}
    furniture_kept, body_lost = [], []
    for row in labels:
        number, label = row["n"], row["label"]
        line = text[slice(*ranges[number])]
        words, kept = count_words(line), kept_words(text, ranges[number], result.kept_spans)
        if label in ("furniture", "metadata"):
            counts[label] += 1
            counts[f"{label}_removed"] += kept == 0
            if label == "furniture" and kept:
                furniture_kept.append({"page": name, "line": number, "why": row.get("why", ""), "text": line.strip()[:100]})
        elif label == "body":
            words -= dateline_words.get(number, 0)
            counts["body_words"] += words
            counts["body_words_kept"] += kept
            if kept < words:
                body_lost.append({"page": name, "line": number, "words_lost": words - kept,
                                  "rule": rules.get(number, ""), "text": line.strip()[:100]})
    return {"counts": counts, "furniture_kept": furniture_kept, "body_lost": body_lost}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", type=int, default=12, help="worst misses listed per part and kind")
    parser.add_argument("--show-blind", action="store_true", help="list the blind part's misses too")
    parser.add_argument("--pages", help="score only pages FIRST-LAST (numbers), writing nothing")
    args = parser.parse_args()
    wanted = None
    if args.pages:
        first, _, last = args.pages.partition("-")
        wanted = range(int(first), int(last or first) + 1)
    results = {}
    for part in ("development", "blind"):
        names = sorted(name for name, which in parts().items()
                       if which == part and (wanted is None or int(Path(name).stem) in wanted))
        if not names:
            continue
        pages = [score_page(name) for name in names]
        total = {key: sum(p["counts"][key] for p in pages) for key in pages[0]["counts"]}
        furniture_kept = [miss for p in pages for miss in p["furniture_kept"]]
        body_lost = sorted((miss for p in pages for miss in p["body_lost"]), key=lambda m: -m["words_lost"])
        results[part] = {
            "pages": len(pages),
            "furniture_lines": total["furniture"],
            "furniture_removed": round(total["furniture_removed"] / max(total["furniture"], 1), 3),
            "body_words": total["body_words"],
            "body_words_kept": round(total["body_words_kept"] / max(total["body_words"], 1), 3),
            "metadata_lines": total["metadata"],
            "metadata_removed": round(total["metadata_removed"] / max(total["metadata"], 1), 3),
            "furniture_kept": furniture_kept, "body_lost": body_lost,
        }
        r = results[part]
        print(f"{part}: pages={r['pages']} furniture_removed={r['furniture_removed']} ({r['furniture_lines']} lines) "
              f"body_words_kept={r['body_words_kept']} ({r['body_words']} words) metadata_removed={r['metadata_removed']}")
        by_rule: dict[str, int] = {}
        for miss in body_lost:
            by_rule[miss["rule"] or "(joined)"] = by_rule.get(miss["rule"] or "(joined)", 0) + miss["words_lost"]
        print("  body words lost by rule: " + ", ".join(f"{rule} {words}" for rule, words in
                                                      sorted(by_rule.items(), key=lambda item: -item[1])))
        if part == "blind" and not args.show_blind:
            print("  (misses not listed: --show-blind lists them)")
            continue
        for miss in furniture_kept[:args.misses]:
            print(f"  furniture kept  {miss['page']}:{miss['line']} ({miss['why']}): {miss['text']}")
        for miss in body_lost[:args.misses]:
            print(f"  body lost       {miss['page']}:{miss['line']} -{miss['words_lost']} words [{miss['rule']}]: {miss['text']}")
    if wanted is not None:
        return 0
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "cleaning_scorecard.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    keys = ("pages", "furniture_lines", "furniture_removed", "body_words", "body_words_kept")
    accuracy = {"source": "bench/cleaning_scorecard.py on bench/realnews (84 real pages, lines labelled by hand)",
                **{part: {key: results[part][key] for key in keys} for part in results}}
    (ROOT / "helpers" / "data" / "cleaning_accuracy.json").write_text(json.dumps(accuracy, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
