"""drf-spectacular hooks: the published schema covers /api/v1/ only."""

from __future__ import annotations

from typing import Any


def only_api_v1(endpoints: list[tuple[str, str, str, Any]], **kwargs: Any) -> list[tuple[str, str, str, Any]]:
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
