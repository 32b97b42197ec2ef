"""Deadline phrases beyond the spec's tables: one row per phrase, invented sentences.

Each choice where the spec is silent is written down in docs/decisions.md
("Deadlines: references back, dated meetings, weekdays, footnotes").
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extraction.calendar import ParliamentaryCalendar
from tracker.extraction.deadlines import find_deadlines, parse_absolute_date, resolve_phrase

d = date
THU = d(2026, 3, 12)  # a Thursday

ROWS = [
    # phrase, reference date, due, window_start, precision
    # a meeting with its own date: "voor"/"voorafgaand aan" is the day before, "bij"/"tijdens" the day
    ("voorafgaand aan het debat van 14 oktober", THU, d(2026, 10, 13), None, "day"),
    ("voor het commissiedebat Visserij van 2 april\na.s.", THU, d(2026, 4, 1), None, "day"),
    ("vóór het notaoverleg van dinsdag 7 april 2026", THU, d(2026, 4, 6), None, "day"),
    ("na het rondetafelgesprek van 3 juni", THU, None, d(2026, 6, 4), "vague"),
    # weekdays
    ("aanstaande dinsdag", THU, d(2026, 3, 17), d(2026, 3, 17), "day"),
    ("aanstaande donderdag", THU, d(2026, 3, 19), d(2026, 3, 19), "day"),
    ("volgende week dinsdag", THU, d(2026, 3, 17), d(2026, 3, 17), "day"),
    ("volgende week vrijdag", d(2026, 3, 9), d(2026, 3, 20), d(2026, 3, 20), "day"),
    ("vrijdag a.s.", THU, d(2026, 3, 13), d(2026, 3, 13), "day"),
    ("uiterlijk vóór aanstaande maandag 16 maart", THU, d(2026, 3, 15), None, "day"),
    # written-out and ordinal days
    ("op zeventien juni", THU, d(2026, 6, 17), d(2026, 6, 17), "day"),
    ("uiterlijk de eenendertigste mei 2027", THU, d(2027, 5, 31), d(2027, 5, 31), "day"),
    ("voor de vijftiende april", THU, d(2026, 4, 14), None, "day"),
    # ends and comparisons
    ("tot en met 2029", THU, d(2029, 12, 31), None, "year"),
    ("t/m 2028", THU, d(2028, 12, 31), None, "year"),
    ("eerder dan 1 juli 2026", THU, d(2026, 6, 30), None, "day"),
    ("uiterlijk april", THU, d(2026, 4, 30), d(2026, 4, 1), "month"),
    ("staat gepland voor 9 juni", THU, d(2026, 6, 9), d(2026, 6, 9), "day"),
    # past: jl./jongstleden, d.d., a letter's date
    ("op 2 maart jl.", THU, d(2026, 3, 2), d(2026, 3, 2), "day"),
    ("20 december j.l.", THU, d(2025, 12, 20), d(2025, 12, 20), "day"),
    ("op 4 maart jongstleden", THU, d(2026, 4 - 1, 4), d(2026, 3, 4), "day"),
    ("d.d. 30 april", THU, d(2025, 4, 30), d(2025, 4, 30), "day"),
    ("bij brief van 5 februari", THU, d(2026, 2, 5), d(2026, 2, 5), "day"),
    ("sinds juni vorig jaar", THU, None, d(2025, 6, 1), "vague"),
    # footnote markers glued to a year by the PDF
    ("in het derde kwartaal van 20243", THU, d(2024, 9, 30), d(2024, 7, 1), "quarter"),
    ("12 mei 20217", THU, d(2021, 5, 12), d(2021, 5, 12), "day"),
    ("rond 20401", THU, d(2040, 12, 31), d(2040, 1, 1), "year"),
    ("tot en met 202712", THU, d(2027, 12, 31), None, "year"),
    # day-month-year in digits with a two-digit year
    ("per 01-09-27", THU, d(2027, 9, 1), d(2027, 9, 1), "day"),
    ("op 15-03-98", THU, d(1998, 3, 15), d(1998, 3, 15), "day"),
    # N units after or before a named date
    ("uiterlijk zes weken na 1 april", THU, d(2026, 5, 13), d(2026, 4, 1), "day"),
    ("binnen drie maanden na 15 januari 2026", THU, d(2026, 4, 15), d(2026, 1, 15), "day"),
    ("twee weken voor 1 juli", THU, d(2026, 6, 17), None, "day"),
    # about N units
    ("een weekje of vier", THU, d(2026, 4, 9), THU, "day"),
    ("binnen een maand of twee", THU, d(2026, 5, 12), THU, "day"),
]


@pytest.mark.parametrize(("phrase", "ref", "due", "start", "precision"), ROWS, ids=[r[0] for r in ROWS])
def test_phrase(phrase: str, ref: date, due: date | None, start: date | None, precision: str) -> None:
    got = resolve_phrase(phrase, ref)
    assert (got.due, got.window_start, got.precision) == (due, start, precision), got


NOT_DEADLINES = [
    "Dat kost meer dan twee keer zoveel.",
    "Het aantal is 20235 personen.",
    "Het is dan ook belangrijk dat de gemeente meedoet.",
    "Daarna volgt de Eerste Kamer.",
    "Eind dat jaar was het zover.",
    "Bel 06-12-34-56 voor een afspraak.",
]


@pytest.mark.parametrize("text", NOT_DEADLINES)
def test_no_time_phrase(text: str) -> None:
    assert find_deadlines(text, THU) == []


def _found(text: str) -> list[tuple[str, date | None, date | None, str]]:
    return [(x.text, x.due, x.window_start, x.precision) for x in find_deadlines(text, THU)]


REFER_BACK = [
    (
        "Het advies verschijnt in september 2026. Ik stuur het u dan met mijn reactie.",
        ("dan", d(2026, 9, 30), d(2026, 9, 1), "month"),
    ),
    (
        "De pilot loopt tot 1 juli; op dat moment ontvangt u de resultaten.",
        ("op dat moment", d(2026, 7, 1), d(2026, 7, 1), "day"),
    ),
    (
        "Eind 2026 is de evaluatie klaar; daarna bespreek ik die met u.",
        ("daarna", None, d(2027, 1, 1), "vague"),
    ),
    (
        "De regeling liep af in 2023. Eind dat jaar volgde de evaluatie.",
        ("Eind dat jaar", d(2023, 12, 31), d(2023, 10, 1), "quarter"),
    ),
    (
        "Mocht dat nodig zijn, dan informeer ik u op dat moment.",
        ("op dat moment", None, None, "event"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), REFER_BACK, ids=[r[1][0] + str(i) for i, r in enumerate(REFER_BACK)])
def test_reference_back_takes_the_phrase_just_before(text: str, expected: tuple) -> None:
    assert _found(text)[-1] == expected


def test_dan_does_not_refer_back_to_a_past_year() -> None:
    assert _found("In 2019 begon de proef. Dan volgt nu de tweede fase.") == [
        ("In 2019", d(2019, 12, 31), d(2019, 1, 1), "year"),
    ]


def test_parse_absolute_date_reads_footnoted_years_and_written_days() -> None:
    assert parse_absolute_date("brief van 3 juli 20194") == d(2019, 7, 3)
    assert parse_absolute_date("op twaalf mei 2026") == d(2026, 5, 12)


# -- every recess of the Kamer: from the administrators' table, with defaults ----------------

TABLE = ParliamentaryCalendar({
    2027: {
        "voorjaarsreces": (d(2027, 2, 19), d(2027, 3, 1)),
        "meireces": (d(2027, 4, 23), d(2027, 5, 10)),
        "herfstreces": (d(2027, 10, 15), d(2027, 10, 25)),
    },
})
REF = d(2027, 1, 15)

RECESS_ROWS = [
    ("voor het krokusreces", d(2027, 2, 19), None, "event"),
    ("voor het voorjaarsreces", d(2027, 2, 19), None, "event"),
    ("vóór het meireces", d(2027, 4, 23), None, "event"),
    ("voor het herfstreces", d(2027, 10, 15), None, "event"),
    ("tijdens het meireces", d(2027, 5, 10), d(2027, 4, 23), "event"),
]


@pytest.mark.parametrize(("phrase", "due", "start", "precision"), RECESS_ROWS, ids=[r[0] for r in RECESS_ROWS])
def test_recess_from_the_table(phrase: str, due: date, start: date | None, precision: str) -> None:
    got = resolve_phrase(phrase, REF, TABLE)
    assert (got.due, got.window_start, got.precision) == (due, start, precision), got


@pytest.mark.parametrize("phrase", [r[0] for r in RECESS_ROWS])
def test_recess_without_a_table_entry_is_an_undated_event(phrase: str) -> None:
    got = resolve_phrase(phrase, REF)
    assert (got.due, got.precision) == (None, "event"), got


@pytest.mark.parametrize(
    ("name", "year", "start"),
    [
        ("voorjaarsreces", 2026, d(2026, 2, 13)),
        ("meireces", 2026, d(2026, 4, 24)),
        ("herfstreces", 2026, d(2026, 10, 16)),
        ("zomerreces", 2026, d(2026, 7, 3)),
        ("kerstreces", 2026, d(2026, 12, 18)),
    ],
)
def test_every_recess_has_a_default_first_day(name: str, year: int, start: date) -> None:
    cal = ParliamentaryCalendar()
    assert cal.recess_start(name, year) == start
    assert cal.is_default(name, year)
    assert cal.recess_end(name, year) > start


# -- the rule table: every phrase holds one of its own rule's anchor words -----------------


def test_every_rule_declares_an_anchor_its_phrases_contain() -> None:
    import re

    from tests.extraction.test_deadlines import (
        BUDGET_ROWS,
        CALENDAR_ROWS,
        UNDATED_EVENTS,
        VAGUE,
        VARIANTS,
    )
    from tests.extraction.test_deadlines import (
        RECESS_ROWS as SPEC_RECESS_ROWS,
    )
    from tracker.extraction.deadlines import scan
    from tracker.extraction.deadlines.rules import _RULES

    tables = (*CALENDAR_ROWS, *SPEC_RECESS_ROWS, *BUDGET_ROWS, *VARIANTS)
    phrases = [row[0] for row in ROWS] + [c.values[0] for c in tables] + UNDATED_EVENTS + VAGUE
    for phrase in phrases:
        low = scan._lower(phrase)
        for hit in scan._scan(phrase, THU, ParliamentaryCalendar()):
            if hit.rule < 0:  # a merged range
                continue
            rule = _RULES[hit.rule]
            anchors = re.compile(r"\b(?:" + "|".join(rule.anchors) + r")\b")
            assert anchors.search(low, hit.start, hit.end), (phrase, rule.name)


def test_a_meeting_date_after_tijdens_stays_its_own_phrase() -> None:
    found = _found("Tijdens het commissiedebat op 4 februari 2026 heb ik dit toegezegd.")
    assert [f[0] for f in found] == ["Tijdens het commissiedebat", "op 4 februari 2026"]


@pytest.mark.parametrize(
    "text",
    [
        "Het rapport komt in juni 2026; de analyse kost meer tijd dan voorzien.",
        "Als het rapport in juni 2026 klaar is, dan bespreek ik het met de sector.",
        "In juni 2026 is de tweede deadline. Wat gebeurt er dan?",
        "In juni 2026 volgt het rapport. Dan kom ik bij de vragen over de begroting.",
    ],
)
def test_dan_that_compares_concludes_or_asks_is_no_reference_back(text: str) -> None:
    assert [f[0] for f in _found(text)] == [f[0] for f in _found(text) if "juni" in f[0]]
