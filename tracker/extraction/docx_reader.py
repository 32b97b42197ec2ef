"""Word (.docx) documents: paragraphs and table cells in document order.

Hard page breaks split pages; footnotes (``word/footnotes.xml``) are appended
to the page that cites them as ``N text`` lines, with the marker ``N`` glued to
the citing word, the same shape a PDF gives. The archive is read within a
:class:`~tracker.extraction.budget.ReadBudget` (a decompression bomb fails
with a message instead of taking the worker's memory).

No Django import here.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from tracker.extraction.budget import DEFAULT_BUDGET, ReadBudget, ZipBudget
from tracker.extraction.errors import BrokenFileError, UnsupportedFormatError


def unsupported(nl: str, en: str) -> UnsupportedFormatError:
    return UnsupportedFormatError(nl, en)



def zip_kind(names: list[str] | None, head: bytes) -> str | None:
    """'docx' or None (then raise); decided from the member list, else from the head."""
    if names is not None:
        if "word/document.xml" in names:
            return "docx"
        joined = "\n".join(names)
    else:
        if b"word/document.xml" in head or b"word/" in head:
            return "docx"
        joined = head.decode("latin-1")
    if "xl/" in joined:
        raise unsupported("een Excel-bestand (.xlsx)", "an Excel file (.xlsx)")
    if "ppt/" in joined:
        raise unsupported("een PowerPoint-bestand (.pptx)", "a PowerPoint file (.pptx)")
    if "opendocument" in joined or "content.xml" in joined:
        raise unsupported(
            "een OpenDocument-bestand (.odt/.ods); sla het op als .docx of PDF",
            "an OpenDocument file (.odt/.ods); save it as .docx or PDF",
        )
    if "META-INF/MANIFEST.MF" in joined:
        raise unsupported("een Java-archief (.jar)", "a Java archive (.jar)")
    raise unsupported(
        "een ZIP-archief (geen Word-document); pak het uit en lever het document zelf aan",
        "a ZIP archive (not a Word document); unpack it and provide the document itself",
    )




_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_T, _TAB, _BR, _CR, _P, _TC, _TR, _TBL = (
    _W + "t", _W + "tab", _W + "br", _W + "cr", _W + "p", _W + "tc", _W + "tr", _W + "tbl",
)
_NOBREAK_HYPHEN = _W + "noBreakHyphen"
_FOOTNOTE_REF = _W + "footnoteReference"
_RENDERED_BREAK = _W + "lastRenderedPageBreak"
# Subtrees whose text is not part of the visible document.
_SKIP = frozenset(
    {_W + "del", _W + "moveFrom", _W + "delText", _W + "instrText", _W + "sectPr",
     _W + "rPr", _W + "pPr", _MC + "Fallback", _W + "footnotePr", _W + "endnotePr"}
)
_PAGE_BREAK = object()


def _docx_broken(exc: Exception) -> BrokenFileError:
    return BrokenFileError(
        "Het Word-bestand is beschadigd of onvolledig en kan niet worden geopend. "
        "Sla het opnieuw op als .docx of lever een PDF aan.",
        "The Word file is damaged or incomplete and cannot be opened. "
        "Please save it again as .docx or provide a PDF.",
        detail=f"{type(exc).__name__}: {exc}",
    )


def docx_pages(data: bytes, budget: ReadBudget = DEFAULT_BUDGET) -> list[str]:
    """The pages of a DOCX, read within ``budget``.

    The archive is copied member by member through a counting reader into an
    uncompressed one: markup (``.xml``, ``.rels``) is inflated against the budget,
    everything else (images, embedded files) is left out as empty, since only the
    text is wanted. python-docx then parses the copy, which is bounded.
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    footnotes_xml = None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            zip_kind(zf.namelist(), b"")
            counted = ZipBudget(zf, budget)
            copy = io.BytesIO()
            with zipfile.ZipFile(copy, "w", zipfile.ZIP_STORED) as out:
                for info in zf.infolist():
                    if info.is_dir():
                        continue
                    blob = counted.read(info.filename) if _is_markup(info.filename) else b""
                    out.writestr(info.filename, blob)
                    if info.filename == "word/footnotes.xml":
                        footnotes_xml = blob
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        raise _docx_broken(exc) from exc
    try:
        document = docx.Document(copy)
    except ValueError as exc:  # not a WordprocessingML main part (.docm, .dotx, ...)
        raise unsupported(
            "een Word-variant die niet wordt ondersteund (bijvoorbeeld met macro's); "
            "sla het op als gewoon .docx of PDF",
            "an unsupported Word variant (for example with macros); save it as plain .docx or PDF",
        ) from exc
    except (PackageNotFoundError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise _docx_broken(exc) from exc

    notes: dict[str, str] = {}
    if footnotes_xml:
        try:
            notes = _docx_footnotes(etree.fromstring(footnotes_xml))
        except etree.XMLSyntaxError:
            notes = {}
    body = document.element.body
    return _docx_walk(body, notes, etree)


def _is_markup(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


def _docx_footnotes(root) -> dict[str, str]:
    notes: dict[str, str] = {}
    for fn in root.iter(_W + "footnote"):
        if fn.get(_W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        parts: list[str] = []
        for el in fn.iter(_T, _TAB):
            parts.append(el.text or "" if el.tag == _T else " ")
        text = " ".join("".join(parts).split())
        if text:
            notes[fn.get(_W + "id", "")] = text
    return notes


def _docx_walk(body, notes: dict[str, str], etree) -> list[str]:
    pages: list[str] = []
    out: list[str] = []
    page_notes: list[tuple[int, str]] = []
    counter = 0
    table_depth = 0

    def flush() -> None:
        text = "".join(out).strip("\n")
        if page_notes:
            text += "\n\n" + "\n".join(f"{n} {t}" for n, t in page_notes)
        pages.append(text)
        out.clear()
        page_notes.clear()

    def page_break() -> None:
        # A break at the very start of a page (explicit break followed by
        # Word's rendered break) does not start another page.
        if "".join(out).strip():
            flush()

    walker = etree.iterwalk(body, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        if event == "start":
            if tag in _SKIP:
                walker.skip_subtree()
            elif tag == _TBL:
                table_depth += 1
            elif tag == _T:
                if el.text:
                    out.append(el.text)
            elif tag == _TAB:
                out.append("\t")
            elif tag == _BR:
                if el.get(_W + "type") == "page":
                    page_break()
                else:
                    out.append("\n")
            elif tag == _CR:
                out.append("\n")
            elif tag == _NOBREAK_HYPHEN:
                out.append("-")
            elif tag == _RENDERED_BREAK:
                page_break()
            elif tag == _FOOTNOTE_REF:
                note = notes.get(el.get(_W + "id", ""))
                if note is not None:
                    counter += 1
                    out.append(str(counter))
                    page_notes.append((counter, note))
        elif tag == _P:
            # Paragraphs are whole paragraphs: a blank line between them, but
            # one line per paragraph inside a table cell.
            out.append("\n" if table_depth else "\n\n")
        elif tag == _TBL:
            table_depth -= 1
            out.append("\n")
        elif tag == _TR:
            out.append("\n")
    flush()
    return pages
