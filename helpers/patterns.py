"""Regular expressions built from word lists (names, reporting verbs), fast on long texts.

Python's ``re`` tries the branches of a plain alternation ``Maduro|Guaido|…`` one after the
other at every position of the text, so a pattern made from a few hundred names costs a few
hundred comparisons per character. :func:`any_of` writes the same list as a trie of its
characters: at each position only the branches that fit the next character are followed.
"""
from __future__ import annotations

import re
from collections.abc import Iterable


def any_of(words: Iterable[str]) -> str:
    """A regex (uncompiled, as a non-capturing group) matching any of ``words``.

    It matches exactly what the alternation of ``words`` sorted longest first matches:
    where one word begins another ("Lima" and "Lima Group") the longer is tried first,
    and the shorter is the fallback when what follows does not fit (``\\b``, ``(?!\\w)``).

    >>> pattern = re.compile(r"\\b" + any_of(["Lima", "Lima Group", "OAS"]) + r"\\b")
    >>> [m.group() for m in pattern.finditer("The Lima Group, the OAS and Lima.")]
    ['Lima Group', 'OAS', 'Lima']
    >>> any_of(["said", "says"])
    '(?:sa(?:id|ys))'
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return "(?:" + _write(trie) + ")"


def _write(node: dict) -> str:
    """The pattern for one trie node: its continuations, optional where a word ends here."""
    branches = [re.escape(char) + _write(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
