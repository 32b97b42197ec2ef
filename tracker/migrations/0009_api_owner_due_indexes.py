"""Indexes for the API's lists per owner in deadline order, built without locking writes.

On PostgreSQL ``CREATE INDEX CONCURRENTLY`` (a million commitments stay writable while
it builds, hence ``atomic = False``); elsewhere an ordinary index.
"""

from django.db import migrations, models

from tracker.online_indexes import AddIndexOnline


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("tracker", "0008_drop_followup_counts_index"),
    ]

    operations = [
        AddIndexOnline(
            model_name="commitment",
            index=models.Index(fields=["committee", "due_date", "id"], name="commitment_committee_due"),
        ),
        AddIndexOnline(
            model_name="commitment",
            index=models.Index(fields=["ministry", "due_date", "id"], name="commitment_ministry_due"),
        ),
        AddIndexOnline(
            model_name="commitment",
            index=models.Index(fields=["minister", "due_date", "id"], name="commitment_minister_due"),
        ),
    ]
