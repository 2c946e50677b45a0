"""Fuzzing the public entry points with hostile inputs: the only exceptions are ``AggloExtractError``s.

``parse`` (a ``str`` and bytes), ``parse_citation`` and ``find_facts`` meet
documents built from broken mastheads, markers, notes, ragged pipe rows,
full-width text and control characters (``hostile.py``) as well as any text.
Each property runs ``FUZZ_EXAMPLES`` examples: 5,000 in the "ci" profile.
"""

from __future__ import annotations

import pytest
from hostile import FUZZ, citations, documents, encoded_documents, fact_texts
from hypothesis import given
from hypothesis import strategies as st

from agglo_extract import AggloExtractError, find_facts, parse, parse_citation, to_json
from agglo_extract.models import DIAGNOSTIC_CODES

pytestmark = pytest.mark.property


def _parse(source: str | bytes) -> None:
    """A document that serialises, with registered diagnostic codes; or an error with a code of its own."""
    try:
        document = parse(source)
    except AggloExtractError as error:
        assert type(error).code != "error", f"{type(error).__name__} has no code of its own"  # noqa: PT017
        return
    assert {d.code for d in document.diagnostics} <= DIAGNOSTIC_CODES
    to_json(document)  # the document can be written out (no lone surrogate, nothing unserialisable)


@FUZZ
@given(documents())
def test_parse_hostile_text(text: str) -> None:
    _parse(text)


@FUZZ
@given(st.text(max_size=400))
def test_parse_any_text(text: str) -> None:
    _parse(text)


@FUZZ
@given(encoded_documents() | st.binary(max_size=400))
def test_parse_hostile_bytes(data: bytes) -> None:
    _parse(data)


@FUZZ
@given(citations() | st.text(max_size=120))
def test_parse_citation_raises_only_its_errors(text: str) -> None:
    try:
        citation = parse_citation(text)
    except AggloExtractError:
        return
    assert citation.raw


@FUZZ
@given(fact_texts() | st.text(max_size=200))
def test_find_facts_spans_are_exact(text: str) -> None:
    try:
        facts = find_facts(text)
    except AggloExtractError:
        return
    for fact in facts:
        assert text[fact.start:fact.end] == fact.text
