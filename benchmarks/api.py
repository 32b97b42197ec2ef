"""Latency of the REST feed's list endpoint on PostgreSQL with a million commitments.

    .venv/bin/python benchmarks/api.py [--rows 1000000] [--concurrency 16] [--duration 15] [--workers 3] [--keep]

Creates a scratch database (nakoming_bench_api on 127.0.0.1:5432), migrates it,
bulk-loads reference data, 20,000 documents, N commitments and N/10 motion
citations with generate_series, starts gunicorn on a free loopback port and
drives `GET /api/v1/commitments/` with common filters through wrk at the
given concurrency. Prints p50/p95/p99 per scenario and the SQL queries one
request of each takes (counted in-process, on a cache miss; a hit takes two).
The list cache is on as deployed (repeated URLs are answered from it while no
shown table changed); --no-cache measures every request running its queries.
Drops the database afterwards unless --keep (--reuse measures a kept one).
Needs `wrk` (apt-get install wrk). The figures depend on what else runs on the
machine: the load average at the start is printed with them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PG = "postgres://postgres@127.0.0.1:5432"
DB = "nakoming_bench_api"
PYTHON = sys.executable
TODAY = dt.date.today()

SCENARIOS = {
    "sync first page (updated_since)": "updated_since=2000-01-01T00:00:00Z",
    "open, default order": "status=open",
    "overdue per committee": "overdue=true&committee=3",
    "due in the next quarter, by due date": f"due_after={TODAY}&due_before={TODAY + dt.timedelta(days=92)}"
                                            "&ordering=due_date",
    "per ministry and minister": "ministry=3&minister=14",
    "citing a motion": "motion=kst-36800-V-7",
    "unreviewed per committee, page 50": "review_state=unreviewed&committee=7&page_size=50",
}


def env_for(url: str, **extra: str) -> dict[str, str]:
    return {
        **os.environ, "DATABASE_URL": url, "SECRET_KEY": "benchmark-only-secret-key-0123456789-abcdefghijklmnop",
        "DEBUG": "0", "SECURE_SSL_REDIRECT": "false", "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "API_THROTTLE_RATE": "100000000/hour", "LOG_LEVEL": "WARNING", "DB_CONN_MAX_AGE": "600",
        "NAKOMING_VAR_DIR": tempfile.mkdtemp(prefix="nakoming-bench-api-"), **extra,
    }


def fill_sql(conn: psycopg.Connection, table: str, given: set[str]) -> tuple[str, str]:
    """Columns the model requires that this script does not set (added by others later): zero values."""
    rows = conn.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = %s "
        "AND is_nullable = 'NO' AND column_default IS NULL", [table]
    ).fetchall()
    zero = {"text": "''", "character varying": "''", "integer": "0", "bigint": "0", "smallint": "0",
            "boolean": "false", "jsonb": "'{}'::jsonb", "double precision": "0", "date": "current_date",
            "timestamp with time zone": "now()"}
    extra = [(name, zero.get(kind, "''")) for name, kind in rows if name not in given]
    return "".join(f", {name}" for name, _v in extra), "".join(f", {value}" for _n, value in extra)


def load(url: str, rows: int) -> None:
    t0 = time.perf_counter()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("INSERT INTO tracker_committee (name, abbreviation, updated_at) "
                     "SELECT 'Commissie ' || i, 'C' || i, now() FROM generate_series(1, 20) i")
        conn.execute("INSERT INTO tracker_ministry (name, abbreviation, updated_at) "
                     "SELECT 'Ministerie ' || i, 'M' || i, now() FROM generate_series(1, 12) i")
        # Person i belongs to ministry 1 + i % 12, as its commitments do.
        conn.execute("INSERT INTO tracker_person (name, role, party, function, ministry_id, updated_at) "
                     "SELECT 'Minister ' || i, 'minister', '', 'Minister van Zaken ' || i, 1 + i % 12, now() "
                     "FROM generate_series(1, 40) i")
        given = {"id", "file", "original_name", "sha256", "size", "file_format", "kind", "title", "kamerstuk",
                 "reference_date", "reference_date_source", "origin", "committee_id", "ministry_id", "status",
                 "stage", "progress", "error", "task_id", "extractor_version", "text", "created_at", "updated_at"}
        cols, vals = fill_sql(conn, "tracker_document", given)
        conn.execute(
            "INSERT INTO tracker_document (file, original_name, sha256, size, file_format, kind, title, kamerstuk,"
            " reference_date, reference_date_source, origin, committee_id, ministry_id, status, stage, progress,"
            f" error, task_id, extractor_version, text, created_at, updated_at{cols}) "
            "SELECT 'documents/bench/' || i || '.txt', 'brief-' || i || '.txt', md5(i::text) || md5('x' || i),"
            " 1000, 'txt', 'brief', 'Beleidsbrief ' || i, '', date '2026-01-01' - (i % 700), 'document', 'command',"
            " 1 + i % 20, 1 + i % 12, 'done', 'done', 100, '', '', 'bench', 'Tekst van brief ' || i, now(), now()"
            f"{vals} FROM generate_series(1, 20000) i"
        )
        given = {"id", "document_id", "promised_to_member", "promised_to_party", "text", "start", "end", "actor",
                 "minister_id", "committee_id", "ministry_id", "deliverables", "kind", "certainty", "deadline_text",
                 "due_date", "window_start", "precision", "deadline_assumed", "status", "overdue_since",
                 "review_state", "reject_reason", "confidence", "extractor_version", "extracted",
                 "not_found_by_version", "fulfilled_kamerstuk", "delivery_note", "created_at", "updated_at",
                 "deleted_at", "version"}
        cols, vals = fill_sql(conn, "tracker_commitment", given)
        # Spread: statuses mostly open, 2% deleted, 3% rejected, due dates over four years around today,
        # updated_at over a year (distinct per row, as real edits are).
        conn.execute(
            'INSERT INTO tracker_commitment (document_id, promised_to_member, promised_to_party, text, start, "end",'
            " actor, minister_id, committee_id, ministry_id, deliverables, kind, certainty, deadline_text, due_date,"
            " window_start, precision, deadline_assumed, status, overdue_since, review_state, reject_reason,"
            " confidence, extractor_version, extracted, not_found_by_version, fulfilled_kamerstuk, delivery_note,"
            f" created_at, updated_at, deleted_at, version{cols}) "
            "SELECT 1 + i % 20000, '', '',"
            " 'Uw Kamer ontvangt uiterlijk ' || to_char(d, 'DD-MM-YYYY') || ' een brief over onderwerp ' || i || '.',"
            " 0, 80, 'minister van Zaken ' || p, p, c, 1 + p % 12,"
            " jsonb_build_array('brief over onderwerp ' || i), 'informeren', 'clear', 'uiterlijk ' || d, d, d,"
            " 'day', false,"
            " CASE WHEN st < 70 THEN 'open' WHEN st < 90 THEN 'delivered' ELSE 'closed' END,"
            " CASE WHEN st < 70 AND d < current_date THEN d + 1 END,"
            " CASE WHEN rv < 3 THEN 'rejected' WHEN rv < 28 THEN 'unreviewed' ELSE 'confirmed' END,"
            " '', 0.9, 'bench', '{}'::jsonb, '', '', '',"
            " now() - (i % 365) * interval '1 day', now() - interval '366 days' + i * interval '30 seconds',"
            " CASE WHEN rv % 50 = 7 THEN now() END, 1"
            # Owners and states drawn independently per row (hashes), as in real data.
            f"{vals} FROM (SELECT i, current_date - 730 + (i::bigint * 7919 % 1461)::int AS d,"
            " 1 + abs(hashtext('c' || i)) % 20 AS c, 1 + abs(hashtext('p' || i)) % 40 AS p,"
            " abs(hashtext('s' || i)) % 100 AS st, abs(hashtext('r' || i)) % 100 AS rv"
            f" FROM generate_series(1, {rows}) i) s"
        )
        given = {"id", "key", "dossier", "number", "tk_id", "zaak_number", "title", "members", "co_signers",
                 "considerations", "request", "judgement", "vote_result", "execution_status", "created_at",
                 "updated_at"}
        cols, vals = fill_sql(conn, "motions_motion", given)
        conn.execute("INSERT INTO motions_motion (key, dossier, number, tk_id, zaak_number, title, members,"
                     " co_signers, considerations, request, judgement, vote_result, execution_status, created_at,"
                     f" updated_at{cols}) SELECT 'kst-36800-V-' || i, '36800-V', i::text, '', '', 'Motie ' || i,"
                     " '[]', '[]', '[]', '', 'onbekend', 'aangenomen', 'open', now(), now()"
                     f"{vals} FROM generate_series(1, 500) i")
        given = {"id", "document_id", "motion_id", "commitment_id", "key", "members", "text", "start", "end",
                 "stated_status", "review_state", "created_at", "updated_at"}
        cols, vals = fill_sql(conn, "motions_motioncitation", given)
        conn.execute(
            'INSERT INTO motions_motioncitation (document_id, motion_id, commitment_id, key, members, text, start,'
            f' "end", stated_status, review_state, created_at, updated_at{cols}) '
            "SELECT c.document_id, 1 + c.id % 500, c.id, 'kst-36800-V-' || (1 + c.id % 500), '[]',"
            " 'de motie', c.id, c.id + 8, '', 'confirmed', now(), now()"
            f"{vals} FROM tracker_commitment c WHERE c.id % 10 = 0"
        )
        conn.execute("VACUUM ANALYZE")
    print(f"loaded {rows:,} commitments in {time.perf_counter() - t0:.0f} s", flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def count_queries(url: str, token: str) -> dict[str, int]:
    """Queries per request, in-process against the same database (after a warm-up request)."""
    script = (
        "import json, django\n"
        "django.setup()\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        f"scenarios = {json.dumps(SCENARIOS)}\n"
        f"client = Client(HTTP_AUTHORIZATION='Bearer {token}')\n"
        "client.get('/api/v1/commitments/')\n"
        "out = {}\n"
        "for name, query in scenarios.items():\n"
        "    with CaptureQueriesContext(connection) as ctx:\n"
        "        response = client.get('/api/v1/commitments/?' + query)\n"
        "    assert response.status_code == 200, (name, response.status_code, response.content[:300])\n"
        "    out[name] = len(ctx.captured_queries)\n"
        "print(json.dumps(out))\n"
    )
    env = env_for(url, DJANGO_SETTINGS_MODULE="tracker.settings")
    result = subprocess.run([PYTHON, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


# wrk reports latency in microseconds to this script; p95 is not among its --latency lines.
WRK_REPORT = """
done = function(summary, latency, requests)
  io.write(string.format("PCT %d %d %d\\n", latency:percentile(50), latency:percentile(95),
                         latency:percentile(99)))
end
"""


def percentiles_ms(text: str) -> tuple[float, float, float]:
    match = re.search(r"^PCT (\d+) (\d+) (\d+)$", text, re.M)
    if not match:
        raise SystemExit(f"no latency report from wrk:\n{text}")
    p50, p95, p99 = (int(value) / 1000 for value in match.groups())
    return p50, p95, p99


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--duration", type=int, default=15, help="seconds per scenario")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=2, help="threads per gunicorn worker")
    parser.add_argument("--db", default=DB, help=f"name of the scratch database (default {DB})")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    parser.add_argument("--reuse", action="store_true", help="measure a database kept by an earlier --keep")
    parser.add_argument("--no-cache", action="store_true",
                        help="API_CACHE_SECONDS=0: every request runs the queries (default: as deployed)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install -y wrk")

    db = args.db
    if not args.reuse:
        with psycopg.connect(f"{PG}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {db}")
            admin.execute(f"CREATE DATABASE {db}")
    url = f"{PG}/{db}"
    server = None
    try:
        subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env_for(url),
                       check=True)
        if not args.reuse:
            load(url, args.rows)
        token = subprocess.run(
            [PYTHON, "manage.py", "create_api_token", f"benchmark-{os.getpid()}", "--scope", "read"], cwd=ROOT, env=env_for(url),
            capture_output=True, text=True, check=True,
        ).stdout.strip()
        queries = count_queries(url, token)

        port = free_port()
        server = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "tracker.wsgi", "--bind", f"127.0.0.1:{port}", "--workers",
             str(args.workers), "--threads", str(args.threads), "--log-level", "warning"],
            cwd=ROOT, env=env_for(url, API_CACHE_SECONDS="0" if args.no_cache else "60"), start_new_session=True,
        )
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.2)
        base = f"http://127.0.0.1:{port}/api/v1/commitments/"
        report = str(Path(tempfile.mkdtemp(prefix="wrk-")) / "report.lua")
        Path(report).write_text(WRK_REPORT)
        print(f"\nGET /api/v1/commitments/ ({args.rows:,} commitments, {args.concurrency} concurrent, "
              f"gunicorn {args.workers}×{args.threads}, {os.cpu_count()} cores, page of 100 unless said, "
              f"list cache {'off' if args.no_cache else 'on'}; load average {os.getloadavg()[0]:.1f})")
        print(f"{'scenario':40} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'queries':>7}")
        worst = 0.0
        for name, query in SCENARIOS.items():
            target = f"{base}?{query}"
            check = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-H",
                                    f"Authorization: Bearer {token}", target], capture_output=True, text=True)
            if check.stdout != "200":
                raise SystemExit(f"{name}: HTTP {check.stdout}")
            subprocess.run(["wrk", "-t2", "-c", str(args.concurrency), "-d", "3s", "-H",
                            f"Authorization: Bearer {token}", target], capture_output=True, check=True)  # warm-up
            run = subprocess.run(
                ["wrk", "-t2", "-c", str(args.concurrency), "-d", f"{args.duration}s", "-s", report, "-H",
                 f"Authorization: Bearer {token}", target], capture_output=True, text=True, check=True,
            )
            rate = re.search(r"Requests/sec:\s+([\d.]+)", run.stdout)
            errors = re.search(r"Non-2xx or 3xx responses: (\d+)", run.stdout)
            if errors:
                raise SystemExit(f"{name}: {errors.group(1)} error responses\n{run.stdout}")
            p50, p95, p99 = percentiles_ms(run.stdout)
            worst = max(worst, p95)
            print(f"{name:40} {float(rate.group(1)) if rate else 0:7.0f} {p50:7.1f} {p95:7.1f} {p99:7.1f} "
                  f"{queries[name]:7d}", flush=True)
        print(f"\nworst p95: {worst:.1f} ms (target ≤ 100 ms); queries per request: "
              f"{min(queries.values())}–{max(queries.values())} (target ≤ 5)")
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        if not args.keep:
            with psycopg.connect(f"{PG}/postgres", autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
