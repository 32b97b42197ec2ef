"""Shared fixtures: named personas per role and requirements on real components."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests import factories

CORPUS_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def require_or_skip(available: bool, reason: str, env_flag: str) -> None:
    """Skip when a real component is missing, unless the run demands it (CI does)."""
    if available:
        return
    if os.environ.get(env_flag) == "1":
        pytest.fail(f"{reason} ({env_flag}=1 demands it)")
    pytest.skip(reason)


@pytest.fixture
def corpus_dir() -> Path:
    require_or_skip(
        CORPUS_DIR.is_dir(), f"the shared corpus is not at {CORPUS_DIR}", "NAKOMING_REQUIRE_CORPUS"
    )
    return CORPUS_DIR


@pytest.fixture
def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    require_or_skip(
        Path(path).exists(), "Chromium is not installed (apt-get install chromium)", "NAKOMING_REQUIRE_BROWSER"
    )
    return path


@pytest.fixture
def clerk(db):
    return factories.UserFactory(username="carla", role="griffier")


@pytest.fixture
def reviewer(db):
    return factories.UserFactory(username="rob", role="beoordelaar")


@pytest.fixture
def administrator(db):
    return factories.UserFactory(username="anna", role="beheerder", is_staff=True, is_superuser=True)


@pytest.fixture
def clerk_client(client, clerk):
    client.force_login(clerk)
    return client


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client
