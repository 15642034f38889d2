"""Term frequency: word lists, n-grams, collocations, collocates, TF-IDF, keywords in context,
dispersion, lexical diversity.

The tools researchers know from quanteda, AntConc and Voyant, built on parts of NLTK that
need no downloaded data (``RegexpTokenizer``, ``MWETokenizer``, the collocation finders, the
Snowball stemmer) and on simplemma, which ships its own lemma tables. Nothing here downloads.

From a text to the terms that are counted::

    tokenize        tokens: lower case, accents folded ("Nicolás" = "nicolas"), possessive 's
                    dropped ("Venezuela’s" = "venezuela"), "U.S." one token
    term_segments   known names merged into one term ("lima group", from data/phrases.txt),
                    lemmas (or stems), then split at line breaks and wherever
                    punctuation, a number or a stopword (data/stopwords_*.txt) is left out
    terms           the segments run together: the terms of the text, in order

N-grams and collocations are counted inside segments, so they never join words across a
full stop, a line break (headlines and captions end without one), a number or a left-out
stopword. The word lists are plain text files in ``helpers/data/``: edit them, and every
table here changes with them.

Corpus tables take the articles DataFrame of :func:`helpers.load_corpus` (cleaned by
``helpers.clean.clean_corpus``, which adds ``clean_text``) and are indexed by article id.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import accumulate, chain
from pathlib import Path

import numpy as np
import pandas as pd
import simplemma

from . import _lightnltk  # noqa: F401  (before NLTK: it keeps scipy.stats from loading with it)
from nltk.collocations import (BigramAssocMeasures, BigramCollocationFinder, TrigramAssocMeasures,
                               TrigramCollocationFinder)
from nltk.stem.snowball import SnowballStemmer
from nltk.tokenize import MWETokenizer, RegexpTokenizer
from nltk.util import Trie, ngrams

from .cache import per_article
from .config import DATA_DIR
from .datafiles import lines
from .text import fold
from .overview import NOT_STATED

STOPWORDS_FILE = DATA_DIR / "stopwords_en.txt"
EXTRA_STOPWORDS_FILE = DATA_DIR / "stopwords_extra.txt"
PHRASES_FILE = DATA_DIR / "phrases.txt"
KEEP_FILE = DATA_DIR / "terms_keep.txt"
LEMMA_FIXES_FILE = DATA_DIR / "terms_lemmas.txt"
SAME_FILE = DATA_DIR / "terms_same.txt"
COLUMN = "clean_text"

# --------------------------------------------------------------------------- tokens

_NUMBER = re.compile(r"\d[\d.,:/-]*(?:st|nd|rd|th|s)?")
_SPACE = re.compile(r"\s+")


class NewsTokenizer(RegexpTokenizer):
    """NLTK's :class:`~nltk.tokenize.RegexpTokenizer` with a pattern written for news text.

    One token per: web or e-mail address (whole, so its pieces never become words),
    initialism ("U.S.", "U.N.", also "U.S.-backed"), number with separators
    ("1,000", "3.5", "10:30", "10/04/2017"), word (hyphenated words whole: "anti-government",
    "2019-05-01", "20-21"; inner apostrophes kept: "Venezuela’s", "don't"), any other mark.
    The pattern is fixed and linear, so it is compiled with the standard ``re`` module; NLTK's
    time-limited engine (meant for patterns typed by a user) would make tokenising 3x slower.
    Its repeats are possessive (``++``, ``*+``): each alternative's first, greedy reading is the
    one that matches (what may follow a repeat can never be a character the repeat takes), so
    the tokens are those of plain repeats, and the engine keeps no positions to go back to,
    which makes tokenising a quarter faster.

    >>> NewsTokenizer().tokenize("U.S.-backed talks cost $1,000 on 2019-05-01.")
    ['U.S.-backed', 'talks', 'cost', '$', '1,000', 'on', '2019-05-01', '.']
    """

    PATTERN = r"""
          (?:https?://|www\.)[^\s<>"]*(?<![.,;:!?)\]'’])       # a web address, whole
        | [\w.+-]++@[^\W_]++(?:[.-][^\W_]++)++                  # an e-mail address, whole
        | @\w++                                                 # a social-media handle, whole
        | (?:[A-Za-z]\.){2,}+(?:-[^\W_]++)*+(?:['’][sS]\b)?+   # initialisms: U.S., U.N., a.m.
        | \d++(?:[.,:/]\d++)++                                  # numbers with separators: 1,000  3.5
        | [^\W_]++(?:[-‐‑][^\W_]++)*+(?:['’][^\W_]++)*+          # words, hyphenated words, don't
        | \S                                                    # any other mark, one at a time
    """

    def __init__(self):
        super().__init__(self.PATTERN, flags=re.VERBOSE)
        self._regexp = re.compile(self.PATTERN, re.VERBOSE)
        # The same pattern without the alternatives a text cannot match: an address needs "://"
        # or "www.", an e-mail address or a handle needs "@". Most articles have neither, and
        # trying the e-mail alternative reads every word twice (a fifth of the tokenising time).
        lines = [line for line in self.PATTERN.splitlines() if line.strip()]
        assert "https?://" in lines[0] and "@" in lines[1] and "@" in lines[2] and "@" not in "".join(lines[3:]), \
            "PATTERN must begin with its address, e-mail and handle alternatives, one a line"
        self._plain = re.compile("\n".join(lines[3:]).replace("|", " ", 1), re.VERBOSE)
        self._no_address = re.compile("\n".join(lines[1:]).replace("|", " ", 1), re.VERBOSE)

    def tokenize(self, text: str) -> list[str]:
        """The tokens of ``text``, as the whole pattern finds them."""
        if "@" not in text:
            pattern = self._plain if "://" not in text and "www." not in text else self._regexp
        else:
            pattern = self._regexp if "://" in text or "www." in text else self._no_address
        return pattern.findall(text)


_TOKENIZER = NewsTokenizer()


class PhraseMerger(MWETokenizer):
    """NLTK's :class:`~nltk.tokenize.MWETokenizer` (multi-word names made one token), faster.

    The same merges as NLTK's (the longest listed phrase at each position, left to right),
    but only positions whose token can begin a phrase are looked at; the tokens between them
    are copied in one step. NLTK's loop looks at every token, which made merging names as
    slow as tokenising itself.

    >>> PhraseMerger([("lima", "group"), ("lima", "group", "summit")], separator=" ").tokenize(
    ...     "the lima group summit and the lima group in lima".split())
    ['the', 'lima group summit', 'and', 'the', 'lima group', 'in', 'lima']
    """

    def tokenize(self, text: list[str]) -> list[str]:
        trie = self._mwes
        result, i, n = [], 0, len(text)
        for start in [k for k, token in enumerate(text) if token in trie]:
            if start < i:
                continue  # inside a phrase merged already
            result.extend(text[i:start])
            node, j, end = trie, start, -1
            while j < n and text[j] in node:  # walk the phrases that begin here, as NLTK does
                node = node[text[j]]
                j += 1
                if Trie.LEAF in node:
                    end = j  # the longest phrase so far ends here
            if end > -1:
                result.append(self._separator.join(text[start:end]))
                i = end
            else:
                result.append(text[start])
                i = start + 1
        result.extend(text[i:])
        return result


# "US" in capitals is the country, except in "US$" (dollars) or among other words in capitals ("HELP US")
_US = re.compile(r"(?<![A-Z]{2} )\bUS\b(?![$])(?! [A-Z]{2})")
_SAINT = re.compile(r"\bSt\.(?= [A-Z])")  # "St. Vincent" is "Saint Vincent", as actors.csv writes it
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})  # hyphen and non-breaking hyphen: one "-"


def _drop_possessive(token: str) -> str:
    """``token`` without a possessive 's ("venezuela's" -> "venezuela"; "let's" is no possessive)."""
    if token[-2:] in ("'s", "'S") and len(token) > 2 and token.lower() != "let's":
        return token[:-2]
    return token


def _normalise(token: str, lower: bool) -> str:
    """One raw token as :func:`tokenize` gives it: straight apostrophe, possessive 's dropped, US = U.S."""
    token = _drop_possessive(token.replace("’", "'"))
    if token == "US" or token.startswith("US-"):  # in capitals "US" is the country, not the pronoun
        token = "U.S." + token[2:]
    return token.lower() if lower else token


def tokenize(text: str, *, fold_accents: bool = True, lower: bool = True) -> list[str]:
    """Split a news text into tokens: words, numbers and punctuation marks.

    Possessive 's is dropped (with either apostrophe), initialisms stay whole ("u.s."), and so
    do hyphenated words, decimals and thousands ("1,000"). Dates split into their parts:
    "April 10, 2017" gives "april", "10", ",", "2017" (ISO dates such as "2019-05-01" stay
    whole); :func:`terms` leaves numbers and month names out of the counts.

    >>> tokenize("Venezuela’s ALBA allies, Nicolás Maduro's U.S. critics: 1,000 anti-government protesters")
    ['venezuela', 'alba', 'allies', ',', 'nicolas', 'maduro', 'u.s.', 'critics', ':', '1,000', 'anti-government', 'protesters']
    >>> tokenize("Maduro’s US critics", lower=False)
    ['Maduro', 'U.S.', 'critics']
    """
    if fold_accents:
        text = fold(text)
    # whole-text steps first (fast), then one cheap test per token; _normalise does the same per token
    if "’" in text:
        text = text.replace("’", "'")
    if "US" in text:
        text = _US.sub("U.S.", text)
    if "St." in text:
        text = _SAINT.sub("Saint", text)
    if "\u2010" in text or "\u2011" in text:
        text = text.translate(_HYPHENS)
    if lower:
        text = text.lower()
    # _drop_possessive written inline: tokenising is the hot path of every per-article stage
    return [token[:-2] if token[-2:] in ("'s", "'S") and token.lower() != "let's" else token
            for token in _TOKENIZER.tokenize(text)]


_ADDRESS = re.compile(r"https?://|www\.|[^@\s]+@")  # web and e-mail addresses: never terms


def is_word(token: str) -> bool:
    """True for words and numbers, False for punctuation marks.

    >>> [is_word(t) for t in ["u.s.", "2017", "—", ","]]
    [True, True, False, False]
    """
    return token[:1].isalnum()


# --------------------------------------------------------------------------- word lists

def _read_list(path) -> list[str]:
    """Non-blank, non-comment lines of a word-list file, stripped."""
    return lines(path)


def _normalise_word(word: str) -> str:
    return fold(word).replace("’", "'").lower()


@lru_cache(maxsize=None)
def _stopwords(extra: bool) -> frozenset[str]:
    words = _read_list(STOPWORDS_FILE) + (_read_list(EXTRA_STOPWORDS_FILE) if extra else [])
    return frozenset(_normalise_word(w) for w in words)


def load_stopwords(extra: bool = True) -> set[str]:
    """The stopwords: ``data/stopwords_en.txt`` plus, unless ``extra=False``, ``data/stopwords_extra.txt``.

    >>> stop = load_stopwords()
    >>> "the" in stop, "said" in stop, "said" in load_stopwords(extra=False), "alliance" in stop
    (True, True, False, False)
    """
    return set(_stopwords(extra))


@lru_cache(maxsize=None)
def _same_terms() -> dict[str, str]:
    """``data/terms_same.txt``: each spelling (tokenised, words joined by a space) to its term."""
    same = {}
    for line in _read_list(SAME_FILE):
        spelling, _, term = line.partition("|")
        key = " ".join(t for t in tokenize(spelling) if is_word(t))
        value = " ".join(t for t in tokenize(term) if is_word(t))
        if key and value:
            same[key] = value
    return same


def load_same_terms() -> dict[str, str]:
    """One term per entity (``data/terms_same.txt``): spelling to the term it is counted as.

    >>> same = load_same_terms()
    >>> same["u.n."], same["un"], same["organisation of american states"], same["united states"]
    ('u.n.', 'u.n.', 'oas', 'u.s.')
    """
    return dict(_same_terms())


@lru_cache(maxsize=None)
def _phrases() -> tuple[tuple[str, ...], ...]:
    # the names of phrases.txt, and the spellings of several words of terms_same.txt
    return tuple(dict.fromkeys(_phrase_tuples(_read_list(PHRASES_FILE) + list(_same_terms()))))


def _phrase_tuples(phrases: Iterable[str | Sequence[str]]) -> list[tuple[str, ...]]:
    """Phrases as tuples of tokens, tokenised like the texts; single words are left out."""
    tuples = []
    for phrase in phrases:
        text = phrase if isinstance(phrase, str) else " ".join(phrase)
        words = tuple(t for t in tokenize(text) if is_word(t))
        if len(words) > 1:
            tuples.append(words)
    return tuples


def load_phrases() -> list[tuple[str, ...]]:
    """The multi-word names in ``data/phrases.txt``, each as a tuple of tokens.

    >>> ("lima", "group") in load_phrases(), ("nicolas", "maduro") in load_phrases()
    (True, True)
    """
    return list(_phrases())


@lru_cache(maxsize=None)
def _keep_words() -> frozenset[str]:
    return frozenset(_normalise_word(w) for w in _read_list(KEEP_FILE))


def load_keep_words() -> set[str]:
    """Words never lemmatised or stemmed (``data/terms_keep.txt``): acronyms, names, "media".

    >>> {"oas", "caracas", "media"} <= load_keep_words()
    True
    """
    return set(_keep_words())


@lru_cache(maxsize=None)
def _lemma_fixes() -> dict[str, str]:
    pairs = (line.split() for line in _read_list(LEMMA_FIXES_FILE))
    return {_normalise_word(pair[0]): _normalise_word(pair[1]) for pair in pairs if len(pair) == 2}


def lemma(word: str) -> str:
    """The dictionary form of one lower-case word: simplemma, corrected by ``data/terms_lemmas.txt``.

    >>> [lemma(w) for w in ["allies", "pledged", "was", "growing", "meeting"]]
    ['ally', 'pledge', 'be', 'grow', 'meeting']
    """
    fixed = _lemma_fixes().get(word)
    return fixed if fixed is not None else simplemma.lemmatize(word, lang="en").lower()


# --------------------------------------------------------------------------- terms

_STEMMER = SnowballStemmer("english")
LEMMATIZE_MODES = {True: "lemma", "lemma": "lemma", "stem": "stem", False: None, None: None}


class _TermRules:
    """Everything that turns tokens into counted terms, with a memo from token to term."""

    def __init__(self, stopwords: frozenset[str], phrases: tuple[tuple[str, ...], ...],
                 keep: frozenset[str], mode: str | None, numbers: bool):
        self.stopwords, self.keep, self.mode, self.numbers = stopwords, keep, mode, numbers
        self.merger = PhraseMerger(list(phrases), separator=" ") if phrases else None
        self.memo: dict[str, str | None] = {}

    def base_form(self, token: str) -> str:
        if self.mode is None or token in self.keep or not token.isalpha():
            return token
        if self.mode == "stem":
            return _STEMMER.stem(token)
        return lemma(token)

    def term(self, token: str) -> str | None:
        """The term a token is counted as, or None when it is left out."""
        same = _same_terms().get(token)
        if same is not None:  # "u.n." and "United Nations" are one term
            return same
        if " " in token:  # a merged name
            return token
        if not is_word(token) or (not self.numbers and _NUMBER.fullmatch(token)) or _ADDRESS.match(token):
            return None
        if token in self.stopwords:
            return None
        base = self.base_form(token)
        return None if base in self.stopwords else base

    def tokens(self, text: str) -> list[str]:
        """The tokens of ``text`` with multi-word names merged; a line break is a NUL mark."""
        tokens = tokenize(text.replace("\n", " \x00 "))
        return self.merger.tokenize(tokens) if self.merger is not None else tokens

    def segments(self, text: str) -> list[list[str]]:
        # A line break ends a run (headlines and captions have no full stop). The whole text is
        # tokenised at once with each line break written as a NUL mark: a mark is a token of its
        # own that is never a term and never part of a name, so it ends the run exactly as
        # tokenising line by line would (and a NUL already in the text was such a mark anyway).
        memo, runs, run = self.memo, [], []
        for token in self.tokens(text):
            try:
                term = memo[token]
            except KeyError:
                term = memo[token] = self.term(token)
            if term is None:
                if run:
                    runs.append(run)
                    run = []
            else:
                run.append(term)
        if run:
            runs.append(run)
        return runs


@lru_cache(maxsize=32)
def _cached_rules(stopwords, phrases, keep, mode, numbers) -> _TermRules:
    return _TermRules(
        _stopwords(True) if stopwords is None else frozenset(_normalise_word(w) for w in stopwords),
        _phrases() if phrases is None else tuple(_phrase_tuples(phrases)),
        _keep_words() if keep is None else frozenset(_normalise_word(w) for w in keep),
        mode, numbers)


def _rules(stopwords=None, phrases=None, keep=None, lemmatize=True, numbers=False) -> _TermRules:
    if lemmatize not in LEMMATIZE_MODES:
        raise ValueError(f"lemmatize={lemmatize!r} is not understood; use True (lemmas), 'stem' or False")
    phrase_key = None if phrases is None else tuple(p if isinstance(p, str) else tuple(p) for p in phrases)
    return _cached_rules(None if stopwords is None else frozenset(stopwords), phrase_key,
                         None if keep is None else frozenset(keep), LEMMATIZE_MODES[lemmatize], bool(numbers))


def term_segments(text: str, *, stopwords: Iterable[str] | None = None,
                  phrases: Iterable[str | Sequence[str]] | None = None, lemmatize: bool | str = True,
                  numbers: bool = False, keep: Iterable[str] | None = None) -> list[list[str]]:
    """The counted terms of ``text`` in runs, split at line breaks and wherever a token was left out.

    Options as for :func:`terms`. Use the runs to count n-grams that do not reach across
    punctuation or a left-out word.

    >>> term_segments("The Lima Group met in Lima, Peru, on Tuesday.")
    [['lima group', 'meet'], ['lima'], ['peru']]
    """
    return _rules(stopwords, phrases, keep, lemmatize, numbers).segments(text)


def terms(text: str, *, stopwords: Iterable[str] | None = None,
          phrases: Iterable[str | Sequence[str]] | None = None, lemmatize: bool | str = True,
          numbers: bool = False, keep: Iterable[str] | None = None) -> list[str]:
    """The terms of ``text`` that are counted, in order.

    - ``phrases``: names merged into one term (default: ``data/phrases.txt``); strings
      ("Lima Group") or tuples of tokens; ``()`` merges none.
    - ``stopwords``: words left out (default: :func:`load_stopwords`); a word is left out when
      it or its lemma (stem) is a stopword, so "say" also removes "said"; ``()`` keeps all.
    - ``lemmatize``: True for dictionary lemmas (simplemma), "stem" for Snowball stems, False
      to count words as written. Names, acronyms (``data/terms_keep.txt``), numbers,
      initialisms and hyphenated words are never changed.
    - ``numbers``: keep numbers ("2017", "1,000", "14th") as terms; left out by default.

    >>> terms("Nicolás Maduro’s allies pledged support to Nicolas Maduro at the OAS, said Rodriguez.")
    ['nicolas maduro', 'ally', 'pledge', 'support', 'nicolas maduro', 'oas', 'rodriguez']
    >>> terms("Allies pledged support", lemmatize="stem"), terms("Allies pledged support", lemmatize=False)
    (['alli', 'pledg', 'support'], ['allies', 'pledged', 'support'])
    """
    return [term for run in term_segments(text, stopwords=stopwords, phrases=phrases, lemmatize=lemmatize,
                                          numbers=numbers, keep=keep) for term in run]


# --------------------------------------------------------------------------- corpus tables

def _texts(articles: pd.DataFrame, column: str) -> pd.Series:
    """The texts of ``column`` indexed by article id, with a plain error when the column is missing."""
    if column not in articles.columns:
        hint = " (run helpers.clean.clean_corpus first, or pass column='text')" if column == COLUMN else ""
        raise KeyError(f"the articles table has no column {column!r}{hint}")
    ids = articles["id"] if "id" in articles.columns else articles.index.to_series()
    return pd.Series(articles[column].fillna("").astype(str).to_numpy(), index=pd.Index(ids, name="article"),
                     name=column)


def article_segments(articles: pd.DataFrame, column: str = COLUMN, progress: bool = False, **options) -> pd.Series:
    """:func:`term_segments` of every article, indexed by article id (options as for :func:`terms`).

    Per-article results are cached and computed on every core (:func:`helpers.cache.per_article`).
    """
    return _per_article_series("terms", _segments_of, articles, column, progress, options, "segments")


def _per_article_series(stage: str, function, articles: pd.DataFrame, column: str, progress: bool,
                        options: dict, name: str) -> pd.Series:
    """``function(text, options)`` for each article's text, on every core and cached, as a Series
    by article id. Bad options are rejected before any work."""
    _rules(**options)
    texts = _texts(articles, column)
    plain = _plain_options(options)
    results = per_article(stage, function, [(text, plain) for text in texts], progress=progress)
    return pd.Series(results, index=texts.index, name=name, dtype="object")


def _plain_options(options: dict) -> dict:
    """The options as JSON-friendly values (sets sorted, tuples made lists), for the cache key."""
    return {name: (sorted(value) if isinstance(value, (set, frozenset)) else
                   [p if isinstance(p, str) else list(p) for p in value] if isinstance(value, (list, tuple)) else value)
            for name, value in options.items()}


def _segments_of(text: str, options: dict) -> list[list[str]]:
    return term_segments(text, **options)


def article_terms(articles: pd.DataFrame, column: str = COLUMN, progress: bool = False, **options) -> pd.Series:
    """:func:`terms` of every article, indexed by article id (options as for :func:`terms`).

    >>> frame = pd.DataFrame({"id": ["a", "b"], "text": ["The OAS met.", "ALBA and the OAS"]})
    >>> article_terms(frame, "text").to_dict()
    {'a': ['oas', 'meet'], 'b': ['alba', 'oas']}
    """
    segments = article_segments(articles, column, progress=progress, **options)
    return segments.map(lambda runs: [t for run in runs for t in run]).rename("terms")


def term_counts(articles: pd.DataFrame, column: str = COLUMN, progress: bool = False, **options) -> pd.Series:
    """How often each term occurs in each article: a ``{term: count}`` dict per article id,
    most frequent first (ties in order of first use). Options as for :func:`terms`.

    The counting is done per article on every core, next to the tokenising, so only the
    counts travel back: for thousands of articles this is much lighter than
    :func:`article_terms` followed by a count.

    >>> frame = pd.DataFrame({"id": ["a", "b"], "text": ["ALBA allies met ALBA.", "The OAS met."]})
    >>> term_counts(frame, "text").to_dict()
    {'a': {'alba': 2, 'ally': 1, 'meet': 1}, 'b': {'oas': 1, 'meet': 1}}
    """
    return _per_article_series("term-counts", _counts_of, articles, column, progress, options, "term_counts")


def _counts_of(text: str, options: dict) -> dict[str, int]:
    """``Counter`` of the terms of :func:`term_segments`, most frequent first (ties in order of
    first use), counted a quicker way: each distinct token is counted first (in C) and turned
    into its term once. Tokens are counted in order of first use, so each term is first met at
    its earliest token, and the order of ties is that of the runs."""
    rules = _rules(**options)
    memo, totals = rules.memo, {}
    for token, count in Counter(rules.tokens(text)).items():
        try:
            term = memo[token]
        except KeyError:
            term = memo[token] = rules.term(token)
        if term is not None:
            totals[term] = totals.get(term, 0) + count
    return dict(Counter(totals).most_common())


def word_counts(articles: pd.DataFrame, column: str = COLUMN) -> pd.Series:
    """Running words per article (every word and number, stopwords included): the base of per-1,000 rates.

    >>> word_counts(pd.DataFrame({"id": ["a"], "text": ["The U.S. and Venezuela’s allies, in 2019."]}), "text").tolist()
    [7]
    """
    def count(text: str) -> int:
        return sum(1 for token in _TOKENIZER.tokenize(fold(text)) if token[0].isalnum())
    return _texts(articles, column).map(count).astype("int64").rename("words")


def document_term_matrix(articles: pd.DataFrame, column: str = COLUMN, *, min_df: int = 1,
                         max_terms: int | None = None, **options) -> pd.DataFrame:
    """Counts of each term in each article: one row per article id, one column per term.

    Columns run from the most frequent term to the least (ties alphabetical). ``min_df`` keeps
    terms found in at least that many articles; ``max_terms`` keeps only the most frequent.
    The matrix is dense, so for thousands of articles set ``max_terms`` (a few thousand).
    Other options as for :func:`terms`.

    >>> frame = pd.DataFrame({"id": ["a", "b"], "text": ["ALBA allies met ALBA.", "The OAS met."]})
    >>> document_term_matrix(frame, "text").to_dict("index")
    {'a': {'alba': 2, 'meet': 1, 'ally': 1, 'oas': 0}, 'b': {'alba': 0, 'meet': 1, 'ally': 0, 'oas': 1}}
    """
    return count_matrix(article_terms(articles, column, **options), min_df=min_df, max_terms=max_terms)


def count_matrix(term_lists: pd.Series, *, min_df: int = 1, max_terms: int | None = None) -> pd.DataFrame:
    """Document-term counts from lists of terms (a Series indexed by article id); see :func:`document_term_matrix`.

    >>> count_matrix(pd.Series({"a": ["x", "y", "x"], "b": ["y"]}), min_df=2).to_dict()
    {'y': {'a': 1, 'b': 1}}
    """
    counters = [Counter(terms_) for terms_ in term_lists]
    totals: Counter = Counter()
    in_articles: Counter = Counter()
    for counter in counters:
        totals.update(counter)
        in_articles.update(counter.keys())
    vocabulary = sorted((t for t, df in in_articles.items() if df >= min_df), key=lambda t: (-totals[t], t))
    if max_terms is not None:
        vocabulary = vocabulary[:max_terms]
    position = {term: j for j, term in enumerate(vocabulary)}
    matrix = np.zeros((len(counters), len(vocabulary)), dtype=np.int64)
    for i, counter in enumerate(counters):
        cells = [(position[t], k) for t, k in counter.items() if t in position]
        if cells:
            columns, values = zip(*cells)
            matrix[i, list(columns)] = values
    index = pd.Index(term_lists.index, name="article")
    return pd.DataFrame(matrix, index=index, columns=pd.Index(vocabulary, name="term", dtype=object))


def per_thousand(counts: pd.DataFrame, words: pd.Series) -> pd.DataFrame:
    """Counts as rates per 1,000 running words of each article (rows matched on article id).

    >>> per_thousand(pd.DataFrame({"oas": [2, 0]}, index=["a", "b"]), pd.Series({"a": 500, "b": 100})).to_dict()
    {'oas': {'a': 4.0, 'b': 0.0}}
    """
    return counts.div(words.reindex(counts.index), axis=0) * 1000


def per_thousand_by_period(counts: pd.DataFrame, words: pd.Series, dates: pd.Series, freq: str) -> pd.DataFrame:
    """Counts per 1,000 running words of the articles of each period (``freq``: "M", "Q" or "Y"),
    one column per period from the first to the last (empty periods blank), and a last column
    "undated" for articles without a date; rows are the terms.

    >>> counts = pd.DataFrame({"oas": [2, 0, 1]}, index=["a", "b", "c"])
    >>> words = pd.Series({"a": 500, "b": 500, "c": 100})
    >>> dates = pd.Series({"a": pd.Timestamp("2019-01-05"), "b": pd.Timestamp("2021-03-01"), "c": pd.NaT})
    >>> per_thousand_by_period(counts, words, dates, "Y").round(1).to_dict("index")
    {'oas': {'2019': 4.0, '2020': nan, '2021': 0.0, 'undated': 10.0}}
    """
    from .overview import sum_by_period

    totals = sum_by_period(counts, dates, freq)
    running = sum_by_period(words.reindex(counts.index).to_frame("words"), dates, freq)["words"]
    return (totals.div(running.where(running > 0), axis=0) * 1000).T


def count_frame(counts_by_article: pd.Series, terms_: Iterable[str]) -> pd.DataFrame:
    """Articles × ``terms_`` counts from :func:`term_counts` (one ``{term: count}`` dict per
    article id), for terms the document-term matrix may have left out.

    >>> count_frame(pd.Series({"a": {"oas": 2}, "b": {"alba": 1}}), ["oas", "celac"]).to_dict("index")
    {'a': {'oas': 2, 'celac': 0}, 'b': {'oas': 0, 'celac': 0}}
    """
    terms_ = list(terms_)
    rows = [[counts.get(t, 0) for t in terms_] for counts in counts_by_article]
    return pd.DataFrame(rows, index=counts_by_article.index, columns=terms_, dtype="int64")


def node_terms(query: str, vocabulary: Iterable[str], **options) -> list[str]:
    """The terms a search word stands for: its term under the counting options (``"Sanctions"``
    → ``["sanction"]``, ``"Lima Group"`` → ``["lima group"]``), or with a ``*`` every term of
    ``vocabulary`` it matches (``"interven*"`` → intervene, intervention…). Empty when it names
    no term: a stopword, or several words the corpus does not count as one name.

    >>> node_terms("Sanctions", [])
    ['sanction']
    >>> node_terms("interven*", ["intervention", "intervene", "venezuela"])
    ['intervene', 'intervention']
    >>> node_terms("Contact Group", ["contact", "group"])  # two words, not one term: add it to the phrases
    []
    """
    if "*" in query:
        pattern = re.compile("^" + ".*".join(re.escape(part) for part in fold(query.lower()).split("*")) + "$")
        return sorted(t for t in set(vocabulary) if pattern.match(t))
    found = terms(query, **options)
    if len(found) > 1:  # several terms: one name only when the corpus counts it as one
        joined = " ".join(found)
        return [joined] if joined in set(vocabulary) else []
    return found


def _alphabetical_rank(columns: pd.Index) -> np.ndarray:
    """Each column's place in alphabetical order."""
    return np.argsort(np.argsort(np.asarray(columns, dtype=str), kind="stable"), kind="stable")


def _top_columns(scores: np.ndarray, counts: np.ndarray, alphabetical: np.ndarray, n: int) -> np.ndarray:
    """Positions of the ``n`` highest positive scores in one row; ties to the higher count, then A-Z."""
    keep = np.flatnonzero(scores > 0)
    order = np.lexsort((alphabetical[keep], -counts[keep], -scores[keep]))
    return keep[order[:n]]


def top_terms(dtm: pd.DataFrame, n: int = 20, words: pd.Series | None = None) -> pd.DataFrame:
    """The ``n`` most frequent terms: count, articles using it, and (given ``words``) rate per 1,000 words.

    >>> dtm = pd.DataFrame({"oas": [2, 1], "alba": [3, 0]}, index=["a", "b"])
    >>> top_terms(dtm, 2, words=pd.Series({"a": 100, "b": 100})).to_dict("records")
    [{'term': 'oas', 'count': 3, 'articles': 2, 'per_1000': 15.0}, {'term': 'alba', 'count': 3, 'articles': 1, 'per_1000': 15.0}]
    """
    table = pd.DataFrame({"term": dtm.columns.astype(object), "count": dtm.sum().to_numpy(),
                          "articles": (dtm > 0).sum().to_numpy()})
    if words is not None:
        table["per_1000"] = table["count"] / words.reindex(dtm.index).sum() * 1000
    table = table.sort_values(["count", "articles", "term"], ascending=[False, False, True], kind="stable")
    return table.head(n).reset_index(drop=True)


def _labels(values: pd.Series) -> pd.Series:
    """Group labels: text values stripped, blanks as "(not stated)"; other values as they are."""
    if values.dtype.kind in "OSU" or isinstance(values.dtype, pd.StringDtype):
        return values.fillna("").astype(str).str.strip().replace("", NOT_STATED)
    return values


def _group_keys(articles: pd.DataFrame, index: pd.Index, by: str) -> pd.Series:
    return _labels(articles.set_index("id", drop=False)[by].reindex(index)).rename(by)


def top_terms_by(articles: pd.DataFrame, dtm: pd.DataFrame, by: str = "outlet", n: int = 10,
                 words: pd.Series | None = None) -> pd.DataFrame:
    """The ``n`` most frequent terms for each value of ``by`` (an articles column; "id" for per article).

    One row per group and rank: ``by``, rank, term, count and, given ``words``, per_1000 (rate
    per 1,000 running words of that group). Blank values are grouped as "(not stated)".

    >>> articles = pd.DataFrame({"id": ["a", "b", "c"], "outlet": ["X", "X", ""]})
    >>> dtm = pd.DataFrame({"oas": [2, 1, 0], "alba": [0, 1, 4]}, index=articles["id"])
    >>> top_terms_by(articles, dtm, "outlet", n=1)[["outlet", "term", "count"]].to_dict("records")
    [{'outlet': '(not stated)', 'term': 'alba', 'count': 4}, {'outlet': 'X', 'term': 'oas', 'count': 3}]
    """
    keys = _group_keys(articles, dtm.index, by)
    summed = dtm.groupby(keys.to_numpy(), sort=True).sum()
    group_words = words.reindex(dtm.index).groupby(keys.to_numpy()).sum() if words is not None else None
    terms_ = summed.columns.astype(object)
    values = summed.to_numpy()
    alphabetical = _alphabetical_rank(terms_)
    rows = []
    for group, row in zip(summed.index, values):
        for rank, j in enumerate(_top_columns(row, row, alphabetical, n), start=1):
            entry = {by: group, "rank": rank, "term": terms_[j], "count": int(row[j])}
            if group_words is not None:
                entry["per_1000"] = row[j] / group_words[group] * 1000 if group_words[group] else np.nan
            rows.append(entry)
    columns = [by, "rank", "term", "count"] + (["per_1000"] if words is not None else [])
    return pd.DataFrame(rows, columns=columns)


# --------------------------------------------------------------------------- n-grams and collocations

def _runs(segments_by_article: Iterable[list[list[str]]]) -> list[list[str]]:
    return [run for runs in segments_by_article for run in runs]


def ngrams_table(segments_by_article: Iterable[list[list[str]]], n: int = 2, top: int | None = None) -> pd.DataFrame:
    """The n-grams of consecutive terms, most frequent first: ngram, count, articles.

    ``segments_by_article`` holds one list of runs per article, as :func:`article_segments`
    returns; n-grams never reach from one run into the next. For one text:
    ``ngrams_table([term_segments(text)])``.

    >>> runs = [term_segments("Opposition leader Juan Guaido called the opposition leader."),
    ...         term_segments("An opposition leader spoke.")]
    >>> ngrams_table(runs, 2).to_dict("records")[0]
    {'ngram': 'opposition leader', 'count': 3, 'articles': 2}
    """
    counts: Counter = Counter()
    in_articles: Counter = Counter()
    for runs in segments_by_article:
        grams = [" ".join(gram) for run in runs for gram in ngrams(run, n)]
        counts.update(grams)
        in_articles.update(set(grams))
    table = pd.DataFrame({"ngram": list(counts), "count": list(counts.values()),
                          "articles": [in_articles[g] for g in counts]}, columns=["ngram", "count", "articles"])
    table = table.sort_values(["count", "articles", "ngram"], ascending=[False, False, True], kind="stable")
    return (table.head(top) if top is not None else table).reset_index(drop=True)


_MEASURES = {"pmi": "pmi", "likelihood": "log_likelihood", "log_likelihood": "log_likelihood",
             "likelihood_ratio": "log_likelihood"}


def collocations(segments_by_article: Iterable[list[list[str]]], *, n: int = 2, measure: str = "pmi",
                 min_freq: int = 2, top: int | None = None) -> pd.DataFrame:
    """Pairs (``n=2``) or triples (``n=3``) of terms that occur together more than chance predicts.

    Counted by NLTK's collocation finders inside runs of terms (see :func:`ngrams_table`);
    only those seen at least ``min_freq`` times are scored. Columns: collocation, count, pmi
    (pointwise mutual information, log2 of observed over expected) and log_likelihood
    (Dunning's G², NLTK's ``likelihood_ratio``), sorted by ``measure`` ("pmi" or "likelihood").
    PMI favours rare exclusive pairs, log-likelihood frequent reliable ones.

    >>> runs = [[["lima group", "meet"], ["lima group", "meet"], ["meet", "press"], ["press", "office"]]]
    >>> collocations(runs, min_freq=2)[["collocation", "count"]].to_dict("records")
    [{'collocation': 'lima group meet', 'count': 2}]
    """
    if measure not in _MEASURES:
        raise ValueError(f"measure={measure!r} is not understood; use 'pmi' or 'likelihood'")
    if n not in (2, 3):
        raise ValueError(f"n={n!r}: collocations are pairs (n=2) or triples (n=3)")
    finder_class, measures = ((BigramCollocationFinder, BigramAssocMeasures) if n == 2
                              else (TrigramCollocationFinder, TrigramAssocMeasures))
    finder = finder_class.from_documents(_runs(segments_by_article))
    finder.apply_freq_filter(min_freq)
    pmi = dict(finder.score_ngrams(measures.pmi))
    likelihood = dict(finder.score_ngrams(measures.likelihood_ratio))
    grams = list(pmi)
    table = pd.DataFrame({"collocation": [" ".join(g) for g in grams],
                          "count": [finder.ngram_fd[g] for g in grams],
                          "pmi": [pmi[g] for g in grams],
                          "log_likelihood": [likelihood[g] for g in grams]},
                         columns=["collocation", "count", "pmi", "log_likelihood"])
    table = table.sort_values([_MEASURES[measure], "count", "collocation"], ascending=[False, False, True],
                              kind="stable")
    return (table.head(top) if top is not None else table).reset_index(drop=True)


def _node_set(node: str | Iterable[str]) -> frozenset[str]:
    terms_ = frozenset([node] if isinstance(node, str) else node)
    if not terms_:
        raise ValueError("node names no term to look for")
    return terms_


def _window_counts(runs: list[list[str]], nodes: frozenset[str], window: int):
    """Term frequencies, window slots examined, and each term's left and right co-occurrences
    with the node (one per node occurrence and window position) inside ``runs``."""
    frequency = Counter(chain.from_iterable(runs))
    left: Counter = Counter()
    right: Counter = Counter()
    slots = 0
    for run in runs:
        if nodes.isdisjoint(run):
            continue
        for i in (i for i, term in enumerate(run) if term in nodes):
            before, after = run[max(0, i - window):i], run[i + 1:i + 1 + window]
            left.update(before)
            right.update(after)
            slots += len(before) + len(after)
    return frequency, slots, left, right


def _g2(o11: np.ndarray, r1: float, c1: np.ndarray, n: float) -> np.ndarray:
    """Signed log-likelihood G² of 2×2 tables given cell O11, row total R1, column totals C1 and N
    (cells clipped at 0; expected cells from the margins; negative when O11 is below expectation)."""
    cells = np.stack([o11, np.maximum(r1 - o11, 0), np.maximum(c1 - o11, 0), np.zeros_like(o11)])
    cells[3] = np.maximum(n - cells[:3].sum(axis=0), 0)
    total = cells.sum(axis=0)
    rows = np.stack([cells[0] + cells[1]] * 2 + [cells[2] + cells[3]] * 2)
    columns = np.stack([cells[0] + cells[2], cells[1] + cells[3]] * 2)
    expected = rows * columns / total
    with np.errstate(divide="ignore", invalid="ignore"):
        terms_ = np.where(cells > 0, cells * np.log(cells / expected), 0.0)
    g2 = 2 * terms_.sum(axis=0)
    return np.where(cells[0] < expected[0], -g2, g2)


COLLOCATE_COLUMNS = ["collocate", "observed", "left", "right", "frequency", "expected", "mi", "g2", "p"]


def collocates(segments_by_article: Iterable[list[list[str]]], node: str | Iterable[str], *, window: int = 5,
               min_freq: int = 2, top: int | None = None) -> pd.DataFrame:
    """The collocates of ``node``: terms found within ``window`` terms to its left or right more
    often than chance predicts (window-based collocation, as in AntConc; Evert 2008, "Corpora and
    collocations").

    ``node`` is a term as the runs hold it ("sanction"), or several counted as one
    (``{"sanction", "embargo"}``). Windows stay inside a run of :func:`article_segments`, so they
    never cross a sentence end, line break or left-out word. Each node occurrence's window is
    counted on its own: a term in the windows of two nearby occurrences counts twice; other node
    occurrences take up window slots but are never listed as collocates.

    Columns: collocate; observed (O, co-occurrences), left and right (those before and after the
    node); frequency (the collocate's count in the corpus); expected (E = S · f(collocate) / N,
    where N is the number of terms in the corpus and S the window slots actually examined: near
    the edge of a run a window is shorter than 2 · window, and counting the real slots keeps E
    from overstating what could be seen, where AntConc uses f(node) · 2 · window); mi (log2 O/E);
    g2 (log-likelihood G² of the 2×2 table O, S - O, f(collocate) - O and the rest of N, negative
    when O < E); p (of G² as chi-square with 1 degree of freedom). Only collocates seen at least
    ``min_freq`` times; strongest G² first, ties alphabetical; ``top`` keeps the first rows.

    >>> runs = [[["tough", "sanction", "hit", "oil"], ["new", "sanction", "hit", "bank"], ["oil", "price"]]]
    >>> collocates(runs, "sanction", window=2).round(3).to_dict("records")  # N = 10 terms, S = 6 slots
    [{'collocate': 'hit', 'observed': 2, 'left': 0, 'right': 2, 'frequency': 2, 'expected': 1.2, 'mi': 0.737, 'g2': 2.37, 'p': 0.124}]
    """
    if window < 1:
        raise ValueError(f"window={window!r}: look at least one term either side")
    nodes = _node_set(node)
    frequency, slots, left, right = _window_counts(_runs(segments_by_article), nodes, window)
    observed = {term: left[term] + right[term] for term in left.keys() | right.keys()
                if term not in nodes and left[term] + right[term] >= min_freq}
    table = pd.DataFrame({"collocate": list(observed), "observed": list(observed.values())}, columns=COLLOCATE_COLUMNS)
    if table.empty:
        return table
    n = float(sum(frequency.values()))
    table["left"] = [left[t] for t in observed]
    table["right"] = [right[t] for t in observed]
    table["frequency"] = [frequency[t] for t in observed]
    o, f = table["observed"].to_numpy(float), table["frequency"].to_numpy(float)
    table["expected"] = slots * f / n
    table["mi"] = np.log2(o / table["expected"])
    table["g2"] = _g2(o, float(slots), f, n)
    table["p"] = [math.erfc(math.sqrt(abs(g) / 2)) for g in table["g2"]]  # chi-square, 1 df
    table = table.sort_values(["g2", "collocate"], ascending=[False, True], kind="stable")
    return (table.head(top) if top is not None else table).reset_index(drop=True)


# --------------------------------------------------------------------------- TF-IDF

def tfidf(dtm: pd.DataFrame, *, relative: bool = False) -> pd.DataFrame:
    """TF-IDF weights: ``tf * log10(N / df)``, the defaults of quanteda's ``dfm_tfidf``.

    ``tf`` is the term's count in the article (with ``relative=True``, its share of the
    article's terms), ``N`` the number of articles and ``df`` the number of articles using the
    term. A term found in every article weighs 0; one found often in a single article weighs most.

    >>> dtm = pd.DataFrame({"lima": [2, 0], "oas": [1, 1]}, index=["a", "b"])
    >>> tfidf(dtm).round(4).to_dict("index")
    {'a': {'lima': 0.6021, 'oas': 0.0}, 'b': {'lima': 0.0, 'oas': 0.0}}
    """
    df = (dtm > 0).sum()
    idf = np.log10(len(dtm) / df.where(df > 0))
    tf = dtm.div(dtm.sum(axis=1).replace(0, np.nan), axis=0).fillna(0.0) if relative else dtm
    return (tf * idf).fillna(0.0)


def distinctive_terms(dtm: pd.DataFrame, n: int = 5, *, relative: bool = False) -> pd.DataFrame:
    """The ``n`` terms with the highest TF-IDF in each article: article, rank, term, count, tfidf.

    Terms with weight 0 (used in every article) are never listed; ties go to the more
    frequent term, then alphabetical order.

    >>> dtm = pd.DataFrame({"lima": [2, 0], "alba": [0, 1], "oas": [1, 1]}, index=["a", "b"])
    >>> distinctive_terms(dtm, 2)[["article", "term", "count"]].to_dict("records")
    [{'article': 'a', 'term': 'lima', 'count': 2}, {'article': 'b', 'term': 'alba', 'count': 1}]
    """
    weights = tfidf(dtm, relative=relative).to_numpy()
    counts = dtm.to_numpy()
    columns = dtm.columns.astype(object)
    alphabetical = _alphabetical_rank(columns)
    rows = []
    for i, article in enumerate(dtm.index):
        for rank, j in enumerate(_top_columns(weights[i], counts[i], alphabetical, n), start=1):
            rows.append({"article": article, "rank": rank, "term": columns[j], "count": int(counts[i, j]),
                         "tfidf": float(weights[i, j])})
    return pd.DataFrame(rows, columns=["article", "rank", "term", "count", "tfidf"])


# --------------------------------------------------------------------------- keywords in context

def _query(query: str) -> list[str | re.Pattern]:
    """A word or phrase as token matchers; ``*`` in a word matches any letters ("interven*")."""
    matchers: list[str | re.Pattern] = []
    for piece in query.split():
        if "*" in piece:
            piece = _normalise(fold(piece), lower=True)
            matchers.append(re.compile(".*".join(re.escape(part) for part in piece.split("*"))))
        else:
            matchers.extend(tokenize(piece))
    if not matchers:
        raise ValueError(f"the query {query!r} has no word to look for")
    return matchers


def _matches(tokens: Sequence[str], matchers: Sequence[str | re.Pattern]) -> list[int]:
    """Start positions in ``tokens`` where the matchers match one token each, in order."""
    def ok(matcher, token):
        return token == matcher if isinstance(matcher, str) else matcher.fullmatch(token) is not None
    first, rest, last = matchers[0], matchers[1:], len(tokens) - len(matchers)
    if isinstance(first, str):
        starts = [i for i, token in enumerate(tokens) if token == first]
    else:
        starts = [i for i, token in enumerate(tokens) if first.fullmatch(token)]
    return [i for i in starts if i <= last and all(ok(m, tokens[i + k]) for k, m in enumerate(rest, 1))]


def _needle(matchers) -> str:
    """Letters every text holding the query must contain: the first word up to any
    apostrophe (a wildcard word: its letters before the ``*``), without full stops."""
    first = matchers[0]
    if isinstance(first, str):
        literal = first
    else:  # "interven.*" -> "interven"; a word starting with * has no fixed letters
        literal = re.sub(r"\\(.)", r"\1", first.pattern.split(".*")[0])
    return literal.replace(".", "").split("'")[0]


def _searchable(text: str) -> str:
    """``text`` as :func:`_might_contain` searches it: folded, lower case, straight
    apostrophes, no full stops (so "U.S." in a text is found by the query "U.S.")."""
    return fold(text).lower().replace("’", "'").replace(".", "")


def _might_contain(text_searchable: str, matchers) -> bool:
    """Cheap test that skips texts which cannot hold the query (``text_searchable``: see
    :func:`_searchable`).

    >>> _might_contain(_searchable("The U.S. said no."), _query("U.S.")), _might_contain("the oas met", _query("interven*"))
    (True, False)
    """
    return _needle(matchers) in text_searchable


def kwic(articles: pd.DataFrame, query: str, *, width: int = 8, column: str = COLUMN) -> pd.DataFrame:
    """Keywords in context: every occurrence of a word or phrase, with ``width`` tokens either side.

    Matching ignores case, accents and possessive 's ("venezuela" finds "Venezuela’s"); a
    ``*`` matches any letters ("interven*" finds intervene, intervention, interventionist).
    Columns: article, left, keyword (as written in the text), right.

    >>> frame = pd.DataFrame({"id": ["a"], "text": ["Rubio urged a US intervention. Maduro rejected any intervention."]})
    >>> kwic(frame, "intervention", width=3, column="text").to_dict("records")[0]
    {'article': 'a', 'left': 'urged a US', 'keyword': 'intervention', 'right': '. Maduro rejected'}
    """
    matchers = _query(query)
    rows = []
    for article, text in _texts(articles, column).items():
        text = unicodedata.normalize("NFC", text)
        if not _might_contain(_searchable(text), matchers):
            continue
        spans = list(_TOKENIZER.span_tokenize(text))
        tokens = [_normalise(fold(text[a:b]), lower=True) for a, b in spans]
        for i in _matches(tokens, matchers):
            j = i + len(matchers)
            left = text[spans[max(0, i - width)][0]:spans[i][0]] if i else ""
            right = text[spans[j - 1][1]:spans[min(len(spans), j + width) - 1][1]]
            rows.append({"article": article, "left": _SPACE.sub(" ", left).strip(),
                         "keyword": _SPACE.sub(" ", text[spans[i][0]:spans[j - 1][1]]),
                         "right": _SPACE.sub(" ", right).strip()})
    return pd.DataFrame(rows, columns=["article", "left", "keyword", "right"])


KWIC_SORTS = ("text", "left", "right", "date")


def kwic_table(articles: pd.DataFrame, query: str, *, width: int = 8, sort: str = "text",
               column: str = COLUMN) -> pd.DataFrame:
    """:func:`kwic` with each line's article named (outlet, date, title, as far as the articles
    table has them) and sorted as a concordancer sorts: ``sort="text"`` keeps reading order,
    ``"left"`` orders by the words just before the keyword (the last one first), ``"right"`` by
    the words just after it, ``"date"`` by the article's date. Save it with
    :func:`helpers.save_table` to open it in a spreadsheet.

    >>> frame = pd.DataFrame({"id": ["a", "b"], "outlet": ["Wire", "Daily"], "date": pd.to_datetime(["2019-05-07", "2018-01-02"]),
    ...                       "title": ["Talks", "Aid"], "text": ["They rejected any intervention now.", "A foreign intervention began."]})
    >>> kwic_table(frame, "intervention", width=2, sort="left", column="text")[["left", "keyword", "outlet"]].values.tolist()
    [['rejected any', 'intervention', 'Wire'], ['A foreign', 'intervention', 'Daily']]
    >>> kwic_table(frame, "intervention", width=2, sort="date", column="text")["outlet"].tolist()
    ['Daily', 'Wire']
    """
    if sort not in KWIC_SORTS:
        raise ValueError(f"sort={sort!r} is not one of {', '.join(KWIC_SORTS)}")
    lines = kwic(articles, query, width=width, column=column)
    ids = articles["id"] if "id" in articles.columns else articles.index.to_series()
    meta = pd.DataFrame({"article": list(ids)})
    for name in ("outlet", "date", "title"):
        meta[name] = list(articles[name]) if name in articles.columns else ""
    table = lines.merge(meta.drop_duplicates("article"), on="article", how="left")
    table = table[["article", "outlet", "date", "title", "left", "keyword", "right"]]
    if sort == "left":  # the word next to the keyword first, then the one before it…
        keys = table["left"].map(lambda s: " ".join(reversed(fold(s).lower().split())))
    elif sort == "right":
        keys = table["right"].map(lambda s: fold(s).lower())
    elif sort == "date":
        keys = pd.to_datetime(table["date"], errors="coerce")
    else:
        return table.reset_index(drop=True)
    return table.assign(_key=keys).sort_values("_key", kind="stable", na_position="last").drop(
        columns="_key").reset_index(drop=True)


def style_kwic(table: pd.DataFrame, rows: int | None = 40, saved: str | Path | None = None):
    """A concordance view of :func:`kwic`: left context right-aligned, keyword in bold, no index
    (escaped, so article text never becomes markup; the first ``rows`` lines); searchable and
    sortable instead when the notebook is open in JupyterLab (:func:`helpers.tables.explore`)."""
    from .tables import explore, interactive, show_table

    if interactive():  # in JupyterLab: every line, to search and sort
        return explore(table, rows=rows, saved=saved)
    return (show_table(table, rows=rows, right=["left"], saved=saved)
            .set_properties(subset=["keyword"], **{"font-weight": "bold", "text-align": "center"}))


# --------------------------------------------------------------------------- dispersion

def _targets(targets: Mapping[str, Iterable[str]] | Iterable[str]) -> dict[str, list[str]]:
    if isinstance(targets, Mapping):
        return {label: [queries] if isinstance(queries, str) else list(queries) for label, queries in targets.items()}
    return {target: [target] for target in targets}


def dispersion(articles: pd.DataFrame, targets: Mapping[str, Iterable[str]] | Iterable[str], *,
               column: str = COLUMN, lengths: pd.Series | None = None) -> pd.DataFrame:
    """Where each target occurs: term, article, position (word number in the article), offset.

    ``targets`` is a list of words or phrases, or a mapping from a label to the forms counted
    under it (``{"OAS": ["OAS", "Organization of American States"]}``). ``offset`` is the
    position in all articles read one after another, in table order, with words counted as
    in :func:`word_counts`. Matching as in :func:`kwic`. ``lengths``, the articles'
    :func:`word_counts` when already known, spares splitting the texts that cannot hold a target.

    >>> frame = pd.DataFrame({"id": ["a", "b"], "text": ["The OAS met.", "Lima Group and OAS"]})
    >>> dispersion(frame, ["OAS", "Lima Group"], column="text").to_dict("records")
    [{'term': 'OAS', 'article': 'a', 'position': 1, 'offset': 1}, {'term': 'OAS', 'article': 'b', 'position': 3, 'offset': 6}, {'term': 'Lima Group', 'article': 'b', 'position': 0, 'offset': 3}]
    """
    queries = {label: [_query(q) for q in forms] for label, forms in _targets(targets).items()}
    texts = _texts(articles, column)
    searchable = [_searchable(text) for text in texts]
    every = [matchers for forms in queries.values() for matchers in forms]
    holds = [any(_might_contain(seen, matchers) for matchers in every) for seen in searchable]
    words = [[t for t in tokenize(text) if t[0].isalnum()] if hold or lengths is None else None
             for text, hold in zip(texts, holds)]
    sizes = [len(w) for w in words] if lengths is None else [int(n) for n in lengths.reindex(texts.index).fillna(0)]
    starts = [0, *accumulate(sizes)]
    rows = []
    for label, forms in queries.items():
        for article, tokens, start, seen, hold in zip(texts.index, words, starts, searchable, holds):
            if not hold:
                continue
            found = sorted({i for matchers in forms if _might_contain(seen, matchers) for i in _matches(tokens, matchers)})
            rows += [{"term": label, "article": article, "position": i, "offset": start + i} for i in found]
    return pd.DataFrame(rows, columns=["term", "article", "position", "offset"])


def dispersion_dp(hits: pd.DataFrame, words: pd.Series) -> pd.Series:
    """Gries' DP ("deviation of proportions", Gries 2008, *International Journal of Corpus
    Linguistics* 13(4)) of each term of ``hits`` (from :func:`dispersion`) over the articles
    of ``words`` (words per article, from :func:`word_counts`): half the sum, over articles, of
    the gap between an article's share of the term's occurrences and its share of all words.
    0 means the term is spread exactly as the words are; values near 1 mean it sits in one
    small part of the corpus. NaN for a term that never occurs.

    >>> words = pd.Series({"a": 6, "b": 4})
    >>> hits = pd.DataFrame({"term": ["X", "X", "Y", "Y"], "article": ["a", "b", "b", "b"]})
    >>> dispersion_dp(hits, words).round(3).to_dict()
    {'X': 0.1, 'Y': 0.6}
    """
    sizes = words.astype(float)
    share = sizes / sizes.sum() if sizes.sum() else sizes
    result = {}
    for term, found in hits.groupby("term", sort=False)["article"]:
        counts = found.value_counts().reindex(sizes.index, fill_value=0).astype(float)
        result[term] = 0.5 * float((counts / counts.sum() - share).abs().sum()) if counts.sum() else float("nan")
    return pd.Series(result, dtype=float)


# --------------------------------------------------------------------------- lexical diversity

def mattr(tokens: Sequence[str], window: int = 100) -> float:
    """Moving-average type-token ratio (Covington & McFall 2010, *Journal of Quantitative
    Linguistics* 17(2)): the mean type-token ratio of every run of ``window`` consecutive tokens,
    so unlike plain TTR it does not fall as a text grows. A text shorter than the window gets its
    plain TTR (one, shorter, window: higher than a full window would give); an empty one NaN.
    Computed in one pass, sliding a count of the window's types.

    >>> mattr("a b a c c b".split(), window=3)  # windows aba, bac, acc, ccb: (2 + 3 + 2 + 2) / 3 / 4
    0.75
    """
    if window < 1:
        raise ValueError(f"window={window!r}: a window holds at least one token")
    if len(tokens) <= window:
        return len(set(tokens)) / len(tokens) if len(tokens) else float("nan")
    counts = Counter(tokens[:window])
    types = total = len(counts)  # types in the current window; their sum over the windows so far
    for leaving, entering in zip(tokens, tokens[window:]):
        counts[leaving] -= 1
        if not counts[leaving]:
            types -= 1
        if not counts[entering]:
            types += 1
        counts[entering] += 1
        total += types
    return total / window / (len(tokens) - window + 1)


def _diversity_of(text: str, window: int) -> list:
    words = [token for token in tokenize(text) if is_word(token)]
    return [len(words), mattr(words, window)]


def lexical_diversity(articles: pd.DataFrame, column: str = COLUMN, *, window: int = 100,
                      by: str | None = None, progress: bool = False) -> pd.DataFrame:
    """MATTR (:func:`mattr`) of every article: id, outlet (when the articles have one), words, mattr.

    Measured on running words as :func:`word_counts` counts them (every word and number, stopwords
    included), lower case, not lemmatised: MATTR is defined on the words as written. Articles
    shorter than ``window`` words get their plain TTR, which runs higher, so compare articles
    of at least ``window`` words. ``by`` (an articles column) gives :func:`diversity_by` of the
    table instead. Cached and on every core, as :func:`article_segments`.

    >>> frame = pd.DataFrame({"id": ["a"], "outlet": ["Wire"], "text": ["The OAS met and the OAS left."]})
    >>> lexical_diversity(frame, "text", window=5).round(3).to_dict("records")  # (4 + 4 + 5) / 5 / 3
    [{'id': 'a', 'outlet': 'Wire', 'words': 7, 'mattr': 0.867}]
    """
    texts = _texts(articles, column)
    results = per_article("diversity", _diversity_of, [(text, window) for text in texts], progress=progress)
    table = pd.DataFrame({"id": texts.index.to_numpy()})
    for name in dict.fromkeys(["outlet", by]):
        if name is not None and name != "id" and name in articles.columns:
            table[name] = _labels(articles[name]).to_numpy()
    table["words"] = [words for words, _ in results]
    table["mattr"] = [float(value) for _, value in results]
    return table if by is None else diversity_by(table, by)


def diversity_by(table: pd.DataFrame, by: str = "outlet") -> pd.DataFrame:
    """:func:`lexical_diversity` summed up for each value of ``by``: articles (those with a MATTR),
    median, q25 and q75 (the interquartile range) of their MATTR.

    >>> table = pd.DataFrame({"outlet": ["X", "X", "X", "Y"], "mattr": [0.6, 0.7, 0.8, 0.5]})
    >>> diversity_by(table).round(3).to_dict("records")
    [{'outlet': 'X', 'articles': 3, 'median': 0.7, 'q25': 0.65, 'q75': 0.75}, {'outlet': 'Y', 'articles': 1, 'median': 0.5, 'q25': 0.5, 'q75': 0.5}]
    """
    groups = table.dropna(subset=["mattr"]).groupby(by, sort=True)["mattr"]
    summary = groups.agg(articles="count", median="median", q25=lambda s: s.quantile(0.25),
                         q75=lambda s: s.quantile(0.75))
    return summary.reset_index()


# --------------------------------------------------------------------------- figures

def term_groups(forms_by_group: Mapping[str, Iterable[str]], **options) -> dict[str, str]:
    """Which group each term stands for, from the names of each group (options as for :func:`terms`).

    >>> term_groups({"OAS": ["OAS", "Organization of American States"], "United States": ["U.S."]})  # one term each
    {'oas': 'OAS', 'u.s.': 'United States'}
    """
    groups: dict[str, str] = {}
    for group, forms in _targets(forms_by_group).items():
        for form in forms:
            for term in terms(form, **{"stopwords": (), **options}):
                groups.setdefault(term, group)
    return groups


# --------------------------------------------------------------------------- heatmap
