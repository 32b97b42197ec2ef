"""Which commitments a subscription covers — one rule, as data, for SQL and the ORM.

A subscription follows a committee, ministry or minister (the commitment's
own column), one commitment, or a motion (every commitment with a live
citation of it). The alerts' fan-out (``events.py``, raw SQL) and the
calendar feeds (``tracker/api/v1/calendar.py``, Q objects) both build their
condition from :data:`COVERED_BY`, so they cannot disagree.
"""

from __future__ import annotations

from django.db.models import Q

from motions.models import MotionCitation
from tracker.alerts.models import Subscription
from tracker.models import Commitment

# Subscription target → the commitment column it matches; None: through a live motion citation.
COVERED_BY: dict[str, str | None] = {
    "committee": "committee_id",
    "ministry": "ministry_id",
    "minister": "minister_id",
    "commitment": "id",
    "motion": None,
}
assert set(COVERED_BY) == set(Subscription.TARGET_FIELDS)


def covered_q(user_id: int | None) -> Q:
    """Commitments the user follows through any of their subscriptions (nothing for no user)."""
    if user_id is None:
        return Q(pk__in=[])
    targets: dict[str, list[int]] = {target: [] for target in COVERED_BY}
    for row in Subscription.objects.filter(user_id=user_id).values(*(f"{t}_id" for t in COVERED_BY)):
        for target in COVERED_BY:
            if row[f"{target}_id"] is not None:
                targets[target].append(row[f"{target}_id"])
    covered = Q(pk__in=[])
    for target, column in COVERED_BY.items():
        if column is not None:
            covered |= Q(**{f"{column}__in": targets[target]})
        else:
            citing = MotionCitation.objects.filter(motion_id__in=targets[target], deleted_at__isnull=True,
                                                   commitment__isnull=False).values("commitment_id")
            covered |= Q(pk__in=citing)
    return covered


def covered_sql(event_table: str, where: str) -> str:
    """``SELECT user_id, frequency, event_id`` for every subscription covering each event's commitment.

    One UNION ALL branch per target keeps each an equi-join the planner can hash.
    """
    commitment, sub, citation = Commitment._meta.db_table, Subscription._meta.db_table, MotionCitation._meta.db_table
    branches = []
    for target, column in COVERED_BY.items():
        if column is not None:
            join = (f"JOIN {commitment} c ON c.id = e.commitment_id "
                    f"JOIN {sub} s ON s.{target}_id = c.{column}")
        else:
            join = (f"JOIN {citation} mc ON mc.commitment_id = e.commitment_id AND mc.deleted_at IS NULL "
                    f"JOIN {sub} s ON s.{target}_id = mc.{target}_id")
        branches.append(f"SELECT s.user_id, s.frequency, e.id AS event_id FROM {event_table} e {join} WHERE {where}")
    return "\n UNION ALL ".join(branches)
