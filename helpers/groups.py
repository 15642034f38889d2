"""Which groups the notebooks compare, how they form camps, and their colours: one table.

``groups.csv``
    one row per group: ``group, camp, colour, note``. A group is an alliance of
    ``alliances.csv`` (ALBA, the Lima Group) or an actor of ``actors.csv`` that stands alone
    (an outside power such as Russia). ``camp`` puts the group in one of the camps compared in
    notebook 05 (blank: in none; any number of camps works); ``colour`` is its colour in every
    figure (``#RRGGBB``); the order of the rows is the order of every table and legend. The row
    ``other`` gives the colour of anything not listed. Adding Mercosur, or a third camp, is one
    row here and no notebook edit; the names a group goes by in the text come from its row in
    ``actors.csv``.
``assumed_dates.csv`` (optional)
    ``id, date, reason``: a date for an article whose metadata gives none, worked out by a
    reader from its text (the reason says how). Membership on that date decides its camps.

Like ``actors.csv`` and ``alliances.csv``, a corpus folder may hold its own ``groups.csv``;
without one the project's (``helpers/data/groups.csv``) is used. ``assumed_dates.csv`` is a
fact about one corpus, so it is only ever read from the corpus folder.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .actors import _from, _read_csv, _table_path, table_rows
from .corpus import CorpusError

GROUP_COLUMNS = ["group", "camp", "colour", "note"]
DATE_COLUMNS = ["id", "date", "reason"]
OTHER = "other"
TABLES = ("actors.csv", "alliances.csv", "groups.csv", "offices.csv")  # the tables a corpus may bring
OTHER_COLOUR = "#BBBBBB"
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def load_groups(source: str | Path | None = None) -> pd.DataFrame:
    """The groups table, one row per group in the order given (the ``other`` row last).
    ``source`` is ``groups.csv`` or a corpus folder; a folder without its own, or none, means
    the project's. Raises :class:`~helpers.corpus.CorpusError` naming the line of a bad row.

    >>> table = load_groups()
    >>> table["group"].tolist()[:4], table.set_index("group").loc["Russia", "camp"]
    (['ALBA', 'Lima Group', 'CELAC', 'OAS'], 'ALBA camp')
    """
    path = _table_path(source, "groups.csv")
    table = _read_csv(path, GROUP_COLUMNS, "create it with the header " + ",".join(GROUP_COLUMNS))
    for where, row in table_rows(path, table):
        if not row.group:
            raise CorpusError(where, "the group is blank", "give every row a group name")
        if not _COLOUR.match(row.colour):
            raise CorpusError(where, f"colour {row.colour!r} is not a colour like #CC6677",
                              "write the colour as # and six hexadecimal digits")
    dupes = table["group"][table["group"].duplicated()]
    if len(dupes):
        raise CorpusError(path, f"group {dupes.iloc[0]!r} is listed twice", "keep one row per group")
    if OTHER not in set(table["group"]):
        table = pd.concat([table, pd.DataFrame([{"group": OTHER, "camp": "", "colour": OTHER_COLOUR,
                                                 "note": "anything not listed"}])])
    table = pd.concat([table[table["group"] != OTHER], table[table["group"] == OTHER]])
    return _from(table.reset_index(drop=True), path)


def group_names(table: pd.DataFrame) -> list[str]:
    """The groups compared, in the table's order (``other`` left out).

    >>> group_names(load_groups())[-2:]
    ['Cuba', 'Turkey']
    """
    return [g for g in table["group"] if g != OTHER]


def camps(table: pd.DataFrame) -> dict[str, list[str]]:
    """Each camp and its groups, camps in the order they first appear.

    >>> camps(load_groups())
    {'ALBA camp': ['ALBA', 'Russia', 'China', 'Cuba', 'Turkey'], 'Lima Group camp': ['Lima Group', 'United States']}
    """
    result: dict[str, list[str]] = {}
    for group, camp in zip(table["group"], table["camp"]):
        if camp and group != OTHER:
            result.setdefault(camp, []).append(group)
    return result


def colours(table: pd.DataFrame) -> dict[str, str]:
    """Each group's colour, ``other`` included.

    >>> colours(load_groups())["ALBA"]
    '#CC6677'
    """
    return dict(zip(table["group"], table["colour"]))


def names_in_text(table: pd.DataFrame, actor_table: pd.DataFrame) -> dict[str, list[str]]:
    """The names each group goes by in the text: its own name and the aliases of its row in the
    actors table (a group without a row there is looked for by its name only).

    >>> from helpers.actors import load_actors
    >>> names = names_in_text(load_groups(), load_actors())
    >>> names["OAS"][:2], names["Russia"]
    (['OAS', 'Organization of American States'], ['Russia', 'Russian Federation', 'Moscow', 'Kremlin'])
    """
    aliases = {row.name: list(row.aliases) for row in actor_table.itertuples(index=False)}
    return {group: [group] + [a for a in aliases.get(group, []) if a != group] for group in group_names(table)}


def blocs(table: pd.DataFrame, actor_table: pd.DataFrame) -> list[str]:
    """The groups that are alliances or organisations (not a single country acting alone), in
    the table's order: those whose row in the actors table is an organisation.

    >>> from helpers.actors import load_actors
    >>> blocs(load_groups(), load_actors())
    ['ALBA', 'Lima Group', 'CELAC', 'OAS', 'Mercosur', 'UNASUR']
    """
    kinds = dict(zip(actor_table["name"], actor_table["type"]))
    return [g for g in group_names(table) if kinds.get(g, "organisation") == "organisation"]


def load_assumed_dates(corpus: str | Path) -> dict[str, str]:
    """Article id -> assumed date (YYYY-MM-DD) from the corpus's ``assumed_dates.csv``; none when
    the corpus has no such file. Raises :class:`~helpers.corpus.CorpusError` naming the line of
    a bad row.

    >>> load_assumed_dates("no/such/folder")
    {}
    """
    path = Path(corpus) / "assumed_dates.csv"
    if not path.is_file():
        return {}
    table = _read_csv(path, DATE_COLUMNS, "create it with the header " + ",".join(DATE_COLUMNS))
    result = {}
    for where, row in table_rows(path, table):
        if pd.isna(pd.to_datetime(row.date, format="%Y-%m-%d", errors="coerce")):
            raise CorpusError(where, f"date {row.date!r} is not a date like 2019-06-06", "write it as YYYY-MM-DD")
        if row.id in result:
            raise CorpusError(where, f"article {row.id!r} is listed twice", "keep one row per article")
        result[row.id] = row.date
    return result


def tables_used(corpus: str | Path) -> str:
    """One sentence saying whose tables a corpus run uses: its own, or the project's.

    >>> tables_used("no/such/folder")
    "Using the project's tables (actors.csv, alliances.csv, groups.csv, offices.csv in helpers/data/): this corpus has none of its own."
    """
    own = [name for name in TABLES if (Path(corpus) / name).is_file()]
    if not own:
        return f"Using the project's tables ({', '.join(TABLES)} in helpers/data/): this corpus has none of its own."
    theirs = [name for name in TABLES if name not in own]
    rest = f"; the project's {', '.join(theirs)}" if theirs else ""
    return f"Using this corpus's own {', '.join(own)}{rest}."


__all__ = ["load_groups", "group_names", "camps", "colours", "names_in_text", "blocs", "load_assumed_dates",
           "tables_used"]
