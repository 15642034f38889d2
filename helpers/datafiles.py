"""The one reader of the package's data files (``helpers/data/``): word lists and small tables.

One rule for every file: blank lines are skipped, and so is a line whose first non-blank
character is ``#`` (a comment). Anything else on a line is content, ``#`` included, so a pattern
or a colour may contain one.
"""
from __future__ import annotations

import csv
from pathlib import Path

from .config import DATA_DIR


def _path(name: str | Path) -> Path:
    """A file of ``helpers/data/`` by its name, or any file by its absolute path (never a file that
    happens to share a name in the current folder)."""
    path = Path(name)
    return path if path.is_absolute() else DATA_DIR / path


def raw_lines(name: str | Path) -> list[str]:
    """The content lines of a data file as written (no line ends; comments and blanks left out).

    ``name`` is a file in ``helpers/data/`` or an absolute path.
    """
    with open(_path(name), encoding="utf-8", newline="") as handle:
        return [line.rstrip("\r\n") for line in handle if line.strip() and not line.lstrip().startswith("#")]


def lines(name: str | Path) -> list[str]:
    """The content lines of a word-list file, stripped.

    >>> lines("reporting_verbs.txt")[:1]
    ['say said says saying']
    """
    return [line.strip() for line in raw_lines(name)]


def table(name: str | Path, delimiter: str = "\t") -> list[dict[str, str]]:
    """The rows of a table file (a header line first) as dictionaries, cells as written.

    >>> table("groups.csv", delimiter=",")[0]["group"]
    'ALBA'
    """
    return list(csv.DictReader(raw_lines(name), delimiter=delimiter, quoting=csv.QUOTE_NONE))
