"""Reading budgets: how much a document may make the readers inflate, count and hold.

A hostile or broken file must fail with a message, not take the worker's memory:
ZIP containers (DOCX) are checked entry by entry *while* inflating, through a
counting reader, never by trusting the sizes the archive declares; PDFs have a
page and a text budget. Over budget → :class:`TooLargeError`, whose Dutch
message names the limit.

No Django import here. The figures are explained in docs/decisions.md.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass

from tracker.extraction.errors import ReadError

MB = 1024 * 1024
CHUNK = 64 * 1024


@dataclass(frozen=True)
class ReadBudget:
    #: Everything inflated from one container together (the XML parts of a DOCX).
    max_inflated_bytes: int = 100 * MB
    #: Members in one container.
    max_entries: int = 5_000
    #: Inflated / compressed size of one member, once it is past ``ratio_floor`` bytes.
    max_ratio: int = 200
    ratio_floor: int = 1 * MB
    #: Pages of a PDF.
    max_pages: int = 5_000
    #: Characters of text from one document (any format).
    max_text_chars: int = 60_000_000


DEFAULT_BUDGET = ReadBudget()


class TooLargeError(ReadError):
    """The document is over a reading budget (size, entries, compression ratio, pages, text)."""

    code = "too_large"

    def __init__(self, limit_nl: str, limit_en: str, *, detail: str | None = None) -> None:
        super().__init__(
            f"Het document is te groot om te verwerken: {limit_nl}. Splits het document of lever een "
            "kleinere versie aan.",
            f"The document is too large to process: {limit_en}. Split it or provide a smaller version.",
            detail=detail,
        )


def _mb(value: int) -> str:
    return f"{value // MB} MB"


class ZipBudget:
    """Counts what is inflated from one archive against a :class:`ReadBudget`."""

    def __init__(self, archive: zipfile.ZipFile, budget: ReadBudget = DEFAULT_BUDGET) -> None:
        self.archive = archive
        self.budget = budget
        self.inflated = 0
        entries = len(archive.infolist())
        if entries > budget.max_entries:
            raise TooLargeError(
                f"het bevat {entries} onderdelen, meer dan de toegestane {budget.max_entries}",
                f"it holds {entries} entries, more than the allowed {budget.max_entries}",
            )

    def read(self, name: str) -> bytes:
        """One member's bytes, inflated in chunks and stopped the moment a limit is passed."""
        info = self.archive.getinfo(name)
        compressed = max(info.compress_size, 1)
        parts: list[bytes] = []
        size = 0
        with self.archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                self.inflated += len(chunk)
                self._check(name, size, compressed)
                parts.append(chunk)
        return b"".join(parts)

    def _check(self, name: str, size: int, compressed: int) -> None:
        budget = self.budget
        if self.inflated > budget.max_inflated_bytes:
            raise TooLargeError(
                f"uitgepakt is het groter dan de toegestane {_mb(budget.max_inflated_bytes)}",
                f"unpacked it is larger than the allowed {_mb(budget.max_inflated_bytes)}",
                detail=f"{name}: {self.inflated} bytes inflated",
            )
        if size > budget.ratio_floor and size > budget.max_ratio * compressed:
            raise TooLargeError(
                f"een onderdeel is meer dan {budget.max_ratio} keer zo sterk ingepakt als een gewoon "
                "document (een zogenoemde zip-bom)",
                f"a part is compressed more than {budget.max_ratio} times (a so-called zip bomb)",
                detail=f"{name}: {size} bytes from {compressed}",
            )


def check_pages(count: int, budget: ReadBudget = DEFAULT_BUDGET) -> None:
    if count > budget.max_pages:
        raise TooLargeError(
            f"het heeft {count} pagina's, meer dan de toegestane {budget.max_pages}",
            f"it has {count} pages, more than the allowed {budget.max_pages}",
        )


def check_text(chars: int, budget: ReadBudget = DEFAULT_BUDGET) -> None:
    if chars > budget.max_text_chars:
        limit = f"{budget.max_text_chars:,}"
        raise TooLargeError(
            f"het bevat meer dan de toegestane {limit.replace(',', '.')} tekens tekst",
            f"it holds more than the allowed {limit} characters of text",
        )
