"""Deadline phrase resolution against shared/spec/deadlines.md, row by row.

Every expected date below is worked out by hand from the spec (and the
decisions in the module docstring), not copied from the implementation.
The sentences are our own, written in the style of government answers.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from tracker.extraction.calendar import DEFAULT_CALENDAR, ParliamentaryCalendar
from tracker.extraction.deadlines import find_deadlines, parse_absolute_date, resolve_phrase
from tracker.extraction.deadlines import scan as D
from tracker.extraction.deadlines.rules import _MASTER
from tracker.extraction.types import PRECISION_NONE, PRECISIONS, Deadline

R = date(2026, 1, 28)  # "Den Haag, 28 januari 2026" (a Wednesday)
d = date


def _case(phrase: str, ref: date, due: date | None, start: date | None, precision: str):
    return pytest.param(phrase, ref, due, start, precision, id=f"{phrase}@{ref.isoformat()}")


def _check(phrase: str, ref: date, due: date | None, start: date | None, precision: str) -> None:
    got = resolve_phrase(phrase, ref)
    assert (got.due, got.window_start, got.precision) == (due, start, precision), got
    assert got.text == phrase.strip()
    assert got.start is None and got.end is None


# -- "Reference date and missing years" and "Calendar periods" -----------------------

CALENDAR_ROWS = [
    # Q1 2026, het eerste kwartaal van 2026 → 1 Jan – 31 Mar
    _case("Q1 2026", R, d(2026, 3, 31), d(2026, 1, 1), "quarter"),
    _case("het eerste kwartaal van 2026", R, d(2026, 3, 31), d(2026, 1, 1), "quarter"),
    _case("Q1 2026", d(2026, 6, 1), d(2026, 3, 31), d(2026, 1, 1), "quarter"),  # stated year kept
    # Q2/Q3, in Q2 of Q3 → start of first – end of last
    _case("Q2/Q3", R, d(2026, 9, 30), d(2026, 4, 1), "quarter"),
    _case("in Q2 of Q3", R, d(2026, 9, 30), d(2026, 4, 1), "quarter"),
    _case("Q2/Q3", d(2026, 10, 1), d(2027, 9, 30), d(2027, 4, 1), "quarter"),
    _case("in het derde kwartaal", d(2026, 8, 15), d(2026, 9, 30), d(2026, 7, 1), "quarter"),
    _case("in het derde kwartaal", d(2026, 10, 1), d(2027, 9, 30), d(2027, 7, 1), "quarter"),
    # eind van het eerste kwartaal → 1 Mar – 31 Mar, month
    _case("eind van het eerste kwartaal", R, d(2026, 3, 31), d(2026, 3, 1), "month"),
    _case("eind van het eerste kwartaal", d(2026, 4, 1), d(2027, 3, 31), d(2027, 3, 1), "month"),
    # halves
    _case("de eerste helft van 2026", R, d(2026, 6, 30), d(2026, 1, 1), "half"),
    _case("de tweede helft van 2026", R, d(2026, 12, 31), d(2026, 7, 1), "half"),
    # begin 2026, begin volgend jaar → 1 Jan – 31 Mar
    _case("begin 2026", R, d(2026, 3, 31), d(2026, 1, 1), "quarter"),
    _case("begin volgend jaar", R, d(2027, 3, 31), d(2027, 1, 1), "quarter"),
    # medio 2026, half 2026 → 1 May – 31 Jul
    _case("medio 2026", R, d(2026, 7, 31), d(2026, 5, 1), "quarter"),
    _case("half 2026", R, d(2026, 7, 31), d(2026, 5, 1), "quarter"),
    # eind 2026, eind van dit jaar, eind dit jaar → 1 Oct – 31 Dec
    _case("eind 2026", R, d(2026, 12, 31), d(2026, 10, 1), "quarter"),
    _case("eind van dit jaar", R, d(2026, 12, 31), d(2026, 10, 1), "quarter"),
    _case("eind dit jaar", R, d(2026, 12, 31), d(2026, 10, 1), "quarter"),
    # in 2026, in de loop van 2026, in de loop van dit jaar → 1 Jan – 31 Dec
    _case("in 2026", R, d(2026, 12, 31), d(2026, 1, 1), "year"),
    _case("in de loop van 2026", R, d(2026, 12, 31), d(2026, 1, 1), "year"),
    _case("in de loop van dit jaar", R, d(2026, 12, 31), d(2026, 1, 1), "year"),
    _case("in 2024", R, d(2024, 12, 31), d(2024, 1, 1), "year"),  # past year kept
    # later dit jaar, dit jaar, dit kalenderjaar, voor het einde van het jaar → ref – 31 Dec
    _case("later dit jaar", R, d(2026, 12, 31), R, "year"),
    _case("dit jaar", R, d(2026, 12, 31), R, "year"),
    _case("dit kalenderjaar", R, d(2026, 12, 31), R, "year"),
    _case("voor het einde van het jaar", R, d(2026, 12, 31), R, "year"),
    _case("later dit jaar", d(2026, 6, 15), d(2026, 12, 31), d(2026, 6, 15), "year"),
    # volgend jaar → 1 Jan – 31 Dec of the next year
    _case("volgend jaar", R, d(2027, 12, 31), d(2027, 1, 1), "year"),
    # in maart 2026, maart → 1 – 31 Mar
    _case("in maart 2026", R, d(2026, 3, 31), d(2026, 3, 1), "month"),
    _case("maart", R, d(2026, 3, 31), d(2026, 3, 1), "month"),
    _case("maart", d(2026, 3, 15), d(2026, 3, 31), d(2026, 3, 1), "month"),  # still running
    _case("maart", d(2026, 4, 2), d(2027, 3, 31), d(2027, 3, 1), "month"),  # rolls over
    # begin / half / medio / eind maart
    _case("begin maart", R, d(2026, 3, 10), d(2026, 3, 1), "month"),
    _case("half maart", R, d(2026, 3, 20), d(2026, 3, 11), "month"),
    _case("medio maart", R, d(2026, 3, 20), d(2026, 3, 11), "month"),
    _case("eind maart", R, d(2026, 3, 31), d(2026, 3, 21), "month"),
    _case("voor eind maart", R, d(2026, 3, 31), d(2026, 3, 21), "month"),
    _case("uiterlijk eind maart", R, d(2026, 3, 31), d(2026, 3, 21), "month"),
    _case("eind februari", d(2028, 1, 5), d(2028, 2, 29), d(2028, 2, 21), "month"),  # leap year
    # uiterlijk 1 juni, op 1 juni, per 1 juli a.s. → that day
    _case("uiterlijk 1 juni", R, d(2026, 6, 1), d(2026, 6, 1), "day"),
    _case("op 1 juni", R, d(2026, 6, 1), d(2026, 6, 1), "day"),
    _case("per 1 juli a.s.", R, d(2026, 7, 1), d(2026, 7, 1), "day"),
    _case("op 1 juni", d(2026, 6, 1), d(2026, 6, 1), d(2026, 6, 1), "day"),  # not yet ended
    _case("uiterlijk 1 juni", d(2026, 6, 2), d(2027, 6, 1), d(2027, 6, 1), "day"),
    _case("per 1 juli a.s.", d(2026, 7, 2), d(2027, 7, 1), d(2027, 7, 1), "day"),
    # voor 1 juni, vóór 1 juni → 31 May, no window
    _case("voor 1 juni", R, d(2026, 5, 31), None, "day"),
    _case("vóór 1 juni", R, d(2026, 5, 31), None, "day"),
    _case("voor 1 juni", d(2026, 6, 1), d(2027, 5, 31), None, "day"),
    # voor maart → last day of February
    _case("voor maart", R, d(2026, 2, 28), None, "month"),
    _case("voor maart", d(2028, 1, 10), d(2028, 2, 29), None, "month"),
    _case("voor maart", d(2026, 3, 10), d(2027, 2, 28), None, "month"),
    # binnen drie weken, binnen twee maanden → reference date + N
    _case("binnen drie weken", R, d(2026, 2, 18), R, "day"),
    _case("binnen twee maanden", R, d(2026, 3, 28), R, "day"),
    _case("binnen 6 weken", R, d(2026, 3, 11), R, "day"),
    _case("binnen twee maanden", d(2026, 12, 31), d(2027, 2, 28), d(2026, 12, 31), "day"),
    _case("binnen twaalf maanden", R, d(2027, 1, 28), R, "day"),
    # het komende half jaar → reference date + 6 months
    _case("het komende half jaar", R, d(2026, 7, 28), R, "day"),
    # seasons
    _case("dit voorjaar", R, d(2026, 5, 31), d(2026, 3, 1), "season"),
    _case("voorjaar 2026", R, d(2026, 5, 31), d(2026, 3, 1), "season"),
    _case("in het voorjaar", R, d(2026, 5, 31), d(2026, 3, 1), "season"),
    _case("dit voorjaar", d(2026, 6, 1), d(2027, 5, 31), d(2027, 3, 1), "season"),
    _case("deze zomer", R, d(2026, 8, 31), d(2026, 6, 1), "season"),
    _case("nog deze zomer", R, d(2026, 8, 31), d(2026, 6, 1), "season"),
    _case("zomer 2026", R, d(2026, 8, 31), d(2026, 6, 1), "season"),
    _case("deze zomer", d(2026, 9, 1), d(2027, 8, 31), d(2027, 6, 1), "season"),
    _case("dit najaar", R, d(2026, 11, 30), d(2026, 9, 1), "season"),
    _case("uiterlijk dit najaar", R, d(2026, 11, 30), d(2026, 9, 1), "season"),
    _case("het najaar van 2026", R, d(2026, 11, 30), d(2026, 9, 1), "season"),
    _case("dit najaar", d(2026, 12, 1), d(2027, 11, 30), d(2027, 9, 1), "season"),
    _case("deze winter", d(2026, 10, 1), d(2027, 2, 28), d(2026, 12, 1), "season"),
    _case("deze winter", R, d(2026, 2, 28), d(2025, 12, 1), "season"),  # running winter
    _case("deze winter", d(2027, 11, 15), d(2028, 2, 29), d(2027, 12, 1), "season"),
]


@pytest.mark.parametrize(("phrase", "ref", "due", "start", "precision"), CALENDAR_ROWS)
def test_calendar_periods(phrase: str, ref: date, due: date, start: date | None, precision: str) -> None:
    _check(phrase, ref, due, start, precision)


# -- "Parliamentary calendar" ----------------------------------------------------------

RECESS_ROWS = [
    _case("voor de zomer", R, d(2026, 7, 3), None, "event"),
    _case("voor het zomerreces", R, d(2026, 7, 3), None, "event"),
    _case("voor de zomer van 2022", R, d(2022, 7, 8), None, "event"),
    _case("voor de zomer", d(2026, 7, 3), d(2026, 7, 3), None, "event"),  # due day itself
    _case("voor de zomer", d(2026, 8, 1), d(2027, 7, 9), None, "event"),  # next year's recess
    _case("na de zomer", R, d(2026, 9, 30), d(2026, 8, 31), "event"),
    _case("na het zomerreces", R, d(2026, 9, 30), d(2026, 8, 31), "event"),
    _case("na de zomer", d(2026, 10, 1), d(2027, 9, 30), d(2027, 9, 6), "event"),
    _case("voor de kerst", R, d(2026, 12, 18), None, "event"),
    _case("voor het kerstreces", R, d(2026, 12, 18), None, "event"),
    _case("voor de kerst", d(2026, 12, 19), d(2027, 12, 17), None, "event"),
    _case("rond de jaarwisseling", d(2026, 6, 1), d(2027, 1, 31), d(2026, 12, 1), "event"),
    _case("rond de jaarwisseling", R, d(2026, 1, 31), d(2025, 12, 1), "event"),
]


@pytest.mark.parametrize(("phrase", "ref", "due", "start", "precision"), RECESS_ROWS)
def test_parliamentary_calendar(phrase: str, ref: date, due: date, start: date | None, precision: str) -> None:
    _check(phrase, ref, due, start, precision)


# -- "Budget and accountability cycle" -----------------------------------------------------

BUDGET_ROWS = [
    _case("bij de Voorjaarsnota", R, d(2026, 6, 1), None, "event"),
    _case("bij de Voorjaarsnota 2026", R, d(2026, 6, 1), None, "event"),
    _case("bij de Voorjaarsnota", d(2026, 6, 2), d(2027, 6, 1), None, "event"),
    _case("eerste suppletoire begroting", R, d(2026, 6, 1), None, "event"),
    _case("eerste suppletoire begroting 2022", R, d(2022, 6, 1), None, "event"),
    _case("op Prinsjesdag", R, d(2026, 9, 15), d(2026, 9, 15), "event"),
    _case("op Prinsjesdag", d(2026, 9, 16), d(2027, 9, 21), d(2027, 9, 21), "event"),
    _case("bij de begroting 2027", R, d(2026, 9, 15), d(2026, 9, 15), "event"),
    _case("Miljoenennota 2027", R, d(2026, 9, 15), d(2026, 9, 15), "event"),
    _case("bij de Najaarsnota", R, d(2026, 11, 30), None, "event"),
    _case("tweede suppletoire begroting", R, d(2026, 11, 30), None, "event"),
    _case("bij het jaarverslag", R, d(2026, 5, 20), d(2026, 5, 20), "event"),
    _case("bij het jaarverslag 2025", R, d(2026, 5, 20), d(2026, 5, 20), "event"),
    _case("Verantwoordingsdag", R, d(2026, 5, 20), d(2026, 5, 20), "event"),
    _case("Verantwoordingsdag", d(2026, 5, 21), d(2027, 5, 19), d(2027, 5, 19), "event"),
    _case("in de HGIS-nota 2027", R, d(2026, 9, 15), d(2026, 9, 15), "event"),
]


@pytest.mark.parametrize(("phrase", "ref", "due", "start", "precision"), BUDGET_ROWS)
def test_budget_cycle(phrase: str, ref: date, due: date, start: date | None, precision: str) -> None:
    _check(phrase, ref, due, start, precision)


UNDATED_EVENTS = [
    "voor het commissiedebat",
    "bij de volgende voortgangsrapportage",
    "na afronding van het onderzoek",
    "na het aantreden van een nieuw kabinet",
    "na afloop",
    "op dat moment",
    "binnen zes maanden na inwerkingtreding",
    "twee weken voor het commissiedebat",
    "zodra het onderzoek is afgerond",
    "na de kerst",
    "na het kerstreces",
    "voor het meireces",
    "in de volgende voortgangsrapportage",
    "bij de aanstaande Raad Buitenlandse Zaken",
    "na ontvangst van het advies",
    "suppletoire begroting",
    "na de Voorjaarsnota",
    "op het moment dat het rapport is verschenen",
]


@pytest.mark.parametrize("phrase", UNDATED_EVENTS)
def test_undated_events(phrase: str) -> None:
    _check(phrase, R, None, None, "event")


VAGUE = [
    "zo spoedig mogelijk",
    "binnenkort",
    "op korte termijn",
    "te zijner tijd",
    "t.z.t.",
    "tzt",
    "op termijn",
    "zodra meer bekend is",
    "zodra de resultaten bekend zijn",
    "in de komende maanden",
    "over enkele maanden",
    "de komende periode",
    "de komende jaren",
    "in de aankomende periode",
    "zo snel mogelijk",
    "op zo kort mogelijke termijn",
    "de komende tijd",
    "binnen enkele weken",
    "op een later moment",
    "in de komende kabinetsperiode",
    "op een nader te bepalen moment",
    "op het moment dat de resultaten bekend zijn",
]


@pytest.mark.parametrize("phrase", VAGUE)
def test_vague_phrases(phrase: str) -> None:
    _check(phrase, R, None, None, "vague")


# -- Dutch variants a clerk meets that the spec lists in one form only ------------------

VARIANTS = [
    _case("in het 3e kwartaal", R, d(2026, 9, 30), d(2026, 7, 1), "quarter"),
    _case("derde kwartaal 2026", R, d(2026, 9, 30), d(2026, 7, 1), "quarter"),
    _case("Q3 van 2026", R, d(2026, 9, 30), d(2026, 7, 1), "quarter"),
    _case("Q1-2027", R, d(2027, 3, 31), d(2027, 1, 1), "quarter"),
    _case("het vierde kwartaal van dit jaar", R, d(2026, 12, 31), d(2026, 10, 1), "quarter"),
    _case("het laatste kwartaal van 2026", R, d(2026, 12, 31), d(2026, 10, 1), "quarter"),
    _case("het tweede of derde kwartaal van 2026", R, d(2026, 9, 30), d(2026, 4, 1), "quarter"),
    _case("Q4/Q1", d(2026, 11, 1), d(2027, 3, 31), d(2026, 10, 1), "quarter"),
    _case("eind Q3", R, d(2026, 9, 30), d(2026, 9, 1), "month"),
    _case("begin van het derde kwartaal", R, d(2026, 7, 31), d(2026, 7, 1), "month"),
    _case("voor Q3", R, d(2026, 6, 30), None, "quarter"),
    _case("voor het einde van het derde kwartaal", R, d(2026, 9, 30), d(2026, 7, 1), "quarter"),
    _case("voor het einde van het eerste kwartaal", R, d(2026, 3, 31), R, "quarter"),
    _case("volgend kwartaal", R, d(2026, 6, 30), d(2026, 4, 1), "quarter"),
    _case("vóór de zomer", R, d(2026, 7, 3), None, "event"),
    _case("nog voor de zomer", R, d(2026, 7, 3), None, "event"),
    _case("voor het zomerreces van 2026", R, d(2026, 7, 3), None, "event"),
    _case("voor de zomervakantie", R, d(2026, 7, 3), None, "event"),
    _case("voor de zomer van volgend jaar", R, d(2027, 7, 9), None, "event"),
    _case("voor zomer 2027", R, d(2027, 7, 9), None, "event"),
    _case("direct na de zomer", R, d(2026, 9, 30), d(2026, 8, 31), "event"),
    _case("tijdens het zomerreces", R, d(2026, 8, 31), d(2026, 7, 3), "event"),
    _case("voor kerst", R, d(2026, 12, 18), None, "event"),
    _case("voor de jaarwisseling", R, d(2026, 12, 31), None, "event"),
    _case("in de zomer", R, d(2026, 8, 31), d(2026, 6, 1), "season"),
    _case("in de zomer van 2027", R, d(2027, 8, 31), d(2027, 6, 1), "season"),
    _case("in het najaar", R, d(2026, 11, 30), d(2026, 9, 1), "season"),
    _case("lente 2027", R, d(2027, 5, 31), d(2027, 3, 1), "season"),
    _case("komend najaar", d(2026, 10, 15), d(2027, 11, 30), d(2027, 9, 1), "season"),
    _case("afgelopen zomer", R, d(2025, 8, 31), d(2025, 6, 1), "season"),
    _case("eind deze zomer", R, d(2026, 8, 31), d(2026, 8, 1), "month"),
    _case("voor het najaar", R, d(2026, 8, 31), None, "season"),
    _case("eind 2026/begin 2027", R, d(2027, 3, 31), d(2026, 10, 1), "quarter"),
    _case("eind 2026 of begin 2027", R, d(2027, 3, 31), d(2026, 10, 1), "quarter"),
    _case("uiterlijk in juni", R, d(2026, 6, 30), d(2026, 6, 1), "month"),
    _case("in de maand juni", R, d(2026, 6, 30), d(2026, 6, 1), "month"),
    _case("juni 2027", R, d(2027, 6, 30), d(2027, 6, 1), "month"),
    _case("maart van dit jaar", d(2026, 5, 1), d(2026, 3, 31), d(2026, 3, 1), "month"),
    _case("maart jl.", R, d(2025, 3, 31), d(2025, 3, 1), "month"),
    _case("december jl.", R, d(2025, 12, 31), d(2025, 12, 1), "month"),
    _case("voor begin maart", R, d(2026, 2, 28), None, "month"),
    _case("september of oktober 2026", R, d(2026, 10, 31), d(2026, 9, 1), "month"),
    _case("in de eerste helft van volgend jaar", R, d(2027, 6, 30), d(2027, 1, 1), "half"),
    _case("in de tweede helft van het jaar", R, d(2026, 12, 31), d(2026, 7, 1), "half"),
    _case("het eerste halfjaar van 2027", R, d(2027, 6, 30), d(2027, 1, 1), "half"),
    _case("H2 2026", R, d(2026, 12, 31), d(2026, 7, 1), "half"),
    _case("eind volgend jaar", R, d(2027, 12, 31), d(2027, 10, 1), "quarter"),
    _case("aan het eind van het jaar", R, d(2026, 12, 31), d(2026, 10, 1), "quarter"),
    _case("voor eind 2026", R, d(2026, 12, 31), d(2026, 10, 1), "quarter"),
    _case("halverwege 2027", R, d(2027, 7, 31), d(2027, 5, 1), "quarter"),
    _case("vóór 2027", R, d(2026, 12, 31), None, "year"),
    _case("in de periode 2026-2030", R, d(2030, 12, 31), d(2026, 1, 1), "year"),
    _case("in 2026 en 2027", R, d(2027, 12, 31), d(2026, 1, 1), "year"),
    _case("gedurende het jaar", R, d(2026, 12, 31), d(2026, 1, 1), "year"),
    _case("eerder dit jaar", R, R, d(2026, 1, 1), "year"),
    _case("vorig jaar", R, d(2025, 12, 31), d(2025, 1, 1), "year"),
    _case("eind vorig jaar", R, d(2025, 12, 31), d(2025, 10, 1), "quarter"),
    _case("vóór 1 januari 2027", R, d(2026, 12, 31), None, "day"),
    _case("voor of op 1 juni", R, d(2026, 6, 1), d(2026, 6, 1), "day"),
    _case("met ingang van 1 juli", R, d(2026, 7, 1), d(2026, 7, 1), "day"),
    _case("op dinsdag 15 september 2026", R, d(2026, 9, 15), d(2026, 9, 15), "day"),
    _case("op 24 en 25 juni", R, d(2026, 6, 25), d(2026, 6, 24), "day"),
    _case("27 januari jl.", R, d(2026, 1, 27), d(2026, 1, 27), "day"),
    _case("28 januari jl.", R, R, R, "day"),
    _case("29 januari jl.", R, d(2025, 1, 29), d(2025, 1, 29), "day"),
    _case("1 februari a.s.", R, d(2026, 2, 1), d(2026, 2, 1), "day"),
    _case("op 10 september 2025", R, d(2025, 9, 10), d(2025, 9, 10), "day"),
    _case("29 februari", R, d(2028, 2, 29), d(2028, 2, 29), "day"),
    _case("per 1-7-2026", R, d(2026, 7, 1), d(2026, 7, 1), "day"),
    _case("3 sept. 2026", R, d(2026, 9, 3), d(2026, 9, 3), "day"),
    _case("binnen een maand", R, d(2026, 2, 28), R, "day"),
    _case("binnen een week", R, d(2026, 2, 4), R, "day"),
    _case("binnen 14 dagen", R, d(2026, 2, 11), R, "day"),
    _case("binnen twee werkdagen", R, d(2026, 1, 30), R, "day"),
    _case("binnen vijf werkdagen", R, d(2026, 2, 4), R, "day"),
    _case("binnen een half jaar", R, d(2026, 7, 28), R, "day"),
    _case("binnen een jaar", R, d(2027, 1, 28), R, "day"),
    _case("binnen anderhalf jaar", R, d(2027, 7, 28), R, "day"),
    _case("binnen twee à drie maanden", R, d(2026, 4, 28), R, "day"),
    _case("binnen een termijn van zes weken", R, d(2026, 3, 11), R, "day"),
    _case("over drie weken", R, d(2026, 2, 18), R, "day"),
    _case("de komende twee jaar", R, d(2028, 1, 28), R, "day"),
    _case("in de komende zes maanden", R, d(2026, 7, 28), R, "day"),
    _case("het komende jaar", R, d(2027, 1, 28), R, "day"),
    _case("komend jaar", R, d(2027, 12, 31), d(2027, 1, 1), "year"),
    _case("deze week", R, d(2026, 2, 1), d(2026, 1, 26), "day"),
    _case("volgende week", R, d(2026, 2, 8), d(2026, 2, 2), "day"),
    _case("volgende maand", R, d(2026, 2, 28), d(2026, 2, 1), "month"),
    _case("begin volgende maand", R, d(2026, 2, 10), d(2026, 2, 1), "month"),
    _case("bij de begroting", R, d(2026, 9, 15), d(2026, 9, 15), "event"),
    _case("de begroting voor 2027", R, d(2026, 9, 15), d(2026, 9, 15), "event"),
    _case("via de eerste suppletoire begroting 2022", R, d(2022, 6, 1), None, "event"),
    _case("bij de 1e suppletoire begroting", R, d(2026, 6, 1), None, "event"),
    _case("in de Miljoenennota", R, d(2026, 9, 15), d(2026, 9, 15), "event"),
    _case("het jaarverslag over 2025", R, d(2026, 5, 20), d(2026, 5, 20), "event"),
    _case("voor Prinsjesdag", R, d(2026, 9, 15), None, "event"),
    _case("Belastingplan 2027", R, d(2026, 9, 15), d(2026, 9, 15), "event"),
    _case("bij de eerstvolgende Najaarsnota", R, d(2026, 11, 30), None, "event"),
    # na / sinds / vanaf
    _case("na 1 juni", R, None, d(2026, 6, 2), "vague"),
    _case("kort na 1 juni 2027", R, None, d(2027, 6, 2), "vague"),
    _case("na het derde kwartaal", R, None, d(2026, 10, 1), "vague"),
    _case("na 2026", R, None, d(2027, 1, 1), "vague"),
    _case("na deze zomer", R, d(2026, 9, 30), d(2026, 8, 31), "event"),
    _case("sinds maart", R, None, d(2025, 3, 1), "vague"),
    _case("sinds 1 maart", R, None, d(2025, 3, 1), "vague"),
    _case("sinds voorjaar 2021", R, None, d(2021, 3, 1), "vague"),
    _case("sinds begin maart", R, None, d(2025, 3, 1), "vague"),
    _case("vanaf 1 juli", R, d(2026, 7, 1), d(2026, 7, 1), "day"),
    _case("vanaf 2027", R, d(2027, 12, 31), d(2027, 1, 1), "year"),
]


@pytest.mark.parametrize(("phrase", "ref", "due", "start", "precision"), VARIANTS)
def test_variants(phrase: str, ref: date, due: date | None, start: date | None, precision: str) -> None:
    _check(phrase, ref, due, start, precision)


@pytest.mark.parametrize(
    "phrase",
    [
        "VOOR DE ZOMER",
        "Voor De Zomer",
        "voor  de\nzomer",
        "voor\tde  zomer",
    ],
)
def test_case_and_whitespace_insensitive(phrase: str) -> None:
    got = resolve_phrase(phrase, R)
    assert (got.due, got.precision, got.text) == (d(2026, 7, 3), "event", phrase.strip())


# -- what is not read ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    [
        "",
        "   ",
        "blabla",
        "Nederland blijft zich inzetten voor vrede en veiligheid.",
        "voor 2026",  # mostly "for 2026"
        "zomer",
        "de eerste helft",
        "in de begroting",
        "in het jaarverslag",
        "in behandeling",
        "in de Europese Raad",
        "voor behandeling van klachten",
        "2026",
        "EUR 2026 miljoen",
        "de afgelopen maanden",
    ],
)
def test_not_a_time_phrase(phrase: str) -> None:
    got = resolve_phrase(phrase, R)
    assert (got.due, got.window_start, got.precision) == (None, None, PRECISION_NONE)
    assert got.text == phrase.strip()


# -- resolve_phrase on phrases with surrounding words ----------------------------------------


@pytest.mark.parametrize(
    ("phrase", "due", "precision"),
    [
        ("Uw Kamer ontvangt uiterlijk 1 juni een brief", d(2026, 6, 1), "day"),
        ("Hiertoe zal uw Kamer in het\nderde kwartaal van 2022 een nota toekomen", d(2022, 9, 30), "quarter"),
        ("De Kamer wordt voor de zomer nader geïnformeerd.", d(2026, 7, 3), "event"),
        ("Ik zal u binnenkort een brief sturen", None, "vague"),
        # a dated phrase is preferred over a vague one
        ("Ik stuur u zo spoedig mogelijk, uiterlijk 1 juni, de brief", d(2026, 6, 1), "day"),
    ],
)
def test_resolve_phrase_uses_the_best_expression_inside(phrase: str, due: date | None, precision: str) -> None:
    got = resolve_phrase(phrase, R)
    assert (got.due, got.precision) == (due, precision)
    assert got.text == phrase.strip()


def test_resolve_phrase_returns_the_shared_deadline_type() -> None:
    got = resolve_phrase("  voor de zomer  ", R)
    assert isinstance(got, Deadline)
    assert got.text == "voor de zomer"
    assert got.precision in PRECISIONS


# -- find_deadlines: texts, offsets, order ---------------------------------------------------


def _found(text: str, ref: date = R) -> list[tuple[str, date | None, date | None, str]]:
    result = find_deadlines(text, ref)
    for dl in result:
        assert dl.start is not None and dl.end is not None
        assert text[dl.start:dl.end] == dl.text
    starts = [dl.start for dl in result]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(result, result[1:], strict=False))
    return [(dl.text, dl.due, dl.window_start, dl.precision) for dl in result]


def test_find_deadlines_across_line_breaks_and_double_spaces() -> None:
    text = (
        "Het kabinet zal uw Kamer in het\nderde kwartaal van 2026 informeren over de "
        "voortgang; de evaluatie volgt  uiterlijk\n1 juni 2027."
    )
    assert _found(text) == [
        ("in het\nderde kwartaal van 2026", d(2026, 9, 30), d(2026, 7, 1), "quarter"),
        ("uiterlijk\n1 juni 2027", d(2027, 6, 1), d(2027, 6, 1), "day"),
    ]


def test_find_deadlines_keeps_past_dates_and_budget_moments() -> None:
    text = (
        "Zoals op 27 januari jl. toegezegd, ontvangt uw Kamer vóór de zomer een brief en "
        "bij de Voorjaarsnota 2026 de financiële uitwerking."
    )
    assert _found(text) == [
        ("op 27 januari jl.", d(2026, 1, 27), d(2026, 1, 27), "day"),
        ("vóór de zomer", d(2026, 7, 3), None, "event"),
        ("bij de Voorjaarsnota 2026", d(2026, 6, 1), None, "event"),
    ]


def test_find_deadlines_events_and_vague_phrases() -> None:
    text = (
        "Na afronding van het onderzoek zal ik uw Kamer zo spoedig mogelijk informeren, "
        "in ieder geval voor het commissiedebat."
    )
    assert _found(text) == [
        ("Na afronding van het onderzoek", None, None, "event"),
        ("zo spoedig mogelijk", None, None, "vague"),
        ("voor het commissiedebat", None, None, "event"),
    ]


def test_find_deadlines_conditional_triggers() -> None:
    text = (
        "Mocht dat het geval zijn, dan ontvangt uw Kamer op dat moment een brief; "
        "na afloop wordt de pilot geëvalueerd."
    )
    assert _found(text) == [
        ("op dat moment", None, None, "event"),
        ("na afloop", None, None, "event"),
    ]


def test_find_deadlines_returns_every_phrase_for_the_next_stage_to_choose() -> None:
    # the conference's date is not the decision's deadline, but both phrases are found
    text = "Het kabinet besluit over deelname aan de conferentie die dit najaar plaatsvindt,\nin de aankomende periode."
    assert _found(text) == [
        ("dit najaar", d(2026, 11, 30), d(2026, 9, 1), "season"),
        ("in de aankomende periode", None, None, "vague"),
    ]


def test_find_deadlines_ranges() -> None:
    text = "De strategie wordt in Q2 of Q3 afgerond en de wet treedt eind 2026/begin 2027 in werking."
    assert _found(text) == [
        ("in Q2 of Q3", d(2026, 9, 30), d(2026, 4, 1), "quarter"),
        ("eind 2026/begin 2027", d(2027, 3, 31), d(2026, 10, 1), "quarter"),
    ]


def test_find_deadlines_year_on_second_part_of_a_range_applies_to_the_first() -> None:
    text = "In het voorjaar en de zomer van 2020 is er veel gebeurd."
    assert _found(text) == [
        ("In het voorjaar en de zomer van 2020", d(2020, 8, 31), d(2020, 3, 1), "season"),
    ]


def test_find_deadlines_zodra_and_revision_sentence() -> None:
    assert _found("Zodra de resultaten bekend zijn, informeer ik u daarover.") == [
        ("Zodra de resultaten bekend zijn", None, None, "vague"),
    ]
    assert _found(
        "Eerder is uw Kamer gemeld dat deze in Q1 2026 zou verschijnen; enige speling is nodig."
    ) == [("in Q1 2026", d(2026, 3, 31), d(2026, 1, 1), "quarter")]


def test_find_deadlines_punctuation_around_phrases() -> None:
    text = "De brief (uiterlijk 1 juni) volgt; «voor de zomer» ook. Planning: Q3'26."
    assert [t for t, *_ in _found(text)] == ["uiterlijk 1 juni", "voor de zomer", "Q3'26"]


def test_find_deadlines_nothing_to_find() -> None:
    assert find_deadlines("", R) == []
    assert find_deadlines("Nederland blijft zich inzetten voor vrede en veiligheid.", R) == []
    assert find_deadlines("Kamerstuk 36 045, nr. 4 en 21 501-02, nr. 3236", R) == []


def test_find_deadlines_offsets_are_relative_to_the_given_text() -> None:
    prefix = "x" * 10 + " "
    text = prefix + "Uw Kamer ontvangt voor 1 juni een brief."
    (dl,) = find_deadlines(text, R)
    assert (dl.start, dl.text) == (len(prefix) + 18, "voor 1 juni")
    assert dl.shifted(5).start == dl.start + 5


def test_find_deadlines_with_a_supplied_calendar() -> None:
    calendar = ParliamentaryCalendar({2026: {"zomerreces": d(2026, 7, 10)}})
    (dl,) = find_deadlines("De Kamer wordt voor de zomer geïnformeerd.", R, calendar)
    assert dl.due == d(2026, 7, 10)


def test_unicode_case_changes_do_not_shift_offsets() -> None:
    # "İ" lower-cases to two characters; offsets must still index the input
    text = "İİİ Uw Kamer ontvangt uiterlijk 1 juni een brief."
    (dl,) = find_deadlines(text, R)
    assert text[dl.start:dl.end] == dl.text == "uiterlijk 1 juni"


# -- the anchor-driven scanner finds what an exhaustive scan finds ---------------------------


def _exhaustive(text: str, ref: date) -> list[tuple[int, int, object]]:
    """Reference scanner: try the combined pattern at every position."""
    low = D._lower(text)
    hits = []
    pos = 0
    while True:
        m = _MASTER.search(low, pos)
        if m is None:
            break
        hit = D._match_at(low, m.start(), ref, DEFAULT_CALENDAR)
        if hit is None:
            pos = m.start() + 1
            continue
        hits.append(hit)
        pos = hit.end
    hits = D.finish(text, hits, ref, DEFAULT_CALENDAR)
    return [(h.start, h.end, h.r) for h in hits]


OWN_SENTENCES = [
    "Het kabinet zal uw Kamer in het\nderde kwartaal van 2026 informeren; de evaluatie volgt uiterlijk 1 juni 2027.",
    "Zoals op 27 januari jl. toegezegd, ontvangt uw Kamer vóór de zomer een brief.",
    "Na afronding van het onderzoek zal ik uw Kamer zo spoedig mogelijk informeren.",
    "Binnen een termijn van zes weken na ontvangst van de aanvraag volgt een besluit.",
    "In de jaarlijkse rapportage over de consulaire dienstverlening komt dit terug.",
    "Mocht dat het geval zijn, dan ontvangt uw Kamer op dat moment een brief.",
    "De wet treedt eind 2026/begin 2027 in werking; in de periode 2026-2030 wordt geëvalueerd.",
    "Tijdens het plenaire debat over de begroting 2027 op Prinsjesdag is dit besproken.",
    "Ik zeg toe dat uw Kamer te zijner tijd, doch uiterlijk bij de Voorjaarsnota, wordt geïnformeerd.",
    "De komende vijf tot tien jaar investeert het kabinet; de afgelopen 10 jaar was dat minder.",
    "Per 1-7-2026 vervalt de regeling; vanaf 2026-07-01 geldt de nieuwe.",
]


def _corpus_paragraphs(corpus_dir) -> list[str]:
    paragraphs: list[str] = []
    for path in sorted(corpus_dir.glob("*.txt")):
        paragraphs += [p for p in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if p.strip()]
    return paragraphs


def test_anchored_scan_matches_exhaustive_scan_on_own_sentences() -> None:
    for text in OWN_SENTENCES + [row.values[0] for row in CALENDAR_ROWS + VARIANTS]:
        got = [(h.start, h.end, h.r) for h in D._scan(text, R, DEFAULT_CALENDAR)]
        assert got == _exhaustive(text, R), text


def test_anchored_scan_matches_exhaustive_scan_on_the_corpus(corpus_dir) -> None:
    paragraphs = _corpus_paragraphs(corpus_dir)
    assert paragraphs
    for text in paragraphs:
        got = [(h.start, h.end, h.r) for h in D._scan(text, R, DEFAULT_CALENDAR)]
        assert got == _exhaustive(text, R), text[:200]


# -- parse_absolute_date -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        ("27 januari jl.", R, d(2026, 1, 27)),
        ("27 januari jl.", d(2026, 1, 20), d(2025, 1, 27)),
        ("op 26 februari jl. is uw Kamer geïnformeerd", R, d(2025, 2, 26)),
        ("per 1 juli a.s.", R, d(2026, 7, 1)),
        ("per 1 juli a.s.", d(2026, 7, 2), d(2027, 7, 1)),
        ("1 juni", R, d(2026, 6, 1)),
        ("1 juni 2026", None, d(2026, 6, 1)),
        ("Den Haag, 28 januari 2026", None, d(2026, 1, 28)),
        ("Vastgesteld 15 september 2022", None, d(2022, 9, 15)),
        ("Den Haag, 3 sept. 2025", None, d(2025, 9, 3)),
        ("datum 15-09-2022", None, d(2022, 9, 15)),
        ("2026-06-01", None, d(2026, 6, 1)),
        ("de Raad van 24 en 25 mei jl.", d(2025, 6, 1), d(2025, 5, 24)),
        ("voor 1 juni 2026", None, d(2026, 6, 1)),  # the date named, not a deadline
        ("31 juni 2026", None, None),
        ("29 februari 2025", None, None),
        ("1 juni", None, None),  # no year and no reference date
        ("geen datum", R, None),
    ],
)
def test_parse_absolute_date(text: str, ref: date | None, expected: date | None) -> None:
    assert parse_absolute_date(text, ref) == expected


def test_two_dates_joined_by_en_stay_two_deadlines() -> None:
    assert [t for t, *_ in _found("De rapportages verschijnen op 1 juni en op 1 december.")] == [
        "op 1 juni", "op 1 december",
    ]
    assert [t for t, *_ in _found("De rapportages verschijnen 1 juni en 1 december.")] == [
        "1 juni", "1 december",
    ]
    # periods joined by "en" do form one window
    assert _found("In maart en juni 2021 is dit besproken.") == [
        ("In maart en juni 2021", d(2021, 6, 30), d(2021, 3, 1), "month"),
    ]


def test_a_datetime_reference_is_read_as_its_date() -> None:
    from datetime import datetime

    assert resolve_phrase("binnen drie weken", datetime(2026, 1, 28, 15, 30)).due == d(2026, 2, 18)
    assert find_deadlines("voor 1 juni", datetime(2026, 1, 28, 9))[0].due == d(2026, 5, 31)


@pytest.mark.parametrize("phrase", ["binnen 999 decennia", "over 999 decennia"])
def test_dates_beyond_the_calendar_are_not_read(phrase: str) -> None:
    assert resolve_phrase(phrase, R).precision == PRECISION_NONE


def test_dense_and_degenerate_text_stays_linear() -> None:
    import time

    started = time.perf_counter()
    find_deadlines("uiterlijk " * 5000 + "1 juni", R)
    find_deadlines("in de " * 20000, R)
    find_deadlines("zodra " + "x " * 50000 + "bekend is", R)
    assert time.perf_counter() - started < 2.0
