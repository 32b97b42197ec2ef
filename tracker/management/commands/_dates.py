"""Shared argument parsing for the commands."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import CommandError
from django.db import DatabaseError

from tracker.datebounds import EARLIEST, LATEST, is_plausible_date
from tracker.extraction.calendar import ParliamentaryCalendar


def parse_date_option(value: str | None, option: str = "--date") -> dt.date | None:
    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{option} moet een datum zijn als JJJJ-MM-DD, niet {value!r}.") from None
    if not is_plausible_date(day):
        raise CommandError(f"{option} moet tussen {EARLIEST.year} en {LATEST.year} liggen, niet {value}.")
    return day


def calendar_or_default() -> ParliamentaryCalendar:
    """The administrators' recess table, or the spec's default rules when
    there is no database to read (the commands also run on bare checkouts)."""
    from tracker.recesses import parliamentary_calendar

    try:
        return parliamentary_calendar()
    except DatabaseError:
        return ParliamentaryCalendar({})
