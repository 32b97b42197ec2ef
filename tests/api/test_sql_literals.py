"""The follow-up rules' own constants are written into the SQL text, so a prepared page
statement can keep one plan for any filter value (tracker/sql_literals.py)."""

from __future__ import annotations

import pytest

from tests.factories import CommitmentFactory
from tracker.followup.rules import outstanding_q
from tracker.models import Commitment
from tracker.sql_literals import Literal


def test_the_rules_constants_are_in_the_statement_not_among_its_parameters():
    sql, params = Commitment.objects.alive().filter(outstanding_q()).values("id").query.sql_with_params()

    assert "'rejected'" in sql and "IN ('open', 'partly_delivered')" in sql
    assert not {"rejected", "open", "partly_delivered"} & set(params)


@pytest.mark.parametrize("value", ["it's", "Open", "open; DROP TABLE x", "", "a" * 41, 3])
def test_only_plain_words_can_become_literals(value):
    with pytest.raises(ValueError):
        Literal(value)


@pytest.mark.django_db
def test_the_literals_select_the_same_records():
    kept = CommitmentFactory(status=Commitment.Status.OPEN)
    CommitmentFactory(status=Commitment.Status.OPEN, review_state=Commitment.ReviewState.REJECTED)
    CommitmentFactory(status=Commitment.Status.DELIVERED)

    assert list(Commitment.objects.alive().filter(outstanding_q()).values_list("pk", flat=True)) == [kept.pk]
