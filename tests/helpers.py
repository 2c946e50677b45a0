"""Paths and helpers shared by the tests (importable as ``helpers``: pyproject puts tests/ on sys.path)."""

from __future__ import annotations

import os
from pathlib import Path

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
