"""Every notebook runs top to bottom without error and saves its figures (executed once per session)."""
from __future__ import annotations

import nbformat
import pytest

from conftest import NOTEBOOK_DIR
from helpers.report import saved_names

NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("[0-9]*.ipynb"))


def test_there_are_notebooks():
    assert [p.name[:2] for p in NOTEBOOKS] == ["01", "02", "03", "04", "05"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_executes(path, executed_project):
    root, _, figures = executed_project
    notebook = nbformat.read(root / "notebooks" / path.name, as_version=4)
    errors = [f"{o.get('ename')}: {o.get('evalue')}" for c in notebook.cells if c.cell_type == "code"
              for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, errors
    for name in saved_names(path)["figure"]:
        assert (figures / f"{name}.svg").exists(), f"{path.name} did not save {name}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_prints_no_warning(path, executed_project):
    """A reader of the report sees results, not library warnings (dates, widgets, deprecations)."""
    root, _, _ = executed_project
    notebook = nbformat.read(root / "notebooks" / path.name, as_version=4)
    noise = [o.get("text", "")[:200] for c in notebook.cells if c.cell_type == "code"
             for o in c.get("outputs", []) if o.get("output_type") == "stream" and o.get("name") == "stderr"
             and ("Warning" in o.get("text", "") or "IProgress" in o.get("text", ""))]
    assert not noise, noise

