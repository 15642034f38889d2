"""Command line: ``python -m helpers COMMAND ...``.

Commands
    check [--corpus DIR]    validate a corpus folder and list every problem
    quotes PATH...          print the direct quotations (and speakers) of .txt files or folders as JSON
    score GOLD PREDICTIONS [--json]
                            score predicted quotations against hand-annotated ones (see helpers/score.py)
    add PATH... [--metadata SHEET] [--title T] [--outlet O] [--date YYYY-MM-DD] [--url U] [--language en]
        [--all-or-nothing] [--refuse-near-duplicates] [--force-date] [--corpus DIR]
                            add .txt files and saved .html pages (files, folders, globs) to the corpus
    execute [--jobs 2] [--output-dir DIR] NOTEBOOK...
                            run notebooks top to bottom and save them with their outputs, JOBS at a time (`make run`)
    index [--figures DIR]   write DIR/index.md: every figure with a thumbnail, caption, notebook and data file
    report [NOTEBOOK...] [--out FILE] [--figures DIR]
                            write executed notebooks as one offline HTML page (`make report`)
    validate sample [--corpus DIR] [--n 100] [--seed 0] --out FILE
                            draw quotations to check by hand, as a CSV with an empty right_speaker column
    validate report FILE    read a filled sheet back: how often the speakers are right (see helpers/validate.py)
    actors --unknown [--corpus DIR] [--top 25]
                            the speakers the corpus quotes most that the actor table lacks, with rows to paste
    cluster --out DIR [--corpus DIR] [--scheduler ADDRESS] [--partition 1000] [--workers N] [--memory-limit 2GB]
                            clean, terms, quotes and mentions on a Dask cluster, written as Parquet tables

Every command exits non-zero with one plain sentence on stderr when the input is bad.
"""
from __future__ import annotations

import argparse
import os
import sys

from pathlib import Path

from .config import MAX_ARTICLE_MB, corpus_dir, figures_dir, shown


def _check(args: argparse.Namespace) -> int:
    from .add import corpus_lock, recover
    from .corpus import Corpus, read_with_problems
    from .hygiene import corpus_warnings

    if Path(args.corpus).is_dir():
        with corpus_lock(Path(args.corpus), blocking=False) as locked:
            recovered = recover(args.corpus) if locked else None  # an import running now is not undone
        if recovered:
            print(recovered, file=sys.stderr)
    frame, problems = read_with_problems(Corpus(Path(args.corpus)))  # one reading: every problem, or the totals
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    for warning in corpus_warnings(frame):
        print(f"{args.corpus}: {warning}")
    print(f"{args.corpus}: ok, {len(frame)} articles, {frame['words'].sum():,} words.")
    return 0


def _quotes(args: argparse.Namespace) -> int:
    from . import quotes

    problems: list = []
    print(quotes.dump_json(quotes.quotes_json(args.paths, problems)))
    for problem in problems:  # each bad file said once; the others are all in the output
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def _score(args: argparse.Namespace) -> int:
    from .score import ScoreInputError, main as score_main

    try:
        return score_main(args.gold, args.predictions, as_json=args.json)
    except ScoreInputError as err:
        print(err, file=sys.stderr)
        return 1


def _megabytes(value: str) -> float:
    """A positive number of megabytes (argparse type)."""
    try:
        number = float(value)
    except ValueError:
        number = float("nan")
    if not 0 < number < float("inf"):
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive number of megabytes")
    return number


def _add(args: argparse.Namespace) -> int:
    from .add import add_articles

    report = add_articles(args.paths, sheet=args.metadata, title=args.title, outlet=args.outlet, date=args.date,
                          url=args.url, language=args.language, corpus=args.corpus, all_or_nothing=args.all_or_nothing,
                          refuse_near_duplicates=args.refuse_near_duplicates, force_date=args.force_date,
                          progress=sys.stderr.isatty(), max_mb=args.max_mb)
    for row in report.added[:20]:
        print(f"added {row['file']} to {args.corpus}: {row['title']} ({row['outlet']}, {row['date']})")
    if len(report.added) > 20:
        print(f"… and {len(report.added) - 20:,} more")
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for refusal in report.refused:
        print(refusal, file=sys.stderr)
    if len(report.added) + len(report.refused) > 1:
        print(f"{len(report.added):,} article(s) added, {len(report.refused):,} refused.")
    return 1 if report.refused else 0


def _execute(args: argparse.Namespace) -> int:
    from .execute import execute_notebooks

    return execute_notebooks(args.notebooks, args.output_dir, max(1, args.jobs))


def _index(args: argparse.Namespace) -> int:
    from .report import build_index  # nbconvert is slow to import: only when asked for

    print(f"wrote {build_index(args.figures)}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from .report import REPORT_TITLE, build_report

    out = build_report([Path(p) for p in args.notebooks] or None, args.out, args.figures, args.title or REPORT_TITLE)
    print(f"report written to {shown(out)}")
    return 0


def _validate(args: argparse.Namespace) -> int:
    from . import validate

    if args.action == "report":
        result = validate.report(validate.read_sheet(args.file))
        print(result.summary())
        for title, table in (("by rule", result.by_rule), ("by confidence", result.by_confidence)) if len(result.by_rule) else ():
            print(f"\n{title}:")
            print(table.to_string(index=False, float_format=lambda x: f"{x:.2f}"))
        return 0
    from .clean import clean_corpus
    from .corpus import load_corpus
    from .quotes import quotes_for_corpus

    articles = clean_corpus(load_corpus(Path(args.corpus)))
    quotes = quotes_for_corpus(articles)
    if quotes.empty:
        print(f"{args.corpus}: the corpus has no quotations to check.", file=sys.stderr)
        return 1
    sheet = validate.draw_sample(quotes, n=args.n, seed=args.seed, texts=dict(zip(articles["id"], articles["clean_text"])))
    out = validate.write_sheet(sheet, args.out)
    print(f"wrote {len(sheet)} of {len(quotes):,} quotations to {shown(out)}: fill right_speaker "
          f"(ok, the right name, or none), then run: python -m helpers validate report {shown(out)}")
    return 0


def _actors(args: argparse.Namespace) -> int:
    from . import actors
    from .clean import clean_corpus
    from .corpus import load_corpus
    from .quotes import quotes_for_corpus

    if not args.unknown:
        print("give --unknown to list the speakers the actor table lacks", file=sys.stderr)
        return 1
    from .offices import load_offices

    table = actors.load_actors(Path(args.corpus))
    office_table = load_offices(Path(args.corpus))
    articles = clean_corpus(load_corpus(Path(args.corpus)))
    quotes = quotes_for_corpus(articles)
    dates = dict(zip(articles["id"], articles["date"]))
    unknown = actors.unknown_actors(quotes, table, top=args.top, offices=office_table, dates=dates)
    share = actors.unresolved_share(quotes, table, offices=office_table, dates=dates)
    print(f"{share:.0%} of the quoted words in {args.corpus} come from speakers neither the actor table "
          f"({actors.table_note(table)}) nor the offices table ({actors.table_note(office_table)}) knows. "
          f"The {len(unknown)} most quoted of them:")
    if len(unknown):
        print(unknown.drop(columns=["row", "example"]).to_string(index=False))
        print("\nRows to paste into actors.csv (fill in country or body, and role):")
        print("\n".join(unknown["row"]))
    named = actors.unknown_mentions(articles, table, top=args.top)
    print(f"\nThe {len(named)} people (full names) and organisations named most often, quoted or not, that the "
          "actor table does not know:")
    if len(named):
        print(named.drop(columns=["row", "example"]).to_string(index=False))
        print("\nRows to paste into actors.csv:")
        print("\n".join(named["row"]))
    return 0


def _cluster(args: argparse.Namespace) -> int:
    from . import cluster

    if args.partition < 1:
        print(f"--partition {args.partition}: give a positive number of articles per task", file=sys.stderr)
        return 1
    client = None
    try:
        if args.scheduler:
            client = cluster._connect(args.scheduler)
        elif not os.environ.get(cluster.SCHEDULER_VARIABLE, "").strip():
            options = {"n_workers": args.workers} if args.workers else {}
            if args.memory_limit:
                options["memory_limit"] = args.memory_limit
            client = cluster._connect("local", **options)
    except OSError as err:
        where = args.scheduler or "a cluster on this machine"
        print(f"{where}: could not be reached or started ({err}); check the address, or leave "
              "--scheduler out to use this machine", file=sys.stderr)
        return 1
    try:
        summary = cluster.run_corpus(args.corpus, args.out, client=client, partition=args.partition,
                                     progress=sys.stderr.isatty())
    finally:
        if client is not None:  # the command's own connection (a remote cluster goes on running)
            cluster.close(client)
    print(f"{args.corpus}: {summary['articles']:,} articles, {summary['words']:,} words, {summary['quotes']:,} quotes, "
          f"{summary['mentions']:,} mentions in {summary['partitions']} partitions ({summary['computed']} computed, "
          f"{summary['reused']} unchanged) in {summary['seconds']:.1f} s; largest worker memory "
          f"{summary['worker_peak_mb']:,.0f} MB. Parquet tables in {args.out}/ (articles, terms, quotes, mentions).")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate a corpus folder")
    check.add_argument("--corpus", default=str(corpus_dir()), help="corpus folder (default: %(default)s)")
    check.set_defaults(run=_check)
    quote = commands.add_parser("quotes", help="direct quotations with speakers, as JSON")
    quote.add_argument("paths", nargs="+", help=".txt files or folders of them")
    quote.set_defaults(run=_quotes)
    scorer = commands.add_parser("score", help="score predicted quotations against hand-annotated ones")
    scorer.add_argument("gold", help="the hand-annotated quotes (JSON, the shape `quotes` prints)")
    scorer.add_argument("predictions", help="the predicted quotes (JSON, as `quotes` prints them)")
    scorer.add_argument("--json", action="store_true", help="print the scores and errors as JSON")
    scorer.set_defaults(run=_score)
    add = commands.add_parser("add", help="add articles (.txt or saved .html: files, folders, globs) to the corpus")
    add.add_argument("paths", nargs="*", help="article files, folders of them, or globs (none: the sheet's files)")
    add.add_argument("--metadata", help="a CSV sheet: file, and any of title, outlet, date, url, language, notes")
    add.add_argument("--title", help="headline (else the sheet's, a page's own, or a .txt file's first line)")
    add.add_argument("--outlet", help="the publication (else the sheet's or a page's site name)")
    add.add_argument("--date", help="publication date, YYYY-MM-DD (else the sheet's or a page's own)")
    add.add_argument("--url", help="where the article was published (else a page's canonical link)")
    add.add_argument("--language", help="ISO 639-1 code (default: the sheet's, else en)")
    add.add_argument("--all-or-nothing", action="store_true", help="add nothing if any file is refused")
    add.add_argument("--refuse-near-duplicates", action="store_true",
                     help="refuse an article that nearly repeats another (default: add it with a warning)")
    add.add_argument("--force-date", action="store_true", help="accept a date before 1990")
    add.add_argument("--max-mb", type=_megabytes, default=MAX_ARTICLE_MB, metavar="MB",
                     help="refuse a file or text larger than this (default: %(default)g MB; a saved page may be 4 times that)")
    add.add_argument("--corpus", default=str(corpus_dir()), help="corpus folder (default: %(default)s)")
    add.set_defaults(run=_add)
    execute = commands.add_parser("execute", help="run notebooks and save them with their outputs")
    execute.add_argument("notebooks", nargs="+", help="the notebooks, longest first")
    execute.add_argument("--jobs", type=int, default=2, help="notebooks run at once (default: %(default)s)")
    execute.add_argument("--output-dir", help="save the executed notebooks here (default: in place)")
    execute.set_defaults(run=_execute)
    index = commands.add_parser("index", help="write index.md in the figures folder")
    index.add_argument("--figures", default=str(figures_dir()), help="figures folder (default: %(default)s)")
    index.set_defaults(run=_index)
    report = commands.add_parser("report", help="write the executed notebooks as one standalone HTML page")
    report.add_argument("notebooks", nargs="*", help="executed notebooks in reading order (default: notebooks/[0-9]*.ipynb)")
    report.add_argument("--out", help="the HTML file to write (default: reports/report.html)")
    report.add_argument("--figures", help="the figures folder the notebooks wrote to (default: figures/)")
    report.add_argument("--title", help="the report's title")
    report.set_defaults(run=_report)
    check_speakers = commands.add_parser("validate", help="check the speakers on your corpus by hand: sample, then report")
    actions = check_speakers.add_subparsers(dest="action", required=True)
    sample = actions.add_parser("sample", help="draw quotations to check, as a CSV to fill in")
    sample.add_argument("--corpus", default=str(corpus_dir()), help="corpus folder (default: %(default)s)")
    sample.add_argument("--n", type=int, default=100, help="quotations to draw (default: %(default)s)")
    sample.add_argument("--seed", type=int, default=0, help="random seed: the same seed draws the same sample")
    sample.add_argument("--out", required=True, help="the CSV to write (never over an existing file)")
    filled = actions.add_parser("report", help="how often the speakers are right, from a filled sheet")
    filled.add_argument("file", help="the filled CSV")
    check_speakers.set_defaults(run=_validate)
    unknown = commands.add_parser("actors", help="actors the tables lack (--unknown)")
    unknown.add_argument("--unknown", action="store_true", help="list the most quoted speakers the actor table lacks")
    unknown.add_argument("--corpus", default=str(corpus_dir()), help="corpus folder (default: %(default)s)")
    unknown.add_argument("--top", type=int, default=25, help="how many to list (default: %(default)s)")
    unknown.set_defaults(run=_actors)
    batch = commands.add_parser("cluster", help="the per-article stages on a Dask cluster, written as Parquet tables")
    batch.add_argument("--corpus", default=str(corpus_dir()), help="corpus folder (default: %(default)s)")
    batch.add_argument("--out", required=True, help="folder for the Parquet tables (made if missing)")
    batch.add_argument("--scheduler", help="a Dask scheduler address (default: NEWS_SCHEDULER, else a cluster on this machine)")
    batch.add_argument("--partition", type=int, default=1000, help="articles per task (default: %(default)s)")
    batch.add_argument("--workers", type=int, help="workers of the cluster on this machine (default: one per core)")
    batch.add_argument("--memory-limit", help="memory per worker of the cluster on this machine, such as 2GB")
    batch.set_defaults(run=_cluster)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from .corpus import CorpusError  # the commands' one kind of refusal

    try:
        return args.run(args)
    except CorpusError as err:
        print(err, file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader stopped early (`... | head`): not an error of ours
        sys.stdout = open(os.devnull, "w")  # nothing more to write; keep Python from complaining at exit
        return 0
    except OSError as err:
        if err.strerror is None:  # not a file's error (a scheduler that does not answer): its own sentence
            print(err, file=sys.stderr)
        else:
            print(f"{err.filename or 'input'}: {err.strerror}; check the path and permissions.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
