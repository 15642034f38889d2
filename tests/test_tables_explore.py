"""Tables to explore: interactive in JupyterLab, static when the notebooks are run by make."""
from __future__ import annotations

import pandas as pd
from pandas.io.formats.style import Styler

from helpers import tables


def test_run_by_make_a_table_to_explore_is_the_static_table(monkeypatch):
    monkeypatch.setenv("NEWS_STATIC", "1")
    frame = pd.DataFrame({"quote": ["<i>no</i>"] * 30})
    shown = tables.explore(frame, rows=5, saved="figures/quotes.csv")
    assert isinstance(shown, Styler) and not tables.interactive()
    assert shown.caption == "First 5 of 30 rows; all of them in figures/quotes.csv"


def test_in_jupyterlab_a_table_to_explore_is_an_escaped_interactive_table(monkeypatch):
    monkeypatch.delenv("NEWS_STATIC", raising=False)
    shown_html = []
    import itables
    monkeypatch.setattr(itables, "init_notebook_mode", lambda **kwargs: shown_html.append(("init", kwargs)))
    monkeypatch.setattr(itables, "to_html_datatable",
                        lambda frame, **kwargs: shown_html.append(("show", frame, kwargs)) or "<table></table>")
    monkeypatch.setattr(tables, "_itables_ready", False)
    frame = pd.DataFrame({"quote": ["<i>no</i>", "yes"], "groups": [("ALBA",), ()]})
    assert tables.interactive() and tables.explore(frame, saved="figures/quotes.csv").data == "<table></table>"
    (_, init), (_, sent, options) = shown_html
    assert init == {"all_interactive": False, "connected": False}  # offline: the code embedded, nothing fetched
    assert options["allow_html"] is False and "figures/quotes.csv" in options["caption"]
    assert sent["groups"].tolist() == ["('ALBA',)", "()"]
