"""Readers: format sniffing, PDF/DOCX/HTML/text reading, clear errors, language check.

PDFs are built with reportlab and encrypted with pypdf, DOCX files with
python-docx; every fixture is written here.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from tracker.extraction.errors import (
    BrokenFileError,
    EmptyDocumentError,
    EncryptedPDFError,
    ExtractionError,
    NeedsOCRError,
    NotDutchError,
    ReadError,
    UnsupportedFormatError,
)
from tracker.extraction.language import guess_language, looks_dutch
from tracker.extraction.readers import (
    ReadResult,
    decode_text,
    detect_format,
    read_document,
    read_pages,
)
from tracker.extraction.repair import repair

HEADER = "Tweede Kamer, vergaderjaar 2025-2026, 36 800 V, nr. 9"

PAGE_LINES = [
    [
        "Hierbij ontvangt u de antwoorden op de vragen van de commissie.",
        "Het kabinet heeft de motie van het lid Jansen c.s.3 uitgevoerd en zal",
        "de Kamer voor de zomer informeren over de inzet van het ministerie van Buiten-",
        "landse Zaken in de regio.",
    ],
    [
        "De evaluatie van het programma wordt in het derde kwartaal van 2026 aan de",
        "Kamer gestuurd. De motie Klaver c.s.4 vraagt om een tussenrapportage.",
        "Nederland blijft zich inzetten voor de EU-",
        "lidstaten in Noord-",
        "Afrika.",
    ],
    [
        "Het kabinet zal uw Kamer uiterlijk 1 juni een brief sturen over de voortgang.",
        "Daarna volgt een debat.",
    ],
]
FOOTNOTES = {1: ["4 Kamerstuk 21501-02, nr. 3236"]}


def make_pdf(
    pages: list[list[str]] = PAGE_LINES,
    *,
    header: str | None = HEADER,
    numbers: bool = True,
    footnotes: dict[int, list[str]] | None = None,
) -> bytes:
    footnotes = FOOTNOTES if footnotes is None else footnotes
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for index, lines in enumerate(pages):
        if header:
            c.setFont("Helvetica", 8)
            c.drawString(72, 800, header)
        c.setFont("Helvetica", 10)
        y = 760
        for line in lines:
            c.drawString(72, y, line)
            y -= 14
        c.setFont("Helvetica", 8)
        for k, note in enumerate(footnotes.get(index, [])):
            c.drawString(72, 90 - 10 * k, note)
        if numbers:
            c.drawString(297, 40, str(index + 1))
        c.showPage()
    c.save()
    return buf.getvalue()


def image_pdf(pages: int = 2) -> bytes:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    image = Image.new("L", (200, 100), color=255)
    for x in range(20, 180):
        image.putpixel((x, 50), 0)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for _ in range(pages):
        c.drawImage(ImageReader(image), 72, 500, width=400, height=200)
        c.showPage()
    c.save()
    return buf.getvalue()


def encrypt(data: bytes, user_password: str = "geheim") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="eigenaar")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_docx(*, footnote: bool = False) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Beantwoording Kamervragen", level=1)
    document.add_paragraph("De minister zal de Kamer voor de zomer informeren.")
    p = document.add_paragraph("Zoals gevraagd in de motie Jansen c.s.")
    p.add_run(" Het kabinet voert deze motie uit.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "1"
    table.cell(0, 1).text = "Wanneer volgt de brief?"
    table.cell(1, 0).text = "2"
    table.cell(1, 1).text = "Welke middelen zijn er?"
    document.add_paragraph("Na de tabel.")
    document.add_page_break()
    document.add_paragraph("Tweede pagina met de evaluatie.")
    buf = io.BytesIO()
    document.save(buf)
    data = buf.getvalue()
    if footnote:
        data = _add_footnote(data)
    return data


def _add_footnote(data: bytes) -> bytes:
    """Add a footnote (word/footnotes.xml and a reference after 'c.s.')."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    notes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {w}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">Kamerstuk 36100, nr. 12</w:t>'
        "</w:r></w:p></w:footnote></w:footnotes>"
    )
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "word/document.xml":
                text = body.decode("utf-8")
                marker = "motie Jansen c.s.</w:t></w:r>"
                assert marker in text
                text = text.replace(
                    marker, marker + '<w:r><w:footnoteReference w:id="1"/></w:r>', 1
                )
                body = text.encode("utf-8")
            dst.writestr(item, body)
        dst.writestr("word/footnotes.xml", notes)
    return out.getvalue()


def zip_bytes(files: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, text in files.items():
            zf.writestr(name, text)
    return buf.getvalue()


# -- sniffing ------------------------------------------------------------------


def test_detect_format_by_bytes():
    assert detect_format(make_pdf()[:8192]) == "pdf"
    assert detect_format(make_docx()[:8192]) == "docx"
    assert detect_format(b"<!DOCTYPE html><html><body><p>Tekst</p></body></html>") == "html"
    assert detect_format(b"  <html lang='nl'><p>x</p></html>") == "html"
    assert detect_format(b"<div>Een</div><p>twee</p>") == "html"
    assert detect_format("Gewone tekst met één accent.".encode()) == "txt"
    assert detect_format("Tekst in cp1252: café, € 5".encode("cp1252")) == "txt"
    assert detect_format(b"Een formule: a < b en c > d.") == "txt"


def test_detect_format_ignores_the_file_name(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_bytes(make_pdf())
    assert read_document(path).format == "pdf"


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (zip_bytes({"a.txt": "hallo"}), "ZIP-archief"),
        (zip_bytes({"[Content_Types].xml": "<x/>", "xl/workbook.xml": "<x/>"}), "Excel"),
        (zip_bytes({"[Content_Types].xml": "<x/>", "ppt/presentation.xml": "<x/>"}), "PowerPoint"),
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", "Windows-programma"),
        (b"\x7fELF\x02\x01\x01" + bytes(100), "programma"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "afbeelding (PNG)"),
        (b"\xff\xd8\xff\xe0" + bytes(100), "afbeelding (JPEG)"),
        (b"#!/usr/bin/env python\nprint('x')\n", "script"),
        (b"<?php echo 'x'; ?>", "PHP"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "oud Office-bestand"),
        (bytes(range(256)) * 20, "binair"),
    ],
)
def test_unsupported_formats_name_what_was_found(data, named):
    with pytest.raises(UnsupportedFormatError) as info:
        read_document(data)
    assert named in info.value.message_nl
    assert "not supported" in info.value.message_en
    assert isinstance(info.value, ReadError)
    assert isinstance(info.value, ExtractionError)


def test_empty_inputs():
    with pytest.raises(EmptyDocumentError) as info:
        read_document(b"")
    assert "0 bytes" in str(info.value)
    with pytest.raises(EmptyDocumentError):
        read_document(b"  \n\t\n ")
    with pytest.raises(EmptyDocumentError):
        read_document(b"<html><head><script>x()</script></head><body> </body></html>")
    with pytest.raises(EmptyDocumentError):
        read_document(make_pdf([[], []], header=None, numbers=False, footnotes={}))


def test_empty_file_on_disk(tmp_path):
    path = tmp_path / "leeg.pdf"
    path.write_bytes(b"")
    with pytest.raises(EmptyDocumentError):
        list(read_pages(path))


# -- PDF -----------------------------------------------------------------------


def test_pdf_pages_are_read_one_by_one():
    pages = read_document(make_pdf()).pages
    assert len(pages) == 3
    assert pages[0].startswith(HEADER)
    assert "Jansen c.s.3" in pages[0]
    # pdfium marks a line-end hyphen; the reader restores "-\n" for repair to judge.
    assert "Buiten-\nlandse" in pages[0]
    assert "\r" not in "".join(pages)
    assert "4 Kamerstuk 21501-02, nr. 3236" in pages[1]


def test_pdf_read_and_repaired():
    result = repair(read_document(make_pdf()).pages)
    text = result.text
    assert "Tweede Kamer, vergaderjaar" not in text
    assert "ministerie van Buitenlandse\nZaken" in text
    assert "EU-\nlidstaten in Noord-\nAfrika." in text
    assert "Kamerstuk 21501-02" not in text
    assert "c.s.4 vraagt" in text
    assert [(f.number, f.text, f.page) for f in result.footnotes] == [
        ("4", "Kamerstuk 21501-02, nr. 3236", 2)
    ]
    assert result.page_at(text.index("Daarna volgt")) == 3
    assert not any(line.strip() in {"1", "2", "3"} for line in text.split("\n"))


def test_pdf_iteration_is_lazy_and_closes(tmp_path):
    path = tmp_path / "lang.pdf"
    path.write_bytes(make_pdf(PAGE_LINES * 10))
    pages = read_pages(path)
    first = next(pages)
    assert "Hierbij ontvangt u" in first
    pages.close()  # releases the PDF without reading the rest


def test_image_only_pdf_needs_ocr():
    with pytest.raises(NeedsOCRError) as info:
        read_document(image_pdf())
    assert "OCR" in info.value.message_nl
    assert "OCR" in info.value.message_en


def test_pdf_with_some_scanned_pages_reports_them():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for data in (make_pdf(PAGE_LINES[:1]), image_pdf(1), make_pdf(PAGE_LINES[2:])):
        writer.append(PdfReader(io.BytesIO(data)))
    buf = io.BytesIO()
    writer.write(buf)
    stats = ReadResult(format="", pages=[])
    pages = list(read_pages(buf.getvalue(), stats=stats))
    assert len(pages) == 3
    assert pages[1] == ""
    assert stats.format == "pdf"
    assert stats.pages_without_text == [2]


def test_encrypted_pdf():
    with pytest.raises(EncryptedPDFError) as info:
        read_document(encrypt(make_pdf()))
    assert "beveiligd met een wachtwoord" in info.value.message_nl
    assert "password" in info.value.message_en


def test_pdf_with_only_an_owner_password_is_readable():
    pages = read_document(encrypt(make_pdf(), user_password="")).pages
    assert "Hierbij ontvangt u" in pages[0]


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: data[:400],
        lambda data: b"%PDF-1.7\n" + bytes(range(256)) * 8,
    ],
)
def test_broken_pdf(damage):
    with pytest.raises(BrokenFileError) as info:
        read_document(damage(make_pdf()))
    assert "beschadigd" in info.value.message_nl


# -- DOCX ----------------------------------------------------------------------


def test_docx_paragraphs_tables_and_page_breaks_in_order():
    result = read_document(make_docx())
    assert result.format == "docx"
    first, second = result.pages
    order = [
        "Beantwoording Kamervragen",
        "De minister zal de Kamer voor de zomer informeren.",
        "Zoals gevraagd in de motie Jansen c.s. Het kabinet voert deze motie uit.",
        "1\nWanneer volgt de brief?",
        "2\nWelke middelen zijn er?",
        "Na de tabel.",
    ]
    positions = [first.index(part) for part in order]
    assert positions == sorted(positions)
    assert second == "Tweede pagina met de evaluatie."


def test_docx_footnotes_become_marked_footnote_lines():
    pages = read_document(make_docx(footnote=True)).pages
    assert "motie Jansen c.s.1 Het kabinet" in pages[0]
    assert pages[0].endswith("\n\n1 Kamerstuk 36100, nr. 12")
    result = repair(pages)
    assert [(f.number, f.text, f.page) for f in result.footnotes] == [
        ("1", "Kamerstuk 36100, nr. 12", 1)
    ]
    assert "c.s.1 Het kabinet" in result.text


def test_broken_docx():
    data = make_docx()
    with pytest.raises(BrokenFileError) as info:
        read_document(data[: len(data) - 300])
    assert "Word-bestand" in info.value.message_nl


def test_docx_with_broken_xml():
    data = make_docx()
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "word/document.xml":
                body = body[: len(body) // 2]
            dst.writestr(item, body)
    with pytest.raises(BrokenFileError):
        read_document(out.getvalue())


# -- HTML and text ---------------------------------------------------------------


def test_html_drops_scripts_and_navigation_and_breaks_blocks():
    html = (
        "<!DOCTYPE html><html><head><title>Titel</title><style>p {color: red}</style></head>"
        "<body><nav><a href='/'>Home</a> | <a href='/x'>Zoeken</a></nav>"
        "<h1>Kamerbrief over   de\n voortgang</h1>"
        "<p>De minister zal de Kamer<br>voor de zomer informeren.</p>"
        "<script>alert('x')</script><!-- opmerking -->"
        "<ul><li>Eerste punt</li><li>Tweede punt</li></ul>"
        "<table><tr><td>1</td><td>Vraag een?</td></tr></table>"
        "<footer>Rijksoverheid</footer></body></html>"
    )
    (page,) = read_document(html.encode()).pages
    assert page == (
        "Kamerbrief over de voortgang\n\n"
        "De minister zal de Kamer\nvoor de zomer informeren.\n\n"
        "Eerste punt\nTweede punt\n\n"
        "1\nVraag een?\n\n"
        "Rijksoverheid"
    )


def test_html_with_declared_cp1252_charset():
    html = '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 \x80 5</p></body></html>'
    (page,) = read_document(html.encode("latin-1")).pages
    assert page == "Café € 5"


def test_cp1252_text_with_form_feeds():
    data = "Eerste pagina: café\r\n€ 5\fTweede pagina\r\n".encode("cp1252")
    result = read_document(data)
    assert result.format == "txt"
    assert result.pages == ["Eerste pagina: café\n€ 5", "Tweede pagina\n"]


def test_utf16_text_with_bom():
    data = "De minister schrijft één brief.".encode("utf-16")  # with a BOM
    assert read_document(data).pages == ["De minister schrijft één brief."]


def test_decode_text_rejects_binary():
    assert decode_text(bytes(range(256))) is None
    assert decode_text(b"tekst") == "tekst"
    # A multi-byte character cut off at the end of a sniffing head is fine.
    assert decode_text("éé".encode()[:-1], partial=True) == "é"


def test_unknown_format_argument():
    with pytest.raises(ValueError):
        read_pages(b"tekst", fmt="rtf")


def test_path_that_does_not_exist(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_document(Path(tmp_path / "bestaat-niet.pdf"))


# -- language --------------------------------------------------------------------

DUTCH = (
    "De vaste commissie heeft een aantal vragen voorgelegd aan de minister over de brief. "
    "Het kabinet zal uw Kamer voor de zomer informeren over de voortgang van de strategie "
    "en wordt daarbij ondersteund door het ministerie."
)
ENGLISH = (
    "The committee asked the minister a number of questions about the letter. The government "
    "will inform the House before the summer about the progress of the strategy, and it has "
    "been supported by the ministry."
)
FRENCH = (
    "La commission a posé au ministre un certain nombre de questions sur la lettre. Le "
    "gouvernement informera la Chambre avant l'été de l'état d'avancement de la stratégie et "
    "il est soutenu par le ministère."
)
GERMAN = (
    "Der Ausschuss hat dem Minister eine Reihe von Fragen zu dem Brief gestellt. Die Regierung "
    "wird das Parlament vor dem Sommer über den Fortschritt der Strategie informieren und wird "
    "dabei von dem Ministerium unterstützt."
)


def test_looks_dutch():
    assert looks_dutch(DUTCH)
    assert not looks_dutch(ENGLISH)
    assert not looks_dutch(FRENCH)
    assert not looks_dutch(GERMAN)
    assert not looks_dutch("De brief.")  # too short to tell
    assert guess_language(ENGLISH) == "en"
    assert guess_language(FRENCH) == "fr"
    assert guess_language(GERMAN) == "de"


def test_looks_dutch_on_long_text_samples_quickly():
    assert looks_dutch((DUTCH + "\n") * 50000)


def test_looks_dutch_accepts_the_corpus(corpus_dir):
    for path in sorted(corpus_dir.glob("*.txt")):
        assert looks_dutch(path.read_text(encoding="utf-8")), path.name


def test_not_dutch_error_names_the_language():
    error = NotDutchError("en")
    assert "Engels" in error.message_nl
    assert "English" in error.message_en
    assert NotDutchError().language is None
