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
    root = write_corpus(tmp_path, {"a.txt": "Text.", "b.txt": b"\xff\xfe"}, rows)
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
