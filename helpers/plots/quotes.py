"""Figures of notebook 04: who is quoted, and quotations per article."""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd



def plot_speakers(table: pd.DataFrame, title: str, top: int = 15):
    """Two panels side by side: quotes and quoted words for the ``top`` speakers."""
    shown = table.head(top).iloc[::-1]
    fig, (left, right) = plt.subplots(1, 2, sharey=True, figsize=(9, max(2.5, 0.38 * len(shown) + 1.3)))
    for ax, column, label in ((left, "quotes", "quotations"), (right, "quoted_words", "words quoted")):
        bars = ax.barh(shown.index, shown[column])
        ax.bar_label(bars, padding=3, fontsize=8)
        ax.set_xlabel(label)
        ax.margins(x=0.15)
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=12)
    return fig


def plot_quotes_per_article(counts: pd.DataFrame, title: str):
    """Full quotations and fragments per article (a :func:`helpers.quotes.quotes_per_article`
    table) as stacked horizontal bars."""
    shown = counts.iloc[::-1]
    fig, ax = plt.subplots(figsize=(8, max(2.5, 0.45 * len(shown) + 1.3)))
    left = pd.Series(0, index=shown.index)
    for kind, colour in (("full", "#332288"), ("fragment", "#88CCEE")):
        ax.barh(shown.index, shown[kind], left=left, color=colour, label=f"{kind} quotations")
        left = left + shown[kind]
    for y, total in enumerate(left):
        ax.text(total, y, f" {total}", va="center", fontsize=8)
    ax.set_xlabel("quotations in the article")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2)
    ax.set_title(textwrap.fill(title, 58))
    ax.margins(x=0.1)
    return fig
