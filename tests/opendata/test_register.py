"""import_tk_toezeggingen: the Kamer's register of commitments becomes Nakoming's commitments."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.opendata.records import page, tk_id, toezegging
from tracker.alerts.models import AlertEvent
from tracker.followup.dashboard import Filters
from tracker.followup.history import slipped_rows
from tracker.models import Commitment, DeadlineRevision, RegisterEntry, ReviewEvent

pytestmark = pytest.mark.django_db


def write(tmp_path: Path, name: str, data: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def run(*files: Path) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_tk_toezeggingen", *[str(f) for f in files], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def commitment(n: int) -> Commitment:
    return RegisterEntry.objects.select_related("commitment").get(tk_id=tk_id(n)).commitment


def test_a_register_entry_becomes_a_confirmed_commitment_with_its_deadline_read_from_its_text(tmp_path):
    out, _err = run(write(tmp_path, "register.json", page(toezegging(1))))

    assert "register.json: 1 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 verwijderd" in out
    row = commitment(1)
    entry = row.register_entry
    assert (entry.number, entry.activity_number, entry.created_on) == ("TZ202602-001", "2026A01234", dt.date(2026, 2, 10))
    assert entry.minister_name == "Joris van Wadden"
    assert row.minister.function == "Minister van Infrastructuur en Waterstaat"
    assert row.ministry.name == "Infrastructuur en Waterstaat"
    assert (row.promised_to_member, row.promised_to_party) == ("Brink", "Volt")
    assert row.review_state == Commitment.ReviewState.CONFIRMED
    assert row.status == Commitment.Status.OPEN
    # "voor de zomer", said on 10 February 2026: before the 2026 summer recess.
    assert row.deadline_text == "voor de zomer"
    assert row.text[row.deadline_start:row.deadline_end] == "voor de zomer"
    assert row.due_date is not None and dt.date(2026, 6, 1) < row.due_date < dt.date(2026, 7, 31)
    assert row.document.reference_date == dt.date(2026, 2, 10)
    assert Commitment.objects.alive().filter(pk=row.pk).exists()


def test_a_fulfilled_entry_arrives_with_its_delivery(tmp_path):
    record = toezegging(2, Tekst="De minister stuurt de Kamer in het tweede kwartaal van 2026 de evaluatie.",
                        Status="Voldaan", DatumNakoming="2026-05-04T00:00:00+02:00", KamerbriefNakoming="36999-12")
    run(write(tmp_path, "voldaan.json", [record]))
    row = commitment(2)
    assert row.status == Commitment.Status.DELIVERED
    assert (row.fulfilled_on, row.fulfilled_kamerstuk) == (dt.date(2026, 5, 4), "36999-12")
    assert row.due_date == dt.date(2026, 6, 30)
    assert row.delivered_on_time is True


def test_importing_again_changes_nothing_and_older_records_are_skipped(tmp_path):
    first = write(tmp_path, "a.json", page(toezegging(1), toezegging(2)))
    run(first)
    before = list(Commitment.objects.order_by("pk").values_list("pk", "version", "updated_at"))

    out, _err = run(first)
    assert "0 nieuw, 0 bijgewerkt, 2 ongewijzigd, 0 verwijderd" in out

    older = toezegging(1, Tekst="Een oudere tekst die nooit terug mag komen.", GewijzigdOp="2026-01-01T00:00:00Z")
    out, _err = run(write(tmp_path, "old.json", older))
    assert "1 ouder dan wat er al staat" in out
    assert list(Commitment.objects.order_by("pk").values_list("pk", "version", "updated_at")) == before
    assert RegisterEntry.objects.count() == 2


def test_a_correction_updates_in_place_and_moves_the_deadline_with_a_revision(tmp_path):
    run(write(tmp_path, "a.json", toezegging(1)))
    changed = toezegging(1, Tekst="De minister zegt toe de Kamer voor het einde van 2026 te informeren over proef 1.",
                         GewijzigdOp="2026-03-01T08:00:00Z")
    out, _err = run(write(tmp_path, "b.json", changed))
    assert "0 nieuw, 1 bijgewerkt" in out
    row = commitment(1)
    assert row.due_date == dt.date(2026, 12, 31)
    assert row.document.text == changed["Tekst"]
    revision = row.deadline_revisions.get()
    assert revision.new_due == dt.date(2026, 12, 31) and revision.old_text == "voor de zomer"
    assert Commitment.objects.filter(register_entry__isnull=False).count() == 1


def test_a_tombstone_removes_the_commitment_from_lists(tmp_path):
    run(write(tmp_path, "a.json", page(toezegging(1), toezegging(2))))
    out, _err = run(write(tmp_path, "b.json", {"Id": tk_id(2), "Verwijderd": True,
                                               "GewijzigdOp": "2026-04-01T00:00:00Z"}))
    assert "0 nieuw, 0 bijgewerkt, 0 ongewijzigd, 1 verwijderd" in out
    assert list(Commitment.objects.alive().values_list("pk", flat=True)) == [commitment(1).pk]
    assert commitment(2).deleted_at is not None
    # The old record re-emitted before the deletion does not bring it back.
    out, _err = run(write(tmp_path, "c.json", toezegging(2)))
    assert commitment(2).deleted_at is not None


def test_a_status_change_from_the_kamer_is_audited_and_alerted_like_a_clerks(tmp_path):
    run(write(tmp_path, "a.json", toezegging(1)))
    done = toezegging(1, Status="Voldaan", DatumNakoming="2026-04-02", KamerbriefNakoming="31305-501",
                      GewijzigdOp="2026-04-03T08:00:00Z")
    out, _err = run(write(tmp_path, "b.json", done))
    assert "1 statuswijzigingen" in out
    row = commitment(1)
    assert row.status == Commitment.Status.DELIVERED
    assert (row.fulfilled_on, row.fulfilled_kamerstuk) == (dt.date(2026, 4, 2), "31305-501")
    event = row.review_events.get(action=ReviewEvent.Action.DELIVER)
    assert event.user is None and "toezeggingenregister" in event.note
    assert event.changes["status"] == ["open", "delivered"]
    assert AlertEvent.objects.filter(commitment=row, kind=AlertEvent.Kind.DELIVERED).exists()

    lapsed = dict(done, Status="Vervallen", GewijzigdOp="2026-05-01T08:00:00Z")
    run(write(tmp_path, "c.json", lapsed))
    assert commitment(1).status == Commitment.Status.WITHDRAWN


def test_a_changed_commitment_moves_the_deadline_of_the_one_it_changes_into_the_slipped_list(tmp_path):
    original = toezegging(1, Tekst="De minister informeert de Kamer in het tweede kwartaal van 2026 over proef 1.")
    change = toezegging(2, Tekst="De minister informeert de Kamer in het vierde kwartaal van 2026 over proef 1.",
                        IsWijzigingVan=tk_id(1), Aanmaakdatum="2026-05-20T10:00:00+02:00")
    run(write(tmp_path, "a.json", page(original, change)))
    row = commitment(1)
    assert row.due_date == dt.date(2026, 12, 31)
    assert commitment(2).register_entry.amends_tk_id == tk_id(1)
    revision = row.deadline_revisions.get(source=DeadlineRevision.Source.DOCUMENT)
    assert (revision.old_due, revision.new_due) == (dt.date(2026, 6, 30), dt.date(2026, 12, 31))
    assert "TZ202602-002" in revision.reason
    assert row.pk in {r.pk for r in slipped_rows(Filters())}
    # Importing again does not move it twice.
    run(write(tmp_path, "a.json", page(original, change)))
    assert row.deadline_revisions.count() == 1


@pytest.mark.parametrize(("content", "message"), [
    (b'{"value": [{"Id": "x", "Tekst": "De min', "geen geldige JSON"),
    (json.dumps([toezegging(1), {"Tekst": "Zonder Id."}]).encode(), "record 2: veld Id ontbreekt"),
    (json.dumps([toezegging(1), toezegging(2, Status="Half voldaan")]).encode(),
     f"record 2 (Id {tk_id(2)}, Nummer TZ202602-002): onbekende Status 'Half voldaan'"),
])
def test_bad_input_is_named_and_nothing_of_that_file_is_written(tmp_path, content, message):
    bad = tmp_path / "kapot.json"
    bad.write_bytes(content)
    good = write(tmp_path, "goed.json", toezegging(5))
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command("import_tk_toezeggingen", str(bad), str(good), stdout=out, stderr=err)
    assert message in err.getvalue()
    assert f"Niets uit {bad} is opgeslagen." in err.getvalue()
    assert list(RegisterEntry.objects.values_list("tk_id", flat=True)) == [tk_id(5)]
    assert "goed.json: 1 nieuw" in out.getvalue()


def test_the_number_of_statements_does_not_grow_with_the_number_of_records(tmp_path):
    def statements(records: list[dict]) -> int:
        path = write(tmp_path, "n.json", records)
        with CaptureQueriesContext(connection) as ctx:
            run(path)
        return len(ctx.captured_queries)

    statements([toezegging(100)])  # the ministry and the minister exist from here on
    small = statements([toezegging(n) for n in range(1, 4)])
    # 20 rows stay within one of SQLite's bulk-insert batches (999 parameters).
    large = statements([toezegging(n) for n in range(10, 30)])
    assert small == large
    again = statements([toezegging(n) for n in range(10, 30)])
    assert again <= large


def test_register_sources_are_never_queued_for_extraction(tmp_path):
    from tracker.ingest.process import document_requeue, outdated_documents

    run(write(tmp_path, "a.json", toezegging(1)))
    source = commitment(1).document
    assert source.origin == "register" and not source.file
    assert source not in outdated_documents()
    assert document_requeue(source.pk) is False
    source.refresh_from_db()
    assert source.status == "done"


def test_a_reviewers_correction_stays_until_the_kamer_changes_that_field(tmp_path):
    from tracker.review.services import commitment_correct

    run(write(tmp_path, "a.json", toezegging(1)))
    row = commitment(1)
    commitment_correct(commitment=row, user=None, expected_version=row.version,
                       values={"actor": "de minister voor Fietsbeleid", "deliverables": ["brief over de proef"]})
    again = toezegging(1, GewijzigdOp="2026-03-01T08:00:00Z", ToegezegdAanFractie="D66")
    out, _err = run(write(tmp_path, "b.json", again))
    assert "1 bijgewerkt" in out
    row = commitment(1)
    assert (row.actor, row.deliverables) == ("de minister voor Fietsbeleid", ["brief over de proef"])
    assert row.promised_to_party == "D66"

    moved = dict(again, Functie="Staatssecretaris van Infrastructuur en Waterstaat", GewijzigdOp="2026-03-02T08:00:00Z")
    run(write(tmp_path, "c.json", moved))
    row = commitment(1)
    assert row.actor == "staatssecretaris van Infrastructuur en Waterstaat"
    assert row.deliverables == ["brief over de proef"]  # the text did not change


def test_the_deliverable_is_read_from_the_text_so_a_later_letter_can_be_suggested(tmp_path):
    from tracker.ingest.fulfilment import suggest_fulfilments

    record = toezegging(1, Tekst="De minister stuurt de Kamer voor de zomer een brief over de deelfietsenproef.")
    run(write(tmp_path, "a.json", record))
    row = commitment(1)
    assert any("deelfietsenproef" in d for d in row.deliverables)
    from tests.factories import DocumentFactory

    letter = DocumentFactory(title="Brief over de deelfietsenproef", ministry=row.ministry,
                             reference_date=dt.date(2026, 5, 1), text="Geachte voorzitter, de deelfietsenproef ...")
    assert [s.commitment_id for s in suggest_fulfilments(letter)] == [row.pk]
