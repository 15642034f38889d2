"""Adding articles: .txt, strings and .html pages; every refusal leaves the corpus byte-identical."""
from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date, timedelta

import pytest

from helpers.add import add_article, article_id
from helpers.corpus import CorpusError, load_corpus
from conftest import PROJECT_ROOT, SEED_CORPUS
from test_corpus import tree_digest

BODY = ("Foreign ministers of the Lima Group met in Ottawa on Monday to discuss the crisis in Venezuela. "
        "\"We will not recognise a government born of a fraudulent vote,\" said Canadian Foreign Minister "
        "Ana Ruiz, adding that the bloc would meet again in March to review sanctions and aid.")

PAGE = """<!DOCTYPE html><html><head><meta charset="windows-1252">
<title>CELAC ministers meet in San Salvador | Example Wire</title>
<meta property="article:published_time" content="2017-05-02T10:00:00Z"></head>
<body><nav>Home | World | Americas</nav>
<article><h1>CELAC ministers meet in San Salvador</h1>
<p>Foreign ministers of the Community of Latin American and Caribbean States met in San Salvador on Tuesday to discuss violence in Venezuela, at a special session requested by Caracas.</p>
<p>“We must treat things with restraint,” said Salvadoran Foreign Minister Hugo Martínez, who chaired the meeting.</p>
</article><footer>Follow us on Twitter. © 2017 Example Wire</footer></body></html>"""


@pytest.fixture
def corpus(tmp_path):
    """A copy of the seed fixture to add articles to."""
    return shutil.copytree(SEED_CORPUS, tmp_path / "corpus")


def test_add_a_string(corpus):
    row = add_article(BODY, title="Lima Group meets in Ottawa", outlet="Test Wire", date="2019-02-04", corpus=corpus)
    articles = load_corpus(corpus)
    assert len(articles) == 6
    added = articles.set_index("id").loc[row["id"]]
    assert added["title"] == "Lima Group meets in Ottawa" and added["text"].startswith("Foreign ministers")
    assert row["file"] == f"{article_id(BODY)}.txt"


def test_add_a_txt_file(corpus, tmp_path):
    source = tmp_path / "new.txt"
    source.write_text(BODY, encoding="utf-8")
    row = add_article(source, title="Lima Group meets", outlet="Test Wire", date="2019-02-04",
                      url="https://example.org/a", corpus=corpus)
    assert (corpus / "articles" / row["file"]).read_text(encoding="utf-8").strip() == BODY
    assert load_corpus(corpus).set_index("id").loc[row["id"], "url"] == "https://example.org/a"


def test_add_an_html_page_with_its_declared_charset_title_and_date(corpus, tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(PAGE.encode("cp1252"))
    row = add_article(page, outlet="Example Wire", corpus=corpus)
    assert row["date"] == "2017-05-02" and "CELAC ministers meet" in row["title"]
    text = (corpus / "articles" / row["file"]).read_text(encoding="utf-8")
    assert "Hugo Martínez" in text and "“We must treat things with restraint,”" in text
    assert "Home | World" not in text and "Follow us" not in text
    assert row["id"] in set(load_corpus(corpus)["id"])


def test_add_to_a_new_empty_corpus(tmp_path):
    add_article(BODY, title="T", outlet="O", date="2019-02-04", corpus=tmp_path / "fresh")
    assert len(load_corpus(tmp_path / "fresh")) == 1


def refusal(corpus, source, **kwargs) -> str:
    before = tree_digest(corpus)
    options = {"title": "A title", "outlet": "Test Wire", "date": "2019-02-04", "corpus": corpus} | kwargs
    with pytest.raises(CorpusError) as caught:
        add_article(source, **options)
    assert tree_digest(corpus) == before, "a refused article changed the corpus"
    message = str(caught.value)
    assert "\n" not in message and message.endswith(".")
    return message


def test_refuses_empty_text(corpus):
    assert "too few" in refusal(corpus, "   \n\n  ")


def test_refuses_nearly_empty_text(corpus):
    assert "too few" in refusal(corpus, "Maduro spoke on Monday.")


def test_refuses_binary_data(corpus, tmp_path):
    source = tmp_path / "photo.txt"
    source.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert "binary" in refusal(corpus, source)


def test_refuses_undecodable_text(corpus, tmp_path):
    source = tmp_path / "latin.txt"
    source.write_bytes(BODY.replace("Ana", "Ána").encode("latin-1"))
    message = refusal(corpus, source)
    assert "latin.txt" in message and "UTF-8" in message


def test_refuses_an_undecodable_page_even_after_its_declared_charset(corpus, tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(b'<html><head><meta charset="utf-8"></head><body><p>' + BODY.encode() + b" \xff\xfe</p></body></html>")
    assert "not valid UTF-8, the encoding it declares ('utf-8')" in refusal(corpus, page, outlet="X")


def test_refuses_a_duplicate_of_an_added_article(corpus):
    add_article(BODY, title="First", outlet="Test Wire", date="2019-02-04", corpus=corpus)
    assert "already in the corpus" in refusal(corpus, BODY + "\n")


def test_refuses_a_duplicate_of_a_seed_article(corpus):
    seed = next((corpus / "articles").glob("000_*.txt"))
    message = refusal(corpus, seed)
    assert "already in the corpus" in message and seed.name in message


@pytest.mark.parametrize("missing", ["title", "outlet"])
def test_refuses_missing_title_or_outlet(corpus, missing):
    assert f"no {missing}" in refusal(corpus, BODY, **{missing: ""})


@pytest.mark.parametrize("bad", ["04/02/2019", "2019-02-30", "yesterday"])
def test_refuses_a_date_that_does_not_parse(corpus, bad):
    assert bad in refusal(corpus, BODY, date=bad)


def test_refuses_a_future_date(corpus):
    future = (date.today() + timedelta(days=3)).isoformat()
    assert "future" in refusal(corpus, BODY, date=future)


@pytest.mark.parametrize("code", ["english", "xx", "e"])
def test_refuses_an_unknown_language_code(corpus, code):
    assert "ISO 639-1" in refusal(corpus, BODY, language=code)


def test_cli_add_and_refuse(corpus, tmp_path):
    source = tmp_path / "new.txt"
    source.write_text(BODY, encoding="utf-8")
    command = [sys.executable, "-m", "helpers", "add", str(source), "--title", "T", "--outlet", "O",
               "--date", "2019-02-04", "--corpus", str(corpus)]
    first = subprocess.run(command, capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120)
    assert first.returncode == 0, first.stderr
    again = subprocess.run(command, capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120)
    assert again.returncode == 1 and "already in the corpus" in again.stderr and "Traceback" not in again.stderr


def test_refuses_a_date_with_trailing_junk(corpus):
    assert "2019-01-01xyz" in refusal(corpus, BODY, date="2019-01-01xyz")


def test_refuses_to_add_to_a_corpus_that_already_has_problems(corpus):
    (corpus / "articles" / "stray.txt").write_text("A file with no metadata row.", encoding="utf-8")
    assert "problem" in refusal(corpus, BODY)


def test_a_byte_order_mark_beats_the_declared_charset(corpus, tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(b"\xef\xbb\xbf" + PAGE.replace("windows-1252", "iso-8859-1").encode("utf-8"))
    row = add_article(page, outlet="Example Wire", corpus=corpus)
    assert "CELAC ministers meet" in row["title"]
    assert "Hugo Martínez" in (corpus / "articles" / row["file"]).read_text(encoding="utf-8")


def test_refuses_a_folder_as_the_article(corpus, tmp_path):
    assert "folder" in refusal(corpus, tmp_path)


def test_the_new_row_follows_the_files_own_column_order(tmp_path):
    root = tmp_path / "c"
    (root / "articles").mkdir(parents=True)
    (root / "metadata.csv").write_text("file,id,language,title,outlet,date,url\n", encoding="utf-8")
    row = add_article(BODY, title="T", outlet="O", date="2019-02-04", corpus=root)
    assert load_corpus(root).loc[0, "id"] == row["id"] and load_corpus(root).loc[0, "file"] == row["file"]



# ---------------------------------------------------------------- encodings and sizes (issue 23)

def test_a_utf8_page_that_declares_latin1_is_read_as_utf8(corpus, tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(PAGE.replace("windows-1252", "iso-8859-1").encode("utf-8"))  # a stale declaration
    row = add_article(page, outlet="Example Wire", corpus=corpus)
    text = (corpus / "articles" / row["file"]).read_text(encoding="utf-8")
    assert "Hugo Martínez" in text and "Ã" not in text


def test_a_latin1_page_that_declares_it_is_read_in_its_charset(corpus, tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(PAGE.replace("“", '"').replace("”", '"').replace("windows-1252", "latin-1").encode("latin-1"))
    row = add_article(page, outlet="Example Wire", corpus=corpus)
    assert "Hugo Martínez" in (corpus / "articles" / row["file"]).read_text(encoding="utf-8")


@pytest.mark.parametrize("charset", ["unicode_escape", "rot13", "base64", "no-such-charset"])
def test_a_declared_charset_that_is_no_text_encoding_of_the_web_is_not_trusted(corpus, tmp_path, charset):
    page = tmp_path / "page.html"
    body = PAGE.replace("windows-1252", charset).replace("Hugo", "C:\\new Hugo")
    page.write_bytes(body.encode("cp1252"))  # not UTF-8 (é, curly quotes), and the declaration is refused
    message = refusal(corpus, page, outlet="X")
    assert f"not valid UTF-8 nor the {charset!r} it declares (not a text encoding of the web)" in message
    page.write_bytes(body.encode("utf-8"))  # valid UTF-8: read as such, the backslash kept
    row = add_article(page, outlet="Example Wire", corpus=corpus)
    assert "C:\\new Hugo" in (corpus / "articles" / row["file"]).read_text(encoding="utf-8")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_read(corpus, tmp_path, codec):
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(codec, b"")
    source = tmp_path / "wide.txt"
    source.write_bytes(bom + BODY.replace("Ana", "Ána").encode(codec))
    row = add_article(source, title="Wide", outlet="Test Wire", date="2019-02-04", corpus=corpus)
    assert "Ána Ruiz" in (corpus / "articles" / row["file"]).read_text(encoding="utf-8")
    page = tmp_path / "wide.html"
    page.write_bytes(bom + PAGE.replace("windows-1252", "utf-16").encode(codec))
    row = add_article(page, outlet="Example Wire", corpus=corpus)
    assert "Hugo Martínez" in (corpus / "articles" / row["file"]).read_text(encoding="utf-8")


def test_utf16_without_a_byte_order_mark_is_still_binary(corpus, tmp_path):
    source = tmp_path / "wide.txt"
    source.write_bytes(BODY.encode("utf-16-le"))
    assert "binary data" in refusal(corpus, source)


def test_a_page_whose_main_text_cannot_be_found_says_so(corpus, tmp_path):
    page = tmp_path / "nested.html"
    page.write_text("<html><body>" + "<div>" * 3000 + "<p>" + BODY + "</p>" + "</div>" * 3000 + "</body></html>",
                    encoding="utf-8")
    message = refusal(corpus, page, title="T", outlet="X", date="2019-02-04")
    assert "main text could not be found" in message and "copy the article's text into a .txt file" in message


def test_a_file_or_text_over_the_size_limit_is_refused_unless_raised(corpus, tmp_path):
    before = tree_digest(corpus)
    big = tmp_path / "big.txt"
    big.write_text((BODY + "\n\n") * 2_000, encoding="utf-8")  # about 0.6 MB
    message = refusal(corpus, big, title="Big", outlet="X", date="2019-02-04", max_mb=0.5)
    assert "big.txt" in message and "more than the 0.5 MB an article may" in message and "--max-mb" in message
    text = (BODY + "\n\n") * 2_000
    assert "the text given" in refusal(corpus, text, title="Big", outlet="X", date="2019-02-04", max_mb=0.5)
    assert tree_digest(corpus) == before
    row = add_article(big, title="Big", outlet="X", date="2019-02-04", corpus=corpus, max_mb=1)
    assert (corpus / "articles" / row["file"]).stat().st_size > 500_000


def test_cli_max_mb(corpus, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text((BODY + "\n\n") * 2_000, encoding="utf-8")
    args = [sys.executable, "-m", "helpers", "add", str(big), "--title", "Big", "--outlet", "X", "--date", "2019-02-04",
            "--corpus", str(corpus)]
    refused = subprocess.run(args + ["--max-mb", "0.5"], capture_output=True, text=True, cwd=PROJECT_ROOT)
    assert refused.returncode == 1 and "more than the 0.5 MB" in refused.stderr
    added = subprocess.run(args, capture_output=True, text=True, cwd=PROJECT_ROOT)
    assert added.returncode == 0, added.stderr


def test_a_text_with_half_a_utf16_pair_is_refused_in_one_sentence(corpus):
    message = refusal(corpus, BODY + " \udfff\n")
    assert "the text given" in message and "U+DFFF" in message and "half of a UTF-16 pair" in message


@pytest.mark.parametrize("label, codec, word", [
    ("iso-8859-9", "cp1254", "Dışişleri"),      # Turkish: the Encoding Standard reads it as windows-1254
    ("windows-874", "cp874", "กระทรวง"),        # Thai
    ("x-sjis", "cp932", "外務大臣"),             # Japanese, under a label Python does not know
    ("iso-2022-jp", "iso2022_jp", "外務大臣"),   # 7-bit: valid UTF-8 byte for byte, read in its own encoding
    ("us-ascii", "cp1252", "“Martínez”"),        # browsers read ascii and latin-1 labels as windows-1252
])
def test_a_declared_charset_is_read_as_browsers_read_it(corpus, tmp_path, label, codec, word):
    body = BODY.replace("Ana Ruiz", f"Ana {word}")
    page = tmp_path / "page.html"
    page.write_bytes((f'<html><head><meta charset="{label}"><title>Ministers meet</title></head>'
                      f"<body><article><p>{body}</p></article></body></html>").encode(codec))
    row = add_article(page, title="Ministers meet", outlet="Example Wire", date="2019-02-04", corpus=corpus)
    assert f"Ana {word}" in (corpus / "articles" / row["file"]).read_text(encoding="utf-8")


def test_a_page_labelled_utf16_without_a_byte_order_mark_is_read_as_utf8(corpus, tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(PAGE.replace("windows-1252", "utf-16").encode("utf-8"))
    row = add_article(page, outlet="Example Wire", corpus=corpus)
    assert "Hugo Martínez" in (corpus / "articles" / row["file"]).read_text(encoding="utf-8")


def test_the_command_line_announces_a_large_page_before_reading_it(corpus, tmp_path, monkeypatch, capsys):
    from helpers import add

    monkeypatch.setattr(add, "ANNOUNCE_MB", 0.0001)  # 100 bytes
    page = tmp_path / "page.html"
    page.write_bytes(PAGE.encode("cp1252"))
    report = add.add_articles([page], outlet="Example Wire", corpus=corpus, progress=True)
    assert report.added and f"reading {page} (" in capsys.readouterr().err
    add.add_articles([page], outlet="Example Wire", corpus=corpus)  # from Python: quiet
    assert "reading" not in capsys.readouterr().err


@pytest.mark.parametrize("value", ["0", "-1", "nan", "inf", "five"])
def test_cli_max_mb_must_be_a_positive_number(corpus, value):
    result = subprocess.run([sys.executable, "-m", "helpers", "add", "x.txt", "--max-mb", value, "--corpus", str(corpus)],
                            capture_output=True, text=True, cwd=PROJECT_ROOT)
    assert result.returncode == 2 and "is not a positive number of megabytes" in result.stderr
    assert "Traceback" not in result.stderr
