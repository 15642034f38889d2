"""Load and validate a corpus folder: ``articles/*.txt`` plus ``metadata.csv``.

A corpus folder looks like this::

    corpus/
        metadata.csv        one row per article: id, file, title, outlet, date, url, language
        articles/*.txt      the article texts, UTF-8

Nothing here ever writes to the corpus. Every problem is reported as a
:class:`CorpusError` whose message is one sentence: the file, what is wrong,
and what to do about it.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date
from pathlib import Path

from ._lazy import pandas as pd  # imported on first use: reading one article never needs it
from .cache import per_article
from .datafiles import lines


METADATA_COLUMNS = ["id", "file", "title", "outlet", "date", "url", "language"]
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")  # YYYY-MM-DD, YYYY-MM or YYYY
FIRST_YEAR = 1900  # the oldest date loading accepts (add refuses dates before 1990 unless forced)
DATE_FIX = "write it as YYYY-MM-DD (for example 2019-05-01), YYYY-MM or YYYY when the page gives no day, or leave it blank"
_REGION = re.compile(r"^(?:[A-Z]{2}|[0-9]{3}|[A-Z][a-z]{3})$")  # BCP 47 region (MX, 419) or script (Latn)
LANGUAGE_FIX = "use a two-letter ISO 639-1 code such as en, es or pt, optionally with a region (es-MX)"
_WORD = re.compile(r"\w++(?:['\u2019]\w++)*+")  # possessive: the same words, found quicker


class CorpusError(ValueError):
    """A problem with the corpus, told in one sentence: where, what, and the fix.

    >>> str(CorpusError("corpus/metadata.csv", "the file is missing", "create it"))
    'corpus/metadata.csv: the file is missing; create it.'

    A problem or fix that arrives with its own full stop (a library's message) keeps one sentence:

    >>> str(CorpusError("a.html", "the parser said: Document is empty.", "save the page again."))
    'a.html: the parser said: Document is empty; save the page again.'
    """

    def __init__(self, where: str | Path, problem: str, fix: str):
        problem, fix = str(problem).strip().rstrip(".;: "), str(fix).strip().rstrip(".;: ")
        self.where, self.problem, self.fix = str(where), problem, fix
        super().__init__(f"{where}: {problem}; {fix}.")


@dataclass(frozen=True)
class Corpus:
    """Paths of a corpus folder."""

    root: Path

    @property
    def articles(self) -> Path:
        return self.root / "articles"

    @property
    def metadata(self) -> Path:
        return self.root / "metadata.csv"


def read_article(path: str | Path) -> str:
    """Read an article file as text: strict UTF-8, a leading BOM dropped, CRLF/CR made LF.

    Every offset in the package (quotes' ``start``/``end``, mentions) refers to this text. For a
    file saved as UTF-8 with LF line ends and no BOM — as the corpus files are — it is exactly
    the file's characters; for CRLF or BOM files it is what Python's ``open(path,
    encoding="utf-8-sig")`` returns, which is also what the scorer's offsets mean.
    Raises :class:`CorpusError` for an empty file or bytes that are not UTF-8
    (naming the byte offset of the first bad byte).
    """
    path = Path(path)
    if path.is_dir():
        raise CorpusError(path, "this is a folder, not an article file", "give the path of a .txt file")
    raw = path.read_bytes()
    if looks_binary(raw):
        raise CorpusError(path, "the file holds binary data, not text", "give the article as a UTF-8 .txt file")
    bom = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
    try:
        text = raw[bom:].decode("utf-8")
    except UnicodeDecodeError as err:
        offset = err.start + bom
        raise CorpusError(
            path,
            f"byte {offset} (0x{raw[offset]:02x}) is not valid UTF-8",
            "re-save the file as UTF-8 (most editors offer 'Save with encoding')",
        ) from None
    if not text.strip():
        raise CorpusError(path, "the file is empty", "paste the article's text into it or remove the file and its metadata row")
    return unix_newlines(text)


def unix_newlines(text: str) -> str:
    r"""``text`` with every CRLF and lone CR made LF, as every article is stored and read.

    >>> unix_newlines("a\r\nb\rc\n")
    'a\nb\nc\n'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def unicode_bom(raw: bytes) -> str | None:
    """The codec a UTF-16 or UTF-32 byte-order mark at the start of ``raw`` announces, else None
    (UTF-8's own mark is dropped by the UTF-8 reader).

    >>> unicode_bom("ALBA".encode("utf-16")), unicode_bom(b"ALBA")
    ('utf-16', None)
    """
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return None


def looks_binary(raw: bytes) -> bool:
    """True for bytes that are not text: a NUL byte, or many control characters, near the start.

    >>> looks_binary(b"ALBA met in Havana.\\n"), looks_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    (False, True)
    """
    sample = raw[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample.translate(None, _NOT_CONTROL))  # what is left once every other byte is deleted
    return bool(sample) and controls / len(sample) > 0.05


# every byte but the control characters that do not occur in text (tab, new line, form feed, CR do)
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 32 and b not in (9, 10, 12, 13)))


def count_words(text: str) -> int:
    """Number of word tokens (letters/digits, with inner apostrophes kept).

    >>> count_words("Venezuela's allies met in Havana on April 10.")
    8
    """
    return len(_WORD.findall(text))


def fingerprint(text: str) -> str:
    """Hash of the text with white space folded, to catch the same article saved twice."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def read_metadata(corpus: Corpus) -> pd.DataFrame:
    """The corpus's ``metadata.csv`` as a table of strings (spaces trimmed), or a :class:`CorpusError`
    when the folder or the file is missing or the file is not readable UTF-8 CSV."""
    where = corpus.metadata
    if not corpus.root.is_dir():
        raise CorpusError(corpus.root, "the corpus folder does not exist", "check the path or create it with articles/ and metadata.csv inside")
    if where.is_dir():
        raise CorpusError(where, "this is a folder, not the metadata file", "remove or rename the folder and create metadata.csv")
    if not where.is_file():
        raise CorpusError(where, "the metadata file is missing", f"create it with the header {','.join(METADATA_COLUMNS)} and one row per article")
    try:
        meta = pd.read_csv(where, dtype=str, keep_default_na=False, encoding="utf-8-sig", index_col=False)
    except UnicodeDecodeError as err:
        raise CorpusError(where, f"byte {err.start} is not valid UTF-8", "re-save the file as UTF-8") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise CorpusError(where, f"the file is not readable CSV ({str(err).strip().splitlines()[0]})", "fix that line so each row has the same number of comma-separated fields") from None
    missing = [c for c in METADATA_COLUMNS if c not in meta.columns]
    if missing:
        raise CorpusError(where, f"column {', '.join(missing)} is missing", f"the header must include {','.join(METADATA_COLUMNS)}")
    return meta.apply(lambda col: col.str.strip())


def _record_lines(path: Path, rows: int) -> list[int]:
    """The line of the file on which each data row starts (a quoted title may run over several
    lines, and blank lines are skipped), so that problems name the line an editor shows."""
    import csv

    starts, previous = [], 0
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        for record in reader:
            if record:
                starts.append(previous + 1)
            previous = reader.line_num
    starts = starts[1:]  # the header
    return starts if len(starts) == rows else list(range(2, rows + 2))


# columns the package computes for each article: a metadata column of the same name would be
# overwritten, or would stop a notebook, so check asks for it to be renamed
RESERVED_COLUMNS = ("date_precision", "text", "chars", "words", "clean_text", "clean_words", "sentences",
                    "body_spans", "body_sentences", "sentence_spans", "removed", "date_source", "label", "fingerprint")


def find_problems(root: str | Path) -> list[CorpusError]:
    """Every problem in the corpus at ``root``, in reading order (empty list: all good)."""
    try:
        _, problems = read_with_problems(Corpus(Path(root)))
    except CorpusError as err:  # problems that stop reading altogether
        return [err]
    return problems


def read_with_problems(corpus: Corpus) -> tuple[pd.DataFrame, list[CorpusError]]:
    """Every article of the corpus read once: the table :func:`load_corpus` returns, and every
    problem found on the way (an empty list when all is well)."""
    meta, on_disk, problems = check_listing(corpus)
    texts: dict[str, str] = {}
    words: dict[str, int] = {}
    first_file_by_hash: dict[str, str] = {}
    names = listed_files(meta, on_disk)
    for name, (text, digest, count, error) in zip(names, _read_articles([corpus.articles / n for n in names])):
        if error is not None:
            problems.append(CorpusError(*error))
            continue
        if digest in first_file_by_hash:
            problems.append(same_text(corpus, name, first_file_by_hash[digest]))
        first_file_by_hash.setdefault(digest, name)
        texts[name], words[name] = text, count
    return article_frame(meta, texts, words), problems


def same_text(corpus: Corpus, name: str, first: str) -> CorpusError:
    """The problem of an article file whose text is that of an earlier one, ``first``."""
    return CorpusError(corpus.articles / name, f"the text is the same as {first}",
                       "remove one of the two copies and its metadata row")


def raise_first(problems: list[CorpusError]) -> None:
    """Raise the first of ``problems`` (none: return), saying how many more there are."""
    if not problems:
        return
    first = problems[0]
    if len(problems) > 1:
        raise CorpusError(first.where, first.problem, f"{first.fix} ({len(problems) - 1} more problem(s): run `python -m helpers check` to list them)")
    raise first


def listed_files(meta: pd.DataFrame, on_disk: set[str]) -> list[str]:
    """The article files the metadata lists that exist, each once, in metadata order."""
    return [name for name in dict.fromkeys(meta["file"]) if name in on_disk]


def check_listing(corpus: Corpus) -> tuple[pd.DataFrame, set[str], list[CorpusError]]:
    """The metadata table, the names of the regular files in ``articles/``, and every problem
    found without reading an article: the metadata's rows and the folder's listing checked
    against each other. :func:`read_with_problems` then reads the files; the cluster path
    (:mod:`helpers.cluster`) has its workers read them."""
    meta = read_metadata(corpus)
    where = corpus.metadata
    problems: list[CorpusError] = []
    if not corpus.articles.is_dir():
        raise CorpusError(corpus.articles, "the articles folder does not exist", "create it and put one .txt file per article in it")

    on_disk = set()
    for path in sorted(corpus.articles.iterdir()):
        if path.name.startswith("."):
            continue  # hidden: an import's temporary files, an editor's back-ups
        if path.is_symlink():  # a link could pull any file of the machine into the analysis and the report
            problems.append(CorpusError(path, "this is a symbolic link, not an article file",
                                        "copy the article itself into the articles folder"))
        elif path.is_file():
            on_disk.add(path.name)
        elif not path.is_dir():  # a FIFO, a socket, a device: reading it could hang or never end
            problems.append(CorpusError(path, "this is not a regular file", "remove it from the articles folder"))
    for name in sorted(on_disk):
        if not name.endswith(".txt"):
            problems.append(CorpusError(corpus.articles / name, "only .txt files are read from the articles folder", "convert it with `python -m helpers add` or move it out"))

    for name in meta.columns:
        if name.lower() in RESERVED_COLUMNS:
            problems.append(CorpusError(where, f"it has a column named {name!r}, a name the package gives a column of "
                                        "its own", f"rename it (for example to 'my_{name}')"))
    seen_ids: dict[str, int] = {}
    seen_files: dict[str, int] = {}
    for line, row in zip(_record_lines(where, len(meta)), meta.itertuples(index=False)):
        label = f"{where} line {line}"
        if not row.id or not row.file:
            problems.append(CorpusError(label, "the id or file field is blank", "fill in both (the file name inside articles/ and a unique id)"))
            continue
        if row.id in seen_ids:
            problems.append(CorpusError(label, f"id {row.id!r} is already used on line {seen_ids[row.id]}", "give each article its own id"))
        seen_ids.setdefault(row.id, line)
        if row.file in seen_files:
            problems.append(CorpusError(label, f"file {row.file!r} is already listed on line {seen_files[row.file]}", "keep one row per article file"))
        seen_files.setdefault(row.file, line)
        if row.file not in on_disk:
            problems.append(CorpusError(corpus.articles / row.file, f"the file named on {where.name} line {line} does not exist", "add the file or delete that row"))
        when = parse_date(row.date)[0] if row.date else None
        if row.date and when is None:
            problems.append(CorpusError(label, f"date {row.date!r} does not parse", DATE_FIX))
        elif when is not None and not FIRST_YEAR <= when.year <= date.today().year:
            problems.append(CorpusError(label, f"date {row.date!r} lies before {FIRST_YEAR} or in a future year",
                                        "check the article's publication date, or leave it blank"))
        if row.language and not valid_language(row.language):
            problems.append(CorpusError(label, f"language {row.language!r} is not a language code", LANGUAGE_FIX))
    for name in sorted(on_disk - set(seen_files)):
        if name.endswith(".txt"):
            problems.append(CorpusError(corpus.articles / name, f"the file has no row in {where.name}", f"add a row for it to {where} (or add it with `python -m helpers add`)"))
    return meta, on_disk, problems


def article_frame(meta: pd.DataFrame, texts: dict[str, str], words: dict[str, int]) -> pd.DataFrame:
    """The table :func:`load_corpus` returns, for the metadata rows whose file was read
    (``texts`` and ``words`` by file name): dates parsed, text, chars and words added."""
    frame = meta[meta["file"].isin(texts.keys())].drop_duplicates("file").copy()
    extra = [c for c in frame.columns if c not in METADATA_COLUMNS]
    frame = frame[METADATA_COLUMNS + extra]
    parsed = [parse_date(value) for value in frame["date"]]
    frame["date"] = pd.to_datetime(pd.Series([when for when, _ in parsed], index=frame.index, dtype="object"))
    frame["date_precision"] = [precision for _, precision in parsed]  # worked out here, never taken from the file
    frame["text"] = frame["file"].map(texts)
    frame["chars"] = frame["text"].str.len()
    frame["words"] = frame["file"].map(words)
    return frame.reset_index(drop=True)


def _read_one(path: str) -> tuple[str | None, str, int, tuple[str, str, str] | None]:
    """(text, fingerprint, word count, None) for one article file, or (None, "", 0, (where,
    problem, fix)) when it cannot be read: plain values, so a worker process can send them back."""
    try:
        text = read_article(path)
    except CorpusError as err:
        return None, "", 0, (err.where, err.problem, err.fix)
    return text, fingerprint(text), count_words(text), None


def _read_articles(paths: list[Path]) -> list[tuple]:
    """:func:`_read_one` for every path, in order; spread over every core for a large
    corpus (reading, checking and counting the words of 10,000 articles takes seconds on one),
    and never cached: the files are read as they are now."""
    return per_article("read", _read_one, [(str(path),) for path in paths], cached=False)


@lru_cache(maxsize=1)
def language_codes() -> frozenset[str]:
    """The ISO 639-1 codes accepted as an article's language (``data/language_codes.txt``)."""
    return frozenset(lines("language_codes.txt"))


def valid_language(code: str) -> bool:
    """Whether ``code`` names a language: an ISO 639-1 code, optionally with a region or script.

    The one check used by loading, ``check`` and ``add``.

    >>> [valid_language(c) for c in ("en", "es-MX", "pt-BR", "es-419", "zz", "english", "en-", "EN")]
    [True, True, True, True, False, False, False, False]
    """
    primary, dash, region = code.partition("-")
    return primary in language_codes() and (not dash or bool(_REGION.match(region)))


def parse_date(value: str) -> tuple[date | None, str]:
    """A metadata date and its precision: ``YYYY-MM-DD`` is that day; ``YYYY-MM`` (a page that gives
    no day) is read as the 15th, and ``YYYY`` as 1 July, the middle of the month or year, so
    that membership on that date is the likeliest; (None, "") when blank or not a date.

    >>> parse_date("2019-05-01"), parse_date("2019-05"), parse_date("2019"), parse_date("2019-13")
    ((datetime.date(2019, 5, 1), 'day'), (datetime.date(2019, 5, 15), 'month'), (datetime.date(2019, 7, 1), 'year'), (None, ''))
    """
    found = _DATE.match((value or "").strip())
    if not found:
        return None, ""
    year, month, day = found.groups()
    try:
        if day:
            return date(int(year), int(month), int(day)), "day"
        if month:
            return date(int(year), int(month), 15), "month"
        return date(int(year), 7, 1), "year"
    except ValueError:
        return None, ""


def date_range(value: str) -> tuple[date, date] | None:
    """The first and last day a metadata date can mean (a whole month or year when no day is given).

    >>> date_range("2019-02"), date_range("2020")[1]
    ((datetime.date(2019, 2, 1), datetime.date(2019, 2, 28)), datetime.date(2020, 12, 31))
    """
    middle, precision = parse_date(value)
    return None if middle is None else date_span(middle, precision)


def date_span(when, precision: str):
    """The first and last day of the month or year a date given to that ``precision`` stands for
    (the day itself for "day" or ""); a ``datetime.date`` or a pandas Timestamp, kept as given.

    >>> date_span(date(2020, 2, 15), "month"), date_span(date(2019, 7, 1), "year")[1]
    ((datetime.date(2020, 2, 1), datetime.date(2020, 2, 29)), datetime.date(2019, 12, 31))
    """
    import calendar

    if precision == "month":
        return when.replace(day=1), when.replace(day=calendar.monthrange(when.year, when.month)[1])
    if precision == "year":
        return when.replace(month=1, day=1), when.replace(month=12, day=31)
    return when, when


def load_corpus(root: str | Path) -> pd.DataFrame:
    """Load a corpus folder into a DataFrame, one row per article.

    Columns: id, file, title, outlet, date (datetime, NaT when blank; the middle of the month or
    year for a date given as YYYY-MM or YYYY, see :func:`parse_date`), url, language, any extra
    metadata columns, then date_precision ("day", "month", "year", or "" when blank), text (the
    file's own text), chars and words. Raises :class:`CorpusError` on the first problem found;
    ``python -m helpers check`` lists them all.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp()) / "corpus"
    >>> (root / "articles").mkdir(parents=True)
    >>> _ = (root / "articles" / "a.txt").write_text("The Lima Group met in Lima on Tuesday.", encoding="utf-8")
    >>> _ = (root / "metadata.csv").write_text("id,file,title,outlet,date,url,language\\n"
    ...                                        "a,a.txt,Lima Group meets,Test Wire,2019-05-01,,en\\n", encoding="utf-8")
    >>> articles = load_corpus(root)
    >>> articles.columns[:7].tolist()
    ['id', 'file', 'title', 'outlet', 'date', 'url', 'language']
    >>> articles[["id", "outlet", "words"]].values.tolist()
    [['a', 'Test Wire', 8]]
    """
    frame, problems = read_with_problems(Corpus(Path(root)))
    raise_first(problems)
    return frame
