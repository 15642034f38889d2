"""One figure style for all notebooks, fixed colours per alliance, and deterministic saving.

``save_figure(fig, name, data)`` writes NAME.png (300 dpi), NAME.svg and NAME.pdf
plus NAME.csv, the table behind the figure. Re-running changes no byte: dates
and software stamps are left out of the files and the SVG id salt is fixed in
the style file. Each file carries its caption (the figure's title unless one is
given) as its ``Title`` metadata, which ``figures/index.md`` is built from.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd

from .config import DATA_DIR, corpus_dir, figures_dir

STYLE_FILE = DATA_DIR / "news.mplstyle"
FORMATS = ("png", "svg", "pdf")
_METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
}


def use_style() -> None:
    """Apply the project's figure style to every figure drawn after this call.

    In a notebook, figures are also shown as they are saved: the whole figure, which constrained
    layout already fits, rather than Jupyter's default of cropping it to its drawn parts, which
    draws each figure twice more (a third of the time a figure takes in a notebook).
    """
    plt.style.use(STYLE_FILE)
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return
    shell = get_ipython()
    if shell is not None and "matplotlib_inline.backend_inline" in str(plt.get_backend()):
        from matplotlib_inline.backend_inline import InlineBackend

        InlineBackend.instance(parent=shell).print_figure_kwargs = {"bbox_inches": None}


def palette(source: str | Path | None = None) -> dict[str, str]:
    """Colour of each alliance or outside power, from the ``groups.csv`` of ``source`` (a corpus
    folder; default: the current corpus, whose own table wins over the project's).

    >>> palette()["ALBA"]
    '#CC6677'
    """
    path = groups_table_path(source)
    return _palette(str(path), path.stat().st_mtime_ns)


def groups_table_path(source: str | Path | None = None) -> Path:
    """The ``groups.csv`` in use: the corpus's own, else the project's."""
    own = Path(source if source is not None else corpus_dir()) / "groups.csv"
    return own if own.is_file() else DATA_DIR / "groups.csv"


@lru_cache(maxsize=8)
def _palette(path: str, mtime: int) -> dict[str, str]:
    from .groups import colours, load_groups
    return colours(load_groups(path))


def colour_for(group: str) -> str:
    """The fixed colour of ``group``; grey for groups without one.

    >>> colour_for("Lima Group"), colour_for("Atlantis")
    ('#332288', '#BBBBBB')
    """
    colours = palette()
    return colours.get(group, colours["other"])


def figure_title(fig) -> str:
    r"""The figure's title on one line: its suptitle, else its axes' titles joined by "; ".

    Line breaks put in by wrapping are undone ("colour-\nblind" becomes "colour-blind").

    >>> fig, ax = plt.subplots()
    >>> _ = ax.set_title("Cuba and Venezuela are\nnamed together most")
    >>> figure_title(fig)
    'Cuba and Venezuela are named together most'
    >>> plt.close(fig)
    """
    def one_line(text: str) -> str:
        return " ".join(re.sub(r"(?<=\w-)\s*\n\s*", "", text).split())

    suptitle = fig.get_suptitle() if hasattr(fig, "get_suptitle") else ""
    if one_line(suptitle):
        return one_line(suptitle)
    titles = [one_line(ax.get_title(loc)) for ax in fig.axes for loc in ("left", "center", "right")]
    return "; ".join(t for t in titles if t)


# zlib level 3 instead of Pillow's 6: a PNG takes about 40% less time to write and a few tenths more room
_WRITER = {"png": {"pil_kwargs": {"compress_level": 3}}}


def _metadata(ext: str, caption: str) -> dict | None:
    metadata = dict(_METADATA.get(ext) or {})
    if caption and ext in ("png", "svg", "pdf"):
        metadata["Title"] = caption
    return metadata or None


def save_figure(fig, name: str, data: pd.DataFrame | None = None, folder: str | Path | None = None,
                formats: tuple[str, ...] = FORMATS, caption: str | None = None,
                articles: pd.DataFrame | None = None) -> dict[str, Path]:
    """Write ``fig`` as NAME.png/.svg/.pdf and ``data`` as NAME.csv into the figures folder
    (:func:`save_table`; ``articles`` names the articles in it).

    ``folder`` defaults to :func:`helpers.config.figures_dir`. ``caption`` (by
    default the figure's title, see :func:`figure_title`) is stored as each
    file's ``Title`` metadata and shown in ``index.md``. Returns the paths
    written, by extension. The files are byte-identical when the same figure is
    saved again. The figure keeps the layout its files were saved with (the
    first format lays it out; the others and the notebook's view reuse it): to
    change it after saving, call ``fig.set_layout_engine("constrained")`` first.
    """
    if not name or Path(name).name != name:
        raise ValueError(f"figure name {name!r} must be a plain file name without folders")
    folder = Path(folder) if folder is not None else figures_dir()
    folder.mkdir(parents=True, exist_ok=True)
    caption = " ".join((caption if caption is not None else figure_title(fig)).split())
    written: dict[str, Path] = {}
    with matplotlib.rc_context({"svg.hashsalt": plt.rcParams["svg.hashsalt"] or "news-corpus-figures"}):
        for ext in formats:
            path = folder / f"{name}.{ext}"
            fig.savefig(path, format=ext, metadata=_metadata(ext, caption), **_WRITER.get(ext, {}))
            written[ext] = path
            if fig.get_layout_engine() is not None:
                # Laid out once, by the first format: sizes are in points, so the positions hold for
                # the others, and for the notebook's view of the figure, none of which lays the
                # figure out again (a third of the time saving took).
                fig.set_layout_engine("none")
    if data is not None:
        written["csv"] = save_table(data, name, folder, articles=articles)
    return written


ARTICLE_KEYS = ("article", "id")


def save_table(data: pd.DataFrame, name: str, folder: str | Path | None = None,
               articles: pd.DataFrame | None = None) -> Path:
    """Write ``data`` as NAME.csv in the figures folder, for spreadsheets as much as for code:
    UTF-8 with a byte-order mark (so Excel reads accents and curly quotes right; pandas and
    ``open(..., encoding="utf-8-sig")`` skip the mark), fixed line ends and float format, so the
    same table always gives the same bytes. The index is written too unless it is the default
    0, 1, 2, … range.

    With ``articles`` (the corpus table: id, outlet, date, title), a table whose rows are
    articles (an ``article`` or ``id`` column, or such an index) gets their outlet, date and
    title beside the id, so a reader never has to look a hash up.
    """
    if not name or Path(name).name != name:
        raise ValueError(f"table name {name!r} must be a plain file name without folders")
    folder = Path(folder) if folder is not None else figures_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.csv"
    if articles is not None:
        data = with_article_columns(data, articles)
    data = defused(data)
    keep_index = not isinstance(data.index, pd.RangeIndex)
    data.to_csv(path, index=keep_index, lineterminator="\n", float_format="%.6g", encoding="utf-8-sig")
    return path


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def defused(data: pd.DataFrame) -> pd.DataFrame:
    """``data`` with every text cell a spreadsheet would run as a formula (one starting with =, +,
    -, @, a tab or a carriage return, and not a number) prefixed by an apostrophe, as OWASP
    advises against CSV injection; numbers and other text are left as they are. Only exported
    tables are changed, never the corpus.

    >>> defused(pd.DataFrame({"outlet": ["=cmd|' /C calc'!A0", "Wire", "-3"], "n": [1, -2, 3]}))["outlet"].tolist()
    ["'=cmd|' /C calc'!A0", 'Wire', '-3']
    """
    def safe(value):
        if isinstance(value, str) and value.startswith(_FORMULA):
            try:
                float(value)
                return value
            except ValueError:
                return "'" + value
        return value

    def textual(values) -> bool:
        return values.dtype == object or pd.api.types.is_string_dtype(values.dtype)

    text = [c for c in data.columns if textual(data[c])]
    if not text and not textual(data.index):
        return data
    result = data.copy()
    for column in text:
        result[column] = result[column].map(safe)
    if textual(result.index):
        result.index = result.index.map(safe)
    return result


def with_article_columns(data: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """``data`` with the outlet, date and title of the article each row names (its ``article`` or
    ``id`` column, or index), inserted after that column; columns it already has are kept as
    they are.

    >>> arts = pd.DataFrame({"id": ["a"], "outlet": ["Wire"], "date": pd.to_datetime(["2019-05-01"]), "title": ["T"]})
    >>> with_article_columns(pd.DataFrame({"article": ["a"], "quotes": [3]}), arts).columns.tolist()
    ['article', 'outlet', 'date', 'title', 'quotes']
    """
    lookup = articles.set_index("id")
    table = data
    moved_index = False
    if not any(k in table.columns for k in ARTICLE_KEYS) and table.index.name in ARTICLE_KEYS:
        table, moved_index = table.reset_index(), True
    key = next((k for k in ARTICLE_KEYS if k in table.columns), None)
    if key is None:
        return data
    table = table.copy()
    position = table.columns.get_loc(key) + 1
    for column in ("outlet", "date", "title"):
        if column in table.columns or column not in lookup.columns:
            continue
        if column == "date":  # as the metadata gives it: 2019-05-01, or 2019-05 and 2019 without a day
            from .overview import date_text

            values = table[key].map(pd.Series(date_text(articles).to_numpy(), index=articles["id"]))
        else:
            values = table[key].map(lookup[column])
        table.insert(position, column, values)
        position += 1
    return table.set_index(key) if moved_index else table


def _png_text(path: Path) -> dict[str, str]:
    """The text chunks (tEXt, zTXt, iTXt) of a PNG file, read without decoding the image, so a
    figure of any size is read in an instant (and Pillow's guard against huge images never trips)."""
    import struct
    import zlib

    found: dict[str, str] = {}
    with open(path, "rb") as handle:
        if handle.read(8) != b"\x89PNG\r\n\x1a\n":
            return found
        while True:
            header = handle.read(8)
            if len(header) < 8:
                return found
            length, kind = struct.unpack(">I4s", header)
            if kind == b"IEND":
                return found
            if kind not in (b"tEXt", b"zTXt", b"iTXt"):
                handle.seek(length + 4, 1)  # the data and its CRC
                continue
            data = handle.read(length)
            handle.seek(4, 1)
            keyword, _, rest = data.partition(b"\0")
            if kind == b"tEXt":
                found[keyword.decode("latin-1")] = rest.decode("latin-1")
            elif kind == b"zTXt":
                found[keyword.decode("latin-1")] = zlib.decompress(rest[1:]).decode("latin-1")
            else:  # iTXt: compression flag, method, language, translated keyword, then the text
                compressed, rest = rest[0], rest[2:]
                _, _, rest = rest.partition(b"\0")
                _, _, text = rest.partition(b"\0")
                found[keyword.decode("latin-1")] = (zlib.decompress(text) if compressed else text).decode("utf-8")


def read_caption(path: str | Path) -> str:
    """The caption :func:`save_figure` stored in a PNG or SVG file ("" when it has none)."""
    path = Path(path)
    if path.suffix.lower() == ".png":
        return _png_text(path).get("Title", "")
    if path.suffix.lower() == ".svg":
        found = re.search(r"<dc:title>(.*?)</dc:title>", path.read_text(encoding="utf-8"), re.S)
        if found:
            from html import unescape

            return unescape(found.group(1)).strip()
    return ""
