import csv
import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tests.factories import CommitmentFactory, DocumentFactory, MinistryFactory, PersonFactory
from tracker.followup.exports import COLUMNS
from tracker.models import Commitment, Person

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def read_csv(response) -> list[dict[str, str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(body[1:]), delimiter=";"))


def test_csv_has_the_open_data_columns_and_the_kamers_statuses(clerk_client):
    minister = PersonFactory(name="Van Weel", role=Person.Role.MINISTER, function="Minister van Justitie", party="")
    commitment = CommitmentFactory(
        minister=minister, status=Commitment.Status.DELIVERED, fulfilled_on=dt.date(2026, 5, 20),
        fulfilled_kamerstuk="36800 VI nr. 7", promised_to_member="Ellian", promised_to_party="VVD",
        delivered_on_time=True,
    )

    response = clerk_client.get(reverse("followup-export-csv"), {"status": "all"})

    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert list(rows[0].keys()) == list(COLUMNS)
    for name in ("Nummer", "Tekst", "Ministerie", "Status", "DatumNakoming", "KamerbriefNakoming",
                 "ToegezegdAanPersoon", "ToegezegdAanFractie"):
        assert name in COLUMNS
    row = rows[0]
    assert row["Nummer"] == commitment.register_number
    assert row["Status"] == "Voldaan"
    assert row["DatumNakoming"] == "2026-05-20"
    assert row["KamerbriefNakoming"] == "36800 VI nr. 7"
    assert (row["ToegezegdAanPersoon"], row["ToegezegdAanFractie"]) == ("Ellian", "VVD")
    assert (row["Naam"], row["Functie"]) == ("Van Weel", "Minister van Justitie")
    assert (row["UitersteDatum"], row["Termijn"], row["OpTijdNagekomen"]) == ("2026-06-01", "uiterlijk 1 juni", "ja")


def test_exports_follow_the_filters(clerk_client):
    defensie = MinistryFactory(name="Defensie")
    CommitmentFactory(document=DocumentFactory(ministry=defensie), text="Over defensie")
    CommitmentFactory(text="Over handel")
    CommitmentFactory(text="Afgewezen", review_state=Commitment.ReviewState.REJECTED,
                      document=DocumentFactory(ministry=defensie))
    rows = read_csv(clerk_client.get(reverse("followup-export-csv"), {"ministry": defensie.pk}))
    assert [r["Tekst"] for r in rows] == ["Over defensie"]


def test_spreadsheet_formulas_in_texts_are_neutralised(clerk_client):
    CommitmentFactory(text="=HYPERLINK(\"http://x\")", promised_to_member="+31 6")
    row = read_csv(clerk_client.get(reverse("followup-export-csv")))[0]
    assert row["Tekst"].startswith("'=") and row["ToegezegdAanPersoon"] == "'+31 6"

    response = clerk_client.get(reverse("followup-export-xlsx"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    cell = sheet.cell(row=2, column=COLUMNS.index("Tekst") + 1)
    assert cell.data_type == "s" and cell.value == "=HYPERLINK(\"http://x\")"


def test_xlsx_has_a_header_and_real_dates(clerk_client):
    CommitmentFactory(text="Brief over de voortgang")
    response = clerk_client.get(reverse("followup-export-xlsx"))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    assert header == list(COLUMNS)
    assert sheet.cell(row=1, column=1).font.bold
    due = sheet.cell(row=2, column=COLUMNS.index("UitersteDatum") + 1).value
    assert isinstance(due, dt.datetime) and due.date() == dt.date(2026, 6, 1)
    assert sheet.cell(row=2, column=COLUMNS.index("Status") + 1).value == "Openstaand"


@pytest.mark.parametrize("name", ["followup-export-csv", "followup-export-xlsx"])
def test_exports_use_the_same_number_of_queries_for_any_number_of_rows(clerk_client, name):
    def queries(rows: int) -> int:
        for n in range(rows):
            CommitmentFactory(minister=PersonFactory(role=Person.Role.MINISTER), text=f"rij {n}")
        with CaptureQueriesContext(connection) as captured:
            response = clerk_client.get(reverse(name), {"status": "all"})
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
        return len(captured)

    assert queries(2) == queries(25)


def test_a_row_names_its_source_its_question_and_its_review_state_with_the_text_on_one_line(clerk_client):
    from tests.factories import QuestionItemFactory

    document = DocumentFactory(title="Antwoorden op vragen over het\njaarverslag", kamerstuk="36 999 V, nr. 4",
                               reference_date=dt.date(2021, 6, 14))
    question = QuestionItemFactory(document=document, number="17", question_text="Wanneer komt\nde evaluatie?")
    row = CommitmentFactory(document=document, question=question, promised_on=document.reference_date,
                            text="De evaluatie\nvolgt   voor de zomer.")

    exported = read_csv(clerk_client.get(reverse("followup-export-csv"), {"status": "all"}))

    [line] = exported
    assert line["Nummer"] == f"TZ202106-{row.pk:03d}" and line["Aanmaakdatum"] == "2021-06-14"
    assert line["Tekst"] == "De evaluatie volgt voor de zomer."
    assert line["Beoordeling"] == "niet beoordeeld"
    assert (line["Brondocument"], line["BronKamerstuk"], line["BronDatum"]) == (
        "Antwoorden op vragen over het jaarverslag", "36 999 V, nr. 4", "2021-06-14")
    assert line["Vraag"] == "17. Wanneer komt de evaluatie?"
