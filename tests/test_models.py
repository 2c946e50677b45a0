"""Models: frozen, closed, every public model has a strategy, and JSON round trips."""

from __future__ import annotations

import pydantic
import pytest
from hypothesis import given
from hypothesis import strategies as st

from agglo_extract import models
from agglo_extract.strategies import STRATEGIES

MODEL_CLASSES = [
    getattr(models, name)
    for name in models.__all__
    if isinstance(getattr(models, name), type)
    and issubclass(getattr(models, name), models.Model)
    and getattr(models, name) is not models.Model
]


def test_every_public_model_has_a_strategy() -> None:
    assert set(MODEL_CLASSES) == set(STRATEGIES)


@pytest.mark.property
@given(st.sampled_from(MODEL_CLASSES).flatmap(lambda cls: STRATEGIES[cls]()))
def test_json_round_trip(model: models.Model) -> None:
    assert type(model).model_validate_json(model.model_dump_json()) == model


def test_models_are_frozen_and_closed() -> None:
    entry = models.TocEntry(title="城市群", page=2)
    with pytest.raises(pydantic.ValidationError):
        entry.page = 3  # type: ignore[misc]
    with pytest.raises(pydantic.ValidationError):
        models.TocEntry(title="城市群", pages=2)  # type: ignore[call-arg]


def test_dates_are_iso() -> None:
    with pytest.raises(pydantic.ValidationError):
        models.FootnoteCitation(raw="x", date="2017/11/10")
    assert models.FootnoteCitation(raw="x", date="2017-11").date == "2017-11"


def test_diagnostic_codes_are_kebab_case() -> None:
    assert all(code == code.lower() and " " not in code for code in models.DIAGNOSTIC_CODES)


def test_package_root_exports_every_model() -> None:
    import agglo_extract

    exported = {name for name in models.__all__ if name not in ("Model", "IsoDate", "DIAGNOSTIC_CODES")}
    assert exported <= set(agglo_extract.__all__)
    for name in agglo_extract.__all__:
        assert getattr(agglo_extract, name) is not None
