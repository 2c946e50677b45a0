"""Convert collections: many files in worker processes, results in input order.

``parse_many(paths, jobs=N)`` yields one ``Converted`` per path, in the order
of ``paths``: the document, or the ``Failure`` saying why that file could not
be read. A bad file never stops the batch:

- an ``AggloExtractError`` (missing, empty, undecodable, unsupported or
  damaged input) becomes ``Failure(code=error.code, internal=False)``;
- any other exception is a bug in this library, not a property of the file:
  it becomes ``Failure(code="internal-error", internal=True)`` with the
  exception type and traceback, so it is reported per file and stays visible;
- a worker process that dies (killed, out of memory) loses the files it
  held; they are retried one at a time in a fresh worker, and the one that
  kills it again is reported as ``Failure(code="worker-died", internal=True)``.

Only what is needed crosses back from a worker: ``then`` (a function applied
to each result in the worker that made it) can turn a document into what the
caller keeps (its JSON text, a few counts, flat rows), so that the calling
process, which also writes the output, spends no time unpickling documents.
The command line does this.

Workers start cheaply: where ``fork`` is safe (Linux, and the calling process
runs a single thread) the parent loads the pipeline once (models, patterns,
jieba's dictionary) and the workers inherit it; elsewhere each worker loads it
once, in its initializer. Paths go to the workers in chunks, and at most
``2 * jobs + 1`` chunks are in flight, so a long stream of paths is never
held in memory at once.

For more than one machine, map ``convert`` over paths with an existing engine
(``docs/batch.md`` has a Dask bag recipe); ``Converted`` and every document
pickle. This module has no scheduler of its own beyond one local process pool.

>>> from pathlib import Path
>>> [(c.path, c.ok, c.error and c.error.code) for c in parse_many([Path("fixtures/journals/journal_urban_economy.txt"),
...                                                               Path("no/such/file.txt")], facts=False)]
[('fixtures/journals/journal_urban_economy.txt', True, None), ('no/such/file.txt', False, 'load-failed')]
"""

from __future__ import annotations

import hashlib
import inspect
import json
import multiprocessing
import os
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any, TypeVar, overload

from .api import parse
from .errors import AggloExtractError
from .models import BulletinIssue, JournalArticle

__all__ = [
    "INPUT_SUFFIXES",
    "Converted",
    "Failure",
    "Input",
    "convert",
    "convert_sources",
    "existing_hashes",
    "expand_inputs",
    "parse_many",
    "sha256_of",
]

INPUT_SUFFIXES = (".txt", ".md", ".pdf")
"""The files a folder input contributes (case-insensitive)."""

_WARM_UP_TEXT = (
    "信息参考\n\n2017年第1期\n\n城市群面积约11.66万平方公里，比上年增长5%。①\n\n"
    "①张三. 城市群研究[M]. 北京: 科学出版社, 2015.\n"
)

InputData = Path | bytes
"""What one work item reads: a file, or bytes already read (standard input)."""

R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Failure:
    """Why one input could not be converted.

    ``internal`` is False for a problem of the file (``code`` is the
    ``AggloExtractError`` code: ``empty``, ``undecodable``, ``pdf-damaged``, …)
    and True for a bug or a crash (``internal-error``, ``worker-died``), which
    is worth reporting with the file. ``type`` names the exception class and
    ``traceback`` holds the formatted traceback of an internal error.
    """

    code: str
    message: str
    type: str
    location: str | None = None
    internal: bool = False
    traceback: str | None = None

    @classmethod
    def from_exception(cls, error: BaseException) -> Failure:
        """The failure for ``error``: expected when it is an ``AggloExtractError``, internal otherwise."""
        if isinstance(error, AggloExtractError):
            return cls(error.code, error.message, type(error).__name__, error.location)
        text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        message = f"{type(error).__name__}: {error}"
        return cls("internal-error", message, type(error).__name__, internal=True, traceback=text)

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


@dataclass(frozen=True, slots=True)
class Converted:
    """The result for one input: ``document`` or ``error`` (exactly one is set) and the seconds it took."""

    path: str
    document: BulletinIssue | JournalArticle | None
    error: Failure | None
    seconds: float

    @property
    def ok(self) -> bool:
        """Whether the input was converted."""
        return self.document is not None


@dataclass(frozen=True, slots=True)
class Input:
    """One input file found by ``expand_inputs``.

    ``name`` is the path as given or found (``-`` for standard input) and
    ``relative`` its path below the folder it was found in (its file name
    when it was named directly): the basis of its output name.
    """

    name: str
    relative: Path
    path: Path | None


def expand_inputs(arguments: Sequence[str]) -> tuple[list[Input], list[str]]:
    """The files named by ``arguments``, in order, and the arguments that named none.

    An argument is ``-`` (standard input), a file (taken whatever its suffix),
    a folder (every ``.txt``, ``.md`` and ``.pdf`` below it, recursively,
    sorted, hidden entries skipped) or a glob pattern (``**`` recurses;
    matches sorted; a matched folder counts as a folder). A path that does
    not exist is kept, so reading it reports the error. A file named twice
    is taken once.
    """
    found: list[Input] = []
    empty: list[str] = []
    seen: set[Path] = set()

    def add(item: Input) -> None:
        key = item.path.resolve() if item.path is not None else Path("-")
        if key not in seen:
            seen.add(key)
            found.append(item)

    for argument in arguments:
        if argument == "-":
            add(Input("-", Path("stdin"), None))
            continue
        if Path(argument).exists() or not any(char in argument for char in "*?["):
            targets = [argument]
        else:
            import glob

            targets = sorted(glob.glob(argument, recursive=True))
        named = 0
        for target in targets:
            path = Path(target)
            if path.is_dir():
                for relative in _folder_files(path):
                    add(Input(str(path / relative), relative, path / relative))
                    named += 1
            else:
                add(Input(target, Path(path.name), path))
                named += 1
        if not named:
            empty.append(argument)
    return found, empty


def _folder_files(folder: Path) -> list[Path]:
    files = [
        path.relative_to(folder)
        for path in folder.rglob("*")
        if path.suffix.lower() in INPUT_SUFFIXES and path.is_file()
    ]
    return sorted((p for p in files if not any(part.startswith(".") for part in p.parts)), key=Path.as_posix)


def sha256_of(path: Path) -> str | None:
    """The hash that ``source.sha256`` of its document will hold; None when the file cannot be read."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as file:
            for block in iter(lambda: file.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def existing_hashes(output: Path) -> frozenset[str]:
    """The ``source.sha256`` of every document already in ``output``: what ``--skip-existing`` skips.

    ``output`` is a JSON Lines file (a line that is no document is passed
    over), a JSON file, or a folder of ``*.json`` files (recursively); a
    missing one holds none.
    """
    if output.is_dir():
        texts = [path.read_text("utf-8") for path in sorted(output.rglob("*.json")) if path.is_file()]
    elif output.is_file():
        content = output.read_text("utf-8")
        texts = content.splitlines() if output.suffix.lower() == ".jsonl" else [content]
    else:
        return frozenset()
    found = set()
    for text in texts:
        try:
            document = json.loads(text)
            digest = document["source"]["sha256"]
        except (ValueError, TypeError, KeyError):
            continue  # not a document (a line cut short by an interrupted run, another kind of JSON)
        if isinstance(digest, str):
            found.add(digest)
    return frozenset(found)


def convert(source: str | os.PathLike[str] | bytes, **parse_options: Any) -> Converted:
    """``parse`` one input, returning its ``Converted`` result instead of raising for a bad file.

    A ``str`` or path-like is a file path here (unlike ``parse``); ``bytes``
    are converted as they are (the result's ``path`` is ``-``). This is the
    function to map with a distributed engine.
    """
    if isinstance(source, bytes):
        return _convert("-", source, parse_options)
    return _convert(os.fspath(source), Path(source), parse_options)


@overload
def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = 1,
    chunksize: int | None = None,
    mp_context: BaseContext | None = None,
    then: None = None,
    **parse_options: Any,
) -> Iterator[Converted]: ...


@overload
def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = 1,
    chunksize: int | None = None,
    mp_context: BaseContext | None = None,
    then: Callable[[Converted], R],
    **parse_options: Any,
) -> Iterator[R]: ...


def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = 1,
    chunksize: int | None = None,
    mp_context: BaseContext | None = None,
    then: Callable[[Converted], Any] | None = None,
    **parse_options: Any,
) -> Iterator[Any]:
    """Parse many files; yield one ``Converted`` per path, in the order of ``paths``.

    ``jobs`` is the number of worker processes (1: in this process; None:
    one per CPU). ``parse_options`` are ``parse``'s keyword options (``kind``,
    ``facts``), checked before any work starts. ``chunksize`` is how many
    paths a worker takes at a time (default: about 1/8 of each worker's share,
    at most 4: a file takes tens of milliseconds or more, sending a chunk well
    under one, and small chunks keep the workers evenly busy to the end).
    ``mp_context`` overrides the start method chosen (see the
    module docstring).

    ``then``, when given, is applied to each ``Converted`` in the worker that
    made it, and its results are yielded instead: only they are sent back
    (see the module docstring). It must pickle (a module-level function or a
    ``functools.partial`` of one) and should not raise: an exception from it
    ends the iteration. It also gets the result of a file whose worker died.
    """
    items = ((os.fspath(p), Path(p)) for p in paths)
    sized = len(paths) if isinstance(paths, Sized) else None
    return _run(items, jobs, chunksize, sized, mp_context, then, parse_options)


@overload
def convert_sources(
    items: Iterable[tuple[str, InputData]],
    *,
    jobs: int | None = 1,
    chunksize: int | None = None,
    count: int | None = None,
    mp_context: BaseContext | None = None,
    then: None = None,
    **parse_options: Any,
) -> Iterator[Converted]: ...


@overload
def convert_sources(
    items: Iterable[tuple[str, InputData]],
    *,
    jobs: int | None = 1,
    chunksize: int | None = None,
    count: int | None = None,
    mp_context: BaseContext | None = None,
    then: Callable[[Converted], R],
    **parse_options: Any,
) -> Iterator[R]: ...


def convert_sources(
    items: Iterable[tuple[str, InputData]],
    *,
    jobs: int | None = 1,
    chunksize: int | None = None,
    count: int | None = None,
    mp_context: BaseContext | None = None,
    then: Callable[[Converted], Any] | None = None,
    **parse_options: Any,
) -> Iterator[Any]:
    """``parse_many`` over ``(name, path or bytes)`` pairs; ``count`` is their number when known."""
    return _run(items, jobs, chunksize, count, mp_context, then, parse_options)


def _run(
    items: Iterable[tuple[str, InputData]],
    jobs: int | None,
    chunksize: int | None,
    count: int | None,
    mp_context: BaseContext | None,
    then: Callable[[Converted], Any] | None,
    parse_options: dict[str, Any],
) -> Iterator[Any]:
    inspect.signature(parse).bind(b"", **parse_options)  # a wrong option is the caller's error: raise it now
    workers = (os.cpu_count() or 1) if jobs is None else jobs
    if workers < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    finish: Callable[[Converted], Any] = _unchanged if then is None else then
    if workers == 1 or (count is not None and count <= 1):
        return (finish(_convert(name, source, parse_options)) for name, source in items)
    if chunksize is None:
        chunksize = max(1, min(4, (count or 64) // (workers * 8)))
    return _pooled(iter(items), workers, chunksize, _Task(parse_options, finish), mp_context or _context())


def _context() -> BaseContext:
    """``fork`` where it is safe and cheap (no other threads, not macOS); else the platform default."""
    if sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _warm_up(parse_options: dict[str, Any]) -> None:
    """Load what ``parse`` loads on first use (data tables, jieba's dictionary).

    Only an optimisation: should it fail, the batch goes on, and the same bug
    is then reported for each file it hits, as an ``internal-error`` with its
    traceback (a failing initializer would break the pool instead).
    """
    try:
        parse(_WARM_UP_TEXT, **parse_options)
    except Exception:  # reported per file when it recurs there (see above)
        return


def _convert(name: str, source: InputData, parse_options: dict[str, Any]) -> Converted:
    started = time.perf_counter()
    try:
        document = parse(source, **parse_options)
    except AggloExtractError as error:
        return Converted(name, None, Failure.from_exception(error), time.perf_counter() - started)
    except Exception as error:  # a bug, not a bad file: reported for this file as internal, with its type
        return Converted(name, None, Failure.from_exception(error), time.perf_counter() - started)
    return Converted(name, document, None, time.perf_counter() - started)


def _unchanged(result: Converted) -> Converted:
    return result


@dataclass(frozen=True, slots=True)
class _Task:
    """What a worker does with each item: ``parse`` with these options, then ``finish`` the result."""

    parse_options: dict[str, Any]
    finish: Callable[[Converted], Any]


def _convert_chunk(chunk: list[tuple[str, InputData]], task: _Task) -> list[Any]:
    return [task.finish(_convert(name, source, task.parse_options)) for name, source in chunk]


class _Pool:
    """A process pool made on demand, with the same settings each time (after a worker died)."""

    def __init__(self, workers: int, task: _Task, context: BaseContext) -> None:
        self.workers = workers
        self.task = task
        self.context = context
        self.executor: ProcessPoolExecutor | None = None

    def submit(self, chunk: list[tuple[str, InputData]]) -> Future[list[Any]]:
        if self.executor is None:
            if self.context.get_start_method() == "fork":
                _warm_up(self.task.parse_options)  # once in the parent: the forked workers inherit it
                self.executor = ProcessPoolExecutor(self.workers, mp_context=self.context)
            else:
                self.executor = ProcessPoolExecutor(
                    self.workers, mp_context=self.context, initializer=_warm_up, initargs=(self.task.parse_options,)
                )
        return self.executor.submit(_convert_chunk, chunk, self.task)

    def close(self, *, cancel: bool = False) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=cancel)
            self.executor = None


def _pooled(
    items: Iterator[tuple[str, InputData]], workers: int, chunksize: int, task: _Task, context: BaseContext
) -> Iterator[Any]:
    pool = _Pool(workers, task, context)
    pending: deque[tuple[list[tuple[str, InputData]], Future[list[Any]]]] = deque()
    try:
        while True:
            while len(pending) < 2 * workers + 1 and (chunk := list(islice(items, chunksize))):
                pending.append((chunk, pool.submit(chunk)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                lost = chunk + [item for other, _ in pending for item in other]
                pending.clear()
                pool.close()
                yield from _isolated(lost, task, context)
                continue
            yield from results
    finally:
        pool.close(cancel=True)


def _isolated(items: list[tuple[str, InputData]], task: _Task, context: BaseContext) -> Iterator[Any]:
    """After a worker died: each lost item alone in one worker, so a crash is pinned on its own file."""
    pool = _Pool(1, task, context)
    try:
        for item in items:
            try:
                yield from pool.submit([item]).result()
            except BrokenProcessPool as error:
                pool.close()
                message = "the worker process died while converting this file (killed, out of memory or a crash)"
                failure = Failure("worker-died", message, type(error).__name__, internal=True)
                yield task.finish(Converted(item[0], None, failure, 0.0))
    finally:
        pool.close()
