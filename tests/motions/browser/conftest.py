"""The shared browser fixtures (tests/browser.py), for the motions pages' browser tests only."""

from tests.browser import axe_source, browser  # noqa: F401  (fixtures)
