"""The whole pipeline over the shared corpus, measured against promises checked by hand.

Each promise a reader finds in the five documents is listed by where it is (the
question it answers, or the line in a letter) and one or two content words of its
own, never by its sentence; nothing from the corpus is copied here, the tests read
it at run time. The engine is judged by floors on recall and precision, so it may
change how it reads the language as long as it keeps finding what a clerk would
register and does not invent much.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import pytest

from tracker.extraction.pipeline import extract_pages
from tracker.extraction.types import Commitment, Extraction

D = dt.date

# file prefix: document kind, reference date, its source, number of question/answer items
DOCUMENTS = {
    "000": ("lijst_van_vragen", D(2025, 5, 27), "inferred", 11),
    "001": ("lijst_van_vragen", D(2022, 4, 26), "inferred", 75),
    "002": ("schriftelijke_antwoorden", D(2021, 6, 16), "inferred", 31),
    "003": ("schriftelijke_antwoorden", D(2026, 1, 28), "document", 59),
    "004": ("brief", D(2022, 3, 8), "document", 0),
}


class Promise(NamedTuple):
    prefix: str
    where: int  # question number; in a letter without questions, the line
    words: str  # a few content words of the promise (lower case)
    certainty: str  # "clear" must be found; "borderline" may be
    due: dt.date | None = None


def clear(prefix: str, where: int, words: str, due: dt.date | None = None) -> Promise:
    return Promise(prefix, where, words, "clear", due)


def borderline(prefix: str, where: int, words: str) -> Promise:
    return Promise(prefix, where, words, "borderline")


SUMMER_2022 = D(2022, 7, 8)
Q3_2022 = D(2022, 9, 30)

PROMISES = [
    # 000: questions on policy; no promise in the answers.
    borderline("001", 1, "sanctie-eenheid"),
    clear("001", 20, "consulaire"),
    borderline("001", 21, "software"),
    borderline("001", 26, "toetreden"),
    clear("001", 39, "uitkomsten", SUMMER_2022),
    borderline("001", 44, "evaluatie"),
    borderline("001", 49, "bijdrage"),
    clear("001", 59, "activiteiten", SUMMER_2022),
    borderline("001", 63, "beurzenprogramma"),
    clear("002", 1, "pilot"),
    borderline("002", 2, "verbeteringen"),
    clear("002", 6, "nader informeren"),
    clear("002", 6, "wapensystemen"),
    borderline("002", 14, "deelname"),
    borderline("002", 15, "verzoek"),
    clear("002", 26, "geleerde lessen"),
    borderline("003", 2, "aandacht"),
    clear("003", 3, "in lijn met"),
    clear("003", 6, "veiligheidsraad"),
    borderline("003", 8, "bijwonen"),
    clear("003", 15, "onderzoek", D(2026, 12, 31)),
    clear("003", 16, "budget"),
    clear("003", 17, "rest van de motie", D(2026, 6, 1)),
    borderline("003", 18, "aandacht"),
    clear("003", 22, "verschijnen"),
    clear("003", 25, "advies"),
    borderline("003", 29, "evacuaties"),
    borderline("003", 31, "betaalverzoeken"),
    clear("003", 38, "toegezegd"),
    clear("003", 39, "verkenning"),
    clear("003", 45, "mensenrechtenrapportage"),
    clear("003", 46, "in lijn met"),
    clear("003", 48, "briefing"),
    clear("003", 49, "heilige stoel"),
    clear("003", 52, "ratificatie"),
    clear("003", 54, "medische capaciteit", D(2026, 1, 31)),
    borderline("003", 56, "partners"),
    clear("004", 205, "afrikastrategie"),
    clear("004", 424, "besluitvaardigheid"),
    clear("004", 436, "extraterritoriale"),
    clear("004", 484, "defensie"),
    clear("004", 508, "missies", D(2022, 12, 31)),
    borderline("004", 536, "conferentie"),
    clear("004", 543, "veiligheidsstrategie", D(2022, 12, 31)),
    clear("004", 577, "consultatie"),
    clear("004", 608, "cybersecuritybeleid", Q3_2022),
    borderline("004", 648, "micro-elektronica"),
    borderline("004", 720, "maatregelen"),
    borderline("004", 784, "notitie"),
    borderline("004", 817, "kwetsbare"),
    borderline("004", 825, "nota"),
    clear("004", 806, "mensenrechtennota", Q3_2022),
    clear("004", 835, "suppletoire", D(2022, 6, 1)),
    borderline("004", 867, "gelijkgestemde"),
    clear("004", 892, "procedure"),
    clear("004", 941, "hoofdlijnennotitie", D(2022, 6, 1)),
    clear("004", 959, "burgerconsultaties"),
    clear("004", 963, "staat van de unie", D(2022, 5, 31)),
    clear("004", 989, "global health", Q3_2022),
    clear("004", 996, "begrotingsmomenten"),
    clear("004", 1016, "voortgang", SUMMER_2022),
    borderline("004", 1046, "gedigitaliseerd"),
]

# Floors over the five documents together (today: 1.0 each).
RECALL_CLEAR = 0.9  # clear promises found (as clear or borderline)
CLEAR_AS_CLEAR = 0.8  # of those found, marked clear
PRECISION = 0.8  # records that are a listed promise
DUE_EXACT = 0.9  # found promises with a date that resolve to the date checked by hand
# A letter's line may move a little when text repair changes.
LINE_SLACK = 5


@pytest.fixture
def extractions(corpus_dir) -> dict[str, Extraction]:
    return {
        prefix: extract_pages([next(corpus_dir.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")])
        for prefix in DOCUMENTS
    }


def _is(promise: Promise, record: Commitment, result: Extraction) -> bool:
    text = " ".join(record.text.split()).lower()
    if promise.words not in text:
        return False
    if result.items:
        return record.question is not None and record.question.number == str(promise.where)
    line = result.text.count("\n", 0, record.start) + 1
    return abs(line - promise.where) <= LINE_SLACK


def _pairs(extractions: dict[str, Extraction]) -> tuple[list[tuple[Promise, Commitment]], int]:
    """Each listed promise with the record that found it (one record per promise)."""
    pairs, records = [], 0
    for prefix, result in extractions.items():
        records += len(result.commitments)
        free = list(result.commitments)
        for promise in (p for p in PROMISES if p.prefix == prefix):
            if match := next((r for r in free if _is(promise, r, result)), None):
                free.remove(match)
                pairs.append((promise, match))
    return pairs, records


@pytest.mark.parametrize("prefix", sorted(DOCUMENTS))
def test_the_document_is_recognised(extractions, prefix):
    kind, date, source, items = DOCUMENTS[prefix]
    result = extractions[prefix]
    info = result.document
    assert (info.kind, info.reference_date, info.reference_date_source) == (kind, date, source)
    assert len(result.items) == items
    for commitment in result.commitments:
        assert result.text[commitment.start : commitment.end] == commitment.text
        if commitment.deadline is not None and commitment.deadline.start is not None:
            span = result.text[commitment.deadline.start : commitment.deadline.end]
            assert span == commitment.deadline.text


def test_the_pipeline_finds_the_promises_a_clerk_would_register(extractions):
    pairs, records = _pairs(extractions)
    wanted = [p for p in PROMISES if p.certainty == "clear"]
    found = [(p, r) for p, r in pairs if p.certainty == "clear"]
    missed = sorted(set(wanted) - {p for p, _ in found})
    assert len(found) >= RECALL_CLEAR * len(wanted), missed
    assert sum(r.certainty == "clear" for _, r in found) >= CLEAR_AS_CLEAR * len(found)
    assert len(pairs) >= PRECISION * records, f"{records - len(pairs)} records are no listed promise"


def test_deadlines_resolve_to_the_dates_checked_by_hand(extractions):
    pairs, _records = _pairs(extractions)
    dated = [p for p in PROMISES if p.due]
    right = [p for p, r in pairs if p.due and r.deadline is not None and r.deadline.due == p.due]
    assert len(right) >= DUE_EXACT * len(dated), sorted(set(dated) - set(right))


def test_questions_are_attached_to_the_commitments_that_answer_them(extractions):
    result = extractions["003"]
    answered = [c for c in result.commitments if c.question is not None]
    assert len(answered) == len(result.commitments)
    assert all(c.question.answer_start <= c.start < c.question.answer_end for c in answered)
    assert all(c.question.member for c in answered)
