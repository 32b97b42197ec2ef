"""Date arithmetic and the shaping of windows shared by the deadline handlers."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from tracker.extraction.calendar import ParliamentaryCalendar
from tracker.extraction.lexicon.calendar import MONTH_NAMES
from tracker.extraction.lexicon.events import DATED_DOCUMENT_NOUNS

DAY, MONTH, QUARTER, HALF, SEASON, YEAR, EVENT, VAGUE = (
    "day", "month", "quarter", "half", "season", "year", "event", "vague",
)
CAL_PRECISIONS = (DAY, MONTH, QUARTER, HALF, SEASON, YEAR)

_ONE = timedelta(days=1)


def _month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - _ONE


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, _month_end(year, month).day))


def _months_between(s: date, e: date) -> int:
    return (e.year - s.year) * 12 + e.month - s.month + 1


def _add_workdays(d: date, n: int) -> date:
    weeks, rest = divmod(n, 5)
    d += timedelta(weeks=weeks)
    while rest:
        d += _ONE
        if d.weekday() < 5:
            rest -= 1
    return d


def year_of(digits: str) -> int:
    """A year as matched by ``YEAR_ABS``: the first four digits (the rest is a footnote marker)."""
    return int(digits[:4])


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


# dateparser reads the canonical "<day> <Dutch month> <year>" that our own
# regexes extracted: Dutch only, day-month-year order, strict, one fixed format
# (the only parser that is both exact and fast: ~0.1 ms uncached).
_DATEPARSER_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "DATE_ORDER": "DMY",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["custom-formats"],
}
_DATE_FORMATS = ["%d %B %Y"]


@functools.lru_cache(maxsize=1)
def _date_parser() -> Any:
    from dateparser.date import DateDataParser  # imported lazily: loading takes ~0.1 s

    return DateDataParser(languages=["nl"], settings=_DATEPARSER_SETTINGS)


@functools.lru_cache(maxsize=8192)
def _dp(day: int, month: int, year: int) -> date | None:
    """A valid calendar date for day/month/year, via dateparser (Dutch, DMY), or None."""
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1 <= year <= 9999):
        return None
    parsed = _date_parser().get_date_data(
        f"{day} {MONTH_NAMES[month - 1]} {year}", date_formats=_DATE_FORMATS,
    ).date_obj
    return parsed.date() if parsed is not None else None


# ---------------------------------------------------------------------------
# Resolution results
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _R:
    """A resolved phrase before it becomes a Deadline."""

    window_start: date | None
    due: date | None
    precision: str
    year: int | None = None  # the stated (or relative) year, for range merging
    missing: bool = False  # the year came from the missing-year rule
    before: bool = False  # ``voor X``: strictly before
    refers: str = ""  # ``dan``/``op dat moment`` ("same") or ``daarna`` ("after"): see scan.refer_back


_VAGUE_R = _R(None, None, VAGUE)
_EVENT_R = _R(None, None, EVENT)

Window = tuple[date, date, str]


_DATED_DOCS = frozenset(DATED_DOCUMENT_NOUNS)


def _pre_kind(pre: str | None) -> str:
    if not pre:
        return ""
    p = _norm(pre)
    if p in ("voor of op", "op of voor"):
        return "in"
    last = p.rsplit(" ", 1)[-1]
    if p.startswith(("gepland", "staat", "staan", "is gepland", "zijn gepland", "worden", "wordt")):
        return "in"  # "staat gepland voor 7 september": on that day
    if last in ("voor", "vóór") or p.endswith("eerder dan"):
        return "before"
    if last == "na":
        return "after"
    if last == "sinds":
        return "since"
    if p in ("d.d.", "de dato") or (last == "van" and not _DATED_DOCS.isdisjoint(p.split())):
        return "dated"  # "d.d. 3 maart", "bij brief van 3 maart": a document's date, in the past
    return "in"


def _after_period(r: _R | None) -> _R | None:
    """``na X``: no due date; the window opens the day after X."""
    if r is None or r.due is None:
        return None
    return _R(r.due + _ONE, None, VAGUE, year=r.year)


def _since(r: _R | None) -> _R | None:
    """``sinds X``: X started a running period; no due date, the window opens when X starts."""
    if r is None:
        return None
    return _R(r.window_start or r.due, None, VAGUE, year=r.year)


def _part_kind(part: str | None, pre: str) -> str:
    if not part:
        return ""
    p = _norm(part)
    if p == "in de loop van":
        return "during"
    if p.startswith("later") or "rest van" in p:
        return "later"
    if p.startswith("eerder"):
        return "earlier"
    if "begin" in p or "eerste maanden" in p or p == "vroeg in":
        return "begin"
    if "midden" in p or p in ("medio", "half") or p.startswith("halverwege"):
        return "mid"
    if pre == "before" and p.startswith("het eind"):
        return "by_end"
    return "end"


def _slice(kind: str, s: date, e: date) -> Window:
    """The begin/mid/end part of window s..e."""
    m = _months_between(s, e)
    if m == 1:
        if kind == "begin":
            return s, s.replace(day=10), MONTH
        if kind == "mid":
            return s.replace(day=11), s.replace(day=20), MONTH
        return s.replace(day=21), e, MONTH
    k = 3 if m >= 6 else 1
    if kind == "begin":
        first, length = 0, k
    elif kind == "end":
        first, length = m - k, k
    else:
        length = 3 if m >= 9 else (2 if m >= 4 else 1)
        first = (m - length) // 2
    start = _add_months(s, first)
    last = _add_months(s, first + length - 1)
    return start, _month_end(last.year, last.month), MONTH if length == 1 else QUARTER


def _shape(
    s: date, e: date, prec: str, pre: str, part: str, ref: date, from_ref: bool = False,
) -> tuple[date | None, date, str, bool]:
    """Apply the prefix (voor/uiterlijk/in) and part (begin/eind/...) to window s..e."""
    if part in ("begin", "mid", "end"):
        ps, pe, pprec = _slice(part, s, e)
        if part == "begin" and pre == "before":
            return None, s - _ONE, pprec, True
        return ps, pe, pprec, False
    inside = s <= ref <= e
    if part in ("by_end", "later"):
        return (ref if inside else s), e, prec, False
    if part == "earlier":
        return s, (ref if inside else e), prec, False
    if part == "during":
        return s, e, prec, False
    if pre == "before":
        return None, s - _ONE, prec, True
    if from_ref:
        return (ref if inside else s), e, prec, False
    return s, e, prec, False


def _rel_year(text: str | None, ref: date) -> tuple[int | None, bool]:
    """(year, known) for a relative year expression; ``het jaar`` → (None, False)."""
    if not text:
        return None, False
    t = _norm(text)
    if t.startswith("dit") or "lopende" in t:
        return ref.year, True
    if "volgend" in t or "komend" in t:
        return ref.year + 1, True
    if "vorig" in t or "afgelopen" in t:
        return ref.year - 1, True
    return None, False


def _stated_year(gd: dict[str, Any], ref: date, tag: str = "") -> tuple[int | None, bool]:
    """The year named in groups ``yabs<tag>``/``yrel<tag>``: (year, stated)."""
    ya = gd.get("yabs" + tag)
    if ya:
        return year_of(ya), True
    return _rel_year(gd.get("yrel" + tag), ref)


def _with_year(
    fn: Callable[[int], _R | None], year: int | None, hint: int | None, ref: date,
) -> _R | None:
    """Resolve with the stated year, the merge hint, or the missing-year rule."""
    if year is not None:
        return fn(year)
    if hint is not None:
        r = fn(hint)
        return None if r is None else _replace(r, missing=True)
    for y in range(ref.year - 1, ref.year + 9):
        r = fn(y)
        if r is not None and r.due is not None and r.due >= ref:
            return _replace(r, missing=True, year=y)
    return None


def _replace(r: _R, **kw: Any) -> _R:
    fields = {
        "window_start": r.window_start, "due": r.due, "precision": r.precision,
        "year": r.year, "missing": r.missing, "before": r.before,
        "refers": r.refers,
    }
    fields.update(kw)
    return _R(**fields)


def _period(
    gd: dict[str, Any], ref: date, hint: int | None, base: Callable[[int], Window | None],
    year: int | None, from_ref: bool = False,
) -> _R | None:
    pre = _pre_kind(gd.get("pre"))
    part = _part_kind(gd.get("part"), pre)
    shape_pre = "in" if pre in ("after", "since", "dated") else pre

    def fn(y: int) -> _R | None:
        w = base(y)
        if w is None:
            return None
        ws, due, prec, before = _shape(w[0], w[1], w[2], shape_pre, part, ref, from_ref)
        return _R(ws, due, prec, year=y, before=before)

    if pre == "since" and year is None and hint is None:
        # "sinds maart": the most recent such period that has begun
        for y in range(ref.year, ref.year - 9, -1):
            r = fn(y)
            if r is not None and (r.window_start or r.due or ref) <= ref:
                return _since(r)
        return None
    r = _with_year(fn, year, hint, ref)
    if pre == "since":
        return _since(r)
    return _after_period(r) if pre == "after" else r



Handler = Callable[[dict[str, Any], date, "ParliamentaryCalendar", "int | None"], "_R | None"]
