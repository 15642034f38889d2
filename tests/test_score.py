"""The project's quote scorer: matching, speakers, ignored spans, and its command line."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from helpers.score import pair_quotes, score, speaker_is_right
from conftest import GOLD, PROJECT_ROOT, SEEDS


def gold_of(*quotes: dict, ignore: list[dict] | None = None) -> dict:
    document = {"articles": {"a.txt": list(quotes)}}
    if ignore:
        document["ignore"] = {"a.txt": ignore}
    return document


def predicted(*quotes: dict) -> dict:
    return {"articles": {"a.txt": list(quotes)}}


def test_a_match_needs_half_of_each_sides_words():
    gold = [{"quote": "one two three four"}]
    assert pair_quotes(gold, [{"quote": "one two"}]) == [(0, 0)]            # 2 of 4 and 2 of 2
    assert pair_quotes(gold, [{"quote": "one"}]) == []                      # 1 of 4
    assert pair_quotes(gold, [{"quote": "one two five six seven"}]) == []   # 2 of 5 on its side


def test_one_long_prediction_cannot_match_two_quotes():
    gold = [{"quote": "we will resist"}, {"quote": "the people decide"}, {"quote": "elections come soon"}]
    assert len(pair_quotes(gold[:2], [{"quote": "we will resist the people decide"}])) == 1
    assert pair_quotes(gold, [{"quote": "we will resist the people decide elections come soon"}]) == []


def test_matching_is_one_to_one_and_the_closest_pair_wins():
    gold = [{"quote": "we will not allow it"}]
    pairs = pair_quotes(gold, [{"quote": "we will not allow"}, {"quote": "We will not allow it!"}])
    assert pairs == [(0, 1)]


def test_words_fold_case_accents_and_curly_apostrophes():
    gold = [{"quote": "Venezuela’s RÉGIME"}]
    assert pair_quotes(gold, [{"quote": "venezuela's regime"}]) == [(0, 0)]


@pytest.mark.parametrize("guess, right", [
    ("Bruno Rodríguez", True), ("bruno rodriguez", True), ("Rodriguez", True), ("B. Rodriguez", False),
    ("Delcy Rodriguez", False), ("Cuba's foreign minister", True), ("", False), (None, False),
])
def test_speaker_rules_for_a_person(guess, right):
    gold = {"speaker": "Bruno Rodríguez", "accept": ["Cuba's foreign minister"]}
    assert speaker_is_right(guess, gold) is right


def test_a_body_needs_its_name_or_an_accepted_one():
    gold = {"speaker": "Lima Group", "person": False, "accept": ["the group"]}
    assert speaker_is_right("the Group", gold) and speaker_is_right("LIMA GROUP", gold)
    assert not speaker_is_right("Group", gold)


def test_scores_count_misses_wrong_speakers_and_extra_predictions():
    gold = gold_of({"quote": "We will resist", "speaker": "Nicolás Maduro"},
                   {"quote": "Free elections now", "speaker": "Juan Guaidó", "kind": "full"},
                   {"quote": "illegitimate", "speaker": "Mike Pompeo", "kind": "fragment"})
    guess = predicted({"quote": "We will resist", "speaker": "Maduro"},
                      {"quote": "illegitimate", "speaker": "Guaidó"},
                      {"quote": "a new dawn", "speaker": None})
    result = score(gold, guess)
    assert (result["gold"], result["predicted"], result["matched"]) == (3, 3, 2)
    assert result["precision"] == result["recall"] == result["f1"] == 0.667
    assert result["full_recall"] == 0.5 and result["speaker_accuracy"] == 0.5
    assert result["attributed_f1"] == 0.333
    assert len(result["errors"]) == 2 and any("missed (Juan Guaidó)" in e for e in result["errors"])


def test_ignored_spans_count_neither_way_unless_they_match_a_gold_quote():
    gold = gold_of({"quote": "We will resist", "speaker": "Nicolás Maduro"}, ignore=[{"quote": "coup"}, {"quote": "we will resist"}])
    guess = predicted({"quote": "We will resist", "speaker": "Maduro"}, {"quote": "coup", "speaker": None})
    result = score(gold, guess)
    assert (result["predicted"], result["matched"], result["precision"]) == (1, 1, 1.0)


def test_articles_only_in_the_predictions_are_left_out_and_missing_ones_count_as_empty():
    gold = {"articles": {"a.txt": [{"quote": "We will resist", "speaker": "Maduro"}], "b.txt": []}}
    guess = {"articles": {"c.txt": [{"quote": "Elsewhere", "speaker": "X"}]}}
    result = score(gold, guess)
    assert (result["gold"], result["predicted"], result["recall"], result["f1"]) == (1, 0, 0.0, 0.0)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "helpers", *args], capture_output=True, text=True,
                          cwd=PROJECT_ROOT, timeout=120)


def test_cli_scores_the_seed_fixture_against_its_gold(tmp_path):
    predictions = tmp_path / "predictions.json"
    predictions.write_text(run("quotes", str(SEEDS)).stdout, encoding="utf-8")
    result = run("score", str(GOLD), str(predictions), "--json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["gold"] == 29 and scores["f1"] >= 0.95 and scores["speaker_accuracy"] >= 0.95
    line = run("score", str(GOLD), str(predictions)).stdout.strip().splitlines()[-1]
    assert line.startswith("gold=29 predicted=") and "speaker_accuracy=" in line


@pytest.mark.parametrize("content, words", [
    (None, "does not exist"), ("{not json", "not valid JSON"), ('{"articles": []}', "not of the shape"),
])
def test_cli_refuses_a_bad_file_in_one_sentence(tmp_path, content, words):
    bad = tmp_path / "bad.json"
    if content is not None:
        bad.write_text(content, encoding="utf-8")
    result = run("score", str(GOLD), str(bad))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert words in result.stderr and str(bad) in result.stderr and len(result.stderr.strip().splitlines()) == 1
