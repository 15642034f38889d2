"""Who held which office when, and what that does for speakers the actor table lacks."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers import compare
from helpers.actors import load_actors, load_alliances, unknown_actors, unresolved_share
from helpers.corpus import CorpusError
from helpers.offices import OfficeIndex, load_offices

HEADER = "person,office,of,start,end,source,note\n"


def test_an_office_holder_is_found_by_name_on_the_date_and_a_disputed_claim_acts_for_no_government():
    index = OfficeIndex(load_offices())
    assert index.acting_for("Yván Gil", "2024-03-01").of == "Venezuela"
    assert index.acting_for("Yvan Gil", "2024-03-01").office == "foreign minister"  # accents folded
    assert index.acting_for("Yván Gil", "2015-03-01") is None
    assert index.acting_for("Juan Guaidó", "2020-01-01") is None
    assert index.acting_for("Maduro", "2004-06-01").of == "Honduras"  # Ricardo Maduro, not Nicolás


def test_a_corpus_table_is_checked_row_by_row(tmp_path):
    (tmp_path / "offices.csv").write_text(HEADER + "Ana Ruiz,foreign minister,Borduria,2010-01-01,2012-01-01,s,\n",
                                          encoding="utf-8")
    assert OfficeIndex(load_offices(tmp_path)).acting_for("Ana Ruiz", "2011-05-01").of == "Borduria"
    (tmp_path / "offices.csv").write_text(HEADER + "Ana Ruiz,foreign minister,Borduria,2012-01-01,2010-01-01,s,\n",
                                          encoding="utf-8")
    with pytest.raises(CorpusError, match="line 2: the spell ends before it starts"):
        load_offices(tmp_path)
    (tmp_path / "offices.csv").write_text(HEADER + "Ana Ruiz,foreign minister,Borduria,May 2010,,s,\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="start 'May 2010' is not a date"):
        load_offices(tmp_path)


def test_a_speaker_in_office_that_day_stands_for_the_country_and_leaves_the_unknown_list():
    quotes = pd.DataFrame({"article": ["new", "old"], "speaker": ["Yván Gil", "Yván Gil"],
                           "speaker_type": ["person", "person"], "speaker_role": ["", ""], "kind": ["full", "full"],
                           "quote": ["We will not accept it.", "We will not accept it either."]})
    dates = {"new": pd.Timestamp("2024-03-01"), "old": pd.Timestamp("2015-03-01")}
    camps = {"ALBA camp": ["ALBA"], "Lima Group camp": ["Lima Group"]}
    actors, alliances, offices = load_actors(), load_alliances(), load_offices()
    table = compare.quotes_by_camp(quotes, actors, alliances, dates, camps, offices=offices).set_index("article")
    assert "ALBA" in table.loc["new", "groups"] and table.loc["new", "camp"] == "ALBA camp"
    assert table.loc["old", "groups"] == ()  # not yet in office
    without = compare.quotes_by_camp(quotes, actors, alliances, dates, camps)
    assert all(groups == () for groups in without["groups"])
    assert unresolved_share(quotes, actors, offices=offices) < unresolved_share(quotes, actors)
    assert unknown_actors(quotes, actors, offices=offices).empty and not unknown_actors(quotes, actors).empty


def test_an_office_described_without_a_name_is_its_holder_on_the_articles_date(tmp_path):
    (tmp_path / "offices.csv").write_text(
        HEADER + "Ana Ruiz,president,Ecuador,2010-01-01,2012-12-31,s,\nLuis Vera,president,Ecuador,2013-01-01,,s,\n"
                 "Eva Sol,secretary-general,OAS,2010-01-01,,s,\n", encoding="utf-8")
    index, actors = OfficeIndex(load_offices(tmp_path)), load_actors()
    from helpers.offices import role_holder
    assert role_holder("Ecuador's president", "2011-05-01", index, actors).person == "Ana Ruiz"
    assert role_holder("the president of Ecuador", "2014-05-01", index, actors).person == "Luis Vera"
    assert role_holder("Ecuadorian President", "2014-05-01", index, actors).person == "Luis Vera"
    assert role_holder("the OAS Secretary General", "2014-05-01", index, actors).person == "Eva Sol"
    for other in ["former Ecuadorian president", "vice president of Ecuador", "Ecuador's president-elect",
                  "Ecuadorian President Jane Doe", "Ecuador", "Ecuador's foreign minister"]:
        assert role_holder(other, "2014-05-01", index, actors) is None, other
    assert role_holder("Ecuador's president", "2009-05-01", index, actors) is None  # nobody in the table then
    assert role_holder("Ecuador's president", None, index, actors) is None

    quotes = pd.DataFrame({"article": ["a", "b", "c"], "speaker": ["Ecuador's president"] * 2 + ["Ecuadorian President Jane Doe"],
                           "kind": ["full"] * 3, "quote": ["We stay.", "We leave.", "We wait."]})
    dates = {"a": pd.Timestamp("2011-05-01"), "b": pd.Timestamp("2014-05-01"), "c": pd.Timestamp("2014-05-01")}
    camps = {"ALBA camp": ["ALBA"], "Lima Group camp": ["Lima Group"]}
    table = compare.quotes_by_camp(quotes, actors, load_alliances(), dates, camps, offices=load_offices(tmp_path))
    assert table["actor"].tolist() == ["Ana Ruiz", "Luis Vera", "Ecuador"]  # a named person is left to the name
    assert set(table["country"]) == {"Ecuador"}
    without = compare.quotes_by_camp(quotes, actors, load_alliances(), dates, camps)
    assert without["actor"].tolist() == ["Ecuador"] * 3 and without["groups"].tolist() == table["groups"].tolist()
