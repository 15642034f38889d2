"""Tables and figures that describe a corpus: what is in it, from where, when, how long."""
from __future__ import annotations

import pandas as pd

from .corpus import METADATA_COLUMNS

NOT_STATED = "(not stated)"


def article_table(articles: pd.DataFrame) -> pd.DataFrame:
    """One line per article for display: id, title, outlet, date, words (blanks as '(not stated)')."""
    table = articles[["id", "title", "outlet", "date", "words"]].copy()
    table["date"] = date_text(articles)
    for column in ("title", "outlet", "date"):
        table[column] = table[column].fillna("").replace("", NOT_STATED)
    return table.set_index("id")


_SHOWN = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
_FINEST = {"day": "MQY", "month": "MQY", "year": "Y"}  # the periods a date of each precision falls in for sure


def date_text(articles: pd.DataFrame) -> pd.Series:
    """Each article's date as the metadata gives it: 2019-05-01, or 2019-05 and 2019 when the page
    gives no day (``date_precision``); "" when undated.

    >>> frame = pd.DataFrame({"date": pd.to_datetime(["2019-05-01", "2019-07-01", None]),
    ...                       "date_precision": ["day", "year", ""]})
    >>> date_text(frame).tolist()
    ['2019-05-01', '2019', '']
    """
    precision = articles["date_precision"] if "date_precision" in articles else pd.Series("day", index=articles.index)
    return pd.Series([when.strftime(_SHOWN.get(p or "day", "%Y-%m-%d")) if pd.notna(when) else ""
                      for when, p in zip(articles["date"], precision)], index=articles.index, dtype=object)


def period_dates(articles: pd.DataFrame, freq: str) -> pd.Series:
    """Each article's date (indexed by id) for counting by period ``freq`` ("M", "Q" or "Y"): NaT,
    so counted with the undated, when the date is too coarse to place (a year alone, by month or
    quarter), so that no article dated "2019" lands in July 2019.

    >>> frame = pd.DataFrame({"id": ["a", "b"], "date": pd.to_datetime(["2019-05-01", "2019-07-01"]),
    ...                       "date_precision": ["day", "year"]})
    >>> period_dates(frame, "M").isna().tolist(), period_dates(frame, "Y").isna().tolist()
    ([False, True], [False, False])
    """
    dates = pd.to_datetime(articles["date"], errors="coerce")
    if "date_precision" in articles:
        fits = [freq in _FINEST.get(p or "day", "MQY") for p in articles["date_precision"]]
        dates = dates.where(fits)
    return pd.Series(dates.to_numpy(), index=articles["id"].to_numpy(), name="date")


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



def article_labels(articles: pd.DataFrame, width: int = 46) -> dict[str, str]:
    """A readable name for every article: outlet, date and the start of the title ("Reuters ·
    7 May 2019 · Lima Group calls for new…"), so that figures never name articles by their id.
    Missing parts are left out (an article with none of them is named by its first words, quoted);
    two articles that would get the same label are told apart by the start of their id.

    >>> frame = pd.DataFrame({"id": ["a1", "b2", "c3"], "outlet": ["Reuters", "", "Reuters"],
    ...     "date": pd.to_datetime(["2019-05-07", None, "2019-05-07"]),
    ...     "title": ["Lima Group calls for new elections in Venezuela", "Untitled", "Lima Group calls for new elections in Venezuela"]})
    >>> labels = article_labels(frame, width=30)
    >>> labels["a1"], labels["b2"]
    ('Reuters · 7 May 2019 · Lima Group c… (a1)', 'Untitled')
    """
    labels: dict[str, str] = {}
    for row in articles.itertuples(index=False):
        parts = []
        outlet = str(getattr(row, "outlet", "") or "").strip()
        if outlet and outlet != NOT_STATED:
            parts.append(outlet)
        date = getattr(row, "date", None)
        if date is not None and pd.notna(date):
            precision = getattr(row, "date_precision", "day") or "day"
            parts.append(f"{date.day} {date:%b %Y}" if precision == "day"
                         else f"{date:%b %Y}" if precision == "month" else f"{date:%Y}")
        title = " ".join(str(getattr(row, "title", "") or "").split())
        if not title and parts:  # no title: the article's first words stand in for it
            title = _opening_words(str(getattr(row, "text", "") or ""), max(16, width - len(" · ".join(parts)))).strip('"')
        if title:
            parts.append(title if len(title) <= width - len(" · ".join(parts)) else
                         title[:max(12, width - len(" · ".join(parts)) - 1)].rstrip() + "…")
        labels[row.id] = " · ".join(parts) or _opening_words(str(getattr(row, "text", "") or ""), width) or "untitled article"
    seen: dict[str, int] = {}  # (an article with no outlet, date or title is named by its first words)
    for label in labels.values():
        seen[label] = seen.get(label, 0) + 1
    return {ident: f"{label} ({ident[:6]})" if seen[label] > 1 else label for ident, label in labels.items()}


def _opening_words(text: str, width: int) -> str:
    """The first words of an article's first line of prose, quoted: how to name an article that
    has no title, outlet or date.

    >>> _opening_words(", , ,\\n\\nLeaders of the ALBA bloc met in Havana on Monday to back Maduro.", 30)
    '"Leaders of the ALBA bloc met…"'
    """
    line = next((l.strip() for l in text.splitlines() if sum(w[:1].isalpha() for w in l.split()) >= 4), "")
    if not line:
        return ""
    cut = line if len(line) <= width else line[:width].rsplit(" ", 1)[0] + "…"
    return f'"{cut}"'


def period_for(dates: pd.Series) -> tuple[str, str]:
    """The period to count by for dates spanning this long: month, quarter or year
    (pandas frequency, and the word for axis labels).

    >>> period_for(pd.Series(pd.to_datetime(["2019-01-01", "2019-06-01"])))
    ('M', 'month')
    >>> period_for(pd.Series(pd.to_datetime(["2000-01-01", "2025-06-01"])))
    ('Y', 'year')
    """
    dates = pd.to_datetime(dates, errors="coerce").dropna()
    if dates.empty:
        return "Y", "year"
    months = (dates.max().year - dates.min().year) * 12 + dates.max().month - dates.min().month + 1
    if months <= 36:
        return "M", "month"
    if months <= 120:
        return "Q", "quarter"
    return "Y", "year"


def period_labels(periods: pd.PeriodIndex, freq: str) -> list[str]:
    """Readable labels for periods: "Jan 2019", "2019 Q1", "2019"."""
    if freq == "M":
        return [p.strftime("%b %Y") for p in periods]
    if freq == "Q":
        return [f"{p.year} Q{p.quarter}" for p in periods]
    return [str(p.year) for p in periods]


def sum_by_period(frame: pd.DataFrame, dates: pd.Series, freq: str) -> pd.DataFrame:
    """The rows of ``frame`` (one per article) summed per period of their date (``dates``: the
    same index), one row per period from the first to the last, empty ones 0, labelled by
    :func:`period_labels`, and a last row "undated" when some articles have no date.

    >>> frame = pd.DataFrame({"oas": [2, 0, 1]}, index=["a", "b", "c"])
    >>> when = pd.Series(pd.to_datetime(["2019-01-05", "2021-03-01", None]), index=["a", "b", "c"])
    >>> sum_by_period(frame, when, "Y")["oas"].to_dict()
    {'2019': 2, '2020': 0, '2021': 0, 'undated': 1}
    """
    period = pd.to_datetime(dates.reindex(frame.index), errors="coerce").dt.to_period(freq)
    dated = period.notna().to_numpy()
    sums = frame[dated].groupby(period[dated].to_numpy()).sum()
    if len(sums):
        sums = sums.reindex(pd.period_range(sums.index.min(), sums.index.max(), freq=freq), fill_value=0)
    sums.index = period_labels(sums.index, freq) if len(sums) else []
    if not dated.all():
        sums.loc["undated"] = frame[~dated].sum()
    return sums
