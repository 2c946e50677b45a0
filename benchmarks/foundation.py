"""Foundation figures: import cost and bulletin parse speed.

Prints: the time of ``import agglo_extract`` in a fresh interpreter (and
whether jieba or pdfplumber were imported), the time until ``parse`` is ready,
and the median time to parse seed 000 (when ../shared/seeds is present) and
each bundled bulletin fixture after warm-up.

    python benchmarks/foundation.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "000_7cf66135544dacb7.txt"
PROBE = """
import sys, time
start = time.perf_counter()
import agglo_extract
imported = time.perf_counter()
agglo_extract.parse
ready = time.perf_counter()
print(imported - start, ready - imported, "jieba" in sys.modules, "pdfplumber" in sys.modules)
"""


def import_figures(runs: int = 7) -> None:
    rows = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout.split()
        rows.append((float(out[0]), float(out[1]), out[2], out[3]))
    print(f"import agglo_extract: median {statistics.median(r[0] for r in rows) * 1000:.1f} ms "
          f"(jieba imported: {rows[0][2]}, pdfplumber imported: {rows[0][3]})")
    print(f"until parse is ready (models, segmenter, citation recogniser): median "
          f"{statistics.median(r[1] for r in rows) * 1000:.1f} ms")
    importtime = subprocess.run([sys.executable, "-X", "importtime", "-c", "import agglo_extract"],
                                capture_output=True, text=True, check=True).stderr.strip().splitlines()[-1]
    print(f"-X importtime, last line: {importtime}")


def parse_figures(path: Path, runs: int = 20) -> None:
    import agglo_extract

    data = path.read_bytes()
    for facts in (False, True):
        agglo_extract.parse(data, facts=facts)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            agglo_extract.parse(data, facts=facts)
            times.append(time.perf_counter() - start)
        what = "with facts" if facts else "structure, notes, citations, tables (facts=False)"
        print(f"parse {path.name} ({len(data) // 1024} KiB), {what}: median "
              f"{statistics.median(times) * 1000:.1f} ms after warm-up, min {min(times) * 1000:.1f} ms")


if __name__ == "__main__":
    import_figures()
    if SEED.is_file():
        parse_figures(SEED)
    for fixture in sorted((ROOT / "fixtures" / "issues").glob("*.txt")):
        parse_figures(fixture)
