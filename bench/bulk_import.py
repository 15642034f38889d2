"""Bulk import: `python -m helpers add FOLDER --metadata SHEET` on N saved web pages (never a test).

    .venv/bin/python bench/bulk_import.py [N]        (default: 1000)

Writes N saved pages to a temporary folder: each a synthetic article (bench/synthetic.py) wrapped
in a news page (navigation, a share bar, a footer, meta tags for title, site name, date and
canonical URL), and a metadata sheet naming each page's outlet. Times one `helpers add` call
into an empty corpus (the whole import: reading the pages, extracting the text with trafilatura,
language detection, MinHash signatures, duplicate checks, writing) and a second call adding 10
more pages to the N-article corpus (the checks against a large corpus, with its signatures
cached). Writes bench/results/bulk_import.json.
"""
from __future__ import annotations

import csv
import html
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import synthetic  # noqa: E402


def page(text: str, i: int) -> str:
    """A saved news page around ``text``: furniture, meta tags, the article's paragraphs."""
    title, *paragraphs = [p for p in text.split("\n\n") if p.strip()]
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)} | Outlet {i % 40}</title>
<meta property="og:title" content="{html.escape(title)}"><meta property="og:site_name" content="Outlet {i % 40}">
<meta property="article:published_time" content="20{10 + i % 15:02d}-0{1 + i % 9}-1{i % 10}T08:00:00Z">
<link rel="canonical" href="https://example.org/{i}/story"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav>
<div class="share">Share on Facebook Share on Twitter</div>
<article><h1>{html.escape(title)}</h1>{body}</article>
<footer>© Outlet {i % 40}. All rights reserved. Subscribe to our newsletter.</footer></body></html>"""


def write_pages(folder: Path, n: int, start: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    sheet = folder / "sheet.csv"
    with sheet.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "outlet"])
        for i, text in enumerate(synthetic.generate_articles(start + n, seed=3)[start:], start=start):
            name = f"page_{i:05d}.html"
            (folder / name).write_text(page(text, i), encoding="utf-8")
            writer.writerow([name, f"Outlet {i % 40}"])
    return sheet


def timed_add(folder: Path, sheet: Path, corpus: Path, cache: Path) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "helpers", "add", str(folder), "--metadata", str(sheet),
                             "--corpus", str(corpus)], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "NEWS_CACHE": str(cache)})
    seconds = time.perf_counter() - started
    summary = [line for line in result.stdout.splitlines() if "added," in line or "refused" in line]
    return seconds, (summary[-1] if summary else result.stdout.strip().splitlines()[-1])


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        sheet = write_pages(work / "pages", n)
        first, said = timed_add(work / "pages", sheet, work / "corpus", work / "cache")
        print(f"{n:,} saved pages in one call: {first:.1f} s ({said})")
        more = write_pages(work / "more", 10, start=n)
        second, said_more = timed_add(work / "more", more, work / "corpus", work / "cache")
        print(f"10 more pages into the {n:,}-article corpus: {second:.1f} s ({said_more})")
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "bulk_import.json").write_text(json.dumps({"pages": n, "first_import_s": round(first, 1),
                                                          "ten_more_s": round(second, 1)}, indent=1) + "\n")


if __name__ == "__main__":
    main()
