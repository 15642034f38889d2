"""Figures of notebook 05: mentions, the co-occurrence network, quotes, distinctive words and tone by group."""
from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Mapping

import matplotlib.pyplot as plt
from matplotlib.patches import Patch
import networkx as nx
import numpy as np
import pandas as pd

from ..compare import camp_colour, group_order
from ..figures import colour_for
from ._many import MAX_ROWS, cells, note, period_for, plt_figure, sum_by_period, thin_ticks


def _set_title(ax, title: str) -> None:
    """A left-aligned title wrapped to the figure's width, so a long finding is never clipped."""
    width = int(ax.figure.get_figwidth() * 8.5)
    ax.set_title(textwrap.fill(title, width))


NODE_MIN_AREA, NODE_MAX_AREA = 60, 1100  # points², smallest and largest node


def plot_network(graph: nx.Graph, colour_groups: Mapping[str, str], title: str, seed: int = 7,
                 ring_groups: Mapping[str, str] | None = None):
    """Draw the co-occurrence graph: node area by sentences (relative to the most-named actor, so
    the drawing stays the same from five articles to ten thousand), edge width by shared
    sentences, each node in its group's fixed colour, and a ring in the colour of the group an
    actor belonged to in part of its mentions (``ring_groups``: membership that changed over
    the corpus); returns the figure.

    Positions come from a spring layout with a fixed ``seed`` (links unweighted, so hubs do
    not swallow their neighbours), so the same graph is always drawn the same way.
    """
    fig, ax = plt.subplots(figsize=(10, 8))
    if graph.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no names to draw", ha="center", va="center")
        ax.set_axis_off()
        _set_title(ax, title)
        return fig
    nodes = sorted(graph.nodes)
    ordered = nx.Graph()
    ordered.add_nodes_from((n, graph.nodes[n]) for n in nodes)
    ordered.add_edges_from(sorted((min(a, b), max(a, b), d) for a, b, d in graph.edges(data=True)))
    position = nx.spring_layout(ordered, seed=seed, weight=None, k=2.4 / math.sqrt(len(nodes)), iterations=500)
    heaviest = math.log1p(max((w for _, _, w in ordered.edges(data="weight")), default=1))
    widths = [0.4 + 3.6 * math.log1p(w) / heaviest for _, _, w in ordered.edges(data="weight")]
    strength = [math.log1p(w) / heaviest for _, _, w in ordered.edges(data="weight")]
    # weak links fade: in a large corpus nearly every pair is named together once
    nx.draw_networkx_edges(ordered, position, ax=ax, width=widths, edge_color="#888888",
                           alpha=[0.08 + 0.62 * x ** 2 for x in strength])
    most = max(ordered.nodes[n]["sentences"] for n in nodes) or 1
    # area grows with the sentences, relative to the most-named actor: the same drawing at any corpus size
    sizes = {n: NODE_MIN_AREA + NODE_MAX_AREA * math.sqrt(ordered.nodes[n]["sentences"] / most) for n in nodes}
    colours = [colour_for(colour_groups.get(n, "other")) for n in nodes]
    rings = {n: g for n, g in (ring_groups or {}).items() if n in sizes}
    nx.draw_networkx_nodes(ordered, position, ax=ax, nodelist=nodes, node_size=[sizes[n] for n in nodes],
                           node_color=colours, edgecolors=[colour_for(rings[n]) if n in rings else "white" for n in nodes],
                           linewidths=[3.0 if n in rings else 1.0 for n in nodes])
    for name in nodes:
        x, y = position[name]
        ax.annotate(name, (x, y), xytext=(0, math.sqrt(sizes[name]) / 2 + 2), textcoords="offset points",
                    ha="center", va="bottom", fontsize=8,
                    bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7})
    present = {colour_groups.get(n, "other") for n in nodes} | set(rings.values())
    shown = [g for g in group_order(present - {"other"}) if g in present] + (["other"] if "other" in present else [])
    handles = [plt.Line2D([], [], marker="o", linestyle="", markersize=9, color=colour_for(g),
                          label="no alliance (e.g. opposition)" if g == "other" else g) for g in shown]
    if rings:
        handles.append(plt.Line2D([], [], marker="o", linestyle="", markersize=9, color="white", markeredgewidth=2.5,
                                  markeredgecolor="#555555", label="ring: another group in part\nof its mentions (membership\nchanged over the years)"))
    handles.append(plt.Line2D([], [], color="#aaaaaa", linewidth=2, label="line: named in one sentence\n(thicker: more often)"))
    ax.legend(handles=handles, title="node colour", loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    ax.margins(0.1)
    ax.set_axis_off()
    _set_title(ax, title)
    return fig


def plot_log_odds(top: pd.DataFrame, camps: Mapping[str, Iterable[str]], title: str):
    """One panel per camp, its leading words as bars. With the article intervals of
    :func:`helpers.framing.distinctive_words` (columns delta_low, delta_high, distinctive), bars
    are each word's log-odds ratio (camp against the rest) with its 95 % interval over articles
    resampled, solid where the word is distinctive and pale elsewhere. Without them, bars are
    z-scores (dashed line at 1.96), solid where q < 0.05 when a ``q`` column is given."""
    from matplotlib.colors import to_rgba

    intervals = {"delta_low", "delta_high", "distinctive"} <= set(top.columns)
    names = [c for c in camps if c in set(top["camp"])] or list(camps)
    rows = max(1, max((int((top["camp"] == c).sum()) for c in names), default=1))
    fig, axes = plt.subplots(1, len(names), figsize=(4.2 * len(names) + 0.6, 0.32 * rows + 1.9), squeeze=False)
    for ax, camp in zip(axes[0], names):
        part = top[top["camp"] == camp].iloc[::-1]
        colour = camp_colour(camp, camps)
        if intervals:
            solid = part["distinctive"].fillna(False).astype(bool)
            ax.barh(part["word"], part["delta"], color=[to_rgba(colour, 1.0 if s else 0.35) for s in solid])
            rows = np.arange(len(part))
            known = part["delta_low"].notna().to_numpy()
            ax.hlines(rows[known], part["delta_low"][known], part["delta_high"][known], color="#333333", linewidth=0.8)
            ax.plot(part["delta_low"][known], rows[known], "|", color="#333333", markersize=5)
            ax.plot(part["delta_high"][known], rows[known], "|", color="#333333", markersize=5)
            ax.axvline(0, color="#555555", linewidth=0.8)
        else:
            shown = [to_rgba(colour, 1.0 if q < 0.05 else 0.35) for q in part["q"]] if "q" in part else colour
            ax.barh(part["word"], part["z"], color=shown)
            ax.axvline(1.96, color="#555555", linestyle="--", linewidth=0.8)
            ax.set_xlabel("z-score of log-odds (camp vs rest)")
        ax.set_title(camp, fontsize=10)
        ax.tick_params(axis="y", labelsize=9)
    if intervals or "q" in top:
        solid_label = ("distinctive: q < 0.05 and the interval above 0" if intervals
                       else "q < 0.05 (corrected for all words tested)")
        fig.legend(handles=[Patch(facecolor="#777777", label=solid_label),
                            Patch(facecolor="#777777", alpha=0.35, label="not distinctive")],
                   loc="outside lower center", ncols=2, fontsize=8, frameon=False, title_fontsize=9,
                   title=textwrap.fill("bars: log-odds ratio of the camp against the rest, words ranked by z; "
                                       "whiskers: 95 % interval over articles resampled", int(fig.get_figwidth() * 13))
                   if intervals else None)
    fig.suptitle(textwrap.fill(title, int(fig.get_figwidth() * 8.5)), x=0.01, ha="left", fontweight="bold", fontsize=12)
    return fig


def plot_mentions_by_group(table: pd.DataFrame, title: str):
    """Horizontal bars per group: named mentions solid, mentions through members hatched,
    in the group's colour; most-mentioned on top."""
    table = table.sort_values("total")
    fig, ax = plt.subplots(figsize=(8, max(2.6, 0.42 * len(table) + 1.4)))
    colours = [colour_for(g) for g in table.index]
    ax.barh(table.index, table["named"], color=colours)
    ax.barh(table.index, table["member"], left=table["named"], color=colours, alpha=0.45, hatch="///", edgecolor="white")
    handles = [Patch(facecolor="#777777", label="named (the group or someone acting for it)"),
               Patch(facecolor="#777777", alpha=0.45, hatch="///", edgecolor="white",
                     label="through a member country or its people")]
    for y, total in enumerate(table["total"]):
        ax.annotate(f"{total}", (total, y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8)
    ax.set_xlabel("mentions in all articles")
    ax.margins(x=0.1)
    ax.legend(handles=handles, loc="lower right", fontsize=8)
    _set_title(ax, title)
    return fig


def plot_mentions_by_article(table: pd.DataFrame, title: str, labels: Mapping[str, str] | None = None,
                             named: pd.DataFrame | None = None, dates: Mapping[str, object] | None = None):
    """Mentions of each group in each article. Up to :data:`MAX_ROWS` articles: a dot matrix, one
    row per article (named by ``labels``), one column per group in the group's colour; the pale
    disc grows with all mentions (its count above it), the solid disc inside with the mentions
    naming the group itself (``named``, same shape; its count beside it). More articles: a
    heatmap of the mentions of each group per month, quarter or year (``dates``: article id to
    date; undated articles in a column of their own)."""
    if len(table) > MAX_ROWS:
        return _mentions_by_period(table, title, dates or {})
    labels = labels or {}
    named = named.reindex(index=table.index, columns=table.columns, fill_value=0) if named is not None else None
    fig, ax = plt_figure(max(6.5, 1.0 * len(table.columns) + 3.2), 0.75 * len(table) + 2.2)
    largest = max(int(table.to_numpy().max()), 1) if table.size else 1
    rows = np.arange(len(table.index))
    for x, group in enumerate(table.columns):
        values = table[group].to_numpy(dtype=float)
        present = values > 0
        area = 30 + 1100 * values / largest
        ax.scatter(np.full(present.sum(), x), rows[present], s=area[present], color=colour_for(group), alpha=0.35,
                   linewidths=0, zorder=3)
        for y in rows[present]:  # at most MAX_ROWS labels per group
            ax.annotate(str(int(values[y])), (x, y), xytext=(0, math.sqrt(area[y]) / 2 + 1), textcoords="offset points",
                        ha="center", va="bottom", fontsize=7, color="#333333", zorder=5)
        if named is not None:
            inner = named[group].to_numpy(dtype=float)
            solid = inner > 0
            inner_area = 30 + 1100 * inner / largest
            ax.scatter(np.full(solid.sum(), x), rows[solid], s=inner_area[solid], color=colour_for(group),
                       linewidths=0, zorder=4)
            for y in rows[solid]:
                ax.annotate(str(int(inner[y])), (x, y), xytext=(math.sqrt(inner_area[y]) / 2 + 2, 0),
                            textcoords="offset points", ha="left", va="center", fontsize=7, fontweight="bold",
                            color="#111111", zorder=5)
    ax.set_xticks(range(len(table.columns)), table.columns, rotation=30, ha="right")
    ax.set_yticks(range(len(table.index)), [labels.get(a, a) for a in table.index])
    ax.set_xlim(-0.6, len(table.columns) - 0.4)
    ax.set_ylim(len(table.index) - 0.45, -0.75)
    ax.grid(axis="both", visible=True, color="#eeeeee")
    if named is not None:
        handles = [plt.Line2D([], [], marker="o", linestyle="", markersize=10, color="#888888", alpha=0.35,
                              label="all mentions (count above)"),
                   plt.Line2D([], [], marker="o", linestyle="", markersize=6, color="#888888",
                              label="naming the group itself (count beside)")]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    _set_title(ax, title)
    return fig


def _mentions_by_period(table: pd.DataFrame, title: str, dates: Mapping[str, object]):
    """A heatmap: groups down, periods across, the mentions in the articles of each period."""
    when = pd.Series({a: dates.get(a) for a in table.index}, dtype="object")
    freq, word = period_for(when)
    grid = sum_by_period(table, when, freq).T
    # a period without any article is left blank: "no articles", not "no mentions"
    articles = sum_by_period(pd.DataFrame({"n": 1}, index=table.index), when, freq)["n"].reindex(grid.columns)
    values = grid.to_numpy(dtype=float, copy=True)
    values[:, articles.to_numpy() == 0] = np.nan
    names = list(grid.columns)
    fig, ax = plt_figure(max(6.5, min(12.0, 0.32 * grid.shape[1] + 3.5)), max(3.0, 0.5 * grid.shape[0] + 2.2))
    image = cells(ax, values, cmap="Blues", vmin=0)  # the scale starts at no mention, blank periods or not
    ax.patch.set_facecolor("#e6e6e6")  # what shows through a blank cell: grey, hatched, unlike a pale zero
    ax.patch.set_hatch("//")
    ax.patch.set_edgecolor("#ffffff")
    ax.set_yticks(range(len(grid.index)), grid.index)
    thin_ticks(ax, names)
    if grid.shape[1] <= 24:
        for (y, x), value in np.ndenumerate(grid.to_numpy()):
            if value:
                ax.text(x, y, f"{int(value):,}", ha="center", va="center", fontsize=7,
                        color="white" if value > grid.to_numpy().max() * 0.6 else "#222222")
    ax.grid(False)
    fig.colorbar(image, ax=ax, label=f"mentions per {word}", shrink=0.8)
    _set_title(ax, title)
    empty = int((articles == 0).sum())
    blank = f" Hatched grey: the {empty} {word}{'s' if empty > 1 else ''} with no article." if empty else ""
    note(fig, f"{len(table):,} articles; the mentions of each group in each article are in the figure's CSV.{blank}")
    return fig


def plot_quotes_by_group(table: pd.DataFrame, title: str):
    """Bars of quoted words per group (group colours; unresolved speakers grey), each
    labelled with the number of quotes and speakers."""
    table = table.iloc[::-1]
    fig, ax = plt.subplots(figsize=(8, max(2.6, 0.45 * len(table) + 1.4)))
    bars = ax.barh(table.index, table["words"], color=[colour_for(g) for g in table.index])
    ax.bar_label(bars, labels=[f"{w} words · {q} quotes · {s} speaker(s)" for w, q, s in
                               zip(table["words"], table["quotes"], table["speakers"])], padding=3, fontsize=8)
    ax.set_xlabel("words inside quotation marks (a quote counts for each group its speaker stands for)")
    ax.margins(x=0.45)
    _set_title(ax, title)
    return fig


def plot_sentiment(table: pd.DataFrame, title: str):
    """Mean VADER score per group with its interval, in group colours, labelled with the number
    of sentences (and of articles); a vertical line at 0 (neutral). The interval is the 95 %
    article bootstrap (columns low, high of :func:`helpers.compare.sentiment_by_group`) when the
    table has it, else ± 1 standard error."""
    table = table.iloc[::-1]
    fig, ax = plt.subplots(figsize=(8, max(2.6, 0.45 * len(table) + 1.4)))
    y = np.arange(len(table))
    booted = "low" in table and "high" in table
    for i, (group, row) in enumerate(table.iterrows()):
        if booted and pd.notna(row["low"]):
            left, right = max(row["mean"] - row["low"], 0), max(row["high"] - row["mean"], 0)
        else:
            left = right = row["sem"] if pd.notna(row["sem"]) else 0
        ax.errorbar(row["mean"], i, xerr=[[left], [right]], fmt="o", color=colour_for(group), markersize=8, capsize=3)
        label = f"n = {int(row['sentences']):,}" + (f" in {int(row['articles']):,} article{'s' if int(row['articles']) != 1 else ''}" if booted else "")
        ax.annotate(label, (min(max(row["mean"] + right, -1), 1), i), xytext=(6, 0),
                    textcoords="offset points", va="center", fontsize=8)
    ax.axvline(0, color="#555555", linewidth=0.8)
    ax.set_yticks(y, table.index)
    ax.set_xlim(-1, 1)
    ax.set_xlabel("mean VADER compound score of sentences naming the group (−1 negative … +1 positive)"
                  + ("\nbars: 95% interval from resampling whole articles" if booted else "\nbars: ± 1 standard error"))
    _set_title(ax, title)
    return fig


MAX_EVENTS = 12  # joins and exits listed beside the time axis; all of them are in their own CSV


def plot_camps_over_time(table: pd.DataFrame, events: pd.DataFrame, camps: Mapping[str, Iterable[str]], title: str,
                         period_word: str = "period", events_file: str = "the events CSV"):
    """Three panels over time, one line per camp (from :func:`helpers.compare.camps_over_time`):
    the share of each period's sentences that name the camp, its speakers' quoted words, and
    the mean tone of its sentences. The alliances' joins and exits (``events``, from
    :func:`helpers.actors.membership_events`) are dotted lines numbered at the top and listed
    beside the panels (at most :data:`MAX_EVENTS`, exits first, then "and N more in ``events_file``").
    Fixed size for any corpus."""
    fig, axes = plt.subplots(3, 1, figsize=(11, 8.5), sharex=True)
    if table.empty:
        axes[0].text(0.5, 0.5, "no dated articles: nothing to draw over time", ha="center", va="center",
                     transform=axes[0].transAxes)
    panels = [("share", "share of the sentences\nnaming the camp"), ("quoted_words", "words quoted from\nthe camp's speakers"),
              ("tone", "mean tone of its\nsentences (VADER)")]
    for ax, (column, label) in zip(axes, panels):
        for camp in camps:
            part = table[table["camp"] == camp]
            if len(part):
                ax.plot(part["period"], part[column], marker="o", markersize=3, linewidth=1.6,
                        color=camp_colour(camp, camps), label=camp)
        ax.set_ylabel(label, fontsize=9)
        ax.grid(axis="y", alpha=0.3)
    axes[0].yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    axes[2].axhline(0, color="#555555", linewidth=0.8)
    axes[2].set_ylim(-1, 1)
    # one line per date (six countries leaving one bloc on one day are one event); with more than can
    # be listed, exits first (the turns a reader looks for), then joins; in date order
    if len(events):
        events = (events.groupby(["date", "group", "change"], sort=True)["member"]
                  .agg(lambda members: (", ".join(members) if len(members) <= 3 else f"{len(members)} members",
                                        len(members)))
                  .reset_index())
        events = (events.assign(label=[f"{m} {c if n == 1 else c[:-1]} {g}"  # "Ecuador leaves", "6 members leave"
                                       for (m, n), c, g in zip(events["member"], events["change"], events["group"])])
                  .groupby("date", sort=True).agg(label=("label", "; ".join), change=("change", "min")).reset_index())
    shown = events.assign(_exit=events["change"].ne("leaves")).sort_values("_exit", kind="stable").head(MAX_EVENTS)
    shown = shown.sort_values("date", kind="stable")
    for ax in axes:
        for date in shown["date"]:
            ax.axvline(date, color="#777777", linestyle=":", linewidth=0.9)
    for k, date in enumerate(shown["date"], start=1):
        axes[0].annotate(str(k), (date, 1.0), xycoords=("data", "axes fraction"), xytext=(2, -2),
                         textcoords="offset points", fontsize=7, color="#444444", ha="left", va="top")
    if len(table):
        axes[0].legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, title="camp")
    if len(shown):
        lines = [f"{k:>2}  {date:%Y-%m}  {label}" for k, (date, label) in enumerate(zip(shown["date"], shown["label"]), start=1)]
        if len(events) > len(shown):
            lines.append(f"and {len(events) - len(shown)} more in {events_file}")
        axes[1].text(1.01, 1.0, "joins and exits (dotted lines)\n" + "\n".join(lines), transform=axes[1].transAxes,
                     fontsize=7, va="top", ha="left", family="monospace", color="#333333")
    axes[-1].set_xlabel(period_word)
    _set_title(axes[0], title)
    return fig
