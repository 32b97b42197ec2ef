"""A reviewer in a real Chromium, against a live server: through the queue with
the keyboard and mouse, and an axe-core check (WCAG 2.1 A/AA) of every review page.

Chromium, axe-core and the helpers come from tests/browser.py; axe-core is the npm
package in tests/review/axe (``npm ci --prefix tests/review/axe``), never a CDN.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests.browser import assert_accessible, logged_in_page
from tests.factories import CommitmentFactory, DocumentFactory, UserFactory
from tests.review.conftest import AnsweredDocument, build_answered_document, span
from tracker.models import Commitment, ReviewEvent
from tracker.review.services import commitment_correct

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LETTER = """Den Haag, 2 maart 2026

Geachte voorzitter,

In de lijst van vragen over het jaarverslag 2025 heb ik toegezegd u te informeren over de handelsstrategie. Zoals toegezegd ontvangt uw Kamer uiterlijk 1 juni een brief over de voortgang.

Nederland blijft zich inzetten voor open handel in Europa. De Raad Buitenlandse Zaken sprak hier op 20 februari over.

De minister van Buitenlandse Zaken
"""


@pytest.fixture
def desk(transactional_db) -> dict[str, object]:
    """A reviewer's morning: a Q&A list, a later letter repeating a promise, one non-promise."""
    answered = build_answered_document()
    later = DocumentFactory(title="Brief handelsbeleid 2026", reference_date=dt.date(2026, 3, 2), text=LETTER,
                            content=LETTER.encode())
    repeat_text = "Zoals toegezegd ontvangt uw Kamer uiterlijk 1 juni een brief over de voortgang."
    start, end = span(LETTER, repeat_text)
    repeat = CommitmentFactory(
        document=later, text=repeat_text, start=start, end=end, deliverables=["brief over de voortgang"],
        deadline_start=start + repeat_text.index("uiterlijk"), deadline_end=start + repeat_text.index(" een brief"),
        due_date=dt.date(2026, 6, 1), window_start=None, confidence=0.85,
    )
    policy_text = "Nederland blijft zich inzetten voor open handel in Europa."
    start, end = span(LETTER, policy_text)
    policy = CommitmentFactory(
        document=later, text=policy_text, start=start, end=end, deliverables=[], deadline_text="", due_date=None,
        window_start=None, precision="none", confidence=0.3, kind="actie",
    )
    return {"answered": answered, "repeat": repeat, "policy": policy,
            "reviewer": UserFactory(username="rob", role="beoordelaar")}


def test_a_reviewer_works_through_the_queue(browser, live_server, desk):
    answered: AnsweredDocument = desk["answered"]  # type: ignore[assignment]
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)

    # Log in through the real form and land on the queue.
    page.goto(f"{live_server.url}{reverse('review-queue')}")
    page.get_by_label("Gebruikersnaam").fill("rob")
    page.get_by_label("Wachtwoord").fill("wachtwoord-123")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"**{reverse('review-queue')}")
    assert page.get_by_text("Sneltoetsen:").is_visible()
    order = page.locator("article.record").evaluate_all("els => els.map(e => e.id)")
    assert order == [f"record-{desk['repeat'].pk}", f"record-{answered.letter.pk}",
                     f"record-{answered.evaluation.pk}", f"record-{desk['policy'].pk}"]

    # j, j: the second record; c confirms it and the page continues at the next one.
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == f"record-{answered.letter.pk}"
    page.keyboard.press("c")
    page.wait_for_url(f"**#record-{answered.evaluation.pk}")
    assert page.get_by_text(f"Toezegging #{answered.letter.pk} is bevestigd.").is_visible()
    assert page.evaluate("document.activeElement.id") == f"record-{answered.evaluation.pk}"
    assert Commitment.objects.get(pk=answered.letter.pk).review_state == "confirmed"

    # e corrects the current record: the evaluation comes a month earlier.
    page.keyboard.press("e")
    page.wait_for_url(f"**{reverse('review-correct', args=[answered.evaluation.pk])}**")
    page.get_by_label("Uiterste datum").fill("2026-11-30")
    page.get_by_label("Toelichting").fill("In het debat vervroegd naar november")
    with page.expect_navigation():
        page.get_by_role("button", name="Correctie opslaan").click()
    assert page.url.endswith(f"{reverse('review-queue')}#record-{desk['policy'].pk}")
    evaluation = Commitment.objects.get(pk=answered.evaluation.pk)
    assert (evaluation.due_date, evaluation.review_state) == (dt.date(2026, 11, 30), "corrected")
    assert evaluation.deadline_revisions.get().new_due == dt.date(2026, 11, 30)

    # r rejects the policy line: the form opens on the reason, the mouse submits it.
    page.locator(f"#record-{desk['policy'].pk}").focus()
    page.keyboard.press("r")
    assert page.evaluate("document.activeElement.name") == "reason"
    with page.expect_navigation():
        page.locator(f"#record-{desk['policy'].pk} .reject-form button[type=submit]").click()
    policy = Commitment.objects.get(pk=desk["policy"].pk)
    assert (policy.review_state, policy.reject_reason) == ("rejected", "not_commitment")

    # Merge: the later letter repeats the promise of the Q&A list.
    page.goto(f"{live_server.url}{reverse('commitment-detail', args=[answered.letter.pk])}")
    page.get_by_role("link", name="Samenvoegen met dubbele records").click()
    page.get_by_label(f"#{desk['repeat'].pk}", exact=False).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Samenvoegen").click()
    page.wait_for_url(f"**{reverse('commitment-detail', args=[answered.letter.pk])}")
    assert page.get_by_role("heading", name="Dezelfde toezegging elders").is_visible()
    repeat = Commitment.objects.get(pk=desk["repeat"].pk)
    assert repeat.duplicate_of_id == answered.letter.pk and repeat.deleted_at is not None

    # The queue is empty now, and every step is in the audit trail.
    page.goto(f"{live_server.url}{reverse('review-queue')}")
    assert page.get_by_text("Er wacht niets op beoordeling").is_visible()
    assert sorted(ReviewEvent.objects.values_list("action", flat=True)) == [
        "confirm", "correct", "merge", "merge", "reject"]
    context.close()


def test_shortcuts_can_be_switched_off(browser, live_server, desk):
    page = logged_in_page(browser, live_server, desk["reviewer"])
    page.goto(f"{live_server.url}{reverse('review-queue')}")
    page.get_by_label("Sneltoetsen aan").uncheck()
    page.keyboard.press("j")
    page.keyboard.press("c")
    page.wait_for_timeout(300)
    assert not ReviewEvent.objects.exists()
    assert page.locator("kbd.key").first.is_hidden()
    page.reload()
    assert not page.get_by_label("Sneltoetsen aan").is_checked()  # remembered


def test_typing_in_a_field_never_triggers_a_shortcut(browser, live_server, desk):
    page = logged_in_page(browser, live_server, desk["reviewer"])
    answered: AnsweredDocument = desk["answered"]  # type: ignore[assignment]
    page.goto(f"{live_server.url}{reverse('review-queue')}#record-{answered.letter.pk}")
    page.keyboard.press("r")
    page.locator(f"#reject-{answered.letter.pk}-note").fill("cijfers en e-mails")
    page.wait_for_timeout(200)
    assert not ReviewEvent.objects.exists()
    assert page.url.endswith(f"#record-{answered.letter.pk}")


def test_selecting_text_adds_the_missed_commitment_at_its_exact_place(browser, live_server, desk):
    answered: AnsweredDocument = desk["answered"]  # type: ignore[assignment]
    page = logged_in_page(browser, live_server, desk["reviewer"])
    page.goto(f"{live_server.url}{reverse('review-add', args=[answered.document.pk])}")
    page.evaluate(
        """(quote) => {
            const source = document.getElementById('source-text');
            const walker = document.createTreeWalker(source, NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode())) {
                const at = node.textContent.indexOf(quote);
                if (at >= 0) {
                    const range = document.createRange();
                    range.setStart(node, at);
                    range.setEnd(node, at + quote.length);
                    const selection = window.getSelection();
                    selection.removeAllRanges();
                    selection.addRange(range);
                    source.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
                    return;
                }
            }
            throw new Error('quote not found');
        }""",
        answered.missed,
    )
    start, end = span(answered.document.text, answered.missed)
    assert page.get_by_label("Citaat").input_value() == answered.missed
    assert (page.locator("#id_start").input_value(), page.locator("#id_end").input_value()) == (str(start), str(end))
    assert page.get_by_role("status").filter(has_text="Geselecteerd").is_visible()
    page.get_by_label("Termijn (zoals in de tekst)").fill("voor de zomer")
    with page.expect_navigation():
        page.get_by_role("button", name="Toezegging toevoegen").click()
    record = Commitment.objects.get(text=answered.missed)
    assert (record.start, record.end, record.due_date) == (start, end, dt.date(2026, 7, 3))


def test_review_pages_have_no_axe_violations(browser, live_server, desk, axe_source):
    answered: AnsweredDocument = desk["answered"]  # type: ignore[assignment]
    reviewer = desk["reviewer"]
    commitment_correct(commitment=answered.evaluation, user=reviewer, expected_version=1,
                       values={"due_date": dt.date(2026, 11, 30)}, note="vervroegd")
    page = logged_in_page(browser, live_server, reviewer)
    pages = {
        "the queue": reverse("review-queue"),
        "the record page": reverse("commitment-detail", args=[answered.evaluation.pk]),
        "the correction form": reverse("review-correct", args=[answered.letter.pk]),
        "the reject form": reverse("review-reject", args=[answered.letter.pk]),
        "the merge form": reverse("review-merge", args=[answered.letter.pk]),
        "the split form": reverse("review-split", args=[answered.letter.pk]),
        "the add form": reverse("review-add", args=[answered.document.pk]),
        "the quality figures": reverse("review-stats"),
    }
    for what, url in pages.items():
        page.goto(f"{live_server.url}{url}")
        assert_accessible(page, axe_source, what)

    # States a reviewer meets: an open reject form, a form with errors, a message after an action.
    page.goto(f"{live_server.url}{reverse('review-queue')}")
    page.locator("details.reject summary").first.click()
    assert_accessible(page, axe_source, "the queue with a reject form open")
    page.goto(f"{live_server.url}{reverse('review-correct', args=[answered.letter.pk])}")
    page.get_by_label("Uiterste datum").fill("2026-05-01")
    with page.expect_navigation():
        page.get_by_role("button", name="Correctie opslaan").click()
    assert page.get_by_role("alert").filter(has_text="Er is een probleem").is_visible()
    assert page.get_by_label("Uiterste datum").get_attribute("aria-invalid") == "true"
    assert_accessible(page, axe_source, "the correction form with errors")
    page.goto(f"{live_server.url}{reverse('review-queue')}")
    with page.expect_navigation():
        page.locator("form[data-action=confirm] button").first.click()
    assert_accessible(page, axe_source, "the queue after confirming")


def test_clerks_record_page_has_no_axe_violations(browser, live_server, desk, axe_source):
    clerk = UserFactory(username="carla", role="griffier")
    answered: AnsweredDocument = desk["answered"]  # type: ignore[assignment]
    page = logged_in_page(browser, live_server, clerk)
    page.goto(f"{live_server.url}{reverse('commitment-detail', args=[answered.letter.pk])}")
    assert page.get_by_role("heading", name="Nakoming").is_visible()
    assert page.get_by_role("button", name="Bevestigen").count() == 0
    assert_accessible(page, axe_source, "the record page for a clerk")


def test_j_on_the_last_card_goes_on_to_the_next_page(browser, live_server):
    reviewer = UserFactory(username="rob", role="beoordelaar")
    document = DocumentFactory(title="Lange lijst")
    for n in range(21):
        CommitmentFactory(document=document, text=f"Uw Kamer ontvangt uiterlijk 1 juni brief nummer {n + 1}.")
    page = logged_in_page(browser, live_server, reviewer)
    page.goto(f"{live_server.url}{reverse('review-queue')}")
    cards = page.locator("article.record")
    assert cards.count() == 20
    page.locator("body").focus()
    for _n in range(20):
        page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == cards.last.get_attribute("id")
    page.keyboard.press("j")
    page.wait_for_url("**pagina=2*")
    assert page.locator("article.record").count() == 1
    assert page.evaluate("document.activeElement.getAttribute('aria-current')") == "true"
