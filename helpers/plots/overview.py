"""Figures of notebook 01: articles by outlet, by date, by length."""
from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd



def plot_barh(values: pd.Series, title: str, xlabel: str, colour: str | None = None):
    """Horizontal bars, largest on top, each labelled with its value; returns the figure."""
    values = values.sort_values()
    fig, ax = plt.subplots(figsize=(8, max(2.2, 0.45 * len(values) + 1.2)))
    bars = ax.barh(values.index.astype(str), values.to_numpy(), color=colour)
    ax.bar_label(bars, labels=[f"{v:,.0f}" for v in values], padding=3)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.margins(x=0.12)
    return fig


def plot_timeline(articles: pd.DataFrame, title: str):
    """Dated articles as points on a time axis, labelled by id; undated ones are counted in a note."""
    dated = articles.dropna(subset=["date"]).sort_values("date")
    undated = len(articles) - len(dated)
    fig, ax = plt.subplots(figsize=(8, max(2.4, 0.4 * len(dated) + 1.5)))
    ax.scatter(dated["date"], range(len(dated)), s=40, zorder=3)
    for y, (when, ident) in enumerate(zip(dated["date"], dated["id"])):
        ax.annotate(f"{ident}  ({when:%d %b %Y})", (when, y), xytext=(8, 0), textcoords="offset points",
                    va="center", fontsize=8)
    ax.set_yticks([])
    ax.set_ylim(-0.8, max(len(dated), 1) - 0.2)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    note = f" ({undated} article(s) without a date not shown)" if undated else ""
    ax.set_xlabel("date of article" + note)
    ax.grid(axis="y", visible=False)
    ax.margins(x=0.35)
    ax.set_title(title)
    return fig
