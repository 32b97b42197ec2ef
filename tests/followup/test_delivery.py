import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.factories import CommitmentFactory, DeadlineRevisionFactory, DocumentFactory
from tracker.followup.delivery import (
    commitment_record_delivery,
    commitment_set_status,
)
from tracker.followup.overdue import flag_overdue
from tracker.locking import StaleRecordError
from tracker.models import Commitment, ReviewEvent

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def overdue_commitment(**kwargs: object) -> Commitment:
    commitment = CommitmentFactory(due_date=days(-10), window_start=None, **kwargs)
    flag_overdue(today=TODAY)
    commitment.refresh_from_db()
    assert commitment.overdue_since == TODAY
    return commitment


def test_recording_delivery_with_a_kamerstuk_closes_it_and_keeps_it_was_late(clerk):
    commitment = overdue_commitment()

    result = commitment_record_delivery(
        commitment=commitment, user=clerk, status=Commitment.Status.DELIVERED, fulfilled_on=days(-1),
        kamerstuk="Kamerstukken II 2025/26,  36800 V, nr. 12", expected_version=commitment.version,
    )

    assert result.status == Commitment.Status.DELIVERED
    assert result.get_status_display() == "Voldaan"
    assert result.fulfilled_kamerstuk == "Kamerstukken II 2025/26, 36800 V, nr. 12"
    assert result.delivered_on_time is False
    assert result.overdue_since is None and result.version == commitment.version + 1
    event = ReviewEvent.objects.get(commitment=commitment)
    assert event.action == "deliver" and event.user == clerk
    assert event.changes["status"] == ["open", "delivered"]
    assert event.changes["fulfilled_on"] == [None, days(-1).isoformat()]
    assert event.changes["delivered_on_time"] == [None, False]


def test_delivery_on_or_before_the_due_date_is_on_time_with_an_uploaded_document(clerk):
    commitment = CommitmentFactory(due_date=days(5), window_start=None)
    letter = DocumentFactory(title="Kamerbrief voortgang")
    result = commitment_record_delivery(
        commitment=commitment, user=clerk, status=Commitment.Status.DELIVERED, fulfilled_on=TODAY, document=letter,
        expected_version=commitment.version,
    )
    assert result.delivered_on_time is True and result.fulfilled_by == letter
    # a later deadline change does not rewrite whether it was on time
    Commitment.objects.filter(pk=commitment.pk).update(due_date=days(-100))
    result.refresh_from_db()
    assert result.delivered_on_time is True


def test_partial_delivery_keeps_it_outstanding_and_needs_a_note(clerk):
    commitment = overdue_commitment()
    with pytest.raises(ValidationError) as error:
        commitment_record_delivery(commitment=commitment, user=clerk, status=Commitment.Status.PARTLY_DELIVERED,
                                   fulfilled_on=TODAY, kamerstuk="36800 V nr. 3", expected_version=commitment.version)
    assert "note" in error.value.message_dict

    result = commitment_record_delivery(
        commitment=commitment, user=clerk, status=Commitment.Status.PARTLY_DELIVERED, fulfilled_on=TODAY,
        kamerstuk="36800 V nr. 3", note="Deel 2, de evaluatie, volgt in het voorjaar.",
        expected_version=commitment.version,
    )
    assert result.get_status_display() == "Deels voldaan"
    assert result.overdue_since == TODAY  # still late for the part that is missing
    assert result.delivered_on_time is None
    assert flag_overdue(today=TODAY).no_longer_overdue == 0


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"kamerstuk": ""}, "kamerstuk"),
    ({"fulfilled_on": TODAY + dt.timedelta(days=1)}, "fulfilled_on"),
    ({"status": Commitment.Status.WITHDRAWN}, "status"),
])
def test_delivery_needs_a_document_a_past_date_and_a_delivery_status(clerk, kwargs, field):
    commitment = CommitmentFactory()
    values = {"status": Commitment.Status.DELIVERED, "fulfilled_on": TODAY, "kamerstuk": "36800 V nr. 3", **kwargs}
    with pytest.raises(ValidationError) as error:
        commitment_record_delivery(commitment=commitment, user=clerk, expected_version=commitment.version, **values)
    assert field in error.value.message_dict
    assert not ReviewEvent.objects.exists()


def test_a_stale_version_writes_nothing_and_says_who_saved_first(clerk, reviewer):
    commitment = CommitmentFactory()
    commitment_record_delivery(commitment=commitment, user=reviewer, status=Commitment.Status.DELIVERED,
                               fulfilled_on=TODAY, kamerstuk="36800 V nr. 3", expected_version=commitment.version)
    with pytest.raises(StaleRecordError) as error:
        commitment_record_delivery(commitment=commitment, user=clerk, status=Commitment.Status.DELIVERED,
                                   fulfilled_on=days(-3), kamerstuk="36800 V nr. 4", expected_version=commitment.version)
    assert "rob" in error.value.message
    commitment.refresh_from_db()
    assert commitment.fulfilled_kamerstuk == "36800 V nr. 3"
    assert ReviewEvent.objects.count() == 1


def test_rejected_records_cannot_be_delivered(clerk):
    commitment = CommitmentFactory(review_state=Commitment.ReviewState.REJECTED)
    with pytest.raises(ValidationError):
        commitment_record_delivery(commitment=commitment, user=clerk, status=Commitment.Status.DELIVERED,
                                   fulfilled_on=TODAY, kamerstuk="x", expected_version=commitment.version)


def test_withdrawn_and_closed_stop_counting_and_reopening_makes_it_overdue_at_once(clerk):
    commitment = overdue_commitment()
    closed = commitment_set_status(commitment=commitment, user=clerk, status=Commitment.Status.CLOSED,
                                   note="Commissie: afgedaan in procedurevergadering.", expected_version=1)
    assert closed.get_status_display() == "Afgedaan" and closed.overdue_since is None
    assert ReviewEvent.objects.get().changes["status"] == ["open", "closed"]

    reopened = commitment_set_status(commitment=commitment, user=clerk, status=Commitment.Status.OPEN,
                                     note="Toch niet afgedaan.", expected_version=closed.version)
    assert reopened.status == Commitment.Status.OPEN
    assert reopened.overdue_since == TODAY  # no waiting for the hourly job
    assert flag_overdue(today=TODAY).became_overdue == 0

    with pytest.raises(ValidationError) as error:
        commitment_set_status(commitment=commitment, user=clerk, status=Commitment.Status.WITHDRAWN, note="",
                              expected_version=reopened.version)
    assert "note" in error.value.message_dict


# --- the web form ----------------------------------------------------------------------


def test_a_clerk_records_delivery_from_the_followup_page(clerk_client):
    commitment = overdue_commitment()
    DeadlineRevisionFactory(commitment=commitment, old_due=days(-40), new_due=days(-10))
    page = clerk_client.get(reverse("commitment-followup", args=[commitment.pk]))
    html = page.content.decode()
    assert "Nakoming vastleggen" in html and "Termijn door de tijd" in html and "30 dagen later" in html

    response = clerk_client.post(reverse("commitment-followup", args=[commitment.pk]), {
        "status": "delivered", "fulfilled_on": TODAY.isoformat(), "kamerstuk": "36800 V nr. 99", "note": "",
        "expected_version": commitment.version, "next": reverse("home"),
    })

    assert response.status_code == 302 and response["Location"] == reverse("home")
    commitment.refresh_from_db()
    assert commitment.status == "delivered" and commitment.fulfilled_kamerstuk == "36800 V nr. 99"


def test_the_form_shows_what_is_missing(clerk_client):
    commitment = CommitmentFactory()
    response = clerk_client.post(reverse("commitment-followup", args=[commitment.pk]), {
        "status": "partly_delivered", "fulfilled_on": TODAY.isoformat(), "kamerstuk": "", "note": "",
        "expected_version": commitment.version,
    })
    assert response.status_code == 400
    html = response.content.decode()
    assert "Koppel het document" in html and "wat er nog moet komen" in html
    assert 'aria-invalid="true"' in html


def test_a_stale_form_comes_back_with_a_message(clerk_client):
    commitment = CommitmentFactory()
    response = clerk_client.post(reverse("commitment-followup", args=[commitment.pk]), {
        "status": "delivered", "fulfilled_on": TODAY.isoformat(), "kamerstuk": "x", "expected_version": 99,
    }, follow=True)
    assert "intussen gewijzigd" in response.content.decode()


def test_a_reader_without_change_permission_cannot_record(client, db):
    from tests.factories import UserFactory

    reader = UserFactory(username="lezer")
    client.force_login(reader)
    commitment = CommitmentFactory()
    url = reverse("commitment-followup", args=[commitment.pk])
    assert "Nakoming vastleggen" not in client.get(url).content.decode()
    assert client.post(url, {"status": "delivered"}).status_code == 403
    assert client.post(reverse("commitment-status", args=[commitment.pk]), {}).status_code == 403


def test_the_status_form_closes_a_record(clerk_client):
    commitment = CommitmentFactory()
    response = clerk_client.post(reverse("commitment-status", args=[commitment.pk]), {
        "status": "withdrawn", "note": "Beleid gewijzigd.", "expected_version": commitment.version,
    })
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.get_status_display() == "Vervallen"


def test_the_record_page_carries_the_delivery_form_and_comes_back_after_saving(clerk_client):
    commitment = CommitmentFactory()
    record = reverse("commitment-detail", args=[commitment.pk])
    html = clerk_client.get(record).content.decode()
    assert f'action="{reverse("commitment-followup", args=[commitment.pk])}"' in html
    assert f'name="next" value="{record}"' in html
    response = clerk_client.post(reverse("commitment-followup", args=[commitment.pk]), {
        "status": "delivered", "fulfilled_on": TODAY.isoformat(), "kamerstuk": "36800 V nr. 5",
        "expected_version": commitment.version, "next": record,
    })
    assert response["Location"] == record


def test_the_followup_page_refuses_to_send_clerks_to_other_sites(clerk_client):
    commitment = CommitmentFactory()
    response = clerk_client.post(reverse("commitment-followup", args=[commitment.pk]), {
        "status": "delivered", "fulfilled_on": TODAY.isoformat(), "kamerstuk": "36800 V nr. 5",
        "expected_version": commitment.version, "next": "https://evil.example/",
    })
    assert response["Location"] == reverse("commitment-followup", args=[commitment.pk])
