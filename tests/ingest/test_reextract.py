"""``manage.py reextract``: stored documents are read again by the current engine
and what reviewers did survives it."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command

from tracker.extraction import EXTRACTOR_VERSION
from tracker.ingest.process import document_process
from tracker.ingest.submit import DocumentOverrides, document_submit
from tracker.models import Commitment, Document
from tracker.review.services import commitment_confirm, commitment_correct

LETTER = """Geachte voorzitter,

Uw Kamer ontvangt uiterlijk 1 juni 2031 een brief over de uitkomsten van de pilot met
zonnepanelen op sluizen. Ik zal de Kamer in het derde kwartaal van 2031 informeren over de
evaluatie van het programma Dijkversterking Noord (motie van het lid Terpstra-Hulzink,
Kamerstuk 47 123, nr. 8).

De minister van Waterbeheer,
A.B. Veldkamp
"""


def ingest(text: str, name: str) -> Document:
    document = document_submit(stream=io.BytesIO(text.encode()), name=name, origin=Document.Origin.UPLOAD,
                               overrides=DocumentOverrides(reference_date=dt.date(2031, 2, 3))).document
    assert document_process(document.pk).status == "done"
    document.refresh_from_db()
    return document


@pytest.fixture
def reviewed(db, reviewer):
    document = ingest(LETTER, "brief.txt")
    first, second = Commitment.objects.filter(document=document).order_by("start")
    commitment_correct(commitment=first, user=reviewer, expected_version=first.version,
                       values={"due_date": dt.date(2031, 6, 5)})
    commitment_confirm(commitment=second, user=reviewer, expected_version=second.version)
    Document.objects.filter(pk=document.pk).update(extractor_version="0.9.0")
    Commitment.objects.filter(document=document).update(extractor_version="0.9.0")
    return document


def test_reextract_all_runs_the_current_engine_and_keeps_reviewer_work(reviewed):
    out = io.StringIO()
    call_command("reextract", "--all", stdout=out)

    reviewed.refresh_from_db()
    assert reviewed.extractor_version == EXTRACTOR_VERSION
    assert f"Extractieversie {EXTRACTOR_VERSION}: 1 opnieuw verwerkt, 0 mislukt." in out.getvalue()
    first, second = Commitment.objects.filter(document=reviewed, deleted_at__isnull=True).order_by("start")
    assert (first.review_state, first.due_date) == ("corrected", dt.date(2031, 6, 5))
    assert second.review_state == "confirmed"
    assert {first.extractor_version, second.extractor_version} == {EXTRACTOR_VERSION}
    assert list(second.motion_citations.values_list("key", flat=True)) == ["kst-47123-8"]


def test_reextract_without_arguments_takes_only_documents_of_an_older_engine(reviewed):
    current = ingest(LETTER.replace("zonnepanelen", "windmolens"), "andere-brief.txt")
    out = io.StringIO()
    call_command("reextract", stdout=out)
    assert out.getvalue().startswith(f"Document {reviewed.pk}:")
    assert f"{EXTRACTOR_VERSION}: 1 opnieuw verwerkt" in out.getvalue()
    current.refresh_from_db()
    assert current.extractor_version == EXTRACTOR_VERSION
