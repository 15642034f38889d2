"""Every per-article figure stays readable from one article to ten thousand (helpers/plots/_many.py)."""
from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from helpers import plots  # noqa: E402
from helpers.overview import article_labels  # noqa: E402
from helpers.plots._many import MAX_INCHES, MAX_ROWS  # noqa: E402


def corpus(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    ids = [f"{k:04d}_{k * 7919 % 10**8:08x}" for k in range(n)]
    dates = pd.Timestamp("2001-01-01") + pd.to_timedelta(rng.integers(0, 9000, n), unit="D")
    return pd.DataFrame({"id": ids, "outlet": [f"Outlet {k % 9}" for k in range(n)], "date": dates,
                         "title": [f"Story number {k} about the Lima Group" for k in range(n)],
                         "words": rng.integers(100, 2000, n), "sentences": rng.integers(3, 80, n)})


def figures(n: int):
    plt.close("all")  # figures of the test before
    articles = corpus(n)
    labels = article_labels(articles)
    words = articles.set_index("id")["words"]
    counts = pd.DataFrame({"full": np.arange(n) % 4, "fragment": np.arange(n) % 3}, index=articles["id"])
    mentions = pd.DataFrame({"ALBA": np.arange(n) % 5, "OAS": np.arange(n) % 2}, index=articles["id"])
    dates = dict(zip(articles["id"], articles["date"]))
    return {
        "timeline": plots.plot_timeline(articles, "t", labels),
        "lengths": plots.plot_per_article(words, "t", "words", labels),
        "sentences": plots.plot_per_article(articles.set_index("id")["sentences"], "t", "sentences", labels, integer=True),
        "before_after": plots.plot_before_after(words, words * 0.8, "t", "words", labels),
        "quotes": plots.plot_quotes_per_article(counts, "t", labels),
        "mentions": plots.plot_mentions_by_article(mentions, "t", labels, mentions // 2, dates),
        "dispersion": plots.plot_dispersion(pd.DataFrame({"term": ["ALBA", "OAS"], "offset": [3, 40]}),
                                            articles.set_index("id")["words"], title="t", labels=labels),
        "outlets": plots.plot_barh(pd.Series(np.arange(n) + 1, index=[f"Outlet {k}" for k in range(n)]), "t", "articles"),
    }, articles, labels


@pytest.mark.parametrize("n", [1, MAX_ROWS, MAX_ROWS + 1, 10_000])
def test_no_figure_side_is_over_the_limit(n):
    made, _, _ = figures(n)
    for name, fig in made.items():
        width, height = fig.get_size_inches()
        assert width <= MAX_INCHES and height <= MAX_INCHES, (name, n, width, height)
        plt.close(fig)


def tick_texts(fig) -> str:
    axes = [*fig.axes, *(child for ax in fig.axes for child in ax.child_axes)]  # a secondary axis is a child
    return " ".join(t.get_text() for ax in axes for t in [*ax.get_yticklabels(), *ax.get_xticklabels(), *ax.texts])


@pytest.mark.parametrize("n", [3, MAX_ROWS])
def test_few_articles_are_named_by_outlet_date_and_title_never_by_id(n):
    made, articles, labels = figures(n)
    for name in ("lengths", "sentences", "before_after", "quotes", "mentions", "timeline", "dispersion"):
        text = tick_texts(made[name])
        assert labels[articles["id"][0]][:20] in text, name  # (the dispersion plot cuts names short)
        assert not any(ident in text for ident in articles["id"]), name
        plt.close(made[name])


def test_many_articles_become_a_distribution_with_a_count():
    made, articles, _ = figures(500)
    for name in ("lengths", "before_after", "quotes"):
        fig = made[name]
        assert "500 articles" in fig.axes[0].get_xlabel(), name
        assert len(fig.axes[0].get_yticklabels()) < 30
    heat = made["mentions"]
    assert [t.get_text() for t in heat.axes[0].get_yticklabels()] == ["ALBA", "OAS"]
    assert "2001" in tick_texts(heat)
    top = made["outlets"]
    assert "470 more" in top.axes[0].get_xlabel()
    plt.close("all")


def test_labels_of_articles_that_look_alike_stay_apart():
    articles = corpus(4).assign(outlet="Same", date=pd.Timestamp("2019-05-07"), title="Same story")
    labels = article_labels(articles)
    assert len(set(labels.values())) == 4


def test_an_article_without_title_outlet_or_date_is_named_by_its_first_words():
    articles = pd.DataFrame({"id": ["001_5e80e2839d0ada42"], "outlet": [""], "date": [pd.NaT], "title": [""],
                             "text": [", , ,\n\nLeaders of the ALBA bloc met in Havana on Monday to back Maduro."]})
    label = article_labels(articles)["001_5e80e2839d0ada42"]
    assert label.startswith('"Leaders of the ALBA bloc') and "5e80" not in label


def test_a_period_without_articles_is_blank_in_the_heatmap_not_zero():
    plt.close("all")
    n = MAX_ROWS + 10
    ids = [f"a{k}" for k in range(n)]
    # every article in 2001 or 2004: 2002 and 2003 hold none; 2004's articles never name the OAS
    dates = {a: pd.Timestamp("2001-06-01" if k % 2 else "2004-06-01") for k, a in enumerate(ids)}
    mentions = pd.DataFrame({"ALBA": 1, "OAS": [k % 2 for k in range(n)]}, index=ids)
    fig = plots.plot_mentions_by_article(mentions, "t", dates=dates)
    values = fig.axes[0].collections[0].get_array()
    grid = values.reshape(2, -1)  # groups down, periods from mid-2001 to mid-2004 across
    periods = grid.shape[1]
    assert periods > 2
    assert list(np.ma.getmaskarray(grid)[0]) == [False] + [True] * (periods - 2) + [False]
    assert grid[1, -1] == 0 and not np.ma.is_masked(grid[1, -1])  # the last period has articles: a true zero
    everywhere = plots.plot_mentions_by_article(mentions.assign(OAS=1), "t", dates=dates)
    assert everywhere.axes[0].collections[0].get_clim()[0] == 0  # the colour scale starts at no mention, even
    plt.close(everywhere)                                          # when every period with articles has some
    assert f"Hatched grey: the {periods - 2} " in " ".join(fig.axes[0].get_xlabel().split())
    plt.close(fig)
