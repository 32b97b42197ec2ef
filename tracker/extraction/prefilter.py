"""Literal pre-checks derived from compiled regexes.

``required_words(rx)`` reads the parsed pattern and returns strings of which
every match must contain at least one (or None when no such set exists). A
plain substring test on the lower-cased text then rules a sentence out before
the regex engine tries every position. The set is derived from the pattern
itself, so rows appended to a lexicon table keep it correct without edits.
"""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

# Under re.IGNORECASE some ASCII letters also match other characters ("ſ" ~ "s",
# "K" (Kelvin) ~ "k", "İ"/"ı" ~ "i") that ``str.lower`` does not map to them:
# a literal piece only counts when it has none of those letters and is ASCII.
_SAFE = frozenset("abcdefghjlmnopqrtuvwxyz0123456789 -'.,:;/()")
_MIN_PIECE = 3  # shorter pieces rule too little out to pay for the test


def required_words(rx: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which occurs in every match of ``rx`` (None if unknown).

    For an IGNORECASE pattern they are lower case, to be looked for in the
    lower-cased text; otherwise they are exact, to be looked for in the text itself.
    """
    found = _required(_parser.parse(rx.pattern, rx.flags), bool(rx.flags & re.IGNORECASE))
    if not found:
        return None
    return tuple(sorted(found))


def may_match(words: tuple[str, ...] | None, low: str) -> bool:
    """False only when ``low`` holds none of ``words`` (so the regex cannot match); ``low`` is
    the lower-cased text for an IGNORECASE pattern, the text itself otherwise."""
    if words is None:
        return True
    for w in words:  # noqa: SIM110 - a plain loop: no generator per call on the hot path
        if w in low:
            return True
    return False


def _safe_piece(run: list[str], fold: bool) -> str | None:
    best = ""
    piece = ""
    for ch in run:
        if ch in _SAFE or not fold:
            piece += ch
            if len(piece) > len(best):
                best = piece
        else:
            piece = ""
    return best if len(best) >= _MIN_PIECE else None


def _required(seq: Any, fold: bool) -> set[str] | None:
    """Best (longest shortest member) necessary set over the items of a sequence."""
    candidates: list[set[str]] = []
    run: list[str] = []

    def close() -> None:
        if run:
            piece = _safe_piece(run, fold)
            if piece is not None:
                candidates.append({piece})
            run.clear()

    for op, av in seq:
        if op is C.LITERAL:
            run.append(chr(av).lower() if fold else chr(av))
            continue
        close()
        sub: set[str] | None = None
        if op is C.SUBPATTERN:
            if fold or not av[1] & re.IGNORECASE:  # "(?i:…)" inside an exact pattern: no exact words
                sub = _required(av[3], fold)
        elif op is C.ATOMIC_GROUP:
            sub = _required(av, fold)
        elif op is C.BRANCH:
            parts = [_required(branch, fold) for branch in av[1]]
            if all(p for p in parts):
                sub = set().union(*parts)  # type: ignore[arg-type]
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
            sub = _required(av[2], fold)
        if sub:
            candidates.append(sub)
    close()
    if not candidates:
        return None
    # Fewest words of four letters or more, then the longest: the best at ruling texts out.
    return max(candidates, key=lambda s: (min(map(len, s)) >= 4, -len(s), min(map(len, s))))


_META = frozenset("\\.^$*+?{}[]()")


class Hints:
    """A hint regex that is only a list of plain alternatives ("maar in|eerder|vertra"):
    tested with ``in`` per alternative, several times faster than the regex engine
    trying every alternative at every position. Other patterns keep the regex."""

    __slots__ = ("pattern", "_regex", "_words")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._regex = re.compile(pattern)
        parts = pattern.split("|")
        self._words = None if any(_META.intersection(p) for p in parts) else tuple(parts)

    def search(self, text: str) -> bool:
        """True when one of the alternatives occurs in ``text``."""
        if self._words is None:
            return self._regex.search(text) is not None
        for w in self._words:  # noqa: SIM110 - a plain loop: no generator per call on the hot path
            if w in text:
                return True
        return False
