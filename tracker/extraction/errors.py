"""Errors raised by the extraction engine.

Every error carries a Dutch and an English message that a clerk can act on
(``message_nl`` / ``message_en``), plus a stable ``code`` for programmatic
handling (API responses, metrics). ``str(error)`` gives both languages.

Hierarchy::

    ExtractionError
    ├── ReadError                 the file could not be turned into text
    │   ├── EmptyDocumentError
    │   ├── UnsupportedFormatError
    │   ├── EncryptedPDFError
    │   ├── NeedsOCRError
    │   └── BrokenFileError
    └── NotDutchError             the text is not (recognisably) Dutch
"""

from __future__ import annotations


class ExtractionError(Exception):
    """Base class of every error the extraction engine raises on purpose."""

    code = "extraction_error"
    default_nl = "Het document kon niet worden verwerkt."
    default_en = "The document could not be processed."

    def __init__(
        self,
        message_nl: str | None = None,
        message_en: str | None = None,
        *,
        detail: str | None = None,
    ) -> None:
        self.message_nl = message_nl or self.default_nl
        self.message_en = message_en or self.default_en
        #: Technical detail for logs (library error text); never shown to clerks.
        self.detail = detail
        super().__init__(f"{self.message_nl} / {self.message_en}")


class ReadError(ExtractionError):
    """The file could not be read as a document."""

    code = "read_error"
    default_nl = "Het bestand kon niet worden gelezen."
    default_en = "The file could not be read."


class EmptyDocumentError(ReadError):
    """The file is empty (0 bytes) or contains no text at all."""

    code = "empty_document"
    default_nl = "Het bestand is leeg: er staat geen tekst in."
    default_en = "The file is empty: it contains no text."


class UnsupportedFormatError(ReadError):
    """The file is not a PDF, Word (.docx), HTML or plain-text document.

    ``found`` names what the file turned out to be (``"ZIP-archief"``,
    ``"afbeelding (PNG)"``, ...).
    """

    code = "unsupported_format"

    def __init__(self, found: str, found_en: str | None = None, *, detail: str | None = None):
        self.found = found
        super().__init__(
            f"Dit bestandstype wordt niet ondersteund: {found}. "
            "Lever een PDF, Word-bestand (.docx), HTML-pagina of tekstbestand aan.",
            f"This file type is not supported: {found_en or found}. "
            "Please provide a PDF, Word (.docx), HTML or plain-text file.",
            detail=detail,
        )


class EncryptedPDFError(ReadError):
    """The PDF needs a password to be opened."""

    code = "encrypted_pdf"
    default_nl = (
        "De PDF is beveiligd met een wachtwoord en kan daardoor niet worden gelezen. "
        "Lever een versie zonder wachtwoord aan."
    )
    default_en = (
        "The PDF is protected with a password and cannot be read. "
        "Please provide a version without a password."
    )


class NeedsOCRError(ReadError):
    """The PDF's pages are images (a scan): there is no text layer to read."""

    code = "needs_ocr"
    default_nl = (
        "De PDF bevat geen tekst, alleen afbeeldingen (waarschijnlijk een scan). "
        "Het document moet eerst met tekstherkenning (OCR) worden bewerkt."
    )
    default_en = (
        "The PDF contains no text, only images (probably a scan). "
        "The document needs text recognition (OCR) first."
    )


class BrokenFileError(ReadError):
    """The file is damaged or incomplete (corrupt or truncated PDF/DOCX)."""

    code = "broken_file"
    default_nl = (
        "Het bestand is beschadigd of onvolledig en kan niet worden geopend. "
        "Download of exporteer het opnieuw."
    )
    default_en = (
        "The file is damaged or incomplete and cannot be opened. "
        "Please download or export it again."
    )


class NotDutchError(ExtractionError):
    """The text does not look Dutch; the extraction rules only cover Dutch."""

    code = "not_dutch"
    default_nl = (
        "De tekst lijkt niet in het Nederlands te zijn. "
        "Alleen Nederlandstalige documenten kunnen worden verwerkt."
    )
    default_en = (
        "The text does not appear to be Dutch. Only Dutch documents can be processed."
    )

    def __init__(self, language: str | None = None, *, detail: str | None = None) -> None:
        #: Best guess of the language found (``"en"``, ``"de"``, ``"fr"``) or None.
        self.language = language
        names = {"en": ("Engels", "English"), "de": ("Duits", "German"), "fr": ("Frans", "French")}
        if language in names:
            nl, en = names[language]
            super().__init__(
                f"De tekst lijkt {nl} te zijn, niet Nederlands. "
                "Alleen Nederlandstalige documenten kunnen worden verwerkt.",
                f"The text appears to be {en}, not Dutch. "
                "Only Dutch documents can be processed.",
                detail=detail,
            )
        else:
            super().__init__(detail=detail)
