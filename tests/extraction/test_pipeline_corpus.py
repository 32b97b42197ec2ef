"""The whole pipeline over the shared corpus: counts and deadlines verified by
hand (reading the documents), pinned so a change that loses one is noticed.
Nothing from the corpus is copied here; the tests read it at run time."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.extraction.pipeline import extract_pages

D = dt.date
# file prefix: kind, reference date, its source, Q/A items, clear, borderline, revisions
EXPECTED = {
    "000": ("lijst_van_vragen", D(2025, 5, 27), "inferred", 11, 0, 0, 0),
    "001": ("lijst_van_vragen", D(2022, 4, 26), "inferred", 75, 3, 6, 0),
    "002": ("schriftelijke_antwoorden", D(2021, 6, 16), "inferred", 31, 4, 2, 0),
    "003": ("schriftelijke_antwoorden", D(2026, 1, 28), "document", 59, 15, 6, 1),
    "004": ("brief", D(2022, 3, 8), "document", 0, 17, 8, 0),
}
# Governing deadline phrases of clear commitments with a date: (prefix, phrase, due, window start, precision)
DATED = [
    ("001", "voor de zomer", D(2022, 7, 8), None, "event"),
    ("003", "in het vierde kwartaal van 2026", D(2026, 12, 31), D(2026, 10, 1), "quarter"),
    ("003", "Bij de Voorjaarsnota 2026", D(2026, 6, 1), None, "event"),
    ("003", "voor eind januari", D(2026, 1, 31), D(2026, 1, 21), "month"),
    ("004", "later dit jaar", D(2022, 12, 31), D(2022, 3, 8), "year"),
    ("004", "eind 2022", D(2022, 12, 31), D(2022, 10, 1), "quarter"),
    ("004", "in Q2/Q3", D(2022, 9, 30), D(2022, 4, 1), "quarter"),
    ("004", "in het derde kwartaal van 2022", D(2022, 9, 30), D(2022, 7, 1), "quarter"),
    ("004", "in het derde kwartaal", D(2022, 9, 30), D(2022, 7, 1), "quarter"),
    ("004", "via de eerste suppletoire begroting 2022", D(2022, 6, 1), None, "event"),
    ("004", "uiterlijk 1 juni", D(2022, 6, 1), D(2022, 6, 1), "day"),
    ("004", "dit voorjaar", D(2022, 5, 31), D(2022, 3, 1), "season"),
    ("004", "voor de zomer van 2022", D(2022, 7, 8), None, "event"),
]


def run(corpus_dir, prefix: str):
    path = next(corpus_dir.glob(f"{prefix}_*.txt"))
    return extract_pages([path.read_text(encoding="utf-8")])


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_the_pipeline_finds_what_a_clerk_would_register(corpus_dir, prefix):
    kind, date, source, items, clear, borderline, revisions = EXPECTED[prefix]
    result = run(corpus_dir, prefix)
    info = result.document
    assert (info.kind, info.reference_date, info.reference_date_source) == (kind, date, source)
    assert len(result.items) == items
    found = result.commitments
    assert sum(c.certainty == "clear" for c in found) == clear
    assert sum(c.certainty == "borderline" for c in found) == borderline
    assert sum(c.revision is not None for c in found) == revisions
    for commitment in found:
        assert result.text[commitment.start:commitment.end] == commitment.text
        if commitment.deadline is not None and commitment.deadline.start is not None:
            assert result.text[commitment.deadline.start:commitment.deadline.end] == commitment.deadline.text


@pytest.mark.parametrize("prefix", sorted({row[0] for row in DATED}))
def test_deadlines_resolve_to_the_dates_checked_by_hand(corpus_dir, prefix):
    result = run(corpus_dir, prefix)
    got = {(" ".join(c.deadline.text.split()), c.deadline.due, c.deadline.window_start, c.deadline.precision)
           for c in result.commitments if c.certainty == "clear" and c.deadline and c.deadline.due}
    want = {row[1:] for row in DATED if row[0] == prefix}
    assert got == want


def test_questions_are_attached_to_the_commitments_that_answer_them(corpus_dir):
    result = run(corpus_dir, "003")
    answered = [c for c in result.commitments if c.question is not None]
    assert len(answered) == len(result.commitments)
    assert all(c.question.answer_start <= c.start < c.question.answer_end for c in answered)
    assert all(c.question.member for c in answered)
