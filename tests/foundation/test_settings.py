import os
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.env import ImproperlyConfiguredEnv, env_bool, env_int, env_str

ROOT = Path(__file__).resolve().parents[2]


def run_python(code: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "SECRET_KEY", "DEBUG"}}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


def test_it_reads_booleans_and_rejects_nonsense(monkeypatch):
    monkeypatch.setenv("FLAG", "yes")
    assert env_bool("FLAG") is True
    monkeypatch.setenv("FLAG", "misschien")
    with pytest.raises(ImproperlyConfiguredEnv, match="FLAG must be true or false"):
        env_bool("FLAG")


def test_it_rejects_a_non_numeric_integer(monkeypatch):
    monkeypatch.setenv("PORT_X", "abc")
    with pytest.raises(ImproperlyConfiguredEnv, match="whole number"):
        env_int("PORT_X", 1)


def test_it_reads_secrets_from_a_file(monkeypatch, tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("s3cret\n")
    monkeypatch.setenv("API_KEY_FILE", str(secret))
    assert env_str("API_KEY") == "s3cret"


def test_it_refuses_to_start_without_secret_key_in_production(tmp_path):
    result = run_python(
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='tracker.settings'; django.setup()",
        NAKOMING_VAR_DIR=str(tmp_path),
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_it_defaults_to_sqlite_and_the_filesystem_broker(tmp_path):
    code = (
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='tracker.settings';"
        "from django.conf import settings;"
        "print(settings.DATABASES['default']['ENGINE']); print(settings.CELERY_BROKER_URL)"
    )
    env = {"DEBUG": "1", "NAKOMING_VAR_DIR": str(tmp_path)}
    for name in ("DATABASE_URL", "REDIS_URL"):
        env[name] = ""
    result = run_python(code, **env)
    assert result.returncode == 0, result.stderr
    engine, broker = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert broker == "filesystem://"
    assert (tmp_path / "nakoming.sqlite3").parent.exists()


def test_it_switches_to_postgres_and_redis_from_the_environment(tmp_path):
    code = (
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='tracker.settings';"
        "from django.conf import settings;"
        "print(settings.DATABASES['default']['ENGINE']); print(settings.CELERY_BROKER_URL)"
    )
    result = run_python(
        code, DEBUG="1", NAKOMING_VAR_DIR=str(tmp_path),
        DATABASE_URL="postgres://u:p@db.example:5432/nakoming", REDIS_URL="redis://cache.example:6379/0",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.postgresql", "redis://cache.example:6379/0"]


def test_it_passes_the_deployment_checklist_with_production_settings(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={
            **{k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DEBUG"}},
            "DEBUG": "0",
            "SECRET_KEY": "k" * 20 + "-production-like-secret-key-with-enough-entropy-4f9a",
            "ALLOWED_HOSTS": "nakoming.example.org",
            "NAKOMING_VAR_DIR": str(tmp_path),
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_readmes_commands_run_on_a_fresh_clone_through_dev_py_manage():
    clean = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "SECRET_KEY", "DEBUG"}}
    done = subprocess.run(
        [sys.executable, "dev.py", "manage", "parse_deadline", "voor de zomer", "--date", "2026-01-28"],
        cwd=ROOT, env=clean, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert '"due": "2026-07-' in done.stdout and "SECRET_KEY" not in done.stderr


def test_dev_py_run_takes_a_port():
    done = subprocess.run([sys.executable, "dev.py", "run", "--help"], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0 and "--port" in done.stdout
