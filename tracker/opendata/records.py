"""Reading ``Toezegging`` records (the Kamer's register of commitments) from JSON.

Pure checking and typing; nothing here writes. A record the importer cannot
read raises :class:`TkImportError` naming the file (or URL), the record number
and its ``Id``/``Nummer``. The fields read are listed in docs/tk-import.md.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from motions.importing import TkImportError, odata_records
from motions.importing import _Reader as Reader
from tracker.models import Commitment

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# The register's Status values → Nakoming's statuses (one-to-one by design).
STATUSES = {
    "openstaand": Commitment.Status.OPEN, "voldaan": Commitment.Status.DELIVERED,
    "deels voldaan": Commitment.Status.PARTLY_DELIVERED, "vervallen": Commitment.Status.WITHDRAWN,
    "afgedaan": Commitment.Status.CLOSED, "deels afgedaan": Commitment.Status.PARTLY_CLOSED,
}
# IsHerhalingVan / IsAanvullingOp / IsWijzigingVan → RegisterEntry fields.
LINKS = {"IsHerhalingVan": "repeats_tk_id", "IsAanvullingOp": "supplements_tk_id", "IsWijzigingVan": "amends_tk_id"}
PERSON_FIELDS = ("Titulatuur", "Voornaam", "Initialen", "Tussenvoegsel", "Achternaam", "Naam")
SNAPSHOT_FIELDS = ("Functie", "Ministerie", "ToegezegdAanPersoon", "ToegezegdAanFractie")
TEXT_LIMIT = 20_000


@dataclass
class ToezeggingRecord:
    where: str
    tk_id: str
    deleted: bool
    modified_at: dt.datetime | None
    number: str = ""
    text: str = ""
    created_on: dt.date | None = None
    status: str = Commitment.Status.OPEN
    tk_status: str = ""
    activity_number: str = ""
    minister_name: str = ""
    minister_function: str = ""
    ministry_name: str = ""
    register_fields: dict[str, Any] = field(default_factory=dict)
    promised_to_member: str = ""
    promised_to_party: str = ""
    fulfilled_on: dt.date | None = None
    fulfilled_letter: str = ""
    links: dict[str, str] = field(default_factory=dict)


def records_of(data: Any, source: str) -> list[dict[str, Any]]:
    """The Toezegging records of decoded JSON: an OData page ``{"value": [...]}``, a list, or one record."""
    return odata_records(data, source, "Toezegging")


def decode(raw: bytes, source: str) -> Any:
    """UTF-8 JSON, or an error that says where it broke."""
    try:
        return json.loads(raw)
    except UnicodeDecodeError as exc:
        raise TkImportError(f"{source}: geen UTF-8 ({exc.reason})") from None
    except json.JSONDecodeError as exc:
        raise TkImportError(
            f"{source}: geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}: {exc.msg})"
        ) from None


def local_day(moment: dt.datetime | None) -> dt.date | None:
    return moment.astimezone(AMSTERDAM).date() if moment else None


def _minister_name(fields: dict[str, str]) -> str:
    first = fields.get("Voornaam") or fields.get("Initialen", "")
    composed = " ".join(p for p in (first, fields.get("Tussenvoegsel", ""), fields.get("Achternaam", "")) if p)
    return composed if fields.get("Achternaam") else fields.get("Naam", "") or composed


def _link(reader: Reader, record: dict[str, Any], name: str) -> str | None:
    """A link to another Toezegging: its Id as text, an expanded object, or ``<name>_Id``; None when absent."""
    for key in (name, f"{name}_Id", f"{name}Id"):
        if key not in record:
            continue
        value = record[key]
        if value is None or value == "":
            return ""
        if isinstance(value, dict):
            return reader.text(value, "Id")
        if isinstance(value, list):
            return reader.text(value[0], "Id") if value and isinstance(value[0], dict) else ""
        return reader.text(record, key)
    return None


def parse_toezegging(record: dict[str, Any], where: str) -> ToezeggingRecord:
    """Check one ``Toezegging`` record."""
    tk_id = Reader(where).text(record, "Id", required=True)
    if not tk_id:
        raise TkImportError(f"{where}: veld Id is leeg")
    nummer = record.get("Nummer")
    reader = Reader(f"{where} (Id {tk_id}{', Nummer ' + str(nummer) if nummer else ''})")
    deleted = bool(reader.boolean(record, "Verwijderd"))
    modified = reader.moment(record, "GewijzigdOp")
    if deleted:
        return ToezeggingRecord(where=reader.where, tk_id=tk_id, deleted=True, modified_at=modified)
    text = reader.text(record, "Tekst", required=True)
    if not text:
        raise reader.fail("veld Tekst is leeg")
    created = reader.moment(record, "Aanmaakdatum")
    if created is None:
        raise reader.fail("veld Aanmaakdatum ontbreekt (nodig om de termijn uit de tekst te berekenen)")
    raw_status = reader.text(record, "Status")
    status = STATUSES.get(raw_status.casefold()) if raw_status else Commitment.Status.OPEN
    if status is None:
        known = "Openstaand, Voldaan, Deels voldaan, Vervallen, Afgedaan of Deels afgedaan"
        raise reader.fail(f"onbekende Status {raw_status!r} (verwacht {known})")
    person = {name: reader.text(record, name) for name in PERSON_FIELDS if reader.text(record, name)}
    links = {}
    for name, target in LINKS.items():
        value = _link(reader, record, name)
        if value is not None:
            links[target] = value[:64]
    return ToezeggingRecord(
        where=reader.where, tk_id=tk_id[:64], deleted=False, modified_at=modified,
        number=reader.text(record, "Nummer")[:30], text=text[:TEXT_LIMIT], created_on=local_day(created),
        status=status, tk_status=raw_status[:40], activity_number=reader.text(record, "ActiviteitNummer")[:30],
        minister_name=_minister_name(person)[:200], minister_function=reader.text(record, "Functie")[:200],
        ministry_name=reader.text(record, "Ministerie")[:200],
        register_fields={**person, "Tekst": text, "Aanmaakdatum": str(local_day(created)),
                         **{name: reader.text(record, name) for name in SNAPSHOT_FIELDS}},
        promised_to_member=reader.text(record, "ToegezegdAanPersoon")[:200],
        promised_to_party=reader.text(record, "ToegezegdAanFractie")[:100],
        fulfilled_on=reader.day(record, "DatumNakoming"),
        fulfilled_letter=reader.text(record, "KamerbriefNakoming")[:100], links=links,
    )


def parse_all(records: list[dict[str, Any]], source: str) -> list[ToezeggingRecord]:
    """Every record checked; one listed twice counts once (the latest change, else the last)."""
    oldest = dt.datetime.min.replace(tzinfo=dt.UTC)
    best: dict[str, ToezeggingRecord] = {}
    for n, raw in enumerate(records, start=1):
        parsed = parse_toezegging(raw, f"{source}: record {n}")
        kept = best.get(parsed.tk_id)
        if kept is None or (parsed.modified_at or oldest) >= (kept.modified_at or oldest):
            best[parsed.tk_id] = parsed
    return list(best.values())
