"""Import NLTK without loading ``scipy.stats``: import this module before any ``nltk`` import.

Importing any part of NLTK runs its package ``__init__``, which imports every submodule; one of
them (``nltk.metrics.association``) loads ``scipy.stats`` for Fisher's exact test, about 0.6 s
of the second or so NLTK takes to import, paid again by every notebook's kernel. This package
never calls that test, so ``scipy.stats`` is held back while NLTK loads: NLTK then defines its
own stand-in (``BigramAssocMeasures.fisher`` raises NotImplementedError). Nothing else changes:
``scipy.stats`` imports as usual afterwards, and when it is already loaded, or NLTK is, this
module does nothing.
"""
from __future__ import annotations

import sys

if "nltk" not in sys.modules and "scipy.stats" not in sys.modules:
    sys.modules["scipy.stats"] = None  # type: ignore[assignment]  # makes `from scipy.stats import …` fail
    try:
        import nltk  # noqa: F401
    finally:
        if sys.modules.get("scipy.stats", 0) is None:
            del sys.modules["scipy.stats"]
