"""schemas/ is what the models generate; a model change without regenerating fails here."""

from __future__ import annotations

import pytest

from agglo_extract.export.schema import SCHEMA_MODELS, schema_text
from helpers import ROOT


@pytest.mark.parametrize("name", sorted(SCHEMA_MODELS))
def test_committed_schema_is_current(name: str) -> None:
    path = ROOT / "schemas" / f"{name}.schema.json"
    assert path.is_file(), "run: python scripts/write_schemas.py"
    assert path.read_text(encoding="utf-8") == schema_text(name), "stale: run python scripts/write_schemas.py"


def test_document_schema_is_discriminated_by_kind() -> None:
    text = schema_text("document")
    assert '"discriminator"' in text and '"bulletin_issue"' in text and '"journal_article"' in text
