"""A small, polite HTTP client for the Gegevensmagazijn's OData API (standard library only).

Polite: at most ``per_second`` requests per second, a timeout on every
request, retries with exponential backoff on network errors and 5xx, and
``429``/``503`` answered by waiting ``Retry-After`` (capped). Anything it still
cannot read raises :class:`ODataError` with the URL.
"""

from __future__ import annotations

import email.utils
import http.client
import json
import logging
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import IO, Any

logger = logging.getLogger(__name__)

USER_AGENT = "Nakoming/1.0 (sync_tk; toezeggingen en moties)"
RETRY_STATUSES = {429, 500, 502, 503, 504}
CHUNK = 1024 * 1024


class ODataError(Exception):
    """A page or file that could not be fetched or read; names the URL."""

    def __init__(self, url: str, message: str, *, status: int | None = None) -> None:
        super().__init__(f"{url}: {message}")
        self.url = url
        self.message = message
        self.status = status


class ODataClient:
    def __init__(self, *, per_second: float = 2.0, timeout: float = 30.0, retries: int = 4,
                 backoff: float = 1.0, max_wait: float = 120.0) -> None:
        self.interval = 1.0 / per_second if per_second > 0 else 0.0
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.max_wait = max_wait
        self.requests = 0
        self._last = 0.0

    def _pace(self) -> None:
        wait = self._last + self.interval - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last = time.monotonic()

    def _retry_after(self, error: urllib.error.HTTPError, attempt: int) -> float:
        raw = (error.headers.get("Retry-After") or "").strip() if error.headers else ""
        if raw.isdigit():
            return min(float(raw), self.max_wait)
        if raw:
            when = email.utils.parsedate_to_datetime(raw)
            if when is not None:
                return min(max(0.0, when.timestamp() - time.time()), self.max_wait)
        return min(self.backoff * 2**attempt, self.max_wait)

    def _open(self, url: str, accept: str) -> Any:
        """The response of ``url`` after retries; the caller reads and closes it."""
        request = urllib.request.Request(url, headers={"Accept": accept, "User-Agent": USER_AGENT})
        attempt = 0
        while True:
            self._pace()
            self.requests += 1
            try:
                return urllib.request.urlopen(request, timeout=self.timeout)
            except urllib.error.HTTPError as exc:
                exc.close()
                if exc.code not in RETRY_STATUSES or attempt >= self.retries:
                    raise ODataError(url, f"HTTP {exc.code} {exc.reason}", status=exc.code) from None
                wait = self._retry_after(exc, attempt)
                logger.warning("%s: HTTP %s, opnieuw over %.1f s", url, exc.code, wait)
            except (urllib.error.URLError, TimeoutError, OSError) as exc:
                if attempt >= self.retries:
                    reason = getattr(exc, "reason", exc)
                    raise ODataError(url, f"niet bereikbaar ({reason})") from None
                wait = min(self.backoff * 2**attempt, self.max_wait)
                logger.warning("%s: %s, opnieuw over %.1f s", url, exc, wait)
            attempt += 1
            time.sleep(wait)

    def get_json(self, url: str) -> dict[str, Any]:
        try:
            with self._open(url, "application/json") as response:
                raw = response.read()
        except (http.client.HTTPException, OSError) as exc:  # the connection broke while reading
            raise ODataError(url, f"onvolledig antwoord ({exc!r})") from None
        try:
            data = json.loads(raw)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ODataError(url, f"geen geldige JSON ({exc})") from None
        if not isinstance(data, dict) or not isinstance(data.get("value"), list):
            raise ODataError(url, 'geen OData-pagina (verwacht {"value": [...]})')
        return data

    def pages(self, url: str) -> Iterator[tuple[str, dict[str, Any]]]:
        """Each page as (its URL, its JSON), following ``@odata.nextLink``."""
        next_url: str | None = url
        while next_url:
            page = self.get_json(next_url)
            yield next_url, page
            link = page.get("@odata.nextLink")
            next_url = link if isinstance(link, str) and link else None

    def download(self, url: str, *, limit: int) -> tuple[IO[bytes], str]:
        """A file (at most ``limit`` bytes) in a temporary file, with its Content-Type."""
        spool = tempfile.SpooledTemporaryFile(max_size=8 * CHUNK)  # noqa: SIM115 - handed to the caller
        try:
            with self._open(url, "*/*") as response:
                content_type = response.headers.get("Content-Type", "")
                size = 0
                while chunk := response.read(CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise ODataError(url, f"bestand groter dan {limit // CHUNK} MB")
                    spool.write(chunk)
        except (http.client.HTTPException, OSError) as exc:
            spool.close()
            raise ODataError(url, f"onvolledig antwoord ({exc!r})") from None
        except ODataError:
            spool.close()
            raise
        spool.seek(0)
        return spool, content_type
