"""The groups table (which groups are compared, their camps and colours) and assumed dates."""
from __future__ import annotations

import pytest

from helpers import groups
from helpers.actors import load_actors
from helpers.corpus import CorpusError
from helpers.figures import palette

HEADER = "group,camp,colour,note\n"


def test_the_projects_table_gives_the_groups_camps_and_colours_in_order():
    table = groups.load_groups()
    assert groups.group_names(table)[:4] == ["ALBA", "Lima Group", "CELAC", "OAS"]
    assert set(groups.camps(table)) == {"ALBA camp", "Lima Group camp"}
    assert groups.colours(table)["other"] == "#BBBBBB"
    assert groups.blocs(table, load_actors()) == ["ALBA", "Lima Group", "CELAC", "OAS", "Mercosur", "UNASUR"]


def test_a_corpus_table_adds_a_bloc_and_a_third_camp_with_one_row_each(tmp_path):
    (tmp_path / "groups.csv").write_text(
        HEADER + "ALBA,left,#CC6677,\nAndean Community,south,#117733,the new row\nLima Group,right,#332288,\n"
        "United States,right,#DDCC77,\n", encoding="utf-8")
    table = groups.load_groups(tmp_path)
    assert groups.group_names(table) == ["ALBA", "Andean Community", "Lima Group", "United States"]
    assert groups.camps(table) == {"left": ["ALBA"], "south": ["Andean Community"], "right": ["Lima Group", "United States"]}
    assert groups.colours(table)["other"] == groups.OTHER_COLOUR  # added when the table has no "other" row
    assert palette(tmp_path)["Andean Community"] == "#117733"
    names = groups.names_in_text(table, load_actors())
    assert names["Andean Community"] == ["Andean Community"]  # no row in actors.csv: found by its name
    assert "Organization of American States" not in names.get("OAS", [])


@pytest.mark.parametrize("rows, problem", [
    ("ALBA,left,red,\n", "line 2: colour 'red' is not a colour"),
    ("ALBA,left,#CC6677,\nALBA,right,#332288,\n", "group 'ALBA' is listed twice"),
    (",left,#CC6677,\n", "line 2: the group is blank"),
])
def test_a_bad_groups_table_is_refused_in_one_sentence_naming_the_file(tmp_path, rows, problem):
    (tmp_path / "groups.csv").write_text(HEADER + rows, encoding="utf-8")
    with pytest.raises(CorpusError, match=problem) as raised:
        groups.load_groups(tmp_path)
    assert str(tmp_path / "groups.csv") in str(raised.value)


def test_assumed_dates_are_read_from_the_corpus_and_checked(tmp_path):
    assert groups.load_assumed_dates(tmp_path) == {}
    path = tmp_path / "assumed_dates.csv"
    path.write_text('id,date,reason\na1,2019-06-06,"the statement ""on June 6"""\n', encoding="utf-8")
    assert groups.load_assumed_dates(tmp_path) == {"a1": "2019-06-06"}
    path.write_text("id,date,reason\na1,6 June 2019,\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"line 2: date '6 June 2019' is not a date like 2019-06-06; write it as"):
        groups.load_assumed_dates(tmp_path)


def test_a_run_says_whose_tables_it_uses(tmp_path):
    assert "the project's tables" in groups.tables_used(tmp_path)
    (tmp_path / "groups.csv").write_text(HEADER + "ALBA,left,#CC6677,\n", encoding="utf-8")
    assert groups.tables_used(tmp_path) == ("Using this corpus's own groups.csv; the project's actors.csv, "
                                            "alliances.csv, offices.csv.")
