#!/usr/bin/env python3
"""Set up and run Nakoming on a machine that has only Python.

    python3 dev.py run [--port 8001]  # install, migrate, load demo data, start web + worker + beat
    python3 dev.py test   # install (with test tools) and run the whole test suite
    python3 dev.py manage COMMAND …   # a manage.py command with the development settings
    python3 dev.py install  # only install the test environment (CI uses it)

All create ./.venv on first use and reinstall only when requirements change.
Extra arguments after `test` go to pytest. `manage` is the same as
`DEBUG=1 .venv/bin/python manage.py COMMAND …`.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import signal
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"


def _digest(requirements: str) -> str:
    files = [ROOT / requirements, ROOT / "requirements.txt", ROOT / "constraints.txt"]
    return hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()


def _installed(requirements: str) -> bool:
    stamp = VENV / f".installed-{requirements}"
    return stamp.exists() and stamp.read_text() == _digest(requirements)


def ensure_venv(requirements: str) -> None:
    # The test environment includes everything `run` needs.
    if _installed(requirements) or (requirements == "requirements.txt" and _installed("requirements-dev.txt")):
        return
    digest = _digest(requirements)
    stamp = VENV / f".installed-{requirements}"
    if not PYTHON.exists():
        print("==> Creating virtual environment in .venv", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print(f"==> Installing {requirements} (pinned by constraints.txt)", flush=True)
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run(
        [str(PYTHON), "-m", "pip", "install", "--quiet", "-r", str(ROOT / requirements),
         "-c", str(ROOT / "constraints.txt")],
        check=True,
    )
    stamp.write_text(digest)


def manage(*args: str, env: dict[str, str]) -> None:
    subprocess.run([str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, check=True)


def development_env() -> dict[str, str]:
    """The environment for development: DEBUG on (the built-in SECRET_KEY), unless the caller set it."""
    return {**os.environ, "DEBUG": os.environ.get("DEBUG", "1")}


def run(args: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="dev.py run", description="Nakoming with demo data on this machine.")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")),
                        help="web port on 127.0.0.1 (default 8000, or $PORT)")
    port = parser.parse_args(args).port
    ensure_venv("requirements.txt")
    env = development_env()
    manage("migrate", "--noinput", "-v", "0", env=env)
    manage("load_demo", env=env)
    manage("flag_overdue", "-v", "0", env={**env, "LOG_LEVEL": "WARNING"})  # time passed while it was down
    # Warnings a newcomer cannot act on stay out of the way: the worker's
    # "running as root" notice (containers) and per-task INFO lines.
    quiet = {**env, "PYTHONWARNINGS": "ignore:You're running the worker with superuser privileges:UserWarning"}
    processes = {
        "web": [str(PYTHON), "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        "worker": [str(PYTHON), "-m", "celery", "-A", "tracker", "worker", "-l", "warning", "--concurrency", "2",
                   "--without-mingle", "--without-gossip"],
        "beat": [str(PYTHON), "-m", "celery", "-A", "tracker", "beat", "-l", "warning"],
    }
    envs = {"web": env, "worker": quiet, "beat": quiet}
    # SIGTERM (e.g. from a process manager) stops the children too, like Ctrl-C.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    running = {name: subprocess.Popen(cmd, cwd=ROOT, env=envs[name]) for name, cmd in processes.items()}
    print(f"\n==> Nakoming runs at http://127.0.0.1:{port}/ (web, worker and beat). Ctrl-C stops all.\n",
          flush=True)
    try:
        while True:
            for name, proc in running.items():
                if proc.poll() is not None:
                    print(f"==> {name} stopped with exit code {proc.returncode}; stopping the rest.")
                    return proc.returncode or 1
            time.sleep(1)
    except KeyboardInterrupt:
        return 0
    finally:
        for proc in running.values():
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in running.values():
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()


def test(pytest_args: list[str]) -> int:
    ensure_venv("requirements-dev.txt")
    return subprocess.run([str(PYTHON), "-m", "pytest", *pytest_args], cwd=ROOT).returncode


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in {"run", "test", "install", "manage"}:
        print(__doc__)
        return 2
    if sys.argv[1] == "run":
        return run(sys.argv[2:])
    if sys.argv[1] == "manage":
        ensure_venv("requirements.txt")
        return subprocess.run([str(PYTHON), "manage.py", *sys.argv[2:]], cwd=ROOT, env=development_env()).returncode
    if sys.argv[1] == "install":
        ensure_venv("requirements-dev.txt")
        return 0
    return test(sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
