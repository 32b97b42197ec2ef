"""Writes by systems with a read-write token: corrections, delivery, document upload."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CommitmentFactory, DocumentFactory
from tracker.followup.overdue import flag_overdue
from tracker.models import Commitment, DeadlineRevision, Document, ReviewEvent

LIST = "/api/v1/commitments/"


@pytest.mark.django_db
def test_a_correction_is_audited_field_by_field_as_the_web_interface_does(writer, write_token):
    commitment = CommitmentFactory()
    response = writer.patch(
        f"{LIST}{commitment.pk}/",
        {"version": 1, "actor": "staatssecretaris van Buitenlandse Zaken", "deliverables": ["voortgangsbrief"],
         "note": "naam bewindspersoon"},
        format="json",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["actor"] == "staatssecretaris van Buitenlandse Zaken"
    assert body["version"] == 2 and body["review_state"] == "corrected"
    event = ReviewEvent.objects.get(commitment=commitment)
    assert event.action == "correct" and event.user == write_token.token.user
    assert event.changes["actor"] == ["minister van Buitenlandse Zaken", "staatssecretaris van Buitenlandse Zaken"]
    assert event.changes["deliverables"] == [["brief over de voortgang"], ["voortgangsbrief"]]
    assert event.note == "naam bewindspersoon"
    assert not DeadlineRevision.objects.exists()


@pytest.mark.django_db
def test_a_new_deadline_is_recorded_as_a_deadline_revision(writer):
    commitment = CommitmentFactory(due_date=dt.date(2026, 6, 1), window_start=dt.date(2026, 6, 1))
    response = writer.patch(
        f"{LIST}{commitment.pk}/",
        {"version": 1, "deadline_text": "uiterlijk 1 september", "due_date": "2026-09-01",
         "window_start": "2026-09-01", "precision": "day", "note": "prognose ministerie"},
        format="json",
    )
    assert response.status_code == 200, response.content
    revision = DeadlineRevision.objects.get(commitment=commitment)
    assert (revision.old_due, revision.new_due) == (dt.date(2026, 6, 1), dt.date(2026, 9, 1))
    assert revision.source == "reviewer" and revision.reason == "prognose ministerie"
    assert ReviewEvent.objects.get(commitment=commitment).changes["due_date"] == ["2026-06-01", "2026-09-01"]
    revisions = writer.get("/api/v1/deadline-revisions/", {"commitment": commitment.pk}).json()["results"]
    assert [row["slip_days"] for row in revisions] == [92]


@pytest.mark.django_db
def test_a_stale_version_is_a_409_and_writes_nothing(writer):
    commitment = CommitmentFactory()
    Commitment.objects.filter(pk=commitment.pk).update(version=3)
    response = writer.patch(f"{LIST}{commitment.pk}/", {"version": 2, "actor": "minister"}, format="json")
    assert response.status_code == 409
    assert "gewijzigd" in response.json()["detail"]
    commitment.refresh_from_db()
    assert commitment.actor == "minister van Buitenlandse Zaken" and commitment.version == 3
    assert not ReviewEvent.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("body, field", [
    ({"actor": "x"}, "version"),
    ({"version": 1}, "non_field_errors"),
    ({"version": 1, "due_date": "2026-05-01", "window_start": "2026-06-01"}, "due_date"),
    ({"version": 1, "precision": "eeuw"}, "precision"),
    ({"version": 1, "motions": ["geen motie"]}, "motions"),
    ({"version": 1, "actor": ""}, "actor"),
])
def test_invalid_corrections_are_400s_per_field(writer, body, field):
    commitment = CommitmentFactory()
    response = writer.patch(f"{LIST}{commitment.pk}/", body, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"]
    assert not ReviewEvent.objects.exists()


@pytest.mark.django_db
def test_recording_delivery_sets_the_outcome_and_audits_it(writer):
    letter = DocumentFactory(title="Kamerbrief voortgang")
    commitment = CommitmentFactory(overdue_since=dt.date(2026, 6, 2))
    response = writer.post(
        f"{LIST}{commitment.pk}/delivery/",
        {"version": 1, "status": "delivered", "fulfilled_on": "2026-06-20", "fulfilled_kamerstuk": "36800-V-85",
         "fulfilled_by": letter.pk, "note": "brief ontvangen"},
        format="json",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status_label"] == "Voldaan" and body["fulfilled_by"] == letter.pk
    assert body["overdue_since"] is None and body["overdue"] is False
    event = ReviewEvent.objects.get(commitment=commitment)
    assert event.action == "deliver"
    assert event.changes["status"] == ["open", "delivered"]
    assert event.changes["fulfilled_kamerstuk"] == ["", "36800-V-85"]
    again = writer.post(f"{LIST}{commitment.pk}/delivery/", {"version": 1, "status": "closed", "note": "dubbel"},
                        format="json")
    assert again.status_code == 409


@pytest.mark.django_db
def test_delivery_refuses_unknown_outcomes_documents_and_future_dates(writer):
    commitment = CommitmentFactory()
    url = f"{LIST}{commitment.pk}/delivery/"
    assert writer.post(url, {"version": 1, "status": "gedaan"}, format="json").status_code == 400
    no_letter = writer.post(url, {"version": 1, "status": "delivered", "fulfilled_on": "2026-01-05"}, format="json")
    assert no_letter.status_code == 400 and "fulfilled_kamerstuk" in no_letter.json()["errors"]
    no_note = writer.post(url, {"version": 1, "status": "withdrawn"}, format="json")
    assert no_note.status_code == 400 and "note" in no_note.json()["errors"]
    assert writer.post(url, {"version": 1, "status": "delivered", "fulfilled_by": 999999},
                       format="json").status_code == 400
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    response = writer.post(url, {"version": 1, "status": "delivered", "fulfilled_on": future,
                                 "fulfilled_kamerstuk": "36800-V-85"}, format="json")
    assert response.status_code == 400 and "fulfilled_on" in response.json()["errors"]
    assert not ReviewEvent.objects.exists()


@pytest.mark.django_db
def test_uploading_a_document_queues_it_and_the_same_bytes_again_return_the_existing_one(
    writer, django_capture_on_commit_callbacks
):
    content = b"Geachte voorzitter,\n\nUw Kamer ontvangt voor de zomer een brief over de voortgang.\n"
    with django_capture_on_commit_callbacks(execute=False) as queued:
        first = writer.post(
            "/api/v1/documents/",
            {"file": SimpleUploadedFile("brief.txt", content, content_type="text/plain"),
             "committee": "Financiën", "kind": "brief", "reference_date": "2026-01-28"},
            format="multipart",
        )
    assert first.status_code == 202, first.content
    body = first.json()
    assert body["duplicate"] is False and body["status"] == "queued" and body["origin"] == "api"
    assert body["committee"]["name"] == "Financiën"
    assert first["Location"].endswith(f"/api/v1/documents/{body['id']}/")
    assert len(queued) == 1  # handed to the extraction worker after commit

    second = writer.post(
        "/api/v1/documents/", {"file": SimpleUploadedFile("kopie.txt", content)}, format="multipart"
    )
    assert second.status_code == 200
    assert second.json()["id"] == body["id"] and second.json()["duplicate"] is True
    assert Document.objects.count() == 1


@pytest.mark.django_db
def test_an_unreadable_or_missing_upload_is_a_400(writer, reader):
    empty = writer.post("/api/v1/documents/", {"file": SimpleUploadedFile("leeg.txt", b"")}, format="multipart")
    assert empty.status_code == 400 and "file" in empty.json()["errors"]
    missing = writer.post("/api/v1/documents/", {"title": "zonder bestand"}, format="multipart")
    assert missing.status_code == 400 and "file" in missing.json()["errors"]
    refused = reader.post("/api/v1/documents/", {"file": SimpleUploadedFile("a.txt", b"tekst")},
                          format="multipart")
    assert refused.status_code == 403
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_a_correction_takes_a_bounded_number_of_queries(writer):
    commitment = CommitmentFactory()
    flag_overdue()  # as every write leaves it: its state already shows it is overdue
    with CaptureQueriesContext(connection) as queries:
        writer.patch(f"{LIST}{commitment.pk}/", {"version": 1, "actor": "minister"}, format="json")
    # The correction itself, its audit row and the immediate-alert fan-out
    # (a constant number of set-based statements, whatever the subscribers).
    assert len(queries) < 30


@pytest.mark.django_db
def test_a_commitment_can_be_closed_without_delivery_and_reopened(writer):
    commitment = CommitmentFactory()
    url = f"{LIST}{commitment.pk}/delivery/"
    closed = writer.post(url, {"version": 1, "status": "withdrawn", "note": "motie verworpen"}, format="json")
    assert closed.status_code == 200 and closed.json()["status_label"] == "Vervallen"
    reopened = writer.post(url, {"version": 2, "status": "open", "note": "toch nodig"}, format="json")
    assert reopened.status_code == 200 and reopened.json()["status"] == "open"
    assert [e.changes["status"] for e in ReviewEvent.objects.filter(commitment=commitment).order_by("id")] == [
        ["open", "withdrawn"], ["withdrawn", "open"]]
