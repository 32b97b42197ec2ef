import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import CommitmentFactory, DeadlineRevisionFactory
from tracker.followup.dashboard import ALL_VIEW, Filters
from tracker.followup.history import deadline_history, slipped_rows
from tracker.models import DeadlineRevision

pytestmark = pytest.mark.django_db


def moved(commitment, old: dt.date, new: dt.date, source: str = DeadlineRevision.Source.DOCUMENT) -> None:
    DeadlineRevisionFactory(commitment=commitment, old_due=old, new_due=new, source=source)
    type(commitment).objects.filter(pk=commitment.pk).update(due_date=new, window_start=None)


def test_slipped_lists_records_moved_later_with_how_far_furthest_first():
    once = CommitmentFactory(text="Een keer verschoven")
    twice = CommitmentFactory(text="Twee keer verschoven")
    moved(once, dt.date(2026, 6, 1), dt.date(2026, 7, 1))
    moved(twice, dt.date(2026, 6, 1), dt.date(2026, 9, 1))
    moved(twice, dt.date(2026, 9, 1), dt.date(2026, 12, 1), DeadlineRevision.Source.PROGNOSIS)

    rows = list(slipped_rows(Filters(status=ALL_VIEW)))

    assert [(r.text, r.slip.days, r.moves, r.first_due) for r in rows] == [
        ("Twee keer verschoven", 183, 2, dt.date(2026, 6, 1)),
        ("Een keer verschoven", 30, 1, dt.date(2026, 6, 1)),
    ]


def test_reviewer_corrections_and_earlier_moves_are_not_slips():
    corrected = CommitmentFactory(text="Gecorrigeerd")
    moved(corrected, dt.date(2026, 6, 1), dt.date(2027, 6, 1), DeadlineRevision.Source.REVIEWER)
    earlier = CommitmentFactory(text="Vervroegd")
    moved(earlier, dt.date(2026, 6, 1), dt.date(2026, 3, 1))
    back = CommitmentFactory(text="Heen en terug")
    moved(back, dt.date(2026, 6, 1), dt.date(2026, 8, 1))
    moved(back, dt.date(2026, 8, 1), dt.date(2026, 6, 1))
    assert list(slipped_rows(Filters(status=ALL_VIEW))) == []


def test_the_slipped_page_shows_first_and_current_deadline(clerk_client):
    commitment = CommitmentFactory(text="Brief over exportcontrole")
    moved(commitment, dt.date(2026, 6, 1), dt.date(2026, 9, 1))
    html = clerk_client.get(reverse("followup-slipped")).content.decode()
    assert "Brief over exportcontrole" in html and "92 dagen" in html and "1 jun 2026" in html


def test_slipped_page_queries_do_not_grow_with_rows(clerk_client):
    def queries(rows: int) -> int:
        for n in range(rows):
            moved(CommitmentFactory(text=f"rij {n}"), dt.date(2026, 6, 1), dt.date(2026, 7, 1) + dt.timedelta(n))
        with CaptureQueriesContext(connection) as captured:
            clerk_client.get(reverse("followup-slipped"))
        return len(captured)

    assert queries(1) == queries(12)


def test_timeline_is_one_query_and_shows_sources_and_slips(clerk_client):
    commitment = CommitmentFactory()
    moved(commitment, dt.date(2026, 6, 1), dt.date(2026, 9, 1))
    DeadlineRevisionFactory(commitment=commitment, source=DeadlineRevision.Source.REVIEWER, old_due=dt.date(2026, 9, 1),
                            new_due=dt.date(2026, 8, 15), reason="Leesfout hersteld")
    with CaptureQueriesContext(connection) as captured:
        history = deadline_history(commitment)
    assert len(captured) == 1 and [r.slip_days for r in history] == [92, -17]

    html = clerk_client.get(reverse("commitment-followup", args=[commitment.pk])).content.decode()
    timeline = html.split("Termijn door de tijd", 1)[1]
    assert "Later document" in timeline and "Beoordelaar" in timeline
    assert "92 dagen later" in timeline and "Leesfout hersteld" in timeline
