"""Score predicted quotations against hand-annotated ("gold") ones.

    python -m helpers score GOLD.json PREDICTIONS.json [--json]

Both files have the shape that ``python -m helpers quotes`` prints::

    {"articles": {"<file name>": [{"quote": "...", "speaker": "..."}, ...]}}

Other keys (``start``, ``cue``, ``kind`` ...) may be present; a predicted speaker may be null.

How a prediction is matched
    Within one article, a predicted quote and a gold quote *match* when the words they share are
    at least half of the gold quote's words and at least half of the prediction's (words are
    lower-cased, accent-free runs of letters, digits and apostrophes, counted once each). So one
    long prediction cannot swallow several gold quotes. Matching is one-to-one: the pairs that
    overlap most (Jaccard index) are taken first.

Which speaker is right
    After folding case, accents and punctuation, a predicted speaker is right when it equals the
    gold ``speaker`` or one of its ``accept`` (or ``alt_speakers``) names; or, when the gold
    speaker is a person (``"person": false`` marks a body such as a government), when it has the
    same last name and either no first name or the same first name ("Rodriguez" and "Bruno
    Rodriguez" are right for Bruno Rodriguez; "Delcy Rodriguez" is not).

Spans to ignore
    A gold file may list, per article, ``"ignore": {"<file name>": [{"quote": "..."}]}``: titles,
    scare quotes and other quoted words that are not speech. A prediction that matches one of them
    and no gold quote counts neither as right nor as wrong.

Articles listed in the gold file but missing from the predictions count as having no predictions;
articles only in the predictions are left out.

The scores
    ``precision`` and ``recall`` of finding quotes, their harmonic mean ``f1``; ``full_recall``,
    the recall of gold quotes of kind "full" (whole statements, not fragments);
    ``speaker_accuracy``, the share of matched quotes with the right speaker; ``attributed_f1``,
    the F1 of quotes found *with* the right speaker. Each is rounded to three decimals.
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .text import fold

SCORE_KEYS = ("gold", "predicted", "matched", "precision", "recall", "f1", "full_recall",
              "speaker_accuracy", "attributed_f1")
_WORD = re.compile(r"[a-z0-9']+")


def plain(text: str | None) -> str:
    """Lower case, no accents, curly apostrophes straightened, only words and single spaces.

    >>> plain("  Bruno Rodríguez, Cuba’s minister!")
    "bruno rodriguez cuba's minister"
    >>> plain(None)
    ''
    """
    return " ".join(_WORD.findall(fold(text or "").replace("\u2019", "'").lower()))


def word_set(text: str | None) -> frozenset[str]:
    """The distinct plain words of ``text``.

    >>> sorted(word_set("We will, we WILL resist"))
    ['resist', 'we', 'will']
    """
    return frozenset(plain(text).split())


def pair_quotes(gold: list[dict], predicted: list[dict]) -> list[tuple[int, int]]:
    """One-to-one (gold index, prediction index) pairs whose words overlap by half of each side.

    Pairs are taken greedily, the largest Jaccard overlap first.

    >>> pair_quotes([{"quote": "we will not allow it"}, {"quote": "never"}],
    ...             [{"quote": "not allow it"}, {"quote": "we will not allow it today"}])
    [(0, 1)]
    """
    gold_words = [word_set(g.get("quote")) for g in gold]
    predicted_words = [word_set(p.get("quote")) for p in predicted]
    candidates = []
    for gi, gw in enumerate(gold_words):
        for pi, pw in enumerate(predicted_words):
            shared = len(gw & pw)
            if gw and pw and 2 * shared >= len(gw) and 2 * shared >= len(pw):
                candidates.append((shared / len(gw | pw), gi, pi))
    taken_gold: set[int] = set()
    taken_predicted: set[int] = set()
    pairs = []
    for _, gi, pi in sorted(candidates, reverse=True):
        if gi not in taken_gold and pi not in taken_predicted:
            taken_gold.add(gi)
            taken_predicted.add(pi)
            pairs.append((gi, pi))
    return pairs


def speaker_is_right(predicted: str | None, gold: dict) -> bool:
    """Whether ``predicted`` names the speaker of the gold quote ``gold`` (see the module docstring).

    >>> gold = {"speaker": "Bruno Rodríguez", "accept": ["Cuba's foreign minister"]}
    >>> [speaker_is_right(s, gold) for s in ["Rodriguez", "Bruno Rodriguez", "Delcy Rodriguez", "cuba's foreign minister", None]]
    [True, True, False, True, False]
    >>> speaker_is_right("Government", {"speaker": "Government of Cuba", "person": False})
    False
    """
    guess = plain(predicted)
    if not guess:
        return False
    names = [gold.get("speaker"), *gold.get("accept", []), *gold.get("alt_speakers", [])]
    if guess in {plain(name) for name in names}:
        return True
    if not gold.get("person", True):
        return False
    true_words, guess_words = plain(gold.get("speaker")).split(), guess.split()
    if not true_words:
        return False
    same_last = guess_words[-1] == true_words[-1]
    return same_last and (len(guess_words) == 1 or guess_words[0] == true_words[0])


@dataclass
class Tally:
    """Running counts over articles, turned into scores by :meth:`scores`."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    full: int = 0
    full_matched: int = 0
    right_speaker: int = 0
    errors: list[str] = field(default_factory=list)

    def scores(self) -> dict:
        precision = _ratio(self.matched, self.predicted)
        recall = _ratio(self.matched, self.gold)
        attributed_precision = _ratio(self.right_speaker, self.predicted)
        attributed_recall = _ratio(self.right_speaker, self.gold)
        values = {
            "gold": self.gold, "predicted": self.predicted, "matched": self.matched,
            "precision": precision, "recall": recall, "f1": _harmonic(precision, recall),
            "full_recall": _ratio(self.full_matched, self.full),
            "speaker_accuracy": _ratio(self.right_speaker, self.matched),
            "attributed_f1": _harmonic(attributed_precision, attributed_recall),
        }
        return {k: round(v, 3) if isinstance(v, float) else v for k, v in values.items()} | {"errors": self.errors}


def _start_of(quote: str) -> str:
    """The first 60 characters of a quote on one line (hard-wrapped quotes hold line breaks)."""
    return " ".join(quote.split())[:60]


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _harmonic(a: float, b: float) -> float:
    return 2 * a * b / (a + b) if a + b else 0.0


def score(gold: dict, predictions: dict) -> dict:
    """Scores of ``predictions`` against ``gold`` (both in the ``{"articles": …}`` shape).

    Returns the counts and scores named in :data:`SCORE_KEYS` and ``errors``: one line per missed
    quote or wrong speaker, naming the article.

    >>> gold = {"articles": {"a.txt": [{"quote": "We will resist", "speaker": "Nicolás Maduro"},
    ...                                {"quote": "Elections now", "speaker": "Juan Guaidó"}]},
    ...         "ignore": {"a.txt": [{"quote": "dictator"}]}}
    >>> guess = {"articles": {"a.txt": [{"quote": "We will resist!", "speaker": "Maduro"},
    ...                                 {"quote": "dictator", "speaker": None}]}}
    >>> result = score(gold, guess)
    >>> result["precision"], result["recall"], result["speaker_accuracy"], result["errors"]
    (1.0, 0.5, 1.0, ['a.txt: missed (Juan Guaidó): Elections now'])
    """
    tally = Tally()
    ignore = gold.get("ignore", {})
    for name, golds in gold.get("articles", {}).items():
        preds = list(predictions.get("articles", {}).get(name, []))
        pairs = pair_quotes(golds, preds)
        spans = [{"quote": span.get("quote", span.get("text", ""))} for span in ignore.get(name, [])]
        if spans:
            matched_predictions = {pi for _, pi in pairs}
            dropped = {pi for _, pi in pair_quotes(spans, preds)} - matched_predictions
            preds = [p for i, p in enumerate(preds) if i not in dropped]
            pairs = pair_quotes(golds, preds)
        matched_gold = {gi for gi, _ in pairs}
        tally.gold += len(golds)
        tally.predicted += len(preds)
        tally.matched += len(pairs)
        tally.full += sum(g.get("kind", "full") == "full" for g in golds)
        tally.full_matched += sum(golds[gi].get("kind", "full") == "full" for gi in matched_gold)
        for gi, pi in pairs:
            if speaker_is_right(preds[pi].get("speaker"), golds[gi]):
                tally.right_speaker += 1
            else:
                tally.errors.append(f"{name}: speaker {preds[pi].get('speaker')!r} for "
                                    f"{golds[gi].get('speaker')!r}: {_start_of(golds[gi]['quote'])}")
        tally.errors.extend(f"{name}: missed ({g.get('speaker')}): {_start_of(g['quote'])}"
                            for gi, g in enumerate(golds) if gi not in matched_gold)
    return tally.scores()


class ScoreInputError(ValueError):
    """A gold or prediction file that cannot be read; the message is one sentence with the fix."""


def read_quotes_file(path: str | Path) -> dict:
    """A gold or predictions file, checked for the ``{"articles": {name: [quote, ...]}}`` shape.

    >>> read_quotes_file("no-such-file.json")
    Traceback (most recent call last):
    ...
    helpers.score.ScoreInputError: no-such-file.json: the file does not exist; check the path.
    """
    path = Path(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ScoreInputError(f"{path}: the file does not exist; check the path.") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ScoreInputError(f"{path}: the file cannot be read ({err.__class__.__name__}); "
                              "check that it is a UTF-8 text file you may read.") from None
    except json.JSONDecodeError as err:
        raise ScoreInputError(f"{path}: the file is not valid JSON (line {err.lineno}: {err.msg}); "
                              "fix it or write it again with `python -m helpers quotes`.") from None
    articles = document.get("articles") if isinstance(document, dict) else None
    if not isinstance(articles, dict) or not all(isinstance(v, list) and all(isinstance(q, dict) for q in v)
                                                 for v in articles.values()):
        raise ScoreInputError(f"{path}: the file is not of the shape {{\"articles\": {{file name: [quote, ...]}}}}; "
                              "write predictions with `python -m helpers quotes`.")
    for name, quotes in articles.items():
        for number, quote in enumerate(quotes, start=1):
            if not isinstance(quote.get("quote"), str) or not isinstance(quote.get("speaker", ""), (str, type(None))):
                raise ScoreInputError(f"{path}: quote {number} of {name} has no \"quote\" text (or a speaker that is "
                                      "not text); give every quote its words as a string.")
    ignore = document.get("ignore", {})
    if not isinstance(ignore, dict) or not all(isinstance(v, list) and all(isinstance(q, dict) for q in v)
                                               for v in ignore.values()):
        raise ScoreInputError(f"{path}: \"ignore\" is not of the shape {{file name: [{{\"quote\": ...}}, ...]}}; "
                              "fix it or leave it out.")
    return document


def score_articles(gold_path: str | Path, articles_dir: str | Path) -> dict:
    """Find the quotes of the articles a gold file annotates (files in ``articles_dir``) and score them.

    Only the annotated articles are read, so a gold file for 20 articles of a corpus of 10,000
    costs 20 articles' work. Raises :class:`ScoreInputError` when an annotated article is missing.
    """
    from .quotes import quotes_json  # the quote finder is only needed here

    gold = read_quotes_file(gold_path)
    paths = [Path(articles_dir) / name for name in gold["articles"]]
    missing = [path for path in paths if not path.is_file()]
    if missing:
        raise ScoreInputError(f"{gold_path}: it annotates {missing[0].name}, which is not in {articles_dir} "
                              f"({len(missing)} such file(s)); add the article or remove it from the gold file.")
    return score(gold, quotes_json(paths))


def scorecard_line(result: dict) -> str:
    """The scores as one ``key=value`` line, in the order of :data:`SCORE_KEYS`.

    >>> scorecard_line({"gold": 2, "predicted": 1, "matched": 1, "precision": 1.0, "recall": 0.5, "f1": 0.667,
    ...                 "full_recall": 0.5, "speaker_accuracy": 1.0, "attributed_f1": 0.667})
    'gold=2 predicted=1 matched=1 precision=1.0 recall=0.5 f1=0.667 full_recall=0.5 speaker_accuracy=1.0 attributed_f1=0.667'
    """
    return " ".join(f"{key}={result[key]}" for key in SCORE_KEYS)


def main(gold_path: str, predictions_path: str, as_json: bool = False) -> int:
    """The ``score`` command: print the errors and the scorecard line (or everything as JSON)."""
    result = score(read_quotes_file(gold_path), read_quotes_file(predictions_path))
    if as_json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        for line in result["errors"]:
            print(f"  {line}")
        print(scorecard_line(result))
    return 0


if __name__ == "__main__":  # pragma: no cover - the CLI is `python -m helpers score`
    sys.exit(main(*sys.argv[1:3], as_json="--json" in sys.argv))
