"""Import the Kamer's register of toezeggingen: each ``Toezegging`` becomes a commitment.

- Idempotent by ``Id``; a record older (``GewijzigdOp``) than what is stored is
  skipped; ``Verwijderd: true`` tombstones the commitment.
- One transaction per file (or API page); the number of statements does not
  depend on the number of new or unchanged records. A status change from the
  Kamer on a known record goes through the clerk's write path
  (:mod:`tracker.followup.delivery`): audited and alerted like a clerk's change.
- The due date is read from the record's own text by the extraction engine,
  against ``Aanmaakdatum``.
- Each commitment hangs off its own small source document (origin
  ``register``) whose text is the register's text, so the review screens,
  corrections and the REST feed treat it like any other commitment.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone

from motions.importing import TkImportError
from tracker.extraction.calendar import ParliamentaryCalendar
from tracker.extraction.commitments import find_commitments
from tracker.extraction.deadlines import find_deadlines
from tracker.extraction.types import Deadline
from tracker.followup.changes import SLIPPED, announce, followup_changed
from tracker.followup.delivery import (
    DELIVERY_STATUSES,
    commitment_record_delivery,
    commitment_set_status,
)
from tracker.models import (
    Commitment,
    DeadlineRevision,
    Document,
    Ministry,
    Person,
    RegisterEntry,
    ReviewEvent,
)
from tracker.opendata.matching import propose_for_register
from tracker.opendata.records import PERSON_FIELDS, ToezeggingRecord, decode, parse_all, records_of
from tracker.recesses import parliamentary_calendar

STATUS_NOTE = "Status in het toezeggingenregister van de Tweede Kamer: {status} (gewijzigd op {when})."
AMENDED_REASON = "Gewijzigd in het toezeggingenregister door {number}"
TEXT_REASON = "Tekst gewijzigd in het toezeggingenregister van de Tweede Kamer"
ENTRY_FIELDS = (
    "number", "activity_number", "minister_name", "minister_function", "ministry_name", "created_on",
    "tk_status", "fulfilled_on", "fulfilled_letter", "register_fields", "repeats_tk_id", "supplements_tk_id",
    "amends_tk_id",
)
COMMITMENT_FIELDS = ("text", "end", "deliverables", "actor", "minister_id", "ministry_id", "promised_to_member",
                     "promised_to_party")
# Which of the register's fields each commitment field comes from: a field changes only when its source did.
SOURCES = {
    "text": ("Tekst",), "end": ("Tekst",), "deliverables": ("Tekst",),
    "actor": ("Functie", *PERSON_FIELDS), "minister_id": ("Functie", *PERSON_FIELDS), "ministry_id": ("Ministerie",),
    "promised_to_member": ("ToegezegdAanPersoon",), "promised_to_party": ("ToegezegdAanFractie",),
}
DEADLINE_FIELDS = ("deadline_text", "deadline_start", "deadline_end", "due_date", "window_start", "precision")


@dataclass
class RegisterResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    stale: int = 0  # older than what is stored
    status_changes: int = 0  # applied through the clerk's write path

    def add(self, other: RegisterResult) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def summary(self) -> str:
        parts = [f"{self.created} nieuw", f"{self.updated} bijgewerkt", f"{self.unchanged} ongewijzigd",
                 f"{self.deleted} verwijderd"]
        if self.status_changes:
            parts.append(f"{self.status_changes} statuswijzigingen")
        if self.stale:
            parts.append(f"{self.stale} ouder dan wat er al staat (overgeslagen)")
        return ", ".join(parts)


# --- values ------------------------------------------------------------------------


def best_deadline(text: str, reference: dt.date, calendar: ParliamentaryCalendar) -> Deadline | None:
    """The deadline a register text names: a dated phrase over an undated one, then the longest, then the first."""
    hits = find_deadlines(text, reference, calendar)
    if not hits:
        return None
    return max(hits, key=lambda d: (d.due is not None, (d.end or 0) - (d.start or 0), -(d.start or 0)))


def deadline_values(record: ToezeggingRecord, calendar: ParliamentaryCalendar) -> dict[str, Any]:
    found = best_deadline(record.text, record.created_on, calendar) if record.created_on else None
    if found is None:
        return {"deadline_text": "", "deadline_start": None, "deadline_end": None, "due_date": None,
                "window_start": None, "precision": "none"}
    return {"deadline_text": found.text[:300], "deadline_start": found.start, "deadline_end": found.end,
            "due_date": found.due, "window_start": found.window_start, "precision": found.precision}


def _role(function: str) -> str:
    folded = function.casefold()
    if folded.startswith("staatssecretaris"):
        return Person.Role.STATE_SECRETARY
    return Person.Role.MINISTER if "minister" in folded else Person.Role.OTHER


def _ministries(names: set[str]) -> dict[str, int]:
    """Ministry ids by lower-cased name or abbreviation; unknown ministries are created."""
    names = {n for n in names if n}
    if not names:
        return {}
    lowered = {n.casefold() for n in names}
    found: dict[str, int] = {}

    def read() -> None:
        rows = Ministry.objects.annotate(lname=Lower("name"), labbr=Lower("abbreviation")).filter(
            Q(lname__in=lowered) | Q(labbr__in=lowered))
        for row in rows:
            found.setdefault(row.lname, row.pk)
            if row.labbr:
                found.setdefault(row.labbr, row.pk)

    read()
    missing = sorted(n for n in names if n.casefold() not in found)
    if missing:
        Ministry.objects.bulk_create([Ministry(name=n) for n in missing], ignore_conflicts=True)
        read()
    return found


def _ministers(records: list[ToezeggingRecord], ministries: dict[str, int]) -> dict[tuple[str, str], int]:
    """Person ids by (name, role); unknown members of the government are created."""
    wanted = {(r.minister_name, _role(r.minister_function)): r for r in records if r.minister_name}
    if not wanted:
        return {}
    names = {name for name, _role_ in wanted}

    def read() -> dict[tuple[str, str], int]:
        rows = Person.objects.filter(name__in=names, party="").values_list("name", "role", "pk")
        return {(name, role): pk for name, role, pk in rows}

    found = read()
    missing = [key for key in wanted if key not in found]
    if missing:
        Person.objects.bulk_create([
            Person(name=name, role=role, function=wanted[(name, role)].minister_function,
                   ministry_id=ministries.get(wanted[(name, role)].ministry_name.casefold()))
            for name, role in missing
        ], ignore_conflicts=True)
        found = read()
    return found


def deliverables_of(text: str, reference: dt.date | None, calendar: ParliamentaryCalendar) -> list[str]:
    """What the register's text promises to deliver, as the extraction engine reads it (for fulfilment
    suggestions and matching)."""
    found = find_commitments(text, reference_date=reference, calendar=calendar)
    return list(dict.fromkeys(d for commitment in found for d in commitment.deliverables))[:10]


def _commitment_values(record: ToezeggingRecord, ministries: dict[str, int], ministers: dict[tuple[str, str], int],
                       calendar: ParliamentaryCalendar) -> dict[str, Any]:
    actor = record.minister_function or record.minister_name or "de regering"
    return {
        "text": record.text, "end": len(record.text), "actor": actor[:1].lower() + actor[1:200],
        "promised_on": record.created_on,
        "deliverables": deliverables_of(record.text, record.created_on, calendar),
        "minister_id": ministers.get((record.minister_name, _role(record.minister_function))),
        "ministry_id": ministries.get(record.ministry_name.casefold()),
        "promised_to_member": record.promised_to_member, "promised_to_party": record.promised_to_party,
    }


def _entry_values(record: ToezeggingRecord, entry: RegisterEntry | None) -> dict[str, Any]:
    values = {name: getattr(record, name) for name in ENTRY_FIELDS if hasattr(record, name)}
    for name in ("repeats_tk_id", "supplements_tk_id", "amends_tk_id"):
        # An absent link leaves the stored one alone; an empty one clears it.
        values[name] = record.links.get(name, getattr(entry, name) if entry else "")
    return values


def _status_values(record: ToezeggingRecord, due: dt.date | None) -> dict[str, Any]:
    delivered = record.status in DELIVERY_STATUSES
    on_time = (record.fulfilled_on <= due) if (
        record.status == Commitment.Status.DELIVERED and record.fulfilled_on and due) else None
    return {
        "status": record.status, "fulfilled_on": record.fulfilled_on if delivered else None,
        "fulfilled_kamerstuk": record.fulfilled_letter if delivered else "", "delivered_on_time": on_time,
    }


def _source_document(record: ToezeggingRecord, now: dt.datetime) -> Document:
    return Document(
        sha256=hashlib.sha256(f"tk-toezegging:{record.tk_id}".encode()).hexdigest(), size=len(record.text),
        file_format="", original_name=record.number, kind=Document.Kind.OTHER,
        title=f"Toezegging {record.number or record.tk_id} (register Tweede Kamer)"[:500],
        reference_date=record.created_on, reference_date_source=Document.DateSource.DOCUMENT,
        origin=Document.Origin.REGISTER, ministry_id=None, status=Document.Status.DONE, stage="", progress=100,
        text=record.text, processed_at=now,
    )


def _is_stale(record_time: dt.datetime | None, stored: dt.datetime | None) -> bool:
    return record_time is not None and stored is not None and record_time < stored


# --- the import ----------------------------------------------------------------------


@transaction.atomic
def import_register(records: list[dict[str, Any]], *, source: str) -> RegisterResult:
    """Import one file's (or one API page's) Toezegging records, all or nothing."""
    parsed = parse_all(records, source)
    result = RegisterResult()
    now = timezone.now()
    entries = {e.tk_id: e for e in RegisterEntry.objects.filter(tk_id__in=[r.tk_id for r in parsed])
               .select_related("commitment")}

    tombstoned: list[RegisterEntry] = []
    live: list[tuple[ToezeggingRecord, RegisterEntry | None]] = []
    for record in parsed:
        entry = entries.get(record.tk_id)
        if entry is not None and _is_stale(record.modified_at, entry.tk_modified_at):
            result.stale += 1
        elif record.deleted:
            if entry is not None and entry.deleted_at is None:
                entry.deleted_at, entry.tk_modified_at = now, record.modified_at or entry.tk_modified_at
                tombstoned.append(entry)
            elif entry is not None:
                result.unchanged += 1
        else:
            live.append((record, entry))
    if tombstoned:
        RegisterEntry.objects.bulk_update(tombstoned, ["deleted_at", "tk_modified_at", "updated_at"])
        Commitment.objects.filter(pk__in=[e.commitment_id for e in tombstoned], deleted_at__isnull=True).update(
            deleted_at=now, updated_at=now, version=F("version") + 1)
        followup_changed(Q(pk__in=[e.commitment_id for e in tombstoned]))
    result.deleted = len(tombstoned)
    if not live:
        return result

    calendar = parliamentary_calendar()
    ministries = _ministries({r.ministry_name for r, _e in live})
    ministers = _ministers([r for r, _e in live], ministries)
    new = [(r, _commitment_values(r, ministries, ministers, calendar), deadline_values(r, calendar))
           for r, e in live if e is None]
    created_ids = _create(new, now)
    propose_for_register(created_ids)
    result.created = len(new)

    status_work: list[tuple[ToezeggingRecord, RegisterEntry]] = []
    changed = _update([(r, e) for r, e in live if e is not None], ministries, ministers, calendar, now, status_work)
    result.updated = len(changed)
    result.unchanged += len(live) - result.created - result.updated
    result.status_changes = _apply_statuses(status_work)
    amended = _apply_amendments([r.tk_id for r, _e in live], now)
    # Overdue / due soon are right the moment the register's records arrive, not at the next sweep.
    followup_changed(Q(pk__in=[*created_ids, *changed, *amended]))
    return result


def _create(new: list[tuple[ToezeggingRecord, dict[str, Any], dict[str, Any]]], now: dt.datetime) -> list[int]:
    if not new:
        return []
    documents = Document.objects.bulk_create([_source_document(record, now) for record, _v, _d in new])
    commitments = Commitment.objects.bulk_create([
        Commitment(
            document_id=document.pk, start=0, kind=Commitment.Kind.PROMISE, certainty=Commitment.Certainty.CLEAR,
            review_state=Commitment.ReviewState.CONFIRMED, confidence=1.0, extractor_version="", extracted={},
            **values, **deadline, **_status_values(record, deadline["due_date"]),
        )
        for document, (record, values, deadline) in zip(documents, new, strict=True)
    ])
    RegisterEntry.objects.bulk_create([
        RegisterEntry(tk_id=record.tk_id, commitment_id=commitment.pk, tk_modified_at=record.modified_at,
                      **_entry_values(record, None))
        for commitment, (record, _v, _d) in zip(commitments, new, strict=True)
    ])
    ReviewEvent.objects.bulk_create([
        ReviewEvent(commitment_id=commitment.pk, action=ReviewEvent.Action.REEXTRACT,
                    changes={"register": [None, record.number or record.tk_id], "status": [None, commitment.status]},
                    note="Overgenomen uit het toezeggingenregister van de Tweede Kamer.")
        for commitment, (record, _v, _d) in zip(commitments, new, strict=True)
    ])
    return [commitment.pk for commitment in commitments]


def _update(
    known: list[tuple[ToezeggingRecord, RegisterEntry]], ministries: dict[str, int],
    ministers: dict[tuple[str, str], int], calendar: ParliamentaryCalendar, now: dt.datetime,
    status_work: list[tuple[ToezeggingRecord, RegisterEntry]],
) -> set[int]:
    """Bulk-update what changed in known records; status changes are queued for the write path."""
    entries_changed: list[RegisterEntry] = []
    rows_changed: list[Commitment] = []
    documents: list[Document] = []
    revisions: list[DeadlineRevision] = []
    events: list[ReviewEvent] = []
    changed: set[int] = set()
    entry_before = {entry.pk: dict(entry.register_fields) for _record, entry in known}
    for record, entry in known:
        row = entry.commitment
        wanted_entry = _entry_values(record, entry)
        entry_diff = [n for n, v in wanted_entry.items() if getattr(entry, n) != v]
        revived = entry.deleted_at is not None
        if entry_diff or revived or entry.tk_modified_at != record.modified_at:
            for name in entry_diff:
                setattr(entry, name, wanted_entry[name])
            entry.deleted_at, entry.tk_modified_at = None, record.modified_at
            entries_changed.append(entry)
        before = entry_before.get(entry.pk, {})
        moved = {key for key in set(before) | set(record.register_fields)
                 if before.get(key) != record.register_fields.get(key)}
        wanted: dict[str, Any] = {}
        if moved:
            values = _commitment_values(record, ministries, ministers, calendar)
            wanted = {name: values[name] for name, sources in SOURCES.items() if moved & set(sources)}
        if moved & {"Tekst", "Aanmaakdatum"} and row.review_state != Commitment.ReviewState.CORRECTED:
            deadline = deadline_values(record, calendar)
            if any(getattr(row, n) != deadline[n] for n in ("due_date", "window_start", "precision", "deadline_text")):
                revisions.append(DeadlineRevision(
                    commitment=row, source=DeadlineRevision.Source.EXTRACTION, reason=TEXT_REASON,
                    quote=record.text[:2000], old_text=row.deadline_text, old_due=row.due_date,
                    old_window_start=row.window_start, old_precision=row.precision,
                    new_text=deadline["deadline_text"], new_due=deadline["due_date"],
                    new_window_start=deadline["window_start"], new_precision=deadline["precision"]))
                wanted.update(deadline, overdue_since=None, due_soon_since=None)
            else:
                wanted.update({n: deadline[n] for n in ("deadline_start", "deadline_end")})
        diff = {n: v for n, v in wanted.items() if getattr(row, n) != v}
        if revived and row.deleted_at is not None and row.duplicate_of_id is None:
            diff["deleted_at"] = None
        if diff:
            events.append(ReviewEvent(
                commitment_id=row.pk, action=ReviewEvent.Action.REEXTRACT, note=TEXT_REASON,
                changes={n: [_plain(getattr(row, n)), _plain(v)] for n, v in diff.items()
                         if n not in ("end", "deadline_start", "deadline_end")}))
            for name, value in diff.items():
                setattr(row, name, value)
            row.updated_at, row.version = now, row.version + 1
            rows_changed.append(row)
            if moved & {"Tekst", "Aanmaakdatum"}:
                documents.append(Document(pk=row.document_id, text=record.text, size=len(record.text),
                                          reference_date=record.created_on))
        if "tk_status" in entry_diff or "fulfilled_on" in entry_diff or "fulfilled_letter" in entry_diff:
            status_work.append((record, entry))
        if entry_diff or diff or revived:
            changed.add(row.pk)
    RegisterEntry.objects.bulk_update(entries_changed, [*ENTRY_FIELDS, "deleted_at", "tk_modified_at", "updated_at"])
    Commitment.objects.bulk_update(rows_changed, [*COMMITMENT_FIELDS, *DEADLINE_FIELDS, "overdue_since",
                                                  "due_soon_since", "deleted_at", "updated_at", "version"])
    Document.objects.bulk_update(documents, ["text", "size", "reference_date"])
    DeadlineRevision.objects.bulk_create(revisions)
    ReviewEvent.objects.bulk_create(events)
    return changed


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _apply_statuses(work: list[tuple[ToezeggingRecord, RegisterEntry]]) -> int:
    """The Kamer changed a record's status or delivery: the clerk's write path, one record at a time."""
    applied = 0
    for record, entry in work:
        row = Commitment.objects.filter(pk=entry.commitment_id).first()
        if row is None or row.deleted_at is not None or row.review_state == Commitment.ReviewState.REJECTED:
            continue
        when = record.modified_at.astimezone(dt.UTC).date() if record.modified_at else timezone.localdate()
        note = STATUS_NOTE.format(status=record.tk_status or "Openstaand", when=f"{when:%d-%m-%Y}")
        try:
            if record.status in DELIVERY_STATUSES:
                kamerstuk = record.fulfilled_letter or f"toezeggingenregister {record.number or record.tk_id}"
                fulfilled_on = record.fulfilled_on or when
                if (row.status, row.fulfilled_on, row.fulfilled_kamerstuk) == (record.status, fulfilled_on, kamerstuk):
                    continue
                commitment_record_delivery(
                    commitment=row.pk, user=None, status=record.status, fulfilled_on=fulfilled_on, kamerstuk=kamerstuk,
                    note=note, expected_version=row.version)
            elif row.status != record.status:
                commitment_set_status(commitment=row.pk, user=None, status=record.status, note=note,
                                      expected_version=row.version)
            else:
                continue
        except ValidationError as exc:
            raise TkImportError(f"{record.where}: status niet over te nemen: {' '.join(exc.messages)}") from None
        applied += 1
    return applied


def _apply_amendments(tk_ids: list[str], now: dt.datetime) -> set[int]:
    """``IsWijzigingVan``: the changed record's deadline moves to the new record's, as a revision
    (source: later document), so a later deadline shows in the slipped list and alerts as slipped."""
    pairs = list(
        RegisterEntry.objects.filter(Q(tk_id__in=tk_ids) | Q(amends_tk_id__in=tk_ids))
        .exclude(amends_tk_id="").filter(deleted_at__isnull=True)
        .values_list("commitment_id", "number", "amends_tk_id", "commitment__document_id")
    )
    amended: set[int] = set()
    if not pairs:
        return amended
    targets = {e.tk_id: e.commitment for e in RegisterEntry.objects.filter(
        tk_id__in={p[2] for p in pairs}, deleted_at__isnull=True).select_related("commitment")}
    done = set(DeadlineRevision.objects.filter(
        source=DeadlineRevision.Source.DOCUMENT, source_document_id__in={p[3] for p in pairs}
    ).values_list("commitment_id", "source_document_id"))
    sources = {c.pk: c for c in Commitment.objects.filter(pk__in={p[0] for p in pairs})}
    for source_id, number, target_tk_id, document_id in pairs:
        target, source = targets.get(target_tk_id), sources.get(source_id)
        if target is None or source is None or (target.pk, document_id) in done or target.pk == source.pk:
            continue
        if target.deleted_at is not None or target.review_state == Commitment.ReviewState.REJECTED:
            continue
        new = (source.deadline_text, source.due_date, source.window_start, source.precision)
        if new[1] is None or new[1] == target.due_date:
            continue
        revision = DeadlineRevision.objects.create(
            commitment=target, source=DeadlineRevision.Source.DOCUMENT, source_document_id=document_id,
            quote=source.text[:2000], reason=AMENDED_REASON.format(number=number or "een latere toezegging"),
            old_text=target.deadline_text, old_due=target.due_date, old_window_start=target.window_start,
            old_precision=target.precision, new_text=new[0], new_due=new[1], new_window_start=new[2],
            new_precision=new[3])
        Commitment.objects.filter(pk=target.pk).update(
            deadline_text=new[0], deadline_start=None, deadline_end=None, due_date=new[1], window_start=new[2],
            precision=new[3], overdue_since=None, due_soon_since=None, updated_at=now, version=F("version") + 1)
        amended.add(target.pk)
        announce(target.pk, SLIPPED, revision=revision)
    return amended


def import_register_bytes(raw: bytes, *, source: str) -> RegisterResult:
    """Read and import one file's bytes (UTF-8 JSON), all or nothing."""
    return import_register(records_of(decode(raw, source), source), source=source)
