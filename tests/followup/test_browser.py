"""A clerk in a real Chromium against a live server: the dashboard, recording delivery,
the slipped list and the rappel, each page checked with axe-core (WCAG 2.1 A/AA).

Set ``NAKOMING_SCREENSHOTS=/some/dir`` to keep screenshots of the pages.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.browser import assert_accessible, logged_in_page
from tests.factories import UserFactory
from tests.followup.morning import build_morning
from tracker.followup.rappel import rappel_create, rappel_issue_link
from tracker.models import Commitment, Ministry, RappelItem

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def screenshot(page: Any, name: str, *parts: str) -> None:
    """The full page, and each CSS selector in ``parts`` on its own, when asked for."""
    folder = os.environ.get("NAKOMING_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)
        for n, selector in enumerate(parts):
            page.locator(selector).first.screenshot(path=str(Path(folder) / f"{name}-{n}.png"))


@pytest.fixture
def morning(transactional_db) -> dict[str, Any]:
    return {**build_morning(), "clerk": UserFactory(username="carla", role="griffier")}


def test_a_clerk_starts_the_day_on_the_dashboard(browser, live_server, morning, axe_source):
    page = logged_in_page(browser, live_server, morning["clerk"])
    page.goto(f"{live_server.url}/")

    assert page.get_by_role("heading", level=1).inner_text() == "Toezeggingen: stand van zaken"
    first_row = page.locator("table.records tbody tr").first
    assert "dagen te laat" in first_row.inner_text()
    overdue = int(page.locator(".tile.is-overdue .number").inner_text())
    assert overdue == Commitment.objects.filter(overdue_since__isnull=False).count() > 0
    screenshot(page, "dashboard", ".filter-panel", ".tiles", ".charts", ".breakdowns")
    assert_accessible(page, axe_source, "the dashboard")

    # The overdue tile lists only what is late.
    with page.expect_navigation():
        page.locator(".tile.is-overdue a").click()
    assert page.locator("table.records tbody tr").count() == overdue
    assert page.locator("table.records tbody tr .badge.late").count() == overdue

    # Filter on a ministry with the form, by label, as a keyboard user would.
    page.get_by_label("Ministerie", exact=True).select_option(label="Defensie")
    with page.expect_navigation():
        page.get_by_role("button", name="Toepassen").click()
    assert "ministry=" in page.url
    wheres = page.locator("table.records tbody td.text .where").all_inner_texts()
    assert wheres and all(text.startswith("Defensie") for text in wheres)
    assert_accessible(page, axe_source, "the filtered dashboard")

    # Search.
    page.get_by_role("link", name="Alle filters wissen").click()
    page.get_by_role("searchbox", name="Zoeken").fill("stikstofaanpak")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=stikstofaanpak**")
    texts = page.locator("table.records tbody td.text").all_inner_texts()
    assert texts and all("stikstofaanpak" in text for text in texts)


def test_the_dashboard_reflows_on_a_phone_and_starts_with_a_skip_link(browser, live_server, morning, axe_source):
    page = logged_in_page(browser, live_server, morning["clerk"], width=390, height=844)
    page.goto(f"{live_server.url}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Direct naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"
    # WCAG 1.4.10 reflow: nothing on our part of the page is wider than the phone (count tables scroll
    # inside their own region, which WCAG allows for data tables).
    too_wide = page.evaluate("""() => Array.from(document.querySelectorAll('main *'))
        .filter(e => !e.closest('.visually-hidden, .records thead, .table-scroll > *'))
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.tagName + '.' + e.className)""")
    assert too_wide == []
    screenshot(page, "dashboard-phone")
    assert_accessible(page, axe_source, "the dashboard on a phone")


def test_a_clerk_records_delivery(browser, live_server, morning, axe_source):
    commitment: Commitment = morning["first"]
    page = logged_in_page(browser, live_server, morning["clerk"])
    page.goto(f"{live_server.url}{reverse('commitment-followup', args=[commitment.pk])}")
    assert page.get_by_role("heading", name="Termijn door de tijd").is_visible()
    assert page.get_by_text("120 dagen later").is_visible()
    screenshot(page, "followup")
    assert_accessible(page, axe_source, "the follow-up page")

    # Submitting without a document shows what is missing, accessibly.
    page.get_by_label("Datum van het document").fill(timezone.localdate().isoformat())
    with page.expect_navigation():
        page.get_by_role("button", name="Nakoming opslaan").click()
    assert page.get_by_text("Koppel het document waarmee is nagekomen").is_visible()
    assert_accessible(page, axe_source, "the follow-up page with errors")

    page.get_by_label("Datum van het document").fill(timezone.localdate().isoformat())
    page.get_by_label("Kamerstuknummer").fill("Kamerstukken II 2025/26, 36800 V, nr. 88")
    with page.expect_navigation():
        page.get_by_role("button", name="Nakoming opslaan").click()
    assert page.get_by_text("Nakoming vastgelegd: Voldaan.").is_visible()
    commitment.refresh_from_db()
    assert (commitment.status, commitment.delivered_on_time) == ("delivered", False)


def test_slipped_list_and_rappel_pages(browser, live_server, morning, axe_source):
    clerk = morning["clerk"]
    page = logged_in_page(browser, live_server, clerk)
    page.goto(f"{live_server.url}{reverse('followup-slipped')}")
    assert page.get_by_text("120 dagen").is_visible()
    assert_accessible(page, axe_source, "the slipped list")

    page.goto(f"{live_server.url}{reverse('rappel-list')}")
    page.get_by_label("Titel").fill("Rappel voorjaar")
    page.get_by_label("Peildatum").fill(timezone.localdate().isoformat())
    assert_accessible(page, axe_source, "the rappel list")
    with page.expect_navigation():
        page.get_by_role("button", name="Rappel aanmaken").click()
    assert page.get_by_role("heading", name="Rappel voorjaar").is_visible()
    screenshot(page, "rappel")
    assert_accessible(page, axe_source, "a rappel")

    # The ministry answers through its secret link, without logging in.
    defensie = Ministry.objects.get(name="Defensie")
    rappel = RappelItem.objects.filter(ministry=defensie, category="overdue").first().rappel
    token = rappel_issue_link(rappel=rappel, ministry=defensie, user=clerk)
    ministry_page = browser.new_context(locale="nl-NL").new_page()
    ministry_page.goto(f"{live_server.url}{reverse('rappel-answer', args=[token])}")
    item = ministry_page.locator("article.rappel-item").first
    item.locator("summary").click()
    expected = timezone.localdate() + dt.timedelta(days=90)
    item.get_by_label("Nieuwe verwachte datum").fill(expected.isoformat())
    item.get_by_label("Toelichting").fill("Afhankelijk van de Voorjaarsnota.")
    assert_accessible(ministry_page, axe_source, "the ministry's answer page")
    with ministry_page.expect_navigation():
        item.get_by_role("button", name="Antwoord versturen").click()
    assert ministry_page.get_by_text("uw antwoord is opgeslagen").is_visible()
    screenshot(ministry_page, "rappel-answer")
    assert Commitment.objects.filter(ministry=defensie, due_date=expected).count() == 1


def test_rappel_printable_page_is_accessible(browser, live_server, morning, axe_source):
    rappel = rappel_create(title="Rappel najaar", reference_date=timezone.localdate(), user=morning["clerk"])
    ministry = RappelItem.objects.filter(rappel=rappel).first().ministry
    page = logged_in_page(browser, live_server, morning["clerk"])
    page.goto(f"{live_server.url}{reverse('rappel-ministry', args=[rappel.pk, ministry.pk])}")
    assert page.get_by_role("heading", name="Termijn verstreken").count() == 1
    assert_accessible(page, axe_source, "the printable rappel")
