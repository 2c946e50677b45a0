"""Field-level accuracy of ``parse_citation`` on the case table, and its speed.

Run from the repository root::

    .venv/bin/python benchmarks/citations.py

Prints, for fixtures/citations/*.jsonl: the share of fields parsed exactly
(per field, per expected type code, per group, overall) and the time for
10,000 parses on one core (the case texts that parse, cycled; no caching anywhere).
A case that must raise counts one field, ``error``. Cases marked ``xfail``
are counted like any other. Cases with ids ``heldout-*`` had their expected
fields written before the parser was run on them; they are also shown as a
group of their own (the figures before the fixes they prompted are in the
commit messages that added them).
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from agglo_extract.errors import CitationSyntaxError
from agglo_extract.models import FootnoteCitation
from agglo_extract.recognise.citation import parse_citation

ROOT = Path(__file__).resolve().parents[1]
FIELDS = (
    "authors", "et_al", "title", "type_code", "carrier", "container", "container_authors", "edition",
    "place", "publisher", "year", "date", "volume", "issue", "pages", "number", "url", "doi",
    "access_date", "update_date", "translators", "warnings",
)  # fmt: skip
PARSES = 10_000


def cases() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in sorted((ROOT / "fixtures" / "citations").glob("*.jsonl")):
        rows.extend(json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip())
    return rows


def fields_of(citation: FootnoteCitation) -> dict[str, Any]:
    values = citation.model_dump(mode="json", include=set(FIELDS))
    values["warnings"] = [w.split(":", 1)[0] for w in citation.warnings]
    return values


def main() -> int:
    table = cases()
    defaults = FootnoteCitation(raw="x").model_dump(mode="json", include=set(FIELDS))
    per_field: Counter[str] = Counter()
    per_field_total: Counter[str] = Counter()
    per_type: Counter[str] = Counter()
    per_type_total: Counter[str] = Counter()
    per_group: Counter[str] = Counter()
    per_group_total: Counter[str] = Counter()
    wrong: list[str] = []
    for case in table:
        expected = case["expected"]
        kind = "(not a citation)" if expected.get("error") else str(expected.get("type_code"))
        if expected.get("error"):
            try:
                parse_citation(case["text"])
                results = {"error": False}
            except CitationSyntaxError:
                results = {"error": True}
        else:
            try:
                got = fields_of(parse_citation(case["text"]))
            except CitationSyntaxError:
                got = {}
            want = {**defaults, **expected}
            results = {name: got.get(name, object()) == want[name] for name in FIELDS}
        groups = [case["group"]] + (["(held-out ids)"] if case["id"].startswith("heldout-") else [])
        for name, ok in results.items():
            per_field_total[name] += 1
            per_type_total[kind] += 1
            for group in groups:
                per_group_total[group] += 1
                per_group[group] += ok
            if ok:
                per_field[name] += 1
                per_type[kind] += 1
            else:
                wrong.append(f"{case['id']}: {name}")

    def show(title: str, right: Counter[str], total: Counter[str]) -> None:
        print(f"\n{title}")
        for key in sorted(total, key=lambda k: (right[k] / total[k], k)):
            print(f"  {key:<18} {100 * right[key] / total[key]:6.2f}%  ({right[key]}/{total[key]})")

    print(f"cases: {len(table)}  ({sum(1 for c in table if c['expected'].get('error'))} not citations)")
    show("per field", per_field, per_field_total)
    show("per type (expected type_code)", per_type, per_type_total)
    show("per group", per_group, per_group_total)
    right, total = sum(per_field.values()), sum(per_field_total.values())
    print(f"\noverall: {100 * right / total:.2f}% of fields exact ({right}/{total})")
    if wrong:
        print("wrong fields:", ", ".join(wrong))

    texts = []
    for case in table:
        try:
            parse_citation(case["text"])
            texts.append(case["text"])
        except CitationSyntaxError:
            continue
    batch = [texts[i % len(texts)] for i in range(PARSES)]
    start = time.perf_counter()
    for text in batch:
        parse_citation(text)
    elapsed = time.perf_counter() - start
    print(f"\n{PARSES} parses: {elapsed:.3f} s ({1e6 * elapsed / PARSES:.1f} µs each, one core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
