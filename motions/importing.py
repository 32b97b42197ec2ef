"""Import motions and their votes from JSON in the shape of the Tweede Kamer's open data.

The accepted shape is described in ``docs/tk-import.md``: ``Zaak`` records
(``Soort`` ``Motie``) with their ``Kamerstukdossier``, ``Document``,
``ZaakActor`` and ``Besluit`` (with ``Stemming``) expanded, as the OData API
returns them with ``$expand``.

- Idempotent by ``Id``: a re-import updates in place and never duplicates; a
  record older (``GewijzigdOp``) than what is stored is ignored.
- ``Verwijderd: true`` is applied as a tombstone (``deleted_at``), for a zaak,
  a besluit (its votes) or a single stemming.
- A motion the register already knows by key (created by a citation, or from
  an ingested motion text) is adopted by the zaak with that key.
- Each file is one transaction: a record the importer cannot read stops the
  file with an error naming the file and the record, and nothing of that file
  is written.
- The number of queries does not depend on the number of records (bulk reads
  and writes).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from motions.models import Motion, MotionSigner, MotionVote
from motions.services import replace_signers, signer_rows
from tracker.extraction.motions import canonical_key, split_key
from tracker.models import Committee

MOTION_KINDS = {"motie", "motie (gewijzigd/nader)"}
AMENDED_KIND = "motie (gewijzigd/nader)"

JUDGEMENTS = {
    "overgenomen": Motion.Judgement.ADOPTED_BY_CABINET,
    "ontraden": Motion.Judgement.DISCOURAGED,
    "ontraden tenzij gewijzigd": Motion.Judgement.DISCOURAGED_UNLESS_CHANGED,
    "oordeel kamer": Motion.Judgement.LEFT_TO_HOUSE,
    "verzocht motie aan te houden": Motion.Judgement.ASKED_TO_HOLD,
    "geen (expliciete) appreciatie": Motion.Judgement.NONE,
    "nog niet bekend": Motion.Judgement.UNKNOWN,
    "nog te ontvangen": Motion.Judgement.TO_BE_RECEIVED,
}
# BesluitSoort (``Stemmen - aangenomen``, ``Aangehouden (tijdens vergadering)``) → result.
OUTCOMES = (
    ("aangenomen", Motion.VoteResult.ADOPTED),
    ("verworpen", Motion.VoteResult.REJECTED),
    ("aangehouden", Motion.VoteResult.HELD),
    ("uitgesteld", Motion.VoteResult.POSTPONED),
    ("ingetrokken", Motion.VoteResult.WITHDRAWN),
    ("vervallen", Motion.VoteResult.LAPSED),
)
VOTE_CHOICES = {
    "voor": MotionVote.Choice.FOR,
    "tegen": MotionVote.Choice.AGAINST,
    "niet deelgenomen": MotionVote.Choice.ABSENT,
}
COMMITTEE_PREFIXES = ("vaste commissie voor ", "commissie voor ", "algemene commissie voor ")
# The fields a zaak record may set; only these are compared and bulk-updated.
ZAAK_FIELDS = (
    "key", "dossier", "number", "tk_id", "zaak_number", "title", "dossier_title", "date", "session_year",
    "tk_status", "tk_settled", "judgement", "amended", "tk_modified_at",
)
VOTE_FIELDS = ("vote_result", "vote_date", "voting_method", "decision_tk_id")
UPDATE_FIELDS = sorted({*ZAAK_FIELDS, *VOTE_FIELDS, "committee", "members", "co_signers", "deleted_at",
                        "updated_at"})
VOTE_ROW_FIELDS = ["motion", "decision_tk_id", "party", "member", "choice", "party_size", "mistake",
                   "tk_modified_at", "deleted_at", "updated_at"]


class TkImportError(ValueError):
    """Input the importer cannot read; the message names the file and the record."""


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    skipped: int = 0  # zaken that are not motions
    stale: int = 0  # records older than what is stored
    votes: int = 0  # votes created or changed

    def add(self, other: ImportResult) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


# --------------------------------------------------------------------------
# Reading and checking records
# --------------------------------------------------------------------------


@dataclass
class VoteRecord:
    tk_id: str
    deleted: bool
    modified_at: dt.datetime | None
    party: str = ""
    member: str = ""
    choice: str = ""
    party_size: int | None = None
    mistake: bool = False


@dataclass
class DecisionRecord:
    tk_id: str
    deleted: bool
    modified_at: dt.datetime | None
    outcome: str | None
    date: dt.date | None
    method: str
    position: int
    votes: list[VoteRecord]


@dataclass
class ZaakRecord:
    where: str
    tk_id: str
    deleted: bool
    modified_at: dt.datetime | None
    values: dict[str, Any] = field(default_factory=dict)  # Motion fields present in the record
    signers: tuple[list[tuple[str, str]], list[tuple[str, str]]] | None = None
    committee: str | None = None  # None: not in the record; "": no committee
    decisions: list[DecisionRecord] | None = None


class _Reader:
    """Typed access to one record's fields, with errors that say where."""

    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, message: str) -> TkImportError:
        return TkImportError(f"{self.where}: {message}")

    def obj(self, value: Any, name: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(f"{name} moet een object zijn")
        return value

    def items(self, record: dict[str, Any], name: str) -> list[dict[str, Any]] | None:
        """An expanded navigation property: a list of objects, one object, null or absent (None)."""
        if name not in record:
            return None
        value = record[name]
        if value is None:
            return []
        values = value if isinstance(value, list) else [value]
        return [self.obj(v, name) for v in values]

    def text(self, record: dict[str, Any], name: str, *, required: bool = False, default: str = "") -> str:
        value = record.get(name)
        if value is None:
            if required:
                raise self.fail(f"veld {name} ontbreekt")
            return default
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise self.fail(f"veld {name} moet tekst zijn, niet {json.dumps(value)[:40]}")
        return " ".join(str(value).split())

    def boolean(self, record: dict[str, Any], name: str) -> bool | None:
        value = record.get(name)
        if value is None or isinstance(value, bool):
            return value
        raise self.fail(f"veld {name} moet true of false zijn, niet {json.dumps(value)[:40]}")

    def integer(self, record: dict[str, Any], name: str, *, required: bool = False) -> int | None:
        value = record.get(name)
        if value is None:
            if required:
                raise self.fail(f"veld {name} ontbreekt")
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().isdigit():
            return int(value)
        raise self.fail(f"veld {name} moet een getal zijn, niet {json.dumps(value)[:40]}")

    def moment(self, record: dict[str, Any], name: str) -> dt.datetime | None:
        value = record.get(name)
        if value is None or value == "":
            return None
        try:
            moment = dt.datetime.fromisoformat(str(value))
        except ValueError:
            raise self.fail(f"veld {name} is geen datum en tijd (ISO 8601): {value!r}") from None
        return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)

    def day(self, record: dict[str, Any], name: str) -> dt.date | None:
        value = record.get(name)
        if value is None or value == "":
            return None
        try:
            return dt.datetime.fromisoformat(str(value)).date()
        except ValueError:
            raise self.fail(f"veld {name} is geen datum (ISO 8601): {value!r}") from None


def load_file(path: Path) -> list[dict[str, Any]]:
    """The records of one file: an OData page ``{"value": [...]}``, a list, or one record."""
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        raise TkImportError(f"{path}: bestand niet gevonden") from None
    except UnicodeDecodeError as exc:
        raise TkImportError(f"{path}: geen UTF-8 ({exc.reason})") from None
    except json.JSONDecodeError as exc:
        raise TkImportError(f"{path}: geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}: {exc.msg})") from None
    return odata_records(data, str(path), "Zaak")


def odata_records(data: Any, source: str, entity: str) -> list[dict[str, Any]]:
    """The records of decoded open-data JSON: an OData page ``{"value": [...]}``, a list, or one record."""
    if isinstance(data, dict) and isinstance(data.get("value"), list):
        records = data["value"]
    elif isinstance(data, list):
        records = data
    elif isinstance(data, dict) and "Id" in data:
        records = [data]
    else:
        raise TkImportError(f'{source}: verwacht een lijst van {entity}-records of {{"value": [...]}}')
    for n, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise TkImportError(f"{source}: record {n}: verwacht een object, niet {type(record).__name__}")
    return records


def _key(reader: _Reader, record: dict[str, Any]) -> tuple[str, str, str, bool]:
    """(key, dossier, number, amended) from Kamerstukdossier and the motion document."""
    dossiers = reader.items(record, "Kamerstukdossier")
    if not dossiers:
        raise reader.fail("Kamerstukdossier ontbreekt (nodig voor de sleutel kst-<dossier>-<nummer>)")
    dossier = dossiers[0]
    nummer = reader.text(dossier, "Nummer", required=True)
    toevoeging = reader.text(dossier, "Toevoeging")
    documents = reader.items(record, "Document") or []
    motion_documents = [d for d in documents if reader.text(d, "Soort").casefold() in MOTION_KINDS] or [
        d for d in documents if not reader.text(d, "Soort")
    ]
    numbered = [(reader.integer(d, "Volgnummer"), d) for d in motion_documents]
    numbered = [(n, d) for n, d in numbered if n is not None]
    if not numbered:
        raise reader.fail("Document met Volgnummer ontbreekt (nodig voor de sleutel kst-<dossier>-<nummer>)")
    volgnummer, document = max(numbered, key=lambda pair: pair[0])
    try:
        key = canonical_key(f"{nummer}-{toevoeging}" if toevoeging else nummer, str(volgnummer))
    except ValueError:
        raise reader.fail(f"geen geldig Kamerstuknummer: {nummer} {toevoeging}, nr. {volgnummer}") from None
    dossier_part, number = split_key(key)
    amended = reader.text(document, "Soort").casefold() == AMENDED_KIND
    return key, dossier_part, number, amended


def _judgement(reader: _Reader, record: dict[str, Any]) -> str:
    raw = reader.text(record, "Kabinetsappreciatie")
    if not raw:
        return Motion.Judgement.UNKNOWN
    folded = raw.casefold()
    if folded.startswith("niet beschikbaar"):
        return Motion.Judgement.NOT_AVAILABLE
    if folded not in JUDGEMENTS:
        raise reader.fail(f"onbekende Kabinetsappreciatie {raw!r}")
    return JUDGEMENTS[folded]


def _outcome(kind: str) -> str | None:
    folded = kind.casefold()
    return next((result for word, result in OUTCOMES if word in folded), None)


def _vote(reader: _Reader, record: dict[str, Any]) -> VoteRecord:
    tk_id = reader.text(record, "Id", required=True)
    vote_reader = _Reader(f"{reader.where}, Stemming {tk_id}")
    deleted = bool(vote_reader.boolean(record, "Verwijderd"))
    modified = vote_reader.moment(record, "GewijzigdOp")
    if deleted:
        return VoteRecord(tk_id, True, modified)
    soort = vote_reader.text(record, "Soort", required=True)
    choice = VOTE_CHOICES.get(soort.casefold())
    if choice is None:
        raise vote_reader.fail(f"onbekende Soort {soort!r} (verwacht Voor, Tegen of Niet deelgenomen)")
    party = vote_reader.text(record, "ActorFractie") or vote_reader.text(record, "ActorNaam", required=True)
    name = vote_reader.text(record, "ActorNaam")
    return VoteRecord(
        tk_id, False, modified, party=party[:100], member=name[:200] if name and name != party else "",
        choice=choice, party_size=vote_reader.integer(record, "FractieGrootte"),
        mistake=bool(vote_reader.boolean(record, "Vergissing")),
    )


def _decision(reader: _Reader, record: dict[str, Any], position: int) -> DecisionRecord:
    tk_id = reader.text(record, "Id", required=True)
    besluit = _Reader(f"{reader.where}, Besluit {tk_id}")
    date = None
    for agendapunt in besluit.items(record, "Agendapunt") or []:
        for activiteit in besluit.items(agendapunt, "Activiteit") or []:
            date = date or besluit.day(activiteit, "Datum")
    votes = [_vote(besluit, v) for v in besluit.items(record, "Stemming") or []]
    return DecisionRecord(
        tk_id=tk_id, deleted=bool(besluit.boolean(record, "Verwijderd")),
        modified_at=besluit.moment(record, "GewijzigdOp"), outcome=_outcome(besluit.text(record, "BesluitSoort")),
        date=date, method=besluit.text(record, "StemmingsSoort")[:60], position=position, votes=votes,
    )


def parse_zaak(record: dict[str, Any], where: str) -> ZaakRecord | None:
    """Check one ``Zaak`` record; None when it is not a motion."""
    reader = _Reader(where)
    tk_id = reader.text(record, "Id", required=True)
    reader = _Reader(f"{where} (Id {tk_id}{', Nummer ' + str(record['Nummer']) if record.get('Nummer') else ''})")
    deleted = bool(reader.boolean(record, "Verwijderd"))
    modified = reader.moment(record, "GewijzigdOp")
    if deleted:
        return ZaakRecord(where=reader.where, tk_id=tk_id, deleted=True, modified_at=modified)
    soort = reader.text(record, "Soort", required=True)
    if soort.casefold() not in MOTION_KINDS:
        return None
    key, dossier, number, amended = _key(reader, record)
    values: dict[str, Any] = {
        "key": key, "dossier": dossier, "number": number, "tk_id": tk_id, "tk_modified_at": modified,
        "amended": amended or soort.casefold() == AMENDED_KIND,
    }
    simple = {"Nummer": ("zaak_number", 20), "Onderwerp": ("title", 500), "Titel": ("dossier_title", 500),
              "Vergaderjaar": ("session_year", 9), "Status": ("tk_status", 40)}
    for source, (name, length) in simple.items():
        if source in record:
            values[name] = reader.text(record, source)[:length]
    if "GestartOp" in record:
        values["date"] = reader.day(record, "GestartOp")
    if "Afgedaan" in record:
        values["tk_settled"] = reader.boolean(record, "Afgedaan")
    if "Kabinetsappreciatie" in record:
        values["judgement"] = _judgement(reader, record)

    zaak = ZaakRecord(where=reader.where, tk_id=tk_id, deleted=False, modified_at=modified, values=values)
    actors = reader.items(record, "ZaakActor")
    if actors is not None:
        submitters: list[tuple[str, str]] = []
        co_signers: list[tuple[str, str]] = []
        zaak.committee = ""
        for actor in actors:
            if reader.boolean(actor, "Verwijderd"):
                continue
            relation = reader.text(actor, "Relatie").casefold()
            name = reader.text(actor, "ActorNaam")
            if relation == "indiener" and name:
                submitters.append((name, reader.text(actor, "ActorFractie")))
            elif relation == "medeindiener" and name:
                co_signers.append((name, reader.text(actor, "ActorFractie")))
            elif relation == "voortouwcommissie" and name and not zaak.committee:
                zaak.committee = name
        zaak.signers = (submitters, co_signers)
    besluiten = reader.items(record, "Besluit")
    if besluiten is not None:
        zaak.decisions = [_decision(reader, b, n) for n, b in enumerate(besluiten)]
    return zaak


def _deciding(decisions: Iterable[DecisionRecord]) -> DecisionRecord | None:
    """The latest decision with a vote outcome: it sets the motion's result."""
    live = [d for d in decisions if not d.deleted and d.outcome]
    if not live:
        return None
    oldest = dt.datetime.min.replace(tzinfo=dt.UTC)
    return max(live, key=lambda d: (d.date or dt.date.min, d.modified_at or oldest, d.position))


def _committee_name(name: str) -> str:
    folded = name.casefold()
    for prefix in COMMITTEE_PREFIXES:
        if folded.startswith(prefix):
            name = name[len(prefix):]
            break
    name = name.strip()
    return name[:1].upper() + name[1:]


# --------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------


def _committees(names: set[str]) -> dict[str, int]:
    """Committee ids by lower-cased short name; unknown committees are created."""
    if not names:
        return {}
    lowered = {n.casefold() for n in names}
    found: dict[str, int] = {}

    def read() -> None:
        rows = Committee.objects.annotate(lname=Lower("name"), labbr=Lower("abbreviation")).filter(
            Q(lname__in=lowered) | Q(labbr__in=lowered)
        )
        for row in rows:
            found.setdefault(row.lname, row.pk)
            if row.labbr:
                found.setdefault(row.labbr, row.pk)

    read()
    missing = [n for n in names if n.casefold() not in found]
    if missing:
        Committee.objects.bulk_create([Committee(name=n[:200]) for n in missing], ignore_conflicts=True)
        read()
    return found


def _latest_per_id(records: list[ZaakRecord]) -> list[ZaakRecord]:
    """A zaak listed twice in one file counts once: the latest change, else the last one."""
    oldest = dt.datetime.min.replace(tzinfo=dt.UTC)
    best: dict[str, ZaakRecord] = {}
    for record in records:
        kept = best.get(record.tk_id)
        if kept is None or (record.modified_at or oldest) >= (kept.modified_at or oldest):
            best[record.tk_id] = record
    return list(best.values())


def _is_stale(record_time: dt.datetime | None, stored: dt.datetime | None) -> bool:
    return record_time is not None and stored is not None and record_time < stored


@transaction.atomic
def import_records(records: list[dict[str, Any]], *, source: str) -> ImportResult:
    """Import one file's records in one transaction (all or nothing)."""
    result = ImportResult()
    zaken: list[ZaakRecord] = []
    for n, raw in enumerate(records, start=1):
        zaak = parse_zaak(raw, f"{source}: record {n}")
        if zaak is None:
            result.skipped += 1
        else:
            zaken.append(zaak)
    zaken = _latest_per_id(zaken)
    now = timezone.now()

    keys = {z.values["key"] for z in zaken if not z.deleted}
    by_tk = {m.tk_id: m for m in Motion.objects.filter(tk_id__in=[z.tk_id for z in zaken])}
    by_key = {m.key: m for m in Motion.objects.filter(key__in=keys)}
    seen_keys: dict[str, str] = {}

    # Tombstones. The deletion's change date is kept, so an older copy of the
    # record imported later does not bring the motion back.
    tombstoned: list[Motion] = []
    for zaak in (z for z in zaken if z.deleted):
        motion = by_tk.get(zaak.tk_id)
        if motion is None:
            continue
        if _is_stale(zaak.modified_at, motion.tk_modified_at):
            result.stale += 1
        elif motion.deleted_at is None:
            motion.deleted_at, motion.updated_at = now, now
            motion.tk_modified_at = zaak.modified_at or motion.tk_modified_at
            tombstoned.append(motion)
        else:
            result.unchanged += 1
    if tombstoned:
        Motion.objects.bulk_update(tombstoned, ["deleted_at", "updated_at", "tk_modified_at"])
        MotionVote.objects.filter(motion__in=tombstoned, deleted_at__isnull=True).update(
            deleted_at=now, updated_at=now
        )
    result.deleted = len(tombstoned)

    # Motions: match by Id, else adopt a motion known by key; check key clashes.
    live = [z for z in zaken if not z.deleted]
    committees = _committees({_committee_name(z.committee) for z in live if z.committee})
    to_create: list[Motion] = []
    to_update: list[Motion] = []
    targets: list[tuple[ZaakRecord, Motion]] = []
    for zaak in live:
        key = zaak.values["key"]
        if key in seen_keys:
            raise TkImportError(f"{zaak.where}: sleutel {key} komt ook voor bij zaak {seen_keys[key]}")
        seen_keys[key] = zaak.tk_id
        motion = by_tk.get(zaak.tk_id)
        holder = by_key.get(key)
        if holder is not None and holder.tk_id not in ("", zaak.tk_id):
            raise TkImportError(f"{zaak.where}: sleutel {key} hoort al bij zaak {holder.tk_id}")
        if motion is not None and holder is not None and holder.pk != motion.pk:
            raise TkImportError(
                f"{zaak.where}: de zaak had sleutel {motion.key}; de nieuwe sleutel {key} is al in gebruik"
            )
        motion = motion or holder
        if motion is not None and _is_stale(zaak.modified_at, motion.tk_modified_at):
            result.stale += 1
            continue
        values = dict(zaak.values)
        if zaak.committee is not None:
            values["committee_id"] = committees.get(_committee_name(zaak.committee).casefold()) if zaak.committee else None
        if zaak.signers is not None:
            values["members"] = [name for name, _party in zaak.signers[0]]
            values["co_signers"] = [name for name, _party in zaak.signers[1]]
        if zaak.decisions is not None:
            deciding = _deciding(zaak.decisions)
            values.update(
                vote_result=deciding.outcome if deciding else Motion.VoteResult.UNKNOWN,
                vote_date=deciding.date if deciding else None,
                voting_method=deciding.method if deciding else "",
                decision_tk_id=deciding.tk_id if deciding else "",
            )
        if motion is None:
            motion = Motion(**values)
            to_create.append(motion)
        else:
            changed = [name for name, value in values.items() if getattr(motion, name) != value]
            if motion.deleted_at is not None:
                motion.deleted_at = None
                changed.append("deleted_at")
            for name in changed:
                setattr(motion, name, values.get(name))
            if changed:
                motion.updated_at = now
                to_update.append(motion)
        targets.append((zaak, motion))

    if to_create:
        Motion.objects.bulk_create(to_create)
        ids = dict(Motion.objects.filter(key__in=[m.key for m in to_create]).values_list("key", "pk"))
        for motion in to_create:
            motion.pk = ids[motion.key]
    if to_update:
        Motion.objects.bulk_update(to_update, UPDATE_FIELDS)
    result.created, result.updated = len(to_create), len(to_update)

    touched = _sync_signers(targets)
    votes_touched, result.votes = _sync_votes(targets, now)
    touched |= votes_touched
    # A motion whose only change is in its signers or votes still changed (API sync).
    late = touched - {m.pk for m in to_create} - {m.pk for m in to_update}
    if late:
        Motion.objects.filter(pk__in=late).update(updated_at=now)
    result.updated += len(late)
    result.unchanged += len(targets) - result.created - result.updated
    return result


def _sync_signers(targets: list[tuple[ZaakRecord, Motion]]) -> set[int]:
    """Replace the signers of motions whose ZaakActor list changed; the ids of those motions."""
    wanted = {motion.pk: zaak.signers for zaak, motion in targets if zaak.signers is not None}
    if not wanted:
        return set()
    current: dict[int, list[tuple[str, str, str]]] = {pk: [] for pk in wanted}
    for row in MotionSigner.objects.filter(motion_id__in=wanted.keys()).order_by("motion_id", "role", "position"):
        current[row.motion_id].append((row.role, row.name, row.party))
    changed: dict[int, list[MotionSigner]] = {}
    for pk, (submitters, co_signers) in wanted.items():
        rows = signer_rows(pk, submitters, co_signers)
        if [(r.role, r.name, r.party) for r in rows] != current[pk]:
            changed[pk] = rows
    replace_signers(changed)
    return set(changed)


def _sync_votes(targets: list[tuple[ZaakRecord, Motion]], now: dt.datetime) -> tuple[set[int], int]:
    """Create, update and tombstone the votes of the besluiten in the records.

    Returns the ids of motions whose votes changed and the number of votes written.
    """
    listed = [
        (motion.pk, decision, vote)
        for zaak, motion in targets if zaak.decisions is not None
        for decision in zaak.decisions
        for vote in decision.votes
    ]
    deleted_decisions = {
        decision.tk_id for zaak, _motion in targets for decision in zaak.decisions or [] if decision.deleted
    }
    existing = {v.tk_id: v for v in MotionVote.objects.filter(tk_id__in=[vote.tk_id for _pk, _d, vote in listed])}
    to_create: list[MotionVote] = []
    to_update: list[MotionVote] = []
    touched: set[int] = set()
    for motion_id, decision, vote in listed:
        gone = vote.deleted or decision.deleted
        row = existing.get(vote.tk_id)
        if row is None:
            if not gone:
                to_create.append(MotionVote(
                    motion_id=motion_id, tk_id=vote.tk_id, decision_tk_id=decision.tk_id, party=vote.party,
                    member=vote.member, choice=vote.choice, party_size=vote.party_size, mistake=vote.mistake,
                    tk_modified_at=vote.modified_at,
                ))
                touched.add(motion_id)
            continue
        if _is_stale(vote.modified_at, row.tk_modified_at):
            continue
        values: dict[str, Any] = {"motion_id": motion_id, "decision_tk_id": decision.tk_id,
                                  "deleted_at": (row.deleted_at or now) if gone else None}
        if not gone:
            values.update(party=vote.party, member=vote.member, choice=vote.choice, party_size=vote.party_size,
                          mistake=vote.mistake, tk_modified_at=vote.modified_at)
        changed = [name for name, value in values.items() if getattr(row, name) != value]
        if changed:
            touched.update({row.motion_id, motion_id})
            for name in changed:
                setattr(row, name, values[name])
            row.updated_at = now
            to_update.append(row)
    MotionVote.objects.bulk_create(to_create)
    MotionVote.objects.bulk_update(to_update, VOTE_ROW_FIELDS)
    written = len(to_create) + len(to_update)
    if deleted_decisions:
        # Votes of a deleted besluit that the record did not list one by one.
        rest = MotionVote.objects.filter(decision_tk_id__in=deleted_decisions, deleted_at__isnull=True)
        motion_ids = set(rest.values_list("motion_id", flat=True))
        if motion_ids:
            written += rest.update(deleted_at=now, updated_at=now)
            touched |= motion_ids
    return touched, written


def import_file(path: Path) -> ImportResult:
    """Read and import one file, all or nothing."""
    return import_records(load_file(path), source=str(path))
