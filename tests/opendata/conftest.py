from __future__ import annotations

import pytest

from tests.opendata.server import Gegevensmagazijn, serve


@pytest.fixture
def magazijn(settings):
    """The local Gegevensmagazijn, with TK_ODATA_URL pointing at it and no pacing."""
    fake = Gegevensmagazijn()
    server, thread = serve(fake)
    settings.TK_ODATA_URL = fake.base_url
    settings.TK_REQUESTS_PER_SECOND = 0
    settings.TK_HTTP_TIMEOUT = 5
    yield fake
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)
