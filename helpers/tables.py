"""Tables as a reader of a notebook should see them.

``show_table(frame)`` is the one way the notebooks display a table:

- numbers rounded to what they mean (counts with thousands separators; other numbers to two
  decimals below 10, one below 100 and none above, unless ``decimals`` says otherwise);
- long text wrapped inside its cell, never cut with "…";
- every value escaped, so text from an article (which may contain ``<script>``) is shown as text
  and never becomes markup in the notebook or the HTML report;
- only the first ``rows`` rows, with a caption that says how many there are in all and where the
  whole table was saved, so that a notebook stays small on a corpus of 10,000 articles.

``explore(frame)`` shows the long tables a reader may want to search and sort (the quotes, a
concordance, the cleaning audit) as interactive tables (itables, working offline) when the
notebook is open in JupyterLab, and as ``show_table`` when the notebooks are run by ``make run``
or ``make test`` (which set ``NEWS_STATIC=1``), so the saved notebooks and the report stay static
and small.
"""
from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import pandas as pd
from pandas.io.formats.style import Styler

import os

from .config import shown

ROWS = 20
WRAP_WIDTH = "42em"  # the widest a text column grows before its text wraps


def decimals_for(values: pd.Series) -> int:
    """Decimals that suit a column of numbers: none for whole numbers, else by their size.

    >>> [decimals_for(pd.Series(v)) for v in ([3, 12], [0.0903, 0.5], [15.41, 2.2], [153.7, 9.1])]
    [0, 2, 1, 0]
    """
    numbers = pd.to_numeric(values, errors="coerce").dropna()
    if numbers.empty or (numbers == numbers.round()).all():
        return 0
    largest = numbers.abs().max()
    return 2 if largest < 10 else 1 if largest < 100 else 0


def _number_formatter(digits: int) -> Callable[[object], str]:
    def format_number(value: object) -> str:
        if value is None or pd.isna(value):
            return ""
        return f"{value:,.{digits}f}"
    return format_number


def _objects_as_text(frame: pd.DataFrame, keep: tuple[type, ...]) -> None:
    """In place: in the object columns of ``frame``, every value not of a ``keep`` type (and not
    None or NaN) becomes its text."""
    for column in frame.columns:
        if frame[column].dtype == object:
            frame[column] = frame[column].map(lambda v: v if v is None or isinstance(v, keep) or pd.isna(v) is True
                                              else str(v))


def show_table(frame: pd.DataFrame, *, rows: int | None = ROWS, decimals: Mapping[str, int] | None = None,
         saved: str | Path | None = None, right: Iterable[str] = (), caption: str = "") -> Styler:
    """``frame`` ready to display in a notebook: rounded, wrapped, escaped, its first ``rows`` rows.

    ``decimals`` fixes the decimals of some columns; ``saved`` is the file holding the whole
    table, named in the caption when rows are left out; ``right`` lists text columns to align
    right (the left context of a concordance); ``rows=None`` shows every row.

    >>> frame = pd.DataFrame({"speaker": ["<b>Maduro</b>"], "share": [0.09032], "g2": [15.413358], "n": [1200]})
    >>> page = show_table(frame).to_html()
    >>> "&lt;b&gt;Maduro&lt;/b&gt;" in page and "<b>Maduro" not in page
    True
    >>> ["0.09" in page, "15.4<" in page, "1,200" in page]
    [True, True, True]
    >>> print(show_table(pd.DataFrame({"n": range(30)}), rows=5, saved="figures/n.csv").caption)
    First 5 of 30 rows; all of them in figures/n.csv
    """
    decimals = dict(decimals or {})
    total = len(frame)
    part = (frame if rows is None or total <= rows else frame.head(rows)).copy()
    _objects_as_text(part, keep=(str,))  # lists, tuples and other objects are shown as text, escaped like text
    part.index = part.index.set_names([html.escape(str(n)) if n is not None else None for n in part.index.names])
    part.columns = part.columns.set_names([html.escape(str(n)) if n is not None else None for n in part.columns.names])
    styler = part.style
    numeric = [c for c in part.columns if pd.api.types.is_numeric_dtype(part[c]) and not pd.api.types.is_bool_dtype(part[c])]
    text = [c for c in part.columns if c not in numeric]
    styler = styler.format(escape="html", na_rep="")
    for column in numeric:
        digits = decimals.get(column, decimals_for(frame[column]))
        styler = styler.format(_number_formatter(digits), subset=[column])
    styler = styler.format_index(escape="html", axis=0).format_index(escape="html", axis=1)
    if isinstance(part.index, pd.RangeIndex):
        styler = styler.hide(axis="index")
    right = [c for c in right if c in part.columns]
    if text:
        styler = styler.set_properties(subset=[c for c in text if c not in right],
                                       **{"text-align": "left", "white-space": "normal", "max-width": WRAP_WIDTH})
    if right:
        styler = styler.set_properties(subset=right, **{"text-align": "right", "white-space": "normal",
                                                         "max-width": WRAP_WIDTH})
    styler = styler.set_table_styles([{"selector": "th", "props": [("text-align", "left")]},
                                      {"selector": "caption", "props": [("text-align", "left"), ("caption-side", "top")]}],
                                     overwrite=False)
    notes = [caption] if caption else []
    if len(part) < total:
        where = f"; all of them in {shown(saved)}" if saved else ""
        notes.append(f"First {len(part):,} of {total:,} rows{where}")
    if notes:
        styler = styler.set_caption(html.escape(". ".join(notes)))
    return styler


EXPLORE_MAX_ROWS = 20_000  # rows sent to an interactive table (its data live in the notebook)
_itables_ready = False


def interactive() -> bool:
    """Whether tables may be interactive: not when ``NEWS_STATIC`` is set (``make run`` and
    ``make test`` set it), nor when itables is missing."""
    if os.environ.get("NEWS_STATIC"):
        return False
    try:
        import itables  # noqa: F401
    except ImportError:
        return False
    return True


def explore(frame: pd.DataFrame, *, rows: int | None = ROWS, saved: str | Path | None = None, caption: str = "",
            **static):
    """``frame`` to search and sort in JupyterLab (an itables table, returned for display: every row up to
    :data:`EXPLORE_MAX_ROWS`, text escaped, no internet needed), or, when the notebook is run by
    ``make`` (``NEWS_STATIC=1``), the static :func:`show_table` with the same ``rows``,
    ``saved`` and ``caption`` (other keywords go to it).
    """
    if not interactive():
        return show_table(frame, rows=rows, saved=saved, caption=caption, **static)
    global _itables_ready
    import itables

    if not _itables_ready:
        itables.init_notebook_mode(all_interactive=False, connected=False)  # the DataTables code, embedded once
        _itables_ready = True
    part = frame.head(EXPLORE_MAX_ROWS)
    note = caption or (f"First {len(part):,} of {len(frame):,} rows" if len(part) < len(frame) else "")
    if saved is not None:
        note = (note + "; " if note else "") + f"all of them in {shown(saved)}"
    part = part.copy()
    _objects_as_text(part, keep=(str, int, float))  # tuples and other objects as text
    from IPython.display import HTML

    return HTML(itables.to_html_datatable(part, caption=note or None, allow_html=False, maxBytes=0, showIndex=False))
