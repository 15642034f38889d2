"""Per-article work, cached on disk by content hash and spread over the machine's cores.

Every per-article stage (cleaning, quotes, terms, mentions) is a pure function of an
article's text and a few options. :func:`per_article` runs such a function over a corpus:

- results are stored as JSON in ``.cache/<stage>/`` (git-ignored), keyed by the SHA-256 of
  the inputs *and* of the package's own code and word lists, so adding one article to a
  large corpus redoes only that article, and editing a rule or a word list redoes everything;
- what is not cached yet is computed in a process pool when there is enough of it, in the
  same order as the inputs, so results are identical to a single-core run;
- a progress bar (tqdm) shows long runs (200 articles or more to compute) in a notebook.

``NEWS_CACHE=off`` turns the cache off; ``NEWS_CACHE=/some/folder`` moves it;
``NEWS_WORKERS=1`` keeps everything in one process. With a Dask cluster in use
(:func:`helpers.cluster.use_cluster`, or ``NEWS_SCHEDULER``) the work goes to its workers instead
of the process pool, in the same order and with the same results.
"""
from __future__ import annotations

import hashlib
import json
import marshal
import multiprocessing
import os
import sys
import tempfile
import warnings
from importlib import metadata
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any

from .config import PROJECT_ROOT

PACKAGE = Path(__file__).resolve().parent
PARALLEL_FROM = 64   # fewer uncached articles than this run in this process (a pool costs ~0.5 s to start)
PROGRESS_FROM = 200  # a progress bar is shown only when at least this many articles need computing


def cache_dir() -> Path | None:
    """Where results are cached, or None when caching is off (``NEWS_CACHE=off``)."""
    if _in_cluster_task():  # a cluster task's results go to Parquet, not to the cache
        return None
    setting = os.environ.get("NEWS_CACHE", "").strip()
    if setting.lower() in ("off", "0", "no", "false"):
        return None
    return Path(setting).expanduser() if setting else PROJECT_ROOT / ".cache"


def _in_cluster_task() -> bool:
    """True inside a task of :mod:`helpers.cluster` (which is imported by then)."""
    cluster = sys.modules.get(f"{__package__}.cluster")
    return cluster is not None and cluster.in_task()


def workers() -> int:
    """Processes to use: ``NEWS_WORKERS`` when set, else every core; one inside a task on a
    Dask worker (:mod:`helpers.cluster`), which may not start processes of its own."""
    if _in_cluster_task():
        return 1
    setting = os.environ.get("NEWS_WORKERS", "").strip()
    return max(1, int(setting)) if setting.isdigit() else (os.cpu_count() or 1)


DEPENDENCIES = ("nltk", "simplemma", "pandas", "vaderSentiment", "trafilatura")


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the package's code and data files and of the versions of the libraries the
    stages use: results made by other code or other library versions are never reused."""
    digest = hashlib.sha256()
    for name in DEPENDENCIES:
        try:
            digest.update(f"{name}=={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name} missing".encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".txt", ".tsv", ".csv", ".mplstyle") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _key(stage: str, function: Callable[..., Any], inputs: Any) -> str:
    name = f"{getattr(function, '__module__', None)}.{getattr(function, '__qualname__', repr(function))}"
    payload = json.dumps([code_version(), stage, name, inputs], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _read(path: Path) -> dict | None:
    """A stored result (``{"key": …, "value": …}``), or None (so it is computed again) when the
    file cannot be read, is not JSON, is of another shape, or holds the result of another key
    (a file copied or renamed by hand)."""
    try:
        with open(path, encoding="utf-8") as fh:
            stored = json.load(fh)
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(stored, dict) or stored.get("key") != path.stem or "value" not in stored:
        return None
    return stored


_UNWRITABLE: set[str] = set()  # cache folders already reported as unwritable, in this process


def _write(path: Path, encoded: str) -> None:
    """Store one result (``encoded``: its JSON text) as ``{"key": …, "value": …}``, atomically.
    A cache that cannot be written (read-only, full, removed during the run) is skipped with one
    warning: the results are still computed, only not kept."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as fh:
            fh.write('{"key": "' + path.stem + '", "value": ' + encoded + "}")
        os.replace(temporary, path)
    except OSError as err:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        folder = str(path.parent.parent.parent)
        if folder not in _UNWRITABLE:
            _UNWRITABLE.add(folder)
            warnings.warn(f"{folder}: the cache cannot be written ({err.strerror or err}); results are computed "
                          "without it (set NEWS_CACHE to a writable folder, or NEWS_CACHE=off)", stacklevel=2)


_JOB: tuple = ()  # in a worker process: (function, inputs, shared, cache paths, finish) of the stage being run


def _share(job: tuple) -> None:
    global _JOB
    _JOB = job


def _plain(value: Any, path: Path | None) -> Any:
    """``value`` as plain JSON values (tuples become lists, as they do in the cache), stored
    at ``path`` when the cache is on: a fresh result and a cached one are exactly alike."""
    encoded = json.dumps(value, ensure_ascii=False)
    if path is not None:
        _write(path, encoded)
    return json.loads(encoded)


def _as_is(value: Any, path: None) -> Any:
    """``value`` unchanged: with the cache bypassed there is nothing to store or to match."""
    return value


def _run_range(chunk: tuple) -> bytes:
    """In a worker: the results of jobs ``chunk[0]`` to ``chunk[1] - 1``, as one marshal blob.

    A worker forked from the parent (Linux) inherited every job when it started, without a copy,
    so only the two numbers travel per chunk. Elsewhere (spawned workers) the chunk also carries
    its own inputs and cache paths, as sending the whole stage to each worker at start-up would
    copy the corpus once per worker and start them one after the other. The worker finishes each
    result (made plain JSON values and cached, unless the cache is bypassed), so the parent's
    share of the work is one quick ``marshal.loads`` per chunk."""
    function, inputs, shared, paths, finish = _JOB
    if len(chunk) == 4:  # a spawned worker: the chunk brings its own jobs
        _, _, inputs, paths = chunk
        numbers = range(len(inputs))
    else:
        numbers = range(*chunk)
    return marshal.dumps([finish(function(*inputs[k], *shared), paths[k]) for k in numbers])


def per_article(stage: str, function: Callable[..., Any], inputs: Sequence[tuple], *, shared: tuple = (),
                processes: int | None = None, progress: bool = False, cached: bool = True) -> list[Any]:
    """``[function(*args, *shared) for args in inputs]``, cached and in parallel; results in input order.

    ``function`` must be a module-level function (so other processes can run it) returning
    JSON-friendly values (dicts, lists, strings, numbers). ``stage`` names the cache folder
    and should change whenever ``function``'s meaning does for reasons outside the package
    code: ``shared`` arguments (the same for every article, such as a user's actors table)
    are not part of the cache key, so put a hash of them in ``stage``. ``cached=False`` never
    reads or writes the cache, for work that must see the files as they are now (reading
    them); its results are what ``function`` returns, tuples included.

    >>> per_article("doctest-upper", str.upper, [("alba",), ("oas",)], processes=1)
    ['ALBA', 'OAS']
    """
    inputs = [tuple(args) for args in inputs]
    folder = cache_dir() if cached else None
    results: list[Any] = [None] * len(inputs)
    missing: list[int] = []
    paths: list[Path | None] = []  # where each missing result is to be stored (None: cache off)
    for index, args in enumerate(inputs):
        path = None
        if folder is not None:
            key = _key(stage, function, args)
            path = folder / stage / key[:2] / f"{key}.json"
            stored = _read(path) if path.exists() else None
            if stored is not None:
                results[index] = stored["value"]
                continue
        paths.append(path)
        missing.append(index)
    todo = [inputs[index] for index in missing]
    finish = _plain if cached else _as_is
    count = processes if processes is not None else workers()
    client = _cluster_client() if processes is None and len(todo) >= PARALLEL_FROM else None
    if client is not None:
        from .cluster import map_chunks

        computed = map_chunks(client, function, todo, shared, paths, finish,
                              lambda parts: _progress(parts, len(todo), stage, progress))
    elif count > 1 and len(todo) >= PARALLEL_FROM:
        # The first article is computed here, before the workers start: whatever the function
        # loads on first use (word lists, compiled patterns, the lemma dictionary) is then loaded
        # once and inherited by every worker (forked from this process on Linux), instead of
        # being loaded again by each of them.
        computed = [finish(function(*todo[0], *shared), paths[0])]
        # chunks small enough that no core waits long for the other at the end of a stage
        size = max(1, (len(todo) - 1) // (count * 32))
        chunks = [(lo, min(lo + size, len(todo))) for lo in range(1, len(todo), size)]
        inherit = multiprocessing.get_start_method() == "fork"
        if not inherit:
            chunks = [(lo, end, todo[lo:end], paths[lo:end]) for lo, end in chunks]
        job = (function, todo, tuple(shared), paths, finish) if inherit else (function, (), tuple(shared), (), finish)
        with ProcessPoolExecutor(max_workers=count, initializer=_share, initargs=(job,)) as pool:
            for part in _progress(map(marshal.loads, pool.map(_run_range, chunks)), len(todo), stage, progress, first=1):
                computed += part
    else:
        serial = ([finish(function(*args, *shared), path)] for args, path in zip(todo, paths))
        computed = [value for part in _progress(serial, len(todo), stage, progress) for value in part]
    for index, value in zip(missing, computed):
        results[index] = value
    return results


def _cluster_client():
    """The Dask client per-article work goes to (:func:`helpers.cluster.use_cluster` or
    ``NEWS_SCHEDULER``), or None; Dask is not imported when neither is set."""
    if os.environ.get("NEWS_SCHEDULER", "").strip() or f"{__package__}.cluster" in sys.modules:
        from .cluster import active_client

        return active_client()
    return None


def _progress(parts, total: int, stage: str, show: bool, first: int = 0):
    """``parts`` (lists of results) as they come, with a progress bar
    counting articles when ``show`` and there are many; ``first`` results are done already."""
    if not show or total < PROGRESS_FROM:
        yield from parts
        return
    from tqdm.auto import tqdm

    with tqdm(total=total, initial=first, desc=stage, unit="article", leave=False) as bar:
        for part in parts:
            yield part
            bar.update(len(part))
