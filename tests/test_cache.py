"""Per-article cache and process pool: same results cached or fresh, one core or several."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers import cache, clean, quotes, terms
from helpers.corpus import load_corpus
from conftest import CORPUS

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
    seeds = load_corpus(CORPUS)
    rows = []
    for copy in range(cache.PARALLEL_FROM // len(seeds) + 1):
        for row in seeds.itertuples(index=False):
            rows.append({"id": f"{row.id}-{copy}", "title": row.title, "text": f"Copy number {copy}.\n\n{row.text}"})
    return pd.DataFrame(rows)


def test_parallel_results_equal_single_core(many_articles, monkeypatch):
    results = {}
    for processes in ("1", "2"):
        monkeypatch.setenv("NEWS_CACHE", "off")
        monkeypatch.setenv("NEWS_WORKERS", processes)
        cleaned, audit = clean.clean_corpus(many_articles)
        results[processes] = (cleaned, audit, quotes.quotes_for_corpus(cleaned), terms.article_terms(cleaned))
    one, two = results["1"], results["2"]
    pd.testing.assert_frame_equal(one[0], two[0])
    pd.testing.assert_frame_equal(one[1], two[1])
    pd.testing.assert_frame_equal(one[2], two[2])
    pd.testing.assert_series_equal(one[3], two[3])
    assert len(one[2]) == 29 * (cache.PARALLEL_FROM // 5 + 1)


def test_cached_results_equal_fresh_ones(many_articles, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWS_CACHE", str(tmp_path))
    monkeypatch.setenv("NEWS_WORKERS", "1")
    fresh = quotes.quotes_for_corpus(many_articles.head(6))
    cached = quotes.quotes_for_corpus(many_articles.head(6))
    pd.testing.assert_frame_equal(fresh, cached)
