"""The command-line contract other tooling reads: manage.py extract and parse_deadline."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "tracker" / "demo"
LETTER = "Aan de Voorzitter van de Tweede Kamer\n\nDen Haag, 12 februari 2026\n\n" \
         "Het kabinet werkt aan een nieuwe strategie voor de regio. Uw Kamer ontvangt uiterlijk 1 juni een " \
         "brief over de uitvoering van de motie van het lid Jansen c.s. (Kamerstuk 49 600 XVII, nr. 24).\n"


def extract(*args: str) -> dict:
    out = io.StringIO()
    call_command("extract", *args, "--format", "json", stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_it_prints_the_documented_json_shape(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text(LETTER, encoding="utf-8")
    data = extract(str(path))
    assert set(data) == {"document", "commitments", "motions"}
    assert data["document"] == {"reference_date": "2026-02-12", "reference_date_source": "document",
                                "kind": "brief", "title": data["document"]["title"]}
    [commitment] = data["commitments"]
    assert set(commitment) == {"text", "start", "end", "page", "actor", "deliverable", "kind", "certainty",
                               "confidence", "deadline", "revision", "motions", "question"}
    assert set(commitment["deadline"]) == {"text", "start", "end", "due", "window_start", "precision"}
    assert commitment["deadline"]["due"] == "2026-06-01"
    assert commitment["deadline"]["text"] == "uiterlijk 1 juni"
    assert commitment["motions"] == ["kst-49600-XVII-24"]
    assert commitment["question"] is None
    [motion] = data["motions"]
    assert set(motion) == {"key", "members", "text", "start", "end", "stated_status"}
    assert motion["members"] == ["Jansen"]


@pytest.mark.django_db
def test_offsets_index_the_repaired_text(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text(LETTER.replace("ontvangt", "ont-\nvangt"), encoding="utf-8")
    data = extract(str(path))
    [commitment] = data["commitments"]
    assert "ontvangt" in commitment["text"]
    assert commitment["end"] - commitment["start"] == len(commitment["text"])


@pytest.mark.django_db
def test_date_option_overrides_the_documents_own_date(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text(LETTER, encoding="utf-8")
    data = extract(str(path), "--date", "2026-08-01")
    assert data["document"]["reference_date"] == "2026-08-01"
    assert data["document"]["reference_date_source"] == "user"
    assert data["commitments"][0]["deadline"]["due"] == "2027-06-01"


@pytest.mark.django_db
def test_questions_are_attached_with_number(tmp_path):
    data = extract(str(DEMO / "lijst-vragen-jaarverslag-2025.txt"))
    numbers = [c["question"]["number"] for c in data["commitments"]]
    assert "2" in numbers and "3" in numbers
    assert data["document"]["kind"] == "lijst_van_vragen"


def reportlab_pdf(path: Path, *, text: str | None, encrypt: bool = False) -> None:
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), encrypt="geheim" if encrypt else None)
    if text:
        pdf.drawString(72, 720, text)
    else:  # a scanned page: a picture of text, no text layer
        scan = Image.new("L", (600, 200), 255)
        ImageDraw.Draw(scan).text((20, 80), "Uw Kamer ontvangt voor de zomer een brief.", fill=0)
        pdf.drawImage(ImageReader(scan), 72, 500, width=450, height=150)
    pdf.showPage()
    pdf.save()


@pytest.mark.parametrize(
    "name, make, message",
    [
        ("leeg.txt", lambda p: p.write_bytes(b""), "leeg"),
        ("rommel.pdf", lambda p: p.write_bytes(bytes(range(256)) * 40), "binair"),
        ("engels.txt", lambda p: p.write_text("The minister will inform the House before summer. " * 30),
         "Engels"),
        ("scan.pdf", lambda p: reportlab_pdf(p, text=None), "OCR"),
        ("beveiligd.pdf", lambda p: reportlab_pdf(p, text="Den Haag, 1 maart 2026", encrypt=True), "wachtwoord"),
        ("kapot.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog"), "beschadigd"),
    ],
)
def test_bad_input_gets_a_clear_message_and_a_non_zero_exit(tmp_path, name, make, message):
    path = tmp_path / name
    make(path)
    result = subprocess.run([sys.executable, "manage.py", "extract", str(path), "--date", "2026-01-28",
                             "--format", "json"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert message.lower() in result.stderr.lower(), result.stderr
    assert result.stdout == ""


@pytest.mark.django_db
def test_a_wrong_date_or_a_missing_one_is_refused(tmp_path):
    path = tmp_path / "zonder-datum.txt"
    path.write_text("Uw Kamer ontvangt voor de zomer een brief over de voortgang van het programma.\n" * 3)
    with pytest.raises(CommandError, match="JJJJ-MM-DD"):
        call_command("extract", str(path), "--date", "28-01-2026")
    with pytest.raises(CommandError, match="--date"):
        call_command("extract", str(path))


@pytest.mark.django_db
def test_extract_writes_nothing(tmp_path):
    from tracker.models import Commitment, Document

    path = tmp_path / "brief.txt"
    path.write_text(LETTER, encoding="utf-8")
    extract(str(path))
    assert not Document.objects.exists()
    assert not Commitment.objects.exists()


@pytest.mark.django_db
def test_parse_deadline_resolves_one_phrase():
    out = io.StringIO()
    call_command("parse_deadline", "voor de zomer", "--date", "2026-01-28", stdout=out)
    assert json.loads(out.getvalue()) == {"text": "voor de zomer", "due": "2026-07-03", "window_start": None,
                                          "precision": "event"}


@pytest.mark.django_db
def test_parse_deadline_reads_jsonl_in_order(tmp_path):
    lines = [
        {"phrase": "in het vierde kwartaal van 2026", "reference_date": "2026-01-28"},
        {"phrase": "Q1 2026", "reference_date": "2025-11-01"},
        {"phrase": "zo spoedig mogelijk", "reference_date": "2026-01-28"},
    ]
    source = tmp_path / "phrases.jsonl"
    source.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    out = io.StringIO()
    call_command("parse_deadline", "--jsonl", str(source), stdout=out)
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["due"] for r in results] == ["2026-12-31", "2026-03-31", None]
    assert [r["precision"] for r in results] == ["quarter", "quarter", "vague"]
    assert results[1]["window_start"] == "2026-01-01"


@pytest.mark.django_db
def test_parse_deadline_reports_a_bad_line_without_losing_the_others(tmp_path):
    source = tmp_path / "phrases.jsonl"
    source.write_text('{"phrase": "eind 2026", "reference_date": "2026-01-28"}\n'
                      '{"phrase": "eind 2026", "reference_date": "gisteren"}\n'
                      'geen json\n'
                      '{"phrase": "dit najaar", "reference_date": "2026-01-28"}\n')
    out = io.StringIO()
    with pytest.raises(CommandError, match="2 regel"):
        call_command("parse_deadline", "--jsonl", str(source), stdout=out)
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["due"] for r in results] == ["2026-12-31", None, None, "2026-11-30"]
    assert "regel 2" in results[1]["error"]
