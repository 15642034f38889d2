"""End to end from the Makefile: `make run CORPUS=…` on another corpus that has a newly added article."""
from __future__ import annotations

import os
import shutil
import subprocess

import pandas as pd

from helpers.add import add_article
from conftest import PROJECT_ROOT, SEED_CORPUS
from test_add import PAGE


def test_make_run_on_another_corpus_includes_an_added_article(tmp_path):
    corpus = shutil.copytree(SEED_CORPUS, tmp_path / "my_corpus")
    page = tmp_path / "page.html"
    page.write_bytes(PAGE.encode("cp1252"))
    added = add_article(page, outlet="Example Wire", corpus=corpus)
    figures = tmp_path / "figures"
    # two notebooks through the same Makefile path keep the suite short; test_notebooks runs them all
    notebooks = "notebooks/01_loading.ipynb notebooks/04_quotes.ipynb"
    result = subprocess.run(["make", "run", f"CORPUS={corpus}", f"FIGURES={figures}", f"NOTEBOOKS={notebooks}"],
                            cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=900,
                            env={**os.environ, "NEWS_WORKERS": "1"})
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    lengths = pd.read_csv(figures / "article_lengths.csv")
    assert added["id"] in set(lengths["id"]) and len(lengths) == 6
    quotes = pd.read_csv(figures / "quotes.csv")
    new_quotes = quotes[quotes["article"] == added["id"]]
    assert new_quotes["speaker"].tolist() == ["Hugo Martinez"]
    executed = sorted(p.name for p in (figures / "notebooks").glob("*.ipynb"))
    assert executed == ["01_loading.ipynb", "04_quotes.ipynb"]
    assert (figures / "index.md").exists() and not (PROJECT_ROOT / "figures" / "my_corpus").exists()
