"""Fixtures for the REST feed: tokens per scope and clients that present them."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tracker.api.models import ApiToken
from tracker.api.tokens import IssuedToken, api_token_create


@pytest.fixture
def read_token(db) -> IssuedToken:
    return api_token_create(name="tkportaal", scope=ApiToken.Scope.READ)


@pytest.fixture
def write_token(db) -> IssuedToken:
    return api_token_create(name="griffiesysteem", scope=ApiToken.Scope.READ_WRITE)


@pytest.fixture
def api() -> APIClient:
    """No credentials."""
    return APIClient()


@pytest.fixture
def reader(read_token: IssuedToken) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {read_token.raw}")
    return client


@pytest.fixture
def writer(write_token: IssuedToken) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {write_token.raw}")
    return client
