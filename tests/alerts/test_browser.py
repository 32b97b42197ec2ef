"""A clerk in a real Chromium: the alert settings page and the unsubscribe page, checked with axe-core."""

from __future__ import annotations

import pytest

from tests.browser import assert_accessible, logged_in_page
from tests.factories import CommitteeFactory, DocumentFactory, MinistryFactory, UserFactory
from tracker.alerts.models import Frequency, Subscription
from tracker.alerts.subscriptions import unsubscribe_token

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_clerk_sets_up_alerts_with_the_keyboard_friendly_form(browser, live_server, axe_source):
    committee = CommitteeFactory(name="Buitenlandse Handel en Ontwikkelingshulp")
    CommitteeFactory(name="Financiën")
    MinistryFactory(name="Buitenlandse Zaken")
    clerk = UserFactory(username="carla", email="carla@tweedekamer.example", role="griffier")
    DocumentFactory(uploaded_by=clerk, committee=committee)
    page = logged_in_page(browser, live_server, clerk)

    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Meldingen").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Meldingen"
    default = page.locator("table.table tbody tr").first
    assert "Buitenlandse Handel en Ontwikkelingshulp" in default.inner_text()  # the clerk's default
    assert_accessible(page, axe_source, "the alert settings page")

    page.get_by_role("radio", name="ministerie").check()
    page.get_by_label("Ministerie", exact=True).select_option(label="Buitenlandse Zaken")
    page.get_by_label("Hoe vaak?").select_option(label="direct")
    with page.expect_navigation():
        page.get_by_role("button", name="Toevoegen").click()
    assert "Abonnement toegevoegd" in page.get_by_role("status").first.inner_text()
    assert Subscription.objects.get(user=clerk, target="ministry").frequency == Frequency.IMMEDIATE

    # A form that names no committee explains itself next to the field.
    page.get_by_role("radio", name="commissie").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Toevoegen").click()
    assert page.get_by_role("alert").first.inner_text() == "Kies waarover u meldingen wilt ontvangen."
    assert_accessible(page, axe_source, "the alert settings page with an error")


def test_the_unsubscribe_page_works_without_logging_in(browser, live_server, axe_source):
    clerk = UserFactory(username="carla", email="carla@tweedekamer.example", role="griffier")
    Subscription.objects.create(user=clerk, target="committee", committee=CommitteeFactory(),
                                frequency=Frequency.WEEKLY)
    page = browser.new_context(locale="nl-NL").new_page()
    token = unsubscribe_token(user_id=clerk.pk, frequency=Frequency.WEEKLY)

    page.goto(f"{live_server.url}/meldingen/afmelden/{token}/")
    assert_accessible(page, axe_source, "the unsubscribe page")
    with page.expect_navigation():
        page.get_by_role("button", name="Afmelden").click()

    assert "U bent afgemeld" in page.get_by_role("status").inner_text()
    assert not Subscription.objects.filter(user=clerk).exists()
    assert_accessible(page, axe_source, "the unsubscribed page")
