"""The parliamentary calendar and the budget cycle (see shared/spec/deadlines.md).

Pure Python: the Django side loads the administrator-corrected recess table
from the database and passes it in as a plain mapping::

    ParliamentaryCalendar({2026: {"zomerreces": date(2026, 7, 3),
                                  "kerstreces": date(2026, 12, 18)}})

Each year's entry may hold any recess of ``RECESSES`` (``"voorjaarsreces"``,
``"meireces"``, ``"zomerreces"``, ``"herfstreces"``, ``"kerstreces"``: the first
day of the recess, a ``date``). Optionally the recess's last day can be given as
``"zomerreces_eind"`` / ``"kerstreces_eind"``, or the value itself can be a
``(first_day, last_day)`` pair. Anything missing for a year falls back to the
spec's default rules:

- the summer recess starts on the Friday that falls on 3–9 July;
- the Christmas recess starts on the Friday that falls on 17–23 December.

The other recesses have defaults too (``lexicon.events.RECESS_DEFAULTS``: the
Friday on 13–19 February, 22–28 April and 13–19 October), for display and
planning; the spec gives them no rule, so a deadline phrase naming them is
dated only from the table (``is_default`` tells which is which).

The spec does not say when a recess *ends* (only needed for the window of
``na de zomer``). The default follows the Tweede Kamer's usual pattern: the
summer recess runs from that Friday to the Monday eight weeks later (start +
59 days, e.g. 4 July – 1 September 2025); the Christmas recess from that
Friday to the Monday three weeks later (start + 24 days, e.g. 19 December
2025 – 12 January 2026).

Budget cycle (all pure functions of the year):

- Voorjaarsnota / eerste suppletoire begroting of year N → 1 June N;
- Prinsjesdag N → third Tuesday of September N; the begroting, Miljoenennota,
  HGIS-nota (and other notes published with the budget) for year N → Prinsjesdag N-1;
- Najaarsnota / tweede suppletoire begroting of year N → 30 November N;
- Verantwoordingsdag N → third Wednesday of May N; jaarverslag (and slotwet)
  over year N → Verantwoordingsdag N+1.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

from tracker.extraction.lexicon.events import RECESS_DEFAULTS

ZOMERRECES = "zomerreces"
KERSTRECES = "kerstreces"
RECESSES = tuple(RECESS_DEFAULTS)  # every recess of the Kamer, in calendar order

# Default recess lengths in days from the first day to the last day.
_DEFAULT_LENGTH = {name: length for name, (_, _, length) in RECESS_DEFAULTS.items()}

_FRIDAY = 4
_TUESDAY = 1
_WEDNESDAY = 2


def _weekday_on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _as_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return date.fromisoformat(value)
    raise TypeError(f"expected a date, got {value!r}")


def default_zomerreces(year: int) -> date:
    """First day of the summer recess by the default rule (Friday on 3–9 July)."""
    return default_recess_start(ZOMERRECES, year)


def default_kerstreces(year: int) -> date:
    """First day of the Christmas recess by the default rule (Friday on 17–23 Dec)."""
    return default_recess_start(KERSTRECES, year)


def prinsjesdag(year: int) -> date:
    """Third Tuesday of September."""
    return _weekday_on_or_after(date(year, 9, 1), _TUESDAY) + timedelta(days=14)


def verantwoordingsdag(year: int) -> date:
    """Third Wednesday of May."""
    return _weekday_on_or_after(date(year, 5, 1), _WEDNESDAY) + timedelta(days=14)


def voorjaarsnota(year: int) -> date:
    """Legal latest date of the Voorjaarsnota / eerste suppletoire begroting."""
    return date(year, 6, 1)


def najaarsnota(year: int) -> date:
    """Latest date of the Najaarsnota / tweede suppletoire begroting."""
    return date(year, 11, 30)


def begroting(budget_year: int) -> date:
    """Presentation of the budget for ``budget_year``: Prinsjesdag of the year before."""
    return prinsjesdag(budget_year - 1)


def jaarverslag(report_year: int) -> date:
    """Presentation of the annual report over ``report_year``: Verantwoordingsdag the year after."""
    return verantwoordingsdag(report_year + 1)


def default_recess_start(name: str, year: int) -> date:
    """First day of recess ``name`` by the default rule: the Friday in its week of the year."""
    month, day, _ = RECESS_DEFAULTS[name]
    return _weekday_on_or_after(date(year, month, day), _FRIDAY)


class ParliamentaryCalendar:
    """Recess dates per year (table first, default rules otherwise) and budget dates.

    Instances are immutable after construction; equal tables compare and hash
    equal, so the deadline resolver can cache per calendar.
    """

    __slots__ = ("_ends", "_hash", "_starts")

    def __init__(self, recesses: Mapping[int, Mapping[str, Any]] | None = None) -> None:
        starts: dict[tuple[int, str], date] = {}
        ends: dict[tuple[int, str], date] = {}
        for raw_year, entry in (recesses or {}).items():
            year = int(raw_year)
            for name in RECESSES:
                value = entry.get(name)
                if value is not None:
                    if isinstance(value, tuple | list):
                        starts[year, name] = _as_date(value[0])
                        ends[year, name] = _as_date(value[1])
                    else:
                        starts[year, name] = _as_date(value)
                end = entry.get(f"{name}_eind")
                if end is not None:
                    ends[year, name] = _as_date(end)
        self._starts = starts
        self._ends = ends
        self._hash = hash((frozenset(starts.items()), frozenset(ends.items())))

    def __repr__(self) -> str:
        return f"ParliamentaryCalendar({len(self._starts)} recess entries)"

    # Calendars with the same table are equal, so resolution caches keyed by the
    # calendar are shared between documents that load the same table.
    def _key(self) -> tuple[frozenset[Any], frozenset[Any]]:
        return frozenset(self._starts.items()), frozenset(self._ends.items())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ParliamentaryCalendar):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return self._hash

    # -- recesses -------------------------------------------------------------

    def recess_start(self, name: str, year: int) -> date:
        """First day of recess ``name`` (one of ``RECESSES``) in ``year``."""
        found = self._starts.get((year, name))
        if found is not None:
            return found
        return default_recess_start(name, year)

    def recess_end(self, name: str, year: int) -> date:
        """Last day of recess ``name`` that starts in ``year``."""
        found = self._ends.get((year, name))
        if found is not None:
            return found
        return self.recess_start(name, year) + timedelta(days=_DEFAULT_LENGTH[name])

    def is_default(self, name: str, year: int) -> bool:
        """True when the start of that recess comes from the default rule, not the table."""
        return (year, name) not in self._starts

    def zomerreces(self, year: int) -> date:
        return self.recess_start(ZOMERRECES, year)

    def zomerreces_end(self, year: int) -> date:
        return self.recess_end(ZOMERRECES, year)

    def kerstreces(self, year: int) -> date:
        return self.recess_start(KERSTRECES, year)

    def kerstreces_end(self, year: int) -> date:
        return self.recess_end(KERSTRECES, year)

    # -- budget cycle (same for every calendar; here for one-stop access) -------

    prinsjesdag = staticmethod(prinsjesdag)
    verantwoordingsdag = staticmethod(verantwoordingsdag)
    voorjaarsnota = staticmethod(voorjaarsnota)
    najaarsnota = staticmethod(najaarsnota)
    begroting = staticmethod(begroting)
    jaarverslag = staticmethod(jaarverslag)


DEFAULT_CALENDAR = ParliamentaryCalendar()
