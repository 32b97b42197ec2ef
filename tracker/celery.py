"""The Celery application (worker: ``celery -A tracker worker``, beat: ``celery -A tracker beat``).

Configuration comes from Django settings prefixed ``CELERY_``; the beat
schedule is in ``tracker/settings.py``.
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")

app = Celery("tracker")
app.config_from_object("django.conf:settings", namespace="CELERY")
# tracker.tasks comes from INSTALLED_APPS; the sub-packages are listed here.
app.autodiscover_tasks()
app.autodiscover_tasks(["tracker.ingest", "tracker.followup", "tracker.alerts", "tracker.review", "tracker.opendata"])

