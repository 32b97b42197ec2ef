"""The motions pages in a real Chromium against a live server, checked with axe-core
(WCAG 2.1 A/AA): the register, a motion, and the reviewers' pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from tests.browser import assert_accessible, logged_in_page
from tests.factories import CommitmentFactory, UserFactory
from tests.motions.conftest import Register, build_register, cite

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def data(transactional_db) -> dict[str, Any]:
    register: Register = build_register()
    citation = cite(register.piri, dt.date(2026, 3, 2), stated="uitgevoerd", text="de motie Piri c.s. is uitgevoerd")
    citation.commitment = CommitmentFactory(document=citation.document, text="Uw Kamer ontvangt een brief.")
    citation.save()
    cite(None, dt.date(2026, 2, 1), stated="in uitvoering", text="de motie-Dobbe", members=["Dobbe"])
    return {
        "register": register,
        "clerk": UserFactory(username="carla", role="griffier"),
        "reviewer": UserFactory(username="rob", role="beoordelaar"),
    }


def test_a_clerk_filters_the_register_and_opens_a_motion(browser, live_server, data, axe_source):
    page = logged_in_page(browser, live_server, data["clerk"])
    page.goto(live_server.url + reverse("motion-list"))
    assert page.get_by_role("heading", level=1).inner_text() == "Moties"
    assert_accessible(page, axe_source, "the motions register")

    page.get_by_label("Fractie").select_option("SP")
    with page.expect_navigation():
        page.get_by_role("button", name="Filteren").click()
    assert page.locator("table tbody tr").count() == 1
    assert "kst-21501-02-3236" in page.locator("table tbody").inner_text()

    page.goto(live_server.url + reverse("motion-list") + "?zonder_opvolging=on")
    assert_accessible(page, axe_source, "adopted motions without follow-up")

    page.goto(live_server.url + reverse("motion-detail", args=["kst-36800-V-30"]))
    assert "Voor: 49 zetels" in page.locator("#stemming ~ p").first.inner_text()
    assert page.get_by_role("table", name="Stemmen per fractie").is_visible()
    assert_accessible(page, axe_source, "a motion")


def test_a_reviewer_confirms_a_stated_status_and_links_a_citation(browser, live_server, data, axe_source):
    page = logged_in_page(browser, live_server, data["reviewer"])
    page.goto(live_server.url + reverse("motion-detail", args=["kst-36800-V-30"]))
    assert_accessible(page, axe_source, "a motion with reviewer forms")

    page.goto(live_server.url + reverse("motion-suggestions"))
    assert_accessible(page, axe_source, "status suggestions")
    with page.expect_navigation():
        page.get_by_role("button", name="Bevestigen: uitgevoerd").click()
    assert "gewijzigd in “uitgevoerd”" in page.get_by_role("status").first.inner_text()

    page.goto(live_server.url + reverse("motion-unresolved"))
    assert_accessible(page, axe_source, "citations to link")
    with page.expect_navigation():
        page.get_by_role("button", name="Koppelen aan kst-21501-02-3236").click()
    assert "gekoppeld aan kst-21501-02-3236" in page.get_by_role("status").first.inner_text()
