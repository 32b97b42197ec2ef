"""The export in the shape of the Tweede Kamer's open-data entity Toezegging."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.utils import timezone

from tests.factories import CommitmentFactory, PersonFactory
from tracker.models import Commitment, Person

LIST = "/api/v1/toezeggingen/"


@pytest.mark.django_db
def test_a_commitment_reads_as_a_kamer_toezegging(reader):
    minister = PersonFactory(name="Van Weel", role=Person.Role.MINISTER, party="",
                             function="Minister van Buitenlandse Zaken")
    commitment = CommitmentFactory(
        minister=minister, status=Commitment.Status.PARTLY_DELIVERED, fulfilled_on=dt.date(2026, 5, 12),
        fulfilled_kamerstuk="36800-V-85", promised_to_member="Piri", promised_to_party="GroenLinks-PvdA",
    )
    row = reader.get(f"{LIST}{commitment.pk}/").json()

    assert uuid.UUID(row["Id"]).version == 5
    assert row["Nummer"] == commitment.register_number and row["Nummer"].startswith("TZ")
    assert row["Tekst"] == commitment.text
    assert row["Naam"] == "Van Weel" and row["Functie"] == "Minister van Buitenlandse Zaken"
    assert row["Ministerie"] == "Buitenlandse Zaken"
    assert row["Status"] == "Deels voldaan"
    assert row["DatumNakoming"] == "2026-05-12" and row["KamerbriefNakoming"] == "36800-V-85"
    assert row["ToegezegdAanPersoon"] == "Piri" and row["ToegezegdAanFractie"] == "GroenLinks-PvdA"
    assert row["GewijzigdOp"].endswith("Z") and row["Verwijderd"] is False
    assert row["UitersteDatum"] == "2026-06-01" and row["NakomingId"] == commitment.pk


@pytest.mark.django_db
@pytest.mark.parametrize("status, label", [
    ("open", "Openstaand"), ("delivered", "Voldaan"), ("partly_delivered", "Deels voldaan"),
    ("withdrawn", "Vervallen"), ("closed", "Afgedaan"), ("partly_closed", "Deels afgedaan"),
])
def test_every_status_maps_to_the_kamers_dutch_value(reader, status, label):
    commitment = CommitmentFactory(status=status)
    assert reader.get(f"{LIST}{commitment.pk}/").json()["Status"] == label


@pytest.mark.django_db
def test_the_id_is_stable_and_unique_and_the_sync_emits_verwijderd(reader):
    since = (timezone.now() - dt.timedelta(minutes=5)).isoformat()
    alive = CommitmentFactory()
    rejected = CommitmentFactory(review_state=Commitment.ReviewState.REJECTED)
    first = {row["NakomingId"]: row for row in reader.get(LIST, {"updated_since": since}).json()["results"]}
    second = {row["NakomingId"]: row for row in reader.get(LIST, {"updated_since": since}).json()["results"]}
    assert first[alive.pk]["Id"] == second[alive.pk]["Id"] != first[rejected.pk]["Id"]
    assert first[rejected.pk]["Verwijderd"] is True and first[alive.pk]["Verwijderd"] is False
    assert [row["NakomingId"] for row in reader.get(LIST).json()["results"]] == [alive.pk]
