"""Every page fits a phone (390 px): no page scrolls sideways, the header is whole, tables
scroll inside their own box — in Chromium, with axe-core (WCAG 2.1 A/AA) on each page."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.browser import assert_accessible, logged_in_page
from tests.factories import MotionCitationFactory, MotionFactory, UserFactory
from tests.followup.morning import build_morning
from tracker.alerts.models import Frequency
from tracker.alerts.subscriptions import unsubscribe_token
from tracker.followup.rappel import rappel_create, rappel_issue_link
from tracker.models import Commitment, Document, RappelItem

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}

# Elements that may be wider than the screen because they sit in a box that scrolls sideways.
WIDER_THAN_SCREEN = """() => {
  const wide = [];
  for (const e of document.querySelectorAll('body *')) {
    if (e.closest('.visually-hidden, .table-scroll, .skip-link')) continue;
    const box = e.getBoundingClientRect();
    if (box.width && (box.right > window.innerWidth + 1 || box.left < -1)) wide.push(e.tagName + '.' + e.className);
  }
  return {page: document.documentElement.scrollWidth, wide: wide.slice(0, 8)};
}"""


@pytest.fixture
def pages(transactional_db) -> dict[str, Any]:
    build_morning()
    admin = get_user_model().objects.create_superuser("beheer", "beheer@example.org", "x")
    commitment = Commitment.objects.alive().filter(due_date__isnull=False).order_by("pk").first()
    motion = MotionFactory()
    MotionCitationFactory(document=commitment.document, motion=motion, commitment=commitment)
    rappel = rappel_create(title="Rappel voorjaar", reference_date=commitment.due_date, user=admin)
    item = RappelItem.objects.filter(rappel=rappel).select_related("ministry").first()
    token = rappel_issue_link(rappel=rappel, ministry=item.ministry, user=admin)
    document = commitment.document
    Document.objects.filter(pk=document.pk).update(page_count=3)
    return {
        "admin": admin,
        "urls": [
            reverse("home"), reverse("commitment-detail", args=[commitment.pk]),
            reverse("commitment-followup", args=[commitment.pk]), reverse("followup-slipped"),
            reverse("rappel-list"), reverse("rappel-detail", args=[rappel.pk]),
            reverse("rappel-ministry", args=[rappel.pk, item.ministry.pk]),
            reverse("review-queue"), reverse("review-stats"), reverse("review-correct", args=[commitment.pk]),
            reverse("review-reject", args=[commitment.pk]), reverse("review-merge", args=[commitment.pk]),
            reverse("review-split", args=[commitment.pk]), reverse("review-add", args=[document.pk]),
            reverse("document-list"), reverse("document-upload"), reverse("document-detail", args=[document.pk]),
            reverse("motion-list"), reverse("motion-detail", args=[motion.key]), reverse("motion-unresolved"),
            reverse("motion-suggestions"), reverse("alert-settings"), reverse("accessibility"),
        ],
        "public": [
            reverse("login"), reverse("rappel-answer", args=[token]),
            reverse("alert-unsubscribe", args=[unsubscribe_token(user_id=admin.pk, frequency=Frequency.WEEKLY)]),
        ],
    }


def check(page: Any, url: str, axe_source: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    measured = page.evaluate(WIDER_THAN_SCREEN)
    assert measured["page"] <= PHONE["width"] and not measured["wide"], f"{url} on a phone: {measured}"
    assert_accessible(page, axe_source, f"{url} at 390 px")


def test_every_signed_in_page_fits_a_phone(browser, live_server, pages, axe_source):
    page = logged_in_page(browser, live_server, pages["admin"], **PHONE)
    failures = []
    for url in pages["urls"]:
        try:
            check(page, live_server.url + url, axe_source)
        except AssertionError as error:
            failures.append(str(error))
    assert not failures, "\n\n".join(failures)


def test_every_public_page_fits_a_phone(browser, live_server, pages, axe_source):
    context = browser.new_context(locale="nl-NL", viewport=PHONE)
    page = context.new_page()
    failures = []
    for url in pages["public"]:
        try:
            check(page, live_server.url + url, axe_source)
        except AssertionError as error:
            failures.append(str(error))
    assert not failures, "\n\n".join(failures)


def test_a_clerk_sees_the_same_pages_on_a_phone(browser, live_server, pages, axe_source):
    clerk = UserFactory(username="carla", role="griffier")
    page = logged_in_page(browser, live_server, clerk, **PHONE)
    check(page, live_server.url + reverse("home"), axe_source)
