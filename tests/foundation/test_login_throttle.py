"""Guessing passwords: failed logins are limited per account and per address."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tracker.models import LoginFailure

PASSWORD = "wachtwoord-123"  # the factories' password


def login(client, username: str, password: str, **extra):  # type: ignore[no-untyped-def]
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


@pytest.mark.django_db
def test_after_too_many_wrong_passwords_even_the_right_one_waits(client, clerk, settings):
    for _attempt in range(settings.LOGIN_FAILURES_PER_ACCOUNT):
        assert login(client, "carla", "fout").status_code == 200
    refused = login(client, "carla", PASSWORD)
    assert refused.status_code == 200 and "_auth_user_id" not in client.session
    assert "Te veel mislukte inlogpogingen" in refused.content.decode()

    LoginFailure.objects.update(created_at=LoginFailure.objects.first().created_at - dt.timedelta(
        seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS + 1))
    assert login(client, "carla", PASSWORD).status_code == 302
    assert not LoginFailure.objects.filter(username="carla").exists()


@pytest.mark.django_db
def test_one_address_guessing_many_accounts_is_stopped_whatever_x_forwarded_for_says(client, settings):
    settings.LOGIN_FAILURES_PER_ADDRESS = 4
    UserFactory(username="piet")
    for n in range(4):
        login(client, f"iemand{n}", "fout", HTTP_X_FORWARDED_FOR=f"10.1.1.{n}")
    refused = login(client, "piet", PASSWORD, HTTP_X_FORWARDED_FOR="10.2.2.2")
    assert "Te veel mislukte inlogpogingen" in refused.content.decode()
    other_address = login(client, "piet", PASSWORD, REMOTE_ADDR="192.0.2.7")
    assert other_address.status_code == 302


@pytest.mark.django_db
def test_the_admin_login_counts_too(client, administrator, settings):
    for _attempt in range(settings.LOGIN_FAILURES_PER_ACCOUNT):
        client.post(reverse("admin:login"), {"username": "anna", "password": "fout"})
    refused = client.post(reverse("admin:login"), {"username": "anna", "password": PASSWORD})
    assert refused.status_code == 200 and "Te veel mislukte inlogpogingen" in refused.content.decode()
