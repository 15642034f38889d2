"""Shared test fixtures: small corpora written in the test, and the project's paths."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from helpers.config import PROJECT_ROOT
from helpers.corpus import METADATA_COLUMNS

SEEDS = PROJECT_ROOT.parent / "shared" / "seeds"
GOLD = PROJECT_ROOT.parent / "shared" / "gold" / "seed_quotes.json"
CORPUS = PROJECT_ROOT / "corpus"


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
def separate_cache(tmp_path_factory):
    """Tests (and the notebooks they run) cache per-article results in a folder of their own."""
    import os

    os.environ["NEWS_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    yield


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
