"""A committee's outstanding commitments in sync order with their due date, for
``?overdue=true&committee=``: the overdue ones are found in the index alone (before: the
updated_at index, thousands of rows filtered on the heap). Built online on PostgreSQL (see 0009)."""

from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models
from django.db.migrations.operations import AddIndex


class AddIndexOnline(AddIndexConcurrently):
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)
        else:
            AddIndex.database_forwards(self, app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
        else:
            AddIndex.database_backwards(self, app_label, schema_editor, from_state, to_state)


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
