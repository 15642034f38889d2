"""Helpers for the news-corpus notebooks: one small module per stage.

- :mod:`helpers.config`  where the corpus and figures folders are
- :mod:`helpers.corpus`  load and validate a corpus (``load_corpus``)
- :mod:`helpers.figures` one figure style, fixed colours, deterministic ``save_figure``
- :mod:`helpers.overview` tables and figures describing a corpus (notebook 01)
"""
from . import overview
from .config import corpus_dir, figures_dir
from .corpus import CorpusError, count_words, find_problems, load_corpus, read_article
from .figures import colour_for, palette, save_figure, use_style

__all__ = [
    "CorpusError", "colour_for", "corpus_dir", "count_words", "figures_dir", "find_problems",
    "load_corpus", "palette", "read_article", "save_figure", "use_style",
]
