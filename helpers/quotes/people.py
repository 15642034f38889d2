"""One identifier per speaker across a corpus: name variants, short forms and nicknames merged."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from .._lazy import pandas as pd
from ..text import fold
from .names import PARTICLES
from .wordlists import nicknames

_NOT_WORD = re.compile(r"[^\w\s-]")


def name_key(name: str) -> str:
    """A speaker's name folded for comparison: no accents, lower case, no punctuation, the first
    given name in full ("Bill Harmon" and "William Harmón" give the same key).

    >>> name_key("Bill Harmón"), name_key("William Harmon"), name_key("Ban Ki-moon")
    ('william harmon', 'william harmon', 'ban ki-moon')
    """
    words = _NOT_WORD.sub(" ", fold(name).lower()).split()
    if len(words) >= 2:
        words[0] = nicknames().get(words[0], words[0])
    return " ".join(words)


def speaker_ids(speakers: pd.Series, kinds: pd.Series | None = None) -> tuple[pd.Series, dict[str, str]]:
    """A ``speaker_id`` for every row, and the name to show for each id.

    People whose names fold to the same key are one (:func:`name_key`: accents, case, nicknames);
    a person named by one word only (a surname: "Maduro") is the person of the corpus whose full
    name ends with that word, when exactly one does; two people who share a surname but not a
    first name stay apart. Organisations are merged by their folded name. Rows without a speaker
    get no id. The name shown for an id is its most frequent full form (the longest, on a tie).

    >>> ids, shown = speaker_ids(pd.Series(["Nicolás Maduro", "Maduro", "Bill Harmon", "William Harmon",
    ...                                     "Delcy Rodriguez", "Rodriguez", "Bruno Rodriguez", None]))
    >>> ids.tolist()
    ['nicolas-maduro', 'nicolas-maduro', 'william-harmon', 'william-harmon', 'delcy-rodriguez', 'rodriguez', 'bruno-rodriguez', None]
    >>> shown["nicolas-maduro"], shown["william-harmon"]
    ('Nicolás Maduro', 'William Harmon')
    """
    kinds = kinds if kinds is not None else pd.Series("person", index=speakers.index)
    keys = [name_key(name) if isinstance(name, str) and name.strip() else None for name in speakers]
    by_last: dict[str, set[str]] = defaultdict(set)
    for key, kind in zip(keys, kinds):
        if key and kind != "organisation" and len(key.split()) >= 2:
            by_last[_last_word(key)].add(key)
    merged = []
    for key, kind in zip(keys, kinds):
        if key and kind != "organisation" and len(key.split()) == 1 and len(by_last.get(key, ())) == 1:
            key = next(iter(by_last[key]))
        merged.append(key)
    ids = pd.Series([key.replace(" ", "-") if key else None for key in merged], index=speakers.index, dtype="object")
    forms: dict[str, Counter] = defaultdict(Counter)
    for ident, name in zip(ids, speakers):
        if ident:
            forms[ident][name] += 1
    shown = {ident: max(counter.items(), key=lambda item: (len(item[0].split()) > 1, item[1], len(item[0])))[0]
             for ident, counter in forms.items()}
    return ids, shown


def _last_word(key: str) -> str:
    words = key.split()
    return words[-1] if words[-1] not in PARTICLES else " ".join(words[-2:])
