"""Keywords: the terms a set of articles uses more (or less) than a reference does.

The *target* is part of the corpus (the latest period, one outlet, or any articles you pick)
or the whole corpus; the *reference* is the rest of the corpus or another corpus folder you
point to (``REFERENCE_CORPUS`` in notebook 03). Both are counted the same way
(:func:`helpers.terms.term_counts`), then compared word by word with the log-likelihood G² and
Hardie's log ratio (:func:`helpers.compare.keyness`), with Benjamini-Hochberg q-values for the
many words tested, as AntConc and quanteda's ``textstat_keyness`` report keywords.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from .compare import benjamini_hochberg, keyness

COLUMNS = ["term", "target", "reference", "target_per_1000", "reference_per_1000", "g2", "p", "q", "log_ratio"]


def pooled(counts_by_article: pd.Series, ids: Iterable[str] | None = None) -> Counter:
    """The term counts of the articles ``ids`` (all, by default) added up; ``counts_by_article``
    is :func:`helpers.terms.term_counts` (one ``{term: count}`` dict per article id).

    >>> pooled(pd.Series({"a": {"oas": 2}, "b": {"oas": 1, "alba": 1}}), ["a", "b"])
    Counter({'oas': 3, 'alba': 1})
    """
    total: Counter = Counter()
    for counts in (counts_by_article if ids is None else counts_by_article.reindex(list(ids)).dropna()):
        total.update(counts)
    return total


def keywords(target: Mapping[str, int], reference: Mapping[str, int], *, min_count: int = 3) -> pd.DataFrame:
    """Every term used at least ``min_count`` times in target and reference together, compared:
    its counts and rates per 1,000 terms in each, signed G² (positive: the target uses it more),
    p, q (Benjamini-Hochberg over the terms kept) and log ratio (log2 of the ratio of the two
    rates). Largest G² first, so the target's keywords lead and the terms it avoids come last.

    >>> t = keywords({"sanction": 30, "talks": 10, "the": 960}, {"sanction": 5, "talks": 20, "the": 1975})  # talks: same rate
    >>> t[["term", "target", "reference"]].values.tolist()
    [['sanction', 30, 5], ['talks', 10, 20], ['the', 960, 1975]]
    >>> float(t.loc[0, "log_ratio"].round(2))  # 30 per 1,000 against 2.5 per 1,000
    3.58
    """
    table = pd.DataFrame({"target": pd.Series(dict(target), dtype=float),
                          "reference": pd.Series(dict(reference), dtype=float)}).fillna(0)
    table = table[(table["target"] + table["reference"]) >= min_count]
    if table.empty or not table["target"].sum() or not table["reference"].sum():
        return pd.DataFrame(columns=COLUMNS)
    # totals over every term, not only those kept, so rates and G² use the real sizes
    sizes = {"target": sum(target.values()), "reference": sum(reference.values())}
    rest = pd.DataFrame({name: [sizes[name] - table[name].sum()] for name in sizes}, index=["\0other"])
    scored = keyness(pd.concat([table, rest]))
    scored = scored[(scored["camp"] == "target") & (scored["word"] != "\0other")].drop(columns="q")
    scored = scored.rename(columns={"word": "term", "count": "target", "rest": "reference"})
    scored["q"] = benjamini_hochberg(scored["p"])
    scored["target_per_1000"] = scored["target"] / sizes["target"] * 1000
    scored["reference_per_1000"] = scored["reference"] / sizes["reference"] * 1000
    return scored.sort_values(["g2", "term"], ascending=[False, True])[COLUMNS].reset_index(drop=True)


def split_target(articles: pd.DataFrame, target: str | Iterable[str] = "latest") -> tuple[list[str], list[str], str, str]:
    """The article ids of the target and of the reference inside one corpus, with a name for each.

    ``target`` is ``"latest"`` (the articles of the latest month, quarter or year, by the span of
    the dates, against all earlier articles; undated articles are in neither), an outlet's name
    (that outlet against all others), or a list of article ids (against the rest).

    >>> a = pd.DataFrame({"id": ["a", "b", "c"], "outlet": ["X", "Y", "X"],
    ...                   "date": pd.to_datetime(["2001-05-01", "2019-03-01", "2020-07-01"])})
    >>> split_target(a, "latest")
    (['c'], ['a', 'b'], 'the articles of 2020', 'the articles before 2020')
    >>> split_target(a, "X")[:3]
    (['a', 'c'], ['b'], 'X')
    """
    from .overview import period_dates, period_for, period_labels

    ids = articles["id"].tolist()
    if isinstance(target, str) and target.strip() == "latest":
        dates = pd.to_datetime(articles["date"], errors="coerce")
        if dates.notna().sum() == 0:
            return [], ids, "the latest period", "the rest"
        freq, _ = period_for(dates)
        periods = pd.Series(period_dates(articles, freq).to_numpy()).dt.to_period(freq)  # a year alone: neither side
        last = periods.max()
        label = period_labels(pd.PeriodIndex([last]), freq)[0]
        chosen = [i for i, p in zip(ids, periods) if p == last]
        earlier = [i for i, p in zip(ids, periods) if pd.notna(p) and p < last]
        return chosen, earlier, f"the articles of {label}", f"the articles before {label}"
    if isinstance(target, str):
        from .terms import _labels

        outlets = _labels(articles["outlet"])  # as every outlet table names them: "(not stated)" for a blank
        name = target.strip()  # as the metadata's values are read: " X " is outlet X on both sides
        chosen = [i for i, o in zip(ids, outlets) if o == name]
        others = [i for i, o in zip(ids, outlets) if o != name]
        return chosen, others, name, "the other outlets"
    wanted = set(target)
    return ([i for i in ids if i in wanted], [i for i in ids if i not in wanted], "the articles chosen", "the rest")


def reference_counts(folder: str | Path, **options) -> tuple[Counter, int]:
    """The term counts of every article in another corpus folder (validated, cleaned and counted
    as this corpus is; options as for :func:`helpers.terms.terms`) and how many articles it has."""
    from . import clean, load_corpus, terms

    articles = clean.clean_corpus(load_corpus(folder))
    return pooled(terms.term_counts(articles, **options)), len(articles)
