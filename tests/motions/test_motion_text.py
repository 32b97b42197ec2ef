"""Motion texts ingested as documents fill the register."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from motions.models import Motion, MotionSigner, MotionText
from motions.services import MotionError, motion_from_document, motion_text_resolve, signatures
from tests.factories import DocumentFactory, MotionFactory, MotionSignerFactory
from tracker.ingest.process import document_process
from tracker.ingest.submit import DocumentOverrides, document_submit
from tracker.models import Document

NUMBERED = """36 800 V Vaststelling van de begrotingsstaten van het Ministerie van Buitenlandse Zaken (V) voor het jaar 2026

Nr. 30 MOTIE VAN HET LID PIRI C.S.

Voorgesteld 11 december 2025

De Kamer,

gehoord de beraadslaging,

constaterende dat reizigers voor een nieuw paspoort vaak ver moeten reizen;

overwegende dat digitale alternatieven die reis kunnen besparen;

verzoekt de regering, te onderzoeken of een paspoort op afstand verlengd kan worden, en de Kamer daarover voor de zomer te informeren,

en gaat over tot de orde van de dag.

Piri
Van der Werf
Klos

Tweede Kamer, vergaderjaar 2025–2026, 36 800 V, nr. 30
"""

UNNUMBERED = """Motie van het lid Dobbe

Voorgesteld 4 februari 2026

De Kamer,

gehoord de beraadslaging,

van mening dat visumaanvragen sneller moeten;

verzoekt de regering de wachttijd te halveren,

en gaat over tot de orde van de dag.

Dobbe
"""


def submit(text: str, name: str = "motie.txt") -> Document:
    return document_submit(
        stream=io.BytesIO(text.encode()), name=name, origin=Document.Origin.UPLOAD,
        overrides=DocumentOverrides(),
    ).document


@pytest.mark.django_db
def test_an_ingested_motion_text_fills_the_motion_with_its_key():
    document = submit(NUMBERED)
    assert document_process(document.pk).status == "done"

    motion = Motion.objects.get(key="kst-36800-V-30")
    assert (motion.dossier, motion.number) == ("36800-V", "30")
    assert motion.members == ["Piri"]
    assert motion.co_signers == ["Van der Werf", "Klos"]
    assert motion.considerations == [
        "constaterende dat reizigers voor een nieuw paspoort vaak ver moeten reizen",
        "overwegende dat digitale alternatieven die reis kunnen besparen",
    ]
    assert motion.request.startswith("verzoekt de regering, te onderzoeken of een paspoort op afstand")
    assert motion.date == dt.date(2025, 12, 11)
    assert motion.title == "Motie van het lid Piri c.s."
    assert motion.source_document_id == document.pk
    assert motion.ministry is not None and motion.ministry.name == "Buitenlandse Zaken"
    assert list(motion.signers.values_list("role", "name")) == [
        ("indiener", "Piri"), ("medeindiener", "Van der Werf"), ("medeindiener", "Klos")]
    assert MotionText.objects.get(document=document).motion == motion


@pytest.mark.django_db
def test_the_text_does_not_overwrite_members_and_title_from_the_open_data():
    motion = MotionFactory(dossier="36800-V", number="30", key="kst-36800-V-30", title="Motie over paspoorten",
                           members=["Piri"], date=dt.date(2025, 12, 10))
    MotionSignerFactory(motion=motion, name="Piri", party="GroenLinks-PvdA")
    document = submit(NUMBERED)
    document_process(document.pk)

    motion.refresh_from_db()
    assert motion.title == "Motie over paspoorten"
    assert motion.date == dt.date(2025, 12, 10)
    assert list(motion.signers.values_list("name", "party")) == [("Piri", "GroenLinks-PvdA")]
    assert motion.request.startswith("verzoekt de regering")
    assert Motion.objects.count() == 1


@pytest.mark.django_db
def test_a_motion_text_without_number_waits_for_a_reviewer(reviewer):
    document = submit(UNNUMBERED)
    document_process(document.pk)

    text = MotionText.objects.get(document=document)
    assert text.motion is None and text.key == ""
    assert text.members == ["Dobbe"] and text.co_signers == []
    assert text.request == "verzoekt de regering de wachttijd te halveren"
    assert not Motion.objects.exists()

    with pytest.raises(MotionError, match="Geen Kamerstuknummer"):
        motion_text_resolve(motion_text_id=text.pk, key="nummer 12", user=reviewer)
    motion = motion_text_resolve(motion_text_id=text.pk, key="Kamerstuk 36 800 V, nr. 51", user=reviewer)
    assert motion.key == "kst-36800-V-51"
    assert motion.request == "verzoekt de regering de wachttijd te halveren"
    assert motion.members == ["Dobbe"] and motion.date == dt.date(2026, 2, 4)
    text.refresh_from_db()
    assert (text.motion, text.resolved_by) == (motion, reviewer)


@pytest.mark.django_db
def test_reprocessing_keeps_the_reviewers_number():
    document = DocumentFactory(kind=Document.Kind.MOTION, content=UNNUMBERED.encode())
    text = motion_from_document(document)
    motion_text_resolve(motion_text_id=text.pk, key="kst-36800-V-51", user=None)
    motion_from_document(document)
    assert MotionText.objects.get(document=document).motion.key == "kst-36800-V-51"
    assert MotionSigner.objects.filter(motion__key="kst-36800-V-51").count() == 1


@pytest.mark.django_db
def test_the_documents_kamerstuk_field_supplies_a_missing_number():
    document = DocumentFactory(kind=Document.Kind.MOTION, content=UNNUMBERED.encode(), kamerstuk="36800-V-51")
    text = motion_from_document(document)
    assert text.motion.key == "kst-36800-V-51"


@pytest.mark.django_db
def test_other_documents_are_left_alone():
    assert motion_from_document(DocumentFactory(kind=Document.Kind.LETTER, content=NUMBERED.encode())) is None
    assert motion_from_document(DocumentFactory(kind=Document.Kind.MOTION, content=b"Geen motie.\n")) is None
    assert not Motion.objects.exists()


def test_signatures_stop_at_the_page_footer():
    assert signatures(NUMBERED) == ["Piri", "Van der Werf", "Klos"]
    assert signatures("en gaat over tot de orde van de dag.\n\nvan der Lee\nEl Abassi\n\n36 800 V, nr. 3") == [
        "van der Lee", "El Abassi"]
    assert signatures("Geen slot.") == []
