"""helpers.terms statistics on invented data: window collocates (checked by hand and against NLTK) and MATTR."""
from __future__ import annotations

import math
import random

import pandas as pd
import pytest
from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

from helpers import terms as T


def g2_by_hand(o11: float, o12: float, o21: float, o22: float) -> float:
    """Textbook G² of a 2×2 table: 2 Σ O ln(O/E), E from the margins, empty cells left out."""
    n = o11 + o12 + o21 + o22
    rows, columns = (o11 + o12, o21 + o22), (o11 + o21, o12 + o22)
    cells = {(0, 0): o11, (0, 1): o12, (1, 0): o21, (1, 1): o22}
    return 2 * sum(o * math.log(o / (rows[i] * columns[j] / n)) for (i, j), o in cells.items() if o > 0)


def row(table: pd.DataFrame, collocate: str) -> pd.Series:
    return table.set_index("collocate").loc[collocate]


# --------------------------------------------------------------------------- collocates: hand arithmetic

# two articles; N = 4 + 2 + 4 + 1 = 11 terms; f(n) = 3, f(b) = 3, f(a) = 2, f(c) = 2, f(d) = 1
HAND = [[["a", "n", "b", "c"], ["b", "n"]], [["c", "a", "n", "b"], ["d"]]]


def test_collocates_against_hand_arithmetic():
    table = T.collocates(HAND, "n", window=2, min_freq=1)
    assert table.columns.tolist() == ["collocate", "observed", "left", "right", "frequency", "expected", "mi", "g2", "p"]
    # window 2 around each n, inside its run: [a] n [b c] (3 slots), [b] n (1 slot), [c a] n [b] (3 slots)
    # S = 7 slots (the nominal 3 * 2 * 2 = 12 would overstate what could be seen)
    assert set(table["collocate"]) == {"a", "b", "c"}  # d is in no window
    b = row(table, "b")
    assert (b["observed"], b["left"], b["right"], b["frequency"]) == (3, 1, 2, 3)
    assert b["expected"] == pytest.approx(7 * 3 / 11)
    assert b["mi"] == pytest.approx(math.log2(3 / (21 / 11)))
    # 2×2 table for b: O11 = 3, O12 = 7 - 3 = 4, O21 = 3 - 3 = 0, O22 = 11 - 7 - 0 = 4;
    # expected 21/11, 56/11, 12/11, 32/11
    by_hand = 2 * (3 * math.log(3 / (21 / 11)) + 4 * math.log(4 / (56 / 11)) + 4 * math.log(4 / (32 / 11)))
    assert b["g2"] == pytest.approx(by_hand)
    assert b["g2"] == pytest.approx(g2_by_hand(3, 4, 0, 4))
    assert b["p"] == pytest.approx(math.erfc(math.sqrt(by_hand / 2)))
    a = row(table, "a")  # left of n twice: O = 2, E = 7 * 2 / 11
    assert (a["observed"], a["left"], a["right"]) == (2, 2, 0)
    assert a["expected"] == pytest.approx(14 / 11)
    assert a["g2"] == pytest.approx(g2_by_hand(2, 5, 0, 4))
    c = row(table, "c")  # right of the first n, left of the third
    assert (c["observed"], c["left"], c["right"]) == (2, 1, 1)


def test_collocate_scores_agree_with_nltks_contingency_measures():
    table = T.collocates(HAND, "n", window=2, min_freq=1)
    for collocate, observed, frequency in table[["collocate", "observed", "frequency"]].itertuples(index=False):
        margins, n = (7, frequency), 11  # (slots examined, collocate frequency), corpus size
        assert row(table, collocate)["mi"] == pytest.approx(BigramAssocMeasures.pmi(observed, margins, n))
        assert abs(row(table, collocate)["g2"]) == pytest.approx(BigramAssocMeasures.likelihood_ratio(observed, margins, n))


def test_p_value_is_chi_square_with_one_degree_of_freedom():
    table = T.collocates(HAND, "n", window=2, min_freq=1)
    for g2, p in table[["g2", "p"]].itertuples(index=False):
        assert p == pytest.approx(math.erfc(math.sqrt(abs(g2) / 2)))
    assert math.erfc(math.sqrt(3.841459 / 2)) == pytest.approx(0.05, abs=1e-6)  # the 5% critical value of chi²(1)
    assert math.erfc(math.sqrt(6.634897 / 2)) == pytest.approx(0.01, abs=1e-6)  # and the 1% one


def test_g2_is_negative_when_a_collocate_is_rarer_than_expected():
    # x fills the corpus but meets n once: O = 1, S = 2, f(x) = 9, N = 12, E = 1.5
    segments = [[["x", "n", "y"]] + [["x"]] * 8 + [["y"]]]
    x = row(T.collocates(segments, "n", window=1, min_freq=1), "x")
    assert x["expected"] == pytest.approx(2 * 9 / 12)
    assert x["mi"] < 0 and x["g2"] < 0
    assert x["g2"] == pytest.approx(-g2_by_hand(1, 1, 8, 2))


def test_expected_counts_the_slots_actually_examined_near_run_edges():
    # n at the start of a run of two: window 3 examines one slot, not 6; N = 5, f(a) = 2
    table = T.collocates([[["n", "a"], ["a", "b", "c"]]], "n", window=3, min_freq=1)
    assert row(table, "a")["expected"] == pytest.approx(1 * 2 / 5)
    assert table["collocate"].tolist() == ["a"]


# --------------------------------------------------------------------------- collocates: windows

def test_window_one_sees_only_the_neighbours():
    table = T.collocates([[["a", "b", "n", "c", "d"]]], "n", window=1, min_freq=1)
    assert sorted(table[["collocate", "left", "right"]].values.tolist()) == [["b", 1, 0], ["c", 0, 1]]
    assert row(table, "b")["expected"] == pytest.approx(2 * 1 / 5)


def test_windows_never_cross_a_run_or_an_article():
    segments = [[["a", "n"], ["b", "c"]], [["d"]]]
    assert T.collocates(segments, "n", window=5, min_freq=1)["collocate"].tolist() == ["a"]
    empty = T.collocates([[["n"]], [["a"]]], "n", window=5, min_freq=1)
    assert empty.empty and empty.columns.tolist()[:2] == ["collocate", "observed"]


def test_a_term_between_two_node_occurrences_counts_once_for_each():
    # window 2: n(0) sees [a n]; n(2) sees [n a]: a co-occurs twice (once on each side), n is no collocate
    table = T.collocates([[["n", "a", "n"]]], "n", window=2, min_freq=1)
    assert table[["collocate", "observed", "left", "right", "frequency"]].values.tolist() == [["a", 2, 1, 1, 1]]
    # S = 4 slots (other n's included), N = 3: E = 4 / 3; O > f(a), so O21 is clipped at 0
    a = row(table, "a")
    assert a["expected"] == pytest.approx(4 / 3)
    assert a["g2"] == pytest.approx(g2_by_hand(2, 2, 0, 0))  # O22 = 3 - 2 - 2 - 0 < 0, clipped


def test_a_node_next_to_itself_takes_slots_but_is_no_collocate():
    table = T.collocates([[["b", "n", "n", "c"]]], "n", window=1, min_freq=1)
    assert sorted(table[["collocate", "left", "right"]].values.tolist()) == [["b", 1, 0], ["c", 0, 1]]
    assert row(table, "b")["expected"] == pytest.approx(4 * 1 / 4)  # 4 slots: b, n, n, c


def test_several_terms_count_as_one_node():
    table = T.collocates([[["a", "n", "b", "m", "c"]]], {"n", "m"}, window=1, min_freq=1)
    assert sorted(table[["collocate", "observed", "left", "right"]].values.tolist()) == [
        ["a", 1, 1, 0], ["b", 2, 1, 1], ["c", 1, 0, 1]]
    assert row(table, "b")["expected"] == pytest.approx(4 * 1 / 5)


def test_min_freq_top_sorting_and_bad_arguments():
    table = T.collocates(HAND, "n", window=2, min_freq=2)
    assert set(table["collocate"]) == {"a", "b", "c"} and (table["observed"] >= 2).all()
    assert T.collocates(HAND, "n", window=2, min_freq=3)["collocate"].tolist() == ["b"]
    assert table["g2"].is_monotonic_decreasing
    assert len(T.collocates(HAND, "n", window=2, min_freq=1, top=2)) == 2
    assert T.collocates(HAND, "absent", min_freq=1).empty
    with pytest.raises(ValueError):
        T.collocates(HAND, "n", window=0)
    with pytest.raises(ValueError):
        T.collocates(HAND, [])


def test_ties_are_alphabetical():
    table = T.collocates([[["z", "n", "y"], ["x", "n", "w"]]], "n", window=1, min_freq=1)
    assert table["collocate"].tolist() == ["w", "x", "y", "z"]


# --------------------------------------------------------------------------- collocates against NLTK

def test_nltk_window_finder_counts_ordered_pairs_within_the_window():
    """What the cross-check relies on: from_words(words, window_size=w + 1) counts each pair
    (first, second) with the second 1..w places after the first."""
    finder = BigramCollocationFinder.from_words(["n", "a", "n", "b"], window_size=3)
    assert dict(finder.ngram_fd) == {("n", "a"): 1, ("n", "n"): 1, ("a", "n"): 1, ("a", "b"): 1, ("n", "b"): 1}


@pytest.mark.parametrize("window", [1, 2, 3, 5])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_window_counts_match_nltks_window_finder(window, seed):
    rng = random.Random(seed)
    words = rng.choices(["n", "a", "b", "c", "d", "e"], weights=[3, 2, 2, 1, 1, 1], k=300)
    table = T.collocates([[words]], "n", window=window, min_freq=1).set_index("collocate")
    finder = BigramCollocationFinder.from_words(words, window_size=window + 1)
    for collocate in "abcde":
        assert table.loc[collocate, "right"] == finder.ngram_fd[("n", collocate)]
        assert table.loc[collocate, "left"] == finder.ngram_fd[(collocate, "n")]


def test_window_counts_over_many_runs_are_the_sums_of_nltks_per_run():
    rng = random.Random(7)
    runs = [rng.choices("nabc", k=rng.randint(1, 12)) for _ in range(200)]
    table = T.collocates([runs[:100], runs[100:]], "n", window=3, min_freq=1).set_index("collocate")
    finders = [BigramCollocationFinder.from_words(run, window_size=4) for run in runs]
    for collocate in "abc":
        assert table.loc[collocate, "right"] == sum(f.ngram_fd[("n", collocate)] for f in finders)
        assert table.loc[collocate, "left"] == sum(f.ngram_fd[(collocate, "n")] for f in finders)


# --------------------------------------------------------------------------- MATTR

def mattr_naive(tokens: list[str], window: int) -> float:
    if len(tokens) <= window:
        return len(set(tokens)) / len(tokens) if tokens else math.nan
    ratios = [len(set(tokens[i:i + window])) / window for i in range(len(tokens) - window + 1)]
    return sum(ratios) / len(ratios)


def test_mattr_by_hand():
    # windows of 3 over a b a c c b: aba 2/3, bac 3/3, acc 2/3, ccb 2/3; mean 9/12
    assert T.mattr("a b a c c b".split(), window=3) == pytest.approx(0.75)
    # windows of 2 over a a b b: aa 1/2, ab 2/2, bb 1/2; mean 2/3
    assert T.mattr(["a", "a", "b", "b"], window=2) == pytest.approx(2 / 3)
    assert T.mattr(["a", "a", "a"], window=1) == 1.0


@pytest.mark.parametrize("seed", range(5))
def test_mattr_equals_the_naive_mean_over_every_window(seed):
    rng = random.Random(seed)
    for _ in range(40):
        tokens = rng.choices("abcdefg"[: rng.randint(1, 7)], k=rng.randint(0, 80))
        window = rng.randint(1, 20)
        expected = mattr_naive(tokens, window)
        if math.isnan(expected):
            assert math.isnan(T.mattr(tokens, window))
        else:
            assert T.mattr(tokens, window) == pytest.approx(expected)


def test_mattr_of_a_text_shorter_than_the_window_is_its_ttr_and_of_nothing_nan():
    assert T.mattr(["a", "b", "a"], window=100) == pytest.approx(2 / 3)
    assert T.mattr(["a", "b", "a"], window=3) == pytest.approx(2 / 3)  # exactly one window
    assert math.isnan(T.mattr([], window=100))
    with pytest.raises(ValueError):
        T.mattr(["a"], window=0)


def test_lexical_diversity_uses_running_words_as_written():
    articles = pd.DataFrame({"id": ["a", "b", "c"], "outlet": ["Wire", " ", "Wire"],
                             "clean_text": ["The Allies and the allies met, in 2019; the ally spoke.", "", "Short text."]})
    table = T.lexical_diversity(articles, window=100)
    assert table.columns.tolist() == ["id", "outlet", "words", "mattr"]
    assert table["words"].tolist() == T.word_counts(articles).tolist() == [11, 0, 2]
    # the allies and the allies met in 2019 the ally spoke: 8 types (case folded, stopwords and
    # numbers kept, "ally" not merged with "allies"); shorter than the window: plain TTR
    assert table.loc[0, "mattr"] == pytest.approx(8 / 11)
    assert math.isnan(table.loc[1, "mattr"])
    assert table["outlet"].tolist() == ["Wire", "(not stated)", "Wire"]


def test_diversity_by_outlet_gives_median_and_quartiles():
    table = pd.DataFrame({"id": list("abcdef"), "outlet": ["X", "X", "X", "X", "Y", "Y"],
                          "mattr": [0.5, 0.6, 0.7, 0.9, 0.8, math.nan]})
    summary = T.diversity_by(table)
    assert summary.columns.tolist() == ["outlet", "articles", "median", "q25", "q75"]
    x, y = summary.set_index("outlet").loc["X"], summary.set_index("outlet").loc["Y"]
    # X: 0.5 0.6 0.7 0.9, linear quantiles: q25 at 0.75 of the way 0.5 -> 0.6, q75 at 0.25 of 0.7 -> 0.9
    assert (x["articles"], x["median"], x["q25"], x["q75"]) == pytest.approx((4, 0.65, 0.575, 0.75))
    assert (y["articles"], y["median"]) == (1, 0.8)  # the empty article has no MATTR


def test_lexical_diversity_by_outlet_is_diversity_by_of_the_table():
    articles = pd.DataFrame({"id": ["a", "b", "c"], "outlet": ["X", "Y", "X"],
                             "clean_text": ["one two one two", "one one one", "a b c d"]})
    table = T.lexical_diversity(articles, window=2)
    pd.testing.assert_frame_equal(T.lexical_diversity(articles, window=2, by="outlet"), T.diversity_by(table))
    assert table["mattr"].tolist() == pytest.approx([1.0, 0.5, 1.0])
