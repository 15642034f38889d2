"""Split news text into sentences the way NLTK's Punkt does, using shipped parameters (no download).

Punkt normally learns its abbreviations from a large training text fetched from
NLTK's data server. Here the parameters are written out in two readable files
instead, so nothing is fetched and a researcher can extend them:

- ``data/abbreviations.txt`` — abbreviations that do not end a sentence
  (``U.S.``, ``Jan.``, ``St.``, ``Gen.``, ``Mr.`` ...). Those marked
  ``before-number`` (``No.``, ``Vol.``, ``Art.`` ...) only count when a number follows,
  because as plain words they often do end a sentence ("They said no.").
- ``data/sentence_starters.txt`` — capitalised words (``The``, ``He``, ``But`` ...) that
  mean a new sentence has begun even after an abbreviation or an initial.

Four rules on top of Punkt:

1. A sentence never crosses a line break: the text is split into lines first.
2. A closing quotation mark or bracket after the final ``.``, ``?`` or ``!`` stays with its
   sentence (``...united.”`` / ``...ally."``).
3. A piece that begins with a lower-case letter is joined to the sentence before it
   (``“...power!” said Rodriguez.`` is one sentence).
4. Single-letter initials (``John F. Kennedy``, ``J. R. R. Tolkien``) never end a sentence
   unless a sentence-starter word follows.

The ambiguous case ``...sent troops to the U.S. The next day...``: an abbreviation
followed by a capitalised sentence-starter word (here ``The``) is taken to end the
sentence, because in news prose "U.S. The" almost always straddles two sentences,
while "U.S. House", "U.S. Secretary", "Gen. Padrino" do not. The price is that a
sentence ending in an abbreviation followed by a name ("...moved to the U.S. Maduro
said...") stays joined to the next one.

Two implementations
-------------------
:func:`sentence_spans` (and :func:`split_sentences`) use :class:`helpers._fastpunkt.FastPunkt`, a
re-implementation of ``PunktSentenceTokenizer.span_tokenize`` for these fixed parameters:
one regular expression finds Punkt's candidate stops in the whole text, the common
candidates (a ``?`` or ``!``, or a full stop after an ordinary word) are decided at once,
and the others (abbreviations, initials, numbers, ellipses, punctuation around the stop)
with Punkt's own word tokenizer and first- and second-pass rules, written out as plain
functions. It gives exactly the same sentences as Punkt, more than ten times faster (Punkt
runs every regular expression under a time limit and builds an object per token).

:func:`punkt_sentence_spans` is the original implementation, with Punkt itself inside. It
is the slower reference the fast splitter is checked against (``tests/test_sentences.py``
compares the two on every article at hand); nothing in the pipeline calls it. When
Punkt's behaviour looks wrong, the fast splitter still copies it: being equal to the
reference is the point.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ._fastpunkt import ORTHO_SENTENCE_STARTER, FastPunkt, stripped
from .config import DATA_DIR
from .datafiles import lines

ABBREVIATIONS_FILE = DATA_DIR / "abbreviations.txt"
STARTERS_FILE = DATA_DIR / "sentence_starters.txt"

_LINE = re.compile(r"[^\n]+")
_OPENING = "\"'“‘([{«"


# ---------------------------------------------------------------------------------------------
# The shipped parameters
# ---------------------------------------------------------------------------------------------

def _read_list(path: Path) -> list[list[str]]:
    return [line.split() for line in lines(path)]


@lru_cache(maxsize=1)
def abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """The shipped abbreviations: (always, only before a number), lower case, no final stop.

    >>> always, before_number = abbreviations()
    >>> "u.s" in always, "gen" in always, "no" in before_number
    (True, True, True)
    """
    always, before_number = set(), set()
    for row in _read_list(ABBREVIATIONS_FILE):
        (before_number if "before-number" in row[1:] else always).add(row[0].lower().rstrip("."))
    return frozenset(always), frozenset(before_number)


@lru_cache(maxsize=1)
def _sentence_starters() -> frozenset[str]:
    """The shipped sentence-starter words, lower case."""
    return frozenset(row[0].lower() for row in _read_list(STARTERS_FILE))


def _ortho_context() -> dict[str, int]:
    """Punkt's ``ortho_context`` for our parameters: the starter flags for each starter word.

    Every other word has context 0 (Punkt's table is a ``defaultdict(int)``).
    """
    return {word: ORTHO_SENTENCE_STARTER for word in _sentence_starters()}


# ---------------------------------------------------------------------------------------------
# The rules on top of Punkt (shared by the fast splitter and the Punkt reference)
# ---------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _ends_with_number_abbreviation() -> re.Pattern:
    words = sorted(abbreviations()[1], key=len, reverse=True)
    return re.compile(r"(?:^|\W)(?:%s)\.$" % "|".join(map(re.escape, words)), re.IGNORECASE)


def _first_after_opening(text: str, start: int) -> str:
    """The first character from ``start`` on that is not an opening quote or bracket ("" if none).

    The same as ``text[start:].lstrip(_OPENING)[:1]``, without copying the rest of the text.
    No opening mark is a line break, so the scan never runs past the end of a line (and a
    line break, like the end of the text, is neither lower case nor a digit).
    """
    index = start
    while index < len(text) and text[index] in _OPENING:
        index += 1
    return text[index:index + 1]


def _joins_previous(text: str, previous: tuple[int, int], start: int) -> bool:
    """True when the piece starting at ``start`` continues the sentence ``previous``."""
    first = _first_after_opening(text, start)
    if first.islower():
        return True
    before = text[previous[0]:previous[1]]
    return first.isdigit() and bool(_ends_with_number_abbreviation().search(before))


def _apply_rules(text: str, pieces) -> list[tuple[int, int]]:
    """Turn Punkt's (start, end) pieces of one line of ``text`` into our sentences.

    Trims surrounding space, drops empty pieces and joins a piece to the one before when
    it starts in lower case (rule 3) or is the number after "No." (a before-number
    abbreviation, which Punkt itself does not know).
    """
    spans: list[tuple[int, int]] = []
    for start, end in pieces:
        start, end = stripped(text, start, end)
        if start >= end:
            continue
        if spans and _joins_previous(text, spans[-1], start):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


@lru_cache(maxsize=1)
def _fast_punkt() -> FastPunkt:
    return FastPunkt(abbreviations()[0], _sentence_starters(), _ortho_context(), _apply_rules)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence in ``text``; no sentence crosses a line break.

    Leading and trailing spaces are not part of a sentence, and a closing quotation
    mark stays with the sentence it closes.

    >>> text = "Gen. Padrino met Mr. Lavrov on Jan. 27.\\nThey spoke."
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['Gen. Padrino met Mr. Lavrov on Jan. 27.', 'They spoke.']
    """
    return _fast_punkt().spans(text)


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings (see :func:`sentence_spans`).

    >>> split_sentences('He said, "We are united." The U.S. disagreed with John F. Kennedy.')
    ['He said, "We are united."', 'The U.S. disagreed with John F. Kennedy.']
    >>> split_sentences("It sent troops to the U.S. The next day No. 2 spoke.")
    ['It sent troops to the U.S.', 'The next day No. 2 spoke.']
    """
    return [text[start:end] for start, end in sentence_spans(text)]


# ---------------------------------------------------------------------------------------------
# The reference: the same rules with NLTK's Punkt inside (slower; for the tests)
# ---------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _tokenizer():
    """NLTK's own Punkt with our parameters (imported here: only the reference needs NLTK)."""
    from . import _lightnltk  # noqa: F401
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(abbreviations()[0])
    params.sent_starters = set(_sentence_starters())
    for word, flags in _ortho_context().items():
        params.ortho_context[word] = flags
    return PunktSentenceTokenizer(params)


def punkt_sentence_spans(text: str) -> list[tuple[int, int]]:
    """The reference :func:`sentence_spans` is checked against: the same rules, Punkt inside.

    This is the original implementation, about ten times slower: NLTK's
    ``PunktSentenceTokenizer.span_tokenize`` on each line, then the rules above. The tests
    assert that the fast splitter gives exactly these spans; the pipeline never calls it.

    >>> text = "Gen. Padrino met Mr. Lavrov on Jan. 27.\\nThey spoke."
    >>> punkt_sentence_spans(text) == sentence_spans(text)
    True
    """
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        if line.group().strip():
            offset = line.start()
            for start, end in _apply_rules(line.group(), _tokenizer().span_tokenize(line.group())):
                spans.append((offset + start, offset + end))
    return spans
