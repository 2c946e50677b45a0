"""Peak memory and time per page of a long PDF: 30, 100 and 300 pages of our fixture pages repeated.

Each size is written with ``scripts/make_fixture_pdfs.py``'s ``write_long_pdf``
(reportlab, the ``bench`` extra) and parsed in a fresh process, which reports
its peak resident memory. Targets: under 400 MB at 300 pages, and the time
per page flat from 30 to 300 pages.

    python benchmarks/pdf_pages.py [PAGES ...]
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import json, resource, sys, time
from pathlib import Path
from agglo_extract import parse
started = time.perf_counter()
document = parse(Path(sys.argv[1]))
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak, "pages": document.source.pages}))
"""


def _writer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_fixture_pdfs", ROOT / "scripts" / "make_fixture_pdfs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the script runs
    spec.loader.exec_module(module)
    return module.write_long_pdf


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [30, 100, 300]
    write_long_pdf = _writer()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for pages in sizes:
            path = Path(folder) / f"long_{pages}.pdf"
            write_long_pdf(path, pages)
            out = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True)
            result = json.loads(out.stdout.strip().splitlines()[-1])
            rows.append((pages, result))
            per_page = result["seconds"] / result["pages"] * 1000
            print(
                f"{result['pages']:4} pages  {result['seconds']:7.2f} s  {per_page:6.1f} ms/page  "
                f"peak {result['peak_mb']:6.1f} MB  ({path.stat().st_size / 1e6:.1f} MB file)"
            )
    first, last = rows[0][1], rows[-1][1]
    ratio = (last["seconds"] / last["pages"]) / (first["seconds"] / first["pages"])
    print(
        f"\ntime per page at {rows[-1][0]} pages over {rows[0][0]} pages: {ratio:.2f} (flat is 1.0); "
        f"peak at {rows[-1][0]} pages: {last['peak_mb']:.0f} MB (target under 400 MB)"
    )


if __name__ == "__main__":
    main()
