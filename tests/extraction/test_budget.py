"""Reading budgets: a decompression bomb, too many entries, too many pages or too much text
fail with a Dutch message naming the limit, while reading, without taking the memory."""

from __future__ import annotations

import io
import tracemalloc
import zipfile

import pytest

from tests.extraction.test_readers import make_docx, make_pdf
from tracker.extraction.budget import ReadBudget, TooLargeError
from tracker.extraction.readers import read_document

MB = 1024 * 1024


def bomb_docx(inflated_mb: int, filler: bytes = b" ") -> bytes:
    """A real DOCX whose word/document.xml inflates to ``inflated_mb`` MB of one repeated byte;
    written in chunks, so neither the test nor the disk holds the inflated size."""
    source = zipfile.ZipFile(io.BytesIO(make_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename != "word/document.xml":
                bomb.writestr(info.filename, body)
                continue
            head, tail = body.split(b"<w:body>", 1)
            with bomb.open("word/document.xml", "w", force_zip64=True) as member:
                member.write(head + b"<w:body>")
                block = filler * MB
                for _ in range(inflated_mb):
                    member.write(block)
                member.write(tail)
    return out.getvalue()


def test_a_decompression_bomb_fails_while_reading_without_taking_the_memory():
    data = bomb_docx(128)
    assert len(data) < 2 * MB
    tracemalloc.start()
    try:
        with pytest.raises(TooLargeError) as failure:
            read_document(data)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "zip-bom" in failure.value.message_nl and "200 keer" in failure.value.message_nl
    assert peak < 60 * MB, f"peak {peak // MB} MB while reading a 128 MB bomb"


def test_the_inflated_size_is_counted_while_reading():
    budget = ReadBudget(max_inflated_bytes=5 * MB, max_ratio=10_000)
    with pytest.raises(TooLargeError) as failure:
        _read(bomb_docx(20), budget)
    assert "toegestane 5 MB" in failure.value.message_nl


def _read(data: bytes, budget: ReadBudget) -> list[str]:
    from tracker.extraction.readers import read_pages

    return list(read_pages(data, budget=budget))


def test_an_ordinary_docx_is_well_inside_the_budget():
    assert "Tweede pagina" in "\n".join(read_document(make_docx()).pages)


def test_too_many_entries_fail_before_anything_is_inflated():
    data = make_docx()
    entries = len(zipfile.ZipFile(io.BytesIO(data)).infolist())
    with pytest.raises(TooLargeError) as failure:
        _read(data, ReadBudget(max_entries=entries - 1))
    assert f"meer dan de toegestane {entries - 1}" in failure.value.message_nl


def test_a_pdf_over_the_page_budget_fails_and_names_the_limit():
    data = make_pdf([["Bladzijde een."], ["Bladzijde twee."], ["Bladzijde drie."]])
    with pytest.raises(TooLargeError) as failure:
        _read(data, ReadBudget(max_pages=2))
    assert "3 pagina's" in failure.value.message_nl and "toegestane 2" in failure.value.message_nl


def test_text_over_the_budget_fails_for_pdf_and_plain_text():
    pdf = make_pdf([["Een bladzijde met wat tekst erop."] * 20] * 3)
    with pytest.raises(TooLargeError):
        _read(pdf, ReadBudget(max_text_chars=1_000))
    with pytest.raises(TooLargeError) as failure:
        _read(b"Den Haag, 1 maart 2026. " * 100, ReadBudget(max_text_chars=1_000))
    assert "tekens tekst" in failure.value.message_nl
