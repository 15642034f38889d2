"""Figures of notebook 01: articles by outlet, by date, by length."""
from __future__ import annotations

from collections.abc import Mapping

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from ..corpus import date_span
from ..overview import period_dates
from ._many import (MAX_ROWS, figure_title, height_for, histogram, label_for, mark_median, note, period_for,
                    period_labels, plt_figure, thin_ticks)


def plot_barh(values: pd.Series, title: str, xlabel: str, colour: str | None = None,
              labels: Mapping[str, str] | None = None, top: int = MAX_ROWS):
    """Horizontal bars, largest on top, each labelled with its value; past ``top`` bars, the
    largest ``top`` and a note saying how many more there are. Returns the figure."""
    ordered = values.sort_values(ascending=False)
    shown = ordered.head(top).iloc[::-1]
    fig, ax = plt_figure(8, height_for(len(shown)))
    bars = ax.barh([label_for(i, labels) for i in shown.index], shown.to_numpy(), color=colour)
    ax.bar_label(bars, labels=[f"{v:,.0f}" for v in shown], padding=3)
    figure_title(fig, title)
    ax.set_xlabel(xlabel)
    if len(shown) and (shown.to_numpy() % 1 == 0).all():
        ax.xaxis.get_major_locator().set_params(integer=True)  # counts: whole-number ticks
    ax.margins(x=0.12)
    if len(ordered) > top:
        rest = ordered.iloc[top:]
        note(fig, f"The {top} largest of {len(ordered):,}; {len(rest):,} more with {rest.sum():,.0f} in all "
                  f"(each {rest.max():,.0f} or fewer) are in the figure's CSV.")
    return fig


def plot_per_article(values: pd.Series, title: str, xlabel: str, labels: Mapping[str, str] | None = None,
                     colour: str | None = None, integer: bool = False):
    """One bar per article when there are up to :data:`MAX_ROWS` articles (named by ``labels``);
    past that, a histogram of the values with the median marked. Returns the figure."""
    if len(values) <= MAX_ROWS:
        return plot_barh(values, title, xlabel, colour, labels)
    fig, ax = plt_figure(8, 4.6)
    histogram(ax, values, colour or "#332288", integer=integer)
    mark_median(ax, values, "#CC6677", xlabel.split(" in ")[0])
    ax.set_xlabel(xlabel)
    ax.legend(loc="upper right", fontsize=9)
    figure_title(fig, title)
    note(fig, f"{len(values):,} articles; each article's value is in the figure's CSV.")
    return fig


def plot_timeline(articles: pd.DataFrame, title: str, labels: Mapping[str, str] | None = None):
    """Dated articles on a time axis: each one named (up to :data:`MAX_ROWS`), or past that the
    number of articles per month, quarter or year; undated ones are counted in a note."""
    dated = articles.dropna(subset=["date"]).sort_values("date")
    undated = len(articles) - len(dated)
    missing = f" ({undated:,} article(s) without a date not shown)" if undated else ""
    if len(dated) > MAX_ROWS:
        freq, word = period_for(dated["date"])
        placed = period_dates(dated, freq).dropna()  # a year alone is not placed in a month or quarter
        coarse = len(dated) - len(placed)
        if coarse:
            missing += f" ({coarse:,} dated only to the year, not placed by {word})"
        counts = placed.dt.to_period(freq).value_counts().sort_index()
        periods = pd.period_range(counts.index.min(), counts.index.max(), freq=freq)
        counts = counts.reindex(periods, fill_value=0)
        fig, ax = plt_figure(max(6.0, min(12.0, 0.25 * len(counts) + 3)), 4.6)
        ax.bar(range(len(counts)), counts.to_numpy(), color="#332288", width=0.85)
        thin_ticks(ax, period_labels(counts.index, freq))
        ax.set_ylabel(f"articles per {word}")
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.set_xlabel(f"{word} of publication" + missing)
        figure_title(fig, title)
        return fig
    fig, ax = plt_figure(8, height_for(len(dated), extra=1.5, per_row=0.4))
    precision = dated["date_precision"] if "date_precision" in dated else pd.Series("day", index=dated.index)
    exact = (precision.fillna("day").replace("", "day") == "day").to_numpy()
    ys = np.arange(len(dated))
    ax.scatter(dated["date"][exact], ys[exact], s=40, zorder=3, color="#332288")
    for y, when, p in zip(ys[~exact], dated["date"][~exact], precision[~exact]):  # a month or a year: its whole span
        start, end = date_span(when, p)
        ax.hlines(y, start, end, color="#332288", linewidth=3, alpha=0.45, zorder=2)
        ax.scatter([when], [y], s=40, zorder=3, facecolors="white", edgecolors="#332288")
    if (~exact).any():
        missing += "; a bar spans a month or year given without its day"
    for y, (when, ident) in enumerate(zip(dated["date"], dated["id"])):
        ax.annotate(label_for(ident, labels), (when, y), xytext=(8, 0), textcoords="offset points",
                    va="center", fontsize=8)
    ax.set_yticks([])
    ax.set_ylim(-0.8, max(len(dated), 1) - 0.2)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_xlabel("date of article" + missing)
    ax.grid(axis="y", visible=False)
    ax.margins(x=0.35)
    figure_title(fig, title)
    return fig
