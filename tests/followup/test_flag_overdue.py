import datetime as dt
import threading

import pytest
from django.core.management import call_command
from django.db import connection

from tests.factories import CommitmentFactory
from tracker.followup.overdue import flag_overdue
from tracker.models import Commitment

TODAY = dt.date(2026, 6, 10)


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


@pytest.mark.django_db
def test_it_flags_overdue_and_due_soon_records():
    late = CommitmentFactory(due_date=days(-1), window_start=None)
    soon = CommitmentFactory(due_date=days(14), window_start=None)
    later = CommitmentFactory(due_date=days(15), window_start=None)
    undated = CommitmentFactory(due_date=None, window_start=None, precision="vague")

    result = flag_overdue(today=TODAY, due_soon_days=14)

    assert (result.became_overdue, result.became_due_soon) == (1, 1)
    late.refresh_from_db(), soon.refresh_from_db(), later.refresh_from_db(), undated.refresh_from_db()
    assert late.overdue_since == TODAY and late.due_soon_since is None
    assert soon.due_soon_since == TODAY and soon.overdue_since is None
    assert later.due_soon_since is None and later.overdue_since is None
    assert undated.overdue_since is None


@pytest.mark.django_db
def test_due_today_is_not_yet_overdue():
    today = CommitmentFactory(due_date=TODAY, window_start=None)
    flag_overdue(today=TODAY)
    today.refresh_from_db()
    assert today.overdue_since is None
    assert today.due_soon_since == TODAY


@pytest.mark.django_db
def test_rejected_deleted_and_delivered_records_never_count():
    CommitmentFactory(due_date=days(-5), window_start=None, review_state=Commitment.ReviewState.REJECTED)
    CommitmentFactory(due_date=days(-5), window_start=None, deleted_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    CommitmentFactory(due_date=days(-5), window_start=None, status=Commitment.Status.DELIVERED)
    result = flag_overdue(today=TODAY)
    assert result.became_overdue == 0
    assert not Commitment.objects.filter(overdue_since__isnull=False).exists()


@pytest.mark.django_db
def test_it_is_idempotent_and_keeps_the_first_day_it_saw():
    late = CommitmentFactory(due_date=days(-1), window_start=None)
    flag_overdue(today=TODAY)
    second = flag_overdue(today=days(3))
    assert second.changed == 0
    late.refresh_from_db()
    assert late.overdue_since == TODAY


@pytest.mark.django_db
def test_it_clears_the_flag_when_delivered_or_the_deadline_moves_later():
    delivered = CommitmentFactory(due_date=days(-1), window_start=None)
    moved = CommitmentFactory(due_date=days(-1), window_start=None)
    flag_overdue(today=TODAY)
    Commitment.objects.filter(pk=delivered.pk).update(status=Commitment.Status.DELIVERED)
    Commitment.objects.filter(pk=moved.pk).update(due_date=days(60))
    result = flag_overdue(today=TODAY)
    assert result.no_longer_overdue == 2


@pytest.mark.django_db
def test_it_uses_the_same_number_of_statements_for_any_number_of_rows():
    from django.test.utils import CaptureQueriesContext

    def statements(rows: int) -> list[str]:
        Commitment.objects.update(overdue_since=None, due_soon_since=None)
        for n in range(rows):
            CommitmentFactory(due_date=days(n % 30 - 15), window_start=None)
        with CaptureQueriesContext(connection) as captured:
            flag_overdue(today=TODAY)
        return [q["sql"].split()[0] for q in captured.captured_queries]

    few, many = statements(3), statements(60)
    assert len(few) == len(many)
    assert many.count("UPDATE") == 4


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_runs_neither_double_nor_miss_a_transition():
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL; SQLite serialises all writes anyway")
    for n in range(200):
        CommitmentFactory(due_date=days(-1 - n % 7), window_start=None)
    results = []

    def run() -> None:
        results.append(flag_overdue(today=TODAY))
        connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(r.became_overdue for r in results) == 200
    assert Commitment.objects.filter(overdue_since=TODAY).count() == 200


@pytest.mark.django_db
def test_the_command_reports_what_changed(capsys):
    CommitmentFactory(due_date=days(-1), window_start=None)
    call_command("flag_overdue", "--today", TODAY.isoformat())
    assert "1 te laat geworden" in capsys.readouterr().out
