"""The Celery application (worker: ``celery -A tracker worker``, beat: ``celery -A tracker beat``).

Configuration comes from Django settings prefixed ``CELERY_``; the beat
schedule is in ``tracker/settings.py``.
"""

from __future__ import annotations

import os

from celery import Celery
from celery.signals import worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")

app = Celery("tracker")
app.config_from_object("django.conf:settings", namespace="CELERY")
# tracker.tasks comes from INSTALLED_APPS; the sub-packages are listed here.
app.autodiscover_tasks()
app.autodiscover_tasks(["tracker.ingest", "tracker.followup", "tracker.alerts", "tracker.review", "tracker.opendata"])



@worker_process_init.connect
def _limit_child_memory(**_kwargs: object) -> None:
    """Each prefork child gets the address-space ceiling (tracker/ingest/limits.py). The solo
    pool sends this signal in the worker's own process (a test runner, a browser's parent):
    that one is left alone."""
    from billiard.process import current_process
    from django.conf import settings

    if current_process().name == "MainProcess":
        return

    from tracker.ingest.limits import apply_memory_ceiling

    apply_memory_ceiling(settings.WORKER_MEMORY_LIMIT_MB)
