"""Command line: ``python -m helpers COMMAND ...``.

Commands
    check [--corpus DIR]    validate a corpus folder and list every problem

Every command exits non-zero with one plain sentence on stderr when the input is bad.
"""
from __future__ import annotations

import argparse
import sys

from .config import corpus_dir
from .corpus import CorpusError, find_problems, load_corpus


def _check(args: argparse.Namespace) -> int:
    problems = find_problems(args.corpus)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    frame = load_corpus(args.corpus)
    print(f"{args.corpus}: ok, {len(frame)} articles, {frame['words'].sum():,} words.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate a corpus folder")
    check.add_argument("--corpus", default=str(corpus_dir()), help="corpus folder (default: %(default)s)")
    check.set_defaults(run=_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except CorpusError as err:
        print(err, file=sys.stderr)
        return 1
    except OSError as err:
        print(f"{err.filename or 'input'}: {err.strerror}; check the path and permissions.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
