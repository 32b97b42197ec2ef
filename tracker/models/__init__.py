"""Nakoming's data model. One module per concern; import from here."""

from tracker.models.commitments import (
    Commitment,
    DeadlineRevision,
    FulfilmentSuggestion,
    ReviewEvent,
)
from tracker.models.documents import Document, QuestionItem
from tracker.models.followup import (
    FollowupTally,
    OnTimeTally,
    Rappel,
    RappelAnswer,
    RappelItem,
    RappelToken,
)
from tracker.models.opendata import OpenDataSync, RegisterEntry, RegisterMatch
from tracker.models.reference import Committee, Ministry, Person, Recess
from tracker.models.security import LoginFailure

__all__ = [
    "Commitment",
    "Committee",
    "DeadlineRevision",
    "Document",
    "FollowupTally",
    "FulfilmentSuggestion",
    "LoginFailure",
    "Ministry",
    "OnTimeTally",
    "OpenDataSync",
    "Person",
    "QuestionItem",
    "Rappel",
    "RappelAnswer",
    "RappelItem",
    "RappelToken",
    "Recess",
    "RegisterEntry",
    "RegisterMatch",
    "ReviewEvent",
]
