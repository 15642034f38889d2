"""Add an article to a corpus: validated, nothing half-written, re-adding detected.

``add_article(source, title=…, outlet=…, date=…)`` takes a ``.txt`` file, a saved ``.html``
page or a string of text. An HTML page's main text is extracted with trafilatura (the page's
own title and date are used when none are given); the cleaning stage then treats it like any
other article. The article goes to ``articles/<id>.txt`` where the id is a hash of its text,
and its metadata row is appended to ``metadata.csv``.

Every refusal is a :class:`~helpers.corpus.CorpusError` (one sentence: what, why, what to
do) raised before anything is written, so a refused article leaves the corpus byte-identical.
Writes go to a temporary file that is then renamed into place, so a crash cannot leave a
half-written article or metadata file.
"""
from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from datetime import date as Date
from pathlib import Path

import pandas as pd

from .config import corpus_dir
from .corpus import (METADATA_COLUMNS, Corpus, CorpusError, count_words, fingerprint, looks_binary, read_article,
                     read_metadata, read_with_problems, valid_language, LANGUAGE_FIX)

MIN_WORDS = 25
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def article_id(text: str) -> str:
    """The id of an article: the first 16 hex digits of the SHA-256 of its text, white space folded.

    The same text always gets the same id, so adding it twice is caught.

    >>> article_id("ALBA met in Havana.") == article_id("ALBA  met\\nin Havana.\\n")
    True
    """
    return fingerprint(text)[:16]


def _decode_html(raw: bytes, where: str) -> str:
    """HTML bytes as text: the page's declared charset first, then UTF-8."""
    if raw.startswith(b"\xef\xbb\xbf"):  # a byte-order mark says UTF-8, whatever the page declares
        raw, declared = raw[3:], None
    else:
        declared = _CHARSET.search(raw[:4096])
    tried = []
    for encoding in ([declared.group(1).decode("ascii", "replace")] if declared else []) + ["utf-8"]:
        tried.append(encoding)
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise CorpusError(where, f"the page is not readable as {' or '.join(dict.fromkeys(tried))}",
                      "save the page again as UTF-8, or paste its text into a .txt file")


def _from_html(raw: bytes, where: str) -> tuple[str, str, str]:
    """(main text, page title, page date) of a saved web page."""
    import trafilatura  # imported here: only adding HTML pages needs it

    page = _decode_html(raw, where)
    text = trafilatura.extract(page, include_comments=False, include_tables=False, favor_precision=True) or ""
    metadata = trafilatura.extract_metadata(page)
    title = (metadata.title or "").strip() if metadata else ""
    published = (metadata.date or "").strip() if metadata else ""
    # one paragraph a line in trafilatura's output; the corpus separates paragraphs by a blank line
    text = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    return text, title, published


def _read_source(source: str | Path) -> tuple[str, str, str, str]:
    """(text, where, page title, page date) of a file path or a string of text."""
    is_path = isinstance(source, Path) or (
        isinstance(source, str) and "\n" not in source and len(source) < 4096
        and Path(source).suffix.lower() in _HTML_SUFFIXES | {".txt", ".text", ".md"})
    if not is_path:
        if not isinstance(source, str):
            raise CorpusError("source", f"expected a file path or a string of text, not {type(source).__name__}",
                              "pass the article's text or the path of a .txt or .html file")
        return source.replace("\r\n", "\n").replace("\r", "\n"), "the text given", "", ""
    path = Path(source)
    if path.is_dir():
        raise CorpusError(path, "this is a folder, not an article file", "give the path of one .txt file or saved .html page")
    if not path.is_file():
        raise CorpusError(path, "no such file", "check the path of the article to add")
    raw = path.read_bytes()
    if looks_binary(raw):
        raise CorpusError(path, "the file holds binary data, not text", "give a .txt file or a saved .html page")
    if path.suffix.lower() in _HTML_SUFFIXES:
        text, title, published = _from_html(raw, str(path))
        return text, str(path), title, published
    return read_article(path), str(path), "", ""


def _parse_date(value: str, where: str) -> str:
    value = (value or "").strip()
    try:
        parsed = Date.fromisoformat(value)
    except ValueError:
        raise CorpusError(where, f"date {value!r} does not parse", "give it as YYYY-MM-DD, for example 2019-05-01") from None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise CorpusError(where, f"date {value!r} is not in the form YYYY-MM-DD", "give it as YYYY-MM-DD, for example 2019-05-01")
    if parsed > Date.today():
        raise CorpusError(where, f"date {value} lies in the future", "check the article's publication date")
    return value


def _atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def add_article(source: str | Path, title: str | None = None, outlet: str | None = None,
                date: str | None = None, url: str | None = None, language: str = "en",
                corpus: str | Path | None = None) -> dict:
    """Add one article to the corpus and return its metadata row.

    ``source`` is a path to a ``.txt`` file or a saved ``.html`` page, or the article's text
    itself. ``title`` and ``date`` may come from an HTML page when not given; ``outlet`` is
    always needed. Raises :class:`~helpers.corpus.CorpusError`, writing nothing, for: text
    that is empty or shorter than 25 words, binary data, bytes that do not decode, a
    duplicate of an article already in the corpus, a missing title or outlet, a date that
    does not parse or lies in the future, and an unknown language code.
    """
    root = Corpus(Path(corpus) if corpus is not None else corpus_dir())
    text, where, page_title, page_date = _read_source(source)
    title = (title or page_title or "").strip()
    outlet = (outlet or "").strip()
    language = (language or "").strip().lower()
    if count_words(text) < MIN_WORDS:
        raise CorpusError(where, f"the text has {count_words(text)} words, too few for an article",
                          f"give the article's full text (at least {MIN_WORDS} words)")
    if not title:
        raise CorpusError(where, "no title was given and none was found in the page", "give one with --title")
    if not outlet:
        raise CorpusError(where, "no outlet was given", "name the publication with --outlet")
    if not (date or page_date):
        raise CorpusError(where, "no date was given and none was found in the page", "give one with --date YYYY-MM-DD")
    published = _parse_date(date or page_date[:10], where)  # a page's date may carry a time
    if not valid_language(language):
        raise CorpusError(where, f"language {language!r} is not a language code", LANGUAGE_FIX)

    if root.metadata.exists():
        existing, problems = read_with_problems(root)  # every file read once: validated, and kept to look for duplicates
        if problems:
            raise CorpusError(root.root, f"the corpus has {len(problems)} problem(s) already, the first: {problems[0]}",
                              "fix them first (`python -m helpers check` lists them), then add the article")
        columns = list(read_metadata(root).columns)  # the file's own column order, for the new row
        old = root.metadata.read_bytes()
        if old and not old.endswith(b"\n"):
            old += b"\n"
    else:  # a new corpus: start its metadata file
        existing, columns = pd.DataFrame(columns=["id", "file", "text"]), list(METADATA_COLUMNS)
        old = (",".join(METADATA_COLUMNS) + "\n").encode("utf-8")
    ident = article_id(text)
    name = f"{ident}.txt"
    if ident in set(existing["id"]) or (root.articles / name).exists():
        raise CorpusError(where, f"this article is already in the corpus as {name}", "nothing to add")
    digest = fingerprint(text)
    for file, other in zip(existing["file"], existing["text"]):
        if fingerprint(other) == digest:
            raise CorpusError(where, f"the same text is already in the corpus as {file}", "nothing to add")

    row = {"id": ident, "file": name, "title": title, "outlet": outlet, "date": published,
           "url": (url or "").strip(), "language": language}
    line = io.StringIO()
    csv.DictWriter(line, fieldnames=columns, lineterminator="\n").writerow({c: row.get(c, "") for c in columns})

    root.articles.mkdir(parents=True, exist_ok=True)
    article_path = root.articles / name
    _atomic_write(article_path, text.rstrip("\n").encode("utf-8") + b"\n")
    try:
        _atomic_write(root.metadata, old + line.getvalue().encode("utf-8"))
    except BaseException:
        article_path.unlink(missing_ok=True)
        raise
    return row
