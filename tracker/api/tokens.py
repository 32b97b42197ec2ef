"""Create and look up API tokens and calendar feeds. Only hashes are stored."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction

from tracker.api.models import (
    FEED_PREFIX,
    TOKEN_PREFIX,
    ApiToken,
    CalendarFeed,
    hash_secret,
    new_secret,
)
from tracker.api.prepared import prepared_cursor
from tracker.models import Committee, Ministry, Person


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    raw: str  # shown once, never stored


@dataclass(frozen=True)
class IssuedFeed:
    feed: CalendarFeed
    raw: str


def service_username(name: str) -> str:
    return f"api-{name}"[:150]


@transaction.atomic
def api_token_create(*, name: str, scope: str, user=None, created_by=None) -> IssuedToken:  # type: ignore[no-untyped-def]
    """Issue a token for a client system.

    Without ``user`` the token acts as a service account ``api-<name>`` that
    cannot log in to the web interface; the audit trail names that account.
    """
    if scope not in ApiToken.Scope.values:
        raise ValueError(f"scope must be one of {', '.join(ApiToken.Scope.values)}")
    if user is None:
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(username=service_username(name))
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
    raw = new_secret(TOKEN_PREFIX)
    token = ApiToken.objects.create(
        name=name, scope=scope, user=user, created_by=created_by,
        key_hash=hash_secret(raw), key_prefix=raw[:10],
    )
    return IssuedToken(token=token, raw=raw)


@functools.cache
def _lookup_statement() -> tuple[str, list[str], list[str]]:
    """The token and its user in one SELECT, written once: the ORM would compile the same
    query again on every API request, which cost more than running it. PostgreSQL only,
    where the driver returns every value as Django's would (aware date-times)."""
    user_model = get_user_model()
    quote = connection.ops.quote_name
    token_fields = [field for field in ApiToken._meta.concrete_fields if not hasattr(field, "from_db_value")]
    user_fields = [field for field in user_model._meta.concrete_fields if not hasattr(field, "from_db_value")]
    if len(token_fields) < len(ApiToken._meta.concrete_fields) or len(user_fields) < len(
            user_model._meta.concrete_fields):
        raise ImproperlyConfigured("token lookup: a field converts its database value; use the ORM")
    columns = [f"t.{quote(field.column)}" for field in token_fields] + [f"u.{quote(field.column)}"
                                                                       for field in user_fields]
    sql = (
        f"SELECT {', '.join(columns)} FROM {quote(ApiToken._meta.db_table)} AS t "
        f"JOIN {quote(user_model._meta.db_table)} AS u ON u.{quote(user_model._meta.pk.column)} = "
        f"t.{quote(ApiToken._meta.get_field('user').column)} "
        f"WHERE t.{quote(ApiToken._meta.get_field('key_hash').column)} = %s "
        f"AND t.{quote(ApiToken._meta.get_field('revoked_at').column)} IS NULL"
    )
    return sql, [field.attname for field in token_fields], [field.attname for field in user_fields]


def api_token_lookup(raw: str) -> ApiToken | None:
    """The active token for a presented secret (with its user), or None."""
    if connection.vendor != "postgresql":  # other databases need Django's value converters
        return (
            ApiToken.objects.select_related("user")
            .filter(key_hash=hash_secret(raw), revoked_at__isnull=True)
            .first()
        )
    sql, token_names, user_names = _lookup_statement()
    with prepared_cursor(connection) as cursor:
        cursor.execute(sql, [hash_secret(raw)])
        row = cursor.fetchone()
    if row is None:
        return None
    token = ApiToken.from_db(connection.alias, token_names, row[: len(token_names)])
    token.user = get_user_model().from_db(connection.alias, user_names, row[len(token_names):])
    return token


def calendar_feed_create(
    *,
    name: str,
    committee: Committee | None = None,
    ministry: Ministry | None = None,
    minister: Person | None = None,
    owner=None,  # type: ignore[no-untyped-def]
    subscriptions: bool = False,
) -> IssuedFeed:
    raw = new_secret(FEED_PREFIX)
    feed = CalendarFeed.objects.create(
        name=name, committee=committee, ministry=ministry, minister=minister, owner=owner, subscriptions=subscriptions,
        key_hash=hash_secret(raw), key_prefix=raw[:10],
    )
    return IssuedFeed(feed=feed, raw=raw)


def calendar_feed_lookup(raw: str) -> CalendarFeed | None:
    """The live feed for a secret, or None. A feed stops with its owner: when the
    account is deactivated, or has neither a role that may view commitments nor
    (a system's service account) a live API token."""
    feed = (
        CalendarFeed.objects.select_related("committee", "ministry", "minister", "owner")
        .filter(key_hash=hash_secret(raw), revoked_at__isnull=True)
        .first()
    )
    if feed is None or feed.owner is None:
        return feed
    owner = feed.owner
    if not owner.is_active:
        return None
    if owner.has_perm("tracker.view_commitment"):
        return feed
    return feed if ApiToken.objects.filter(user=owner, revoked_at__isnull=True).exists() else None
