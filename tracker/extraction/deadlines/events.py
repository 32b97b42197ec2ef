"""Handlers for events: vague phrases, undated events, recesses and the budget cycle."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from tracker.extraction import calendar as cal_mod
from tracker.extraction.calendar import ParliamentaryCalendar
from tracker.extraction.deadlines.dates import (
    _EVENT_R,
    _R,
    _VAGUE_R,
    EVENT,
    _norm,
    _stated_year,
    _with_year,
)
from tracker.extraction.lexicon.events import RECESS_WORDS, SPEC_DEFAULT_RECESSES


def _h_vague(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R:
    return _VAGUE_R


def _h_event(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R:
    return _EVENT_R


def _h_zodra(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R:
    word = _norm(gd["zv"])
    if word in ("bekend", "duidelijk", "duidelijkheid", "mogelijk"):
        return _VAGUE_R
    return _EVENT_R



def _recess_year_fn(
    kind: str, ev: str, cal: ParliamentaryCalendar,
) -> Callable[[int], _R | None] | None:
    if ev == "zomer":
        if kind == "before":
            return lambda y: _R(None, cal.zomerreces(y), EVENT, year=y, before=True)
        if kind == "after":
            def after(y: int) -> _R:
                due = date(y, 9, 30)
                return _R(min(cal.zomerreces_end(y), due), due, EVENT, year=y)
            return after
        if kind == "during":
            return lambda y: _R(cal.zomerreces(y), cal.zomerreces_end(y), EVENT, year=y)
        return None
    if ev == "kerst":
        if kind == "before":
            return lambda y: _R(None, cal.kerstreces(y), EVENT, year=y, before=True)
        if kind == "during":
            return lambda y: _R(cal.kerstreces(y), cal.kerstreces_end(y), EVENT, year=y)
        return None
    # jaarwisseling
    if kind == "around":
        return lambda y: _R(date(y, 12, 1), date(y + 1, 1, 31), EVENT, year=y)
    if kind == "before":
        return lambda y: _R(None, date(y, 12, 31), EVENT, year=y, before=True)
    return None


_OTHER_RECESS = {
    word: name for name, words in RECESS_WORDS.items() if name not in SPEC_DEFAULT_RECESSES for word in words
}


def _other_recess(name: str, kind: str, gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar) -> _R:
    """Voorjaars-/krokus-, mei- and herfstreces: dated only from the administrators' table
    (the spec gives them no default rule); otherwise an undated event."""
    def fn(y: int) -> _R | None:
        if cal.is_default(name, y):
            return None
        start, end = cal.recess_start(name, y), cal.recess_end(name, y)
        if kind == "before":
            return _R(None, start, EVENT, year=y, before=True)
        return _R(start, end, EVENT, year=y)

    if kind not in ("before", "during"):
        return _EVENT_R
    year, _ = _stated_year(gd, ref)
    return _with_year(fn, year, None, ref) or _EVENT_R


def _h_recess(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    k = _norm(gd["k"])
    ev_word = _norm(gd["ev"])
    ev = "zomer" if ev_word.startswith("zomer") else "kerst" if ev_word.startswith("kerst") else "jw"
    is_recess = ev_word.endswith("reces")
    if k.endswith("na"):
        kind = "after"
    elif k in ("tijdens", "in", "gedurende"):
        kind = "during"
        if not is_recess:
            return None  # "in de zomer" is the season
    elif k in ("rond", "rondom", "omstreeks", "tegen", "bij"):
        kind = "around"
    else:
        kind = "before"
    if ev_word in _OTHER_RECESS:
        return _other_recess(_OTHER_RECESS[ev_word], kind, gd, ref, cal)
    lead = _norm(gd.get("lead") or "")
    if kind == "before" and lead.startswith(("einde", "afloop")):
        return None  # "voor het einde van de zomer": the season rule
    if kind == "after" and ev != "zomer":
        return _EVENT_R  # na de kerst / na de jaarwisseling: no date in the spec
    if ev == "jw" and kind == "during":
        return None
    if ev != "jw" and kind == "around":
        return None
    fn = _recess_year_fn(kind, ev, cal)
    if fn is None:
        return None
    year, _ = _stated_year(gd, ref)
    return _with_year(fn, year, hint, ref)


def _h_budget(gd: dict[str, Any], ref: date, cal: ParliamentaryCalendar, hint: int | None) -> _R | None:
    doc = _norm(gd["doc"])
    pre = _norm(gd.get("pre") or "")
    trig = pre.split(" ")[-1] if pre else ""
    year, stated = _stated_year(gd, ref)
    if doc.startswith("suppletoire"):
        return _EVENT_R
    if trig == "na":
        return _EVENT_R  # after a budget moment: no date
    window_is_day = True
    if doc == "voorjaarsnota" or re.match(r"(?:eerste|1e|1ste)\s", doc):
        fn_date, window_is_day = cal_mod.voorjaarsnota, False
    elif doc == "najaarsnota" or re.match(r"(?:tweede|2e|2de)\s", doc):
        fn_date, window_is_day = cal_mod.najaarsnota, False
    elif doc == "prinsjesdag":
        fn_date = cal_mod.prinsjesdag
    elif doc == "verantwoordingsdag":
        fn_date = cal_mod.verantwoordingsdag
    elif doc.endswith(("jaarverslag", "jaarverslagen")) or doc.startswith("slotwet"):
        if not stated and trig != "bij":
            return None  # "in het jaarverslag": this very document
        fn_date = cal_mod.jaarverslag
    else:  # begroting, Miljoenennota, HGIS-nota, Belastingplan
        if doc.endswith(("begroting", "begrotingen")) and not stated and trig not in ("bij", "met"):
            return None  # "op de begroting", "in de Rijksbegroting"
        fn_date = cal_mod.begroting
    before = trig in ("voor", "vóór")

    def fn(y: int) -> _R:
        d = fn_date(y)
        ws = d if window_is_day and not before else None
        return _R(ws, d, EVENT, year=y, before=before)

    return _with_year(fn, year, hint, ref)


