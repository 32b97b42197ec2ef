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
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"/api/v1/{path}")
        if response.status_code != 200:
            raise SystemExit(f"{name}: HTTP {response.status_code} {response.content[:300]!r}")
        plans = []
        for query in captured.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            with connection.cursor() as cursor:
                cursor.execute(("EXPLAIN (ANALYZE, BUFFERS) " if analyze else "EXPLAIN ") + sql)
                plan = "\n".join(row[0] for row in cursor.fetchall())
            plans.append({"sql": sql, "plan": plan, "commitments": "tracker_commitment" in sql})
        out[name] = {
            "queries": len(captured.captured_queries),
            "seq_scan": any(SEQ_SCAN in plan["plan"] for plan in plans),
            "plans": plans,
        }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
