"""Who may read and write: tokens per system, scopes, public read mode, throttling, CORS."""

from __future__ import annotations

import hashlib
import io
import uuid

import pytest
from django.core.management import call_command
from django.utils import timezone
from rest_framework.test import APIClient

from tests.factories import CommitmentFactory
from tracker.api.models import ApiToken
from tracker.api.tokens import api_token_create
from tracker.models import ReviewEvent

LIST = "/api/v1/commitments/"


@pytest.mark.django_db
def test_without_a_token_the_api_answers_401_with_a_bearer_challenge(api):
    response = api.get(LIST)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["detail"]


@pytest.mark.django_db
def test_an_unknown_or_revoked_token_is_refused(api, read_token):
    api.credentials(HTTP_AUTHORIZATION="Bearer nk_not-a-real-token")
    assert api.get(LIST).status_code == 401
    ApiToken.objects.filter(pk=read_token.token.pk).update(revoked_at=timezone.now())
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {read_token.raw}")
    assert api.get(LIST).status_code == 401


@pytest.mark.django_db
def test_a_malformed_authorization_header_gets_a_clear_401(api):
    api.credentials(HTTP_AUTHORIZATION="Bearer two words")
    response = api.get(LIST)
    assert response.status_code == 401
    assert "Bearer <token>" in response.json()["detail"]


@pytest.mark.django_db
def test_only_the_hash_of_a_token_is_stored(read_token):
    row = ApiToken.objects.get(pk=read_token.token.pk)
    assert row.key_hash == hashlib.sha256(read_token.raw.encode()).hexdigest()
    stored = " ".join(str(value) for value in ApiToken.objects.values_list().get(pk=row.pk))
    assert read_token.raw not in stored


@pytest.mark.django_db
def test_a_read_token_reads_but_cannot_write(reader):
    commitment = CommitmentFactory()
    assert reader.get(LIST).status_code == 200
    response = reader.patch(f"{LIST}{commitment.pk}/", {"version": 1, "actor": "minister"}, format="json")
    assert response.status_code == 403
    assert "read_write" in response.json()["detail"]
    assert not ReviewEvent.objects.exists()


@pytest.mark.django_db
def test_a_logged_in_web_user_may_read_but_not_write(client, clerk):
    client.force_login(clerk)
    commitment = CommitmentFactory()
    assert client.get(LIST).status_code == 200
    response = client.patch(f"{LIST}{commitment.pk}/", {"version": 1}, content_type="application/json")
    assert response.status_code == 403


@pytest.mark.django_db
def test_public_read_mode_opens_reading_to_anyone_but_never_writing(api, settings):
    commitment = CommitmentFactory()
    assert api.get(LIST).status_code == 401
    settings.API_PUBLIC_READ = True
    assert api.get(LIST).status_code == 200
    response = api.patch(f"{LIST}{commitment.pk}/", {"version": 1, "actor": "x"}, format="json")
    assert response.status_code == 401


@pytest.mark.django_db
def test_each_token_has_its_own_rate_limit(settings, read_token, write_token):
    settings.API_THROTTLE_RATES = {"token": "3/minute", "anon": "3/minute"}
    first, second = APIClient(), APIClient()
    first.credentials(HTTP_AUTHORIZATION=f"Bearer {read_token.raw}")
    second.credentials(HTTP_AUTHORIZATION=f"Bearer {write_token.raw}")
    assert [first.get(LIST).status_code for _ in range(4)] == [200, 200, 200, 429]
    throttled = first.get(LIST)
    assert throttled.status_code == 429 and int(throttled["Retry-After"]) > 0
    assert second.get(LIST).status_code == 200


@pytest.mark.django_db
def test_anonymous_readers_are_limited_per_address(api, settings):
    settings.API_PUBLIC_READ = True
    settings.API_THROTTLE_RATES = {"token": "100/minute", "anon": "2/minute"}
    address = f"127.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250 + 1}"
    codes = [api.get(LIST, REMOTE_ADDR=address).status_code for _ in range(3)]
    assert codes == [200, 200, 429]


@pytest.mark.django_db
def test_cors_is_closed_unless_an_origin_is_configured(reader, settings):
    origin = "https://portaal.example.org"
    response = reader.get(LIST, HTTP_ORIGIN=origin)
    assert "Access-Control-Allow-Origin" not in response
    settings.CORS_ALLOWED_ORIGINS = [origin]
    response = reader.get(LIST, HTTP_ORIGIN=origin)
    assert response["Access-Control-Allow-Origin"] == origin
    assert "ETag" in response["Access-Control-Expose-Headers"]


@pytest.mark.django_db
def test_create_api_token_prints_a_working_token_once():
    out = io.StringIO()
    call_command("create_api_token", "commissiesite", "--scope", "read", stdout=out)
    printed = [line for line in out.getvalue().splitlines() if line.startswith("nk_")]
    assert len(printed) == 1
    token = ApiToken.objects.get(name="commissiesite")
    assert token.scope == "read" and token.user.username == "api-commissiesite"
    assert not token.user.has_usable_password()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {printed[0]}")
    assert client.get(LIST).status_code == 200


@pytest.mark.django_db
def test_create_api_token_refuses_a_name_in_use():
    api_token_create(name="dubbel", scope="read")
    with pytest.raises(Exception, match="dubbel"):
        call_command("create_api_token", "dubbel", stdout=io.StringIO())


@pytest.mark.django_db
def test_an_administrator_creates_a_token_in_the_admin_and_sees_it_once(client, administrator):
    client.force_login(administrator)
    response = client.post(
        "/admin/api/apitoken/add/", {"name": "agendasysteem", "scope": "read_write"}, follow=True
    )
    assert response.status_code == 200
    token = ApiToken.objects.get(name="agendasysteem")
    shown = [str(m) for m in response.context["messages"] if "alleen nu" in str(m)]
    assert len(shown) == 1
    raw = shown[0][shown[0].index("nk_"):].split()[0]
    assert hashlib.sha256(raw.encode()).hexdigest() == token.key_hash
    page = client.get(f"/admin/api/apitoken/{token.pk}/change/").content.decode()
    assert raw not in page


@pytest.mark.django_db
def test_the_limit_slides_across_window_edges(settings, monkeypatch, read_token):
    import tracker.api.auth as auth

    settings.API_THROTTLE_RATES = {"token": "2/minute", "anon": "2/minute"}
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {read_token.raw}")
    start = (int(auth.clock() // 60) + 10) * 60  # a fresh window, well in the future

    def at(seconds: float) -> int:
        monkeypatch.setattr(auth, "clock", lambda: start + seconds)
        return client.get(LIST).status_code

    assert [at(59.8), at(59.9)] == [200, 200]
    assert at(60.1) == 429  # a new fixed window, but the last minute already had two
    assert at(119.95) == 200  # by now the earlier two have slid out
