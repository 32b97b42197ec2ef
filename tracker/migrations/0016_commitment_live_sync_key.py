"""A covering index of the live commitments' sort key (id → updated_at) for ``?motion=``:
the citations name up to thousands of commitments, which the list sorts by updated_at; read
from this index they need no heap page each. Built online on PostgreSQL (see 0009)."""

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
