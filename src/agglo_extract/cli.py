"""The command line: ``agglo-extract convert | cite | citation | schema``. No logic of its own."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .api import parse
from .errors import AggloExtractError, CitationSyntaxError
from .export.gbt7714 import citations_text
from .export.json import to_json
from .export.schema import SCHEMA_MODELS, schema_text
from .models import BulletinIssue, JournalArticle
from .recognise.citation import parse_citation


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="agglo-extract",
        description="Chinese bulletins and journal articles on city clusters into validated JSON.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    convert = commands.add_parser("convert", help="convert documents to JSON", description="Convert documents to JSON.")
    convert.add_argument("inputs", nargs="+", metavar="INPUT", help="a .txt/.md file, or - for standard input")
    convert.add_argument(
        "-o", "--output", metavar="OUT",
        help="one input: the JSON file to write (default: standard output); several: the folder to write into",
    )
    convert.add_argument("--indent", type=int, default=2, metavar="N", help="JSON indentation (default 2)")
    convert.add_argument("--kind", choices=["bulletin_issue", "journal_article"], help="skip layout detection")
    convert.add_argument("--strict", action="store_true", help="exit 1 when a document has error diagnostics")

    cite = commands.add_parser(
        "cite",
        help="print a document's references",
        description="Print the references of a document (its bibliography).",
    )
    cite.add_argument("input", metavar="INPUT", help="a .txt/.md file, or - for standard input")
    cite.add_argument("--format", choices=["csl-json", "bibtex", "gbt7714"], default="gbt7714", help="output format")

    citation = commands.add_parser(
        "citation", help="parse one GB/T 7714 reference", description="Parse one reference string; print JSON."
    )
    citation.add_argument("text", metavar="TEXT", help="the reference as printed")

    schema = commands.add_parser("schema", help="print the JSON Schema", description="Print the JSON Schema.")
    schema.add_argument("name", nargs="?", default="document", choices=sorted(SCHEMA_MODELS), help="which model")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 a failed input, 2 usage)."""
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    if args.command == "schema":
        sys.stdout.write(schema_text(args.name))
        return 0
    if args.command == "cite":
        return _cite(args)
    if args.command == "citation":
        return _citation(args)
    return _convert(args)


def _cite(args: argparse.Namespace) -> int:
    try:
        document = parse(sys.stdin.buffer.read() if args.input == "-" else Path(args.input))
    except AggloExtractError as error:
        print(f"{args.input}: error {error.code}: {error.message}", file=sys.stderr)
        return 1
    if isinstance(document, BulletinIssue):
        citations = [entry.citation for entry in document.bibliography]
    else:
        citations = list(document.footnotes)
    sys.stdout.write(citations_text(citations, args.format))
    return 0


def _citation(args: argparse.Namespace) -> int:
    try:
        citation = parse_citation(args.text)
    except CitationSyntaxError as error:
        print(f"error {error.code}: {error}", file=sys.stderr)
        return 1
    sys.stdout.write(citation.model_dump_json(indent=2, exclude_none=True) + "\n")
    return 0


def _convert(args: argparse.Namespace) -> int:
    inputs: list[str] = args.inputs
    output = Path(args.output) if args.output else None
    if len(inputs) > 1 and output is None:
        print("agglo-extract: several inputs need -o FOLDER", file=sys.stderr)
        return 2
    if len(inputs) > 1 and output is not None:
        output.mkdir(parents=True, exist_ok=True)
    status = 0
    for name in inputs:
        try:
            document = parse(sys.stdin.buffer.read() if name == "-" else Path(name), kind=args.kind)
        except AggloExtractError as error:
            print(f"{name}: error {error.code}: {error.message}", file=sys.stderr)
            status = 1
            continue
        _report(name, document)
        if args.strict and any(d.level == "error" for d in document.diagnostics):
            status = 1
        text = to_json(document, indent=args.indent) + "\n"
        if output is None:
            sys.stdout.write(text)
        elif len(inputs) == 1:
            output.write_text(text, encoding="utf-8")
        else:
            stem = "stdin" if name == "-" else Path(name).stem
            (output / f"{stem}.json").write_text(text, encoding="utf-8")
    return status


def _report(name: str, document: BulletinIssue | JournalArticle) -> None:
    for item in document.diagnostics:
        place = item.location
        line = f":{place.line}" if place is not None and place.line is not None else ""
        print(f"{name}{line}: {item.level} {item.code}: {item.message}", file=sys.stderr)
