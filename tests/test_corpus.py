"""load_corpus: the columns it returns, what it accepts, and one clear error per bad input."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from helpers.corpus import CorpusError, find_problems, load_corpus, read_article
from conftest import SEED_CORPUS, write_corpus


def tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        digest.update(str(path.relative_to(root)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_loads_the_seed_fixture():
    articles = load_corpus(SEED_CORPUS)
    assert len(articles) == 5
    assert list(articles.columns[:7]) == ["id", "file", "title", "outlet", "date", "url", "language"]
    assert {"text", "chars", "words"} <= set(articles.columns)
    assert articles["date"].dtype.kind == "M"
    assert (articles["chars"] == articles["text"].str.len()).all()
    assert articles["words"].gt(300).all()


def test_small_corpus_columns_and_counts(small_corpus):
    articles = load_corpus(small_corpus)
    assert articles["id"].tolist() == ["a", "b"]
    assert articles.loc[1, "words"] == 5
    assert articles.loc[0, "date"] == pd.Timestamp("2019-05-01")


def test_bom_and_crlf_are_accepted(tmp_path):
    root = write_corpus(tmp_path, {"a.txt": b"\xef\xbb\xbfFirst line.\r\nSecond line.\r\n"})
    text = load_corpus(root).loc[0, "text"]
    assert text == "First line.\nSecond line.\n"


def test_blank_optional_fields_are_allowed(tmp_path):
    root = write_corpus(tmp_path, {"a.txt": "Text."}, rows=[{"id": "a", "file": "a.txt"}])
    articles = load_corpus(root)
    assert pd.isna(articles.loc[0, "date"]) and articles.loc[0, "title"] == ""


def test_loading_never_writes_to_the_corpus(small_corpus):
    before = tree_digest(small_corpus)
    load_corpus(small_corpus)
    find_problems(small_corpus)
    assert tree_digest(small_corpus) == before


def error_for(root: Path) -> str:
    with pytest.raises(CorpusError) as caught:
        load_corpus(root)
    return str(caught.value)


def test_metadata_row_whose_file_is_missing(tmp_path):
    rows = [{"id": "a", "file": "a.txt"}, {"id": "gone", "file": "gone.txt"}]
    message = error_for(write_corpus(tmp_path, {"a.txt": "Text."}, rows))
    assert "gone.txt" in message and "does not exist" in message


def test_file_without_metadata_row(tmp_path):
    rows = [{"id": "a", "file": "a.txt"}]
    message = error_for(write_corpus(tmp_path, {"a.txt": "Text.", "stray.txt": "More text."}, rows))
    assert "stray.txt" in message and "no row" in message


@pytest.mark.parametrize("content", ["", "   \n\n\t  \n"])
def test_empty_file(tmp_path, content):
    message = error_for(write_corpus(tmp_path, {"a.txt": "Text.", "empty.txt": content}))
    assert "empty.txt" in message and "empty" in message


def test_bytes_that_are_not_utf8_name_the_offset(tmp_path):
    latin1 = "Nicolás Maduro".encode("latin-1")  # á is byte 0xe1 at offset 5
    message = error_for(write_corpus(tmp_path, {"a.txt": "Text.", "latin.txt": latin1}))
    assert "latin.txt" in message and "byte 5" in message and "UTF-8" in message


def test_duplicate_id(tmp_path):
    rows = [{"id": "same", "file": "a.txt"}, {"id": "same", "file": "b.txt"}]
    message = error_for(write_corpus(tmp_path, {"a.txt": "One.", "b.txt": "Two."}, rows))
    assert "metadata.csv line 3" in message and "'same'" in message


def test_duplicate_text(tmp_path):
    message = error_for(write_corpus(tmp_path, {"a.txt": "Same words here.", "b.txt": "Same  words\nhere.\n"}))
    assert "b.txt" in message and "same as a.txt" in message


@pytest.mark.parametrize("bad_date", ["01/05/2019", "2019-13-01", "May 1 2019", "2019-02-30"])
def test_date_that_does_not_parse(tmp_path, bad_date):
    rows = [{"id": "a", "file": "a.txt", "date": bad_date}]
    message = error_for(write_corpus(tmp_path, {"a.txt": "Text."}, rows))
    assert "metadata.csv line 2" in message and bad_date in message and "YYYY-MM-DD" in message


def test_missing_metadata_file(tmp_path):
    (tmp_path / "articles").mkdir()
    message = error_for(tmp_path)
    assert "metadata.csv" in message and "missing" in message


def test_missing_column(tmp_path):
    root = write_corpus(tmp_path, {"a.txt": "Text."})
    (root / "metadata.csv").write_text("id,file\na,a.txt\n", encoding="utf-8")
    message = error_for(root)
    assert "metadata.csv" in message and "title" in message


def test_several_problems_are_all_listed(tmp_path):
    rows = [{"id": "a", "file": "a.txt", "date": "yesterday"}, {"id": "b", "file": "b.txt"}]
    root = write_corpus(tmp_path, {"a.txt": "Text.", "b.txt": ""}, rows)
    problems = find_problems(root)
    assert len(problems) == 2
    assert "1 more problem" in error_for(root)


def test_read_article_error_is_one_sentence(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(b"ok \xff")
    with pytest.raises(CorpusError) as caught:
        read_article(path)
    message = str(caught.value)
    assert message.count("\n") == 0 and message.endswith(".") and str(path) in message


def test_byte_offset_counts_from_the_start_of_the_file_with_a_bom(tmp_path):
    message = error_for(write_corpus(tmp_path, {"a.txt": "Text.", "bom.txt": b"\xef\xbb\xbfab\xff"}))
    assert "byte 5" in message


def test_rows_with_a_trailing_comma_do_not_shift_the_columns(tmp_path):
    root = write_corpus(tmp_path, {"a.txt": "Text."})
    lines = (root / "metadata.csv").read_text(encoding="utf-8").splitlines()
    (root / "metadata.csv").write_text("\n".join(line + "," for line in lines) + "\n", encoding="utf-8")
    assert load_corpus(root).loc[0, "file"] == "a.txt"


def test_binary_article_file(tmp_path):
    message = error_for(write_corpus(tmp_path, {"a.txt": "Text.", "photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00IHDR"}))
    assert "photo.txt" in message and "binary" in message


def test_metadata_that_is_a_folder(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "metadata.csv").mkdir()
    assert "folder" in error_for(tmp_path)


def test_links_and_special_files_in_the_articles_folder_are_refused(tmp_path):
    import os

    root = tmp_path / "c"
    (root / "articles").mkdir(parents=True)
    (root / "articles" / "a.txt").write_text("The Lima Group met in Lima on Tuesday to talk.", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("not an article", encoding="utf-8")
    (root / "articles" / "x.txt").symlink_to(secret)
    os.mkfifo(root / "articles" / "pipe.txt")
    (root / "metadata.csv").write_text("id,file,title,outlet,date,url,language\na,a.txt,T,O,2019-05-01,,en\n"
                                       "x,x.txt,T,O,2019-05-01,,en\n", encoding="utf-8")
    problems = [str(p) for p in find_problems(root)]
    assert any("x.txt: this is a symbolic link, not an article file" in p for p in problems)
    assert any("pipe.txt: this is not a regular file" in p for p in problems)
    assert not any("not an article" in p for p in problems if "secret" in p)


def test_check_refuses_dates_no_figure_can_draw(tmp_path):
    root = tmp_path / "c"
    (root / "articles").mkdir(parents=True)
    rows = []
    for k, value in enumerate(["0001-01-01", "1899-12-31", "1950-06-01", "2999"]):
        (root / "articles" / f"{k}.txt").write_text(f"The Lima Group met in Lima on day {k} to talk about trade.",
                                                   encoding="utf-8")
        rows.append(f"{k},{k}.txt,T,O,{value},,en")
    (root / "metadata.csv").write_text("id,file,title,outlet,date,url,language\n" + "\n".join(rows) + "\n",
                                       encoding="utf-8")
    problems = [str(p) for p in find_problems(root)]
    assert len(problems) == 3 and all("lies before 1900 or in a future year" in p for p in problems)
    assert [p.split("line ")[1].split(":")[0] for p in problems] == ["2", "3", "5"]


def test_check_names_the_line_a_row_starts_on_after_a_title_over_several_lines(tmp_path):
    from helpers.corpus import find_problems

    root = tmp_path / "c"
    (root / "articles").mkdir(parents=True)
    for name in ("a.txt", "b.txt"):
        (root / "articles" / name).write_text(f"Ministers met on Monday in {name}. " * 5, encoding="utf-8")
    (root / "metadata.csv").write_text(
        "id,file,title,outlet,date,url,language\n"
        'a,a.txt,"A title\nover three\nlines",Wire,2019-05-01,,en\n'
        "\n"
        "b,b.txt,Second,Wire,2019-13-01,,en\n", encoding="utf-8")
    problems = [str(p) for p in find_problems(root)]
    assert len(problems) == 1 and "metadata.csv line 6:" in problems[0], problems  # the editor's line 6


def test_a_metadata_column_with_a_name_the_package_uses_is_refused_by_check(tmp_path):
    from helpers.corpus import find_problems

    root = tmp_path / "c"
    (root / "articles").mkdir(parents=True)
    (root / "articles" / "a.txt").write_text("Ministers met on Monday. " * 10, encoding="utf-8")
    (root / "metadata.csv").write_text("id,file,title,outlet,date,url,language,body_spans,section\n"
                                       "a,a.txt,T,Wire,2019-05-01,,en,x,politics\n", encoding="utf-8")
    problems = [str(p) for p in find_problems(root)]
    assert problems == [f"{root / 'metadata.csv'}: it has a column named 'body_spans', a name the package gives a "
                        "column of its own; rename it (for example to 'my_body_spans')."]
