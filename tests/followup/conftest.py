"""Fixtures for follow-up tests: the shared browser tooling (Chromium, axe-core)."""

from tests.browser import axe_source, browser  # noqa: F401  (fixtures)
