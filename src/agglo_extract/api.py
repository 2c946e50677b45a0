"""parse(source): load → normalise → segment → recognise → assemble. Orchestration only."""

from __future__ import annotations

from pathlib import Path

from .models import BulletinIssue, JournalArticle


def parse(source: str | bytes | Path) -> BulletinIssue | JournalArticle:
    """Parse a document (placeholder until the segmenter lands)."""
    raise NotImplementedError
