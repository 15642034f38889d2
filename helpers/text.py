"""Small text utilities shared by the stages: the one accent fold.

Kept free of pandas and matplotlib so that command-line tools can import it cheaply.
"""
from __future__ import annotations

import unicodedata


def fold(text: str, keep_length: bool = False) -> str:
    """``text`` with accents removed: compatibility decomposition (NFKD), combining marks
    dropped, then composed again (NFC), so ligatures and other compatibility forms become their
    plain letters too ("ﬁ" becomes "fi", "…" becomes "...").

    With ``keep_length``, every character folds to exactly one character, so offsets into the
    folded text are offsets into ``text``: a character whose plain form is not one character
    ("ﬁ", "…") is left as it is.

    >>> fold("Nicolás Maduro, Delcy Rodríguez, Türkiye")
    'Nicolas Maduro, Delcy Rodriguez, Turkiye'
    >>> fold("ﬁnal…"), fold("ﬁnal…", keep_length=True), fold("Áñez", keep_length=True)
    ('final...', 'ﬁnal…', 'Anez')
    >>> fold("plain ASCII is returned as it is")
    'plain ASCII is returned as it is'
    """
    if text.isascii():
        return text
    if keep_length:
        return text.translate(_ONE_FOR_ONE)
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


class _OneForOne(dict):
    """A ``str.translate`` table folding one character to one plain character, filled in as
    characters are met, so each is worked out once per process."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        plain = fold(char)
        self[code] = value = plain if len(plain) == 1 else char
        return value


_ONE_FOR_ONE = _OneForOne()
