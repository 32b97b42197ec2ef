"""python manage.py sync_tk [--entity Toezegging|Zaak|Document …] [--since ISO]

Reads what changed in the Tweede Kamer's open data (TK_ODATA_URL) since the
last run: the register of toezeggingen, motions and the documents of the
followed Soorten (TK_DOCUMENT_SOORTEN). See docs/tk-import.md.
"""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tracker.opendata.sync import ENTITIES, sync_all


def _moment(raw: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(raw)
    except ValueError:
        raise CommandError(f"--since {raw!r} is geen datum of tijdstip (ISO 8601, bijv. 2026-01-31T12:00:00Z)") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


class Command(BaseCommand):
    help = "Follow the Tweede Kamer's open data: Toezegging, Zaak (motions) and Document."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--entity", action="append", choices=ENTITIES, dest="entities",
                            help="only these entities (repeatable); default all")
        parser.add_argument("--since", help="read from this moment instead of the stored position (ISO 8601)")

    def handle(self, *args: object, **options: object) -> None:
        since = _moment(str(options["since"])) if options.get("since") else None
        entities = options.get("entities") or ENTITIES
        outcomes = sync_all(entities, since=since)  # type: ignore[arg-type]
        for outcome in outcomes:
            self.stdout.write(f"{outcome.entity}: {outcome.summary()}")
            if outcome.error:
                self.stderr.write(f"{outcome.entity}: pagina niet gelezen: {outcome.error}")
        failed = [o.entity for o in outcomes if o.error]
        if failed:
            raise CommandError(f"Niet alles gelezen ({', '.join(failed)}); de volgende run gaat verder waar deze stopte.")
