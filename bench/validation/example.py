"""A filled speaker-check sheet from the real-news development pages (never a test).

    .venv/bin/python bench/validation/example.py

What `python -m helpers validate sample` and `validate report` do on a researcher's corpus, done
here on the 80 development pages of bench/realnews: 100 quotations drawn (seed 0), stratified by
rule and confidence, and the right_speaker column filled from the pages' hand annotation as a
careful reviewer would ("ok" when the predicted speaker is the annotated one or a name it
accepts, else the annotated speaker, "none" for quoted words the annotators did not list as
speech). Writes realnews_development_filled.csv beside this file (replacing it) and prints the
report, which can be set beside the scorecard's speaker accuracy for the same pages.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

from helpers import validate
from helpers.corpus import read_article
from helpers.quotes import extract_quotes
from helpers.score import pair_quotes, speaker_is_right

ROOT = Path(__file__).resolve().parent.parent.parent
SET = ROOT / "bench" / "realnews"
OUT = Path(__file__).resolve().parent / "realnews_development_filled.csv"


def main() -> int:
    gold = json.loads((SET / "gold_development.json").read_text(encoding="utf-8"))["articles"]
    texts = {name: read_article(SET / "pages" / name) for name in sorted(gold)}
    quotes = pd.concat([extract_quotes(text, article_id=name) for name, text in texts.items()], ignore_index=True)
    sheet = validate.draw_sample(quotes, n=100, seed=0, texts=texts)
    answers = []
    for row in sheet.itertuples():
        items = gold[row.article]
        pairs = pair_quotes(items, [{"quote": row.quote}])
        if not pairs:
            answers.append("none")
        elif speaker_is_right(row.predicted_speaker or None, items[pairs[0][0]]):
            answers.append("ok")
        else:
            answers.append(items[pairs[0][0]]["speaker"])
    sheet["right_speaker"] = answers
    sheet["note"] = "filled from bench/realnews/annotations"
    OUT.unlink(missing_ok=True)
    validate.write_sheet(sheet, OUT)
    result = validate.report(validate.read_sheet(OUT))
    print(result.summary())
    print(result.by_confidence.to_string(index=False, float_format=lambda x: f"{x:.2f}"))
    print(result.by_rule.to_string(index=False, float_format=lambda x: f"{x:.2f}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
