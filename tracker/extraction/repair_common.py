"""Character classes and footnote-marker tests shared by the repair stages."""

from __future__ import annotations

import re

from tracker.extraction.lexicon.repair import LIGATURES, NOT_MARKER_WORDS

# --------------------------------------------------------------------------
# Shared character classes and helpers
# --------------------------------------------------------------------------

_LIG_TABLE = str.maketrans(LIGATURES)
_LIG_CHARS = "".join(LIGATURES)
# Lower-case letters, including the broken ligature glyphs (they stand for
# lower-case letter pairs).
LOWER = "a-zß-öø-ÿĳœ" + _LIG_CHARS
# Horizontal whitespace, including the odd spaces PDFs produce.
HSPACE = " \t\r\xa0\u2000-\u200d\u2060\u202f\u205f\u3000\ufeff"
# The same set as a plain string (for str.strip), plus the line break.
HSPACE_CHARS = (
    " \t\r\xa0" + "".join(map(chr, range(0x2000, 0x200E))) + "\u2060\u202f\u205f\u3000\ufeff\n"
)
H = f"[{HSPACE}]"
_TERMINAL = frozenset(".?!:;")
_CLOSERS = frozenset(")]»”’\"'")


def expand(text: str) -> str:
    return text.translate(_LIG_TABLE)


def closes_sentence(before: str) -> bool:
    """Does the text before a line break end a sentence (or a heading line)?"""
    tail = before.rstrip(HSPACE_CHARS)
    if not tail:
        return True
    last = tail[-1]
    if last in _CLOSERS and len(tail) > 1:
        last = tail[-2] if tail[-2] in _TERMINAL else last
    return last in _TERMINAL


def starts_lower(after: str) -> bool:
    head = after.lstrip(HSPACE_CHARS)
    if not head:
        return False
    first = head[0]
    if first in LIGATURES:
        first = LIGATURES[first][0]
    return first.isalpha() and first.islower()


def runs_on(before: str, after: str) -> bool:
    """A sentence runs on across a break: no sentence end before, lower case after."""
    return not closes_sentence(before) and starts_lower(after)


# --------------------------------------------------------------------------
# Footnote recognition (shared by the page stage and the line stage)
# --------------------------------------------------------------------------

FN_LINE = re.compile(r"[ \t]?(\d{1,3})[ \t]+(\S[^\n]*)")
_STRONG_FOOTNOTE = re.compile(
    r"(?:Kamerstuk|Kamerbrief|Zie\b|Vgl\b|Cf\b|Bron\b|Brief\b|Handelingen|Aanhangsel|Motie\b|"
    r"Amendement|Stb\b|Stcrt\b|Staatsblad|Staatscourant|Trb\b|Tractatenblad|Idem|Ibid|"
    r"Rapport\b|Voorlopig|Cijfers|Peildatum|Betreft|Het betreft|Dit betreft|ECLI|https?:|www\.)"
    r"|[^,\n]{2,60}, \d{1,2} [a-z]+ \d{4}",
)
_QUESTION_END = re.compile(r"\?(?:\s|$)")
ANSWER_LINE = re.compile(r"\s*(?:\d{1,3}\.?\s*)?Antwoord\b")

_MARKER_PUNCT = frozenset(".,;:!?")
_MARKER_CLOSERS = frozenset(")]»”’\"'")
LOWER_CHARS = re.compile(f"[{LOWER}]")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\W?\Z")


def _is_marker_at(body: str, i: int, num: str, weak: bool) -> bool:
    """Is ``num`` at ``body[i:]`` a footnote marker (see :func:`has_marker`)?"""
    after = i + len(num)
    if after < len(body) and (body[after].isalnum() or body[after] == "_"):
        return False
    if i == 0:
        return False
    prev = body[i - 1]
    if prev.isdigit():
        # in 20211: a single-digit marker glued to a year
        return (
            len(num) == 1
            and i >= 4
            and body[i - 4 : i].isdigit()
            and body[i - 4 : i - 2] in ("19", "20")
            and (i == 4 or not body[i - 5].isalnum())
        )
    if LOWER_CHARS.match(prev):
        return _not_reference(body, i)
    if prev in _MARKER_PUNCT:
        if i >= 2 and body[i - 2].isalpha():
            return _not_reference(body, i)
        # in 2021.3: after a year's full stop
        return i >= 5 and body[i - 5 : i - 1].isdigit() and body[i - 5 : i - 3] in ("19", "20")
    if prev in _MARKER_CLOSERS:
        return True
    if weak and prev == " " and i >= 3 and body[i - 2] in ".;:,)?!" and body[i - 3].isalpha():
        # "... speler. 2 In deze ..." — trusted only for strong footnote text
        rest = body[after : after + 3]
        return rest[:1] == "\n" or rest.strip() == "" or (
            rest[:1] == " " and rest[1:2].isupper()
        )
    return False


def _not_reference(body: str, i: int) -> bool:
    m = _WORD_BEFORE.search(body, max(0, i - 12), i)
    return m is None or m.group(1).lower() not in NOT_MARKER_WORDS


def has_marker(body: str, number: int, weak: bool) -> bool:
    """Does footnote marker ``number`` occur in ``body``?

    A marker is glued to a lower-case letter (``Piri7``), follows punctuation
    after a letter (``c.s.7``, ``EU.1``), a closing bracket or quote, or a
    year (``in 20211``, ``2021.3``); not after ``nr.``/``art.``/units, not
    inside a larger number. With ``weak`` it may also follow sentence
    punctuation and a space (``speler. 2 In``).
    """
    num = str(number)
    i = body.find(num)
    while i >= 0:
        if _is_marker_at(body, i, num, weak):
            return True
        i = body.find(num, i + 1)
    return False


def is_strong(text: str) -> bool:
    return _STRONG_FOOTNOTE.match(text) is not None or "http" in text or "www." in text


def looks_like_question(text: str) -> bool:
    return _QUESTION_END.search(text) is not None


