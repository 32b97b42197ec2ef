"""A realistic answered-questions document with correct spans, shared by the review tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from motions.models import MotionCitation
from tests.browser import axe_source, browser  # noqa: F401  (fixtures for test_browser.py)
from tests.factories import (
    CommitmentFactory,
    DocumentFactory,
    MotionCitationFactory,
    MotionFactory,
    QuestionItemFactory,
)
from tracker.models import Commitment, Document, QuestionItem

TEXT = """Lijst van vragen en antwoorden over het jaarverslag 2025

1
Kan de minister toezeggen de Kamer te informeren over de handelsstrategie?

Antwoord
Het kabinet werkt aan een nieuwe handelsstrategie. Uw Kamer ontvangt uiterlijk 1 juni een brief over de voortgang, zoals gevraagd in de motie Piri c.s. (Kamerstuk 36 800 V, nr. 30). Nederland blijft zich inzetten voor open handel.

2
Wanneer verschijnt de evaluatie van het fonds?

Antwoord
De evaluatie van het fonds wordt in het vierde kwartaal van 2026 aan uw Kamer gestuurd. Ook zal het kabinet voor de zomer een kabinetsreactie op het AIV-advies naar de Kamer sturen.
"""


def span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


@dataclass
class AnsweredDocument:
    document: Document
    q1: QuestionItem
    q2: QuestionItem
    letter: Commitment  # "uiterlijk 1 juni een brief", cites a motion
    evaluation: Commitment  # "in het vierde kwartaal van 2026"
    citation: MotionCitation
    missed: str  # a commitment the extractor did not find


def build_answered_document(*, content: bytes | None = None, **document_fields: object) -> AnsweredDocument:
    text = TEXT
    document = DocumentFactory(
        text=text, kind=Document.Kind.QA_LIST, title="Lijst van vragen jaarverslag 2025",
        reference_date=dt.date(2026, 1, 28), **({"content": content} if content else {}), **document_fields,
    )
    q1_start, q1_end = span(text, "Kan de minister toezeggen de Kamer te informeren over de handelsstrategie?")
    a1_start, a1_end = span(text, "Het kabinet werkt aan", q1_end)[0], span(text, "open handel.")[1]
    q2_start, q2_end = span(text, "Wanneer verschijnt de evaluatie van het fonds?")
    a2_start, a2_end = span(text, "De evaluatie van het fonds wordt")[0], span(text, "naar de Kamer sturen.")[1]
    q1 = QuestionItemFactory(document=document, position=1, number="1", question_text=text[q1_start:q1_end],
                             member="Jansen", party="VVD", question_start=q1_start, question_end=q1_end,
                             answer_start=a1_start, answer_end=a1_end)
    q2 = QuestionItemFactory(document=document, position=2, number="2", question_text=text[q2_start:q2_end],
                             member="De Vries", party="D66", question_start=q2_start, question_end=q2_end,
                             answer_start=a2_start, answer_end=a2_end)
    letter_text = ("Uw Kamer ontvangt uiterlijk 1 juni een brief over de voortgang, zoals gevraagd in de motie "
                   "Piri c.s. (Kamerstuk 36 800 V, nr. 30).")
    s, e = span(text, letter_text)
    ds, de = span(text, "uiterlijk 1 juni", s)
    letter = CommitmentFactory(
        document=document, question=q1, promised_to_member="Jansen", promised_to_party="VVD",
        text=letter_text, start=s, end=e, deadline_text="uiterlijk 1 juni", deadline_start=ds, deadline_end=de,
        due_date=dt.date(2026, 6, 1), window_start=dt.date(2026, 6, 1), precision="day",
        deliverables=["brief over de voortgang"], confidence=0.9, extractor_version="1.0.0",
        extracted={"version": "1.0.0", "text": letter_text, "start": s, "end": e, "page": None,
                   "actor": "minister van Buitenlandse Zaken", "deliverables": ["brief over de voortgang"],
                   "kind": "informeren", "certainty": "clear", "confidence": 0.9,
                   "deadline": {"text": "uiterlijk 1 juni", "start": ds, "end": de, "due": "2026-06-01",
                                "window_start": "2026-06-01", "precision": "day"},
                   "motions": ["kst-36800-V-30"], "revision": None},
    )
    motion = MotionFactory(dossier="36800-V", number="30", key="kst-36800-V-30")
    cs, ce = span(text, "de motie Piri c.s. (Kamerstuk 36 800 V, nr. 30)")
    citation = MotionCitationFactory(document=document, motion=motion, commitment=letter, key=motion.key,
                                     text=text[cs:ce], start=cs, end=ce)
    evaluation_text = "De evaluatie van het fonds wordt in het vierde kwartaal van 2026 aan uw Kamer gestuurd."
    s, e = span(text, evaluation_text)
    ds, de = span(text, "in het vierde kwartaal van 2026", s)
    evaluation = CommitmentFactory(
        document=document, question=q2, promised_to_member="De Vries", promised_to_party="D66",
        text=evaluation_text, start=s, end=e, deadline_text="in het vierde kwartaal van 2026", deadline_start=ds,
        deadline_end=de, due_date=dt.date(2026, 12, 31), window_start=dt.date(2026, 10, 1), precision="quarter",
        kind=Commitment.Kind.PRODUCT, deliverables=["evaluatie van het fonds"], confidence=0.6,
        extractor_version="1.0.0",
        extracted={"version": "1.0.0", "text": evaluation_text, "kind": "product", "actor": "het kabinet",
                   "deliverables": ["evaluatie van het fonds"], "motions": [],
                   "deadline": {"text": "in het vierde kwartaal van 2026", "due": "2026-12-31",
                                "window_start": "2026-10-01", "precision": "quarter"}},
    )
    missed = "Ook zal het kabinet voor de zomer een kabinetsreactie op het AIV-advies naar de Kamer sturen."
    return AnsweredDocument(document, q1, q2, letter, evaluation, citation, missed)


@pytest.fixture
def answered(db) -> AnsweredDocument:
    return build_answered_document()
