"""A covering index of the live commitments' sort key (id → updated_at) for ``?motion=``:
the citations name up to thousands of commitments, which the list sorts by updated_at; read
from this index they need no heap page each. Built online on PostgreSQL (tracker.online_indexes)."""

from django.db import migrations, models

from tracker.online_indexes import AddIndexOnline


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("tracker", "0015_login_failures"),
    ]

    operations = [
        AddIndexOnline(
            model_name="commitment",
            index=models.Index(
                fields=["id"], include=["updated_at"], name="commitment_live_sync_key",
                condition=models.Q(deleted_at__isnull=True) & ~models.Q(review_state="rejected"),
            ),
        ),
    ]
