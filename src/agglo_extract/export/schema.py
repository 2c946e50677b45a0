"""JSON Schema of the top-level models, as committed under ``schemas/``."""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter

from ..models import SCHEMA_VERSION, BulletinIssue, Document, FootnoteCitation, JournalArticle, NumericFact

SCHEMA_MODELS: dict[str, Any] = {
    "document": Document,
    "bulletin_issue": BulletinIssue,
    "journal_article": JournalArticle,
    "footnote_citation": FootnoteCitation,
    "numeric_fact": NumericFact,
}


def json_schema(name: str = "document") -> dict[str, Any]:
    """The JSON Schema (serialization mode) of a top-level model, by its ``schemas/`` name."""
    schema: dict[str, Any] = TypeAdapter(SCHEMA_MODELS[name]).json_schema(mode="serialization")
    schema["$id"] = f"agglo_extract/{name}.schema.json"
    schema["$comment"] = f"agglo_extract output contract, schema {SCHEMA_VERSION}"
    return schema


def schema_text(name: str = "document") -> str:
    """The schema as the text committed in ``schemas/<name>.schema.json``."""
    return json.dumps(json_schema(name), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
