"""helpers.keywords: keywords of part of a corpus against the rest or against another corpus."""
import math

import pandas as pd
import pytest
from nltk.metrics import BigramAssocMeasures

from helpers import keywords, terms


def _dunning(a: float, b: float, c: float, d: float) -> float:
    """G² of a word used a times in a text of c words and b times in one of d words, written out
    as in Rayson & Garside (2000): E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), G² = 2(a ln a/E1 + b ln b/E2).
    (The two-term form the UCREL log-likelihood calculator uses.)"""
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    return 2 * sum(o * math.log(o / e) for o, e in ((a, e1), (b, e2)) if o > 0)


def test_keywords_g2_uses_the_full_totals_even_for_terms_left_out():
    target = {"sanction": 30, "talks": 10, "rare": 1, "the": 959}   # 1,000 terms
    reference = {"sanction": 5, "talks": 20, "rare": 1, "the": 1974}  # 2,000 terms
    table = keywords.keywords(target, reference, min_count=3).set_index("term")
    assert "rare" not in table.index  # 2 uses in all: not tested, but its words still count in the totals
    row = table.loc["sanction"]
    # the four-cell G² (Dunning 1993) equals NLTK's likelihood ratio on the same contingency table
    nltk_g2 = BigramAssocMeasures.likelihood_ratio(30, (35, 1000), 3000)
    assert row["g2"] == pytest.approx(nltk_g2)
    # and for keyness the two-cell Rayson-Garside form gives a close value (they differ by the
    # other-words cells, small when the word is rare): a sanity check on the sizes used
    assert row["g2"] == pytest.approx(_dunning(30, 5, 1000, 2000), rel=0.05)
    assert row["target_per_1000"] == pytest.approx(30.0) and row["reference_per_1000"] == pytest.approx(2.5)
    assert row["log_ratio"] == pytest.approx(math.log2(30 / 2.5))
    assert table.loc["talks", "g2"] == pytest.approx(0.0, abs=1e-9)  # the same rate on both sides
    assert table.loc["the", "g2"] < 0  # used less by the target
    assert list(table.index) == ["sanction", "talks", "the"]  # over-used first, under-used last


def test_keywords_q_values_are_bh_over_the_terms_tested():
    target = {f"w{i}": 5 + i for i in range(10)} | {"big": 400}
    reference = {f"w{i}": 10 - i for i in range(10)} | {"big": 800}
    table = keywords.keywords(target, reference)
    # Benjamini & Hochberg (1995) written out: q of the k-th smallest p is min over j >= k of p_(j) * m / j
    p = sorted(table["p"])
    m = len(p)
    expected = {i: min(min(p[j] * m / (j + 1) for j in range(k, m)), 1.0) for k, i in enumerate(p)}
    assert table["q"].tolist() == pytest.approx([expected[v] for v in table["p"]])
    for g, p in zip(table["g2"], table["p"]):
        assert p == pytest.approx(math.erfc(math.sqrt(abs(g) / 2)))  # chi-square, 1 df


def test_keywords_with_an_empty_side_give_an_empty_table():
    assert keywords.keywords({"a": 5}, {}).empty
    assert list(keywords.keywords({}, {"a": 5}).columns) == keywords.COLUMNS


def test_split_target_latest_outlet_and_ids():
    articles = pd.DataFrame({"id": ["a", "b", "c", "d"], "outlet": ["X", "Y", "X", None],
                             "date": pd.to_datetime(["2019-01-03", "2019-02-10", "2019-02-20", None])})
    chosen, rest, name, other = keywords.split_target(articles, "latest")
    assert (chosen, rest, name, other) == (["b", "c"], ["a"], "the articles of Feb 2019", "the articles before Feb 2019")
    assert keywords.split_target(articles, "X")[:2] == (["a", "c"], ["b", "d"])
    assert keywords.split_target(articles, ["d"])[:2] == (["d"], ["a", "b", "c"])
    undated = articles.assign(date=pd.NaT)
    assert keywords.split_target(undated, "latest")[0] == []


def test_pooled_adds_the_articles_chosen():
    counts = pd.Series({"a": {"oas": 2, "alba": 1}, "b": {"oas": 1}, "c": {"celac": 4}})
    assert keywords.pooled(counts, ["a", "b", "missing"]) == {"oas": 3, "alba": 1}
    assert keywords.pooled(counts)["celac"] == 4


def test_reference_corpus_is_read_cleaned_and_counted(tmp_path):
    folder = tmp_path / "reference"
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "r1.txt").write_text("The summit discussed sanctions. Sanctions were lifted.\n", encoding="utf-8")
    (folder / "metadata.csv").write_text("id,file,title,outlet,date,url,language\n"
                                         "r1,r1.txt,T,Wire,2020-01-01,,en\n", encoding="utf-8")
    counts, n = keywords.reference_counts(folder)
    assert n == 1 and counts["sanction"] == 2 and counts["summit"] == 1


def test_keywords_figure_draws_over_and_under_used_terms():
    from helpers.plots import plot_keywords

    table = keywords.keywords({"sanction": 30, "talks": 2, "the": 968}, {"sanction": 5, "talks": 40, "the": 1955})
    fig = plot_keywords(table, title="t", target="A", reference="B")
    widths = sorted(bar.get_width() for bar in fig.axes[0].patches)
    assert widths[0] < 0 < widths[-1]
    assert len(fig.axes[0].patches) == 3


def test_term_trends_figure_leaves_gaps_and_counts_articles():
    from helpers.plots import plot_term_trends

    counts = pd.DataFrame({"oas": [2, 0, 1]}, index=["a", "b", "c"])
    rates = terms.per_thousand_by_period(counts, pd.Series({"a": 500, "b": 500, "c": 100}),
                                         pd.Series({"a": pd.Timestamp("2019-01-05"), "b": pd.Timestamp("2021-03-01"),
                                                    "c": pd.NaT}), "Y")
    fig = plot_term_trends(rates, title="t", period_word="year",
                           articles=pd.Series({"2019": 1, "2020": 0, "2021": 1, "undated": 1}))
    line = fig.axes[0].lines[0]
    assert list(line.get_xdata()) == [0, 1, 2]  # 2019, 2020, 2021; "undated" left out
    assert math.isnan(line.get_ydata()[1])      # no article in 2020: a gap, not a zero
    assert "without a date" in fig.axes[0].get_xlabel()


def test_an_outlet_named_with_spaces_around_it_is_on_one_side_only():
    articles = pd.DataFrame({"id": ["a", "b", "c"], "outlet": ["X", "Y", "X"]})
    chosen, rest, name, _ = keywords.split_target(articles, " X ")
    assert (chosen, rest, name) == (["a", "c"], ["b"], "X")
