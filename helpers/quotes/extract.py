"""Quotations with their speakers, for one article and for a corpus, as tables and as JSON."""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .._lazy import pandas as pd  # imported on first use: one article never needs it
from .. import clean, sentences
from ..cache import per_article
from ..corpus import CorpusError, read_article
from .marks import ANY_MARK, QuoteSpan, find_quote_spans, quote_kind
from .people import speaker_ids
from .speakers import Entity, SpeakerFinder
from .cues import (CONTINUATION, NEXT_SENTENCE, PREVIOUS_SENTENCE, SAME_SENTENCE, SENTENCE_SUBJECT, WEAK_CUES,
                   _verb_pattern, cue_patterns, post_cue, pre_cue)


COLUMNS = ["article", "quote", "start", "end", "speaker", "speaker_role", "cue", "kind", "sentence", "speaker_type",
           "confidence"]
# quotes_for_corpus: start/end in clean_text, file_* in the file; speaker_id one per person across the corpus
CORPUS_COLUMNS = [*COLUMNS, "speaker_id", "file_start", "file_end"]


_NOT_NEWLINE = re.compile(r"[^\n]")


def _mask(text: str, spans: list[QuoteSpan]) -> str:
    """The text with every quotation's words blanked, so cues are never read inside quotes."""
    chars = list(text)
    for span in spans:
        for start, end in span.pieces:
            # each character but a newline becomes a space, as one slice (same length, so the
            # offsets stay); blanking is idempotent, so overlapping pieces give the same result
            piece = text[start:end]
            chars[start:end] = _NOT_NEWLINE.sub(" ", piece) if "\n" in piece else " " * len(piece)
    return "".join(chars)


def _unwrapped(text: str, paragraphs: list[tuple[int, int]]) -> str:
    """``text`` with the line breaks inside each paragraph (hard-wrapped copy, which the cleaning
    stage joins into one paragraph) made spaces: the same length, so every offset stays."""
    if not any("\n" in text[start:end] for start, end in paragraphs):
        return text
    chars = list(text)
    for start, end in paragraphs:
        for k in range(start, end):
            if chars[k] == "\n":
                chars[k] = " "
    return "".join(chars)


def _body_paragraphs(text: str, title: str = "") -> list[tuple[int, int]]:
    """Offsets of the lines the cleaning stage keeps as the article's body (headline given or not)."""
    return list(clean.clean_article(text, title=title).kept_spans)


def _quote_sentences(text: str, paragraphs: list[tuple[int, int]], spans: list[QuoteSpan],
                     found: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Sentence spans of the body, with sentences inside one quotation merged into one.

    ``found``, when given, are the paragraphs' sentences as the cleaning stage split them.
    """
    if found is None:
        found = []
        for start, end in paragraphs:
            found.extend((start + s, start + e) for s, e in sentences.sentence_spans(text[start:end]))
    inside = [(q.start, q.end) for q in spans]
    merged: list[tuple[int, int]] = []
    k = 0
    for start, end in found:
        while k < len(inside) and inside[k][1] < start:
            k += 1
        boundary_in_quote = k < len(inside) and inside[k][0] < start <= inside[k][1]
        same_paragraph = merged and "\n" not in text[merged[-1][1]:start]
        if merged and boundary_in_quote and same_paragraph:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def extract_quotes(text: str, article_id: str = "", title: str = "") -> pd.DataFrame:
    """Every direct quotation in one article's text, with speaker, cue and kind.

    Returns a DataFrame with columns article, quote, start, end, speaker, cue,
    kind, sentence, speaker_type; ``start``/``end`` are offsets into ``text``.
    ``speaker`` is None when no rule finds one; ``speaker_type`` is "person" or
    "organisation" (a body, a statement's issuer, a country speaking).

    >>> extract_quotes('Foreign Minister Ana Diaz spoke on Monday.\\n\\n"We will not give in," Diaz said.')[["quote", "speaker", "cue", "kind"]].values.tolist()
    [['We will not give in,', 'Ana Diaz', 'said', 'full']]
    """
    frame = pd.DataFrame([{"article": article_id, **r} for r in _quote_records(text, title)], columns=COLUMNS)
    return frame.astype({"start": "int64", "end": "int64", "speaker": "object", "speaker_type": "object"})


def _quote_records(text: str, title: str = "") -> list[dict]:
    """One article's quotations as plain records (all columns but ``article``); what the cache stores."""
    if not ANY_MARK.search(text):
        return []
    return _quote_records_in_body(text, _body_paragraphs(text, title))


_DASH_AFTER = re.compile(r"\s*[—–]|\s+-\s")

# Characters either side of a quotation in which its speaker is looked for (and of its sentence
# kept in the tables, marked "…" where cut). Real sentences are far shorter (a 1,500-character
# one is rare); the bound keeps the work per quotation fixed, so a text of one endless "sentence"
# with thousands of quotations (a page whose full stops were lost) takes time and memory in
# proportion to its length, not to its square.
WINDOW = 2_000


@dataclass(slots=True)
class Quote:
    """One quotation and who said it: the record behind every row of the quote tables.

    ``start``/``end`` are offsets of the quoted words (inside the marks) in the article text;
    ``cue`` names the rule that found the speaker (a reporting verb as written, or one of the
    names in :mod:`helpers.quotes.cues`); ``first_sentence``/``last_sentence`` number the sentences
    the quotation spans (for the rules that look at the quotes before it; not in the tables).
    """

    quote: str
    start: int
    end: int
    speaker: str | None
    cue: str | None
    kind: str
    sentence: str
    speaker_type: str | None
    confidence: str = "none"
    speaker_role: str = ""
    first_sentence: int = field(default=0, repr=False)
    last_sentence: int = field(default=0, repr=False)

    def row(self) -> dict:
        """The record as a table row: the columns of :data:`COLUMNS` but ``article``."""
        return {"quote": self.quote, "start": self.start, "end": self.end, "speaker": self.speaker,
                "speaker_role": self.speaker_role, "cue": self.cue, "kind": self.kind, "sentence": self.sentence, "speaker_type": self.speaker_type,
                "confidence": self.confidence}


def _shown(text: str, start: int, end: int, cut_before: bool, cut_after: bool) -> str:
    """The sentence kept with a quotation, with "…" where :data:`WINDOW` cut it."""
    return ("…" if cut_before else "") + text[start:end].strip() + ("…" if cut_after else "")


def _quote_records_in_body(text: str, paragraphs: list[tuple[int, int]],
                           paragraph_sentences: list[tuple[int, int]] | None = None) -> list[dict]:
    """:func:`_quote_records` for an article whose body paragraphs (offsets of the lines the
    cleaning stage keeps) and, optionally, their sentences are already known, as
    :func:`helpers.clean.clean_corpus` gives them (``body_spans``, ``body_sentences``)."""
    if not ANY_MARK.search(text):
        return []
    text = _unwrapped(text, paragraphs)
    spans = find_quote_spans(text, paragraphs)
    masked = _mask(text, spans)
    sentence_list = _quote_sentences(text, paragraphs, spans, paragraph_sentences)
    finder = SpeakerFinder(text, masked, sentence_list)
    rows: list[Quote] = []
    for number, span in enumerate(spans):
        open_at, close_at = span.start - 1, span.end
        first = finder.sentence_index(open_at)
        last = finder.sentence_index(max(close_at, open_at))
        sentence_start = sentence_list[first][0] if first < len(sentence_list) else open_at
        sentence_end = sentence_list[last][1] if last < len(sentence_list) else close_at + 1
        cut_before, cut_after = sentence_start < span.start - WINDOW, sentence_end > span.end + WINDOW
        sentence_start = max(sentence_start, min(open_at, span.start - WINDOW))
        sentence_end = min(sentence_end, max(close_at + 1, span.end + WINDOW))
        next_open = spans[number + 1].start - 1 if number + 1 < len(spans) else len(text)
        post_end = min(sentence_end, next_open)
        before = masked[sentence_start:open_at]
        kind = quote_kind(span.text, before, masked[close_at + 1:close_at + 40])
        if kind in ("term", "title"):  # a word or a name singled out, not speech: no speaker
            rows.append(Quote(span.text, span.start, span.end, None, None, kind,
                              _shown(text, sentence_start, sentence_end, cut_before, cut_after), None, "none", "", first, last))
            continue
        entity, cue = None, None
        if (kind == "fragment" and rows and rows[-1].first_sentence == first and rows[-1].speaker
                and not cue_patterns()["verb"].search(masked, rows[-1].end + 1, open_at)):
            # (a reporting verb between the two quotes brings a speaker of its own: "…, while Michel said")
            entity, cue = Entity(rows[-1].speaker, rows[-1].speaker_type, open_at, role=rows[-1].speaker_role), SAME_SENTENCE
        starts_sentence = not before.strip(" \t—–-")
        order = (post_cue, pre_cue) if starts_sentence else (pre_cue, post_cue)
        line_end = text.find("\n", close_at)
        if _DASH_AFTER.match(masked[close_at + 1:close_at + 4]):  # "…” — Name, title" closing a paragraph
            post_end = min(next_open, line_end if line_end != -1 else len(text))
        for rule in order if entity is None else ():
            if rule is post_cue:
                entity, cue = post_cue(finder, close_at + 1, post_end)
            else:
                entity, cue = pre_cue(finder, sentence_start, open_at)
            if entity is not None:
                break
        if entity is None and not starts_sentence:  # words quoted in a sentence about someone
            entity = finder.clause_subject(sentence_start, open_at)
            cue = SENTENCE_SUBJECT if entity is not None else None
        if entity is None:
            entity, cue = _neighbour_cue(finder, rows, first, last, kind, open_at)
            said = masked[sentence_start:max(sentence_end, post_end)]
            if entity is not None and entity.kind != "person" and _personal_cue().search(said):
                entity, cue = None, None  # "he said" with no person to be: not the country named before
            elif entity is not None and entity.kind == "person" and _plural_cue().search(said):
                entity, cue = None, None  # "they said" with no group to be: not the one person named before
        named = entity is not None and _named_in(masked[sentence_start:max(sentence_end, post_end)], entity.name)
        if cue in CHANT_CUES:
            kind = "chant"  # a crowd's words ("protesters chanted"): the crowd is the speaker
        rows.append(Quote(
            span.text, span.start, span.end, entity.name if entity else None, cue, kind,
            _shown(text, sentence_start, sentence_end, cut_before, cut_after),
            ("person" if entity.kind == "person" else "organisation") if entity else None,
            confidence(cue, kind, named) if entity else "none", entity.role if entity else "", first, last))
    return [quote.row() for quote in rows]


@lru_cache(maxsize=1)
def _personal_cue() -> re.Pattern:
    """'he said', 'she sharply warned': a person as the subject of any reporting verb."""
    return re.compile(rf"\b(?:he|she)\s+(?:[a-z]+ly\s+)?(?:{_verb_pattern()})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _plural_cue() -> re.Pattern:
    """'they said', 'they also added': people speaking together as the subject of a reporting verb."""
    return re.compile(rf"\bthey\s+(?:[a-z]+ly\s+|also\s+)?(?:{_verb_pattern()})\b", re.IGNORECASE)


CONFIDENCE_LEVELS = ("high", "medium", "low", "none")
CHANT_CUES = frozenset({"chanted", "chanting", "chant", "chants", "shouted", "shouting", "sang", "singing"})


def confidence(cue: str | None, kind: str, named: bool) -> str:
    """How sure an attribution is, from the evidence the rule used (:data:`CONFIDENCE_LEVELS`).

    - high: a cue in the quotation's own sentence (a reporting verb, a dash, "according to", a
      colon) with the speaker named in that sentence, for a full quotation;
    - medium: such a cue whose speaker is a pronoun or a description ("he said", "the minister
      said") resolved to someone named earlier; a fragment with such a cue; a quotation that
      continues the one before or shares its sentence;
    - low: the weaker rules (:data:`helpers.quotes.cues.WEAK_CUES`: the sentence before or after, the
      subject of a sentence about someone);
    - none: no speaker found.

    >>> confidence("said", "full", True), confidence("said", "full", False), confidence("previous sentence", "full", True)
    ('high', 'medium', 'low')
    """
    if cue is None:
        return "none"
    if cue in WEAK_CUES:
        return "low"
    if cue in (SAME_SENTENCE, CONTINUATION) or not named or kind not in ("full", "chant"):
        return "medium"
    return "high"


def at_least(quotes: pd.DataFrame, level: str = "low") -> pd.Series:
    """True for the quotations whose attribution is at least ``level`` sure ("high", "medium",
    "low"; "none" keeps every row, those without a speaker too).

    >>> at_least(pd.DataFrame({"confidence": ["high", "low", "none"]}), "medium").tolist()
    [True, False, False]
    """
    if level not in CONFIDENCE_LEVELS:
        raise ValueError(f"confidence level {level!r} is not one of {', '.join(CONFIDENCE_LEVELS)}")
    return quotes["confidence"].isin(CONFIDENCE_LEVELS[:CONFIDENCE_LEVELS.index(level) + 1])


def _named_in(text: str, name: str) -> bool:
    """Whether ``text`` names the speaker ``name`` (its last word, or the whole of a one-word name)."""
    words = name.split()
    return bool(words) and re.search(rf"\b{re.escape(words[-1])}\b", text) is not None


_POINTS_BACK = re.compile(r"\W*(?:that|this|those|these|such|so)\b", re.IGNORECASE)
_REFERS_BACK = re.compile(r"\b(?:put it|words of|message (?:of|from)|remarks by|stated by|said by)\b")
_VERB_OBJECT_BACK = re.compile(r"\s+(?:this|that|so|it)\b")


def _neighbour_cue(finder: SpeakerFinder, rows: list[Quote], first: int, last: int, kind: str,
                   open_at: int) -> tuple[Entity | None, str | None]:
    """No cue in the quote's own sentence: look at the quotes and sentences around it.

    In order: the previous quote continues in the same paragraph; the sentence before ends
    with a colon ("He told the assembly:"); the sentence after points back at the quote and
    names the speaker ("That was how Ortega put it."); a person who was the subject of the
    sentence before; an earlier quote continuing across paragraphs; an organisation that was
    the subject of the sentence before.
    """
    text = finder.masked
    previous_quote = rows[-1] if rows and rows[-1].speaker else None
    if previous_quote and previous_quote.last_sentence >= first - 1 and "\n" not in text[previous_quote.end:open_at]:
        return Entity(previous_quote.speaker, previous_quote.speaker_type, 0, role=previous_quote.speaker_role), CONTINUATION
    previous = finder.subject_of_sentence(first - 1) if first > 0 else None
    if previous is not None:
        previous_start, previous_end = finder.sentences[first - 1]
        if text[max(previous_start, previous_end - WINDOW):previous_end].rstrip().endswith(":"):
            return previous, PREVIOUS_SENTENCE
    if kind == "full" and last + 1 < len(finder.sentences):
        next_start, next_end = finder.sentences[last + 1]
        next_end = min(next_end, next_start + WINDOW)
        following = text[next_start:next_end]
        verb = cue_patterns()["verb"].search(following)
        points_back = _POINTS_BACK.match(following) or _REFERS_BACK.search(following) or (
            verb and _VERB_OBJECT_BACK.match(following[verb.end():]))
        if points_back:
            entity = finder.first_entity(finder.phrases(next_start, next_end))
            if entity is not None:
                return entity, NEXT_SENTENCE
    if previous is not None and previous.kind == "person":
        return previous, PREVIOUS_SENTENCE
    if previous_quote and kind == "full" and previous_quote.last_sentence >= first - 3:
        return Entity(previous_quote.speaker, previous_quote.speaker_type, 0, role=previous_quote.speaker_role), CONTINUATION
    if previous is not None:
        return previous, PREVIOUS_SENTENCE
    return None, None


def quotes_for_corpus(articles: pd.DataFrame, progress: bool = False) -> pd.DataFrame:
    """Quotations of every article in a corpus DataFrame, one row each (columns :data:`CORPUS_COLUMNS`).

    ``start`` and ``end`` are offsets into each article's ``clean_text``, like the offsets of
    mentions and of the ``sentence_spans`` that :func:`helpers.clean.clean_corpus` adds, so the
    three can be joined; ``file_start`` and ``file_end`` are the same places in the article's
    file (its ``text``). Quotes are looked for in the body paragraphs the cleaning stage keeps;
    articles not cleaned yet are cleaned first (cached). Per-article results are cached and
    computed on every core (:func:`helpers.cache.per_article`).

    >>> frame = pd.DataFrame({"id": ["a"], "title": ["Talks"], "text": ["Talks\\n\\n\\"We will talk,\\" Ana Diaz said."]})
    >>> found = quotes_for_corpus(frame)
    >>> found[["quote", "speaker", "start", "file_start"]].values.tolist()
    [['We will talk,', 'Ana Diaz', 1, 8]]
    """
    if "body_spans" not in articles.columns or "clean_text" not in articles.columns:
        articles = clean.clean_corpus(articles, progress=progress)
    sentences_of = articles["body_sentences"] if "body_sentences" in articles.columns else [None] * len(articles)
    inputs = list(zip(articles["text"], articles["body_spans"], sentences_of))
    results = per_article("quotes", _quote_records_in_body, inputs, progress=progress)
    # assembled column by column (a large corpus has a few hundred thousand quotes)
    columns = {"article": [ident for ident, records in zip(articles["id"], results) for _ in records]}
    for column in COLUMNS[1:]:
        columns[column] = [record[column] for records in results for record in records]
    columns["file_start"], columns["file_end"] = columns["start"], columns["end"]
    clean_starts, clean_ends = [], []
    for text, spans, clean_text, records in zip(articles["text"], articles["body_spans"], articles["clean_text"], results):
        if records:
            offsets = clean.OffsetMap(text, spans, clean_text)
            clean_starts.extend(offsets.to_clean(r["start"]) for r in records)
            clean_ends.extend(offsets.to_clean(r["end"]) for r in records)
    columns["start"], columns["end"] = clean_starts, clean_ends
    columns["speaker_id"] = speaker_ids(pd.Series(columns["speaker"], dtype="object"),
                                        pd.Series(columns["speaker_type"], dtype="object"))[0].tolist()
    frame = pd.DataFrame(columns if columns["article"] else None, columns=CORPUS_COLUMNS)  # none: object columns
    return frame.astype({"start": "int64", "end": "int64", "file_start": "int64", "file_end": "int64",
                         "speaker": "object", "speaker_type": "object", "speaker_id": "object"})


def quotes_json(paths: list[str | Path], problems: list | None = None) -> dict:
    """The JSON document ``python -m helpers quotes`` prints, for files or folders of .txt files.

    Articles are keyed by file name; a ``metadata.csv`` in a folder's parent (a corpus) gives
    each file's headline to the cleaning stage. Raises :class:`CorpusError` for a path that is
    missing or not a .txt file (or not a regular file, such as a pipe), a folder with no .txt
    files, or two files with the same name. With a ``problems`` list, a file that cannot be read
    (binary, not UTF-8, empty) is skipped and its :class:`CorpusError` appended there, so one bad
    file does not stop a folder; without it, the first one is raised.
    """
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(p for p in path.glob("*.txt") if p.is_file())
            if not found:
                raise CorpusError(path, "the folder holds no .txt files", "point at the articles folder itself (for example corpus/articles)")
            files.extend(found)
        elif not path.exists():
            raise CorpusError(path, "no such file or folder", "give the path of a .txt article or of a folder of them")
        elif path.suffix.lower() != ".txt":
            raise CorpusError(path, "only .txt articles are read", "give .txt files (add saved web pages with `python -m helpers add`)")
        elif not path.is_file():  # a pipe or a device: reading it could wait for ever
            raise CorpusError(path, "this is not a regular file", "give the path of a .txt article")
        else:
            files.append(path)
    names = [p.name for p in files]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise CorpusError(repeated[0], "two files given have this name, and the output is keyed by file name", "score the folders one at a time")
    articles: dict[str, list[dict]] = {}
    for path in files:
        try:
            text = read_article(path)
        except CorpusError as err:
            if problems is None:
                raise
            problems.append(err)
            continue
        records = _quote_records(text, _titles_beside(path.parent).get(path.name, ""))
        articles[path.name] = [{k: r[k] for k in ("quote", "start", "end", "speaker", "cue", "kind", "confidence")}
                               for r in records]
    return {"articles": articles}


@lru_cache(maxsize=16)
def _titles_beside(folder: Path) -> dict[str, str]:
    """file name -> title from the metadata.csv of the corpus that ``folder`` is the articles of (if any)."""
    metadata = folder.parent / "metadata.csv"
    if not metadata.is_file():
        return {}
    try:
        with open(metadata, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (csv.Error, UnicodeDecodeError, OSError):
        return {}
    return {row["file"]: row["title"] or "" for row in rows if row.get("file") is not None and "title" in row}


def dump_json(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1)


# --------------------------------------------------------------------------- summaries

def quotes_by_speaker(quotes: pd.DataFrame) -> pd.DataFrame:
    """Quotes, quoted words, full quotes and articles per speaker, most quoted words first.

    A speaker named in several ways ("Nicolás Maduro", "Maduro"; "Bill", "William") is one
    (:func:`helpers.quotes.people.speaker_ids`), shown by their most frequent full name.
    Quotations with no speaker are grouped as "(no speaker found)".

    >>> table = quotes_by_speaker(pd.DataFrame({"article": ["a", "a", "b"], "speaker": ["Ana Diaz", None, "Ana Diaz"],
    ...     "quote": ["We stay.", "a mistake", "We go now."], "kind": ["full", "fragment", "full"]}))
    >>> table.loc["Ana Diaz"].tolist()
    [2, 5, 2, 2]
    """
    ids, shown = speaker_ids(quotes["speaker"], quotes["speaker_type"] if "speaker_type" in quotes else None)
    frame = quotes.assign(speaker=ids.map(shown).fillna("(no speaker found)"),
                          words=quotes["quote"].str.count(r"\w+"),
                          full=quotes["kind"].eq("full"))
    table = frame.groupby("speaker").agg(quotes=("quote", "size"), quoted_words=("words", "sum"),
                                         full_quotes=("full", "sum"), articles=("article", "nunique"))
    return table.sort_values(["quoted_words", "quotes"], ascending=False).astype("int64")


def quotes_per_article(quotes: pd.DataFrame, articles: pd.Index) -> pd.DataFrame:
    """Full quotations and fragments per article, one row per article of ``articles`` (none: zeros).

    >>> quotes = pd.DataFrame({"article": ["a", "a", "b"], "kind": ["full", "fragment", "full"]})
    >>> quotes_per_article(quotes, pd.Index(["a", "b", "c"])).to_dict("index")
    {'a': {'full': 1, 'fragment': 1}, 'b': {'full': 1, 'fragment': 0}, 'c': {'full': 0, 'fragment': 0}}
    """
    return (quotes.groupby(["article", "kind"]).size().unstack(fill_value=0)
            .reindex(index=articles, columns=["full", "fragment"], fill_value=0))
