"""The word lists behind the quote rules, read from ``helpers/data/`` once per process."""
from __future__ import annotations

from functools import lru_cache

from ..datafiles import lines, table


@lru_cache(maxsize=1)
def reporting_verbs() -> dict[str, str]:
    """Every form of every reporting verb, mapped to its first (base) form.

    >>> reporting_verbs()["told"], reporting_verbs()["tweeted"]
    ('tell', 'tweet')
    """
    forms: dict[str, str] = {}
    for line in lines("reporting_verbs.txt"):
        words = line.lower().split()
        for word in words:
            forms.setdefault(word, words[0])
    return forms


@lru_cache(maxsize=1)
def speaker_words() -> dict[str, frozenset[str]]:
    """Words by role (title, document, group, person, org, pronoun, demonym, place, skip)."""
    roles: dict[str, set[str]] = {}
    for row in table("speaker_words.tsv"):
        if row.get("role") is not None:
            roles.setdefault(row["role"].strip(), set()).add(row["word"].strip().lower())
    return {role: frozenset(words) for role, words in roles.items()}


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Given name (lower case, accents kept as written) -> 'f' or 'm', from data/given_names.tsv."""
    return {row["name"].strip().lower(): row["gender"].strip() for row in table("given_names.tsv")
            if row.get("gender") is not None}


@lru_cache(maxsize=1)
def nicknames() -> dict[str, str]:
    """Short given name (lower case) -> the full given name it stands for, from data/nicknames.tsv.

    >>> nicknames()["bill"]
    'william'
    """
    return {row["nickname"].strip().lower(): row["name"].strip().lower() for row in table("nicknames.tsv")
            if row.get("name")}
