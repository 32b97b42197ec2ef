"""Sentences around motion citations and the status a text states for a motion.

Stated status vocabulary
------------------------
Looked for in the citation's sentence (the part between the neighbouring
citations) and in the next sentence when that one points back with ``de/deze
motie`` and holds no citation itself. In questions only the attributive form
(``de aangenomen motie X``) counts. A phrase preceded by ``niet``/``geen`` or
followed by a modal (``uitgevoerd kan worden``) does not count.

=====================  =========================================================
``aangenomen``         ``aangenomen`` (``de in augustus aangenomen motie X``,
                       ``de motie X is aangenomen``, ``heeft een motie aangenomen``)
``verworpen``          ``verworpen``
``aangehouden``        ``aangehouden``
``ingetrokken``        ``ingetrokken``
``in uitvoering``      ``in uitvoering``; ``wordt/worden (...) uitvoering/invulling
                       gegeven``; ``wordt (momenteel) uitgevoerd``; ``geeft/geven
                       (...) uitvoering aan``; ``werkt aan de uitvoering``;
                       ``Stand van zaken: lopend``
``deels uitgevoerd``   ``deels/gedeeltelijk/grotendeels/ten dele uitgevoerd/
                       afgedaan/uitvoering gegeven``; ``(invulling geven aan) de
                       rest / het resterende deel van de motie``
``uitgevoerd``         ``is/zijn/werd/werden (...) uitgevoerd/afgedaan/uitvoering
                       gegeven``; ``heeft/hebben (...) uitgevoerd/uitvoering gegeven``;
                       ``als uitgevoerd/afgedaan``; ``(is) voldaan aan``;
                       ``de uitgevoerde/afgedane motie``; ``Stand van zaken:
                       Afgedaan`` (the annex column)
=====================  =========================================================

When several apply, the furthest along wins: uitgevoerd > deels uitgevoerd >
in uitvoering > aangenomen = verworpen = ingetrokken > aangehouden.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterable
from dataclasses import dataclass

from tracker.extraction.lexicon.motions import ABBREVIATIONS
from tracker.extraction.motions_refs import HS, UP

# --------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------

_BOUND_RE = re.compile(
    rf"(?P<q>[?!])(?P<qm>\d{{1,3}})?(?=[\s\"'”’)]|$)"
    rf"|\.(?P<dm>\d{{1,3}})?(?=[\"'”’)]?\s+[\"'‘“]?[{UP}]|[\"'”’)]?\s*$)"
    rf"|\n{HS}*\r?\n"
)
_TRAIL_MARK_RE = re.compile(rf"{HS}?(\d{{1,3}}){HS}*(?:\r?\n|$)")
_WINDOW = 900
_INITIALS_RE = re.compile(rf"(?:[{UP}]\.)*[{UP}]")


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    question: bool
    marker: str | None


def _is_boundary(text: str, m: re.Match[str]) -> bool:
    if m[0].startswith(".") and not m["dm"]:
        i = m.start()
        j = i
        while j > 0 and not text[j - 1].isspace() and text[j - 1] not in "(/":
            j -= 1
        token = text[j:i]
        low = token.lower().rstrip(".")
        if low == "c.s":
            nxt = text[m.end() :].lstrip()[:9]
            return bool(nxt[:1].isupper()) and not nxt.startswith("Kamerstuk")
        if low in ABBREVIATIONS or _INITIALS_RE.fullmatch(token):
            return False
    return True


class Sentences:
    """Sentence bounds around citations; boundaries are scanned once, only near them."""

    __slots__ = ("_done", "_ends", "_seen", "_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._done: list[tuple[int, int]] = []  # scanned intervals, sorted and merged
        self._starts: list[int] = []  # boundary starts, sorted
        self._ends: dict[int, re.Match[str]] = {}
        self._seen: set[int] = set()

    def _ensure(self, lo: int, hi: int) -> None:
        text = self.text
        lo, hi = max(0, lo), min(len(text), hi)
        gaps, cur = [], lo
        for a, b in self._done:
            if b <= cur:
                continue
            if a >= hi:
                break
            if a > cur:
                gaps.append((cur, a))
            cur = b
        if cur < hi:
            gaps.append((cur, hi))
        for a, b in gaps:
            for m in _BOUND_RE.finditer(text, max(0, a - 8), min(len(text), b + 40)):
                at = m.start()
                if at >= b:
                    break
                if at in self._seen:
                    continue
                self._seen.add(at)
                if _is_boundary(text, m):
                    insort(self._starts, at)
                    self._ends[at] = m
        if gaps:
            merged: list[tuple[int, int]] = []
            for a, b in sorted([*self._done, *gaps]):
                if merged and a <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
                else:
                    merged.append((a, b))
            self._done = merged

    def around(self, start: int, end: int) -> Sentence:
        text = self.text
        self._ensure(start - _WINDOW, end + _WINDOW)
        lo = max(0, start - _WINDOW)
        s_start = lo
        j = bisect_left(self._starts, start) - 1
        while j >= 0 and self._ends[self._starts[j]].end() > start:
            j -= 1
        if j >= 0:
            s_start = max(lo, self._ends[self._starts[j]].end())
        s_end, question, marker = min(len(text), end + _WINDOW), False, None
        k = bisect_left(self._starts, end)
        if k < len(self._starts) and self._starts[k] < end + _WINDOW:
            m = self._ends[self._starts[k]]
            s_end = m.end()
            question = m["q"] == "?"
            marker = m["qm"] or m["dm"]
            if marker is None and m[0] in "?!." and (t := _TRAIL_MARK_RE.match(text, m.end())):
                marker = t[1]
        while s_start < start and text[s_start].isspace():
            s_start += 1
        return Sentence(s_start, s_end, question, marker)



# --------------------------------------------------------------------------
# Stated status
# --------------------------------------------------------------------------

_RANK = {
    "aangehouden": 1,
    "aangenomen": 2,
    "verworpen": 2,
    "ingetrokken": 2,
    "in uitvoering": 3,
    "deels uitgevoerd": 4,
    "uitgevoerd": 5,
}
_W = r"(?:\s+\S+){0,8}?\s+"
_NOT_PART = r"(?<!deels\s)(?<!gedeeltelijk\s)(?<!grotendeels\s)(?<!dele\s)"
_EXECUTED = "uitgevoerd afgedaan uitvoering invulling"
# (status, words of which one must occur, pattern); the words gate the pattern.
_STATUS_RES = [
    (status, frozenset(words.split()), re.compile(p, re.I))
    for status, words, p in (
        (
            "deels uitgevoerd",
            "deels gedeeltelijk grotendeels dele deel",
            r"\b(?:deels|gedeeltelijk|grotendeels|ten\s+dele|voor\s+een\s+(?:groot\s+)?deel)\s+"
            r"(?P<w>uitgevoerd|afgedaan|(?:uitvoering|invulling)\s+(?:aan\s+)?(?:gegeven|geven))",
        ),
        (
            "deels uitgevoerd",
            "rest restant resterende overige",
            r"\b(?P<w>(?:de\s+rest|het\s+restant|het\s+resterende\s+deel|het\s+overige\s+deel|"
            r"de\s+overige\s+onderdelen)\s+van\s+(?:de(?:ze)?\s+)?moties?)\b",
        ),
        ("in uitvoering", "uitvoering", r"\b(?P<w>in\s+uitvoering)\b"),
        (
            "in uitvoering",
            "uitvoering invulling",
            rf"\b(?:wordt|worden){_W}{_NOT_PART}(?P<w>(?:uitvoering|invulling)\s+gegeven)\b",
        ),
        (
            "in uitvoering",
            "uitgevoerd",
            r"\b(?:wordt|worden)\s+(?:momenteel\s+|nu\s+|thans\s+|op\s+dit\s+moment\s+)?"
            r"(?P<w>uitgevoerd)\b",
        ),
        (
            "in uitvoering",
            "uitvoering",
            r"\b(?:geeft|geven|geef)\b(?:\s+\S+){0,6}?\s+(?P<w>uitvoering\s+aan)\b",
        ),
        (
            "in uitvoering",
            "uitvoering",
            r"\b(?:werkt|werken|werk)\b(?:\s+\S+){0,4}?\s+(?P<w>aan\s+de\s+uitvoering)\b",
        ),
        (
            "in uitvoering",
            "lopend loopt",
            r"\b(?:stand\s+van\s+zaken|status)\s*:?\s*(?P<w>lopend|loopt)\b",
        ),
        (
            "uitgevoerd",
            _EXECUTED,
            rf"\b(?:is|zijn|werd|werden){_W}{_NOT_PART}"
            r"(?P<w>uitgevoerd|afgedaan|(?:uitvoering|invulling)\s+(?:aan\s+)?gegeven)\b",
        ),
        (
            "uitgevoerd",
            _EXECUTED,
            rf"\b(?:heeft|hebben){_W}{_NOT_PART}(?P<w>uitvoering\s+gegeven|uitgevoerd|afgedaan)\b",
        ),
        ("uitgevoerd", "uitgevoerd afgedaan", r"\bals\s+(?P<w>uitgevoerd|afgedaan)\b"),
        (
            "uitgevoerd",
            "uitgevoerd afgedaan voldaan",
            r"\b(?:stand\s+van\s+zaken|status)\s*:?\s*(?P<w>afgedaan|voldaan|uitgevoerd)\b",
        ),
        (
            "uitgevoerd",
            "voldaan",
            r"\b(?P<w>voldaan)\s+aan\b|\bis\s+(?:hiermee\s+|daarmee\s+)?(?P<w2>voldaan)\b",
        ),
        ("aangenomen", "aangenomen", r"\b(?P<w>aangenomen)\b"),
        ("verworpen", "verworpen", r"\b(?P<w>verworpen)\b"),
        ("aangehouden", "aangehouden", r"\b(?P<w>aangehouden)\b"),
        ("ingetrokken", "ingetrokken", r"\b(?P<w>ingetrokken)\b"),
    )
]
_STATUS_WORD_RE = re.compile(
    r"\b(?:"
    + "|".join(sorted({w for _, words, _ in _STATUS_RES for w in words}, key=len, reverse=True))
    + r")\b",
    re.I,
)
_NEG_BEFORE_RE = re.compile(r"\b(?:niet|geen|nooit)\s+(?:\S+\s+)?\Z", re.I)
_MODAL_AFTER_RE = re.compile(
    r"\s+(?:kan|kon|kunnen|konden|moet|moeten|zal|zullen|zou|zouden|gaat|gaan|wordt|worden|"
    r"te\s+worden)\b",
    re.I,
)
ATTRIBUTIVE_RE = re.compile(
    r"\b(aangenomen|verworpen|aangehouden|ingetrokken|uitgevoerde|afgedane)\s+"
    r"(?:(?:nader\s+)?gewijzigde\s+)?\Z",
    re.I,
)
ADJECTIVE_STATUS = {"uitgevoerde": "uitgevoerd", "afgedane": "uitgevoerd"}
COORDINATED_RE = re.compile(r"\s*,?\s*(?:(?:en|of|alsook)\s+)?(?:(?:de|het)\s+)?", re.I)
CLAUSE_BREAK_RE = re.compile(r"[,;:]|\s(?:en|maar|terwijl|of|want)\s", re.I)
POINT_BACK_RE = re.compile(r"\b(?:de|deze|die|genoemde|bovengenoemde)\s+moties?\b", re.I)


def statuses_in(text: str, lo: int, hi: int) -> list[str]:
    words = {m[0].lower() for m in _STATUS_WORD_RE.finditer(text, lo, hi)}
    found: list[str] = []
    if not words:
        return found
    for status, gate, rx in _STATUS_RES:
        if gate.isdisjoint(words):
            continue
        for m in rx.finditer(text, lo, hi):
            ws, we = m.span("w") if m["w"] is not None else m.span("w2")
            if _NEG_BEFORE_RE.search(text, max(lo, ws - 25), ws):
                continue
            if _MODAL_AFTER_RE.match(text, we):
                continue
            found.append(status)
    return found


def best(statuses: Iterable[str]) -> str | None:
    return max(statuses, key=_RANK.__getitem__, default=None)


