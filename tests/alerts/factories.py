"""Factories for the alerts app (on top of tests/factories.py)."""

from __future__ import annotations

import factory

from tests.factories import CommitteeFactory, UserFactory
from tracker.alerts.models import Frequency, Subscription


class SubscriptionFactory(factory.django.DjangoModelFactory):
    """A committee subscription unless another target is given (``commitment=…`` etc.)."""

    class Meta:
        model = Subscription

    class Params:
        committee_target = factory.LazyAttribute(
            lambda s: not any(getattr(s, f, None) for f in ("ministry", "minister", "motion", "commitment"))
        )

    user = factory.SubFactory(UserFactory)
    frequency = Frequency.WEEKLY
    committee = factory.Maybe("committee_target", factory.SubFactory(CommitteeFactory), None)
    target = factory.LazyAttribute(
        lambda s: next(f for f in Subscription.TARGET_FIELDS if getattr(s, f, None) is not None)
    )
