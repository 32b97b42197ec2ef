# The follow-up tallies also count how many of their records nobody reviewed yet,
# so the dashboard can show counts with or without unreviewed records (the
# clerk's choice) and still read a few hundred tally rows. Same statement-level
# triggers as migration 0007, with three more columns.

import importlib

from django.db import migrations, models

previous = importlib.import_module("tracker.migrations.0007_followup_tallies")

ALIVE = previous.ALIVE
UNREVIEWED = "review_state = 'unreviewed'"


def _counts(source: str, sign: str) -> str:
    return (
        f"SELECT COALESCE(committee_id, 0) AS ck, COALESCE(ministry_id, 0) AS mk, COALESCE(minister_id, 0) AS pk, "
        f"status, {sign}1 AS n, {sign}(overdue_since IS NOT NULL)::int AS overdue, "
        f"{sign}(due_soon_since IS NOT NULL)::int AS due_soon, {sign}({UNREVIEWED})::int AS unreviewed, "
        f"{sign}({UNREVIEWED} AND overdue_since IS NOT NULL)::int AS unreviewed_overdue, "
        f"{sign}({UNREVIEWED} AND due_soon_since IS NOT NULL)::int AS unreviewed_due_soon "
        f"FROM {source} WHERE {ALIVE}"
    )


def _followup(parts: list[tuple[str, str]]) -> str:
    counts = " UNION ALL ".join(_counts(source, sign) for source, sign in parts)
    return f"""
        INSERT INTO tracker_followuptally AS t
            (committee_key, ministry_key, minister_key, status, n, overdue, due_soon,
             unreviewed, unreviewed_overdue, unreviewed_due_soon)
        SELECT ck, mk, pk, status, sum(n), sum(overdue), sum(due_soon),
               sum(unreviewed), sum(unreviewed_overdue), sum(unreviewed_due_soon) FROM ({counts}) d
        GROUP BY ck, mk, pk, status
        HAVING sum(n) <> 0 OR sum(overdue) <> 0 OR sum(due_soon) <> 0 OR sum(unreviewed) <> 0
            OR sum(unreviewed_overdue) <> 0 OR sum(unreviewed_due_soon) <> 0
        ORDER BY ck, mk, pk, status
        ON CONFLICT (committee_key, ministry_key, minister_key, status) DO UPDATE
        SET n = t.n + EXCLUDED.n, overdue = t.overdue + EXCLUDED.overdue, due_soon = t.due_soon + EXCLUDED.due_soon,
            unreviewed = t.unreviewed + EXCLUDED.unreviewed,
            unreviewed_overdue = t.unreviewed_overdue + EXCLUDED.unreviewed_overdue,
            unreviewed_due_soon = t.unreviewed_due_soon + EXCLUDED.unreviewed_due_soon;
    """


def _apply(parts: list[tuple[str, str]]) -> str:
    deliveries = " UNION ALL ".join(previous._deliveries(source, sign) for source, sign in parts)
    return _followup(parts) + f"""
        INSERT INTO tracker_ontimetally AS t (quarter, committee_key, ministry_key, minister_key, delivered, on_time)
        SELECT q, ck, mk, pk, sum(delivered), sum(on_time) FROM ({deliveries}) d
        GROUP BY q, ck, mk, pk
        HAVING sum(delivered) <> 0 OR sum(on_time) <> 0
        ORDER BY q, ck, mk, pk
        ON CONFLICT (quarter, committee_key, ministry_key, minister_key) DO UPDATE
        SET delivered = t.delivered + EXCLUDED.delivered, on_time = t.on_time + EXCLUDED.on_time;
    """


FUNCTIONS = {
    "insert": _apply([("new_rows", "+")]),
    "update": _apply([("new_rows", "+"), ("old_rows", "-")]),
    "delete": _apply([("old_rows", "-")]),
}


def _replace(schema_editor, functions: dict[str, str]) -> None:
    for operation, body in functions.items():
        schema_editor.execute(
            f"CREATE OR REPLACE FUNCTION followup_tally_{operation}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN {body} RETURN NULL; END $$"
        )


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    _replace(schema_editor, FUNCTIONS)
    # Count what is there again, once, with the new columns.
    schema_editor.execute("LOCK TABLE tracker_commitment IN SHARE MODE")
    schema_editor.execute("DELETE FROM tracker_followuptally")
    schema_editor.execute(_followup([("tracker_commitment", "+")]))


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    _replace(schema_editor, previous.FUNCTIONS)


class Migration(migrations.Migration):

    dependencies = [
        ('tracker', '0011_recess_kinds'),
    ]

    operations = [
        migrations.AddField(model_name='followuptally', name='unreviewed', field=models.BigIntegerField(default=0)),
        migrations.AddField(model_name='followuptally', name='unreviewed_overdue',
                            field=models.BigIntegerField(default=0)),
        migrations.AddField(model_name='followuptally', name='unreviewed_due_soon',
                            field=models.BigIntegerField(default=0)),
        migrations.RunPython(forwards, backwards),
    ]
