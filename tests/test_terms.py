"""helpers.terms on invented sentences: tokens, stopwords, names, n-grams, collocations, TF-IDF, KWIC, dispersion."""
from __future__ import annotations

import math
from collections import Counter

import matplotlib

matplotlib.use("Agg")
import nltk
import pandas as pd
import pytest

from helpers import plots
from helpers import terms as T


def frame(*texts: str, column: str = "clean_text", **extra) -> pd.DataFrame:
    """An articles table with ids a, b, c ... and the given texts."""
    ids = [chr(ord("a") + i) for i in range(len(texts))]
    return pd.DataFrame({"id": ids, column: list(texts), **extra})


# --------------------------------------------------------------------------- tokenisation

@pytest.mark.parametrize("text", ["Venezuela's allies", "Venezuela’s allies", "VENEZUELA'S allies"])
def test_possessive_s_is_dropped_with_either_apostrophe(text):
    assert T.tokenize(text) == ["venezuela", "allies"]


def test_plural_possessive_keeps_the_word():
    assert T.tokenize("the members’ vote") == ["the", "members", "'", "vote"]


def test_initialisms_stay_one_token_even_at_the_end_of_a_sentence():
    assert T.tokenize("The U.S. and the U.N. condemned it.") == ["the", "u.s.", "and", "the", "u.n.", "condemned", "it", "."]
    assert T.tokenize("sanctions by the U.S.") == ["sanctions", "by", "the", "u.s."]
    assert T.tokenize("the U.S.’s allies") == ["the", "u.s.", "allies"]


def test_capital_us_is_the_country_but_lower_case_us_is_the_pronoun():
    assert T.tokenize("US sanctions hurt us") == ["u.s.", "sanctions", "hurt", "us"]
    assert T.tokenize("US-backed rebels") == ["u.s.-backed", "rebels"]


def test_hyphenated_words_stay_whole_but_dashes_separate():
    assert T.tokenize("anti-government, opposition-led protests") == ["anti-government", ",", "opposition-led", "protests"]
    assert T.tokenize("Venezuelans—wearied") == ["venezuelans", "—", "wearied"]


def test_numbers_keep_their_separators_and_lose_the_full_stop():
    assert T.tokenize("It cost $1,000 or 3.5% more in 2017.") == ["it", "cost", "$", "1,000", "or", "3.5", "%", "more", "in", "2017", "."]


def test_dates_split_into_parts_and_iso_dates_stay_whole():
    assert T.tokenize("April 10, 2017") == ["april", "10", ",", "2017"]
    assert T.tokenize("on 2019-05-01 and June 20-21") == ["on", "2019-05-01", "and", "june", "20-21"]


def test_dates_and_numbers_are_not_counted_as_terms():
    assert T.terms("On Tuesday, April 10, 2017, the summit opened.") == ["summit", "open"]
    assert T.terms("On April 10, 2017, the summit opened.", numbers=True) == ["10", "2017", "summit", "open"]


def test_accents_are_folded_so_both_spellings_count_together():
    assert T.tokenize("Nicolás Raúl Curaçao") == ["nicolas", "raul", "curacao"]
    assert T.tokenize("Nicolás", fold_accents=False) == ["nicolás"]
    counts = Counter(T.terms("Guaidó met Guaido.", phrases=()))
    assert counts["guaido"] == 2


def test_accents_in_decomposed_form_are_folded_too():
    assert T.tokenize("Nicola\u0301s") == ["nicolas"]


def test_case_is_kept_when_asked():
    assert T.tokenize("The Lima Group", lower=False) == ["The", "Lima", "Group"]


# --------------------------------------------------------------------------- stopwords and lemmas

def test_stopwords_and_punctuation_are_removed():
    assert T.terms("The allies of the government, and its critics!", lemmatize=False) == ["allies", "government", "critics"]


def test_project_stopwords_are_optional():
    assert "said" in T.load_stopwords() and "said" not in T.load_stopwords(extra=False)
    text = "Rodriguez said the bloc would act."
    assert T.terms(text, lemmatize=False) == ["rodriguez", "bloc", "act"]
    assert T.terms(text, lemmatize=False, stopwords=T.load_stopwords(extra=False)) == ["rodriguez", "said", "bloc", "act"]


def test_a_word_is_dropped_when_its_lemma_is_a_stopword():
    assert T.terms("She keeps saying it", stopwords={"say", "it"}, phrases=()) == ["she", "keep"]


def test_own_stopwords_replace_the_lists_and_an_empty_list_keeps_everything():
    assert T.terms("the bloc met", stopwords={"bloc"}, lemmatize=False) == ["the", "met"]
    assert T.terms("the bloc met", stopwords=(), lemmatize=False) == ["the", "bloc", "met"]


def test_contractions_with_curly_apostrophes_are_stopwords():
    assert T.terms("They don’t support intervention", lemmatize=False) == ["support", "intervention"]


def test_stopword_list_has_whole_words_not_nltk_fragments():
    stop = T.load_stopwords(extra=False)
    assert {"the", "and", "don't", "can"} <= stop
    assert not {"won", "don", "ll", "ve", "s", "t"} & stop
    assert not any(word.startswith("#") for word in stop)


def test_lemmatising_is_switchable():
    text = "Allies pledged interventions"
    assert T.terms(text) == ["ally", "pledge", "intervention"]
    assert T.terms(text, lemmatize="stem") == ["alli", "pledg", "intervent"]
    assert T.terms(text, lemmatize=False) == ["allies", "pledged", "interventions"]
    with pytest.raises(ValueError):
        T.terms(text, lemmatize="roots")


def test_names_acronyms_and_hyphenated_words_are_never_lemmatised():
    text = "The OAS met in Caracas with opposition-led groups and the media"
    assert T.terms(text, lemmatize="stem") == ["oas", "met", "caracas", "opposition-led", "group", "media"]
    assert T.terms(text) == ["oas", "meet", "caracas", "opposition-led", "group", "media"]


def test_lemma_corrections_file_is_used():
    assert T.lemma("growing") == "grow"
    assert T.lemma("meeting") == "meeting"
    assert T.lemma("allies") == "ally"


# --------------------------------------------------------------------------- multi-word names

def test_known_names_count_as_one_term():
    text = "The Lima Group met Nicolás Maduro's envoy in the United States."
    assert T.terms(text) == ["lima group", "meet", "nicolas maduro", "envoy", "u.s."]  # one term per entity
    assert T.terms(text, phrases=(), lemmatize=False) == ["lima", "group", "met", "nicolas", "maduro", "envoy", "united", "states"]


def test_the_longest_name_wins_and_names_keep_their_stopwords():
    text = "the Bank of the South Atlantic"
    assert T.terms(text, phrases=["South Atlantic", "Bank of the South Atlantic"]) == ["bank of the south atlantic"]
    assert T.terms(text, phrases=["South Atlantic"]) == ["bank", "south atlantic"]


def test_one_term_per_entity_however_it_is_written():
    text = ("The United States, the U.S. and the US; the EU, the E.U. and the European Union; the OAS and the "
            "Organisation of American States; the UN, the U.N. and the United Nations; St. Vincent and the Grenadines; "
            "Main St. in Quito.")
    assert T.terms(text) == ["u.s."] * 3 + ["eu"] * 3 + ["oas"] * 2 + ["u.n."] * 3 + [
        "saint vincent and the grenadines", "main", "st", "quito"]


def test_names_do_not_join_across_punctuation_or_line_breaks():
    assert T.terms("Lima. Group", phrases=["Lima Group"], lemmatize=False) == ["lima", "group"]
    assert T.terms("Lima\nGroup", phrases=["Lima Group"], lemmatize=False) == ["lima", "group"]


def test_phrase_file_holds_the_alliances_and_people():
    phrases = T.load_phrases()
    for name in [("lima", "group"), ("organization", "of", "american", "states"), ("juan", "guaido"),
                 ("united", "states"), ("european", "union"), ("state", "department")]:
        assert name in phrases
    assert all(len(p) > 1 for p in phrases)


def test_segments_break_where_words_are_left_out():
    assert T.term_segments("Opposition leader Juan Guaido, in Caracas, called for talks.", lemmatize=False) == [
        ["opposition", "leader", "juan guaido"], ["caracas"], ["called"], ["talks"]]


# --------------------------------------------------------------------------- corpus tables

def test_document_term_matrix_counts_terms_per_article():
    dtm = T.document_term_matrix(frame("ALBA and ALBA allies.", "The OAS and ALBA."))
    assert dtm.index.tolist() == ["a", "b"]
    assert dtm.columns.tolist() == ["alba", "ally", "oas"]  # by total count, ties alphabetical
    assert dtm.loc["a"].tolist() == [2, 1, 0] and dtm.loc["b"].tolist() == [1, 0, 1]


def test_document_term_matrix_min_df_and_max_terms():
    articles = frame("ALBA allies allies.", "The OAS and ALBA.")
    assert T.document_term_matrix(articles, min_df=2).columns.tolist() == ["alba"]
    assert T.document_term_matrix(articles, max_terms=1).columns.tolist() == ["alba"]


def test_a_missing_clean_text_column_says_what_to_do():
    with pytest.raises(KeyError, match="clean_corpus"):
        T.document_term_matrix(frame("text", column="text"))


def test_word_counts_include_stopwords_and_numbers_but_not_punctuation():
    assert T.word_counts(frame("The U.S. and Venezuela’s allies, in 2019.", "Hi!")).tolist() == [7, 1]


def test_top_terms_and_rates_per_thousand_words():
    dtm = pd.DataFrame({"oas": [3, 1], "alba": [0, 2], "bloc": [1, 0]}, index=pd.Index(["a", "b"], name="article"))
    words = pd.Series({"a": 200, "b": 300})
    top = T.top_terms(dtm, 2, words)
    assert top["term"].tolist() == ["oas", "alba"]
    assert top["count"].tolist() == [4, 2] and top["articles"].tolist() == [2, 1]
    assert top["per_1000"].tolist() == pytest.approx([4 / 500 * 1000, 2 / 500 * 1000])
    rates = T.per_thousand(dtm, words)
    assert rates.loc["a", "oas"] == pytest.approx(15.0) and rates.loc["b", "alba"] == pytest.approx(2 / 300 * 1000)


def test_top_terms_by_outlet_groups_blank_outlets():
    articles = frame("x", "y", "z", outlet=["Wire", "", "Wire"])
    dtm = pd.DataFrame({"oas": [1, 5, 1], "alba": [2, 0, 0]}, index=articles["id"])
    table = T.top_terms_by(articles, dtm, "outlet", n=2, words=pd.Series({"a": 100, "b": 100, "c": 100}))
    assert table[["outlet", "rank", "term", "count"]].values.tolist() == [
        ["(not stated)", 1, "oas", 5], ["Wire", 1, "alba", 2], ["Wire", 2, "oas", 2]]  # ties: A-Z
    assert table["per_1000"].tolist() == pytest.approx([50.0, 10.0, 10.0])


def test_top_terms_per_article():
    articles = frame("x", "y")
    dtm = pd.DataFrame({"oas": [1, 0], "alba": [2, 3]}, index=articles["id"])
    table = T.top_terms_by(articles, dtm, "id", n=1)
    assert table[["id", "term"]].values.tolist() == [["a", "alba"], ["b", "alba"]]


# --------------------------------------------------------------------------- n-grams and collocations

def test_ngrams_are_counted_within_runs_only():
    segments = T.article_segments(frame("Opposition leader Juan Guaido. Opposition leader Maria.",
                                        "Leader of the opposition"), lemmatize=False)
    bigrams = T.ngrams_table(segments, 2)
    assert bigrams.to_dict("records")[0] == {"ngram": "opposition leader", "count": 2, "articles": 1}
    assert "guaido opposition" not in set(bigrams["ngram"])   # not across the full stop
    assert "leader opposition" not in set(bigrams["ngram"])   # not across "of the"
    trigrams = T.ngrams_table(segments, 3)
    assert trigrams.values.tolist() == [["opposition leader juan guaido", 1, 1], ["opposition leader maria", 1, 1]]


def test_trigrams_of_single_words():
    table = T.ngrams_table([[["a", "b", "c", "d"]], [["a", "b", "c"]]], 3)
    assert table.values.tolist() == [["a b c", 2, 2], ["b c d", 1, 1]]


def test_collocation_scores_match_the_formulas():
    runs = [[["lima group", "meet"], ["lima group", "meet"], ["meet", "press"], ["press", "office"]]]
    table = T.collocations(runs, min_freq=1)
    row = table.set_index("collocation").loc["lima group meet"]
    # 8 words: lima group 2, meet 3, press 2, office 1; the pair occurs twice
    assert row["count"] == 2
    assert row["pmi"] == pytest.approx(math.log2(2 * 8 / (2 * 3)))
    assert table["pmi"].is_monotonic_decreasing
    assert table.columns.tolist() == ["collocation", "count", "pmi", "log_likelihood"]


def test_collocations_min_freq_and_sorting_by_likelihood():
    runs = [[["tear", "gas"]] * 3 + [["human", "rights"]] * 2 + [["gas", "price"]]]
    assert T.collocations(runs, min_freq=3)["collocation"].tolist() == ["tear gas"]
    by_likelihood = T.collocations(runs, measure="likelihood", min_freq=1)
    assert by_likelihood["log_likelihood"].is_monotonic_decreasing
    with pytest.raises(ValueError):
        T.collocations(runs, measure="dice")


def test_trigram_collocations():
    runs = [[["foreign", "minister", "rodriguez"]] * 2 + [["minister", "spoke"]]]
    assert T.collocations(runs, n=3, min_freq=2)["collocation"].tolist() == ["foreign minister rodriguez"]


# --------------------------------------------------------------------------- TF-IDF

def hand_dtm() -> pd.DataFrame:
    # article a: "lima lima alba"; b: "alba oas"; c: "alba"
    return pd.DataFrame({"lima": [2, 0, 0], "alba": [1, 1, 1], "oas": [0, 1, 0]},
                        index=pd.Index(["a", "b", "c"], name="article"))


def test_tfidf_on_a_hand_computed_example():
    weights = T.tfidf(hand_dtm())
    # N = 3; df: lima 1, alba 3, oas 1. idf = log10(3/1) = 0.47712, log10(3/3) = 0
    assert weights.loc["a", "lima"] == pytest.approx(2 * 0.4771213, rel=1e-6)
    assert weights.loc["b", "oas"] == pytest.approx(0.4771213, rel=1e-6)
    assert weights["alba"].tolist() == [0, 0, 0]
    assert weights.loc["c"].sum() == 0


def test_relative_tfidf_uses_each_articles_share():
    weights = T.tfidf(hand_dtm(), relative=True)
    assert weights.loc["a", "lima"] == pytest.approx(2 / 3 * 0.4771213, rel=1e-6)
    assert weights.loc["b", "oas"] == pytest.approx(1 / 2 * 0.4771213, rel=1e-6)


def test_distinctive_terms_leave_out_terms_every_article_uses():
    table = T.distinctive_terms(hand_dtm(), n=3)
    assert table[["article", "rank", "term", "count"]].values.tolist() == [["a", 1, "lima", 2], ["b", 1, "oas", 1]]
    assert table["tfidf"].tolist() == pytest.approx([0.9542425, 0.4771213], rel=1e-6)


def test_distinctive_terms_break_ties_by_count_then_alphabet():
    dtm = pd.DataFrame({"zeta": [1, 0], "beta": [1, 0], "gamma": [0, 1]}, index=["a", "b"])
    assert T.distinctive_terms(dtm, 2).query("article == 'a'")["term"].tolist() == ["beta", "zeta"]


# --------------------------------------------------------------------------- keywords in context

def test_kwic_shows_each_occurrence_with_its_context():
    articles = frame("Rubio urged a US intervention. Maduro rejected any intervention at all.",
                     "No one spoke of it.")
    table = T.kwic(articles, "intervention", width=3)
    assert table.columns.tolist() == ["article", "left", "keyword", "right"]
    assert table.values.tolist() == [
        ["a", "urged a US", "intervention", ". Maduro rejected"],
        ["a", "Maduro rejected any", "intervention", "at all."]]


def test_kwic_matches_phrases_possessives_accents_and_case():
    articles = frame("Venezuela’s ally, the LIMA   Group, met Nicolás Maduro.")
    assert T.kwic(articles, "venezuela")["keyword"].tolist() == ["Venezuela’s"]
    assert T.kwic(articles, "Lima Group", width=2).values.tolist() == [["a", ", the", "LIMA Group", ", met"]]
    assert T.kwic(articles, "Nicolas Maduro")["keyword"].tolist() == ["Nicolás Maduro"]
    assert T.kwic(articles, "Nicolás")["keyword"].tolist() == ["Nicolás"]


def test_kwic_wildcards_and_no_match():
    articles = frame("They intervene; interventions and interventionist talk. Interval.")
    assert T.kwic(articles, "interven*")["keyword"].tolist() == ["intervene", "interventions", "interventionist"]
    empty = T.kwic(articles, "dialogue")
    assert empty.empty and empty.columns.tolist() == ["article", "left", "keyword", "right"]


def test_kwic_finds_initialisms_with_full_stops():
    articles = frame("The U.S. said no. At 9 a.m. the U.N. met U.S.-backed envoys.", "The US spoke.")
    for query, found in [("U.S.", ["U.S.", "US"]), ("U.N.", ["U.N."]), ("a.m.", ["a.m."]),
                         ("U.S.-backed", ["U.S.-backed"])]:  # "US" is the same term as "U.S."
        assert T.kwic(articles, query)["keyword"].tolist() == found, query


def test_kwic_skips_texts_without_a_wildcards_letters_but_finds_the_rest():
    articles = frame("Talk of intervention.", "Nothing here.", "Prevention first.")
    assert T.kwic(articles, "interven*")["article"].tolist() == ["a"]
    assert T.kwic(articles, "*vention")["article"].tolist() == ["a", "c"]


def test_kwic_at_the_start_of_a_text():
    assert T.kwic(frame("Dialogue failed."), "dialogue", width=2).values.tolist() == [["a", "", "Dialogue", "failed."]]


# --------------------------------------------------------------------------- dispersion and figures

def test_dispersion_positions_and_offsets():
    articles = frame("The OAS met. The OAS left.", "ALBA and the Organization of American States")
    hits = T.dispersion(articles, {"OAS": ["OAS", "Organization of American States"], "ALBA": ["ALBA"]})
    assert hits.values.tolist() == [["OAS", "a", 1, 1], ["OAS", "a", 4, 4], ["OAS", "b", 3, 9], ["ALBA", "b", 0, 6]]


def test_dispersion_plot_has_one_row_per_term():
    articles = frame("The OAS met. ALBA too.", "The OAS again.")
    hits = T.dispersion(articles, ["OAS", "ALBA", "CELAC"])
    fig = plots.plot_dispersion(hits, T.word_counts(articles), title="t", terms_order=["OAS", "ALBA", "CELAC"])
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    # DP by hand: words a 5, b 3 (shares 5/8, 3/8); OAS once in each (1/2, 1/2): (1/8 + 1/8) / 2
    # = 0.125; ALBA only in a: (3/8 + 3/8) / 2 = 0.375 (printed to two places, halves to even)
    assert labels == ["OAS (2; DP 0.12)", "ALBA (1; DP 0.38)", "CELAC (0)"]
    assert len(fig.axes[0].lines) == 3 and not fig.axes[0].images  # ticks for a few articles


def test_dispersion_plot_of_many_articles_shades_stretches_instead_of_ticks():
    articles = frame(*[("The OAS met. " if i % 2 else "ALBA spoke. ") * 3 for i in range(40)])
    hits = T.dispersion(articles, ["OAS", "ALBA"])
    fig = plots.plot_dispersion(hits, T.word_counts(articles), title="t", terms_order=["OAS", "ALBA"])
    ax = fig.axes[0]
    from matplotlib.collections import QuadMesh

    strips = [c for c in ax.collections if isinstance(c, QuadMesh)]
    assert len(strips) == 2 and not [line for line in ax.lines if len(line.get_xdata())]
    strip = strips[0].get_array()
    assert strip.shape[0] == 1 and strip.max() > 0 and (strip == 0).any()  # OAS only in every other article
    assert "darker" in ax.get_xlabel() and "40 articles" in ax.get_xlabel()


def test_gries_dp_against_hand_arithmetic():
    # five articles of 10 words each (shares 0.2); a term occurring 1, 2, 3, 4 and 5 times:
    # proportions 1/15 ... 5/15, DP = (2/15 + 1/15 + 0 + 1/15 + 2/15) / 2 = 0.2
    words = pd.Series(10, index=list("abcde"))
    hits = pd.DataFrame({"term": "X", "article": [a for a, n in zip("abcde", range(1, 6)) for _ in range(n)]})
    assert T.dispersion_dp(hits, words)["X"] == pytest.approx(0.2)
    # all in one article of five equal ones: 0.5 * (0.8 + 4 * 0.2) = 0.8 (the maximum, 1 - 0.2)
    assert T.dispersion_dp(pd.DataFrame({"term": ["Y"] * 3, "article": ["c"] * 3}), words)["Y"] == pytest.approx(0.8)


def test_heatmap_and_top_terms_figures_label_every_row():
    table = pd.DataFrame({"a": [1.0, 0.0], "b": [2.5, 3.0]}, index=["oas", "alba"])
    fig = plots.plot_heatmap(table, title="t", value_label="per 1,000 words")
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["oas", "alba"]
    assert sorted(t.get_text() for t in fig.axes[0].texts) == ["0.0", "1.0", "2.5", "3.0"]
    top = pd.DataFrame({"term": ["oas", "bloc"], "count": [5, 3], "per_1000": [2.0, 1.0]})
    fig = plots.plot_top_terms(top, title="t", groups=T.term_groups({"OAS": ["OAS"]}))
    assert fig.axes[0].get_legend().get_texts()[0].get_text() == "OAS"


# --------------------------------------------------------------------------- offline

def test_nothing_needs_downloaded_nltk_data(tmp_path, monkeypatch):
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    monkeypatch.setattr(nltk, "download", lambda *a, **k: pytest.fail("nltk.download was called"))
    T._cached_rules.cache_clear()
    articles = frame("Venezuela’s allies met the Lima Group. The allies met again.", "The OAS met.")
    segments = T.article_segments(articles, lemmatize="stem")
    assert T.collocations(segments, min_freq=1)["collocation"].tolist()
    assert T.terms("Allies pledged support") == ["ally", "pledge", "support"]
    assert not T.kwic(articles, "lima group").empty


def test_phrase_merger_merges_exactly_as_nltk_does():
    """The faster merger gives NLTK's MWETokenizer's result on random token lists full of
    phrase words: overlapping phrases, phrases inside longer ones, unfinished phrases, ends."""
    import random

    from nltk.tokenize import MWETokenizer

    phrases = [("lima", "group"), ("lima", "group", "summit"), ("united", "states"), ("united", "nations"),
               ("the", "united", "states", "of", "america"), ("of", "america"), ("group",), ("a", "b", "c", "d")]
    ours, nltk_merger = T.PhraseMerger(phrases, separator=" "), MWETokenizer(phrases, separator=" ")
    words = sorted({w for p in phrases for w in p}) + ["in", "met", "x"]
    rng = random.Random(7)
    for _ in range(3000):
        tokens = [rng.choice(words) for _ in range(rng.randint(0, 14))]
        assert ours.tokenize(tokens) == nltk_merger.tokenize(tokens), tokens
    assert ours.tokenize([]) == [] and ours.tokenize(["x"]) == ["x"]


@pytest.mark.parametrize("text", [
    "Lima Group Meets\nThe Lima Group met in Lima.\n\nThe United\nStates agreed",
    "Nicolás Maduro’s allies\n\n\nU.S. and US critics: 1,000 anti-government protesters\n",
    "a\x00b\nc", "\n", "",
])
def test_runs_end_at_line_breaks_as_if_each_line_were_read_alone(text):
    by_line = [run for line in text.split("\n") for run in T.term_segments(line)]
    assert T.term_segments(text) == by_line


def test_dispersion_with_known_lengths_skips_texts_without_targets_and_gives_the_same_offsets():
    articles = frame("Nothing here at all.", "The OAS met. The OAS left.", "Also nothing.", "ALBA and the OAS")
    targets = {"OAS": ["OAS", "Organization of American States"], "ALBA": ["ALBA"]}
    plain = T.dispersion(articles, targets)
    assert T.dispersion(articles, targets, lengths=T.word_counts(articles)).equals(plain)
    assert plain["offset"].tolist() == [5, 8, 15, 12]  # 4 words, then 6, then 2 before the last article


@pytest.mark.parametrize("text, expected", [
    # addresses are one token each and never terms (they gave "https", "www", "com", "oas")
    ("See https://www.oas.org/en/news. Mail press@oas.org or @OAS_official now.", ["see", "mail"]),
    ("Visit www.oas.org, then (https://example.org/a?b=1).", ["visit"]),
    # "US" in capitals is the country, but not in dollars or among other capitals
    ("US$500 for the US envoy", ["u.s.", "envoy"]),
    ("Protesters held a sign: HELP US NOW", ["protester", "hold", "sign", "help"]),
    # a non-breaking hyphen makes no second word
    ("pro\u2011government and pro-government rallies", ["pro-government", "pro-government", "rally"]),
    # "let's" is not the verb "let" with a possessive
    ("Let's talk about the talks", ["talk", "talks"]),  # no "let"
])
def test_addresses_us_hyphens_and_lets_count_as_they_should(text, expected):
    assert T.terms(text) == expected


def test_kwic_table_names_articles_and_sorts_like_a_concordancer():
    articles = frame("Talk of a foreign intervention today.", "They rejected any intervention there.",
                     "Zealous intervention, again.", outlet=["B", "A", "C"],
                     date=pd.to_datetime(["2019-01-01", "2017-01-01", None]), title=["t1", "t2", "t3"])
    assert T.kwic_table(articles, "intervention")["article"].tolist() == ["a", "b", "c"]  # reading order
    left = T.kwic_table(articles, "intervention", width=2, sort="left")
    assert left["left"].tolist() == ["rejected any", "a foreign", "Zealous"]  # by the word before: any, foreign, zealous
    right = T.kwic_table(articles, "intervention", width=1, sort="right")
    assert right["right"].tolist() == [",", "there", "today"]
    assert T.kwic_table(articles, "intervention", sort="date")["outlet"].tolist() == ["A", "B", "C"]  # undated last
    assert T.kwic_table(articles, "intervention").columns.tolist() == [
        "article", "outlet", "date", "title", "left", "keyword", "right"]
    with pytest.raises(ValueError, match="sort='middle'"):
        T.kwic_table(articles, "intervention", sort="middle")


def test_nltk_loads_without_scipy_stats_which_still_imports_afterwards():
    import subprocess
    import sys

    code = ("import sys; from helpers import terms; loaded = 'scipy.stats' in sys.modules; "
            "from nltk.metrics import BigramAssocMeasures as B; "
            "assert B.likelihood_ratio(2, (3, 4), 100) > 0; "
            "import scipy.stats; print(loaded, scipy.stats.fisher_exact([[1, 2], [3, 4]])[1] > 0)")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.split() == ["False", "True"]


def test_counts_equal_the_counted_runs_on_awkward_text():
    """term_counts counts distinct tokens first; the counts and the order of ties must be those of
    counting the runs of term_segments, whatever the text holds."""
    from collections import Counter

    from helpers.terms import _counts_of, term_segments

    texts = ["The Lima Group met. The lima group's envoy met Lima's mayor; meets, meeting, met.",
             "U.S.'s allies and the US-backed plan: 1,000 rose, 3.5% fell.\nLima\nGroup met.",
             "Write to press@example.org or @handle, see https://example.org/a's-page and www.x.org.",
             "Let's go, outlet's staff said; it's Venezuela’s (ALBA)'s x's_y 1990's rock'n's.",
             "", "\n\n", "ALBA ALBA OAS OAS CELAC"]
    for text in texts:
        for options in ({}, {"lemmatize": False}, {"numbers": True}):
            expected = dict(Counter(t for run in term_segments(text, **options) for t in run).most_common())
            got = _counts_of(text, options)
            assert got == expected and list(got) == list(expected), (text, options)


def test_the_tokenizer_without_unused_alternatives_finds_what_the_whole_pattern_finds():
    from helpers.terms import _TOKENIZER

    for text in ["plain words, U.S.-backed 1,000", "mail me: a.b@c.org now", "@handle only", "see www.x.org/a",
                 "https://x.org and a@b.co and @h", "www. and :// alone"]:
        assert _TOKENIZER.tokenize(text) == _TOKENIZER._regexp.findall(text), text
