"""Correcting a document's details starts from what it has and changes only what the user changed."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from tests.factories import CommitteeFactory, DocumentFactory
from tracker.models import Document

pytestmark = pytest.mark.django_db


def form_values(html: str) -> dict[str, str]:
    """What a browser would submit untouched: each input's value and each select's chosen option."""
    values = dict(re.findall(r'<input[^>]*name="(\w+)"[^>]*value="([^"]*)"', html))
    for name, body in re.findall(r'<select name="(\w+)"[^>]*>(.*?)</select>', html, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', body)
        values[name] = chosen.group(1) if chosen else ""
    values.pop("csrfmiddlewaretoken", None)
    return values


def test_the_form_shows_the_documents_date_and_saving_another_committee_keeps_it(reviewer_client):
    document = DocumentFactory(reference_date=dt.date(2025, 11, 3), committee=CommitteeFactory(name="Financiën"))
    page = reviewer_client.get(reverse("document-detail", args=[document.pk])).content.decode()
    assert re.search(r'<input type="date" name="reference_date" value="2025-11-03"', page)

    values = {**form_values(page), "committee": "Digitale Zaken"}
    response = reviewer_client.post(reverse("document-detail", args=[document.pk]), values)

    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.committee.name, document.reference_date) == ("Digitale Zaken", dt.date(2025, 11, 3))
    assert document.reference_date_source == Document.DateSource.DOCUMENT, "the date was not touched"


def test_clearing_the_date_on_purpose_clears_it(reviewer_client):
    document = DocumentFactory(reference_date=dt.date(2025, 11, 3))
    page = reviewer_client.get(reverse("document-detail", args=[document.pk])).content.decode()
    reviewer_client.post(reverse("document-detail", args=[document.pk]), {**form_values(page), "reference_date": ""})
    document.refresh_from_db()
    assert document.reference_date is None


def test_the_document_page_links_its_commitments_and_speaks_dutch_about_progress(reviewer_client):
    from tests.factories import CommitmentFactory

    document = DocumentFactory(page_count=1, status=Document.Status.PROCESSING, stage="extracting")
    row = CommitmentFactory(document=document)
    page = reviewer_client.get(reverse("document-detail", args=[document.pk])).content.decode()
    assert f'href="/toezeggingen/{row.pk}/"' in page
    assert "1 pagina)" in page and "1 pagina's" not in page
    assert "toezeggingen zoeken" in page and ">extracting<" not in page
    status = reviewer_client.get(reverse("document-status", args=[document.pk])).json()
    assert status["stage_label"] == "toezeggingen zoeken"


def test_every_page_has_a_favicon(reviewer_client):
    page = reviewer_client.get(reverse("document-list")).content.decode()
    assert 'rel="icon"' in page
    assert reviewer_client.get("/favicon.ico").status_code == 301
