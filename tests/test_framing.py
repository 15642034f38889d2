"""helpers.framing: what text counts for a camp, where its words come from, and how far to trust them."""
import math

import numpy as np
import pandas as pd
import pytest

from helpers import compare, framing

CAMPS = {"A": ["ALBA"], "L": ["Lima Group"]}


# ---------------------------------------------------------------- the subject of a sentence

@pytest.mark.parametrize("sentence, subject", [
    # a plain subject before its verb
    ("The Lima Group condemned the vote.", "The Lima Group "),
    ("Cuba and Nicaragua backed the resolution.", "Cuba and Nicaragua "),
    # titles, collective nouns and "of" stay inside the subject
    ("Venezuela's foreign minister rejected the statement.", "Venezuela's foreign minister "),
    ("The foreign ministers of the Lima Group met in Ottawa.", "The foreign ministers of the Lima Group "),
    ("Leaders of the ALBA bloc gathered in Havana.", "Leaders of the ALBA bloc "),
    # a short opening phrase is skipped up to its comma, and is not part of the subject
    ("On Monday, the OAS suspended Honduras.", "the OAS "),
    ("After a long debate in Lima, Peru withdrew its ambassador.", "Peru "),
    ("According to the OAS, Bolivia refused the audit.", "Bolivia "),
    # the object is not the subject
    ("The United States imposed sanctions on Cuba.", "The United States "),
    ("It warned ALBA against interference.", "It "),
    ("it warned ALBA against interference.", ""),  # a lower-case start: no subject
    # no subject rather than an object: a quotation first, an opener with its own verb, an opener with no comma
    ('"We will not allow it," Maduro said.', ""),
    ("“Enough,” the minister said.", ""),
    ("In a statement the OAS urged Maduro, Ortega and Diaz-Canel to talk.", ""),
    ("At the summit the Lima Group condemned Venezuela, Cuba and Nicaragua.", ""),
    ("In Caracas the ALBA leaders met.", ""),
])
def test_subject_span_on_invented_sentences(sentence, subject):
    assert sentence[slice(*framing.subject_span(sentence))] == subject


def test_subject_groups_keep_the_subject_and_drop_the_object_and_the_opener():
    texts = ["The Lima Group criticised Venezuela.", "On Friday, Cuba thanked the OAS.",
             "According to Cuba, Peru refused the audit."]
    starts = [0, 37, 70]
    sentences = pd.DataFrame({"article": ["a"] * 3, "start": starts, "text": texts,
                              "groups": [("Lima Group", "ALBA"), ("ALBA", "OAS"), ("ALBA", "Lima Group")]})
    names = [(0, "Lima Group", "Lima Group"), (0, "Venezuela", "ALBA"), (1, "Cuba", "ALBA"), (1, "OAS", "OAS"),
             (2, "Cuba", "ALBA"), (2, "Peru", "Lima Group")]
    mentions = pd.DataFrame({"article": ["a"] * len(names),
                             "start": [starts[k] + texts[k].index(name) for k, name, _ in names],
                             "groups": [(group,) for _, _, group in names]})
    assert framing.subject_groups(sentences, mentions) == [("Lima Group",), ("ALBA",), ("Lima Group",)]


# ---------------------------------------------------------------- what counts for a camp

def test_camp_units_by_speaker_take_the_quotes_and_refuse_an_unknown_option():
    quotes = pd.DataFrame({"article": ["a"], "groups": [("ALBA",)]})
    units = framing.camp_units(pd.DataFrame(), [], "speaker", quotes=quotes, quote_words=[["unity"]])
    assert units.to_dict("records") == [{"article": "a", "groups": ("ALBA",), "words": ["unity"]}]
    with pytest.raises(ValueError, match="by='subjects' is not a way of counting a camp's text; use one of mention, subject, speaker"):
        framing.camp_units(pd.DataFrame(), [], "subjects")
    with pytest.raises(ValueError, match="needs the mentions"):
        framing.camp_units(pd.DataFrame(), [], "subject")


def test_counts_summed_over_articles_equal_camp_term_counts():
    sentences = pd.DataFrame({"article": ["a", "a", "b", "c"],
                              "text": ["alba unity unity", "lima talks alba", "lima talks", "alba summit"],
                              "groups": [("ALBA",), ("ALBA", "Lima Group"), ("Lima Group",), ("ALBA",)]})
    words = [t.split() for t in sentences["text"]]
    for exclusive in (True, False):
        expected = compare.camp_term_counts(sentences, CAMPS, str.split, exclusive=exclusive, drop={"alba", "lima"})
        units = framing.camp_units(sentences, words, "mention")
        long = framing.camp_article_counts(units, CAMPS, exclusive=exclusive, drop={"alba", "lima"})
        pd.testing.assert_frame_equal(framing.counts_table(long, CAMPS), expected, check_names=False)


def test_word_sources_by_hand():
    long = pd.DataFrame({"camp": ["A"] * 4 + ["L"], "article": ["a", "b", "c", "a", "a"],
                         "word": ["unity", "unity", "unity", "coup", "coup"], "count": [6, 1, 1, 2, 5]})
    table = framing.word_sources(pd.DataFrame({"camp": ["A", "A", "L"], "word": ["unity", "coup", "unity"]}), long)
    rows = table.set_index(["camp", "word"])
    assert rows.loc[("A", "unity")].tolist() == [3, "a", 6 / 8]
    assert rows.loc[("A", "coup")].tolist() == [1, "a", 1.0]
    assert rows.loc[("L", "unity"), "articles"] == 0  # the camp never uses it


# ---------------------------------------------------------------- uncertainty from articles

def _units(spread: bool) -> pd.DataFrame:
    """Ten articles per camp; camp A uses "unity" 20 times, in one article or two per article."""
    rows = []
    for k in range(10):
        a_words = ["talks"] * 5 + (["unity"] * 2 if spread else (["unity"] * 20 if k == 0 else []))
        rows.append({"article": f"a{k}", "groups": ("ALBA",), "words": a_words})
        rows.append({"article": f"l{k}", "groups": ("Lima Group",), "words": ["talks"] * 5 + ["vote"] * 2})
    return pd.DataFrame(rows)


def test_a_word_from_one_article_is_not_distinctive_but_the_same_count_spread_is():
    spread = framing.distinctive_words(_units(True), CAMPS, top=3, draws=400).best.set_index(["camp", "word"])
    lumped = framing.distinctive_words(_units(False), CAMPS, top=3, draws=400).best.set_index(["camp", "word"])
    # the same count, the same log-odds and q: only the articles differ
    assert spread.loc[("A", "unity"), "count"] == lumped.loc[("A", "unity"), "count"] == 20
    assert spread.loc[("A", "unity"), "q"] < 0.05 and lumped.loc[("A", "unity"), "q"] < 0.05
    assert spread.loc[("A", "unity"), "distinctive"]
    assert not lumped.loc[("A", "unity"), "distinctive"]
    assert lumped.loc[("A", "unity"), "delta_low"] <= 0 < spread.loc[("A", "unity"), "delta_low"]
    assert lumped.loc[("A", "unity"), "top_share"] == 1.0 and lumped.loc[("A", "unity"), "articles"] == 1


def test_bootstrap_interval_brackets_the_full_data_log_odds_and_is_seeded():
    units = _units(True)
    result = framing.distinctive_words(units, CAMPS, top=2, draws=300)
    row = result.best.set_index(["camp", "word"]).loc[("A", "unity")]
    assert row["delta_low"] <= row["delta"] <= row["delta_high"]
    again = framing.distinctive_words(units, CAMPS, top=2, draws=300)
    pd.testing.assert_frame_equal(result.best, again.best)


def test_bootstrap_with_every_article_once_is_the_full_data_log_odds():
    # one draw that happens to take every article once must give log_odds on the full counts
    units = _units(True)
    long = framing.camp_article_counts(units, CAMPS)
    full = compare.log_odds(framing.counts_table(long, CAMPS))
    words = full[full["word"] == "unity"].head(1)

    class Once:  # a generator whose multinomial draws every article exactly once
        def multinomial(self, n, p, size):
            return np.ones((size, len(p)), dtype=int)

    original = np.random.default_rng
    try:
        np.random.default_rng = lambda seed=None: Once()
        out = framing.log_odds_bootstrap(words, long, list(CAMPS), draws=3)
    finally:
        np.random.default_rng = original
    assert out.iloc[0]["delta_low"] == pytest.approx(words.iloc[0]["delta"])
    assert out.iloc[0]["delta_high"] == pytest.approx(words.iloc[0]["delta"])
    assert out.iloc[0]["holds"] == float(words.iloc[0]["z"] > 1.96)


# ---------------------------------------------------------------- sensitivity to the prior

def test_prior_sensitivity_repeats_log_odds_at_each_weight():
    counts = pd.DataFrame({"A": [30, 2, 20, 3], "B": [2, 30, 20, 1]}, index=["x", "y", "z", "w"])
    table = framing.prior_sensitivity(counts, strengths=[0, 10, 1000], n=2, min_count=1)
    assert sorted(set(table["a0"])) == [0, 10, 108, 1000]  # 108 = the counts' own total, the default prior
    for strength in (0, 10, 1000):
        direct = compare.log_odds(counts, prior_strength=strength)
        for camp in ("A", "B"):
            row = table[(table["a0"] == strength) & (table["camp"] == camp)].iloc[0]
            mine = direct[direct["camp"] == camp]
            assert row["top words"] == ", ".join(mine["word"].head(2))
            assert row["distinctive (q < 0.05)"] == int((mine["q"] < 0.05).sum())
    used = table[table["prior"].str.endswith("(used)")]
    assert (used["shared with used top 2"] == 2).all()


def test_options_table_counts_articles_and_tokens():
    units = _units(True)
    result = framing.distinctive_words(units, CAMPS, top=2, draws=50)
    table = framing.options_table({"mention": result}, n=2).set_index("camp")
    assert table.loc["A", "articles"] == 10 and table.loc["A", "tokens"] == 70
    assert table.loc["A", "first 2 words"].split(", ")[0] == "unity*"


# ---------------------------------------------------------------- the figure

def test_log_odds_figure_with_article_intervals():
    from helpers.plots import plot_log_odds

    top = pd.DataFrame({"camp": ["A", "A"], "word": ["w", "v"], "z": [3.5, 2.1], "q": [0.01, 0.01],
                        "delta": [1.0, 0.5], "delta_low": [0.4, -0.1], "delta_high": [1.5, 1.0],
                        "distinctive": [True, False]})
    fig = plot_log_odds(top, {"A": ["ALBA"]}, "t")
    ax = fig.axes[0]
    assert sorted(bar.get_width() for bar in ax.patches) == [0.5, 1.0]  # bars are log-odds, not z
    assert sorted(round(bar.get_facecolor()[3], 2) for bar in ax.patches) == [0.35, 1.0]
    assert len(ax.collections) == 1  # the whiskers, from delta_low to delta_high
    segments = ax.collections[0].get_segments()
    assert sorted((round(s[0][0], 2), round(s[1][0], 2)) for s in segments) == [(-0.1, 1.0), (0.4, 1.5)]
    assert math.isclose(min(ax.get_xlim()), -0.1, abs_tol=0.2)


def test_a_camp_from_a_single_article_is_never_distinctive():
    # camp A is named in one article only, which repeats "unity"; camp L is spread over thirty
    rows = [{"article": "a0", "groups": ("ALBA",), "words": ["unity"] * 10 + ["talks"] * 5}]
    rows += [{"article": f"l{k}", "groups": ("Lima Group",), "words": ["talks"] * 5 + ["vote"]} for k in range(30)]
    best = framing.distinctive_words(pd.DataFrame(rows), CAMPS, top=2, draws=400).best.set_index(["camp", "word"])
    row = best.loc[("A", "unity")]
    assert row["q"] < 0.05  # sentence-level counting alone would call it distinctive
    assert row["delta_low"] <= 0 and not row["distinctive"]
