"""Quotation marks paired into quotations, and the kind of each quotation (full or fragment)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field




OPENERS = {"“": "”", "«": "»", "„": "“", '"': '"'}
_MARK = re.compile(r"[“”«»„\"]")
_SINGLE = re.compile(r"[‘’']")
_WORD_CHAR = re.compile(r"\w")
_LINE = re.compile(r"[^\n]+")
_LOST_APOSTROPHE = re.compile(r"(?<=\w)\ufffd(?=\w)")
# U+FFFD where a quotation mark stood: opening (after a space, bracket or the line's start, before a
# capital or a digit) or closing (after , . ! ? ; :). Elsewhere it stood for a letter (an accented
# one: "�lvaro", "Per�") and is left alone.
_LOST_MARK = re.compile(r"(?:(?<=^)|(?<=[\s(\[]))\ufffd(?=[A-Z0-9])|(?<=[,.!?;:])\ufffd", re.MULTILINE)


@dataclass(slots=True)
class QuoteSpan:
    """Where a quotation is: ``start``/``end`` are the offsets of its text (inside the marks).

    ``pieces`` holds one (start, end) per paragraph for a quotation that runs over
    several paragraphs; ``text`` joins them with a space.
    """

    start: int
    end: int
    pieces: list[tuple[int, int]] = field(default_factory=list)
    text: str = ""


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    return not _is_space(after) and (_is_space(before) or before in "([{—–-/:;,")


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    return not _is_space(before) and (_is_space(after) or not _WORD_CHAR.match(after))


def _double_quotes(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Pairs of double marks in text[start:end]: (open index, close index), plus an index left open."""
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    for match in _MARK.finditer(text, start, end):
        i, mark = match.start(), match.group()
        if open_at is None:
            if mark in OPENERS and (mark != '"' or _can_open(text, i)):
                open_at = i
            continue
        closer = OPENERS[text[open_at]]
        if mark == closer or (mark in "”»" and text[open_at] in "“\"«„") or (mark == '"' and _can_close(text, i)):
            if mark == '"' and not _can_close(text, i) and _can_open(text, i):
                open_at = i  # the earlier straight mark was stray
                continue
            pairs.append((open_at, i))
            open_at = None
        elif mark in "“«„" or (mark == '"' and _can_open(text, i)):
            open_at = i  # a new opening mark while one is open: the earlier one was stray
    return pairs, open_at


def _single_quotes(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Pairs of single marks used as the main quote marks, apostrophes left alone, plus an index left open."""
    pairs, open_at = [], None
    for match in _SINGLE.finditer(text, start, end):
        i, mark = match.start(), match.group()
        before = text[i - 1] if i > start else ""
        after = text[i + 1] if i + 1 < end else ""
        if _WORD_CHAR.match(before or " ") and _WORD_CHAR.match(after or " "):
            continue  # don't, Venezuela’s, O'Brien
        if open_at is None:
            if mark in "‘'" and _can_open(text, i):
                open_at = i
        elif mark in "’'" and _can_close(text, i):
            if before == "s" and after and after.isspace() and text.find("’", i + 1, end) != -1:
                continue  # the Russians’ … — a plural possessive while a later close is waiting
            pairs.append((open_at, i))
            open_at = None
    return pairs, open_at


def find_quote_spans(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[QuoteSpan]:
    """Every quotation in ``text``, in order, looking only inside ``paragraphs`` (default: each line).

    >>> [q.text for q in find_quote_spans('He said "no" and she said “yes, now”.')]
    ['no', 'yes, now']
    >>> [q.text for q in find_quote_spans('“We will stay.\\n“We will win,” he said.')]
    ['We will stay. We will win,']
    >>> find_quote_spans("Venezuela’s allies don't agree; a stray ” mark.")
    []
    >>> [q.text for q in find_quote_spans('He said: "We will stay in the bloc\\nThe talks ended.')]
    ['We will stay in the bloc']
    >>> [q.text for q in find_quote_spans("The plan ``must not be rejected,'' he said.")]
    ['must not be rejected,']
    >>> [q.text for q in find_quote_spans("”We will stay,” he said. \ufffdWe won\ufffdt leave,\ufffd she said.")]
    ['We will stay,', 'We won’t leave,']
    """
    if paragraphs is None:
        paragraphs = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    if "``" in text:  # ``TeX-style'' marks of some wire archives, read as “ and ” (same length, same offsets)
        text = text.replace("``", " “").replace("''", "” ")
    if "\ufffd" in text:  # curly marks lost in a page's encoding ("�We won�t stay,� he said"): see _LOST_MARK
        text = _LOST_MARK.sub('"', _LOST_APOSTROPHE.sub("’", text))
    found: list[QuoteSpan] = []
    carried: list[tuple[int, int]] = []  # pieces of a quotation still open from earlier paragraphs
    single = False                       # whether that quotation uses single marks
    for index, (start, end) in enumerate(paragraphs):
        first = start + len(text[start:end]) - len(text[start:end].lstrip())
        if first < end and text[first] == "”" and not carried and text.find("”", first + 1, end) != -1:
            text = text[:first] + "“" + text[first + 1:]  # a paragraph opening with a closing mark: ” We will…,”
        if carried and not (first < end and text[first] in ("‘'" if single else "“«„\"")):
            if _left_open(text, carried):
                found.append(_span_from(text, carried))
            carried = []  # the open quotation did not continue
        scan_from = start
        if carried:
            close = _first_single_close(text, first + 1, end) if single else _first_close(text, first + 1, end)
            if close is None:
                carried.append((first + 1, end))
                continue
            carried.append((first + 1, close))
            found.append(_span_from(text, carried))
            carried, scan_from = [], close + 1
        pairs, open_at = _double_quotes(text, scan_from, end)
        single = False
        if not pairs and open_at is None and not _MARK.search(text, start, end):
            pairs, open_at = _single_quotes(text, scan_from, end)
            single = True
        elif pairs and open_at is None:
            pairs = _with_single_between(text, scan_from, end, pairs)
        found.extend(_span_from(text, [(o + 1, c)]) for o, c in pairs)
        if open_at is not None:
            carried = [(open_at + 1, end)]
    if carried and _left_open(text, carried):
        found.append(_span_from(text, carried))
    return sorted((q for q in found if q.text.strip()), key=lambda q: q.start)


LEFT_OPEN_MIN_WORDS = 4


def _left_open(text: str, pieces: list[tuple[int, int]]) -> bool:
    """Whether a quotation never closed (``pieces``: its text in each paragraph) still counts, as
    running to the end of its last paragraph: when its opening mark starts the paragraph or a
    sentence, or follows a colon or comma (where speech starts: 'he said: "We will ...'), and it
    holds four words or more (a page cut short, or a closing mark the writer forgot).
    A mark left open anywhere else is taken for a stray one."""
    opening = pieces[0][0] - 1
    lead = text[:opening].rstrip(" \t")
    where = lead[-1:] if lead else "\n"
    words = sum(len(_WORDS.findall(text[s:e])) for s, e in pieces)
    return where in "\n:,.!?" and words >= LEFT_OPEN_MIN_WORDS


def _with_single_between(text: str, start: int, end: int, pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``pairs`` of double marks, and the pairs of single marks found between and around them
    (‘true friends’ in a paragraph that also quotes “…”), in order; single marks inside a double
    quotation are quotes within the quote, and stay part of it."""
    found = list(pairs)
    edges = [start] + [i for o, c in pairs for i in (o, c + 1)] + [end]
    for gap_start, gap_end in zip(edges[::2], edges[1::2]):
        singles, left_open = _single_quotes(text, gap_start, gap_end)
        if left_open is None:
            found.extend(singles)
    return sorted(found)


def _first_close(text: str, start: int, end: int) -> int | None:
    for match in _MARK.finditer(text, start, end):
        if match.group() in "”»" or (match.group() == '"' and _can_close(text, match.start())):
            return match.start()
        if match.group() in "“«„" or match.group() == '"':
            return None  # a new quotation starts before this one closes
    return None


def _first_single_close(text: str, start: int, end: int) -> int | None:
    for match in _SINGLE.finditer(text, start, end):
        i = match.start()
        before, after = text[i - 1], text[i + 1] if i + 1 < end else ""
        if match.group() in "’'" and not (_WORD_CHAR.match(before) and _WORD_CHAR.match(after or " ")) and _can_close(text, i):
            return i
    return None


def _span_from(text: str, pieces: list[tuple[int, int]]) -> QuoteSpan:
    pieces = [(s, e) for s, e in pieces]
    joined = " ".join(text[s:e].strip() for s, e in pieces)
    return QuoteSpan(pieces[0][0], pieces[-1][1], pieces, joined)


# --------------------------------------------------------------------------- kind

ANY_MARK = re.compile(r"[“”«»„\"‘’']")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$")
_WORDS = re.compile(r"\w+")


KINDS = ("full", "fragment", "term", "title", "chant")
# the words before a quoted term or nickname: "the so-called", "the term", "dubbed". ("What he called
# a 'coup'" stays a fragment with its speaker, as in the project's gold: he said the word.)
_TERM_BEFORE = re.compile(
    r"(?:\bso[- ]called|\bthe (?:term|terms|word|words|phrase|slogan|motto|label|notion|concept|formula|theme)"
    r"|\bdubbed|\bnicknamed|\bknown as|\bcode-?named|\blabell?ed(?: as)?|\bbranded(?: as)?|\btermed)"
    r"\s+(?:(?:a|an|the|its|their)\s+)?$",
    re.IGNORECASE)
_TITLE_BEFORE = re.compile(r"\b(?:titled|entitled|headlined)\s*:?\s*$", re.IGNORECASE)
_MINOR_WORDS = frozenset("a an and the of for in on at to by with from or nor but as vs".split())


def quote_kind(quote: str, before: str, after: str = "") -> str:
    """The kind of a quotation (:data:`KINDS`), from its words and the writer's words around it.

    ``before`` is the text of the sentence before the opening mark, ``after`` the text after the
    closing mark. A quotation is *full* when it starts with a capital where speech can start (the
    sentence's start, after a colon, comma or dash), or runs to 25 words or more; a *title* when
    it follows "titled"/"entitled", or is two words or more in title case worked into the
    writer's sentence (a declaration, a report, a theme: "the Panmunjom Declaration for Peace");
    a *term* when the writer's words single it out as a word rather than speech ("the so-called",
    "the term", "dubbed") or it is a nickname inside a name (Joko 'Jokowi' Widodo);
    otherwise a *fragment* of speech worked into the writer's grammar. (*chant*, a crowd's words,
    is decided with the speaker.) Terms and titles get no speaker.

    >>> quote_kind("We will not give up,", "")
    'full'
    >>> quote_kind("Yes, we are ready.", "He told reporters, ")
    'full'
    >>> quote_kind("illegitimate", "help remove its ")
    'fragment'
    >>> quote_kind("Bolivarian Revolution", "the so-called ")
    'term'
    >>> quote_kind("Declaration of Lima on Democratic Order", "ministers signed the ")
    'title'
    >>> quote_kind("Jokowi", "President Joko ", " Widodo said")
    'term'
    """
    words = _WORDS.findall(quote)
    if len(words) >= 25:
        return "full"
    first = next((c for c in quote if c.isalnum()), "")
    lead = before.rstrip()
    speech_can_start = lead == "" or lead[-1] in ":,;—–-" or bool(_SENTENCE_END.search(lead))
    if _TITLE_BEFORE.search(before):
        return "title"
    if first.isupper() or first.isdigit():
        if speech_can_start and (len(words) >= 2 or _SENTENCE_END.search(quote.rstrip(" ,"))):
            return "full"
    if _TERM_BEFORE.search(before):
        return "term"
    if len(words) == 1 and first.isupper() and lead[-1:].isalpha() and lead.split()[-1][:1].isupper() \
            and after.lstrip()[:1].isupper():
        return "term"  # a nickname between a first and a last name
    major = [w for w in words if w.lower() not in _MINOR_WORDS]
    if (len(words) >= 2 and not speech_can_start and major and all(w[:1].isupper() or w.isdigit() for w in major)
            and not _SENTENCE_END.search(quote.rstrip(" ,"))):
        return "title"
    return "fragment"
