"""Helpers for the news-corpus notebooks: one small module per stage.

- :mod:`helpers.config`  where the corpus and figures folders are
- :mod:`helpers.corpus`  load and validate a corpus (``load_corpus``)
- :mod:`helpers.figures` one figure style, fixed colours, deterministic ``save_figure``
- :mod:`helpers.overview` tables and figures describing a corpus (notebook 01)
- :mod:`helpers.add`      add an article (.txt, text or saved .html) safely (``add_article``)
- :mod:`helpers.cache`    per-article results cached by content hash and computed on every core
- :mod:`helpers.clean`    boilerplate out, with an audit of every removed line (``clean_article``, ``clean_corpus``, ``RULES``)
- :mod:`helpers.sentences` sentence splitting by NLTK Punkt's rules with shipped abbreviations (``split_sentences``, ``sentence_spans``)
- :mod:`helpers.quotes`   direct quotations with their speakers (``extract_quotes``, ``quotes_for_corpus``)
- :mod:`helpers.terms`    word lists, n-grams, collocations, TF-IDF, keywords in context, dispersion (notebook 03)
- :mod:`helpers.actors`   who is named in a text, and which alliances they belonged to on the article's date
- :mod:`helpers.compare`  the camps compared: mentions, co-occurrence network, quotes, distinctive words, tone
- :mod:`helpers.score`    the quote scorer: predictions against hand-annotated quotes (``python -m helpers score``)
- :mod:`helpers.tables`   tables for reading in a notebook: rounded, wrapped, escaped, first rows (``show_table``)
"""
from . import actors, add, cache, clean, compare, overview, quotes, sentences, terms
from .add import add_article
from .config import corpus_dir, figures_dir, shown
from .corpus import CorpusError, count_words, find_problems, load_corpus, read_article
from .figures import colour_for, palette, save_figure, save_table, use_style
from .tables import show_table

__all__ = [
    "CorpusError", "add_article", "colour_for", "corpus_dir", "count_words", "figures_dir", "find_problems",
    "load_corpus", "palette", "read_article", "save_figure", "save_table", "show_table", "shown", "use_style",
]
