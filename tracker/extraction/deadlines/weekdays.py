"""``de derde dinsdag van september``: an ordinal weekday of a month is one day.

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
