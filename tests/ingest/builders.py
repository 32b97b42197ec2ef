"""Build extraction results by hand, so persistence is tested without the engine."""

from __future__ import annotations

import datetime as dt

from tracker.extraction import types as ex

TEXT = (
    "1 Wanneer komt de strategie?\nAntwoord\nDe Afrikastrategie verschijnt in het derde kwartaal van 2026. "
    "Uw Kamer ontvangt uiterlijk 1 juni een brief over de motie Jansen c.s. (Kamerstuk 36 600 XVII, nr. 24).\n"
)


def deadline(text: str, due: dt.date | None, precision: str = "day", window: dt.date | None = None) -> ex.Deadline:
    start = TEXT.find(text)
    return ex.Deadline(text, due, window, precision, start, start + len(text))


def item() -> ex.QAItem:
    return ex.QAItem(number="1", question="Wanneer komt de strategie?", question_start=2, question_end=28,
                     answer_start=38, answer_end=len(TEXT), member="Jansen", party="VVD")


def commitment(sentence: str, *, due: dt.date | None = None, phrase: str = "", motions: list[str] | None = None,
               revision: ex.Revision | None = None, confidence: float = 0.9) -> ex.Commitment:
    start = TEXT.find(sentence)
    assert start >= 0, sentence
    return ex.Commitment(
        text=sentence, start=start, end=start + len(sentence), page=None, actor="minister van Buitenlandse Zaken",
        deliverables=["brief"], kind="informeren", certainty="clear", confidence=confidence,
        deadline=deadline(phrase, due) if phrase else None, revision=revision, motions=motions or [],
        question=item(),
    )


STRATEGY = "De Afrikastrategie verschijnt in het derde kwartaal van 2026."
LETTER = ("Uw Kamer ontvangt uiterlijk 1 juni een brief over de motie Jansen c.s. "
          "(Kamerstuk 36 600 XVII, nr. 24).")
CITATION_TEXT = "motie Jansen c.s. (Kamerstuk 36 600 XVII, nr. 24)"


def extraction(*commitments: ex.Commitment, version: str = "1.0.0", with_citation: bool = True) -> ex.Extraction:
    start = TEXT.find(CITATION_TEXT)
    citations = [ex.MotionCitation("kst-36600-XVII-24", ("Jansen",), CITATION_TEXT, start,
                                   start + len(CITATION_TEXT), "aangenomen")] if with_citation else []
    return ex.Extraction(
        version=version, text=TEXT,
        document=ex.DocumentInfo(reference_date=dt.date(2026, 1, 28), reference_date_source="document",
                                 kind="lijst_van_vragen", title="Jaarverslag 2025", committee="Buitenlandse Zaken",
                                 ministry="Buitenlandse Zaken", minister="D.M. van Weel"),
        items=[item()], commitments=list(commitments), motions=citations, footnotes=[], page_count=1,
    )
