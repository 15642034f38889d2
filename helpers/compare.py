"""Comparing the camps: who is mentioned, who is mentioned together, who speaks, with which
words each camp is framed, and the tone of the sentences that name them.

Everything takes plain inputs (DataFrames, token lists, a sentence-splitting callable), so
each step can be tried on a few invented sentences:

- a *mentions* table: one row per mention with ``article``, ``start``, ``end``, ``actor``,
  ``country``, ``body`` and ``groups`` (see :func:`helpers.actors.mentions_for_corpus`);
- a *sentences* table built by :func:`sentence_table`: one row per sentence with the
  actors and groups it names;
- *camps*: a mapping such as ``{"ALBA camp": ["ALBA", "Cuba"], "Lima Group camp": ["Lima Group"]}``.

"Named" mentions are of a group itself or of someone acting for it (ALBA, Luis Almagro for
the OAS, Cuba for the group Cuba); "member" mentions come through a member country or its
people (Venezuela for ALBA).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

import networkx as nx
import numpy as np
import pandas as pd

from .figures import colour_for, palette

Spans = Callable[[str], list[tuple[int, int]]]
_WORDS = re.compile(r"\w+(?:['\u2019]\w+)*")


def group_order(extra: Iterable[str] = ()) -> list[str]:
    """Groups in the order of ``groups.csv`` (ALBA, Lima Group, CELAC, OAS, …, outside powers),
    then any ``extra`` ones alphabetically.

    >>> group_order(["SICA", "ALBA"])[:2], group_order(["SICA"])[-1]
    (['ALBA', 'Lima Group'], 'SICA')
    """
    known = [g for g in palette() if g != "other"]
    return known + sorted(set(extra) - set(known))


def _via(group: str, country: str, body: str) -> str:
    return "named" if group in (body, country) else "member"


# ---------------------------------------------------------------- mentions per alliance

def mention_counts(mentions: pd.DataFrame) -> pd.DataFrame:
    """Mentions per article, group and route ("named" or "member"): columns article,
    group, via, mentions. A mention counts once for each group it stands for.

    >>> m = pd.DataFrame({"article": ["a", "a", "b"], "actor": ["ALBA", "Venezuela", "Cuba"],
    ...                   "country": ["", "Venezuela", "Cuba"], "body": ["ALBA", "", ""],
    ...                   "groups": [("ALBA",), ("ALBA", "CELAC"), ("ALBA", "Cuba")]})
    >>> mention_counts(m).values.tolist()
    [['a', 'ALBA', 'member', 1], ['a', 'ALBA', 'named', 1], ['a', 'CELAC', 'member', 1], ['b', 'ALBA', 'member', 1], ['b', 'Cuba', 'named', 1]]
    """
    rows = [(article, group, _via(group, country, body))
            for article, country, body, groups in zip(mentions["article"], mentions["country"], mentions["body"], mentions["groups"])
            for group in groups]
    table = pd.DataFrame(rows, columns=["article", "group", "via"])
    return table.groupby(["article", "group", "via"]).size().rename("mentions").reset_index()


def mentions_by_group(counts: pd.DataFrame, groups: Iterable[str] | None = None) -> pd.DataFrame:
    """Total mentions per group, split into named and member columns, plus total, in
    palette order (or the order of ``groups``; groups never mentioned get zeros)."""
    table = counts.pivot_table(index="group", columns="via", values="mentions", aggfunc="sum", fill_value=0)
    table = table.reindex(columns=["named", "member"], fill_value=0)
    order = list(groups) if groups is not None else [g for g in group_order(table.index) if g in table.index]
    table = table.reindex(order, fill_value=0).astype(int)
    table["total"] = table["named"] + table["member"]
    table.index.name = "group"
    table.columns.name = None
    return table


def mentions_by_article(counts: pd.DataFrame, groups: Iterable[str] | None = None, via: str | None = None) -> pd.DataFrame:
    """Articles × groups table of mentions (all routes, or only ``via`` = named/member)."""
    if via is not None:
        counts = counts[counts["via"] == via]
    table = counts.pivot_table(index="article", columns="group", values="mentions", aggfunc="sum", fill_value=0)
    order = list(groups) if groups is not None else [g for g in group_order(table.columns) if g in table.columns]
    table = table.reindex(columns=order, fill_value=0).astype(int)
    table.columns.name = None
    return table


# ---------------------------------------------------------------- sentences

def sentence_table(articles: pd.DataFrame, mentions: pd.DataFrame, spans: Spans | None = None,
                   text_column: str = "clean_text") -> pd.DataFrame:
    """One row per sentence: article, sentence (number from 0), start, end, text, actors
    and groups (tuples, in order of first mention, without repeats).

    The sentences are the ``sentence_spans`` that :func:`helpers.clean.clean_corpus` found
    (offsets into ``clean_text``, like those of mentions and quotes), so nothing is split twice;
    ``spans(text)``, when given, splits the text instead (e.g. ``helpers.sentences.sentence_spans``).

    >>> arts = pd.DataFrame({"id": ["a"], "clean_text": ["ALBA met. Cuba spoke."]})
    >>> m = pd.DataFrame({"article": ["a", "a"], "start": [0, 10], "actor": ["ALBA", "Cuba"],
    ...                   "groups": [("ALBA",), ("ALBA", "Cuba")]})
    >>> split = lambda text: [(0, 9), (10, 21)]
    >>> sentence_table(arts, m, split)[["text", "actors", "groups"]].values.tolist()
    [['ALBA met.', ('ALBA',), ('ALBA',)], ['Cuba spoke.', ('Cuba',), ('ALBA', 'Cuba')]]
    """
    rows = []
    by_article = {}  # article -> (mention starts sorted, their actors, their groups): plain arrays and lists
    if len(mentions):
        for article, found in mentions.groupby("article"):
            found = found.sort_values("start", kind="stable")
            by_article[article] = (found["start"].to_numpy(), found["actor"].tolist(), found["groups"].tolist())
    given = articles["sentence_spans"] if spans is None else [spans(text) for text in articles[text_column]]
    for ident, text, sentence_spans in zip(articles["id"], articles[text_column], given):
        found = by_article.get(ident)
        if found is not None and len(sentence_spans):
            bounds = np.asarray(sentence_spans, dtype=np.int64).reshape(-1, 2)
            firsts = np.searchsorted(found[0], bounds[:, 0], side="left")  # the mentions starting inside
            lasts = np.searchsorted(found[0], bounds[:, 1], side="left")   # start <= offset < end
        for number, (start, end) in enumerate(sentence_spans):
            actors: tuple[str, ...] = ()
            groups: tuple[str, ...] = ()
            if found is not None and firsts[number] < lasts[number]:
                k, j = firsts[number], lasts[number]
                actors = tuple(dict.fromkeys(found[1][k:j]))
                groups = tuple(dict.fromkeys(g for gs in found[2][k:j] for g in gs))
            rows.append({"article": ident, "sentence": number, "start": start, "end": end,
                         "text": text[start:end], "actors": actors, "groups": groups})
    return pd.DataFrame(rows, columns=["article", "sentence", "start", "end", "text", "actors", "groups"])


# ---------------------------------------------------------------- co-occurrence network

def cooccurrence_graph(node_sets: Iterable[Iterable[str]]) -> nx.Graph:
    """A graph with a node per name and an edge per pair of names that share a sentence.

    Each element of ``node_sets`` is what one sentence names. Node attribute ``sentences``
    counts the sentences naming the node; edge attribute ``weight`` the sentences naming
    both ends.

    >>> g = cooccurrence_graph([["ALBA", "Cuba"], ["ALBA", "Cuba", "OAS"], ["OAS"]])
    >>> g["ALBA"]["Cuba"]["weight"], g.nodes["OAS"]["sentences"], g.has_edge("Cuba", "Cuba")
    (2, 2, False)
    """
    graph = nx.Graph()
    for names in node_sets:
        unique = sorted(set(names))
        for name in unique:
            if name in graph:
                graph.nodes[name]["sentences"] += 1
            else:
                graph.add_node(name, sentences=1)
        for i, first in enumerate(unique):
            for second in unique[i + 1:]:
                if graph.has_edge(first, second):
                    graph[first][second]["weight"] += 1
                else:
                    graph.add_edge(first, second, weight=1)
    return graph


def actor_colour_groups(mentions: pd.DataFrame) -> dict[str, str]:
    """For each actor, the group its node is coloured by: the group it is named as (the
    OAS for Luis Almagro, Cuba for Cuba), else the group it belonged to in most of its
    mentions (each mention counts its first group in the groups table's order, on the
    article's date), else "other" (e.g. opposition figures).

    >>> m = pd.DataFrame({"actor": ["Cuba", "Nicolas Maduro", "Juan Guaido"], "country": ["Cuba", "Venezuela", "Venezuela"],
    ...                   "body": ["", "", ""], "groups": [("ALBA", "CELAC", "Cuba"), ("CELAC", "ALBA"), ()]})
    >>> actor_colour_groups(m)
    {'Cuba': 'Cuba', 'Nicolas Maduro': 'ALBA', 'Juan Guaido': 'other'}
    """
    return {actor: shares[0][0] if shares else "other" for actor, shares in _group_shares(mentions).items()}


def actor_second_groups(mentions: pd.DataFrame, among: Iterable[str], min_share: float = 0.2) -> dict[str, str]:
    """Actors whose membership of the groups ``among`` (the camps' groups) changed over the
    corpus: a group of ``among`` that the actor belonged to in at least ``min_share`` of its
    mentions, other than the group its node is coloured by (a country that joined or left the
    Lima Group during the years the corpus covers). Groups outside ``among`` (CELAC, founded in
    2011) do not count, so a bloc founded mid-corpus draws no ring.

    >>> m = pd.DataFrame({"actor": ["Argentina"] * 4, "country": ["Argentina"] * 4, "body": [""] * 4,
    ...                   "groups": [("ALBA", "OAS"), ("ALBA", "OAS"), ("Lima Group", "OAS"), ("ALBA", "OAS")]})
    >>> actor_colour_groups(m), actor_second_groups(m, ["ALBA", "Lima Group"])
    ({'Argentina': 'ALBA'}, {'Argentina': 'Lima Group'})
    """
    colour = actor_colour_groups(mentions)
    return {actor: second for actor, shares in _group_shares(mentions, set(among)).items()
            for second in [next((g for g, share in shares if g != colour.get(actor) and share >= min_share), None)]
            if second is not None}


def _group_shares(mentions: pd.DataFrame, among: set[str] | None = None) -> dict[str, list[tuple[str, float]]]:
    """Each actor's groups (only those ``among``, when given) with the share of its mentions in
    which each came first, largest share first (the group it is named as, if any, always first)."""
    order = {g: k for k, g in enumerate(group_order())}
    result = {}
    for actor, rows in mentions.groupby("actor", sort=False):
        names = set(rows["country"]) | set(rows["body"])  # once per actor, not once per group
        own = next((g for gs in rows["groups"] for g in gs if g in names), None)
        if own is not None:
            result[actor] = [(own, 1.0)]
            continue
        kept = [tuple(g for g in gs if among is None or g in among) for gs in rows["groups"]]
        firsts = Counter(min(gs, key=lambda g: (order.get(g, len(order)), g)) for gs in kept if len(gs))
        total = len(rows)
        result[actor] = sorted(((g, n / total) for g, n in firsts.items()),
                               key=lambda item: (-item[1], order.get(item[0], len(order)), item[0]))
    return result


def top_subgraph(graph: nx.Graph, max_nodes: int = 25, min_weight: int = 1) -> nx.Graph:
    """The ``max_nodes`` most-mentioned nodes (ties by name) and edges of at least ``min_weight``."""
    keep = sorted(graph.nodes, key=lambda n: (-graph.nodes[n]["sentences"], n))[:max_nodes]
    sub = graph.subgraph(keep).copy()
    sub.remove_edges_from([(a, b) for a, b, w in sub.edges(data="weight") if w < min_weight])
    return sub


def edge_table(graph: nx.Graph) -> pd.DataFrame:
    """The graph's edges as a table (source, target, sentences), strongest first.

    >>> edge_table(cooccurrence_graph([["b", "a"], ["a", "b", "c"]])).values.tolist()
    [['a', 'b', 2], ['a', 'c', 1], ['b', 'c', 1]]
    """
    rows = [(min(a, b), max(a, b), w) for a, b, w in graph.edges(data="weight")]
    table = pd.DataFrame(rows, columns=["source", "target", "sentences"])
    return table.sort_values(["sentences", "source", "target"], ascending=[False, True, True]).reset_index(drop=True)


# ---------------------------------------------------------------- camps

def camps_of(groups: Iterable[str], camps: Mapping[str, Iterable[str]]) -> list[str]:
    """The camps whose groups include any of ``groups`` (in the order camps are given).

    >>> camps = {"ALBA camp": ["ALBA", "Cuba"], "Lima Group camp": ["Lima Group", "United States"]}
    >>> camps_of(("ALBA", "CELAC"), camps), camps_of(("CELAC",), camps)
    (['ALBA camp'], [])
    """
    groups = set(groups)
    return [camp for camp, members in camps.items() if groups & set(members)]


def camp_label(groups: Iterable[str], camps: Mapping[str, Iterable[str]]) -> str:
    """One label: the single camp, "both camps" when groups fall in more than one, or
    "no camp".

    >>> camps = {"A": ["ALBA"], "L": ["Lima Group"]}
    >>> [camp_label(g, camps) for g in [("ALBA",), ("ALBA", "Lima Group"), ()]]
    ['A', 'both camps', 'no camp']
    """
    found = camps_of(groups, camps)
    return found[0] if len(found) == 1 else ("both camps" if found else "no camp")


def camp_colour(camp: str, camps: Mapping[str, Iterable[str]]) -> str:
    """A camp is drawn in the colour of its first group.

    >>> camp_colour("A", {"A": ["Lima Group", "United States"]}) == colour_for("Lima Group")
    True
    """
    members = list(camps.get(camp, []))
    return colour_for(members[0]) if members else colour_for("other")


# ---------------------------------------------------------------- quotes by camp

def count_words(text: str) -> int:
    """Words in a quotation.

    >>> count_words("This is the time of unity, peace and hope")
    9
    """
    return len(_WORDS.findall(str(text or "")))


def quotes_by_camp(quotes: pd.DataFrame, actor_table: pd.DataFrame, alliances: pd.DataFrame,
                   dates: Mapping[str, object], camps: Mapping[str, Iterable[str]],
                   include_opposition: bool = False, offices: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each quote with who said it, for whom: columns article, speaker, quote, kind,
    words, actor, country, body, groups (tuple), camp.

    A speaker's name is resolved to an actor of ``actor_table`` (:func:`helpers.actors.actor_for_name`),
    then to the groups it stood for on its article's date (``dates``: article id to date) in
    ``alliances`` (:func:`helpers.actors.groups_for`), then to a camp. A speaker the actor table
    lacks but ``offices`` (:func:`helpers.offices.load_offices`) shows in office on that date
    (Yván Gil, Venezuela's foreign minister from 2023) stands for that country or body. Unknown
    speakers keep actor None and no groups. Collective speakers ("ALBA statement") resolve to
    their body. A speaker described by an office alone ("Ecuador's president", "the OAS Secretary
    General") resolves, given ``offices``, to the person who held it on the article's date
    (:func:`helpers.offices.role_holder`); the country or body, and so the groups, stay the same. Quoted terms and titles (``kind`` "term" or "title") are nobody's speech and are
    left out.
    """
    from .actors import _actor_index, actors_for_names, group_finder, is_opposition
    from .offices import OfficeIndex, role_holder

    info = {name: (country, body, role) for name, country, body, role
            in zip(actor_table["name"], actor_table["country"], actor_table["body"], actor_table["role"])}
    index = OfficeIndex(offices) if offices is not None else None
    countries = set(actor_table.loc[actor_table["type"] == "country", "name"])
    groups_on = group_finder(alliances, include_opposition)  # each actor's groups worked out once per date
    spellings = _actor_index(actor_table)  # the actor table read once for every lookup below
    actor_of = actors_for_names(quotes["speaker"], actor_table, actor_index=spellings)  # each distinct name once
    kind_of = dict(zip(actor_table["name"], actor_table["type"]))
    holders: dict[tuple, str | None] = {}  # (description, date): who held the office it names
    rows = []
    for row in quotes.itertuples(index=False):
        if getattr(row, "kind", "") in ("term", "title"):
            continue  # words singled out or a title, not anyone's speech
        actor = actor_of[row.speaker]
        country = body = role = ""
        groups: tuple[str, ...] = ()
        if actor is not None and actor in info:
            country, body, role = info[actor]
            if index is not None and kind_of.get(actor) != "person" and row.speaker != actor:
                # "Ecuador's president", "the OAS Secretary General": the person in that office that day
                key = (row.speaker, dates.get(row.article))
                if key not in holders:
                    spell = role_holder(row.speaker, key[1], index, actor_table, actor_index=spellings)
                    holders[key] = spell.person if spell is not None and spell.person not in countries else None
                actor = holders[key] or actor
            if actor != row.speaker and is_opposition(row.speaker) and not is_opposition(role):
                role = "opposition"  # "Venezuelan opposition lawmakers": a description naming the country
            groups = groups_on(country, body, role, dates.get(row.article))
        elif index is not None and isinstance(row.speaker, str):
            spell = index.acting_for(row.speaker, dates.get(row.article))
            if spell is not None:  # not in the actor table, but in office that day
                actor = spell.person
                country, body = (spell.of, "") if spell.of in countries else ("", spell.of)
                groups = groups_on(country, body, spell.office, dates.get(row.article))
        rows.append({"article": row.article, "speaker": row.speaker, "quote": row.quote,
                     "kind": getattr(row, "kind", ""), "words": count_words(row.quote), "actor": actor,
                     "country": country, "body": body, "groups": groups, "camp": camp_label(groups, camps)})
    return pd.DataFrame(rows, columns=["article", "speaker", "quote", "kind", "words", "actor", "country",
                                       "body", "groups", "camp"])


def quoted_words_by(table: pd.DataFrame, by: str = "group", order: Iterable[str] | None = None) -> pd.DataFrame:
    """Quotes, quoted words and distinct speakers per group (a quote counts for each group
    its speaker stands for, and as "(unresolved)" when it has none) or per camp.

    >>> t = pd.DataFrame({"speaker": ["X", "X", "Y"], "words": [3, 4, 5], "groups": [("ALBA", "Cuba"), ("ALBA", "Cuba"), ()],
    ...                   "camp": ["A", "A", "no camp"]})
    >>> quoted_words_by(t).to_dict("index")["ALBA"], quoted_words_by(t, "camp").loc["A", "words"]
    ({'quotes': 2, 'words': 7, 'speakers': 1}, np.int64(7))
    """
    if by == "group":
        long = table.assign(group=[gs if gs else ("(unresolved)",) for gs in table["groups"]]).explode("group")
    else:
        long = table
    grouped = long.groupby(by)
    result = pd.DataFrame({"quotes": grouped.size(), "words": grouped["words"].sum(),
                           "speakers": grouped["speaker"].nunique()})
    if order is None:
        order = group_order(result.index) if by == "group" else list(result.index)
    order = [k for k in order if k in result.index] + [k for k in result.index if k not in set(order)]
    return result.reindex(order)


# ---------------------------------------------------------------- distinctive vocabulary

def camp_term_counts(sentences: pd.DataFrame, camps: Mapping[str, Iterable[str]],
                     tokenize: Callable[[str], list[str]], exclusive: bool = True,
                     drop: Iterable[str] = (), tokens: Sequence[list[str]] | None = None) -> pd.DataFrame:
    """Words × camps table of token counts in the sentences that name each camp's groups.

    With ``exclusive`` a sentence naming more than one camp counts for none of them, so each
    camp's words come from sentences about it alone. ``drop`` removes tokens such as the
    actors' own names. ``tokens``, when given, are the sentences already split (one list per
    sentence, as :func:`sentence_terms` gives them), and ``tokenize`` is not called.

    >>> s = pd.DataFrame({"text": ["alba condemns", "lima urges alba", "lima urges"],
    ...                   "groups": [("ALBA",), ("ALBA", "Lima Group"), ("Lima Group",)]})
    >>> camp_term_counts(s, {"A": ["ALBA"], "L": ["Lima Group"]}, str.split, drop={"alba", "lima"}).to_dict()
    {'A': {'condemns': 1, 'urges': 0}, 'L': {'condemns': 0, 'urges': 1}}
    """
    drop = set(drop)
    counts = {camp: Counter() for camp in camps}
    split = tokens if tokens is not None else (tokenize(text) for text in sentences["text"])
    for words, groups in zip(split, sentences["groups"]):
        found = camps_of(groups, camps)
        if exclusive and len(found) != 1:
            continue
        kept = [t for t in words if t not in drop]
        for camp in found:
            counts[camp].update(kept)
    table = pd.DataFrame(counts).fillna(0).astype(int)
    return table.reindex(columns=list(camps)).sort_index()


def log_odds(counts: pd.DataFrame, prior: pd.Series | Mapping[str, float] | None = None,
             prior_strength: float | None = None) -> pd.DataFrame:
    """Distinctive words of each column of ``counts`` (words × camps) against all the
    other columns pooled, by the log-odds ratio with an informative Dirichlet prior
    (Monroe, Colaresi & Quinn 2008, "Fightin' Words", Political Analysis 16(4), eq. 16-22).

    For camp i and word w, with y_iw the word's count in camp i, n_i the camp's total, y_jw
    and n_j the same for the rest (all other camps together), and prior pseudo-counts a_w
    summing to a_0::

        delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w))
                - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
        var(delta_w) ~= 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
        z_w = delta_w / sqrt(var(delta_w))

    ``prior`` gives background counts per word (default: the row sums of ``counts``, i.e.
    the words' frequency over all camps). ``prior_strength`` rescales the prior so that a_0
    equals it (default: a_0 = the prior's own total). A stronger prior pulls rare words towards
    zero. A word the prior gives nothing (missing from it, or ``prior_strength=0``) gets 0.5,
    the Haldane-Anscombe correction, so a word only one side uses still gets a finite z instead
    of being dropped. z > 1.96 marks a word used more by the camp than chance would give at
    about the 5 % level, for one word taken alone; ``p`` is that one-sided p-value and ``q``
    the same after the Benjamini-Hochberg correction for all the words tested for the camp
    (:func:`benjamini_hochberg`), the one to read when many words are tested at once.

    A camp with no words at all cannot be compared: it is left out, and named in the
    result's ``attrs["empty"]``.

    Returns camp, word, count, rest, delta, se, z, p, q: every word for every camp, largest z
    first within each camp.

    >>> counts = pd.DataFrame({"A": [2, 1], "B": [1, 3]}, index=["x", "y"])
    >>> table = log_odds(counts, prior={"x": 1, "y": 1})
    >>> round(table.set_index(["camp", "word"]).loc[("A", "x"), "delta"], 4)  # log 3
    np.float64(1.0986)
    """
    counts = counts.fillna(0).astype(float)
    alpha = prior_weights(counts, prior, prior_strength)
    a0 = alpha.sum()
    frames, empty = [], []
    for camp in counts.columns:
        y_i = counts[camp]
        y_j = counts.drop(columns=[camp]).sum(axis=1)
        n_i, n_j = y_i.sum(), y_j.sum()
        if n_i == 0 or n_j == 0:
            empty.append(camp)  # nothing to compare: no words in the camp, or none elsewhere
            continue
        delta, se = log_odds_delta(y_i, y_j, n_i, n_j, alpha, a0)
        frame = pd.DataFrame({"camp": camp, "word": counts.index, "count": y_i.astype(int).to_numpy(),
                              "rest": y_j.astype(int).to_numpy(), "delta": delta.to_numpy(), "se": se.to_numpy()})
        frame["z"] = frame["delta"] / frame["se"]
        frame = frame.dropna(subset=["z"])
        frame["p"] = [0.5 * math.erfc(z / math.sqrt(2)) for z in frame["z"]]  # P(Z >= z), one-sided
        frame["q"] = benjamini_hochberg(frame["p"])
        frames.append(frame.sort_values(["z", "word"], ascending=[False, True]))
    columns = ["camp", "word", "count", "rest", "delta", "se", "z", "p", "q"]
    result = pd.concat(frames, ignore_index=True)[columns] if frames else pd.DataFrame(columns=columns)
    result.attrs["empty"] = empty
    return result


def log_odds_delta(y_i, y_j, n_i, n_j, alpha, a0):
    """The log-odds ratio of :func:`log_odds` and its standard error (Monroe et al. 2008, eq. 16-18)
    for counts y_i in the camp and y_j in the rest, totals n_i and n_j, prior pseudo-counts alpha
    summing to a0: arrays of any matching shapes (one comparison, or every bootstrap draw at once).

    >>> [round(float(v), 4) for v in log_odds_delta(2, 1, 3, 4, 1, 2)]  # log 3, sqrt(1/3 + 1/2)
    [1.0986, 0.9129]
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = (np.log((y_i + alpha) / (n_i + a0 - y_i - alpha))
                 - np.log((y_j + alpha) / (n_j + a0 - y_j - alpha)))
        se = np.sqrt(1.0 / (y_i + alpha) + 1.0 / (y_j + alpha))
    return delta, se


def article_weights(articles: int, draws: int, seed: int) -> np.ndarray:
    """How many times each of ``articles`` articles is drawn in each of ``draws`` resamples with
    replacement (seeded): draws × articles, for bootstrap sums as ``weights @ per_article``.

    >>> article_weights(4, 3, 0).sum(axis=1).tolist()
    [4.0, 4.0, 4.0]
    """
    if not articles:
        return np.zeros((draws, 0))
    rng = np.random.default_rng(seed)
    return rng.multinomial(articles, np.full(articles, 1 / articles), size=draws).astype(np.float64)


def prior_weights(counts: pd.DataFrame, prior: pd.Series | Mapping[str, float] | None = None,
                  prior_strength: float | None = None) -> pd.Series:
    """The Dirichlet prior's pseudo-count a_w of every word (row) of ``counts``, as
    :func:`log_odds` uses it: ``prior`` (default: the words' counts over all camps), rescaled to
    sum to ``prior_strength`` when given, and 0.5 for a word it leaves at zero.

    >>> prior_weights(pd.DataFrame({"A": [3, 0], "B": [1, 0]}, index=["x", "y"]), prior_strength=2).to_dict()
    {'x': 2.0, 'y': 0.5}
    """
    if prior is None:
        alpha = counts.fillna(0).astype(float).sum(axis=1)
    else:
        alpha = pd.Series(prior, dtype=float).reindex(counts.index).fillna(0.0)
    if prior_strength is not None:
        total = alpha.sum()
        alpha = alpha * (prior_strength / total) if total > 0 else alpha
    return alpha.where(alpha > 0, 0.5)  # Haldane-Anscombe: no word's odds are log(0)


def keyness(counts: pd.DataFrame) -> pd.DataFrame:
    """Keyness of each word for each column of ``counts`` (words × camps) against all the other
    columns pooled, as corpus linguists report it: the log-likelihood G² of the 2 × 2 table
    (this word / every other word, in the camp / in the rest; Dunning 1993, *Computational
    Linguistics* 19(1)), signed positive where the camp uses the word more, with its p-value
    (chi-square, one degree of freedom) and the Benjamini-Hochberg q over the camp's words; and
    the effect size, Hardie's log ratio (2014): log2 of the word's relative frequency in the camp
    over that in the rest, each zero count taken as 0.5. G² says how sure, log ratio how big.

    Returns camp, word, count, rest, g2, p, q, log_ratio, largest signed G² first per camp.

    >>> table = keyness(pd.DataFrame({"A": [10, 990], "B": [5, 1995]}, index=["w", "other"]))
    >>> row = table.set_index(["camp", "word"]).loc[("A", "w")]
    >>> float(round(row["g2"], 3)), float(round(row["log_ratio"], 3))  # rate 10/1000 against 5/2000: log2(4) = 2
    (6.969, 2.0)
    """
    counts = counts.fillna(0).astype(float)
    frames = []
    for camp in counts.columns:
        a = counts[camp].to_numpy()
        b = counts.drop(columns=[camp]).sum(axis=1).to_numpy()
        c, d = a.sum(), b.sum()
        if c == 0 or d == 0:
            continue
        observed = np.stack([a, b, c - a, d - b])  # word in camp, in rest; other words in camp, in rest
        total = c + d
        expected = np.stack([(a + b) * c, (a + b) * d, (total - a - b) * c, (total - a - b) * d]) / total
        with np.errstate(divide="ignore", invalid="ignore"):
            terms = np.where(observed > 0, observed * np.log(observed / expected), 0.0)
        g2 = 2 * terms.sum(axis=0)
        sign = np.where(a / c >= b / d, 1.0, -1.0)
        ratio = np.log2((np.where(a > 0, a, 0.5) / c) / (np.where(b > 0, b, 0.5) / d))
        frame = pd.DataFrame({"camp": camp, "word": counts.index, "count": a.astype(int), "rest": b.astype(int),
                              "g2": sign * g2, "p": [math.erfc(math.sqrt(max(g, 0) / 2)) for g in g2],
                              "log_ratio": ratio})
        frame["q"] = benjamini_hochberg(frame["p"])
        frames.append(frame.sort_values(["g2", "word"], ascending=[False, True]))
    columns = ["camp", "word", "count", "rest", "g2", "p", "q", "log_ratio"]
    return pd.concat(frames, ignore_index=True)[columns] if frames else pd.DataFrame(columns=columns)


def benjamini_hochberg(p_values: Iterable[float]) -> list[float]:
    """Benjamini-Hochberg adjusted p-values (q-values) of ``p_values``, in their order: each p
    times the number of tests over its rank, made monotone from the largest down and capped at
    1 (Benjamini & Hochberg 1995, *JRSS B* 57(1)). Reading q < 0.05 keeps the expected share of
    false discoveries among the words called distinctive under 5 %.

    >>> benjamini_hochberg([0.01, 0.04, 0.03, 0.005])
    [0.02, 0.04, 0.04, 0.02]
    """
    p = [float(v) for v in p_values]
    m = len(p)
    order = sorted(range(m), key=lambda i: p[i])
    q = [0.0] * m
    running = 1.0
    for rank in range(m, 0, -1):  # from the largest p down
        i = order[rank - 1]
        running = min(running, p[i] * m / rank)
        q[i] = round(min(running, 1.0), 15)
    return q


def top_words(table: pd.DataFrame, n: int = 10, min_count: int = 1) -> pd.DataFrame:
    """The ``n`` words with the largest z per camp, among words the camp uses at least
    ``min_count`` times."""
    kept = table[table["count"] >= min_count]
    return kept.groupby("camp", sort=False, group_keys=False).head(n).reset_index(drop=True)


# ---------------------------------------------------------------- sentiment

_ANALYZER = None


def vader_compound(texts: Iterable[str]) -> list[float]:
    """VADER compound scores (-1 most negative … +1 most positive) from the lexicon that
    ships inside the vaderSentiment package (nothing is downloaded).

    >>> [round(s, 2) for s in vader_compound(["We condemn the illegal aggression.", "A day of unity, peace and hope."])]
    [-0.81, 0.75]
    """
    global _ANALYZER
    if _ANALYZER is None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
        _ANALYZER = SentimentIntensityAnalyzer()
    return [_ANALYZER.polarity_scores(str(t))["compound"] for t in texts]


def _by_article(sentences: pd.DataFrame, stage: str, function: Callable, progress: bool) -> list:
    """``function`` of each article's sentence texts (columns article, text), cached per article
    (:func:`helpers.cache.per_article`), spread back to one value per sentence in table order."""
    from .cache import per_article

    order: dict[str, list[int]] = {}  # article: positions of its sentences
    for position, article in enumerate(sentences["article"]):
        order.setdefault(article, []).append(position)
    texts = [str(t) for t in sentences["text"]]
    per = per_article(stage, function, [([texts[i] for i in positions],) for positions in order.values()],
                      progress=progress)
    values: list = [None] * len(texts)
    for positions, found in zip(order.values(), per):
        for position, value in zip(positions, found):
            values[position] = value
    return values


def tone_scores(sentences: pd.DataFrame, progress: bool = False) -> list[float]:
    """:func:`vader_compound` of every sentence of ``sentences`` (columns article, text), in
    their order, computed article by article: cached on disk and spread over the cores
    (:func:`helpers.cache.per_article`), so adding one article to a large corpus scores only
    that article's sentences.

    >>> s = pd.DataFrame({"article": ["a", "b", "a"], "text": ["We condemn it.", "Fine.", "Peace and hope."]})
    >>> tone_scores(s) == vader_compound(s["text"])
    True
    """
    return _by_article(sentences, "tone", vader_compound, progress)


def _sentence_terms(texts: list[str]) -> list[list[str]]:
    """One article's sentences as terms (the job :func:`sentence_terms` caches)."""
    from .terms import terms

    return [terms(text) for text in texts]


def sentence_terms(sentences: pd.DataFrame, progress: bool = False) -> list[list[str]]:
    """:func:`helpers.terms.terms` (default options) of every sentence of ``sentences`` (columns
    article, text), in their order, computed article by article and cached like :func:`tone_scores`.

    >>> sentence_terms(pd.DataFrame({"article": ["a", "a"], "text": ["ALBA leaders met.", "Talks failed."]}))
    [['alba', 'leader', 'meet'], ['talks', 'fail']]
    """
    return _by_article(sentences, "sentence-terms", _sentence_terms, progress)


def article_bootstrap(sentences: pd.DataFrame, scores: Iterable[float], groups: Iterable[str],
                      draws: int = 1000, seed: int = 0, level: float = 0.95) -> pd.DataFrame:
    """Interval for the mean score of the sentences naming each group, by resampling whole
    articles (seeded): sentences of one article are not independent (one article can give a
    group most of its sentences), so articles, not sentences, are drawn with replacement, and
    each draw's mean is that of all the sentences of the articles drawn. Columns low and high
    (the percentile interval at ``level``) and articles (how many name the group); NaN for a
    group no sentence names.

    >>> s = pd.DataFrame({"article": ["a", "a", "b", "c"], "groups": [("X",), ("X",), ("X",), ()]})
    >>> table = article_bootstrap(s, [0.5, 0.5, -0.5, 0.0], ["X", "Y"], draws=200)
    >>> table.loc["X", "articles"], bool(table.loc["X", "low"] < 0.5 <= table.loc["X", "high"])
    (np.int64(2), True)
    """
    frame = pd.DataFrame({"article": list(sentences["article"]), "groups": list(sentences["groups"]),
                          "score": list(scores)})
    long = frame.explode("groups").dropna(subset=["groups"])
    articles = list(dict.fromkeys(frame["article"]))
    position = {a: k for k, a in enumerate(articles)}
    weights = article_weights(len(articles), draws, seed)
    rows = {}
    for group in groups:
        mine = long[long["groups"] == group]
        if mine.empty:
            rows[group] = {"low": np.nan, "high": np.nan, "articles": 0}
            continue
        per = mine.groupby("article")["score"].agg(["sum", "count"])
        sums, counts = np.zeros(len(articles)), np.zeros(len(articles))
        index = [position[a] for a in per.index]
        sums[index], counts[index] = per["sum"].to_numpy(), per["count"].to_numpy()
        drawn = weights @ counts
        with np.errstate(invalid="ignore", divide="ignore"):
            means = (weights @ sums) / drawn
        means = means[drawn > 0]  # a draw without any of the group's articles has no mean
        tail = (1 - level) / 2 * 100
        rows[group] = {"low": float(np.percentile(means, tail)), "high": float(np.percentile(means, 100 - tail)),
                       "articles": len(per)}
    return pd.DataFrame.from_dict(rows, orient="index")


def sentiment_by_group(sentences: pd.DataFrame, scores: Iterable[float],
                       groups: Iterable[str] | None = None) -> pd.DataFrame:
    """Mean lexicon score of the sentences naming each group (a sentence counts for every
    group it names): columns sentences, mean, sem (standard error; NaN for one sentence),
    negative and positive (shares of sentences below -0.05 / above 0.05, VADER's usual cut),
    and, when ``sentences`` has an ``article`` column, articles, low and high: the 95 % interval
    of the mean from resampling whole articles (:func:`article_bootstrap`, 1,000 draws, seed 0).

    >>> s = pd.DataFrame({"groups": [("ALBA",), ("ALBA", "OAS"), ()]})
    >>> sentiment_by_group(s, [0.5, -0.5, 0.9]).loc["ALBA", ["sentences", "mean"]].tolist()
    [2.0, 0.0]
    """
    frame = pd.DataFrame({"groups": list(sentences["groups"]), "score": list(scores)})
    long = frame.explode("groups").dropna(subset=["groups"]).rename(columns={"groups": "group"})
    grouped = long.groupby("group")["score"]
    table = pd.DataFrame({"sentences": grouped.size(), "mean": grouped.mean(), "sem": grouped.sem(),
                          "negative": grouped.apply(lambda s: (s < -0.05).mean()),
                          "positive": grouped.apply(lambda s: (s > 0.05).mean())})
    order = list(groups) if groups is not None else group_order(table.index)
    table = table.reindex([g for g in order if g in table.index])
    if "article" in sentences:
        table = table.join(article_bootstrap(sentences, frame["score"], list(table.index)))
    return table


# ---------------------------------------------------------------- figures

# ---------------------------------------------------------------- closing comparison

def camps_over_time(sentences: pd.DataFrame, scores: Iterable[float], quote_table: pd.DataFrame,
                    camps: Mapping[str, Iterable[str]], dates: Mapping[str, object], freq: str) -> pd.DataFrame:
    """Each camp, period by period (``freq``: "M", "Q" or "Y", see :func:`helpers.overview.period_for`):
    columns period (the period's first day), label, camp, sentences (naming the camp), share
    (of all the period's sentences), quoted_words (by the camp's speakers), tone (mean VADER
    score of its sentences; NaN without any). Articles without a date are left out; a period
    with no dated article in between is kept with share and quoted words NaN (a gap in the
    lines, not a fall to zero).

    >>> s = pd.DataFrame({"article": ["a", "a", "b"], "groups": [("ALBA",), (), ("Lima Group",)]})
    >>> q = pd.DataFrame({"article": ["a", "b"], "camp": ["A", "L"], "words": [5, 7]})
    >>> t = camps_over_time(s, [0.5, 0.0, -0.5], q, {"A": ["ALBA"], "L": ["Lima Group"]},
    ...                     {"a": pd.Timestamp("2019-01-10"), "b": pd.Timestamp("2019-03-02")}, "M")
    >>> t[t["camp"] == "A"][["label", "sentences", "share", "quoted_words"]].values.tolist()
    [['Jan 2019', 1, 0.5, 5.0], ['Feb 2019', 0, nan, nan], ['Mar 2019', 0, 0.0, 0.0]]
    """
    from .overview import period_labels

    when = pd.to_datetime(sentences["article"].map(dates), errors="coerce")
    frame = pd.DataFrame({"period": when.dt.to_period(freq), "groups": list(sentences["groups"]), "score": list(scores)})
    frame = frame[frame["period"].notna()]
    columns = ["period", "label", "camp", "sentences", "share", "quoted_words", "tone"]
    if frame.empty or not camps:
        return pd.DataFrame(columns=columns)
    periods = pd.period_range(frame["period"].min(), frame["period"].max(), freq=freq)
    totals = frame.groupby("period").size().reindex(periods, fill_value=0)
    quote_when = pd.to_datetime(quote_table["article"].map(dates), errors="coerce").dt.to_period(freq)
    rows = []
    for camp, members in camps.items():
        named = frame[[bool(set(g) & set(members)) for g in frame["groups"]]]
        counts = named.groupby("period").size().reindex(periods, fill_value=0)
        tone = named.groupby("period")["score"].mean().reindex(periods)
        mine = quote_table["camp"].eq(camp) & quote_when.notna()
        words = quote_table[mine].groupby(quote_when[mine])["words"].sum().reindex(periods, fill_value=0)
        for period, label in zip(periods, period_labels(periods, freq)):
            empty = not totals[period]  # no dated article then: a gap, not a zero
            rows.append({"period": period.start_time, "label": label, "camp": camp, "sentences": int(counts[period]),
                         "share": np.nan if empty else counts[period] / totals[period],
                         "quoted_words": np.nan if empty else int(words[period]), "tone": tone[period]})
    return pd.DataFrame(rows, columns=columns)


def camp_summary(sentences: pd.DataFrame, scores: Iterable[float], quote_table: pd.DataFrame,
                 words: pd.DataFrame, camps: Mapping[str, Iterable[str]], n_words: int = 5) -> pd.DataFrame:
    """One row per camp: sentences naming it (exclusively or together with another camp),
    their mean lexicon score, quotes and quoted words of its speakers, and its most
    distinctive words (positive z only, from :func:`log_odds`).

    >>> s = pd.DataFrame({"groups": [("ALBA",), ("ALBA", "Lima Group"), ("Lima Group",)]})
    >>> q = pd.DataFrame({"camp": ["A", "A"], "words": [4, 6]})
    >>> w = pd.DataFrame({"camp": ["A", "L"], "word": ["unity", "elections"], "z": [2.0, -0.5]})
    >>> camp_summary(s, [0.5, 0.0, -0.4], q, w, {"A": ["ALBA"], "L": ["Lima Group"]}).loc["A"].to_dict()
    {'sentences': 2, 'sentences alone': 1, 'mean sentiment': 0.25, 'quotes': 2, 'quoted words': 10, 'distinctive words': 'unity'}
    """
    scores = list(scores)
    named = [camps_of(groups, camps) for groups in sentences["groups"]]  # each sentence's camps, once
    rows = {}
    for camp in camps:
        inside = [i for i, found in enumerate(named) if camp in found]
        alone = [i for i in inside if len(named[i]) == 1]
        quoted = quote_table[quote_table["camp"] == camp]
        distinctive = words[(words["camp"] == camp) & (words["z"] > 0)].head(n_words)["word"]
        rows[camp] = {"sentences": len(inside), "sentences alone": len(alone),
                      "mean sentiment": float(np.mean([scores[i] for i in inside])) if inside else float("nan"),
                      "quotes": len(quoted), "quoted words": int(quoted["words"].sum()),
                      "distinctive words": ", ".join(distinctive)}
    return pd.DataFrame.from_dict(rows, orient="index").astype(object)


def quoted_words_ratio(quote_table: pd.DataFrame, first: str, second: str, draws: int = 1000, seed: int = 0,
                       level: float = 0.95, min_articles: int = 5) -> tuple[float, float, float]:
    """How many times more words the speakers of camp ``first`` are quoted at than those of
    ``second``, with the percentile interval at ``level`` over articles resampled with
    replacement (seeded), since one article's long interview can make the whole difference.
    The ratio is NaN where ``second`` has no quoted words; the interval is NaN unless each camp
    is quoted in at least ``min_articles`` articles (fewer cannot show how much one article
    weighs). Draws without any of ``second``'s quotes have no ratio and are left out.

    >>> q = pd.DataFrame({"article": ["a", "b", "c", "d"], "camp": ["A", "A", "B", "B"], "words": [30, 30, 10, 10]})
    >>> quoted_words_ratio(q, "A", "B", draws=200, min_articles=2)[0]
    3.0
    """
    per = quote_table.pivot_table(index="article", columns="camp", values="words", aggfunc="sum", fill_value=0)
    mine = per[first].to_numpy(float) if first in per else np.zeros(len(per))
    theirs = per[second].to_numpy(float) if second in per else np.zeros(len(per))
    ratio = float(mine.sum() / theirs.sum()) if theirs.sum() else float("nan")
    if min(int((mine > 0).sum()), int((theirs > 0).sum())) < min_articles:
        return ratio, float("nan"), float("nan")
    weights = article_weights(len(per), draws, seed)
    below = weights @ theirs
    drawn = (weights @ mine)[below > 0] / below[below > 0]
    if not len(drawn):
        return ratio, float("nan"), float("nan")
    tail = (1 - level) / 2 * 100
    return ratio, float(np.percentile(drawn, tail)), float(np.percentile(drawn, 100 - tail))
