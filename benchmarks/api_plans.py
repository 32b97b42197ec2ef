"""Run by benchmarks/api.py inside Django against the benchmark database: per scenario, the
queries one request takes (list cache off) and the PostgreSQL plan of each, flagging any
sequential scan over commitments. Prints one JSON object.

    api_plans.py TOKEN SCENARIOS_JSON ANALYZE(0|1)
"""

from __future__ import annotations

import json
import sys

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

SEQ_SCAN = "Seq Scan on tracker_commitment"


def main() -> None:
    token, scenarios, analyze = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3] == "1"
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    client.get("/api/v1/commitments/")  # the token's last_used_at is written at most once a minute
    out = {}
    for name, path in scenarios.items():
        executed: list[tuple[str, object]] = []

        def record(execute, sql, params, many, context, executed=executed):
            executed.append((sql, params))
            return execute(sql, params, many, context)

        # The statements with their parameters: prepared ones (server-side binding) are logged
        # with $1 placeholders, which EXPLAIN cannot run; a client-side cursor binds them here.
        with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(record):
            response = client.get(f"/api/v1/{path}")
        if response.status_code != 200:
            raise SystemExit(f"{name}: HTTP {response.status_code} {response.content[:300]!r}")
        plans = []
        for sql, params in executed:
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            with connection.cursor() as cursor:
                cursor.execute(("EXPLAIN (ANALYZE, BUFFERS) " if analyze else "EXPLAIN ") + sql, params)
                plan = "\n".join(row[0] for row in cursor.fetchall())
                sql = connection.ops.last_executed_query(cursor.cursor, sql, params).split(" ", 3)[-1]
            plans.append({"sql": sql, "plan": plan, "commitments": "tracker_commitment" in sql})
        out[name] = {
            "queries": len(captured.captured_queries),
            "seq_scan": any(SEQ_SCAN in plan["plan"] for plan in plans),
            "plans": plans,
        }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
