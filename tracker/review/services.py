"""Reviewers' decisions on commitments: the single write path.

Web views and the REST API both call these functions; they take no request.
Every function:

- runs in one transaction;
- claims the record with a conditional ``UPDATE … WHERE version = expected``
  (optimistic locking): when another reviewer saved first, nothing is written
  and :class:`StaleRecordError` says who changed what;
- writes a :class:`ReviewEvent` with field-level ``changes = {"field": [old, new]}``;
- never touches ``Commitment.extracted``, so the extractor's values stay next to
  the reviewer's;
- writes a :class:`DeadlineRevision` (source reviewer) whenever the deadline moves.

Permission checks belong to the caller (view or API).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from motions.models import Motion, MotionCitation
from tracker.extraction.deadlines import resolve_phrase
from tracker.extraction.motions import key_from_text, split_key
from tracker.followup.changes import CONFIRMED, SLIPPED, announce, followup_changed
from tracker.locking import audit_value as _json
from tracker.locking import claim as _claim
from tracker.locking import fresh as _fresh
from tracker.locking import stale_error as _stale
from tracker.models import Commitment, DeadlineRevision, Document, QuestionItem, ReviewEvent
from tracker.models.commitments import PRECISION_CHOICES, PRECISION_VALUES
from tracker.recesses import parliamentary_calendar
from tracker.review.locate import find_quote, find_within, normalise_space, relocate, trim_span

User = AbstractBaseUser

CORRECTABLE_FIELDS = (
    "text", "actor", "deliverables", "kind", "deadline_text", "due_date", "window_start", "precision",
    "motions", "question",
)
DEADLINE_FIELDS = ("deadline_text", "due_date", "window_start", "precision")
# The longest window (in days, inclusive) each precision can name. ``day`` has
# none: "binnen twee maanden" is a day-precise date with a two-month window.
MAX_WINDOW_DAYS = {"month": 31, "quarter": 184, "season": 92, "half": 184, "year": 366}
PRECISION_LABELS = dict(PRECISION_CHOICES)


class RejectReason(models.TextChoices):
    NOT_A_COMMITMENT = "not_commitment", gettext_lazy("geen toezegging")
    DUPLICATE = "duplicate", gettext_lazy("dubbel (duplicaat)")
    OTHER = "other", gettext_lazy("andere reden")


# --- values and their JSON form -------------------------------------------------


def motion_keys(commitment_id: int) -> list[str]:
    keys = MotionCitation.objects.filter(commitment_id=commitment_id, deleted_at__isnull=True).exclude(key="")
    return sorted(set(keys.order_by().values_list("key", flat=True)))


def _current(row: Commitment, name: str, keys: list[str] | None) -> Any:
    if name == "motions":
        return keys
    if name == "question":
        return row.question_id
    return getattr(row, name)


def normalise_motion_key(value: str) -> str:
    """``kst-36800-v-30``, ``36800-V-30`` or ``Kamerstuk 36 800 V, nr. 30`` → ``kst-36800-V-30``.

    The same reading as the motions register (:func:`tracker.extraction.motions.key_from_text`).
    """
    key = key_from_text(value)
    if key is None:
        raise ValidationError(
            _("'%(value)s' is geen motie-aanduiding; gebruik bijvoorbeeld kst-36800-V-30 of "
              "Kamerstuk 36 800 V, nr. 30."), params={"value": value.strip()}, code="motion_key",
        )
    return key


def deadline_errors(
    *, deadline_text: str, due_date: dt.date | None, window_start: dt.date | None, precision: str
) -> dict[str, list[str]]:
    """Why a deadline is inconsistent, per field (empty when it is fine)."""
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if precision not in PRECISION_VALUES:
        add("precision", _("Kies een geldige precisie."))
        return errors
    for field, value in (("due_date", due_date), ("window_start", window_start)):
        if value is not None and not 1990 <= value.year <= 2100:
            add(field, _("Geef een datum tussen 1990 en 2100."))
    if window_start and not due_date:
        add("due_date", _("Een termijn met een begindatum heeft ook een uiterste datum nodig."))
    if due_date and window_start and due_date < window_start:
        add("due_date", _("De uiterste datum ligt vóór het begin van de termijn."))
    if due_date and precision in ("none", "vague"):
        add("precision", _("Een termijn met een datum kan niet de precisie '%(precision)s' hebben.")
            % {"precision": PRECISION_LABELS[precision]})
    if precision == "none" and deadline_text.strip():
        add("precision", _("Er staat een termijntekst; kies een precisie (desnoods 'vaag' of 'gebeurtenis')."))
    if precision == "vague" and window_start:
        add("window_start", _("Een vage termijn heeft geen begindatum."))
    limit = MAX_WINDOW_DAYS.get(precision)
    if limit and due_date and window_start and due_date >= window_start:
        days = (due_date - window_start).days + 1
        if days > limit:
            add("window_start", _(
                "Een termijn van %(days)s dagen past niet bij de precisie '%(precision)s' "
                "(hoogstens %(limit)s dagen)."
            ) % {"days": days, "precision": PRECISION_LABELS[precision], "limit": limit})
    return errors


@dataclass(slots=True)
class _Plan:
    """What one correction changes: model values, audit changes, side effects."""

    values: dict[str, Any]
    changes: dict[str, list[Any]]
    deadline_changed: bool
    keys_before: list[str]
    keys_after: list[str] | None


def _resolve(document: Document, text: str) -> tuple[dt.date | None, dt.date | None, str]:
    if not text.strip():
        return None, None, "none"
    if document.reference_date is None:
        raise ValidationError(
            {"due_date": _("Het document heeft geen datum, dus de termijn kan niet worden berekend; "
                           "vul de uiterste datum en precisie zelf in.")}
        )
    found = resolve_phrase(text, document.reference_date, parliamentary_calendar())
    if found.precision == "none":
        raise ValidationError({"deadline_text": _(
            "Nakoming herkent in '%(text)s' geen termijn; vul de uiterste datum en precisie zelf in "
            "(of kies 'vaag' of 'gebeurtenis')."
        ) % {"text": text}})
    return found.due, found.window_start, found.precision


def _clean_values(row: Commitment, document: Document, values: Mapping[str, Any]) -> dict[str, Any]:
    """Normalise and validate the requested values for ``row``; fields-keyed errors."""
    unknown = set(values) - set(CORRECTABLE_FIELDS)
    if unknown:
        raise ValueError(f"not correctable: {sorted(unknown)}")
    clean: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    for name, value in values.items():
        if name in ("text", "actor", "deadline_text"):
            value = (value or "").strip()
            if name != "deadline_text" and not value:
                errors.setdefault(name, []).append(_("Dit veld is verplicht."))
            limit = {"actor": 200, "deadline_text": 300}.get(name)
            if limit and len(value) > limit:
                errors.setdefault(name, []).append(_("Hoogstens %(n)s tekens.") % {"n": limit})
        elif name == "deliverables":
            value = [str(item).strip() for item in (value or []) if str(item).strip()]
        elif name == "kind" and value not in Commitment.Kind.values:
            errors.setdefault(name, []).append(_("Kies een geldige soort."))
        elif name == "precision" and value not in PRECISION_VALUES:
            errors.setdefault(name, []).append(_("Kies een geldige precisie."))
        elif name == "motions":
            keys = []
            for raw in value or []:
                try:
                    keys.append(normalise_motion_key(str(raw)))
                except ValidationError as exc:
                    errors.setdefault(name, []).extend(exc.messages)
            value = sorted(set(keys))
        elif name == "question":
            if value is not None and not isinstance(value, QuestionItem):
                value = QuestionItem.objects.filter(pk=value).first()
                if value is None:
                    errors.setdefault(name, []).append(_("Deze vraag bestaat niet."))
            if isinstance(value, QuestionItem) and value.document_id != document.pk:
                errors.setdefault(name, []).append(_("Kies een vraag uit hetzelfde document."))
        clean[name] = value
    if errors:
        raise ValidationError(errors)
    # Changing only the phrase re-reads the date from it, as the extractor would.
    phrase_only = "deadline_text" in clean and not {"due_date", "window_start", "precision"} & set(clean)
    if phrase_only and clean["deadline_text"] != row.deadline_text:
        clean["due_date"], clean["window_start"], clean["precision"] = _resolve(document, clean["deadline_text"])
    return clean


def _plan(row: Commitment, document: Document, values: Mapping[str, Any]) -> _Plan:
    clean = _clean_values(row, document, values)
    keys_before = motion_keys(row.pk) if row.pk and "motions" in clean else []
    changes: dict[str, list[Any]] = {}
    model_values: dict[str, Any] = {}
    for name, new in clean.items():
        old = _current(row, name, keys_before)
        if _json(old) == _json(new):
            continue
        changes[name] = [_json(old), _json(new)]
        if name != "motions":
            model_values[name] = new
    deadline_changed = bool(set(changes) & set(DEADLINE_FIELDS))
    if deadline_changed:
        merged = {name: model_values.get(name, getattr(row, name)) for name in DEADLINE_FIELDS}
        errors = deadline_errors(**merged)
        if errors:
            raise ValidationError(errors)
        if "due_date" in model_values:
            model_values.update(overdue_since=None, due_soon_since=None)
        if row.deadline_assumed:
            model_values["deadline_assumed"] = False
            changes["deadline_assumed"] = [True, False]
    if "text" in model_values:
        span = relocate(document.text, model_values["text"], near=row.start)
        if span is not None and span != (row.start, row.end):
            model_values["start"], model_values["end"] = span
            changes["span"] = [[row.start, row.end], list(span)]
    if "deadline_text" in model_values or "start" in model_values:
        start, end = model_values.get("start", row.start), model_values.get("end", row.end)
        phrase = model_values.get("deadline_text", row.deadline_text)
        found = find_within(document.text, phrase, start, end) if phrase else None
        model_values["deadline_start"], model_values["deadline_end"] = found or (None, None)
    if "question" in model_values:
        item = model_values["question"]
        member, party = (item.member, item.party) if item else ("", "")
        for name, new in (("promised_to_member", member), ("promised_to_party", party)):
            if getattr(row, name) != new:
                model_values[name] = new
                changes[name] = [getattr(row, name), new]
    return _Plan(model_values, changes, deadline_changed, keys_before,
                 clean["motions"] if "motions" in changes else None)


# --- locking ---------------------------------------------------------------------


def _document_text(document_id: int) -> Document:
    return Document.objects.only("id", "text", "reference_date").get(pk=document_id)


def _revision(row: Commitment, values: Mapping[str, Any], *, user: User | None, reason: str) -> DeadlineRevision:
    return DeadlineRevision.objects.create(
        commitment=row, source=DeadlineRevision.Source.REVIEWER, created_by=user, reason=reason,
        old_text=row.deadline_text, old_due=row.due_date, old_window_start=row.window_start,
        old_precision=row.precision,
        new_text=values.get("deadline_text", row.deadline_text), new_due=values.get("due_date", row.due_date),
        new_window_start=values.get("window_start", row.window_start),
        new_precision=values.get("precision", row.precision),
    )


def _free_span(document_id: int, start: int, end: int) -> tuple[int, int]:
    taken = set(MotionCitation.objects.filter(document_id=document_id).values_list("start", "end"))
    for candidate_end in range(end, start - 1, -1):
        if (start, candidate_end) not in taken:
            return start, candidate_end
    return start, start


def _set_motions(row: Commitment, *, before: Iterable[str], after: Iterable[str]) -> None:
    """Attach the citations of ``after`` to the record and detach the others.

    A key the document cites but no record owns is attached; a key it does
    not cite becomes a citation recorded by the reviewer (its text is the key).
    """
    before, after = set(before), set(after)
    now = timezone.now()
    removed, added = before - after, after - before
    if removed:
        MotionCitation.objects.filter(commitment=row, key__in=removed).update(commitment=None, updated_at=now)
    if not added:
        return
    free = {}
    for citation in MotionCitation.objects.filter(
        document_id=row.document_id, key__in=added, commitment__isnull=True, deleted_at__isnull=True
    ).order_by("start"):
        free.setdefault(citation.key, citation.pk)
    if free:
        MotionCitation.objects.filter(pk__in=free.values()).update(
            commitment=row, review_state=MotionCitation.Review.CONFIRMED, updated_at=now
        )
    missing = sorted(added - free.keys())
    if not missing:
        return
    motions = {m.key: m for m in Motion.objects.filter(key__in=missing)}
    for key in missing:
        if key not in motions:
            dossier, number = split_key(key)
            motions[key] = Motion.objects.create(key=key, dossier=dossier, number=number)
        start, end = _free_span(row.document_id, row.start, row.end)
        MotionCitation.objects.create(
            document_id=row.document_id, motion=motions[key], commitment=row, key=key, text=key,
            start=start, end=end, review_state=MotionCitation.Review.CONFIRMED,
        )


def _event(row: Commitment | int, user: User | None, action: str, changes: Mapping[str, Any],
           note: str = "") -> ReviewEvent:
    pk = row if isinstance(row, int) else row.pk
    return ReviewEvent.objects.create(commitment_id=pk, user=user, action=action, changes=dict(changes), note=note)


def _reload(pk: int) -> Commitment:
    return Commitment.objects.get(pk=pk)


# --- the actions -------------------------------------------------------------------


@transaction.atomic
def commitment_confirm(*, commitment: Commitment, user: User | None, expected_version: int,
                       note: str = "") -> Commitment:
    """The record is right as it stands. An assumed deadline becomes a confirmed one."""
    row = _fresh(commitment, expected_version)
    values: dict[str, Any] = {}
    changes: dict[str, list[Any]] = {}
    if row.review_state in (Commitment.ReviewState.UNREVIEWED, Commitment.ReviewState.REJECTED):
        values["review_state"] = Commitment.ReviewState.CONFIRMED
        changes["review_state"] = [row.review_state, Commitment.ReviewState.CONFIRMED.value]
    if row.reject_reason:
        values["reject_reason"] = ""
        changes["reject_reason"] = [row.reject_reason, ""]
    if row.deadline_assumed:
        values["deadline_assumed"] = False
        changes["deadline_assumed"] = [True, False]
    _claim(row.pk, expected_version, **values)
    _event(row, user, ReviewEvent.Action.CONFIRM, changes, note.strip())
    followup_changed(Q(pk=row.pk))
    announce(row.pk, CONFIRMED)
    return _reload(row.pk)


@transaction.atomic
def commitment_correct(*, commitment: Commitment, user: User | None, expected_version: int,
                       values: Mapping[str, Any], note: str = "") -> Commitment:
    """Change any of :data:`CORRECTABLE_FIELDS`; only the fields in ``values`` are touched.

    ``motions`` is a list of motion keys; ``question`` a QuestionItem (or its
    pk, or None) of the same document. Giving a new ``deadline_text`` without
    any of ``due_date``/``window_start``/``precision`` resolves the phrase
    against the document's date. Raises ``ValidationError`` (per field) when a
    value is invalid or nothing changes.
    """
    row = _fresh(commitment, expected_version)
    document = _document_text(row.document_id)
    plan = _plan(row, document, values)
    if not plan.changes:
        raise ValidationError(_("Er is niets gewijzigd. Klopt de toezegging zoals hij is, kies dan Bevestigen."))
    if row.review_state != Commitment.ReviewState.CORRECTED:
        plan.values["review_state"] = Commitment.ReviewState.CORRECTED
        plan.changes["review_state"] = [row.review_state, Commitment.ReviewState.CORRECTED.value]
    if row.reject_reason:
        plan.values["reject_reason"] = ""
        plan.changes["reject_reason"] = [row.reject_reason, ""]
    _claim(row.pk, expected_version, **plan.values)
    if plan.keys_after is not None:
        _set_motions(row, before=plan.keys_before, after=plan.keys_after)
    revision = _revision(row, plan.values, user=user, reason=note.strip()) if plan.deadline_changed else None
    _event(row, user, ReviewEvent.Action.CORRECT, plan.changes, note.strip())
    followup_changed(Q(pk=row.pk))
    announce(row.pk, CONFIRMED)
    if revision is not None:
        announce(row.pk, SLIPPED, revision=revision)
    return _reload(row.pk)


@transaction.atomic
def commitment_reject(*, commitment: Commitment, user: User | None, expected_version: int, reason: str,
                      note: str = "", duplicate_of: Commitment | None = None) -> Commitment:
    """Not a commitment, a duplicate (optionally of ``duplicate_of``) or another reason (explained in ``note``)."""
    if reason not in RejectReason.values:
        raise ValidationError({"reason": _("Kies een reden.")})
    if reason == RejectReason.OTHER and not note.strip():
        raise ValidationError({"note": _("Licht de andere reden toe.")})
    if duplicate_of is not None and reason != RejectReason.DUPLICATE:
        raise ValidationError({"duplicate_of": _("Een origineel hoort alleen bij de reden 'dubbel'.")})
    row = _fresh(commitment, expected_version)
    if duplicate_of is not None and (duplicate_of.pk == row.pk or duplicate_of.deleted_at is not None):
        raise ValidationError({"duplicate_of": _("Kies een ander, bestaand record als origineel.")})
    values: dict[str, Any] = {"review_state": Commitment.ReviewState.REJECTED, "reject_reason": reason}
    changes: dict[str, list[Any]] = {}
    if row.review_state != Commitment.ReviewState.REJECTED:
        changes["review_state"] = [row.review_state, Commitment.ReviewState.REJECTED.value]
    if row.reject_reason != reason:
        changes["reject_reason"] = [row.reject_reason, reason]
    if duplicate_of is not None and row.duplicate_of_id != duplicate_of.pk:
        values["duplicate_of"] = duplicate_of
        changes["duplicate_of"] = [row.duplicate_of_id, duplicate_of.pk]
    _claim(row.pk, expected_version, **values)
    _event(row, user, ReviewEvent.Action.REJECT, changes, note.strip())
    followup_changed(Q(pk=row.pk))
    return _reload(row.pk)


@transaction.atomic
def commitments_merge(*, keep: Commitment, duplicates: Sequence[Commitment], user: User | None,
                      expected_versions: Mapping[int, int], note: str = "") -> Commitment:
    """The same promise repeated elsewhere: ``keep`` stays, each duplicate points
    to it (``duplicate_of``) and is tombstoned so it is counted once.

    ``expected_versions`` maps every record's pk (keep and duplicates) to the
    version the caller saw. Records that pointed at a duplicate now point at ``keep``.
    """
    dup_ids = sorted({d.pk for d in duplicates})
    if not dup_ids:
        raise ValidationError({"duplicates": _("Kies ten minste één dubbel record.")})
    if keep.pk in dup_ids:
        raise ValidationError({"duplicates": _("Een record kan niet met zichzelf worden samengevoegd.")})
    ids = [keep.pk, *dup_ids]
    missing = [pk for pk in ids if pk not in expected_versions]
    if missing:
        raise ValueError(f"expected_versions lacks {missing}")
    rows = {row.pk: row for row in Commitment.objects.filter(pk__in=ids)}
    for pk in ids:
        if pk not in rows or rows[pk].version != expected_versions[pk]:
            raise _stale(pk, expected_versions[pk])
    target = rows[keep.pk]
    if target.deleted_at is not None or target.review_state == Commitment.ReviewState.REJECTED:
        raise ValidationError({"keep": _("Het record dat blijft, is verwijderd of afgewezen.")})
    if target.duplicate_of_id is not None:
        raise ValidationError({"keep": _("Het record dat blijft, is zelf een duplicaat van #%(pk)s.")
                               % {"pk": target.duplicate_of_id}})
    gone = [pk for pk in dup_ids if rows[pk].deleted_at is not None]
    if gone:
        raise ValidationError({"duplicates": _("Record #%(pk)s is al verwijderd of samengevoegd.") % {"pk": gone[0]}})

    now = timezone.now()
    before = sorted(Commitment.objects.filter(duplicate_of_id=keep.pk).values_list("pk", flat=True))
    keep_values: dict[str, Any] = {}
    keep_changes: dict[str, list[Any]] = {}
    if target.review_state == Commitment.ReviewState.UNREVIEWED:
        keep_values["review_state"] = Commitment.ReviewState.CONFIRMED
        keep_changes["review_state"] = [target.review_state, Commitment.ReviewState.CONFIRMED.value]
    _claim(keep.pk, expected_versions[keep.pk], **keep_values)
    events = []
    for pk in dup_ids:
        row = rows[pk]
        values: dict[str, Any] = {"duplicate_of_id": keep.pk, "deleted_at": now}
        changes: dict[str, list[Any]] = {"duplicate_of": [row.duplicate_of_id, keep.pk], "deleted": [False, True]}
        # The extractor was right that this is a commitment; it is only repeated.
        if row.review_state == Commitment.ReviewState.UNREVIEWED:
            values["review_state"] = Commitment.ReviewState.CONFIRMED
            changes["review_state"] = [row.review_state, Commitment.ReviewState.CONFIRMED.value]
        _claim(pk, expected_versions[pk], **values)
        events.append(ReviewEvent(commitment_id=pk, user=user, action=ReviewEvent.Action.MERGE,
                                  changes=changes, note=note.strip()))
    # Whatever pointed at a duplicate now points at the record that stays.
    Commitment.objects.filter(duplicate_of_id__in=dup_ids).exclude(pk=keep.pk).update(
        duplicate_of_id=keep.pk, updated_at=now, version=F("version") + 1
    )
    after = sorted(Commitment.objects.filter(duplicate_of_id=keep.pk).values_list("pk", flat=True))
    keep_changes["duplicates"] = [before, after]
    events.append(ReviewEvent(commitment_id=keep.pk, user=user, action=ReviewEvent.Action.MERGE,
                              changes=keep_changes, note=note.strip()))
    ReviewEvent.objects.bulk_create(events)
    followup_changed(Q(pk__in=ids))
    return _reload(keep.pk)


@transaction.atomic
def commitment_split(*, commitment: Commitment, user: User | None, expected_version: int,
                     first: Mapping[str, Any], second: Mapping[str, Any],
                     note: str = "") -> tuple[Commitment, Commitment]:
    """One record promising two things becomes two.

    ``first`` holds the changes to the existing record (may be empty);
    ``second`` the values in which the new record differs from the existing
    one as it was. Both are :data:`CORRECTABLE_FIELDS` mappings. The new record
    keeps a link back through its split event; the extractor's values stay on
    the original.
    """
    row = _fresh(commitment, expected_version)
    document = _document_text(row.document_id)
    errors: dict[str, list[str]] = {}
    plans: list[_Plan | None] = []
    for prefix, values in (("first", first), ("second", second)):
        try:
            plans.append(_plan(row, document, values))
        except ValidationError as exc:
            plans.append(None)
            for field, messages in exc.message_dict.items():
                errors.setdefault(f"{prefix}.{field}", []).extend(messages)
    if errors:
        raise ValidationError(errors)
    first_plan, second_plan = plans
    assert first_plan is not None and second_plan is not None
    first_new = {**_values_of(row), **first_plan.values}
    second_new = {**_values_of(row), **second_plan.values}
    if "question" in second_new:
        item = second_new.pop("question")
        second_new["question_id"] = item.pk if item else None
    second_new.pop("deadline_assumed", None)
    first_new.pop("question", None)
    compared = ("text", "deliverables", "kind", *DEADLINE_FIELDS)
    if all(_json(first_new[name]) == _json(second_new[name]) for name in compared) and (
        normalise_space(first_new["text"]) == normalise_space(second_new["text"])
    ):
        raise ValidationError(_(
            "De twee delen zijn gelijk; geef elk deel een eigen tekst, op te leveren stukken of termijn."
        ))

    child = Commitment.objects.create(
        document_id=row.document_id, page=row.page, minister_id=row.minister_id,
        committee_id=row.committee_id, ministry_id=row.ministry_id, certainty=row.certainty,
        status=row.status, confidence=row.confidence, review_state=Commitment.ReviewState.CORRECTED,
        promised_on=row.promised_on,
        deadline_assumed=row.deadline_assumed and not second_plan.deadline_changed,
        extractor_version="", extracted={}, **second_new,
    )
    values = dict(first_plan.values)
    changes = dict(first_plan.changes)
    if row.review_state != Commitment.ReviewState.CORRECTED:
        values["review_state"] = Commitment.ReviewState.CORRECTED
        changes["review_state"] = [row.review_state, Commitment.ReviewState.CORRECTED.value]
    changes["split_into"] = [None, child.pk]
    _claim(row.pk, expected_version, **values)
    if first_plan.keys_after is not None:
        _set_motions(row, before=first_plan.keys_before, after=first_plan.keys_after)
    if first_plan.deadline_changed:
        _revision(row, first_plan.values, user=user, reason=note.strip())
    if second_plan.keys_after is not None:
        _set_motions(child, before=[], after=second_plan.keys_after)
    child_changes: dict[str, list[Any]] = {"split_from": [None, row.pk]}
    child_changes.update({name: [None, _json(getattr(child, name))] for name in
                          ("text", "actor", "deliverables", "kind", *DEADLINE_FIELDS)})
    if second_plan.keys_after:
        child_changes["motions"] = [None, second_plan.keys_after]
    ReviewEvent.objects.bulk_create([
        ReviewEvent(commitment_id=row.pk, user=user, action=ReviewEvent.Action.SPLIT, changes=changes,
                    note=note.strip()),
        ReviewEvent(commitment_id=child.pk, user=user, action=ReviewEvent.Action.SPLIT, changes=child_changes,
                    note=note.strip()),
    ])
    followup_changed(Q(pk__in=[row.pk, child.pk]))
    return _reload(row.pk), _reload(child.pk)


def _values_of(row: Commitment) -> dict[str, Any]:
    """The values a split copies; a plan's values (same names) override them."""
    return {
        "question_id": row.question_id, "promised_to_member": row.promised_to_member,
        "promised_to_party": row.promised_to_party, "overdue_since": row.overdue_since,
        "due_soon_since": row.due_soon_since,
        "text": row.text, "start": row.start, "end": row.end, "actor": row.actor,
        "deliverables": list(row.deliverables), "kind": row.kind, "deadline_text": row.deadline_text,
        "deadline_start": row.deadline_start, "deadline_end": row.deadline_end, "due_date": row.due_date,
        "window_start": row.window_start, "precision": row.precision,
    }


class SourceSpanError(ValidationError):
    """The passage to add could not be pinned to one place in the document."""


def locate_passage(document: Document, *, start: int | None, end: int | None, quote: str) -> tuple[int, int]:
    """The span of the passage a reviewer selected or quoted, trimmed of spaces.

    Offsets win when they read as the quote (or no quote is given); otherwise
    the quote is looked up, nearest to ``start`` when it occurs more than once.
    """
    text = document.text
    quote = quote.strip()
    if start is not None and end is not None:
        if not 0 <= start < end <= len(text):
            raise SourceSpanError({"start": _("Deze positie ligt buiten de tekst van het document.")})
        if not quote or normalise_space(text[start:end]).lower() == normalise_space(quote).lower():
            span = trim_span(text, start, end)
            if span[0] == span[1]:
                raise SourceSpanError({"start": _("Deze positie bevat alleen witruimte.")})
            return span
    if not quote:
        raise SourceSpanError({"quote": _("Selecteer de passage in de tekst of plak hem in het veld Citaat.")})
    spans = find_quote(text, quote)
    if not spans:
        raise SourceSpanError({"quote": _("Dit citaat staat niet in het document. Kopieer het letterlijk uit de tekst.")})
    if len(spans) > 1 and start is None:
        raise SourceSpanError({"quote": _(
            "Dit citaat staat %(n)s keer in het document. Neem een langer stuk over, zodat het één plaats aanwijst."
        ) % {"n": len(spans)}})
    return min(spans, key=lambda span: abs(span[0] - (start or 0)))


@transaction.atomic
def commitment_add_from_source(*, document: Document, user: User | None, values: Mapping[str, Any],
                               start: int | None = None, end: int | None = None, quote: str = "",
                               page: int | None = None, note: str = "") -> Commitment:
    """Record a commitment the extractor missed, from a passage of the document.

    The passage is given as offsets into ``Document.text`` (a selection) and/or
    a quote that is located in it. ``values`` may set ``actor`` (required),
    ``kind``, ``deliverables``, the deadline fields, ``motions`` and
    ``question``; the text is the passage itself. Without a question, the
    answer that contains the passage is used. Citations of motions inside the
    passage that no record owns are attached.
    """
    document = Document.objects.select_for_update().get(pk=document.pk)
    start, end = locate_passage(document, start=start, end=end, quote=quote)
    overlapping = [
        pk for pk, s, e in document.commitments.alive().values_list("pk", "start", "end")
        if min(e, end) - max(s, start) > 0.5 * min(e - s, end - start)
    ]
    if overlapping:
        raise ValidationError({"quote": _(
            "Deze passage is al vastgelegd als toezegging #%(pk)s; corrigeer die in plaats van een nieuwe toe te voegen."
        ) % {"pk": overlapping[0]}})
    if page is not None and document.page_count and not 1 <= page <= document.page_count:
        raise ValidationError({"page": ngettext("Het document heeft %(n)s pagina.", "Het document heeft %(n)s pagina's.",
                                                document.page_count) % {"n": document.page_count}})

    blank = Commitment(document=document, text="", start=start, end=end, actor="", deadline_text="",
                       precision="none")
    requested = {"actor": "", "kind": Commitment.Kind.INFORM, **values, "text": document.text[start:end]}
    if "question" not in values:
        requested["question"] = (
            document.items.filter(answer_start__lte=start, answer_end__gte=start).order_by("position").first()
        )
    plan = _plan(blank, document, requested)
    merged = {"deadline_text": "", "due_date": None, "window_start": None, "precision": "none",
              **{k: v for k, v in plan.values.items() if k in DEADLINE_FIELDS}}
    errors = deadline_errors(**merged)
    if errors:
        raise ValidationError(errors)
    fields = {k: v for k, v in plan.values.items() if k not in ("overdue_since", "due_soon_since")}
    fields.update(start=start, end=end)
    minister_id = (
        document.commitments.exclude(minister=None).values_list("minister_id", flat=True).first()
    )
    row = Commitment.objects.create(
        document=document, committee_id=document.committee_id, ministry_id=document.ministry_id,
        minister_id=minister_id, page=page, review_state=Commitment.ReviewState.CONFIRMED, confidence=1.0,
        promised_on=document.reference_date,
        extractor_version="", extracted={}, **fields,
    )
    inside = list(
        MotionCitation.objects.filter(document=document, commitment__isnull=True, deleted_at__isnull=True,
                                      start__gte=start, end__lte=end).exclude(key="").values_list("key", flat=True)
    )
    wanted = sorted(set(plan.keys_after or []) | set(inside))
    if wanted:
        _set_motions(row, before=[], after=wanted)
    changes = {name: [None, _json(getattr(row, name))] for name in
               ("text", "actor", "deliverables", "kind", *DEADLINE_FIELDS) if getattr(row, name) not in ("", [], None)}
    changes["span"] = [None, [start, end]]
    if row.question_id:
        changes["question"] = [None, row.question_id]
    if wanted:
        changes["motions"] = [None, wanted]
    _event(row, user, ReviewEvent.Action.CREATE, changes, note.strip())
    followup_changed(Q(pk=row.pk))
    return _reload(row.pk)


def expected_versions_of(ids: Iterable[int]) -> dict[int, int]:
    """Current versions, for callers that merge records the reviewer did not open."""
    return dict(Commitment.objects.filter(pk__in=list(ids)).values_list("pk", "version"))

