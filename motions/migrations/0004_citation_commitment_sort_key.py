"""A citation carries its commitment's updated_at, kept by the database.

The REST feed lists the commitments citing a motion (``?motion=``) in the feed's order,
updated_at. Sorting them meant reading every citing commitment first (thousands for a
much-cited motion); with the sort key on the citation the database walks one index in
order and stops after a page.

The copy is written by triggers, not by the application, because commitments change
through many set-based UPDATEs (follow-up flags, re-extraction, review, imports) and a
copy that one of them forgot would put a record on the wrong page of a sync:

- a citation written (inserted, or pointed at another commitment) takes its commitment's
  updated_at;
- a commitment updated passes its updated_at to its citations: on PostgreSQL once per
  statement from the transition table, so the follow-up job's UPDATE of half a million
  rows costs one join, not a lookup per row; on SQLite (no statement triggers) per row.

The index replaces ``citation_motion_live``: same rows, and its leading column still
answers "which commitments cite this motion" from the index alone.
"""

from django.db import migrations, models

from tracker.online_indexes import AddIndexOnline

POSTGRESQL = [
    """
    CREATE OR REPLACE FUNCTION citation_take_commitment_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.commitment_updated_at := (SELECT updated_at FROM tracker_commitment WHERE id = NEW.commitment_id);
        RETURN NEW;
    END $$
    """,
    """
    CREATE TRIGGER citation_take_commitment_updated_at
    BEFORE INSERT OR UPDATE OF commitment_id ON motions_motioncitation
    FOR EACH ROW EXECUTE FUNCTION citation_take_commitment_updated_at()
    """,
    """
    CREATE OR REPLACE FUNCTION commitment_give_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE motions_motioncitation AS c SET commitment_updated_at = n.updated_at
        FROM changed_commitments AS n
        WHERE c.commitment_id = n.id AND c.commitment_updated_at IS DISTINCT FROM n.updated_at;
        RETURN NULL;
    END $$
    """,
    """
    CREATE TRIGGER commitment_give_updated_at
    AFTER UPDATE ON tracker_commitment REFERENCING NEW TABLE AS changed_commitments
    FOR EACH STATEMENT EXECUTE FUNCTION commitment_give_updated_at()
    """,
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS commitment_give_updated_at ON tracker_commitment",
    "DROP FUNCTION IF EXISTS commitment_give_updated_at()",
    "DROP TRIGGER IF EXISTS citation_take_commitment_updated_at ON motions_motioncitation",
    "DROP FUNCTION IF EXISTS citation_take_commitment_updated_at()",
]

SQLITE = [
    """
    CREATE TRIGGER citation_take_commitment_updated_at_insert
    AFTER INSERT ON motions_motioncitation FOR EACH ROW BEGIN
        UPDATE motions_motioncitation SET commitment_updated_at =
            (SELECT updated_at FROM tracker_commitment WHERE id = NEW.commitment_id)
        WHERE id = NEW.id;
    END
    """,
    """
    CREATE TRIGGER citation_take_commitment_updated_at_update
    AFTER UPDATE OF commitment_id ON motions_motioncitation FOR EACH ROW BEGIN
        UPDATE motions_motioncitation SET commitment_updated_at =
            (SELECT updated_at FROM tracker_commitment WHERE id = NEW.commitment_id)
        WHERE id = NEW.id;
    END
    """,
    """
    CREATE TRIGGER commitment_give_updated_at
    AFTER UPDATE OF updated_at ON tracker_commitment FOR EACH ROW
    WHEN NEW.updated_at IS NOT OLD.updated_at BEGIN
        UPDATE motions_motioncitation SET commitment_updated_at = NEW.updated_at WHERE commitment_id = NEW.id;
    END
    """,
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS commitment_give_updated_at",
    "DROP TRIGGER IF EXISTS citation_take_commitment_updated_at_update",
    "DROP TRIGGER IF EXISTS citation_take_commitment_updated_at_insert",
]

BACKFILL = """
    UPDATE motions_motioncitation SET commitment_updated_at =
        (SELECT updated_at FROM tracker_commitment WHERE tracker_commitment.id = motions_motioncitation.commitment_id)
    WHERE commitment_id IS NOT NULL
"""


def run(statements: dict[str, list[str]]):
    def operation(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)
    return operation


class Migration(migrations.Migration):
    atomic = False  # the index is built concurrently on PostgreSQL

    dependencies = [
        ("motions", "0003_citation_motion_live_index"),
        ("tracker", "0017_commitment_committee_open"),
    ]

    operations = [
        migrations.AddField(
            model_name="motioncitation",
            name="commitment_updated_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        # Triggers before the backfill, so a write during the migration is not missed.
        migrations.RunPython(
            run({"postgresql": POSTGRESQL, "sqlite": SQLITE}),
            run({"postgresql": POSTGRESQL_DROP, "sqlite": SQLITE_DROP}),
        ),
        migrations.RunSQL(BACKFILL, migrations.RunSQL.noop),
        AddIndexOnline(
            model_name="motioncitation",
            index=models.Index(
                condition=models.Q(("commitment__isnull", False), ("deleted_at__isnull", True)),
                fields=["motion", "commitment_updated_at", "commitment"], name="citation_motion_sorted",
            ),
        ),
        migrations.RemoveIndex(model_name="motioncitation", name="citation_motion_live"),
    ]
