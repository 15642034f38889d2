"""Where things live: the project folder, the corpus being analysed and its figures folder.

Every notebook asks these functions instead of hard-coding paths, so that
``make run CORPUS=path/to/other/corpus`` analyses another corpus without code edits.
"""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_CORPUS = PROJECT_ROOT / "corpus"


def _from_env(name: str) -> Path | None:
    value = os.environ.get(name, "").strip()
    if not value:
        return None
    path = Path(value).expanduser()
    return path if path.is_absolute() else (PROJECT_ROOT / path)


def corpus_dir() -> Path:
    """The corpus folder: ``$CORPUS`` when set, else ``corpus/`` in this project.

    >>> corpus_dir().name
    'corpus'
    """
    return (_from_env("CORPUS") or DEFAULT_CORPUS).resolve()


def figures_dir(corpus: str | Path | None = None) -> Path:
    """The folder figures are written to.

    ``$FIGURES`` when set; else ``figures/`` for the project's own corpus and
    ``figures/<corpus folder name>/`` for any other corpus, so two corpora never
    overwrite each other's figures.
    """
    explicit = _from_env("FIGURES")
    if explicit is not None:
        return explicit.resolve()
    corpus = Path(corpus).resolve() if corpus is not None else corpus_dir()
    if corpus == DEFAULT_CORPUS.resolve():
        return PROJECT_ROOT / "figures"
    return PROJECT_ROOT / "figures" / corpus.name


def shown(path: str | Path) -> str:
    """A path as a reader should see it: relative to the project when inside it, else as given.

    >>> shown(PROJECT_ROOT / "corpus")
    'corpus'
    """
    path = Path(path)
    try:
        return path.resolve().relative_to(PROJECT_ROOT).as_posix() or "."
    except ValueError:
        return str(path)


# The largest file (a text or a saved page) `add` takes, in MB: a long news article is under 0.1 MB
# of text and its page a few MB; past this it is a whole site, a book or a log saved as one file,
# whose reading would take minutes. `add --max-mb` (or max_mb=) raises it.
MAX_ARTICLE_MB = 5.0
