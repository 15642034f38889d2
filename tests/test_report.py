"""figures/index.md and the HTML report: every figure listed and embedded, nothing fetched, stable bytes."""
from __future__ import annotations

import base64
import re
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import nbformat
import pandas as pd
import pytest

from conftest import PROJECT_ROOT, execute_notebooks
from helpers.figures import save_figure, use_style
from helpers.report import (ReportError, build_index, build_report, external_resources, notebook_paths,
                            saved_names)

NOTEBOOKS = notebook_paths(PROJECT_ROOT / "notebooks")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120)


def bar_figure(title: str):
    use_style()
    fig, ax = plt.subplots(figsize=(4, 2))
    ax.bar(["ALBA", "Lima Group"], [3, 5])
    ax.set_title(title)
    return fig


def fake_notebook(path, title: str, figure_names: list[str], executed: bool = True, figures=None):
    """A small notebook: a title, a Parameters section, one cell per figure saved (with its picture when executed)."""
    cells = [nbformat.v4.new_markdown_cell(f"# {title}\n\nWhat it does."),
             nbformat.v4.new_markdown_cell("## Parameters"),
             nbformat.v4.new_code_cell("SECRET_CODE_MARKER = 1")]
    for name in figure_names:
        cells.append(nbformat.v4.new_markdown_cell(f"## The {name} figure"))
        cell = nbformat.v4.new_code_cell(f'fig = draw()\nhelpers.save_figure(fig, "{name}", table, FIGURES);')
        if executed:
            png = base64.b64encode((figures / f"{name}.png").read_bytes()).decode() if figures else ""
            cell.outputs = [nbformat.v4.new_output("stream", name="stderr", text="a warning\n"),
                            nbformat.v4.new_output("display_data", data={"image/png": png, "text/plain": "<Figure>"})]
        cells.append(cell)
    for number, cell in enumerate(c for c in cells if c.cell_type == "code"):
        cell.execution_count = number + 1 if executed else None
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    return path


@pytest.fixture
def small_project(tmp_path):
    """Two made-up notebooks, their figures saved by save_figure, and one stale figure no notebook saves."""
    figures, notebooks = tmp_path / "figures", tmp_path / "notebooks"
    notebooks.mkdir()
    titles = {"mentions": "The Lima Group is mentioned more", "tone": "ALBA | sounds gloomier",
              "network": "Cuba and Venezuela are named together", "old": "A figure from an earlier run"}
    for name, title in titles.items():
        save_figure(bar_figure(title), name, pd.DataFrame({"group": ["ALBA"], "n": [3]}), figures)
    plt.close("all")
    fake_notebook(notebooks / "01_first.ipynb", "01 · First look", ["mentions", "tone"], figures=figures)
    fake_notebook(notebooks / "02_second.ipynb", "02 · Second look", ["network"], figures=figures)
    return tmp_path, titles


# ---------------------------------------------------------------- which notebook saves what

def test_saved_names_finds_figures_and_tables_in_code_only():
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell('Not code: save_figure(fig, "in_markdown")'),
        nbformat.v4.new_code_cell('helpers.save_figure(fig, "top_terms", top, FIGURES)\n'
                                  "save_figure( fig , 'quoted_once', data)\n"
                                  'helpers.save_table(quotes, "quotes", FIGURES)\n'
                                  'audit.to_csv(FIGURES / "cleaning_audit.csv")'),
    ])
    assert saved_names(notebook) == {"figure": ["top_terms", "quoted_once"], "table": ["quotes", "cleaning_audit"]}


def test_every_project_notebook_saves_figures():
    assert NOTEBOOKS and all(saved_names(path)["figure"] for path in NOTEBOOKS)


# ---------------------------------------------------------------- figures/index.md

def test_index_lists_each_figure_with_thumbnail_caption_notebook_and_data(small_project):
    root, titles = small_project
    text = build_index(root / "figures", root / "notebooks").read_text(encoding="utf-8")
    sections = re.split(r"^## ", text, flags=re.M)
    by_heading = {s.splitlines()[0]: s for s in sections[1:]}
    assert list(by_heading) == ["01 · First look", "02 · Second look", "Not saved by any notebook"]
    for heading, names in (("01 · First look", ["mentions", "tone"]), ("02 · Second look", ["network"]),
                           ("Not saved by any notebook", ["old"])):
        section = by_heading[heading]
        for name in names:
            row = next(line for line in section.splitlines() if f"`{name}`" in line)
            assert f'<img src="{name}.png"' in row
            assert f"[{name}.csv]({name}.csv)" in row and f"[SVG]({name}.svg)" in row and f"[PDF]({name}.pdf)" in row
            assert titles[name].replace("|", "&#124;") in row
    assert "01_first.ipynb" in by_heading["01 · First look"]
    assert text.index("`mentions`") < text.index("`tone`")  # the order the notebook saves them


def test_index_is_the_same_bytes_when_rebuilt_and_has_no_machine_paths(small_project):
    root, _ = small_project
    first = build_index(root / "figures", root / "notebooks").read_bytes()
    second = build_index(root / "figures", root / "notebooks").read_bytes()
    assert first == second
    assert str(root).encode() not in first


def test_index_refuses_a_folder_without_figures(tmp_path):
    with pytest.raises(ReportError, match="no figures"):
        build_index(tmp_path, tmp_path)


def test_index_command_bad_folder_is_one_sentence(tmp_path):
    folder = tmp_path / "figs"
    result = run_cli("-m", "helpers", "index", "--figures", str(folder))
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert str(folder) in result.stderr


# ---------------------------------------------------------------- the HTML report

def test_external_resources_catches_cdn_scripts_styles_and_fonts():
    page = ('<script src="https://cdn.example/require.js"></script><link rel="stylesheet" href="//fonts.example/a.css">'
            '<style>@import url("https://x/y.css"); body { background: url(http://x/bg.png) }</style>'
            '<img src="data:image/png;base64,AAAA"><a href="https://example.org">a link to read</a>')
    assert len(external_resources(page)) == 4


def test_report_of_small_notebooks(small_project):
    root, titles = small_project
    out = build_report(notebook_paths(root / "notebooks"), root / "reports" / "report.html", root / "figures")
    page = out.read_text(encoding="utf-8")
    assert external_resources(page) == []
    assert "SECRET_CODE_MARKER" not in page and "save_figure" not in page  # code hidden
    assert "a warning" not in page  # stderr dropped
    for number, name in enumerate(["mentions", "tone", "network"], start=1):
        figure = re.search(rf'<figure[^>]*id="figure-{name}".*?</figure>', page, re.S).group(0)
        svg = base64.b64encode((root / "figures" / f"{name}.svg").read_bytes()).decode()
        assert f'src="data:image/svg+xml;base64,{svg}"' in figure
        assert f"Figure {number} ·" in figure
    assert "figure-old" not in page
    # a table of contents pointing at unique anchors, though both notebooks have a "Parameters" section
    toc = re.search(r'<nav[^>]*class="report-toc.*?</nav>', page, re.S).group(0)
    targets = re.findall(r'href="#([^"]+)"', toc)
    ids = re.findall(r'<h[1-4][^>]* id="([^"]+)"', page)
    assert len(targets) == 2 + 5 and len(set(targets)) == len(targets) and set(targets) <= set(ids)
    assert "01 · First look" in toc and "02 · Second look" in toc


def test_report_refuses_notebooks_that_were_not_run(tmp_path):
    path = fake_notebook(tmp_path / "01_new.ipynb", "01 · New", ["mentions"], executed=False)
    with pytest.raises(ReportError, match="has not been run"):
        build_report([path], tmp_path / "report.html", tmp_path)
    result = run_cli("-m", "helpers", "report", "--out", str(tmp_path / "r.html"), str(path))
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
    assert "make report" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "r.html").exists()


# ---------------------------------------------------------------- the project's own notebooks, executed

@pytest.fixture(scope="module")
def project_run(executed_project):
    """The project's notebooks executed once (see conftest), then index and report built from them."""
    root, executed, figures = executed_project
    index = build_index(figures, NOTEBOOKS)
    report = build_report(executed, root / "reports" / "report.html", figures)
    return root, index.read_text(encoding="utf-8"), report.read_text(encoding="utf-8")


def all_figure_names() -> list[str]:
    return [name for path in NOTEBOOKS for name in saved_names(path)["figure"]]


def test_index_lists_every_figure_the_notebooks_save(project_run):
    root, index, _ = project_run
    names = all_figure_names()
    assert len(names) == len(set(names)) > 10
    rows = {m.group(1): m.group(0) for m in re.finditer(r"^\| <a href.*?<br>`([^`]+)`.*$", index, re.M)}
    assert sorted(rows) == sorted(names)
    assert "Not saved by any notebook" not in index
    for name in names:
        caption = re.search(r"\*\*(.+?)\*\*<br>", rows[name]).group(1)
        assert caption != name and len(caption) > 15, f"{name} has no caption stating its finding"
        assert f'<img src="{name}.png"' in rows[name] and f"[{name}.csv]({name}.csv)" in rows[name]
        assert (root / "figures" / f"{name}.csv").exists()
    for path in NOTEBOOKS:
        assert f"notebooks/{path.name}" in index


def test_report_embeds_every_figure_and_fetches_nothing(project_run):
    root, _, page = project_run
    assert external_resources(page) == []
    assert "helpers.save_figure(" not in page and "import helpers" not in page
    for name in all_figure_names():
        figure = re.search(rf'<figure[^>]*id="figure-{name}".*?</figure>', page, re.S)
        assert figure, f"{name} is missing from the report"
        svg = base64.b64encode((root / "figures" / f"{name}.svg").read_bytes()).decode()
        assert f"data:image/svg+xml;base64,{svg}" in figure.group(0)
    toc = re.search(r'<nav[^>]*class="report-toc.*?</nav>', page, re.S).group(0)
    for path in NOTEBOOKS:
        heading = nbformat.read(path, as_version=4).cells[0].source.splitlines()[0].lstrip("# ").strip()
        assert heading in toc


def test_running_a_notebook_again_changes_no_byte(project_run, tmp_path):
    """`make run` twice: the alliance notebook (network layout, most figures) again gives identical SVG and CSV."""
    root, _, _ = project_run
    notebook = NOTEBOOKS[-1]
    execute_notebooks([notebook], tmp_path / "notebooks", tmp_path / "figures")
    names = saved_names(notebook)["figure"]
    assert names
    for name in names:
        for ext in ("svg", "csv"):
            first = (root / "figures" / f"{name}.{ext}").read_bytes()
            assert (tmp_path / "figures" / f"{name}.{ext}").read_bytes() == first, f"{name}.{ext} changed"


def test_a_table_name_made_in_the_call_lists_every_file_it_made(tmp_path):
    from helpers.report import index_text, saved_names

    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Words"),
        nbformat.v4.new_code_cell('for k in KEYS:\n    helpers.save_table(t, f"kwic_{k}", FIGURES)\n'
                                  'helpers.save_figure(fig, "top", t, FIGURES)')])
    assert saved_names(nb) == {"figure": ["top"], "table": ["kwic_*"]}
    notebooks = tmp_path / "nb"
    notebooks.mkdir()
    nbformat.write(nb, notebooks / "01_words.ipynb")
    figures = tmp_path / "figures"
    figures.mkdir()
    fig, ax = plt.subplots()
    save_figure(fig, "top", pd.DataFrame({"a": [1]}), figures, formats=("png",))
    plt.close(fig)
    for name in ("kwic_dialogue", "kwic_interven", "other"):
        (figures / f"{name}.csv").write_text("a\n1\n", encoding="utf-8")
    text = index_text(figures, [notebooks / "01_words.ipynb"])
    assert "[kwic_dialogue.csv]" in text and "[kwic_interven.csv]" in text and "other.csv" not in text
