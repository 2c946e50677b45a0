"""Regenerate schemas/*.schema.json from the models (run after changing a model; bump SCHEMA_VERSION)."""

from __future__ import annotations

from pathlib import Path

from agglo_extract.export.schema import SCHEMA_MODELS, schema_text

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"

if __name__ == "__main__":
    SCHEMAS.mkdir(exist_ok=True)
    for name in SCHEMA_MODELS:
        (SCHEMAS / f"{name}.schema.json").write_text(schema_text(name), encoding="utf-8")
        print(f"wrote schemas/{name}.schema.json")
