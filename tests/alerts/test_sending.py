"""The outbox protocol: each message once, each crash point, retries with backoff."""

from __future__ import annotations

import datetime as dt
import socket
import threading

import pytest
from django.core import mail
from django.core.mail import get_connection
from django.db import OperationalError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.alerts.conftest import NOW, TODAY, days
from tests.alerts.factories import SubscriptionFactory
from tests.factories import CommitmentFactory, UserFactory
from tracker.alerts import sending
from tracker.alerts.digests import build_immediate_messages, build_messages
from tracker.alerts.emails import render_message
from tracker.alerts.events import collect_events
from tracker.alerts.models import DeliveryAttempt, Frequency, OutboxMessage
from tracker.alerts.sending import claim_batch, lease, load_claimed, send_pending, start_attempt
from tracker.models import Commitment

State = OutboxMessage.State
Outcome = DeliveryAttempt.Outcome
AFTER_LEASE = NOW + lease() + dt.timedelta(minutes=1)


def pending_digests(committee, users, *, commitments: int = 2) -> list[OutboxMessage]:
    for user in users:
        SubscriptionFactory(user=user, committee=committee, frequency=Frequency.DAILY)
    for n in range(commitments):
        CommitmentFactory(document__committee=committee, due_date=days(-1 - n), window_start=None,
                          overdue_since=TODAY)
    collect_events(now=NOW)
    build_messages(frequency=Frequency.DAILY, period="2026-06-10", now=NOW)  # without queueing the sender
    return list(OutboxMessage.objects.order_by("id"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def outcomes(message: OutboxMessage) -> list[str]:
    return list(message.delivery_attempts.order_by("number", "id").values_list("outcome", flat=True))


@pytest.fixture(autouse=True)
def _quick_record_retries(monkeypatch):
    monkeypatch.setattr(sending, "RECORD_SENT_PAUSES", (0.0, 0.0))


@pytest.mark.django_db
def test_it_sends_each_message_once_and_records_it(carla, bert, committee):
    messages = pending_digests(committee, [carla, bert])

    first = send_pending(now=NOW)
    again = send_pending(now=NOW + dt.timedelta(minutes=10))

    assert (first.sent, again.sent) == (2, 0)
    assert sorted(m.to[0] for m in mail.outbox) == ["bert@tweedekamer.example", "carla@tweedekamer.example"]
    for message in messages:
        message.refresh_from_db()
        assert (message.state, message.attempts, message.sent_at) == (State.SENT, 1, NOW)
        assert message.subject.startswith("[Nakoming] Dagelijks overzicht 10 juni 2026: 2 meldingen")
        assert outcomes(message) == [Outcome.SENT]


@pytest.mark.django_db
def test_a_crash_before_the_claim_commits_changes_nothing(carla, committee):
    (message,) = pending_digests(committee, [carla])

    def fail_on_claim(execute, sql, params, many, context):
        if sql.lstrip().startswith("UPDATE") and "alerts_outboxmessage" in sql.split("SET")[0]:
            raise OperationalError("terminating connection due to administrator command")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(fail_on_claim), pytest.raises(OperationalError):
        send_pending(now=NOW)
    message.refresh_from_db()
    assert (message.state, message.attempts) == (State.PENDING, 0)

    assert send_pending(now=NOW).sent == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_crash_after_the_claim_is_sent_once_when_the_lease_runs_out(carla, committee):
    (message,) = pending_digests(committee, [carla])
    assert claim_batch(now=NOW) is not None
    # … the worker dies here.

    assert send_pending(now=NOW + dt.timedelta(minutes=5)).sent == 0  # still held by the dead worker
    result = send_pending(now=AFTER_LEASE)

    assert (result.sent, result.in_doubt) == (1, 0)
    assert len(mail.outbox) == 1
    message.refresh_from_db()
    assert (message.state, outcomes(message)) == (State.SENT, [Outcome.SENT])


@pytest.mark.django_db
def test_a_crash_after_the_attempt_began_but_before_smtp_is_sent_once(carla, committee):
    (message,) = pending_digests(committee, [carla])
    claim = claim_batch(now=NOW)
    (claimed,), _logs = load_claimed(claim.token)
    start_attempt(claimed, now=NOW)
    # … the worker dies before the SMTP server got the message.

    result = send_pending(now=AFTER_LEASE)

    assert (result.sent, result.in_doubt) == (1, 1)
    assert len(mail.outbox) == 1
    message.refresh_from_db()
    assert message.state == State.SENT
    assert outcomes(message) == [Outcome.IN_DOUBT, Outcome.SENT]


@pytest.mark.django_db
def test_a_crash_between_smtp_and_the_commit_resends_with_the_same_message_id(carla, committee):
    """The one window no sender can close (RFC 1047): a recognisable copy, never a lost alert."""
    (message,) = pending_digests(committee, [carla])
    claim = claim_batch(now=NOW)
    (claimed,), logs = load_claimed(claim.token)
    start_attempt(claimed, now=NOW)
    get_connection().send_messages([render_message(claimed, logs[claimed.pk], today=TODAY)])
    # … the worker dies after the server said "250 OK", before recording it.

    result = send_pending(now=AFTER_LEASE)

    assert (result.sent, result.in_doubt) == (1, 1)
    assert len(mail.outbox) == 2
    assert mail.outbox[0].extra_headers["Message-ID"] == mail.outbox[1].extra_headers["Message-ID"]
    message.refresh_from_db()
    assert outcomes(message) == [Outcome.IN_DOUBT, Outcome.SENT]
    assert "dezelfde Message-ID" in message.delivery_attempts.get(outcome=Outcome.IN_DOUBT).error


class FailRecordingSent:
    """A database that fails the first ``times`` attempts to record a message as sent."""

    def __init__(self, times: int) -> None:
        self.times, self.calls = times, 0

    def __call__(self, execute, sql, params, many, context):
        recording_sent = sql.lstrip().startswith("UPDATE") and "sent_at" in sql.split("WHERE")[0]
        if recording_sent and self.calls < self.times:
            self.calls += 1
            raise OperationalError("could not receive data from server")
        return execute(sql, params, many, context)


@pytest.mark.django_db
def test_a_database_hiccup_while_recording_sent_is_retried_in_place(carla, committee):
    (message,) = pending_digests(committee, [carla])

    failing = FailRecordingSent(times=1)
    with connection.execute_wrapper(failing):
        result = send_pending(now=NOW)

    assert failing.calls == 1
    assert result.sent == 1
    assert len(mail.outbox) == 1
    message.refresh_from_db()
    assert (message.state, outcomes(message)) == (State.SENT, [Outcome.SENT])
    assert send_pending(now=AFTER_LEASE).sent == 0


@pytest.mark.django_db
def test_a_database_outage_while_recording_sent_ends_in_one_recognisable_resend(carla, committee):
    (message,) = pending_digests(committee, [carla])

    with connection.execute_wrapper(FailRecordingSent(times=99)), pytest.raises(OperationalError):
        send_pending(now=NOW)
    message.refresh_from_db()
    assert (message.state, outcomes(message)) == (State.SENDING, [Outcome.IN_FLIGHT])

    assert send_pending(now=AFTER_LEASE).sent == 1
    assert len(mail.outbox) == 2
    assert len({m.extra_headers["Message-ID"] for m in mail.outbox}) == 1
    message.refresh_from_db()
    assert (message.state, outcomes(message)) == (State.SENT, [Outcome.IN_DOUBT, Outcome.SENT])


@pytest.mark.django_db
def test_an_smtp_failure_is_recorded_and_retried_with_backoff_never_dropped(carla, committee, settings):
    (message,) = pending_digests(committee, [carla])
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nothing listens: refused
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5

    first = send_pending(now=NOW)
    message.refresh_from_db()
    assert (first.sent, first.retrying) == (0, 1)
    assert (message.state, message.attempts) == (State.PENDING, 1)
    assert message.next_attempt_at == NOW + dt.timedelta(minutes=1)
    assert "ConnectionRefusedError" in message.last_error

    assert send_pending(now=NOW + dt.timedelta(seconds=30)).retrying == 0  # not yet due
    send_pending(now=NOW + dt.timedelta(minutes=1))
    message.refresh_from_db()
    assert message.next_attempt_at == NOW + dt.timedelta(minutes=1) + dt.timedelta(minutes=2)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the server is back
    assert send_pending(now=NOW + dt.timedelta(minutes=3)).sent == 1
    message.refresh_from_db()
    assert (message.state, message.attempts) == (State.SENT, 3)
    assert outcomes(message) == [Outcome.FAILED, Outcome.FAILED, Outcome.SENT]
    assert len(mail.outbox) == 1


def test_backoff_doubles_up_to_six_hours():
    assert [sending.backoff(n).total_seconds() / 60 for n in (1, 2, 3, 4)] == [1, 2, 4, 8]
    assert sending.backoff(30) == dt.timedelta(hours=6)


@pytest.mark.django_db
def test_recipients_without_address_or_account_are_recorded_not_sent(committee):
    gone = UserFactory(email="gone@tweedekamer.example")
    nameless = UserFactory(email="nobody@tweedekamer.example")
    gone_message, nameless_message = pending_digests(committee, [gone, nameless])
    type(gone).objects.filter(pk=gone.pk).update(is_active=False)
    type(nameless).objects.filter(pk=nameless.pk).update(email="")

    result = send_pending(now=NOW)

    assert (result.sent, result.cancelled, result.failed) == (0, 1, 1)
    assert not mail.outbox
    gone_message.refresh_from_db()
    nameless_message.refresh_from_db()
    assert (gone_message.state, gone_message.last_error) == (State.CANCELLED, "ontvanger is niet actief")
    assert nameless_message.state == State.FAILED
    assert "e-mailadres" in nameless_message.last_error


@pytest.mark.django_db
def test_a_digest_whose_records_were_deleted_is_not_sent_empty(carla, committee):
    (message,) = pending_digests(committee, [carla])
    Commitment.objects.all().delete()  # hard delete: the alerts go with the commitments

    result = send_pending(now=NOW)

    assert (result.sent, result.cancelled) == (0, 1)
    assert not mail.outbox
    message.refresh_from_db()
    assert message.state == State.CANCELLED


@pytest.mark.django_db
def test_it_refuses_to_send_inside_a_transaction(carla, committee):
    pending_digests(committee, [carla])
    with transaction.atomic(), pytest.raises(RuntimeError, match="durable"):
        send_pending(now=NOW)
    assert not mail.outbox


@pytest.mark.django_db
def test_claims_it_has_no_time_for_are_handed_back(carla, bert, committee):
    messages = pending_digests(committee, [carla, bert])

    result = send_pending(now=NOW, budget_seconds=1e-9)

    assert (result.sent, result.released) == (0, 2)
    for message in messages:
        message.refresh_from_db()
        assert (message.state, message.attempts, message.claim_token) == (State.PENDING, 0, "")
    assert send_pending(now=NOW).sent == 2


@pytest.mark.django_db
def test_a_batch_reads_its_data_in_the_same_statements_for_any_size(committee):
    def statements(recipients: int) -> tuple[int, int]:
        OutboxMessage.objects.update(state=State.CANCELLED)
        users = [UserFactory() for _n in range(recipients)]
        pending_digests(committee, users)
        with CaptureQueriesContext(connection) as captured:
            assert send_pending(now=NOW).sent == recipients
        # SAVEPOINTs are the test's own transaction; in production each is a COMMIT.
        kinds = [q["sql"].split()[0] for q in captured.captured_queries
                 if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))]
        return kinds.count("SELECT"), len(kinds)

    (selects_2, total_2), (selects_6, total_6) = statements(2), statements(6)
    assert selects_2 == selects_6
    # Per message only what exactly-once needs: the attempt row (INSERT) before
    # SMTP, then the message and attempt outcome (2 UPDATEs) after.
    assert (total_6 - total_2) == 4 * 3


@pytest.mark.django_db
def test_immediate_alerts_go_out_through_celery_when_the_transaction_commits(
    carla, committee, django_capture_on_commit_callbacks
):
    SubscriptionFactory(user=carla, committee=committee, frequency=Frequency.IMMEDIATE)
    today = timezone.localdate()  # the task runs on the real clock
    CommitmentFactory(document__committee=committee, due_date=today - dt.timedelta(days=1), window_start=None,
                      overdue_since=today)
    from tracker.alerts.tasks import collect_events_task

    with django_capture_on_commit_callbacks(execute=True):
        result = collect_events_task.delay().get()

    assert result["immediate_messages"] == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.startswith("[Nakoming] Te laat: ")
    assert OutboxMessage.objects.get().state == State.SENT


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_each_message_once(committee):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL; SQLite serialises all writes anyway")
    users = [UserFactory() for _n in range(40)]
    pending_digests(committee, users)
    build_immediate_messages(now=NOW)
    barrier = threading.Barrier(2)
    results = []

    def run() -> None:
        try:
            barrier.wait()
            results.append(send_pending(now=NOW, batch_size=7))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sum(r.sent for r in results) == 40
    assert len(mail.outbox) == 40
    assert len({m.extra_headers["Message-ID"] for m in mail.outbox}) == 40
    assert OutboxMessage.objects.filter(state=State.SENT).count() == 40
    assert DeliveryAttempt.objects.count() == 40
