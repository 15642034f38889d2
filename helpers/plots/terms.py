"""Figures of notebook 03: dispersion, leading terms, heatmaps."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import accumulate

import matplotlib.pyplot as plt
from matplotlib.patches import Patch
import numpy as np
import pandas as pd

from ..figures import colour_for
from ._many import MAX_INCHES, thin_ticks


def plot_dispersion(hits: pd.DataFrame, words: pd.Series, *, title: str, terms_order: Sequence[str] | None = None,
                    colours: Mapping[str, str] | None = None):
    """Lexical dispersion: one row per term, a tick at each occurrence across all articles.

    ``hits`` comes from :func:`dispersion` and ``words`` from :func:`word_counts` (same
    articles, same order). Dashed lines separate the articles, named along the top. Colours
    default to :func:`helpers.colour_for` each term (alliances keep their fixed colours).
    """
    labels = list(terms_order) if terms_order is not None else list(dict.fromkeys(hits["term"]))
    bounds = [0, *accumulate(int(w) for w in words)]
    fig, ax = plt.subplots(figsize=(9, 1.6 + 0.55 * len(labels)))
    for row, label in enumerate(labels):
        offsets = hits.loc[hits["term"] == label, "offset"].to_numpy()
        colour = (colours or {}).get(label, colour_for(label))
        ax.plot(offsets, np.full(len(offsets), row), linestyle="none", marker="|", markersize=18,
                markeredgewidth=2, color=colour)
    for bound in bounds[1:-1]:
        ax.axvline(bound, color="#888888", linestyle="--", linewidth=0.8)
    counts = hits["term"].value_counts()
    ax.set_yticks(range(len(labels)), [f"{label} ({counts.get(label, 0)})" for label in labels])
    ax.set_ylim(len(labels) - 0.4, -0.6)
    ax.set_xlim(0, max(bounds[-1], 1))
    ax.grid(False)
    if len(words) <= 30:
        top = ax.secondary_xaxis("top")
        top.set_xticks([(a + b) / 2 for a, b in zip(bounds, bounds[1:])], [str(i) for i in words.index])
        top.tick_params(length=0, labelsize=7, labelrotation=20)
        top.spines["top"].set_visible(False)
    ax.set_xlabel("word position, articles read one after another (dashed lines separate articles)")
    ax.set_title(title)
    return fig


def plot_top_terms(table: pd.DataFrame, *, title: str, groups: Mapping[str, str] | None = None,
                   xlabel: str = "occurrences"):
    """Horizontal bars of :func:`top_terms`, most frequent on top, labelled "count (rate per 1,000 words)".

    Terms that name a group (``groups``, from :func:`term_groups`) are drawn in the group's
    fixed colour (:func:`helpers.colour_for`), with a legend; other terms in grey.
    """
    groups = groups or {}
    table = table.iloc[::-1]
    fig, ax = plt.subplots(figsize=(8, 1.3 + 0.3 * len(table)))
    fill = [colour_for(groups[t]) if t in groups else "#777777" for t in table["term"]]
    bars = ax.barh(table["term"].astype(str), table["count"], color=fill)
    if "per_1000" in table:
        labels = [f"{c:,} ({r:.1f})" for c, r in zip(table["count"], table["per_1000"])]
    else:
        labels = [f"{c:,}" for c in table["count"]]
    ax.bar_label(bars, labels=labels, padding=3, fontsize=8)
    shown = list(dict.fromkeys(groups[t] for t in table["term"].iloc[::-1] if t in groups))
    if shown:
        ax.legend(handles=[Patch(color=colour_for(g), label=g) for g in shown], loc="lower right",
                  title="names of", fontsize=8, title_fontsize=8)
    ax.margins(x=0.16, y=0.01)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    return fig


def plot_heatmap(table: pd.DataFrame, *, title: str, value_label: str, fmt: str = "{:.1f}"):
    """A shaded table: rows and columns as in ``table``, each cell labelled with its value (when
    there are at most 600 cells; tick labels thinned past 30 columns; sides at most 12 inches)."""
    rows, cols = table.shape
    fig, ax = plt.subplots(figsize=(min(MAX_INCHES, 2.5 + 0.9 * cols), min(MAX_INCHES, 1.6 + 0.32 * rows)))
    values = table.to_numpy(dtype=float)
    image = ax.imshow(values, aspect="auto", cmap="cividis")
    middle = np.nanmin(values) + (np.nanmax(values) - np.nanmin(values)) / 2 if values.size else 0
    if rows * cols <= 600:
        for (r, c), value in np.ndenumerate(values):
            if np.isnan(value):
                continue  # no data (a period without articles): left blank
            ax.text(c, r, fmt.format(value), ha="center", va="center", fontsize=7,
                    color="white" if value < middle else "black")
    thin_ticks(ax, [str(c) for c in table.columns], most=30)
    ax.tick_params(axis="x", labelsize=8)
    ax.set_yticks(range(rows), [str(r) for r in table.index])
    ax.tick_params(length=0)
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    fig.colorbar(image, ax=ax, label=value_label, shrink=0.8)
    ax.set_title(title)
    return fig
