"""Shared tooling for browser tests: Debian's Chromium through Playwright, and axe-core.

Use it from any test package::

    from tests.browser import assert_accessible, axe_source, browser, logged_in_page  # noqa: F401  (fixtures)

axe-core comes from the npm package in tests/review/axe (``npm ci --prefix tests/review/axe``;
.ci/run does this), never from a CDN.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client

from tests.conftest import require_or_skip

AXE = Path(__file__).resolve().parent / "review" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@pytest.fixture
def browser(chromium_path: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the test's own
    # ORM calls are still plain synchronous code.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
        # Django's connections are context-local and Playwright runs the test in
        # its own context: close the test's connection here, or PostgreSQL
        # refuses to drop the test database at the end ("accessed by other users").
        connections.close_all()


@pytest.fixture
def axe_source() -> str:
    require_or_skip(AXE.exists(), f"axe-core is not installed ({AXE}); run npm ci --prefix tests/review/axe",
                    "NAKOMING_REQUIRE_BROWSER")
    return AXE.read_text()


def logged_in_page(browser: Any, live_server: Any, user: Any, *, width: int = 1280, height: int = 900) -> Any:
    """A new page whose session belongs to ``user`` (no trip through the login form)."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="nl-NL", viewport={"width": width, "height": height})
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                          "value": client.cookies[settings.SESSION_COOKIE_NAME].value, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def assert_accessible(page: Any, axe_source: str, what: str) -> None:
    """axe-core on the page as it is now: no WCAG 2.1 A/AA (or best-practice) violations."""
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
        for v in result["violations"]
    ]
    assert not violations, f"axe on {what}:\n" + "\n".join(violations)
