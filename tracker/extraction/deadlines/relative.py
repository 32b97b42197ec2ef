"""Handlers for phrases dated relative to something else: a weekday, a dated meeting,
an approximate count (``een week of drie``), ``tot en met <jaar>``, and references back
(``dan``, ``op dat moment``, ``daarna``) that ``scan.refer_back`` resolves."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from tracker.extraction.calendar import ParliamentaryCalendar
from tracker.extraction.deadlines.dates import (
    _ONE,
    _R,
    DAY,
    EVENT,
    YEAR,
    _add_months,
    _after_period,
    _norm,
    _period,
    _pre_kind,
    year_of,
)
from tracker.extraction.deadlines.durations import _after, _h_duration, _number
from tracker.extraction.deadlines.periods import _h_date, _h_numdate
from tracker.extraction.lexicon.calendar import UNIT_DIMINUTIVES, UNITS, WEEKDAYS

# A reference back: the antecedent's own window ("same") or what follows it ("after").
# Without an antecedent only the fixed expressions stay, as undated events (the
# spec's conditional triggers); a bare ``dan``/``daarna`` is then no time phrase.
REFER_BACK: dict[str, tuple[str, bool]] = {
    "op dat moment": ("same", True), "op dat tijdstip": ("same", True),
    "te dien tijde": ("same", True), "op die datum": ("same", False),
    "op die dag": ("same", False), "tegen die tijd": ("same", False),
    "rond die tijd": ("same", False), "dan": ("same", False),
    "daarna": ("after", False), "daarop": ("after", False),
}


# "dan" refers back in time only right after a subject or a finite verb ("ontvangt u dan",
# "en dan kunt u"); elsewhere it compares ("meer tijd dan voorzien") or is a particle.
DAN_AFTER = frozenset((
    "u", "ik", "wij", "we", "kabinet", "kamer", "en", "zal", "zullen", "wil", "kan", "kunnen",
    "zou", "zouden", "ontvangt", "ontvang", "stuur", "stuurt", "informeer", "informeert",
    "krijgt", "is", "zijn", "wordt", "worden", "volgt", "volgen", "komt", "kom", "ga", "gaat",
))


def _h_weekday(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    """``aanstaande dinsdag``: the first such weekday after the reference date;
    ``volgende week dinsdag``: that weekday in the next calendar week."""
    wd = WEEKDAYS[_norm(gd.get("wd") or gd["wd2"])]
    if gd.get("wk"):
        day = ref - timedelta(days=ref.weekday()) + timedelta(days=7 + wd)
    else:
        day = ref + timedelta(days=(wd - ref.weekday()) % 7 or 7)
    pre = _pre_kind(gd.get("pre"))
    if pre == "before":
        return _R(None, day - _ONE, DAY, year=day.year, before=True)
    r = _R(day, day, DAY, year=day.year)
    return _after_period(r) if pre == "after" else r


_BEFORE_TRIGGERS = ("voor", "vóór", "voorafgaand", "voorafgaande", "in aanloop", "in de aanloop")


def _h_dated_event(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    """``voorafgaand aan het debat van 9 september``: the meeting's own date decides."""
    k = _norm(gd["k"])
    pre = "voor" if k.startswith(_BEFORE_TRIGGERS) else "na"
    return _h_date({**gd, "pre": pre, "d2": None}, ref, cal, hint)


def _h_approx(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    """``een week of drie``, ``een weekje of zes``: about N units, read as N units."""
    unit = _norm(gd["u"])
    return _h_duration({**gd, "u": UNIT_DIMINUTIVES.get(unit, unit), "n2": None, "evt": None},
                       ref, cal, hint)


def _h_from_date(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    """``zes weken na 1 maart``: N units after (or ``voor``: before) a named date, precision day.
    The date may be a meeting's (``twee weken na het debat van 9 juni``) or numeric
    (``negen jaar na 10-10-10``); ``exact``/``precies`` N units after is that one day."""
    if gd.get("nd"):
        short = len(gd["ny"]) == 2
        base = _h_numdate({"sd" if short else "nd": gd["nd"].zfill(2), "sm" if short else "nm": gd["nm"].zfill(2),
                           "sy" if short else "ny": gd["ny"]}, ref, cal, hint)
    else:
        base = _h_date({**gd, "pre": None, "d2": None}, ref, cal, hint)
    n = _number(gd["n"])
    if gd.get("n2"):
        n2 = _number(gd["n2"])
        n = None if n is None or n2 is None else max(n, n2)
    if base is None or base.window_start is None or n is None:
        return None
    unit = _norm(gd["u"])
    if _norm(gd["dir"]) == "na":
        due = _after(base.window_start, n, unit)
        exact = _norm(gd.get("lead") or "") in ("exact", "precies")
        return _R(due if exact else base.window_start, due, DAY, year=due.year)
    days, months, _ = UNITS[unit]
    if days:
        due = base.window_start - timedelta(days=round(n * days))
    else:
        due = _add_months(base.window_start, -round(n * months))
    return _R(None, due, DAY, year=due.year)


def _h_until_year(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    """``tot en met 2027``: until the end of that year (only an end, no window)."""
    year = year_of(gd["yabs"])
    return _R(None, date(year, 12, 31), YEAR, year=year)


def _h_that_year(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    """``eind dat jaar``: the year of the phrase just before (given as ``hint`` by
    ``scan.refer_back``); without one, a marker that asks for it."""
    if hint is None:
        return _R(None, None, EVENT, refers="year")
    return _period(gd, ref, None, lambda y: (date(y, 1, 1), date(y, 12, 31), YEAR), hint)


def _h_refer_back(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    kind, _ = REFER_BACK[_norm(gd["rb"])]
    return _R(None, None, EVENT, refers=kind)
