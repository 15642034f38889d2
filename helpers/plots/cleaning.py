"""Figures of notebook 02: words before and after cleaning."""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd



def plot_before_after(before: pd.Series, after: pd.Series, title: str, xlabel: str):
    """Paired horizontal bars per article: the raw count (grey) and the clean count (coloured)."""
    order = before.sort_values().index
    before, after = before.reindex(order), after.reindex(order)
    fig, ax = plt.subplots(figsize=(8, max(2.6, 0.6 * len(order) + 1.4)))
    positions = range(len(order))
    height = 0.38
    bars_before = ax.barh([p + height / 2 for p in positions], before.to_numpy(), height,
                          color="#BBBBBB", label="raw text")
    bars_after = ax.barh([p - height / 2 for p in positions], after.to_numpy(), height,
                         color="#332288", label="clean text")
    ax.bar_label(bars_before, labels=[f"{v:,.0f}" for v in before], padding=3, fontsize=8)
    ax.bar_label(bars_after, labels=[f"{v:,.0f}" for v in after], padding=3, fontsize=8)
    ax.set_yticks(list(positions), [str(i) for i in order])
    ax.set_title(textwrap.fill(title, 62))
    ax.set_xlabel(xlabel)
    ax.margins(x=0.12)
    ax.legend(loc="lower right", fontsize=9, frameon=True, framealpha=0.9, edgecolor="none")
    return fig
