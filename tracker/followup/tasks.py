"""Celery tasks for follow-up: thin wrappers."""

from __future__ import annotations

from celery import shared_task

from tracker.followup.overdue import flag_overdue


@shared_task(name="tracker.followup.flag_overdue", acks_late=True)
def flag_overdue_task() -> dict[str, int]:
    result = flag_overdue()
    return {"became_overdue": result.became_overdue, "no_longer_overdue": result.no_longer_overdue,
            "became_due_soon": result.became_due_soon, "no_longer_due_soon": result.no_longer_due_soon}
