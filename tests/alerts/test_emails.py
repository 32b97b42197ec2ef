"""What a recipient reads: Dutch, plain text and HTML, grouped, linked, with one-click unsubscribe."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from tests.alerts.conftest import NOW, TODAY, days
from tests.alerts.factories import SubscriptionFactory
from tests.factories import (
    CommitmentFactory,
    CommitteeFactory,
    DocumentFactory,
    MinistryFactory,
    PersonFactory,
)
from tracker.alerts.digests import build_messages
from tracker.alerts.events import collect_events
from tracker.alerts.models import Frequency, OutboxMessage
from tracker.alerts.sending import send_pending
from tracker.models import Commitment, DeadlineRevision, Person


def html_of(message) -> str:
    (body, mimetype), = message.alternatives
    assert mimetype == "text/html"
    return body


@pytest.fixture
def digest(carla, committee, ministry):
    """Carla's daily digest with one event of each kind, over two committees and ministries."""
    finance = CommitteeFactory(name="Financiën")
    treasury = MinistryFactory(name="Financiën", abbreviation="FIN")
    for target in (committee, finance):
        SubscriptionFactory(user=carla, committee=target, frequency=Frequency.DAILY)
    minister = PersonFactory(name="R. Klever", role=Person.Role.MINISTER)
    late = CommitmentFactory(
        document__committee=committee, document__ministry=ministry, minister=minister, due_date=days(-3),
        window_start=None, overdue_since=days(-2), text="Uw Kamer ontvangt een brief over <exportkredieten> & garanties.",
    )
    soon = CommitmentFactory(document__committee=committee, document__ministry=ministry, due_date=days(5),
                             window_start=None, due_soon_since=TODAY, text="Voor de zomer een evaluatie van het fonds.")
    moved = CommitmentFactory(document__committee=finance, document__ministry=treasury, due_date=days(100),
                              window_start=None, text="In het vierde kwartaal een onderzoek naar de heffing.")
    DeadlineRevision.objects.create(
        commitment=moved, source=DeadlineRevision.Source.DOCUMENT, old_due=days(10), new_due=days(100),
        old_precision="day", new_precision="quarter",
    )
    letter = DocumentFactory(title="Kamerbrief over de subsidieregeling")
    CommitmentFactory(document__committee=finance, document__ministry=treasury, status=Commitment.Status.DELIVERED,
                      fulfilled_by=letter, fulfilled_on=days(-1), text="De Kamer ontvangt de subsidieregeling.")
    collect_events(now=NOW)
    build_messages(frequency=Frequency.DAILY, period="2026-06-10", now=NOW)
    send_pending(now=NOW)
    (message,) = mail.outbox
    return message, {"late": late, "soon": soon, "moved": moved, "letter": letter}


@pytest.mark.django_db
def test_the_digest_is_dutch_and_has_a_plain_and_an_html_part(digest):
    message, _records = digest
    assert message.subject == "[Nakoming] Dagelijks overzicht 10 juni 2026: 4 meldingen"
    assert message.to == ["carla@tweedekamer.example"]
    assert message.from_email == "Nakoming <nakoming@example.org>"
    assert message.body.startswith("Beste Carla,\n\nUw dagelijkse overzicht: 4 meldingen over toezeggingen die u volgt.")
    html = html_of(message)
    assert '<html lang="nl">' in html
    assert "Uw dagelijkse overzicht: 4 meldingen" in html


@pytest.mark.django_db
def test_the_digest_groups_by_committee_then_ministry_most_urgent_first(digest):
    message, _records = digest
    body = message.body
    order = [body.index(s) for s in (
        "BUITENLANDSE HANDEL EN ONTWIKKELINGSHULP", "Ministerie: Buitenlandse Zaken", "- Te laat",
        "- Binnenkort verwacht", "FINANCIËN", "Ministerie: Financiën", "- Termijn verschoven", "- Nagekomen",
    )]
    assert order == sorted(order)


@pytest.mark.django_db
def test_each_item_says_what_happened_in_dutch(digest):
    message, _records = digest
    body = message.body
    assert "De termijn verstreek op 7 juni 2026 (3 dagen te laat)." in body
    assert "Bewindspersoon: R. Klever" in body
    assert "Uiterlijk 15 juni 2026 (over 5 dagen)." in body
    assert "De termijn is verschoven van 20 juni 2026 naar 18 september 2026 (90 dagen later)." in body
    assert "Nagekomen op 9 juni 2026 (Voldaan)." in body
    assert "Nagekomen met: Kamerbrief over de subsidieregeling" in body


@pytest.mark.django_db
def test_items_link_to_their_records_on_the_site(digest):
    message, records = digest
    late, letter = records["late"], records["letter"]
    assert f"https://nakoming.example.org/toezeggingen/{late.pk}/" in message.body
    assert f"https://nakoming.example.org/documenten/{letter.pk}/" in message.body
    html = html_of(message)
    assert f'href="https://nakoming.example.org/toezeggingen/{late.pk}/"' in html
    assert f">{late.register_number}</a>" in html


@pytest.mark.django_db
def test_record_text_is_escaped_in_html_and_verbatim_in_plain_text(digest):
    message, _records = digest
    assert "over <exportkredieten> & garanties." in message.body
    assert "over &lt;exportkredieten&gt; &amp; garanties." in html_of(message)


@pytest.mark.django_db
def test_it_carries_one_click_unsubscribe_headers_and_a_stable_message_id(digest, client):
    message, _records = digest
    headers = message.extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = headers["List-Unsubscribe"].strip("<>")
    assert url.startswith("https://nakoming.example.org/meldingen/afmelden/")
    assert url in message.body and url in html_of(message)
    assert headers["Auto-Submitted"] == "auto-generated"
    outbox = OutboxMessage.objects.get()
    assert headers["Message-ID"] == f"<nakoming.alert.{outbox.pk}.{outbox.build_token[:12]}@nakoming.example.org>"
    assert "https://nakoming.example.org/meldingen/" in message.body  # the settings page


@pytest.mark.django_db
def test_an_immediate_alert_about_one_record_names_it_in_the_subject(carla, committee, overdue):
    SubscriptionFactory(user=carla, commitment=overdue, frequency=Frequency.IMMEDIATE)
    collect_events(now=NOW)
    build_messages(frequency=Frequency.IMMEDIATE, period="i:1", now=NOW)
    send_pending(now=NOW)
    (message,) = mail.outbox
    assert message.subject == "[Nakoming] Te laat: Uw Kamer ontvangt voor 9 juni een brief over exportkredieten."
    assert "Er is een nieuwe melding over een toezegging die u volgt." in message.body
    assert "(direct)" in message.body


@pytest.mark.django_db
def test_the_weekly_digest_names_its_week_and_a_record_delivered_since_says_so(carla, committee, overdue):
    SubscriptionFactory(user=carla, committee=committee, frequency=Frequency.WEEKLY)
    collect_events(now=NOW)
    Commitment.objects.filter(pk=overdue.pk).update(status=Commitment.Status.DELIVERED, fulfilled_on=TODAY,
                                                    fulfilled_kamerstuk="36800-V-12", overdue_since=None)
    build_messages(frequency=Frequency.WEEKLY, period="2026-W24", now=NOW)
    send_pending(now=NOW + dt.timedelta(days=5))
    (message,) = mail.outbox
    assert message.subject == "[Nakoming] Weekoverzicht week 24: 1 melding"
    assert "Inmiddels: Voldaan." in message.body
