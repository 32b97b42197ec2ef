"""The register of toezeggingen at scale: 100,000 Toezegging records through sync_tk.

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/nakoming_bench_tk .venv/bin/python benchmarks/tk_sync.py [--records 100000] [--keep]

Recreates the scratch database named in BENCH_DATABASE_URL (PostgreSQL, trust
auth; default nakoming_bench_tk), migrates it, and starts a local stand-in for
the Gegevensmagazijn (127.0.0.1, port 0) that generates pages of 250 invented
records on the fly. Then it prints

- the first sync: records/s, the peak resident memory, and the SQL statements
  per page (min/max: constant, not per record);
- a second sync over the same data (from the start): records/s and what
  changed (nothing);
- bad input (truncated JSON, a record without Id, an unknown Status): the
  message, and that nothing of that file was written.

Drops the database afterwards unless --keep.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PAGE = 250
START = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
PHRASES = ("voor de zomer", "in het derde kwartaal van {y}", "voor het einde van {y}", "in het voorjaar van {y}",
           "binnen drie maanden", "na de evaluatie", "zo spoedig mogelijk", "in de eerstvolgende voortgangsrapportage")
MINISTRIES = ("Financiën", "Justitie en Veiligheid", "Onderwijs, Cultuur en Wetenschap", "Defensie",
              "Infrastructuur en Waterstaat", "Economische Zaken", "Landbouw, Visserij, Voedselzekerheid en Natuur",
              "Sociale Zaken en Werkgelegenheid", "Volksgezondheid, Welzijn en Sport", "Buitenlandse Zaken",
              "Binnenlandse Zaken en Koninkrijksrelaties", "Klimaat en Groene Groei")
SURNAMES = ("Akkerman", "Bosveld", "Claassen", "Dijkhof", "Elzinga", "Franssen", "Groeneveld", "Hoekstra",
            "IJzerman", "Jongeling")


def record(n: int) -> dict:
    created = START + dt.timedelta(minutes=7 * n)
    ministry = MINISTRIES[n % len(MINISTRIES)]
    phrase = PHRASES[n % len(PHRASES)].format(y=created.year + (n % 2))
    status = ("Openstaand", "Voldaan", "Deels voldaan", "Vervallen", "Afgedaan", "Openstaand")[n % 6]
    return {
        "Id": f"be0c0000-0000-4000-8000-{n:012d}", "Nummer": f"TZ{created:%Y%m}-{n % 1000:03d}",
        "Tekst": f"De minister zegt toe de Kamer {phrase} te informeren over onderwerp {n} van het beleid.",
        "Aanmaakdatum": created.isoformat(), "ActiviteitNummer": f"{created.year}A{n % 99999:05d}",
        "Achternaam": SURNAMES[n % 40 % len(SURNAMES)], "Initialen": "ABCD"[n % 4] + ".",
        "Functie": f"Minister van {ministry}", "Ministerie": ministry, "Status": status,
        "DatumNakoming": (created + dt.timedelta(days=60)).date().isoformat() if status == "Voldaan" else None,
        "KamerbriefNakoming": f"{30000 + n % 9000}-{n % 300}" if status == "Voldaan" else None,
        "ToegezegdAanPersoon": SURNAMES[(n + 3) % len(SURNAMES)], "ToegezegdAanFractie": "Fractie " + "ABCDEF"[n % 6],
        "GewijzigdOp": (created + dt.timedelta(hours=1)).isoformat().replace("+00:00", "Z"), "Verwijderd": False,
    }


def serve(total: int) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parsed = urllib.parse.urlsplit(self.path)
            query = dict(urllib.parse.parse_qsl(parsed.query))
            start = int(query.get("$skiptoken", "0"))
            body: dict = {"value": [record(n) for n in range(start, min(start + PAGE, total))]}
            if start + PAGE < total:
                body["@odata.nextLink"] = f"{base}/Toezegging?" + urllib.parse.urlencode(
                    {**query, "$skiptoken": str(start + PAGE)})
            raw = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}/OData/v4/2.0"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, base


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/nakoming_bench_tk")
    server_url, _sep, name = url.rpartition("/")
    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    server, base = serve(args.records)
    os.environ.update({
        "DATABASE_URL": url, "SECRET_KEY": "benchmark-only-secret-key-0123456789-abcdefghijklmnop",
        "DJANGO_SETTINGS_MODULE": "tracker.settings", "TK_ODATA_URL": base, "LOG_LEVEL": "WARNING",
    })
    sys.path.insert(0, str(ROOT))
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        from motions.importing import TkImportError
        from tracker.models import Commitment, RegisterEntry
        from tracker.opendata.client import ODataClient
        from tracker.opendata.register import import_register_bytes
        from tracker.opendata.sync import sync_entity

        call_command("migrate", verbosity=0)
        statements = [0]

        def count(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
            statements[0] += 1
            return execute(sql, params, many, context)

        class Counting(ODataClient):
            """Notes the statements between two pages (one page's import)."""

            def pages(self, url):  # type: ignore[no-untyped-def]
                self.per_page: list[int] = []
                for item in super().pages(url):
                    before = statements[0]
                    yield item
                    self.per_page.append(statements[0] - before)

        def run(label: str, since: dt.datetime | None) -> None:
            client = Counting(per_second=0, timeout=30)
            rss = rss_mb()
            t0 = time.perf_counter()
            with connection.execute_wrapper(count):
                outcome = sync_entity("Toezegging", since=since, client=client)
            took = time.perf_counter() - t0
            per_page = client.per_page
            print(f"{label}: {args.records:,} records in {took:.1f} s = {args.records / took:,.0f} records/s; "
                  f"{outcome.summary()}")
            print(f"  SQL statements per page of {PAGE}: min {min(per_page)}, max {max(per_page)} "
                  f"(over {len(per_page)} pages); peak RSS {rss_mb():.0f} MB (before: {rss:.0f} MB)")
            if outcome.error:
                print(f"  ERROR: {outcome.error}")

        run("first sync", None)
        print(f"  commitments: {Commitment.objects.count():,}, register entries: {RegisterEntry.objects.count():,}")
        run("second sync over the same data", START - dt.timedelta(days=1))

        before = RegisterEntry.objects.count()
        good = [record(args.records + n) for n in range(3)]
        bad_inputs = {
            "truncated.json": json.dumps(good)[:-40].encode(),
            "without-id.json": json.dumps([*good, {"Tekst": "Geen Id."}]).encode(),
            "unknown-status.json": json.dumps([*good, dict(record(args.records + 9), Status="Bijna")]).encode(),
        }
        for file_name, raw in bad_inputs.items():
            try:
                import_register_bytes(raw, source=file_name)
                print(f"bad input {file_name}: NOT refused")
            except TkImportError as exc:
                print(f"bad input: {exc}")
        print(f"  register entries before {before:,}, after {RegisterEntry.objects.count():,} (nothing written)")
    finally:
        server.shutdown()
        if not args.keep:
            from django.db import connections

            connections.close_all()
            with psycopg.connect(f"{server_url}/postgres", autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return 0


if __name__ == "__main__":
    sys.exit(main())
