"""Shared fixtures for the alert tests: a fixed clock and a few people who follow things."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.browser import axe_source, browser  # noqa: F401  (fixtures for test_browser.py)
from tests.factories import CommitmentFactory, CommitteeFactory, MinistryFactory, UserFactory

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TODAY = dt.date(2026, 6, 10)  # a Wednesday
NOW = dt.datetime(2026, 6, 10, 8, 0, tzinfo=AMSTERDAM)


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def at(day: dt.date, hour: int = 8) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=AMSTERDAM)


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "https://nakoming.example.org"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.DEFAULT_FROM_EMAIL = "Nakoming <nakoming@example.org>"
    settings.DUE_SOON_DAYS = 14


@pytest.fixture
def committee(db):
    return CommitteeFactory(name="Buitenlandse Handel en Ontwikkelingshulp", abbreviation="BHO")


@pytest.fixture
def other_committee(db):
    return CommitteeFactory(name="Financiën", abbreviation="FIN")


@pytest.fixture
def ministry(db):
    return MinistryFactory(name="Buitenlandse Zaken", abbreviation="BZ")


@pytest.fixture
def overdue(committee, ministry):
    """A commitment that became overdue today (flag_overdue has seen it)."""
    return CommitmentFactory(
        document__committee=committee, document__ministry=ministry, due_date=days(-1), window_start=None,
        overdue_since=TODAY, text="Uw Kamer ontvangt voor 9 juni een brief over exportkredieten.",
    )


@pytest.fixture
def carla(db):
    """A clerk with an e-mail address."""
    return UserFactory(username="carla", email="carla@tweedekamer.example", first_name="Carla", role="griffier")


@pytest.fixture
def bert(db):
    return UserFactory(username="bert", email="bert@tweedekamer.example", role="griffier")
