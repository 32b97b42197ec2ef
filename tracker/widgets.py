"""Form widgets shared by the apps."""

from __future__ import annotations

from typing import Any

from django import forms


class IsoDateInput(forms.DateInput):
    """``<input type="date">`` with its value in ISO form (JJJJ-MM-DD), the only form it can show.

    Django would render the Dutch format (28-01-2026), which a date input
    shows as empty — and then submits empty.
    """

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")
