"""Every page needs a login, except the few that are public on purpose.

The test walks the whole URL configuration, so a page added later by anyone
is checked too. Public on purpose: logging in and out, the accessibility
statement, the health check, the REST feed (``api/``, which has its own
rules), Django's language switch, and secret links sent by e-mail (unsubscribe,
a ministry's answer page for a rappel), where the token is the credential.
"""

from __future__ import annotations

import re
import uuid

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

PUBLIC_NAMES = {"login", "logout", "accessibility", "health", "set_language", "favicon"}
# Secret links: no login, but a wrong token must reveal nothing.
TOKEN_LINKS = {"rappel-answer"}
PUBLIC_PREFIXES = ("api/", "i18n/", "static/", "media/")
PUBLIC_WORDS = ("unsubscribe", "afmelden", "uitschrijven")

_CONVERTER = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>")
_SAMPLES = {"int": "1", "str": "x", "slug": "x", "path": "x", "uuid": str(uuid.UUID(int=1))}


def _walk(patterns: list, prefix: str = "", namespace: str = "") -> list[tuple[str, str]]:
    found = []
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found.extend(_walk(entry.url_patterns, route, inner))
        elif isinstance(entry, URLPattern):
            found.append((route, f"{namespace}{entry.name or ''}"))
    return found


def _concrete(route: str) -> str | None:
    """A URL for a route pattern, or None for regex routes we cannot fill."""
    path = _CONVERTER.sub(lambda m: _SAMPLES.get(m.group("conv") or "str", "x"), route)
    path = path.lstrip("^").rstrip("$").replace("\\Z", "")
    if re.search(r"[()\[\]?*+\\]", path):
        return None
    return "/" + path


def _is_public(route: str, name: str) -> bool:
    bare = name.rsplit(":", 1)[-1]
    lowered = f"{route} {name}".lower()
    return (
        bare in PUBLIC_NAMES
        or bare in TOKEN_LINKS
        or route.startswith(PUBLIC_PREFIXES)
        or any(word in lowered for word in PUBLIC_WORDS)
    )


def pages() -> list[tuple[str, str]]:
    return [
        (url, name) for route, name in _walk(get_resolver().url_patterns)
        if not _is_public(route, name) and (url := _concrete(route)) is not None
    ]


def test_the_walk_finds_the_pages_it_should():
    urls = {url for url, _name in pages()}
    assert reverse("review-queue") in urls
    assert reverse("commitment-detail", args=[1]) in urls
    assert reverse("home") in urls
    assert not any(url.startswith("/api/") for url in urls)


def _problems(client, url: str, name: str) -> list[str]:
    login_urls = (reverse(settings.LOGIN_URL), reverse("admin:login"))
    responses = {method: getattr(client, method)(url) for method in ("get", "post")}
    to_login = {
        method for method, response in responses.items()
        if response.status_code in (301, 302) and response["Location"].split("?")[0].endswith(login_urls)
    }
    if not to_login:
        codes = [r.status_code for r in responses.values()]
        return [f"{url} ({name}) answers GET/POST {codes} without sending to the login page"]
    return [
        f"{method.upper()} {url} ({name}) answers {response.status_code} without a login"
        for method, response in responses.items()
        if method not in to_login and response.status_code != 405
    ]


@pytest.mark.django_db
def test_every_page_requires_login(client):
    problems = [problem for url, name in pages() for problem in _problems(client, url, name)]
    assert not problems, "\n".join(problems)

def token_pages() -> list[tuple[str, str]]:
    return [
        (url, name) for route, name in _walk(get_resolver().url_patterns)
        if name.rsplit(":", 1)[-1] in TOKEN_LINKS and (url := _concrete(route)) is not None
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("url, name", token_pages(), ids=lambda value: str(value))
def test_a_secret_link_with_a_wrong_token_shows_nothing(client, url, name):
    for method in ("get", "post"):
        response = getattr(client, method)(url)
        assert response.status_code in (403, 404, 405, 410), f"{method.upper()} {url}: {response.status_code}"
