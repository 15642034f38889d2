"""Small text utilities shared by the stages: accent folding.

Kept free of pandas and matplotlib so that command-line tools can import it cheaply.
"""
from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """``text`` with accents removed (combining marks dropped after NFKD, then NFC).

    >>> fold("Nicolás Maduro, Delcy Rodríguez")
    'Nicolas Maduro, Delcy Rodriguez'
    >>> fold("plain ASCII is returned as it is")
    'plain ASCII is returned as it is'
    """
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))
