"""Deadline alerts at scale on PostgreSQL: fan-out, digest build, rendering and sending.

    .venv/bin/python benchmarks/alerts.py [--subscribers 10000] [--events 100000] [--send-sample 1000] [--keep]

Creates a scratch database (nakoming_bench_alerts on 127.0.0.1:5432, trust
auth), migrates it and bulk-loads with generate_series: 20 committees, 12
ministries, 40 ministers, 1,000 motions, 60,000 commitments (10% cite a
motion) and the subscribers. Each subscriber follows 5 commitments and one
motion; 2 per committee follow the whole committee and 1 in 200 a minister;
10% want immediate alerts, 45% a daily and 45% a weekly digest. Then
``--events`` alert events are inserted (every kind) and the script measures,
in two rounds — first with a tenth of the subscribers, then with all —

- fan-out: events → alert-log rows (one INSERT … SELECT),
- digest build: immediate, daily and weekly messages (set-based),
- the SQL statements each took (they must not grow with the recipients),

and finally renders and sends ``--send-sample`` messages through Django's
locmem backend, batch by batch, counting statements per batch. Also times
``collect_events`` (deriving events from the commitments). Drops the
database afterwards unless --keep.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PG = "postgres://postgres@127.0.0.1:5432"
DB = "nakoming_bench_alerts"
COMMITMENTS = 60_000
NOW = dt.datetime(2026, 6, 10, 6, 0, tzinfo=dt.UTC)


def zero_fill(conn: psycopg.Connection, table: str, given: set[str]) -> tuple[str, str]:
    """Required columns this script does not set (others may add some): zero values."""
    rows = conn.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = %s "
        "AND is_nullable = 'NO' AND column_default IS NULL", [table]
    ).fetchall()
    zero = {"text": "''", "character varying": "''", "integer": "0", "bigint": "0", "smallint": "0",
            "boolean": "false", "jsonb": "'{}'::jsonb", "double precision": "0", "date": "current_date",
            "timestamp with time zone": "now()"}
    extra = [(name, zero.get(kind, "''")) for name, kind in rows if name not in given and name != "id"]
    return "".join(f', "{name}"' for name, _v in extra), "".join(f", {value}" for _n, value in extra)


def insert(conn: psycopg.Connection, table: str, columns: dict[str, str], source: str) -> None:
    """INSERT INTO table (columns…) SELECT expressions… <source>, zero-filling other required columns."""
    cols, vals = zero_fill(conn, table, set(columns))
    names = ", ".join(f'"{c}"' for c in columns)
    conn.execute(f"INSERT INTO {table} ({names}{cols}) SELECT {', '.join(columns.values())}{vals} {source}")


def load_reference(url: str) -> None:
    t0 = time.perf_counter()
    with psycopg.connect(url, autocommit=True) as conn:
        insert(conn, "tracker_committee", {"name": "'Commissie ' || i", "abbreviation": "'C' || i",
                                           "updated_at": "now()"}, "FROM generate_series(1, 20) i")
        insert(conn, "tracker_ministry", {"name": "'Ministerie ' || i", "abbreviation": "'M' || i",
                                          "updated_at": "now()"}, "FROM generate_series(1, 12) i")
        insert(conn, "tracker_person", {"name": "'Minister ' || i", "role": "'minister'", "party": "''",
                                        "function": "''", "ministry_id": "1 + i % 12", "updated_at": "now()"},
               "FROM generate_series(1, 40) i")
        insert(conn, "tracker_document", {
            "file": "'documents/bench/' || i || '.txt'", "original_name": "'brief.txt'",
            "sha256": "md5(i::text) || md5('x' || i)", "size": "1000", "file_format": "'txt'", "kind": "'brief'",
            "title": "'Beleidsbrief ' || i", "kamerstuk": "''", "reference_date": "date '2026-01-15'",
            "reference_date_source": "'document'", "origin": "'command'", "committee_id": "1 + i % 20",
            "ministry_id": "1 + i % 12", "status": "'done'", "stage": "''", "progress": "100", "error": "''",
            "task_id": "''", "extractor_version": "'bench'", "text": "''", "created_at": "now()",
            "updated_at": "now()",
        }, "FROM generate_series(1, 2000) i")
        insert(conn, "tracker_commitment", {
            "document_id": "1 + i % 2000", "promised_to_member": "''", "promised_to_party": "''",
            "text": "'Uw Kamer ontvangt uiterlijk ' || to_char(d, 'DD-MM-YYYY') || ' een brief over onderwerp ' "
                    "|| i || ', met de uitkomsten van het onderzoek en de vervolgstappen.'",
            "start": "0", "end": "80", "actor": "'minister'", "minister_id": "1 + i % 40",
            "committee_id": "1 + i % 20", "ministry_id": "1 + i % 12",
            "deliverables": "jsonb_build_array('brief over onderwerp ' || i)", "kind": "'informeren'",
            "certainty": "'clear'", "deadline_text": "'uiterlijk ' || d", "due_date": "d", "window_start": "d",
            "precision": "'day'", "deadline_assumed": "false", "status": "'open'",
            "overdue_since": "CASE WHEN d < date '2026-06-10' THEN d + 1 END",
            "due_soon_since": "CASE WHEN d BETWEEN date '2026-06-10' AND date '2026-06-24' THEN date '2026-06-10' END",
            "review_state": "'confirmed'", "reject_reason": "''", "confidence": "0.9", "extractor_version": "'bench'",
            "extracted": "'{}'::jsonb", "not_found_by_version": "''", "fulfilled_kamerstuk": "''",
            "delivery_note": "''", "created_at": "now()", "updated_at": "now()", "version": "1",
        }, f"FROM (SELECT i, date '2026-06-10' - 400 + (i * 7919 % 800) AS d "
           f"FROM generate_series(1, {COMMITMENTS}) i) s")
        insert(conn, "motions_motion", {
            "key": "'kst-36800-V-' || i", "dossier": "'36800-V'", "number": "i::text", "tk_id": "''",
            "zaak_number": "''", "title": "'Motie ' || i", "members": "'[]'", "co_signers": "'[]'",
            "considerations": "'[]'", "request": "''", "judgement": "'onbekend'", "vote_result": "'aangenomen'",
            "execution_status": "'open'", "created_at": "now()", "updated_at": "now()",
        }, "FROM generate_series(1, 1000) i")
        insert(conn, "motions_motioncitation", {
            "document_id": "c.document_id", "motion_id": "1 + c.id % 1000", "commitment_id": "c.id",
            "key": "'kst-36800-V-' || (1 + c.id % 1000)", "members": "'[]'", "text": "'de motie'",
            "start": "c.id", "end": "c.id + 8", "stated_status": "''", "review_state": "'confirmed'",
            "created_at": "now()", "updated_at": "now()",
        }, "FROM tracker_commitment c WHERE c.id % 10 = 0")
        conn.execute("VACUUM ANALYZE")
    print(f"  reference data and {COMMITMENTS:,} commitments loaded in {time.perf_counter() - t0:.1f} s")


def load_subscribers(url: str, first: int, last: int) -> None:
    """Users first..last with their subscriptions (see the module docstring for the mix)."""
    with psycopg.connect(url, autocommit=True) as conn:
        insert(conn, "auth_user", {
            "password": "'!'", "is_superuser": "false", "username": "'griffier' || u", "first_name": "'Griffier'",
            "last_name": "u::text", "email": "'griffier' || u || '@tweedekamer.example'", "is_staff": "false",
            "is_active": "true", "date_joined": "now()",
        }, f"FROM generate_series({first}, {last}) u")
        users = (f"(SELECT id, u FROM (SELECT id, substring(username from 9)::int AS u FROM auth_user "
                 f"WHERE username ~ '^griffier[0-9]+$') a WHERE u BETWEEN {first} AND {last}) x")
        frequency = "CASE WHEN u % 10 = 0 THEN 1 WHEN u % 2 = 0 THEN 2 ELSE 3 END"
        common = {"user_id": "x.id", "frequency": frequency, "created_at": "now()", "updated_at": "now()"}
        insert(conn, "alerts_subscription", {
            **common, "target": "'commitment'",
            "commitment_id": f"1 + (u * 7919 + j * 104729) % {COMMITMENTS}",
        }, f"FROM {users} CROSS JOIN generate_series(0, 4) j")
        insert(conn, "alerts_subscription", {**common, "target": "'motion'", "motion_id": "1 + u * 31 % 1000"},
               f"FROM {users}")
        insert(conn, "alerts_subscription", {**common, "target": "'committee'", "committee_id": "1 + u % 20"},
               f"FROM {users} WHERE u <= 40")
        insert(conn, "alerts_subscription", {**common, "target": "'minister'", "minister_id": "1 + u % 40"},
               f"FROM {users} WHERE u % 200 = 7")
        conn.execute("ANALYZE")


def load_events(url: str, events: int) -> None:
    """``events`` alert events of every kind, not yet fanned out."""
    with psycopg.connect(url, autocommit=True) as conn:
        insert(conn, "alerts_alertevent", {
            "commitment_id": "c", "kind": "k",
            "period": "CASE WHEN k = 'still_overdue' THEN d::text || ':' || (1 + i / 100000)"
                      " WHEN k = 'slipped' THEN 'rev:' || i WHEN k = 'delivered' THEN 'delivered:'"
                      " WHEN k = 'confirmed' THEN 'review' ELSE d::text END",
            "occurred_on": "date '2026-06-09'", "due_date": "d", "created_at": "now()", "fanout_token": "''",
        }, "FROM (SELECT i, c, cm.due_date AS d, (ARRAY['overdue', 'due_soon', 'confirmed', 'delivered', "
           f"'still_overdue', 'slipped'])[1 + (i / {COMMITMENTS} + i) % 6] AS k "
           f"FROM generate_series(0, {events - 1}) i, LATERAL (SELECT 1 + i % {COMMITMENTS} AS c) cc "
           "JOIN tracker_commitment cm ON cm.id = cc.c) s")
        conn.execute("ANALYZE")


def measure(label: str, fn):  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    t0 = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        result = fn()
    seconds = time.perf_counter() - t0
    statements = [q["sql"] for q in captured.captured_queries]
    print(f"  {label:<34} {seconds:8.2f} s  {len(statements):3d} statements  → {result:,}", flush=True)
    return seconds, len(statements), result


def round_(subscribers: int) -> dict[str, tuple[float, int, int]]:
    from django.db import connection
    from django.db.models import Avg, Count, Max

    from tracker.alerts.digests import build_messages
    from tracker.alerts.events import fan_out
    from tracker.alerts.models import AlertEvent, Frequency, OutboxMessage

    # Start each round from events that nobody has heard about yet.
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE alerts_deliveryattempt, alerts_alertlog, alerts_outboxmessage")
    AlertEvent.objects.update(fanned_out_at=None, fanout_token="")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE alerts_alertlog")
        cursor.execute("VACUUM ANALYZE alerts_outboxmessage")
        cursor.execute("VACUUM ANALYZE alerts_alertevent")
    print(f"\nround with {subscribers:,} subscribers, {AlertEvent.objects.count():,} events")
    figures = {"fan-out": measure("fan-out (events → alert log)", lambda: fan_out(now=NOW).alerts)}
    for frequency, period in ((Frequency.IMMEDIATE, "i:bench"), (Frequency.DAILY, "2026-06-10"),
                              (Frequency.WEEKLY, "2026-W24")):
        label = f"build {Frequency(frequency).label}"
        figures[label] = measure(label, lambda f=frequency, p=period: build_messages(frequency=f, period=p, now=NOW))
    per_message = OutboxMessage.objects.annotate(n=Count("logs")).aggregate(avg=Avg("n"), max=Max("n"))
    print(f"  alerts per message: mean {per_message['avg']:.1f}, max {per_message['max']}")
    return figures


def send_sample(sample: int) -> None:
    from django.core.mail.backends.locmem import EmailBackend
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tracker.alerts.models import AlertLog
    from tracker.alerts.sending import BATCH_SIZE, SendResult, claim_batch, send_claimed

    backend = EmailBackend()
    result = SendResult()
    batches: list[tuple[float, int, int, int, int]] = []
    while result.sent < sample:
        t0 = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            claim = claim_batch(now=NOW, limit=min(BATCH_SIZE, sample - result.sent))
            if claim is None:
                break
            items = AlertLog.objects.filter(message__claim_token=claim.token).count()
            before = result.sent
            send_claimed(claim, clock=lambda: NOW, result=result, backend=backend)
        seconds = time.perf_counter() - t0
        words = [q["sql"].split()[0].upper() for q in captured.captured_queries]
        control = sum(word in ("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE") for word in words)
        data = len(words) - control - 1  # not the COUNT above, which is the benchmark's own
        batches.append((seconds, data, control, result.sent - before, items))
    if not batches:
        print("  nothing to send")
        return
    seconds = sum(b[0] for b in batches)
    items = sum(b[4] for b in batches)
    print(f"\nrender + send through locmem: {result.sent:,} messages with {items:,} alerts in {seconds:.1f} s "
          f"({result.sent / seconds:,.0f} messages/s, {items / seconds:,.0f} alerts/s)")
    shapes = sorted({(data - 3 * sent, control, sent) for _s, data, control, sent, _i in batches})
    for fixed, control, sent in shapes:
        print(f"  a batch of {sent} messages: {fixed} + 3×{sent} data statements "
              f"(per message: the attempt row, then the message and attempt outcome), "
              f"{control} BEGIN/COMMIT (two short transactions per message, none around SMTP)")


def collect(url: str) -> None:
    from tracker.alerts.events import collect_events
    from tracker.alerts.models import AlertEvent

    before = AlertEvent.objects.count()
    print()
    measure("collect_events (60,000 commitments)", lambda: collect_events(now=NOW).events)
    print(f"  events derived from the data: {AlertEvent.objects.count() - before:,}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--send-sample", type=int, default=1_000)
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    args = parser.parse_args()
    url = f"{PG}/{DB}"
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {DB}")
        admin.execute(f"CREATE DATABASE {DB}")
    os.environ.update({
        "DATABASE_URL": url, "SECRET_KEY": "benchmark-only-secret-key-0123456789-abcdefghijklmnop",
        "DEBUG": "0", "LOG_LEVEL": "WARNING", "SITE_URL": "https://nakoming.example.org",
        "NAKOMING_VAR_DIR": tempfile.mkdtemp(prefix="nakoming-bench-alerts-"),
        "DJANGO_SETTINGS_MODULE": "tracker.settings",
    })
    sys.path.insert(0, str(ROOT))
    try:
        import django

        django.setup()
        from django.core.management import call_command

        t0 = time.perf_counter()
        call_command("migrate", verbosity=0)
        print(f"scratch database {DB} migrated in {time.perf_counter() - t0:.1f} s")
        load_reference(url)
        small = max(args.subscribers // 10, 1)
        load_subscribers(url, 1, small)
        load_events(url, args.events)
        small_round = round_(small)
        load_subscribers(url, small + 1, args.subscribers)
        full_round = round_(args.subscribers)
        print("\nstatements, small round vs full round (must be equal):")
        for name, (_s, statements, _r) in full_round.items():
            print(f"  {name:<34} {small_round[name][1]:3d} vs {statements:3d}")
        send_sample(args.send_sample)
        collect(url)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            with psycopg.connect(f"{PG}/postgres", autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
            print(f"\ndropped {DB}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
