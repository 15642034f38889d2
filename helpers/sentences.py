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
:func:`sentence_spans` (and :func:`split_sentences`) use :class:`_FastPunkt`, a
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

# The third-party ``regex`` engine (installed with NLTK) is the one Punkt's patterns run on.
# The patterns the fast splitter copies from Punkt use it too, so that ``\s``, ``\S``, ``\d``
# and ``\w`` mean exactly the same characters as inside Punkt (the standard ``re`` module
# differs on a few thousand of them); see _CANDIDATE for the one exception.
import regex

from .config import DATA_DIR
from .datafiles import lines

ABBREVIATIONS_FILE = DATA_DIR / "abbreviations.txt"
STARTERS_FILE = DATA_DIR / "sentence_starters.txt"

# Punkt's orthographic-context flags (nltk.tokenize.punkt._ORTHO_*): where a word was seen
# (beginning / middle / unknown position of a sentence) and with which case.
_ORTHO_BEG_UC = 1 << 1
_ORTHO_MID_UC = 1 << 2
_ORTHO_UNK_UC = 1 << 3
_ORTHO_BEG_LC = 1 << 4
_ORTHO_MID_LC = 1 << 5
_ORTHO_UNK_LC = 1 << 6
_ORTHO_UC = _ORTHO_BEG_UC | _ORTHO_MID_UC | _ORTHO_UNK_UC
_ORTHO_LC = _ORTHO_BEG_LC | _ORTHO_MID_LC | _ORTHO_UNK_LC

# The flags every sentence-starter word gets (_ORTHO_BEG_UC | _ORTHO_MID_LC | _ORTHO_UNK_LC):
# "seen capitalised at the start of a sentence and in lower case inside one, never capitalised
# inside one", which is what makes Punkt treat a capitalised occurrence as a sentence start.
_ORTHO_SENTENCE_STARTER = 1 << 1 | 1 << 5 | 1 << 6
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
    return {word: _ORTHO_SENTENCE_STARTER for word in _sentence_starters()}


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


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of ``text[start:end].strip()`` (unchanged when the piece is empty)."""
    while start < end and text[start].isspace():
        start += 1
    while start < end and text[end - 1].isspace():
        end -= 1
    return start, end


def _apply_rules(text: str, pieces) -> list[tuple[int, int]]:
    """Turn Punkt's (start, end) pieces of one line of ``text`` into our sentences.

    Trims surrounding space, drops empty pieces and joins a piece to the one before when
    it starts in lower case (rule 3) or is the number after "No." (a before-number
    abbreviation, which Punkt itself does not know).
    """
    spans: list[tuple[int, int]] = []
    for start, end in pieces:
        start, end = _stripped(text, start, end)
        if start >= end:
            continue
        if spans and _joins_previous(text, spans[-1], start):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


# ---------------------------------------------------------------------------------------------
# The fast splitter: Punkt's span_tokenize re-implemented for our fixed parameters
# ---------------------------------------------------------------------------------------------

# PunktLanguageVars._re_non_word_chars: characters that cannot be part of a word. A stop
# directly followed by one of them is a candidate boundary.
_NON_WORD = r"[)\";}\]*:@'({\[\u2018\u2019\u201c\u201d\xab\xbb?!]"

# PunktLanguageVars.period_context_re(): a candidate stop is ``.``, ``?`` or ``!`` followed either
# by a non-word character or by white space and a next token, within the line. A stop at the
# end of a line (or before trailing space only) is never a candidate, nor one followed by a
# letter, digit, comma, hyphen or another full stop.
# This one pattern scans every character of the text, so it is compiled with the faster
# standard ``re``; its classes are written out so that they mean what ``\s`` and ``\S`` mean
# to Punkt's ``regex`` engine, which (unlike ``re``) does not count \x1c-\x1f as white space.
_SPACE_IN_LINE = r"[^\S\n\x1c-\x1f]"  # regex's \s, less the line break
_NOT_SPACE = r"[\S\x1c-\x1f]"  # regex's \S
_CANDIDATE = re.compile(
    r"[.?!](?=(?P<after_tok>%s|%s+(?P<next_tok>%s+)))" % (_NON_WORD, _SPACE_IN_LINE, _NOT_SPACE)
)

# PunktLanguageVars._word_tokenize_fmt: Punkt's word tokenizer, which splits punctuation
# other than full stops off words; "--", ".." and ". . ." are tokens of their own.
_MULTI_CHAR = r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)"
_WORD_START = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,]"
_WORD = regex.compile(
    r"""(
        %(MultiChar)s
        |
        (?=%(WordStart)s)\S+?
        (?=
            \s|$|%(NonWord)s|%(MultiChar)s|
            ,(?=$|\s|%(NonWord)s|%(MultiChar)s)
        )
        |
        \S
    )""" % {"MultiChar": _MULTI_CHAR, "WordStart": _WORD_START, "NonWord": _NON_WORD},
    regex.UNICODE | regex.VERBOSE,
)

# PunktToken's patterns.
_NUMERIC = regex.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")  # its type becomes "##number##"
_INITIAL = regex.compile(r"[^\W\d]\.$", regex.UNICODE)  # one letter and a stop: "F."
_ELLIPSIS = regex.compile(r"\.\.+$")  # "..", "...", "...."

# PunktLanguageVars.re_boundary_realignment: closing quotes and brackets at the start of the
# next piece belong to the sentence before (our rule 2).
_CLOSING = "\"')]}\u2018\u2019\u201c\u201d\xab\xbb"
_REALIGNMENT = regex.compile(
    r'["\')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)', regex.MULTILINE
)

# The white space Punkt's _get_last_whitespace_index looks for (string.whitespace): ASCII only,
# so a no-break space does not separate the word before a stop from what precedes it.
# Within a line, only the first of them is common.
_ASCII_SPACE = " \t\r\x0b\x0c\n"
_RARE_ASCII_SPACE = "\t\r\x0b\x0c"

# The first-pass marks of a token (PunktToken.sentbreak / .abbr / .ellipsis).
_SENTBREAK, _ABBR, _ELLIPSIS_MARK = "sentbreak", "abbr", "ellipsis"
_NUMBER_TYPE = "##number##"
_UNKNOWN = "unknown"
_SENT_END_CHARS = (".", "?", "!")
_PUNCTUATION = (";", ":", ",", ".", "!", "?")  # PunktSentenceTokenizer.PUNCTUATION


def _token_type(token: str) -> str:
    """PunktToken.type: the token in lower case, or "##number##" for a number."""
    lower = token.lower()
    if _NUMERIC.match(lower):
        return _NUMBER_TYPE
    return lower


def _without_final_stop(typ: str) -> str:
    """PunktToken.type_no_period: the type without its final full stop (if longer than one)."""
    if len(typ) > 1 and typ[-1] == ".":
        return typ[:-1]
    return typ


def _last_space(text: str, start: int, end: int, spaces: str) -> int:
    """Index of the last of ``spaces`` in ``text[start:end]``, or -1."""
    if len(spaces) == 1:
        return text.rfind(spaces, start, end)
    return max(text.rfind(space, start, end) for space in spaces)


class _FastPunkt:
    """PunktSentenceTokenizer.span_tokenize for our parameters, without Punkt's machinery.

    The parameters are those :func:`_tokenizer` gives Punkt: the "always" abbreviations, the
    sentence starters, the starter flags as orthographic context and no collocations.
    A line is given as ``text`` and its bounds, and every offset is one into ``text``.
    """

    def __init__(self, abbreviation_types, starters, ortho_context):
        self.abbreviation_types = frozenset(abbreviation_types)
        self.starters = frozenset(starters)
        self.ortho_context = dict(ortho_context)

    # -- candidates -----------------------------------------------------------------------

    @staticmethod
    def candidates(text: str, line_start: int, matches, spaces: str):
        """Yield (match, word_start) for each candidate stop of a line that Punkt decides on.

        ``matches`` are the line's candidate stops (_CANDIDATE); ``spaces`` the ASCII white
        space to look for (only " " when the text has none of the others). Mirrors
        PunktSentenceTokenizer._match_potential_end_contexts: the word before a stop starts
        after the last ASCII space (at the line start when that space is the line's first
        character, as in Punkt). When no ASCII space separates two candidates they share a
        word, and only the later one is decided, with the whole word as its context (as in
        ``acting!!!``) -- unless the earlier one had an empty word before it.
        """
        previous_start, previous_stop = line_start, line_start
        previous_match = None
        for match in matches:
            stop = match.start()
            space = _last_space(text, previous_stop, stop, spaces)
            if space > previous_stop:  # Punkt takes a space at offset 0 for "none found"
                word_start = space + 1
            else:
                word_start = previous_start
            if previous_match is not None and previous_stop <= word_start:
                yield previous_match, previous_start
            previous_match = match
            previous_start, previous_stop = word_start, stop
        if previous_match is not None:
            yield previous_match, previous_start

    # -- Punkt's token annotation -----------------------------------------------------------

    def first_pass(self, token: str) -> str | None:
        """PunktBaseClass._first_pass_annotation: a mark decided by the token alone.

        ``.``, ``?`` and ``!`` end a sentence; two or more stops are an ellipsis; any other
        token ending in a stop is an abbreviation when it (or its last hyphenated part, as
        in "ex-Gov.") is in the list, and ends a sentence otherwise.
        """
        if token in _SENT_END_CHARS:
            return _SENTBREAK
        if _ELLIPSIS.match(token):
            return _ELLIPSIS_MARK
        if token.endswith(".") and not token.endswith(".."):
            stem = token[:-1].lower()
            if stem in self.abbreviation_types or stem.split("-")[-1] in self.abbreviation_types:
                return _ABBR
            return _SENTBREAK
        return None

    def ortho_heuristic(self, token: str, typ: str) -> bool | str:
        """PunktSentenceTokenizer._ortho_heuristic [4.1.1]: does ``token`` start a sentence?

        True, False or "unknown". With our parameters: a capitalised starter word is True,
        any lower-case word is False, and everything else is unknown.
        """
        if token in _PUNCTUATION:
            return False  # sentences don't start with punctuation marks
        context = self.ortho_context.get(typ, 0)
        if token[0].isupper() and (context & _ORTHO_LC) and not (context & _ORTHO_MID_UC):
            return True
        if token[0].islower() and ((context & _ORTHO_UC) or not (context & _ORTHO_BEG_LC)):
            return False
        return _UNKNOWN

    def ends_sentence(self, token: str, next_token: str) -> bool:
        """Whether ``token``, followed by ``next_token``, ends a sentence after both passes.

        Mirrors _first_pass_annotation followed by _second_pass_annotation, which only
        reconsiders tokens ending in a full stop. The next token has had its first pass
        only (Punkt annotates in a pipeline), which decides whether its own final stop is
        dropped from its type.
        """
        mark = self.first_pass(token)
        if not token.endswith("."):
            return mark == _SENTBREAK
        typ = _without_final_stop(_token_type(token))
        next_type = _token_type(next_token)
        if self.first_pass(next_token) == _SENTBREAK:
            next_type = _without_final_stop(next_type)  # PunktToken.type_no_sentperiod
        is_initial = bool(_INITIAL.match(token))

        # [4.2] An abbreviation or ellipsis (not an initial) also ends a sentence when the
        # orthographic heuristic [4.1.1] says the next word starts one ("U.S. The"), or
        # when the next word is a capitalised frequent sentence starter [4.1.3].
        # (The collocation heuristic [4.1.2] never applies: we have no collocations.)
        if mark in (_ABBR, _ELLIPSIS_MARK) and not is_initial:
            if self.ortho_heuristic(next_token, next_type) is True:
                return True
            if next_token[0].isupper() and next_type in self.starters:
                return True  # (with our flags the heuristic has already said so; as in Punkt)

        # [4.3] An initial or a number ("27.") does not end a sentence when the orthographic
        # heuristic says the next word does not start one ("27. in"); an initial does not
        # either when that is unknown and the next word is capitalised and never seen in
        # lower case ("F. Kennedy"), which is our rule 4.
        if is_initial or typ == _NUMBER_TYPE:
            starts = self.ortho_heuristic(next_token, next_type)
            if starts is False:
                return False
            if (starts == _UNKNOWN and is_initial and next_token[0].isupper()
                    and not (self.ortho_context.get(next_type, 0) & _ORTHO_LC)):
                return False
        return mark == _SENTBREAK

    def context_has_break(self, context: str) -> bool:
        """PunktSentenceTokenizer.text_contains_sentbreak: a break before the context's last token."""
        tokens = _WORD.findall(context)
        for index in range(len(tokens) - 1):
            token = tokens[index]
            if token[-1] in ".?!" and self.ends_sentence(token, tokens[index + 1]):
                return True
        return False

    def breaks_at(self, text: str, word_start: int, match) -> bool:
        """Whether Punkt breaks the line at the candidate stop ``match``.

        Two common cases are decided at once; any other goes through Punkt's tokenizer and
        both annotation passes on the context (the word before, the stop, what follows).
        """
        if match.group() != ".":
            # "?" and "!" are tokens of their own (Punkt splits them off any word), always
            # followed by another token, and the first pass marks them as sentence ends.
            return True
        word = text[word_start:match.start()]
        if len(word) > 1 and word.isalpha() and word.lower() not in self.abbreviation_types:
            # An ordinary word and its stop are one token, which the first pass marks as a
            # sentence end; the second pass only reconsiders abbreviations, ellipses,
            # initials (one letter) and numbers, and this is none of them.
            return True
        return self.context_has_break(text[word_start:match.end()] + match.group("after_tok"))

    # -- pieces of a line -------------------------------------------------------------------

    def slices(self, text: str, line_start: int, line_end: int, matches,
               spaces: str) -> list[tuple[int, int]]:
        """PunktSentenceTokenizer._slices_from_text: (start, end) of each piece of a line.

        ``matches`` are the line's candidate stops. A piece ends just after a stop that is a
        break; the next starts at the next token (or just after the stop, when punctuation
        follows it directly). The last piece ends before the line's trailing white space.
        """
        pieces = []
        last_break = line_start
        for match, word_start in self.candidates(text, line_start, matches, spaces):
            if self.breaks_at(text, word_start, match):
                pieces.append((last_break, match.end()))
                if match.start("next_tok") >= 0:
                    last_break = match.start("next_tok")
                else:
                    last_break = match.end()
        line_end_before_space = _stripped(text, line_start, line_end)[1]
        pieces.append((last_break, line_end_before_space))
        return pieces

    @staticmethod
    def realign(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """PunktSentenceTokenizer._realign_boundaries: closing quotes and brackets after a
        stop move from the start of the next piece to the end of the one before (rule 2).
        Empty pieces are dropped, as Punkt does.
        """
        realigned = []
        shift = 0
        last = len(pieces) - 1
        for index, (start, end) in enumerate(pieces):
            start += shift
            found = None
            if index < last:
                next_start, next_end = pieces[index + 1]
                if next_start < next_end and text[next_start] in _CLOSING:
                    found = _REALIGNMENT.match(text, next_start, next_end)
            if found:
                realigned.append((start, next_start + len(found.group().rstrip())))
                shift = found.end() - next_start
            else:
                shift = 0
                if start < end:
                    realigned.append((start, end))
        return realigned

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Our sentences: Punkt's pieces of each line (span_tokenize), then our rules."""
        spaces = " "
        if any(space in text for space in _RARE_ASCII_SPACE):
            spaces = _ASCII_SPACE
        spans: list[tuple[int, int]] = []
        for line_start, line_end, matches in _lines_and_candidates(text):
            if matches:
                pieces = self.slices(text, line_start, line_end, matches, spaces)
                pieces = self.realign(text, pieces)
            else:  # no candidate stop: the line is one piece (the rules trim it)
                pieces = [(line_start, line_end)]
            spans.extend(_apply_rules(text, pieces))
        return spans


def _lines_and_candidates(text: str):
    """Yield (start, end, candidate stops) for each line of ``text`` that is not blank.

    One scan of the whole text finds the candidate stops (_CANDIDATE never looks past a line
    break), and they are handed out line by line.
    """
    matches = _CANDIDATE.finditer(text)
    match = next(matches, None)
    for line in _LINE.finditer(text):
        line_start, line_end = line.span()
        in_line = []
        while match is not None and match.start() < line_end:
            in_line.append(match)
            match = next(matches, None)
        if not line.group().isspace():
            yield line_start, line_end, in_line


@lru_cache(maxsize=1)
def _fast_punkt() -> _FastPunkt:
    return _FastPunkt(abbreviations()[0], _sentence_starters(), _ortho_context())


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
