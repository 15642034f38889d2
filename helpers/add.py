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
import glob
import io
import json
import os
import re
import tempfile
import time
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path

import pandas as pd

from .config import MAX_ARTICLE_MB, corpus_dir
from .corpus import (FIRST_YEAR, METADATA_COLUMNS, Corpus, CorpusError, count_words, date_range, fingerprint,
                     looks_binary, read_article, read_metadata, read_with_problems, unicode_bom, unix_newlines,
                     valid_language, LANGUAGE_FIX)
from .hygiene import (detect_language, implausible_date, language_mismatch, minhash_signature, near_duplicate_pairs,
                      signatures_of)

MIN_WORDS = 25
MAX_MB = MAX_ARTICLE_MB  # the largest file or text taken, in MB (helpers.config)
PAGE_TIMES = 4           # a saved page may be this many times larger (scripts, styles, inline pictures)
# pages at least this large are announced before their text is extracted (it takes a while)
ANNOUNCE_MB = 1.0

# the encodings a page may declare, as Python names them (the Encoding Standard's): anything else
# (unicode_escape, rot13, base64 ...) is not a text encoding of the web and is not trusted
_WEB_ENCODINGS = frozenset({
    "utf-8", "cp866", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic", "cp874", "gbk", "gb18030", "big5",
    "big5hkscs", "euc_jp", "iso2022_jp", "cp932", "cp949", *(f"iso8859-{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)),
    *(f"cp{n}" for n in range(1250, 1259))})
# labels the Encoding Standard reads as another encoding than their name says (browsers decode a
# page labelled latin-1 or ascii as windows-1252, and one labelled UTF-16 in a meta tag as UTF-8)
_LABELS = {"latin1": "cp1252", "latin-1": "cp1252", "l1": "cp1252", "iso-8859-1": "cp1252", "iso8859-1": "cp1252",
           "iso_8859-1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252", "iso-8859-9": "cp1254",
           "iso8859-9": "cp1254", "latin5": "cp1254", "l5": "cp1254", "iso-8859-11": "cp874", "tis-620": "cp874",
           "windows-874": "cp874", "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8", "utf-16-le": "utf-8",
           "utf-16-be": "utf-8", "x-sjis": "cp932", "windows-31j": "cp932", "ms_kanji": "cp932", "shift_jis": "cp932",
           "shift-jis": "cp932", "sjis": "cp932", "x-euc-jp": "euc_jp", "x-gbk": "gbk", "gb2312": "gbk",
           "iso-8859-8-i": "iso8859-8", "ks_c_5601-1987": "cp949", "euc-kr": "cp949", "windows-949": "cp949",
           "x-mac-roman": "mac-roman", "macintosh": "mac-roman", "x-mac-cyrillic": "mac-cyrillic"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def article_id(text: str) -> str:
    """The id of an article: the first 16 hex digits of the SHA-256 of its text, white space folded.

    The same text always gets the same id, so adding it twice is caught.

    >>> article_id("ALBA met in Havana.") == article_id("ALBA  met\\nin Havana.\\n")
    True
    """
    return fingerprint(text)[:16]


def web_encoding(name: str) -> str | None:
    """Python's codec for a charset a page declares, read as the Encoding Standard reads it, when it
    is a text encoding of the web; else None.

    >>> web_encoding("ISO-8859-1"), web_encoding("windows-1254"), web_encoding("ISO-8859-9"), web_encoding("utf-16")
    ('cp1252', 'cp1254', 'cp1254', 'utf-8')
    >>> web_encoding("unicode_escape"), web_encoding("base64"), web_encoding("nonsense")
    (None, None, None)
    """
    import codecs

    label = name.strip().lower()
    try:
        found = codecs.lookup(_LABELS.get(label, label)).name
    except (LookupError, ValueError):
        return None
    return found if found in _WEB_ENCODINGS else None


def _decode_html(raw: bytes, where: str) -> str:
    """HTML bytes as text, checked against what the page declares.

    A byte-order mark decides (UTF-8, UTF-16 or UTF-32). Otherwise bytes that are valid UTF-8 are
    read as UTF-8 whatever the page declares (a page saved as UTF-8 often keeps a stale
    ``iso-8859-1`` declaration, which would turn "Rodríguez" into "RodrÃguez"; text in a single-byte
    charset is almost never valid UTF-8 by chance), except a declared ISO-2022-JP, whose bytes are
    all 7-bit; then the declared charset, read as the Encoding Standard reads its label
    (:func:`web_encoding`), when it decodes the bytes.

    >>> page = '<meta charset="iso-8859-1"><p>Rodríguez</p>'.encode("utf-8")
    >>> "Rodríguez" in _decode_html(page, "p.html")
    True
    >>> "“Rodríguez”" in _decode_html('<meta charset="iso-8859-1"><p>“Rodríguez”</p>'.encode("cp1252"), "p.html")
    True
    """
    wide = unicode_bom(raw)
    if wide or raw.startswith(b"\xef\xbb\xbf"):
        codec = wide or "utf-8-sig"
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            raise CorpusError(where, f"the page is not valid {codec.replace('-sig', '').upper()}, which its "
                              "byte-order mark announces", "save the page again as UTF-8") from None
    found = _CHARSET.search(raw[:4096])
    declared = found.group(1).decode("ascii", "replace") if found else ""
    codec = web_encoding(declared) if declared else None
    for encoding in dict.fromkeys(["iso2022_jp"] * (codec == "iso2022_jp") + ["utf-8", codec or "utf-8"]):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    if codec == "utf-8":
        problem = f"the page is not valid UTF-8, the encoding it declares ({declared!r})"
    elif declared:
        problem = f"the page is not valid UTF-8 nor the {declared!r} it declares" + (
            "" if codec else " (not a text encoding of the web)")
    else:
        problem = "the page is not valid UTF-8 and declares no other encoding"
    raise CorpusError(where, problem, "save the page again as UTF-8, or paste its text into a .txt file")


def _from_html(raw: bytes, where: str) -> dict[str, str]:
    """A saved web page's main text and what its meta tags say: title, date, site name, canonical URL."""
    import trafilatura  # imported here: only adding HTML pages needs it

    page = _decode_html(raw, where)
    text = trafilatura.extract(page, include_comments=False, include_tables=False, favor_precision=True) or ""
    metadata = trafilatura.extract_metadata(page)
    found = {key: (getattr(metadata, key, None) or "").strip() if metadata else ""
             for key in ("title", "date", "sitename", "url")}
    # one paragraph a line in trafilatura's output; the corpus separates paragraphs by a blank line
    text = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    return {"text": text, "title": found["title"], "date": _confirmed_date(found["date"][:10], page),
            "outlet": found["sitename"], "url": found["url"]}


def _confirmed_date(found: str, page: str) -> str:
    """The date a page's metadata gives, kept only as precisely as the page itself writes it: the
    date extractor fills in a missing day (today's, or the 1st) and a missing month, so a day not
    written in the page is dropped to its month, and a month not written to nothing.

    >>> _confirmed_date("2019-05-02", '<meta name="date" content="2019-05">'), _confirmed_date("2019-05-01", "May 1, 2019")
    ('2019-05', '2019-05-01')
    """
    try:
        day = Date.fromisoformat(found)
    except ValueError:
        return ""
    month_names = (day.strftime("%B"), day.strftime("%b"))
    written_days = [day.isoformat(), day.strftime("%Y/%m/%d"), day.strftime("%d/%m/%Y"), day.strftime("%m/%d/%Y"),
                    day.strftime("%Y%m%d")]
    written_days += [f"{m} {day.day}, {day.year}" for m in month_names] + [f"{m} {day.day} {day.year}" for m in month_names]
    written_days += [f"{day.day} {m} {day.year}" for m in month_names] + [f"{day.day} {m}, {day.year}" for m in month_names]
    if any(form in page for form in written_days):
        return day.isoformat()
    written_months = [day.strftime("%Y-%m"), day.strftime("%Y/%m")] + [f"{m} {day.year}" for m in month_names]
    return day.strftime("%Y-%m") if any(form in page for form in written_months) else ""


def headline(text: str) -> str:
    r"""The first line of a plain-text article when it reads as a headline (3 to 25 words, no
    sentence ending, no time stamp, date, link or cut-off quotation, more text after it), else "".

    >>> headline("Lima Group meets in Ottawa\n\nForeign ministers of the group met on Monday.")
    'Lima Group meets in Ottawa'
    >>> headline("Foreign ministers of the group met on Monday. They agreed.\n\nMore text.")
    ''
    >>> headline("10:35 UN chief calls for calm as votes are counted\n\nMore text.")  # a live blog's time stamp
    ''
    """
    lines = [line.strip() for line in text.strip().splitlines()]
    if len(lines) < 2 or not lines[0]:
        return ""
    first = lines[0]
    words = count_words(first)
    if not 3 <= words <= 25 or first[-1] in ".,;:" or not any(line for line in lines[1:]):
        return ""
    if _NOT_HEADLINE.search(first) or first.count('"') % 2 or first.count("“") != first.count("”"):
        return ""  # a time, a date, a link, a menu or a quotation cut off: page furniture, not a headline
    return first


_NOT_HEADLINE = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{4}-\d{2}-\d{2}\b|https?://|www\.|[|•»]|^(?:by|date|posted|updated)\b",
                           re.IGNORECASE)


def _marked_as_text(source) -> bool:
    """Whether ``source`` can only be an article's text, never a path: a string with a line break
    or too long for a path (how :func:`add_articles` tells texts from files, folders and globs)."""
    return isinstance(source, str) and ("\n" in source or len(source) >= 4096)


def _is_text(source) -> bool:
    """Whether ``source`` is an article's text rather than the path of its file: marked as text
    (:func:`_marked_as_text`), or a string without the suffix of an article file."""
    return _marked_as_text(source) or (isinstance(source, str)
                                       and Path(source).suffix.lower() not in _HTML_SUFFIXES | {".txt", ".text", ".md"})


def _too_large(where, size: int, max_mb: float, page: bool = False) -> CorpusError | None:
    """The refusal of a file or text of ``size`` bytes over ``max_mb`` MB, else None."""
    if size <= max_mb * 1e6:
        return None
    what = "a saved page may" if page else "an article may"
    return CorpusError(where, f"it holds {size / 1e6:,.1f} MB, more than the {max_mb:g} MB {what} (a whole "
                       "site, a book or a log saved as one file?)",
                       "split it into its articles, or raise the limit with --max-mb (max_mb= in Python)")


def _given_text_problem(text: str, max_mb: float) -> CorpusError | None:
    """Why a text given as a string cannot be stored (not encodable as UTF-8, or too large), else None."""
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as err:  # a lone surrogate: half of a UTF-16 pair, often from a broken paste
        return CorpusError("the text given", f"character {err.start:,} (U+{ord(text[err.start]):04X}) is half of "
                           "a UTF-16 pair, not a character", "remove it, or copy the text again from its source")
    return _too_large("the text given", size, max_mb)


def _read_source(path: Path, max_mb: float = MAX_MB) -> tuple[str, str, dict[str, str]]:
    """(text, where, what the file itself says about title, date, outlet and url) of an article
    file; refused when larger than ``max_mb`` MB (a saved page: :data:`PAGE_TIMES` that, as a
    page carries its scripts, styles and pictures)."""
    if path.is_dir():
        raise CorpusError(path, "this is a folder, not an article file", "give the path of one .txt file or saved .html page")
    if not path.is_file():
        raise CorpusError(path, "no such file", "check the path of the article to add")
    page = path.suffix.lower() in _HTML_SUFFIXES
    refusal = _too_large(path, path.stat().st_size, max_mb * (PAGE_TIMES if page else 1), page)
    if refusal:  # before the file is read into memory
        raise refusal
    raw = path.read_bytes()
    wide = unicode_bom(raw)
    if looks_binary(raw) and not wide:
        raise CorpusError(path, "the file holds binary data, not text", "give a .txt file or a saved .html page")
    if page:
        found = _from_html(raw, str(path))
        return found.pop("text"), str(path), found
    if wide:  # UTF-16 or UTF-32 text, as its byte-order mark announces: stored as UTF-8
        try:
            text = unix_newlines(raw.decode(wide))
        except UnicodeDecodeError as err:
            raise CorpusError(path, f"byte {err.start:,} is not valid {wide.upper()}, which the file's byte-order "
                              "mark announces", "re-save the file as UTF-8") from None
    else:
        text = read_article(path)
    return text, str(path), {"title": headline(text)}


def _parse_date(value: str, where: str, force: bool = False) -> str:
    """``value`` checked as a publication date: a day (YYYY-MM-DD), or a month (YYYY-MM) or year
    (YYYY) when the page gives no day, stored as written (:func:`helpers.corpus.parse_date`)."""
    value = (value or "").strip()
    span = date_range(value)
    if span is None:
        raise CorpusError(where, f"date {value!r} does not parse",
                          "give it as YYYY-MM-DD (for example 2019-05-01), or YYYY-MM or YYYY when the page gives no day")
    first, last = span  # the current year or month is not "in the future"; its first day counts
    if first > Date.today():
        raise CorpusError(where, f"date {value} lies in the future", "check the article's publication date")
    if last.year < FIRST_YEAR:
        raise CorpusError(where, f"date {value} lies before {FIRST_YEAR}", "check the article's publication date")
    reason = implausible_date(min(last, Date.today()))  # the future was checked on the first day
    if reason and not force:
        raise CorpusError(where, f"date {value} is not plausible: {reason}",
                          "check the article's publication date, or add it with --force-date if it is right")
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


# ---------------------------------------------------------------- many articles at once

@dataclass
class Report:
    """What :func:`add_articles` did: the metadata rows added, the refusals (one sentence each),
    the warnings (near-duplicates, a language that differs from the one stated), and whether
    anything was written."""
    added: list[dict] = field(default_factory=list)
    refused: list[CorpusError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    written: bool = False


def expand_sources(sources: Iterable[str | Path]) -> list[Path]:
    """Files to add from paths, folders (their .txt and saved .html files, sorted) and globs.

    >>> expand_sources([]) == []
    True
    """
    found: list[Path] = []
    for source in sources:
        text = str(source)
        if any(ch in text for ch in "*?[") and not Path(text).exists():
            found.extend(sorted(Path(p) for p in glob.glob(text, recursive=True) if Path(p).is_file()))
        elif Path(text).is_dir():
            folder = Path(text)
            found.extend(sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in _HTML_SUFFIXES | {".txt"}
                                and not any(part.startswith(".") for part in p.relative_to(folder).parts)))
        else:
            found.append(Path(text))
    unique: dict[str, Path] = {}  # one file given twice (a/../a/x.txt and a/x.txt) is read once
    for path in found:
        unique.setdefault(str(path.resolve()), path)
    return list(unique.values())


SHEET_COLUMNS = ("title", "outlet", "date", "url", "language", "notes")


def read_sheet(path: str | Path) -> dict[str, dict[str, str]]:
    """A metadata sheet (CSV with a ``file`` column and any of title, outlet, date, url, language,
    notes) as {file: values}; ``file`` is a path relative to the sheet's folder or a bare file name.
    Blank cells are left out, so they do not override what a page says about itself."""
    path = Path(path)
    if not path.is_file():
        raise CorpusError(path, "the metadata sheet does not exist", "check its path")
    try:
        sheet = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise CorpusError(path, f"the sheet is not readable UTF-8 CSV ({str(err).splitlines()[0]})",
                          "save it from the spreadsheet as 'CSV UTF-8'") from None
    if "file" not in sheet.columns:
        raise CorpusError(path, "the sheet has no 'file' column", "add one naming each article's file")
    unknown = [c for c in sheet.columns if c not in ("file", *SHEET_COLUMNS)]
    if unknown:
        raise CorpusError(path, f"column {', '.join(unknown)} is not one the corpus keeps",
                          f"use file and any of {', '.join(SHEET_COLUMNS)}")
    rows: dict[str, dict[str, str]] = {}
    for line, row in enumerate(sheet.to_dict("records"), start=2):
        name = row.pop("file").strip()
        if not name:
            continue
        key = str((path.parent / name).resolve())
        if key in rows:
            raise CorpusError(f"{path} line {line}", f"file {name!r} has a row already",
                              "keep one row per file")
        values = {k: " ".join(v.split()) for k, v in row.items() if v.strip()}  # a line break in a cell: a space
        if Path(name).name == name:
            values["\0bare"] = "1"  # a bare file name: it may name a file in any folder given
        rows[key] = values
    return rows


def _sheet_row(sheet: dict[str, dict[str, str]], path: Path) -> tuple[str, dict[str, str]] | None:
    """The sheet's row for ``path`` (its key and values): the row naming that file from the
    sheet's folder, else the one row giving only its bare file name."""
    resolved = str(path.resolve())
    if resolved in sheet:
        return resolved, sheet[resolved]
    bare = [key for key, values in sheet.items() if values.get("\0bare") and Path(key).name == path.name]
    return (bare[0], sheet[bare[0]]) if len(bare) == 1 else None


def _prepare_file(path: str, max_mb: float = MAX_MB) -> dict:
    """Read one source file and compute what the batch checks need (a worker's job: plain values).
    ``error`` holds (where, problem, fix) when the file cannot be read."""
    try:
        text, where, found = _read_source(Path(path), max_mb)
    except CorpusError as err:
        return {"error": [err.where, err.problem, err.fix]}
    return _facts(text, where, found)


def _facts(text: str, where: str, found: dict[str, str]) -> dict:
    language, probability = detect_language(text) if text.strip() else ("", 0.0)
    return {"text": text, "where": where, "found": found, "language": language, "probability": probability,
            "signature": minhash_signature(text)}


_NOTE_OF = {"title": "title from {}", "outlet": "outlet from {}", "date": "date from {}", "url": "url from {}"}


def _build_row(facts: dict, given: dict[str, str], force_date: bool) -> tuple[dict, str]:
    """The metadata row of one article (the user's values first, then the page's own) and its
    notes, or a CorpusError."""
    where, text, found = facts["where"], facts["text"], facts["found"]
    if count_words(text) < MIN_WORDS:
        if where.lower().endswith(tuple(_HTML_SUFFIXES)):
            raise CorpusError(where, f"the page's main text could not be found (only {count_words(text)} words of it "
                              "were extracted; menus, scripts and link lists are left out)",
                              "copy the article's text into a .txt file and add that")
        raise CorpusError(where, f"the text has {count_words(text)} words, too few for an article",
                          f"give the article's full text (at least {MIN_WORDS} words)")
    values, notes = {}, []
    source_name = "the page's meta tags" if where.lower().endswith(tuple(_HTML_SUFFIXES)) else "the file's first line"
    for key in ("title", "outlet", "date", "url"):
        if given.get(key):
            values[key] = given[key].strip()
        elif found.get(key):
            values[key] = found[key].strip()
            notes.append(_NOTE_OF[key].format(source_name))
        else:
            values[key] = ""
    if not values["title"]:
        raise CorpusError(where, "no title was given and none was found in the file", "give one with --title or in the sheet")
    if not values["outlet"]:
        raise CorpusError(where, "no outlet was given and the page names no site", "name the publication with --outlet or in the sheet")
    if not values["date"]:
        raise CorpusError(where, "no date was given and none was found in the page", "give one with --date YYYY-MM-DD or in the sheet")
    values["date"] = _parse_date(values["date"], where, force_date)
    language = (given.get("language") or "en").strip().lower()
    if not valid_language(language):
        raise CorpusError(where, f"language {language!r} is not a language code", LANGUAGE_FIX)
    values["language"] = language
    if given.get("notes"):
        notes.insert(0, given["notes"])
    return values, "; ".join(notes)


def _journal(root: Corpus) -> Path:
    return root.root / ".adding.json"


def recover(corpus: str | Path | None = None) -> str | None:
    """Undo an import that was stopped before it finished (a crash, a kill): the article files it
    had moved in but not yet listed in ``metadata.csv`` are removed, with its temporary files, so
    the corpus is as it was before that import. Returns a sentence saying so, or None."""
    root = Corpus(Path(corpus) if corpus is not None else corpus_dir())
    journal = _journal(root)
    leftovers = sorted(root.articles.glob(".*.adding")) if root.articles.is_dir() else []
    leftovers += sorted(root.root.glob(f".{root.metadata.name}.*.tmp")) + sorted(root.root.glob(f".{journal.name}.*.tmp"))
    if not journal.exists() and not leftovers:
        return None
    listed = set(read_metadata(root)["file"]) if root.metadata.exists() else set()
    removed = 0
    if journal.exists():
        for name in json.loads(journal.read_text(encoding="utf-8")):
            target = root.articles / name
            if name not in listed and target.exists():
                target.unlink()
                removed += 1
    for temporary in leftovers:
        temporary.unlink(missing_ok=True)
    journal.unlink(missing_ok=True)
    return (f"{root.root}: an earlier import was stopped before it finished; its {removed} unlisted article "
            f"file(s) and temporary files were removed, so the corpus is as it was before it")


def add_articles(sources: Iterable[str | Path], *, sheet: str | Path | None = None, title: str | None = None,
                 outlet: str | None = None, date: str | None = None, url: str | None = None,
                 language: str | None = None, corpus: str | Path | None = None, all_or_nothing: bool = False,
                 refuse_near_duplicates: bool = False, force_date: bool = False,
                 progress: bool = False, max_mb: float = MAX_MB) -> Report:
    """Add many articles at once: files, folders or globs of ``.txt`` files and saved ``.html``
    pages, with an optional metadata ``sheet`` (:func:`read_sheet`). For each value, what you
    give wins (the keyword arguments for every file, the sheet for one), then what the file
    says about itself (a page's meta tags, a text file's headline line); ``notes`` records which.

    Each file is checked as :func:`add_article` checks one, and also against the corpus and the
    other files: an exact duplicate is refused; a near-duplicate (:mod:`helpers.hygiene`) is a
    warning, or a refusal with ``refuse_near_duplicates``; a language other than the one stated
    is a warning; a date before 1990 is refused unless ``force_date``; a file or text over
    ``max_mb`` MB (:data:`MAX_MB`) is refused before it is read. Every refusal is one
    sentence in the report. The accepted articles are then written together: each file moved
    into place, then ``metadata.csv`` replaced in one step. With ``all_or_nothing`` one refusal
    stops the whole import and nothing is written. An import stopped half-way (a crash, a kill)
    is undone by the next ``add`` or ``check`` (:func:`recover`). Two imports into one corpus at
    once take turns (:func:`corpus_lock`).
    """
    root = Corpus(Path(corpus) if corpus is not None else corpus_dir())
    root.root.mkdir(parents=True, exist_ok=True)
    with corpus_lock(root.root):  # one writer at a time: reading, checking and writing are one transaction
        return _add_locked(root, list(sources), sheet, title, outlet, date, url, language, all_or_nothing,
                           refuse_near_duplicates, force_date, progress, max_mb)


@contextmanager
def corpus_lock(folder: Path, wait: float = 300.0, blocking: bool = True):
    """Hold an exclusive lock on the corpus folder (``flock`` on the folder itself, so no lock
    file is left in it) while a block runs: two ``add`` commands at once take turns instead of
    losing a row. Yields False at once, without the lock, when ``blocking`` is off and another
    process holds it. Where ``fcntl`` does not exist (Windows) nothing is locked."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on the platforms the Makefile supports
        yield True
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not blocking:
                    yield False
                    return
                if time.monotonic() > deadline:
                    raise CorpusError(folder, f"another command has been writing to this corpus for over {wait:.0f} s",
                                      "wait for it to finish, then run this again") from None
                time.sleep(0.05)
        yield True
    finally:
        os.close(handle)  # closing the folder releases the lock


def _announce_large_pages(paths: list[Path]) -> None:
    """One line on standard error for each saved page of :data:`ANNOUNCE_MB` or more."""
    import sys

    for path in paths:
        try:
            size = path.stat().st_size
        except OSError:
            continue
        if path.suffix.lower() in _HTML_SUFFIXES and size >= ANNOUNCE_MB * 1e6:
            print(f"reading {path} ({size / 1e6:,.1f} MB of HTML): a page this large takes a few seconds",
                  file=sys.stderr, flush=True)


def _add_locked(root: Corpus, sources: list, sheet, title, outlet, date, url, language, all_or_nothing: bool,
                refuse_near_duplicates: bool, force_date: bool, progress: bool, max_mb: float = MAX_MB) -> Report:
    """:func:`add_articles` once the corpus is locked."""
    from .cache import per_article

    report = Report()
    recovered = recover(root.root)
    if recovered:
        report.warnings.append(recovered)
    given_all = {k: v for k, v in {"title": title, "outlet": outlet, "date": date, "url": url,
                                   "language": language}.items() if v}
    sheet_rows = read_sheet(sheet) if sheet is not None else {}
    texts_given = [s for s in sources if _marked_as_text(s)]
    paths = expand_sources([s for s in sources if s not in texts_given])
    if sheet is not None and not paths and not texts_given:
        paths = [Path(p) for p in sheet_rows]
    if not paths and not texts_given:
        report.refused.append(CorpusError("add", "no article file was found in what was given",
                                          "give .txt files, saved .html pages, folders of them, or a sheet naming them"))
        return report

    existing, columns, old = _existing(root)
    if progress:  # on the command line: say why a large page takes a while, before it is read
        _announce_large_pages(paths)
    facts = per_article("add-read", _prepare_file, [(str(p), max_mb) for p in paths], progress=progress,
                        cached=False)
    for text in texts_given:
        refusal = _given_text_problem(text, max_mb)
        facts.append({"error": [refusal.where, refusal.problem, refusal.fix]} if refusal else
                     _facts(unix_newlines(text), "the text given", {}))
    wheres = [str(p) for p in paths] + ["the text given"] * len(texts_given)
    matched = [_sheet_row(sheet_rows, p) for p in paths]
    used = {found[0] for found in matched if found}
    for key in sheet_rows:
        if key not in used:
            report.warnings.append(f"{sheet}: the row for {key} matches no file given; check its file name")
    givens = [{**given_all, **{k: v for k, v in (found[1] if found else {}).items() if k != "\0bare"}}
              for found in matched] + [given_all] * len(texts_given)

    known = {fingerprint(t): f for f, t in zip(existing["file"], existing["text"])}
    accepted: list[tuple[dict, str, dict]] = []  # (row, text, facts)
    for where, fact, given in zip(wheres, facts, givens):
        try:
            if "error" in fact:
                raise CorpusError(*fact["error"])
            values, notes = _build_row(fact, given, force_date)
            digest = fingerprint(fact["text"])
            if digest in known:
                raise CorpusError(where, f"the same text is already in the corpus as {known[digest]}", "nothing to add")
            ident = article_id(fact["text"])
            row = {"id": ident, "file": f"{ident}.txt", **values, "notes": notes}
            known[digest] = f"{ident}.txt (added from {where})"
            accepted.append((row, fact["text"], fact))
        except CorpusError as err:
            report.refused.append(err)
    for row, _, fact in accepted:
        if language_mismatch(row["language"], fact["language"], fact["probability"]):
            report.warnings.append(f"{fact['where']}: the text reads as {fact['language']!r} (probability "
                                   f"{fact['probability']:.2f}), not {row['language']!r} as stated; check it, or give "
                                   f"its language with --language or in the sheet")
    accepted = _near_duplicates(existing, accepted, report, refuse_near_duplicates)

    if report.refused and all_or_nothing:
        report.warnings.append(f"nothing was added: {len(report.refused)} of {len(wheres)} file(s) were refused "
                               f"and the import was asked to be all or nothing")
        return report
    if accepted:
        _write(root, columns, old, accepted)
        report.written = True
        report.added = [row for row, _, _ in accepted]
    return report


def _existing(root: Corpus) -> tuple[pd.DataFrame, list[str], bytes]:
    """The corpus's articles (validated), its metadata columns, and its metadata file's bytes."""
    if not root.metadata.exists():  # a new corpus: start its metadata file
        columns = [*METADATA_COLUMNS, "notes"]
        return pd.DataFrame(columns=["id", "file", "text"]), columns, (",".join(columns) + "\n").encode("utf-8")
    existing, problems = read_with_problems(root)  # every file read once: validated, kept to look for duplicates
    if problems:
        raise CorpusError(root.root, f"the corpus has {len(problems)} problem(s) already, the first: {problems[0]}",
                          "fix them first (`python -m helpers check` lists them), then add the articles")
    columns = list(read_metadata(root).columns)
    old = root.metadata.read_bytes()
    if old and not old.endswith(b"\n"):
        old += b"\n"
    if "notes" not in columns:  # provenance of the new rows: one more column, the old rows left as they are
        header, _, body = old.partition(b"\n")
        old = header.rstrip(b"\r") + b",notes\n" + body
        columns.append("notes")
    return existing, columns, old


def _near_duplicates(existing: pd.DataFrame, accepted: list, report: Report, refuse: bool) -> list:
    """Warn about (or refuse) each accepted article that nearly repeats one in the corpus or in the batch."""
    if not accepted:
        return accepted
    old_texts = dict(zip(existing["file"], existing["text"]))
    texts = {**old_texts, **{row["file"]: text for row, text, _ in accepted}}
    signatures = {**signatures_of(old_texts), **{row["file"]: f["signature"] for row, _, f in accepted}}
    new = [row["file"] for row, _, _ in accepted]
    where = {row["file"]: fact["where"] for row, _, fact in accepted}
    dropped: set[str] = set()
    for first, second, similarity in near_duplicate_pairs(texts, signatures, only=new):
        later = second if second in where else first
        earlier = first if later == second else second
        if later in dropped:
            continue
        earlier_name = f"{where[earlier]} (in this import)" if earlier in where else f"{earlier} (in the corpus)"
        sentence = (f"{where[later]}: {similarity:.0%} of the shorter text's 5-word runs are shared with "
                    f"{earlier_name}, a near-duplicate such as the same wire story in two outlets")
        if refuse:
            report.refused.append(CorpusError(where[later], sentence.split(": ", 1)[1], "keep one copy"))
            dropped.add(later)
        else:
            report.warnings.append(sentence + "; both are kept (the notebooks can keep one per cluster)")
    return [item for item in accepted if item[0]["file"] not in dropped]


def _write(root: Corpus, columns: list[str], old: bytes, accepted: list) -> None:
    """Write the accepted articles: each to a hidden temporary file, then a journal naming them,
    then each moved into place, then ``metadata.csv`` replaced in one step, then the journal removed.
    A stop at any point is undone by :func:`recover`."""
    root.articles.mkdir(parents=True, exist_ok=True)
    lines = io.StringIO()
    writer = csv.DictWriter(lines, fieldnames=columns, lineterminator="\n")
    staged = []
    for row, text, _ in accepted:
        writer.writerow({c: row.get(c, "") for c in columns})
        temporary = root.articles / f".{row['file']}.adding"  # hidden: never read as an article
        with temporary.open("wb") as fh:
            fh.write(text.rstrip("\n").encode("utf-8") + b"\n")
            fh.flush()
            os.fsync(fh.fileno())
        staged.append((temporary, root.articles / row["file"]))
    _atomic_write(_journal(root), json.dumps([final.name for _, final in staged]).encode("utf-8"))
    for temporary, final in staged:
        os.replace(temporary, final)
    _atomic_write(root.metadata, old + lines.getvalue().encode("utf-8"))
    _journal(root).unlink()


def add_article(source: str | Path, title: str | None = None, outlet: str | None = None,
                date: str | None = None, url: str | None = None, language: str = "en",
                corpus: str | Path | None = None, force_date: bool = False, max_mb: float = MAX_MB) -> dict:
    """Add one article to the corpus and return its metadata row.

    ``source`` is a path to a ``.txt`` file or a saved ``.html`` page, or the article's text
    itself. ``title``, ``outlet``, ``date`` and ``url`` may come from an HTML page's meta tags
    when not given, and a ``.txt`` file's title from its first line when it reads as a headline.
    Raises :class:`~helpers.corpus.CorpusError`, writing nothing, for: text that is empty or
    shorter than 25 words, binary data, bytes that do not decode, a duplicate of an article
    already in the corpus, a missing title or outlet, a date that does not parse, lies in the
    future or before 1990 (unless ``force_date``), an unknown language code, and a file or text
    over ``max_mb`` MB (:data:`MAX_MB`). :func:`add_articles`
    adds many at once.
    """
    if not isinstance(source, (str, Path)):
        raise CorpusError("source", f"expected a file path or a string of text, not {type(source).__name__}",
                          "pass the article's text or the path of a .txt or .html file")
    if _is_text(source):  # a line break marks it as text for add_articles, which also takes folders and globs
        sources = [source if _marked_as_text(source) else source + "\n"]
    else:
        path = Path(source)
        if path.is_dir():
            raise CorpusError(path, "this is a folder, not an article file", "give the path of one .txt file or saved .html page")
        sources = [path]
    report = add_articles(sources, title=title, outlet=outlet, date=date, url=url, language=language,
                          corpus=corpus, force_date=force_date, max_mb=max_mb)
    if report.refused:
        raise report.refused[0]
    return report.added[0]
