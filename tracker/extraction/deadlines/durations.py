"""Handlers for durations: ``binnen drie weken``, ``de komende twee jaar``, ``de afgelopen tien jaar``."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from tracker.extraction.calendar import ParliamentaryCalendar
from tracker.extraction.deadlines.dates import (
    _EVENT_R,
    _R,
    _VAGUE_R,
    DAY,
    _add_months,
    _add_workdays,
    _norm,
)
from tracker.extraction.lexicon.calendar import NUMBER_WORDS, PLURAL_UNITS, UNITS, VAGUE_NUMBERS


def _number(word: str) -> float | None:
    w = _norm(word)
    if w in VAGUE_NUMBERS:
        return None
    if w[0].isdigit():
        return float(w.replace(",", "."))
    return float(NUMBER_WORDS[w])


def _after(ref: date, n: float, unit: str) -> date:
    days, months, work = UNITS[unit]
    if work:
        return _add_workdays(ref, round(n))
    if days:
        return ref + timedelta(days=round(n * days))
    total = n * months
    whole = int(total)
    d = _add_months(ref, whole)
    frac = total - whole
    return d + timedelta(days=round(frac * 30)) if frac else d


def _h_duration(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    unit = _norm(gd["u"])
    if gd.get("evt"):
        return _EVENT_R  # "binnen zes maanden na inwerkingtreding"
    n_word = gd.get("n")
    if n_word is None:
        # "het komende half jaar", "de komende maand"; plural → vague
        if unit in PLURAL_UNITS:
            return _VAGUE_R
        n: float | None = 1.0
    else:
        n = _number(n_word)
        if gd.get("n2"):
            n2 = _number(gd["n2"])
            n = None if n is None or n2 is None else max(n, n2)
    if n is None:
        return _VAGUE_R
    due = _after(ref, n, unit)
    return _R(ref, due, DAY, year=due.year)


def _h_duration_past(
    gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None,
) -> _R | None:
    """``de afgelopen tien jaar``, ``het afgelopen jaar``: the window up to the reference date."""
    unit = _norm(gd["u"])
    if gd.get("n") is None:
        if unit in PLURAL_UNITS:
            return None  # "de afgelopen maanden": no deadline, not read
        n: float | None = 1.0
    else:
        n = _number(gd["n"])
        if gd.get("n2"):
            n2 = _number(gd["n2"])
            n = None if n is None or n2 is None else max(n, n2)
    if n is None:
        return None
    days, months, work = UNITS[unit]
    if months:
        start = _add_months(ref, -round(n * months))
    else:
        start = ref - timedelta(days=round(n * days * (7 / 5 if work else 1)))
    return _R(start, ref, DAY, year=ref.year)

