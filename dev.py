#!/usr/bin/env python3
"""Set up and run Nakoming on a machine that has only Python.

    python3 dev.py run    # install, migrate, load demo data, start web + worker + beat
    python3 dev.py test   # install (with test tools) and run the whole test suite
    python3 dev.py install  # only install the test environment (CI uses it)

Both create ./.venv on first use and reinstall only when requirements change.
Extra arguments after `test` go to pytest.
"""

from __future__ import annotations

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


def ensure_venv(requirements: str) -> None:
    files = [ROOT / requirements, ROOT / "requirements.txt", ROOT / "constraints.txt"]
    digest = hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()
    stamp = VENV / f".installed-{requirements}"
    if stamp.exists() and stamp.read_text() == digest:
        return
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


def run() -> int:
    ensure_venv("requirements.txt")
    env = {**os.environ, "DEBUG": os.environ.get("DEBUG", "1")}
    port = os.environ.get("PORT", "8000")
    manage("migrate", "--noinput", env=env)
    manage("load_demo", env=env)
    processes = {
        "web": [str(PYTHON), "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        "worker": [str(PYTHON), "-m", "celery", "-A", "tracker", "worker", "-l", "info", "--concurrency", "2"],
        "beat": [str(PYTHON), "-m", "celery", "-A", "tracker", "beat", "-l", "info"],
    }
    # SIGTERM (e.g. from a process manager) stops the children too, like Ctrl-C.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    running = {name: subprocess.Popen(cmd, cwd=ROOT, env=env) for name, cmd in processes.items()}
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
    if len(sys.argv) < 2 or sys.argv[1] not in {"run", "test", "install"}:
        print(__doc__)
        return 2
    if sys.argv[1] == "run":
        return run()
    if sys.argv[1] == "install":
        ensure_venv("requirements-dev.txt")
        return 0
    return test(sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
