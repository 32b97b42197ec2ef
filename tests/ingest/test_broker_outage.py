"""The broker is down: nothing is lost, the user is told, and everything recovers once it is back.

"Down" is real: Celery and the API cache point at a local port nobody listens on.
"""

from __future__ import annotations

import io
import logging
import socket
import time
from collections.abc import Iterator

import pytest
from django.core.management import call_command
from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories import CommitmentFactory
from tracker.api.models import ApiToken
from tracker.api.tokens import api_token_create
from tracker.ingest.queueing import pending_documents, queue_pending_documents
from tracker.ingest.submit import document_submit
from tracker.models import Document

LETTER = (b"Den Haag, 3 maart 2026\n\nHet kabinet zal uw Kamer uiterlijk 1 oktober 2026 een brief sturen "
          b"over de voortgang van het programma voor schone rivieren.\n")


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Broker:
    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        self.app = app
        self.saved = (app.conf.broker_url, app.conf.task_always_eager)

    def _reset_pools(self) -> None:
        self.app._pool = None
        self.app.amqp._producer_pool = None

    def down(self) -> None:
        self.app.conf.broker_url = f"redis://127.0.0.1:{closed_port()}/0"
        self.app.conf.task_always_eager = False
        self._reset_pools()

    def up(self) -> None:
        """Back: in the test settings, tasks run in-process as soon as they are sent."""
        self.app.conf.broker_url, self.app.conf.task_always_eager = self.saved
        self._reset_pools()


@pytest.fixture
def broker(settings) -> Iterator[Broker]:
    from tracker.celery import app

    control = Broker(app)
    control.down()
    settings.CACHES = {**settings.CACHES, settings.API_CACHE: {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
    }}
    try:
        yield control
    finally:
        control.up()


@pytest.mark.django_db(transaction=True)
def test_an_upload_while_the_broker_is_down_keeps_file_and_row_and_says_so_in_dutch(client, clerk, broker):
    client.force_login(clerk)
    started = time.monotonic()
    response = client.post(reverse("document-upload"),
                           {"file": io.BytesIO(LETTER), "reference_date": "2026-03-03"}, follow=True)
    assert time.monotonic() - started < 8
    assert response.status_code == 200
    page = response.content.decode()
    assert "verwerkingsrij is nu niet bereikbaar" in page

    document = Document.objects.get()
    assert document.status == Document.Status.QUEUED and document.queued_at is None
    assert document.file.storage.exists(document.file.name)
    assert queue_pending_documents() == 0, "still down: nothing sent, nothing lost"

    broker.up()
    assert queue_pending_documents() == 1
    document.refresh_from_db()
    assert document.status == Document.Status.DONE, document.error
    assert document.commitments.exists()
    assert not pending_documents().exists()


@pytest.mark.django_db(transaction=True)
def test_opnieuw_recovers_a_document_that_was_never_queued(client, clerk, broker):
    document = document_submit(stream=io.BytesIO(LETTER), name="brief.txt", origin=Document.Origin.UPLOAD).document
    client.force_login(clerk)
    retry = reverse("document-retry", args=[document.pk])
    page = client.post(retry, follow=True).content.decode()
    assert "niet bereikbaar" in page and "al verwerkt" not in page

    broker.up()
    page = client.post(retry, follow=True).content.decode()
    assert "wordt opnieuw verwerkt" in page
    document.refresh_from_db()
    assert document.status == Document.Status.DONE, document.error


@pytest.mark.django_db(transaction=True)
def test_uploading_the_same_bytes_again_recovers_a_stuck_document(broker):
    first = document_submit(stream=io.BytesIO(LETTER), name="brief.txt", origin=Document.Origin.UPLOAD)
    assert first.queued is False
    document = first.document
    document.file.storage.delete(document.file.name)  # as the old code did when the broker failed

    broker.up()
    again = document_submit(stream=io.BytesIO(LETTER), name="kopie.txt", origin=Document.Origin.UPLOAD)
    assert not again.created and again.queued is True
    document.refresh_from_db()
    assert document.status == Document.Status.DONE, document.error
    assert document.file.storage.exists(document.file.name)


@pytest.mark.django_db(transaction=True)
def test_reextract_recovers_a_queued_document(broker):
    document = document_submit(stream=io.BytesIO(LETTER), name="brief.txt", origin=Document.Origin.UPLOAD).document
    broker.up()
    out, err = io.StringIO(), io.StringIO()
    call_command("reextract", "--document", str(document.pk), stdout=out, stderr=err)
    assert "overgeslagen" not in err.getvalue()
    document.refresh_from_db()
    assert document.status == Document.Status.DONE, document.error


@pytest.mark.django_db
def test_api_reads_keep_working_with_redis_down_and_say_so_in_the_log(broker, caplog):
    CommitmentFactory()
    token = api_token_create(name="portaal", scope=ApiToken.Scope.READ)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token.raw}")
    with caplog.at_level(logging.WARNING):
        started = time.monotonic()
        response = api.get("/api/v1/commitments/")
        assert api.get("/api/v1/commitments/").status_code == 200
    assert response.status_code == 200 and len(response.json()["results"]) == 1
    assert time.monotonic() - started < 10
    assert any("throttle store unreachable" in record.getMessage() for record in caplog.records)
