"""save_figure writes every format plus the data, byte-identically on a second save."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers.figures import colour_for, figure_title, palette, read_caption, save_figure, use_style


def draw():
    use_style()
    fig, ax = plt.subplots()
    ax.bar(["ALBA", "Lima Group"], [3, 5], color=[colour_for("ALBA"), colour_for("Lima Group")])
    ax.set_title("The Lima Group is mentioned more")
    return fig


def test_writes_all_formats_and_data(tmp_path):
    data = pd.DataFrame({"group": ["ALBA", "Lima Group"], "mentions": [3, 5]})
    written = save_figure(draw(), "mentions", data, tmp_path)
    assert sorted(written) == ["csv", "pdf", "png", "svg"]
    assert (tmp_path / "mentions.csv").read_text(encoding="utf-8-sig") == "group,mentions\nALBA,3\nLima Group,5\n"
    assert (tmp_path / "mentions.png").read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize("caption", [None, "Cuba — «Venezuela» & the OAS"], ids=["title", "non-ascii caption"])
def test_saving_twice_gives_identical_bytes(tmp_path, caption):
    first, second = tmp_path / "one", tmp_path / "two"
    save_figure(draw(), "f", pd.DataFrame({"x": [1.5]}), first, caption=caption)
    save_figure(draw(), "f", pd.DataFrame({"x": [1.5]}), second, caption=caption)
    for ext in ("svg", "png", "pdf", "csv"):
        assert (first / f"f.{ext}").read_bytes() == (second / f"f.{ext}").read_bytes(), ext


def test_caption_is_the_title_stored_in_the_files(tmp_path):
    written = save_figure(draw(), "f", folder=tmp_path)
    assert read_caption(written["png"]) == read_caption(written["svg"]) == "The Lima Group is mentioned more"
    assert b"/Title" in written["pdf"].read_bytes()


def test_explicit_caption_wins(tmp_path):
    written = save_figure(draw(), "f", folder=tmp_path, caption="Mentions per group, 2017–2019")
    assert read_caption(written["png"]) == read_caption(written["svg"]) == "Mentions per group, 2017–2019"


def test_figure_title_prefers_suptitle_and_undoes_wrapping():
    use_style()
    fig, (left, right) = plt.subplots(1, 2)
    left.set_title("ALBA camp")
    right.set_title("Lima Group camp")
    assert figure_title(fig) == "ALBA camp; Lima Group camp"
    fig.suptitle("No word is distinctive: the colour-\nblind palette\n  shows both camps")
    assert figure_title(fig) == "No word is distinctive: the colour-blind palette shows both camps"
    plt.close(fig)
    fig, ax = plt.subplots()
    assert figure_title(fig) == ""
    plt.close(fig)


def test_svg_has_no_date_stamp(tmp_path):
    save_figure(draw(), "f", folder=tmp_path, formats=("svg",))
    assert "<dc:date>" not in (tmp_path / "f.svg").read_text()


def test_rejects_names_with_folders(tmp_path):
    with pytest.raises(ValueError):
        save_figure(draw(), "../escape", folder=tmp_path)


def test_each_alliance_has_its_own_colour():
    colours = palette()
    named = {k: v for k, v in colours.items() if k != "other"}
    assert len(set(named.values())) == len(named)
    assert colour_for("not a group") == colours["other"]


def test_the_caption_of_a_huge_png_is_read_without_decoding_it(tmp_path):
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 30000, 30000, 8, 6, 0, 0, 0)  # 900 million pixels, declared
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"tEXt", b"Title\0Big figure")
           + chunk(b"iTXt", b"Note\0\0\0\0\0Mentions \xe2\x80\x93 2019") + chunk(b"IEND", b""))
    path = tmp_path / "huge.png"
    path.write_bytes(png)
    assert read_caption(path) == "Big figure"


def test_tables_open_in_spreadsheets_and_name_their_articles(tmp_path):
    import pandas as pd
    from helpers.figures import save_table

    articles = pd.DataFrame({"id": ["a", "b"], "outlet": ["Wire", "Daily"], "date": pd.to_datetime(["2019-05-01", None]),
                             "title": ["“Quoted” title", "Other"]})
    quotes = pd.DataFrame({"article": ["b", "a"], "quote": ["“Enough,” she said", "ñandú"]})
    path = save_table(quotes, "quotes", tmp_path, articles=articles)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs to read UTF-8
    assert raw.decode("utf-8-sig").splitlines()[0] == "article,outlet,date,title,quote"
    back = pd.read_csv(path, keep_default_na=False)
    assert back.to_dict("records") == [
        {"article": "b", "outlet": "Daily", "date": "", "title": "Other", "quote": "“Enough,” she said"},
        {"article": "a", "outlet": "Wire", "date": "2019-05-01", "title": "“Quoted” title", "quote": "ñandú"}]
    # a table indexed by article id gets the columns too; one without article ids is left alone
    by_index = save_table(pd.DataFrame({"n": [1]}, index=pd.Index(["a"], name="article")), "n", tmp_path, articles=articles)
    assert pd.read_csv(by_index).columns.tolist() == ["article", "outlet", "date", "title", "n"]
    plain = save_table(pd.DataFrame({"group": ["ALBA"]}), "g", tmp_path, articles=articles)
    assert pd.read_csv(plain).columns.tolist() == ["group"]
    assert save_table(quotes, "quotes", tmp_path, articles=articles).read_bytes() == raw  # same bytes again


def test_exported_tables_never_run_as_formulas_and_figures_never_read_maths(tmp_path):
    import matplotlib.pyplot as plt
    import pandas as pd
    from helpers.figures import save_table, use_style

    hostile = pd.DataFrame({"outlet": ["=cmd|' /C calc'!A0", "+1+1", "@SUM(A1)", "-0.5", "Wire"],
                            "quote": ["-2+3", "ok", "fine", "fine", "=HYPERLINK(\"x\")"]})
    back = pd.read_csv(save_table(hostile, "t", tmp_path), dtype=str)
    assert back["outlet"].tolist() == ["'=cmd|' /C calc'!A0", "'+1+1", "'@SUM(A1)", "-0.5", "Wire"]
    assert back["quote"].tolist() == ["'-2+3", "ok", "fine", "fine", "'=HYPERLINK(\"x\")"]
    use_style()
    fig, ax = plt.subplots()
    ax.barh(["$$ Money $$"], [1])
    ax.set_title("Costs rose from $5 to $10")
    fig.savefig(tmp_path / "m.png")  # raises under maths text: "$$ Money $$" is not valid TeX
    assert ax.get_title(loc="left") == "Costs rose from $5 to $10"


def test_the_layout_is_computed_once_for_all_formats(tmp_path):
    fig = draw()
    engine = fig.get_layout_engine()
    runs = []
    real = engine.execute
    engine.execute = lambda figure: runs.append(1) or real(figure)
    written = save_figure(fig, "f", folder=tmp_path)
    assert sorted(written) == ["pdf", "png", "svg"] and runs == [1]  # laid out by the PNG, kept for SVG and PDF
    box = fig.axes[0].get_position().bounds
    fig.canvas.draw()  # shown in the notebook: as saved, not laid out again
    assert runs == [1] and fig.axes[0].get_position().bounds == box
    plt.close(fig)


def test_a_figure_with_a_colorbar_saves_and_keeps_its_layout(tmp_path):
    import numpy as np
    from helpers.plots._many import cells

    use_style()
    fig, ax = plt.subplots(layout="constrained")
    mesh = cells(ax, np.arange(6.0).reshape(2, 3))
    fig.colorbar(mesh, ax=ax)
    written = save_figure(fig, "grid", folder=tmp_path)
    assert sorted(written) == ["pdf", "png", "svg"]
    fig.colorbar(mesh, ax=ax)  # a colorbar added after saving is still accepted
    plt.close(fig)


def test_cells_put_each_value_where_imshow_would():
    import numpy as np
    from helpers.plots._many import cells

    values = np.array([[1.0, 2.0, 3.0], [4.0, np.nan, 6.0]])
    fig, ax = plt.subplots()
    mesh = cells(ax, values)
    drawn = mesh.get_array()
    assert drawn.shape == (2, 3) and drawn.mask[1, 1] and drawn[0, 2] == 3.0 and drawn[1, 0] == 4.0
    corners = mesh.get_coordinates()  # (rows + 1, cols + 1, 2): x, y of each cell corner
    assert corners[0, 0].tolist() == [-0.5, -0.5] and corners[2, 3].tolist() == [2.5, 1.5]
    assert ax.get_ylim() == (1.5, -0.5)  # row 0 on top, as imshow draws it
    plt.close(fig)
