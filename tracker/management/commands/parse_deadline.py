"""python manage.py parse_deadline "PHRASE" --date YYYY-MM-DD
python manage.py parse_deadline --jsonl FILE   (lines {"phrase", "reference_date"}; - for stdin)

Prints {"text", "due", "window_start", "precision"} per phrase, in order.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tracker.extraction.deadlines import resolve_phrase
from tracker.management.commands._dates import calendar_or_default, parse_date_option


def as_json(phrase: str, reference: Any, calendar: Any) -> dict[str, Any]:
    deadline = resolve_phrase(phrase, reference, calendar)
    return {
        "text": deadline.text,
        "due": deadline.due.isoformat() if deadline.due else None,
        "window_start": deadline.window_start.isoformat() if deadline.window_start else None,
        "precision": deadline.precision,
    }


class Command(BaseCommand):
    help = "Resolve Dutch deadline phrases to due dates."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("phrase", nargs="?")
        parser.add_argument("--date", help="reference date YYYY-MM-DD")
        parser.add_argument("--jsonl", help='file of lines {"phrase", "reference_date"}; - for stdin')

    def handle(self, *args: object, **options: Any) -> None:
        calendar = calendar_or_default()
        if options["jsonl"]:
            self._jsonl(options["jsonl"], calendar)
            return
        if not options["phrase"]:
            raise CommandError('Geef een zin op ("voor de zomer") of --jsonl BESTAND.')
        reference = parse_date_option(options["date"])
        if reference is None:
            raise CommandError("--date JJJJ-MM-DD is verplicht: termijnen worden tegen een datum berekend.")
        self.stdout.write(json.dumps(as_json(options["phrase"], reference, calendar), ensure_ascii=False))

    def _jsonl(self, source: str, calendar: Any) -> None:
        try:
            stream = sys.stdin if source == "-" else open(source, encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            raise CommandError(f"Kan {source} niet lezen: {exc.strerror}") from None
        failures = 0
        with stream:
            for number, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                phrase = None
                try:
                    record = json.loads(line)
                    phrase = record["phrase"]
                    reference = parse_date_option(record["reference_date"], "reference_date")
                    if not isinstance(phrase, str) or reference is None:
                        raise ValueError("phrase and reference_date are required")
                    out = as_json(phrase, reference, calendar)
                except (ValueError, KeyError, TypeError, CommandError) as exc:
                    failures += 1
                    out = {"text": phrase, "due": None, "window_start": None, "precision": None,
                           "error": f"regel {number}: {exc}"}
                self.stdout.write(json.dumps(out, ensure_ascii=False))
        if failures:
            raise CommandError(f"{failures} regel(s) konden niet worden gelezen; zie het veld 'error'.")
