import datetime as dt
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from tests.factories import CommitmentFactory, DocumentFactory, MinistryFactory
from tracker.followup.dashboard import ALL_VIEW, Filters
from tracker.followup.history import slipped_rows
from tracker.followup.rappel import (
    add_months,
    hash_token,
    rappel_answer,
    rappel_create,
    rappel_issue_link,
)
from tracker.models import Commitment, DeadlineRevision, RappelItem, RappelToken

pytestmark = pytest.mark.django_db
REFERENCE = dt.date(2026, 7, 1)


def commitment(text: str, due: dt.date | None, ministry: str = "Buitenlandse Zaken", **kwargs: object) -> Commitment:
    document = DocumentFactory(ministry=MinistryFactory(name=ministry, abbreviation=ministry[:2].upper()))
    extra = {"precision": "vague"} if due is None else {}
    return CommitmentFactory(document=document, text=text, due_date=due, window_start=None, **extra, **kwargs)


@pytest.fixture
def rappel(clerk):
    commitment("Verstreken", dt.date(2026, 3, 1))
    commitment("Verloopt", dt.date(2026, 12, 31))
    commitment("Te ver weg", dt.date(2027, 1, 2))
    commitment("Geen datum", None)
    commitment("Al voldaan", dt.date(2026, 3, 1), status=Commitment.Status.DELIVERED)
    commitment("Deels voldaan", dt.date(2026, 5, 1), status=Commitment.Status.PARTLY_DELIVERED)
    commitment("Afgewezen", dt.date(2026, 3, 1), review_state=Commitment.ReviewState.REJECTED)
    commitment("Defensie verstreken", dt.date(2026, 2, 1), ministry="Defensie")
    return rappel_create(title="Rappel najaar 2026", reference_date=REFERENCE, user=clerk,
                         answer_by=timezone.localdate() + dt.timedelta(days=14))


def test_a_rappel_holds_per_ministry_what_is_overdue_and_what_expires_in_six_months(rappel):
    assert rappel.horizon == dt.date(2027, 1, 1)
    items = {(i.commitment.text, i.ministry.name, i.category) for i in RappelItem.objects.select_related(
        "commitment", "ministry")}
    assert items == {
        ("Verstreken", "Buitenlandse Zaken", "overdue"),
        ("Deels voldaan", "Buitenlandse Zaken", "overdue"),
        ("Verloopt", "Buitenlandse Zaken", "expiring"),
        ("Defensie verstreken", "Defensie", "overdue"),
    }


def test_creating_a_rappel_is_one_insert_whatever_the_number_of_records(clerk):
    def statements(n: int) -> int:
        for k in range(n):
            commitment(f"r{k}", dt.date(2026, 3, 1) + dt.timedelta(days=k))
        with CaptureQueriesContext(connection) as captured:
            rappel_create(title="x", reference_date=REFERENCE, user=clerk)
        return len(captured)

    assert statements(2) == statements(20)


def test_add_months_keeps_the_end_of_the_month():
    assert add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)


def test_the_secret_link_is_stored_hashed_and_a_new_one_revokes_the_old(rappel, clerk):
    ministry = RappelItem.objects.first().ministry
    first = rappel_issue_link(rappel=rappel, ministry=ministry, user=clerk)
    assert len(first) >= 40
    assert not RappelToken.objects.filter(token_hash=first).exists()
    assert RappelToken.objects.filter(token_hash=hash_token(first)).exists()
    second = rappel_issue_link(rappel=rappel, ministry=ministry, user=clerk)
    assert RappelToken.objects.filter(revoked_at__isnull=True).count() == 1
    assert RappelToken.objects.get(token_hash=hash_token(first)).revoked_at is not None
    assert second != first


def test_a_prognosis_moves_the_deadline_and_shows_in_history_and_slipped_list(rappel):
    item = RappelItem.objects.get(commitment__text="Verstreken")
    answer = rappel_answer(rappel=rappel, ministry=item.ministry, item_id=item.pk, kind="prognosis",
                           expected_on=dt.date(2026, 10, 1), reason="Wacht op advies Raad van State.",
                           today=REFERENCE)
    record = Commitment.objects.get(pk=item.commitment_id)
    assert record.due_date == dt.date(2026, 10, 1) and record.precision == "day" and record.version == 2
    assert record.overdue_since is None
    revision = answer.revision
    assert revision.source == DeadlineRevision.Source.PROGNOSIS
    assert (revision.old_due, revision.new_due, revision.slip_days) == (dt.date(2026, 3, 1), dt.date(2026, 10, 1), 214)
    assert revision.reason == "Wacht op advies Raad van State."
    slipped = list(slipped_rows(Filters(status=ALL_VIEW)))
    assert [(r.text, r.slip.days) for r in slipped] == [("Verstreken", 214)]


def test_a_correction_changes_nothing_but_is_kept(rappel):
    item = RappelItem.objects.get(commitment__text="Verstreken")
    answer = rappel_answer(rappel=rappel, ministry=item.ministry, item_id=item.pk, kind="correction",
                           kamerstuk="36800 V nr. 40", reason="Al nagekomen met de brief van 3 juni.", today=REFERENCE)
    assert answer.revision is None and answer.kamerstuk == "36800 V nr. 40"
    assert Commitment.objects.get(pk=item.commitment_id).due_date == dt.date(2026, 3, 1)


def test_a_ministry_can_only_answer_its_own_items_with_a_future_date(rappel):
    ours = RappelItem.objects.get(commitment__text="Verstreken")
    theirs = RappelItem.objects.get(commitment__text="Defensie verstreken")
    with pytest.raises(ValidationError):
        rappel_answer(rappel=rappel, ministry=ours.ministry, item_id=theirs.pk, kind="correction", reason="x")
    with pytest.raises(ValidationError) as error:
        rappel_answer(rappel=rappel, ministry=ours.ministry, item_id=ours.pk, kind="prognosis",
                      expected_on=dt.date(2026, 1, 1), reason="x", today=REFERENCE)
    assert "expected_on" in error.value.message_dict


# --- pages ---------------------------------------------------------------------------


def test_a_clerk_creates_a_rappel_and_makes_a_link(clerk_client):
    commitment("Verstreken", timezone.localdate() - dt.timedelta(days=30))
    response = clerk_client.post(reverse("rappel-list"), {
        "title": "Rappel voorjaar", "reference_date": timezone.localdate().isoformat(), "answer_by": "",
    })
    assert response.status_code == 302
    detail = clerk_client.get(response["Location"]).content.decode()
    assert "Buitenlandse Zaken" in detail and "0 / 1" in detail
    ministry = RappelItem.objects.get().ministry
    rappel = RappelItem.objects.get().rappel
    link_page = clerk_client.post(reverse("rappel-link", args=[rappel.pk, ministry.pk]))
    assert link_page["Cache-Control"] == "no-store"
    url = re.search(r'value="(http[^"]+/rappel/antwoord/[^"]+/)"', link_page.content.decode()).group(1)
    assert url.startswith("http://testserver/rappel/antwoord/")


def test_the_ministry_answers_through_the_secret_link_without_logging_in(client, rappel, clerk):
    item = RappelItem.objects.get(commitment__text="Verstreken")
    token = rappel_issue_link(rappel=rappel, ministry=item.ministry, user=clerk)
    url = reverse("rappel-answer", args=[token])

    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200 and page["Referrer-Policy"] == "same-origin"
    assert "Verstreken" in html and "Verloopt" in html and "Defensie verstreken" not in html

    expected = timezone.localdate() + dt.timedelta(days=60)
    response = client.post(url, {"item": item.pk, "kind": "prognosis", "expected_on": expected.isoformat(),
                                 "reason": "Na de zomer.", "kamerstuk": ""})
    assert response.status_code == 302
    assert Commitment.objects.get(pk=item.commitment_id).due_date == expected
    assert "Na de zomer." in client.get(url).content.decode()

    bad = client.post(url, {"item": item.pk, "kind": "prognosis", "expected_on": "", "reason": "x"})
    assert bad.status_code == 400 and "nieuwe verwachte datum" in bad.content.decode()


def test_unknown_or_revoked_links_do_not_work(client, rappel, clerk):
    assert client.get(reverse("rappel-answer", args=["nonsense"])).status_code == 404
    ministry = RappelItem.objects.first().ministry
    old = rappel_issue_link(rappel=rappel, ministry=ministry, user=clerk)
    rappel_issue_link(rappel=rappel, ministry=ministry, user=clerk)
    assert client.get(reverse("rappel-answer", args=[old])).status_code == 404


def test_printable_page_and_pdf(clerk_client, rappel):
    ministry = RappelItem.objects.get(commitment__text="Verstreken").ministry
    html = clerk_client.get(reverse("rappel-ministry", args=[rappel.pk, ministry.pk])).content.decode()
    assert "Termijn verstreken (2)" in html and "Verloopt binnen zes maanden (1)" in html
    assert "@media print" not in html  # the print rules live in the stylesheet

    response = clerk_client.get(reverse("rappel-ministry-pdf", args=[rappel.pk, ministry.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Rappel najaar 2026" in text and "Buitenlandse Zaken" in text
    assert "Verstreken" in text and "Verloopt" in text and "Defensie verstreken" not in text


def test_rappel_pages_need_a_login(client, rappel):
    assert client.get(reverse("rappel-detail", args=[rappel.pk])).status_code == 302


def test_clerks_go_from_an_answer_to_the_record_but_ministries_do_not_see_that_link(clerk_client, client, rappel,
                                                                                    clerk):
    item = RappelItem.objects.get(commitment__text="Verstreken")
    followup = reverse("commitment-followup", args=[item.commitment_id])
    assert followup in clerk_client.get(reverse("rappel-ministry", args=[rappel.pk, item.ministry_id])).content.decode()
    token = rappel_issue_link(rappel=rappel, ministry=item.ministry, user=clerk)
    assert followup not in client.get(reverse("rappel-answer", args=[token])).content.decode()


def test_the_rappel_says_which_records_miss_a_ministry_and_the_clerk_assigns_one_there(clerk_client, clerk):
    nameless = CommitmentFactory(document=DocumentFactory(ministry=None), ministry=None, text="Zonder ministerie",
                                 due_date=dt.date(2026, 4, 1), window_start=None)
    CommitmentFactory(document=DocumentFactory(ministry=None), ministry=None, text="Ook zonder, later",
                      due_date=dt.date(2026, 9, 1), window_start=None)
    defence = MinistryFactory(name="Defensie", abbreviation="DEF")
    rappel = rappel_create(title="Rappel najaar 2026", reference_date=REFERENCE, user=clerk)
    assert not RappelItem.objects.filter(commitment=nameless).exists()

    page = clerk_client.get(reverse("rappel-detail", args=[rappel.pk])).content.decode()
    assert "2 toezeggingen ontbreken in deze rappel" in page
    assert "1 ervan is al te laat" in page and "ministerie niet bekend" in page

    response = clerk_client.post(reverse("rappel-assign-ministry", args=[rappel.pk]), {
        "commitment": nameless.pk, "expected_version": nameless.version, "ministry": defence.pk})
    assert response.status_code == 302
    item = RappelItem.objects.get(commitment=nameless)
    assert (item.ministry, item.category) == (defence, RappelItem.Category.OVERDUE)
    page = clerk_client.get(reverse("rappel-detail", args=[rappel.pk])).content.decode()
    assert "1 toezegging ontbreekt in deze rappel" in page


def test_an_unreviewed_record_is_marked_as_such_in_the_rappel_page_and_pdf(clerk_client, clerk):
    commitment("Gevonden maar niet bekeken", dt.date(2026, 3, 1))
    commitment("Bevestigd door beoordelaar", dt.date(2026, 3, 2), review_state=Commitment.ReviewState.CONFIRMED)
    rappel = rappel_create(title="Rappel najaar 2026", reference_date=REFERENCE, user=clerk)
    ministry = RappelItem.objects.filter(rappel=rappel).first().ministry
    page = clerk_client.get(reverse("rappel-ministry", args=[rappel.pk, ministry.pk])).content.decode()
    assert re.search(r"Niet beoordeeld</strong>\s*Gevonden maar niet bekeken", page)
    assert not re.search(r"Niet beoordeeld</strong>\s*Bevestigd", page)

    pdf = clerk_client.get(reverse("rappel-ministry-pdf", args=[rappel.pk, ministry.pk]))
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Niet beoordeeld: Gevonden maar niet bekeken" in text
    assert "Niet beoordeeld: Bevestigd" not in text
    assert "nog niet door de griffie gecontroleerd" in text


def test_a_secret_link_stops_a_month_after_the_answer_date_and_with_its_maker(client, rappel, clerk):
    from tracker.followup.rappel import rappel_token_lookup

    item = RappelItem.objects.get(commitment__text="Verstreken")
    token = rappel_issue_link(rappel=rappel, ministry=item.ministry, user=clerk)
    last_day = add_months(rappel.answer_by, 1)
    assert rappel_token_lookup(token, today=last_day) is not None
    assert rappel_token_lookup(token, today=last_day + dt.timedelta(days=1)) is None

    url = reverse("rappel-answer", args=[token])
    assert client.get(url).status_code == 200
    clerk.is_active = False
    clerk.save(update_fields=["is_active"])
    assert client.get(url).status_code == 404
