"""Figures of notebook 02: words before and after cleaning."""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from ._many import MAX_ROWS, figure_title, height_for, histogram, label_for, mark_median, note, plt_figure


def plot_before_after(before: pd.Series, after: pd.Series, title: str, xlabel: str,
                      labels: Mapping[str, str] | None = None):
    """Paired horizontal bars per article, the raw count (grey) and the clean count (coloured),
    for up to :data:`MAX_ROWS` articles (named by ``labels``); past that, the two distributions
    as outlined histograms with their medians."""
    if len(before) > MAX_ROWS:
        fig, ax = plt_figure(8, 4.8)
        bins = np.histogram_bin_edges(pd.concat([before, after]).to_numpy(dtype=float), bins="auto")  # shared
        histogram(ax, before, "#BBBBBB", "raw text", bins=bins, step=True)
        histogram(ax, after, "#332288", "clean text", bins=bins, step=True)
        mark_median(ax, before, "#999999", "raw")
        mark_median(ax, after, "#332288", "clean")
        ax.set_xlabel(xlabel)
        ax.legend(loc="upper right", fontsize=9)
        figure_title(fig, title)
        note(fig, f"{len(before):,} articles; each article's counts are in the figure's CSV.")
        return fig
    order = before.sort_values().index
    before, after = before.reindex(order), after.reindex(order)
    fig, ax = plt_figure(8, height_for(len(order), extra=1.4, per_row=0.6))
    positions = range(len(order))
    height = 0.38
    bars_before = ax.barh([p + height / 2 for p in positions], before.to_numpy(), height,
                          color="#BBBBBB", label="raw text")
    bars_after = ax.barh([p - height / 2 for p in positions], after.to_numpy(), height,
                         color="#332288", label="clean text")
    ax.bar_label(bars_before, labels=[f"{v:,.0f}" for v in before], padding=3, fontsize=8)
    ax.bar_label(bars_after, labels=[f"{v:,.0f}" for v in after], padding=3, fontsize=8)
    ax.set_yticks(list(positions), [label_for(i, labels) for i in order])
    figure_title(fig, title)
    ax.set_xlabel(xlabel)
    ax.margins(x=0.12)
    ax.legend(loc="lower right", fontsize=9, frameon=True, framealpha=0.9, edgecolor="none")
    return fig
