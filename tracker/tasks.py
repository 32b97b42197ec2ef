"""Project-level Celery tasks."""

from __future__ import annotations

from celery import shared_task


@shared_task(name="tracker.ping")
def ping(payload: str = "pong") -> dict[str, str]:
    """Round trip used by the health check and the broker tests."""
    import os
    import socket

    return {"payload": payload, "host": socket.gethostname(), "pid": str(os.getpid())}
