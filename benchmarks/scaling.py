"""Scaling: parse time per MB and peak memory for 1, 4 and 16 MB documents.

Each document is the bundled bulletin fixtures (fixtures/issues/*.txt)
repeated until it holds the size in UTF-8 bytes, parsed as one document.
Every size runs in its own interpreter, after a warm-up parse (so jieba's
dictionary and the pattern caches are loaded): it prints the parse time,
seconds per MB, the peak of Python allocations during a second parse
(tracemalloc, so the timing run is not slowed by it) and the process's
maximum resident set. Targets: 16 MB within 1.3 times the 1 MB time per MB;
peak memory under 20 times the input.

    python benchmarks/scaling.py [--sizes 1,4,16] [--no-facts] [--profile MB]

``--profile MB`` runs cProfile on that size instead and prints the top
functions by cumulative and by own time.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000

CHILD = r"""
import gc, json, resource, sys, time, tracemalloc
from pathlib import Path
sys.path.insert(0, {root!r})
from benchmarks.scaling import document
import agglo_extract

size, facts = {size}, {facts}
agglo_extract.parse(Path({warm!r}), facts=facts)  # warm-up: jieba, tables, pattern caches
text = document(size * 1_000_000)
gc.collect()
start = time.perf_counter()
parsed = agglo_extract.parse(text, facts=facts)
seconds = time.perf_counter() - start
articles = len(parsed.articles) if parsed.kind == "bulletin_issue" else 0
codes = sorted({{d.code for d in parsed.diagnostics}})
del parsed
gc.collect()
tracemalloc.start()
agglo_extract.parse(text, facts=facts)
peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({{"bytes": len(text.encode()), "chars": len(text), "seconds": seconds, "peak": peak,
                  "rss": rss, "articles": articles, "codes": codes}}))
"""


def document(size: int) -> str:
    """The bulletin fixtures repeated until the text holds ``size`` UTF-8 bytes (cut at a line end)."""
    pieces = [
        path.read_text("utf-8").rstrip("\n") + "\n\n" for path in sorted((ROOT / "fixtures" / "issues").glob("*.txt"))
    ]
    parts: list[str] = []
    total = 0
    while total < size:
        piece = pieces[len(parts) % len(pieces)]
        parts.append(piece)
        total += len(piece.encode("utf-8"))
    return "".join(parts)


def run(size: int, *, facts: bool) -> dict[str, float]:
    warm = ROOT / "fixtures" / "issues" / "bulletin_changjiang.txt"
    code = CHILD.format(root=str(ROOT), size=size, facts=facts, warm=str(warm))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def profile(size: int, *, facts: bool) -> None:
    import cProfile
    import pstats

    import agglo_extract

    agglo_extract.parse((ROOT / "fixtures" / "issues" / "bulletin_changjiang.txt").read_text("utf-8"), facts=facts)
    text = document(size * MB)
    profiler = cProfile.Profile()
    profiler.enable()
    agglo_extract.parse(text, facts=facts)
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(30)
    stats.sort_stats("tottime").print_stats(20)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,4,16", help="sizes in MB, comma-separated (default 1,4,16)")
    parser.add_argument("--no-facts", action="store_true", help="parse with facts=False")
    parser.add_argument("--profile", type=int, metavar="MB", help="profile one size with cProfile instead")
    args = parser.parse_args(argv)
    facts = not args.no_facts
    if args.profile:
        profile(args.profile, facts=facts)
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    per_mb: dict[int, float] = {}
    print(f"facts={facts}")
    print(
        f"{'size':>6} {'bytes':>11} {'chars':>10} {'articles':>8} {'seconds':>8} {'s/MB':>7} "
        f"{'peak MB':>8} {'peak/in':>7} {'maxrss MB':>9}"
    )
    for size in sizes:
        r = run(size, facts=facts)
        per_mb[size] = r["seconds"] / (r["bytes"] / MB)
        print(
            f"{size:>4}MB {r['bytes']:>11,} {r['chars']:>10,} {r['articles']:>8} {r['seconds']:>8.2f} "
            f"{per_mb[size]:>7.3f} {r['peak'] / MB:>8.1f} {r['peak'] / r['bytes']:>6.1f}x {r['rss'] / MB:>9.1f}"
        )
    if len(sizes) > 1:
        first, last = sizes[0], sizes[-1]
        ratio = per_mb[last] / per_mb[first]
        verdict = "ok" if ratio <= 1.3 else "ABOVE 1.3"
        print(f"s/MB ratio {last}MB/{first}MB: {ratio:.2f} (target <= 1.3: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
