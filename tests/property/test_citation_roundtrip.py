"""Round trip of GB/T 7714 citations: parse(format(c)) == c and format is idempotent through parse.

``footnote_citations()`` sets ``raw`` to the 2015 rendering, so the 2015 round
trip compares every field including ``raw``; the 2005 and 2025 renderings
compare every field but ``raw`` (and ``doi`` for 2005, which has no DOI element).

The number of examples: the loaded profile's, raised to 2,000 under the "ci"
profile (``AGGLO_ROUND_TRIP_EXAMPLES`` overrides both).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agglo_extract._citation_strategies import footnote_citations
from agglo_extract.errors import CitationSyntaxError
from agglo_extract.export.gbt7714 import format_gbt7714
from agglo_extract.models import FootnoteCitation
from agglo_extract.recognise.citation import parse_citation, parse_footnote

pytestmark = pytest.mark.property


def _examples() -> int:
    if "AGGLO_ROUND_TRIP_EXAMPLES" in os.environ:
        return int(os.environ["AGGLO_ROUND_TRIP_EXAMPLES"])
    profile = os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev")
    current = settings().max_examples
    return max(current, 2000) if profile == "ci" else current


EXAMPLES = _examples()


@settings(max_examples=EXAMPLES)
@given(footnote_citations())
def test_round_trip_2015(citation: FootnoteCitation) -> None:
    """parse(format(c)) == c, format(parse(format(c))) == format(c), and the JSON round trip.

    One test for the three properties: generating a citation costs more than checking it.
    """
    text = format_gbt7714(citation)
    assert text == citation.raw
    parsed = parse_citation(text)
    assert parsed.warnings == ()
    assert parsed == citation
    assert format_gbt7714(parsed) == text
    assert FootnoteCitation.model_validate_json(citation.model_dump_json()) == citation


@pytest.mark.parametrize("edition", ["2005", "2025"])
@settings(max_examples=max(EXAMPLES // 4, 50))
@given(citation=footnote_citations())
def test_other_editions_round_trip(edition: str, citation: FootnoteCitation) -> None:
    text = format_gbt7714(citation, edition)  # type: ignore[arg-type]
    parsed = parse_citation(text)
    assert parsed.warnings == ()
    expected = citation.model_copy(update={"raw": text, "doi": None if edition == "2005" else citation.doi})
    assert parsed == expected
    assert format_gbt7714(parsed, edition) == text  # type: ignore[arg-type]


_NOTE_ALPHABET = st.sampled_from(
    list("王李城市群研究学报出版社北京年第期版译等《》，：（）。．［］／＜＞、；")
    + list("abcJMNEBOLZPSR0123456789 .,:;()[]/<>-—\n")
    + ["http://", "https://a.cn/", "DOI: 10.1000/", "//", "[J]", "[N/OL]", "[EB/OL]", "2017-01-16", "201711-10"]
)


@settings(max_examples=max(EXAMPLES // 2, 100))
@given(st.lists(_NOTE_ALPHABET, max_size=40).map("".join))
def test_parse_footnote_never_raises(text: str) -> None:
    """Any text: ``parse_citation`` raises nothing but ``CitationSyntaxError``; ``parse_footnote`` nothing."""
    note = parse_footnote(text, marker="①")
    assert note.marker == "①"
    assert note.raw == " ".join(text.split())
    try:
        citation = parse_citation(text)
    except CitationSyntaxError:
        assert note.warnings[0].startswith("not a citation:")
    else:
        assert citation.model_copy(update={"marker": "①"}) == note
        assert format_gbt7714(citation)
