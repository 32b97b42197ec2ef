"""python manage.py extract PATH [--date YYYY-MM-DD] --format json

Prints what the extraction engine finds in one file; writes nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tracker.extraction.errors import ExtractionError
from tracker.extraction.pipeline import extract_file, to_json
from tracker.management.commands._dates import calendar_or_default, parse_date_option


class Command(BaseCommand):
    help = "Extract commitments, deadlines and motion citations from a document (writes nothing)."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help=".txt, .pdf, .docx or .html file")
        parser.add_argument("--date", help="reference date YYYY-MM-DD; overrides the document's own date")
        parser.add_argument("--format", choices=["json", "text"], default="json")

    def handle(self, *args: object, **options: object) -> None:
        path = Path(str(options["path"]))
        reference_date = parse_date_option(options["date"])  # type: ignore[arg-type]
        if not path.is_file():
            raise CommandError(f"Bestand niet gevonden: {path}")
        try:
            extraction = extract_file(path, reference_date=reference_date, calendar=calendar_or_default())
        except ExtractionError as exc:
            raise CommandError(f"{path}: {exc}") from None
        if extraction.document.reference_date is None:
            raise CommandError(
                f"{path}: het document noemt geen datum om termijnen tegen te berekenen; geef --date JJJJ-MM-DD op."
            )
        data = to_json(extraction)
        if options["format"] == "json":
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        doc = data["document"]
        self.stdout.write(f"{doc['title']} ({doc['kind']}, {doc['reference_date']} [{doc['reference_date_source']}])")
        for c in data["commitments"]:
            deadline = c["deadline"] or {}
            self.stdout.write(
                f"- [{c['certainty']} {c['confidence']:.2f}] {c['deliverable'] or c['kind']} — "
                f"{deadline.get('text', 'geen termijn')} → {deadline.get('due')}\n  {c['text'][:200]}"
            )
        self.stdout.write(f"{len(data['commitments'])} toezeggingen, {len(data['motions'])} motieverwijzingen")
