"""The one rule for dates people type in: between 1900 and 2100.

Parliamentary documents, deadlines and deliveries all fall well inside; a year
0001 or 9999 is a typing slip that would otherwise break calendars and
sorting (a calendar event on 9999-12-31 has no next day). Every entry point
(upload form and API, metadata form, reviewers' corrections, delivery and
rappel forms, the commands' ``--date``) uses :func:`validate_plausible_date`.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2100, 12, 31)


def is_plausible_date(value: dt.date) -> bool:
    return EARLIEST <= value <= LATEST


def validate_plausible_date(value: dt.date | None) -> None:
    if value is not None and not is_plausible_date(value):
        raise ValidationError(
            _("Geef een datum tussen %(earliest)s en %(latest)s (niet %(value)s).")
            % {"earliest": EARLIEST.year, "latest": LATEST.year, "value": value.isoformat()},
            code="date_out_of_range",
        )
