"""The Dask path (helpers.cluster): the same tables as the local path, on a LocalCluster of 2 workers."""
from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from conftest import NOTEBOOK_DIR, PROJECT_ROOT, execute_notebooks, write_corpus
from helpers import actors, cache, clean, cluster, terms
from helpers.corpus import CorpusError, load_corpus
from helpers.quotes import quotes_for_corpus

sys.path.insert(0, str(PROJECT_ROOT / "bench"))
import synthetic  # noqa: E402

ARTICLES = 90  # more than cache.PARALLEL_FROM, so per_article sends the work out


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local, \
            Client(local) as made:
        yield made


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return synthetic.write_corpus(tmp_path_factory.mktemp("cluster") / "corpus", ARTICLES, 3)


@pytest.fixture(autouse=True)
def no_client_left_behind():
    """A client a test connected through NEWS_SCHEDULER is closed after it, before its cluster goes."""
    yield
    if cluster._STATE["from_env"] is not None:
        cluster._STATE["from_env"][1].close()
        cluster._STATE["from_env"] = None
    cluster.use_cluster(None)


@pytest.fixture
def no_cache(monkeypatch):
    monkeypatch.setenv("NEWS_CACHE", "off")


def _stages(root: Path) -> tuple:
    articles = load_corpus(root)
    cleaned = clean.clean_corpus(articles)
    mentions = actors.mentions_for_corpus(cleaned, actors.load_actors(root), actors.load_alliances(root))
    return cleaned, terms.term_counts(cleaned), quotes_for_corpus(cleaned), mentions


def test_per_article_on_the_cluster_equals_the_local_run(client, corpus, no_cache, monkeypatch):
    local = _stages(corpus)
    calls = []
    real = cluster.map_chunks
    monkeypatch.setattr(cluster, "map_chunks", lambda *a, **k: calls.append(len(a[2])) or real(*a, **k))
    cluster.use_cluster(client)
    try:
        remote = _stages(corpus)
    finally:
        cluster.use_cluster(None)
    assert calls and all(n == ARTICLES for n in calls), calls  # reading, clean, terms, quotes, mentions went out
    assert len(calls) == 5
    pd.testing.assert_frame_equal(local[0], remote[0])
    assert local[1].equals(remote[1])
    pd.testing.assert_frame_equal(local[2], remote[2])
    pd.testing.assert_frame_equal(local[3], remote[3])


def test_the_scheduler_variable_is_enough(client, corpus, no_cache, monkeypatch):
    monkeypatch.setenv(cluster.SCHEDULER_VARIABLE, client.scheduler.address)
    assert cluster.active_client() is not None
    texts = [(t,) for t in load_corpus(corpus)["text"]]
    from distributed import get_task_stream

    with get_task_stream(client=client) as stream:
        assert cache.per_article("upper-test", str.upper, texts) == [t.upper() for (t,) in texts]
    assert _chunk_tasks(stream) > 0


def test_a_task_never_sends_work_back_to_the_cluster(monkeypatch):
    monkeypatch.setenv(cluster.SCHEDULER_VARIABLE, "tcp://127.0.0.1:1")
    monkeypatch.setenv("NEWS_WORKERS", "4")
    with cluster.serial():
        assert cluster.active_client() is None
        assert cache.workers() == 1
    assert cache.workers() == 4


def test_a_scheduler_that_does_not_answer_is_named(monkeypatch):
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", "1s")
    monkeypatch.setenv(cluster.SCHEDULER_VARIABLE, "tcp://127.0.0.1:9")
    with pytest.raises(OSError, match="NEWS_SCHEDULER=tcp://127.0.0.1:9: no Dask scheduler answers there"):
        cluster.active_client()


def test_use_cluster_refuses_what_is_not_a_cluster():
    with pytest.raises(ValueError, match="scheduler address"):
        cluster.use_cluster(42)


def test_the_batch_run_writes_the_tables_of_the_local_path(client, corpus, no_cache, tmp_path):
    cleaned, counts, found, mentions = _stages(corpus)
    summary = cluster.run_corpus(corpus, tmp_path / "out", client=client, partition=25)
    assert (summary["articles"], summary["partitions"], summary["computed"]) == (ARTICLES, 4, 4)
    assert summary["quotes"] == len(found) and summary["mentions"] == len(mentions)

    articles = cluster.read_table(tmp_path / "out", "articles")
    for column in ("id", "file", "title", "outlet", "date", "date_precision", "words", "clean_text", "clean_words",
                   "sentences"):
        assert articles[column].tolist() == cleaned[column].tolist(), column
    assert [[tuple(s) for s in spans] for spans in articles["sentence_spans"]] == cleaned["sentence_spans"].tolist()
    assert [json.loads(r) for r in articles["removed"]] == json.loads(json.dumps(cleaned["removed"].tolist()))

    rows = cluster.read_table(tmp_path / "out", "terms")
    expected = [(ident, term, n) for ident, table in counts.items() for term, n in table.items()]
    assert list(rows.itertuples(index=False, name=None)) == expected
    totals, documents = Counter(), Counter()
    for table in counts:
        totals.update(table)
        documents.update(table.keys())
    summed = cluster.term_totals(tmp_path / "out")
    assert dict(zip(summed["term"], summed["count"])) == dict(totals)
    assert dict(zip(summed["term"], summed["articles"])) == dict(documents)
    assert summed["count"].is_monotonic_decreasing

    pd.testing.assert_frame_equal(cluster.quotes_table(tmp_path / "out"), found, check_dtype=False)
    stored = cluster.read_table(tmp_path / "out", "mentions")
    stored["groups"] = [tuple(g) for g in stored["groups"]]
    pd.testing.assert_frame_equal(stored, mentions, check_dtype=False)
    by_actor = cluster.mention_totals(tmp_path / "out").set_index("actor")
    assert by_actor["mentions"].to_dict() == mentions["actor"].value_counts().to_dict()
    assert by_actor["articles"].to_dict() == mentions.groupby("actor")["article"].nunique().to_dict()


def test_a_partition_large_enough_for_a_pool_still_runs_in_its_task(client, corpus, no_cache, tmp_path, monkeypatch):
    """A task of 90 articles would use a process pool, or the cluster itself, without the guard."""
    monkeypatch.setenv("NEWS_WORKERS", "2")
    monkeypatch.setenv(cluster.SCHEDULER_VARIABLE, client.scheduler.address)
    found = _stages(corpus)[2]
    summary = cluster.run_corpus(corpus, tmp_path / "out", client=client, partition=ARTICLES)
    assert summary["partitions"] == 1
    pd.testing.assert_frame_equal(cluster.quotes_table(tmp_path / "out"), found, check_dtype=False)


def test_the_batch_run_computes_only_partitions_that_changed(client, tmp_path, no_cache):
    root = synthetic.write_corpus(tmp_path / "corpus", 30, 5)
    out = tmp_path / "out"
    assert cluster.run_corpus(root, out, client=client, partition=10)["computed"] == 3
    again = cluster.run_corpus(root, out, client=client, partition=10)
    assert (again["computed"], again["reused"]) == (0, 3)
    assert again["quotes"] == len(cluster.read_table(out, "quotes"))  # totals come from every partition
    first = sorted((root / "articles").iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n\nThe OAS met again.\n", encoding="utf-8")
    assert cluster.run_corpus(root, out, client=client, partition=10)["computed"] == 1
    assert len(cluster.read_table(out, "articles")) == 30
    # a corpus that shrinks leaves no partition of its larger self behind
    assert cluster.run_corpus(root, out, client=client, partition=20)["partitions"] == 2
    assert sorted(p.name for p in (out / "quotes").iterdir()) == ["part-000000.parquet", "part-000001.parquet"]
    assert cluster.read_table(out, "articles")["id"].tolist() == load_corpus(root)["id"].tolist()


def test_the_batch_run_refuses_a_bad_corpus_as_check_does(client, tmp_path, no_cache):
    root = write_corpus(tmp_path / "corpus", {"a.txt": "The Lima Group met in Lima on Tuesday and talked.\n",
                                              "b.txt": "ALBA leaders gathered in Havana to talk.\n"})
    (root / "metadata.csv").write_text((root / "metadata.csv").read_text(encoding="utf-8").replace(",b.txt,", ",c.txt,"),
                                       encoding="utf-8")
    with pytest.raises(CorpusError, match="c.txt"):
        cluster.run_corpus(root, tmp_path / "out", client=client)
    assert not (tmp_path / "out").exists()  # refused before any work

    root = write_corpus(tmp_path / "other", {"a.txt": "The Lima Group met in Lima on Tuesday and talked.\n",
                                             "b.txt": b"\xff\xfe\x00binary\x00\x00 bytes"})
    with pytest.raises(CorpusError, match="b.txt"):
        cluster.run_corpus(root, tmp_path / "out2", client=client)


def _chunk_tasks(stream) -> int:
    return sum(1 for task in stream.data if str(task["key"]).startswith("_run_chunk"))


def test_a_notebook_runs_unchanged_on_the_cluster(client, corpus, tmp_path, monkeypatch):
    """Notebook 04 on the cluster (NEWS_SCHEDULER) writes the same data files as on this machine."""
    import nbformat
    from distributed import get_task_stream

    monkeypatch.setenv("CORPUS", str(corpus))
    notebook = NOTEBOOK_DIR / "04_quotes.ipynb"
    monkeypatch.setenv("NEWS_CACHE", str(tmp_path / "cache-local"))
    execute_notebooks([notebook], tmp_path / "local", tmp_path / "figures-local")
    monkeypatch.setenv("NEWS_CACHE", str(tmp_path / "cache-cluster"))
    monkeypatch.setenv(cluster.SCHEDULER_VARIABLE, client.scheduler.address)
    with get_task_stream(client=client) as stream:
        executed = execute_notebooks([notebook], tmp_path / "remote", tmp_path / "figures-cluster")
    cells = nbformat.read(executed[0], as_version=4).cells
    assert not [o for c in cells if c.cell_type == "code" for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert _chunk_tasks(stream) > 0  # the kernel sent its per-article work to the cluster
    data = sorted(p.relative_to(tmp_path / "figures-local") for p in (tmp_path / "figures-local").rglob("*.csv"))
    assert data
    for name in data:
        assert (tmp_path / "figures-cluster" / name).read_bytes() == (tmp_path / "figures-local" / name).read_bytes(), name


def test_the_command_refuses_a_partition_of_no_articles(capsys):
    from helpers.__main__ import main

    assert main(["cluster", "--out", "unused", "--partition", "0"]) == 1
    assert "give a positive number of articles per task" in capsys.readouterr().err


def test_the_command_runs_a_corpus_on_a_given_scheduler(client, tmp_path, no_cache, capsys):
    from helpers.__main__ import main

    root = synthetic.write_corpus(tmp_path / "corpus", 12, 7)
    code = main(["cluster", "--corpus", str(root), "--out", str(tmp_path / "out"), "--partition", "5",
                 "--scheduler", client.scheduler.address])
    said = capsys.readouterr().out
    assert code == 0, said
    assert f"{root}: 12 articles" in said and "3 partitions (3 computed, 0 unchanged)" in said
    assert len(cluster.read_table(tmp_path / "out", "articles")) == 12
