"""Hostile or odd requests get the API's own JSON errors, in Dutch, never a 500."""

from __future__ import annotations

import io
import json

import pytest
from django.test import override_settings
from rest_framework.test import APIClient

from tests.factories import CommitmentFactory

LIST = "/api/v1/commitments/"


@pytest.mark.django_db
def test_any_offset_iso_8601_allows_works_in_updated_since(reader):
    CommitmentFactory()
    for moment in ("2026-01-01T00:00:00+23:59", "2026-01-01T00:00:00-23:59", "0001-01-01T00:00:00+10:00",
                   "9999-12-31T23:59:59-10:00"):
        response = reader.get(LIST, {"updated_since": moment})
        assert response.status_code == 200, (moment, response.content)
    assert len(reader.get(LIST, {"updated_since": "0001-01-01T00:00:00+10:00"}).json()["results"]) == 1


@pytest.mark.django_db
def test_deeply_nested_json_is_a_400_in_json(writer):
    commitment = CommitmentFactory()
    response = writer.generic("PATCH", f"{LIST}{commitment.pk}/", "[" * 50_000, content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "JSON" in response.json()["detail"]


@pytest.mark.django_db
def test_a_body_over_the_limit_is_a_json_413_naming_the_limit(writer, settings):
    commitment = CommitmentFactory()
    body = json.dumps({"version": 1, "actor": "x" * (6 * 1024 * 1024)})
    response = writer.generic("PATCH", f"{LIST}{commitment.pk}/", body, content_type="application/json")
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    assert "5 MB" in response.json()["detail"]


@pytest.mark.django_db
@override_settings(API_THROTTLE_RATES={"token": "2/minute", "anon": "2/minute"}, API_PUBLIC_READ=True,
                   API_CACHE_SECONDS=0)
def test_throttling_is_per_address_whatever_x_forwarded_for_says_and_the_429_is_dutch():
    from django.core.cache import caches

    caches["api"].clear()
    anonymous = APIClient()
    codes = [anonymous.get(LIST, HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code for n in range(4)]
    assert codes == [200, 200, 429, 429]
    refused = anonymous.get(LIST, HTTP_X_FORWARDED_FOR="10.9.9.9")
    detail = refused.json()["detail"]
    assert refused.status_code == 429 and refused["Retry-After"]
    assert "Te veel verzoeken" in detail and "seconden" in detail and "throttled" not in detail


LETTER = b"Den Haag, 3 maart 2026\n\nHet kabinet zal uw Kamer voor de zomer een brief sturen.\n"


@pytest.mark.django_db
def test_the_api_upload_refuses_a_date_outside_1900_2100(writer):
    upload = io.BytesIO(LETTER)
    upload.name = "brief.txt"
    response = writer.post("/api/v1/documents/", {"file": upload, "reference_date": "9999-12-31"},
                           format="multipart")
    assert response.status_code == 400
    assert "tussen 1900 en 2100" in response.json()["detail"]


@pytest.mark.django_db
def test_the_api_refuses_a_due_date_outside_1900_2100(writer):
    commitment = CommitmentFactory()
    response = writer.patch(f"/api/v1/commitments/{commitment.pk}/", {"version": 1, "due_date": "0001-01-01"},
                            format="json")
    assert response.status_code == 400 and "due_date" in response.json()["errors"]


@pytest.mark.django_db
def test_empty_or_odd_parameters_get_an_answer_not_an_error(reader):
    CommitmentFactory()
    assert reader.get("/api/v1/committees/", {"ordering": ""}).status_code == 400
    empty_id = reader.get("/api/v1/deadline-revisions/", {"commitment": ""})
    assert empty_id.status_code == 400 and "commitment" in empty_id.json()["errors"]
    nul = reader.get("/api/v1/motion-citations/", {"motion": "\x00x"})
    assert nul.status_code == 200 and nul.json()["results"] == []
