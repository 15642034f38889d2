"""Punkt's ``span_tokenize`` re-implemented for fixed parameters: the speed machinery behind
:func:`helpers.sentences.sentence_spans` (the rules stay in ``helpers/sentences.py``).

One regular expression finds Punkt's candidate stops in the whole text, and each candidate is
decided with Punkt's own word tokenizer and first- and second-pass rules, written out as plain
functions. It gives exactly the same sentences as NLTK's Punkt with the same parameters
(tested on every article at hand), more than ten times faster.
"""
from __future__ import annotations

import re

# The third-party ``regex`` engine (installed with NLTK) is the one Punkt's patterns run on;
# the patterns copied from Punkt use it too, so that ``\s``, ``\S``, ``\d`` and ``\w`` mean
# exactly the same characters as inside Punkt (see _CANDIDATE for the one exception).
import regex

# Punkt's orthographic-context flags (nltk.tokenize.punkt.ORTHO_*): where a word was seen
# (beginning / middle / unknown position of a sentence) and with which case.
ORTHO_BEG_UC = 1 << 1
ORTHO_MID_UC = 1 << 2
ORTHO_UNK_UC = 1 << 3
ORTHO_BEG_LC = 1 << 4
ORTHO_MID_LC = 1 << 5
ORTHO_UNK_LC = 1 << 6
ORTHO_UC = ORTHO_BEG_UC | ORTHO_MID_UC | ORTHO_UNK_UC
ORTHO_LC = ORTHO_BEG_LC | ORTHO_MID_LC | ORTHO_UNK_LC

# The flags every sentence-starter word gets (ORTHO_BEG_UC | ORTHO_MID_LC | ORTHO_UNK_LC):
# "seen capitalised at the start of a sentence and in lower case inside one, never capitalised
# inside one", which is what makes Punkt treat a capitalised occurrence as a sentence start.
ORTHO_SENTENCE_STARTER = 1 << 1 | 1 << 5 | 1 << 6
_LINE = re.compile(r"[^\n]+")


def stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of ``text[start:end].strip()`` (unchanged when the piece is empty)."""
    while start < end and text[start].isspace():
        start += 1
    while start < end and text[end - 1].isspace():
        end -= 1
    return start, end


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


class FastPunkt:
    """PunktSentenceTokenizer.span_tokenize for our parameters, without Punkt's machinery.

    The parameters are those :func:`_tokenizer` gives Punkt: the "always" abbreviations, the
    sentence starters, the starter flags as orthographic context and no collocations.
    A line is given as ``text`` and its bounds, and every offset is one into ``text``.
    """

    def __init__(self, abbreviation_types, starters, ortho_context, apply_rules):
        self.abbreviation_types = frozenset(abbreviation_types)
        self.starters = frozenset(starters)
        self.ortho_context = dict(ortho_context)
        self.apply_rules = apply_rules  # the rules on top of Punkt (helpers.sentences), piece list -> sentences

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
        if token[0].isupper() and (context & ORTHO_LC) and not (context & ORTHO_MID_UC):
            return True
        if token[0].islower() and ((context & ORTHO_UC) or not (context & ORTHO_BEG_LC)):
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
                    and not (self.ortho_context.get(next_type, 0) & ORTHO_LC)):
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
        line_end_before_space = stripped(text, line_start, line_end)[1]
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
            spans.extend(self.apply_rules(text, pieces))
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
