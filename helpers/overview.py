"""Tables and figures that describe a corpus: what is in it, from where, when, how long."""
from __future__ import annotations

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

