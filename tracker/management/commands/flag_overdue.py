"""python manage.py flag_overdue [--today YYYY-MM-DD] [--due-soon-days N]"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from tracker.followup.overdue import flag_overdue
from tracker.management.commands._dates import parse_date_option


class Command(BaseCommand):
    help = "Mark commitments that are overdue or due soon (idempotent; safe to run concurrently)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", help="pretend today is YYYY-MM-DD")
        parser.add_argument("--due-soon-days", type=int)

    def handle(self, *args: object, **options: object) -> None:
        result = flag_overdue(
            today=parse_date_option(options["today"], "--today"),  # type: ignore[arg-type]
            due_soon_days=options["due_soon_days"],  # type: ignore[arg-type]
        )
        if options["verbosity"]:
            self.stdout.write(
                f"{result.became_overdue} te laat geworden, {result.no_longer_overdue} niet meer te laat, "
                f"{result.became_due_soon} binnenkort verwacht, {result.no_longer_due_soon} niet meer binnenkort"
            )
