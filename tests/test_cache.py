"""Per-article cache and process pool: same results cached or fresh, one core or several."""
from __future__ import annotations

from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from multiprocessing import get_context

import pandas as pd
import pytest

from helpers import actors, cache, clean, quotes, terms
from helpers.corpus import count_words, find_problems, load_corpus
from conftest import SEED_CORPUS, write_corpus

CALLS: list[str] = []


def shout(text: str) -> str:
    CALLS.append(text)
    return text.upper()


def test_second_run_reads_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWS_CACHE", str(tmp_path))
    CALLS.clear()
    assert cache.per_article("t", shout, [("a",), ("b",)], processes=1) == ["A", "B"]
    assert cache.per_article("t", shout, [("a",), ("b",), ("c",)], processes=1) == ["A", "B", "C"]
    assert CALLS == ["a", "b", "c"]  # only the new article was computed the second time
    assert len(list(tmp_path.rglob("*.json"))) == 3


def test_cache_off_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWS_CACHE", "off")
    monkeypatch.chdir(tmp_path)
    CALLS.clear()
    cache.per_article("t", shout, [("a",)], processes=1)
    cache.per_article("t", shout, [("a",)], processes=1)
    assert CALLS == ["a", "a"] and cache.cache_dir() is None


def test_a_different_stage_is_not_confused(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWS_CACHE", str(tmp_path))
    assert cache.per_article("one", shout, [("x",)], processes=1) == ["X"]
    assert cache.per_article("two", str.lower, [("X",)], processes=1) == ["x"]


@pytest.fixture
def many_articles():
    """The seeds repeated with a varying first line: enough articles for the process pool."""
    seeds = load_corpus(SEED_CORPUS)
    rows = []
    for copy in range(cache.PARALLEL_FROM // len(seeds) + 1):
        for row in seeds.itertuples(index=False):
            rows.append({"id": f"{row.id}-{copy}", "title": row.title, "text": f"Copy number {copy}.\n\n{row.text}"})
    return pd.DataFrame(rows)


def test_parallel_results_equal_single_core(many_articles, monkeypatch):
    results = {}
    actor_table, spells = actors.load_actors(), actors.load_alliances()
    many_articles["date"] = pd.Timestamp("2019-05-01")
    for processes in ("1", "2"):
        monkeypatch.setenv("NEWS_CACHE", "off")
        monkeypatch.setenv("NEWS_WORKERS", processes)
        cleaned = clean.clean_corpus(many_articles)
        audit = clean.cleaning_audit(cleaned)
        results[processes] = (cleaned, audit, quotes.quotes_for_corpus(cleaned),
                              actors.mentions_for_corpus(cleaned, actor_table, spells),
                              terms.article_terms(cleaned), terms.term_counts(cleaned))
    one, two = results["1"], results["2"]
    for single, parallel in zip(one, two):
        if isinstance(single, pd.Series):
            pd.testing.assert_series_equal(single, parallel)
        else:
            pd.testing.assert_frame_equal(single, parallel)
    assert len(one[2]) == 29 * (cache.PARALLEL_FROM // 5 + 1)
    assert len(one[3]) > len(many_articles)  # the actors are found, in every copy


def test_quotes_reuse_the_cleaning_and_agree_with_a_fresh_one(many_articles, monkeypatch):
    """Quotes of a cleaned table (body paragraphs reused) equal quotes of the raw table (cleaned anew)."""
    monkeypatch.setenv("NEWS_CACHE", "off")
    cleaned = clean.clean_corpus(many_articles.head(5))
    assert "body_spans" in cleaned.columns
    pd.testing.assert_frame_equal(quotes.quotes_for_corpus(cleaned), quotes.quotes_for_corpus(many_articles.head(5)))


def test_term_counts_count_the_terms(many_articles, monkeypatch):
    monkeypatch.setenv("NEWS_CACHE", "off")
    cleaned = clean.clean_corpus(many_articles.head(3))
    counted = terms.term_counts(cleaned)
    for ident, term_list in terms.article_terms(cleaned).items():
        assert counted[ident] == dict(Counter(term_list).most_common())
        assert list(counted[ident].values()) == sorted(counted[ident].values(), reverse=True)


def test_loading_in_parallel_equals_loading_on_one_core(tmp_path, monkeypatch):
    """A corpus big enough for the process pool loads the same on one core or two, problems included."""
    texts = {f"a{k:03d}.txt": f"Article {k} says the Lima Group met in Lima on day {k}.\n" for k in range(cache.PARALLEL_FROM + 6)}
    texts["a001.txt"] = texts["a000.txt"]  # a duplicate text
    texts["a002.txt"] = b"\x89PNG\r\n\x1a\n\x00\x00binary"  # a binary file
    root = write_corpus(tmp_path / "corpus", texts)
    found = {}
    for processes in ("1", "2"):
        monkeypatch.setenv("NEWS_WORKERS", processes)
        found[processes] = [str(problem) for problem in find_problems(root)]
    assert found["1"] == found["2"] and len(found["1"]) == 2
    del texts["a001.txt"], texts["a002.txt"]
    (root / "articles" / "a001.txt").unlink()
    (root / "articles" / "a002.txt").unlink()
    write_corpus(root, {name: text for name, text in texts.items()})
    frames = {}
    for processes in ("1", "2"):
        monkeypatch.setenv("NEWS_WORKERS", processes)
        frames[processes] = load_corpus(root)
    pd.testing.assert_frame_equal(frames["1"], frames["2"])
    assert frames["1"]["words"].tolist() == [count_words(text) for text in frames["1"]["text"]]


def test_reading_the_files_is_never_cached(tmp_path, monkeypatch):
    """Files are read as they are now: loading a corpus (in parallel) stores nothing in the cache."""
    monkeypatch.setenv("NEWS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("NEWS_WORKERS", "2")
    root = write_corpus(tmp_path / "corpus", {f"a{k:03d}.txt": f"Article {k} is about the OAS.\n" for k in range(cache.PARALLEL_FROM + 1)})
    assert len(load_corpus(root)) == cache.PARALLEL_FROM + 1
    assert not (tmp_path / "cache").exists()


def test_cached_results_equal_fresh_ones(many_articles, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWS_CACHE", str(tmp_path))
    monkeypatch.setenv("NEWS_WORKERS", "1")
    fresh = quotes.quotes_for_corpus(many_articles.head(6))
    cached = quotes.quotes_for_corpus(many_articles.head(6))
    pd.testing.assert_frame_equal(fresh, cached)


def test_workers_fill_the_cache_and_a_second_run_reads_it(many_articles, tmp_path, monkeypatch):
    """Results computed on two cores are stored by the workers; the next run reads them back unchanged."""
    monkeypatch.setenv("NEWS_CACHE", str(tmp_path))
    monkeypatch.setenv("NEWS_WORKERS", "2")
    fresh = quotes.quotes_for_corpus(many_articles)
    assert len(list((tmp_path / "quotes").rglob("*.json"))) == len(many_articles)
    monkeypatch.setattr(cache, "ProcessPoolExecutor", None)  # a second run must not compute anything
    pd.testing.assert_frame_equal(fresh, quotes.quotes_for_corpus(many_articles))


def test_spawned_workers_get_their_jobs_with_each_chunk(tmp_path, monkeypatch):
    """Where workers are not forked (macOS, Windows), each chunk carries its own inputs and cache
    paths: results and cache files are the same as on one core."""
    monkeypatch.setenv("NEWS_CACHE", str(tmp_path))
    monkeypatch.setattr(cache.multiprocessing, "get_start_method", lambda: "spawn")
    monkeypatch.setattr(cache, "ProcessPoolExecutor", partial(ProcessPoolExecutor, mp_context=get_context("spawn")))
    texts = [(f"Article {k} says the Lima Group met {k} times.",) for k in range(cache.PARALLEL_FROM + 6)]
    assert cache.per_article("t-spawn", count_words, texts, processes=2) == [count_words(*t) for t in texts]
    assert len(list((tmp_path / "t-spawn").rglob("*.json"))) == len(texts)


def test_a_corpus_with_no_quotes_or_mentions_gives_empty_tables_of_the_usual_shape(monkeypatch):
    monkeypatch.setenv("NEWS_CACHE", "off")
    frame = pd.DataFrame({"id": ["a"], "title": [""], "date": [pd.NaT], "text": ["Nobody said anything here today."]})
    cleaned = clean.clean_corpus(frame)
    found = quotes.quotes_for_corpus(cleaned)
    mentioned = actors.mentions_for_corpus(cleaned, actors.load_actors(), actors.load_alliances())
    assert found.empty and list(found.columns) == quotes.CORPUS_COLUMNS and found["article"].dtype == object
    assert mentioned.empty and mentioned["start"].dtype == "int64" and mentioned["actor"].dtype == object


@pytest.mark.parametrize("content", ['{}', '[1]', '{"value": null}', '{"key": "other", "value": "WRONG"}',
                                     "[" * 100_000 + "]" * 100_000, "not json", ""])
def test_a_damaged_entry_is_computed_again(tmp_path, monkeypatch, content):
    monkeypatch.setenv("NEWS_CACHE", str(tmp_path))
    assert cache.per_article("t", shout, [("a",)], processes=1) == ["A"]
    (entry,) = tmp_path.rglob("*.json")
    entry.write_text(content, encoding="utf-8")
    CALLS.clear()
    assert cache.per_article("t", shout, [("a",)], processes=1) == ["A"]
    assert CALLS == ["a"]  # recomputed, and stored again
    assert cache.per_article("t", shout, [("a",)], processes=1) == ["A"] and CALLS == ["a"]


def test_two_entries_swapped_by_hand_are_not_believed(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWS_CACHE", str(tmp_path))
    cache.per_article("t", shout, [("a",), ("b",)], processes=1)
    first, second = sorted(tmp_path.rglob("*.json"))
    a, b = first.read_bytes(), second.read_bytes()
    first.write_bytes(b)
    second.write_bytes(a)
    CALLS.clear()
    assert cache.per_article("t", shout, [("a",), ("b",)], processes=1) == ["A", "B"]
    assert sorted(CALLS) == ["a", "b"]


def test_an_unwritable_cache_warns_once_and_still_computes(tmp_path, monkeypatch):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("", encoding="utf-8")  # the cache "folder" is a file: nothing can be written under it
    monkeypatch.setenv("NEWS_CACHE", str(blocked))
    with pytest.warns(UserWarning, match="the cache cannot be written") as caught:
        assert cache.per_article("t", shout, [("a",), ("b",)], processes=1) == ["A", "B"]
    assert len(caught) == 1
