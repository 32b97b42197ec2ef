"""The parliamentary calendar as the extraction engine sees it: the recess
table an administrator maintains (every recess, first and last day), with the
spec's rules for missing years."""

from __future__ import annotations

from tracker.extraction.calendar import ParliamentaryCalendar
from tracker.models import Recess


def parliamentary_calendar() -> ParliamentaryCalendar:
    table: dict[int, dict[str, object]] = {}
    for year, kind, start, end in Recess.objects.values_list("year", "kind", "start", "end"):
        table.setdefault(year, {})[kind] = (start, end)
    return ParliamentaryCalendar(table)
