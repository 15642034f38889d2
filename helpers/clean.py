"""Cleaning: take web page furniture out of an article and keep an audit of every line removed.

Articles saved from news sites carry more than the story: browser notices, photo captions and
credits, "RELATED:" links, share buttons, newsletter boxes, headlines and subheads. This stage
turns the raw text into the article's body and records, for every line it removes, which rule
removed it and why — so a researcher can check that no reporting was thrown away.

The rules come in two kinds, listed together in plain words in :data:`RULES`:

- **patterns** — kinds of line recognised by their wording, written as named regular
  expressions in ``data/boilerplate.tsv`` (one row each: name, scope, pattern, reason).
  Add a row there to teach the cleaner a new kind of furniture.
- **structural rules** — kinds of line recognised by their shape or their neighbours
  (a headline, a caption cut short and repeated in full, a list of names), written below in
  :data:`STRUCTURAL_RULES`.

A paragraph is what the writer meant, not a physical line: in hard-wrapped copy (wire
services, press releases, plain-text archives) one paragraph runs over several lines, and those
lines are joined back into one paragraph before the structural rules look at them (see
:func:`runs_on`), so a line broken mid-sentence is neither a subhead nor a sentence of its own.

Text is also normalised: Unicode NFC, non-breaking and other odd spaces made plain spaces,
invisible characters (soft hyphens, zero-width spaces) dropped, runs of spaces folded.
Quotation marks and apostrophes, straight or curly, are left exactly as they are.

    >>> raw = ("Allies Rally Behind Caracas\\n\\nIE 11 is not supported.\\n"
    ...        "ALBA backed Maduro on Monday.\\n\\nFollow us on Facebook and Twitter.")
    >>> result = clean_article(raw, article_id="demo")
    >>> result.text
    'ALBA backed Maduro on Monday.'
    >>> [(r["line"], r["rule"]) for r in result.removed]
    [(1, 'headline'), (3, 'browser_notice'), (6, 'social_follow')]
"""
from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

from ._lazy import pandas as pd  # imported on first use: one article never needs it
from .config import DATA_DIR
from ._linefilter import LineMatcher
from .datafiles import table
from .cache import per_article
from .corpus import count_words
from .sentences import sentence_spans, split_sentences

BOILERPLATE_FILE = DATA_DIR / "boilerplate.tsv"
AUDIT_COLUMNS = ["article", "line", "text", "rule", "reason"]

# --------------------------------------------------------------------------- normalisation

_ODD_SPACE = re.compile(r"[\t\v\f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r" {2,}")


# The ASCII characters the two regexes above change (tab, vertical tab, form feed), worked out from them.
_ASCII_ODD = tuple(c for c in map(chr, range(128)) if _ODD_SPACE.match(c) or _INVISIBLE.match(c))


def _is_plain(line: str) -> bool:
    """True if :func:`normalise_line` would only strip ``line``: ASCII (so already NFC), with none of
    the odd ASCII spaces and no doubled spaces.

    Most lines of most articles are like this, and the test is much cheaper than the regexes.
    """
    return line.isascii() and "  " not in line and not any(c in line for c in _ASCII_ODD)


def normalise_line(line: str) -> str:
    """One line in NFC with odd spaces made plain, invisible characters dropped, spaces folded.

    Quotation marks and apostrophes are not touched.

    >>> normalise_line("  Maduro\\u00a0said\\u200b “no”  to  Pompeo’s plan. ")
    'Maduro said “no” to Pompeo’s plan.'
    >>> normalise_line("Rodri\\u0301guez") == "Rodríguez"
    True
    """
    if "\n" in line:  # a hard-wrapped paragraph: its lines joined by a space
        line = line.replace("\r\n", " ").replace("\n", " ")
    if _is_plain(line):
        return _SPACES.sub(" ", line).strip() if "  " in line else line.strip()
    line = unicodedata.normalize("NFC", line)
    line = _INVISIBLE.sub("", _ODD_SPACE.sub(" ", line))
    return _SPACES.sub(" ", line).strip()


# --------------------------------------------------------------------------- pattern rules


@dataclass(frozen=True)
class PatternRule:
    """A named pattern from ``data/boilerplate.tsv``: a kind of line (or line start) to remove."""

    name: str
    scope: str  # "line": the whole line goes; "prefix": only the matched start goes
    pattern: re.Pattern
    reason: str


def _read_tsv(path: Path) -> list[dict[str, str]]:
    return table(path)


@lru_cache(maxsize=4)
def _load_patterns(path: Path = BOILERPLATE_FILE) -> tuple[dict[str, str], tuple[PatternRule, ...]]:
    rows = _read_tsv(path)
    parts: dict[str, str] = {}

    def expand(pattern: str) -> str:
        return re.sub(r"\{(\w+)\}", lambda m: parts.get(m.group(1), m.group(0)), pattern)

    for row in rows:
        if row["scope"] == "part":  # a part may use the parts listed above it
            parts[row["name"]] = expand(row["pattern"])

    rules = []
    for row in rows:
        if row["scope"] == "part":
            continue
        if row["scope"] not in ("line", "prefix"):
            raise ValueError(f"{path}: rule {row['name']!r} has scope {row['scope']!r}; use line, prefix or part")
        try:
            compiled = re.compile(expand(row["pattern"]))
        except re.error as err:
            raise ValueError(f"{path}: the pattern of rule {row['name']!r} is not a valid regular expression ({err})") from None
        rules.append(PatternRule(row["name"], row["scope"], compiled, row["reason"]))
    return parts, tuple(rules)


def pattern_rules() -> tuple[PatternRule, ...]:
    """The named patterns of ``data/boilerplate.tsv``, in the order they are tried.

    >>> [rule.name for rule in pattern_rules()][:2]
    ['browser_notice', 'skip_link']
    """
    return _load_patterns()[1]


def pattern_part(name: str) -> str:
    """A named piece of pattern from ``data/boilerplate.tsv`` (scope ``part``), expanded.

    >>> bool(re.fullmatch(pattern_part("month"), "Sept"))
    True
    """
    return _load_patterns()[0][name]


@lru_cache(maxsize=4)
def _line_matcher(path: Path = BOILERPLATE_FILE) -> LineMatcher:
    """The pattern rules of a rules file (by default ``data/boilerplate.tsv``), ready to be tried
    line after line (:class:`helpers._linefilter.LineMatcher`: the same answers as trying every
    rule in order, only faster)."""
    return LineMatcher.build(_load_patterns(path)[1])


# --------------------------------------------------------------------------- lines of an article


@dataclass
class _Line:
    number: int          # 1-based line number in the raw text
    start: int           # offsets of the kept part in the raw text (surrounding space excluded)
    end: int
    text: str            # normalised text of the kept part
    rule: str | None = None
    last: int = 0        # the last physical line of a hard-wrapped paragraph (0: this line alone)

    def __post_init__(self) -> None:
        self.last = self.last or self.number

    @property
    def kept(self) -> bool:
        return self.rule is None


def _split_lines(raw: str) -> list[_Line]:
    lines, offset = [], 0
    for number, piece in enumerate(raw.split("\n"), start=1):
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            lines.append(_Line(number, offset + lead, offset + lead + len(stripped), normalise_line(piece)))
        offset += len(piece) + 1
    return [line for line in lines if line.text]


def _raw_offset_of_rest(raw_line: str, rest: str) -> int:
    """Where in ``raw_line`` the text that normalises to ``rest`` begins."""
    for k in range(len(raw_line) + 1):
        if normalise_line(raw_line[k:]) == rest:
            while k < len(raw_line) and raw_line[k].isspace():
                k += 1
            return k
    return len(raw_line) - len(rest)


# --------------------------------------------------------------------------- hard-wrapped paragraphs

WRAP_WIDTHS = (50, 100)  # a block whose longest line is this long (in characters) may be hard-wrapped
WRAP_FILL = 0.6          # in such a block, a line this full (of the longest) that ends no sentence runs on
_ENDS_PARAGRAPH = re.compile(r"[.!?…:][\"'”’)\]]*$")
_LIST_ITEM = re.compile(r"^(?:[-–—•*·▪►]\s|\d{1,2}[.)]\s|\(?[a-z][.)]\s)")


def runs_on(line: str, following: str, width: int) -> bool:
    """Whether ``following``, the next physical line, continues the paragraph of ``line``.

    ``width`` is the length of the longest line of the block (three or more lines with no
    blank line between them; 0 for a shorter block). The next line continues the paragraph
    when it starts in lower case and the line does not end a sentence, or, in a block wrapped
    at a fixed width (50 to 100 characters), when the line is nearly full and ends no
    sentence and no time of day ("16:43": the end of an item in a list of stories). A list item
    (a dash, bullet or number in front) always starts a line of its own,
    and so does a line that repeats the line before in full (a caption cut short, then whole).

    >>> runs_on("the ambassador told reporters on Thursday on the sidelines", "of the summit.", 66)
    True
    >>> runs_on("European Union leaders met in Brussels on Thursday to discuss the", "Balkans and Turkey.", 72)
    True
    >>> runs_on("EU leaders meet in Brussels to discuss migration", "Leaders met on Monday.", 300)
    False
    >>> runs_on("The talks ended without a deal.", "Ministers will meet again.", 70)
    False
    >>> runs_on("These countries left the group:", "- Peru", 70)
    False
    >>> runs_on("Leaders meet in Brussels, Belgium, May", "Leaders meet in Brussels, Belgium, May 1, 2019.", 60)
    False
    """
    if not following or _LIST_ITEM.match(following) or _ENDS_PARAGRAPH.search(line) or following.startswith(line):
        return False
    if following[0].islower():
        return True
    return (WRAP_WIDTHS[0] <= width <= WRAP_WIDTHS[1] and len(line) >= WRAP_FILL * width
            and _CLOCK_AT_END.search(line) is None)  # "... Politics July 11, 15:42": an item of a list


def _join_wrapped(lines: list[_Line], raw: str, cut: set[int] = frozenset()) -> list[_Line]:
    """Kept lines that run on (:func:`runs_on`) joined into one paragraph line: its number is the
    first line's, its span runs from the first line's start to the last line's end. Each line is
    judged against the physical line before it, not against the paragraph joined so far; a line
    whose start a pattern rule cut off (``cut``: a dateline) begins a paragraph of its own."""
    widths: dict[int, int] = {}  # line number -> length of the longest line of its block
    block: list[_Line] = []
    for line in lines + [None]:
        if line is None or (block and line.number != block[-1].number + 1):
            width = max((len(raw[b.start:b.end]) for b in block), default=0) if len(block) >= 3 else 0
            widths.update((b.number, width) for b in block)
            block = []
        if line is not None:
            block.append(line)
    physical = {line.number: line.text for line in lines}
    joined: list[_Line] = []
    for line in lines:
        previous = joined[-1] if joined else None
        if (previous is not None and previous.kept and line.kept and line.number == previous.last + 1
                and line.number not in cut and runs_on(physical[previous.last], line.text, widths[line.number])):
            previous.end, previous.last = line.end, line.number
            continue
        joined.append(line)
    for line in joined:  # a joined paragraph is normalised once, as a whole
        if line.last != line.number:
            line.text = normalise_line(raw[line.start:line.end])
    return joined


# --------------------------------------------------------------------------- structural rules

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_FINAL_PUNCTUATION = ".!?:;,…"
_CLOSERS = "\"'”’)]"  # closing quotation marks and brackets that may follow the final punctuation
_SENTENCE_END = re.compile(f"[{re.escape(_FINAL_PUNCTUATION)}][{re.escape(_CLOSERS)}]*$")
_NON_WORD = re.compile(r"\W")
_NAME_SEPARATOR = re.compile(r"\s*[,;|·•]\s*")
_NAME_PARTICLES = {"de", "del", "da", "dos", "la", "las", "los", "van", "von", "y", "bin", "al", "el", "di", "le"}
_STOP = frozenset(
    "a an and the of in on at to for from by with as is are was were be been has have had it its this that "
    "these those their his her our into over after before about also but or not no so than then there which "
    "who whom whose while will would can could may might should said says".split())
TITLE_MAX_WORDS = 20
SUBHEAD_MAX_WORDS = 6
STANDFIRST_OVERLAP = 0.7


def _ends_sentence(text: str) -> bool:
    """True if ``text`` ends with final punctuation (perhaps then closing quotes or brackets).

    The same as ``_SENTENCE_END.search(text)``, but the search starts where a match could begin
    (at the last character before the closing marks at the end), not at the start of a long line.

    >>> _ends_sentence('He said "no."'), _ends_sentence("Role of Russia")
    (True, False)
    """
    start = len(text.rstrip(_CLOSERS + "\n")) - 1
    return _SENTENCE_END.search(text, max(start, 0)) is not None


@lru_cache(maxsize=None)
def _compiled_part(name: str) -> re.Pattern:
    """A named part of ``data/boilerplate.tsv`` compiled, once."""
    return re.compile(pattern_part(name))


def looks_like_title(text: str) -> bool:
    """True for a headline or subhead: no final punctuation, and title case or very short.

    >>> looks_like_title("Venezuela’s OAS Exit Gains Support from International Allies")
    True
    >>> looks_like_title("Role of Russia"), looks_like_title("The talks ended without a deal.")
    (True, False)
    """
    # The cheap tests first: most lines are sentences, and a text starting with a capital has words.
    if not text or not text[0].isupper() or _ends_sentence(text):
        return False
    words = text.split()
    if len(words) > TITLE_MAX_WORDS:
        return False
    if len(words) <= SUBHEAD_MAX_WORDS:
        return True
    major = [w for w in words if len(_NON_WORD.sub("", w)) >= 4]
    return bool(major) and sum(w[0].isupper() for w in major) / len(major) >= 0.75


def _is_name_list(text: str) -> bool:
    if _ends_sentence(text):
        return False
    items = _NAME_SEPARATOR.split(text)
    name = _compiled_part("name_word")
    if len(items) < 2:
        return False
    for item in items:
        words = item.split()
        if not 1 <= len(words) <= 4:
            return False
        if not all(name.fullmatch(w) or w.lower() in _NAME_PARTICLES for w in words) or not name.fullmatch(words[0]):
            return False
    return True


def _content_words(text: str) -> set[str]:
    """Lower-case content words cut to 5 letters, so that 'pledged' and 'pledges' meet."""
    words = (w.lower() for w in _WORD.findall(text))
    return {_without_possessive(w)[:5] for w in words if len(w) > 2 and w not in _STOP}


def _without_possessive(word: str) -> str:
    """``word`` without a final 's or ’s (a string test: a regex per word was a good part of the time)."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _normal_title(text: str) -> str:
    return " ".join(w.lower() for w in _WORD.findall(text))


def _has_normal_title(text: str, title_words: list[str]) -> bool:
    """True if ``_normal_title(text)`` is the title whose words are ``title_words`` (not empty).

    The words are compared one by one, so a body paragraph is told apart at its first word
    rather than after all its words are found and joined. (Words are never empty and hold no
    space, so comparing the joined strings and comparing the words is the same.)
    """
    words = _WORD.finditer(text)
    for expected in title_words:
        word = next(words, None)
        if word is None or word.group().lower() != expected:
            return False
    return next(words, None) is None


@dataclass
class _Context:
    lines: list[_Line]          # every non-blank line, kept or removed, in order
    title: str
    headline_words: set[str] = field(default_factory=set)
    cut: set[int] = field(default_factory=set)  # lines whose start a pattern rule removed (a dateline)

    def kept(self) -> list[_Line]:
        return [line for line in self.lines if line.kept]


def _truncated_caption(ctx: _Context) -> None:
    for line, following in zip(ctx.lines, ctx.lines[1:]):
        if (line.kept and following.text.startswith(line.text) and len(following.text) > len(line.text)
                and len(line.text.split()) >= 3):
            line.rule = "truncated_caption"


def _duplicate_line(ctx: _Context) -> None:
    """A line of three words or more repeating an earlier line goes; when the line ends no sentence
    and is not title-like (a photo caption shown twice, as alt text and as caption), the first copy
    goes too."""
    seen: dict[str, _Line] = {}
    title_words = [w.lower() for w in _WORD.findall(ctx.title)]
    for line in ctx.lines:
        key = line.text.casefold()
        if line.kept and key in seen and len(line.text.split()) >= 3:
            line.rule = "duplicate_line"
            first = seen[key]
            if (first.kept and not _ends_sentence(line.text) and len(line.text.split()) >= REPEAT_MIN_WORDS
                    and not looks_like_title(line.text)
                    and not (title_words and _has_normal_title(line.text, title_words))):  # the headline rule's
                first.rule = "duplicate_line"
        seen.setdefault(key, line)


def _name_list(ctx: _Context) -> None:
    for line in ctx.kept():
        if _is_name_list(line.text):
            line.rule = "name_list"


def _caption_dated(ctx: _Context) -> None:
    ending = _compiled_part("caption_date_ending")
    for line in ctx.kept():
        if (ending.search(line.text) and not _longer_than(line.text, CAPTION_MAX_WORDS)
                and len(split_sentences(line.text)) == 1):
            line.rule = "caption_dated"


def _headline(ctx: _Context) -> None:
    title_words = [w.lower() for w in _WORD.findall(ctx.title)]  # the words of _normal_title(ctx.title)
    for line in ctx.kept():
        if title_words and _has_normal_title(line.text, title_words):
            line.rule = "headline"
    first = next((line for line in ctx.lines if line.kept or line.rule == "headline"), None)
    if first is not None and first.kept and looks_like_title(first.text):
        first.rule = "headline"
    ctx.headline_words = _content_words(ctx.title) | set().union(
        *(_content_words(line.text) for line in ctx.lines if line.rule == "headline"))


_BULLET = re.compile(r"^[-–•*·>]\s+")
LIST_ITEM_MAX_WORDS = 40
_FIGURE = re.compile(r"\d\s*%|\d{1,3}(?:,\d{3})+|\d[.,]\d")  # 42%, 2,800,000, 3.5: a line of data


ABOVE_HEADLINE_PROSE_WORDS = 40


def _above_headline(ctx: _Context) -> None:
    """Lines above the article's headline (menus, taglines, slogans, today's date) are the page's,
    not the article's; they go unless one of them is a paragraph of prose (40 words or more ending
    a sentence), which would mean the headline found is a repeat further down the page."""
    first = next((line for line in ctx.lines if line.rule == "headline"), None)
    if first is None:
        return
    above = [line for line in ctx.lines if line.number < first.number and line.kept]
    if any(len(line.text.split()) >= ABOVE_HEADLINE_PROSE_WORDS and _ends_sentence(line.text) for line in above):
        return
    for line in above:
        line.rule = "above_headline"


def _list_items(lines: list[_Line]) -> set[int]:
    """Numbers of the lines that are items of an in-body list: two or more title-like lines (perhaps
    with a dash or bullet in front) or lines of up to 40 words after a dash or bullet, one after the other (at most one blank line between, nothing
    removed between), right after a kept line that ends with a colon ("These countries left the
    group:")."""
    items: set[int] = set()
    run: list[_Line] = []
    opened = False
    for line in lines + [None]:
        is_item = (line is not None and opened and line.kept
                   and (looks_like_title(_BULLET.sub("", line.text))
                        or (_BULLET.match(line.text) is not None and len(line.text.split()) <= LIST_ITEM_MAX_WORDS))
                   and (not run or line.number <= run[-1].last + 2))
        if is_item:
            run.append(line)
            continue
        if len(run) >= 2:
            items.update(item.number for item in run)
        run = []
        opened = line is not None and line.kept and line.text.endswith(":")
    return items


def _subhead(ctx: _Context) -> None:
    """Title-like lines (:func:`looks_like_title`) go: menus, links, other stories' headlines;
    except a short one (six words or fewer) between two paragraphs of prose, which is the
    article's own subhead ("Role of Russia"), and the items of a list introduced by a colon."""
    listed = _list_items(ctx.lines)
    kept = ctx.kept()
    for k, line in enumerate(kept):
        if looks_like_title(line.text) and line.number not in listed and not _FIGURE.search(line.text):
            before, after = kept[k - 1] if k else None, kept[k + 1] if k + 1 < len(kept) else None
            if (len(line.text.split()) <= SUBHEAD_MAX_WORDS and before is not None and after is not None
                    and _is_prose(before) and _is_prose(after)):
                continue  # a short line between two paragraphs of prose: the article's own subhead
            line.rule = "subhead"


def _is_prose(line: _Line) -> bool:
    """A paragraph of prose: twelve words or more, ending a sentence."""
    return len(line.text.split()) >= 12 and _ends_sentence(line.text)


APPEAL_BLOCK_MAX_LINES = 6


def _appeal_block(ctx: _Context) -> None:
    """A donation appeal of several paragraphs: the lines between two lines of an appeal ("Your
    support helps us to tell the story" … "Your support makes all the difference."), when at
    most six lines lie between them, are the appeal's own text; except a paragraph reporting in
    the past tense (a short story between a banner above and one below stays)."""
    appeal = [k for k, line in enumerate(ctx.lines) if line.rule == "donation_appeal"]
    for first, last in zip(appeal, appeal[1:]):
        if 1 < last - first <= APPEAL_BLOCK_MAX_LINES + 1:
            for line in ctx.lines[first + 1:last]:
                if line.kept and not (_ends_sentence(line.text) and _reports_past(line.text)):
                    line.rule = "appeal_block"  # (a paragraph reporting in the past tense is the story: it stays)
    # an appeal line ending with a colon introduces its own list ("You can support us in these ways:")
    for k in appeal:
        if not ctx.lines[k].text.rstrip().endswith(":"):
            continue
        for line in ctx.lines[k + 1:k + 1 + APPEAL_BLOCK_MAX_LINES]:
            if not (line.kept and _LIST_ITEM.match(line.text)):
                break
            line.rule = "appeal_block"


_MORE_BUTTON = re.compile(r"(?i)^\(?(?:read more|read the full (?:story|article)|read full (?:story|article)|continue "
                          r"reading|more|full story)\)?\s*[»›→>.…]*$")
TEASER_MAX_LINE_WORDS = 30


def _teaser_before_more(ctx: _Context) -> None:
    """Another story's headline or teaser: a line of up to 30 words, ending no sentence or asking a
    question, just before a "Read more" button standing alone, on a page with two such buttons or
    more (a box of links to other stories)."""
    if sum(1 for line in ctx.lines if _MORE_BUTTON.match(line.text)) < 2:
        return  # one "Read more" ends an excerpt of this story; a box of teasers repeats the button
    for line, following in zip(ctx.lines, ctx.lines[1:]):
        if (line.kept and not following.kept and following.number <= line.last + 2
                and _MORE_BUTTON.match(following.text) and len(line.text.split()) <= TEASER_MAX_LINE_WORDS
                and (not _ends_sentence(line.text) or line.text.endswith("?"))):
            line.rule = "teaser_before_more"


_PAST_TENSE = frozenset(
    "said says told met went made took gave came saw held left began won lost became sent spoke wrote got put "
    "set led found thought brought kept felt rose fell struck sought meant paid chose drew broke stood understood "
    "was were had did".split())
_LOWER_WORD = re.compile(r"\b[a-z][a-z]+\b")
STRAY_MIN_WORDS, STRAY_MAX_WORDS = 7, 30


def _reports_past(text: str) -> bool:
    """True if a word of ``text`` is a verb in the past tense ("agreed", "said", "was"): news prose
    reports in the past; captions and other stories' headlines are written in the present.

    >>> _reports_past("It also rejected any plan to deploy troops"), _reports_past("Leaders at the summit")
    (True, False)
    """
    return any((len(word) > 4 and word.endswith("ed")) or word in _PAST_TENSE
               for word in _LOWER_WORD.findall(text))


def _stray_line(ctx: _Context) -> None:
    """A photo caption or another story's headline standing next to the article's prose: a line of
    7 to 30 words that starts with a capital letter and ends no sentence, with no verb in the past
    tense, next to a paragraph of prose (the page's first line, when no headline was found, is the
    headline written in sentence case); not a line repeating half the headline's words (the
    standfirst), not the page's last line (an article cut short), not a line
    the next line continues (it starts in lower case), not a line introducing a list (a colon),
    and not a quotation."""
    kept = ctx.kept()
    for k, line in enumerate(kept[:-1]):
        text = line.text
        if (not text[0].isupper() or not STRAY_MIN_WORDS <= len(text.split()) <= STRAY_MAX_WORDS
                or _ends_sentence(text) or text.endswith(":") or _reports_past(text)):
            continue
        before, after = kept[k - 1] if k else None, kept[k + 1]
        if after.text[0].islower() or _has_quotation(text):
            continue
        words = _content_words(text)
        if line is ctx.lines[0] and not any(other.rule == "headline" for other in ctx.lines):
            line.rule = "headline"  # the page's first line, a headline in sentence case
            ctx.headline_words |= words
        elif len(words & ctx.headline_words) * 2 >= len(words):
            continue  # a summary of the story that repeats its headline: the standfirst
        elif _is_prose(after) or (before is not None and _is_prose(before)):
            line.rule = "stray_line"


def _has_quotation(text: str) -> bool:
    """True if ``text`` holds a quotation mark that opens a quotation ("“", or '"' before a word)."""
    return "“" in text or "«" in text or re.search(r'(?:^|\s)"\w', text) is not None


def _standfirst(ctx: _Context) -> None:
    kept = ctx.kept()[:3]  # the first two lines, each with the line after it
    for line, following in zip(kept, kept[1:]):
        if len(line.text) >= len(following.text):
            continue  # the cheap test first
        words = _content_words(line.text)
        if len(words) < 4:
            continue
        shared = words & (ctx.headline_words | _content_words(following.text))
        if len(shared) / len(words) >= STANDFIRST_OVERLAP:
            line.rule = "standfirst"


@dataclass(frozen=True)
class StructuralRule:
    """A kind of line recognised by its shape or its neighbours (see :data:`STRUCTURAL_RULES`)."""

    name: str
    reason: str
    apply: Callable[[_Context], None]


_COLON_DATELINE = re.compile(r"^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:, [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)?)?:\s+\S")


TEASER_MAX_WORDS = 60


def _teaser(ctx: _Context) -> None:
    """The opening of another story, cut short: after the article's first paragraph, a line that
    starts with a dateline ("KATHMANDU: ...", "GENEVA (Reuters) - ...") and stops mid-sentence;
    the line just before it goes too when it also ends no sentence (that story's headline)."""
    kept = ctx.kept()
    for k, line in enumerate(kept[1:], start=1):
        dated = line.number in ctx.cut or _COLON_DATELINE.match(line.text)
        if not dated or _ends_sentence(line.text) or len(line.text.split()) > TEASER_MAX_WORDS:
            continue  # (a long line that stops mid-sentence is an article cut short, not a teaser)
        line.rule = "teaser"
        before = kept[k - 1]
        if k > 1 and before.kept and line.number - before.last <= 2 and not _ends_sentence(before.text):
            before.rule = "teaser"


_HOME = frozenset({"home", "homepage", "home page", "start", "front page", "inicio", "accueil", "startseite"})
BREADCRUMB_MAX_WORDS = 25


def _breadcrumb(ctx: _Context) -> None:
    """A trail of section links: a line that is only "Home" (perhaps as a list item), and the list
    items right after it ("- World", "- News", "- <the headline, cut short>")."""
    kept = ctx.kept()
    for k, line in enumerate(kept):
        if len(line.text) > 14 or _BULLET.sub("", line.text).casefold().rstrip(" ›»>/|") not in _HOME:
            continue
        line.rule = "breadcrumb"
        last = line.last
        for item in kept[k + 1:]:
            cut_short = item.text.endswith(("..", "…"))  # the last item: the headline, cut short
            if (item.number > last + 2 or not _BULLET.match(item.text) or len(item.text.split()) > BREADCRUMB_MAX_WORDS
                    or (_ends_sentence(item.text) and not cut_short)):
                break
            item.rule, last = "breadcrumb", item.last


_CLOCK_AT_END = re.compile(r"\b\d{1,2}:\d\d(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4})?$|\(\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\)$")
STORY_LIST_MAX_WORDS = 40


def _ends_with_time(text: str) -> bool:
    """True for a short line ending with a time of day ("16:43") or a date in brackets
    ("(09.07.2018)") and no sentence before it."""
    if ":" not in text[-12:] and not text.endswith(")"):
        return False  # the cheap test first
    clock = _CLOCK_AT_END.search(text)
    return (clock is not None and len(text.split()) <= STORY_LIST_MAX_WORDS
            and not _ends_sentence(text[:clock.start()].rstrip(" ,|-–—")))


def _story_list(ctx: _Context) -> None:
    """Two or more lines in a row that each end with a time of day or a date in brackets and no
    sentence ending ("Lavrov slams OSCE ... Politics July 11, 15:42", "Ethiopia and Eritrea
    (09.07.2018)"): a list of other stories with their times."""
    run: list[_Line] = []
    for line in ctx.kept() + [None]:
        if line is not None and _ends_with_time(line.text) and (not run or line.number <= run[-1].last + 2):
            run.append(line)
            continue
        if len(run) >= 2:
            for item in run:
                item.rule = "story_list"
        run = [line] if line is not None and _ends_with_time(line.text) else []


_CREDIT_RULES = frozenset({"image_furniture", "caption_credit", "caption_photo_tag"})
# rules for captions: a line of more than CAPTION_MAX_WORDS words is a paragraph that happens to end
# like one ("… leaders met in Durban. (Read photo caption)"), and stays
_CAPTION_RULES = _CREDIT_RULES | {"image_description", "caption_dated"}


def _longer_than(text: str, words: int) -> bool:
    """True if ``text`` has more than ``words`` words (counted only as far as needed)."""
    return text.count(" ") >= words and len(text.split(None, words)) > words
CREDIT_MAX_WORDS = 8
CAPTION_MAX_WORDS = 60


def _caption_before_credit(ctx: _Context) -> None:
    """The line just before a photo credit standing alone ("© M-SUR / Fotolia", "Photo: AFP") is
    that photo's caption when it ends no sentence ("Leaders of the six states at the summit")."""
    for line, following in zip(ctx.lines, ctx.lines[1:]):
        if (line.kept and following.rule in _CREDIT_RULES and following.number <= line.last + 2
                and len(following.text.split()) <= CREDIT_MAX_WORDS and not _ends_sentence(line.text)
                and len(line.text.split()) <= CAPTION_MAX_WORDS):
            line.rule = "caption_before_credit"


_FOLD_GAPS = re.compile(r"[^\w\n]+|_+")
REPEAT_MIN_WORDS = 8


def _folded_lines(texts: list[str]) -> list[str]:
    """Each text in lower case with every run of non-word characters made one space, and a space
    at each end (so that a folded line found inside another starts and ends at word boundaries)."""
    folded = _FOLD_GAPS.sub(" ", "\n".join(texts).casefold())  # one pass for the whole page
    return [f" {text.strip()} " for text in folded.split("\n")]


REPEAT_SAME_LENGTH = 0.9


def _repeated_text(ctx: _Context) -> None:
    """A line of eight words or more whose words all appear, in order and together, in another kept
    line: a pull-quote or a summary repeating the body. The shorter copy goes; of two copies of
    nearly the same length (within 10%), the earlier one (a summary above the article)."""
    kept = ctx.kept()
    page = "\n".join(line.text for line in kept).casefold()
    folded: list[str] = []
    for k, line in enumerate(kept):
        words = line.text.split()
        if len(words) < REPEAT_MIN_WORDS:
            continue
        if page.count(" ".join(words[2:5]).casefold()) < 2:
            continue  # the cheap test first: three words from inside a repeated line occur twice
        folded = folded or _folded_lines([line.text for line in kept])
        text = folded[k]
        for j, other in enumerate(folded):
            if j == k or text not in other or not kept[j].kept:
                continue
            if len(text) < REPEAT_SAME_LENGTH * len(other):
                line.rule = "repeated_text"  # a part of a longer line
            else:
                kept[min(j, k)].rule = "repeated_text"  # two near copies: the earlier goes
            break


_OPENING_QUOTES = "\"'“‘«„"
LINK_LIST_MIN_LINES = 3
LINK_MAX_WORDS = 30


def _link_like(line: _Line, listed: set[int]) -> bool:
    """A line that could be a link: at most 30 words, ending no sentence (or cut short with an
    ellipsis, or a question after a bullet), not an item of a list introduced by a colon, not a line of figures, not a quotation."""
    text = line.text
    question_link = text.endswith("?") and _BULLET.match(text) is not None  # "• What kind of Europe?"
    return (line.number not in listed and len(text.split()) <= LINK_MAX_WORDS
            and (not _ends_sentence(text) or text.endswith(("..", "…")) or question_link)
            and not _FIGURE.search(text) and text[0] not in _OPENING_QUOTES)


def _link_list(ctx: _Context) -> None:
    """Three or more lines in a row (at most one blank line, or lines already removed, between) that could each be a link
    (:func:`_link_like`): a list of links to sections, other stories or related coverage
    ("• Analysis: Wider lessons", "APEC preview"). An article's own list stays when a line ending
    with a colon introduces it, or when its items end with full stops or hold figures."""
    listed = _list_items(ctx.lines)
    run: list[_Line] = []
    previous: _Line | None = None  # the line before, kept or removed (a removed line does not break a list)
    prose_above = False              # whether a paragraph of prose was kept above the line
    for line in ctx.lines + [None]:
        near = line is not None and previous is not None and line.number <= previous.last + 2
        if line is not None and not line.kept:
            if not near or line.rule in _NOT_BRIDGES:
                run = _end_link_list(run, prose_above)
            previous = line
            continue
        if line is not None and _link_like(line, listed) and (not run or near):
            run.append(line)
        else:
            run = _end_link_list(run, prose_above)
            run = [line] if line is not None and _link_like(line, listed) else []
        prose_above = prose_above or (line is not None and not run and _is_prose(line))
        previous = line


HIGHLIGHT_MIN_WORDS = 7
# lines removed as the article's own metadata end a list of links (a menu above the headline does
# not run on into the standfirst below it)
_NOT_BRIDGES = frozenset({"headline", "above_headline", "byline", "timestamp", "date_only", "dateline",
                          "dateline_wire", "date_label", "standfirst"})


def _end_link_list(run: list[_Line], prose_above: bool) -> list[_Line]:
    """Mark the lines of a finished run as a link list, except the story's highlights: bulleted
    statements of seven words or more above the article's first paragraph ("• Sogavare confirms
    signing of the pact, tells lawmakers to wait for details"; not a question)."""
    if len(run) >= LINK_LIST_MIN_LINES:
        for item in run:
            if not (not prose_above and _BULLET.match(item.text) and not item.text.endswith("?")
                    and len(item.text.split()) >= HIGHLIGHT_MIN_WORDS):
                item.rule = "link_list"
    return []


_COMMENT_COUNT = re.compile(r"(?i)^\d+\s+(?:comments?|responses?|replies|thoughts? on\b.*)\s*[.:]?$|^(?:comments|responses|reader comments)\s*[:(]?")
_COMMENTER = re.compile(r"^(?:\d{1,4}\.\s+)?[^\W\d][\w.@'’-]*(?:\s[\w.@'’-]+){0,2}(?:\s+(?:says|said|wrote|on\b.*))?\s*:?$")


def _comments(ctx: _Context) -> None:
    """Readers' comments: after a line counting or announcing them ("262 Comments", "Responses"), when
    the next line is a commenter's name ("1. JohnK", "Anna says:"), everything to the end of the page."""
    for k, line in enumerate(ctx.lines):
        if not _COMMENT_COUNT.match(line.text):
            continue
        following = next((other for other in ctx.lines[k + 1:] if other.kept), None)
        if following is not None and len(following.text.split()) <= 4 and _COMMENTER.match(following.text):
            for other in ctx.lines[k:]:
                if other.kept or other is line:
                    other.rule = "comments"
            return


STRUCTURAL_RULES: tuple[StructuralRule, ...] = (
    StructuralRule("truncated_caption", "a caption cut short and then repeated in full on the next line "
                   "(the line is the start of the next one)", _truncated_caption),
    StructuralRule("duplicate_line", "a line repeating, word for word, an earlier line of the page (both copies when "
                   "it ends no sentence: a caption shown twice)", _duplicate_line),
    StructuralRule("name_list", "a line that is only a list of names (keywords or people tagged in a photo)", _name_list),
    StructuralRule("caption_dated", "a one-sentence photo caption ending with a place and full date, "
                   "\"..., in Havana, Jan. 27, 2014.\"", _caption_dated),
    StructuralRule("breadcrumb", "a trail of section links: a line that is only \"Home\" and the list items "
                   "right after it (\"- World\", \"- News\")", _breadcrumb),
    StructuralRule("headline", "the article's headline: its title from the metadata, or a title-like first line",
                   _headline),
    StructuralRule("above_headline", "a line above the article's headline (a menu, a tagline, a date widget), "
                   "when no paragraph of prose stands above it", _above_headline),
    StructuralRule("teaser", "the start of another story, cut short: a dateline and words that stop mid-sentence, "
                   "after the article's first paragraph (with that story's headline just before it)", _teaser),
    StructuralRule("story_list", "a list of other stories: two or more lines in a row that each end with a time "
                   "of day or a date in brackets, and no full stop", _story_list),
    StructuralRule("caption_before_credit", "a photo caption: the line, ending no sentence, just before a "
                   "photo credit that stands alone", _caption_before_credit),
    StructuralRule("appeal_block", "the paragraphs of a donation appeal: the lines between two lines of an appeal "
                   "(\"Your support helps us…\" … \"Your support makes all the difference.\"), six at most", _appeal_block),
    StructuralRule("teaser_before_more", "another story's headline: a line ending no sentence (or asking a "
                   "question) just before a \"Read more\" button standing alone", _teaser_before_more),
    StructuralRule("comments", "readers' comments: everything after a line such as \"262 Comments\" that is followed "
                   "by a commenter's name", _comments),
    StructuralRule("link_list", "a list of links: three or more lines in a row, each ending no sentence and at most "
                   "30 words long (not the items of a list introduced by a colon)", _link_list),
    StructuralRule("subhead", "a menu item, a link or another story's headline: a short line, or a line in title "
                   "case, with no final punctuation (a short subhead between two paragraphs of prose stays)", _subhead),
    StructuralRule("stray_line", "a photo caption or another story's headline next to the article's prose: 7 to "
                   "30 words with no sentence ending and no verb in the past tense", _stray_line),
    StructuralRule("standfirst", "a summary line at the top whose words repeat the headline or the first "
                   "paragraph", _standfirst),
    StructuralRule("repeated_text", "a pull-quote or summary: a line of eight words or more found word for word "
                   "inside a longer line of the page", _repeated_text),
)


def _rule_rows() -> list[dict]:
    rows = [{"name": r.name, "kind": "pattern" if r.scope == "line" else "pattern (start of line only)",
             "reason": r.reason} for r in pattern_rules()]
    return rows + [{"name": r.name, "kind": "structure", "reason": r.reason} for r in STRUCTURAL_RULES]


def __getattr__(name: str):
    """``RULES``: every rule in the order it is applied, as a table of name, kind (pattern or
    structure) and reason in plain words; built when first asked for (it needs pandas)."""
    if name == "RULES":
        return pd.DataFrame(_rule_rows(), columns=["name", "kind", "reason"])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_REASONS = {row["name"]: row["reason"] for row in _rule_rows()}


# --------------------------------------------------------------------------- cleaning


@dataclass
class Cleaned:
    """The result of cleaning one article.

    ``text`` is the clean body (kept paragraphs joined by a blank line), ``removed`` the audit
    (one dict per removed line or line start: article, line, text, rule, reason) and
    ``kept_spans`` the (start, end) offsets in the raw text of each kept paragraph.
    """

    text: str
    removed: list[dict] = field(default_factory=list)
    kept_spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        """The kept paragraphs, in order."""
        return self.text.split("\n\n") if self.text else []


def clean_article(raw_text: str, article_id: str = "", title: str = "") -> Cleaned:
    """Remove boilerplate lines from one article; return the body, the audit and the kept spans.

    ``title`` (the headline from the metadata, if known) lets the headline be recognised
    wherever it appears. Every non-blank line is either kept as a paragraph or listed in
    ``removed`` with the rule that removed it.

    >>> raw = "CARACAS (Reuters) - Cuba sent doctors.\\nPhoto: AFP\\n\\nReporting by Ana Diaz; Editing by Tom Lee"
    >>> result = clean_article(raw, article_id="r1")
    >>> result.text
    'Cuba sent doctors.'
    >>> [(r["line"], r["rule"], r["text"]) for r in result.removed]
    [(1, 'dateline_wire', 'CARACAS (Reuters) -'), (2, 'image_furniture', 'Photo: AFP'), (4, 'wire_credit', 'Reporting by Ana Diaz; Editing by Tom Lee')]
    >>> raw[slice(*result.kept_spans[0])]
    'Cuba sent doctors.'
    """
    lines = _split_lines(raw_text)
    removed: dict[int, list[dict]] = {}

    def record(line: _Line, text: str, rule: str) -> None:
        removed.setdefault(line.number, []).append(
            {"article": article_id, "line": line.number, "text": text, "rule": rule, "reason": _REASONS[rule]})

    matcher = _line_matcher()
    for line in lines:
        rule = matcher.line_rule(line.text)
        if rule is not None and not (rule.name in _CAPTION_RULES and _longer_than(line.text, CAPTION_MAX_WORDS)):
            line.rule = rule.name
            continue
        found = matcher.prefix_match(line.text)
        if found is None:
            continue
        rule, match = found
        rest = line.text[match.end():].strip()
        if not rest:
            line.rule = rule.name
            continue
        raw_line = raw_text[line.start:line.end]
        cut = _raw_offset_of_rest(raw_line, rest)
        record(line, raw_line[:cut].strip(), rule.name)
        line.start, line.text = line.start + cut, rest

    lines = _join_wrapped(lines, raw_text, set(removed))
    context = _Context(lines, title or "", cut=set(removed))
    for structural in STRUCTURAL_RULES:
        structural.apply(context)

    for line in lines:
        if not line.kept:
            record(line, raw_text[line.start:line.end], line.rule)
    audit = [entry for number in sorted(removed) for entry in removed[number]]
    kept = [line for line in lines if line.kept]
    return Cleaned("\n\n".join(line.text for line in kept), audit, [(line.start, line.end) for line in kept])


class OffsetMap:
    """From offsets in an article file's text to offsets in its clean text, and back.

    The clean text is the kept paragraphs, each normalised (:func:`normalise_line`), joined by a
    blank line; ``kept_spans`` are their (start, end) offsets in the file. Inside a paragraph that
    normalising left as it was (the usual case) an offset moves by the paragraph's shift; inside
    one it changed (odd spaces, accents composed), the two texts are aligned character by
    character. An offset between paragraphs goes to the end of the paragraph before it (to the
    start of the first paragraph when it lies before every paragraph).

    >>> raw = "HEADLINE\\n\\nCuba\\u00a0 sent doctors.\\nThey arrived."
    >>> spans = [(10, 29), (30, 43)]
    >>> clean_text = "Cuba sent doctors.\\n\\nThey arrived."
    >>> offsets = OffsetMap(raw, spans, clean_text)
    >>> clean_text[offsets.to_clean(16):offsets.to_clean(28)], clean_text[offsets.to_clean(35):offsets.to_clean(43)]
    ('sent doctors', 'arrived.')
    >>> raw[offsets.to_file(20):offsets.to_file(33)]
    'They arrived.'
    """

    def __init__(self, raw_text: str, kept_spans: Sequence[tuple[int, int]], clean_text: str):
        self.raw = raw_text
        self.spans = [tuple(span) for span in kept_spans]
        self.paragraphs = clean_text.split("\n\n") if clean_text else []
        self.clean_starts = []
        position = 0
        for paragraph in self.paragraphs:
            self.clean_starts.append(position)
            position += len(paragraph) + 2
        self._raw_starts = [start for start, _ in self.spans]
        self._blocks: dict[int, list] = {}
        self._unchanged: dict[int, bool] = {}  # paragraph index -> the file's text is the paragraph (line breaks as spaces)

    def _as_written(self, index: int) -> bool:
        """Whether normalising left paragraph ``index`` as written (checked once per paragraph)."""
        if index not in self._unchanged:
            start, end = self.spans[index]
            self._unchanged[index] = self.raw[start:end].replace("\n", " ") == self.paragraphs[index]
        return self._unchanged[index]

    def _matching(self, index: int) -> list:
        """Matching blocks (raw position, clean position, size) of paragraph ``index``, computed once:
        read off the normalisation itself (linear time); aligned with difflib only in the rare case
        that replaying it character by character does not give the paragraph."""
        if index not in self._blocks:
            start, end = self.spans[index]
            raw, paragraph = self.raw[start:end], self.paragraphs[index]
            text, where = _normalised_with_offsets(raw)
            if text == paragraph:
                self._blocks[index] = where
            else:
                matcher = difflib.SequenceMatcher(None, raw, paragraph, autojunk=False)
                self._blocks[index] = matcher.get_matching_blocks()
        return self._blocks[index]

    def _moved(self, index: int, within: int, raw_side: bool) -> int:
        """``within`` paragraph ``index``, from the file's side to the clean side or back."""
        found = self._matching(index)
        if found and isinstance(found[0], int):  # the replayed normalisation: clean k comes from raw found[k]
            if raw_side:
                return bisect.bisect_left(found, within)
            return found[within] if within < len(found) else self.spans[index][1] - self.spans[index][0]
        return _through_blocks(found, within, raw_side)

    def to_clean(self, offset: int) -> int:
        """The clean-text offset of file offset ``offset``."""
        if not self.spans:
            return 0
        index = max(bisect.bisect_right(self._raw_starts, offset) - 1, 0)
        start, end = self.spans[index]
        within = min(max(offset - start, 0), end - start)
        paragraph = self.paragraphs[index]
        if not self._as_written(index):
            within = self._moved(index, within, raw_side=True)
        return self.clean_starts[index] + min(within, len(paragraph))

    def to_file(self, offset: int) -> int:
        """The file offset of clean-text offset ``offset``."""
        if not self.spans:
            return 0
        index = max(bisect.bisect_right(self.clean_starts, offset) - 1, 0)
        start, end = self.spans[index]
        within = min(max(offset - self.clean_starts[index], 0), len(self.paragraphs[index]))
        if not self._as_written(index):
            within = self._moved(index, within, raw_side=False)
        return start + min(within, end - start)


def _normalised_with_offsets(raw: str) -> tuple[str, list[int]]:
    """:func:`normalise_line` replayed character by character: the text, and for each of its
    characters the offset in ``raw`` it comes from (NFC is applied to each base character with
    the combining marks after it, which gives the same text as on the whole line in practice; the
    caller checks).

    >>> _normalised_with_offsets(" Rami\u0301rez\u00a0 said\u200b")
    ('Ramírez said', [1, 2, 3, 4, 6, 7, 8, 9, 11, 12, 13, 14])
    """
    out: list[str] = []
    where: list[int] = []
    i, n = 0, len(raw)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(raw[j]):
            j += 1
        cluster = raw[i:j]
        if cluster == "\r" and raw[j:j + 1] == "\n":
            i = j
            continue
        for char in (cluster if cluster.isascii() else unicodedata.normalize("NFC", cluster)):
            if char == "\n" or _ODD_SPACE.match(char):
                char = " "
            elif _INVISIBLE.match(char):
                continue
            if char == " " and out and out[-1] == " ":
                continue
            out.append(char)
            where.append(i)
        i = j
    first, last = 0, len(out)
    while first < last and out[first].isspace():
        first += 1
    while last > first and out[last - 1].isspace():
        last -= 1
    return "".join(out[first:last]), where[first:last]


def _through_blocks(blocks: list, position: int, raw_side: bool) -> int:
    """``position`` on one side of an alignment moved to the other side (inside or just after a
    matching block; at the start of the next block when it falls in a gap)."""
    for a, b, size in blocks:
        here, there = (a, b) if raw_side else (b, a)
        if position < here:
            return there
        if position <= here + size:
            return there + (position - here)
    last = blocks[-1] if blocks else (0, 0, 0)
    return (last[1] if raw_side else last[0]) + last[2]


def clean_corpus(articles: pd.DataFrame, progress: bool = False) -> pd.DataFrame:
    """Clean every article of a corpus (the DataFrame from :func:`helpers.load_corpus`).

    Returns the articles with seven new columns — ``clean_text``, ``clean_words`` (word count
    of the clean text), ``sentences`` (number of sentences in it), ``sentence_spans`` (their
    (start, end) offsets in ``clean_text``: the one coordinate system of quotes, mentions and
    sentences), ``body_spans`` and ``body_sentences`` (the (start, end) offsets in the file's
    ``text`` of each kept paragraph and of each of their sentences, which the quote stage reuses
    and :class:`OffsetMap` maps back), and ``removed``, each article's removed lines, which
    :func:`cleaning_audit` turns into one table. Per-article results are cached
    on disk and computed on every core (:func:`helpers.cache.per_article`); ``progress`` shows
    a progress bar.

    >>> frame = pd.DataFrame({"id": ["a"], "title": ["Lima Group Meets"],
    ...                       "text": ["Lima Group Meets\\nThe group met. It spoke.\\nAdvertisement"]})
    >>> cleaned = clean_corpus(frame)
    >>> cleaned.loc[0, "clean_text"], int(cleaned.loc[0, "clean_words"]), int(cleaned.loc[0, "sentences"])
    ('The group met. It spoke.', 5, 2)
    >>> cleaning_audit(cleaned)["rule"].tolist()
    ['headline', 'advertisement']
    """
    inputs = [(row.text, str(row.id), _text_or_blank(getattr(row, "title", "")))
              for row in articles.itertuples(index=False)]
    results = per_article("clean", _clean_record, inputs, progress=progress)
    cleaned = articles.copy()
    cleaned["clean_text"] = [r["text"] for r in results]
    cleaned["clean_words"] = [r["words"] for r in results]
    cleaned["sentences"] = [r["sentences"] for r in results]
    cleaned["body_spans"] = [[tuple(span) for span in r["kept_spans"]] for r in results]
    cleaned["body_sentences"] = [[tuple(span) for span in r["sentence_spans"]] for r in results]
    cleaned["sentence_spans"] = [[tuple(span) for span in r["clean_sentences"]] for r in results]
    cleaned["removed"] = [r["removed"] for r in results]
    return cleaned


def measured_accuracy() -> dict:
    """How well the rules did on real pages labelled line by line by hand, as ``make bench`` last
    measured it (``helpers/data/cleaning_accuracy.json``): per part of the set ("development",
    the pages the rules were improved on, and "blind", pages kept aside), the share of furniture
    lines removed and of body words kept.

    >>> sorted(measured_accuracy())
    ['blind', 'development', 'source']
    >>> 0 < measured_accuracy()["blind"]["furniture_removed"] <= 1
    True
    """
    import json

    return json.loads((DATA_DIR / "cleaning_accuracy.json").read_text(encoding="utf-8"))


def cleaning_audit(cleaned: pd.DataFrame) -> pd.DataFrame:
    """Every line (or line start) that cleaning removed from a corpus cleaned by :func:`clean_corpus`,
    one row each: article, line (its number in the file), text, rule, reason."""
    return pd.DataFrame([entry for entries in cleaned["removed"] for entry in entries], columns=AUDIT_COLUMNS)


def _clean_record(text: str, article_id: str, title: str) -> dict:
    """One article's cleaning as plain data (what the cache stores).

    Besides the clean text, its counts and the audit: ``kept_spans``, the offsets in ``text`` of
    the kept paragraphs, and ``sentence_spans``, the offsets in ``text`` of each sentence of
    them, for the quote stage, and ``clean_sentences``, the same sentences' offsets in the clean
    text. No sentence crosses a paragraph, so the clean text's sentences are its paragraphs'
    sentences, split paragraph by paragraph; a paragraph that cleaning left as it was (the usual
    case) has the same sentences in ``text``, so it is split once (a hard-wrapped paragraph is
    split with its line breaks read as spaces).
    """
    result = clean_article(text, article_id=article_id, title=title)
    raw_sentences, clean_sentences, position = [], [], 0
    for (start, end), paragraph in zip(result.kept_spans, result.paragraphs):
        spans = sentence_spans(paragraph)
        clean_sentences.extend((position + s, position + e) for s, e in spans)
        position += len(paragraph) + 2
        if text[start:end] != paragraph:  # spaces or accents normalised: split the text as it was
            spans = sentence_spans(text[start:end].replace("\n", " "))  # a wrapped paragraph is one
        raw_sentences.extend((start + s, start + e) for s, e in spans)
    return {"text": result.text, "removed": result.removed, "words": count_words(result.text),
            "sentences": len(clean_sentences), "kept_spans": result.kept_spans, "sentence_spans": raw_sentences,
            "clean_sentences": clean_sentences}


def _text_or_blank(value) -> str:
    return value if isinstance(value, str) else ""


# --------------------------------------------------------------------------- tables and figures


def removed_by_rule(audit: pd.DataFrame) -> pd.DataFrame:
    """How many lines each rule removed, and from how many articles, most first.

    >>> audit = pd.DataFrame({"article": ["a", "a", "b"], "line": [1, 2, 1], "text": ["x", "y", "z"],
    ...                       "rule": ["subhead", "byline", "subhead"], "reason": ["", "", ""]})
    >>> removed_by_rule(audit).to_dict("index")
    {'subhead': {'lines': 2, 'articles': 2}, 'byline': {'lines': 1, 'articles': 1}}
    """
    grouped = audit.groupby("rule")
    table = pd.DataFrame({"lines": grouped.size(), "articles": grouped["article"].nunique()})
    return table.sort_values(["lines", "articles"], ascending=False).rename_axis("rule")


def line_by_line(raw_text: str, article_id: str = "", title: str = "") -> pd.DataFrame:
    """Every non-blank line of an article with what cleaning did to it (for showing before/after).

    Columns: line, text (as in the raw file), kept (the part kept, blank if none), rule (blank if kept
    whole).

    >>> line_by_line("Advertisement\\nCuba sent doctors.")[["line", "rule"]].to_dict("list")
    {'line': [1, 2], 'rule': ['advertisement', '']}
    """
    result = clean_article(raw_text, article_id=article_id, title=title)
    rules: dict[int, list[str]] = {}
    for entry in result.removed:
        rules.setdefault(entry["line"], []).append(entry["rule"])
    kept_by_line = {raw_text.count("\n", 0, start) + 1: normalise_line(raw_text[start:end])
                    for start, end in result.kept_spans}
    rows = []
    for number, text in enumerate(raw_text.split("\n"), start=1):
        if text.strip():
            rows.append({"line": number, "text": text.strip(), "kept": kept_by_line.get(number, ""),
                         "rule": ", ".join(rules.get(number, []))})
    return pd.DataFrame(rows, columns=["line", "text", "kept", "rule"])


def cleaning_outcome(text: str, kept: str, rule: str) -> str:
    """What cleaning did to one line, in words, without repeating the text that was kept.

    >>> cleaning_outcome("Cuba sent doctors.", "Cuba sent doctors.", "")
    'kept'
    >>> cleaning_outcome("Advertisement", "", "advertisement")
    'removed (advertisement)'
    >>> cleaning_outcome("HAVANA (Reuters) - Cuba sent doctors.", "Cuba sent doctors.", "dateline")
    'removed “HAVANA (Reuters) -” (dateline), kept the rest'
    """
    if not rule:
        return "kept"
    if not kept:
        return f"removed ({rule})"
    for removed, where in ((text[: len(text) - len(kept)], text.endswith(kept)), (text[len(kept):], text.startswith(kept))):
        if where and removed.strip():
            return f"removed “{removed.strip()}” ({rule}), kept the rest"
    return f"kept only “{kept}” ({rule})"


def style_line_by_line(table: pd.DataFrame, rows: int | None = 80):
    """Show a :func:`line_by_line` table: each line as saved and what cleaning did to it, removed
    lines shaded (escaped, wrapped; the first ``rows`` lines)."""
    from .tables import show_table

    outcome = [cleaning_outcome(t, k, r) for t, k, r in zip(table["text"], table["kept"], table["rule"])]
    view = pd.DataFrame({"line": table["line"], "text": table["text"], "cleaning": outcome})

    def shade(row):
        colour = "background-color: #eeeeee; color: #777777" if row["cleaning"] != "kept" else ""
        return [colour] * len(row)
    return show_table(view, rows=rows).apply(shade, axis=1)

