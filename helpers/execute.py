"""Execute the notebooks, several at once: what ``make run`` calls.

``python -m helpers execute [--jobs 2] [--output-dir DIR] NOTEBOOK...`` runs each notebook top to
bottom in a fresh kernel (in its own folder, as Jupyter would) and saves it with its outputs: in
place, or into ``--output-dir``. Each notebook reads only the corpus and the cache, never another
notebook's output, so they can run side by side: ``--jobs`` at a time (default 2, one per core of
a small machine), taken in the order given (give the longest first, so the short ones fill the
other core meanwhile).

The notebook machinery (nbclient, nbformat) is loaded once, in this process, and the workers are
forked from it, instead of once per notebook as separate ``jupyter nbconvert`` calls would: that
import costs seconds, mostly in jsonschema building grammars for a URI format check that
notebooks never use, which is why that optional module is kept out here. Kernels talk over local
sockets (IPC), one name per notebook, not over TCP ports.

A failed notebook is reported in one sentence (which notebook, which cell, the error) with the
cell's traceback below; the others still run, and the command exits non-zero.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

TIMEOUT = 900  # seconds a single cell may take


def _load_machinery() -> None:
    """Import nbclient and nbformat (once, before the workers are forked)."""
    # jsonschema builds ~40 grammars on import for rfc3987_syntax's URI check (1-2 s): nbformat's
    # notebook schema never asks for that format, so the optional module is left out here.
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    import nbclient  # noqa: F401
    import nbformat  # noqa: F401


def execute_one(path: str, output_dir: str | None, socket: str) -> tuple[str, float, str]:
    """Run one notebook and save it; returns (path, seconds, "" or the error in one sentence + traceback)."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
    from traitlets.config import Config

    started = time.perf_counter()
    source = Path(path)
    notebook = nbformat.read(source, as_version=4)
    config = Config()
    config.KernelManager.transport = "ipc"
    config.KernelManager.ip = socket
    client = NotebookClient(notebook, timeout=TIMEOUT, record_timing=False, config=config,
                            resources={"metadata": {"path": str(source.resolve().parent)}})
    problem = ""
    try:
        client.execute()
    except CellExecutionError as err:
        cell = next((i for i, c in enumerate(notebook.cells) if c.get("cell_type") == "code" and any(
            o.get("output_type") == "error" for o in c.get("outputs", []))), None)
        problem = (f"{path}: cell {cell} stopped with {err.ename}: {err.evalue}; fix the cell or the input it "
                   f"reads and run again (the notebook is saved up to that cell).\n{err}")
    except (CellTimeoutError, DeadKernelError) as err:
        problem = f"{path}: {type(err).__name__}: {err}; a cell ran too long or the kernel died (memory?)."
    target = Path(output_dir) / source.name if output_dir else source
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    nbformat.write(notebook, temporary)
    os.replace(temporary, target)  # a notebook is never left half-written
    return path, time.perf_counter() - started, problem


def execute_notebooks(paths: list[str], output_dir: str | None = None, jobs: int = 2) -> int:
    """Execute ``paths`` (``jobs`` at a time), print one line per notebook; 0 when all ran."""
    from jupyter_core.paths import jupyter_runtime_dir

    runtime = Path(jupyter_runtime_dir())
    runtime.mkdir(parents=True, exist_ok=True)
    sockets = [str(runtime / f"kernel-ipc-{os.getpid()}-{n}") for n in range(len(paths))]
    _load_machinery()
    failures = 0

    def report(path: str, seconds: float, problem: str) -> None:
        nonlocal failures
        if problem:
            failures += 1
            print(problem, file=sys.stderr, flush=True)
        else:
            print(f"executed {path} in {seconds:.1f} s", flush=True)

    if jobs <= 1 or len(paths) <= 1:
        for path, socket in zip(paths, sockets):
            report(*execute_one(path, output_dir, socket))
    else:
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
        with ProcessPoolExecutor(max_workers=min(jobs, len(paths)),
                                 mp_context=multiprocessing.get_context(method)) as pool:
            for result in [pool.submit(execute_one, p, output_dir, s) for p, s in zip(paths, sockets)]:
                report(*result.result())
    return 1 if failures else 0
