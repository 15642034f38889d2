"""The possessive repeats in the tokenising patterns.

The tokenisers' patterns use possessive repeats (``++``, ``*+``) for speed. That is safe only
where the plain repeat would never have to give a character back; these tests hold each
pattern to its plain form on every article at hand and on thousands of random strings made of
the characters the patterns care about.
"""
from __future__ import annotations

import random
import re

import pytest

from helpers import corpus, terms
from helpers.quotes import names as quote_names
from conftest import PROJECT_ROOT, SEEDS

_POSSESSIVE = re.compile(r"(?<=[*+?}])\+")


def plain(pattern: re.Pattern) -> re.Pattern:
    """The same pattern with every possessive repeat made an ordinary greedy one."""
    return re.compile(_POSSESSIVE.sub("", pattern.pattern), pattern.flags)


def texts() -> list[str]:
    rng = random.Random(9)
    # letters of titles and initialisms, separators, apostrophes, odd spaces and digits, the
    # edges of the Latin-1 letter ranges, a combining mark
    alphabet = "aAbBsSUNMrDtGCpe.,:/-‐‑'’ \t\u00a00123456789٣²_éÀÖØöøÿ×÷\u0301İ\n"
    fuzz = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(20000)]
    files = [*sorted(SEEDS.glob("*.txt")), *sorted((PROJECT_ROOT / "bench").glob("heldout*/articles/*.txt"))]
    assert len(files) >= 35, "the seed and held-out articles in bench/ are missing"
    articles = [p.read_text(encoding="utf-8") for p in files]
    invented = ["U.S.-backed U.S.'s a.m. 1,000.5 10:30 rock-'n'-roll don't don’t -x x- 'x' 3.5.", "Mr. Dr.Gen. J. F. Kennedy"]
    return fuzz + articles + invented


@pytest.mark.parametrize("name, pattern", [
    ("terms.NewsTokenizer", terms._TOKENIZER._regexp),
    ("quotes.names._SPACED_TOKEN", quote_names._SPACED_TOKEN),
    ("corpus._WORD", corpus._WORD),
])
def test_possessive_patterns_match_as_their_plain_forms(name, pattern):
    assert _POSSESSIVE.search(pattern.pattern), f"{name} has no possessive repeat left to check"
    reference = plain(pattern)
    for text in texts():
        found = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        expected = [(m.span(), m.groups()) for m in reference.finditer(text)]
        assert found == expected, f"{name} differs from its plain form on {text!r}"


def test_plain_form_drops_only_the_possessive_marks():
    assert plain(re.compile(r"a++b*+c?+(?:d){2,}+e+")).pattern == r"a+b*c?(?:d){2,}e+"

