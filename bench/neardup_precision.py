"""Near-duplicate detection on real pages: precision and recall of the threshold (never a test).

    .venv/bin/python bench/neardup_precision.py

bench/neardup/ holds 56 real news pages found with the search tool (politics and diplomacy
outside the Americas, pasted with their page furniture; each page's first ~300 words): 30 copies
of 12 wire stories run by different outlets (trimmed, re-headlined, updated, lightly reworded),
and 26 reports of the same 12 events written separately by other outlets (the hard negatives:
the same event, quotes and names, but not the same text). sources.csv gives each page's URL,
outlet, date and story; two pages are duplicates when their story is the same.

Precision and recall of the pairs the detector flags (helpers.hygiene: MinHash LSH Ensemble
candidates confirmed at NEAR_DUPLICATE_SHARE of the shorter text's 5-word runs), on the text as
saved and on the cleaned text; and, for every pair of pages, the exact Jaccard similarity and
containment of their 5-word runs at several thresholds. First sight (the detector as first
written: Jaccard >= 0.5 on the text as saved): 2 of 26 duplicate pairs found (recall 0.08),
precision 1.00.
"""
from __future__ import annotations

import csv
import itertools
from pathlib import Path

from helpers import clean
from helpers.corpus import read_article
from helpers.hygiene import NEAR_DUPLICATE_SHARE, containment, jaccard, near_duplicate_pairs, shingles

HERE = Path(__file__).resolve().parent / "neardup"


def main() -> None:
    rows = list(csv.DictReader(open(HERE / "sources.csv", encoding="utf-8")))
    texts = {r["file"]: read_article(HERE / "pages" / r["file"]) for r in rows}
    story = {r["file"]: r["story"] for r in rows}
    cleaned = {f: clean.clean_article(t).text for f, t in texts.items()}
    truth = {frozenset(p) for p in itertools.combinations(texts, 2) if story[p[0]] == story[p[1]]}
    print(f"{len(texts)} pages, {len(truth)} duplicate pairs among {len(texts) * (len(texts) - 1) // 2} pairs")
    for name, version in (("as saved", texts), ("cleaned", cleaned)):
        sets = {f: shingles(t) for f, t in version.items()}
        found = {frozenset((a, b)) for a, b, _ in near_duplicate_pairs(version)}
        print(f"\n{name}: flagged by the detector (containment >= {NEAR_DUPLICATE_SHARE}): {_scores(found, truth)}")
        for measure, function in (("Jaccard", jaccard), ("containment", containment)):
            scores = {frozenset(p): function(sets[p[0]], sets[p[1]]) for p in itertools.combinations(version, 2)}
            for threshold in (0.2, 0.3, 0.4, 0.5):
                print(f"  exact {measure} >= {threshold}: {_scores({p for p, s in scores.items() if s >= threshold}, truth)}")
            same = sorted(s for p, s in scores.items() if p in truth)
            other = sorted(s for p, s in scores.items() if p not in truth)
            print(f"  {measure} of the duplicate pairs: {', '.join(f'{s:.2f}' for s in same)}")
            print(f"  highest {measure} of a non-duplicate pair: {other[-1]:.2f}")


def _scores(found: set, truth: set) -> str:
    hits = len(found & truth)
    precision = hits / len(found) if found else float("nan")
    return f"{len(found)} pairs, precision {precision:.2f}, recall {hits / len(truth):.2f}"


if __name__ == "__main__":
    main()
