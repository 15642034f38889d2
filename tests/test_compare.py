"""Corpus-level comparisons on invented sentences: counts, network, quotes, log-odds, sentiment."""
from __future__ import annotations

import math
import re

import matplotlib

matplotlib.use("Agg")
import numpy as np
import pandas as pd
import pytest

from helpers import compare
from helpers.plots import plot_network
from helpers.actors import load_actors, load_alliances, mentions_for_corpus

ACTORS = ("name,type,country,body,role,aliases,demonyms,short_forms,note\n"
          "Venezuela,country,Venezuela,,,Caracas,Venezuelan,,\n"
          "Cuba,country,Cuba,,,Havana,Cuban,,\n"
          "Canada,country,Canada,,,Ottawa,Canadian,,\n"
          "ALBA,organisation,,ALBA,,ALBA,,,\n"
          "Lima Group,organisation,,Lima Group,,,,,\n"
          "OAS,organisation,,OAS,,OAS,,,\n"
          "Luis Almagro,person,,OAS,secretary general,,,Almagro,\n"
          "Nicolas Maduro,person,Venezuela,,president,Nicolás Maduro,,Maduro,\n")
ALLIANCES = ("alliance,member,joined,left,source,note\n"
             "ALBA,Venezuela,2004-12-14,,,\nALBA,Cuba,2004-12-14,,,\n"
             "Lima Group,Canada,2017-08-08,,,\nOAS,Canada,1990-01-08,,,\nCuba,Cuba,,,,\n")

TEXTS = {
    "a": "ALBA met in Havana. Nicolás Maduro thanked Cuba. The OAS was silent.",
    "b": "The Lima Group and Canada condemned Nicolas Maduro. Almagro agreed, said Luis Almagro.",
}


def split(text):
    """A sentence splitter for the tests: ends at . ! or ? followed by a space or the end."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]", text)]


def spans(text):
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in split(text)]


@pytest.fixture
def world(tmp_path):
    (tmp_path / "actors.csv").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "alliances.csv").write_text(ALLIANCES, encoding="utf-8")
    actors, alliances = load_actors(tmp_path), load_alliances(tmp_path)
    articles = pd.DataFrame({"id": list(TEXTS), "date": pd.to_datetime(["2017-03-06", "2018-01-01"]),
                             "clean_text": list(TEXTS.values())})
    mentions = mentions_for_corpus(articles, actors, alliances)
    return articles, actors, alliances, mentions


# ---------------------------------------------------------------- counts

def test_mentions_per_alliance_per_article(world):
    articles, _, _, mentions = world
    by_article = compare.mentions_by_article(compare.mention_counts(mentions))
    # a: ALBA (named), Havana→Cuba (ALBA member + Cuba named), Maduro→Venezuela (ALBA member), Cuba again, OAS
    assert by_article.loc["a", "ALBA"] == 4
    assert by_article.loc["a", "Cuba"] == 2
    assert by_article.loc["a", "OAS"] == 1
    # b (2018): Lima Group, Canada (Lima Group + OAS), Maduro (ALBA), Almagro twice (OAS)
    assert by_article.loc["b", "Lima Group"] == 2 and by_article.loc["b", "OAS"] == 3
    totals = compare.mentions_by_group(compare.mention_counts(mentions))
    assert totals.loc["ALBA", "named"] == 1 and totals.loc["ALBA", "member"] == 4
    assert (totals["total"] == totals["named"] + totals["member"]).all()


# ---------------------------------------------------------------- network

def test_network_from_invented_sentences(world):
    articles, _, _, mentions = world
    sentences = compare.sentence_table(articles, mentions, spans)
    assert sentences["text"].tolist()[:2] == ["ALBA met in Havana.", "Nicolás Maduro thanked Cuba."]
    graph = compare.cooccurrence_graph(sentences["actors"])
    assert graph["ALBA"]["Cuba"]["weight"] == 1              # sentence 1 (Havana)
    assert graph["Nicolas Maduro"]["Cuba"]["weight"] == 1    # sentence 2
    assert graph["Lima Group"]["Canada"]["weight"] == 1
    assert not graph.has_edge("ALBA", "OAS")                 # never in one sentence
    assert not graph.has_edge("Luis Almagro", "Luis Almagro")
    assert graph.nodes["Nicolas Maduro"]["sentences"] == 2
    assert graph.nodes["Luis Almagro"]["sentences"] == 1     # twice in one sentence counts once
    edges = compare.edge_table(graph)
    assert len(edges) == graph.number_of_edges() == 5   # ALBA-Cuba, Maduro-Cuba, and the triangle Lima Group-Canada-Maduro
    assert edges.iloc[0].tolist()[2] == 1


def test_network_counts_repeated_pairs():
    graph = compare.cooccurrence_graph([["x", "y"], ["y", "x", "z"], ["x", "y"]])
    assert graph["x"]["y"]["weight"] == 3 and graph["y"]["z"]["weight"] == 1
    assert compare.top_subgraph(graph, max_nodes=2).number_of_nodes() == 2
    assert compare.top_subgraph(graph, min_weight=2).number_of_edges() == 1


def test_network_drawing_is_deterministic(world, tmp_path):
    from helpers.figures import save_figure
    articles, _, _, mentions = world
    graph = compare.cooccurrence_graph(compare.sentence_table(articles, mentions, spans)["actors"])
    colours = compare.actor_colour_groups(mentions)
    assert colours["Cuba"] == "Cuba" and colours["Nicolas Maduro"] == "ALBA" and colours["Luis Almagro"] == "OAS"
    for folder in ("one", "two"):
        save_figure(plot_network(graph, colours, "t"), "net", folder=tmp_path / folder, formats=("svg",))
    assert (tmp_path / "one" / "net.svg").read_bytes() == (tmp_path / "two" / "net.svg").read_bytes()


def test_a_node_takes_the_group_of_most_of_its_mentions_and_a_ring_for_a_changed_membership():
    import matplotlib.colors as mcolors
    from helpers.figures import colour_for
    mentions = pd.DataFrame({"actor": ["Argentina"] * 5 + ["Peru"] * 5, "country": ["Argentina"] * 5 + ["Peru"] * 5,
                             "body": [""] * 10,
                             "groups": [("ALBA", "OAS")] * 3 + [("Lima Group", "OAS")] * 2 + [("Lima Group", "CELAC")] * 5})
    assert compare.actor_colour_groups(mentions) == {"Argentina": "ALBA", "Peru": "Lima Group"}
    rings = compare.actor_second_groups(mentions, ["ALBA", "Lima Group"])
    assert rings == {"Argentina": "Lima Group"}  # Peru was in the Lima Group in every mention: no ring
    assert compare.actor_second_groups(mentions, ["ALBA"]) == {}  # the Lima Group not among the camps' groups
    graph = compare.cooccurrence_graph([["Argentina", "Peru"]])
    fig = plot_network(graph, compare.actor_colour_groups(mentions), "t", ring_groups=rings)
    nodes = fig.axes[0].collections[-1]
    edge = {name: tuple(colour) for name, colour in zip(sorted(graph.nodes), nodes.get_edgecolors())}
    assert edge["Argentina"] == mcolors.to_rgba(colour_for("Lima Group"))
    assert edge["Peru"] == mcolors.to_rgba("white")
    assert any("membership" in text.get_text() for text in fig.axes[0].get_legend().get_texts())


def test_camps_over_time_count_per_period_leave_gaps_and_mark_joins_and_exits():
    from helpers.actors import load_alliances, membership_events
    from helpers.plots import plot_camps_over_time
    sentences = pd.DataFrame({"article": ["a", "a", "b", "c"],
                              "groups": [("ALBA",), ("Lima Group",), ("ALBA", "Lima Group"), ("ALBA",)]})
    quotes = pd.DataFrame({"article": ["a", "c"], "camp": ["A", "A"], "words": [5, 3]})
    dates = {"a": pd.Timestamp("2017-02-01"), "b": pd.Timestamp("2019-05-01"), "c": None}
    camps = {"A": ["ALBA"], "L": ["Lima Group"]}
    table = compare.camps_over_time(sentences, [0.2, -0.4, 0.0, 0.9], quotes, camps, dates, "Y")
    a = table[table["camp"] == "A"].set_index("label")
    assert a.loc["2017", ["sentences", "share", "quoted_words"]].tolist() == [1, 0.5, 5]   # c is undated: left out
    assert pd.isna(a.loc["2018", "share"]) and a.loc["2019", "share"] == 1.0           # no article in 2018: a gap
    events = membership_events(load_alliances(), ["ALBA", "Lima Group"], "2017-01-01", "2019-12-31")
    assert "Ecuador leaves ALBA" in set(events["label"]) and events["date"].is_monotonic_increasing
    fig = plot_camps_over_time(table, events, camps, "t", "year", events_file="e.csv")
    listed = "\n".join(text.get_text() for text in fig.axes[1].texts)
    assert "Ecuador leaves ALBA" in listed or len(events) > 12
    assert len(events) <= 12 or f"and {len(events) - 12} more in e.csv" in listed
    assert max(fig.get_size_inches()) <= 12


def test_time_axis_with_no_camps_and_events_on_one_day():
    from helpers.plots import plot_camps_over_time
    sentences = pd.DataFrame({"article": ["a"], "groups": [("ALBA",)]})
    empty = compare.camps_over_time(sentences, [0.1], pd.DataFrame({"article": [], "camp": [], "words": []}), {},
                                    {"a": pd.Timestamp("2018-01-01")}, "Y")
    assert list(empty.columns) == ["period", "label", "camp", "sentences", "share", "quoted_words", "tone"]
    events = pd.DataFrame({"date": [pd.Timestamp("2018-04-18")] * 6, "group": ["UNASUR"] * 6,
                           "member": list("ABCDEF"), "change": ["leaves"] * 6})
    events["label"] = [f"{m} leaves UNASUR" for m in events["member"]]
    fig = plot_camps_over_time(empty, events, {}, "t", "year")
    listed = "\n".join(text.get_text() for text in fig.axes[1].texts)
    assert "6 members leave UNASUR" in listed and listed.count("2018-04") == 1


# ---------------------------------------------------------------- quotes by camp

def test_quotes_resolve_speaker_to_country_to_alliances_and_camp(world):
    articles, actors, alliances, _ = world
    quotes = pd.DataFrame({
        "article": ["a", "a", "b", "b"],
        "quote": ["We stand together", "Unity now", "Elections must be free and fair", "No comment"],
        "speaker": ["Nicolas Maduro", "ALBA statement", "Lima Group", None],
        "kind": ["full"] * 4})
    camps = {"ALBA camp": ["ALBA", "Cuba"], "Lima Group camp": ["Lima Group"]}
    table = compare.quotes_by_camp(quotes, actors, alliances, dict(zip(articles["id"], articles["date"])), camps)
    assert table["actor"].tolist()[:3] == ["Nicolas Maduro", "ALBA", "Lima Group"]
    assert pd.isna(table["actor"].iloc[3])
    assert table["groups"].tolist() == [("ALBA",), ("ALBA",), ("Lima Group",), ()]
    assert table["camp"].tolist() == ["ALBA camp", "ALBA camp", "Lima Group camp", "no camp"]
    by_camp = compare.quoted_words_by(table, "camp")
    assert by_camp.loc["ALBA camp", "words"] == 5 and by_camp.loc["Lima Group camp", "words"] == 6
    by_group = compare.quoted_words_by(table)
    assert by_group.loc["ALBA", "speakers"] == 2 and by_group.loc["(unresolved)", "quotes"] == 1


# ---------------------------------------------------------------- log-odds

def test_log_odds_matches_a_hand_computation():
    # camp A says x twice and y once; camp B says x once and y three times; prior 1 for each word.
    counts = pd.DataFrame({"A": [2, 1], "B": [1, 3]}, index=["x", "y"])
    table = compare.log_odds(counts, prior={"x": 1, "y": 1}).set_index(["camp", "word"])
    # n_A = 3, n_B = 4, a_0 = 2.  For A and x:
    #   camp:  (2 + 1) / (3 + 2 - 2 - 1) = 3/2      rest: (1 + 1) / (4 + 2 - 1 - 1) = 2/4
    #   delta = log(3/2) - log(1/2) = log 3;  var = 1/3 + 1/2 = 5/6
    assert table.loc[("A", "x"), "delta"] == pytest.approx(math.log(3))
    assert table.loc[("A", "x"), "z"] == pytest.approx(math.log(3) / math.sqrt(5 / 6))
    # For A and y:  camp (1 + 1) / (3 + 2 - 1 - 1) = 2/3,  rest (3 + 1) / (4 + 2 - 3 - 1) = 4/2
    #   delta = log(2/3) - log(2) = -log 3;  var = 1/2 + 1/4 = 3/4
    assert table.loc[("A", "y"), "z"] == pytest.approx(-math.log(3) / math.sqrt(3 / 4))
    # with two camps, B against the rest is A mirrored
    assert table.loc[("B", "x"), "z"] == pytest.approx(-table.loc[("A", "x"), "z"])
    assert table.loc[("A", "x"), "count"] == 2 and table.loc[("A", "x"), "rest"] == 1


def test_log_odds_prior_strength_and_default_prior():
    counts = pd.DataFrame({"A": [2, 1], "B": [1, 3]}, index=["x", "y"])
    # default prior = row sums (3, 4), rescaled to a_0 = 7 / 7 * 2 = 2 -> (6/7, 8/7)
    table = compare.log_odds(counts, prior_strength=2).set_index(["camp", "word"])
    ax, ay = 6 / 7, 8 / 7
    delta = math.log((2 + ax) / (3 + 2 - 2 - ax)) - math.log((1 + ax) / (4 + 2 - 1 - ax))
    assert table.loc[("A", "x"), "delta"] == pytest.approx(delta)
    assert table.loc[("A", "x"), "se"] == pytest.approx(math.sqrt(1 / (2 + ax) + 1 / (1 + ax)))
    assert ay  # (y's prior is used in the other rows)


def test_log_odds_one_camp_against_the_rest_with_three_camps():
    counts = pd.DataFrame({"A": [5, 0], "B": [1, 2], "C": [0, 3]}, index=["w", "v"])
    table = compare.log_odds(counts, prior={"w": 1, "v": 1}).set_index(["camp", "word"])
    # for C the rest is A + B pooled: w 6, v 2, n_rest 8; camp C: w 0, v 3, n 3; a_0 = 2
    delta = math.log((3 + 1) / (3 + 2 - 3 - 1)) - math.log((2 + 1) / (8 + 2 - 2 - 1))
    assert table.loc[("C", "v"), "delta"] == pytest.approx(delta)
    assert set(table.index.get_level_values("camp")) == {"A", "B", "C"}
    first = compare.log_odds(counts, prior={"w": 1, "v": 1}).groupby("camp").head(1)
    assert first.set_index("camp")["word"].to_dict() == {"A": "w", "B": "v", "C": "v"}


def test_camp_term_counts_from_sentences_and_tokenizer():
    sentences = pd.DataFrame({"text": ["ALBA condemns aggression", "Lima Group urges elections", "ALBA and Lima Group talk"],
                              "groups": [("ALBA",), ("Lima Group",), ("ALBA", "Lima Group")]})
    camps = {"ALBA camp": ["ALBA"], "Lima Group camp": ["Lima Group"]}
    tokenize = lambda text: text.lower().split()
    counts = compare.camp_term_counts(sentences, camps, tokenize, drop={"alba", "lima", "group"})
    assert counts.loc["aggression", "ALBA camp"] == 1 and counts.loc["elections", "Lima Group camp"] == 1
    assert "talk" not in counts.index
    shared = compare.camp_term_counts(sentences, camps, tokenize, exclusive=False)
    assert shared.loc["talk"].tolist() == [1, 1]


# ---------------------------------------------------------------- sentiment

def test_sentiment_per_group_averages_sentences_naming_it():
    sentences = pd.DataFrame({"groups": [("ALBA",), ("ALBA", "OAS"), ("OAS",), ()]})
    scores = compare.vader_compound(["We condemn this illegal aggression.", "Peace and hope for all.",
                                     "A wonderful, friendly meeting.", "Nothing."])
    assert scores[0] < -0.05 and scores[1] > 0.05 and scores[2] > 0.05
    table = compare.sentiment_by_group(sentences, scores)
    assert table.loc["ALBA", "sentences"] == 2
    assert table.loc["ALBA", "mean"] == pytest.approx((scores[0] + scores[1]) / 2)
    assert table.loc["OAS", "mean"] == pytest.approx((scores[1] + scores[2]) / 2)
    assert table.loc["ALBA", "negative"] == 0.5 and table.loc["OAS", "positive"] == 1.0
    assert list(table.index) == ["ALBA", "OAS"]


def test_sentence_scores_and_terms_are_those_of_each_sentence_whatever_the_order(tmp_path, monkeypatch):
    """Computed article by article through the cache, yet one value per sentence, in table order
    (sentences of two articles interleaved), the same from the cache as fresh."""
    from helpers import terms

    monkeypatch.setenv("NEWS_CACHE", str(tmp_path))
    rows = pd.DataFrame({"article": ["a", "b", "a", "b"],
                         "text": ["We condemn the aggression.", "Leaders met in peace.", "Hope returns.", "Talks failed."]})
    for _ in range(2):  # fresh, then from the cache
        assert compare.tone_scores(rows) == compare.vader_compound(rows["text"])
        assert compare.sentence_terms(rows) == [terms.terms(t) for t in rows["text"]]
    assert any(tmp_path.glob("tone/*/*.json")) and any(tmp_path.glob("sentence-terms/*/*.json"))


def test_log_odds_keeps_one_sided_words_and_skips_an_empty_camp():
    # the reproduction: a word the prior lacks and only camp B uses was dropped (z NaN)
    counts = pd.DataFrame({"A": [2, 0, 5], "B": [0, 3, 5]}, index=["only_a", "only_b", "both"])
    table = compare.log_odds(counts, prior={"only_a": 1, "both": 10}).set_index(["camp", "word"])
    assert ("B", "only_b") in table.index and np.isfinite(table.loc[("B", "only_b"), "z"])
    assert table.loc[("B", "only_b"), "z"] > 0 > table.loc[("A", "only_b"), "z"]
    # with no prior at all every one-sided word is still there (0.5 each: Haldane-Anscombe)
    bare = compare.log_odds(counts, prior_strength=0)
    assert len(bare) == 6 and bare["z"].notna().all()
    # hand arithmetic for one of them: A's "only_a", a_w = 0.5, a_0 = 1.5
    delta = np.log(2.5 / (7 + 1.5 - 2.5)) - np.log(0.5 / (8 + 1.5 - 0.5))
    row = bare.set_index(["camp", "word"]).loc[("A", "only_a")]
    assert row["delta"] == pytest.approx(delta) and row["se"] == pytest.approx(np.sqrt(1 / 2.5 + 1 / 0.5))
    # a camp with no words is named, not given z = 0 for everything
    empty = compare.log_odds(pd.DataFrame({"A": [2, 1], "B": [0, 0]}, index=["x", "y"]))
    assert empty.empty and empty.attrs["empty"] == ["A", "B"]


def test_benjamini_hochberg_against_hand_arithmetic_and_log_odds_q_values():
    p = [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205]
    # p * 8 / rank: .008 .032 .104 .082 .0672 .08 .0845714 .205, then the running minimum from the top
    expected = [0.008, 0.032, 0.0672, 0.0672, 0.0672, 0.08, 0.074 * 8 / 7, 0.205]
    assert compare.benjamini_hochberg(p) == pytest.approx(expected)
    assert compare.benjamini_hochberg(list(reversed(p))) == pytest.approx(list(reversed(expected)))  # order kept
    counts = pd.DataFrame({"A": [30, 1, 5, 5], "B": [2, 20, 5, 6]}, index=["w", "v", "u", "t"])
    table = compare.log_odds(counts)
    for _, part in table.groupby("camp"):
        assert part["p"].tolist() == pytest.approx([0.5 * math.erfc(z / math.sqrt(2)) for z in part["z"]])
        assert part["q"].tolist() == pytest.approx(compare.benjamini_hochberg(part["p"]))
        assert (part["q"] >= part["p"] - 1e-12).all()


def test_log_odds_figure_shows_which_words_survive_the_correction():
    from helpers.plots import plot_log_odds

    top = pd.DataFrame({"camp": ["A", "A", "B"], "word": ["w", "v", "u"], "z": [3.5, 2.1, 2.0],
                        "q": [0.01, 0.2, 0.3]})
    fig = plot_log_odds(top, {"A": ["ALBA"], "B": ["Lima Group"]}, "t")
    alphas = sorted(round(bar.get_facecolor()[3], 2) for bar in fig.axes[0].patches)
    assert alphas == [0.35, 1.0]  # "v" pale, "w" solid
    assert [t.get_text() for t in fig.legends[0].get_texts()][0].startswith("q < 0.05")


def test_article_bootstrap_resamples_articles_not_sentences():
    # one article gives X ten sentences at +0.8; three others one sentence each at -0.4
    rows = [("big", 0.8)] * 10 + [("a", -0.4), ("b", -0.4), ("c", -0.4)]
    s = pd.DataFrame({"article": [a for a, _ in rows], "groups": [("X",)] * len(rows)})
    scores = [v for _, v in rows]
    table = compare.article_bootstrap(s, scores, ["X"], draws=4000, seed=1)
    assert table.loc["X", "articles"] == 4
    # a naive bootstrap written out here, drawing the four articles with replacement
    rng = np.random.default_rng(7)
    per = {"big": (8.0, 10), "a": (-0.4, 1), "b": (-0.4, 1), "c": (-0.4, 1)}
    means = []
    for _ in range(4000):
        drawn = rng.choice(list(per), size=4, replace=True)
        means.append(sum(per[a][0] for a in drawn) / sum(per[a][1] for a in drawn))
    assert table.loc["X", "low"] == pytest.approx(np.percentile(means, 2.5), abs=0.03)
    assert table.loc["X", "high"] == pytest.approx(np.percentile(means, 97.5), abs=0.03)
    # far wider than the sentence-level standard error pretends
    sem = pd.Series(scores).sem()
    assert table.loc["X", "high"] - table.loc["X", "low"] > 4 * 1.96 * sem
    # the same seed gives the same interval; one article only: no spread
    assert compare.article_bootstrap(s, scores, ["X"], draws=4000, seed=1).equals(table)
    one = compare.article_bootstrap(s.iloc[:10], scores[:10], ["X"])
    assert one.loc["X", "low"] == pytest.approx(0.8) and one.loc["X", "high"] == pytest.approx(0.8)


def test_keyness_g2_equals_nltks_likelihood_ratio_and_log_ratio_is_hardies():
    from nltk.metrics import BigramAssocMeasures

    counts = pd.DataFrame({"A": [10, 0, 40, 950], "B": [5, 7, 80, 1908]}, index=["w", "only_b", "v", "other"])
    table = compare.keyness(counts).set_index(["camp", "word"])
    for camp, rest in (("A", "B"), ("B", "A")):
        c, d = counts[camp].sum(), counts[rest].sum()
        for word in counts.index:
            a, b = counts.loc[word, camp], counts.loc[word, rest]
            g2 = BigramAssocMeasures.likelihood_ratio(int(a), (int(a + b), int(c)), int(c + d))
            row = table.loc[(camp, word)]
            assert abs(row["g2"]) == pytest.approx(g2), (camp, word)
            assert (row["g2"] >= 0) if a / c >= b / d else (row["g2"] < 0)  # signed: which side uses it more
            assert row["p"] == pytest.approx(math.erfc(math.sqrt(g2 / 2)))  # chi-square, 1 df
            assert row["log_ratio"] == pytest.approx(np.log2((max(a, 0.5) / c) / (max(b, 0.5) / d)))
    assert table.loc[("B", "only_b"), "g2"] > 0 and np.isfinite(table.loc[("A", "only_b"), "log_ratio"])


def test_quoted_words_ratio_interval_comes_from_articles():
    # camp A: one long interview (200 words) and four short quotes; camp B: five quotes of 20 words
    q = pd.DataFrame({"article": ["big", "a1", "a2", "a3", "a4", "b1", "b2", "b3", "b4", "b5"],
                      "camp": ["A"] * 5 + ["B"] * 5, "words": [200, 5, 5, 5, 5, 20, 20, 20, 20, 20]})
    ratio, low, high = compare.quoted_words_ratio(q, "A", "B", draws=2000, seed=3, min_articles=4)
    assert ratio == pytest.approx(220 / 100)
    assert low < 1 < high  # without the interview A is quoted less: the articles do not settle it
    # five articles each quoting both camps the same way: every draw gives the same ratio
    even = pd.DataFrame({"article": [f"e{i}" for i in range(5)] * 2, "camp": ["A"] * 5 + ["B"] * 5,
                         "words": [44] * 5 + [20] * 5})
    ratio, low, high = compare.quoted_words_ratio(even, "A", "B", draws=2000, seed=3)
    assert ratio == pytest.approx(2.2) and low == pytest.approx(2.2) and high == pytest.approx(2.2)
    assert math.isnan(compare.quoted_words_ratio(q[q["camp"] == "A"], "A", "B")[0])


def test_quoted_words_ratio_gives_no_interval_from_too_few_articles():
    one = pd.DataFrame({"article": ["a", "a"], "camp": ["A", "L"], "words": [30, 10]})
    ratio, low, high = compare.quoted_words_ratio(one, "A", "L")
    assert ratio == pytest.approx(3.0) and math.isnan(low) and math.isnan(high)
