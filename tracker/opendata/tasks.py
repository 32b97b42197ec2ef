"""Celery task: the hourly sync with the Kamer's open data (beat, when TK_SYNC_ENABLED)."""

from __future__ import annotations

from celery import shared_task

from tracker.opendata.sync import sync_all


@shared_task(name="tracker.opendata.sync_tk")
def sync_tk_task() -> dict[str, str]:
    return {o.entity: o.error or o.summary() for o in sync_all()}
