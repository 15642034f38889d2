"""Check the speakers on your own corpus: a sample of quotations, marked by a person, read back.

The scorecards in ``bench/`` measure the speaker rules on hand-annotated articles that are not
yours. How often the speakers are right on *your* corpus depends on its outlets and styles, and
only reading some of them tells. The round trip:

1. :func:`draw_sample` picks quotations at random (seeded), in strata by the rule that found the
   speaker and by its confidence, so the rare weak rules are sampled too;
   :func:`write_sheet` saves them as a CSV with the quotation, its context and the predicted
   speaker beside an empty ``right_speaker`` column (``python -m helpers validate sample``).
2. A person fills ``right_speaker`` for each row they read: ``ok`` when the prediction is
   right, else the right speaker's name, or ``none`` when the quoted words have no speaker (a
   scare quote, a title); rows left empty are not counted.
3. :func:`read_sheet` and :func:`report` read it back: the share right with a 95% Wilson
   interval, overall and per rule and confidence, and the number of quotations in the corpus
   likely to have a wrong speaker (each stratum's error rate times its size)
   (``python -m helpers validate report FILE``).
"""
from __future__ import annotations

import csv
import math
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ._lazy import pandas as pd
from .corpus import CorpusError
from .quotes.cues import ACCORDING_TO, COLON, CONTINUATION, DASH, SAME_SENTENCE, WEAK_CUES
from .quotes.extract import CONFIDENCE_LEVELS
from .score import speaker_is_right

SHEET_COLUMNS = ["sample_id", "article", "stratum", "stratum_size", "cue", "confidence", "kind", "quote",
                 "context", "predicted_speaker", "right_speaker", "note"]
RIGHT_WORDS = frozenset({"ok", "okay", "y", "yes", "right", "correct", "=", "✓"})
NO_SPEAKER_WORDS = frozenset({"none", "no speaker", "nobody", "-", "n/a"})
CONTEXT_BEFORE, CONTEXT_AFTER = 300, 200
MIN_PER_STRATUM = 2


def cue_group(cue: str | None) -> str:
    """The kind of rule behind a speaker, from the ``cue`` column.

    >>> [cue_group(c) for c in ["said", "dash", "continuation", "previous sentence", None]]
    ['reporting verb', 'dash, colon or according to', 'continues a quote', 'sentence around it', 'no speaker found']
    """
    if cue is None or (isinstance(cue, float) and math.isnan(cue)):
        return "no speaker found"
    if cue in WEAK_CUES and cue != CONTINUATION:
        return "sentence around it"
    if cue in (CONTINUATION, SAME_SENTENCE):
        return "continues a quote"
    if cue in (DASH, COLON, ACCORDING_TO):
        return "dash, colon or according to"
    return "reporting verb"


def _allocate(sizes: dict[str, int], n: int) -> dict[str, int]:
    """Rows to draw per stratum: proportional to its size (largest remainders), at least
    :data:`MIN_PER_STRATUM` (or all of a smaller stratum), never more than it holds; with more
    strata than that allows, one row from each of the ``n`` largest.

    >>> _allocate({"a": 90, "b": 8, "c": 2}, 10)
    {'a': 6, 'b': 2, 'c': 2}
    >>> _allocate({"a": 5, "b": 1}, 10)
    {'a': 5, 'b': 1}
    """
    total = sum(sizes.values())
    if total <= n:
        return dict(sizes)
    floor = {s: min(size, MIN_PER_STRATUM) for s, size in sizes.items()}
    if sum(floor.values()) > n:  # more strata than rows to draw: one each, from the largest stratum down
        largest = sorted(sizes, key=lambda s: (-sizes[s], s))[:n]
        return {s: int(s in largest) for s in sizes}
    left = n - sum(floor.values())
    spare = {s: size - floor[s] for s, size in sizes.items()}
    spare_total = sum(spare.values())
    shares = {s: left * spare[s] / spare_total if spare_total else 0 for s in sizes}
    counts = {s: floor[s] + int(shares[s]) for s in sizes}
    for s in sorted(sizes, key=lambda s: shares[s] - int(shares[s]), reverse=True)[:n - sum(counts.values())]:
        counts[s] = min(counts[s] + 1, sizes[s])
    return counts


def draw_sample(quotes: pd.DataFrame, n: int = 100, seed: int = 0, texts: dict[str, str] | None = None,
                offsets: tuple[str, str] = ("start", "end")) -> pd.DataFrame:
    """A seeded random sample of ``n`` quotations, stratified by rule and confidence, as a sheet to fill.

    ``quotes`` is the table of :func:`helpers.quotes.quotes_for_corpus` (or of ``extract_quotes``);
    ``texts`` (article id -> the text the ``offsets`` columns point into: ``clean_text`` for
    ``start``/``end``, the file's ``text`` for ``file_start``/``file_end``) gives each row 300
    characters of context before the quotation and 200 after, the quotation in [[ ]]; without it
    the context is the quotation's sentence. The same quotes and seed give the same sample.

    >>> quotes = pd.DataFrame({"article": list("abcd"), "quote": ["We stay.", "No.", "Go.", "a coup"],
    ...     "start": [0, 0, 0, 0], "end": [8, 3, 3, 6], "speaker": ["Ana Diaz", "Tom Lee", None, "Ana Diaz"],
    ...     "cue": ["said", "said", None, "previous sentence"], "kind": ["full", "full", "full", "fragment"],
    ...     "sentence": ["s1", "s2", "s3", "s4"], "confidence": ["high", "high", "none", "low"]})
    >>> sheet = draw_sample(quotes, n=3, seed=1)
    >>> len(sheet), sorted(sheet["stratum"].unique())
    (3, ['high / reporting verb', 'low / sentence around it', 'none / no speaker found'])
    >>> draw_sample(quotes, n=3, seed=1).equals(sheet)
    True
    """
    frame = quotes.reset_index(drop=True)
    confidence = frame["confidence"] if "confidence" in frame.columns else pd.Series("unknown", index=frame.index)
    strata = confidence.astype(str) + " / " + frame["cue"].map(cue_group)
    sizes = strata.value_counts().to_dict()
    counts = _allocate(sizes, n)
    picked = []
    for stratum in sorted(counts):
        members = frame.index[strata == stratum]
        picked.extend(members.to_series().sample(n=counts[stratum], random_state=seed).tolist())
    rows = frame.loc[sorted(picked)]
    sheet = pd.DataFrame({
        "sample_id": range(1, len(rows) + 1),
        "article": rows["article"].astype(str).tolist(),
        "stratum": strata.loc[rows.index].tolist(),
        "stratum_size": [sizes[s] for s in strata.loc[rows.index]],
        "cue": rows["cue"].tolist(),
        "confidence": confidence.loc[rows.index].tolist(),
        "kind": rows["kind"].tolist(),
        "quote": rows["quote"].tolist(),
        "context": [_context(texts, article, start, end, sentence) for article, start, end, sentence
                    in zip(rows["article"], rows[offsets[0]], rows[offsets[1]], rows["sentence"])],
        "predicted_speaker": [s if isinstance(s, str) else "" for s in rows["speaker"]],  # "": none found
        "right_speaker": "",
        "note": "",
    }, columns=SHEET_COLUMNS)
    return sheet


def _context(texts: dict[str, str] | None, article: str, start: int, end: int, sentence: str) -> str:
    text = (texts or {}).get(article)
    if not text:
        return str(sentence)
    before = text[max(start - CONTEXT_BEFORE - 1, 0):max(start - 1, 0)]
    after = text[end + 1:end + 1 + CONTEXT_AFTER]
    return " ".join(f"…{before}[[{text[start:end]}]]{after}…".split())


def write_sheet(sheet: pd.DataFrame, path: str | Path) -> Path:
    """Save a sample as a CSV to fill in; never over an existing file (it may hold someone's answers).

    The file is written whole or not at all (a temporary file, then renamed).
    """
    path = Path(path)
    if path.exists():
        raise CorpusError(path, "the file already exists and may hold someone's answers",
                          "give another file name, or move the old one away first")
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".validation-", suffix=".csv")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            sheet.to_csv(out, index=False)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def read_sheet(path: str | Path) -> pd.DataFrame:
    """Read a filled sheet back, checking it has the columns :func:`write_sheet` wrote."""
    path = Path(path)
    if not path.is_file():
        raise CorpusError(path, "no such file", "give the CSV that `python -m helpers validate sample` wrote")
    try:
        sheet = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError, csv.Error) as err:
        raise CorpusError(path, f"the file cannot be read as a UTF-8 CSV ({err.__class__.__name__})",
                          "save it from your spreadsheet as CSV UTF-8") from None
    missing = [c for c in ("stratum", "stratum_size", "predicted_speaker", "right_speaker") if c not in sheet.columns]
    if missing:
        raise CorpusError(path, f"the columns {', '.join(missing)} are missing",
                          "fill the sheet `validate sample` wrote without renaming or deleting its columns")
    bad = [value for value in sheet["stratum_size"] if not value.isdigit()]
    if bad:
        raise CorpusError(path, f"stratum_size holds {bad[0]!r}, not a count", "leave the columns other than right_speaker and note as written")
    return sheet


def judge(predicted: str | None, answer: str) -> bool | None:
    """Whether a prediction is right by a reviewer's answer; None when the row was not reviewed.

    >>> [judge("Ana Diaz", a) for a in ["ok", "", "Diaz", "Tom Lee", "none"]]
    [True, None, True, False, False]
    >>> judge("", "none"), judge(None, "Ana Diaz")
    (True, False)
    """
    answer = (answer or "").strip()
    if not answer:
        return None
    predicted = predicted if isinstance(predicted, str) and predicted.strip() else None
    if answer.casefold() in RIGHT_WORDS:
        return True
    if answer.casefold() in NO_SPEAKER_WORDS:
        return predicted is None
    if predicted is None:
        return False
    # the same person whichever side gives the full name ("Diaz" for "Ana Diaz", or the other way)
    return speaker_is_right(predicted, {"speaker": answer}) or speaker_is_right(answer, {"speaker": predicted})


def wilson(right: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval (95% by default) for ``right`` successes out of ``n``.

    >>> [round(x, 3) for x in wilson(45, 50)]
    [0.786, 0.957]
    >>> wilson(0, 0)
    (0.0, 1.0)
    """
    if n == 0:
        return 0.0, 1.0
    p = right / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass
class ValidationReport:
    """What a filled sheet says: the tables of :func:`report`, and a sentence that sums them up."""

    overall: pd.DataFrame
    by_rule: pd.DataFrame
    by_confidence: pd.DataFrame
    estimated_wrong: float | None   # quotations in the corpus likely to have a wrong speaker
    corpus_quotes: int              # quotations in the strata the sample was drawn from
    unreviewed_strata: list[str]

    def summary(self) -> str:
        row = self.overall.iloc[0]
        if row["reviewed"] == 0:
            return "No row of the sheet has right_speaker filled in yet."
        text = (f"{int(row['right'])} of {int(row['reviewed'])} reviewed speakers are right "
                f"({row['accuracy']:.0%}; 95% interval {row['low']:.0%}–{row['high']:.0%}).")
        if self.estimated_wrong is not None:
            text += (f" Weighted by the size of each stratum, about {self.estimated_wrong:,.0f} of the corpus's "
                     f"{self.corpus_quotes:,} quotations have a wrong or missing speaker.")
        if self.unreviewed_strata:
            text += f" Not estimated: {len(self.unreviewed_strata)} stratum(s) with no reviewed row."
        return text


def _table(judged: pd.DataFrame, by: str | None) -> pd.DataFrame:
    groups = judged.groupby(by, sort=True) if by else [("all", judged)]
    rows = []
    for name, group in groups:
        right, n = int(group["right"].sum()), len(group)
        low, high = wilson(right, n)
        rows.append({by or "quotes": name, "reviewed": n, "right": right,
                     "accuracy": right / n if n else float("nan"), "low": low, "high": high})
    return pd.DataFrame(rows, columns=[by or "quotes", "reviewed", "right", "accuracy", "low", "high"])


def report(sheet: pd.DataFrame) -> ValidationReport:
    """Accuracy of the reviewed rows of a filled sheet, with 95% Wilson intervals, overall, per
    rule (``cue_group`` of the cue) and per confidence, and the stratified estimate of how many
    quotations of the corpus have a wrong speaker.

    >>> sheet = pd.DataFrame({"stratum": ["high / reporting verb"] * 3 + ["low / sentence around it"] * 2,
    ...     "stratum_size": ["90", "90", "90", "10", "10"], "cue": ["said"] * 3 + ["previous sentence"] * 2,
    ...     "confidence": ["high"] * 3 + ["low"] * 2, "predicted_speaker": ["Ana Diaz"] * 5,
    ...     "right_speaker": ["ok", "ok", "Tom Lee", "ok", ""]})
    >>> result = report(sheet)
    >>> result.overall[["reviewed", "right"]].values.tolist(), round(result.estimated_wrong, 1)
    ([[4, 3]], 30.0)
    """
    judged = sheet.assign(verdict=[judge(p, a) for p, a in zip(sheet["predicted_speaker"], sheet["right_speaker"])])
    sizes = judged.groupby("stratum")["stratum_size"].first().astype(int)
    judged = judged[judged["verdict"].notna()].assign(right=lambda f: f["verdict"].astype(bool))
    judged = judged.assign(rule=judged["cue"].map(lambda c: cue_group(c if c else None)) if "cue" in judged else "all")
    per_stratum = judged.groupby("stratum")["right"].mean()
    unreviewed = sorted(set(sizes.index) - set(per_stratum.index))
    estimated = float(((1 - per_stratum) * sizes.reindex(per_stratum.index)).sum()) if len(per_stratum) else None
    by_confidence = _table(judged, "confidence") if "confidence" in judged else _table(judged.iloc[0:0], None)
    if "confidence" in by_confidence:  # high, medium, low, none: strongest evidence first
        order = {level: k for k, level in enumerate(CONFIDENCE_LEVELS)}
        by_confidence = by_confidence.sort_values("confidence", key=lambda c: c.map(order).fillna(len(order)),
                                                  ignore_index=True)
    return ValidationReport(_table(judged, None), _table(judged, "rule"), by_confidence,
                            estimated, int(sizes.sum()), unreviewed)
