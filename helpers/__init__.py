"""Helpers for the news-corpus notebooks: one small module per stage.

The flow: corpus (load, validate, add) → clean (boilerplate out, with an audit) → sentences →
terms / quotes / actors (per article, cached, on every core) → compare (corpus-level tables) →
plots (figures, saved by ``save_figure``).

- :mod:`helpers.config`   where the corpus and figures folders are
- :mod:`helpers.corpus`   load and validate a corpus (``load_corpus``)
- :mod:`helpers.add`      add an article (.txt, text or saved .html) safely (``add_article``)
- :mod:`helpers.cache`    per-article results cached by content hash and computed on every core
- :mod:`helpers.cluster`  the same per-article work on a Dask cluster (``use_cluster``), and a batch run to Parquet
- :mod:`helpers.clean`    boilerplate out, with an audit of every removed line (``clean_article``, ``clean_corpus``, ``RULES``)
- :mod:`helpers.sentences` sentence splitting by NLTK Punkt's rules with shipped abbreviations (``split_sentences``, ``sentence_spans``)
- :mod:`helpers.terms`    word lists, n-grams, collocations, TF-IDF, keywords in context, dispersion (notebook 03)
- :mod:`helpers.quotes`   direct quotations with their speakers (``extract_quotes``, ``quotes_for_corpus``): a
  package of one module per step (marks, names, speakers, cues, extract, wordlists)
- :mod:`helpers.actors`   who is named in a text, and which alliances they belonged to on the article's date
- :mod:`helpers.compare`  the camps compared: mentions, co-occurrence network, quotes, distinctive words, tone
- :mod:`helpers.framing`  which text counts for a camp (mention, subject, speaker), where its words come from,
                          intervals over articles, sensitivity to the prior
- :mod:`helpers.keywords` keywords of part of the corpus against the rest, or against a reference corpus
- :mod:`helpers.overview` tables describing a corpus (notebook 01)
- :mod:`helpers.plots`    the figures, one module per notebook (matplotlib is imported only there)
- :mod:`helpers.figures`  one figure style, fixed colours, deterministic ``save_figure``
- :mod:`helpers.tables`   tables for reading in a notebook: rounded, wrapped, escaped, first rows (``show_table``);
                          searchable and sortable in JupyterLab (``explore``)
- :mod:`helpers.score`    the quote scorer: predictions against hand-annotated quotes (``python -m helpers score``)
- :mod:`helpers.validate` check the speakers on your own corpus: a seeded sample to mark by hand, read back with intervals
- :mod:`helpers.text`     small text utilities (``fold``)
- :mod:`helpers.datafiles` the one reader of the word lists and tables in ``helpers/data/``

Modules are imported when first used (``helpers.quotes`` imports the quote finder then), so
``import helpers`` and the command line start quickly.
"""
from __future__ import annotations

import importlib

_MODULES = ("actors", "add", "cache", "clean", "cluster", "compare", "config", "corpus", "figures", "framing", "groups",
            "keywords", "offices", "overview", "quotes", "datafiles", "plots", "score", "sentences", "tables", "terms", "text", "validate")
_NAMES = {  # the notebook-facing names, and the module each comes from
    "add_article": "add", "corpus_dir": "config", "figures_dir": "config", "shown": "config",
    "CorpusError": "corpus", "count_words": "corpus", "find_problems": "corpus", "load_corpus": "corpus",
    "read_article": "corpus", "colour_for": "figures", "palette": "figures", "save_figure": "figures",
    "save_table": "figures", "use_style": "figures", "use_cluster": "cluster", "show_table": "tables", "explore": "tables",
}
__all__ = sorted(_NAMES)


def __getattr__(name: str):
    """Import a module, or the module behind a notebook-facing name, on first use."""
    if name in _NAMES:
        value = getattr(importlib.import_module(f".{_NAMES[name]}", __name__), name)
        globals()[name] = value
        return value
    if name in _MODULES:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_NAMES, *_MODULES})
