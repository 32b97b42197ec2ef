"""Handlers for calendar periods and dates: quarters, halves, seasons, months, years, weeks, days.

A handler gets the rule's match (group dict), the reference date, the calendar
and a year hint (from the other half of a range) and returns a resolved ``_R``,
or None when the match is not a time phrase after all.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from tracker.extraction.calendar import ParliamentaryCalendar
from tracker.extraction.deadlines.dates import (
    _ONE,
    _R,
    DAY,
    HALF,
    MONTH,
    QUARTER,
    SEASON,
    YEAR,
    Window,
    _add_months,
    _after_period,
    _dp,
    _month_end,
    _norm,
    _period,
    _pre_kind,
    _rel_year,
    _since,
    _stated_year,
    _with_year,
    year_of,
)
from tracker.extraction.deadlines.patterns import DAY_WORDS
from tracker.extraction.lexicon.calendar import MONTHS, PERIOD_ORDINALS, SEASONS


def _quarter_window(q1: int, q2: int) -> Callable[[int], Window]:
    def base(y: int) -> Window:
        s = date(y, 3 * q1 - 2, 1)
        ey = y if q2 >= q1 else y + 1
        return s, _month_end(ey, 3 * q2), QUARTER

    return base



def _h_quarter(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    if gd.get("q1"):
        q1 = int(gd["q1"])
        q2 = int(gd["q2"]) if gd.get("q2") else q1
    else:
        q1 = PERIOD_ORDINALS[_norm(gd["o1"])]
        q2 = PERIOD_ORDINALS[_norm(gd["o2"])] if gd.get("o2") else q1
    year, _ = _stated_year(gd, ref)
    if gd.get("yshort"):
        year = 2000 + int(gd["yshort"])
    elif gd.get("yabs2"):
        year = year_of(gd["yabs2"])
    return _period(gd, ref, hint, _quarter_window(q1, q2), year)


def _h_quarter_rel(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    rel = _norm(gd["qrel"])
    q = (ref.month - 1) // 3 + 1
    y = ref.year
    if "volgend" in rel or "komend" in rel:
        q, y = (1, y + 1) if q == 4 else (q + 1, y)
    elif "vorig" in rel or "afgelopen" in rel:
        q, y = (4, y - 1) if q == 1 else (q - 1, y)
    return _period(gd, ref, None, _quarter_window(q, q), y)


def _h_half(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    if gd.get("hn"):
        h = int(gd["hn"])
        year: int | None = year_of(gd["yabsh"])
    else:
        h = 1 if _norm(gd["h"]) in ("eerste", "1e") else 2
        year, stated = _stated_year(gd, ref)
        if _norm(gd["hw"]) == "helft" and not (stated or gd.get("yrel")):
            return None  # "de eerste helft" of something else

    def base(y: int) -> Window:
        if h == 1:
            return date(y, 1, 1), date(y, 6, 30), HALF
        return date(y, 7, 1), date(y, 12, 31), HALF

    return _period(gd, ref, hint, base, year)


def _season_window(season: str) -> Callable[[int], Window]:
    def base(y: int) -> Window:
        if season == "voorjaar":
            return date(y, 3, 1), date(y, 5, 31), SEASON
        if season == "zomer":
            return date(y, 6, 1), date(y, 8, 31), SEASON
        if season == "najaar":
            return date(y, 9, 1), date(y, 11, 30), SEASON
        return date(y, 12, 1), _month_end(y + 1, 2), SEASON

    return base


def _h_season(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    season = SEASONS[_norm(gd["season"])]
    det = _norm(gd.get("sdet") or "")
    year, stated = _stated_year(gd, ref, "s")
    if not (det or stated or gd.get("yrels") or gd.get("part")):
        return None  # a bare season word ("zomer") is not a time phrase
    base = _season_window(season)
    if year is None and det in ("afgelopen", "vorig", "vorige"):
        year = next(y for y in range(ref.year, ref.year - 3, -1) if base(y)[1] < ref)
    elif year is None and det in (
        "komend", "komende", "volgend", "volgende", "aanstaande", "aankomende",
    ):
        year = next(y for y in range(ref.year - 1, ref.year + 3) if base(y)[0] > ref)
    return _period(gd, ref, hint, base, year)


def _month_window(month: int) -> Callable[[int], Window]:
    def base(y: int) -> Window:
        return date(y, month, 1), _month_end(y, month), MONTH

    return base


def _h_month(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    month = MONTHS[_norm(gd["m"])]
    year, _ = _stated_year(gd, ref, "m")
    rel = _norm(gd.get("rel") or "")
    if year is None and rel and not rel.startswith(("a", "aanstaand")) and hint is None:
        # jl. / jongstleden: the most recent such month that has begun
        year = ref.year if date(ref.year, month, 1) <= ref else ref.year - 1
    return _period(gd, ref, hint, _month_window(month), year)


def _h_month_rel(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    rel = _norm(gd["mr"])
    first = ref.replace(day=1)
    if "volgend" in rel or "komend" in rel:
        first = _add_months(first, 1)
    elif "vorig" in rel or "afgelopen" in rel:
        first = _add_months(first, -1)
    return _period(gd, ref, None, _month_window(first.month), first.year)


def _h_year(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    pre_raw = _norm(gd.get("pre") or "")
    part = gd.get("part")
    if gd.get("yabs"):
        y1 = year_of(gd["yabs"])
        y2 = y1
        if gd.get("yabs2"):
            y2 = year_of(gd["yabs2"])
        elif gd.get("yshort"):
            y2 = (y1 // 100) * 100 + int(gd["yshort"])
        if y2 < y1:
            return None
        if not (pre_raw or part or gd.get("ylead")):
            return None  # a bare year number is not a time phrase
        if pre_raw == "voor" and not part:
            return None  # "voor 2026" is mostly "for 2026"

        def base(y: int) -> Window:
            return date(y, 1, 1), date(y + (y2 - y1), 12, 31), YEAR

        return _period(gd, ref, hint, base, y1)
    rel = _norm(gd["yrel"])
    year, known = _rel_year(rel, ref)
    during = rel in ("het jaar", "het kalenderjaar") and pre_raw in ("gedurende", "tijdens")
    if rel.startswith("het") and "lopende" not in rel and not part and not during:
        return None  # "het komende jaar" etc. alone: see the duration rules
    if not part and pre_raw.endswith("voor"):
        return None  # "voor dit jaar", "voor volgend jaar": "for"
    from_ref = rel.startswith("dit") or "lopende" in rel
    return _period(
        gd, ref, hint if not known else None,
        lambda y: (date(y, 1, 1), date(y, 12, 31), YEAR), year, from_ref,
    )


def _h_week(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    w = _norm(gd["wk"])
    if w == "vandaag":
        return _R(ref, ref, DAY, year=ref.year)
    if w == "morgen":
        d = ref + _ONE
        return _R(d, d, DAY, year=d.year)
    if w == "overmorgen":
        d = ref + 2 * _ONE
        return _R(d, d, DAY, year=d.year)
    monday = ref - timedelta(days=ref.weekday())
    if "volgend" in w or "komend" in w:
        monday += timedelta(days=7)
    elif "vorig" in w or "afgelopen" in w:
        monday -= timedelta(days=7)
    sunday = monday + timedelta(days=6)
    pre = _pre_kind(gd.get("pre"))
    if pre == "before":
        return _R(None, monday - _ONE, DAY, year=monday.year, before=True)
    r = _R(monday, sunday, DAY, year=monday.year)
    return _after_period(r) if pre == "after" else r


def _day_number(text: str) -> int:
    word = _norm(text)
    if word[0].isdigit():
        return int(word.rstrip("edst"))
    return DAY_WORDS[word]


def _day_month(gd: dict[str, Any]) -> tuple[int, int | None, int]:
    d1 = _day_number(gd["d1"])
    d2 = _day_number(gd["d2"]) if gd.get("d2") else None
    month = MONTHS[_norm(gd["mon"]).rstrip(".")]
    return d1, d2, month


def _date_r(first: date, last: date, pre: str, year: int) -> _R:
    if pre == "before":
        return _R(None, first - _ONE, DAY, year=year, before=True)
    return _R(first, last, DAY, year=year)


def _h_date(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    d1, d2, month = _day_month(gd)
    if d2 is not None and d2 <= d1:
        return None
    pre = _pre_kind(gd.get("pre"))
    rel = _norm(gd.get("rel") or "")
    past = (bool(rel) and not rel.startswith("a")) or pre in ("since", "dated")
    date_pre = "in" if pre in ("after", "since", "dated") else pre

    def fn(y: int) -> _R | None:
        first = _dp(d1, month, y)
        last = _dp(d2, month, y) if d2 is not None else first
        if first is None or last is None:
            return None
        return _date_r(first, last, date_pre, y)

    if gd.get("y"):
        r = fn(year_of(gd["y"]))
    elif past and hint is None:
        r = None
        for y in range(ref.year, ref.year - 9, -1):
            found = fn(y)
            if found is not None and (found.window_start or found.due or ref) <= ref:
                r = found
                break
    else:
        r = _with_year(fn, None, hint, ref)
    if pre == "since":
        return _since(r)
    return _after_period(r) if pre == "after" else r


def _h_numdate(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    if gd.get("nd"):
        d, m, y = int(gd["nd"]), int(gd["nm"]), int(gd["ny"])
    elif gd.get("sd"):
        # dd-mm-yy: the century that puts the year at most 20 years after the reference year
        d, m, y = int(gd["sd"]), int(gd["sm"]), 2000 + int(gd["sy"])
        if y > ref.year + 20:
            y -= 100
    else:
        d, m, y = int(gd["id"]), int(gd["im"]), int(gd["iy"])
    if not 1 <= m <= 12:
        return None
    first = _dp(d, m, y)
    if first is None:
        return None
    pre = _pre_kind(gd.get("pre"))
    if pre == "after":
        return _after_period(_date_r(first, first, "in", y))
    if pre == "since":
        return _since(_date_r(first, first, "in", y))
    return _date_r(first, first, "in" if pre == "dated" else pre, y)

