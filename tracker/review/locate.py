"""Find a quoted passage in a document's repaired text.

A reviewer who adds a missed commitment without JavaScript pastes the
sentence; with JavaScript the page sends the selection's offsets too. Either
way the stored span must index ``Document.text``, so a quote is located in it
with whitespace (line breaks from the PDF) treated as interchangeable.
"""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")


def normalise_space(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _pattern(quote: str, *, flags: int = 0) -> re.Pattern[str] | None:
    words = quote.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(word) for word in words), flags)


def find_quote(text: str, quote: str) -> list[tuple[int, int]]:
    """Every span of ``text`` that reads as ``quote`` (whitespace-insensitive).

    Exact-case matches win; only when there are none is case ignored.
    """
    for flags in (0, re.IGNORECASE):
        pattern = _pattern(quote, flags=flags)
        if pattern is None:
            return []
        spans = [(m.start(), m.end()) for m in pattern.finditer(text)]
        if spans:
            return spans
    return []


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without leading and trailing whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_within(text: str, phrase: str, start: int, end: int) -> tuple[int, int] | None:
    """Where ``phrase`` stands inside ``text[start:end]``, or None."""
    pattern = _pattern(phrase, flags=re.IGNORECASE)
    if pattern is None:
        return None
    match = pattern.search(text, start, end)
    return (match.start(), match.end()) if match else None


def relocate(text: str, passage: str, *, near: int) -> tuple[int, int] | None:
    """The occurrence of ``passage`` closest to ``near``, or None."""
    spans = find_quote(text, passage)
    if not spans:
        return None
    return min(spans, key=lambda span: abs(span[0] - near))
