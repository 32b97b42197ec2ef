"""Deny by default: every URL names what it needs; docs/access.md says the same, role by role.

The walk covers every URL pattern (web and API), so a page added later without
a rule is found here: it answers 403 to everybody until it gets one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from rest_framework.test import APIClient

from tests.factories import CommitmentFactory, UserFactory
from tracker.access import ACCESS, API, PUBLIC, SECRET_LINK, rule_for

DOC = Path(settings.BASE_DIR) / "docs" / "access.md"
ROLES = ("", "griffier", "beoordelaar", "beheerder")
SAMPLES = {"pk": [1], "ministry_pk": [1], "document_pk": [1], "key": ["kst-36000-1", "x"], "token": ["x"],
           "rest": ["x"], "path": ["x"]}


def _walk(patterns: list, namespace: str = "") -> list[tuple[str, str, list[str]]]:
    found = []
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found.extend(_walk(entry.url_patterns, inner))
        elif isinstance(entry, URLPattern):
            name = entry.name or entry.lookup_str
            found.append((namespace, name, list(entry.pattern.regex.groupindex)))
    return found


def _url(namespace: str, name: str, args: list[str]) -> str | None:
    for choice in range(2):
        kwargs = {arg: SAMPLES[arg][min(choice, len(SAMPLES[arg]) - 1)] for arg in args}
        try:
            return reverse(f"{namespace}{name}", kwargs=kwargs)
        except NoReverseMatch:
            continue
    return None


def routes(namespace_filter: str | None = None) -> list[tuple[str, str]]:
    """(URL name, a concrete URL) for every named route outside Django's admin."""
    found = []
    for namespace, name, args in _walk(get_resolver().url_patterns):
        if namespace.startswith("admin") or "." in name:
            continue
        if namespace_filter is not None and namespace != namespace_filter:
            continue
        url = _url(namespace, name, args)
        assert url is not None, f"cannot build a URL for {namespace}{name}"
        found.append((f"{namespace}{name}", url))
    return found


def documented() -> dict[str, dict[str, bool]]:
    """The pages table of docs/access.md: name → role → may open."""
    table: dict[str, dict[str, bool]] = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 7 and (match := re.fullmatch(r"`([\w-]+)`", cells[0])):
            table[match.group(1)] = {role: cells[3 + i] == "✓" for i, role in enumerate(ROLES)}
    return table


@pytest.fixture
def users(db) -> dict[str, object]:
    return {
        "": UserFactory(username="zonderrol"),
        "griffier": UserFactory(username="griet", role="griffier"),
        "beoordelaar": UserFactory(username="bram", role="beoordelaar"),
        "beheerder": UserFactory(username="beatrix", role="beheerder", is_staff=True, is_superuser=True),
    }


def test_every_web_route_has_a_rule_and_a_row_in_the_docs():
    web = {name for name, _url in routes() if not name.startswith("api-v1:")}
    assert web - set(ACCESS) == set(), "routes without an access rule"
    assert web == set(documented()), "docs/access.md and the URL configuration differ"


@pytest.mark.django_db
def test_each_role_gets_exactly_what_docs_access_md_says(client, users):
    CommitmentFactory()  # pk 1 exists for some pages, not for all: 404 still shows the door was open
    table = documented()
    problems = []
    for role, user in users.items():
        client.force_login(user)
        for name, url in routes():
            if name.startswith("api-v1:"):
                continue
            may = table[name][role]
            # Denied: every method stops at the door. Allowed: the page opens (what a
            # POST may change can still depend on the object, e.g. one's own upload).
            for method in ("get",) if may else ("get", "post"):
                status = getattr(client, method)(url).status_code
                if (status == 403) == may:
                    problems.append(f"{role or 'no role'} {method.upper()} {url} ({name}): {status}")
        client.logout()
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_a_user_without_a_role_gets_a_dutch_403_page_in_the_site_layout(client, users):
    client.force_login(users[""])
    response = client.get(reverse("home"))
    assert response.status_code == 403
    page = response.content.decode()
    assert "Geen toegang" in page and 'class="site-header"' in page and "zonderrol" in page


@pytest.mark.django_db
def test_a_user_without_a_role_reads_nothing_from_the_api(users):
    client = APIClient()
    client.force_login(users[""])
    open_routes = {"api-v1:calendar-feed", "api-v1:not_found"}
    for name, url in routes("api-v1:"):
        for method in ("get", "post", "patch", "delete"):
            status = getattr(client, method)(url).status_code
            if name in open_routes:
                assert status in (404, 405), f"{method} {url}: {status}"
            else:
                assert status in (403, 405), f"{method} {url}: {status}"
    assert client.get("/api/v1/commitments/").json()["detail"]


@pytest.mark.django_db
def test_a_clerk_reads_the_api_and_the_schema_through_the_session(client, users):
    client.force_login(users["griffier"])
    assert client.get("/api/v1/commitments/").status_code == 200
    assert client.get("/api/v1/schema/").status_code == 200


def test_a_route_nobody_named_is_denied():
    assert rule_for("a-page-someone-forgot", "") is None
    assert rule_for("commitment-list", "api-v1") == API
    assert ACCESS["login"] == PUBLIC and ACCESS["rappel-answer"] == SECRET_LINK


@pytest.mark.django_db
def test_not_found_and_server_error_pages_are_dutch_in_the_site_layout(client, users, rf):
    from django.views.defaults import server_error

    client.force_login(users["griffier"])
    missing = client.get("/toezeggingen/999999/")
    assert missing.status_code == 404
    assert "Pagina niet gevonden" in missing.content.decode() and 'class="site-header"' in missing.content.decode()
    broken = server_error(rf.get("/"))
    assert broken.status_code == 500
    assert "Er ging iets mis" in broken.content.decode() and 'class="site-header"' in broken.content.decode()


@pytest.mark.django_db
def test_a_reviewer_opening_the_review_queue_is_served_but_a_clerk_gets_the_dutch_403(client, users):
    client.force_login(users["griffier"])
    response = client.get(reverse("review-queue"))
    assert response.status_code == 403 and "Geen toegang" in response.content.decode()
    client.force_login(users["beoordelaar"])
    assert client.get(reverse("review-queue")).status_code == 200
