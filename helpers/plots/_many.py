"""Figures that stay readable from one article to ten thousand (shared by the notebooks' plots).

A figure with one row per article is readable up to :data:`MAX_ROWS` rows; past that the plots
show how the values are distributed (a histogram), the largest rows with "and N more", or counts
per period of time instead. No figure is taller or wider than :data:`MAX_INCHES` (an A4 page at
300 dpi: 3,600 pixels a side).
"""
from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from ..overview import period_for, period_labels, sum_by_period  # noqa: F401  (for the plots; no matplotlib there)

MAX_ROWS = 30        # rows of a per-article or per-item bar chart before it becomes a distribution or a top list
MAX_INCHES = 12.0    # the longest side of any figure (3,600 px at 300 dpi)
ROW_INCHES = 0.42


def height_for(rows: int, extra: float = 1.4, per_row: float = ROW_INCHES) -> float:
    """A figure height for ``rows`` bars, never over :data:`MAX_INCHES`.

    >>> height_for(5), height_for(10_000)
    (3.5, 12.0)
    """
    return min(MAX_INCHES, max(2.4, per_row * rows + extra))


def label_for(ident, labels: Mapping[str, str] | None) -> str:
    return (labels or {}).get(ident, str(ident))


def histogram(ax, values: pd.Series, colour: str, label: str | None = None, integer: bool = False,
              bins: np.ndarray | None = None, step: bool = False) -> np.ndarray:
    """A histogram of ``values`` on ``ax`` (whole-number bins for counts); returns the bin edges."""
    data = pd.to_numeric(values, errors="coerce").dropna().to_numpy(dtype=float)
    if bins is None:
        bins = integer_bins(data) if integer else np.histogram_bin_edges(data if len(data) else [0, 1], bins="auto")
    kind = "step" if step else "bar"
    ax.hist(data, bins=bins, color=colour, label=label, histtype=kind, linewidth=2 if step else 0,
            alpha=1 if step else 0.85)
    ax.set_ylabel("articles")
    ax.yaxis.get_major_locator().set_params(integer=True)
    return bins


def integer_bins(data: np.ndarray, most: int = 40) -> np.ndarray:
    """Bin edges for whole numbers: one bin per value, or wider whole-number bins past ``most``.

    >>> integer_bins(np.array([0, 1, 3])).tolist()
    [-0.5, 0.5, 1.5, 2.5, 3.5]
    """
    low, high = (int(data.min()), int(data.max())) if len(data) else (0, 1)
    width = max(1, math.ceil((high - low + 1) / most))
    return np.arange(low, high + width + 1, width) - 0.5


def mark_median(ax, values: pd.Series, colour: str, what: str) -> None:
    """A dashed vertical line at the median, named in the legend."""
    if len(values):
        median = float(pd.to_numeric(values).median())
        shown = f"{median:,.0f}" if abs(median) >= 10 or median.is_integer() else f"{median:.2f}"  # ratios with decimals
        ax.axvline(median, color=colour, linestyle="--", linewidth=1.2, label=f"median {what}: {shown}")


def thin_ticks(ax, labels: list[str], most: int = 24, axis: str = "x", slant: bool | None = None) -> None:
    """Tick labels for every position, or every k-th when there are more than ``most``; x labels
    slanted when there are many of them or they are long (``slant`` forces either)."""
    step = max(1, math.ceil(len(labels) / most))
    positions = list(range(0, len(labels), step))
    shown = [labels[k] for k in positions]
    if axis == "x":
        slant = slant if slant is not None else (len(shown) > 8 or max(map(len, shown), default=0) > 12)
        ax.set_xticks(positions, shown, rotation=40 if slant else 0, ha="right" if slant else "center")
    else:
        ax.set_yticks(positions, shown)


def note(fig, text: str) -> None:
    """A note under the figure: a second line of the first axes' x label (so the figure's layout
    makes room for it; call it after the label is set)."""
    ax = fig.axes[0]
    label = ax.get_xlabel()
    width = max(40, int(ax.get_position().width * fig.get_figwidth() * 9))  # about the axes' width in characters
    text = textwrap.fill(text, width)
    ax.set_xlabel(f"{label}\n{text}" if label else text)


def figure_title(fig, title: str, width: int = 72) -> None:
    """The title over the whole figure, left-aligned and wrapped, so that long row labels (which
    push the axes right) never push it off the page."""
    fig.suptitle(textwrap.fill(title, width), x=0.01, ha="left", fontweight="bold", fontsize=12)


def cells(ax, values: np.ndarray, *, extent: tuple[float, float, float, float] | None = None, **style):
    """A grid of shaded cells, as ``ax.imshow(values, aspect="auto")`` draws it (row 0 on top, cell
    (r, c) centred on x=c, y=r; NaN left blank), or spread over ``extent`` (left, right, bottom,
    top), drawn as one mesh of rectangles instead of a picture: an image is resampled to 300 dpi
    for every format, which made a heatmap's SVG and PDF take a second each.

    >>> fig, ax = plt.subplots()
    >>> mesh = cells(ax, np.array([[1.0, 2.0], [3.0, np.nan]]))
    >>> [float(y) for y in ax.get_ylim()], int(mesh.get_array().count())
    ([1.5, -0.5], 3)
    >>> plt.close(fig)
    """
    values = np.ma.masked_invalid(np.atleast_2d(np.asarray(values, dtype=float)))
    rows, cols = values.shape
    left, right, bottom, top = extent if extent is not None else (-0.5, cols - 0.5, rows - 0.5, -0.5)
    mesh = ax.pcolormesh(np.linspace(left, right, cols + 1), np.linspace(top, bottom, rows + 1), values,
                         shading="flat", **style)
    ax.set_xlim(left, right)
    ax.set_ylim(bottom, top)
    return mesh


def plt_figure(width: float, height: float):
    """A figure and axes, sides capped at :data:`MAX_INCHES`."""
    return plt.subplots(figsize=(min(width, MAX_INCHES), min(height, MAX_INCHES)))
