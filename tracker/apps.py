from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_roles(sender: AppConfig, **kwargs: object) -> None:
    # Permissions exist only after migrate has run, so the role groups are
    # (re)synced here rather than in a data migration.
    from django.contrib.auth.models import Group, Permission

    from tracker.roles import sync_role_groups

    sync_role_groups(Group, Permission)


class TrackerConfig(AppConfig):
    name = "tracker"
    verbose_name = _("Toezeggingen")

    def ready(self) -> None:
        # Run after every app: permissions of later apps (motions) exist only then.
        post_migrate.connect(_sync_roles, dispatch_uid="tracker.sync_roles")
