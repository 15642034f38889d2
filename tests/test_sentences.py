"""Sentence splitting: news abbreviations, initials, quotation marks and line breaks."""
from __future__ import annotations

import pytest

from helpers.sentences import abbreviations, sentence_spans, split_sentences


@pytest.mark.parametrize("text, expected", [
    # U.S. inside a sentence, before a name or noun
    ("The U.S. Treasury imposed sanctions. Caracas protested.",
     ["The U.S. Treasury imposed sanctions.", "Caracas protested."]),
    ("Officials in the U.S. said little. Cuba did not.",
     ["Officials in the U.S. said little.", "Cuba did not."]),
    # months
    ("Maduro arrived on Jan. 27, 2014. Castro met him.",
     ["Maduro arrived on Jan. 27, 2014.", "Castro met him."]),
    ("The vote was held on Sept. 3. It was boycotted.",
     ["The vote was held on Sept. 3.", "It was boycotted."]),
    ("Talks resumed Feb. 4 in Oslo. Norway hosted them.",
     ["Talks resumed Feb. 4 in Oslo.", "Norway hosted them."]),
    # Saint
    ("St. Vincent and the Grenadines joined ALBA. Grenada followed.",
     ["St. Vincent and the Grenadines joined ALBA.", "Grenada followed."]),
    # military ranks and titles
    ("Gen. Vladimir Padrino pledged loyalty. Troops cheered.",
     ["Gen. Vladimir Padrino pledged loyalty.", "Troops cheered."]),
    ("Mr. Guaido and Mrs. Rosales spoke to Dr. Lopez. Sen. Rubio agreed.",
     ["Mr. Guaido and Mrs. Rosales spoke to Dr. Lopez.", "Sen. Rubio agreed."]),
    ("Lt. Col. Ruiz was detained. Gov. Smith objected.",
     ["Lt. Col. Ruiz was detained.", "Gov. Smith objected."]),
    # No. before a number, but "no." as a word still ends a sentence
    ("He is the No. 2 official in Caracas. He denied it.",
     ["He is the No. 2 official in Caracas.", "He denied it."]),
    ("Asked about talks, they said no. Maduro left.",
     ["Asked about talks, they said no.", "Maduro left."]),
    # initials
    ("John F. Kennedy founded the Alliance for Progress. It failed.",
     ["John F. Kennedy founded the Alliance for Progress.", "It failed."]),
    ("J. R. R. Tolkien is not quoted here. Nobody is.",
     ["J. R. R. Tolkien is not quoted here.", "Nobody is."]),
    # companies
    ("Rosneft Trading Corp. and Acme Inc. traded oil. Prices fell.",
     ["Rosneft Trading Corp. and Acme Inc. traded oil.", "Prices fell."]),
])
def test_news_abbreviations_do_not_end_sentences(text, expected):
    assert split_sentences(text) == expected


def test_ambiguous_abbreviation_before_a_sentence_starter_ends_the_sentence():
    # "U.S. The" is read as two sentences (the documented choice).
    text = "Maduro said he would never send troops to the U.S. The next day he met Lavrov."
    assert split_sentences(text) == ["Maduro said he would never send troops to the U.S.",
                                     "The next day he met Lavrov."]


def test_closing_quotation_marks_stay_with_their_sentence():
    text = ('“We must be more united.” Martinez left. He said, "We reject it." '
            "Was it “a coup?” Nobody knew. “Enough!” she said.")
    assert split_sentences(text) == [
        "“We must be more united.”", "Martinez left.", 'He said, "We reject it."',
        "Was it “a coup?”", "Nobody knew.", "“Enough!” she said.",
    ]


def test_question_in_quotes_followed_by_lower_case_is_one_sentence():
    text = "“Arriving in El Salvador with the strength of the country!” said Rodriguez on Twitter."
    assert split_sentences(text) == [text]


def test_sentences_never_cross_line_breaks():
    text = "A caption without a full stop\nThe body starts here. It goes on\n\nNew paragraph."
    assert split_sentences(text) == ["A caption without a full stop", "The body starts here.",
                                     "It goes on", "New paragraph."]


def test_spans_are_offsets_into_the_text_without_surrounding_space():
    text = "  First one.   Second one.  \n\n  Third.\n"
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one.", "Third."]
    assert spans[0][0] == 2


def test_empty_text_has_no_sentences():
    assert split_sentences("") == [] and split_sentences("\n \n") == []


def test_abbreviation_file_is_read():
    always, before_number = abbreviations()
    for needed in ["u.s", "jan", "st", "gen", "mr", "mrs", "dr", "gov", "sen", "rep", "lt", "col",
                   "sgt", "corp", "inc", "co", "jr", "vs", "etc"]:
        assert needed in always, needed
    assert "no" in before_number and "no" not in always
