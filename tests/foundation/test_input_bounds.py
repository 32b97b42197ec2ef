"""Input a user or a client can type in is bounded: dates between 1900 and 2100 at every
entry point, huge page numbers and ids, and return addresses that leave the site."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.factories import DocumentFactory
from tests.review.conftest import build_answered_document
from tests.review.test_views import correction_data
from tracker.models import Commitment, Document
from tracker.review.services import commitment_reject

LETTER = b"Den Haag, 3 maart 2026\n\nHet kabinet zal uw Kamer voor de zomer een brief sturen.\n"
OUTSIDE = ("9999-12-31", "0001-01-01", "1899-12-31", "2101-01-01")


@pytest.mark.django_db
@pytest.mark.parametrize("day", OUTSIDE)
def test_the_upload_form_refuses_a_date_outside_1900_2100(clerk_client, day):
    response = clerk_client.post(reverse("document-upload"), {"file": io.BytesIO(LETTER), "reference_date": day})
    assert response.status_code == 400
    assert "tussen 1900 en 2100" in response.content.decode()
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_the_upload_form_takes_the_edges(clerk_client):
    for day, content in (("1900-01-01", LETTER), ("2100-12-31", LETTER + b"\n")):
        response = clerk_client.post(reverse("document-upload"), {"file": io.BytesIO(content), "reference_date": day})
        assert response.status_code == 302
    assert Document.objects.count() == 2


@pytest.mark.django_db
def test_the_metadata_form_refuses_a_date_outside_1900_2100(reviewer_client):
    document = DocumentFactory()
    response = reviewer_client.post(reverse("document-detail", args=[document.pk]),
                                    {"reference_date": "9999-12-31", "kind": document.kind, "title": "x"})
    assert response.status_code == 400 and "tussen 1900 en 2100" in response.content.decode()
    document.refresh_from_db()
    assert document.reference_date.year == 2026


@pytest.mark.django_db
def test_a_reviewer_correction_refuses_a_date_outside_1900_2100(reviewer_client):
    answered = build_answered_document()
    data = correction_data(answered.letter, due_date="9999-12-31", window_start="9999-12-31")
    response = reviewer_client.post(reverse("review-correct", args=[answered.letter.pk]), data)
    assert response.status_code == 400 and "tussen 1900 en 2100" in response.content.decode()
    assert Commitment.objects.get(pk=answered.letter.pk).due_date.year != 9999


@pytest.mark.django_db
@pytest.mark.parametrize("command", ["extract", "parse_deadline"])
def test_the_commands_refuse_a_date_outside_1900_2100(command, tmp_path):
    target = tmp_path / "brief.txt"
    target.write_bytes(LETTER)
    first = str(target) if command == "extract" else "voor de zomer"
    with pytest.raises(CommandError, match="tussen 1900 en 2100"):
        call_command(command, first, "--date", "9999-12-31", stdout=io.StringIO())


@pytest.mark.django_db
def test_a_huge_page_number_or_id_is_no_error(clerk_client, reviewer_client):
    assert clerk_client.get("/", {"pagina": "99999999999999999999"}).status_code == 200
    assert reviewer_client.get("/beoordelen/", {"document": "99999999999999999999"}).status_code == 200


@pytest.mark.django_db
def test_a_stale_review_action_never_sends_the_reviewer_off_site(reviewer_client, administrator):
    answered = build_answered_document()
    commitment_reject(commitment=answered.letter, user=administrator, expected_version=1, reason="duplicate")
    for action in ("review-confirm", "review-reject"):
        response = reviewer_client.post(reverse(action, args=[answered.letter.pk]),
                                        {"version": 1, "reason": "duplicate", "back": "https://elders.example/"})
        assert response.status_code in (302, 400)
        if response.status_code == 302:
            assert response["Location"].startswith("/"), response["Location"]
