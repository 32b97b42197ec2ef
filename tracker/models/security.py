"""Failed logins, counted per account and per address to slow down password guessing."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class LoginFailure(models.Model):
    """One failed login. Rows older than the counting window are deleted as new ones come."""

    username = models.CharField(_("gebruikersnaam"), max_length=150)
    address = models.CharField(_("adres"), max_length=45)
    created_at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("mislukte inlogpoging")
        verbose_name_plural = _("mislukte inlogpogingen")
        indexes = [
            models.Index(fields=["username", "created_at"], name="loginfailure_user_time"),
            models.Index(fields=["address", "created_at"], name="loginfailure_address_time"),
        ]

    def __str__(self) -> str:
        return f"{self.username} @ {self.address}"
