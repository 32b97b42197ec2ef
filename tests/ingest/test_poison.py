"""A document that keeps killing its worker is failed (poison), keeps its file and can be
retried by hand; a document that needs more memory than a worker child may use fails alone."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tracker.ingest.process import claim_document, document_process, document_requeue
from tracker.ingest.submit import DocumentOverrides, document_submit
from tracker.models import Document

ROOT = Path(__file__).resolve().parents[2]
LETTER = (b"Den Haag, 3 maart 2026\n\nHet kabinet zal uw Kamer uiterlijk 1 oktober 2026 een brief sturen "
          b"over de voortgang van het programma voor schone rivieren.\n")


def submit(data: bytes, name: str = "brief.txt") -> Document:
    return document_submit(stream=io.BytesIO(data), name=name, origin=Document.Origin.UPLOAD, queue=False,
                           overrides=DocumentOverrides()).document


@pytest.mark.django_db
def test_a_redelivered_message_that_keeps_killing_the_worker_becomes_poison_and_can_be_retried():
    document = submit(LETTER)
    # The first delivery and each redelivery after the worker child was killed (same task id).
    for _delivery in range(settings.DOCUMENT_MAX_ATTEMPTS):
        assert claim_document(document.pk, "task-killed")
    assert not claim_document(document.pk, "task-killed")
    document.refresh_from_db()
    assert document.status == Document.Status.FAILED
    assert f"{settings.DOCUMENT_MAX_ATTEMPTS} keer vastgelopen" in document.error
    assert document.file.storage.exists(document.file.name)

    assert document_requeue(document.pk), "retry by hand"
    assert document_process(document.pk, task_id="task-by-hand").status == "done"
    document.refresh_from_db()
    assert document.attempts == 1 and document.commitments.exists()


def _database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


# A worker child: it processes a first document (warm: every module loaded), then
# gets its address-space ceiling, then goes on with the others.
WORKER_CHILD = """
import os, sys, django
django.setup()
from tracker.ingest.limits import apply_memory_ceiling
from tracker.ingest.process import document_process
first, *others = sys.argv[1:]
print(first, document_process(int(first), task_id="child").status, flush=True)
with open("/proc/self/status") as status:
    size_kb = next(int(line.split()[1]) for line in status if line.startswith("VmSize:"))
apply_memory_ceiling(size_kb // 1024 + int(os.environ["HEADROOM_MB"]))
for pk in others:
    print(pk, document_process(int(pk), task_id="child").status, flush=True)
"""


@pytest.mark.django_db(transaction=True)
def test_a_document_over_the_memory_ceiling_fails_alone_and_the_worker_child_goes_on(tmp_path):
    # 10 MB of UTF-8 with one emoji: as text it takes 4 bytes a character, 40 MB.
    big = submit("Den Haag, 3 maart 2026 \U0001f642\n\n".encode() + b"De Kamer krijgt een brief. " * 400_000,
                 "groot.txt")
    small = submit(LETTER)
    other = submit(LETTER.replace(b"rivieren", b"beken"))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tracker.settings", "DEBUG": "1",
           "DATABASE_URL": _database_url(), "MEDIA_ROOT": str(settings.MEDIA_ROOT), "HEADROOM_MB": "30",
           "NAKOMING_VAR_DIR": str(tmp_path)}
    env.pop("REDIS_URL", None)
    order = [small.pk, big.pk, other.pk]
    child = subprocess.run([sys.executable, "-c", WORKER_CHILD, *map(str, order)], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=300)
    assert child.returncode == 0, child.stderr[-2000:]
    assert child.stdout.split() == [str(small.pk), "done", str(big.pk), "failed", str(other.pk), "done"]
    big.refresh_from_db()
    assert big.status == Document.Status.FAILED and "meer geheugen" in big.error
    assert not big.commitments.exists() and big.file.storage.exists(big.file.name)
