"""The command line: ``agglo-extract convert | cite | citation | schema``. No logic of its own."""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from .api import parse
from .batch import Converted, Failure, Input, convert_sources, existing_hashes, expand_inputs, sha256_of
from .errors import AggloExtractError, CitationSyntaxError
from .export.flat import CITY_ROLE_COLUMNS, FACT_COLUMNS, Row, iter_city_roles, iter_csl_items, iter_facts
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

    convert = commands.add_parser(
        "convert",
        help="convert documents to JSON",
        description="Convert documents to JSON: one file, or a collection (folders, patterns) in worker processes.",
    )
    convert.add_argument(
        "inputs", nargs="+", metavar="INPUT",
        help="a .txt/.md/.pdf file, a folder (its .txt/.md/.pdf files, recursively), a glob pattern, or - for stdin",
    )
    convert.add_argument(
        "-o", "--output", metavar="OUT",
        help="one input: the JSON file to write (default: standard output); several, a folder or a pattern: the "
        "folder to write <name>.json files into; a name ending in .jsonl: JSON Lines, one document a line",
    )
    convert.add_argument("--indent", type=int, default=2, metavar="N", help="JSON indentation (default 2)")
    convert.add_argument("--kind", choices=["bulletin_issue", "journal_article"], help="skip layout detection")
    convert.add_argument("--strict", action="store_true", help="exit 1 when a document has error diagnostics")
    convert.add_argument(
        "-j", "--jobs", type=int, default=1, metavar="N", help="worker processes (default 1; 0: one per CPU)"
    )
    convert.add_argument(
        "--skip-existing", action="store_true",
        help="skip an input whose sha256 is already the source.sha256 of a document in OUT (added to a .jsonl)",
    )
    convert.add_argument("--facts", metavar="CSV", help="also write one row per numeric fact to this CSV file")
    convert.add_argument("--tables", metavar="CSV", help="also write one row per city of a city-role table to this CSV")
    convert.add_argument("--citations", metavar="JSON", help="also write the references as CSL-JSON to this file")
    convert.add_argument(
        "-q", "--quiet", action="store_true",
        help="no progress bar, summary or info/warning diagnostics (failures and errors are still reported)",
    )

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
    """Convert every input, in order; failures are reported and the rest still written."""
    started = time.perf_counter()
    inputs, unmatched = expand_inputs(args.inputs)
    single = len(args.inputs) == 1 and len(inputs) == 1 and inputs[0].name == args.inputs[0]
    exports = args.facts or args.tables or args.citations
    out: str | None = args.output
    if out is None and not single and not exports:
        return _usage("several inputs, a folder or a pattern need -o FOLDER or -o FILE.jsonl")
    if args.skip_existing and out is None:
        return _usage("--skip-existing needs -o")
    if args.jobs < 0:
        return _usage("--jobs must be 0 (one per CPU) or more")
    try:
        sink = _sink(out, single=single, indent=args.indent, append=args.skip_existing, exports=bool(exports))
        try:
            flat = _Exports(args.facts, args.tables, args.citations)
        except OSError:
            sink.close()
            raise
    except OSError as error:
        print(f"agglo-extract: cannot write {error.filename}: {error.strerror or error}", file=sys.stderr)
        return 1
    with sink, flat:
        status = 1 if unmatched else 0
        for argument in unmatched:
            print(f"{argument}: error no-input: no .txt, .md or .pdf file found", file=sys.stderr)
        known = sink.hashes() if args.skip_existing else frozenset()
        todo = [item for item in inputs if item.path is None or not known or sha256_of(item.path) not in known]
        sources = [(item.name, item.path if item.path is not None else sys.stdin.buffer.read()) for item in todo]
        progress = _Progress(len(todo), enabled=not args.quiet and len(todo) > 1 and sys.stderr.isatty())
        tally = _Tally(files=len(inputs), skipped=len(inputs) - len(todo))
        render = _Render(sink.indent, args.quiet, sink.wanted, bool(args.facts), bool(args.tables),
                         bool(args.citations))
        try:
            results = convert_sources(sources, jobs=args.jobs or None, count=len(sources), then=render, kind=args.kind)
            for item, result in zip(todo, results):
                status |= _handle(item, result, args, sink, flat, progress, tally)
                progress.update()
        finally:
            progress.close()
    if not args.quiet:
        print(tally.summary(time.perf_counter() - started), file=sys.stderr)
    return status


def _usage(message: str) -> int:
    print(f"agglo-extract: {message}", file=sys.stderr)
    return 2


@dataclass(frozen=True, slots=True)
class _Rendered:
    """One result as the command line uses it: made in the worker, so that no document crosses back."""

    error: Failure | None
    json: str = ""
    diagnostics: tuple[str, ...] = ()
    has_error: bool = False
    facts: int = 0
    footnotes: int = 0
    fact_rows: tuple[Row, ...] = ()
    role_rows: tuple[Row, ...] = ()
    csl_items: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True, slots=True)
class _Render:
    """Turns a ``Converted`` into ``_Rendered`` (run in the worker: ``convert_sources(then=...)``)."""

    indent: int | None
    quiet: bool
    json: bool
    facts: bool
    tables: bool
    citations: bool

    def __call__(self, result: Converted) -> _Rendered:
        document = result.document
        if document is None:
            return _Rendered(result.error)
        parts = document.articles if isinstance(document, BulletinIssue) else (document,)
        return _Rendered(
            None,
            json=to_json(document, indent=self.indent) if self.json else "",
            diagnostics=tuple(_diagnostic_lines(result.path, document, quiet=self.quiet)),
            has_error=any(d.level == "error" for d in document.diagnostics),
            facts=sum(len(part.facts) for part in parts),
            footnotes=sum(len(part.footnotes) for part in parts),
            fact_rows=tuple(iter_facts(document)) if self.facts else (),
            role_rows=tuple(iter_city_roles(document)) if self.tables else (),
            csl_items=tuple(iter_csl_items(document)) if self.citations else (),
        )


def _handle(
    item: Input, result: _Rendered, args: argparse.Namespace, sink: _Sink, flat: _Exports, progress: _Progress,
    tally: _Tally,
) -> int:
    """Report and write one result; returns 1 when it fails the run."""
    if result.error is not None:
        error = result.error
        tally.failed += 1
        tally.internal += error.internal
        note = " (unexpected: please report it with this file)" if error.internal else ""
        progress.write(f"{item.name}: error {error.code}: {error.message}{note}")
        return 1
    tally.ok += 1
    tally.facts += result.facts
    tally.footnotes += result.footnotes
    for line in result.diagnostics:
        progress.write(line)
    sink.write(item, result.json)
    flat.write(result)
    return int(args.strict and result.has_error)


def _diagnostic_lines(name: str, document: BulletinIssue | JournalArticle, *, quiet: bool = False) -> list[str]:
    lines = []
    for item in document.diagnostics:
        if quiet and item.level != "error":
            continue
        place = item.location
        line = f":{place.line}" if place is not None and place.line is not None else ""
        lines.append(f"{name}{line}: {item.level} {item.code}: {item.message}")
    return lines


@dataclass
class _Tally:
    files: int
    skipped: int
    ok: int = 0
    failed: int = 0
    internal: int = 0
    facts: int = 0
    footnotes: int = 0

    def summary(self, seconds: float) -> str:
        internal = f" ({self.internal} internal)" if self.internal else ""
        return (f"agglo-extract: {self.files} files, {self.ok} ok, {self.failed} failed{internal}, "
                f"{self.skipped} skipped, {self.facts} facts, {self.footnotes} footnotes, {seconds:.2f} s")


class _Progress:
    """A tqdm bar on standard error when enabled; lines written above it so they do not break it."""

    def __init__(self, total: int, *, enabled: bool) -> None:
        self.bar: Any = None
        if enabled:
            import importlib

            tqdm = importlib.import_module("tqdm").tqdm  # loaded only for a bar; untyped, so taken as Any
            tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked from this one
            self.bar = tqdm(total=total, unit="file", file=sys.stderr, dynamic_ncols=True, leave=False)

    def write(self, line: str) -> None:
        if self.bar is None:
            print(line, file=sys.stderr)
        else:
            self.bar.write(line, file=sys.stderr)

    def update(self) -> None:
        if self.bar is not None:
            self.bar.update()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


class _Sink:
    """Where documents go: standard output, one JSON file, a folder of them, a JSON Lines file, or nowhere.

    ``indent`` is the JSON indentation it takes; ``wanted`` is False when the
    documents are not written at all (only flat exports were asked for).
    """

    wanted = True

    def __init__(self, target: Path | None, *, indent: int | None) -> None:
        self.target = target
        self.indent = indent

    def __enter__(self) -> _Sink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def hashes(self) -> frozenset[str]:
        """The ``source.sha256`` of the documents already written to the target."""
        return existing_hashes(self.target) if self.target is not None else frozenset()

    def write(self, item: Input, text: str) -> None:
        if self.target is None:
            sys.stdout.write(text + "\n")
        else:
            self.target.write_text(text + "\n", encoding="utf-8")

    def close(self) -> None:
        pass


class _Nowhere(_Sink):
    """No -o with several inputs and a flat export: only the exports are written."""

    wanted = False

    def write(self, item: Input, text: str) -> None:
        pass


class _Folder(_Sink):
    """``<name>.json`` per input: its path below the folder it was found in; ``-2``, ``-3`` … when taken."""

    def __init__(self, target: Path, *, indent: int) -> None:
        super().__init__(target, indent=indent)
        target.mkdir(parents=True, exist_ok=True)
        self.used: set[Path] = set()

    def write(self, item: Input, text: str) -> None:
        assert self.target is not None
        relative = item.relative.with_suffix(".json")
        name, number = relative, 1
        while name in self.used:
            number += 1
            name = relative.with_name(f"{relative.stem}-{number}.json")
        self.used.add(name)
        path = self.target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")


class _JsonLines(_Sink):
    """One document a line; appended to with ``--skip-existing``, else written afresh."""

    def __init__(self, target: Path, *, append: bool) -> None:
        super().__init__(target, indent=None)
        self.known = existing_hashes(target) if append else frozenset()
        complete = not append or not target.is_file() or target.read_bytes()[-1:] in (b"", b"\n")
        self.file: TextIO = target.open("a" if append else "w", encoding="utf-8")
        if not complete:
            self.file.write("\n")  # a line cut short by an interrupted run stays alone on its line

    def hashes(self) -> frozenset[str]:
        return self.known

    def write(self, item: Input, text: str) -> None:
        self.file.write(text + "\n")
        self.file.flush()

    def close(self) -> None:
        self.file.close()


def _sink(out: str | None, *, single: bool, indent: int, append: bool, exports: bool) -> _Sink:
    if out is None:
        return _Sink(None, indent=indent) if single or not exports else _Nowhere(None, indent=None)
    target = Path(out)
    if target.suffix.lower() == ".jsonl":
        return _JsonLines(target, append=append)
    if single and not target.is_dir():
        return _Sink(target, indent=indent)
    return _Folder(target, indent=indent)


class _Exports:
    """The flat exports asked for: facts and city roles as CSV rows, references as one CSL-JSON list."""

    def __init__(self, facts: str | None, tables: str | None, citations: str | None) -> None:
        self.stack = contextlib.ExitStack()
        self.facts = self._csv(facts, FACT_COLUMNS)
        self.tables = self._csv(tables, CITY_ROLE_COLUMNS)
        self.citations = Path(citations) if citations else None
        self.items: dict[str, dict[str, Any]] = {}

    def _csv(self, name: str | None, columns: Sequence[str]) -> csv.DictWriter[str] | None:
        if not name:
            return None
        file = self.stack.enter_context(open(name, "w", encoding="utf-8-sig", newline=""))  # noqa: SIM115 (closed by the stack)
        writer = csv.DictWriter(file, fieldnames=columns)
        writer.writeheader()
        return writer

    def __enter__(self) -> _Exports:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stack.close()
        if self.citations is not None:
            text = json.dumps(list(self.items.values()), ensure_ascii=False, indent=2)
            self.citations.write_text(text + "\n", encoding="utf-8")

    def write(self, result: _Rendered) -> None:
        if self.facts is not None:
            self.facts.writerows(result.fact_rows)
        if self.tables is not None:
            self.tables.writerows(result.role_rows)
        if self.citations is not None:
            for item in result.csl_items:
                self.items.setdefault(item["id"], item)
