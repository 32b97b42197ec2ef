# When a promise was made: the date of its source document. Register numbers
# (TZ<yyyymm>-…), the export's Aanmaakdatum and the deadline timeline use it
# instead of the upload time.

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def backfill(apps, schema_editor):
    Commitment = apps.get_model("tracker", "Commitment")
    Document = apps.get_model("tracker", "Document")
    Commitment.objects.filter(promised_on__isnull=True).update(
        promised_on=Subquery(Document.objects.filter(pk=OuterRef("document_id")).values("reference_date")[:1])
    )


class Migration(migrations.Migration):

    dependencies = [
        ('tracker', '0012_tally_review_state'),
    ]

    operations = [
        migrations.AddField(
            model_name='commitment',
            name='promised_on',
            field=models.DateField(blank=True, help_text='De datum van het brondocument: wanneer de toezegging is gedaan (niet wanneer hij is ingelezen).', null=True, verbose_name='toegezegd op'),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
