r"""The quick way to find the first cleaning pattern that fits a line (for :mod:`helpers.clean`).

Speed machinery only: the rules themselves, and the order in which they are tried, are in
``helpers/clean.py`` and ``helpers/data/boilerplate.tsv``. A rule here is anything with a
``pattern`` (a compiled regular expression) and a ``scope`` ("line" or "prefix").

Every line is tried against every line rule, in order, and most lines (body paragraphs) match
none of them. Searching ~20 patterns per line was most of the cleaning time, so each line first
goes through a quick test that can only say "no rule can match" when that is true (it is built
from the patterns themselves, so a new row in the rules file is covered without any code here);
only the rare lines that pass it are tried rule by rule, in order, so the first rule still wins.

The quick test uses two facts about a match of a pattern:
- a match of a branch starting with ^ begins at the start of the line, so one regex made of all
  the patterns side by side (A|B|C...), tried at the start of the line only, finds it;
- every other branch has a piece of fixed text that any match contains (``\bcontributed(?:
  reporting)? to this`` needs "contributed"), so a line without any such text cannot match it.
A branch with no fixed text, or a pattern that cannot sit inside an alternation (it has capture
groups, which back-references would count differently), is simply searched on every line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from re import _parser as _regex_parser  # CPython's own regex parser: private, but there in Python 3.11+

# The structure of a pattern is read with the parser behind re.compile itself (imported above), so
# it is read exactly as the engine reads it.
_P = _regex_parser  # short name for its constants (LITERAL, BRANCH, ...)
_REPEATS = (_P.MAX_REPEAT, _P.MIN_REPEAT, _P.POSSESSIVE_REPEAT)

_Need = frozenset  # of (text, folded) pairs: a match contains at least one text (folded: in _fold of the line)


def _fold(text: str) -> str:
    """``text`` in lower case, folded the way ``re.IGNORECASE`` compares ASCII letters.

    ``str.lower`` alone would miss the non-ASCII letters the regex engine takes for ASCII ones
    (dotted capital I, dotless i, long s; the Kelvin sign already lowers to k).

    >>> _fold("İnternet ſhare")
    'internet share'
    """
    if text.isascii():
        return text.lower()
    return text.replace("\u0130", "i").lower().replace("\u0131", "i").replace("\u017f", "s")


def _literal(op, av, flags: int) -> tuple[str, bool] | None:
    """A literal character of a parsed pattern as (character, folded), or None if it is not one
    the quick test can use (a non-ASCII character compared ignoring case)."""
    if op != _P.LITERAL:
        return None
    if not flags & _P.SRE_FLAG_IGNORECASE:
        return chr(av), False
    if av < 128 and not flags & _P.SRE_FLAG_LOCALE:
        return chr(av).lower(), True
    return None


def _strength(need: _Need) -> tuple[int, int]:
    """Longer texts, and fewer of them, make a more selective test."""
    return min(len(text) for text, _ in need), -len(need)


def _needed(items, flags: int) -> _Need | None:
    """Texts of which every match of the parsed pattern ``items`` contains one, or None if none is known.

    Consecutive literal characters make one text; a group, an alternation (every alternative must
    need something) or a repeat of at least once gives what its contents need. The most selective
    of these is returned.

    >>> sorted(_needed(_regex_parser.parse(r"\\b(?:browser|javascript)\\b.*\\b(?:update|enable)"), 0))
    [('browser', False), ('javascript', False)]
    """
    options: list[_Need] = []
    run, run_folded = "", False
    for op, av in items:
        char = _literal(op, av, flags)
        if char is not None and (not run or char[1] == run_folded):
            run, run_folded = run + char[0], char[1]
            continue
        if run:
            options.append(frozenset({(run, run_folded)}))
        run, run_folded = char if char is not None else ("", False)
        if char is None:
            need = _needed_by_item(op, av, flags)
            if need:
                options.append(need)
    if run:
        options.append(frozenset({(run, run_folded)}))
    return max(options, key=_strength, default=None)


def _needed_by_item(op, av, flags: int) -> _Need | None:
    """What one non-literal item of a parsed pattern needs (see :func:`_needed`)."""
    if op == _P.SUBPATTERN:
        _group, add_flags, del_flags, items = av
        return _needed(items, (flags | add_flags) & ~del_flags)
    if op == _P.BRANCH:
        needs = [_needed(alternative, flags) for alternative in av[1]]
        return frozenset().union(*needs) if all(needs) else None
    if op in _REPEATS:
        low, _high, items = av
        return _needed(items, flags) if low >= 1 else None
    if op == _P.ATOMIC_GROUP:
        return _needed(av, flags)
    return None  # a class, an anchor, a look-around, a back-reference: no fixed text known


def _anchored(items, flags: int) -> bool:
    """True if every match of the parsed pattern ``items`` starts at the start of the text (^ or \\A)."""
    if not items:
        return False
    op, av = items[0]
    if op == _P.AT:
        return av == _P.AT_BEGINNING_STRING or (av == _P.AT_BEGINNING and not flags & _P.SRE_FLAG_MULTILINE)
    if op == _P.SUBPATTERN:
        return _anchored(av[3], (flags | av[1]) & ~av[2])
    if op == _P.BRANCH:
        return all(_anchored(alternative, flags) for alternative in av[1])
    return False


def _parse(pattern: re.Pattern):
    """The parsed form of a compiled pattern and the flags in force at its top level."""
    parsed = _regex_parser.parse(pattern.pattern, pattern.flags)
    return parsed, parsed.state.flags


def _needed_away_from_start(pattern: re.Pattern) -> _Need | None:
    """Texts of which every match of ``pattern`` not anchored at the start of the line contains one.

    An empty set means every branch is anchored at the start; None means some branch needs no
    known text (the pattern must then be searched on every line).
    """
    parsed, flags = _parse(pattern)
    branches = parsed[0][1][1] if len(parsed) == 1 and parsed[0][0] == _P.BRANCH else [parsed]
    needs = [frozenset() if _anchored(branch, flags) else _needed(branch, flags) for branch in branches]
    return None if any(need is None for need in needs) else frozenset().union(*needs)


@dataclass(frozen=True)
class _Texts:
    """Pieces of text of which a line must contain one: as they are, or in the folded line."""

    exact: tuple[str, ...]
    folded: tuple[str, ...]

    @classmethod
    def of(cls, need: _Need) -> "_Texts":
        def shortest(texts: set[str]) -> tuple[str, ...]:  # "photograph" adds nothing to "photo"
            return tuple(sorted(t for t in texts if not any(o != t and o in t for o in texts)))
        return cls(shortest({t for t, folded in need if not folded}), shortest({t for t, folded in need if folded}))

    def found_in(self, text: str) -> bool:
        for piece in self.exact:
            if piece in text:
                return True
        if self.folded:
            folded = _fold(text)
            for piece in self.folded:
                if piece in folded:
                    return True
        return False


_LEADING_FLAGS = re.compile(r"\(\?([aiLmsux]+)\)")


def _scoped(source: str) -> str:
    """A pattern written as a group that can stand beside others in an alternation.

    Python rejects global flags such as ``(?i)`` anywhere but at the very start, so leading flags
    become the flags of the group (a verbose pattern gets a newline, so that a final comment
    cannot swallow the closing parenthesis).

    >>> _scoped("(?i)^ad$"), _scoped("^By [A-Z]")
    ('(?i:^ad$)', '(?:^By [A-Z])')
    """
    flags = ""
    while match := _LEADING_FLAGS.match(source):
        flags, source = flags + match.group(1), source[match.end():]
    end = "\n)" if "x" in flags else ")"
    return f"(?{flags}:{source}{end}"


def _compiles(source: str) -> bool:
    """True if ``source`` is a valid regular expression."""
    try:
        re.compile(source)
    except re.error:
        return False
    return True


@dataclass(frozen=True)
class LineMatcher:
    """The pattern rules of one rules file, ready to be tried on line after line.

    Gives the same answers as trying every rule in order, only faster (see the comment above).
    """

    line_rules: tuple    # scope "line", in order: the first that matches wins
    at_start: re.Pattern | None            # the line patterns side by side, tried at the line start
    texts: _Texts                          # a line holding none of these matches no line rule away from the start
    searched: tuple[re.Pattern, ...]       # line patterns the quick test cannot cover, searched every time
    prefix_rules: tuple  # of (rule, _Texts | None)  # scope "prefix", in order, with what they need

    @classmethod
    def build(cls, rules: tuple) -> "LineMatcher":
        line_rules = tuple(rule for rule in rules if rule.scope == "line")
        side_by_side, needs, searched = [], set(), []
        for rule in line_rules:
            # A pattern with groups could refer to them by number, which would change beside others.
            need = _needed_away_from_start(rule.pattern) if rule.pattern.groups == 0 else None
            scoped = _scoped(rule.pattern.pattern)
            if need is None or not _compiles(scoped):
                searched.append(rule.pattern)
                continue
            side_by_side.append(scoped)
            needs |= need
        at_start = re.compile("|".join(side_by_side)) if side_by_side else None
        prefix_rules = tuple((rule, _prefix_texts(rule.pattern)) for rule in rules if rule.scope == "prefix")
        return cls(line_rules, at_start, _Texts.of(needs), tuple(searched), prefix_rules)

    def may_match(self, text: str) -> bool:
        """False only if no line rule matches ``text`` (True says "try the rules")."""
        if self.at_start is not None and self.at_start.match(text):
            return True
        if self.texts.found_in(text):
            return True
        return any(pattern.search(text) for pattern in self.searched)

    def line_rule(self, text: str):
        """The first line rule whose pattern is found in ``text``, or None."""
        if not self.may_match(text):
            return None
        return next((rule for rule in self.line_rules if rule.pattern.search(text)), None)

    def prefix_match(self, text: str) -> tuple | None:
        """The first prefix rule that matches a non-empty start of ``text``, with its match, or None."""
        for rule, texts in self.prefix_rules:
            if texts is not None and not texts.found_in(text):
                continue
            match = rule.pattern.match(text)
            if match and match.end() > 0:  # an empty match removes nothing: try the next rule
                return rule, match
        return None


def _prefix_texts(pattern: re.Pattern) -> _Texts | None:
    """What any match of a prefix pattern contains, or None if nothing is known."""
    parsed, flags = _parse(pattern)
    need = _needed(parsed, flags)
    return _Texts.of(need) if need else None
