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
app.autodiscover_tasks(["tracker.ingest", "tracker.followup", "tracker.alerts", "tracker.core"])


@app.on_after_configure.connect
def _create_broker_folders(sender: Celery, **kwargs: object) -> None:
    """The filesystem transport needs its folders to exist before first use."""
    options = sender.conf.broker_transport_options or {}
    for key in ("data_folder_in", "data_folder_out", "processed_folder"):
        if options.get(key):
            os.makedirs(options[key], exist_ok=True)
    backend = sender.conf.result_backend or ""
    if backend.startswith("file://"):
        os.makedirs(backend.removeprefix("file://"), exist_ok=True)
