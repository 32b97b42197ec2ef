"""The settings page (url name ``alert-settings``) and the one-click unsubscribe endpoint."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.alerts.conftest import NOW, TODAY, days
from tests.alerts.factories import SubscriptionFactory
from tests.factories import (
    CommitmentFactory,
    CommitteeFactory,
    DocumentFactory,
    MinistryFactory,
    MotionFactory,
    UserFactory,
)
from tracker.alerts.digests import build_messages
from tracker.alerts.events import collect_events
from tracker.alerts.models import AlertLog, AlertPreference, Frequency, OutboxMessage, Subscription
from tracker.alerts.sending import send_pending
from tracker.alerts.subscriptions import apply_default_subscriptions, unsubscribe_token
from tracker.models import ReviewEvent

URL = "/meldingen/"


@pytest.fixture
def carla_client(client, carla):
    client.force_login(carla)
    return client


def test_the_page_has_the_url_name_the_menu_looks_for():
    assert reverse("alert-settings") == URL


@pytest.mark.django_db
def test_a_clerk_starts_with_a_weekly_digest_of_their_committee(client, carla, committee, other_committee):
    DocumentFactory.create_batch(2, uploaded_by=carla, committee=committee)
    DocumentFactory(uploaded_by=carla, committee=other_committee)
    assert client.get(URL).status_code == 302 and not Subscription.objects.exists()

    client.force_login(carla)  # logging in (a POST) gives the default; showing a page writes nothing
    page = client.get(URL)

    assert page.status_code == 200
    subscription = Subscription.objects.get(user=carla)
    assert (subscription.committee, subscription.frequency) == (committee, Frequency.WEEKLY)
    assert "Buitenlandse Handel en Ontwikkelingshulp" in page.content.decode()
    assert "wekelijks overzicht" in page.content.decode()


@pytest.mark.django_db
def test_the_default_is_given_once_and_not_back_after_removing_it(client, carla, committee):
    DocumentFactory(uploaded_by=carla, committee=committee)
    client.force_login(carla)
    subscription = Subscription.objects.get(user=carla)

    client.post(reverse("alert-subscription-remove", args=[subscription.pk]))
    client.logout()
    client.force_login(carla)
    client.get(URL)

    assert not Subscription.objects.filter(user=carla).exists()
    assert apply_default_subscriptions(now=NOW) == 0


@pytest.mark.django_db
def test_the_hourly_job_gives_every_new_clerk_the_default_in_one_go(committee, other_committee):
    clerks = [UserFactory(role="griffier") for _n in range(5)]
    for clerk in clerks:
        DocumentFactory(uploaded_by=clerk, committee=committee if clerk.pk % 2 else other_committee)
    reviewer = UserFactory(role="beoordelaar")
    DocumentFactory(uploaded_by=reviewer, committee=committee)

    made = apply_default_subscriptions(now=NOW)

    assert made == 5
    assert not Subscription.objects.filter(user=reviewer).exists()
    assert apply_default_subscriptions(now=NOW) == 0


@pytest.mark.django_db
def test_a_clerk_who_recorded_deliveries_gets_the_committee_of_those(carla, committee, other_committee):
    DocumentFactory(uploaded_by=carla, committee=other_committee)
    for _n in range(2):
        ReviewEvent.objects.create(commitment=CommitmentFactory(document__committee=committee), user=carla,
                                   action=ReviewEvent.Action.DELIVER)
    assert apply_default_subscriptions(now=NOW) == 1
    assert Subscription.objects.get(user=carla).committee == committee


@pytest.mark.django_db
def test_with_a_single_committee_every_clerk_follows_it(carla, bert, committee):
    assert apply_default_subscriptions(now=NOW) == 2
    assert set(Subscription.objects.values_list("user__username", "committee")) == {
        ("carla", committee.pk), ("bert", committee.pk)}


@pytest.mark.django_db
def test_a_clerk_without_uploads_is_asked_to_choose(carla_client, carla):
    page = carla_client.get(URL).content.decode()
    assert "U heeft nog geen abonnementen." in page
    assert not AlertPreference.objects.filter(user=carla).exists()  # tried again once they have uploads


@pytest.mark.django_db
def test_the_page_shows_subscriptions_without_a_query_per_row(carla_client, carla, django_assert_max_num_queries):
    motion = MotionFactory(key="kst-36800-V-12", number="12")
    SubscriptionFactory(user=carla, motion=motion)
    for n in range(8):
        SubscriptionFactory(user=carla, committee=CommitteeFactory(name=f"Commissie {n}"))
    AlertPreference.objects.create(user=carla)
    with CaptureQueriesContext(connection) as few:
        carla_client.get(URL)
    for n in range(8, 20):
        SubscriptionFactory(user=carla, ministry=MinistryFactory(name=f"Ministerie {n}"))
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = carla_client.get(URL)
    assert "kst-36800-V-12" in page.content.decode()


@pytest.mark.django_db
def test_adding_a_subscription_to_a_motion_by_its_key(carla_client, carla):
    motion = MotionFactory(key="kst-36800-V-12", number="12")
    response = carla_client.post(URL, {"target": "motion", "motion": "KST-36800-V-12", "frequency": Frequency.DAILY})
    assert response.status_code == 302
    subscription = Subscription.objects.get(user=carla)
    assert (subscription.target, subscription.motion, subscription.frequency) == ("motion", motion, Frequency.DAILY)
    assert "Abonnement toegevoegd" in carla_client.get(URL).content.decode()


@pytest.mark.django_db
def test_adding_a_commitment_by_its_register_number(carla_client, carla, overdue):
    carla_client.post(URL, {"target": "commitment", "commitment": overdue.register_number,
                            "frequency": Frequency.IMMEDIATE})
    assert Subscription.objects.get(user=carla).commitment == overdue
    prefilled = carla_client.get(f"{URL}?toezegging={overdue.register_number}").content.decode()
    assert f'value="{overdue.register_number}"' in prefilled


@pytest.mark.django_db
def test_adding_the_same_thing_twice_changes_its_frequency(carla_client, carla, committee):
    carla_client.post(URL, {"target": "committee", "committee": committee.pk, "frequency": Frequency.WEEKLY})
    carla_client.post(URL, {"target": "committee", "committee": committee.pk, "frequency": Frequency.DAILY})
    assert list(Subscription.objects.filter(user=carla).values_list("frequency", flat=True)) == [Frequency.DAILY]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"target": "committee", "frequency": 3}, "Kies waarover u meldingen wilt ontvangen."),
        ({"target": "motion", "motion": "kst-1-2", "frequency": 3}, "Er is geen motie met de sleutel kst-1-2."),
        ({"target": "commitment", "commitment": "TZ202601-999", "frequency": 3},
         "Er is geen toezegging met nummer TZ202601-999."),
        ({"target": "committee", "frequency": 9}, "Selecteer een geldige keuze"),
    ],
)
def test_bad_input_is_explained_in_dutch_and_nothing_is_saved(carla_client, carla, data, error):
    response = carla_client.post(URL, data)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Subscription.objects.exists()


@pytest.mark.django_db
def test_changing_the_frequency_and_not_touching_someone_elses(carla_client, carla, bert, committee):
    mine = SubscriptionFactory(user=carla, committee=committee)
    theirs = SubscriptionFactory(user=bert, committee=committee)
    carla_client.post(reverse("alert-subscription-change", args=[mine.pk]), {"frequency": Frequency.IMMEDIATE})
    carla_client.post(reverse("alert-subscription-change", args=[theirs.pk]), {"frequency": Frequency.IMMEDIATE})
    carla_client.post(reverse("alert-subscription-remove", args=[theirs.pk]))
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.frequency, theirs.frequency) == (Frequency.IMMEDIATE, Frequency.WEEKLY)


@pytest.mark.django_db
def test_the_page_explains_the_due_soon_window_as_configured(carla_client, settings):
    settings.DUE_SOON_DAYS = 21
    assert "zodra de uiterste datum binnen 21 dagen valt, niet eerder" in carla_client.get(URL).content.decode()


@pytest.mark.django_db
def test_the_page_needs_a_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")


@pytest.mark.django_db
def test_the_menu_links_to_the_page(carla_client):
    assert f'href="{URL}"' in carla_client.get("/").content.decode()


# --- one-click unsubscribe (RFC 8058) ------------------------------------------------


@pytest.fixture
def carla_digest(carla, committee, overdue):
    SubscriptionFactory(user=carla, committee=committee, frequency=Frequency.DAILY)
    SubscriptionFactory(user=carla, ministry=MinistryFactory(name="Financiën"), frequency=Frequency.DAILY)
    weekly = SubscriptionFactory(user=carla, commitment=overdue, frequency=Frequency.WEEKLY)
    collect_events(now=NOW)
    build_messages(frequency=Frequency.DAILY, period="2026-06-10", now=NOW)
    send_pending(now=NOW)
    return mail.outbox[0], weekly


@pytest.mark.django_db
def test_one_click_unsubscribe_needs_no_login_nor_csrf_token(carla, carla_digest):
    message, weekly = carla_digest
    url = message.extra_headers["List-Unsubscribe"].strip("<>").removeprefix("https://nakoming.example.org")
    mail_client = Client(enforce_csrf_checks=True)

    response = mail_client.post(url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")

    assert response.status_code == 200
    assert "U bent afgemeld" in response.content.decode()
    assert list(Subscription.objects.filter(user=carla)) == [weekly]  # only the daily ones went
    assert mail_client.post(url).status_code == 200  # a second click is harmless


@pytest.mark.django_db
def test_opening_the_link_only_asks_for_confirmation(carla, carla_digest, client):
    message, _weekly = carla_digest
    url = message.extra_headers["List-Unsubscribe"].strip("<>").removeprefix("https://nakoming.example.org")
    page = client.get(url)
    assert page.status_code == 200
    assert 'method="post"' in page.content.decode()
    assert Subscription.objects.filter(user=carla).count() == 3  # link scanners unsubscribe nobody


@pytest.mark.django_db
def test_after_unsubscribing_nothing_more_of_that_kind_is_sent(carla, committee, carla_digest, client):
    CommitmentFactory(document__committee=committee, due_date=days(-2), window_start=None, overdue_since=TODAY)
    collect_events(now=NOW)
    assert AlertLog.objects.filter(recipient=carla, message__isnull=True).exists()

    client.post(reverse("alert-unsubscribe", args=[unsubscribe_token(user_id=carla.pk, frequency=Frequency.DAILY)]))

    assert not AlertLog.objects.filter(recipient=carla, frequency=Frequency.DAILY, message__isnull=True).exists()
    assert build_messages(frequency=Frequency.DAILY, period="2026-06-11", now=NOW) == 0


@pytest.mark.django_db
def test_a_forged_or_damaged_link_is_refused(carla, committee, client):
    SubscriptionFactory(user=carla, committee=committee, frequency=Frequency.DAILY)
    token = unsubscribe_token(user_id=carla.pk, frequency=Frequency.DAILY)
    for bad in (token[:-2] + "xx", "eyJ1IjoxLCJmIjoyfQ", "niets"):
        response = client.post(reverse("alert-unsubscribe", args=[bad]))
        assert response.status_code == 400
        assert "ongeldig" in response.content.decode()
    assert Subscription.objects.filter(user=carla).count() == 1


@pytest.mark.django_db
def test_pending_messages_of_that_kind_are_cancelled(carla, committee, overdue, client):
    SubscriptionFactory(user=carla, committee=committee, frequency=Frequency.DAILY)
    collect_events(now=NOW)
    build_messages(frequency=Frequency.DAILY, period="2026-06-10", now=NOW)
    client.post(reverse("alert-unsubscribe", args=[unsubscribe_token(user_id=carla.pk, frequency=Frequency.DAILY)]))
    assert OutboxMessage.objects.get().state == OutboxMessage.State.CANCELLED
    assert send_pending(now=NOW).sent == 0


@pytest.mark.django_db
def test_the_form_marks_each_subject_field_and_the_confirmation_ends_on_a_whole_word(carla_client):
    from tests.factories import CommitmentFactory

    page = carla_client.get(URL).content.decode()
    for target in Subscription.TARGET_FIELDS:
        assert f'data-target="{target}"' in page  # subscription-form.js shows only the chosen one
    assert "js/subscription-form.js" in page

    long = CommitmentFactory(text="De minister zegt toe de Kamer voor de zomer te informeren over de uitkomsten van "
                                  "het onderzoek naar de uitvoeringslasten van gemeenten.")
    response = carla_client.post(URL, {"target": "commitment", "commitment": long.register_number,
                                       "frequency": Frequency.IMMEDIATE}, follow=True)
    [message] = [str(m) for m in response.context["messages"]]
    shown = message.split("toezegging: ", 1)[1].split("…")[0]
    assert long.text.startswith(shown) and long.text[len(shown)] == " ", "cut between two words"
