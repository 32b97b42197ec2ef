"""User roles, as Django groups with model permissions.

- griffier (clerk): reads everything, records delivery;
- beoordelaar (reviewer): reviews extracted records;
- beheerder (administrator): everything, including the admin.
"""

from __future__ import annotations

CLERK = "griffier"
REVIEWER = "beoordelaar"
ADMINISTRATOR = "beheerder"

_VIEW_ALL = [
    "tracker.view_document", "tracker.view_questionitem", "tracker.view_commitment",
    "tracker.view_deadlinerevision", "tracker.view_reviewevent", "tracker.view_committee",
    "tracker.view_ministry", "tracker.view_person", "tracker.view_recess",
    "motions.view_motion", "motions.view_motioncitation", "motions.view_motionstatuschange",
]

ROLE_PERMISSIONS: dict[str, list[str]] = {
    CLERK: [*_VIEW_ALL, "tracker.add_document", "tracker.change_commitment", "tracker.add_deadlinerevision"],
    REVIEWER: [
        *_VIEW_ALL, "tracker.add_document", "tracker.change_document", "tracker.add_commitment",
        "tracker.change_commitment", "tracker.add_reviewevent", "tracker.add_deadlinerevision",
        "motions.change_motioncitation", "motions.change_motion",
    ],
    ADMINISTRATOR: [],  # administrators are superusers/staff; the group marks the role
}


def sync_role_groups(group_model, permission_model) -> None:  # type: ignore[no-untyped-def]
    """Create the role groups and give them their permissions (idempotent)."""
    for role, perms in ROLE_PERMISSIONS.items():
        group, _created = group_model.objects.get_or_create(name=role)
        wanted = []
        for dotted in perms:
            app_label, codename = dotted.split(".")
            wanted.extend(
                permission_model.objects.filter(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(wanted)
