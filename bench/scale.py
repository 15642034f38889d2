"""Scale benchmark: the per-article pipeline on synthetic corpora, against a plain-NLTK reference.

    .venv/bin/python bench/scale.py                  # 1,000 and 10,000 articles (what `make bench` runs)
    .venv/bin/python bench/scale.py --sizes 200      # a quick look

For each size it writes a synthetic corpus (bench/synthetic.py, deterministic) to a temporary
folder and times, with the cache off and every core in use:

    load      helpers.load_corpus (read and validate every file)
    clean     helpers.clean.clean_corpus (boilerplate out, sentences counted)
    terms     helpers.terms.term_counts (tokenize, lemmatise, count: a {term: count} per article)
    quotes    helpers.quotes.quotes_for_corpus (quotes with speakers, in the body the cleaning kept)
    mentions  helpers.actors.mentions_for_corpus (actors and their alliances on each date)

Before the timed sizes, the whole pipeline runs once on a small warm-up corpus: what a process
loads once (the lemma dictionary, word lists, compiled patterns) would otherwise be paid by
whichever size runs first and make time look less than proportional to size. The warm-up run
is timed and reported on its own line.

And, in the same run, a reference pipeline written the plain way, in one process: NLTK's
TreebankWordTokenizer and a FreqDist per article, and one regular expression for quotes.
Each size is run ``--repeat`` times (2 unless told), each run being the pipeline and then the
reference, back to back; the run where the pipeline was fastest is reported, with its own
reference time: this machine's speed drifts by 10-20% from minute to minute, and the fastest
run is the one least disturbed by it. Every run is listed. Peak memory is the largest combined
resident size of this process and its workers, sampled every 50 ms, over all runs.
The last line printed is

    articles=N seconds=… words_per_s=… peak_mb=… ratio_vs_reference=…

Results are also written to bench/results/scale.json. Timings are measurements, never tests.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
os.environ["NEWS_CACHE"] = "off"  # measure the work, not the cache

import synthetic  # noqa: E402

from helpers import actors, clean, quotes, terms  # noqa: E402
from helpers.cache import workers  # noqa: E402
from helpers.corpus import load_corpus  # noqa: E402


class PeakMemory:
    """Largest combined resident memory (MB) of this process and its children, sampled in a thread."""

    def __init__(self, every: float = 0.05):
        self.every, self.peak, self._stop = every, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _rss_kb(pid: int) -> int:
        try:
            with open(f"/proc/{pid}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return 0

    @staticmethod
    def _children(pid: int) -> list[int]:
        found = []
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as fh:
                    found += [int(c) for c in fh.read().split()]
        except OSError:
            pass
        return found

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            pids, seen = [me], set()
            while pids:
                pid = pids.pop()
                if pid not in seen:
                    seen.add(pid)
                    pids += self._children(pid)
            self.peak = max(self.peak, sum(self._rss_kb(pid) for pid in seen) / 1024)
            time.sleep(self.every)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def pipeline(corpus: Path) -> tuple[dict[str, float], int, "pd.DataFrame"]:
    """Run every stage once; return seconds per stage, the number of words and the cleaned articles."""
    seconds: dict[str, float] = {}

    def timed(name, function, *args, **kwargs):
        started = time.perf_counter()
        result = function(*args, **kwargs)
        seconds[name] = time.perf_counter() - started
        return result

    articles = timed("load", load_corpus, corpus)
    cleaned = timed("clean", clean.clean_corpus, articles)
    timed("terms", terms.term_counts, cleaned)
    timed("quotes", quotes.quotes_for_corpus, cleaned)
    actor_table, alliances = actors.load_actors(), actors.load_alliances()
    timed("mentions", actors.mentions_for_corpus, cleaned, actor_table, alliances)
    return seconds, int(articles["words"].sum()), cleaned


_QUOTE = re.compile(r'["“]([^"”]+)["”]')


def reference(texts: list[str]) -> float:
    """The plain way: Treebank tokens and a FreqDist per article, one regex for quotes."""
    from nltk import FreqDist
    from nltk.tokenize import TreebankWordTokenizer

    tokenizer = TreebankWordTokenizer()
    started = time.perf_counter()
    for text in texts:
        FreqDist(token.lower() for token in tokenizer.tokenize(text))
        _QUOTE.findall(text)
    return time.perf_counter() - started


WARM_UP = 100  # articles: enough for the process pool (helpers.cache.PARALLEL_FROM)


def warm_up_run(seed: int) -> float:
    """Seconds the first run in a fresh process takes on a small corpus (once-per-process loading
    included); afterwards every stage is loaded and the timed sizes start on an equal footing."""
    with tempfile.TemporaryDirectory() as folder:
        corpus = synthetic.write_corpus(Path(folder) / "corpus", WARM_UP, seed + 1)
        started = time.perf_counter()
        pipeline(corpus)
        return time.perf_counter() - started


def measure(size: int, seed: int, repeats: int = 1) -> dict:
    """Run the pipeline and then the reference ``repeats`` times on one corpus of ``size``
    articles. The run (pipeline and its reference, back to back, so on the machine as it was
    then) with the fastest pipeline is the one reported; every run is listed, and peak memory
    is the largest of all runs."""
    with tempfile.TemporaryDirectory() as folder:
        corpus = synthetic.write_corpus(Path(folder) / "corpus", size, seed)
        texts = [p.read_text(encoding="utf-8") for p in sorted((corpus / "articles").glob("*.txt"))]
        runs, peak = [], 0.0
        for _ in range(repeats):
            with PeakMemory() as memory:
                started = time.perf_counter()
                stages, words, _ = pipeline(corpus)
                seconds = time.perf_counter() - started
            peak = max(peak, memory.peak)
            runs.append({"seconds": seconds, "reference_seconds": reference(texts), "stages": stages})
    best = min(runs, key=lambda run: run["seconds"])
    total, reference_seconds = best["seconds"], best["reference_seconds"]
    return {"articles": size, "words": words, "seconds": round(total, 2), "words_per_s": round(words / total),
            "peak_mb": round(peak), "reference_seconds": round(reference_seconds, 2),
            "ratio_vs_reference": round(reference_seconds / total, 2),
            "stages": {k: round(v, 2) for k, v in best["stages"].items()}, "workers": workers(),
            "runs": [{"seconds": round(run["seconds"], 2), "reference_seconds": round(run["reference_seconds"], 2),
                      "ratio_vs_reference": round(run["reference_seconds"] / run["seconds"], 2)} for run in runs]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=2, help="runs per size; the fastest is reported (default 2)")
    args = parser.parse_args(argv)
    warm_up = warm_up_run(args.seed)
    print(f"warm-up: the first run, on {WARM_UP} articles, took {warm_up:.2f}s: the work on them, plus "
          "what a process loads once (the lemma dictionary, word lists, compiled patterns)")
    results = []
    for size in args.sizes:
        result = measure(size, args.seed, max(1, args.repeat))
        results.append(result)
        stages = " ".join(f"{k}={v}s" for k, v in result["stages"].items())
        runs = ", ".join(f"{run['seconds']}s vs {run['reference_seconds']}s" for run in result["runs"])
        print(f"{size} articles, {result['words']:,} words on {result['workers']} cores: {stages}; "
              f"reference {result['reference_seconds']}s (runs, ours vs reference: {runs}; "
              "the run where ours was fastest is kept)")
    if len(results) > 1:
        small, large = results[0], results[-1]
        per_article = [r["seconds"] / r["articles"] for r in (small, large)]
        print(f"time per article: {per_article[0] * 1000:.2f} ms at {small['articles']:,}, "
              f"{per_article[1] * 1000:.2f} ms at {large['articles']:,} "
              f"({(per_article[1] / per_article[0] - 1) * 100:+.0f}% from linear)")
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    document = {"warm_up": {"articles": WARM_UP, "seconds": round(warm_up, 2)}, "sizes": results}
    (out / "scale.json").write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    last = results[-1]
    print(f"articles={last['articles']} seconds={last['seconds']} words_per_s={last['words_per_s']} "
          f"peak_mb={last['peak_mb']} ratio_vs_reference={last['ratio_vs_reference']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
