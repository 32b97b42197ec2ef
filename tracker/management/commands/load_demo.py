"""Load Nakoming's own demo data: one user per role and a few documents.

The documents go through the real ingest pipeline (queued for the worker, or
processed here with --now). Safe to run again: nothing is duplicated.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from tracker import roles
from tracker.ingest.process import document_process
from tracker.ingest.submit import DocumentOverrides, document_submit
from tracker.models import Document

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"
DEMO_USERS = [
    # username, password, role, staff
    ("griffier", "demo-griffier-2026", roles.CLERK, False),
    ("beoordelaar", "demo-beoordelaar-2026", roles.REVIEWER, False),
    ("beheerder", "demo-beheerder-2026", roles.ADMINISTRATOR, True),
]
DEMO_DOCUMENTS = [
    ("lijst-vragen-jaarverslag-2025.txt", "Buitenlandse Handel en Ontwikkelingshulp"),
    ("brief-handelsbeleid-2026.txt", "Buitenlandse Handel en Ontwikkelingshulp"),
]


class Command(BaseCommand):
    help = "Create demo users (one per role) and ingest the demo documents."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", action="store_true", help="process the documents here instead of queueing")
        parser.add_argument("--force", action="store_true", help="also when DEBUG is off (never in production)")

    def handle(self, *args: object, **options: object) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError("Demo users have known passwords; load_demo runs only with DEBUG=1 (or --force).")
        User = get_user_model()
        with transaction.atomic():
            for username, password, role, staff in DEMO_USERS:
                user, created = User.objects.get_or_create(username=username, defaults={"email": f"{username}@example.org"})
                if created:
                    user.set_password(password)
                user.is_staff = user.is_superuser = staff
                user.save()
                user.groups.add(Group.objects.get(name=role))
        for name, committee in DEMO_DOCUMENTS:
            with open(DEMO_DIR / name, "rb") as stream:
                submission = document_submit(
                    stream=stream, name=name, origin=Document.Origin.DEMO, queue=not options["now"],
                    overrides=DocumentOverrides(committee=committee),
                )
            if submission.created and options["now"]:
                document_process(submission.document.pk)
            state = "toegevoegd" if submission.created else "was er al"
            self.stdout.write(f"Demodocument {name}: {state} ({submission.document.get_status_display()})")
        self.stdout.write(self.style.SUCCESS("\nDemo-accounts (alleen voor ontwikkeling):"))
        for username, password, role, _staff in DEMO_USERS:
            self.stdout.write(f"  {role:<12} gebruikersnaam: {username:<12} wachtwoord: {password}")
