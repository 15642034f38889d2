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
