"""Integration: a real SMTP server (aiosmtpd) on loopback receives the alerts as a mail server would."""

from __future__ import annotations

import datetime as dt
import email
import socket
from email.message import EmailMessage
from email.policy import default as default_policy

import pytest
from aiosmtpd.controller import Controller
from django.test import Client

from tests.alerts.conftest import NOW, TODAY, days
from tests.alerts.factories import SubscriptionFactory
from tests.factories import CommitmentFactory, UserFactory
from tracker.alerts.digests import build_messages
from tracker.alerts.events import collect_events
from tracker.alerts.models import DeliveryAttempt, Frequency, OutboxMessage, Subscription
from tracker.alerts.sending import send_pending


class MailServer:
    """An aiosmtpd handler that keeps what arrived and can refuse on request."""

    def __init__(self) -> None:
        self.arrived: list[tuple[str, list[str], bytes]] = []
        self.connections = 0
        self.busy_for = 0  # answer DATA with 451 this many times
        self.unknown: set[str] = set()  # answer RCPT with 550 for these

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        self.connections += 1
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.unknown:
            return "550 5.1.1 Onbekende ontvanger"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.busy_for:
            self.busy_for -= 1
            return "451 4.3.0 Probeer het later opnieuw"
        self.arrived.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 2.0.0 Bericht aangenomen"

    def message(self, index: int = 0) -> EmailMessage:
        return email.message_from_bytes(self.arrived[index][2], policy=default_policy)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp(settings):
    handler = MailServer()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 10
    yield handler
    controller.stop()


def daily_digests(committee, users) -> None:
    for user in users:
        SubscriptionFactory(user=user, committee=committee, frequency=Frequency.DAILY)
    CommitmentFactory(document__committee=committee, due_date=days(-1), window_start=None, overdue_since=TODAY,
                      text="Uw Kamer ontvangt vóór 9 juni een brief over exportkredieten en garanties.")
    CommitmentFactory(document__committee=committee, due_date=days(4), window_start=None, due_soon_since=TODAY)
    collect_events(now=NOW)
    build_messages(frequency=Frequency.DAILY, period="2026-06-10", now=NOW)


@pytest.mark.django_db
def test_the_digest_arrives_as_sent_headers_and_both_parts_included(smtp, carla, committee):
    daily_digests(committee, [carla])

    assert send_pending(now=NOW).sent == 1

    (mail_from, recipients, raw), = smtp.arrived
    assert (mail_from, recipients) == ("nakoming@example.org", ["carla@tweedekamer.example"])
    message = smtp.message()
    assert message["Subject"] == "[Nakoming] Dagelijks overzicht 10 juni 2026: 2 meldingen"
    assert message["From"] == "Nakoming <nakoming@example.org>"
    assert message["To"] == "carla@tweedekamer.example"
    outbox = OutboxMessage.objects.get()
    assert message["Message-ID"] == f"<nakoming.alert.{outbox.pk}.{outbox.build_token[:12]}@nakoming.example.org>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Folded onto its own line (the URL is longer than 78 characters); unfolded it is "<url>".
    assert message["List-Unsubscribe"].strip().startswith("<https://nakoming.example.org/meldingen/afmelden/")
    assert b"\r\nList-Unsubscribe:" in raw and b"List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n" in raw
    assert message["Auto-Submitted"] == "auto-generated"
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "vóór 9 juni een brief over exportkredieten" in text  # UTF-8 survives the trip
    assert "Te laat" in text and "Binnenkort verwacht" in text
    assert 'href="https://nakoming.example.org/toezeggingen/' in html

    # The one-click unsubscribe a mail provider would POST, from the header as it arrived.
    path = message["List-Unsubscribe"].strip().strip("<>").removeprefix("https://nakoming.example.org")
    response = Client(enforce_csrf_checks=True).post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Subscription.objects.filter(user=carla).exists()


@pytest.mark.django_db
def test_a_batch_goes_over_one_connection(smtp, committee):
    users = [UserFactory(email=f"griffier{n}@tweedekamer.example") for n in range(5)]
    daily_digests(committee, users)

    assert send_pending(now=NOW).sent == 5

    assert smtp.connections == 1
    assert sorted(rcpts[0] for _from, rcpts, _raw in smtp.arrived) == sorted(u.email for u in users)


@pytest.mark.django_db
def test_a_busy_server_is_retried_with_backoff_and_the_message_arrives_once(smtp, carla, committee):
    daily_digests(committee, [carla])
    smtp.busy_for = 1

    first = send_pending(now=NOW)
    outbox = OutboxMessage.objects.get()
    assert (first.sent, first.retrying, outbox.state) == (0, 1, OutboxMessage.State.PENDING)
    assert "451" in outbox.last_error and "Probeer het later opnieuw" in outbox.last_error
    assert not smtp.arrived

    assert send_pending(now=NOW + dt.timedelta(minutes=1)).sent == 1
    assert len(smtp.arrived) == 1
    assert list(outbox.delivery_attempts.values_list("outcome", flat=True)) == ["failed", "sent"]


@pytest.mark.django_db
def test_an_unknown_recipient_fails_for_good_and_the_others_still_arrive(smtp, carla, bert, committee):
    daily_digests(committee, [carla, bert])
    smtp.unknown = {"carla@tweedekamer.example"}

    result = send_pending(now=NOW)

    assert (result.sent, result.failed) == (1, 1)
    assert [rcpts for _from, rcpts, _raw in smtp.arrived] == [["bert@tweedekamer.example"]]
    failed = OutboxMessage.objects.get(recipient=carla)
    assert failed.state == OutboxMessage.State.FAILED
    assert "550" in failed.last_error
    assert DeliveryAttempt.objects.get(message=failed).outcome == DeliveryAttempt.Outcome.FAILED
    assert send_pending(now=NOW + dt.timedelta(days=1)).sent == 0  # not retried; kept for the administrator
