"""Benchmark numeric-fact recognition on the case table (fixtures/facts/*.jsonl).

Prints span recall and precision, and, over the facts whose span was found,
how often value+unit, kind, qualifier, period, metric and subject are exactly
right. Beside our number parser it prints cn2an's figures on the same
numerals (cn2an is the optional ``bench`` extra; skipped when absent).
Then timings: jieba's first load (in a fresh interpreter) and facts for the
whole of seed 000 once jieba is loaded (skipped when ../shared/seeds is absent).

Run: ``python benchmarks/facts.py`` from the repository root.
"""

from __future__ import annotations

import contextlib
import json
import math
import subprocess
import sys
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "fixtures" / "facts"
SEED = ROOT.parent / "shared" / "seeds" / "000_7cf66135544dacb7.txt"
FIELDS = ("kind", "qualifier", "period", "metric", "subject")


def cases() -> Iterator[dict[str, Any]]:
    for path in sorted(CASES.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                yield json.loads(line)


def same_value(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def score(group: str | None = None) -> dict[str, tuple[int, int]]:
    from agglo_extract.recognise.facts import find_facts

    tally: dict[str, list[int]] = {name: [0, 0] for name in ("recall", "precision", "value+unit", *FIELDS)}
    for case in cases():
        if group is not None and case["group"] != group:
            continue
        found = {(f.start, f.end): f for f in find_facts(case["text"], issue_date=case.get("issue_date"))}
        expected = {(e["start"], e["end"]): e for e in case["expected"]}
        tally["recall"][1] += len(expected)
        tally["precision"][1] += len(found)
        for span, want in expected.items():
            got = found.get(span)
            if got is None:
                continue
            tally["recall"][0] += 1
            tally["precision"][0] += 1
            tally["value+unit"][1] += 1
            ok = same_value(got.value, want["value"]) and got.unit == want["unit"]
            ok = ok and (want.get("value_max") is None or same_value(got.value_max or 0.0, want["value_max"]))
            tally["value+unit"][0] += ok
            for name in FIELDS:
                tally[name][1] += 1
                tally[name][0] += getattr(got, name) == want[name]
    return {name: (hits, total) for name, (hits, total) in tally.items()}


def numeral_cases() -> list[tuple[str, float]]:
    """(numeral as written, its value) for every expected fact with a plain number and unit."""
    from agglo_extract.data import load_table
    from agglo_extract.recognise.numbers import MAGNITUDES

    factors = {row["raw_unit"]: Decimal(row["factor"]) for row in load_table("units")}
    qualifiers = sorted((row["word"] for row in load_table("qualifiers")), key=len, reverse=True)
    out = []
    for case in cases():
        for fact in case["expected"]:
            raw, text = fact["raw_unit"], fact["text"]
            if fact["kind"] == "rank" or fact.get("value_max") is not None or not raw or raw == "成":
                continue
            magnitude = next((m for m in sorted(MAGNITUDES, key=len, reverse=True) if raw.startswith(m)), "")
            base = raw[len(magnitude) :]
            if base and base not in factors:
                continue
            numeral = text
            for word in qualifiers:
                numeral = numeral.replace(word, "")
            if base and not numeral.rstrip().endswith(base):
                continue
            numeral = numeral.rstrip()[: len(numeral.rstrip()) - len(base)].strip() if base else numeral.strip()
            numeral = numeral.replace("多", "").replace("余", "")
            if numeral.startswith("每"):
                continue
            factor = factors.get(base, Decimal(1))
            value = float(Decimal(repr(abs(fact["value"]))) / factor)
            out.append((numeral, value))
    return out


def compare_numerals() -> None:
    from agglo_extract.recognise.numbers import NumberSyntaxError, parse_cn_number

    numerals = numeral_cases()
    ours = 0
    for numeral, value in numerals:
        with contextlib.suppress(NumberSyntaxError):
            ours += same_value(parse_cn_number(numeral), value)
    print(f"numerals ({len(numerals)} from the case table, e.g. {numerals[0][0]!r}, {numerals[-1][0]!r})")
    print(f"  agglo_extract parse_cn_number  {ours / len(numerals):7.1%}  ({ours}/{len(numerals)})")
    try:
        import cn2an
    except ImportError:
        print("  cn2an                          not installed (pip install 'agglo-extract[bench]')")
        return
    theirs = 0
    for numeral, value in numerals:
        with contextlib.suppress(ValueError, TypeError, KeyError):
            theirs += same_value(float(cn2an.cn2an(numeral.replace(" ", "").replace(",", ""), "smart")), value)
    version = getattr(cn2an, "__version__", "?")
    print(f"  cn2an {version:<8} cn2an(smart)    {theirs / len(numerals):7.1%}  ({theirs}/{len(numerals)})")
    print("  (cn2an reads numerals only: it gives no span, unit, qualifier, metric, subject or period)")


def timings() -> None:
    probe = (
        "import time; t = time.perf_counter();"
        "from agglo_extract.recognise._jieba import tokenize; tokenize('北部湾');"
        "print(time.perf_counter() - t)"
    )
    load = float(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout)
    print(f"jieba first load (fresh interpreter, dictionary cache warm): {load:.2f} s   target < 1.5 s")
    if not SEED.exists():
        print("seed 000 absent: facts timing skipped")
        return
    from agglo_extract.recognise._jieba import tokenize
    from agglo_extract.recognise.facts import find_facts, find_facts_in_blocks

    tokenize("北部湾")
    text = SEED.read_text("utf-8")
    blocks = [line for line in text.splitlines() if line.strip()]
    best_text = best_blocks = math.inf
    for _ in range(3):
        started = time.perf_counter()
        facts = find_facts(text)
        best_text = min(best_text, time.perf_counter() - started)
        started = time.perf_counter()
        block_facts = find_facts_in_blocks(blocks)
        best_blocks = min(best_blocks, time.perf_counter() - started)
    print(f"seed 000 ({len(text)} chars): find_facts {best_text:.3f} s ({len(facts)} facts), ", end="")
    print(f"find_facts_in_blocks {best_blocks:.3f} s ({len(block_facts)} facts)   target < 0.5 s")


def report(title: str, results: dict[str, tuple[int, int]]) -> None:
    print(title)
    targets = {"recall": 0.95, "precision": 0.95, "value+unit": 0.98, "qualifier": 0.95, "period": 0.95}
    targets |= {"metric": 0.85, "subject": 0.85}
    for name, (hits, total) in results.items():
        share = hits / total if total else 0.0
        target = f"target ≥ {targets[name]:.0%}" if name in targets else ""
        label = f"span {name}" if name in ("recall", "precision") else name
        print(f"  {label:<16} {share:7.1%}  ({hits}/{total})  {target}")


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    all_cases = list(cases())
    results = score()
    title = f"case table: {len(all_cases)} sentences, {results['recall'][1]} expected facts ({CASES.relative_to(ROOT)})"
    report(title, results)
    for group in ("heldout", "heldout2"):
        held = [case for case in all_cases if case["group"] == group]
        if held:
            results = score(group)
            count = results["recall"][1]
            report(f"{group} group only: {len(held)} sentences, {count} facts (written after the rules)", results)
    compare_numerals()
    timings()
    return 0


if __name__ == "__main__":
    sys.exit(main())
