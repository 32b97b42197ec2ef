"""Where one uncached list request spends its time, in-process (Django test client, cProfile).

    DATABASE_URL=postgres://…/nakoming_bench_api .venv/bin/python benchmarks/api_profile.py TOKEN PATH [N] [--sort tottime]

Runs PATH (e.g. "commitments/?status=open") N times (default 50) after a warm-up, with the
list cache off, and prints the mean wall time and Python CPU time per request and the profile's top entries.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
os.environ.setdefault("API_CACHE_SECONDS", "0")
os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-0123456789-abcdefghijklmnop")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("API_THROTTLE_RATE", "100000000/hour")

import django

django.setup()

from django.test import Client  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("token")
    parser.add_argument("path")
    parser.add_argument("n", type=int, nargs="?", default=50)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--top", type=int, default=45)
    args = parser.parse_args()
    client = Client(HTTP_AUTHORIZATION=f"Bearer {args.token}")
    url = f"/api/v1/{args.path}"
    for _ in range(5):
        response = client.get(url)
        assert response.status_code == 200, response.content[:300]
    started, cpu = time.perf_counter(), time.process_time()
    for _ in range(args.n):
        client.get(url)
    plain = (time.perf_counter() - started) / args.n * 1000
    own = (time.process_time() - cpu) / args.n * 1000  # this process only: hardly depends on the load
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.n):
        client.get(url)
    profile.disable()
    print(f"{url}: {plain:.2f} ms per request, {own:.2f} ms of it Python CPU (unprofiled, mean of {args.n}), "
          f"{len(response.content):,} bytes")
    pstats.Stats(profile).sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
