"""Hostile input: time and memory at 1x, 2x, 4x and 8x of inputs built to be slow, then a fuzz run
of many hostile texts through cleaning, quote finding and `add` (never a test).

    .venv/bin/python bench/hostile.py [--texts 10000] [--seed 0] [--scale-only | --fuzz-only]

Scaling: each hostile shape (one endless "sentence" of quotations, a paragraph of quoted words,
thousands of quotation marks with no words, one 100,000-character word, thousands of short lines
of furniture, a saved page of nested elements) at four sizes, timed through cleaning plus quote
finding (pages through `add`'s reader), with the peak memory Python allocated (tracemalloc).
Time per size should double as the size does.

Fuzz: ``--texts`` texts drawn with a fixed seed from many kinds (random Unicode including
control, combining, right-to-left and private-use characters and lone surrogates; quotation-mark
soup; markup; spreadsheet formulas; maths signs; very long lines and words; mutated news
paragraphs; NUL and other binary bytes), each run through ``clean.clean_article`` and
``quotes.extract_quotes`` and written to a file; then every file is added to a fresh corpus in one
``add_articles`` call, and a sample of them one by one with ``add_article``. A crash is any
exception other than the one-sentence ``CorpusError`` refusal; data lost is a refused article
that changed the corpus, or an added one whose stored text differs from what was given. Prints
the counts and writes bench/results/hostile.json.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
import sys
import tempfile
import time
import traceback
import tracemalloc
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from helpers import clean  # noqa: E402
from helpers.add import _read_source, add_article, add_articles  # noqa: E402
from helpers.corpus import CorpusError, read_article  # noqa: E402
from helpers.quotes import extract_quotes  # noqa: E402

PARAGRAPH = ("Foreign ministers of the bloc met in Havana on Monday. \"We will not accept an outcome imposed from "
             "outside,\" said the minister, Ana Ruiz, after the talks. The envoy told reporters the group would "
             "meet again in March.")


# ---------------------------------------------------------------- scaling

def _endless_sentence(n: int) -> str:
    return 'the minister spoke and "we will not accept this outcome" said the envoy, and then ' * n


def _quoted_words(n: int) -> str:
    return '"word" ' * (n * 12)


def _marks_only(n: int) -> str:
    return '"“”«»\'' * (n * 14)


def _one_word(n: int) -> str:
    return "Ministers met. " + "x" * (n * 80) + " They left."


def _furniture_lines(n: int) -> str:
    return "\n".join(["Share on Facebook", "Read more", "Advertisement", PARAGRAPH] * n)


def _nested_page(n: int) -> str:
    return "<html><body>" + "<div>" * (n * 4) + f"<p>{PARAGRAPH}</p>" + "</div>" * (n * 4) + "</body></html>"


SHAPES = {"one endless sentence of quotations": _endless_sentence, "a paragraph of quoted words": _quoted_words,
          "quotation marks and nothing else": _marks_only, "one enormous word": _one_word,
          "short lines of furniture": _furniture_lines, "a page of nested elements": _nested_page}


def _through_pipeline(shape: str, text: str, folder: Path) -> None:
    if shape == "a page of nested elements":
        page = folder / "page.html"
        page.write_text(text, encoding="utf-8")
        try:
            _read_source(page)
        except CorpusError:
            pass
        return
    cleaned = clean.clean_article(text)
    extract_quotes(cleaned.text if hasattr(cleaned, "text") else text)


def scaling(base: int = 125) -> list[dict]:
    """Each shape at 1, 2, 4 and 8 times ``base`` units; times are taken under tracemalloc, which
    slows Python down several times over, so they compare sizes, not machines."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        _through_pipeline("a page of nested elements", _nested_page(1), Path(tmp))  # trafilatura loaded first
        for shape, make in SHAPES.items():
            for factor in (1, 2, 4, 8):
                text = make(base * factor)
                tracemalloc.start()
                started = time.perf_counter()
                _through_pipeline(shape, text, Path(tmp))
                seconds = time.perf_counter() - started
                peak = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
                rows.append({"shape": shape, "factor": factor, "kb": round(len(text.encode("utf-8", "surrogatepass")) / 1024, 1),
                             "seconds": round(seconds, 3), "peak_mb": round(peak / 1e6, 1)})
                print(f"{shape:38s} {factor}x {rows[-1]['kb']:9,.1f} KB {seconds:7.2f} s  peak {peak / 1e6:7.1f} MB",
                      flush=True)
    return rows


# ---------------------------------------------------------------- fuzz

_ODD = ("\u0000\u0001\u0007\u0008\u000b\u000c\u001b\u007f\u0085\u00a0\u00ad\u200b\u200c\u200d\u200e\u200f"
        "\u202a\u202b\u202c\u202d\u202e\u2028\u2029\u2060\ufeff\ufffd\ufffe\uffff\ue000\U0001f600\U000e0001"
        "\u0301\u0308\u0327\u05d0\u0627\u4e2d\u0915\u0e01")
_MARKS = "\"'“”‘’«»„‚‹›「」『』〝〞＂"
_HOSTILE_SNIPPETS = ["=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3", "@SUM(A1)", "$$ \\frac{a}{b} $$", "$x^2$",
                     "<script>alert(1)</script>", "<svg onload=alert(document.domain)>", "&lt;b&gt;", "{{7*7}}",
                     "${jndi:ldap://x}", "'; DROP TABLE articles; --", "../../etc/passwd", "\\x00", "%s%s%n",
                     "\ud800", "\udfff", "\r\n", "\r", "\t\t\t", "....", "?!?!", "—", "–", "…", "•"]


def _random_unicode(rng: random.Random, n: int) -> str:
    pools = [_ODD, _MARKS, "abcdefghij ABCDEFG .,;:!?-\n", "".join(chr(c) for c in range(0x20, 0x250))]
    return "".join(rng.choice(rng.choice(pools)) for _ in range(n))


def _mutated(rng: random.Random, text: str, edits: int) -> str:
    chars = list(text)
    for _ in range(edits):
        k = rng.randrange(len(chars) + 1)
        roll = rng.random()
        if roll < 0.4:
            chars.insert(k, rng.choice(_ODD + _MARKS))
        elif roll < 0.7 and chars:
            del chars[min(k, len(chars) - 1)]
        else:
            chars.insert(k, rng.choice(_HOSTILE_SNIPPETS))
    return "".join(chars)


def hostile_text(rng: random.Random) -> tuple[str, str]:
    """(kind, text) of one hostile text."""
    kind = rng.choice(["unicode", "marks", "snippets", "mutated", "long line", "long word", "lines",
                       "markup", "empty-ish", "mixed"])
    if kind == "unicode":
        return kind, _random_unicode(rng, rng.randint(1, 3000))
    if kind == "marks":
        return kind, "".join(rng.choice(_MARKS + " .\n") + rng.choice(["", "word ", "He said ", "Ana Ruiz "])
                             for _ in range(rng.randint(1, 800)))
    if kind == "snippets":
        return kind, " ".join(rng.choice(_HOSTILE_SNIPPETS + [PARAGRAPH]) for _ in range(rng.randint(1, 200)))
    if kind == "mutated":
        base = "\n\n".join([PARAGRAPH] * rng.randint(1, 12))
        return kind, _mutated(rng, base, rng.randint(1, 300))
    if kind == "long line":
        return kind, " ".join([PARAGRAPH.replace(". ", ", ")] * rng.randint(50, 400))
    if kind == "long word":
        return kind, PARAGRAPH + " " + rng.choice("ab\"'“") * rng.randint(1000, 60000) + " " + PARAGRAPH
    if kind == "lines":
        return kind, "\n".join(rng.choice([PARAGRAPH, "Read more", "Share", "", "•", "Comments (3)", "© 2024",
                                           "By Ana Ruiz", "Advertisement", _random_unicode(rng, 20)])
                               for _ in range(rng.randint(1, 1500)))
    if kind == "markup":
        return kind, "".join(rng.choice(["<p>", "</p>", "<div>", "</div>", "<br>", "<a href='x'>", "</a>",
                                         "<script>", "</script>", PARAGRAPH, "&amp;", "&#0;", "<!--", "-->"])
                             for _ in range(rng.randint(1, 600)))
    if kind == "empty-ish":
        return kind, rng.choice(["", " ", "\n\n\n", "\ufeff", "\u200b" * 40, ".", "\"\"", "“”" * 30, "\x00" * 5])
    parts = [_random_unicode(rng, 200), PARAGRAPH, rng.choice(_HOSTILE_SNIPPETS), _mutated(rng, PARAGRAPH, 20)]
    rng.shuffle(parts)
    return kind, "\n".join(parts)


def _digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def fuzz(count: int, seed: int, singles: int = 300) -> dict:
    rng = random.Random(seed)
    crashes: list[str] = []
    kinds: Counter = Counter()
    refusals: Counter = Counter()
    lost = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        tmp = Path(tmp)
        sources = tmp / "sources"
        sources.mkdir()
        texts: dict[str, str] = {}
        for k in range(count):
            kind, text = hostile_text(rng)
            kinds[kind] += 1
            for stage, run in (("clean", clean.clean_article), ("quotes", extract_quotes)):
                try:
                    run(text)
                except Exception:  # noqa: BLE001 - any exception here is a crash to report
                    crashes.append(f"{stage} on text {k} ({kind}): {traceback.format_exc(limit=3)}")
            path = sources / f"t{k:05d}.txt"
            try:
                path.write_text(text, encoding="utf-8", newline="")
            except UnicodeEncodeError:  # a lone surrogate has no UTF-8 form
                path.write_bytes(text.encode("utf-8", "surrogatepass"))  # invalid UTF-8: add must refuse it
            texts[path.name] = text
        # every file at once, as a researcher adds a folder
        corpus = tmp / "corpus"
        try:
            report = add_articles([sources], title="Fuzz", outlet="Fuzz Wire", date="2019-05-01", corpus=corpus)
            for refusal in report.refused:
                refusals[re.sub(r"\d[\d,.]*", "N", re.sub(r"[0-9a-f]{16}\.txt", "ID.txt", refusal.problem.split(" (")[0]))[:70]] += 1
            for row in report.added:
                stored = read_article(corpus / "articles" / row["file"])
                if not stored.strip():
                    lost += 1
        except Exception:  # noqa: BLE001
            crashes.append(f"add_articles: {traceback.format_exc(limit=4)}")
            report = None
        # a sample one by one, as text: a refusal must leave the corpus byte-identical
        single = tmp / "single"
        single.mkdir()
        (single / "articles").mkdir()
        (single / "metadata.csv").write_text("id,file,title,outlet,date,url,language\n", encoding="utf-8")
        for name in rng.sample(sorted(texts), min(singles, len(texts))):
            before = _digest(single)
            try:
                add_article(texts[name] if "\n" in texts[name] else texts[name] + "\n", title="Fuzz",
                            outlet="Fuzz Wire", date="2019-05-01", corpus=single)
            except CorpusError:
                if _digest(single) != before:
                    lost += 1
            except Exception:  # noqa: BLE001
                crashes.append(f"add_article on {name}: {traceback.format_exc(limit=4)}")
    seconds = time.perf_counter() - started
    result = {"texts": count, "seed": seed, "kinds": dict(kinds), "added": len(report.added) if report else 0,
              "refused": sum(refusals.values()), "refusals": dict(refusals.most_common()), "crashes": len(crashes),
              "lost": lost, "seconds": round(seconds, 1), "first_crashes": crashes[:5]}
    print(f"{count:,} hostile texts ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))}): "
          f"{result['added']:,} added, {result['refused']:,} refused, {len(crashes)} crashes, {lost} lost; "
          f"{seconds:.0f} s")
    for reason, n in refusals.most_common(8):
        print(f"  refused {n:5,}: {reason}")
    for crash in crashes[:5]:
        print(crash)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--scale-only", action="store_true")
    parser.add_argument("--fuzz-only", action="store_true")
    args = parser.parse_args(argv)
    results: dict = {}
    if not args.fuzz_only:
        results["scaling"] = scaling()
    if not args.scale_only:
        results["fuzz"] = fuzz(args.texts, args.seed)
    out = ROOT / "bench" / "results" / "hostile.json"
    out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if results.get("fuzz", {}).get("crashes") else 0


if __name__ == "__main__":
    sys.exit(main())
