import pytest


@pytest.mark.django_db
def test_the_interface_stays_dutch_for_a_browser_asking_for_english(clerk_client):
    response = clerk_client.get("/inloggen/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.status_code == 200
    assert '<html lang="nl">' in response.content.decode()
