"""Invented Toezegging records in the shape of the Kamer's open data."""

from __future__ import annotations

from typing import Any


def tk_id(n: int) -> str:
    return f"7e5a0000-0000-4000-8000-{n:012d}"


def toezegging(n: int, **fields: Any) -> dict[str, Any]:
    record = {
        "Id": tk_id(n),
        "Nummer": f"TZ202602-{n:03d}",
        "Tekst": f"De minister zegt toe de Kamer voor de zomer te informeren over proef {n} met deelfietsen.",
        "Aanmaakdatum": "2026-02-10T14:00:00+01:00",
        "ActiviteitNummer": "2026A01234",
        "Titulatuur": "mr.",
        "Voornaam": "Joris",
        "Initialen": "J.",
        "Tussenvoegsel": "van",
        "Achternaam": "Wadden",
        "Functie": "Minister van Infrastructuur en Waterstaat",
        "Ministerie": "Infrastructuur en Waterstaat",
        "Status": "Openstaand",
        "DatumNakoming": None,
        "KamerbriefNakoming": None,
        "ToegezegdAanPersoon": "Brink",
        "ToegezegdAanFractie": "Volt",
        "GewijzigdOp": "2026-02-11T08:00:00Z",
        "Verwijderd": False,
    }
    record.update(fields)
    return record


def page(*records: dict[str, Any]) -> dict[str, Any]:
    return {"@odata.context": "https://example.invalid/OData/v4/2.0/$metadata#Toezegging", "value": list(records)}
