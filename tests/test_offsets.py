"""One coordinate system: quotes, mentions and sentences of a corpus all point into clean_text,
and each quote also into its file (file_start, file_end)."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers import actors, clean, compare, quotes, sentences
from helpers.corpus import load_corpus
from conftest import SEED_CORPUS

ODD = ("Talks in Geneva\n\n"
       "GENEVA (Reuters) - The\u00a0envoy  met Ana\u00a0Diaz on Monday.\n"
       "\u201cWe will  talk to everyone,\u201d said Jose\u0301 Rami\u0301rez, the U.N. envoy.\n\n"
       "Advertisement\n\n"
       "\u201cNo\u00a0one is left out,\u201d he added.")


@pytest.fixture(scope="module")
def cleaned():
    seeds = load_corpus(SEED_CORPUS)
    odd = pd.DataFrame({"id": ["odd"], "title": ["Talks in Geneva"], "text": [ODD], "date": [pd.Timestamp("2019-05-01")]})
    articles = pd.concat([seeds[["id", "title", "text", "date"]], odd], ignore_index=True)
    return clean.clean_corpus(articles)


def test_quotes_point_into_the_clean_text_and_into_the_file(cleaned):
    found = quotes.quotes_for_corpus(cleaned)
    texts = cleaned.set_index("id")
    assert len(found) > 25 and (found["article"] == "odd").sum() == 2
    for row in found.itertuples():
        assert texts.loc[row.article, "text"][row.file_start:row.file_end] == row.quote
        in_clean = texts.loc[row.article, "clean_text"][row.start:row.end]
        if "\n\n" not in in_clean:  # a quotation that runs over paragraphs is joined by a space
            assert in_clean == clean.normalise_line(row.quote)


def test_sentence_spans_are_the_clean_texts_sentences(cleaned):
    for text, spans in zip(cleaned["clean_text"], cleaned["sentence_spans"]):
        assert spans == sentences.sentence_spans(text)
    assert cleaned["sentences"].tolist() == cleaned["sentence_spans"].map(len).tolist()


def test_quotes_mentions_and_sentences_join_by_offset(cleaned):
    found = quotes.quotes_for_corpus(cleaned)
    mentioned = actors.mentions_for_corpus(cleaned, actors.load_actors(), actors.load_alliances())
    rows = compare.sentence_table(cleaned, mentioned)
    by_article = {a: list(zip(g["start"], g["end"])) for a, g in rows.groupby("article")}
    for table in (found, mentioned):
        for row in table.itertuples():
            assert any(start <= row.start < end for start, end in by_article[row.article]), row
    odd = rows[rows["article"] == "odd"]
    assert any("Ana Diaz" in text for text in odd["text"])


def test_the_sentence_table_is_the_same_split_once_or_twice(cleaned):
    mentioned = actors.mentions_for_corpus(cleaned, actors.load_actors(), actors.load_alliances())
    pd.testing.assert_frame_equal(compare.sentence_table(cleaned, mentioned),
                                  compare.sentence_table(cleaned, mentioned, sentences.sentence_spans))


def test_offset_map_round_trip_and_normalised_paragraphs():
    result = clean.clean_article(ODD, title="Talks in Geneva")
    offsets = clean.OffsetMap(ODD, result.kept_spans, result.text)
    envoy = ODD.index("envoy  met")
    assert result.text[offsets.to_clean(envoy):offsets.to_clean(envoy + 10)] == "envoy met"
    ramirez = ODD.index("Rami\u0301rez")
    assert result.text[offsets.to_clean(ramirez):offsets.to_clean(ramirez + 8)] == "Ram\u00edrez"
    added = ODD.index("he added")
    assert offsets.to_file(offsets.to_clean(added)) == added
    assert offsets.to_clean(0) == 0  # the headline (removed) goes to the start of the first paragraph
