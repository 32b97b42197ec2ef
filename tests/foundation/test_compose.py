"""docker-compose.yml cannot run here (no Docker engine), so its commands are
checked against what CI exercises: the WSGI app gunicorn loads and the Celery
app the worker and beat name."""

from pathlib import Path

import yaml
from gunicorn.util import import_app

ROOT = Path(__file__).resolve().parents[2]


def load_compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def command_of(service: dict) -> str:
    command = service.get("command", "")
    return " ".join(command) if isinstance(command, list) else command


def test_it_defines_every_service():
    services = load_compose()["services"]
    assert set(services) >= {"postgres", "redis", "web", "worker", "beat", "mailpit"}


def test_web_serves_the_wsgi_app_that_gunicorn_can_import():
    web = load_compose()["services"]["web"]
    command = command_of(web)
    assert command.startswith("gunicorn ")
    target = next(part for part in command.split() if ":" in part and not part.startswith("-"))
    application = import_app(target)
    assert callable(application)


def test_worker_and_beat_name_the_project_celery_app():
    from tracker.celery import app

    services = load_compose()["services"]
    for name, subcommand in (("worker", "worker"), ("beat", "beat")):
        words = command_of(services[name]).split()
        assert words[:3] == ["celery", "-A", app.main], words
        assert subcommand in words


def test_app_services_point_at_postgres_redis_and_mailpit():
    compose = load_compose()
    for name in ("web", "worker", "beat"):
        env = compose["services"][name]["environment"]
        assert env["DATABASE_URL"].startswith("postgres://")
        assert env["REDIS_URL"].startswith("redis://redis:")
        assert env["EMAIL_HOST"] == "mailpit"
        assert (ROOT / compose["services"][name]["build"]["dockerfile"]).exists()
