"""Register entries: the ``Deadline`` field of an entry dates its promise.

In the Eerste Kamer toezeggingenregister the promise sentence seldom carries a
date; the entry's key data does (``Deadline 1 januari 2027`` or, in a table,
``Deadline | 1 januari 2027 |``). The field dates the last promise before it in
the same entry, unless that promise already has a dated deadline of its own.
"""

from __future__ import annotations

import bisect
import re
from datetime import date

from tracker.extraction.commitments.records import _Found
from tracker.extraction.deadlines import parse_absolute_date
from tracker.extraction.lexicon import registers
from tracker.extraction.types import Deadline

_FIELD_RE = re.compile(
    r"^[ \t]*(?:" + "|".join(map(re.escape, registers.DEADLINE_FIELDS)) + r")[ \t]*\|?[ \t]*"
    r"(?P<value>\d{1,2}[ \t]+\w+[ \t]+\d{4}|\d{1,2}-\d{1,2}-\d{4})[ \t]*\|?[ \t]*$",
    re.M,
)
_TITLE_RE = re.compile(r"^[ \t]*(?:" + "|".join(map(re.escape, registers.ENTRY_TITLES)) + r")\b", re.M)


def date_from_fields(text: str, found: list[_Found], reference_date: date | None) -> None:
    """Give each register entry's promise the date of the entry's Deadline field."""
    if not found:
        return
    starts = [f.start for f in found]
    dated: set[int] = set()
    for m in _FIELD_RE.finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i < 0 or i in dated:
            continue
        f = found[i]
        if _TITLE_RE.search(text, f.end, m.start()) or (f.deadline is not None and f.deadline.due is not None):
            continue  # another entry begins in between, or the sentence dates itself
        due = parse_absolute_date(m.group("value"), reference_date)
        if due is None:
            continue
        label = m.group().strip().rstrip("|").rstrip()
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        f.deadline = Deadline(label, due, None, "day", start, start + len(label))  # names only an end
        dated.add(i)
