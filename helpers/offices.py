"""Who held which office when: presidents, foreign ministers and bloc officials, 2000-2025.

``offices.csv`` (in the corpus folder, else the project's ``helpers/data/offices.csv``) has one
row per spell in an office: ``person, office, of, start, end, source, note``. ``of`` is the
country or body the office belongs to, spelled as in ``actors.csv``; dates are YYYY-MM-DD, a
blank ``end`` meaning still in office. The ``source`` column says where each row comes from and
whether it was checked against a found page; a note beginning "disputed claim" or "de facto"
marks a claim most governments did not recognise (Juan Guaidó's "interim presidency"), which acts for
no government here.

The table lets a speaker the actor table lacks still stand for a country on the article's
date: a quotation of Yván Gil in 2023 is Venezuela's foreign minister speaking, so it counts
for Venezuela's alliances on that date. And a speaker described by an office alone ("Ecuador's
president", "the OAS Secretary General") is the person who held it that day
(:func:`role_holder`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .actors import _from, _read_csv, _table_path, table_rows
from .corpus import CorpusError
from .text import fold

OFFICE_COLUMNS = ["person", "office", "of", "start", "end", "source", "note"]
_NOT_GOVERNMENT = ("disputed claim", "de facto")  # how the note of a claim not recognised begins


def load_offices(source: str | Path | None = None) -> pd.DataFrame:
    """The offices table, ``start``/``end`` as timestamps (``end`` NaT while in office).
    ``source`` is ``offices.csv`` or a corpus folder; a folder without its own, or none, means
    the project's. Raises :class:`~helpers.corpus.CorpusError` naming the line of a bad row.

    >>> table = load_offices()
    >>> table[table["person"] == "Yván Gil"][["office", "of"]].values.tolist()
    [['foreign minister', 'Venezuela']]
    """
    path = _table_path(source, "offices.csv")
    table = _read_csv(path, OFFICE_COLUMNS, "create it with the header " + ",".join(OFFICE_COLUMNS))
    starts = pd.to_datetime(table["start"], format="%Y-%m-%d", errors="coerce")
    ends = pd.to_datetime(table["end"].replace("", None), format="%Y-%m-%d", errors="coerce")
    for (where, row), start, end in zip(table_rows(path, table), starts, ends):
        if not row.person or not row.of:
            raise CorpusError(where, "the person or the country/body is blank", "fill in both")
        if pd.isna(start):
            raise CorpusError(where, f"start {row.start!r} is not a date like 2019-01-23", "write it as YYYY-MM-DD")
        if row.end and pd.isna(end):
            raise CorpusError(where, f"end {row.end!r} is not a date like 2019-01-23", "write it as YYYY-MM-DD, or leave it blank")
        if row.end and end < start:
            raise CorpusError(where, "the spell ends before it starts", "check the two dates")
    table = table.assign(start=starts, end=ends)
    return _from(table.reset_index(drop=True), path)


@dataclass(frozen=True)
class Spell:
    person: str
    office: str
    of: str
    start: pd.Timestamp
    end: pd.Timestamp | None
    government: bool  # False for a disputed or de facto claim

    def covers(self, when: pd.Timestamp) -> bool:
        return self.start <= when and (self.end is None or when <= self.end)


class OfficeIndex:
    """Spells by person, for looking a speaker up by name (full, or surname alone) on a date."""

    def __init__(self, offices: pd.DataFrame):
        self.by_name: dict[str, list[Spell]] = {}
        self.by_surname: dict[str, set[str]] = {}   # a short form -> the full names it may stand for
        self.by_office: dict[tuple[str, str], list[Spell]] = {}  # (office, of) -> its spells
        self._acting: dict[tuple, Spell | None] = {}  # acting_for's answers so far
        self._plain: dict[str, str] | None = None       # each office reduced for comparing (office_named)
        for row in offices.itertuples(index=False):
            end = None if pd.isna(row.end) else row.end
            spell = Spell(row.person, row.office, row.of, row.start, end,
                          not row.note.lower().startswith(_NOT_GOVERNMENT))
            key = fold(row.person).lower()
            self.by_name.setdefault(key, []).append(spell)
            self.by_office.setdefault((fold(row.office).lower(), row.of), []).append(spell)
            for short in _short_forms(key):
                self.by_surname.setdefault(short, set()).add(key)

    def candidates(self, name: str) -> set[str]:
        """The full names of the table ``name`` may stand for: itself; or a short form of them
        (the last name, the two last names "Lacalle Pou", the first of two surnames "Marrero");
        or, for a name of two words or more, the full names with the same first word and a short
        form equal to its last word."""
        key = fold(str(name)).lower().strip()
        if key in self.by_name:
            return {key}
        words = key.split()
        if not words:
            return set()
        if " ".join(words) in self.by_surname:
            return set(self.by_surname[" ".join(words)])
        people = self.by_surname.get(words[-1], set())
        return {p for p in people if p.split()[0] == words[0]} if len(words) > 1 else set()

    def spells(self, name: str) -> list[Spell]:
        """The spells of the one person of the table ``name`` stands for (none when it could be
        several)."""
        people = self.candidates(name)
        return self.by_name[next(iter(people))] if len(people) == 1 else []

    def acting_for(self, name: str, date) -> Spell | None:
        """The office ``name`` held for a government on ``date`` (the latest-starting spell when
        several overlap); with no date, the office when the person only ever held one country's
        or body's. None when the person is unknown, held no such office then, or only claimed it.

        >>> index = OfficeIndex(load_offices())
        >>> spell = index.acting_for("Yván Gil", "2023-06-01")
        >>> spell.office, spell.of
        ('foreign minister', 'Venezuela')
        >>> index.acting_for("Yván Gil", "2019-06-01") is None, index.acting_for("Juan Guaidó", "2020-01-01") is None
        (True, True)
        >>> index.acting_for("Maduro", "2019-01-01").of, index.acting_for("Maduro", "2004-01-01").of  # two Maduros
        ('Venezuela', 'Honduras')
        """
        when = None if date is None or pd.isna(date) else pd.Timestamp(date)
        if (name, when) not in self._acting:  # a corpus asks about the same names and dates again and again
            self._acting[(name, when)] = self._acting_for(name, when)
        return self._acting[(name, when)]

    def _acting_for(self, name: str, when: pd.Timestamp | None) -> Spell | None:
        spells = [s for s in self.spells(name) if s.government]
        if not spells and when is not None:  # a surname several people share: the one in office that day
            people = {p for p in self.candidates(name) if any(s.government and s.covers(when) for s in self.by_name[p])}
            spells = [s for s in self.by_name[next(iter(people))] if s.government] if len(people) == 1 else []
        if not spells:
            return None
        if when is None:
            return spells[-1] if len({s.of for s in spells}) == 1 else None
        held = [s for s in spells if s.covers(when)]
        return max(held, key=lambda s: s.start) if held else None


    def holder(self, office: str, of: str, date) -> Spell | None:
        """Who held ``office`` of ``of`` (a country or body as spelled in ``actors.csv``) for its
        government on ``date``: the latest-starting spell covering that day; None without a date,
        or when the table has nobody then.

        >>> index = OfficeIndex(load_offices())
        >>> index.holder("president", "Ecuador", "2016-05-01").person, index.holder("president", "Ecuador", "2019-05-01").person
        ('Rafael Correa', 'Lenín Moreno')
        """
        if date is None or pd.isna(date):
            return None
        when = pd.Timestamp(date)
        held = [s for s in self.by_office.get((fold(office).lower(), of), []) if s.government and s.covers(when)]
        return max(held, key=lambda s: s.start) if held else None

    def office_named(self, words: str) -> str | None:
        """The office of the table that ``words`` name, written any way ("Secretary General",
        "secretary-general"); None when they name none."""
        if self._plain is None:  # worked out once: the table does not change after loading
            self._plain = {_plain_office(office): office for office, _ in self.by_office}
        return self._plain.get(_plain_office(words))


def _plain_office(text: str) -> str:
    """An office as written, reduced for comparing: "the Secretary-General of" -> "secretary general"."""
    text = re.sub(r"\b(?:the|of|s)\b|[^\w\s]", " ", fold(text).lower().replace("’", "'").replace("-", " "))
    return " ".join(text.split())


def role_holder(speaker: str, date, index: OfficeIndex, actors: pd.DataFrame, *,
                actor_index: tuple | None = None) -> Spell | None:
    """The spell of the person a described speaker stands for on ``date``: an office of the table
    and the country or body it belongs to, named together and nothing else ("the president of
    Ecuador", "Ecuador's president", "Ecuadorian President", "the OAS Secretary General"). None
    when the description names no office, or no country or body, or a person too ("Chilean
    President Michelle Bachelet": the name says who), or qualifies the office ("former president",
    "vice president", "president-elect"), or when nobody held it that day. ``actor_index``: the
    actor table as ``helpers.actors._actor_index`` reads it, to read it once for many speakers.

    >>> from helpers.actors import load_actors
    >>> index, actors = OfficeIndex(load_offices()), load_actors()
    >>> role_holder("Ecuador's president", "2016-05-01", index, actors).person
    'Rafael Correa'
    >>> role_holder("the OAS Secretary General", "2017-06-01", index, actors).person
    'Luis Almagro'
    >>> [role_holder(s, "2016-05-01", index, actors) for s in
    ...  ["former Ecuadorian president", "Ecuador", "Correa", "Ecuadorian President Jane Doe", "vice president of Ecuador"]]
    [None, None, None, None, None]
    """
    from .actors import _actor_index, _mention_spans

    if not isinstance(speaker, str) or date is None or pd.isna(date):
        return None
    key, rows = actor_index if actor_index is not None else _actor_index(actors)
    starts, ends, found_actors, _ = _mention_spans(speaker, key)
    owners = [rows[i] for i in found_actors if rows[i]["type"] != "person"]
    if len(owners) != 1:
        return None
    owner = owners[0]
    # what is left once the country or body is taken out must be the office alone
    left = speaker
    for start, end in sorted(zip(starts, ends), reverse=True):
        left = left[:start] + " " + left[end:]
    office = index.office_named(left)
    return index.holder(office, owner["country"] or owner["body"] or owner["name"], date) if office else None


_PARTICLES = frozenset({"de", "del", "la", "da", "do", "dos", "das", "y", "e", "van", "von", "bin", "al", "el"})


def _short_forms(key: str) -> list[str]:
    """How a folded full name may be shortened: its last word, its last two or three words
    ("pena nieto", "lacalle pou", "fernandez de kirchner"), and in a name of three words or more
    the second-to-last word (the first of two Spanish surnames: "marrero" of "manuel marrero cruz",
    whose last word, the mother's surname, is not used alone).

    >>> _short_forms("manuel marrero cruz"), _short_forms("juan manuel santos")[0]
    (['marrero cruz', 'marrero'], 'santos')
    """
    from .quotes.wordlists import given_names

    words = key.split()
    # in "manuel marrero cruz" the last word is the second (mother's) surname, not used alone; in
    # "juan manuel santos" and "luiz inacio lula da silva" it is the surname
    second_surname = len(words) >= 3 and words[-2] not in _PARTICLES and words[-2] not in given_names()
    forms = [] if second_surname else [words[-1]]
    for size in (2, 3):
        if len(words) > size:
            forms.append(" ".join(words[-size:]))
    if len(words) >= 3 and words[-2] not in _PARTICLES:
        forms.append(words[-2])
    return forms


__all__ = ["load_offices", "OfficeIndex", "Spell"]
