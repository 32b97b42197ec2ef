"""CSV and XLSX exports of any filtered list.

Column names follow the Tweede Kamer's open-data ``Toezegging`` where a field
exists there (Nummer, Tekst, Ministerie, Status, DatumNakoming, …), then our
own deadline columns. Statuses use the Kamer's values (Openstaand, Voldaan, …).
One query, streamed: the number of queries does not grow with the rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from tracker.models import Commitment
from tracker.models.commitments import PRECISION_CHOICES, register_number

_FIELDS = (
    "pk", "created_at", "text", "minister__name", "minister__function", "ministry__name", "status",
    "fulfilled_on", "fulfilled_kamerstuk", "promised_to_member", "promised_to_party", "updated_at",
    "committee__name", "deadline_text", "due_date", "window_start", "precision", "overdue_since",
    "due_soon_since", "delivered_on_time", "delivery_note", "promised_on", "review_state", "confidence",
    "document_id", "document__title", "document__kamerstuk", "document__reference_date", "question__number",
    "question__question_text",
)
COLUMNS = (
    # open-data Toezegging fields
    "Nummer", "Aanmaakdatum", "Tekst", "Naam", "Functie", "Ministerie", "Status", "DatumNakoming",
    "KamerbriefNakoming", "ToegezegdAanPersoon", "ToegezegdAanFractie", "GewijzigdOp",
    # ours
    "Commissie", "Termijn", "UitersteDatum", "BeginTermijn", "Precisie", "TeLaatSinds", "BinnenkortSinds",
    "OpTijdNagekomen", "ToelichtingNakoming", "Beoordeling", "Zekerheid", "Brondocument", "BronKamerstuk",
    "BronDatum", "Vraag",
)
_STATUS = dict(Commitment.Status.choices)
_PRECISION = dict(PRECISION_CHOICES)
_REVIEW = dict(Commitment.ReviewState.choices)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _rows(rows: QuerySet[Commitment]) -> Iterator[list[Any]]:
    for values in rows.values_list(*_FIELDS).iterator(chunk_size=2000):
        record = dict(zip(_FIELDS, values, strict=True))
        created = record["created_at"]
        on_time = record["delivered_on_time"]
        question = " ".join(filter(None, (record["question__number"] and f"{record['question__number']}.",
                                          one_line(record["question__question_text"]))))
        yield [
            register_number(record["pk"], record["promised_on"], created),
            record["promised_on"] or timezone.localdate(created), one_line(record["text"]),
            record["minister__name"] or "", record["minister__function"] or "", record["ministry__name"] or "",
            str(_STATUS.get(record["status"], record["status"])), record["fulfilled_on"],
            record["fulfilled_kamerstuk"], record["promised_to_member"], record["promised_to_party"],
            timezone.localtime(record["updated_at"]).replace(microsecond=0, tzinfo=None),
            record["committee__name"] or "", record["deadline_text"], record["due_date"], record["window_start"],
            str(_PRECISION.get(record["precision"], record["precision"])), record["overdue_since"],
            record["due_soon_since"], "" if on_time is None else ("ja" if on_time else "nee"), record["delivery_note"],
            str(_REVIEW.get(record["review_state"], record["review_state"])), round(record["confidence"], 2),
            one_line(record["document__title"]) or f"document {record['document_id']}",
            record["document__kamerstuk"] or f"document {record['document_id']}", record["document__reference_date"],
            question,
        ]


def one_line(text: str | None) -> str:
    """Text as one line: the page layout's hard line breaks and runs of spaces become single spaces."""
    return " ".join((text or "").split())


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    # A spreadsheet would run a cell starting with these as a formula.
    return "'" + text if text.startswith(_FORMULA_START) else text


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(rows: QuerySet[Commitment]) -> Iterator[str]:
    """The export as CSV lines: UTF-8 with BOM and ``;`` so Dutch Excel opens it as columns."""
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff" + writer.writerow(COLUMNS)
    for row in _rows(rows):
        yield writer.writerow([_csv_cell(value) for value in row])


def xlsx_bytes(rows: QuerySet[Commitment], *, title: str = "Toezeggingen") -> bytes:
    """The export as an Excel workbook: one sheet, a bold frozen header, real dates, no formulas."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    sheet.freeze_panes = "A2"
    widths = {"Tekst": 80, "ToelichtingNakoming": 40, "Ministerie": 30, "Commissie": 30, "Termijn": 24,
              "Brondocument": 40, "Vraag": 60}
    for n, name in enumerate(COLUMNS):
        sheet.column_dimensions[_letter(n)].width = widths.get(name, 16)
    header = []
    for name in COLUMNS:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in _rows(rows):
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text, never a formula
            elif isinstance(value, dt.datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _letter(n: int) -> str:
    letters = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
