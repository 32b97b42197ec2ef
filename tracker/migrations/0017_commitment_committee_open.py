"""A committee's outstanding commitments in sync order with their due date, for
``?overdue=true&committee=``: the overdue ones are found in the index alone (before: the
updated_at index, thousands of rows filtered on the heap). Built online on PostgreSQL (tracker.online_indexes)."""

from django.db import migrations, models

from tracker.online_indexes import AddIndexOnline


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("tracker", "0016_commitment_live_sync_key"),
    ]

    operations = [
        AddIndexOnline(
            model_name="commitment",
            index=models.Index(
                fields=["committee", "updated_at", "id"], include=["due_date"], name="commitment_committee_open",
                condition=models.Q(status__in=["open", "partly_delivered"], deleted_at__isnull=True)
                & ~models.Q(review_state="rejected"),
            ),
        ),
    ]
