"""Follow-up at scale on PostgreSQL: flag_overdue and the clerks' dashboard.

    .venv/bin/python benchmarks/followup.py [--rows 1000000] [--requests 60] [--keep]

Creates its own scratch database (``nakoming_bench_followup``, or ``$BENCH_DATABASE_NAME``, on the server of
``BENCH_DATABASE_URL``, default ``postgres://postgres@127.0.0.1:5432/``), migrates
it, bulk-loads commitments with ``INSERT … SELECT generate_series`` and prints:

1. flag_overdue on the first 10,000 rows: set-based (the real job) and the same
   transitions row by row in Python, for comparison;
2. flag_overdue on all rows: wall time and SQL statements (the same number as at
   10,000 rows: it does not grow with the rows);
3. the dashboard's first page (``GET /`` as a clerk): p50/p95 over ``--requests``
   requests, and a few filtered variants.

The scratch database is dropped at the end unless ``--keep``.
Targets: flag_overdue ≤ 10 s at 1M rows; dashboard p95 ≤ 200 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The scratch database; BENCH_DATABASE_NAME picks another (several developers on one server).
SCRATCH = os.environ.get("BENCH_DATABASE_NAME", "nakoming_bench_followup")
TODAY = dt.date(2026, 11, 22)
MINISTRIES, COMMITTEES, MINISTERS, DOCUMENTS = 15, 30, 60, 2000
FORBIDDEN = {"test", "test_test", "postgres", "template0", "template1"}


def server_url() -> str:
    return os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/")


def with_database(url: str, name: str) -> str:
    parts = urlparse(url)
    return urlunparse(parts._replace(path=f"/{name}"))


def admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(with_database(server_url(), "postgres"), autocommit=True) as connection:
        connection.execute(sql)


def create_scratch() -> None:
    assert SCRATCH not in FORBIDDEN
    admin(f'DROP DATABASE IF EXISTS "{SCRATCH}" WITH (FORCE)')
    admin(f'CREATE DATABASE "{SCRATCH}"')


def drop_scratch() -> None:
    from django.db import connections

    connections.close_all()
    admin(f'DROP DATABASE IF EXISTS "{SCRATCH}" WITH (FORCE)')


def setup_django() -> None:
    os.environ["DATABASE_URL"] = with_database(server_url(), SCRATCH)
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    os.environ.setdefault("DB_CONN_MAX_AGE", "600")
    import django

    django.setup()


def load_reference() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO tracker_ministry (name, abbreviation, updated_at) "
            "SELECT 'Ministerie ' || g, 'M' || g, now() FROM generate_series(1, %s) g", [MINISTRIES])
        cursor.execute(
            "INSERT INTO tracker_committee (name, abbreviation, updated_at) "
            "SELECT 'Commissie ' || g, 'C' || g, now() FROM generate_series(1, %s) g", [COMMITTEES])
        cursor.execute(
            "INSERT INTO tracker_person (name, role, party, function, ministry_id, updated_at) "
            "SELECT 'Minister ' || g, 'minister', '', 'Minister van ' || (1 + g %% %s), "
            "(SELECT min(id) FROM tracker_ministry) + g %% %s, now() FROM generate_series(1, %s) g",
            [MINISTRIES, MINISTRIES, MINISTERS])
        cursor.execute(
            "INSERT INTO tracker_document (file, original_name, sha256, size, file_format, kind, title, kamerstuk, "
            "reference_date, reference_date_source, origin, status, stage, progress, error, task_id, "
            "extractor_version, text, created_at, updated_at, ministry_id, committee_id) "
            "SELECT 'bench/' || g || '.txt', 'bench.txt', md5('doc' || g) || md5('x' || g), 100, 'txt', 'brief', "
            "'Brief ' || g, '', DATE '2016-01-01' + (g %% 3900), 'document', 'command', 'done', '', 100, '', '', "
            "'bench', '', now(), now(), (SELECT min(id) FROM tracker_ministry) + g %% %s, "
            "(SELECT min(id) FROM tracker_committee) + g %% %s FROM generate_series(1, %s) g",
            [MINISTRIES, COMMITTEES, DOCUMENTS])


TOPICS = ["stikstof", "exportcontrole", "arbeidsmigratie", "jeugdzorg", "woningbouw", "defensie-uitgaven",
          "ontwikkelingshulp", "belastingdienst", "energietransitie", "asielinstroom", "zorgkosten", "onderwijs"]

COMMITMENTS_SQL = """
INSERT INTO tracker_commitment (
    document_id, question_id, promised_to_member, promised_to_party, text, start, "end", page, actor,
    minister_id, committee_id, ministry_id, deliverables, kind, certainty, deadline_text, deadline_start,
    deadline_end, due_date, window_start, precision, deadline_assumed, status, overdue_since, due_soon_since,
    review_state, reject_reason, confidence, extractor_version, extracted, not_found_by_version,
    duplicate_of_id, fulfilled_by_id, fulfilled_kamerstuk, fulfilled_on, delivery_note, delivered_on_time,
    created_at, updated_at, deleted_at, version)
SELECT
    d0 + g %% {documents}, NULL, 'Lid ' || (g %% 150), '', t.text, 0, length(t.text), NULL, 'de minister',
    p0 + g %% {ministers}, c0 + (2 * (g %% {ministries}) + (g / 7) %% 2) %% {committees}, m0 + g %% {ministries}, '[]', 'informeren', 'clear',
    CASE WHEN t.due IS NULL THEN 'op termijn' ELSE 'uiterlijk ' || to_char(t.due, 'DD-MM-YYYY') END, NULL, NULL,
    t.due, NULL, CASE WHEN t.due IS NULL THEN 'vague' ELSE 'day' END, false, t.status, NULL, NULL,
    CASE WHEN g %% 50 = 0 THEN 'rejected' WHEN g %% 3 = 0 THEN 'confirmed' ELSE 'unreviewed' END, '', 0.9,
    'bench', '{{}}', '', NULL, NULL,
    CASE WHEN t.status = 'delivered' THEN '36' || (g %% 900) || ' nr. ' || (g %% 40) ELSE '' END,
    t.fulfilled, '', CASE WHEN t.status = 'delivered' AND t.due IS NOT NULL THEN t.fulfilled <= t.due END,
    now(), now(), CASE WHEN g %% 97 = 0 THEN now() END, 1
FROM (
    SELECT g, s.status, s.due,
        CASE WHEN s.status = 'delivered' THEN COALESCE(s.due, DATE %(today)s - 30) + ((g * 31) %% 75 - 45)::int END
            AS fulfilled,
        'Uw Kamer ontvangt een brief over ' || (ARRAY{topics})[1 + ((g * 13) %% {ntopics})::int]
            || ' en de voortgang van het beleid (' || g || ').' AS text
    FROM (
        SELECT g, st.status,
            CASE
                WHEN g %% 20 = 0 THEN NULL
                WHEN st.status IN ('open', 'partly_delivered') THEN DATE %(today)s + (abs(hashint8(g)) %% 1100 - 400)::int
                ELSE LEAST(DATE '2016-01-01' + (abs(hashint8(g)) %% 3900)::int, DATE %(today)s - 1)
            END AS due
        FROM (
            SELECT g, CASE
                WHEN g %% 100 < 14 THEN 'open' WHEN g %% 100 < 17 THEN 'partly_delivered'
                WHEN g %% 100 < 67 THEN 'delivered' WHEN g %% 100 < 77 THEN 'withdrawn'
                WHEN g %% 100 < 89 THEN 'closed' ELSE 'partly_closed' END AS status
            FROM generate_series(%(first)s::bigint, %(last)s::bigint) g
        ) st
    ) s
) t,
(SELECT min(id) AS d0 FROM tracker_document) d, (SELECT min(id) AS p0 FROM tracker_person) p,
(SELECT min(id) AS c0 FROM tracker_committee) c, (SELECT min(id) AS m0 FROM tracker_ministry) m
"""


def load_commitments(first: int, last: int) -> float:
    from django.db import connection

    topics = "[" + ", ".join(f"'{t}'" for t in TOPICS) + "]"
    sql = COMMITMENTS_SQL.format(documents=DOCUMENTS, ministers=MINISTERS, committees=COMMITTEES,
                                 ministries=MINISTRIES, topics=topics, ntopics=len(TOPICS))
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(sql, {"today": TODAY, "first": first, "last": last})
    return time.perf_counter() - started


def vacuum() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE tracker_commitment")


def reset_flags() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("UPDATE tracker_commitment SET overdue_since = NULL, due_soon_since = NULL "
                       "WHERE overdue_since IS NOT NULL OR due_soon_since IS NOT NULL")


def flag_set_based(today: dt.date = TODAY) -> tuple[float, int, object]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tracker.followup.overdue import flag_overdue

    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        result = flag_overdue(today=today, due_soon_days=14)
        elapsed = time.perf_counter() - started
    return elapsed, len(captured), result


def flag_row_by_row() -> tuple[float, int, int]:
    """The same transitions, one row at a time in Python (what the job must not do)."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from tracker.followup.overdue import OUTSTANDING
    from tracker.models import Commitment

    horizon = TODAY + dt.timedelta(days=14)
    changed = 0
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        with transaction.atomic():
            for row in Commitment.objects.only(
                "id", "status", "due_date", "deleted_at", "review_state", "overdue_since", "due_soon_since"
            ).order_by("id").iterator(chunk_size=2000):
                counts = (row.status in OUTSTANDING and row.deleted_at is None
                          and row.review_state != Commitment.ReviewState.REJECTED and row.due_date is not None)
                overdue = counts and row.due_date < TODAY
                soon = counts and TODAY <= row.due_date <= horizon
                new_overdue = (row.overdue_since or TODAY) if overdue else None
                new_soon = None if overdue else ((row.due_soon_since or TODAY) if soon else None)
                if (new_overdue, new_soon) != (row.overdue_since, row.due_soon_since):
                    Commitment.objects.filter(pk=row.pk).update(
                        overdue_since=new_overdue, due_soon_since=new_soon, updated_at=timezone.now())
                    changed += 1
        elapsed = time.perf_counter() - started
    return elapsed, len(captured), changed


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def dashboard_latency(requests: int, params: dict[str, str] | None = None) -> tuple[float, float, int]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tests.factories import UserFactory

    clerk = UserFactory(username="bench-griffier", role="griffier")
    client = Client()
    client.force_login(clerk)
    for _n in range(5):
        assert client.get("/", params or {}).status_code == 200
    timings = []
    for _n in range(requests):
        started = time.perf_counter()
        response = client.get("/", params or {})
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as captured:
        client.get("/", params or {})
    return statistics.median(timings), percentile(timings, 0.95), len(captured)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    args = parser.parse_args()

    create_scratch()
    setup_django()
    from django.core.management import call_command
    from django.db import connection

    try:
        call_command("migrate", verbosity=0)
        load_reference()
        small = min(10_000, args.rows)
        load_commitments(1, small)
        vacuum()
        print(f"PostgreSQL {connection.pg_version // 10000}, scratch database {SCRATCH}, today = {TODAY}")
        print(f"\n== flag_overdue on {small:,} rows")
        elapsed, statements, result = flag_set_based()
        print(f"set-based (the job):   {elapsed * 1000:8.1f} ms, {statements} SQL statements, "
              f"{result.changed:,} transitions")
        reset_flags()
        elapsed_rows, statements_rows, changed = flag_row_by_row()
        print(f"row by row in Python:  {elapsed_rows * 1000:8.1f} ms, {statements_rows:,} SQL statements, "
              f"{changed:,} transitions ({elapsed_rows / max(elapsed, 1e-9):.0f}× slower)")

        if args.rows > small:
            load_time = load_commitments(small + 1, args.rows)
            vacuum()
            print(f"\nloaded {args.rows:,} commitments in {load_time:.1f} s (INSERT … SELECT generate_series)")
        reset_flags()
        vacuum()
        print(f"\n== flag_overdue on {args.rows:,} rows")
        elapsed, statements_big, result = flag_set_based()
        print(f"first run:   {elapsed:6.2f} s, {statements_big} SQL statements, {result.changed:,} transitions "
              f"({result.became_overdue:,} overdue, {result.became_due_soon:,} due soon)")
        elapsed2, statements2, result2 = flag_set_based()
        print(f"next run:    {elapsed2:6.2f} s, {statements2} SQL statements, {result2.changed:,} transitions "
              f"(idempotent)")
        elapsed3, _statements3, result3 = flag_set_based(TODAY + dt.timedelta(days=1))
        print(f"next day:    {elapsed3:6.2f} s, {result3.changed:,} transitions (a typical hourly run)")
        print(f"statements at {small:,} rows: {statements}; at {args.rows:,}: {statements_big} "
              f"-> {'constant' if statements == statements_big else 'GROWS'}")
        print(f"target ≤ 10 s: {'met' if elapsed <= 10 else 'MISSED'}")
        vacuum()

        print(f"\n== dashboard first page (GET / as a clerk), {args.requests} requests after 5 warm-ups")
        cases = [
            ("default (nog na te komen)", None),
            ("one ministry", {"ministry": str(_first_id("tracker_ministry"))}),
            ("te laat", {"status": "overdue"}),
            ("full-text search 'stikstof'", {"q": "stikstof"}),
        ]
        for name, params in cases:
            p50, p95, queries = dashboard_latency(args.requests, params)
            target = f"  target ≤ 200 ms: {'met' if p95 <= 200 else 'MISSED'}" if params is None else ""
            print(f"{name:30s} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   {queries} queries{target}")
    finally:
        if not args.keep:
            drop_scratch()


def _first_id(table: str) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT min(id) FROM {table}")
        return cursor.fetchone()[0]


if __name__ == "__main__":
    main()
