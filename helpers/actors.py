"""Who is named in a text, whom they act for, and which alliances that was on the day.

Two tables drive everything here, both in the corpus folder and both meant to be read and
edited by the user (facts carry their source with them):

``actors.csv``
    one row per actor: ``name, type, country, body, role, aliases, demonyms, short_forms, note``.
    ``type`` is person, organisation or country. ``country`` is the country an actor acts
    for (Bruno Rodriguez: Cuba); ``body`` is the alliance or organisation they act for
    instead (Luis Almagro: OAS; "ALBA" itself: ALBA). ``aliases``, ``demonyms`` and
    ``short_forms`` are lists separated by ``;``. A short form (a bare surname such as
    "Rodriguez") counts only in a text that names one of its actors in full, and goes to
    the nearest actor named in full before it (else after it).
``alliances.csv``
    one row per membership spell: ``alliance, member, joined, left, source, note``. Dates
    are YYYY-MM-DD; a blank ``joined`` means "from the start", a blank ``left`` "still a
    member". A country that left and came back has two rows. Outside powers (United States,
    Russia, China, Cuba, Turkey) are groups of one.

Matching folds accents ("Nicolás" = "Nicolas"), respects word edges ("Chile" is not found
in "Chilean", which is a demonym of Chile in its own right; "Peru" is not in "perusal") and
is case-sensitive, so the acronym "US" is not the pronoun "us"; a name in full capitals
("VENEZUELA") is also found. Where two names overlap the longer wins ("Lima Group" over
"Lima"), and ``data/actors_not_mentions.txt`` lists phrases that hide the names inside them
("Latin American" is not a mention of the United States).
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from itertools import chain, repeat
from pathlib import Path

import pandas as pd

from .cache import per_article
from .config import DATA_DIR, shown
from .datafiles import lines
from .text import fold
from .corpus import CorpusError, count_words
from .patterns import any_of

ACTOR_COLUMNS = ["name", "type", "country", "body", "role", "aliases", "demonyms", "short_forms", "note"]
ALLIANCE_COLUMNS = ["alliance", "member", "joined", "left", "source", "note"]
LIST_COLUMNS = ["aliases", "demonyms", "short_forms"]
ACTOR_TYPES = ("person", "organisation", "country")
MENTION_COLUMNS = ["start", "end", "surface", "actor", "type", "country", "body", "role", "matched_as"]
_MENTION_TYPES = {"start": "int64", "end": "int64"}
NOT_MENTIONS_FILE = DATA_DIR / "actors_not_mentions.txt"
SEPARATOR = ";"


# ---------------------------------------------------------------- reading the two tables

def _table_path(source: str | Path | None, file_name: str) -> Path:
    """``source`` may be the CSV itself or a corpus folder; no source, or a folder without the
    file, means the project's own table in ``helpers/data/``, so any corpus can reuse the facts."""
    path = Path(source) if source is not None else DATA_DIR / file_name
    if path.is_dir():
        path = path / file_name if (path / file_name).is_file() else DATA_DIR / file_name
    return path


def _from(table: pd.DataFrame, path: Path) -> pd.DataFrame:
    table.attrs["source"] = str(path)
    return table


def table_note(table: pd.DataFrame) -> str:
    """Where a table from :func:`load_actors` or :func:`load_alliances` was read, as a reader should see it.

    >>> table_note(load_alliances())
    "helpers/data/alliances.csv (the project's table)"
    """
    path = Path(table.attrs.get("source", ""))
    owner = "the project's table" if path.parent == DATA_DIR else "the corpus's own table"
    return f"{shown(path)} ({owner})"


def _read_csv(path: Path, columns: list[str], fix: str) -> pd.DataFrame:
    if not path.is_file():
        raise CorpusError(path, "the file is missing", fix)
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (UnicodeDecodeError, pd.errors.ParserError) as err:
        raise CorpusError(path, f"the file is not readable UTF-8 CSV ({str(err).splitlines()[0]})",
                          "re-save it as UTF-8 CSV with one row per line") from None
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise CorpusError(path, f"column {', '.join(missing)} is missing", f"the header must include {','.join(columns)}")
    return table.apply(lambda col: col.str.strip())


def table_rows(path: Path, table: pd.DataFrame):
    """Each row of a table read from ``path`` with where it stands, for one-sentence errors:
    ("<path> line N", row), N counting the header as line 1."""
    for line, row in enumerate(table.itertuples(index=False), start=2):
        yield f"{path} line {line}", row


def split_list(value: str) -> tuple[str, ...]:
    """A ``;``-separated cell as a tuple of its non-blank items.

    >>> split_list("Nicolás Maduro; Nicolas Maduro;  ")
    ('Nicolás Maduro', 'Nicolas Maduro')
    """
    return tuple(item.strip() for item in str(value or "").split(SEPARATOR) if item.strip())


def load_actors(source: str | Path | None = None) -> pd.DataFrame:
    """The actors table, one row per actor, with ``aliases``, ``demonyms`` and
    ``short_forms`` as tuples. ``source`` is ``actors.csv`` or a corpus folder; a folder
    without its own ``actors.csv``, or none, means the project's (``helpers/data/actors.csv``). Raises :class:`~helpers.corpus.CorpusError` naming the line of
    a bad row.

    >>> actors = load_actors()
    >>> actors.set_index("name").loc["Luis Almagro", ["type", "body"]].tolist()
    ['person', 'OAS']
    """
    path = _table_path(source, "actors.csv")
    table = _read_csv(path, ACTOR_COLUMNS, "create it with the header " + ",".join(ACTOR_COLUMNS))
    for where, row in table_rows(path, table):
        if not row.name:
            raise CorpusError(where, "the name is blank", "give every actor a name")
        if row.type not in ACTOR_TYPES:
            raise CorpusError(where, f"type {row.type!r} is not one of {', '.join(ACTOR_TYPES)}", "use person, organisation or country")
    dupes = table["name"][table["name"].duplicated()]
    if len(dupes):
        raise CorpusError(path, f"actor {dupes.iloc[0]!r} is listed twice", "keep one row per actor and put other spellings in aliases")
    for column in LIST_COLUMNS:
        table[column] = table[column].map(split_list)
    return _from(table.reset_index(drop=True), path)


def load_alliances(source: str | Path | None = None) -> pd.DataFrame:
    """The membership table: one row per spell, ``joined``/``left`` as timestamps (NaT
    when blank). ``source`` is ``alliances.csv`` or a corpus folder; a folder without its own
    ``alliances.csv``, or none, means the project's (``helpers/data/alliances.csv``).

    >>> spells = load_alliances()
    >>> spells.query("alliance == 'ALBA' and member == 'Ecuador'")["left"].dt.strftime("%Y-%m-%d").tolist()
    ['2018-08-23']
    """
    path = _table_path(source, "alliances.csv")
    table = _read_csv(path, ALLIANCE_COLUMNS, "create it with the header " + ",".join(ALLIANCE_COLUMNS))
    for where, row in table_rows(path, table):
        if not row.alliance or not row.member:
            raise CorpusError(where, "the alliance or member is blank", "fill in both")
        for column in ("joined", "left"):
            value = getattr(row, column)
            if value and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise CorpusError(where, f"{column} date {value!r} is not YYYY-MM-DD", "write it as e.g. 2018-08-23, or leave it blank")
            if value:
                try:
                    pd.Timestamp(value)
                except ValueError:
                    raise CorpusError(where, f"{column} date {value!r} does not exist", "check the day and month") from None
        if row.joined and row.left and row.left <= row.joined:
            raise CorpusError(where, f"left ({row.left}) is not after joined ({row.joined})", "swap or correct the dates")
    for column in ("joined", "left"):
        table[column] = pd.to_datetime(table[column].replace("", None), format="%Y-%m-%d")
    return _from(table.reset_index(drop=True), path)


# ---------------------------------------------------------------- membership at a date

def _as_date(date) -> pd.Timestamp | None:
    if date is None or (not isinstance(date, str) and pd.isna(date)):
        return None
    return pd.Timestamp(date)


def membership(country: str, date, alliances: pd.DataFrame) -> list[str]:
    """The groups ``country`` belonged to on ``date`` (in the table's order).

    A spell covers ``joined <= date < left``. With ``date`` None (an undated article) the
    answer is the membership the table records as current (spells with no ``left``).

    >>> spells = load_alliances()
    >>> membership("Ecuador", "2018-08-22", spells), membership("Ecuador", "2018-08-23", spells)
    (['ALBA', 'CELAC', 'OAS', 'UNASUR'], ['CELAC', 'OAS', 'UNASUR'])
    >>> membership("Cuba", "2017-04-10", spells)
    ['ALBA', 'CELAC', 'Cuba']
    """
    return _membership(country, _as_date(date), _spells_by_member(alliances))


def _membership(country: str, when: pd.Timestamp | None, spells: dict[str, list[tuple]]) -> list[str]:
    """:func:`membership` with the spells already grouped by member (:func:`_spells_by_member`)."""
    if not country:
        return []
    found = []
    for alliance, joined, left in spells.get(country, ()):
        if when is None:
            active = left is None
        else:
            active = (joined is None or joined <= when) and (left is None or when < left)
        if active and alliance not in found:
            found.append(alliance)
    return found


def _spells_by_member(alliances: pd.DataFrame) -> dict[str, list[tuple]]:
    """The table's spells grouped by member: {member: [(alliance, joined, left), ...]}.

    Built afresh from the table each time (about 0.1 ms for a hundred spells), so an edit
    made to the table in place is always seen. Nothing is stored in ``alliances.attrs``:
    pandas deep-copies ``attrs`` into every frame derived from the table, which made each
    later operation on it slower by the size of what was stored.
    """
    index: dict[str, list[tuple]] = {}
    for alliance, member, joined, left in zip(alliances["alliance"], alliances["member"], alliances["joined"], alliances["left"]):
        index.setdefault(member, []).append((alliance, None if pd.isna(joined) else joined, None if pd.isna(left) else left))
    return index


def membership_events(alliances: pd.DataFrame, groups: list[str] | None = None, start=None, end=None) -> pd.DataFrame:
    """Joins and exits from the membership table, in date order: columns date, group, member,
    change ("joins"/"leaves") and label ("Ecuador leaves ALBA"), for ``groups`` (all when None)
    between ``start`` and ``end`` (inclusive; open when None). A group's founding members are
    not "joins" when the spell starts on the group's first day.

    >>> events = membership_events(load_alliances(), ["ALBA"], "2018-01-01", "2019-12-31")
    >>> events["label"].tolist()
    ['Ecuador leaves ALBA', 'Bolivia leaves ALBA']
    """
    rows = []
    for group, spells in alliances.groupby("alliance", sort=False):
        if groups is not None and group not in groups:
            continue
        founded = spells["joined"].min()
        for member, joined, left in zip(spells["member"], spells["joined"], spells["left"]):
            if pd.notna(joined) and joined != founded:
                rows.append((joined, group, member, "joins"))
            if pd.notna(left):
                rows.append((left, group, member, "leaves"))
    events = pd.DataFrame(rows, columns=["date", "group", "member", "change"])
    if start is not None:
        events = events[events["date"] >= pd.Timestamp(start)]
    if end is not None:
        events = events[events["date"] <= pd.Timestamp(end)]
    events = events.sort_values(["date", "group", "member"]).reset_index(drop=True)
    return events.assign(label=[f"{m} {c} {g}" for m, c, g in zip(events["member"], events["change"], events["group"])])


def members(alliance: str, date, alliances: pd.DataFrame) -> list[str]:
    """The members of ``alliance`` on ``date`` (None: as the table records them now).

    >>> members("Lima Group", "2017-08-08", load_alliances())[:4]
    ['Argentina', 'Brazil', 'Canada', 'Chile']
    """
    spells = alliances[alliances["alliance"] == alliance]
    by_member, when = _spells_by_member(alliances), _as_date(date)  # once, not once a member
    return [m for m in dict.fromkeys(spells["member"]) if alliance in _membership(m, when, by_member)]


def member_counts(groups: list[str], dates: pd.Series, alliances: pd.DataFrame) -> pd.DataFrame:
    """How many members each group had on each date of ``dates`` (one row per date, same index;
    a missing date counts the members the table records as current). Each distinct date is
    looked up once, so a corpus of many articles on few dates is quick.

    >>> when = pd.Series(pd.to_datetime(["2017-08-08", "2017-08-08", None]), index=["a", "b", "c"])
    >>> member_counts(["Lima Group"], when, load_alliances())["Lima Group"].tolist()[:2]
    [12, 12]
    """
    keys = [None if pd.isna(d) else pd.Timestamp(d) for d in dates]
    by_member = _spells_by_member(alliances)  # once for the corpus, not once per date and group
    listed = {group: list(dict.fromkeys(alliances.loc[alliances["alliance"] == group, "member"])) for group in groups}
    sizes = {key: [sum(group in _membership(m, _as_date(key), by_member) for m in listed[group]) for group in groups]
             for key in dict.fromkeys(keys)}
    return pd.DataFrame([sizes[key] for key in keys], index=dates.index, columns=groups)


# ---------------------------------------------------------------- finding mentions


def _variants(alias: str) -> set[str]:
    """Folded spellings of one alias: as written, and in full capitals unless it is an acronym."""
    folded = fold(alias, keep_length=True)
    return {folded, folded.upper()} if folded != folded.upper() else {folded}


@lru_cache(maxsize=1)
def _not_mentions() -> tuple[str, ...]:
    if not NOT_MENTIONS_FILE.is_file():
        return ()
    return tuple(lines(NOT_MENTIONS_FILE))


ActorIndex = tuple[tuple, list[dict]]


def _actor_index(actors: pd.DataFrame) -> ActorIndex:
    """(spellings key, one plain dict per actor): what matching needs, as plain values.

    Read from the table on every call (so edits in place are seen); corpus-wide functions
    read it once and hand it to every article's job.
    """
    key = tuple(tuple(row) for row in actors[["name", "aliases", "demonyms", "short_forms"]].itertuples(index=False, name=None))
    rows = actors[["name", "type", "country", "body", "role"]].to_dict("records")
    return key, rows


@lru_cache(maxsize=8)
def _matcher(key: tuple, blocked: tuple[str, ...]):
    """One regex over every spelling (longest first) and, per spelling, who it may mean."""
    entries: dict[str, list[tuple[int, str]]] = {}
    for index, (name, aliases, demonyms, short_forms) in enumerate(key):
        forms = [(name, "name")] + [(a, "alias") for a in aliases] + [(d, "demonym") for d in demonyms]
        forms += [(s, "short") for s in short_forms]
        for form, kind in forms:
            for variant in _variants(form):
                bucket = entries.setdefault(variant, [])
                if all(i != index for i, _ in bucket):
                    bucket.append((index, kind))
    for phrase in blocked:
        for variant in _variants(phrase):
            entries.setdefault(variant, [])
    pattern = re.compile(r"(?<!\w)" + any_of(entries) + r"(?!\w)")  # longest spelling wins
    return pattern, entries


def find_mentions(text: str, actors: pd.DataFrame) -> pd.DataFrame:
    """Every mention of an actor in ``text``: one row per mention, in reading order.

    Columns: start, end (offsets into ``text``), surface (the words as written), actor,
    type, country, body, role, matched_as (name, alias, demonym or short).

    >>> actors = load_actors()
    >>> found = find_mentions("Chilean and Peruvian envoys met Nicolás Maduro in Caracas; Maduro spoke.", actors)
    >>> found[["surface", "actor", "matched_as"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['Chilean', 'Chile', 'demonym'], ['Peruvian', 'Peru', 'demonym'],
     ['Nicolás Maduro', 'Nicolas Maduro', 'name'], ['Caracas', 'Venezuela', 'alias'],
     ['Maduro', 'Nicolas Maduro', 'short']]
    >>> find_mentions("A perusal of US policy, and of us.", actors)["actor"].tolist()
    ['United States']
    """
    return pd.DataFrame(_mention_rows(text, actors), columns=MENTION_COLUMNS)


def _mention_rows(text: str, actors: pd.DataFrame) -> list[dict]:
    """The rows of :func:`find_mentions` as plain dicts."""
    key, actor_rows = _actor_index(actors)
    rows = []
    starts, ends, indexes, kinds = _mention_spans(text, key)
    for start, end, index, kind in zip(starts, ends, indexes, kinds):
        actor = actor_rows[index]
        rows.append({"start": start, "end": end, "surface": text[start:end], "actor": actor["name"],
                     "type": actor["type"], "country": actor["country"], "body": actor["body"],
                     "role": actor["role"], "matched_as": kind})
    return rows


def _mention_spans(text: str, key: tuple) -> tuple[list[int], list[int], list[int], list[str]]:
    """One article's mentions as four lists: starts, ends, the actor's row number, matched_as.

    This is what the cache stores, kept small and column by column because a large corpus
    has hundreds of thousands of mentions. ``key`` is the spellings part of :func:`_actor_index`.
    """
    pattern, entries = _matcher(key, _not_mentions())
    folded = fold(text, keep_length=True)
    hits = []  # (start, end, candidates)
    for match in pattern.finditer(folded):
        candidates = entries[match.group(0)]
        if candidates:
            hits.append((match.start(), match.end(), candidates))
    # where each actor is named in full (anything but a short form)
    full_at: dict[int, list[int]] = {}
    for start, _, candidates in hits:
        for index, kind in candidates:
            if kind != "short":
                full_at.setdefault(index, []).append(start)
    spans = []
    for start, end, candidates in hits:
        full = dict((i, k) for i, k in candidates if k != "short")
        if len(full) == 1:
            index, kind = next(iter(full.items()))
        else:  # a short form, or a spelling several actors share: the nearest named in full
            index = _nearest_named(start, list(full) or [i for i, _ in candidates], full_at)
            if index is None:
                continue
            kind = full.get(index, "short")
        spans.append((start, end, index, kind))
    return tuple(list(column) for column in zip(*spans)) if spans else ([], [], [], [])


def _nearest_named(position: int, candidates: list[int], full_at: dict[int, list[int]]) -> int | None:
    """Of ``candidates``, the actor named in full nearest before ``position`` (else nearest after)."""
    before = [(position - p, i) for i in candidates for p in full_at.get(i, []) if p < position]
    if before:
        return min(before)[1]
    after = [(p - position, i) for i in candidates for p in full_at.get(i, []) if p > position]
    return min(after)[1] if after else None


def is_opposition(role: str) -> bool:
    """Whether an actor's role marks them as opposing their country's government.

    >>> is_opposition("opposition leader"), is_opposition("foreign minister")
    (True, False)
    """
    return "opposition" in str(role or "").lower()


def groups_for(country: str, body: str, role: str, date, alliances: pd.DataFrame,
               include_opposition: bool = False) -> list[str]:
    """The groups an actor stands for on ``date``: their ``body`` if they act for one, else
    the groups their country belonged to then. Opposition actors (role containing
    "opposition") stand for no alliance of their country unless ``include_opposition``.

    >>> spells = load_alliances()
    >>> groups_for("", "OAS", "OAS secretary general", "2017-04-10", spells)
    ['OAS']
    >>> groups_for("Venezuela", "", "opposition leader", "2019-05-01", spells)
    []
    """
    return _groups_for(country, body, role, _as_date(date), _spells_by_member(alliances), include_opposition)


def group_finder(alliances: pd.DataFrame, include_opposition: bool = False):
    """:func:`groups_for` for many lookups against one table: the spells are indexed once and
    each (country, body, role, date) is worked out once. Returns ``find(country, body, role,
    date) -> tuple of groups``.

    >>> find = group_finder(load_alliances())
    >>> find("", "OAS", "OAS secretary general", "2017-04-10")
    ('OAS',)
    """
    spells = _spells_by_member(alliances)
    found: dict[tuple, tuple[str, ...]] = {}

    def find(country: str, body: str, role: str, date) -> tuple[str, ...]:
        key = (country, body, role, date)
        if key not in found:
            found[key] = tuple(_groups_for(country, body, role, _as_date(date), spells, include_opposition))
        return found[key]
    return find


def _groups_for(country: str, body: str, role: str, when: pd.Timestamp | None, spells: dict[str, list[tuple]],
                include_opposition: bool) -> list[str]:
    """:func:`groups_for` with the spells already grouped by member."""
    if body:
        return [body]
    if is_opposition(role) and not include_opposition:
        return []
    return _membership(country, when, spells)


def resolve_groups(mentions: pd.DataFrame, date, alliances: pd.DataFrame,
                   include_opposition: bool = False) -> pd.DataFrame:
    """``mentions`` with a ``groups`` column: a tuple of the groups each mention stands
    for on ``date`` (see :func:`groups_for`).

    >>> found = find_mentions("Ecuador's envoy", load_actors())
    >>> resolve_groups(found, "2017-03-06", load_alliances())["groups"].tolist()
    [('ALBA', 'CELAC', 'OAS', 'UNASUR')]
    """
    out = mentions.copy()
    out["groups"] = [tuple(groups_for(c, b, r, date, alliances, include_opposition))
                     for c, b, r in zip(out["country"], out["body"], out["role"])]
    return out


# ---------------------------------------------------------------- whole corpus

def article_dates(articles: pd.DataFrame, assumed: dict[str, str] | None = None) -> pd.DataFrame:
    """One row per article: id, date (the metadata's, else ``assumed[id]``), date_source
    ("metadata", "assumed" or "none") and date_precision ("day", or "month" and "year" for a
    metadata date given without its day, read at the middle of that month or year). Membership of
    an undated article is looked up as the table records it now.

    >>> frame = pd.DataFrame({"id": ["a", "b", "c"], "date": pd.to_datetime(["2019-05-01", None, None])})
    >>> article_dates(frame, {"b": "2017-05-02"})["date_source"].tolist()
    ['metadata', 'assumed', 'none']
    """
    assumed = assumed or {}
    precision = articles["date_precision"] if "date_precision" in articles else pd.Series("day", index=articles.index)
    rows = []
    for ident, date, exact in zip(articles["id"], articles["date"], precision):
        if pd.notna(date):
            rows.append((ident, pd.Timestamp(date), "metadata", exact or "day"))
        elif ident in assumed:
            rows.append((ident, pd.Timestamp(assumed[ident]), "assumed", "day"))
        else:
            rows.append((ident, pd.NaT, "none", ""))
    return pd.DataFrame(rows, columns=["id", "date", "date_source", "date_precision"])


def changes_within(dates: pd.DataFrame, alliances: pd.DataFrame, groups: Iterable[str] | None = None) -> pd.DataFrame:
    """Articles dated only to a month or a year (``dates`` from :func:`article_dates`) during which
    an alliance's membership changed: their groups are read at the middle of the range, which
    may be on either side of the change. Columns: id, dated (as given), changes.

    >>> d = pd.DataFrame({"id": ["a", "b"], "date": pd.to_datetime(["2018-07-01", "2018-08-24"]),
    ...                   "date_precision": ["year", "day"]})
    >>> changes_within(d, load_alliances(), ["ALBA"]).values.tolist()
    [['a', '2018', 'Ecuador leaves ALBA (2018-08-23)']]
    """
    from .corpus import date_span
    from .overview import _SHOWN

    every = membership_events(alliances, groups)  # built once; each article's range is a slice of it
    rows = []
    for ident, when, precision in zip(dates["id"], dates["date"], dates["date_precision"]):
        if pd.isna(when) or precision not in ("month", "year"):
            continue
        start, end = date_span(when, precision)
        events = every[(every["date"] >= start) & (every["date"] <= end)]
        if len(events):
            rows.append((ident, start.strftime(_SHOWN[precision]),
                         "; ".join(f"{label} ({d:%Y-%m-%d})" for label, d in zip(events["label"], events["date"]))))
    return pd.DataFrame(rows, columns=["id", "dated", "changes"])


def mentions_for_corpus(articles: pd.DataFrame, actors: pd.DataFrame, alliances: pd.DataFrame,
                        text_column: str = "clean_text", assumed_dates: dict[str, str] | None = None,
                        include_opposition: bool = False, progress: bool = False) -> pd.DataFrame:
    """Every mention in every article, resolved to groups at the article's date.

    One row per mention: article, date, then the columns of :func:`find_mentions` and
    ``groups``. Offsets refer to ``articles[text_column]``.
    """
    dates = article_dates(articles, assumed_dates).set_index("id")["date"].to_dict()
    stage = "mentions-" + hashlib.sha256(actors.to_json(orient="records").encode("utf-8")).hexdigest()[:16]
    key, actor_rows = _actor_index(actors)
    texts = articles[text_column].tolist()
    spans_per_article = per_article(stage, _mention_spans, [(text,) for text in texts], shared=(key,), progress=progress)
    # assembled column by column: a large corpus has hundreds of thousands of mentions
    counts = [len(starts) for starts, _, _, _ in spans_per_article]
    actor_index = list(chain.from_iterable(spans[2] for spans in spans_per_article))
    columns = {
        "article": list(chain.from_iterable(repeat(ident, n) for ident, n in zip(articles["id"], counts))),
        "date": list(chain.from_iterable(repeat(dates[ident], n) for ident, n in zip(articles["id"], counts))),
        "start": list(chain.from_iterable(spans[0] for spans in spans_per_article)),
        "end": list(chain.from_iterable(spans[1] for spans in spans_per_article)),
        "surface": [text[start:end] for text, (starts, ends, _, _) in zip(texts, spans_per_article)
                    for start, end in zip(starts, ends)],
    }
    for column, field in (("actor", "name"), ("type", "type"), ("country", "country"), ("body", "body"), ("role", "role")):
        values = [row[field] for row in actor_rows]  # one per actor, then one per mention
        columns[column] = [values[i] for i in actor_index]
    columns["matched_as"] = list(chain.from_iterable(spans[3] for spans in spans_per_article))
    spells, groups_on = _spells_by_member(alliances), {}
    groups = []
    for ident, (_, _, indexes, _) in zip(articles["id"], spans_per_article):
        date = dates[ident]
        known = groups_on.setdefault(date, {})  # the groups of each actor on that date, worked out once
        for i in indexes:
            found = known.get(i)
            if found is None:
                row = actor_rows[i]
                found = known[i] = tuple(_groups_for(row["country"], row["body"], row["role"], _as_date(date),
                                                     spells, include_opposition))
            groups.append(found)
    columns["groups"] = groups
    frame = pd.DataFrame(columns if groups else None, columns=["article", "date", *MENTION_COLUMNS, "groups"])  # none: empty object columns
    return frame.astype(_MENTION_TYPES)


def actor_for_name(name: str | None, actors: pd.DataFrame) -> str | None:
    """The actor a speaker's name refers to: a name or alias written in full, else the
    first actor found in it ("ALBA final declaration" → ALBA), else a short form that only
    one actor has ("Maduro"). None when nothing or only an ambiguous surname is found.

    >>> actors = load_actors()
    >>> [actor_for_name(n, actors) for n in ["Nicolas Maduro", "ALBA statement", "Maduro", "Rodriguez", None]]
    ['Nicolas Maduro', 'ALBA', 'Nicolas Maduro', None, None]
    """
    return actors_for_names([name], actors).get(name)


def actors_for_names(names: Iterable[str | None], actors: pd.DataFrame, *, actor_index: ActorIndex | None = None) -> dict:
    """:func:`actor_for_name` of each distinct name, with the actor table read once (or given
    as ``actor_index``, :func:`_actor_index`'s reading): {name: actor or None}.

    >>> actors_for_names(["ALBA statement", "Maduro", "Nobody"], load_actors())
    {'ALBA statement': 'ALBA', 'Maduro': 'Nicolas Maduro', 'Nobody': None}
    """
    key, actor_rows = actor_index if actor_index is not None else _actor_index(actors)
    shorts: dict[str, list[str]] = {}  # folded short form: the actors that have it
    for row in actors.itertuples(index=False):
        for form in dict.fromkeys(fold(s, keep_length=True).lower() for s in row.short_forms):
            shorts.setdefault(form, []).append(row.name)
    found: dict = {}
    for name in names:
        if name in found:
            continue
        if not isinstance(name, str) or not name.strip():
            found[name] = None
            continue
        _, _, indexes, _ = _mention_spans(name, key)
        if indexes:
            found[name] = actor_rows[indexes[0]]["name"]
            continue
        owners = shorts.get(fold(name, keep_length=True).strip().lower(), [])
        found[name] = owners[0] if len(owners) == 1 else None
    return found


def name_words(actors: pd.DataFrame) -> set[str]:
    """Lower-case, accent-folded words and joined forms of every actor spelling, for
    dropping names from word counts (so vocabulary is about framing, not naming).

    >>> sorted(w for w in name_words(load_actors()) if w.startswith("lima"))
    ['lima', 'lima group', 'lima-group', 'lima_group']
    """
    words: set[str] = set()
    for row in actors.itertuples(index=False):
        for form in (row.name, *row.aliases, *row.demonyms, *row.short_forms):
            low = fold(form, keep_length=True).lower()
            parts = re.findall(r"\w+", low)
            words.update(parts)
            words.update({low, " ".join(parts), "_".join(parts), "-".join(parts)})
    return {w for w in words if w}


# ---------------------------------------------------------------- actors the tables lack

UNKNOWN_COLUMNS = ["name", "kind", "quotes", "quoted_words", "articles", "role", "example", "row"]


def unknown_actors(quotes: pd.DataFrame, actors: pd.DataFrame, top: int = 25,
                   offices: pd.DataFrame | None = None, dates: Mapping[str, object] | None = None) -> pd.DataFrame:
    """The speakers the corpus quotes most that ``actors`` does not know, most quoted words first:
    name, kind (person or organisation), quotes, quoted_words, articles, role (the title the
    articles give, when they give one), an example quotation, and a ready-to-paste row for
    ``actors.csv`` (country, body and the role column left for you to fill in; see
    :func:`load_actors` for the columns). Speakers are counted once under all their names
    (``speaker_id``); described sources ("officials") and quoted terms are left out, and so are
    people the ``offices`` table shows in office for a government on the date of one of their
    quotes (``dates``: article id to date; :mod:`helpers.offices`), who already stand for a country.

    >>> quotes = pd.DataFrame({"article": ["a", "b", "b"], "speaker": ["Manuel Zelaya", "Zelaya", "Nicolas Maduro"],
    ...     "speaker_type": ["person"] * 3, "speaker_role": ["President", "", ""], "kind": ["full"] * 3,
    ...     "quote": ["We will return.", "Never.", "We stay."]})
    >>> table = unknown_actors(quotes, load_actors())
    >>> table[["name", "quotes", "articles", "role"]].values.tolist()
    [['Manuel Zelaya', 2, 2, 'President']]
    >>> table.loc[0, "row"]
    'Manuel Zelaya,person,,,,Manuel Zelaya,,Zelaya,found by helpers.actors.unknown_actors: fill in country/body and role'
    """
    from .quotes.people import speaker_ids

    if quotes.empty:
        return pd.DataFrame(columns=UNKNOWN_COLUMNS)
    frame = quotes[~quotes.get("kind", pd.Series("", index=quotes.index)).isin(["term", "title"])]
    frame = frame[frame["speaker"].notna() & frame["speaker"].astype(str).str.strip().ne("")]
    ids, shown = speaker_ids(frame["speaker"], frame["speaker_type"] if "speaker_type" in frame else None)
    frame = frame.assign(speaker_id=ids, words=frame["quote"].map(count_words))
    known: dict[str, bool] = {}
    holders = _office_index(offices)
    resolved = actors_for_names([*frame["speaker"], *(shown[i] for i in dict.fromkeys(ids))], actors)  # table read once
    rows = []
    for ident, group in frame.groupby("speaker_id", sort=False):
        name = shown[ident]
        if name not in known:
            known[name] = resolved.get(name) is not None or any(
                resolved.get(n) is not None for n in set(group["speaker"])) or (
                holders is not None and any(holders.acting_for(speaker, (dates or {}).get(article)) is not None
                                            for speaker, article in zip(group["speaker"], group["article"])))
        if known[name] or name.split()[0].lower() in _DESCRIBED:
            continue
        kind = "person" if str(group["speaker_type"].iloc[0] if "speaker_type" in group else "person") == "person" else "organisation"
        roles = [r for r in group.get("speaker_role", pd.Series(dtype=str)).fillna("") if r]
        short = name.split()[-1] if kind == "person" and len(name.split()) > 1 else ""
        rows.append({"name": name, "kind": kind, "quotes": len(group), "quoted_words": int(group["words"].sum()),
                     "articles": group["article"].nunique(), "role": Counter(roles).most_common(1)[0][0] if roles else "",
                     "example": group.loc[group["words"].idxmax(), "quote"],
                     "row": _csv_row([name, kind, "", "", "", name, "", short,
                                      "found by helpers.actors.unknown_actors: fill in country/body and role"])})
    table = pd.DataFrame(rows, columns=UNKNOWN_COLUMNS)
    return table.sort_values(["quoted_words", "quotes", "name"], ascending=[False, False, True]).head(top).reset_index(drop=True)


UNKNOWN_MENTION_COLUMNS = ["name", "kind", "mentions", "articles", "example", "row"]
_SENTENCE_END_AFTER = re.compile(r"[.!?](?=\s|$)|\n")


def _names_in(text: str) -> list[list]:
    """[name, kind, start] for every person (two words or more) and organisation the quote
    finder's name reader finds in ``text`` (one article's clean text)."""
    from .quotes.names import find_phrases
    from .quotes.wordlists import speaker_words

    generic = speaker_words()["org"] | speaker_words()["group"]  # "Council", "Government" alone name nobody
    found = []
    for phrase in find_phrases(text, 0, len(text)):
        if phrase.kind == "org" and phrase.text.lower() in generic:
            continue
        if phrase.kind == "org" or (phrase.kind == "name" and len(phrase.text.split()) >= 2):
            found.append([fold(phrase.text), "organisation" if phrase.kind == "org" else "person", phrase.start])
    return found


def _names_per_article(texts: list[str], progress: bool = False) -> list[list]:
    """:func:`_names_in` for each text, cached per article."""
    return per_article("unknown-names-v2", _names_in, [(text,) for text in texts], progress=progress)


def unknown_mentions(articles: pd.DataFrame, actors: pd.DataFrame, top: int = 25, text_column: str = "clean_text",
                     progress: bool = False) -> pd.DataFrame:
    """The people (full names) and organisations the corpus names most that ``actors`` does not
    know, quoted or not: name, kind, mentions, articles, an example sentence, and a row ready to
    paste into ``actors.csv``. Most mentioned first; a name is counted as written (a surname
    alone is left out: it is ambiguous until the full name is known).

    >>> articles = pd.DataFrame({"id": ["a", "b"], "clean_text": [
    ...     "Manuel Zelaya met Nicolas Maduro in Caracas. Zelaya left.", "Manuel Zelaya returned to Honduras."]})
    >>> unknown_mentions(articles, load_actors())[["name", "kind", "mentions", "articles"]].values.tolist()
    [['Manuel Zelaya', 'person', 2, 2]]
    """
    texts = articles[text_column].fillna("").astype(str).tolist()
    found = _names_per_article(texts, progress)
    counts: Counter = Counter()
    seen_in: dict[tuple, set] = {}
    example: dict[tuple, str] = {}
    for ident, text, names in zip(articles["id"], texts, found):
        for name, kind, start in names:
            key = (name, kind)
            counts[key] += 1
            seen_in.setdefault(key, set()).add(ident)
            if key not in example:
                left = max(text.rfind(". ", 0, start) + 1, text.rfind("\n", 0, start) + 1)
                right = _SENTENCE_END_AFTER.search(text, start)
                example[key] = text[left:right.end() if right else len(text)].strip()
    rows, known = [], {}
    resolved = actors_for_names([name for name, _ in counts], actors)  # the actor table read once
    for (name, kind), n in counts.most_common():
        if name not in known:
            known[name] = resolved[name] is not None or name.split()[0].lower() in _DESCRIBED
        if known[name]:
            continue
        short = name.split()[-1] if kind == "person" else ""
        rows.append({"name": name, "kind": kind, "mentions": n, "articles": len(seen_in[(name, kind)]),
                     "example": example[(name, kind)],
                     "row": _csv_row([name, kind, "", "", "", name, "", short,
                                      "found by helpers.actors.unknown_mentions: fill in country/body and role"])})
        if len(rows) >= top:
            break
    return pd.DataFrame(rows, columns=UNKNOWN_MENTION_COLUMNS)


def unknown_mention_share(articles: pd.DataFrame, actors: pd.DataFrame, text_column: str = "clean_text") -> float:
    """The share of the people (full names) and organisations named in the corpus that ``actors``
    does not know, counting every mention: how much the mention counts may miss.

    >>> articles = pd.DataFrame({"id": ["a"], "clean_text": ["Manuel Zelaya met Nicolas Maduro and Hugo Chavez."]})
    >>> round(unknown_mention_share(articles, load_actors()), 2)
    0.33
    """
    found = _names_per_article(articles[text_column].fillna("").astype(str).tolist())
    names = Counter(name for article in found for name, _, _ in article)
    if not names:
        return 0.0
    resolved = actors_for_names(names, actors)
    unknown = sum(n for name, n in names.items() if resolved[name] is None)
    return unknown / sum(names.values())


_DESCRIBED = frozenset({"officials", "official", "diplomats", "diplomat", "sources", "source", "analysts", "protesters",
                        "people", "ministers", "leaders", "observers", "critics"})


def _csv_row(values: list[str]) -> str:
    """One line of CSV, quoted where a value needs it (as the csv module writes it)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(values)
    return out.getvalue()


def _office_index(offices: pd.DataFrame | None):
    from .offices import OfficeIndex
    return OfficeIndex(offices) if offices is not None else None


def unresolved_share(quotes: pd.DataFrame, actors: pd.DataFrame, offices: pd.DataFrame | None = None,
                     dates: Mapping[str, object] | None = None) -> float:
    """The share of quoted words whose speaker the tables do not know (no speaker, or a speaker
    no actor's name or alias matches and, given ``offices``, nobody in office for a government on
    the quote's date, ``dates`` giving each article's), for titles and captions.

    >>> quotes = pd.DataFrame({"speaker": ["Nicolas Maduro", "Manuel Zelaya", None], "quote": ["a b", "c d", "e f"]})
    >>> round(unresolved_share(quotes, load_actors()), 2)
    0.67
    """
    if quotes.empty:
        return 0.0
    words = quotes["quote"].map(count_words)
    holders = _office_index(offices)
    lookup = {name: actor is not None for name, actor in actors_for_names(quotes["speaker"].dropna().unique(), actors).items()}
    articles = quotes["article"] if "article" in quotes else pd.Series(None, index=quotes.index)
    known = pd.Series([isinstance(s, str) and (lookup.get(s, False) or (
        holders is not None and holders.acting_for(s, (dates or {}).get(a)) is not None))
        for s, a in zip(quotes["speaker"], articles)], index=quotes.index)
    return float(words[~known].sum() / max(words.sum(), 1))
