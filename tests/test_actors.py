"""Actors and alliances: membership at a date, names, aliases and demonyms found in text."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers.actors import (actor_for_name, article_dates, find_mentions, groups_for, load_actors,
                            load_alliances, membership, members, mentions_for_corpus, resolve_groups)
from helpers.corpus import CorpusError

ACTORS_HEADER = "name,type,country,body,role,aliases,demonyms,short_forms,note\n"
ALLIANCES_HEADER = "alliance,member,joined,left,source,note\n"


@pytest.fixture
def spells(tmp_path):
    """A small invented membership table with a leaver, a rejoiner and an outside power."""
    path = tmp_path / "alliances.csv"
    path.write_text(ALLIANCES_HEADER
                    + "Bloc,Aland,2004-12-14,,declaration,\n"
                    + "Bloc,Borduria,2009-06-24,2018-08-23,,left\n"
                    + "Bloc,Carpania,2006-04-29,2019-11-15,,\n"
                    + "Bloc,Carpania,2020-11-20,,,came back\n"
                    + "Forum,Borduria,2017-08-08,,,\n"
                    + "Power,Power,,,,group of one\n", encoding="utf-8")
    return load_alliances(path)


@pytest.fixture
def cast(tmp_path):
    """Invented actors: two countries, a bloc, two people sharing a surname, an official."""
    path = tmp_path / "actors.csv"
    path.write_text(ACTORS_HEADER
                    + "Venezuela,country,Venezuela,,,Caracas,Venezuelan; Venezuelans,,\n"
                    + "Chile,country,Chile,,,,Chilean; Chileans,,\n"
                    + "Peru,country,Peru,,,Lima,Peruvian,,\n"
                    + "United States,country,United States,,,U.S.; US; Washington,American; Americans,,\n"
                    + "OAS,organisation,,OAS,,Organization of American States; OAS,,,\n"
                    + "Lima Group,organisation,,Lima Group,,Grupo de Lima,,,\n"
                    + "Delcy Rodriguez,person,Venezuela,,foreign minister,Delcy Rodríguez,,Rodríguez; Rodriguez,\n"
                    + "Bruno Rodriguez,person,Cuba,,foreign minister,Bruno Rodríguez,,Rodríguez; Rodriguez,\n"
                    + "Luis Almagro,person,,OAS,secretary general,,,Almagro,\n"
                    + "Juan Guaido,person,Venezuela,,opposition leader,Juan Guaidó,,Guaidó; Guaido,\n",
                    encoding="utf-8")
    return load_actors(path)


# ---------------------------------------------------------------- membership at dates

@pytest.mark.parametrize("country, date, expected", [
    ("Aland", "2004-12-13", []),                  # the day before the founding
    ("Aland", "2004-12-14", ["Bloc"]),            # joined counts from its own day
    ("Borduria", "2017-08-07", ["Bloc"]),
    ("Borduria", "2018-08-22", ["Bloc", "Forum"]),
    ("Borduria", "2018-08-23", ["Forum"]),        # left on that day
    ("Carpania", "2019-11-14", ["Bloc"]),
    ("Carpania", "2020-06-01", []),               # between leaving and rejoining
    ("Carpania", "2021-01-01", ["Bloc"]),
    ("Power", "1900-01-01", ["Power"]),           # blank joined: always
    ("Nowhere", "2019-01-01", []),
])
def test_membership_at_dates(spells, country, date, expected):
    assert membership(country, date, spells) == expected


def test_membership_accepts_timestamps_and_undated_means_current(spells):
    assert membership("Borduria", pd.Timestamp("2010-01-01"), spells) == ["Bloc"]
    assert membership("Borduria", None, spells) == ["Forum"]
    assert membership("Carpania", pd.NaT, spells) == ["Bloc"]


def test_members_of_a_group_at_a_date(spells):
    assert members("Bloc", "2019-12-01", spells) == ["Aland"]
    assert members("Bloc", "2010-01-01", spells) == ["Aland", "Borduria", "Carpania"]


def test_bad_membership_dates_are_reported_with_their_line(tmp_path):
    path = tmp_path / "alliances.csv"
    path.write_text(ALLIANCES_HEADER + "Bloc,Aland,2004-12-14,,,\nBloc,Borduria,14/12/2004,,,\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="line 3.*YYYY-MM-DD"):
        load_alliances(path)
    path.write_text(ALLIANCES_HEADER + "Bloc,Aland,2010-01-01,2009-01-01,,\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="not after joined"):
        load_alliances(path)


def test_the_project_tables_hold_the_key_facts():
    spells = load_alliances()
    assert membership("Ecuador", "2018-08-22", spells)[:1] == ["ALBA"]
    assert "ALBA" not in membership("Ecuador", "2018-09-01", spells)
    assert "ALBA" not in membership("Bolivia", "2020-01-01", spells)
    assert "ALBA" in membership("Bolivia", "2021-01-01", spells)
    assert "Lima Group" not in membership("Peru", "2017-08-07", spells)
    assert "Lima Group" in membership("Peru", "2017-08-08", spells)
    assert "OAS" in membership("Venezuela", "2019-04-26", spells)
    assert "OAS" not in membership("Venezuela", "2019-04-27", spells)
    assert len(members("CELAC", "2012-01-01", spells)) == 33
    assert "Brazil" not in members("CELAC", "2021-01-01", spells)
    assert spells["source"].str.strip().ne("").all()
    names = set(load_actors()["name"])
    assert {"Nicolas Maduro", "Luis Almagro", "Lima Group", "Turkey", "Saint Lucia"} <= names


# ---------------------------------------------------------------- finding names

def actors_in(text, cast):
    return find_mentions(text, cast)["actor"].tolist()


def test_demonyms_map_to_their_country_and_names_need_word_edges(cast):
    found = find_mentions("Chilean officials and Venezuelans met a Peruvian envoy.", cast)
    assert found["actor"].tolist() == ["Chile", "Venezuela", "Peru"]
    assert found["matched_as"].tolist() == ["demonym", "demonym", "demonym"]
    assert actors_in("A perusal of Chileans' views; Peruse it.", cast) == ["Chile"]
    assert actors_in("Venezuela's allies", cast) == ["Venezuela"]


def test_offsets_point_into_the_original_text_even_with_accents(cast):
    text = "Then Delcy Rodríguez spoke in Caracas."
    found = find_mentions(text, cast)
    for start, end, surface in zip(found["start"], found["end"], found["surface"]):
        assert text[start:end] == surface
    assert found["surface"].tolist() == ["Delcy Rodríguez", "Caracas"]


def test_matching_ignores_accents_both_ways(cast):
    assert actors_in("Juan Guaido and Juan Guaidó", cast) == ["Juan Guaido", "Juan Guaido"]


def test_acronyms_are_case_sensitive(cast):
    assert actors_in("The OAS told us that the US would act.", cast) == ["OAS", "United States"]
    assert actors_in("oas and us", cast) == []
    assert actors_in("THE U.S. AND VENEZUELA", cast) == ["United States", "Venezuela"]


def test_longer_names_win_and_blocked_phrases_hide_names(cast):
    assert actors_in("The Lima Group met in Lima.", cast) == ["Lima Group", "Peru"]
    assert actors_in("the Organization of American States", cast) == ["OAS"]
    assert actors_in("Latin American leaders and a Washington-based body", cast) == []
    assert actors_in("American leaders in Washington", cast) == ["United States", "United States"]


def test_a_shared_surname_goes_to_the_nearest_full_name(cast):
    text = "Bruno Rodriguez spoke. Rodriguez smiled. Later Delcy Rodríguez replied; Rodriguez was firm."
    assert actors_in(text, cast) == ["Bruno Rodriguez", "Bruno Rodriguez", "Delcy Rodriguez", "Delcy Rodriguez"]


def test_a_surname_alone_needs_the_full_name_somewhere_in_the_text(cast):
    assert actors_in("Almagro spoke.", cast) == []
    assert actors_in("Almagro spoke, said Luis Almagro.", cast) == ["Luis Almagro", "Luis Almagro"]


def test_speakers_resolve_to_actors(cast):
    assert actor_for_name("Lima Group statement", cast) == "Lima Group"
    assert actor_for_name("Almagro", cast) == "Luis Almagro"     # one owner of the surname
    assert actor_for_name("Rodriguez", cast) is None             # two owners: ambiguous
    assert actor_for_name("an unnamed diplomat", cast) is None


# ---------------------------------------------------------------- resolving to groups

def test_people_resolve_through_their_country_or_their_body(spells):
    assert groups_for("Borduria", "", "minister", "2018-01-01", spells) == ["Bloc", "Forum"]
    assert groups_for("", "OAS", "secretary general", "2018-01-01", spells) == ["OAS"]
    assert groups_for("Borduria", "", "opposition leader", "2018-01-01", spells) == []
    assert groups_for("Borduria", "", "opposition leader", "2018-01-01", spells, include_opposition=True) == ["Bloc", "Forum"]


def test_mentions_in_a_corpus_use_each_articles_date(tmp_path):
    spells_path = tmp_path / "alliances.csv"
    spells_path.write_text(ALLIANCES_HEADER + "Bloc,Borduria,2009-06-24,2018-08-23,,\n", encoding="utf-8")
    actors_path = tmp_path / "actors.csv"
    actors_path.write_text(ACTORS_HEADER + "Borduria,country,Borduria,,,,Bordurian,,\n", encoding="utf-8")
    articles = pd.DataFrame({"id": ["old", "new", "undated"], "date": pd.to_datetime(["2017-01-01", "2019-01-01", None]),
                             "clean_text": ["A Bordurian envoy.", "Borduria spoke.", "Borduria again."]})
    found = mentions_for_corpus(articles, load_actors(actors_path), load_alliances(spells_path),
                                assumed_dates={"undated": "2010-05-05"})
    assert found["groups"].tolist() == [("Bloc",), (), ("Bloc",)]
    assert article_dates(articles)["date_source"].tolist() == ["metadata", "metadata", "none"]


def test_resolve_groups_keeps_the_mentions(cast, spells):
    found = resolve_groups(find_mentions("Luis Almagro and Juan Guaido", cast), "2019-01-01", spells)
    assert found["groups"].tolist() == [("OAS",), ()]
    assert len(found) == 2


def test_editing_the_actors_table_in_place_is_noticed():
    actors = load_actors()
    assert find_mentions("The Bolivarian bloc met.", actors).empty
    row = actors.index[actors["name"] == "ALBA"][0]
    actors.at[row, "aliases"] = tuple(actors.at[row, "aliases"]) + ("Bolivarian bloc",)
    assert find_mentions("The Bolivarian bloc met.", actors)["actor"].tolist() == ["ALBA"]


def test_unknown_speakers_are_listed_with_a_row_that_makes_them_known(tmp_path):
    import pandas as pd
    from helpers import actors as act
    quotes = pd.DataFrame({
        "article": ["a", "b", "b", "c", "c"],
        "speaker": ["Manuel Zelaya", "Zelaya", "Nicolas Maduro", "officials", "Penny Wong"],
        "speaker_type": ["person"] * 5, "speaker_role": ["President", "", "", "", "Foreign Minister"],
        "kind": ["full", "full", "full", "full", "term"],
        "quote": ["We will return to Honduras.", "Never.", "We stay.", "No comment.", "a so-called term"]})
    table = act.load_actors()
    unknown = act.unknown_actors(quotes, table)
    assert unknown["name"].tolist() == ["Manuel Zelaya"]  # Maduro is known; described sources and terms are not listed
    assert unknown.loc[0, ["quotes", "articles", "role"]].tolist() == [2, 2, "President"]
    csv = (act.DATA_DIR / "actors.csv").read_text(encoding="utf-8").rstrip("\n") + "\n" + unknown.loc[0, "row"] + "\n"
    (tmp_path / "actors.csv").write_text(csv, encoding="utf-8")
    grown = act.load_actors(tmp_path / "actors.csv")
    assert act.unknown_actors(quotes, grown).empty
    assert act.unresolved_share(quotes, grown) < act.unresolved_share(quotes, table)


def test_the_unknown_command_prints_the_share_and_rows(capsys):
    from conftest import SEED_CORPUS
    from helpers.__main__ import main
    assert main(["actors", "--unknown", "--corpus", str(SEED_CORPUS), "--top", "5"]) == 0
    out = capsys.readouterr().out
    assert "of the quoted words in" in out and "the actor table does not know" in out
    assert "named most often, quoted or not" in out


def test_names_mentioned_but_unknown_are_listed_and_their_row_makes_them_known(tmp_path):
    import pandas as pd
    from helpers import actors as act
    articles = pd.DataFrame({"id": ["a", "b"], "clean_text": [
        "Foreign Minister Penny Wong met Nicolas Maduro. The Council met. Penny Wong left for Suva.",
        "Penny Wong spoke to the Pacific Islands Forum."]})
    table = act.load_actors()
    named = act.unknown_mentions(articles, table)
    assert named.loc[0, ["name", "kind", "mentions", "articles"]].tolist() == ["Penny Wong", "person", 3, 2]
    assert "Nicolas Maduro" not in set(named["name"]) and "Council" not in set(named["name"])
    assert named.loc[0, "example"] == "Foreign Minister Penny Wong met Nicolas Maduro."
    before = act.unknown_mention_share(articles, table)
    csv = (act.DATA_DIR / "actors.csv").read_text(encoding="utf-8").rstrip("\n") + "\n" + named.loc[0, "row"] + "\n"
    (tmp_path / "actors.csv").write_text(csv, encoding="utf-8")
    grown = act.load_actors(tmp_path / "actors.csv")
    assert "Penny Wong" not in set(act.unknown_mentions(articles, grown)["name"])
    assert act.unknown_mention_share(articles, grown) < before
