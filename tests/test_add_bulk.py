"""Bulk import (`helpers add` with many files, folders, globs and a metadata sheet) and corpus hygiene."""
import csv
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.add import add_article, add_articles, recover
from helpers.corpus import CorpusError, find_problems
from helpers.hygiene import corpus_warnings, detect_language

ROOT = Path(__file__).resolve().parent.parent


_VOCABULARY = ("minister summit border trade talks vote envoy treaty sanctions aid migrants court election "
               "army police parliament budget council delegation protest ceasefire agreement oil gas grain port "
               "ship road bank loan debt tariff visa refugee camp river dam forest drought flood harvest school "
               "hospital doctor nurse teacher student union strike wage price market factory mine worker farmer").split()


def _story(topic: str, n: int = 4) -> str:
    """An invented article about ``topic``: its words drawn at random (seeded by the topic), so
    two topics share almost no run of five words, as two real articles would not."""
    rng = random.Random(topic)
    sentences = [" ".join(rng.choice(_VOCABULARY) for _ in range(12)).capitalize() + "." for _ in range(n)]
    return (f"Ministers weigh {topic}\n\n" + " ".join(sentences)
            + f" The {topic} talks will resume next month, officials said.\n")


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _sheet(path: Path, rows: list[dict]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def sources(tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    for name, topic in [("a.txt", "fishing rights"), ("b.txt", "oil prices"), ("c.txt", "border crossings")]:
        (folder / name).write_text(_story(topic), encoding="utf-8")
    return folder


def test_a_folder_with_a_sheet_goes_in_with_one_call(sources, tmp_path):
    sheet = _sheet(tmp_path / "sheet.csv", [
        {"file": "incoming/a.txt", "outlet": "Wire A", "date": "2019-05-01", "title": ""},
        {"file": "incoming/b.txt", "outlet": "Wire B", "date": "2020-01-02", "title": "A title from the sheet"},
        {"file": "c.txt", "outlet": "Wire C", "date": "2021-03-04", "title": ""},  # a bare file name works too
    ])
    corpus = tmp_path / "corpus"
    report = add_articles([sources], sheet=sheet, corpus=corpus)
    assert report.refused == [] and report.written
    rows = {row["outlet"]: row for row in report.added}
    assert rows["Wire A"]["title"] == "Ministers weigh fishing rights"  # the .txt file's headline line
    assert rows["Wire A"]["notes"] == "title from the file's first line"
    assert rows["Wire B"]["title"] == "A title from the sheet" and rows["Wire B"]["notes"] == ""
    assert rows["Wire C"]["date"] == "2021-03-04"
    assert find_problems(corpus) == []
    # the user's value for every file wins over the sheet's
    again = add_articles([tmp_path / "incoming" / "a.txt"], outlet="Mine", corpus=tmp_path / "other",
                         date="2019-01-01")
    assert again.added[0]["outlet"] == "Mine"


def test_globs_and_refusals_one_sentence_each(sources, tmp_path):
    (sources / "short.txt").write_text("Too short to be an article.\n", encoding="utf-8")
    report = add_articles([str(sources / "*.txt")], outlet="Wire", date="2019-05-01", corpus=tmp_path / "corpus")
    assert len(report.added) == 3
    assert [str(e).count(";") for e in report.refused] == [1]  # "where: problem; fix."
    assert "short.txt: the text has 6 words, too few for an article" in str(report.refused[0])


def test_all_or_nothing_leaves_the_corpus_byte_identical(sources, tmp_path):
    corpus = tmp_path / "corpus"
    add_article(_story("grain exports"), title="T", outlet="O", date="2019-02-04", corpus=corpus)
    before = _snapshot(corpus)
    (sources / "old.txt").write_text(_story("an old treaty"), encoding="utf-8")
    sheet = _sheet(tmp_path / "s.csv", [{"file": "incoming/old.txt", "date": "1985-01-01"}])
    report = add_articles([sources], sheet=sheet, outlet="Wire", date="2019-05-01", corpus=corpus,
                          all_or_nothing=True)
    assert not report.written and report.added == []
    assert "date 1985-01-01 is not plausible: it lies before 1990" in str(report.refused[0])
    assert _snapshot(corpus) == before
    # without the flag the others go in, and --force-date lets the old one in too
    assert len(add_articles([sources], sheet=sheet, outlet="Wire", date="2019-05-01", corpus=corpus).added) == 3
    forced = add_articles([sources / "old.txt"], sheet=sheet, outlet="Wire", corpus=corpus, force_date=True)
    assert forced.added[0]["date"] == "1985-01-01"


def test_duplicates_in_the_batch_and_the_corpus(sources, tmp_path):
    corpus = tmp_path / "corpus"
    (sources / "a_again.txt").write_text((sources / "a.txt").read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    report = add_articles([sources], outlet="Wire", date="2019-05-01", corpus=corpus)
    assert len(report.added) == 3
    assert "the same text is already in the corpus as" in str(report.refused[0])
    again = add_articles([sources / "b.txt"], outlet="Wire", date="2019-05-01", corpus=corpus)
    assert again.added == [] and "already in the corpus" in str(again.refused[0])


def test_near_duplicates_warn_or_are_refused(sources, tmp_path):
    story = (sources / "a.txt").read_text(encoding="utf-8")
    # the same wire story in another outlet: a few words changed, a credit line added
    (sources / "z_syndicated.txt").write_text(story.replace("officials said", "a spokesman said", 1)
                                              + "\nReporting by our correspondent.\n", encoding="utf-8")
    corpus = tmp_path / "corpus"
    report = add_articles([sources], outlet="Wire", date="2019-05-01", corpus=corpus)
    assert len(report.added) == 4
    warning = next(w for w in report.warnings if "near-duplicate" in w)
    assert warning.startswith(str(sources / "z_syndicated.txt")) and "a.txt (in this import)" in warning
    strict = add_articles([sources / "z_syndicated.txt"], outlet="Other", date="2019-05-02",
                          corpus=tmp_path / "strict", refuse_near_duplicates=True)
    assert strict.refused == []  # alone in a new corpus it repeats nothing
    add_articles([sources / "a.txt"], outlet="Wire", date="2019-05-01", corpus=tmp_path / "strict2")
    strict = add_articles([sources / "z_syndicated.txt"], outlet="Other", date="2019-05-02",
                          corpus=tmp_path / "strict2", refuse_near_duplicates=True)
    assert strict.added == [] and "(in the corpus)" in str(strict.refused[0])
    # `check` names the cluster
    from helpers import load_corpus
    warnings = corpus_warnings(load_corpus(corpus))
    assert any("near-duplicates" in w and "," in w for w in warnings)


def test_language_is_detected_and_a_mismatch_flagged(sources, tmp_path):
    spanish = ("Ministros discuten la frontera\n\nLos ministros de relaciones exteriores discutieron ayer la "
               "situación de la frontera en una reunión en la capital, según dijeron fuentes oficiales. "
               "Las conversaciones continuarán el próximo mes con representantes de ambos países.\n")
    (sources / "es.txt").write_text(spanish, encoding="utf-8")
    assert detect_language(spanish)[0] == "es"
    report = add_articles([sources / "es.txt"], outlet="Wire", date="2019-05-01", corpus=tmp_path / "c")
    assert report.added and any("reads as 'es'" in w and "not 'en'" in w for w in report.warnings)
    stated = add_articles([sources / "es.txt"], outlet="Wire", date="2019-05-01", language="es",
                          corpus=tmp_path / "d")
    assert not any("reads as" in w for w in stated.warnings)


def test_a_saved_page_gives_title_outlet_date_and_canonical_url(tmp_path):
    body = " ".join(f"<p>Foreign ministers met on day {i} to discuss the border, officials said in a statement.</p>"
                    for i in range(6))
    page = tmp_path / "page.html"
    page.write_text(f"""<html><head><title>Ministers meet | Example Wire</title>
<meta property="og:title" content="Ministers meet on the border">
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2019-05-01T10:00:00Z">
<link rel="canonical" href="https://example.org/news/ministers-meet">
</head><body><article><h1>Ministers meet on the border</h1>{body}</article></body></html>""", encoding="utf-8")
    report = add_articles([page], corpus=tmp_path / "corpus")
    row = report.added[0]
    assert (row["title"], row["outlet"], row["date"], row["url"]) == (
        "Ministers meet on the border", "Example Wire", "2019-05-01", "https://example.org/news/ministers-meet")
    assert row["notes"] == ("title from the page's meta tags; outlet from the page's meta tags; "
                            "date from the page's meta tags; url from the page's meta tags")


_KILLER = """
import os, sys
events = {"n": 0}
def killing(real):
    def step(*args, **kwargs):
        events["n"] += 1
        if events["n"] > int(sys.argv[1]):
            os._exit(9)  # killed: no clean-up of any kind runs
        return real(*args, **kwargs)
    return step
os.replace, os.fsync, os.unlink = killing(os.replace), killing(os.fsync), killing(os.unlink)
from helpers.add import add_articles
add_articles([sys.argv[2]], outlet="Wire", date="2019-05-01", corpus=sys.argv[3])
"""


def test_a_kill_in_the_middle_of_an_import_is_undone(sources, tmp_path):
    corpus = tmp_path / "corpus"
    add_article(_story("grain exports"), title="T", outlet="O", date="2019-02-04", corpus=corpus)
    before = _snapshot(corpus)
    # three articles: each staged (fsync), the journal written (fsync, replace), each moved in (replace),
    # metadata.csv written (fsync, replace), the journal removed (unlink): 11 steps; a kill before each
    messages = []
    for allowed in range(30):  # the first steps are the cache's (outside the corpus), then the import's
        result = subprocess.run([sys.executable, "-c", _KILLER, str(allowed), str(sources), str(corpus)],
                                cwd=ROOT, capture_output=True, text=True,
                                env={**os.environ, "NEWS_CACHE": str(tmp_path / "cache")})
        if result.returncode == 0:
            break  # every step allowed: the import finished
        assert result.returncode == 9, result.stderr
        messages.append(recover(corpus))
        after = _snapshot(corpus)
        if after != before:  # stopped once metadata.csv was replaced: the import is complete
            assert len(after) == len(before) + 3 and find_problems(corpus) == []
            assert not (corpus / ".adding.json").exists()
            break
    assert sum(m is not None for m in messages) >= 9  # a kill at each write into the corpus was undone
    assert "stopped before it finished" in [m for m in messages if m][0]


def test_command_line_bulk_add_and_check(sources, tmp_path):
    corpus = tmp_path / "corpus"
    run = [sys.executable, "-m", "helpers"]
    env = {**os.environ, "NEWS_CACHE": str(tmp_path / "cache")}
    (sources / "short.txt").write_text("Too short.\n", encoding="utf-8")
    added = subprocess.run([*run, "add", str(sources), "--outlet", "Wire", "--date", "2019-05-01", "--corpus", str(corpus)],
                           cwd=ROOT, capture_output=True, text=True, env=env)
    assert added.returncode == 1  # one refusal
    assert "3 article(s) added, 1 refused." in added.stdout
    assert added.stderr.strip().endswith("give the article's full text (at least 25 words).")
    checked = subprocess.run([*run, "check", "--corpus", str(corpus)], cwd=ROOT, capture_output=True, text=True, env=env)
    assert checked.returncode == 0 and "ok, 3 articles" in checked.stdout


def test_add_article_still_raises_one_sentence(tmp_path):
    with pytest.raises(CorpusError, match="date '2019-13-01' does not parse"):
        add_article(_story("tariffs"), title="T", outlet="O", date="2019-13-01", corpus=tmp_path / "c")
    assert not (tmp_path / "c" / "metadata.csv").exists()


def test_for_analysis_keeps_the_earliest_of_a_cluster_and_english_only():
    import pandas as pd
    from helpers.hygiene import for_analysis, left_out_sentence

    story = _story("fishing rights", n=6)
    spanish = ("Los ministros de relaciones exteriores discutieron ayer la situación de la frontera en una reunión "
               "en la capital, según dijeron fuentes oficiales del gobierno y de la oposición.")
    frame = pd.DataFrame({
        "id": ["late", "early", "other", "es"], "file": ["l.txt", "e.txt", "o.txt", "s.txt"],
        "title": ["L", "E", "O", "S"], "outlet": ["Paper", "Wire", "Wire", "Diario"],
        "date": pd.to_datetime(["2019-05-03", "2019-05-01", "2019-05-02", "2019-05-02"]),
        "language": ["en", "en", "en", "en"],
        "text": [story.replace("officials said", "sources said", 1), story, _story("oil prices"), spanish]})
    kept, left = for_analysis(frame)
    assert kept["id"].tolist() == ["early", "other"]
    reasons = dict(zip(left["id"], left["reason"]))
    assert reasons["late"].startswith("near-duplicate of Wire, 2019-05-01 (")
    assert reasons["es"] == "reads as 'es'"
    assert left_out_sentence(left, len(kept)) == ("2 of 4 articles are left out: 1 near-duplicate (one article of "
                                                  "each cluster is kept) and 1 not in English.")
    everything, nothing = for_analysis(frame, one_per_cluster=False, english_only=False)
    assert len(everything) == 4 and nothing.empty


_ADDER = """
import sys
from pathlib import Path
from helpers.add import add_articles
report = add_articles([sys.argv[1]], outlet="Wire", date="2019-05-01", corpus=sys.argv[2])
print(len(report.added), len(report.refused))
"""


def test_two_imports_at_once_take_turns_and_lose_nothing(tmp_path):
    corpus = tmp_path / "corpus"
    folders = []
    for side in ("left", "right"):
        folder = tmp_path / side
        folder.mkdir()
        for k in range(4):
            (folder / f"{k}.txt").write_text(_story(f"{side} topic number {k} and its {side} consequences"), encoding="utf-8")
        folders.append(folder)
    env = {**os.environ, "NEWS_CACHE": str(tmp_path / "cache")}
    for _ in range(3):
        runs = [subprocess.Popen([sys.executable, "-c", _ADDER, str(f), str(corpus)], cwd=ROOT, env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in folders]
        outputs = [run.communicate()[0].split() for run in runs]
        assert all(run.returncode == 0 for run in runs)
        rows = (corpus / "metadata.csv").read_text(encoding="utf-8").strip().splitlines()[1:]
        assert find_problems(corpus) == []
        assert outputs == [["4", "0"], ["4", "0"]] and len(rows) == 8  # every row of both imports is there
        shutil.rmtree(corpus)


def test_partial_dates_are_kept_as_written_and_read_at_their_middle(sources, tmp_path):
    from helpers import load_corpus
    from helpers.overview import article_table, period_dates

    corpus = tmp_path / "corpus"
    sheet = _sheet(tmp_path / "s.csv", [{"file": "incoming/a.txt", "date": "2019-05"},
                                        {"file": "incoming/b.txt", "date": "2018"},
                                        {"file": "incoming/c.txt", "date": "2019-05-03"}])
    report = add_articles([sources], sheet=sheet, outlet="Wire", corpus=corpus)
    assert sorted(row["date"] for row in report.added) == ["2018", "2019-05", "2019-05-03"]
    articles = load_corpus(corpus).set_index("title")
    a, b = articles.loc["Ministers weigh fishing rights"], articles.loc["Ministers weigh oil prices"]
    assert (str(a["date"].date()), a["date_precision"]) == ("2019-05-15", "month")
    assert (str(b["date"].date()), b["date_precision"]) == ("2018-07-01", "year")
    shown = article_table(load_corpus(corpus)).set_index("title")["date"]
    assert shown["Ministers weigh oil prices"] == "2018"
    by_month = period_dates(load_corpus(corpus), "M")
    assert by_month.isna().sum() == 1  # the year alone is not placed in a month
    for bad, why in [("2019-13", "does not parse"), ("2031", "lies in the future"), ("1985", "before 1990")]:
        refused = add_articles([sources / "a.txt"], outlet="Wire", date=bad, corpus=tmp_path / "other")
        assert why in str(refused.refused[0]), bad


def test_check_accepts_a_month_or_year_and_refuses_other_shapes(tmp_path):
    from helpers.corpus import find_problems

    root = tmp_path / "c"
    (root / "articles").mkdir(parents=True)
    rows = []
    for k, value in enumerate(["2019", "2019-05", "2019-05-01", "19-05-01", "2019-02-30", "May 2019"]):
        (root / "articles" / f"{k}.txt").write_text(_story(f"topic {k}"), encoding="utf-8")
        rows.append(f"{k},{k}.txt,T,O,{value},,en")
    (root / "metadata.csv").write_text("id,file,title,outlet,date,url,language\n" + "\n".join(rows) + "\n", encoding="utf-8")
    problems = [str(p) for p in find_problems(root)]
    assert len(problems) == 3 and all("does not parse; write it as YYYY-MM-DD" in p for p in problems)
    assert [p.split("line ")[1].split(":")[0] for p in problems] == ["5", "6", "7"]


def test_a_footer_every_article_carries_makes_no_near_duplicates():
    from helpers.hygiene import near_duplicate_pairs

    rng = random.Random(5)
    footer = " ".join(rng.choice(_VOCABULARY) for _ in range(150))  # an outlet's long footer on every page
    texts = {f"a{k}": _story(f"topic {k}", n=3) + "\n" + footer for k in range(60)}
    texts["copy"] = texts["a7"].replace("officials said", "a spokesman said")
    assert [(a, b) for a, b, _ in near_duplicate_pairs(texts)] == [("a7", "copy")]


def test_no_article_is_left_out_through_a_chain_and_the_fullest_copy_is_kept():
    import pandas as pd
    from helpers.hygiene import for_analysis

    rng = random.Random(9)
    words = lambda n: " ".join(rng.choice(_VOCABULARY) + str(rng.randint(0, 99)) for _ in range(n))
    first, second, third = words(60), words(60), words(60)
    # A = first+second, B = second+third (shares half with A), C = third+more (shares half with B, nothing with A)
    texts = {"A": first + " " + second, "B": second + " " + third, "C": third + " " + words(60)}
    frame = pd.DataFrame({"id": list(texts), "file": [f"{k}.txt" for k in texts], "title": list(texts),
                          "outlet": ["X", "Y", "Z"], "date": pd.to_datetime(["2019-05-01"] * 3),
                          "language": ["en"] * 3, "text": list(texts.values())})
    kept, left = for_analysis(frame, english_only=False)
    assert sorted(kept["id"]) == ["A", "C"] and left["id"].tolist() == ["B"]  # C resembles only B, which is gone
    brief = pd.DataFrame({"id": ["brief", "full"], "file": ["b.txt", "f.txt"], "title": ["b", "f"], "outlet": ["X", "Y"],
                          "date": pd.to_datetime(["2019-05-01", "2019-05-02"]), "language": ["en", "en"],
                          "text": [first, first + " " + second + " " + third]})
    kept, left = for_analysis(brief, english_only=False)
    assert kept["id"].tolist() == ["full"]  # the fuller copy stays, although published a day later


def test_a_sheet_names_files_by_their_folder_and_says_which_rows_matched_nothing(tmp_path):
    for year in ("2019", "2020"):
        (tmp_path / "in" / year).mkdir(parents=True)
        (tmp_path / "in" / year / "a.txt").write_text(_story(f"story of {year}"), encoding="utf-8")
    sheet = _sheet(tmp_path / "in" / "sheet.csv", [{"file": "2019/a.txt", "outlet": "Wire", "date": "2019-03-01"},
                                                   {"file": "2019/typo.txt", "outlet": "Wire", "date": "2019-03-02"}])
    report = add_articles([tmp_path / "in"], sheet=sheet, corpus=tmp_path / "c")
    assert [row["date"] for row in report.added] == ["2019-03-01"]  # 2020/a.txt is not given 2019/a.txt's row
    assert "no outlet was given" in str(report.refused[0]) and "2020" in str(report.refused[0])
    assert any("typo.txt matches no file given" in w for w in report.warnings)
    twice = _sheet(tmp_path / "twice.csv", [{"file": "in/2019/a.txt", "outlet": "A"}, {"file": "in/2019/a.txt", "outlet": "B"}])
    with pytest.raises(CorpusError, match="line 3: file 'in/2019/a.txt' has a row already"):
        add_articles([tmp_path / "in"], sheet=twice, corpus=tmp_path / "d")


def test_hidden_folders_are_skipped_and_the_current_year_is_no_future(sources, tmp_path):
    (sources / ".ipynb_checkpoints").mkdir()
    (sources / ".ipynb_checkpoints" / "a-checkpoint.txt").write_text(_story("stale copy"), encoding="utf-8")
    this_year = str(__import__("datetime").date.today().year)
    report = add_articles([sources], outlet="Wire", date=this_year, corpus=tmp_path / "c")
    assert len(report.added) == 3 and report.refused == []
    assert all(row["date"] == this_year for row in report.added)


def test_corpus_pairs_are_cached_for_exactly_these_texts(tmp_path, monkeypatch):
    from helpers import hygiene

    monkeypatch.setenv("NEWS_CACHE", str(tmp_path / "cache"))
    texts = {f"a{k}": _story(f"topic {k}", n=3) for k in range(8)}
    texts["copy"] = texts["a3"] + " A spokesman added nothing."
    first = hygiene.corpus_pairs(texts)
    assert [(a, b) for a, b, _ in first] == [("a3", "copy")]
    calls = []
    real = hygiene.near_duplicate_pairs
    monkeypatch.setattr(hygiene, "near_duplicate_pairs", lambda *a, **k: calls.append(1) or real(*a, **k))
    assert hygiene.corpus_pairs(texts) == first and calls == []  # the same corpus: read back, not recomputed
    texts["copy2"] = texts["a5"] + " Nothing more was said."
    assert sorted((a, b) for a, b, _ in hygiene.corpus_pairs(texts)) == [("a3", "copy"), ("a5", "copy2")]
    assert calls == [1]  # one article more: asked anew


def test_check_warns_of_an_article_larger_than_add_takes(monkeypatch):
    import pandas as pd
    from helpers import config

    monkeypatch.setattr(config, "MAX_ARTICLE_MB", 0.001)  # 1,000 bytes
    frame = pd.DataFrame({"file": ["small.txt", "big.txt"], "language": ["en", "en"],
                          "text": [_story("small", n=2), _story("big", n=40)]})
    warnings = [w for w in corpus_warnings(frame) if "MB of text" in w]
    assert len(warnings) == 1 and warnings[0].startswith("big.txt holds") and "split it into its articles" in warnings[0]


def test_corpus_pairs_keep_the_order_and_the_keys_they_were_given(tmp_path, monkeypatch):
    from helpers import hygiene

    monkeypatch.setenv("NEWS_CACHE", str(tmp_path / "cache"))
    a = _story("alpha", n=3)
    assert [(x, y) for x, y, _ in hygiene.corpus_pairs({"a": a, "b": a + " More."})] == [("a", "b")]
    assert [(x, y) for x, y, _ in hygiene.corpus_pairs({"b": a + " More.", "a": a})] == [("b", "a")]
    assert [(x, y) for x, y, _ in hygiene.corpus_pairs({1: a, 2: a + " More."})] == [(1, 2)]
