"""What users hand to editors and co-authors: ``figures/index.md`` and a one-page HTML report.

- :func:`build_index` writes ``index.md`` in a figures folder: every figure with a
  thumbnail, its caption (the ``Title`` that :func:`helpers.figures.save_figure`
  stored in the file), the notebook that saved it and its data file. Which notebook
  saved which figure is read from the notebooks' own code (``save_figure(fig, "name", ...)``).
  The page is sorted and stamp-free, so re-running changes no byte.
- :func:`build_report` turns the executed notebooks into one standalone HTML page
  (``reports/report.html``): code hidden, figures embedded, a table of contents, and
  no script, stylesheet or font fetched from the network.

``make run`` ends with ``python -m helpers index``; ``make report`` runs the notebooks
and then ``python -m helpers.report``.
"""
from __future__ import annotations

import base64
import copy
import fnmatch
import html
import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from .config import DEFAULT_CORPUS, PROJECT_ROOT, corpus_dir, figures_dir
from .corpus import CorpusError
from .figures import read_caption

if TYPE_CHECKING:  # nbformat takes seconds to import (its schema checks): only where a notebook is rebuilt
    import nbformat

NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
REPORT_TITLE = "How Latin American alliances are portrayed in the news"
FIGURE_FORMATS = ("png", "svg", "pdf")

# save_figure(fig, "name", ...) / helpers.save_table(table, "name", ...) / "name.csv" written directly;
# a name made in the call (f"kwic_{slug}") stands for every file it can make ("kwic_*")
_SAVE_CALL = re.compile(r"""\bsave_(figure|table)\(\s*[^,()]+,\s*f?["']([^"'/\\]+)["']""")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_CSV_LITERAL = re.compile(r"""["']([\w.-]+)\.csv["']""")


class ReportError(CorpusError):
    """A problem with the figures or notebooks, told in one sentence: where, what, and the fix.

    >>> str(ReportError("figures", "the folder does not exist", "run `make run` first"))
    'figures: the folder does not exist; run `make run` first.'
    """


# ---------------------------------------------------------------- which notebook saved what

def read_notebook(path: str | Path) -> nbformat.NotebookNode:
    """Read a notebook, or raise :class:`ReportError` in one sentence when it is not a readable one."""
    import nbformat

    try:
        return nbformat.read(path, as_version=4)
    except (ValueError, KeyError, AttributeError, TypeError, nbformat.ValidationError) as err:
        raise ReportError(path, f"is not a readable notebook ({type(err).__name__})",
                          "re-save it from Jupyter or restore it from git") from None


def notebook_paths(folder: str | Path = NOTEBOOKS_DIR) -> list[Path]:
    """The numbered notebooks of ``folder`` in reading order (01_…, 02_…)."""
    return sorted(Path(folder).glob("[0-9]*.ipynb"))


def _cells(notebook) -> list[tuple[str, str]]:
    """(cell type, source) of each cell of a notebook object or file; a file is read as plain
    JSON, which is all that the index needs and far quicker than loading nbformat."""
    if not isinstance(notebook, (str, Path)):
        return [(cell.cell_type, cell.source) for cell in notebook.cells]
    try:
        with open(notebook, encoding="utf-8") as handle:
            cells = json.load(handle)["cells"]
        return [(cell["cell_type"], "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"])
                for cell in cells]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ReportError(notebook, f"is not a readable notebook ({type(err).__name__})",
                          "re-save it from Jupyter or restore it from git") from None


def saved_names(notebook: str | Path | nbformat.NotebookNode) -> dict[str, list[str]]:
    """Names a notebook's code saves: ``{"figure": [...], "table": [...]}``, in the order they appear.

    Figures are the ``save_figure(fig, "name", ...)`` calls; tables are ``save_table``
    calls and CSV file names written out literally (``"cleaning_audit.csv"``).

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
    ...     'helpers.save_figure(fig, "top_terms", top, FIGURES)\\nsave_table(quotes, "quotes")')])
    >>> saved_names(nb)
    {'figure': ['top_terms'], 'table': ['quotes']}
    """
    found: dict[str, list[str]] = {"figure": [], "table": []}
    for kind_of_cell, source in _cells(notebook):
        if kind_of_cell != "code":
            continue
        for kind, name in _SAVE_CALL.findall(source):
            name = _PLACEHOLDER.sub("*", name)
            if name not in found[kind]:
                found[kind].append(name)
        for name in _CSV_LITERAL.findall(source):
            if name not in found["table"]:
                found["table"].append(name)
    found["table"] = [t for t in found["table"] if t not in found["figure"]]
    return found


def notebook_title(notebook: str | Path | nbformat.NotebookNode) -> str:
    """The text of the notebook's first ``# heading`` ("" when it has none)."""
    for kind, source in _cells(notebook):
        if kind == "markdown":
            match = re.search(r"^#\s+(.+?)\s*#*\s*$", source, re.M)
            if match:
                return match.group(1)
    return ""


# ---------------------------------------------------------------- figures/index.md

def _display_path(path: Path) -> str:
    """``path`` relative to the project when inside it, else its file name (no machine-specific paths)."""
    try:
        return path.resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return path.name


def _cell(text: str) -> str:
    """Text safe inside a markdown table cell."""
    return html.escape(" ".join(text.split()), quote=False).replace("|", "&#124;")


def _figure_row(folder: Path, name: str) -> str:
    thumb = folder / f"{name}.png"
    if not thumb.exists():
        thumb = folder / f"{name}.svg"
    caption = read_caption(thumb)
    picture = (f'<a href="{thumb.name}"><img src="{thumb.name}" width="320" '
               f'alt="{html.escape(caption or name)}"></a>')
    files = " · ".join(f"[{ext.upper()}]({name}.{ext})" for ext in FIGURE_FORMATS
                       if (folder / f"{name}.{ext}").exists())
    data = f"[{name}.csv]({name}.csv)" if (folder / f"{name}.csv").exists() else "—"
    title = f"**{_cell(caption)}**" if caption else "*(no caption: saved before captions were stored)*"
    return f"| {picture} | {title}<br>`{name}` | {files} | {data} |"


def index_text(folder: str | Path, notebooks: str | Path | list[Path] = NOTEBOOKS_DIR) -> str:
    """The markdown of ``index.md`` for the figures in ``folder`` (see :func:`build_index`)."""
    folder = Path(folder)
    paths = notebook_paths(notebooks) if not isinstance(notebooks, list) else list(notebooks)
    figures = sorted({p.stem for ext in FIGURE_FORMATS for p in folder.glob(f"*.{ext}")})
    tables = sorted({p.stem for p in folder.glob("*.csv")} - set(figures))
    lines = [
        "# Figures",
        "",
        "Every figure the notebooks saved, in reading order: a thumbnail (click it for the full",
        "PNG), the caption, and the files — PNG at 300 dpi for documents, SVG and PDF that scale",
        "for print and editing, and the CSV of the numbers plotted. This page is written by",
        "`make run` (or `python -m helpers index`); edits to it are overwritten.",
        "",
    ]
    listed: set[str] = set()
    header = ["| figure | caption | files | data |", "|---|---|---|---|"]
    loose_tables: list[tuple[str, Path]] = []
    for notebook in paths:
        names = saved_names(notebook)
        here = [n for n in names["figure"] if n in figures and n not in listed]
        made = [t for pattern in names["table"] for t in (fnmatch.filter(tables, pattern) if "*" in pattern else [pattern])]
        loose_tables += [(t, notebook) for t in made if t in tables and t not in {x for x, _ in loose_tables}]
        if not here:
            continue
        title = notebook_title(notebook) or notebook.stem
        where = _display_path(notebook)
        in_project = all(p.resolve().is_relative_to(PROJECT_ROOT) for p in (folder, notebook))
        link = Path(os.path.relpath(notebook.resolve(), folder.resolve())).as_posix() if in_project else None
        source = f"[`{where}`]({link})" if link else f"`{where}`"
        lines += [f"## {title}", "", f"Made by {source}.", "", *header]
        lines += [_figure_row(folder, name) for name in here]
        lines.append("")
        listed.update(here)
    leftovers = [n for n in figures if n not in listed]
    if leftovers:
        lines += ["## Not saved by any notebook", "",
                  "No notebook saves these any more (renamed, or left from an earlier run); delete them if they are stale.",
                  "", *header, *(_figure_row(folder, name) for name in leftovers), ""]
    if loose_tables:
        lines += ["## Tables without a figure", "", "| table | made by |", "|---|---|"]
        lines += [f"| [{name}.csv]({name}.csv) | `{_display_path(nb)}` |" for name, nb in loose_tables]
        lines.append("")
    return "\n".join(lines)


def build_index(folder: str | Path | None = None, notebooks: str | Path | list[Path] = NOTEBOOKS_DIR) -> Path:
    """Write ``index.md`` in the figures ``folder`` (default: :func:`helpers.config.figures_dir`).

    One row per figure, grouped by the notebook that saves it (found in the
    notebooks' code), with a thumbnail, the caption stored in the figure, and
    links to the PNG, SVG, PDF and CSV. Figures no notebook saves are listed
    last. Deterministic: the same files give the same bytes.
    """
    folder = Path(folder) if folder is not None else figures_dir()
    if not folder.is_dir():
        raise ReportError(folder, "the figures folder does not exist", "run `make run` first, or give the folder with --figures")
    if not any(any(folder.glob(f"*.{ext}")) for ext in FIGURE_FORMATS):
        raise ReportError(folder, "the folder holds no figures (.png, .svg or .pdf)",
                          "run `make run` first, or give the folder the notebooks wrote to with --figures")
    path = folder / "index.md"
    path.write_bytes(index_text(folder, notebooks).encode("utf-8"))
    return path


# ---------------------------------------------------------------- reports/report.html

# The lab template without anything fetched from a CDN (require.js, MathJax, Mermaid, widgets),
# each saved figure wrapped in a numbered <figure> that names its files and shows the saved SVG
# (sharp at any zoom and in print) instead of the notebook's screen-resolution PNG when it exists.
_TEMPLATE = r"""
{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block data_png scoped -%}
{%- set figure = output.metadata.get('report_figure') -%}
{%- if figure -%}
<figure class="report-figure" id="figure-{{ figure.name | escape_html }}">
{%- if figure.svg %}
<div class="jp-RenderedImage jp-OutputArea-output"><img src="data:image/svg+xml;base64,{{ figure.svg }}" width="{{ figure.width }}" alt="{{ figure.caption | escape_html }}"></div>
{%- else %}
{{ super() }}
{%- endif %}
<figcaption>Figure {{ figure.number }} · <code>{{ figure.name | escape_html }}</code> — in <code>{{ figure.folder | escape_html }}/</code>
as {{ figure.name | escape_html }}.png, .svg and .pdf; the numbers plotted in {{ figure.name | escape_html }}.csv</figcaption>
</figure>
{%- else -%}
{{ super() }}
{%- endif -%}
{%- endblock data_png -%}
"""

_CSS = """
body.jp-Notebook { background: #fff; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 2rem 4rem; }
.jp-RenderedHTMLCommon { font-size: 15px; line-height: 1.55; color: #1a1a1a; }
.jp-RenderedHTMLCommon h1 { font-size: 1.9em; margin-top: 2.2em; padding-top: 0.6em; border-top: 3px solid #332288; }
.jp-RenderedHTMLCommon h2 { font-size: 1.35em; margin-top: 1.6em; }
.jp-Cell { padding: 0; }
.jp-OutputArea-output { overflow-x: auto; }
.jp-RenderedHTMLCommon table { font-size: 13px; }
.jp-RenderedText pre { white-space: pre-wrap; font-size: 13px; }
.jp-RenderedImage img { max-width: 100%; height: auto; }
.jp-OutputArea-output pre { margin: 0.3em 0 0.9em; }
/* a figure may be wider than the text column (up to the window), centred on it */
.jp-OutputArea-output.jp-RenderedImage, .jp-Cell-outputWrapper, .jp-OutputArea, .jp-OutputArea-child { overflow: visible; }
figure.report-figure { margin: 1.2rem 0 1.6rem; width: max-content; max-width: calc(100vw - 2.5rem);
  position: relative; left: 50%; transform: translateX(-50%); }
figure.report-figure img { display: block; max-width: 100%; height: auto; }
figure.report-figure figcaption { font-family: var(--jp-content-font-family); font-size: 13px; color: #444;
  margin-top: 0.3rem; max-width: 60rem; }
header.report-header h1 { font-size: 2.1em; margin: 0.5em 0 0.2em; border: 0; padding: 0; }
header.report-header p { color: #444; }
nav.report-toc { background: #f6f6f8; border: 1px solid #ddd; border-radius: 6px; padding: 0.8rem 1.4rem; margin: 1rem 0 2rem; }
nav.report-toc h2 { font-size: 1.15em; margin: 0.2em 0 0.4em; }
nav.report-toc ol { margin: 0; padding-left: 1.4em; }
nav.report-toc ol ol { list-style: none; padding-left: 1em; columns: 2; font-size: 0.93em; margin-bottom: 0.4em; }
nav.report-toc a { text-decoration: none; color: #1a4c9c; }
nav.report-toc a:hover { text-decoration: underline; }
p.report-source { color: #666; font-size: 13px; margin: -0.3em 0 1.1em; }
@media print {
  nav.report-toc ol ol { columns: 1; } main { max-width: none; padding: 0; }
  figure.report-figure { max-width: 100%; left: 0; transform: none; break-inside: avoid; }
}
"""


def _check_executed(path: Path, notebook: nbformat.NotebookNode) -> None:
    code = [c for c in notebook.cells if c.cell_type == "code" and c.source.strip()]
    if any(c.get("execution_count") is None for c in code):
        raise ReportError(_display_path(path), "the notebook has not been run (cells without outputs)",
                          "run `make report`, which executes every notebook first, or `make run`")
    for cell in code:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                raise ReportError(_display_path(path), f"the notebook stopped with {output.get('ename', 'an error')}",
                                  "open it in `make lab`, fix the cell and run `make report` again")


def combined_notebook(paths: list[Path], figures_folder: str | Path | None = None) -> nbformat.NotebookNode:
    """The executed notebooks in ``paths`` as one notebook, ready for the HTML exporter.

    Each notebook's title is followed by a line naming its file; warnings printed
    to stderr are dropped; each image a cell shows while saving a figure is marked
    with the figure's name and number (``output.metadata["report_figure"]``) and,
    when ``figures_folder`` holds NAME.svg, that file to show instead.
    """
    import nbformat

    folder_name = _display_path(Path(figures_folder)) if figures_folder is not None else "figures"
    merged = nbformat.v4.new_notebook()
    number = 0
    for path in paths:
        notebook = read_notebook(path)
        _check_executed(path, notebook)
        if not merged.metadata:
            merged.metadata = copy.deepcopy(notebook.metadata)
        source_line = f'\n\n<p class="report-source">From <code>{html.escape(_display_path(path))}</code></p>\n\n'
        for cell in notebook.cells:
            cell = copy.deepcopy(cell)
            cell["id"] = f"cell-{len(merged.cells)}"
            if source_line and cell.cell_type == "markdown" and re.search(r"^#\s", cell.source, re.M):
                cell.source = re.sub(r"^(#\s.*)$", lambda m: m.group(1) + source_line, cell.source, count=1, flags=re.M)
                source_line = ""
            if cell.cell_type == "code":
                cell.outputs = [o for o in cell.get("outputs", [])
                                if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
                names = [n for kind, n in _SAVE_CALL.findall(cell.source) if kind == "figure"]
                images = [o for o in cell.outputs if "image/png" in o.get("data", {})]
                for name, output in zip(names, images):
                    number += 1
                    output.setdefault("metadata", {})["report_figure"] = {
                        "name": name, "number": number, "folder": folder_name,
                        **(_svg_figure(Path(figures_folder) / f"{name}.svg") if figures_folder is not None else {})}
            merged.cells.append(cell)
    return merged


def _svg_figure(path: Path) -> dict:
    """The saved SVG as base64 with its width in CSS pixels and its caption; {} when there is none."""
    if not path.is_file():
        return {}
    data = path.read_bytes()
    found = re.search(rb'<svg[^>]*?\swidth="([\d.]+)(pt|px)?"', data)
    width = round(float(found.group(1)) * (96 / 72 if found.group(2) in (None, b"pt") else 1)) if found else 800
    return {"svg": base64.b64encode(data).decode("ascii"), "width": width, "caption": read_caption(path) or path.stem}


def _heading_text(tag) -> str:
    return " ".join(t for t in tag.find_all(string=True) if t.parent.name != "a" or "anchor-link" not in t.parent.get("class", [])).strip()


def _add_contents(page: str, title: str, note: str) -> str:
    """Give every h1/h2 a unique id and put the title, a note and a table of contents at the top."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, "html.parser")
    seen: set[str] = set()
    entries: list[tuple[int, str, str]] = []
    for tag in soup.find_all(["h1", "h2", "h3", "h4"]):
        base = re.sub(r"[^\w-]+", "-", (tag.get("id") or _heading_text(tag)).lower()).strip("-") or "section"
        anchor, n = base, 1
        while anchor in seen:
            n += 1
            anchor = f"{base}-{n}"
        seen.add(anchor)
        tag["id"] = anchor
        for link in tag.find_all("a", class_="anchor-link"):
            link["href"] = f"#{anchor}"
        if tag.name in ("h1", "h2"):
            entries.append((int(tag.name[1]), anchor, " ".join(_heading_text(tag).split())))
    items, open_sub = [], False
    for level, anchor, text in entries:
        if level == 1:
            if open_sub:
                items.append("</ol>")
                open_sub = False
            if items:
                items.append("</li>")
            items.append(f'<li><a href="#{anchor}">{html.escape(text)}</a>')
        else:
            if not open_sub:
                items.append("<ol>")
                open_sub = True
            items.append(f'<li><a href="#{anchor}">{html.escape(text)}</a></li>')
    if open_sub:
        items.append("</ol>")
    if items:
        items.append("</li>")
    top = (f'<header class="report-header jp-RenderedHTMLCommon"><h1 id="report-title">{html.escape(title)}</h1>'
           f"<p>{note}</p></header>"
           f'<nav class="report-toc jp-RenderedHTMLCommon" aria-label="Contents"><h2>Contents</h2><ol>{"".join(items)}</ol></nav>')
    main = soup.find("main") or soup.body
    main.insert(0, BeautifulSoup(top, "html.parser"))
    style = soup.new_tag("style")
    style.string = _CSS
    soup.head.append(style)
    return str(soup)


def build_report(notebooks: list[Path] | None = None, out: str | Path | None = None,
                 figures_folder: str | Path | None = None, title: str = REPORT_TITLE) -> Path:
    """Write the executed ``notebooks`` (default: all, in order) as one standalone HTML page.

    Code is hidden, every figure is embedded (as the notebook showed it) in a
    numbered ``<figure id="figure-NAME">``, headings get a table of contents, and
    the page loads nothing from the network. ``out`` defaults to :func:`report_path`.
    Raises :class:`ReportError` when a notebook has not been run or stopped with an error.
    """
    from nbconvert import HTMLExporter
    from jinja2 import DictLoader

    paths = [Path(p) for p in (notebooks if notebooks is not None else notebook_paths())]
    if not paths:
        raise ReportError("notebooks", "no notebooks were given", "name the executed .ipynb files to put in the report")
    for path in paths:
        if not path.is_file():
            raise ReportError(path, "no such notebook", "give the path of an executed .ipynb file")
    out = Path(out) if out is not None else report_path()
    figures_folder = Path(figures_folder) if figures_folder is not None else figures_dir()
    merged = combined_notebook(paths, figures_folder)
    exporter = HTMLExporter(
        template_name="lab", template_file="report.html.j2", extra_loaders=[DictLoader({"report.html.j2": _TEMPLATE})],
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True, embed_images=True,
        theme="light", mathjax_url="", require_js_url="",
    )
    body, _ = exporter.from_notebook_node(merged, resources={"metadata": {"name": title, "path": str(paths[0].parent)}})
    names = ", ".join(p.stem for p in paths)
    note = (f"The analysis notebooks ({html.escape(names)}) as run, with their code hidden. "
            f"Every figure is also a file in <code>{html.escape(_display_path(figures_folder))}/</code> "
            "(PNG, SVG, PDF and the CSV of its numbers), listed in <code>index.md</code> there.")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(_add_contents(body, title, note).encode("utf-8"))
    return out


def report_path(corpus: str | Path | None = None) -> Path:
    """``reports/report.html`` for the project's corpus, ``reports/<corpus folder>/report.html`` for another."""
    corpus = Path(corpus).resolve() if corpus is not None else corpus_dir()
    if corpus == DEFAULT_CORPUS.resolve():
        return PROJECT_ROOT / "reports" / "report.html"
    return PROJECT_ROOT / "reports" / corpus.name / "report.html"


_EXTERNAL = re.compile(
    r"""<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*?\b(?:src|href|data)\s*=\s*["']?\s*(?:https?:)?//"""
    r"""|@import\s+(?:url\()?\s*["']?\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//""", re.I)


def external_resources(page: str) -> list[str]:
    """Scripts, stylesheets, images, fonts or imports in ``page`` that would be fetched from the network.

    Links a reader may click (``<a href="https://…">``) are not resources and are not listed.

    >>> external_resources('<script src="https://cdn.example/require.js"></script><a href="https://x.org">x</a>')
    ['<script src="https://']
    """
    return [m.group(0) for m in _EXTERNAL.finditer(page)]

