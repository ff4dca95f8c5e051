"""Quote matching: whitespace and typographic tolerance, and offsets that point back into the original."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.core.quotes import NormalisedText, normalise

TEXT = st.text(alphabet=st.sampled_from(list("ab c\n\t\u00a0\u2019'\u201c\u201d\"")), max_size=60)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(0, 60), st.integers(0, 60))
def test_found_span_normalises_to_the_quote(text: str, i: int, j: int) -> None:
    """For any slice of a text, the span found maps back to original characters that normalise to the same words."""
    quote = text[min(i, j) : max(i, j)]
    found = NormalisedText(text).find(quote)
    if not normalise(quote):
        assert found is None
        return
    assert found is not None
    start, end = found
    assert normalise(text[start:end]) == normalise(quote)


def test_typographic_quotes_and_spacing_are_tolerated() -> None:
    """Curly quotes, non-breaking spaces and line breaks match their plain forms."""
    text = "SMIC said it \u201cdoes not\u00a0manufacture\n for\u201d anyone"
    start, end = NormalisedText(text).find('it "does not manufacture for"') or (0, 0)
    assert text[start:end] == "it \u201cdoes not\u00a0manufacture\n for\u201d"
    assert NormalisedText(text).find("does not build") is None
