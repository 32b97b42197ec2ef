"""sync_tk against a local Gegevensmagazijn: paging, position, politeness, failures, documents."""

from __future__ import annotations

import datetime as dt
import io
import json
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from motions.models import Motion
from tests.opendata.records import page, tk_id, toezegging
from tracker.models import Commitment, Document, OpenDataSync, RegisterEntry
from tracker.opendata.client import ODataClient
from tracker.opendata.sync import sync_all

pytestmark = pytest.mark.django_db

MOTIONS = Path(__file__).resolve().parent.parent / "motions" / "fixtures" / "tk_motions.json"


def quick() -> ODataClient:
    return ODataClient(per_second=0, timeout=5, retries=2, backoff=0.05)


def register_pages(magazijn) -> None:
    magazijn.pages["Toezegging"] = [
        page(toezegging(1, GewijzigdOp="2026-02-11T08:00:00Z"), toezegging(2, GewijzigdOp="2026-02-12T08:00:00Z")),
        page(toezegging(3, GewijzigdOp="2026-02-13T08:00:00Z"),
             # A correction on the Kamer's side re-emits an old record: nothing changes.
             toezegging(1, GewijzigdOp="2026-02-11T08:00:00Z")),
        page({"Id": tk_id(2), "Verwijderd": True, "GewijzigdOp": "2026-02-14T08:00:00Z"}),
    ]


def test_it_reads_every_page_with_tombstones_and_stores_its_position(magazijn):
    register_pages(magazijn)
    (outcome,) = sync_all(["Toezegging"], client=quick())

    assert outcome.error == ""
    assert outcome.pages == 3
    assert set(RegisterEntry.objects.values_list("tk_id", flat=True)) == {tk_id(1), tk_id(2), tk_id(3)}
    assert Commitment.objects.alive().count() == 2
    state = OpenDataSync.objects.get(entity="Toezegging")
    assert state.position == dt.datetime(2026, 2, 14, 8, tzinfo=dt.UTC)
    assert "3 nieuw" in state.last_result and "1 verwijderd" in state.last_result
    first = magazijn.queries("Toezegging")[0]
    assert "Verwijderd" not in first.get("$filter", "")  # deleted records must arrive

    (again,) = sync_all(["Toezegging"], client=quick())
    asked = magazijn.queries("Toezegging")[3]
    assert asked["$filter"] == "GewijzigdOp ge 2026-02-14T08:00:00Z"
    assert again.counts.get("created", 0) == 0 and again.counts.get("updated", 0) == 0


def test_a_500_and_a_429_with_retry_after_are_waited_out(magazijn):
    register_pages(magazijn)
    magazijn.fail("Toezegging", 1, 500)
    magazijn.fail("Toezegging", 2, 429, retry_after="1")
    started = time.monotonic()
    (outcome,) = sync_all(["Toezegging"], client=quick())
    assert outcome.error == ""
    assert time.monotonic() - started >= 1.0  # Retry-After honoured
    assert RegisterEntry.objects.count() == 3


def test_a_page_that_keeps_failing_is_logged_with_its_url_and_the_next_entity_still_runs(magazijn, caplog):
    register_pages(magazijn)
    magazijn.fail("Toezegging", 1, 500, times=10)
    magazijn.pages["Zaak"] = [json.loads(MOTIONS.read_text(encoding="utf-8"))]
    toezegging_outcome, zaak_outcome = sync_all(["Toezegging", "Zaak"], client=quick())

    assert "HTTP 500" in toezegging_outcome.error and "skiptoken=1" in toezegging_outcome.error
    assert "skiptoken=1" in caplog.text
    state = OpenDataSync.objects.get(entity="Toezegging")
    assert state.position == dt.datetime(2026, 2, 12, 8, tzinfo=dt.UTC)  # page 1 was committed
    assert state.last_error.startswith(magazijn.base_url)
    assert set(RegisterEntry.objects.values_list("tk_id", flat=True)) == {tk_id(1), tk_id(2)}
    assert zaak_outcome.error == "" and Motion.objects.filter(tk_id__gt="").exists()

    # Next run resumes from the committed position and finishes.
    magazijn.failures.clear()
    (resumed,) = sync_all(["Toezegging"], client=quick())
    assert resumed.error == ""
    assert magazijn.queries("Toezegging")[-3]["$filter"] == "GewijzigdOp ge 2026-02-12T08:00:00Z"
    assert RegisterEntry.objects.count() == 3
    assert Commitment.objects.alive().count() == 2


def test_a_malformed_record_stops_that_entity_and_writes_nothing_of_its_page(magazijn):
    magazijn.pages["Toezegging"] = [
        page(toezegging(1)),
        page(toezegging(2), toezegging(3, Status="Bijna voldaan")),
    ]
    (outcome,) = sync_all(["Toezegging"], client=quick())
    assert "onbekende Status 'Bijna voldaan'" in outcome.error
    assert outcome.error.startswith(magazijn.base_url) and "skiptoken=1" in outcome.error
    assert list(RegisterEntry.objects.values_list("tk_id", flat=True)) == [tk_id(1)]


def test_truncated_json_from_the_server_is_an_error_naming_the_page(magazijn):
    magazijn.pages["Toezegging"] = [b'{"value": [{"Id": "abc", "Tekst": "De minis']
    (outcome,) = sync_all(["Toezegging"], client=quick())
    assert "geen geldige JSON" in outcome.error and "/Toezegging?" in outcome.error
    assert not RegisterEntry.objects.exists()


def pdf(text: str) -> bytes:
    out = io.BytesIO()
    sheet = canvas.Canvas(out, pagesize=A4)
    y = 780
    for line in text.splitlines():
        sheet.drawString(72, y, line)
        y -= 16
    sheet.save()
    return out.getvalue()


DOCUMENT_ID = "d0c00000-0000-4000-8000-000000000001"


def document_record(**fields) -> dict:
    record = {
        "Id": DOCUMENT_ID, "Soort": "Brief regering", "DocumentNummer": "2026D09999", "Volgnummer": 77,
        "Onderwerp": "Voortgang van de proef met deelfietsen", "Datum": "2026-03-03T00:00:00+01:00",
        "GewijzigdOp": "2026-03-03T12:00:00Z", "Verwijderd": False,
        "Kamerstukdossier": [{"Nummer": 39999, "Toevoeging": "XII"}],
        "DocumentActor": [{"Relatie": "Eerste ondertekenaar", "ActorNaam": "J. van Wadden",
                           "Functie": "minister van Infrastructuur en Waterstaat"}],
        "Activiteit": [{"Voortouwnaam": "vaste commissie voor Infrastructuur en Waterstaat"}],
    }
    record.update(fields)
    return record


def test_a_followed_document_is_downloaded_and_ingested_with_what_the_record_knows(magazijn):
    magazijn.pages["Document"] = [page(document_record(),
                                       document_record(Id="d0c00000-0000-4000-8000-000000000002", Soort="Agenda"),
                                       # No file behind it (404): skipped, the feed goes on.
                                       document_record(Id="d0c00000-0000-4000-8000-000000000003"))]
    magazijn.resources[DOCUMENT_ID] = (pdf("Den Haag, 3 maart 2026\nGeachte voorzitter,\n"
                                           "Uw Kamer ontvangt voor de zomer het eindrapport."), "application/pdf")
    (outcome,) = sync_all(["Document"], client=quick())

    assert outcome.error == ""
    document = Document.objects.get(origin=Document.Origin.OPEN_DATA)
    assert document.file_format == "pdf"
    assert document.kind == Document.Kind.LETTER
    assert document.reference_date == dt.date(2026, 3, 3)
    assert document.title == "Voortgang van de proef met deelfietsen"
    assert document.kamerstuk == "39999 XII, nr. 77"
    assert document.ministry.name == "Infrastructuur en Waterstaat"
    assert document.committee.name == "Infrastructuur en Waterstaat"
    assert outcome.counts == {"documents": 1, "skipped": 2}  # the agenda is not followed; one has no file
    soorten = magazijn.queries("Document")[0]["$filter"]
    assert "Soort eq 'Brief regering'" in soorten and "Verwijderd" not in soorten

    # The same file again is the existing document.
    (again,) = sync_all(["Document"], since=dt.datetime(2026, 1, 1, tzinfo=dt.UTC), client=quick())
    assert again.counts.get("known") == 1
    assert Document.objects.filter(origin=Document.Origin.OPEN_DATA).count() == 1


def test_the_command_reports_per_entity_and_the_documents_page_shows_the_last_sync(magazijn, clerk_client):
    register_pages(magazijn)
    magazijn.pages["Zaak"] = [page()]
    magazijn.pages["Document"] = [b"niet eens JSON"]
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command("sync_tk", "--entity", "Toezegging", "--entity", "Document", stdout=out, stderr=err)
    assert "Toezegging: 3 pagina('s), 3 nieuw" in out.getvalue()
    assert "Document: pagina niet gelezen" in err.getvalue()
    assert not magazijn.queries("Zaak")

    html = clerk_client.get("/documenten/").content.decode()
    assert "Open data van de Tweede Kamer" in html
    assert "3 nieuw" in html
    assert "geen geldige JSON" in html
    assert "Toezegging 202602" not in html  # register entries are not listed as documents


def test_since_must_be_a_moment(magazijn):
    with pytest.raises(CommandError, match="geen datum"):
        call_command("sync_tk", "--since", "gisteren", stdout=StringIO(), stderr=StringIO())


@pytest.mark.parametrize(("enabled", "scheduled"), [("", False), ("true", True)])
def test_beat_runs_the_sync_hourly_only_when_enabled(tmp_path, enabled, scheduled):
    from tests.foundation.test_settings import run_python

    code = (
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='tracker.settings';"
        "from django.conf import settings;"
        "entry = settings.CELERY_BEAT_SCHEDULE.get('tk-sync');"
        "print(entry['task'] if entry else 'none', entry['schedule'].hour if entry else '')"
    )
    env = {"DEBUG": "1", "NAKOMING_VAR_DIR": str(tmp_path), "TK_SYNC_ENABLED": enabled}
    result = run_python(code, **env)
    assert result.returncode == 0, result.stderr
    if scheduled:
        assert result.stdout.split()[0] == "tracker.opendata.sync_tk"
    else:
        assert result.stdout.strip() == "none"


def test_the_task_runs_the_sync(magazijn):
    from tracker.opendata.tasks import sync_tk_task

    register_pages(magazijn)
    magazijn.pages["Zaak"] = [page()]
    magazijn.pages["Document"] = [page()]
    summary = sync_tk_task.delay().get()
    assert summary["Toezegging"].startswith("3 pagina('s), 3 nieuw")
    assert RegisterEntry.objects.count() == 3
