"""Quote extraction scorecard: run the CLI, score it with the project's scorer (never a test).

    .venv/bin/python bench/quote_scorecard.py [--show-blind] [--pages FIRST-LAST]

Scores four sets:
- seeds:    bench/seeds/articles against bench/seeds/gold.json (the rules were developed on these);
- held-out A, B, C: bench/heldout*/articles against their gold.json: 10, 12 and 12 invented
            articles in other outlets' styles, annotated blind, without sight of the rules. Each was
            scored once before any rule was changed in its light (speaker accuracy A 0.53, B 0.78,
            C 0.74; quote F1 0.99, 1.00, 1.00); later rules were written as general kinds of
            sentence, each tested on an invented one.
- real news, development and blind: 204 real pages from about 200 outlets (bench/realnews,
            politics and diplomacy outside the Americas, furniture included), annotated blind, in
            batches; which pages are blind is in bench/realnews/split.csv and its README.
Predictions come from `python -m helpers quotes`, scores from `python -m helpers score` (the
project's scorer, helpers/score.py). Prints one scorecard line per set, after each set's errors
(not the blind part's unless --show-blind: rules are written in the light of the development
pages only), and writes bench/results/quote_scorecard.json.

--pages 175-204 scores only those real pages (a new batch's first-sight score, whichever part
they are in), lists no errors unless --show-blind, and writes nothing.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from helpers.score import SCORE_KEYS

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "seeds": (ROOT / "bench" / "seeds" / "articles", ROOT / "bench" / "seeds" / "gold.json"),
    "held-out A": (ROOT / "bench" / "heldout" / "articles", ROOT / "bench" / "heldout" / "gold.json"),
    "held-out B": (ROOT / "bench" / "heldout_b" / "articles", ROOT / "bench" / "heldout_b" / "gold.json"),
    "held-out C": (ROOT / "bench" / "heldout_c" / "articles", ROOT / "bench" / "heldout_c" / "gold.json"),
    "real news, development": (ROOT / "bench" / "realnews" / "pages", ROOT / "bench" / "realnews" / "gold_development.json"),
    "real news, blind": (ROOT / "bench" / "realnews" / "pages", ROOT / "bench" / "realnews" / "gold_blind.json"),
}
KEYS = list(SCORE_KEYS)


def batch_gold(first: int, last: int, out_dir: Path) -> Path:
    """A gold file holding the real-news pages numbered first..last, from both parts of the set."""
    merged: dict = {"articles": {}, "ignore": {}}
    for part in ("development", "blind"):
        gold = json.loads((ROOT / "bench" / "realnews" / f"gold_{part}.json").read_text(encoding="utf-8"))
        merged["about"] = gold.get("about", "")
        for key in ("articles", "ignore"):
            merged[key].update({name: value for name, value in gold.get(key, {}).items()
                                if first <= int(name.split(".")[0]) <= last})
    path = out_dir / f"gold_pages_{first}-{last}.json"
    path.write_text(json.dumps(merged, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def main() -> int:
    args = sys.argv[1:]
    show_blind = "--show-blind" in args
    out_dir = ROOT / "bench" / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    results = {}
    sets = SETS
    if "--pages" in args:  # one batch of the real pages (its first-sight score); nothing kept
        first, last = (int(n) for n in args[args.index("--pages") + 1].split("-"))
        sets = {f"real news, pages {first}-{last}": (ROOT / "bench" / "realnews" / "pages",
                                                     batch_gold(first, last, out_dir))}
    for name, (articles, gold) in sets.items():
        if not gold.exists():
            print(f"{name}: no gold file at {gold}, skipped")
            continue
        started = time.perf_counter()
        run = subprocess.run([sys.executable, "-m", "helpers", "quotes", str(articles)],
                             capture_output=True, text=True, cwd=ROOT, check=True)
        seconds = time.perf_counter() - started
        predictions = out_dir / f"quotes_{name.replace(' ', '_')}.json"
        predictions.write_text(run.stdout, encoding="utf-8")
        scored = subprocess.run([sys.executable, "-m", "helpers", "score", str(gold), str(predictions), "--json"],
                                capture_output=True, text=True, cwd=ROOT, check=True)
        result = json.loads(scored.stdout)
        files = len(json.loads(gold.read_text(encoding="utf-8"))["articles"])
        results[name] = {**{k: result[k] for k in KEYS}, "articles": files, "cli_seconds": round(seconds, 2)}
        if ("blind" in name or sets is not SETS) and not show_blind:
            print(f"  ({len(result['errors'])} errors not listed: --show-blind lists them)")
        else:
            for line in result["errors"]:
                print(f"  {line}")
        print(f"{name}: " + " ".join(f"{k}={results[name][k]}" for k in KEYS + ["articles", "cli_seconds"]))
    if sets is not SETS:
        for name, (_, gold) in sets.items():
            gold.unlink()
            (out_dir / f"quotes_{name.replace(' ', '_')}.json").unlink()
        return 0
    (out_dir / "quote_scorecard.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
