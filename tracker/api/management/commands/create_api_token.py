"""manage.py create_api_token NAME [--scope read|read_write] [--user USERNAME]"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from tracker.api.models import ApiToken
from tracker.api.tokens import api_token_create


class Command(BaseCommand):
    help = (
        "Create an API token for a client system and print it once; only its SHA-256 is stored. "
        "Without --user the token acts as a new service account api-<NAME>."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", help="the client system, e.g. 'griffiesysteem'")
        parser.add_argument("--scope", choices=["read", "read_write", "read-write"], default="read")
        parser.add_argument("--user", help="act as this existing user in the audit trail")

    def handle(self, *args: Any, **options: Any) -> None:
        name = options["name"].strip()
        if not name:
            raise CommandError("Give the client system a name.")
        if ApiToken.objects.filter(name=name).exists():
            raise CommandError(f"A token named {name!r} exists; revoke it in the admin or choose another name.")
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"No user {options['user']!r}.")
        scope = options["scope"].replace("-", "_")
        issued = api_token_create(name=name, scope=scope, user=user)
        self.stderr.write(f"Token for {name} ({scope}, acting as {issued.token.user.get_username()}). "
                          "It is shown only now; store it in the client system:")
        self.stdout.write(issued.raw)
