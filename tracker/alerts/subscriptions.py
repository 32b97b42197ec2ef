"""Subscriptions: create, change, remove, the clerk's default, and one-click unsubscribe.

Unsubscribe links are signed with ``django.core.signing`` (salted, so a token
from elsewhere in the project does not validate here) and name a user and a
frequency: one click stops that stream of e-mails (all of the user's
immediate alerts, or daily digests, or weekly digests), as RFC 8058 expects
of a "list". Finer changes are on the settings page.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Count, Model
from django.utils import timezone

from tracker import roles
from tracker.alerts.models import AlertLog, AlertPreference, Frequency, OutboxMessage, Subscription
from tracker.models import Committee, Document, ReviewEvent

UNSUBSCRIBE_SALT = "tracker.alerts.unsubscribe"
DEFAULT_FREQUENCY = Frequency.WEEKLY


class SubscriptionError(ValueError):
    """A subscription request that cannot be honoured (with a message for the user)."""


@dataclass(frozen=True)
class Unsubscribed:
    user_id: int
    frequency: int
    removed: int


def _mark_customised(user_id: int) -> None:
    """From now on the user manages their own subscriptions: no default is (re)applied."""
    AlertPreference.objects.get_or_create(user_id=user_id, defaults={"defaults_applied_at": timezone.now()})


@transaction.atomic
def subscription_create(*, user: Model, target: str, obj: Model, frequency: int) -> tuple[Subscription, bool]:
    """Follow ``obj``; an existing subscription to it gets the new frequency. Returns (row, created)."""
    if target not in Subscription.TARGET_FIELDS:
        raise SubscriptionError(f"onbekend onderwerp {target!r}")
    if frequency not in Frequency.values:
        raise SubscriptionError(f"onbekende frequentie {frequency!r}")
    _mark_customised(user.pk)
    existing = Subscription.objects.select_for_update().filter(user=user, **{target: obj}).first()
    if existing:
        if existing.frequency != frequency:
            existing.frequency = frequency
            existing.save(update_fields=["frequency", "updated_at"])
        return existing, False
    try:
        with transaction.atomic():
            return Subscription.objects.create(user=user, target=target, frequency=frequency, **{target: obj}), True
    except IntegrityError:  # created concurrently (double submit)
        return Subscription.objects.get(user=user, **{target: obj}), False


@transaction.atomic
def subscription_update(*, user: Model, pk: int, frequency: int) -> Subscription:
    if frequency not in Frequency.values:
        raise SubscriptionError(f"onbekende frequentie {frequency!r}")
    subscription = Subscription.objects.select_for_update().filter(user=user, pk=pk).first()
    if subscription is None:
        raise SubscriptionError("Dit abonnement bestaat niet (meer).")
    _mark_customised(user.pk)
    subscription.frequency = frequency
    subscription.save(update_fields=["frequency", "updated_at"])
    return subscription


@transaction.atomic
def subscription_delete(*, user: Model, pk: int) -> bool:
    _mark_customised(user.pk)
    deleted, _by_model = Subscription.objects.filter(user=user, pk=pk).delete()
    return deleted > 0


# --- one-click unsubscribe ---------------------------------------------------------------


def unsubscribe_token(*, user_id: int, frequency: int) -> str:
    return signing.dumps({"u": user_id, "f": int(frequency)}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, int]:
    """(user id, frequency) from a token; ``signing.BadSignature`` when forged or damaged."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    try:
        user_id, frequency = int(data["u"]), int(data["f"])
    except (KeyError, TypeError, ValueError) as exc:
        raise signing.BadSignature("malformed unsubscribe token") from exc
    if frequency not in Frequency.values:
        raise signing.BadSignature("unknown frequency in unsubscribe token")
    return user_id, frequency


@transaction.atomic
def unsubscribe(*, token: str) -> Unsubscribed:
    """Stop every e-mail of the token's frequency to its user, now and later.

    Removes the subscriptions, drops alerts still waiting for such an e-mail
    and cancels built ones not yet sent. Repeating it changes nothing.
    """
    user_id, frequency = read_unsubscribe_token(token)
    if not get_user_model().objects.filter(pk=user_id).exists():
        return Unsubscribed(user_id=user_id, frequency=frequency, removed=0)
    _mark_customised(user_id)
    removed, _by_model = Subscription.objects.filter(user_id=user_id, frequency=frequency).delete()
    AlertLog.objects.filter(recipient_id=user_id, frequency=frequency, message__isnull=True).delete()
    OutboxMessage.objects.filter(
        recipient_id=user_id, frequency=frequency, state=OutboxMessage.State.PENDING
    ).update(state=OutboxMessage.State.CANCELLED, last_error="afgemeld door de ontvanger")
    return Unsubscribed(user_id=user_id, frequency=frequency, removed=removed)


# --- the clerk's default -----------------------------------------------------------------


def apply_default_subscriptions(*, user_ids: list[int] | None = None, now: dt.datetime | None = None) -> int:
    """Give clerks who never had alert settings a weekly digest of their committee.

    "Their committee" is the one most of their work concerns: documents they
    uploaded and commitments they acted on (delivery, review). With a single
    committee in the register, that one. A clerk for whom none can be found yet
    is left alone (the settings page asks them to choose) and tried again next
    time. Set-based: a fixed handful of queries for any number of clerks.
    Returns the subscriptions made.
    """
    now = now or timezone.now()
    clerks = get_user_model().objects.filter(
        groups__name=roles.CLERK, is_active=True, alert_preference__isnull=True
    )
    if user_ids is not None:
        clerks = clerks.filter(pk__in=user_ids)
    work: Counter[tuple[int, int]] = Counter()
    uploads = (
        Document.objects.filter(uploaded_by__in=clerks, committee__isnull=False)
        .values_list("uploaded_by_id", "committee_id").annotate(n=Count("id")).order_by()
    )
    actions = (
        ReviewEvent.objects.filter(user__in=clerks, commitment__committee__isnull=False)
        .values_list("user_id", "commitment__committee_id").annotate(n=Count("id")).order_by()
    )
    for user_id, committee_id, n in (*uploads, *actions):
        work[(user_id, committee_id)] += n
    committee_of: dict[int, int] = {}
    for (user_id, committee_id), _n in sorted(work.items(), key=lambda kv: (-kv[1], kv[0][1])):
        committee_of.setdefault(user_id, committee_id)
    only = list(Committee.objects.values_list("pk", flat=True)[:2])
    if len(only) == 1:
        for user_id in clerks.exclude(pk__in=list(committee_of)).values_list("pk", flat=True):
            committee_of[user_id] = only[0]
    if not committee_of:
        return 0
    with transaction.atomic():
        # The preference row is the claim: only the run that creates it adds the default.
        AlertPreference.objects.bulk_create(
            [AlertPreference(user_id=uid, defaults_applied_at=now) for uid in committee_of], ignore_conflicts=True
        )
        mine = set(
            AlertPreference.objects.filter(user_id__in=committee_of, defaults_applied_at=now)
            .values_list("user_id", flat=True)
        )
        made = Subscription.objects.bulk_create(
            [
                Subscription(user_id=uid, target=Subscription.Target.COMMITTEE, committee_id=committee_id,
                             frequency=DEFAULT_FREQUENCY)
                for uid, committee_id in committee_of.items() if uid in mine
            ],
            ignore_conflicts=True,
        )
    return len(made)
