"""What one small command costs: CPU time of `python -m helpers quotes ONE.txt` and of `import helpers`.

    .venv/bin/python bench/cli_startup.py [--runs N] [--project DIR]

Each command runs N times (default 7) in a fresh process; the median CPU time (user + system,
from the operating system's accounting of the finished child) is reported, with the heavy
libraries each command ended up importing. `--project DIR` measures another checkout of this
project with the same Python (its folder goes first on the import path), to compare before and
after a change. Writes bench/results/cli_startup.json.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "bench" / "seeds" / "articles" / "000_b4172eddce0fcf27.txt"
HEAVY = ("matplotlib", "networkx", "pandas", "nltk", "simplemma", "vaderSentiment", "trafilatura")
PROBE = ("import sys, runpy; sys.argv = ['helpers'] + sys.argv[1:]\n"
         "try:\n    runpy.run_module('helpers', run_name='__main__', alter_sys=True)\n"
         "except SystemExit:\n    pass\n"
         "print('\\nHEAVY=' + ','.join(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)")


def cpu_seconds(command: list[str], cwd: Path) -> tuple[float, str]:
    """CPU seconds (user + system) of one run of ``command``, and its standard error."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=True,
                          env={**os.environ, "NEWS_CACHE": "off", "NEWS_WORKERS": "1"})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done.stderr


def measure(name: str, arguments: list[str], project: Path, runs: int) -> dict:
    code = PROBE.format(heavy=HEAVY)
    times, heavy = [], ""
    for _ in range(runs):
        seconds, stderr = cpu_seconds([sys.executable, "-c", code, *arguments], project)
        times.append(seconds)
        heavy = stderr.rsplit("HEAVY=", 1)[-1].strip()
    result = {"median_cpu_s": round(statistics.median(times), 3), "min_cpu_s": round(min(times), 3),
              "runs": runs, "imports": heavy.split(",") if heavy else []}
    print(f"{name}: median {result['median_cpu_s']:.3f} s CPU (min {result['min_cpu_s']:.3f}, {runs} runs); "
          f"heavy imports: {', '.join(result['imports']) or 'none'}")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--project", type=Path, default=ROOT, help="the checkout to measure (default: this one)")
    args = parser.parse_args()
    project = args.project.resolve()
    results = {
        "project": str(project),
        "quotes_one_file": measure("python -m helpers quotes ONE.txt", ["quotes", str(ARTICLE)], project, args.runs),
        "import_helpers": measure("import helpers", ["--help"], project, args.runs),
    }
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "cli_startup.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
