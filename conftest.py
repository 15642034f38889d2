"""Shared test fixtures (for tests/ and the doctests in helpers/): small corpora written in the test,
the seed fixture, and the project's paths.

The tests never read the user's ``corpus/`` (it is their data: it may hold 0 or 10,000 articles)
nor anything outside this repository. The five seed articles with their hand-annotated quotes live
in ``bench/seeds/`` (articles/, metadata.csv, gold.json); for the whole session ``$CORPUS`` points
at a temporary copy of them, so anything that falls back to "the corpus" (the notebooks, the
command line, ``corpus_dir()``) analyses the fixture and can never write to the repository.
"""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from helpers.config import PROJECT_ROOT
from helpers.corpus import METADATA_COLUMNS

SEED_CORPUS = PROJECT_ROOT / "bench" / "seeds"   # a corpus folder: articles/, metadata.csv, gold.json
SEEDS = SEED_CORPUS / "articles"
GOLD = SEED_CORPUS / "gold.json"


def write_corpus(root: Path, articles: dict[str, bytes | str], rows: list[dict] | None = None) -> Path:
    """Write a corpus folder: ``articles`` maps file name to content; ``rows`` default to one per file."""
    (root / "articles").mkdir(parents=True, exist_ok=True)
    for name, content in articles.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (root / "articles" / name).write_bytes(data)
    if rows is None:
        rows = [{"id": Path(n).stem, "file": n, "title": f"Title {n}", "outlet": "Test Wire",
                 "date": "2019-05-01", "url": "", "language": "en"} for n in articles]
    with open(root / "metadata.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=METADATA_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in METADATA_COLUMNS})
    return root


@pytest.fixture
def small_corpus(tmp_path):
    """A valid two-article corpus."""
    return write_corpus(tmp_path / "corpus", {
        "a.txt": "The Lima Group met in Lima on Tuesday.\n\nIt called for elections.\n",
        "b.txt": "ALBA leaders gathered in Havana.\n",
    })


@pytest.fixture(autouse=True, scope="session")
def separate_cache_and_corpus(tmp_path_factory):
    """Tests (and the notebooks they run) cache per-article results in a folder of their own, and
    the default corpus is a temporary copy of the seed fixture, never the user's ``corpus/``; tables
    are the static ones, as in `make run` (a test of the interactive ones unsets NEWS_STATIC)."""
    import os
    import shutil

    saved = {name: os.environ.get(name) for name in ("NEWS_CACHE", "CORPUS", "NEWS_STATIC")}
    os.environ["NEWS_STATIC"] = "1"
    os.environ["NEWS_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    default = shutil.copytree(SEED_CORPUS, tmp_path_factory.mktemp("default") / "corpus")
    _with_extra_columns(default / "metadata.csv")
    os.environ["CORPUS"] = str(default)
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


# Values a researcher's own columns may hold (a spreadsheet formula, maths signs, markup, accents,
# nothing): every notebook runs on the default corpus with them, as check accepts them.
EXTRA_COLUMNS = {"section": ["=SUM(A1:A9)", "$$ Money $$", "<script>alert(1)</script>", "Política", ""],
                 "Author name": ["@handle", "-1", "+34", "a, b; c", "\u202eevil"]}


def _with_extra_columns(metadata: Path) -> None:
    with open(metadata, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for k, row in enumerate(rows):
        row.update({name: values[k % len(values)] for name, values in EXTRA_COLUMNS.items()})
    with open(metadata, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


NOTEBOOK_DIR = PROJECT_ROOT / "notebooks"


def execute_notebooks(paths: list[Path], folder: Path, figures: Path) -> list[Path]:
    """Execute notebooks into copies in ``folder`` (figures to ``figures``), as `make run` does in place.

    Errors are kept in the outputs rather than raised, so each notebook's test can report its own.
    """
    import os

    import nbformat
    from nbclient import NotebookClient

    folder.mkdir(parents=True, exist_ok=True)
    previous = os.environ.get("FIGURES")
    os.environ["FIGURES"] = str(figures)
    try:
        executed = []
        for path in paths:
            notebook = nbformat.read(path, as_version=4)
            NotebookClient(notebook, timeout=600, kernel_name="python3", allow_errors=True,
                           resources={"metadata": {"path": str(path.parent)}}).execute()
            executed.append(folder / path.name)
            nbformat.write(notebook, executed[-1])
        return executed
    finally:
        if previous is None:
            os.environ.pop("FIGURES", None)
        else:
            os.environ["FIGURES"] = previous


@pytest.fixture(scope="session")
def executed_project(tmp_path_factory):
    """Every project notebook executed once per test session: (folder, executed paths, figures folder)."""
    root = tmp_path_factory.mktemp("run")
    paths = sorted(NOTEBOOK_DIR.glob("[0-9]*.ipynb"))
    executed = execute_notebooks(paths, root / "notebooks", root / "figures")
    return root, executed, root / "figures"
