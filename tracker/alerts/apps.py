from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "tracker.alerts"
    label = "alerts"
    verbose_name = _("Meldingen")

    def ready(self) -> None:
        from tracker.alerts.receivers import connect

        connect()
