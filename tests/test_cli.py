"""The command line: exit codes and one plain sentence on stderr for bad input."""
from __future__ import annotations

import subprocess
import sys

from conftest import PROJECT_ROOT, SEED_CORPUS, write_corpus


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "helpers", *args], capture_output=True, text=True,
                          cwd=PROJECT_ROOT, timeout=120)


def test_check_passes_on_the_seed_fixture():
    result = run("check", "--corpus", str(SEED_CORPUS))
    assert result.returncode == 0, result.stderr
    assert "5 articles" in result.stdout


def test_check_lists_each_problem_without_traceback(tmp_path):
    rows = [{"id": "a", "file": "a.txt", "date": "soon"}, {"id": "b", "file": "b.txt"}]
    root = write_corpus(tmp_path, {"a.txt": "Text.", "b.txt": b"caf\xe9 au lait"}, rows)
    result = run("check", "--corpus", str(root))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and "Traceback" not in result.stderr
    assert any("b.txt" in line and "UTF-8" in line for line in lines)


def test_check_on_missing_folder(tmp_path):
    result = run("check", "--corpus", str(tmp_path / "nowhere"))
    assert result.returncode == 1 and "does not exist" in result.stderr and "Traceback" not in result.stderr


def test_make_run_on_a_missing_corpus_is_one_sentence(tmp_path):
    missing = tmp_path / "no-such-corpus"
    result = subprocess.run(["make", "run", f"CORPUS={missing}", f"FIGURES={tmp_path / 'figures'}"],
                            cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0 and "Traceback" not in result.stderr + result.stdout
    sentence = [line for line in result.stderr.splitlines() if str(missing) in line]
    assert len(sentence) == 1 and "does not exist" in sentence[0] and "create it" in sentence[0]
    assert not (tmp_path / "figures").exists()


def test_quotes_on_a_folder_goes_on_after_a_bad_file(tmp_path):
    import json
    import os

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text('"We will not allow it," the minister said on Monday in Caracas.\n', encoding="utf-8")
    (folder / "b.txt").write_bytes(b"binary\x00data")
    (folder / "c.txt").write_text('"Talks will resume," the envoy said after the meeting.\n', encoding="utf-8")
    result = run("quotes", str(folder))
    assert result.returncode == 1  # one file was bad
    assert sorted(json.loads(result.stdout)["articles"]) == ["a.txt", "c.txt"]  # the others are all there
    assert result.stderr.strip().splitlines() == [f"{folder / 'b.txt'}: the file holds binary data, not text; "
                                                  "give the article as a UTF-8 .txt file."]
    os.mkfifo(tmp_path / "pipe.txt")
    piped = run("quotes", str(tmp_path / "pipe.txt"))  # would wait for ever if it were read
    assert piped.returncode == 1 and "this is not a regular file" in piped.stderr


def test_quotes_into_a_pipe_closed_early_is_not_an_error(tmp_path):
    seed = sorted((SEED_CORPUS / "articles").glob("*.txt"))[0].read_text(encoding="utf-8")
    for k in range(80):  # far more output than a pipe holds, so the writer meets the closed pipe
        (tmp_path / f"copy{k:02d}.txt").write_text(seed, encoding="utf-8")
    result = subprocess.run(f"{sys.executable} -m helpers quotes {tmp_path} | head -c 10",
                            shell=True, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
    assert result.stdout == '{\n "articl'
    assert "Broken pipe" not in result.stderr and "Traceback" not in result.stderr
