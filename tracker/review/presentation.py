"""How review values read in Dutch: field names and before/after values of the audit trail."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tracker.models import Commitment
from tracker.models.commitments import PRECISION_CHOICES
from tracker.review.services import RejectReason

FIELD_LABELS = {
    "text": gettext_lazy("Tekst"),
    "actor": gettext_lazy("Actor"),
    "deliverables": gettext_lazy("Op te leveren"),
    "kind": gettext_lazy("Soort"),
    "certainty": gettext_lazy("Zekerheid"),
    "confidence": gettext_lazy("Zekerheidsscore"),
    "deadline_text": gettext_lazy("Termijn (tekst)"),
    "due_date": gettext_lazy("Uiterste datum"),
    "window_start": gettext_lazy("Begin termijn"),
    "precision": gettext_lazy("Precisie"),
    "deadline_assumed": gettext_lazy("Termijn aangenomen"),
    "motions": gettext_lazy("Moties"),
    "question": gettext_lazy("Vraag"),
    "promised_to_member": gettext_lazy("Toegezegd aan (lid)"),
    "promised_to_party": gettext_lazy("Toegezegd aan (fractie)"),
    "page": gettext_lazy("Pagina"),
    "span": gettext_lazy("Plaats in de tekst (tekens)"),
    "review_state": gettext_lazy("Beoordeling"),
    "reject_reason": gettext_lazy("Reden afwijzing"),
    "duplicate_of": gettext_lazy("Duplicaat van"),
    "duplicates": gettext_lazy("Duplicaten"),
    "deleted": gettext_lazy("Verwijderd"),
    "split_into": gettext_lazy("Gesplitst in"),
    "split_from": gettext_lazy("Afgesplitst van"),
}
_CHOICES: dict[str, dict[str, Any]] = {
    "kind": dict(Commitment.Kind.choices),
    "precision": dict(PRECISION_CHOICES),
    "review_state": dict(Commitment.ReviewState.choices),
    "certainty": dict(Commitment.Certainty.choices),
    "reject_reason": dict(RejectReason.choices),
}
_RECORD_FIELDS = {"duplicate_of", "split_into", "split_from"}


def display(field: str, value: Any, questions: dict[int, str] | None = None) -> str:
    """One value as a reviewer reads it."""
    if value is None or value == "" or value == []:
        return "—"
    if field in _CHOICES:
        return str(_CHOICES[field].get(value, value))
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if field in ("due_date", "window_start") and isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, dt.date):
        return date_format(value, "j F Y")
    if field == "question":
        return (questions or {}).get(value, _("vraag (record %(pk)s)") % {"pk": value})
    if field in _RECORD_FIELDS:
        return f"#{value}"
    if field == "duplicates":
        return ", ".join(f"#{pk}" for pk in value)
    if field == "span":
        return f"{value[0]}–{value[1]}"
    if field == "confidence" and isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(value)


@dataclass(frozen=True, slots=True)
class ChangeRow:
    field: str
    label: str
    old: str
    new: str


def change_rows(changes: dict[str, Any], questions: dict[int, str] | None = None) -> list[ChangeRow]:
    rows = []
    for field, pair in changes.items():
        old, new = (pair + [None, None])[:2] if isinstance(pair, list) else (None, pair)
        rows.append(ChangeRow(field, str(FIELD_LABELS.get(field, field)), display(field, old, questions),
                              display(field, new, questions)))
    return rows


def question_label(number: str, position: int, member: str, party: str) -> str:
    label = _("vraag %(n)s") % {"n": number or position}
    if member:
        label += f" ({member}{', ' + party if party else ''})"
    return label
