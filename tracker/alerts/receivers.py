"""Alerts listen to follow-up (``tracker.followup.changes``); connected in ``AlertsConfig.ready``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.db.models import Q

from tracker import roles
from tracker.alerts.immediate import alert_change, alert_state
from tracker.alerts.subscriptions import apply_default_subscriptions
from tracker.followup.changes import commitment_news, state_refreshed
from tracker.models import DeadlineRevision


def on_state_refreshed(sender: Any, *, scope: Q, today: dt.date, **kwargs: Any) -> None:
    alert_state(scope, today=today)


def on_commitment_news(sender: Any, *, commitment_id: int, news: str,
                       revision: DeadlineRevision | None = None, **kwargs: Any) -> None:
    alert_change(commitment_id, news, revision=revision)


def on_login(sender: Any, *, user: Any, **kwargs: Any) -> None:
    """A clerk logging in for the first time gets the default subscription at once (not on a GET)."""
    if user.groups.filter(name=roles.CLERK).exists():
        apply_default_subscriptions(user_ids=[user.pk])


def connect() -> None:
    user_logged_in.connect(on_login, dispatch_uid="alerts.default_subscriptions")
    state_refreshed.connect(on_state_refreshed, dispatch_uid="alerts.state_refreshed")
    commitment_news.connect(on_commitment_news, dispatch_uid="alerts.commitment_news")
