"""Turn an uploaded file into page strings.

The format is decided by sniffing bytes, never by the file name: uploads
arrive as ``upload.bin`` or with a wrong extension often enough.

* PDF (``%PDF-``) via pypdfium2, one page at a time; every page object is
  closed before the next page is loaded, so memory stays bounded for long PDFs.
* DOCX (a ZIP package holding ``word/document.xml``) via python-docx:
  paragraphs and table cells in document order, hard page breaks split pages,
  footnotes (``word/footnotes.xml``) are appended to the page that cites them
  as ``N text`` lines, with the marker ``N`` glued to the citing word, the same
  shape a PDF gives.
* HTML via lxml: script/style/nav and the like are dropped, block elements
  become line breaks. One page.
* Plain text (UTF-8, UTF-16 with BOM, or cp1252): form feeds split pages.

Page strings use ``\\n`` line ends. They are otherwise raw: ligatures, line-end
hyphens, running headers and footnotes are left to
:mod:`tracker.extraction.repair`, whose offset map points back into these strings.

No Django import here.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tracker.extraction.budget import DEFAULT_BUDGET, ReadBudget, check_pages, check_text
from tracker.extraction.docx_reader import docx_pages, unsupported, zip_kind
from tracker.extraction.errors import (
    BrokenFileError,
    EmptyDocumentError,
    EncryptedPDFError,
    NeedsOCRError,
    ReadError,
)

__all__ = [
    "FORMATS",
    "HEAD_SIZE",
    "ReadResult",
    "Source",
    "decode_text",
    "detect_format",
    "read_document",
    "read_pages",
]

FORMATS = ("pdf", "docx", "html", "txt")
#: How many leading bytes :func:`detect_format` looks at.
HEAD_SIZE = 8192

Source = str | os.PathLike[str] | bytes

# --------------------------------------------------------------------------
# Sniffing
# --------------------------------------------------------------------------

# (magic prefix, Dutch name, English name) for formats we recognise but refuse.
_BINARY_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
     "een oud Office-bestand (.doc/.xls uit Office 97-2003); sla het op als .docx of PDF",
     "a legacy Office file (.doc/.xls, Office 97-2003); save it as .docx or PDF"),
    (b"{\\rtf", "een RTF-document; sla het op als .docx of PDF",
     "an RTF document; save it as .docx or PDF"),
    (b"\x89PNG\r\n\x1a\n", "een afbeelding (PNG)", "an image (PNG)"),
    (b"\xff\xd8\xff", "een afbeelding (JPEG)", "an image (JPEG)"),
    (b"GIF87a", "een afbeelding (GIF)", "an image (GIF)"),
    (b"GIF89a", "een afbeelding (GIF)", "an image (GIF)"),
    (b"II*\x00", "een afbeelding (TIFF)", "an image (TIFF)"),
    (b"MM\x00*", "een afbeelding (TIFF)", "an image (TIFF)"),
    (b"MZ", "een Windows-programma (.exe/.dll)", "a Windows program (.exe/.dll)"),
    (b"\x7fELF", "een programma (ELF)", "a program (ELF executable)"),
    (b"\xcf\xfa\xed\xfe", "een programma (macOS)", "a program (Mach-O)"),
    (b"\xce\xfa\xed\xfe", "een programma (macOS)", "a program (Mach-O)"),
    (b"\xca\xfe\xba\xbe", "een programma (macOS/Java)", "a program (Mach-O/Java class)"),
    (b"\x1f\x8b", "een gzip-archief", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "een 7-Zip-archief", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "een RAR-archief", "a RAR archive"),
    (b"%!PS", "een PostScript-bestand", "a PostScript file"),
    (b"\x00\x00\x00\x0cjP  ", "een afbeelding (JPEG 2000)", "an image (JPEG 2000)"),
)

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")

_HTML_START = re.compile(r"\A(?:\ufeff)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
_HTML_TAG = re.compile(
    r"<(?:html|head|body|p|div|br|table|tr|td|span|h[1-6]|ul|ol|li|a|meta|title|section|article)"
    r"[\s>/]",
    re.I,
)
_XML_START = re.compile(r"\A(?:\ufeff)?\s*<\?xml\b", re.I)
# Control characters that do not occur in text files (tab, LF, CR and FF do).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def decode_text(data: bytes, *, partial: bool = False) -> str | None:
    """Decode bytes that should be text; None when they are not text.

    Tries a BOM (UTF-8, UTF-16), then strict UTF-8, then cp1252. The result
    must be mostly printable (under 2 % control characters); cp1252 is only
    accepted when under 30 % of the characters are non-ASCII (binary data
    decodes to mostly non-ASCII). ``partial=True`` allows a multi-byte
    sequence cut off at the end (a sniffing head).
    """
    if data.startswith(codecs.BOM_UTF8):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        if partial and len(data) % 2:
            data = data[:-1]
        text = data.decode("utf-16", errors="replace")
    else:
        if b"\x00" in data:
            return None
        try:
            if partial:
                text = codecs.getincrementaldecoder("utf-8")("strict").decode(data, final=False)
            else:
                text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            if len(_NON_ASCII.findall(text)) > 0.3 * max(len(text), 1):
                return None
    if len(_CONTROL.findall(text)) > 0.02 * max(len(text), 1):
        return None
    return text


def detect_format(head: bytes) -> str:
    """Decide the format from the first bytes of a file (ideally :data:`HEAD_SIZE`).

    Returns ``"pdf"``, ``"docx"``, ``"html"`` or ``"txt"``.
    Raises :class:`EmptyDocumentError` for no bytes and
    :class:`UnsupportedFormatError` naming what was found otherwise.
    """
    if not head:
        raise EmptyDocumentError("Het bestand is leeg (0 bytes).", "The file is empty (0 bytes).")
    stripped = head.lstrip(b"\xef\xbb\xbf\r\n\t ")
    # Some producers put junk before %PDF-; PDF readers accept it within 1 KiB.
    if stripped.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(_ZIP_MAGIC):
        kind = zip_kind(None, head)
        assert kind is not None
        return kind
    for magic, nl, en in _BINARY_SIGNATURES:
        if head.startswith(magic):
            raise unsupported(nl, en)
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        raise unsupported("een afbeelding (WebP)", "an image (WebP)")
    if head[4:8] == b"ftyp":
        raise unsupported("een video- of audiobestand (MP4)", "a video or audio file (MP4)")
    text = decode_text(head, partial=len(head) >= HEAD_SIZE)
    if text is None:
        raise unsupported(
            "een onbekend binair bestand (geen tekst)", "an unknown binary file (not text)"
        )
    lead = text.lstrip("\ufeff \t\r\n")
    if lead.startswith("#!"):
        first = lead.split("\n", 1)[0].strip()[:60]
        raise unsupported(f"een script ({first})", f"a script ({first})")
    if lead.startswith("<?php"):
        raise unsupported("een PHP-script", "a PHP script")
    if _HTML_START.match(text):
        return "html"
    if _XML_START.match(text) or lead.startswith("<"):
        low = lead[:4096].lower()
        if "<html" in low or "<body" in low:
            return "html"
        if "<svg" in low:
            raise unsupported("een afbeelding (SVG)", "an image (SVG)")
        if _XML_START.match(text):
            raise unsupported("een XML-bestand", "an XML file")
        if len(_HTML_TAG.findall(lead[:4096])) >= 2:
            return "html"
    elif len(_HTML_TAG.findall(text)) >= 5 and "</" in text:
        return "html"
    return "txt"


# --------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------


@dataclass(slots=True)
class ReadResult:
    """A whole document read into memory (page strings are small)."""

    format: str
    pages: list[str]
    #: 1-based numbers of PDF pages that had no text layer (images only).
    pages_without_text: list[int] = field(default_factory=list)


def _head_of(source: Source) -> bytes:
    if isinstance(source, bytes):
        return source[:HEAD_SIZE]
    try:
        with open(source, "rb") as fh:
            return fh.read(HEAD_SIZE)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise ReadError(
            "Het bestand kon niet worden geopend.", "The file could not be opened.", detail=str(exc)
        ) from exc


def _read_all(source: Source) -> bytes:
    if isinstance(source, bytes):
        return source
    with open(source, "rb") as fh:
        return fh.read()


def read_pages(
    source: Source,
    *,
    fmt: str | None = None,
    stats: ReadResult | None = None,
    budget: ReadBudget = DEFAULT_BUDGET,
) -> Iterator[str]:
    """Yield the text of each page of ``source`` (a path or the file's bytes).

    The format is sniffed unless ``fmt`` is given. Opening errors
    (unsupported, encrypted, broken) are raised by this call itself; a PDF
    without any text raises :class:`NeedsOCRError` (or
    :class:`EmptyDocumentError` for blank pages) while iterating, before any
    page has been yielded. Pass a :class:`ReadResult` as ``stats`` to learn
    the format and which pages had no text layer. Over ``budget`` (size,
    entries, compression ratio, pages, text) raises
    :class:`~tracker.extraction.budget.TooLargeError`, while reading.
    """
    if fmt is None:
        fmt = detect_format(_head_of(source))
    elif fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {FORMATS}")
    if stats is not None:
        stats.format = fmt
    if fmt == "pdf":
        return _pdf_pages(source, stats, budget)
    if fmt == "docx":
        pages = docx_pages(_read_all(source), budget)
    elif fmt == "html":
        pages = [_html_text(_read_all(source))]
    else:
        pages = _txt_pages(_read_all(source))
    check_text(sum(len(page) for page in pages), budget)
    if not any(p.strip() for p in pages):
        raise EmptyDocumentError()
    return iter(pages)


def read_document(source: Source, *, fmt: str | None = None) -> ReadResult:
    """Read all pages into a :class:`ReadResult`."""
    result = ReadResult(format=fmt or "", pages=[])
    result.pages = list(read_pages(source, fmt=fmt, stats=result))
    return result


# -- plain text ------------------------------------------------------------


def _txt_pages(data: bytes) -> list[str]:
    if not data:
        raise EmptyDocumentError("Het bestand is leeg (0 bytes).", "The file is empty (0 bytes).")
    text = decode_text(data)
    if text is None:
        raise unsupported(
            "een onbekend binair bestand (geen tekst)", "an unknown binary file (not text)"
        )
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\f")


# -- PDF -------------------------------------------------------------------

_PDF_LINE_HYPHEN = re.compile("[\ufffe\x02](?:\r\n|\r|\n)?")


def _normalise_pdf_text(text: str) -> str:
    # pdfium joins a line that ends in a hyphen to the next line and marks the
    # hyphen as U+FFFE (older builds: U+0002). Restore "-\n" so that repair
    # sees the layout and decides whether the hyphen is real.
    if "\ufffe" in text or "\x02" in text:
        text = _PDF_LINE_HYPHEN.sub("-\n", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _open_pdf(source: Source):  # -> pypdfium2.PdfDocument
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    target = source if isinstance(source, bytes) else Path(source)
    try:
        return pdfium.PdfDocument(target)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise EncryptedPDFError(detail=str(exc)) from exc
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise EncryptedPDFError(
                "De PDF gebruikt een beveiliging die niet kan worden geopend.",
                "The PDF uses a security handler that cannot be opened.",
                detail=str(exc),
            ) from exc
        if code == pdfium_c.FPDF_ERR_FILE:
            raise ReadError(
                "Het bestand kon niet worden geopend.", "The file could not be opened.",
                detail=str(exc),
            ) from exc
        raise BrokenFileError(
            "De PDF is beschadigd of onvolledig en kan niet worden geopend. "
            "Download of exporteer het bestand opnieuw.",
            "The PDF is damaged or incomplete and cannot be opened. "
            "Please download or export it again.",
            detail=str(exc),
        ) from exc


def _pdf_pages(source: Source, stats: ReadResult | None, budget: ReadBudget) -> Iterator[str]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = _open_pdf(source)
    try:
        check_pages(len(pdf), budget)
    except Exception:
        pdf.close()
        raise

    def generate() -> Iterator[str]:
        pending_blank = 0  # pages without text not yet yielded
        seen_text = False
        seen_images = False
        chars = 0
        try:
            for index in range(len(pdf)):
                try:
                    page = pdf[index]
                except pdfium.PdfiumError as exc:
                    raise BrokenFileError(
                        f"Pagina {index + 1} van de PDF is beschadigd en kan niet worden gelezen.",
                        f"Page {index + 1} of the PDF is damaged and cannot be read.",
                        detail=str(exc),
                    ) from exc
                try:
                    textpage = page.get_textpage()
                    try:
                        text = _normalise_pdf_text(textpage.get_text_range())
                    finally:
                        textpage.close()
                    chars += len(text)
                    check_text(chars, budget)
                    has_text = bool(text.strip())
                    if not has_text:
                        has_image = any(
                            True
                            for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,))
                        )
                        seen_images = seen_images or has_image
                        if has_image and stats is not None:
                            stats.pages_without_text.append(index + 1)
                finally:
                    page.close()
                if not has_text:
                    pending_blank += 1
                    continue
                if not seen_text:
                    seen_text = True
                yield from ("" for _ in range(pending_blank))
                pending_blank = 0
                yield text
            if not seen_text:
                if seen_images:
                    raise NeedsOCRError()
                raise EmptyDocumentError(
                    "De PDF bevat geen tekst (alle pagina's zijn leeg).",
                    "The PDF contains no text (all pages are blank).",
                )
            yield from ("" for _ in range(pending_blank))
        finally:
            pdf.close()

    return generate()


# -- HTML ------------------------------------------------------------------

_HTML_DROP = (
    "script", "style", "nav", "noscript", "template", "head", "iframe", "object",
    "svg", "canvas", "button", "select", "form",
)
_HTML_BLOCK = frozenset((
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
    "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main", "menu", "ol",
    "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "ul",
))
# Blocks that end a paragraph (a blank line after them).
_HTML_PARAGRAPH = frozenset(
    ("p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dl", "blockquote", "pre")
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)
_XML_DECL = re.compile(r"\A\s*<\?xml[^>]*>", re.I)
_WS_RUN = re.compile(r"[ \t\r\n\f\v]+")
_BLANK_LINES = re.compile(r"[ \t]*\n(?:[ \t]*\n)+")


def _decode_html(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = decode_text(data)
        if text is not None:
            return text
    match = _META_CHARSET.search(data[:4096])
    if match:
        try:
            return data.decode(match.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _html_text(data: bytes) -> str:
    import lxml.html
    from lxml import etree

    text = _XML_DECL.sub("", _decode_html(data).lstrip("\ufeff"), count=1)
    if not text.strip():
        raise EmptyDocumentError()
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise EmptyDocumentError(detail=str(exc)) from exc
    for bad in root.xpath("//comment() | //processing-instruction()"):
        bad.drop_tree()
    for el in list(root.iter(*_HTML_DROP)):
        el.drop_tree()
    out: list[str] = []
    pre_depth = 0

    def newlines(count: int) -> None:
        # Block boundaries: make the output end in at least ``count`` newlines.
        have = 0
        for piece in reversed(out):
            stripped = piece.rstrip(" \t")
            have += len(stripped) - len(stripped.rstrip("\n"))
            if stripped.strip("\n"):
                break
        if out and have < count:
            out.append("\n" * (count - have))

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if tag == "br":
                out.append("\n")
            elif tag in _HTML_PARAGRAPH:
                newlines(2)
            elif tag in _HTML_BLOCK:
                newlines(1)
            if tag == "pre":
                pre_depth += 1
            if el.text:
                out.append(el.text if pre_depth else _WS_RUN.sub(" ", el.text))
        else:
            if tag == "pre":
                pre_depth -= 1
            if tag in _HTML_PARAGRAPH:
                newlines(2)
            elif tag in _HTML_BLOCK:
                newlines(1)
            if el.tail:
                out.append(el.tail if pre_depth else _WS_RUN.sub(" ", el.tail))
    joined = "".join(out)
    # Tidy: strip spaces around line breaks, one blank line at most.
    lines = [line.strip(" \t") for line in joined.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")
