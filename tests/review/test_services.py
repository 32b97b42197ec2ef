"""The review services: what each decision writes, and what it refuses."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from motions.models import Motion, MotionCitation
from tests.factories import CommitmentFactory, DocumentFactory, UserFactory
from tests.review.conftest import build_answered_document, span
from tracker.locking import StaleRecordError
from tracker.models import Commitment, DeadlineRevision, ReviewEvent
from tracker.review.services import (
    commitment_add_from_source,
    commitment_confirm,
    commitment_correct,
    commitment_reject,
    commitment_split,
    commitments_merge,
    deadline_errors,
    normalise_motion_key,
)


def events(commitment: Commitment) -> list[ReviewEvent]:
    return list(ReviewEvent.objects.filter(commitment=commitment).order_by("id"))


# --- confirm -------------------------------------------------------------------


def test_confirm_marks_the_record_and_audits_who(answered, reviewer):
    record = commitment_confirm(commitment=answered.letter, user=reviewer, expected_version=1, note="klopt")
    assert record.review_state == Commitment.ReviewState.CONFIRMED
    assert record.version == 2
    [event] = events(record)
    assert (event.action, event.user, event.note) == ("confirm", reviewer, "klopt")
    assert event.changes == {"review_state": ["unreviewed", "confirmed"]}


def test_confirming_an_assumed_deadline_makes_it_a_real_one(answered, reviewer):
    Commitment.objects.filter(pk=answered.letter.pk).update(deadline_assumed=True)
    record = commitment_confirm(commitment=answered.letter, user=reviewer, expected_version=1)
    assert record.deadline_assumed is False
    assert events(record)[0].changes["deadline_assumed"] == [True, False]


# --- optimistic locking ---------------------------------------------------------------


def test_the_second_reviewer_is_told_and_nothing_is_overwritten(answered, reviewer):
    other = UserFactory(username="olga", role="beoordelaar")
    commitment_correct(commitment=answered.letter, user=other, expected_version=1,
                       values={"due_date": dt.date(2026, 6, 15), "window_start": None})
    with pytest.raises(StaleRecordError) as caught:
        commitment_correct(commitment=answered.letter, user=reviewer, expected_version=1,
                           values={"actor": "het kabinet"})
    assert caught.value.changed_by == "olga"
    assert "olga" in caught.value.message
    assert caught.value.changes["due_date"] == ["2026-06-01", "2026-06-15"]
    answered.letter.refresh_from_db()
    assert answered.letter.actor == "minister van Buitenlandse Zaken"
    assert answered.letter.due_date == dt.date(2026, 6, 15)
    assert [e.user for e in events(answered.letter)] == [other]


@pytest.mark.parametrize("action", ["confirm", "reject"])
def test_a_stale_confirm_or_reject_writes_nothing(answered, reviewer, action):
    commitment_confirm(commitment=answered.letter, user=reviewer, expected_version=1)
    with pytest.raises(StaleRecordError):
        if action == "confirm":
            commitment_confirm(commitment=answered.letter, user=reviewer, expected_version=1)
        else:
            commitment_reject(commitment=answered.letter, user=reviewer, expected_version=1,
                              reason="not_commitment")
    answered.letter.refresh_from_db()
    assert answered.letter.review_state == "confirmed"
    assert len(events(answered.letter)) == 1


@pytest.mark.django_db(transaction=True)
def test_two_reviewers_saving_at_the_same_moment_one_wins():
    if connection.vendor != "postgresql":
        pytest.skip("truly concurrent writers need PostgreSQL; SQLite serialises all writes")
    answered = build_answered_document()
    users = [UserFactory(username=f"r{n}", role="beoordelaar") for n in range(2)]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def save(user, due: dt.date) -> None:
        barrier.wait()
        try:
            commitment_correct(commitment=answered.letter, user=user, expected_version=1,
                               values={"due_date": due, "window_start": None})
            outcomes.append("saved")
        except StaleRecordError:
            outcomes.append("stale")
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(u, dt.date(2026, 7, n + 1))) for n, u in enumerate(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["saved", "stale"]
    assert ReviewEvent.objects.filter(commitment=answered.letter).count() == 1
    assert DeadlineRevision.objects.filter(commitment=answered.letter).count() == 1
    assert Commitment.objects.get(pk=answered.letter.pk).version == 2


# --- correct ----------------------------------------------------------------------------


def test_correcting_a_deadline_audits_fields_and_writes_a_revision(answered, reviewer):
    Commitment.objects.filter(pk=answered.letter.pk).update(overdue_since=dt.date(2026, 6, 2))
    record = commitment_correct(
        commitment=answered.letter, user=reviewer, expected_version=1, note="brief is uitgesteld",
        values={"deadline_text": "voor 1 juli", "due_date": dt.date(2026, 6, 30), "window_start": None,
                "precision": "day"},
    )
    assert (record.due_date, record.window_start, record.review_state) == (dt.date(2026, 6, 30), None, "corrected")
    # A new due date starts a new "overdue since": the day of the correction, at once, when it lies in the past.
    expected = timezone.localdate() if record.due_date < timezone.localdate() else None
    assert record.overdue_since == expected
    [event] = events(record)
    assert event.action == "correct"
    assert event.changes == {
        "deadline_text": ["uiterlijk 1 juni", "voor 1 juli"],
        "due_date": ["2026-06-01", "2026-06-30"],
        "window_start": ["2026-06-01", None],
        "review_state": ["unreviewed", "corrected"],
    }
    [revision] = DeadlineRevision.objects.filter(commitment=record)
    assert revision.source == "reviewer" and revision.created_by == reviewer
    assert (revision.old_due, revision.new_due, revision.reason) == (
        dt.date(2026, 6, 1), dt.date(2026, 6, 30), "brief is uitgesteld")
    assert revision.slip_days == 29


def test_the_extractors_values_stay_untouched(answered, reviewer):
    before = dict(answered.letter.extracted)
    record = commitment_correct(commitment=answered.letter, user=reviewer, expected_version=1,
                                values={"actor": "het kabinet", "kind": "product",
                                        "deliverables": ["voortgangsbrief", "planning"]})
    assert record.extracted == before
    assert record.actor == "het kabinet" and record.deliverables == ["voortgangsbrief", "planning"]


def test_a_new_phrase_alone_is_resolved_against_the_document_date(answered, reviewer):
    record = commitment_correct(commitment=answered.letter, user=reviewer, expected_version=1,
                                values={"deadline_text": "voor de zomer"})
    assert record.precision == "event"
    assert record.due_date == dt.date(2026, 7, 3)  # first day of the 2026 summer recess (Friday 3-9 July)
    assert events(record)[0].changes["precision"] == ["day", "event"]


def test_a_phrase_without_a_date_asks_the_reviewer_for_one(answered, reviewer):
    with pytest.raises(ValidationError) as caught:
        commitment_correct(commitment=answered.letter, user=reviewer, expected_version=1,
                           values={"deadline_text": "als het uitkomt"})
    assert "deadline_text" in caught.value.message_dict


@pytest.mark.parametrize(
    "values, field",
    [
        ({"due_date": dt.date(2026, 5, 1), "window_start": dt.date(2026, 6, 1)}, "due_date"),
        ({"precision": "vague"}, "precision"),
        ({"precision": "month", "window_start": dt.date(2026, 1, 1)}, "window_start"),
        ({"due_date": None, "window_start": dt.date(2026, 6, 1), "precision": "event"}, "due_date"),
        ({"due_date": dt.date(1066, 10, 14), "window_start": None}, "due_date"),
        ({"deadline_text": "uiterlijk 1 juni", "due_date": None, "window_start": None, "precision": "none"},
         "precision"),
    ],
)
def test_inconsistent_deadlines_are_refused(answered, reviewer, values, field):
    with pytest.raises(ValidationError) as caught:
        commitment_correct(commitment=answered.letter, user=reviewer, expected_version=1, values=values)
    assert field in caught.value.message_dict
    answered.letter.refresh_from_db()
    assert answered.letter.version == 1 and not events(answered.letter)


def test_deadline_rules_accept_what_the_spec_allows():
    # "binnen twee maanden": day precision with a two-month window.
    assert deadline_errors(deadline_text="binnen twee maanden", due_date=dt.date(2026, 3, 28),
                           window_start=dt.date(2026, 1, 28), precision="day") == {}
    # Q2/Q3: quarter precision over six months; events without a known date.
    assert deadline_errors(deadline_text="Q2/Q3", due_date=dt.date(2026, 9, 30),
                           window_start=dt.date(2026, 4, 1), precision="quarter") == {}
    assert deadline_errors(deadline_text="na afronding", due_date=None, window_start=None, precision="event") == {}


def test_nothing_changed_is_not_a_correction(answered, reviewer):
    with pytest.raises(ValidationError):
        commitment_correct(commitment=answered.letter, user=reviewer, expected_version=1,
                           values={"actor": "minister van Buitenlandse Zaken"})


def test_correcting_the_text_moves_the_span_to_where_it_stands(answered, reviewer):
    shorter = "Uw Kamer ontvangt uiterlijk 1 juni een brief over de voortgang"
    record = commitment_correct(commitment=answered.letter, user=reviewer, expected_version=1,
                                values={"text": shorter})
    assert answered.document.text[record.start:record.end] == shorter
    assert answered.document.text[record.deadline_start:record.deadline_end] == "uiterlijk 1 juni"


def test_motions_are_attached_and_detached_by_key(answered, reviewer):
    record = commitment_correct(
        commitment=answered.letter, user=reviewer, expected_version=1,
        values={"motions": ["Kamerstuk 36 600 V, nr. 27"]},
    )
    assert events(record)[0].changes["motions"] == [["kst-36800-V-30"], ["kst-36600-V-27"]]
    answered.citation.refresh_from_db()
    assert answered.citation.commitment is None  # still a citation of the document, no longer of this record
    added = MotionCitation.objects.get(commitment=record)
    assert added.key == "kst-36600-V-27" and added.motion == Motion.objects.get(key="kst-36600-V-27")


def test_a_malformed_motion_key_is_refused(answered, reviewer):
    with pytest.raises(ValidationError) as caught:
        commitment_correct(commitment=answered.letter, user=reviewer, expected_version=1,
                           values={"motions": ["de motie van Piri"]})
    assert "motions" in caught.value.message_dict


@pytest.mark.parametrize("raw, key", [
    ("kst-36800-v-30", "kst-36800-V-30"), ("36800-V-30", "kst-36800-V-30"),
    ("Kamerstuk 21 501-02, nr. 3236", "kst-21501-02-3236"), ("35 403, F", "kst-35403-F"),
])
def test_motion_keys_are_normalised(raw, key):
    assert normalise_motion_key(raw) == key


def test_the_question_can_be_corrected_within_the_document(answered, reviewer):
    record = commitment_correct(commitment=answered.letter, user=reviewer, expected_version=1,
                                values={"question": answered.q2})
    assert (record.question, record.promised_to_member, record.promised_to_party) == (answered.q2, "De Vries", "D66")
    assert events(record)[0].changes["question"] == [answered.q1.pk, answered.q2.pk]
    other = build_answered_document(content=b"another document")
    with pytest.raises(ValidationError):
        commitment_correct(commitment=record, user=reviewer, expected_version=2, values={"question": other.q1})


# --- reject -----------------------------------------------------------------------------


def test_reject_records_the_reason_and_drops_out_of_the_counts(answered, reviewer):
    record = commitment_reject(commitment=answered.evaluation, user=reviewer, expected_version=1,
                               reason="not_commitment", note="beleidslijn")
    assert (record.review_state, record.reject_reason) == ("rejected", "not_commitment")
    assert record not in Commitment.objects.alive()
    assert events(record)[0].changes == {"review_state": ["unreviewed", "rejected"],
                                         "reject_reason": ["", "not_commitment"]}


def test_reject_for_another_reason_needs_an_explanation(answered, reviewer):
    with pytest.raises(ValidationError) as caught:
        commitment_reject(commitment=answered.evaluation, user=reviewer, expected_version=1, reason="other")
    assert "note" in caught.value.message_dict


def test_reject_as_duplicate_can_point_to_the_original(answered, reviewer):
    record = commitment_reject(commitment=answered.evaluation, user=reviewer, expected_version=1,
                               reason="duplicate", duplicate_of=answered.letter)
    assert record.duplicate_of == answered.letter


def test_a_rejected_record_can_be_confirmed_again(answered, reviewer):
    commitment_reject(commitment=answered.evaluation, user=reviewer, expected_version=1, reason="not_commitment")
    record = commitment_confirm(commitment=answered.evaluation, user=reviewer, expected_version=2)
    assert (record.review_state, record.reject_reason) == ("confirmed", "")


# --- merge ------------------------------------------------------------------------------


def test_merge_keeps_one_and_tombstones_the_repeats(answered, reviewer):
    later = DocumentFactory(title="Brief handelsbeleid")
    repeat = CommitmentFactory(document=later, text="Zoals toegezegd ontvangt uw Kamer uiterlijk 1 juni een brief.")
    older_repeat = CommitmentFactory(document=later, text="Ook hier", duplicate_of=repeat)
    keep = commitments_merge(keep=answered.letter, duplicates=[repeat], user=reviewer,
                             expected_versions={answered.letter.pk: 1, repeat.pk: 1}, note="zelfde brief")
    repeat.refresh_from_db()
    older_repeat.refresh_from_db()
    assert repeat.duplicate_of == keep and repeat.deleted_at is not None
    assert older_repeat.duplicate_of == keep  # the chain points at the record that stays
    assert keep.review_state == "confirmed"
    assert set(Commitment.objects.alive()) == {keep, answered.evaluation, older_repeat}
    keep_event = events(keep)[0]
    assert keep_event.action == "merge"
    assert keep_event.changes["duplicates"] == [[], sorted([repeat.pk, older_repeat.pk])]
    assert events(repeat)[0].changes["duplicate_of"] == [None, keep.pk]


def test_merge_refuses_itself_and_stale_duplicates(answered, reviewer):
    with pytest.raises(ValidationError):
        commitments_merge(keep=answered.letter, duplicates=[answered.letter], user=reviewer,
                          expected_versions={answered.letter.pk: 1})
    commitment_confirm(commitment=answered.evaluation, user=reviewer, expected_version=1)
    with pytest.raises(StaleRecordError):
        commitments_merge(keep=answered.letter, duplicates=[answered.evaluation], user=reviewer,
                          expected_versions={answered.letter.pk: 1, answered.evaluation.pk: 1})
    answered.evaluation.refresh_from_db()
    assert answered.evaluation.deleted_at is None


# --- split ------------------------------------------------------------------------------


def test_split_makes_two_records_from_one_sentence(reviewer, db):
    text = "Het kabinet stuurt in het derde kwartaal een Klimaatstrategie en een Global Health strategie."
    document = DocumentFactory(text=text, content=text.encode())
    record = CommitmentFactory(document=document, text=text, start=0, end=len(text), extractor_version="1.0.0",
                               deliverables=["Klimaatstrategie", "Global Health strategie"],
                               extracted={"text": text, "deliverables": ["Klimaatstrategie", "Global Health strategie"]})
    first, second = commitment_split(
        commitment=record, user=reviewer, expected_version=1,
        first={"deliverables": ["Klimaatstrategie"]},
        second={"deliverables": ["Global Health strategie"], "due_date": dt.date(2026, 12, 31),
                "window_start": dt.date(2026, 10, 1), "precision": "quarter", "deadline_text": "vierde kwartaal"},
    )
    assert first.pk == record.pk and first.deliverables == ["Klimaatstrategie"]
    assert first.extracted["deliverables"] == ["Klimaatstrategie", "Global Health strategie"]
    assert second.deliverables == ["Global Health strategie"] and second.due_date == dt.date(2026, 12, 31)
    assert (second.document, second.text, second.review_state, second.extractor_version) == (
        document, text, "corrected", "")
    assert events(first)[0].changes["split_into"] == [None, second.pk]
    assert events(second)[0].changes["split_from"] == [None, first.pk]


def test_split_into_two_equal_parts_is_refused(answered, reviewer):
    with pytest.raises(ValidationError):
        commitment_split(commitment=answered.letter, user=reviewer, expected_version=1, first={}, second={})


# --- add from source -----------------------------------------------------------------------


def test_add_a_missed_commitment_by_quote(answered, reviewer):
    quote = answered.missed.replace(" een ", "\n een ")  # whitespace as pasted from a PDF
    record = commitment_add_from_source(
        document=answered.document, user=reviewer, quote=quote,
        values={"actor": "het kabinet", "kind": "product", "deliverables": ["kabinetsreactie op het AIV-advies"],
                "deadline_text": "voor de zomer"},
    )
    start, end = span(answered.document.text, answered.missed)
    assert (record.start, record.end, record.text) == (start, end, answered.missed)
    assert record.question == answered.q2  # the answer the passage stands in
    assert (record.precision, record.due_date) == ("event", dt.date(2026, 7, 3))
    assert answered.document.text[record.deadline_start:record.deadline_end] == "voor de zomer"
    assert (record.review_state, record.extractor_version, record.extracted) == ("confirmed", "", {})
    [event] = events(record)
    assert event.action == "create" and event.changes["span"] == [None, [start, end]]


def test_add_by_offsets_from_a_selection(answered, reviewer):
    start, end = span(answered.document.text, answered.missed)
    record = commitment_add_from_source(document=answered.document, user=reviewer, start=start - 1, end=end + 1,
                                        values={"actor": "het kabinet"})
    assert (record.start, record.end) == (start, end)  # spaces around the selection are trimmed


def test_adding_what_is_already_recorded_is_refused(answered, reviewer):
    with pytest.raises(ValidationError) as caught:
        commitment_add_from_source(document=answered.document, user=reviewer, quote=answered.letter.text,
                                   values={"actor": "het kabinet"})
    assert f"#{answered.letter.pk}" in caught.value.message_dict["quote"][0]


@pytest.mark.parametrize("quote, fragment", [("Dit staat er niet in.", "niet in het document"), ("Antwoord", "2 keer")])
def test_a_quote_must_point_at_one_place(answered, reviewer, quote, fragment):
    with pytest.raises(ValidationError) as caught:
        commitment_add_from_source(document=answered.document, user=reviewer, quote=quote,
                                   values={"actor": "het kabinet"})
    assert fragment in caught.value.message_dict["quote"][0]
