"""The single place that writes JSON: UTF-8, non-ASCII as is."""

from __future__ import annotations

from pydantic import TypeAdapter

from ..models import BulletinIssue, Document, JournalArticle

_DOCUMENT: TypeAdapter[BulletinIssue | JournalArticle] = TypeAdapter(Document)


def to_json(document: BulletinIssue | JournalArticle, *, indent: int | None = 2) -> str:
    """The document as JSON text (``ensure_ascii=False``: Chinese stays readable)."""
    return document.model_dump_json(indent=indent)


def from_json(text: str | bytes) -> BulletinIssue | JournalArticle:
    """A document read back from ``to_json`` output (the union is discriminated by ``kind``)."""
    return _DOCUMENT.validate_json(text)
