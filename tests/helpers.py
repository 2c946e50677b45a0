"""Paths and helpers shared by the tests (importable as ``helpers``: pyproject puts tests/ on sys.path)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = ROOT.parent / "shared" / "seeds"
GEN_GOLDEN = os.environ.get("AGGLO_GEN_GOLDEN") == "1"


def seed_path(name: str) -> Path:
    """A seed document, or skip the test when the seeds folder is absent."""
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"seed {name} not available (../shared/seeds is absent)")
    return path


def output_strings(document: Any) -> list[str]:
    """Every string and number of a document's output, in order (its source, locations and version left out)."""
    found: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key not in ("source", "location", "schema_version"):
                    walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)
        elif isinstance(value, str | int) and not isinstance(value, bool):
            found.append(str(value))

    walk(document.model_dump())
    return found
