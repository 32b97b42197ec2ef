"""Who may open which page: one table, enforced before any view runs (deny by default).

Every named URL is listed in ``ACCESS`` with what it needs:

- a tuple of permissions (the roles in ``tracker/roles.py`` grant them): a
  logged-in user needs all of them, a visitor is sent to the login page;
- ``PUBLIC``: anyone (logging in, the accessibility statement, health);
- ``SECRET_LINK``: anyone holding the secret in the URL (the token is the credential;
  the view checks it and that its owner is still active);
- ``API``: the REST feed, whose permission classes decide (``tracker/api/auth.py``).

A URL name missing from the table answers 403 to everybody, so a page added
without a rule is closed, not open. The table is documented in docs/access.md
(a test keeps both in step).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)

PUBLIC = "public"
SECRET_LINK = "secret-link"
API = "api"

VIEW = ("tracker.view_commitment",)
VIEW_DOCUMENTS = ("tracker.view_document",)
ADD_DOCUMENT = ("tracker.add_document",)
CHANGE_COMMITMENT = ("tracker.change_commitment",)
REVIEW = ("tracker.add_reviewevent",)
VIEW_MOTIONS = ("motions.view_motion",)
REVIEW_MOTIONS = ("motions.change_motion", "motions.change_motioncitation")

Rule = tuple[str, ...] | str

ACCESS: dict[str, Rule] = {
    # Public
    "login": PUBLIC,
    "logout": PUBLIC,
    "accessibility": PUBLIC,
    "health": PUBLIC,
    "favicon": PUBLIC,
    # Secret links (the token in the URL is the credential)
    "alert-unsubscribe": SECRET_LINK,
    "rappel-answer": SECRET_LINK,
    # Follow-up (clerks)
    "home": VIEW,
    "followup-export-csv": VIEW,
    "followup-export-xlsx": VIEW,
    "followup-slipped": VIEW,
    "commitment-followup": VIEW,
    "commitment-status": CHANGE_COMMITMENT,
    "rappel-list": VIEW,
    "rappel-detail": VIEW,
    "rappel-ministry": VIEW,
    "rappel-ministry-pdf": VIEW,
    "rappel-link": CHANGE_COMMITMENT,
    "rappel-assign-ministry": CHANGE_COMMITMENT,
    # Documents
    "document-list": VIEW_DOCUMENTS,
    "document-detail": VIEW_DOCUMENTS,
    "document-status": VIEW_DOCUMENTS,
    "document-upload": ADD_DOCUMENT,
    "document-retry": ADD_DOCUMENT,
    # Review (reviewers)
    "commitment-detail": VIEW,
    "review-stats": VIEW,
    "review-queue": REVIEW,
    "review-confirm": REVIEW,
    "review-correct": REVIEW,
    "review-reject": REVIEW,
    "review-merge": REVIEW,
    "register-match-decide": REVIEW,
    "review-split": REVIEW,
    "review-add": REVIEW,
    # Alerts
    "alert-settings": VIEW,
    "alert-subscription-change": VIEW,
    "alert-subscription-remove": VIEW,
    # Motions
    "motion-list": VIEW_MOTIONS,
    "motion-detail": VIEW_MOTIONS,
    "motion-suggestions": VIEW_MOTIONS,
    "motion-unresolved": VIEW_MOTIONS,
    "motion-update": REVIEW_MOTIONS,
    "motion-suggestion-confirm": REVIEW_MOTIONS,
    "motion-suggestion-reject": REVIEW_MOTIONS,
    "motion-citation-resolve": REVIEW_MOTIONS,
    "motion-text-resolve": REVIEW_MOTIONS,
    # Stored source documents, served by Django only in DEBUG
    "django.views.static.serve": VIEW_DOCUMENTS,
}

# Namespaces with their own gatekeeper: Django's admin (staff only) and the API.
OWN_RULES = {"admin": "admin", "api-v1": API}


def rule_for(view_name: str, namespace: str) -> Rule | None:
    """The rule of a resolved URL, or None when nobody named one."""
    top = namespace.split(":", 1)[0] if namespace else ""
    if top in OWN_RULES:
        return OWN_RULES[top]
    return ACCESS.get(view_name)


def allowed(user: object, rule: Rule) -> bool:
    """Whether a logged-in user passes a permission rule (string rules are decided elsewhere)."""
    if isinstance(rule, str):
        return True
    return bool(user.has_perms(rule))  # type: ignore[attr-defined]


class DenyByDefaultMiddleware:
    """Checks ``ACCESS`` before the view: no rule → 403, missing permission → 403."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func: Callable, view_args: tuple,
                     view_kwargs: dict) -> HttpResponse | None:
        match = request.resolver_match
        if match is None:
            return None
        rule = rule_for(match.view_name, match.namespace)
        if rule is None:
            logger.error("No access rule for %s (%s): denied", match.view_name or match.route, request.path)
            raise PermissionDenied
        if isinstance(rule, str):
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not allowed(request.user, rule):
            raise PermissionDenied
        return None
