import datetime as dt

import pytest

from motions.models import Motion, MotionCitation
from tests.factories import DocumentFactory
from tests.ingest.builders import LETTER, STRATEGY, commitment, extraction
from tracker.extraction import types as ex
from tracker.ingest.persist import extraction_persist
from tracker.models import Commitment, DeadlineRevision, Document

JUNE_1 = dt.date(2026, 6, 1)
Q3_END = dt.date(2026, 9, 30)


@pytest.fixture
def document(db):
    return DocumentFactory(kind=Document.Kind.OTHER, title="", committee=None, ministry=None,
                           reference_date=None, reference_date_source="")


def persist(document, *found, version="1.0.0", **kwargs):
    return extraction_persist(document=document, extraction=extraction(*found, version=version, **kwargs))


def test_it_writes_every_finding_as_an_unreviewed_record(document):
    persist(document, commitment(STRATEGY, due=Q3_END, phrase="in het derde kwartaal van 2026"),
            commitment(LETTER, due=JUNE_1, phrase="uiterlijk 1 juni", motions=["kst-36600-XVII-24"]))

    document.refresh_from_db()
    assert (document.kind, document.title, document.reference_date) == ("lijst_van_vragen", "Jaarverslag 2025",
                                                                        dt.date(2026, 1, 28))
    assert document.committee.name == "Buitenlandse Zaken"
    rows = list(document.commitments.order_by("start"))
    assert [r.due_date for r in rows] == [Q3_END, JUNE_1]
    assert {r.review_state for r in rows} == {"unreviewed"}
    letter = rows[1]
    assert letter.question.number == "1"
    assert (letter.promised_to_member, letter.promised_to_party) == ("Jansen", "VVD")
    assert letter.minister.name == "D.M. van Weel"
    assert letter.extracted["deadline"]["due"] == "2026-06-01"


def test_it_links_citations_to_motions_and_to_the_commitment_that_cites_them(document):
    persist(document, commitment(LETTER, due=JUNE_1, phrase="uiterlijk 1 juni", motions=["kst-36600-XVII-24"]))
    motion = Motion.objects.get(key="kst-36600-XVII-24")
    assert (motion.dossier, motion.number) == ("36600-XVII", "24")
    citation = MotionCitation.objects.get()
    assert citation.motion == motion
    assert citation.commitment == Commitment.objects.get()
    assert citation.stated_status == "aangenomen"


def test_persisting_twice_duplicates_nothing(document):
    found = [commitment(LETTER, due=JUNE_1, phrase="uiterlijk 1 juni")]
    persist(document, *found)
    persist(document, *found)
    assert Commitment.objects.count() == 1
    assert MotionCitation.objects.count() == 1
    assert Motion.objects.count() == 1
    assert document.items.count() == 1


def test_reextraction_keeps_the_reviewers_values_of_confirmed_records(document):
    persist(document, commitment(LETTER, due=JUNE_1, phrase="uiterlijk 1 juni"))
    row = Commitment.objects.get()
    Commitment.objects.filter(pk=row.pk).update(review_state="corrected", due_date=dt.date(2026, 5, 31),
                                                deliverables=["brief over de motie"])

    persist(document, commitment(LETTER, due=dt.date(2026, 6, 2), phrase="uiterlijk 1 juni"), version="1.1.0")

    row.refresh_from_db()
    assert row.due_date == dt.date(2026, 5, 31)
    assert row.deliverables == ["brief over de motie"]
    assert row.review_state == "corrected"
    assert row.extracted["version"] == "1.1.0"
    assert row.extracted["deadline"]["due"] == "2026-06-02"


def test_reextraction_adds_new_findings_as_unreviewed(document):
    persist(document, commitment(LETTER, due=JUNE_1, phrase="uiterlijk 1 juni"))
    Commitment.objects.update(review_state="confirmed")
    persist(document, commitment(LETTER, due=JUNE_1, phrase="uiterlijk 1 juni"),
            commitment(STRATEGY, due=Q3_END, phrase="in het derde kwartaal van 2026"), version="1.1.0")
    new = Commitment.objects.get(text=STRATEGY)
    assert new.review_state == "unreviewed"
    assert Commitment.objects.get(text=LETTER).review_state == "confirmed"


def test_reextraction_tombstones_unreviewed_records_no_longer_found(document):
    persist(document, commitment(LETTER, due=JUNE_1, phrase="uiterlijk 1 juni"),
            commitment(STRATEGY, due=Q3_END, phrase="in het derde kwartaal van 2026"))
    result = persist(document, commitment(LETTER, due=JUNE_1, phrase="uiterlijk 1 juni"), version="1.1.0")
    gone = Commitment.objects.get(text=STRATEGY)
    assert gone.deleted_at is not None
    assert result.tombstoned == [gone.pk]
    assert list(Commitment.objects.alive()) == [Commitment.objects.get(text=LETTER)]


def test_reextraction_keeps_and_flags_confirmed_records_no_longer_found(document):
    persist(document, commitment(STRATEGY, due=Q3_END, phrase="in het derde kwartaal van 2026"))
    Commitment.objects.update(review_state="confirmed")
    result = persist(document, version="1.1.0")
    kept = Commitment.objects.get()
    assert kept.deleted_at is None
    assert kept.not_found_by_version == "1.1.0"
    assert result.flagged == [kept.pk]


def test_a_failure_halfway_leaves_nothing_written(document, monkeypatch):
    import tracker.ingest.persist as persist_module

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(persist_module, "_sync_citations", explode)
    with pytest.raises(RuntimeError):
        persist(document, commitment(LETTER, due=JUNE_1, phrase="uiterlijk 1 juni"))
    assert Commitment.objects.count() == 0
    assert document.items.count() == 0
    document.refresh_from_db()
    assert document.title == ""


def test_a_revision_in_a_later_document_moves_the_earlier_commitment(document):
    earlier = DocumentFactory(content=b"earlier letter")
    from tests.factories import CommitmentFactory

    original = CommitmentFactory(document=earlier, text="De Afrikastrategie verschijnt in Q1 2026.",
                                 deliverables=["Afrikastrategie"], deadline_text="in Q1 2026",
                                 due_date=dt.date(2026, 3, 31), window_start=dt.date(2026, 1, 1),
                                 precision="quarter")
    document.ministry = earlier.ministry
    document.save()
    revision = ex.Revision(previous=ex.Deadline("in Q1 2026", dt.date(2026, 3, 31), dt.date(2026, 1, 1), "quarter"),
                           text=STRATEGY, start=0, end=10)
    found = commitment(STRATEGY, due=Q3_END, phrase="in het derde kwartaal van 2026", revision=revision)
    found.deliverables = ["Afrikastrategie"]

    persist(document, found)

    assert not document.commitments.exists(), "a revision is not a new commitment"
    original.refresh_from_db()
    assert original.due_date == Q3_END
    history = DeadlineRevision.objects.get(commitment=original)
    assert (history.old_due, history.new_due, history.source) == (dt.date(2026, 3, 31), Q3_END, "document")
    assert history.slip_days == 183
    persist(document, found)  # idempotent
    assert DeadlineRevision.objects.filter(commitment=original).count() == 1


def test_a_revision_of_an_unknown_promise_is_kept_with_its_slip_for_reviewers(document):
    revision = ex.Revision(previous=ex.Deadline("in Q1 2026", dt.date(2026, 3, 31), dt.date(2026, 1, 1), "quarter"),
                           text=STRATEGY, start=0, end=10)
    persist(document, commitment(STRATEGY, due=Q3_END, phrase="in het derde kwartaal van 2026", revision=revision))
    row = Commitment.objects.get()
    assert row.due_date == Q3_END
    history = DeadlineRevision.objects.get(commitment=row)
    assert (history.old_due, history.new_due) == (dt.date(2026, 3, 31), Q3_END)


def test_the_register_number_and_timeline_start_from_the_documents_date_not_the_upload(document, client):
    from django.contrib.auth import get_user_model

    from tracker.ingest.metadata import document_update_metadata

    persist(document, commitment(LETTER, due=JUNE_1, phrase="uiterlijk 1 juni"))
    row = Commitment.objects.get()
    assert row.promised_on == dt.date(2026, 1, 28)
    assert row.register_number == f"TZ202601-{row.pk:03d}"

    document_update_metadata(document=Document.objects.get(pk=document.pk),
                             data={"reference_date": dt.date(2021, 6, 14)})
    row.refresh_from_db()
    assert row.register_number == f"TZ202106-{row.pk:03d}"
    client.force_login(get_user_model().objects.create_superuser("beheer", "b@example.org", "x"))
    page = client.get(f"/toezeggingen/{row.pk}/").content.decode()
    assert "Toegezegd" in page and "14 juni 2021" in page
