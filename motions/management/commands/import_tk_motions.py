"""python manage.py import_tk_motions FILE…

Imports motions (Zaak, Soort Motie), their decisions (Besluit) and votes
(Stemming) from JSON files in the shape of the Tweede Kamer's open data; see
docs/tk-import.md. No network. Each file is imported in one transaction: a file
with a record the importer cannot read is reported and nothing of it is
written; the other files are still imported. Re-importing updates in place.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from motions.importing import ImportResult, TkImportError, import_file


def summary(result: ImportResult) -> str:
    parts = [
        f"{result.created} nieuw", f"{result.updated} bijgewerkt", f"{result.unchanged} ongewijzigd",
        f"{result.deleted} verwijderd", f"{result.votes} stemmen",
    ]
    if result.stale:
        parts.append(f"{result.stale} ouder dan wat er al staat (overgeslagen)")
    if result.skipped:
        parts.append(f"{result.skipped} zaken die geen motie zijn (overgeslagen)")
    return ", ".join(parts)


class Command(BaseCommand):
    help = "Import motions and votes from JSON files in the shape of the Tweede Kamer open data."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE")

    def handle(self, *args: object, **options: object) -> None:
        total = ImportResult()
        failed: list[str] = []
        for raw in options["files"]:  # type: ignore[attr-defined]
            path = Path(raw)
            try:
                result = import_file(path)
            except TkImportError as exc:
                failed.append(str(exc))
                self.stderr.write(f"{exc}\n  Niets uit {path} is opgeslagen.")
                continue
            total.add(result)
            self.stdout.write(f"{path}: {summary(result)}")
        if len(options["files"]) > 1:  # type: ignore[arg-type]
            self.stdout.write(f"Totaal: {summary(total)}")
        if failed:
            raise CommandError(f"{len(failed)} bestand(en) niet geïmporteerd; zie hierboven.")
