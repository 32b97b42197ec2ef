"""The published OpenAPI schema: committed, in step with the code, and kept by the live API.

Regenerate after changing the API:

    DEBUG=1 .venv/bin/python manage.py spectacular --validate --file docs/openapi.yaml
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import schemathesis
import yaml
from django.core.management import call_command
from hypothesis import HealthCheck, settings

from tests.factories import (
    CommitmentFactory,
    DocumentFactory,
    MotionCitationFactory,
    PersonFactory,
    QuestionItemFactory,
)
from tracker.api.models import ApiToken
from tracker.api.tokens import api_token_create
from tracker.models import Committee, DeadlineRevision, Ministry, Person

COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "openapi.yaml"
REGENERATE = "DEBUG=1 .venv/bin/python manage.py spectacular --validate --file docs/openapi.yaml"


def test_the_committed_schema_is_what_the_code_publishes(tmp_path):
    generated = tmp_path / "openapi.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(generated))
    assert yaml.safe_load(generated.read_text()) == yaml.safe_load(COMMITTED.read_text()), (
        f"docs/openapi.yaml differs from the API the code serves; regenerate it: {REGENERATE}"
    )


@pytest.mark.django_db
def test_the_schema_and_its_docs_are_served_without_a_cdn(clerk_client):
    client = clerk_client
    assert client.get("/api/v1/schema/").status_code == 200
    for page in ("/api/v1/docs/", "/api/v1/redoc/"):
        html = client.get(page).content.decode()
        assert "drf_spectacular_sidecar" in html
        assert "https://" not in html and "http://" not in html.replace("http://testserver", "")


schema = schemathesis.openapi.from_path(COMMITTED)
# Examples and fuzzing (bounded by max_examples); the coverage phase's exhaustive
# boundary cases per parameter take minutes and belong in a nightly run.
schema.config.phases.coverage.enabled = False


@pytest.fixture
def live_token(transactional_db) -> str:
    """Data of every kind, so list responses have rows to check, and a read-write token."""
    minister = PersonFactory(role="minister", function="Minister van Buitenlandse Zaken")
    for commitment in CommitmentFactory.create_batch(3, minister=minister):
        MotionCitationFactory(document=commitment.document, commitment=commitment)
        QuestionItemFactory(document=commitment.document)
        DeadlineRevision.objects.create(commitment=commitment, source="reviewer", old_due=commitment.due_date,
                                        new_due=commitment.due_date + dt.timedelta(days=30), new_precision="day")
    # The shapes that once answered off the schema: a document without a date yet, a
    # citation not yet linked to a motion.
    waiting = DocumentFactory(status="queued", reference_date=None, reference_date_source="")
    MotionCitationFactory(document=waiting, motion=None, key="", commitment=None)
    return api_token_create(name="schemathesis", scope=ApiToken.Scope.READ_WRITE).raw


def map_query(ctx, query):  # type: ignore[no-untyped-def]
    """``cursor`` is an opaque value the server hands out in ``next``; a made-up one is
    refused by design, so it is not generated (the cursor tests cover it)."""
    if query:
        query.pop("cursor", None)
    return query


REFERENCES = {"committee": Committee, "ministry": Ministry, "minister": Person}


def map_body(ctx, body):  # type: ignore[no-untyped-def]
    """What the schema cannot say: an uploaded document is a document, not any bytes; a
    reference (committee, ministry, minister of a calendar feed) names a record that exists."""
    if isinstance(body, dict) and "name" in body and set(body) & set(REFERENCES):
        for field, model in REFERENCES.items():
            value = body.get(field)
            valid_id = isinstance(value, int) and not isinstance(value, bool) and 1 <= value < 2**63
            if valid_id and not model.objects.filter(pk=value).exists():  # invalid data stays invalid
                body[field] = model.objects.values_list("pk", flat=True).first()
    if isinstance(body, dict) and "file" in body:
        body["file"] = b"Den Haag, 2 februari 2026\n\nDe minister stuurt de Kamer voor de zomer een brief.\n"
        body.pop("reference_date", None)
    return body


@schema.hooks.apply(map_query)
@schema.hooks.apply(map_body)
@schema.parametrize()
@settings(max_examples=8, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_the_live_api_answers_as_its_schema_says(case, live_server, live_token):
    """Generated requests against a real HTTP server on loopback, judged by every check
    schemathesis has: no 5xx, no off-schema response, valid data accepted, invalid refused."""
    headers = {"Authorization": f"Bearer {live_token}"}
    # A generous timeout: the live server shares a busy CI machine; slowness is the benchmarks' business.
    response = case.call(base_url=live_server.url, headers=headers, timeout=60)
    case.validate_response(response, headers=headers, transport_kwargs={"timeout": 60})
