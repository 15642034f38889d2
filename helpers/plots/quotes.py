"""Figures of notebook 04: who is quoted, and quotations per article."""
from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import pandas as pd

from ._many import MAX_ROWS, figure_title, height_for, histogram, label_for, mark_median, note, plt_figure



def plot_speakers(table: pd.DataFrame, title: str, top: int = 15):
    """Two panels side by side: quotes and quoted words for the ``top`` speakers."""
    shown = table.head(top).iloc[::-1]
    fig, (left, right) = plt.subplots(1, 2, sharey=True, figsize=(9, height_for(len(shown), extra=1.3, per_row=0.38)))
    for ax, column, label in ((left, "quotes", "quotations"), (right, "quoted_words", "words quoted")):
        bars = ax.barh(shown.index, shown[column])
        ax.bar_label(bars, padding=3, fontsize=8)
        ax.set_xlabel(label)
        ax.margins(x=0.15)
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=12)
    return fig


def plot_quotes_per_article(counts: pd.DataFrame, title: str, labels: Mapping[str, str] | None = None):
    """Full quotations and fragments per article (a :func:`helpers.quotes.quotes_per_article`
    table) as stacked horizontal bars for up to :data:`MAX_ROWS` articles (named by ``labels``);
    past that, how many articles have each number of quotations."""
    if len(counts) > MAX_ROWS:
        totals = counts[["full", "fragment"]].sum(axis=1)
        fig, ax = plt_figure(8, 4.6)
        histogram(ax, totals, "#332288", integer=True)
        mark_median(ax, totals, "#CC6677", "quotations")
        ax.set_xlabel("quotations in the article (full and fragments)")
        ax.legend(loc="upper right", fontsize=9)
        figure_title(fig, title)
        note(fig, f"{len(counts):,} articles, {int((totals == 0).sum()):,} without a quotation; "
                  "each article's counts are in the figure's CSV.")
        return fig
    shown = counts.iloc[::-1]
    names = [label_for(i, labels) for i in shown.index]
    fig, ax = plt_figure(8, height_for(len(shown), extra=1.3, per_row=0.45))
    left = pd.Series(0, index=shown.index)
    for kind, colour in (("full", "#332288"), ("fragment", "#88CCEE")):
        ax.barh(names, shown[kind], left=left, color=colour, label=f"{kind} quotations")
        left = left + shown[kind]
    for y, total in enumerate(left):
        ax.text(total, y, f" {total}", va="center", fontsize=8)
    ax.set_xlabel("quotations in the article")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2)
    figure_title(fig, title)
    ax.margins(x=0.1)
    return fig
