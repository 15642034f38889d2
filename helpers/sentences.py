"""Split news text into sentences with NLTK's Punkt, using shipped parameters (no download).

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
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .config import DATA_DIR

ABBREVIATIONS_FILE = DATA_DIR / "abbreviations.txt"
STARTERS_FILE = DATA_DIR / "sentence_starters.txt"

# Punkt's orthographic flags (nltk.tokenize.punkt._ORTHO_BEG_UC | _ORTHO_LC): "seen
# capitalised at the start of a sentence and in lower case inside one, never capitalised
# inside one", which is what makes Punkt treat a capitalised occurrence as a sentence start.
_ORTHO_SENTENCE_STARTER = 1 << 1 | 1 << 5 | 1 << 6
_LINE = re.compile(r"[^\n]+")
_OPENING = "\"'“‘([{«"


def _read_list(path: Path) -> list[list[str]]:
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            rows.append(line.split())
    return rows


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
def _tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(abbreviations()[0])
    starters = {row[0].lower() for row in _read_list(STARTERS_FILE)}
    params.sent_starters = starters
    for word in starters:
        params.ortho_context[word] = _ORTHO_SENTENCE_STARTER
    return PunktSentenceTokenizer(params)


@lru_cache(maxsize=1)
def _ends_with_number_abbreviation() -> re.Pattern:
    words = sorted(abbreviations()[1], key=len, reverse=True)
    return re.compile(r"(?:^|\W)(?:%s)\.$" % "|".join(map(re.escape, words)), re.IGNORECASE)


def _joins_previous(text: str, previous: tuple[int, int], start: int) -> bool:
    """True when the piece starting at ``start`` continues the sentence ``previous``."""
    rest = text[start:].lstrip(_OPENING)
    if rest[:1].islower():
        return True
    before = text[previous[0]:previous[1]]
    return rest[:1].isdigit() and bool(_ends_with_number_abbreviation().search(before))


def _line_spans(text: str, offset: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for start, end in _tokenizer().span_tokenize(text):
        piece = text[start:end]
        start += len(piece) - len(piece.lstrip())
        end -= len(piece) - len(piece.rstrip())
        if start >= end:
            continue
        if spans and _joins_previous(text, spans[-1], start):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return [(offset + s, offset + e) for s, e in spans]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence in ``text``; no sentence crosses a line break.

    Leading and trailing spaces are not part of a sentence, and a closing quotation
    mark stays with the sentence it closes.

    >>> text = "Gen. Padrino met Mr. Lavrov on Jan. 27.\\nThey spoke."
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['Gen. Padrino met Mr. Lavrov on Jan. 27.', 'They spoke.']
    """
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        if line.group().strip():
            spans.extend(_line_spans(line.group(), line.start()))
    return spans


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings (see :func:`sentence_spans`).

    >>> split_sentences('He said, "We are united." The U.S. disagreed with John F. Kennedy.')
    ['He said, "We are united."', 'The U.S. disagreed with John F. Kennedy.']
    >>> split_sentences("It sent troops to the U.S. The next day No. 2 spoke.")
    ['It sent troops to the U.S.', 'The next day No. 2 spoke.']
    """
    return [text[start:end] for start, end in sentence_spans(text)]
