"""Figures of notebook 03: dispersion, leading terms, heatmaps."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import accumulate
import textwrap

import matplotlib.pyplot as plt
from matplotlib.patches import Patch
import numpy as np
import pandas as pd

from ..figures import colour_for
from ._many import MAX_INCHES, MAX_ROWS, cells, thin_ticks


def plot_dispersion(hits: pd.DataFrame, words: pd.Series, *, title: str, terms_order: Sequence[str] | None = None,
                    colours: Mapping[str, str] | None = None, labels: Mapping[str, str] | None = None):
    """Lexical dispersion: one row per term along all articles read one after another, with
    each term's count and Gries' DP (:func:`helpers.terms.dispersion_dp`) in its label.

    ``hits`` comes from :func:`dispersion` and ``words`` from :func:`word_counts` (same
    articles, same order). Up to 30 articles, a tick marks each occurrence, dashed lines
    separate the articles and they are named along the top (``labels``: article id to a
    readable name, cut to 24 characters). With more, ticks would merge into solid bars, so each
    row becomes a strip of 200 stretches of the corpus, shaded by the term's occurrences per
    1,000 words in each (darker: denser). Colours default to :func:`helpers.colour_for` each
    term (alliances keep their fixed colours).
    """
    from matplotlib.colors import LinearSegmentedColormap

    from ..terms import dispersion_dp

    terms = list(terms_order) if terms_order is not None else list(dict.fromkeys(hits["term"]))
    bounds = [0, *accumulate(int(w) for w in words)]
    few = len(words) <= MAX_ROWS
    total = max(bounds[-1], 1)
    fig, ax = plt.subplots(figsize=(9, min(MAX_INCHES, 1.6 + 0.55 * len(terms))))
    edges = np.linspace(0, total, min(200, total) + 1)
    for row, term in enumerate(terms):
        offsets = hits.loc[hits["term"] == term, "offset"].to_numpy()
        colour = (colours or {}).get(term, colour_for(term))
        if few:
            ax.plot(offsets, np.full(len(offsets), row), linestyle="none", marker="|", markersize=18,
                    markeredgewidth=2, color=colour)
            continue
        density = np.histogram(offsets, bins=edges)[0] / np.diff(edges) * 1000  # per 1,000 words
        shades = LinearSegmentedColormap.from_list(term, ["#FFFFFF", colour])
        cells(ax, density[np.newaxis, :], cmap=shades, vmin=0, vmax=max(density.max(), 1e-9),
              extent=(0, total, row + 0.3, row - 0.3))
    if few and len(bounds) > 2:  # one call for every separator
        ax.vlines(bounds[1:-1], -0.6, len(terms) - 0.4, colors="#888888", linestyles="--", linewidth=0.8)
    counts = hits["term"].value_counts()
    dp = dispersion_dp(hits, words) if "article" in hits else pd.Series(dtype=float)  # (offsets alone: no DP)
    ax.set_yticks(range(len(terms)), [f"{term} ({counts.get(term, 0):,}" + (f"; DP {dp[term]:.2f})" if term in dp.index
                                      and not np.isnan(dp[term]) else ")") for term in terms])
    ax.set_ylim(len(terms) - 0.4, -0.6)
    ax.set_xlim(0, max(bounds[-1], 1))
    ax.grid(False)
    if few:
        names = [(labels or {}).get(i, str(i)) for i in words.index]
        top = ax.secondary_xaxis("top")
        top.set_xticks([(a + b) / 2 for a, b in zip(bounds, bounds[1:])],
                       [n if len(n) <= 24 else n[:23] + "…" for n in names])
        top.tick_params(length=0, labelsize=7, labelrotation=20)
        top.spines["top"].set_visible(False)
        ax.set_xlabel("word position, articles read one after another (dashed lines separate articles)")
    else:
        ax.set_xlabel(f"word position, {len(words):,} articles read one after another (darker: named more densely)")
    ax.xaxis.set_major_formatter("{x:,.0f}")
    ax.set_title(title)
    return fig


def plot_top_terms(table: pd.DataFrame, *, title: str, groups: Mapping[str, str] | None = None,
                   xlabel: str = "occurrences"):
    """Horizontal bars of :func:`top_terms`, most frequent on top, labelled "count (rate per 1,000 words)".

    Terms that name a group (``groups``, from :func:`term_groups`) are drawn in the group's
    fixed colour (:func:`helpers.colour_for`), with a legend; other terms in grey.
    """
    groups = groups or {}
    table = table.iloc[::-1]
    fig, ax = plt.subplots(figsize=(8, 1.3 + 0.3 * len(table)))
    fill = [colour_for(groups[t]) if t in groups else "#777777" for t in table["term"]]
    bars = ax.barh(table["term"].astype(str), table["count"], color=fill)
    if "per_1000" in table:
        labels = [f"{c:,} ({r:.1f})" for c, r in zip(table["count"], table["per_1000"])]
    else:
        labels = [f"{c:,}" for c in table["count"]]
    ax.bar_label(bars, labels=labels, padding=3, fontsize=8)
    shown = list(dict.fromkeys(groups[t] for t in table["term"].iloc[::-1] if t in groups))
    if shown:
        ax.legend(handles=[Patch(color=colour_for(g), label=g) for g in shown], loc="lower right",
                  title="names of", fontsize=8, title_fontsize=8)
    ax.margins(x=0.16, y=0.01)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    return fig


def plot_heatmap(table: pd.DataFrame, *, title: str, value_label: str, fmt: str = "{:.1f}"):
    """A shaded table: rows and columns as in ``table``, each cell labelled with its value (when
    there are at most 600 cells; tick labels thinned past 30 columns; sides at most 12 inches)."""
    rows, cols = table.shape
    fig, ax = plt.subplots(figsize=(min(MAX_INCHES, 2.5 + 0.9 * cols), min(MAX_INCHES, 1.6 + 0.32 * rows)))
    values = table.to_numpy(dtype=float)
    image = cells(ax, values, cmap="cividis")
    middle = np.nanmin(values) + (np.nanmax(values) - np.nanmin(values)) / 2 if values.size else 0
    if rows * cols <= 600:
        for (r, c), value in np.ndenumerate(values):
            if np.isnan(value):
                continue  # no data (a period without articles): left blank
            ax.text(c, r, fmt.format(value), ha="center", va="center", fontsize=7,
                    color="white" if value < middle else "black")
    thin_ticks(ax, [str(c) for c in table.columns], most=30)
    ax.tick_params(axis="x", labelsize=8)
    ax.set_yticks(range(rows), [str(r) for r in table.index])
    ax.tick_params(length=0)
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    fig.colorbar(image, ax=ax, label=value_label, shrink=0.8)
    ax.set_title(title)
    return fig


def plot_keywords(table: pd.DataFrame, *, title: str, target: str, reference: str, n: int = 15):
    """Keywords (:func:`helpers.keywords.keywords`): the ``n`` terms the target uses most over the
    reference's rate (largest G², on top, in blue) and the ``n`` it uses most under it (in
    orange, below), as bars of log ratio, each labelled with its two counts; solid where q < 0.05
    (after the correction for every term tested), pale elsewhere."""
    from matplotlib.colors import to_rgba

    over = table[table["g2"] > 0].head(n)
    under = table[table["g2"] < 0].sort_values("g2").head(n)
    shown = pd.concat([over, under.iloc[::-1]]).iloc[::-1]  # top to bottom: most over-used ... most under-used
    fig, ax = plt.subplots(figsize=(8, 1.6 + 0.28 * max(len(shown), 1)))
    if shown.empty:
        ax.text(0.5, 0.5, "no term to compare", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
    else:
        colours = [to_rgba("#1f77b4" if g > 0 else "#ff7f0e", 1.0 if q < 0.05 else 0.35)
                   for g, q in zip(shown["g2"], shown["q"])]
        bars = ax.barh(shown["term"].astype(str), shown["log_ratio"], color=colours)
        ax.bar_label(bars, labels=[f"{t:,} / {r:,}" for t, r in zip(shown["target"], shown["reference"])],
                     padding=3, fontsize=7)
        ax.axvline(0, color="#555555", linewidth=0.8)
        ax.margins(x=0.18, y=0.01)
        ax.grid(axis="y", visible=False)
        ax.tick_params(axis="y", labelsize=8)
        ax.set_xlabel(f"log ratio: log2 of the rate in {target} over the rate in {reference}\n"
                      "(labels: uses in the target / in the reference)", fontsize=8)
        ax.legend(handles=[Patch(facecolor="#1f77b4", label=f"used more in {target}"),
                           Patch(facecolor="#ff7f0e", label="used less"),
                           Patch(facecolor="#777777", alpha=0.35, label="not significant (q ≥ 0.05)")],
                  loc="lower right", fontsize=7)
    fig.suptitle(textwrap.fill(title, 80), x=0.01, ha="left", fontweight="bold", fontsize=12)
    return fig


def plot_term_trends(rates: pd.DataFrame, *, title: str, period_word: str, articles: pd.Series | None = None):
    """Each term's rate per 1,000 words (rows of ``rates``, from
    :func:`helpers.terms.per_thousand_by_period`) period by period: one line per term, a gap
    where a period has no article; the "undated" column is left out and counted in a note.
    ``articles`` (articles per period) is drawn as pale bars on a second axis, so a jump made by
    one or two articles shows as such."""
    from ._many import note

    undated = rates.get("undated")
    dated = rates.drop(columns="undated", errors="ignore")
    fig, ax = plt.subplots(figsize=(min(MAX_INCHES, max(7.5, 0.25 * dated.shape[1] + 4)), 4.8))
    x = np.arange(dated.shape[1])
    if articles is not None and len(dated.columns):
        behind = ax.twinx()
        behind.bar(x, articles.reindex(dated.columns).fillna(0).to_numpy(), color="#dddddd", width=0.8, zorder=0)
        behind.set_ylabel("articles in the period", color="#999999", fontsize=8)
        behind.tick_params(axis="y", colors="#999999", labelsize=7)
        behind.grid(False)
        ax.set_zorder(behind.get_zorder() + 1)
        ax.patch.set_visible(False)
    for term, row in dated.iterrows():
        ax.plot(x, row.to_numpy(dtype=float), marker="o", markersize=3, linewidth=1.4, label=str(term))
    thin_ticks(ax, [str(c) for c in dated.columns], most=24)
    ax.set_ylabel("uses per 1,000 words")
    ax.set_xlabel(period_word)
    ax.set_ylim(bottom=0)
    if undated is not None and undated.notna().any():
        note(fig, "Articles without a date are not drawn; their rates are in the figure's CSV.")
    fig.legend(*ax.get_legend_handles_labels(), loc="outside lower center", fontsize=8, frameon=False,
               ncols=min(5, max(1, len(dated))))
    fig.suptitle(textwrap.fill(title, 80), x=0.01, ha="left", fontweight="bold", fontsize=12)
    return fig
