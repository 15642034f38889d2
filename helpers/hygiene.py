"""Corpus hygiene: the language an article is written in, near-duplicate articles, plausible dates.

- **Language** is detected offline by py3langid (a maintained fork of langid.py, Lui & Baldwin
  2012, whose model ships inside the package), on the article's first 3,000 characters.
- **Near-duplicates** (the same wire story in two outlets, trimmed, re-headlined or with a few
  words changed) are found by MinHash over 5-word shingles with locality-sensitive hashing (the
  ``datasketch`` package), then confirmed on the exact shingles: two articles
  are near-duplicates when at least :data:`NEAR_DUPLICATE_SHARE` of the shorter one's 5-word runs
  are also in the other. Containment, not Jaccard similarity, because syndicated copies are
  often trimmed: on 56 real pages (bench/neardup_precision.py) copies of one wire story had a
  Jaccard similarity as low as 0.2 where their containment was 0.4-0.9, while reports of the same
  event written separately never shared more than 0.11 of their runs. Exact duplicates are caught
  earlier, by a hash of the text.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache

NEAR_DUPLICATE_SHARE = 0.4     # share of the shorter text's 5-word runs found in the other (see bench/neardup_precision.py)
SHINGLE = 5
NUM_PERM = 128
SEED = 1                       # datasketch's default seed, named: the stored signatures were made with it
SCHEME = "affine32"            # datasketch's hashing scheme, named so stored signatures stay comparable
LANGUAGE_CONFIDENCE = 0.9      # a detected language differing from the stated one is flagged above this probability
BOILERPLATE_ARTICLES = 20     # runs found in more articles than this (or 1 % of them) are boilerplate, not shared text
EARLIEST = date(1990, 1, 1)    # dates before this are refused unless forced: the corpus covers 2000-2025
_WORDS = re.compile(r"\w+")


# ---------------------------------------------------------------- language

@lru_cache(maxsize=1)
def _identifier():
    from py3langid import langid

    return langid.LanguageIdentifier.from_modelpath(langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """The ISO 639-1 code of the language ``text`` is written in, and the model's probability.

    >>> detect_language("El canciller venezolano rechazó ayer la declaración del Grupo de Lima sobre la crisis.")[0]
    'es'
    """
    code, probability = _identifier().classify(text[:3000])
    return str(code), float(probability)


def language_mismatch(stated: str, detected: str, probability: float) -> bool:
    """Whether a detected language contradicts the stated one (its region ignored: es-MX is es),
    with the model at least :data:`LANGUAGE_CONFIDENCE` sure.

    >>> language_mismatch("en", "es", 0.99), language_mismatch("es-MX", "es", 0.99), language_mismatch("en", "es", 0.6)
    (True, False, False)
    """
    return bool(stated) and stated.split("-")[0].lower() != detected and probability >= LANGUAGE_CONFIDENCE


# ---------------------------------------------------------------- near-duplicates

def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """The runs of ``size`` words of ``text`` (lower case; punctuation and spacing ignored).

    >>> sorted(shingles("The OAS met. The OAS left!", 3))
    ['met the oas', 'oas met the', 'the oas left', 'the oas met']
    """
    words = _WORDS.findall(text.lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def minhash_signature(text: str) -> list[int]:
    """The MinHash signature of ``text``'s shingles (:data:`NUM_PERM` values) followed by the
    number of shingles: plain ints, so it can be cached and sent between processes."""
    from datasketch import MinHash

    found = shingles(text)
    signature = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    signature.update_batch([s.encode("utf-8") for s in found])
    return [int(v) for v in signature.hashvalues] + [len(found)]


def jaccard(a: set[str], b: set[str]) -> float:
    """Share of shingles two texts have in common: |a ∩ b| / |a ∪ b|.

    >>> jaccard({"x", "y"}, {"y", "z"})
    0.3333333333333333
    """
    return len(a & b) / len(a | b) if a or b else 0.0


def containment(a: set[str], b: set[str]) -> float:
    """Share of the smaller set found in the other: |a ∩ b| / min(|a|, |b|).

    >>> containment({"x", "y"}, {"x", "y", "z", "w"})
    1.0
    """
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def near_duplicate_pairs(texts: Mapping[str, str], signatures: Mapping[str, list[int]] | None = None, *,
                         threshold: float = NEAR_DUPLICATE_SHARE,
                         only: Iterable[str] | None = None) -> list[tuple[str, str, float]]:
    """Pairs of articles (keys of ``texts``) of which at least ``threshold`` of the shorter one's
    5-word runs are found in the other (:func:`containment`): (first, second, share), largest
    share first. ``only``: report just the pairs that involve one of these keys (new articles
    against the rest).

    Three steps, each cheaper than the next is precise: MinHash LSH (``signatures`` from
    :func:`minhash_signature`, computed when not given) proposes pairs whose Jaccard similarity
    may reach 0.15; the signatures estimate each pair's containment (all pairs at once); the
    pairs estimated near the threshold are confirmed on their exact shingles.

    >>> base = "The foreign ministers of the bloc met in Havana on Monday and agreed to expand trade and aid. " * 3
    >>> pairs = near_duplicate_pairs({"a": base, "b": base + "Reporting by a wire service.", "c": "Something else entirely, "
    ...                               "about the summit of a different alliance in another year with other leaders."})
    >>> [(x, y) for x, y, _ in pairs]
    [('a', 'b')]
    """
    import numpy as np
    from datasketch import LeanMinHash, MinHashLSH

    keys = [k for k in texts if texts[k].strip()]
    if signatures is None:
        signatures = {k: minhash_signature(texts[k]) for k in keys}
    keys = [k for k in keys if signatures[k][-1] > 0]
    if len(keys) < 2:
        return []
    values = np.array([signatures[k][:-1] for k in keys], dtype=np.uint64)
    sizes = np.array([signatures[k][-1] for k in keys], dtype=float)
    # Boilerplate: runs that many articles carry (an outlet's footer, a standard disclaimer) would
    # make all of them near-duplicates of each other. A MinHash value shared by more than `cap`
    # articles comes from such runs: it is replaced by a value of the article's own, and the exact
    # comparison below leaves out the runs found in more than `cap` articles.
    cap = max(BOILERPLATE_ARTICLES, len(keys) // 100)
    common = np.zeros(values.shape, dtype=bool)
    for slot in range(values.shape[1]):
        _, where, counts = np.unique(values[:, slot], return_inverse=True, return_counts=True)
        common[:, slot] = counts[where] > cap
    if common.any():
        # values near 2**32, where the minimum of an article's hashes never falls, one per article and slot
        own = (np.uint64((1 << 32) - 1) - np.arange(values.size, dtype=np.uint64)).reshape(values.shape)
        values = np.where(common, own, values)
    lsh = MinHashLSH(threshold=0.15, num_perm=NUM_PERM)  # a trimmed copy of twice the length still shares 0.15
    hashes = [LeanMinHash(seed=SEED, hashvalues=row, scheme=SCHEME) for row in values]
    for i, h in enumerate(hashes):
        lsh.insert(i, h)
    wanted = set(range(len(keys))) if only is None else {i for i, k in enumerate(keys) if k in set(only)}
    first, second = [], []
    for i in sorted(wanted):
        for j in lsh.query(hashes[i]):
            if j != i and (j not in wanted or i < j):
                first.append(min(i, j))
                second.append(max(i, j))
    if not first:
        return []
    pairs = np.unique(np.array([first, second]).T, axis=0)
    estimate = np.empty(len(pairs))
    for lo in range(0, len(pairs), 50_000):  # MinHash estimate of each pair's containment, in blocks
        a, b = pairs[lo:lo + 50_000, 0], pairs[lo:lo + 50_000, 1]
        share = (values[a] == values[b]).mean(axis=1)
        estimate[lo:lo + 50_000] = share * (sizes[a] + sizes[b]) / (1 + share) / np.minimum(sizes[a], sizes[b])
    found: list[tuple[str, str, float]] = []
    shingled: dict[int, set[str]] = {}
    candidates = pairs[estimate >= threshold - 0.1]  # generous: with 128 values the estimate errs by a few hundredths
    boilerplate: set[str] = set()
    if common.any() and len(candidates):  # runs found in more than `cap` articles: counted in none
        frequency = Counter(run for k in keys for run in shingles(texts[k]))
        boilerplate = {run for run, n in frequency.items() if n > cap}
    for a, b in candidates:
        for k in (a, b):
            if k not in shingled:
                shingled[k] = shingles(texts[keys[k]]) - boilerplate
        exact = containment(shingled[a], shingled[b])
        if exact >= threshold:
            found.append((keys[a], keys[b], exact))
    position = {k: i for i, k in enumerate(keys)}
    return sorted(found, key=lambda t: (-t[2], position[t[0]], position[t[1]]))


def clusters(pairs: Iterable[tuple[str, str, float]]) -> list[list[str]]:
    """Near-duplicate pairs joined into clusters (connected groups), each in first-seen order.

    >>> clusters([("a", "b", 0.9), ("b", "c", 0.6), ("x", "y", 0.7)])
    [['a', 'b', 'c'], ['x', 'y']]
    """
    parent: dict[str, str] = {}

    def root(k: str) -> str:
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    order: list[str] = []
    for a, b, _ in pairs:
        for k in (a, b):
            if k not in parent:
                order.append(k)
        parent[root(b)] = root(a)
    groups: dict[str, list[str]] = {}
    for k in order:
        groups.setdefault(root(k), []).append(k)
    return list(groups.values())


# ---------------------------------------------------------------- dates

def implausible_date(value: date, today: date | None = None) -> str | None:
    """Why a publication date cannot be right (before 1990, or in the future), or None.

    >>> implausible_date(date(1890, 1, 1))
    'it lies before 1990, earlier than any article this corpus is about'
    >>> implausible_date(date(2019, 5, 1)) is None
    True
    """
    today = today or date.today()
    if value > today:
        return "it lies in the future"
    if value < EARLIEST:
        return f"it lies before {EARLIEST.year}, earlier than any article this corpus is about"
    return None


# ---------------------------------------------------------------- the corpus as a whole

def corpus_warnings(articles) -> list[str]:
    """Sentences on what ``python -m helpers check`` should point out in a loaded corpus (columns
    file, text, language): clusters of near-duplicate articles and languages that differ from
    the one stated. Signatures are cached per article, so a second check is quick."""
    warnings = []
    pairs = corpus_pairs(dict(zip(articles["file"], articles["text"])))
    for group in clusters(pairs):
        best = max(s for a, b, s in pairs if a in group and b in group)
        warnings.append(f"near-duplicates (up to {best:.0%} of the shorter one's 5-word runs shared): {', '.join(group)}; "
                        "keep one, or let the notebooks keep one per cluster")
    from .config import MAX_ARTICLE_MB

    for file, text in zip(articles["file"], articles["text"]):
        size = len(text.encode("utf-8"))
        if size > MAX_ARTICLE_MB * 1e6:
            warnings.append(f"{file} holds {size / 1e6:,.1f} MB of text, more than the {MAX_ARTICLE_MB:g} MB `add` takes "
                            "(a whole site or book saved as one article?); split it into its articles")
    for (file, stated), (code, probability) in zip(zip(articles["file"], articles["language"]), detected_languages(articles)):
        if language_mismatch(str(stated or ""), code, probability):
            warnings.append(f"{file} reads as {code!r} (probability {probability:.2f}) but metadata.csv says "
                            f"{stated!r}; correct its language column")
    return warnings


def signatures_of(texts: Mapping[str, str]) -> dict[str, list[int]]:
    """:func:`minhash_signature` of every text (keyed as ``texts``), cached per article."""
    from .cache import per_article

    return dict(zip(texts, per_article("minhash", minhash_signature, [(t,) for t in texts.values()])))


def _pairs_of(items: list[tuple[str, str]]) -> list[tuple[str, str, float]]:
    texts = dict(items)
    return near_duplicate_pairs(texts, signatures_of(texts))


def corpus_pairs(texts: Mapping[str, str]) -> list[tuple[str, str, float]]:
    """:func:`near_duplicate_pairs` of a whole corpus (``texts`` keyed by article), cached for
    exactly these texts under these keys: every notebook and ``check`` asks the same question of
    the same corpus, and adding an article asks it anew.

    >>> base = "The foreign ministers of the bloc met in Havana on Monday and agreed to expand trade and aid. " * 3
    >>> [(a, b) for a, b, _ in corpus_pairs({"a": base, "b": base + "Reporting by a wire service.", "c": "Other."})]
    [('a', 'b')]
    """
    from .cache import per_article

    # the texts as a list of pairs: the key keeps their order and tells "1" from 1, as a dict's JSON would not
    found = per_article("near-duplicate-pairs", _pairs_of, [(list(texts.items()),)], processes=1)[0]
    return [(a, b, float(share)) for a, b, share in found]


def detected_languages(articles) -> list[tuple[str, float]]:
    """(code, probability) of the language of each article's ``text``, cached per article."""
    from .cache import per_article

    return [tuple(found) for found in per_article("language", detect_language, [(t,) for t in articles["text"]])]


def for_analysis(articles, *, one_per_cluster: bool = True, english_only: bool = True):
    """The articles the English-language analyses should count, and those left out with why.

    With ``one_per_cluster``, of near-duplicates (:func:`near_duplicate_pairs` on the clean text,
    so that every notebook finds the same ones: the same wire story in several outlets) only the fullest copy is kept (the
    earliest when two are as long), so its words and quotes count once; an article is left out
    only when it nearly repeats one that is kept. With
    ``english_only``, an article that reads as another language (detected with probability
    :data:`LANGUAGE_CONFIDENCE` or more; else as stated in its ``language`` column) is left out,
    since the word lists, sentence rules and quote finder are English.

    Returns (kept articles, left out: id, outlet, date, title, reason).

    >>> import pandas as pd
    >>> base = "The foreign ministers of the bloc met in Havana on Monday and agreed to expand trade and aid. " * 3
    >>> frame = pd.DataFrame({"id": ["a", "b"], "file": ["a.txt", "b.txt"], "title": ["A", "B"], "outlet": ["X", "Y"],
    ...                       "date": pd.to_datetime(["2019-05-02", "2019-05-01"]), "language": ["en", "en"],
    ...                       "text": [base + "By X.", base + "By Y."]})
    >>> kept, left = for_analysis(frame)
    >>> kept["id"].tolist(), left["reason"].tolist()
    (['b'], ['near-duplicate of Y, 2019-05-01 (95% of 5-word runs shared)'])
    """
    import pandas as pd

    reasons: dict[str, str] = {}
    if english_only and len(articles):
        for ident, stated, (code, probability) in zip(articles["id"], articles["language"], detected_languages(articles)):
            language = code if probability >= LANGUAGE_CONFIDENCE else str(stated or "en").split("-")[0].lower()
            if language != "en":
                reasons[ident] = f"reads as {code!r}" if probability >= LANGUAGE_CONFIDENCE else f"stated as {stated!r}"
    if one_per_cluster and len(articles):
        from .overview import date_text

        rows = articles[~articles["id"].isin(reasons)]
        if "clean_text" not in rows:  # page furniture and footers do not count (cleaning is cached per article)
            from .clean import clean_corpus

            rows = clean_corpus(rows)
        texts = dict(zip(rows["id"], rows["clean_text"]))
        similar: dict[str, dict[str, float]] = {}
        for a, b, s in corpus_pairs(texts):
            similar.setdefault(a, {})[b] = s
            similar.setdefault(b, {})[a] = s
        when = dict(zip(articles["id"], pd.to_datetime(articles["date"], errors="coerce")))
        length = {ident: len(text) for ident, text in texts.items()}
        shown = dict(zip(articles["id"], date_text(articles)))
        label = {ident: f"{outlet or '(not stated)'}, {shown[ident] or 'undated'}"
                 for ident, outlet in zip(articles["id"], articles["outlet"])}
        order = {ident: k for k, ident in enumerate(articles["id"])}
        # the fullest copy first (then the earliest): each article is left out only when it nearly
        # repeats one that is kept, never through a chain of articles it does not itself resemble
        kept: list[str] = []
        for ident in sorted(similar, key=lambda i: (-length[i], pd.isna(when[i]),
                                                    when[i] if pd.notna(when[i]) else 0, order[i])):
            original = next((k for k in kept if k in similar[ident]), None)
            if original is None:
                kept.append(ident)
            else:
                reasons[ident] = (f"near-duplicate of {label[original]} "
                                  f"({similar[ident][original]:.0%} of 5-word runs shared)")
    left = articles[articles["id"].isin(reasons)]
    table = pd.DataFrame({"id": left["id"], "outlet": left["outlet"], "date": left["date"], "title": left["title"],
                          "reason": left["id"].map(reasons)}).reset_index(drop=True)
    return articles[~articles["id"].isin(reasons)].reset_index(drop=True), table


def left_out_sentence(left, kept: int) -> str:
    """One sentence on what :func:`for_analysis` left out of the ``kept`` + len(left) articles.

    >>> import pandas as pd
    >>> left_out_sentence(pd.DataFrame({"reason": ["near-duplicate of X, 2019-05-01", "reads as 'es'"]}), 98)
    '2 of 100 articles are left out: 1 near-duplicate (one article of each cluster is kept) and 1 not in English.'
    >>> left_out_sentence(pd.DataFrame({"reason": []}), 5)
    'All 5 articles are counted: no near-duplicates, none in another language.'
    """
    total = kept + len(left)
    if not len(left):
        return f"All {total:,} articles are counted: no near-duplicates, none in another language."
    copies = int(left["reason"].str.startswith("near-duplicate").sum())
    foreign = len(left) - copies
    parts = ([f"{copies:,} near-duplicate{'s' if copies != 1 else ''} (one article of each cluster is kept)"] if copies else []) \
        + ([f"{foreign:,} not in English"] if foreign else [])
    return f"{len(left):,} of {total:,} articles are left out: {' and '.join(parts)}."


def require_some(kept, left) -> None:
    """Stop with one sentence when :func:`for_analysis` left no article to analyse."""
    if len(kept) == 0 and len(left):
        from .corpus import CorpusError

        raise CorpusError("the corpus", f"all {len(left):,} articles are left out ({left_out_sentence(left, 0)[:-1]})",
                          "add English articles, or set ENGLISH_ONLY = False or ONE_PER_CLUSTER = False in the parameters")
