"""A task sent, executed by a real worker process, and its result seen — on
the filesystem broker (the embedded default) and on Redis."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
from celery import Celery

from tests.conftest import require_or_skip

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.worker


def redis_url() -> str:
    return os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15"


def redis_reachable(url: str) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or 6379), timeout=1):
            return True
    except OSError:
        return False


def client_app(env: dict[str, str]) -> Celery:
    """A client configured exactly as the project's settings would for this env."""
    code = (
        "import json,os;os.environ['DJANGO_SETTINGS_MODULE']='tracker.settings';"
        "from django.conf import settings as s;"
        "print(json.dumps({'broker_url': s.CELERY_BROKER_URL, 'result_backend': s.CELERY_RESULT_BACKEND,"
        "'broker_transport_options': s.CELERY_BROKER_TRANSPORT_OPTIONS}))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    import json

    app = Celery("roundtrip-client")
    app.conf.update(json.loads(out.stdout), task_serializer="json", accept_content=["json"])
    return app


def round_trip(env: dict[str, str]) -> dict:
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "tracker", "worker", "--pool", "solo", "-l", "warning",
         "--without-gossip", "--without-mingle", "--without-heartbeat"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        app = client_app(env)
        result = app.send_task("tracker.ping", args=["hallo"])
        return result.get(timeout=60)
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()


def base_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(DEBUG="1", NAKOMING_VAR_DIR=str(tmp_path), DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    return env


def test_it_round_trips_a_task_through_the_filesystem_broker(tmp_path):
    env = base_env(tmp_path)
    env["REDIS_URL"] = ""
    reply = round_trip(env)
    assert reply["payload"] == "hallo"
    assert reply["pid"] != str(os.getpid())
    assert (tmp_path / "broker" / "queue").is_dir()


def test_it_round_trips_a_task_through_redis(tmp_path):
    url = redis_url()
    require_or_skip(redis_reachable(url), f"Redis is not reachable at {url}", "NAKOMING_REQUIRE_SERVICES")
    env = base_env(tmp_path)
    env["REDIS_URL"] = url
    reply = round_trip(env)
    assert reply["payload"] == "hallo"
    assert reply["pid"] != str(os.getpid())
