"""python manage.py import_tk_toezeggingen FILE…

Imports the Tweede Kamer's register of commitments (``Toezegging`` records in
the shape of its open data, see docs/tk-import.md). No network. Each file is
imported in one transaction: a file with a record the importer cannot read is
reported and nothing of it is written; the other files are still imported.
Re-importing updates in place.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from motions.importing import TkImportError
from tracker.opendata.register import RegisterResult, import_register_bytes


class Command(BaseCommand):
    help = "Import the Tweede Kamer's register of commitments (Toezegging) from JSON files."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE")

    def handle(self, *args: object, **options: object) -> None:
        total = RegisterResult()
        failed = 0
        files: list[str] = options["files"]  # type: ignore[assignment]
        for raw in files:
            path = Path(raw)
            try:
                data = path.read_bytes()
            except OSError as exc:
                failed += 1
                self.stderr.write(f"{path}: bestand niet te lezen ({exc.strerror})")
                continue
            try:
                result = import_register_bytes(data, source=str(path))
            except TkImportError as exc:
                failed += 1
                self.stderr.write(f"{exc}\n  Niets uit {path} is opgeslagen.")
                continue
            total.add(result)
            self.stdout.write(f"{path}: {result.summary()}")
        if len(files) > 1:
            self.stdout.write(f"Totaal: {total.summary()}")
        if failed:
            raise CommandError(f"{failed} bestand(en) niet geïmporteerd; zie hierboven.")
