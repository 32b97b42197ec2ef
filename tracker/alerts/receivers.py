"""Alerts listen to follow-up (``tracker.followup.changes``); connected in ``AlertsConfig.ready``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q

from tracker.alerts.immediate import alert_change, alert_state
from tracker.followup.changes import commitment_news, state_refreshed
from tracker.models import DeadlineRevision


def on_state_refreshed(sender: Any, *, scope: Q, today: dt.date, **kwargs: Any) -> None:
    alert_state(scope, today=today)


def on_commitment_news(sender: Any, *, commitment_id: int, news: str,
                       revision: DeadlineRevision | None = None, **kwargs: Any) -> None:
    alert_change(commitment_id, news, revision=revision)


def connect() -> None:
    state_refreshed.connect(on_state_refreshed, dispatch_uid="alerts.state_refreshed")
    commitment_news.connect(on_commitment_news, dispatch_uid="alerts.commitment_news")
