"""Extracted commitments and register entries that are the same promise are proposed to reviewers."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.test import Client

from tests.factories import CommitmentFactory, DocumentFactory, MinistryFactory
from tests.opendata.records import tk_id, toezegging
from tracker.models import Commitment, RegisterEntry, RegisterMatch
from tracker.opendata.matching import propose_for_document
from tracker.opendata.register import import_register_bytes

pytestmark = pytest.mark.django_db

SAID = "De minister zegt toe de Kamer voor de zomer te informeren over de proef met deelfietsen in Zwolle en Deventer."


def extracted(text: str, *, ministry: str = "Infrastructuur en Waterstaat", day: dt.date = dt.date(2026, 2, 20)):
    document = DocumentFactory(ministry=MinistryFactory(name=ministry, abbreviation=""), reference_date=day)
    return CommitmentFactory(document=document, text=text, deliverables=[])


def import_one(**fields) -> Commitment:
    import_register_bytes(json.dumps(toezegging(1, Tekst=SAID, **fields)).encode(), source="register.json")
    return RegisterEntry.objects.get(tk_id=tk_id(1)).commitment


def test_a_register_entry_is_proposed_as_the_same_promise_as_an_extracted_one():
    same = extracted("Wij informeren de Kamer voor de zomer over de proef met deelfietsen in Zwolle en Deventer.")
    extracted("Wij informeren de Kamer voor de zomer over de proef met deelfietsen in Zwolle en Deventer.",
              ministry="Financiën")  # another ministry
    extracted("Wij informeren de Kamer voor de zomer over de proef met deelfietsen in Zwolle en Deventer.",
              day=dt.date(2025, 3, 1))  # long before
    extracted("De minister stuurt in het najaar een brief over de staat van de dijken.")  # other words
    register = import_one()

    match = RegisterMatch.objects.get()
    assert (match.register_id, match.extracted_id) == (register.pk, same.pk)
    assert {"deelfietsen", "zwolle", "deventer"} <= set(match.matched_words)
    assert match.state == RegisterMatch.State.PENDING
    assert Commitment.objects.alive().count() == 5  # nothing merged


def test_a_document_arriving_later_is_matched_against_the_register():
    register = import_one()
    same = extracted("Wij informeren de Kamer voor de zomer over de proef met deelfietsen in Zwolle en Deventer.")
    assert propose_for_document(same.document) == 1
    assert RegisterMatch.objects.get().register_id == register.pk


def test_a_reviewer_merges_a_proposal_and_the_register_record_stays(reviewer_client):
    same = extracted("Wij informeren de Kamer voor de zomer over de proef met deelfietsen in Zwolle en Deventer.")
    register = import_one()
    match = RegisterMatch.objects.get()

    page = reviewer_client.get(f"/toezeggingen/{same.pk}/").content.decode()
    assert "Mogelijk dezelfde toezegging" in page and "TZ202602-001" in page
    page = reviewer_client.get(f"/toezeggingen/{register.pk}/").content.decode()
    assert "Toezeggingenregister van de Tweede Kamer" in page and "2026A01234" in page

    response = reviewer_client.post(f"/beoordelen/register/{match.pk}/", {
        "decision": "accept", f"version_{register.pk}": register.version, f"version_{same.pk}": same.version,
        "back": same.pk,
    })
    assert response.status_code == 302 and response["Location"] == f"/toezeggingen/{register.pk}/"
    same.refresh_from_db()
    assert same.duplicate_of_id == register.pk and same.deleted_at is not None
    match.refresh_from_db()
    assert match.state == RegisterMatch.State.ACCEPTED and match.decided_by is not None


def test_a_reviewer_dismisses_a_proposal(reviewer_client, clerk):
    same = extracted("Wij informeren de Kamer voor de zomer over de proef met deelfietsen in Zwolle en Deventer.")
    register = import_one()
    match = RegisterMatch.objects.get()
    data = {"decision": "dismiss", f"version_{register.pk}": register.version, f"version_{same.pk}": same.version}
    as_clerk = Client()
    as_clerk.force_login(clerk)
    assert as_clerk.post(f"/beoordelen/register/{match.pk}/", data).status_code == 403
    reviewer_client.post(f"/beoordelen/register/{match.pk}/", data)
    match.refresh_from_db()
    assert match.state == RegisterMatch.State.DISMISSED
    assert Commitment.objects.alive().count() == 2
    assert "Mogelijk dezelfde toezegging" not in reviewer_client.get(f"/toezeggingen/{same.pk}/").content.decode()
