"""``{% register_panel commitment can_review %}``: what the Kamer's register says about a
commitment, and proposals that an extracted record is the same promise."""

from __future__ import annotations

from typing import Any

from django import template

from tracker.models import Commitment, Document, RegisterEntry
from tracker.opendata.matching import pending_matches

register = template.Library()


@register.inclusion_tag("opendata/_register_panel.html")
def register_panel(commitment: Commitment, can_review: bool) -> dict[str, Any]:
    from_register = commitment.document.origin == Document.Origin.REGISTER  # the page loaded the document
    entry = RegisterEntry.objects.filter(commitment=commitment).first() if from_register else None
    return {"c": commitment, "entry": entry, "matches": pending_matches(commitment), "can_review": can_review}
