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
``NEWS_WORKERS=1`` keeps everything in one process.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
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
    setting = os.environ.get("NEWS_CACHE", "").strip()
    if setting.lower() in ("off", "0", "no", "false"):
        return None
    return Path(setting).expanduser() if setting else PROJECT_ROOT / ".cache"


def workers() -> int:
    """Processes to use: ``NEWS_WORKERS`` when set, else every core."""
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


def _read(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError):
        return None


def _write(path: Path, encoded: str) -> None:
    """Store one result (``encoded``: its JSON text) as ``{"value": …}``, atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as fh:
        fh.write('{"value": ' + encoded + "}")
    os.replace(temporary, path)


_SHARED: tuple = ()  # in a worker process: the arguments every job shares, sent once


def _share(shared: tuple) -> None:
    global _SHARED
    _SHARED = shared


def _call(job: tuple[Callable, tuple]) -> str:
    """Run one job and return its result as JSON text: the result is turned into plain JSON
    values in the worker, and one string per article is all that travels back."""
    function, arguments = job
    return json.dumps(function(*arguments, *_SHARED), ensure_ascii=False)


def per_article(stage: str, function: Callable[..., Any], inputs: Sequence[tuple], *, shared: tuple = (),
                processes: int | None = None, progress: bool = False) -> list[Any]:
    """``[function(*args, *shared) for args in inputs]``, cached and in parallel; results in input order.

    ``function`` must be a module-level function (so other processes can run it) returning
    JSON-friendly values (dicts, lists, strings, numbers). ``stage`` names the cache folder
    and should change whenever ``function``'s meaning does for reasons outside the package
    code: ``shared`` arguments (the same for every article, such as a user's actors table)
    are not part of the cache key, so put a hash of them in ``stage``.

    >>> per_article("doctest-upper", str.upper, [("alba",), ("oas",)], processes=1)
    ['ALBA', 'OAS']
    """
    inputs = [tuple(args) for args in inputs]
    folder = cache_dir()
    results: list[Any] = [None] * len(inputs)
    missing: list[int] = []
    paths: list[Path | None] = []
    for index, args in enumerate(inputs):
        path = None
        if folder is not None:
            key = _key(stage, function, args)
            path = folder / stage / key[:2] / f"{key}.json"
            cached = _read(path) if path.exists() else None
            if cached is not None:
                results[index] = cached["value"]
                paths.append(path)
                continue
        paths.append(path)
        missing.append(index)
    count = processes if processes is not None else workers()
    jobs = [(function, inputs[index]) for index in missing]
    if count > 1 and len(jobs) >= PARALLEL_FROM:
        # The first article is computed here, before the workers start: whatever the function
        # loads on first use (word lists, compiled patterns, the lemma dictionary) is then loaded
        # once and inherited by every worker (forked from this process on Linux), instead of
        # being loaded again by each of them.
        first = json.dumps(function(*jobs[0][1], *shared), ensure_ascii=False)
        rest = jobs[1:]
        with ProcessPoolExecutor(max_workers=count, initializer=_share, initargs=(tuple(shared),)) as pool:
            # chunks small enough that no core waits long for the other at the end of a stage
            computed = pool.map(_call, rest, chunksize=max(1, len(rest) // (count * 32)))
            computed = [first, *_progress(computed, len(rest), stage, progress)]
    else:
        serial = (json.dumps(function(*args, *shared), ensure_ascii=False) for _, args in jobs)
        computed = list(_progress(serial, len(jobs), stage, progress))
    for index, encoded in zip(missing, computed):
        # every result goes through JSON, so a fresh result and a cached one are exactly alike
        # (tuples become lists)
        results[index] = json.loads(encoded)
        if paths[index] is not None:
            _write(paths[index], encoded)
    return results


def _progress(iterable, total: int, stage: str, show: bool):
    if not show or total < PROGRESS_FROM:
        return iterable
    from tqdm.auto import tqdm

    return tqdm(iterable, total=total, desc=stage, unit="article", leave=False)
