"""The speaker check on a researcher's own corpus: sample, fill, report (helpers/validate.py)."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from conftest import GOLD, SEED_CORPUS
from helpers import validate
from helpers.__main__ import main
from helpers.clean import clean_corpus
from helpers.corpus import CorpusError, load_corpus
from helpers.quotes import quotes_for_corpus
from helpers.score import pair_quotes, speaker_is_right


@pytest.fixture(scope="module")
def seed_quotes():
    articles = clean_corpus(load_corpus(SEED_CORPUS))
    return articles, quotes_for_corpus(articles)


def test_every_quote_has_a_confidence_that_follows_its_cue(seed_quotes):
    _, quotes = seed_quotes
    assert set(quotes["confidence"]) <= {"high", "medium", "low", "none"}
    assert (quotes["confidence"].eq("none") == quotes["speaker"].isna()).all()
    weak = quotes["cue"].isin(["previous sentence", "next sentence", "sentence subject"])
    assert quotes.loc[weak, "confidence"].eq("low").all()


def test_the_sample_is_seeded_stratified_and_the_size_asked_for(seed_quotes):
    articles, quotes = seed_quotes
    texts = dict(zip(articles["id"], articles["clean_text"]))
    sheet = validate.draw_sample(quotes, n=12, seed=3, texts=texts)
    assert len(sheet) == 12
    assert sheet.columns.tolist() == validate.SHEET_COLUMNS
    assert sheet.equals(validate.draw_sample(quotes, n=12, seed=3, texts=texts))
    assert not sheet.equals(validate.draw_sample(quotes, n=12, seed=4, texts=texts))
    sizes = sheet.groupby("stratum")["stratum_size"].first()
    assert sizes.sum() == len(quotes)  # every quotation belongs to one stratum
    drawn = sheet["stratum"].value_counts()
    assert all(drawn[s] >= min(2, sizes[s]) for s in drawn.index)
    assert sheet["right_speaker"].eq("").all()
    assert all("[[" + q + "]]" in " ".join(c.split()) or q not in c for q, c in zip(sheet["quote"], sheet["context"]))


def test_asking_for_more_than_there_is_takes_everything(seed_quotes):
    _, quotes = seed_quotes
    assert len(validate.draw_sample(quotes, n=1000)) == len(quotes)


@pytest.mark.parametrize("predicted, answer, verdict", [
    ("Bruno Rodriguez", "ok", True), ("Bruno Rodriguez", "OK ", True), ("Bruno Rodriguez", "", None),
    ("Bruno Rodriguez", "Rodriguez", True), ("Rodriguez", "Bruno Rodríguez", True),
    ("Delcy Rodriguez", "Bruno Rodriguez", False), ("Bruno Rodriguez", "none", False),
    (None, "none", True), (None, "Bruno Rodriguez", False), (float("nan"), "-", True),
])
def test_a_reviewers_answer_is_read_as_right_wrong_or_not_reviewed(predicted, answer, verdict):
    assert validate.judge(predicted, answer) is verdict


def test_wilson_interval_matches_the_textbook_value():
    low, high = validate.wilson(8, 10)
    assert round(low, 3) == 0.490 and round(high, 3) == 0.943
    assert validate.wilson(10, 10)[1] == 1.0 and validate.wilson(0, 10)[0] == 0.0


def _filled_from_gold(sheet: pd.DataFrame) -> pd.DataFrame:
    """right_speaker filled from the seeds' hand annotation: what a careful reviewer would write."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
    by_id = {name.removesuffix(".txt"): items for name, items in gold.items()}
    answers = []
    for row in sheet.itertuples():
        items = by_id.get(row.article, [])
        pairs = pair_quotes(items, [{"quote": row.quote}])
        if not pairs:
            answers.append("none")
        elif speaker_is_right(row.predicted_speaker or None, items[pairs[0][0]]):
            answers.append("ok")  # a name the annotation accepts for that speaker
        else:
            answers.append(items[pairs[0][0]]["speaker"])
    return sheet.assign(right_speaker=answers)


def test_the_round_trip_agrees_with_the_scorer_on_the_seeds(seed_quotes, tmp_path):
    articles, quotes = seed_quotes
    sheet = validate.draw_sample(quotes, n=len(quotes), texts=dict(zip(articles["id"], articles["clean_text"])))
    path = validate.write_sheet(_filled_from_gold(sheet), tmp_path / "sheet.csv")
    result = validate.report(validate.read_sheet(path))
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
    right = 0
    for name, items in gold.items():
        mine = quotes[quotes["article"] == name.removesuffix(".txt")].to_dict("records")
        right += sum(speaker_is_right(mine[p]["speaker"], items[g]) for g, p in pair_quotes(items, mine))
    assert result.overall.loc[0, "reviewed"] == len(quotes)
    assert result.overall.loc[0, "right"] == right
    assert result.estimated_wrong == pytest.approx(len(quotes) - right)
    assert result.summary().startswith(f"{right} of {len(quotes)} reviewed speakers are right")


def test_a_wrong_stratum_raises_the_estimate_by_its_size():
    sheet = pd.DataFrame({"stratum": ["a", "a", "b", "b"], "stratum_size": ["1000", "1000", "10", "10"],
                          "cue": ["said", "said", "previous sentence", "previous sentence"],
                          "confidence": ["high", "high", "low", "low"],
                          "predicted_speaker": ["Ana Diaz"] * 4, "right_speaker": ["ok", "Tom Lee", "ok", "ok"]})
    result = validate.report(sheet)
    assert result.estimated_wrong == pytest.approx(500)
    assert result.by_confidence.set_index("confidence").loc["high", "accuracy"] == 0.5
    assert result.by_rule["rule"].tolist() == ["reporting verb", "sentence around it"]


def test_an_existing_sheet_is_never_overwritten(tmp_path, seed_quotes):
    _, quotes = seed_quotes
    path = tmp_path / "sheet.csv"
    path.write_text("someone's answers", encoding="utf-8")
    with pytest.raises(CorpusError, match="already exists"):
        validate.write_sheet(validate.draw_sample(quotes, n=3), path)
    assert path.read_text(encoding="utf-8") == "someone's answers"
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.csv"]


@pytest.mark.parametrize("content, problem", [
    ("a,b\n1,2\n", "columns stratum, stratum_size, predicted_speaker, right_speaker are missing"),
    ("stratum,stratum_size,predicted_speaker,right_speaker\nx,many,Ana,ok\n", "stratum_size holds 'many'"),
])
def test_a_broken_sheet_is_refused_in_one_sentence(tmp_path, content, problem):
    path = tmp_path / "sheet.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError, match=problem):
        validate.read_sheet(path)


def test_a_sheet_saved_in_another_encoding_is_refused(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_bytes("stratum,right_speaker\nx,Rodríguez\n".encode("utf-16"))
    with pytest.raises(CorpusError, match="UTF-8"):
        validate.read_sheet(path)


def test_the_command_line_round_trip(tmp_path, capsys):
    out = tmp_path / "check.csv"
    assert main(["validate", "sample", "--corpus", str(SEED_CORPUS), "--n", "6", "--out", str(out)]) == 0
    assert "fill right_speaker" in capsys.readouterr().out
    sheet = pd.read_csv(out, dtype=str, keep_default_na=False)
    sheet["right_speaker"] = ["ok"] * (len(sheet) - 1) + ["Nobody Known"]
    sheet.to_csv(out, index=False)
    assert main(["validate", "report", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith(f"{len(sheet) - 1} of {len(sheet)} reviewed speakers are right")
    assert "by confidence" in printed
    assert main(["validate", "sample", "--corpus", str(SEED_CORPUS), "--out", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err


def test_context_can_come_from_the_files_text(seed_quotes):
    articles, quotes = seed_quotes
    sheet = validate.draw_sample(quotes, n=5, seed=1, texts=dict(zip(articles["id"], articles["text"])),
                                 offsets=("file_start", "file_end"))
    for quote, context in zip(sheet["quote"], sheet["context"]):
        assert "[[" + " ".join(quote.split()) + "]]" in context
