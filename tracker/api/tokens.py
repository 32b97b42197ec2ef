"""Create and look up API tokens and calendar feeds. Only hashes are stored."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from tracker.api.models import (
    FEED_PREFIX,
    TOKEN_PREFIX,
    ApiToken,
    CalendarFeed,
    hash_secret,
    new_secret,
)
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


def api_token_lookup(raw: str) -> ApiToken | None:
    """The active token for a presented secret, or None."""
    return (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_secret(raw), revoked_at__isnull=True)
        .first()
    )


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
