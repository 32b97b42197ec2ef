"""The parliamentary calendar: recess defaults, the administrators' table, budget dates."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extraction import calendar as cal
from tracker.extraction.calendar import ParliamentaryCalendar
from tracker.extraction.deadlines import resolve_phrase

FRIDAY = 4


# -- default recess rules ------------------------------------------------------


@pytest.mark.parametrize("year", range(2015, 2041))
def test_default_summer_recess_is_the_friday_on_3_to_9_july(year: int) -> None:
    start = ParliamentaryCalendar().zomerreces(year)
    assert start.weekday() == FRIDAY
    assert (start.year, start.month) == (year, 7)
    assert 3 <= start.day <= 9


@pytest.mark.parametrize("year", range(2015, 2041))
def test_default_christmas_recess_is_the_friday_on_17_to_23_december(year: int) -> None:
    start = ParliamentaryCalendar().kerstreces(year)
    assert start.weekday() == FRIDAY
    assert (start.year, start.month) == (year, 12)
    assert 17 <= start.day <= 23


@pytest.mark.parametrize(
    ("year", "summer", "christmas"),
    [
        (2022, date(2022, 7, 8), date(2022, 12, 23)),
        (2023, date(2023, 7, 7), date(2023, 12, 22)),
        (2024, date(2024, 7, 5), date(2024, 12, 20)),
        (2025, date(2025, 7, 4), date(2025, 12, 19)),
        (2026, date(2026, 7, 3), date(2026, 12, 18)),
        (2027, date(2027, 7, 9), date(2027, 12, 17)),  # 3 July 2027 is a Saturday
        (2028, date(2028, 7, 7), date(2028, 12, 22)),
    ],
)
def test_default_recess_starts_for_known_years(year: int, summer: date, christmas: date) -> None:
    calendar = ParliamentaryCalendar()
    assert calendar.zomerreces(year) == summer
    assert calendar.kerstreces(year) == christmas
    assert cal.default_zomerreces(year) == summer
    assert cal.default_kerstreces(year) == christmas
    assert calendar.is_default("zomerreces", year)


def test_default_recess_ends_on_the_monday_the_kamer_returns() -> None:
    calendar = ParliamentaryCalendar()
    assert calendar.zomerreces_end(2025) == date(2025, 9, 1)
    assert calendar.zomerreces_end(2026) == date(2026, 8, 31)
    assert calendar.kerstreces_end(2025) == date(2026, 1, 12)
    assert calendar.zomerreces_end(2026).weekday() == 0
    assert calendar.kerstreces_end(2026).weekday() == 0


# -- the administrators' table ---------------------------------------------------


def test_table_overrides_the_default_per_year_and_recess() -> None:
    calendar = ParliamentaryCalendar({2026: {"zomerreces": date(2026, 7, 10)}})
    assert calendar.zomerreces(2026) == date(2026, 7, 10)
    assert not calendar.is_default("zomerreces", 2026)
    # the other recess of that year and other years keep the rule
    assert calendar.kerstreces(2026) == date(2026, 12, 18)
    assert calendar.zomerreces(2027) == date(2027, 7, 9)
    # the default length applies to a table start without an end
    assert calendar.zomerreces_end(2026) == date(2026, 9, 7)


def test_table_accepts_end_dates_string_years_and_iso_strings() -> None:
    calendar = ParliamentaryCalendar({
        "2024": {"zomerreces": (date(2024, 7, 5), date(2024, 9, 2))},
        2025: {"kerstreces": "2025-12-19", "kerstreces_eind": date(2026, 1, 12)},
    })
    assert calendar.zomerreces(2024) == date(2024, 7, 5)
    assert calendar.zomerreces_end(2024) == date(2024, 9, 2)
    assert calendar.kerstreces(2025) == date(2025, 12, 19)
    assert calendar.kerstreces_end(2025) == date(2026, 1, 12)


def test_an_empty_table_gives_the_defaults() -> None:
    assert ParliamentaryCalendar({}).zomerreces(2026) == ParliamentaryCalendar().zomerreces(2026)


def test_supplied_table_drives_deadline_resolution() -> None:
    ref = date(2026, 1, 28)
    calendar = ParliamentaryCalendar({
        2026: {"zomerreces": (date(2026, 7, 2), date(2026, 9, 7)), "kerstreces": date(2026, 12, 23)},
    })
    summer = resolve_phrase("voor de zomer", ref, calendar)
    assert (summer.due, summer.precision) == (date(2026, 7, 2), "event")
    assert resolve_phrase("voor het kerstreces", ref, calendar).due == date(2026, 12, 23)
    after = resolve_phrase("na het zomerreces", ref, calendar)
    assert (after.window_start, after.due) == (date(2026, 9, 7), date(2026, 9, 30))
    # a year missing from the table falls back to the rule
    assert resolve_phrase("voor de zomer van 2027", ref, calendar).due == date(2027, 7, 9)
    # and without a calendar the defaults are used
    assert resolve_phrase("voor de zomer", ref).due == date(2026, 7, 3)


def test_rolling_to_next_year_uses_that_years_table_entry() -> None:
    calendar = ParliamentaryCalendar({2027: {"zomerreces": date(2027, 7, 2)}})
    assert resolve_phrase("voor de zomer", date(2026, 8, 1), calendar).due == date(2027, 7, 2)


# -- budget cycle ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2021, date(2021, 9, 21)),
        (2022, date(2022, 9, 20)),
        (2023, date(2023, 9, 19)),
        (2024, date(2024, 9, 17)),
        (2025, date(2025, 9, 16)),
        (2026, date(2026, 9, 15)),
        (2027, date(2027, 9, 21)),
    ],
)
def test_prinsjesdag_is_the_third_tuesday_of_september(year: int, expected: date) -> None:
    assert cal.prinsjesdag(year) == expected
    assert ParliamentaryCalendar().prinsjesdag(year) == expected
    assert expected.weekday() == 1 and 15 <= expected.day <= 21


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2021, date(2021, 5, 19)),
        (2024, date(2024, 5, 15)),
        (2025, date(2025, 5, 21)),
        (2026, date(2026, 5, 20)),
        (2027, date(2027, 5, 19)),
    ],
)
def test_verantwoordingsdag_is_the_third_wednesday_of_may(year: int, expected: date) -> None:
    assert cal.verantwoordingsdag(year) == expected
    assert expected.weekday() == 2 and 15 <= expected.day <= 21


def test_budget_documents_map_to_their_moment() -> None:
    assert cal.voorjaarsnota(2026) == date(2026, 6, 1)
    assert cal.najaarsnota(2026) == date(2026, 11, 30)
    assert cal.begroting(2027) == date(2026, 9, 15)  # Prinsjesdag of the year before
    assert cal.jaarverslag(2025) == date(2026, 5, 20)  # Verantwoordingsdag of the year after


def test_calendars_with_the_same_table_are_equal_and_hash_alike() -> None:
    a = ParliamentaryCalendar({2026: {"zomerreces": date(2026, 7, 3)}})
    b = ParliamentaryCalendar({"2026": {"zomerreces": "2026-07-03"}})
    assert a == b and hash(a) == hash(b)
    assert a != ParliamentaryCalendar()
    assert ParliamentaryCalendar() == ParliamentaryCalendar({})


# -- the administrators' table drives every recess -------------------------------------


@pytest.mark.django_db
def test_recess_table_dates_every_recess_with_its_last_day() -> None:
    from tracker.models import Recess
    from tracker.recesses import parliamentary_calendar

    Recess.objects.create(year=2031, kind="meireces", start=date(2031, 4, 25), end=date(2031, 5, 12))
    Recess.objects.create(year=2031, kind="zomerreces", start=date(2031, 7, 11), end=date(2031, 9, 1))
    table = parliamentary_calendar()
    ref = date(2031, 1, 20)
    assert resolve_phrase("voor het meireces", ref, table).due == date(2031, 4, 25)
    assert resolve_phrase("voor het meireces", ref).due is None  # no table: the spec has no rule
    assert resolve_phrase("voor de zomer", ref, table).due == date(2031, 7, 11)
    after = resolve_phrase("na het zomerreces", ref, table)
    assert (after.window_start, after.due) == (date(2031, 9, 1), date(2031, 9, 30))
