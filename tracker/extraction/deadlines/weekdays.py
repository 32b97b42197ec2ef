"""``de derde dinsdag van september``: an ordinal weekday of a month is one day;
``de tweede week van april`` is days 8–14 of the month; ``week 12`` is that ISO week.

Budget law names its moments this way (Prinsjesdag is the third Tuesday of
September, Verantwoordingsdag the third Wednesday of May), and letters copy it.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from tracker.extraction.calendar import ParliamentaryCalendar
from tracker.extraction.deadlines.dates import (
    _ONE,
    _R,
    DAY,
    MONTH,
    _after_period,
    _norm,
    _pre_kind,
    year_of,
)
from tracker.extraction.lexicon.calendar import DAY_ORDINALS, MONTHS, WEEKDAYS


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` (1-based; 0 = last) ``weekday`` of ``month``."""
    if nth == 0:
        nxt = date(year + (month == 12), month % 12 + 1, 1)
        last = nxt - _ONE
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _h_nth_weekday(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    """Without a year: the next such day that has not passed on the reference date."""
    ordinal = _norm(gd["nth"])
    nth = 0 if ordinal == "laatste" else DAY_ORDINALS[ordinal]
    month = MONTHS[_norm(gd["mon"])]
    weekday = WEEKDAYS[_norm(gd["wd"])]
    if gd.get("y"):
        year, missing = year_of(gd["y"]), False
    else:
        year, missing = ref.year, True
        if _nth_weekday(year, month, weekday, nth) < ref:
            year += 1
    day = _nth_weekday(year, month, weekday, nth)
    if day.month != month:
        return None  # "de vijfde maandag van februari" does not exist
    pre = _pre_kind(gd.get("pre"))
    if pre == "before":
        return _R(None, day - _ONE, DAY, year=year, missing=missing, before=True)
    r = _R(day, day, DAY, year=year, missing=missing)
    return _after_period(r) if pre == "after" else r


def _windowed(start: date, end: date, year: int, missing: bool, pre_raw: str | None) -> _R:
    pre = _pre_kind(pre_raw)
    if pre == "before":
        return _R(None, start - _ONE, MONTH, year=year, missing=missing, before=True)
    r = _R(start, end, MONTH, year=year, missing=missing)
    return _after_period(r) if pre == "after" else r


def _month_week(year: int, month: int, nth: int) -> tuple[date, date]:
    """Days 1–7, 8–14, 15–21, 22–28 of the month; the last week is its last seven days."""
    if nth == 0:
        last = date(year + (month == 12), month % 12 + 1, 1) - _ONE
        return last - timedelta(days=6), last
    start = date(year, month, 7 * (nth - 1) + 1)
    return start, start + timedelta(days=6)


def _h_nth_week(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    """``de tweede week van april``: part of a month (precision ``month``, like ``begin maart``)."""
    ordinal = _norm(gd["wnth"])
    nth = 0 if ordinal == "laatste" else DAY_ORDINALS[ordinal]
    month = MONTHS[_norm(gd["mon"])]
    if gd.get("y"):
        year, missing = year_of(gd["y"]), False
    else:
        year, missing = ref.year, True
        if _month_week(year, month, nth)[1] < ref:
            year += 1
    start, end = _month_week(year, month, nth)
    return _windowed(start, end, year, missing, gd.get("pre"))


def _h_week_number(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    """``in week 12``: Monday to Sunday of that ISO week; without a year the next one not yet ended."""
    week = int(gd["wno"])
    if not 1 <= week <= 53:
        return None
    if gd.get("y"):
        year, missing = year_of(gd["y"]), False
    else:
        year, missing = ref.year, True
        if date.fromisocalendar(year, min(week, 52), 7) < ref:
            year += 1
    try:
        start = date.fromisocalendar(year, week, 1)
    except ValueError:
        return None  # week 53 of a year with 52 weeks
    return _windowed(start, start + timedelta(days=6), year, missing, gd.get("pre"))


def _h_week_of(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    """``in de week van 9 maart``: Monday to Sunday of the week holding that day."""
    month = MONTHS[_norm(gd["mon"])]
    day = int(gd["d"])
    if gd.get("y"):
        year, missing = year_of(gd["y"]), False
    else:
        year, missing = ref.year, True
    try:
        named = date(year, month, day)
    except ValueError:
        return None
    start = named - timedelta(days=named.weekday())
    if missing and start + timedelta(days=6) < ref:
        try:
            named = date(year + 1, month, day)
        except ValueError:
            return None
        year, start = year + 1, named - timedelta(days=named.weekday())
    return _windowed(start, start + timedelta(days=6), year, missing, gd.get("pre"))
