"""python manage.py reextract [--all | --document ID] [--queue]

Re-runs extraction without losing reviewer work (see tracker/ingest/persist.py).
Without --all or --document it re-extracts the documents whose extractor
version is older than the current one.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tracker.extraction import EXTRACTOR_VERSION
from tracker.ingest.process import document_process, document_requeue, outdated_documents
from tracker.ingest.queueing import enqueue
from tracker.models import Document


class Command(BaseCommand):
    help = "Re-extract documents (outdated ones by default)."

    def add_arguments(self, parser: CommandParser) -> None:
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--all", action="store_true", help="every processed document")
        group.add_argument("--document", type=int, help="one document by id")
        parser.add_argument("--queue", action="store_true", help="let the Celery worker do it")

    def handle(self, *args: object, **options: object) -> None:
        if options["document"]:
            if not Document.objects.filter(pk=options["document"]).exists():
                raise CommandError(f"Document {options['document']} bestaat niet.")
            ids = [options["document"]]
        elif options["all"]:
            ids = list(Document.objects.filter(status__in=["done", "failed", "queued"]).values_list("pk", flat=True))
        else:
            ids = list(outdated_documents().values_list("pk", flat=True))
        done = failed = 0
        for pk in ids:
            if not document_requeue(pk):
                self.stderr.write(f"Document {pk} wordt al verwerkt; overgeslagen.")
                continue
            if options["queue"]:
                if not enqueue(pk):
                    self.stderr.write(f"Document {pk}: de verwerkingsrij is niet bereikbaar; het wordt verwerkt "
                                      "zodra die terug is.")
                continue
            outcome = document_process(pk)
            if outcome.status == "failed":
                failed += 1
                self.stderr.write(f"Document {pk}: {outcome.error}")
            else:
                done += 1
                result = outcome.result
                if result is not None:
                    self.stdout.write(
                        f"Document {pk}: {len(result.created)} nieuw, {len(result.updated)} bijgewerkt, "
                        f"{len(result.kept_reviewed)} beoordeeld behouden, {len(result.tombstoned)} vervallen, "
                        f"{len(result.flagged)} gemarkeerd"
                    )
        self.stdout.write(f"Extractieversie {EXTRACTOR_VERSION}: {done} opnieuw verwerkt, {failed} mislukt.")
