"""The cluster path (helpers.cluster.run_corpus) on a LocalCluster of this machine: time and memory.

    .venv/bin/python bench/cluster_scale.py                       # 10,000, 30,000 and 100,000 articles
    .venv/bin/python bench/cluster_scale.py --sizes 2000 --keep /tmp/bench-corpora   # a quick look

For each size it writes a synthetic corpus (bench/synthetic.py, deterministic; reused from
``--keep`` when given and already there), starts a cluster on this machine as one would on a
real one — a scheduler process (``dask scheduler``) and ``--workers`` single-threaded worker
processes with ``--memory-limit`` each (``dask worker``; 2 and 2GB unless told) — and runs the
batch path from this process, the driver, with the cache off: the driver reads metadata.csv
only, the workers read, clean, count terms, find quotes and mentions a partition at a time and
write Parquet. It reports, per size:

    seconds         wall time of run_corpus (the cluster's start excluded)
    per_article_ms  seconds / articles
    driver_peak_mb  this process's peak resident memory (ru_maxrss) over the run
    scheduler_peak_mb  the scheduler process's
    worker_peak_mb  the largest peak resident memory (ru_maxrss) any worker process reached
    parquet_mb      size of the output folder

The memory figures are peaks over the whole process life (imports included), so they bound
what the run needed. Time should grow in proportion to articles. Results go to
bench/results/cluster_scale.json. Timings are measurements, never tests.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
os.environ["NEWS_CACHE"] = "off"  # measure the work, not the cache

import synthetic  # noqa: E402

from helpers import cluster  # noqa: E402


def _folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def _worker_peaks(client) -> dict:
    return client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


class Cluster:
    """A scheduler and workers in processes of their own, as ``dask scheduler`` and ``dask worker``
    start them on a real cluster; closed (every process ended) on leaving."""

    def __init__(self, folder: Path, workers: int, memory_limit: str):
        self.file, self.workers, self.memory_limit, self.processes = folder / "scheduler.json", workers, memory_limit, []

    def __enter__(self):
        import subprocess

        dask = str(Path(sys.executable).parent / "dask")
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        self.processes.append(subprocess.Popen([dask, "scheduler", "--scheduler-file", str(self.file), "--port", "0",
                                                "--no-dashboard"], **quiet))
        self.processes.append(subprocess.Popen([dask, "worker", "--scheduler-file", str(self.file), "--nworkers",
                                                str(self.workers), "--nthreads", "1", "--memory-limit",
                                                self.memory_limit, "--no-dashboard"], **quiet))
        for _ in range(600):
            if self.file.exists():
                break
            time.sleep(0.1)
        return self

    def __exit__(self, *exc):
        for process in reversed(self.processes):
            process.terminate()
        for process in self.processes:
            process.wait(timeout=60)


def measure(size: int, keep: Path | None, workers: int, memory_limit: str, partition: int) -> dict:
    from distributed import Client

    scratch = Path(tempfile.mkdtemp(prefix="news-distributed-"))
    try:
        corpus = (keep / f"synthetic-{size}") if keep else scratch / "corpus"
        if not (corpus / "metadata.csv").exists():
            started = time.perf_counter()
            synthetic.write_corpus(corpus, size, 0)
            print(f"  wrote {size:,} synthetic articles in {time.perf_counter() - started:.0f} s", flush=True)
        out = scratch / "out"
        with Cluster(scratch, workers, memory_limit) as local, Client(scheduler_file=str(local.file)) as client:
            client.wait_for_workers(workers)
            started = time.perf_counter()
            summary = cluster.run_corpus(corpus, out, client=client, partition=partition)
            seconds = time.perf_counter() - started
            peaks = _worker_peaks(client)
            scheduler_peak = client.run_on_scheduler(
                lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        return {"articles": summary["articles"], "words": summary["words"], "quotes": summary["quotes"],
                "mentions": summary["mentions"], "partitions": summary["partitions"], "seconds": round(seconds, 1),
                "per_article_ms": round(1000 * seconds / size, 2),
                "driver_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                "scheduler_peak_mb": round(scheduler_peak),
                "worker_peak_mb": round(max([summary["worker_peak_mb"], *peaks.values()])),
                "parquet_mb": round(_folder_mb(out)), "workers": workers, "memory_limit": memory_limit}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 30000, 100000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--memory-limit", default="2GB")
    parser.add_argument("--partition", type=int, default=cluster.PARTITION)
    parser.add_argument("--keep", type=Path, help="folder to keep the synthetic corpora in, and reuse them from")
    args = parser.parse_args(argv)
    results = []
    for size in args.sizes:
        result = measure(size, args.keep, args.workers, args.memory_limit, args.partition)
        results.append(result)
        print(f"{size:,} articles ({result['words']:,} words) on {args.workers} workers: {result['seconds']} s, "
              f"{result['per_article_ms']} ms per article; driver peak {result['driver_peak_mb']} MB, scheduler peak "
              f"{result['scheduler_peak_mb']} MB, largest worker "
              f"peak {result['worker_peak_mb']} MB (limit {args.memory_limit}); Parquet {result['parquet_mb']} MB",
              flush=True)
    if len(results) > 1:
        first, last = results[0], results[-1]
        print(f"time per article from {first['articles']:,} to {last['articles']:,} articles: "
              f"{first['per_article_ms']} ms to {last['per_article_ms']} ms "
              f"(x{last['per_article_ms'] / first['per_article_ms']:.2f}; 1.00 is linear)")
    target = ROOT / "bench" / "results" / "cluster_scale.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
