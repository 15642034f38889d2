"""The benchmark's synthetic corpus: deterministic, news-like, and a valid corpus for the pipeline."""
from __future__ import annotations

import sys

from helpers import quotes
from helpers.clean import clean_article
from helpers.corpus import load_corpus
from conftest import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "bench"))
import synthetic  # noqa: E402


def test_same_seed_same_articles_other_seed_other_articles():
    assert synthetic.generate_articles(5, seed=1) == synthetic.generate_articles(5, seed=1)
    assert synthetic.generate_articles(5, seed=1) != synthetic.generate_articles(5, seed=2)


def test_articles_are_news_sized_with_quotes_and_furniture():
    texts = synthetic.generate_articles(40)
    words = [len(t.split()) for t in texts]
    assert 450 <= min(words) and max(words) <= 700
    assert all(len(quotes.extract_quotes(t)) >= 3 for t in texts[:5])
    removed = sum(len(clean_article(t).removed) for t in texts)
    assert removed >= len(texts)  # at least the headline and one furniture line each, on average


def test_written_corpus_loads(tmp_path):
    corpus = synthetic.write_corpus(tmp_path / "c", 12)
    articles = load_corpus(corpus)
    assert len(articles) == 12 and articles["date"].notna().all()
