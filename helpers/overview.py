"""Tables and figures that describe a corpus: what is in it, from where, when, how long."""
from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from .corpus import METADATA_COLUMNS

NOT_STATED = "(not stated)"


def article_table(articles: pd.DataFrame) -> pd.DataFrame:
    """One line per article for display: id, title, outlet, date, words (blanks as '(not stated)')."""
    table = articles[["id", "title", "outlet", "date", "words"]].copy()
    table["date"] = table["date"].dt.strftime("%Y-%m-%d")
    for column in ("title", "outlet", "date"):
        table[column] = table[column].fillna("").replace("", NOT_STATED)
    return table.set_index("id")


def metadata_completeness(articles: pd.DataFrame) -> pd.DataFrame:
    """For each metadata field, how many articles fill it in and how many leave it blank.

    >>> frame = pd.DataFrame({"id": ["a", "b"], "file": ["a.txt", "b.txt"], "title": ["T", ""],
    ...                       "outlet": ["", ""], "date": pd.to_datetime(["2019-05-01", None]),
    ...                       "url": ["", ""], "language": ["en", "en"]})
    >>> metadata_completeness(frame).loc["title"].tolist()
    [1, 1]
    """
    rows = {}
    for column in METADATA_COLUMNS:
        values = articles[column]
        filled = values.notna() & values.astype(str).str.strip().ne("")
        rows[column] = {"filled": int(filled.sum()), "blank": int((~filled).sum())}
    return pd.DataFrame.from_dict(rows, orient="index")


def counts_by(articles: pd.DataFrame, column: str) -> pd.DataFrame:
    """Articles and words per value of ``column`` (blank values grouped as '(not stated)').

    >>> frame = pd.DataFrame({"outlet": ["A", "", "A"], "words": [10, 20, 30]})
    >>> counts_by(frame, "outlet").to_dict("index")
    {'A': {'articles': 2, 'words': 40}, '(not stated)': {'articles': 1, 'words': 20}}
    """
    keys = articles[column].fillna("").astype(str).str.strip().replace("", NOT_STATED)
    grouped = articles.assign(**{column: keys}).groupby(column)
    table = pd.DataFrame({"articles": grouped.size(), "words": grouped["words"].sum()})
    return table.sort_values(["articles", "words"], ascending=False)


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
