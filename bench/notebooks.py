"""The notebooks end to end: `make run` on synthetic corpora of several sizes (never a test).

    .venv/bin/python bench/notebooks.py [SIZES...]      (default: 5 1000 10000)

For each size, a deterministic synthetic corpus (bench/synthetic.py) is written to a temporary
folder and `make run CORPUS=... FIGURES=...` is timed twice: with an empty cache (every article
computed), then again after one more article is added with `python -m helpers add` (only that
article computed; the rest from the cache). Reports the wall time of both runs, the largest PNG
(pixels on its longest side) and the largest executed notebook, and writes
bench/results/notebooks.json. 10,000 articles take a while: pass smaller sizes to try it out.
"""
from __future__ import annotations

import glob
import json
import os
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import synthetic  # noqa: E402

EXTRA = ("Foreign ministers of the Lima Group met in Lima on Tuesday to discuss the crisis in Venezuela and the "
         "coming vote. \"We will not recognise the result of an election held without observers,\" said Foreign "
         "Minister Ana Vidal after the meeting.\n")


def png_side(path: str) -> int:
    with open(path, "rb") as handle:
        header = handle.read(24)
    return max(struct.unpack(">II", header[16:24]))


def make_run(corpus: Path, figures: Path, cache: Path) -> float:
    env = {**os.environ, "NEWS_CACHE": str(cache)}
    started = time.perf_counter()
    subprocess.run(["make", "run", f"CORPUS={corpus}", f"FIGURES={figures}"], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def measure(n: int) -> dict:
    with tempfile.TemporaryDirectory(prefix=f"bench-notebooks-{n}-") as tmp:
        tmp = Path(tmp)
        corpus, figures, cache = tmp / "corpus", tmp / "figures", tmp / "cache"
        synthetic.write_corpus(corpus, n, 0)
        cold = make_run(corpus, figures, cache)
        extra = tmp / "extra.txt"
        extra.write_text(EXTRA, encoding="utf-8")
        subprocess.run([sys.executable, "-m", "helpers", "add", str(extra), "--title", "Lima Group meets",
                        "--outlet", "Bench", "--date", "2019-05-07", "--corpus", str(corpus)],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        warm = make_run(corpus, figures, cache)
        pngs = sorted((png_side(p), Path(p).name) for p in glob.glob(str(figures / "*.png")))
        notebooks = sorted((os.path.getsize(p), Path(p).name) for p in glob.glob(str(figures / "notebooks" / "*.ipynb")))
        return {"articles": n, "cold_seconds": round(cold, 1), "after_adding_one_seconds": round(warm, 1),
                "largest_png_px": pngs[-1][0], "largest_png": pngs[-1][1],
                "largest_notebook_kb": round(notebooks[-1][0] / 1024), "largest_notebook": notebooks[-1][1]}


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [5, 1000, 10000]
    results = []
    for n in sizes:
        result = measure(n)
        results.append(result)
        print(f"{n:,} articles: make run {result['cold_seconds']} s cold, {result['after_adding_one_seconds']} s "
              f"after adding one; largest PNG {result['largest_png_px']} px ({result['largest_png']}), largest "
              f"notebook {result['largest_notebook_kb']} kB ({result['largest_notebook']})", flush=True)
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "notebooks.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
