"""A small iCalendar (RFC 5545) writer for deadline feeds.

Only what a subscribed calendar (Outlook, Google, Apple) needs: all-day
VEVENTs, text escaping, lines folded at 75 octets without splitting a UTF-8
character, CRLF line ends.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

MAX_OCTETS = 75


def escape_text(value: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11)."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line, folded into physical lines of at most 75 octets, CRLF-terminated."""
    out: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > MAX_OCTETS:
            out.append("".join(current))
            current, size = [" "], 1  # a continuation line starts with one space
        current.append(char)
        size += width
    out.append("".join(current))
    return "\r\n".join(out) + "\r\n"


def utc_stamp(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


@dataclass(frozen=True)
class AllDayEvent:
    uid: str
    day: dt.date
    summary: str
    description: str
    stamp: dt.datetime  # DTSTAMP and LAST-MODIFIED: when the record last changed
    sequence: int = 0
    url: str = ""
    categories: tuple[str, ...] = ()

    def lines(self) -> Iterator[str]:
        yield "BEGIN:VEVENT"
        yield f"UID:{self.uid}"
        yield f"DTSTAMP:{utc_stamp(self.stamp)}"
        yield f"LAST-MODIFIED:{utc_stamp(self.stamp)}"
        yield f"SEQUENCE:{self.sequence}"
        yield f"DTSTART;VALUE=DATE:{self.day:%Y%m%d}"
        yield f"DTEND;VALUE=DATE:{self.day + dt.timedelta(days=1):%Y%m%d}"
        yield f"SUMMARY:{escape_text(self.summary)}"
        if self.description:
            yield f"DESCRIPTION:{escape_text(self.description)}"
        if self.url:
            yield f"URL:{self.url}"
        if self.categories:
            yield "CATEGORIES:" + ",".join(escape_text(category) for category in self.categories)
        yield "TRANSP:TRANSPARENT"
        yield "STATUS:CONFIRMED"
        yield "END:VEVENT"


def calendar(name: str, events: Iterable[AllDayEvent], *, refresh_minutes: int = 60) -> Iterator[str]:
    """The calendar as folded lines (for a streaming response)."""
    header = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Nakoming//Termijnen van toezeggingen//NL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"REFRESH-INTERVAL;VALUE=DURATION:PT{refresh_minutes}M",
        f"X-PUBLISHED-TTL:PT{refresh_minutes}M",
    ]
    for line in header:
        yield fold(line)
    for event in events:
        for line in event.lines():
            yield fold(line)
    yield fold("END:VCALENDAR")
