"""Tables shown in the notebooks: whole text wrapped, numbers rounded, every value escaped."""
from __future__ import annotations

import pandas as pd

from helpers.clean import line_by_line, style_line_by_line
from helpers.tables import show_table
from helpers.terms import kwic, style_kwic


def test_long_text_is_wrapped_whole_not_cut():
    quote = "We will not allow it, " * 20 + "the minister said at the end."
    page = show_table(pd.DataFrame({"quote": [quote]})).to_html()
    assert quote.strip() in page and "…" not in page and "white-space: normal" in page


def test_a_named_index_is_shown_and_a_plain_one_hidden():
    named = show_table(pd.DataFrame({"n": [1]}, index=pd.Index(["ALBA"], name="group"))).to_html()
    plain = show_table(pd.DataFrame({"n": [1]})).to_html()
    assert ">ALBA<" in named and ">group<" in named
    assert ">0<" not in plain


def test_missing_numbers_are_blank_and_whole_floats_lose_their_decimals():
    page = show_table(pd.DataFrame({"words": [1200.0, None], "share": [0.5, 0.25]})).to_html()
    assert "1,200<" in page and "nan" not in page.lower() and "0.50" in page


def test_every_row_when_asked_and_a_count_when_cut():
    frame = pd.DataFrame({"n": range(50)})
    assert show_table(frame, rows=None).to_html().count("<tr") == 51
    assert "First 20 of 50 rows" in show_table(frame).to_html()


def test_line_by_line_shows_each_line_once():
    raw = "Advertisement\nHAVANA (Reuters) - Cuba sent doctors to the region.\nThey arrived on Monday."
    page = style_line_by_line(line_by_line(raw)).to_html()
    assert page.count("They arrived on Monday.") == 1
    assert page.count("Cuba sent doctors to the region.") == 1
    assert "removed (advertisement)" in page


def test_article_text_never_becomes_markup():
    articles = pd.DataFrame({"id": ["a"], "clean_text": ['The <script>alert(1)</script> intervention was "illegal", he said.']})
    page = style_kwic(kwic(articles, "intervention")).to_html()
    assert "</script>" not in page and "&lt;/script&gt;" in page
    page = style_line_by_line(line_by_line("<img src=x onerror=alert(1)> Cuba sent doctors to help.")).to_html()
    assert "<img" not in page and "&lt;img" in page


def test_lists_index_names_and_missing_integers_are_shown_safely():
    frame = pd.DataFrame({"groups": [("<b>ALBA</b>", "Cuba")], "n": pd.array([None], dtype="Int64")},
                         index=pd.Index(["a"], name="<em>article</em>"))
    page = show_table(frame).to_html()
    assert "<b>ALBA" not in page and "&lt;b&gt;ALBA" in page
    assert "<em>article" not in page and "&lt;em&gt;article" in page
    assert "<NA>" not in page
