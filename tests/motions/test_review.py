"""Reviewers confirm the status answers state, and link citations and texts to motions."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from motions.models import Motion, MotionCitation, MotionStatusChange, MotionText
from motions.selectors import candidate_motions, pending_status_suggestions, unresolved_citations
from motions.services import (
    MotionError,
    citation_resolve,
    normalise_key,
    status_suggestion_confirm,
    status_suggestion_reject,
)
from tests.factories import MotionFactory, MotionSignerFactory
from tests.motions.conftest import cite
from tracker.extraction.motions import key_from_text
from tracker.ingest.process import document_process
from tracker.ingest.submit import DocumentOverrides, document_submit
from tracker.models import Document, Ministry
from tracker.review.services import normalise_motion_key

LETTER = Path(__file__).parent / "fixtures" / "brief-moties-uitgevoerd.txt"


def ingest(path: Path) -> Document:
    document = document_submit(stream=io.BytesIO(path.read_bytes()), name=path.name,
                               origin=Document.Origin.UPLOAD, overrides=DocumentOverrides()).document
    assert document_process(document.pk).status == "done"
    return document


@pytest.mark.django_db
def test_statuses_stated_in_an_ingested_letter_wait_for_a_reviewer(register):
    koopmans = MotionFactory(dossier="33694", number="43", key="kst-33694-43", date=dt.date(2019, 3, 1),
                             members=["Koopmans"])
    MotionSignerFactory(motion=koopmans, name="Koopmans", party="VVD")
    ingest(LETTER)

    pending = {c.motion.key: c.suggested_status for c in pending_status_suggestions()}
    assert pending == {"kst-36800-V-30": "uitgevoerd", "kst-21501-02-3236": "deels_uitgevoerd"}
    assert Motion.objects.get(key="kst-36800-V-30").execution_status == "open", "nothing changes by itself"

    name_only = unresolved_citations().get()
    assert (name_only.text, name_only.stated_status) == ("motie-Koopmans", "in uitvoering")
    assert [m.key for m in candidate_motions([name_only])[name_only.pk]] == ["kst-33694-43"]


@pytest.mark.django_db
def test_confirming_a_suggestion_writes_the_history_and_the_status(register, reviewer):
    citation = cite(register.piri, dt.date(2026, 3, 2), stated="uitgevoerd")
    change = status_suggestion_confirm(citation_id=citation.pk, user=reviewer, note="brief van 2 maart")

    register.piri.refresh_from_db()
    assert register.piri.execution_status == Motion.Execution.DONE
    assert (change.old_status, change.new_status, change.source_citation, change.changed_by, change.note) == (
        "open", "uitgevoerd", citation, reviewer, "brief van 2 maart")
    citation.refresh_from_db()
    assert citation.review_state == MotionCitation.Review.CONFIRMED
    assert not pending_status_suggestions().exists()
    with pytest.raises(MotionError, match="al beoordeeld"):
        status_suggestion_confirm(citation_id=citation.pk, user=reviewer)


@pytest.mark.django_db
def test_rejecting_leaves_the_motion_alone_and_keeps_the_citation(register, reviewer):
    citation = cite(register.piri, dt.date(2026, 3, 2), stated="uitgevoerd")
    status_suggestion_reject(citation_id=citation.pk, user=reviewer)
    register.piri.refresh_from_db()
    citation.refresh_from_db()
    assert register.piri.execution_status == "open"
    assert citation.review_state == MotionCitation.Review.CONFIRMED, "reviewed, still a citation of the motion"
    assert not MotionStatusChange.objects.exists()
    assert not pending_status_suggestions().exists()


@pytest.mark.django_db
def test_only_execution_statuses_that_differ_are_suggested(register):
    cite(register.piri, dt.date(2026, 1, 5), stated="aangenomen")
    cite(register.klaver, dt.date(2026, 1, 5), stated="deels uitgevoerd", text="de rest van de motie Klaver")
    cite(register.gone, dt.date(2026, 1, 5), stated="uitgevoerd")
    cite(None, dt.date(2026, 1, 5), stated="uitgevoerd")
    cite(register.piri, dt.date(2026, 1, 6), stated="in uitvoering", deleted_at=dt.datetime(2026, 1, 7, tzinfo=dt.UTC))
    assert not pending_status_suggestions().exists()


@pytest.mark.django_db
def test_reviewers_confirm_and_reject_on_the_suggestions_page(reviewer_client, register):
    done = cite(register.piri, dt.date(2026, 3, 2), stated="uitgevoerd")
    partly = cite(register.dobbe, dt.date(2026, 3, 3), stated="deels uitgevoerd")
    page = reviewer_client.get(reverse("motion-suggestions"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Bevestigen: uitgevoerd" in html and "Afwijzen" in html and "Statussuggesties (2)" in html

    response = reviewer_client.post(reverse("motion-suggestion-confirm", args=[done.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("motion-suggestions")
    assert Motion.objects.get(pk=register.piri.pk).execution_status == "uitgevoerd"
    follow = reviewer_client.get(response["Location"])
    assert "Status van kst-36800-V-30 gewijzigd in “uitgevoerd”." in follow.content.decode()

    back = reverse("motion-detail", args=[register.dobbe.key])
    response = reviewer_client.post(reverse("motion-suggestion-reject", args=[partly.pk]), {"next": back})
    assert response["Location"] == back
    assert Motion.objects.get(pk=register.dobbe.pk).execution_status == "open"
    again = reviewer_client.post(reverse("motion-suggestion-reject", args=[partly.pk]), follow=True)
    assert "Deze suggestie is al beoordeeld." in again.content.decode()

    history = reviewer_client.get(reverse("motion-detail", args=[register.piri.key])).content.decode()
    assert "Uitvoeringsgeschiedenis" in history and "rob" in history


@pytest.mark.django_db
def test_clerks_read_suggestions_but_cannot_decide(clerk_client, register):
    citation = cite(register.piri, dt.date(2026, 3, 2), stated="uitgevoerd")
    page = clerk_client.get(reverse("motion-suggestions"))
    assert page.status_code == 200 and "kst-36800-V-30" in page.content.decode()
    assert "Bevestigen" not in page.content.decode()
    assert clerk_client.post(reverse("motion-suggestion-confirm", args=[citation.pk])).status_code == 403
    assert clerk_client.post(reverse("motion-suggestion-reject", args=[citation.pk])).status_code == 403
    assert clerk_client.post(reverse("motion-citation-resolve", args=[citation.pk]), {"key": "x"}).status_code == 403
    assert clerk_client.post(reverse("motion-update", args=[register.piri.key]), {}).status_code == 403
    assert Motion.objects.get(pk=register.piri.pk).execution_status == "open"


@pytest.mark.django_db
def test_a_name_only_citation_is_linked_by_a_reviewer(reviewer_client, register):
    citation = cite(None, dt.date(2026, 2, 1), stated="in uitvoering", text="de motie-Dobbe", members=["Dobbe"])
    page = reviewer_client.get(reverse("motion-unresolved"))
    html = page.content.decode()
    assert "de motie-Dobbe" in html and "Koppelen aan kst-21501-02-3236" in html
    assert "Status “in uitvoering” overnemen" in html

    wrong = reviewer_client.post(reverse("motion-citation-resolve", args=[citation.pk]), {"key": "kst-99999-1"},
                                 follow=True)
    assert "Motie kst-99999-1 staat niet in het register" in wrong.content.decode()
    reviewer_client.post(reverse("motion-citation-resolve", args=[citation.pk]),
                         {"key": "21 501-02, nr. 3236", "adopt_status": "on"})
    citation.refresh_from_db()
    assert (citation.motion, citation.key, citation.review_state) == (register.dobbe, "kst-21501-02-3236", "confirmed")
    assert Motion.objects.get(pk=register.dobbe.pk).execution_status == "in_uitvoering"
    change = MotionStatusChange.objects.get()
    assert change.source_citation == citation
    assert not unresolved_citations().exists()
    with pytest.raises(MotionError, match="al aan een motie gekoppeld"):
        citation_resolve(citation_id=citation.pk, key="kst-36800-V-30", user=None)


@pytest.mark.django_db
def test_a_linked_citation_survives_re_extraction_of_its_document(reviewer, register):
    from tests.ingest.builders import extraction
    from tracker.ingest.persist import extraction_persist

    document = cite(None, dt.date(2026, 2, 1)).document
    result = extraction(with_citation=False)
    document.text = result.text
    document.save()
    extraction_persist(document=document, extraction=result)  # unreviewed citations are replaced
    assert not MotionCitation.objects.filter(document=document).exists()

    kept = cite(None, dt.date(2026, 2, 1), text="de motie-Dobbe", members=["Dobbe"])
    citation_resolve(citation_id=kept.pk, key="kst-21501-02-3236", user=reviewer)
    extraction_persist(document=kept.document, extraction=extraction(with_citation=False))
    assert MotionCitation.objects.get(pk=kept.pk).motion == register.dobbe


@pytest.mark.django_db
def test_a_motion_text_without_number_is_linked_on_the_page(reviewer_client, register):
    from tests.factories import DocumentFactory

    document = DocumentFactory(kind=Document.Kind.MOTION, title="Motie Dobbe")
    text = MotionText.objects.create(document=document, members=["Dobbe"], request="verzoekt de regering X",
                                     considerations=["overwegende dat Y"])
    assert "verzoekt de regering X" in reviewer_client.get(reverse("motion-unresolved")).content.decode()
    response = reviewer_client.post(reverse("motion-text-resolve", args=[text.pk]), {"key": "kst-36800-V-77"})
    assert response["Location"] == reverse("motion-detail", args=["kst-36800-V-77"])
    motion = Motion.objects.get(key="kst-36800-V-77")
    assert (motion.request, motion.considerations, motion.source_document) == (
        "verzoekt de regering X", ["overwegende dat Y"], document)


@pytest.mark.django_db
def test_reviewers_set_ministry_committee_and_status_with_a_note(reviewer_client, register):
    jenv = Ministry.objects.get(name="Justitie en Veiligheid")
    response = reviewer_client.post(reverse("motion-update", args=[register.piri.key]), {
        "ministry": jenv.pk, "committee": "", "execution_status": "niet_uitgevoerd",
        "note": "Kabinet ziet af van uitvoering (brief 12 mei)"})
    assert response.status_code == 302
    motion = Motion.objects.get(pk=register.piri.pk)
    assert (motion.ministry, motion.committee, motion.execution_status) == (jenv, None, "niet_uitgevoerd")
    change = MotionStatusChange.objects.get()
    assert (change.old_status, change.new_status, change.note) == (
        "open", "niet_uitgevoerd", "Kabinet ziet af van uitvoering (brief 12 mei)")
    page = reviewer_client.get(reverse("motion-detail", args=[register.piri.key])).content.decode()
    assert "Kabinet ziet af van uitvoering" in page and "Motie bijwerken" in page


@pytest.mark.parametrize(
    ("value", "key"),
    [
        ("kst-36800-v-30", "kst-36800-V-30"),
        ("36800-V-30", "kst-36800-V-30"),
        ("Kamerstuk 36 800 V, nr. 30", "kst-36800-V-30"),
        ("21 501-02, nr. 3236", "kst-21501-02-3236"),
        ("kst-35403-F", "kst-35403-F"),
    ],
)
def test_reviewers_may_type_a_number_in_any_usual_spelling(value, key):
    assert normalise_key(value) == key


SPELLINGS = [
    "kst-41234-xii-7", " kst-41234-XII-7 ", "41234-XII-7", "41 234 XII, nr. 7", "Kamerstuk 41 234 XII, nr. 7",
    "Kamerstukken II 2030/31, 41 234 XII, nr. 7", "Kst. 41234-XII-7", "41 777, G", "kst-41501-03-812",
]


@pytest.mark.parametrize("value", SPELLINGS)
def test_the_register_and_the_review_form_read_a_typed_key_alike(value):
    assert normalise_key(value) == normalise_motion_key(value) == key_from_text(value)


def test_both_refuse_what_names_no_motion():
    with pytest.raises(MotionError):
        normalise_key("de motie van Jansen")
    with pytest.raises(ValidationError):
        normalise_motion_key("de motie van Jansen")
