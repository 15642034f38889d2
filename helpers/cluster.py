"""The per-article stages on a Dask cluster, for corpora beyond one machine (10⁵–10⁶ articles).

Two ways in, both giving the tables the local path gives:

1. **The notebooks, unchanged.** ``helpers.use_cluster("tcp://host:8786")`` (or a
   ``distributed.Client``, or ``"local"`` for a cluster on this machine), or the environment
   variable ``NEWS_SCHEDULER=tcp://host:8786`` (``make run NEWS_SCHEDULER=…``), sends the
   per-article work of every stage (:func:`helpers.cache.per_article`: reading, cleaning, terms,
   quotes, mentions) to the cluster's workers instead of this machine's process pool. Results
   come back in input order and are equal to a local run's; the notebook still holds the corpus.

2. **A batch run with bounded memory** (:func:`run_corpus`, ``python -m helpers cluster``).
   The driver reads only ``metadata.csv``; each task reads one partition of article files on a
   worker, runs clean, terms, quotes and mentions on it, and writes its per-article results as
   Parquet files (``articles/``, ``terms/``, ``quotes/``, ``mentions/`` under the output folder).
   Corpus-level totals are added up from those files a file at a time (:func:`term_totals`,
   :func:`mention_totals`); :func:`read_table` and :func:`quotes_table` read whole tables, so
   read only the columns needed. No worker holds more than its partition's texts, and the driver
   holds none. These tables are of every article: the notebooks' filters (near-duplicates,
   non-English articles, :func:`helpers.hygiene.for_analysis`) are not applied to them. A partition whose files, metadata rows, tables and package
   code are unchanged since the last run is not computed again.

Workers need this package and the pinned requirements installed (the same ``.venv`` on a shared
filesystem, or the same ``requirements.txt``), and must see the corpus folder and the output
folder at the same paths as the driver (a shared filesystem, as on a university HPC system).
Dask is imported only when a cluster is used, so the local path starts as quickly as before.
"""
from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

SCHEDULER_VARIABLE = "NEWS_SCHEDULER"
TABLES = ("articles", "terms", "quotes", "mentions")
PARTITION = 1000      # articles per task of the batch run
CHUNKS_PER_THREAD = 4  # per_article on a cluster: chunks per worker thread (load balance against overhead)
MANIFEST = "manifest.json"
CONNECT_TIMEOUT = "20s"  # how long to wait for a scheduler that does not answer

_STATE: dict[str, Any] = {"client": None, "from_env": None}
_LOCAL = threading.local()  # .serial: inside a cluster task (no process pool, no cluster within)


# ---------------------------------------------------------------- which cluster


def use_cluster(address_or_client: Any = None, **local_options) -> Any:
    """Send per-article work to a Dask cluster from now on, and return its ``distributed.Client``.

    ``address_or_client`` is a scheduler address (``"tcp://10.0.0.5:8786"``), a ``Client``
    already made (from ``dask_jobqueue.SLURMCluster``, for example), or ``"local"``: a
    ``LocalCluster`` on this machine, one single-threaded worker per core unless
    ``local_options`` say otherwise (``n_workers=2, memory_limit="2GB"``). ``None`` goes back to
    this machine's process pool (and closes a local cluster this function started).
    """
    if _STATE["client"] is not None and getattr(_STATE["client"], "_news_owned", False):
        close(_STATE["client"])  # a client given by the caller stays theirs to close
    _STATE["client"] = None
    if address_or_client is None:
        return None
    _STATE["client"] = _connect(address_or_client, **local_options)
    return _STATE["client"]


def _connect(address_or_client: Any, **local_options) -> Any:
    from distributed import Client, LocalCluster

    if isinstance(address_or_client, Client):
        return address_or_client
    if address_or_client == "local":
        options = {"n_workers": os.cpu_count() or 1, "threads_per_worker": 1, "dashboard_address": None,
                   "processes": True}
        options.update(local_options)
        client = Client(LocalCluster(**options))
        client._news_owned = True
        return client
    if isinstance(address_or_client, str) and address_or_client.strip():
        return Client(address_or_client.strip(), timeout=CONNECT_TIMEOUT)
    raise ValueError(f"use_cluster takes a scheduler address such as tcp://host:8786, 'local', a distributed.Client "
                     f"or None, not {address_or_client!r}")


def close(client: Any) -> None:
    """Close ``client``, and the cluster on this machine :func:`use_cluster` or the command
    started with it (a remote cluster goes on running)."""
    local = client.cluster if getattr(client, "_news_owned", False) else None
    client.close()
    if local is not None:
        local.close()


def active_client() -> Any:
    """The client per-article work goes to, or None (this machine's process pool).

    Inside a cluster task there is none, so work never recurses into the cluster. Otherwise it
    is the one :func:`use_cluster` set, else one connected (once) to ``NEWS_SCHEDULER``.
    """
    if in_task():
        return None
    if _STATE["client"] is not None:
        return _STATE["client"]
    address = os.environ.get(SCHEDULER_VARIABLE, "").strip()
    if not address:
        return None
    if _STATE["from_env"] is None or _STATE["from_env"][0] != address:
        if _STATE["from_env"] is not None:  # the variable now names another scheduler
            close(_STATE["from_env"][1])
            _STATE["from_env"] = None
        try:
            _STATE["from_env"] = (address, _connect(address))
        except OSError as err:
            raise OSError(f"{SCHEDULER_VARIABLE}={address}: no Dask scheduler answers there ({err}); start one "
                          f"(dask scheduler) or unset {SCHEDULER_VARIABLE} to work on this machine") from None
    return _STATE["from_env"][1]


def in_task() -> bool:
    """True inside a task of this module on a worker: stages then run in that one thread."""
    return bool(getattr(_LOCAL, "serial", False))


@contextmanager
def serial() -> Iterator[None]:
    """Within: per-article work runs in this thread (no process pool, no cluster). Worker
    processes may not start pools of their own, and a task must not send work back to the
    cluster it runs on."""
    before = getattr(_LOCAL, "serial", False)
    _LOCAL.serial = True
    try:
        yield
    finally:
        _LOCAL.serial = before


def threads(client: Any) -> int:
    """Worker threads of the cluster (at least 1), once at least one worker has joined (a batch
    system may start them some time after the client)."""
    client.wait_for_workers(1)
    workers = client.scheduler_info(n_workers=-1).get("workers", {})
    return max(1, sum(int(info.get("nthreads", 1)) for info in workers.values()))


# ---------------------------------------------------------------- per_article on a cluster


def _run_chunk(function: Callable, inputs: list, shared: tuple, paths: list, finish: Callable) -> list:
    """On a worker: ``finish(function(*args, *shared), path)`` for every job of a chunk."""
    with serial():
        return [finish(function(*args, *shared), path) for args, path in zip(inputs, paths)]


def map_chunks(client: Any, function: Callable, todo: Sequence[tuple], shared: tuple, paths: Sequence,
               finish: Callable, progress: Callable[[Iterator[list]], Iterator[list]] | None = None) -> list:
    """``[finish(function(*args, *shared), path) for args, path in zip(todo, paths)]`` computed in
    chunks on the cluster's workers; results in input order. ``progress`` wraps the stream of
    finished chunks (a progress bar). A task's error is raised here, as it would be locally."""
    from distributed import as_completed

    size = max(1, -(-len(todo) // (threads(client) * CHUNKS_PER_THREAD)))
    starts = list(range(0, len(todo), size))
    futures = [client.submit(_run_chunk, function, list(todo[lo:lo + size]), tuple(shared), list(paths[lo:lo + size]),
                             finish, pure=False) for lo in starts]
    position = {future.key: index for index, future in enumerate(futures)}
    parts: list[list | None] = [None] * len(futures)

    def finished() -> Iterator[list]:
        for future in as_completed(futures):
            parts[position[future.key]] = future.result()
            yield parts[position[future.key]]

    try:
        for _ in (progress(finished()) if progress else finished()):
            pass
    finally:
        client.cancel([future for future in futures if not future.done()])
    return [value for part in parts for value in part]


# ---------------------------------------------------------------- the batch run, to Parquet


def _arrow_schema(table: str, extra_columns: Sequence[str]) -> Any:
    """The Parquet schema of each table: fixed, so that an empty partition (no quotes) has the
    same columns and types as the others and the files read as one dataset."""
    import pyarrow as pa

    text, count = pa.string(), pa.int64()
    if table == "articles":
        from .corpus import METADATA_COLUMNS

        fields = [(name, pa.timestamp("s") if name == "date" else text) for name in METADATA_COLUMNS]
        fields += [(name, text) for name in extra_columns]
        fields += [("date_precision", text), ("chars", count), ("words", count), ("clean_words", count),
                   ("sentences", count), ("fingerprint", text), ("clean_text", text),
                   ("sentence_spans", pa.list_(pa.list_(count))), ("removed", text)]
    elif table == "terms":
        fields = [("article", text), ("term", text), ("count", count)]
    elif table == "quotes":
        from .quotes.extract import CORPUS_COLUMNS

        fields = [(name, count if name in ("start", "end", "file_start", "file_end") else text)
                  for name in CORPUS_COLUMNS if name != "speaker_id"]
    else:
        from .actors import MENTION_COLUMNS

        fields = [("article", text), ("date", pa.timestamp("s"))]
        fields += [(name, count if name in ("start", "end") else text) for name in MENTION_COLUMNS]
        fields += [("groups", pa.list_(text))]
    return pa.schema(fields)


def _write_parquet(frame: pd.DataFrame, schema: Any, path: Path) -> None:
    """``frame`` as a Parquet file at ``path``, written beside it first and then moved in place,
    so a file that exists is always whole."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .add import _atomic_write

    columns = {}
    for field in schema:  # tuples (offsets, groups) are taken as lists
        values = frame[field.name] if len(frame) else pd.Series([], dtype="object")
        if pa.types.is_timestamp(field.type):
            values = pd.to_datetime(values).astype("datetime64[s]")
        columns[field.name] = pa.array(values if pa.types.is_timestamp(field.type) else values.tolist(),
                                       type=field.type, from_pandas=True)
    buffer = pa.BufferOutputStream()
    pq.write_table(pa.table(columns, schema=schema), buffer, compression="zstd")
    _atomic_write(path, buffer.getvalue().to_pybytes())


def _partition(articles_folder: str, rows: pd.DataFrame, out: str, name: str, tables: tuple) -> dict:
    """One task: read the partition's article files, run every per-article stage on them and
    write the four Parquet files. Returns counts, the time taken, this worker's peak memory and
    the problems met (files that could not be read), for the driver to report."""
    import resource

    from . import actors as actor_stage, clean, terms
    from .corpus import METADATA_COLUMNS, _read_one, article_frame
    from .quotes.extract import quotes_for_corpus

    started = time.perf_counter()
    actor_table, alliances, assumed = tables
    with serial():  # and no per-article cache: the Parquet files are the results
        texts, words, fingerprints, problems = {}, {}, {}, []
        for file in dict.fromkeys(rows["file"]):
            text, digest, count, error = _read_one(str(Path(articles_folder) / file))
            if error is not None:
                problems.append(error)
                continue
            texts[file], words[file], fingerprints[file] = text, count, digest
        frame = article_frame(rows, texts, words)
        cleaned = clean.clean_corpus(frame)
        counts = terms.term_counts(cleaned)
        found = quotes_for_corpus(cleaned)
        mentions = actor_stage.mentions_for_corpus(cleaned, actor_table, alliances, assumed_dates=assumed)
    extra = [c for c in rows.columns if c not in METADATA_COLUMNS]  # the user's own (check refuses computed names)
    cleaned["fingerprint"] = cleaned["file"].map(fingerprints)
    cleaned["removed"] = [json.dumps(lines, ensure_ascii=False) for lines in cleaned["removed"]]
    term_rows = pd.DataFrame([(ident, term, n) for ident, table in counts.items() for term, n in table.items()],
                             columns=["article", "term", "count"])
    folder = Path(out)
    _write_parquet(cleaned, _arrow_schema("articles", extra), folder / "articles" / f"{name}.parquet")
    _write_parquet(term_rows, _arrow_schema("terms", ()), folder / "terms" / f"{name}.parquet")
    _write_parquet(found, _arrow_schema("quotes", ()), folder / "quotes" / f"{name}.parquet")
    _write_parquet(mentions, _arrow_schema("mentions", ()), folder / "mentions" / f"{name}.parquet")
    return {"part": name, "articles": len(cleaned), "words": int(cleaned["words"].sum()), "quotes": len(found),
            "mentions": len(mentions), "seconds": time.perf_counter() - started, "problems": problems,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _partition_key(rows: pd.DataFrame, articles_folder: Path, tables_digest: str) -> str:
    """What a partition's results depend on: the package's code, its metadata rows, the size and
    time of change of each file, and the actor, alliance and assumed-date tables."""
    from .cache import code_version

    digest = hashlib.sha256(f"{code_version()}|{tables_digest}|".encode())
    digest.update(rows.to_json(orient="records", force_ascii=False).encode("utf-8"))
    for file in rows["file"]:
        try:
            info = (articles_folder / file).stat()
            digest.update(f"|{file}|{info.st_size}|{info.st_mtime_ns}".encode())
        except OSError:
            digest.update(f"|{file}|missing".encode())
    return digest.hexdigest()


def _tables_digest(tables: tuple) -> str:
    actor_table, alliances, assumed = tables
    payload = [actor_table.to_json(orient="records", date_format="iso"),
               alliances.to_json(orient="records", date_format="iso"), sorted(assumed.items())]
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode("utf-8")).hexdigest()


def run_corpus(corpus: str | Path, out: str | Path, *, client: Any = None, partition: int = PARTITION,
               window: int | None = None, progress: bool = False) -> dict:
    """Run clean, terms, quotes and mentions over the corpus at ``corpus`` on a Dask cluster,
    one task per ``partition`` articles, writing Parquet files under ``out`` (one per table and
    partition, plus ``manifest.json``). Returns a summary: articles, words, quotes, mentions,
    partitions computed and reused, seconds, and the largest peak memory a task's worker reached.

    ``client`` defaults to :func:`active_client`, else a ``LocalCluster`` on this machine for the
    run. At most ``window`` tasks (twice the worker threads unless told) are queued at once, so
    the driver's memory does not grow with the corpus. The corpus's own ``actors.csv``,
    ``alliances.csv`` and ``assumed_dates.csv`` are used when it has them, as in the notebooks.

    Raises :class:`~helpers.corpus.CorpusError` for the problems ``python -m helpers check``
    reports: before any work for problems in the metadata or the folder, and after the run for
    files that could not be read or hold the same text (the others' results are kept, and only
    the partitions that change are computed again once they are fixed).
    """
    from distributed import as_completed

    from . import actors as actor_stage
    from .corpus import Corpus, CorpusError, check_listing, listed_files, raise_first
    from .groups import load_assumed_dates

    started = time.perf_counter()
    place = Corpus(Path(corpus))
    meta, on_disk, problems = check_listing(place)
    raise_first(problems)
    if partition < 1:
        raise ValueError(f"partition={partition}: give a positive number of articles per task")
    names = set(listed_files(meta, on_disk))
    meta = meta[meta["file"].isin(names)].drop_duplicates("file").reset_index(drop=True)
    tables = (actor_stage.load_actors(place.root), actor_stage.load_alliances(place.root),
              load_assumed_dates(place.root))
    folder = Path(out)
    for table in TABLES:
        (folder / table).mkdir(parents=True, exist_ok=True)
    manifest_path = folder / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        manifest = manifest if isinstance(manifest, dict) else {}
    except (OSError, ValueError):
        manifest = {}
    digest = _tables_digest(tables)
    parts = []
    for number, lo in enumerate(range(0, len(meta), partition)):
        rows = meta.iloc[lo:lo + partition]
        name = f"part-{number:06d}"
        key = _partition_key(rows, place.articles, digest)
        done = manifest.get(name, {}).get("key") == key and all((folder / t / f"{name}.parquet").exists() for t in TABLES)
        parts.append((name, rows, key, done))
    names_now = {name for name, *_ in parts}
    for table in TABLES:  # partitions of a larger corpus before
        for stale in (folder / table).glob("part-*.parquet"):
            if stale.stem not in names_now:
                stale.unlink()
    manifest = {name: manifest[name] for name, *_, done in parts if done}
    _save_manifest(manifest_path, manifest)  # before any file is rewritten: only whole, current partitions listed
    for name, _, _, done in parts:
        if not done:
            for table in TABLES:
                (folder / table / f"{name}.parquet").unlink(missing_ok=True)

    owned = bar = None
    queue = None
    if client is None:
        client = active_client()
    if client is None:
        owned = client = _connect("local")
    try:
        shared = client.scatter(tables, broadcast=True)
        todo = iter([(name, rows, key) for name, rows, key, done in parts if not done])
        limit = window or 2 * threads(client)
        queue, keys, summaries, failed = as_completed(), {}, [], []

        def submit() -> bool:
            item = next(todo, None)
            if item is None:
                return False
            name, rows, key = item
            future = client.submit(_partition, str(place.articles), rows, str(folder), name, shared, pure=False)
            keys[future.key] = (name, key)
            queue.add(future)
            return True

        for _ in range(limit):
            if not submit():
                break
        if progress:
            from tqdm.auto import tqdm

            bar = tqdm(total=sum(not done for *_, done in parts), desc="partitions", unit="partition", leave=False)
        for future in queue:
            name, key = keys.pop(future.key)
            summary = future.result()
            future.release()
            summaries.append(summary)
            if summary["problems"]:
                failed += summary["problems"]
            else:
                manifest[name] = {"key": key, **{k: summary[k] for k in ("articles", "words", "quotes", "mentions")}}
            _save_manifest(manifest_path, manifest)
            if bar is not None:
                bar.update(1)
            submit()
    finally:
        if bar is not None:
            bar.close()
        if queue is not None:  # a failed run leaves no task writing behind it
            client.cancel([future for future in queue.futures if not future.done()])
        if owned is not None:
            close(owned)
    _save_manifest(manifest_path, manifest)
    raise_first([CorpusError(*problem) for problem in failed])
    raise_first(_duplicate_texts(folder, place))
    return {"articles": len(meta), "partitions": len(parts), "computed": len(summaries),
            "reused": len(parts) - len(summaries),
            **{k: sum(int(entry.get(k, 0)) for entry in manifest.values()) for k in ("words", "quotes", "mentions")},
            "seconds": round(time.perf_counter() - started, 2),
            "task_seconds": round(sum(s["seconds"] for s in summaries), 2),
            "worker_peak_mb": round(max((s["peak_mb"] for s in summaries), default=0.0), 1)}


def _save_manifest(path: Path, manifest: dict) -> None:
    from .add import _atomic_write

    _atomic_write(path, json.dumps(manifest, indent=1, sort_keys=True).encode("utf-8"))


def _duplicate_texts(folder: Path, place: Any) -> list:
    """Articles whose text is the same as an earlier one's, as :func:`helpers.load_corpus` reports
    them (read from the fingerprint column alone)."""
    from .corpus import same_text

    table = read_table(folder, "articles", columns=["file", "fingerprint"])
    first: dict[str, str] = {}
    problems = []
    for file, digest in zip(table["file"], table["fingerprint"]):
        if digest in first:
            problems.append(same_text(place, file, first[digest]))
        first.setdefault(digest, file)
    return problems


# ---------------------------------------------------------------- corpus-level tables from Parquet


def _files(folder: str | Path, table: str) -> list[Path]:
    """The Parquet files of ``table`` whose partitions the manifest lists as whole and current."""
    if table not in TABLES:
        raise ValueError(f"no table {table!r}: the tables are {', '.join(TABLES)}")
    try:
        listed = json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        listed = {}
    return [path for path in sorted((Path(folder) / table).glob("part-*.parquet")) if path.stem in listed]


def read_table(folder: str | Path, table: str, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """One of the per-article tables of a :func:`run_corpus` output (``articles``, ``terms``,
    ``quotes``, ``mentions``) as a DataFrame, in corpus order; ``columns`` reads only those
    (the articles' ``clean_text`` is most of the size). The articles' ``removed`` column holds
    each article's cleaning audit as JSON text (``json.loads`` gives the list of removed lines)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    files = _files(folder, table)
    if not files:
        raise FileNotFoundError(f"{Path(folder) / table}: no Parquet files; run `python -m helpers cluster` first")
    frame = pa.concat_tables([pq.read_table(path, columns=list(columns) if columns else None) for path in files]
                             ).to_pandas()
    for name in ("date",):
        if name in frame.columns:
            frame[name] = frame[name].astype("datetime64[s]")
    return frame


def term_totals(folder: str | Path) -> pd.DataFrame:
    """Every term of the corpus with its count and the number of articles it occurs in, most
    frequent first (ties alphabetical), added up a Parquet file at a time: memory grows with the
    vocabulary, not with the corpus."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    total = None
    for path in _files(folder, "terms"):  # each file's totals merged into the running ones
        part = pq.read_table(path, columns=["term", "count"]).group_by("term").aggregate(
            [("count", "sum"), ("count", "count")]).rename_columns(["term", "count", "articles"])
        total = part if total is None else pa.concat_tables([total, part]).group_by("term").aggregate(
            [("count", "sum"), ("articles", "sum")]).rename_columns(["term", "count", "articles"])
    if total is None:
        return pd.DataFrame({"term": pd.Series(dtype="str"), "count": pd.Series(dtype="int64"),
                             "articles": pd.Series(dtype="int64")})
    frame = total.to_pandas()
    return frame.sort_values(["count", "term"], ascending=[False, True], kind="stable").reset_index(drop=True)[
        ["term", "count", "articles"]]


def quotes_table(folder: str | Path) -> pd.DataFrame:
    """The quotes of the whole corpus, as :func:`helpers.quotes.quotes_for_corpus` gives them:
    ``speaker_id`` is worked out here, over every partition, so one person has one id."""
    from .quotes.extract import CORPUS_COLUMNS
    from .quotes.people import speaker_ids

    frame = read_table(folder, "quotes")
    frame["speaker_id"] = speaker_ids(frame["speaker"].astype("object"), frame["speaker_type"].astype("object"))[0].tolist()
    return frame[CORPUS_COLUMNS]


def mention_totals(folder: str | Path) -> pd.DataFrame:
    """Mentions per actor: how many, and in how many articles, most mentioned first."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    partial = [pq.read_table(path, columns=["actor", "article"]).group_by("actor").aggregate(
        [("article", "count"), ("article", "count_distinct")]) for path in _files(folder, "mentions")]
    if not partial:
        return pd.DataFrame({"actor": pd.Series(dtype="str"), "mentions": pd.Series(dtype="int64"),
                             "articles": pd.Series(dtype="int64")})
    # an article lies in one partition only, so distinct counts per partition add up
    total = pa.concat_tables(partial).group_by("actor").aggregate([("article_count", "sum"),
                                                                   ("article_count_distinct", "sum")])
    frame = total.to_pandas().rename(columns={"article_count_sum": "mentions", "article_count_distinct_sum": "articles"})
    return frame.sort_values(["mentions", "actor"], ascending=[False, True], kind="stable").reset_index(drop=True)[
        ["actor", "mentions", "articles"]]
