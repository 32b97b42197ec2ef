"""Latency of the REST feed's lists, and a full mirror, on PostgreSQL with a million commitments.

    .venv/bin/python benchmarks/api.py [--rows 1000000] [--concurrency 16] [--duration 15] [--workers 3] [--threads 1]
                                       [--db NAME] [--keep] [--reuse] [--no-cache] [--mirror] [--explain]

Creates a scratch database (--db, default nakoming_bench_api on 127.0.0.1:5432), migrates
it, bulk-loads reference data, 20,000 documents, N commitments and N/10 motion citations
with generate_series, starts gunicorn on a free loopback port and drives the list
endpoints with common filters through wrk at the given concurrency.

For every scenario it prints p50/p95/p99 with the list cache off (every request runs its
queries, as for each next page of a sync or a new filter) and on (as deployed: a repeated
URL is answered from the cache while no shown table changed), side by side; the latency of
a single client (cache off), which suffers less from whatever else runs on the machine;
the SQL queries one request takes (counted in-process on a cache miss; a hit takes two);
and whether PostgreSQL's plan for any of them scans commitments sequentially (--explain
prints the plans, with EXPLAIN ANALYZE). --no-cache measures only the uncached side.

--mirror: one client follows `next` from `updated_since=1970-01-01T00:00:00Z` at
page_size=1000 (--mirror-page-size) over every row, as a parliament system mirroring the
feed does, and prints records/s and the peak resident memory of the web workers.

Drops the database afterwards unless --keep (--reuse measures a kept one). Needs `wrk`
(apt-get install wrk). The figures depend on what else runs on the machine: the load
average is printed with them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
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
from urllib.parse import urlsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PG = "postgres://postgres@127.0.0.1:5432"
DB = "nakoming_bench_api"
PYTHON = sys.executable
TODAY = dt.date.today()

SCENARIOS = {
    "sync first page (updated_since)": "commitments/?updated_since=2000-01-01T00:00:00Z",
    "open, default order": "commitments/?status=open",
    "overdue per committee": "commitments/?overdue=true&committee=3",
    "overdue per committee, by due date": "commitments/?overdue=true&committee=3&ordering=due_date",
    "due in the next quarter, by due date": f"commitments/?due_after={TODAY}"
                                            f"&due_before={TODAY + dt.timedelta(days=92)}&ordering=due_date",
    "per ministry and minister": "commitments/?ministry=3&minister=14",
    "per minister, by due date": "commitments/?minister=14&ordering=due_date",
    "citing a motion": "commitments/?motion=kst-36800-V-11",
    "unreviewed per committee, page 50": "commitments/?review_state=unreviewed&committee=7&page_size=50",
    "toezeggingen export, sync first page": "toezeggingen/?updated_since=2000-01-01T00:00:00Z",
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


def inspect(url: str, token: str, analyze: bool) -> dict[str, dict]:
    """Per scenario: queries per request and their plans (benchmarks/api_plans.py, in-process)."""
    env = env_for(url, DJANGO_SETTINGS_MODULE="tracker.settings", API_CACHE_SECONDS="0")
    result = subprocess.run(
        [PYTHON, str(ROOT / "benchmarks" / "api_plans.py"), token, json.dumps(SCENARIOS), "1" if analyze else "0"],
        cwd=ROOT, env={**env, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, check=True,
    )
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


class Server:
    """gunicorn on a free loopback port, in its own process group."""

    def __init__(self, url: str, args: argparse.Namespace, cache_seconds: str) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "tracker.wsgi", "--bind", f"127.0.0.1:{self.port}", "--workers",
             str(args.workers), "--threads", str(args.threads), "--log-level", "warning"],
            cwd=ROOT, env=env_for(url, API_CACHE_SECONDS=cache_seconds), start_new_session=True,
        )
        for _ in range(150):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.2)

    def workers(self) -> list[tuple[Path, list[str]]]:
        """(/proc/<pid>, fields of its stat after the name) of each worker process."""
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if fields[1] == str(self.process.pid):
                found.append((stat.parent, fields))
        return found

    def peak_rss_mb(self) -> float:
        """The largest resident-memory high-water mark (VmHWM) among the workers."""
        peak = 0
        for proc, _fields in self.workers():
            match = re.search(r"^VmHWM:\s+(\d+) kB", (proc / "status").read_text(), re.M)
            peak = max(peak, int(match.group(1)) if match else 0)
        return peak / 1024

    def cpu_seconds(self) -> float:
        """CPU time (user + system) the workers have used so far: unlike wall time, it hardly
        depends on what else the machine runs."""
        ticks = os.sysconf("SC_CLK_TCK")
        return sum(int(fields[11]) + int(fields[12]) for _proc, fields in self.workers()) / ticks

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


def measure(target: str, token: str, concurrency: int, duration: int, report: str) -> tuple[float, ...]:
    """(req/s, p50, p95, p99) of wrk on one URL, after a short warm-up."""
    auth = f"Authorization: Bearer {token}"
    check = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", auth, target],
                           capture_output=True, text=True)
    if check.stdout != "200":
        raise SystemExit(f"{target}: HTTP {check.stdout}")
    threads = str(min(2, concurrency))
    subprocess.run(["wrk", "-t", threads, "-c", str(concurrency), "-d", "3s", "-H", auth, target],
                   capture_output=True, check=True)
    run = subprocess.run(["wrk", "-t", threads, "-c", str(concurrency), "-d", f"{duration}s", "-s", report,
                          "-H", auth, target], capture_output=True, text=True, check=True)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", run.stdout)
    if errors:
        raise SystemExit(f"{target}: {errors.group(1)} error responses\n{run.stdout}")
    rate = re.search(r"Requests/sec:\s+([\d.]+)", run.stdout)
    return (float(rate.group(1)) if rate else 0.0, *percentiles_ms(run.stdout))


def mirror(server: Server, token: str, page_size: int) -> dict[str, float]:
    """One client reading everything by following `next`, as a mirroring system does."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
    path: str | None = f"/api/v1/commitments/?updated_since=1970-01-01T00:00:00Z&page_size={page_size}"
    records, latencies = 0, []
    cpu_before = server.cpu_seconds()
    started = time.perf_counter()
    while path:
        sent = time.perf_counter()
        connection.request("GET", path, headers={"Authorization": f"Bearer {token}"})
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise SystemExit(f"mirror: HTTP {response.status} at {path}: {body[:300]!r}")
        page = json.loads(body)
        latencies.append((time.perf_counter() - sent) * 1000)
        records += len(page["results"])
        following = urlsplit(page["next"]) if page["next"] else None
        path = f"{following.path}?{following.query}" if following else None
    elapsed = time.perf_counter() - started
    cpu = server.cpu_seconds() - cpu_before
    latencies.sort()
    return {"records": records, "seconds": elapsed, "rate": records / elapsed, "pages": len(latencies),
            "cpu_rate": records / cpu if cpu else 0.0,
            "p50": latencies[len(latencies) // 2], "p95": latencies[int(len(latencies) * 0.95)],
            "rss": server.peak_rss_mb()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--duration", type=int, default=15, help="seconds per scenario")
    parser.add_argument("--single-duration", type=int, default=5, help="seconds per scenario for one client")
    # As docker-compose.yml deploys the web service: three synchronous workers.
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes (default 3, as deployed)")
    parser.add_argument("--threads", type=int, default=1,
                        help="threads per gunicorn worker (default 1: sync workers, as deployed)")
    parser.add_argument("--db", default=DB, help=f"name of the scratch database (default {DB})")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    parser.add_argument("--reuse", action="store_true", help="measure a database kept by an earlier --keep")
    parser.add_argument("--no-cache", action="store_true", help="only the uncached figures")
    parser.add_argument("--mirror", action="store_true", help="also mirror every row by following `next`")
    parser.add_argument("--mirror-page-size", type=int, default=1000)
    parser.add_argument("--explain", action="store_true", help="print each scenario's query plans (ANALYZE)")
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
            [PYTHON, "manage.py", "create_api_token", f"benchmark-{os.getpid()}", "--scope", "read"],
            cwd=ROOT, env=env_for(url), capture_output=True, text=True, check=True,
        ).stdout.strip()
        inspected = inspect(url, token, args.explain)
        if args.explain:
            for name, found in inspected.items():
                print(f"\n## {name}: {SCENARIOS[name]}")
                for plan in found["plans"]:
                    if plan["commitments"] or "motioncitation" in plan["sql"]:
                        print(plan["plan"])

        report = str(Path(tempfile.mkdtemp(prefix="wrk-")) / "report.lua")
        Path(report).write_text(WRK_REPORT)
        modes = [("uncached", "0")] + ([] if args.no_cache else [("cached", "60")])
        figures: dict[str, dict[str, tuple[float, ...]]] = {mode: {} for mode, _seconds in modes}
        single: dict[str, tuple[float, ...]] = {}
        mirrored = None
        print(f"\n/api/v1/ lists ({args.rows:,} commitments, {args.concurrency} concurrent, gunicorn "
              f"{args.workers}×{args.threads}, {os.cpu_count()} cores, page of 100 unless said; "
              f"load average {os.getloadavg()[0]:.1f} at the start)", flush=True)
        for mode, cache_seconds in modes:
            server = Server(url, args, cache_seconds)
            base = f"http://127.0.0.1:{server.port}/api/v1/"
            for name, path in SCENARIOS.items():
                figures[mode][name] = measure(base + path, token, args.concurrency, args.duration, report)
                if mode == "uncached":
                    single[name] = measure(base + path, token, 1, args.single_duration, report)
                print(f"  measured {mode}: {name}", file=sys.stderr, flush=True)
            if args.mirror and mode == modes[-1][0]:
                mirrored = mirror(server, token, args.mirror_page_size)
                mirrored["mode"] = mode
            server.stop()
            server = None

        print(f"(load average {os.getloadavg()[0]:.1f} at the end)")
        header = f"{'scenario':38} {'uncached req/s  p50  p95  p99':>30}"
        if not args.no_cache:
            header += f" {'cached req/s  p50  p95  p99':>28}"
        print(header + f" {'1 client p50  p95':>18} {'queries':>7} {'plan':>9}")
        for name in SCENARIOS:
            line = f"{name:38} " + _cells(figures["uncached"][name])
            if not args.no_cache:
                line += " " + _cells(figures["cached"][name])
            p50, p95 = single[name][1:3]
            plan = "SEQ SCAN" if inspected[name]["seq_scan"] else "indexed"
            print(f"{line} {p50:12.1f} {p95:5.1f} {inspected[name]['queries']:7d} {plan:>9}")
        worst = max(values[2] for values in figures["uncached"].values())
        queries = [found["queries"] for found in inspected.values()]
        print(f"\nworst uncached p95: {worst:.1f} ms (target ≤ 100 ms); queries per request: "
              f"{min(queries)}–{max(queries)} (target ≤ 5); sequential scans over commitments: "
              f"{sum(found['seq_scan'] for found in inspected.values())} (target 0)")
        if mirrored:
            print(f"mirror ({mirrored['mode']}, page_size={args.mirror_page_size}): {mirrored['records']:,} records "
                  f"in {mirrored['seconds']:.1f} s = {mirrored['rate']:,.0f} records/s (target ≥ 20,000); "
                  f"{mirrored['pages']} pages, p50 {mirrored['p50']:.0f} ms, p95 {mirrored['p95']:.0f} ms; "
                  f"peak RSS of a web worker {mirrored['rss']:.0f} MB; {mirrored['cpu_rate']:,.0f} records per "
                  f"second of web-worker CPU")
    finally:
        if server is not None:
            server.stop()
        if not args.keep:
            with psycopg.connect(f"{PG}/postgres", autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
    return 0


def _cells(values: tuple[float, ...]) -> str:
    rate, p50, p95, p99 = values
    return f"{rate:12.0f} {p50:5.1f} {p95:5.1f} {p99:5.1f}"


if __name__ == "__main__":
    sys.exit(main())
