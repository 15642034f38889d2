"""Which words each camp is framed with, and how far to trust them.

:func:`helpers.compare.log_odds` and :func:`helpers.compare.keyness` compare a words × camps
table. This module decides what goes into that table and checks what comes out:

- **Which text counts for a camp** (:func:`camp_units`): every sentence that names one of its
  groups (``"mention"``); only sentences whose grammatical subject is one of them
  (``"subject"``, found by rule with :func:`subject_span`); or the words its own speakers are
  quoted saying (``"speaker"``).
- **Where each word comes from** (:func:`word_sources`): in how many articles the camp uses it,
  and the share of its uses that the single largest article gives.
- **Article-level uncertainty** (:func:`log_odds_bootstrap`): whole articles resampled (seeded),
  the log-odds recomputed each time.
- **Sensitivity to the prior** (:func:`prior_sensitivity`): the same comparison under weaker and
  stronger priors.

Everything is counted per article first (:func:`camp_article_counts`), so each of these is a
sum over articles.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

import numpy as np
import pandas as pd

from .compare import article_weights, camps_of, log_odds, log_odds_delta, prior_weights

CAMP_BY = ("mention", "subject", "speaker")

# ---------------------------------------------------------------- the subject of a sentence

# A sentence opening with one of these words starts with an adverbial phrase or clause ("In
# Caracas, ...", "After the vote, ..."): its subject comes after the first comma.
_OPENERS = frozenset("""about according after against ahead along although amid among as at because before
behind besides beyond by despite during earlier following for from given however if in inside last later
like meanwhile months nevertheless next on once outside over since speaking still then though through
throughout to today under unlike until upon weeks when whereas while with within without years yesterday""".split())
# Lower-case words that can stand inside a noun phrase before its verb ("the foreign ministers of ...").
_FUNCTION = frozenset("""a an the its their his her our this these those both all each every several some many
most other others of and & or nor former then acting interim new top senior own fellow leftist rightist
left-wing right-wing socialist conservative regional neighbouring neighboring member founding allied
allies ally partner partners neighbours neighbors states countries nations nation country people
one two three four five six seven eight nine ten twelve dozen""".split())
_TOKEN = re.compile(r"[^\W\d_][\w'’.&-]*|\d[\w.,]*|[\"“”«»]|,|\S")


@lru_cache(maxsize=1)
def _noun_phrase_words() -> frozenset[str]:
    """Words that may sit inside a subject before its verb: determiners and the like, plus the
    titles, collective nouns and person nouns the quote finder knows (``speaker_words.tsv``),
    with their plurals."""
    from .quotes import speaker_words

    nouns = set().union(*(speaker_words().get(role, ()) for role in ("title", "group", "person", "org", "crowd")))
    return frozenset(_FUNCTION | nouns | {w + "s" for w in nouns})


def subject_span(sentence: str) -> tuple[int, int]:
    """Offsets (start, end) of the grammatical subject of ``sentence``, found by rule (no parser
    ships with the project's packages). A short opening phrase or clause ("In Caracas,", "After
    the vote,", "According to the OAS,") is skipped up to its comma; the subject then runs over
    capitalised words, numbers, commas and noun-phrase words (articles, "of", "and", titles and
    collective nouns such as "minister", "leaders", "bloc") and ends at the first other lower-case
    word, which is usually its verb. (0, 0), no subject, for a sentence that opens with a
    quotation (the quote finder's business), or whose opening phrase runs past 12 words or has a
    clause of its own with a verb ("In a statement the OAS urged Maduro, ..."): the rule leaves a
    subject out rather than take in an object.

    >>> s = "On Monday, the foreign ministers of the Lima Group condemned Venezuela."
    >>> s[slice(*subject_span(s))]
    'the foreign ministers of the Lima Group '
    >>> s = "The United States imposed sanctions on Cuba."
    >>> s[slice(*subject_span(s))]
    'The United States '
    >>> subject_span('"We will resist," Maduro said.')
    (0, 0)
    """
    words = _noun_phrase_words()
    tokens = _TOKEN.finditer(sentence)
    first = next(tokens, None)
    if first is None:
        return 0, 0
    start = first.start()
    if first.group() in "\"“”«»":
        return 0, 0  # a quotation first
    if first.group().lower() not in _OPENERS:
        tokens = chain([first], tokens)
    else:
        opener = [first]
        for token in tokens:
            if token.group() == ",":
                break
            opener.append(token)
            if len(opener) > 12:
                return 0, 0  # no comma soon enough: not a short opening phrase
        else:
            return 0, 0  # an opening phrase that never closes
        if _has_clause(opener):
            return 0, 0
        following = next(tokens, None)
        if following is None:
            return 0, 0
        start, tokens = following.start(), chain([following], tokens)
    for token in tokens:
        text = token.group()
        if text in "\"“”«»":
            return (start, token.start()) if token.start() > start else (0, 0)
        if text == "," or text[0].isupper() or text[0].isdigit():
            continue
        bare = re.sub(r"['’]s?$", "", text.lower())
        if bare not in words:
            return start, token.start()
    return start, len(sentence)


def _has_clause(opener: list) -> bool:
    """Whether an opening phrase holds a clause of its own: a capitalised word followed by a
    reporting verb or a past-tense word ("the OAS urged", "Maduro visited")."""
    from .quotes import reporting_verbs

    verbs = reporting_verbs()
    texts = [t.group() for t in opener]
    return any(a[:1].isupper() and (b in verbs or (b.islower() and b.endswith("ed")))
               for a, b in zip(texts, texts[1:]))


def subject_groups(sentences: pd.DataFrame, mentions: pd.DataFrame) -> list[tuple[str, ...]]:
    """The groups of the actors named in each sentence's subject (:func:`subject_span`), for the
    rows of a :func:`helpers.compare.sentence_table` (columns article, start, text, groups) and
    the mentions they were built from (columns article, start, groups).

    >>> s = pd.DataFrame({"article": ["a"], "start": [0], "text": ["Cuba thanked the OAS."],
    ...                   "groups": [("ALBA", "OAS")]})
    >>> m = pd.DataFrame({"article": ["a", "a"], "start": [0, 17], "groups": [("ALBA",), ("OAS",)]})
    >>> subject_groups(s, m)
    [('ALBA',)]
    """
    ordered = mentions.sort_values(["article", "start"], kind="stable")  # one sort, then each article's slice
    names, first_row, count = np.unique(ordered["article"].to_numpy(dtype=str), return_index=True, return_counts=True)
    rows = {name: (lo, lo + n) for name, lo, n in zip(names.tolist(), first_row.tolist(), count.tolist())}
    offsets, found = ordered["start"].to_numpy(), ordered["groups"].tolist()
    result = []
    for article, start, text, groups in zip(sentences["article"], sentences["start"], sentences["text"],
                                            sentences["groups"]):
        if not groups or str(article) not in rows:
            result.append(())
            continue
        lo, hi = rows[str(article)]
        begin, end = subject_span(text)
        first = lo + int(np.searchsorted(offsets[lo:hi], start + begin, side="left"))
        last = lo + int(np.searchsorted(offsets[lo:hi], start + end, side="left"))
        result.append(tuple(dict.fromkeys(g for gs in found[first:last] for g in gs)))
    return result


# ---------------------------------------------------------------- what counts for a camp

def camp_units(sentences: pd.DataFrame, sentence_words: Sequence[list[str]], by: str = "mention", *,
               quotes: pd.DataFrame | None = None, quote_words: Sequence[list[str]] | None = None,
               mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """The pieces of text a camp comparison counts, one row each: article, groups, words.

    ``by`` chooses them: ``"mention"``, every sentence with the groups it names; ``"subject"``,
    every sentence with the groups named in its subject (:func:`subject_groups`, needs
    ``mentions``); ``"speaker"``, every quotation with the groups its speaker stood for (``quotes``
    from :func:`helpers.compare.quotes_by_camp`, and ``quote_words``, each quote's terms).

    >>> s = pd.DataFrame({"article": ["a"], "start": [0], "text": ["Cuba thanked the OAS."],
    ...                   "groups": [("ALBA", "OAS")]})
    >>> m = pd.DataFrame({"article": ["a", "a"], "start": [0, 17], "groups": [("ALBA",), ("OAS",)]})
    >>> camp_units(s, [["cuba", "thank", "oas"]], "subject", mentions=m)["groups"].tolist()
    [('ALBA',)]
    """
    if by == "mention":
        groups = list(sentences["groups"])
        frame = pd.DataFrame({"article": list(sentences["article"]), "groups": groups, "words": list(sentence_words)})
    elif by == "subject":
        if mentions is None:
            raise ValueError("camp_units(by='subject') needs the mentions the sentences were built from")
        frame = pd.DataFrame({"article": list(sentences["article"]), "groups": subject_groups(sentences, mentions),
                              "words": list(sentence_words)})
    elif by == "speaker":
        if quotes is None or quote_words is None:
            raise ValueError("camp_units(by='speaker') needs the quote table and each quote's words")
        frame = pd.DataFrame({"article": list(quotes["article"]), "groups": list(quotes["groups"]),
                              "words": list(quote_words)})
    else:
        raise ValueError(f"by={by!r} is not a way of counting a camp's text; use one of {', '.join(CAMP_BY)}")
    return frame


def camp_article_counts(units: pd.DataFrame, camps: Mapping[str, Iterable[str]], *, exclusive: bool = True,
                        drop: Iterable[str] = ()) -> pd.DataFrame:
    """Word counts per camp and article, long: columns camp, article, word, count.

    A unit (a row of :func:`camp_units`) counts for each camp whose groups it names; with
    ``exclusive`` a unit naming more than one camp counts for none. ``drop`` removes words such
    as the actors' own names.

    >>> u = pd.DataFrame({"article": ["a", "a", "b"], "groups": [("ALBA",), ("ALBA", "Lima Group"), ("ALBA",)],
    ...                   "words": [["unity", "unity"], ["talks"], ["unity"]]})
    >>> camp_article_counts(u, {"A": ["ALBA"], "L": ["Lima Group"]}).values.tolist()
    [['A', 'a', 'unity', 2], ['A', 'b', 'unity', 1]]
    """
    drop = set(drop)
    camp_of: dict[tuple, list[str]] = {}  # each distinct tuple of groups: its camps, worked out once
    owners, articles, words = [], [], []
    for article, groups, unit_words in zip(units["article"], units["groups"], units["words"]):
        if groups not in camp_of:
            found = camps_of(groups, camps)
            camp_of[groups] = found if not exclusive or len(found) == 1 else []
        for camp in camp_of[groups]:
            owners.append(camp)
            articles.append(article)
            words.append(unit_words)
    long = pd.DataFrame({"camp": owners, "article": articles, "word": words}).explode("word")
    long = long[long["word"].notna() & ~long["word"].isin(drop)]
    table = long.groupby(["camp", "article", "word"], sort=False).size().rename("count").reset_index()
    order = {camp: k for k, camp in enumerate(camps)}
    table = table.sort_values(["camp", "article", "word"], key=lambda c: c.map(order) if c.name == "camp" else c,
                              kind="stable").reset_index(drop=True)
    return table.astype({"count": "int64"})


def counts_table(long: pd.DataFrame, camps: Iterable[str]) -> pd.DataFrame:
    """The words × camps table of :func:`camp_article_counts` summed over articles (every camp a
    column, words sorted), as :func:`helpers.compare.log_odds` takes it.

    >>> long = pd.DataFrame({"camp": ["A", "A", "L"], "article": ["a", "b", "a"], "word": ["x", "x", "y"],
    ...                      "count": [2, 1, 4]})
    >>> counts_table(long, ["A", "L", "M"]).to_dict()
    {'A': {'x': 3, 'y': 0}, 'L': {'x': 0, 'y': 4}, 'M': {'x': 0, 'y': 0}}
    """
    table = long.pivot_table(index="word", columns="camp", values="count", aggfunc="sum", fill_value=0)
    table = table.reindex(columns=list(camps), fill_value=0).fillna(0).astype(int).sort_index()
    table.columns.name = None
    table.index.name = None
    return table


# ---------------------------------------------------------------- where a word comes from

def word_sources(words: pd.DataFrame, long: pd.DataFrame) -> pd.DataFrame:
    """``words`` (rows with camp and word, e.g. from :func:`helpers.compare.log_odds`) with three
    more columns: articles (how many of the camp's articles use the word), top_article (the one
    that uses it most) and top_share (that article's share of the camp's uses). A word with a
    top_share near 1 describes one article, not the camp.

    >>> long = pd.DataFrame({"camp": ["A", "A", "A"], "article": ["a", "b", "a"], "word": ["x", "x", "y"],
    ...                      "count": [3, 1, 2]})
    >>> word_sources(pd.DataFrame({"camp": ["A"], "word": ["x"]}), long).values.tolist()
    [['A', 'x', 2, 'a', 0.75]]
    """
    if long.empty:
        return words.assign(articles=0, top_article=None, top_share=np.nan)
    grouped = long.groupby(["camp", "word"])["count"]
    top = long.loc[long.sort_values(["count", "article"], ascending=[False, True], kind="stable")
                   .drop_duplicates(["camp", "word"]).index]
    summary = pd.DataFrame({"articles": grouped.size(), "total": grouped.sum()})
    summary = summary.join(top.set_index(["camp", "word"])[["article", "count"]])
    summary["top_share"] = summary["count"] / summary["total"]
    summary = summary.rename(columns={"article": "top_article"})[["articles", "top_article", "top_share"]]
    merged = words.merge(summary, left_on=["camp", "word"], right_index=True, how="left")
    merged["articles"] = merged["articles"].fillna(0).astype(int)
    return merged


# ---------------------------------------------------------------- uncertainty from articles

def log_odds_bootstrap(words: pd.DataFrame, long: pd.DataFrame, camps: Iterable[str], *,
                       prior: pd.Series | Mapping[str, float] | None = None, prior_strength: float | None = None,
                       draws: int = 500, seed: int = 0, level: float = 0.95) -> pd.DataFrame:
    """``words`` (rows with camp and word from :func:`helpers.compare.log_odds`) with the
    log-odds recomputed on articles resampled with replacement (seeded): columns delta_low and
    delta_high (the percentile interval of delta at ``level``) and holds (the share of draws in
    which the word's z stays above 1.96). The prior is kept as given (by default the words'
    frequencies over all camps in the full data), so only the articles vary. A draw that holds
    none of the camp's articles (or none of the rest's) counts as no difference (delta and z 0),
    so a camp whose text comes from one or two articles gets intervals reaching 0.

    Sentences of one article share its topic and wording, so a word that one article repeats
    looks distinctive when sentences are treated as independent; resampling articles shows it.

    >>> long = pd.DataFrame({"camp": ["A"] * 4 + ["B"] * 4, "article": list("abcdefgh"),
    ...                      "word": ["x", "y"] * 4, "count": [9, 1, 8, 1, 1, 9, 1, 8]})
    >>> out = log_odds_bootstrap(pd.DataFrame({"camp": ["A"], "word": ["x"]}), long, ["A", "B"], draws=200)
    >>> float(out.loc[0, "holds"]) > 0.5, bool(out.loc[0, "delta_low"] > 0)
    (True, True)
    """
    camps = list(camps)
    full = counts_table(long, camps) if not long.empty else pd.DataFrame(columns=camps, dtype=int)
    result = words.copy()
    for column in ("delta_low", "delta_high", "holds"):
        result[column] = np.nan
    if full.empty or words.empty:
        return result
    alpha_all = prior_weights(full, prior, prior_strength)
    a0 = float(alpha_all.sum())
    articles = sorted(long["article"].unique())
    position = {a: k for k, a in enumerate(articles)}
    weights = article_weights(len(articles), draws, seed)
    totals = np.zeros((len(camps), len(articles)))  # every word of each camp in each article
    per_total = long.groupby(["camp", "article"])["count"].sum()
    for (camp, article), n in per_total.items():
        totals[camps.index(camp), position[article]] = n
    drawn_totals = weights @ totals.T  # draws × camps
    tail = (1 - level) / 2 * 100
    for camp, rows in words.groupby("camp", sort=False):
        if camp not in camps:
            continue
        i = camps.index(camp)
        vocabulary = list(dict.fromkeys(rows["word"]))
        slot = {w: k for k, w in enumerate(vocabulary)}
        mine = np.zeros((len(articles), len(vocabulary)))
        rest = np.zeros((len(articles), len(vocabulary)))
        chosen = long[long["word"].isin(slot)]
        for c, article, word, n in zip(chosen["camp"], chosen["article"], chosen["word"], chosen["count"]):
            (mine if c == camp else rest)[position[article], slot[word]] += n
        y_i, y_j = weights @ mine, weights @ rest  # draws × words
        n_i = drawn_totals[:, [i]]
        n_j = drawn_totals.sum(axis=1, keepdims=True) - n_i
        alpha = alpha_all.reindex(vocabulary).fillna(0.5).to_numpy()[None, :]
        delta, se = log_odds_delta(y_i, y_j, n_i, n_j, alpha, a0)
        z = delta / se
        # a draw without any of the camp's articles (or the rest's) shows no difference: delta 0, z 0,
        # so a camp or a word resting on one article cannot look sure of itself
        empty = (n_i[:, 0] == 0) | (n_j[:, 0] == 0)
        delta[empty], z[empty] = 0.0, 0.0
        low, high = np.percentile(delta, tail, axis=0), np.percentile(delta, 100 - tail, axis=0)
        holds = (z > 1.96).mean(axis=0)
        for index, word in zip(rows.index, rows["word"]):
            k = slot[word]
            result.loc[index, ["delta_low", "delta_high", "holds"]] = [low[k], high[k], holds[k]]
    return result


# ---------------------------------------------------------------- sensitivity to the prior

def prior_sensitivity(counts: pd.DataFrame, background: pd.Series | None = None, *,
                      strengths: Sequence[float | None] | None = None, n: int = 5, min_count: int = 2,
                      reference: float | None = None) -> pd.DataFrame:
    """The comparison of :func:`helpers.compare.log_odds` redone under priors of different
    weights a0, to show how much its result owes to the prior. One row per weight and camp.
    The weights are ``strengths`` (by default: none beyond the 0.5 Haldane-Anscombe
    pseudo-count, a tenth of the tokens compared, as many, and ten times as many) and
    ``reference``, the weight the notebook uses (by default the background's own total).
    Columns: prior (its label), a0, camp, the words distinctive at q < 0.05 (used at least
    ``min_count`` times), the ``n`` such words of largest z, and how many of those are also
    among the ``n`` first under ``reference``.

    >>> counts = pd.DataFrame({"A": [30, 2, 20], "B": [2, 30, 20]}, index=["x", "y", "z"])
    >>> table = prior_sensitivity(counts, strengths=[0, 1000], n=1)
    >>> table[table["camp"] == "A"][["prior", "top words"]].values.tolist()
    [['none (0.5 per word)', 'x'], ['104 (used)', 'x'], ['1,000', 'x']]
    """
    tokens = float(counts.to_numpy().sum())
    if reference is None:  # the prior's own weight: its total before any rescaling
        given = counts.sum(axis=1) if background is None else pd.Series(background, dtype=float).reindex(counts.index)
        reference = round(float(given.fillna(0).sum()))
    if strengths is None:
        strengths = [0, round(tokens / 10), round(tokens), round(tokens * 10)]
    strengths = sorted(set([*strengths, reference]))
    tops: dict[object, dict[str, list[str]]] = {}
    rows = []
    for strength in strengths:
        table = log_odds(counts, prior=background, prior_strength=strength)
        kept = table[table["count"] >= min_count]
        tops[strength] = {camp: g["word"].head(n).tolist() for camp, g in kept.groupby("camp", sort=False)}
        for camp, group in table.groupby("camp", sort=False):
            label = "none (0.5 per word)" if strength == 0 else f"{strength:,.0f}"
            if strength == reference:
                label += " (used)"
            rows.append({"prior": label, "a0": strength, "camp": camp,
                         "distinctive (q < 0.05)": int(((group["q"] < 0.05) & (group["count"] >= min_count)).sum()),
                         "top words": ", ".join(tops[strength].get(camp, []))})
    frame = pd.DataFrame(rows, columns=["prior", "a0", "camp", "distinctive (q < 0.05)", "top words"])
    anchor = tops[reference]
    frame[f"shared with used top {n}"] = [len(set(tops[a].get(c, [])) & set(anchor.get(c, [])))
                                          for a, c in zip(frame["a0"], frame["camp"])]
    return frame


# ---------------------------------------------------------------- the whole comparison

class Framing(NamedTuple):
    """One camp comparison (:func:`distinctive_words`): ``long`` (counts per camp, article and
    word), ``counts`` (words × camps), ``words`` (every word of every camp, with log-odds and
    keyness) and ``best`` (the leading words per camp, with their sources and intervals)."""
    long: pd.DataFrame
    counts: pd.DataFrame
    words: pd.DataFrame
    best: pd.DataFrame


def background_counts(sentence_words: Iterable[list[str]], drop: Iterable[str] = ()) -> pd.Series:
    """How often each word occurs in all the sentences (``drop`` left out): the prior's background.

    >>> background_counts([["a", "b"], ["a", "x"]], drop={"x"}).to_dict()
    {'a': 2, 'b': 1}
    """
    drop = set(drop)
    counts = Counter(w for words in sentence_words for w in words if w not in drop)
    return pd.Series(counts, dtype=int).sort_values(ascending=False, kind="stable")


def distinctive_words(units: pd.DataFrame, camps: Mapping[str, Iterable[str]], *, exclusive: bool = True,
                      drop: Iterable[str] = (), prior: pd.Series | None = None, prior_strength: float | None = None,
                      top: int = 12, min_count: int = 2, draws: int = 500, seed: int = 0) -> Framing:
    """The words that set each camp apart in ``units`` (:func:`camp_units`), and how far to trust them.

    Counts per article (:func:`camp_article_counts`), log-odds with a Dirichlet prior and
    Benjamini-Hochberg q (:func:`helpers.compare.log_odds`), keyness G² and log ratio
    (:func:`helpers.compare.keyness`); then, for the ``top`` words of largest z per camp used at
    least ``min_count`` times: where they come from (:func:`word_sources`) and their interval
    over articles resampled ``draws`` times (:func:`log_odds_bootstrap`). A word is
    ``distinctive`` when both hold: q < 0.05 and the 95 % interval of its log-odds over articles
    lies above 0.

    >>> u = pd.DataFrame({"article": [f"a{i}" for i in range(20)], "groups": [("ALBA",), ("OAS",)] * 10,
    ...                   "words": [["unity", "summit"], ["election", "summit"]] * 10})
    >>> result = distinctive_words(u, {"A": ["ALBA"], "O": ["OAS"]}, top=1, draws=100)
    >>> result.best[["camp", "word", "count", "articles", "distinctive"]].values.tolist()
    [['A', 'unity', 10, 10, True], ['O', 'election', 10, 10, True]]
    """
    from .compare import keyness, top_words

    long = camp_article_counts(units, camps, exclusive=exclusive, drop=drop)
    counts = counts_table(long, camps) if len(long) else pd.DataFrame(columns=list(camps), dtype=int)
    words = log_odds(counts, prior=prior, prior_strength=prior_strength)
    empty = words.attrs["empty"]  # camps with nothing to compare
    key = keyness(counts)
    words = words.merge(key[["camp", "word", "g2", "log_ratio"]], on=["camp", "word"], how="left")
    words.attrs["empty"] = empty
    best = word_sources(top_words(words, top, min_count), long)
    best = log_odds_bootstrap(best, long, list(camps), prior=prior, prior_strength=prior_strength,
                              draws=draws, seed=seed)
    best["distinctive"] = (best["q"] < 0.05) & (best["delta_low"] > 0)
    return Framing(long, counts, words, best)


def options_table(results: Mapping[str, Framing], n: int = 5) -> pd.DataFrame:
    """One row per way of assigning text to camps (the keys of ``results``, from
    :func:`distinctive_words`) and camp: the articles and tokens counted, how many of its
    leading words are distinctive, and the ``n`` first of them (distinctive ones marked ``*``).

    >>> u = pd.DataFrame({"article": ["a", "b"], "groups": [("ALBA",), ("OAS",)], "words": [["x"], ["y"]]})
    >>> r = distinctive_words(u, {"A": ["ALBA"], "O": ["OAS"]}, min_count=1, draws=10)
    >>> options_table({"mention": r}).values.tolist()
    [['mention', 'A', 1, 1, 0, 'x'], ['mention', 'O', 1, 1, 0, 'y']]
    """
    rows = []
    for option, result in results.items():
        for camp in result.counts.columns:
            mine = result.long[result.long["camp"] == camp]
            best = result.best[result.best["camp"] == camp]
            rows.append({"text counted": option, "camp": camp, "articles": int(mine["article"].nunique()),
                         "tokens": int(mine["count"].sum()), "distinctive": int(best["distinctive"].sum()),
                         f"first {n} words": ", ".join(w + ("*" if d else "") for w, d
                                                       in zip(best["word"].head(n), best["distinctive"].head(n)))})
    return pd.DataFrame(rows, columns=["text counted", "camp", "articles", "tokens", "distinctive", f"first {n} words"])


def word_table(result: Framing) -> pd.DataFrame:
    """Every word of every camp of ``result`` (:func:`distinctive_words`) with its sources, and
    for the leading words their article intervals and verdict: the table to save beside the figure.

    >>> u = pd.DataFrame({"article": ["a", "b"], "groups": [("ALBA",), ("OAS",)], "words": [["x"], ["y"]]})
    >>> word_table(distinctive_words(u, {"A": ["ALBA"], "O": ["OAS"]}, min_count=2, draws=10)).columns.tolist()[-6:]
    ['top_article', 'top_share', 'delta_low', 'delta_high', 'holds', 'distinctive']
    """
    extra = ["delta_low", "delta_high", "holds", "distinctive"]
    table = word_sources(result.words, result.long)
    return table.merge(result.best[["camp", "word", *extra]], on=["camp", "word"], how="left")
