"""python manage.py ingest PATH… [--date] [--committee] [--ministry] [--kind] [--queue]

Ingests files and folders (recursively). By default each document is processed
here, with a progress bar; --queue hands them to the Celery worker instead.
"""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tracker.ingest.process import document_process
from tracker.ingest.submit import DocumentOverrides, SubmissionError, document_submit
from tracker.management.commands._dates import parse_date_option
from tracker.models import Document


def collect(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")))
        elif path.is_file():
            files.append(path)
        else:
            raise CommandError(f"Bestand of map niet gevonden: {path}")
    return files


def progress_bar(done: int, total: int, label: str, width: int = 30) -> str:
    filled = width * done // max(total, 1)
    return f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label[:40]:<40}"


class Command(BaseCommand):
    help = "Ingest documents from files and folders."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--date", help="reference date YYYY-MM-DD for every document")
        parser.add_argument("--committee")
        parser.add_argument("--ministry")
        parser.add_argument("--kind", choices=Document.Kind.values)
        parser.add_argument("--queue", action="store_true", help="let the Celery worker process them")

    def handle(self, *args: object, **options: object) -> None:
        overrides = DocumentOverrides(
            reference_date=parse_date_option(options["date"]),  # type: ignore[arg-type]
            committee=options["committee"], ministry=options["ministry"], kind=options["kind"],  # type: ignore[arg-type]
        )
        files = collect(options["paths"])  # type: ignore[arg-type]
        counts = {"new": 0, "existing": 0, "failed": 0, "refused": 0, "queued": 0}
        problems: list[str] = []
        show_bar = sys.stderr.isatty()
        for index, path in enumerate(files, start=1):
            if show_bar:
                sys.stderr.write(progress_bar(index - 1, len(files), path.name))
            try:
                with path.open("rb") as stream:
                    submission = document_submit(
                        stream=stream, name=path.name, origin=Document.Origin.COMMAND, overrides=overrides,
                        queue=bool(options["queue"]),
                    )
            except SubmissionError as exc:
                counts["refused"] += 1
                problems.append(f"{path}: {exc}")
                continue
            if not submission.created:
                counts["existing"] += 1
                problems.append(f"{path}: al aanwezig als document {submission.document.pk}")
                continue
            if options["queue"]:
                counts["queued"] += 1
                continue
            outcome = document_process(submission.document.pk)
            if outcome.status == "failed":
                counts["failed"] += 1
                problems.append(f"{path}: {outcome.error}")
            else:
                counts["new"] += 1
        if show_bar:
            sys.stderr.write(progress_bar(len(files), len(files), "klaar") + "\n")
        for line in problems:
            self.stderr.write(line)
        self.stdout.write(
            f"{counts['new']} verwerkt, {counts['queued']} in de wachtrij, {counts['existing']} al aanwezig, "
            f"{counts['failed']} mislukt, {counts['refused']} geweigerd"
        )
        if counts["failed"] or counts["refused"]:
            raise CommandError("Niet alle bestanden zijn verwerkt; zie hierboven.")
