"""A module imported on first use, so that light paths (one article through the command line)
never pay for pandas.

>>> pd = LazyModule("pandas")
>>> pd.DataFrame({"a": [1]}).shape
(1, 1)
"""
from __future__ import annotations

import importlib
from types import ModuleType


class LazyModule:
    """Stands for the module ``name``; the first attribute asked for imports it."""

    def __init__(self, name: str):
        self.__dict__["_name"] = name

    def _load(self) -> ModuleType:
        module = importlib.import_module(self._name)
        self.__dict__.update(vars(module))  # later look-ups are plain attribute reads
        return module

    def __getattr__(self, attribute: str):
        return getattr(self._load(), attribute)

    def __repr__(self) -> str:
        return f"<lazy module {self._name!r}>"


pandas = LazyModule("pandas")
