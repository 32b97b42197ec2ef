"""Ingest throughput through the real pipeline.

    .venv/bin/python benchmarks/ingest.py [--documents 1000] [--concurrency 2]

Creates a scratch PostgreSQL database (nakoming_bench_ingest on
127.0.0.1:5432) and uses Redis database 14 as broker, writes N synthetic
documents of our own (letters and lists of questions with commitments, dates
and motion citations), queues them with `manage.py ingest --queue`, and lets a
real Celery worker (prefork, --concurrency) process them. Prints documents per
minute and the worker's peak memory (parent and children, summed RSS sampled
every 0.2 s). Drops the scratch database afterwards.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PG = "postgres://postgres@127.0.0.1:5432"
DB = "nakoming_bench_ingest"
REDIS = "redis://127.0.0.1:6379/14"

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
TOPICS = ["drinkwatervoorziening", "exportcontrole", "handelsmissies", "klimaatfinanciering", "cyberveiligheid",
          "consulaire dienstverlening", "mensenrechtenbeleid", "sanctiebeleid", "migratiesamenwerking",
          "voedselzekerheid", "onderwijsprogramma's", "Europese defensiesamenwerking"]
PRODUCTS = ["brief", "strategie", "evaluatie", "onderzoek", "voortgangsrapportage", "kabinetsreactie", "plan van aanpak"]
PHRASES = ["voor de zomer", "in het derde kwartaal van 2026", "uiterlijk 1 juni", "eind 2026", "dit najaar",
           "bij de Voorjaarsnota 2027", "binnen drie maanden", "in de eerste helft van 2027", "voor het kerstreces",
           "zo spoedig mogelijk", "in Q2 2027", "begin volgend jaar"]


def synthetic_document(n: int, rng: random.Random) -> str:
    day, month = rng.randint(1, 28), rng.choice(MONTHS)
    topic = rng.choice(TOPICS)
    sentences = []
    for _ in range(rng.randint(3, 8)):
        sentences.append(
            rng.choice([
                f"Uw Kamer ontvangt {rng.choice(PHRASES)} een {rng.choice(PRODUCTS)} over {rng.choice(TOPICS)}.",
                f"Het kabinet zal {rng.choice(PHRASES)} een {rng.choice(PRODUCTS)} over {rng.choice(TOPICS)} opleveren.",
                f"Ik zal uw Kamer {rng.choice(PHRASES)} informeren over de uitvoering van de motie van het lid "
                f"Jansen c.s. (Kamerstuk 36 {rng.randint(100, 999)} XVII, nr. {rng.randint(1, 99)}).",
                f"In 2025 is het programma voor {rng.choice(TOPICS)} verder uitgebreid met nieuwe partners.",
                f"Nederland blijft zich inzetten voor {rng.choice(TOPICS)} in Europees verband.",
            ])
        )
    if n % 2:
        body = "\n\n".join(sentences)
        return (f"Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, {day} {month} 2026\n\n"
                f"Betreft: Voortgang {topic} (nummer {n})\n\n{body}\n\nDe minister van Buitenlandse Zaken,\nA. Voorbeeld\n")
    items = []
    for i, sentence in enumerate(sentences, start=1):
        items.append(f"{i} Wat is de stand van zaken rond {rng.choice(TOPICS)}?\n\nAntwoord\n\n{sentence}\n")
    return (f"36900-V-{n} Jaarverslag {topic} 2025\n\nnr. Lijst van vragen en antwoorden\n\n"
            f"Vastgesteld {day} {month} 2026\n\nNr Vraag Blz. (van) t/m\n\n" + "\n".join(items))


def rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants."""
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                total += next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
            with open(f"/proc/{current}/task/{current}/children") as children:
                pending.extend(int(c) for c in children.read().split())
        except (FileNotFoundError, StopIteration, ProcessLookupError):
            continue
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=2)
    args = parser.parse_args()

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB}")
        conn.execute(f"CREATE DATABASE {DB}")
    subprocess.run(["redis-cli", "-n", "14", "FLUSHDB"], check=True, capture_output=True)
    tmp = Path(tempfile.mkdtemp(prefix="nakoming-bench-"))
    env = {**os.environ, "DATABASE_URL": f"{PG}/{DB}", "REDIS_URL": REDIS, "DEBUG": "1",
           "NAKOMING_VAR_DIR": str(tmp / "var")}
    python = sys.executable
    worker = None
    try:
        subprocess.run([python, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
        docs = tmp / "docs"
        docs.mkdir()
        rng = random.Random(20261122)
        for n in range(args.documents):
            (docs / f"doc-{n:05d}.txt").write_text(synthetic_document(n, rng), encoding="utf-8")
        size_mb = sum(p.stat().st_size for p in docs.iterdir()) / 1e6

        worker = subprocess.Popen(
            [python, "-m", "celery", "-A", "tracker", "worker", "-l", "warning",
             "--concurrency", str(args.concurrency), "--without-gossip", "--without-mingle"],
            cwd=ROOT, env=env,
        )
        time.sleep(3)
        start = time.perf_counter()
        subprocess.run([python, "manage.py", "ingest", str(docs), "--queue"], cwd=ROOT, env=env, check=True,
                       capture_output=True)
        submitted = time.perf_counter() - start
        peak = 0
        with psycopg.connect(f"{PG}/{DB}", autocommit=True) as conn:
            while True:
                peak = max(peak, rss_kb(worker.pid))
                pending, failed = conn.execute(
                    "SELECT count(*) FILTER (WHERE status IN ('queued', 'processing')),"
                    " count(*) FILTER (WHERE status = 'failed') FROM tracker_document").fetchone()
                if pending == 0:
                    break
                if time.perf_counter() - start > 3600:
                    sys.exit("gave up after an hour")
                time.sleep(0.2)
            elapsed = time.perf_counter() - start
            commitments = conn.execute("SELECT count(*) FROM tracker_commitment").fetchone()[0]
        print(f"documents:   {args.documents} ({size_mb:.1f} MB), {failed} failed, {commitments} commitments")
        print(f"submitting:  {submitted:.1f} s (manage.py ingest --queue)")
        print(f"throughput:  {args.documents / elapsed * 60:.0f} documents/minute "
              f"({elapsed:.1f} s, worker concurrency {args.concurrency}, PostgreSQL + Redis)")
        print(f"worker peak: {peak / 1024:.0f} MB RSS (parent + {args.concurrency} children)")
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=30)
        with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")


if __name__ == "__main__":
    main()
