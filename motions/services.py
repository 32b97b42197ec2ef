"""Writes to the motions register. Views and commands call these; nothing else
changes a motion's execution status, signers or links.

- :func:`motion_from_document`: after a document of kind ``motie`` is processed,
  its parsed text fills the motion with the key in the text (or waits on a
  ``MotionText`` for a reviewer when the text has no number).
- :func:`motion_text_resolve`: a reviewer supplies the number of such a text.
- :func:`citation_resolve`: a reviewer links a name-only citation to a motion.
- :func:`status_suggestion_confirm` / :func:`status_suggestion_reject`: a status
  an answer states ("de motie is uitgevoerd") becomes the motion's execution
  status only when a reviewer confirms it.
- :func:`motion_update`: a reviewer sets ministry, committee or execution status.

Every execution-status change writes a ``MotionStatusChange``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motions.models import Motion, MotionCitation, MotionSigner, MotionStatusChange, MotionText
from tracker.extraction.motions import (
    ParsedMotion,
    key_from_text,
    parse_motion_text,
    split_key,
)
from tracker.models import Committee, Document, Ministry

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

# The stated statuses (tracker.extraction.motions.STATUSES) that describe
# execution; the others (aangenomen, verworpen, …) describe the vote.
EXECUTION_FROM_STATED: dict[str, str] = {
    "uitgevoerd": Motion.Execution.DONE,
    "deels uitgevoerd": Motion.Execution.PARTLY_DONE,
    "in uitvoering": Motion.Execution.IN_PROGRESS,
}


class MotionError(ValueError):
    """A reviewer action that cannot be carried out; the message is for the user (Dutch)."""


# --------------------------------------------------------------------------
# Keys and signers
# --------------------------------------------------------------------------


def normalise_key(value: str) -> str:
    """``kst-36800-v-30``, ``36800-V-30`` or ``Kamerstuk 36 800 V, nr. 30`` → ``kst-36800-V-30``.

    The reading is :func:`tracker.extraction.motions.key_from_text`, shared with the
    review form. Raises :class:`MotionError` when no Kamerstuk number can be read.
    """
    key = key_from_text(value)
    if key is None:
        raise MotionError(
            _("Geen Kamerstuknummer herkend in “%(value)s”. Gebruik bijvoorbeeld kst-36800-V-30 of 36 800 V, nr. 30.")
            % {"value": value}
        )
    return key


Signer = tuple[str, str]  # (name, party)


def signer_rows(motion_id: int, submitters: Sequence[Signer], co_signers: Sequence[Signer]) -> list[MotionSigner]:
    """Unsaved ``MotionSigner`` rows for one motion, in the given order."""
    rows = [
        MotionSigner(motion_id=motion_id, role=MotionSigner.Role.SUBMITTER, position=n, name=name[:200],
                     party=party[:100])
        for n, (name, party) in enumerate(submitters, start=1)
    ]
    rows += [
        MotionSigner(motion_id=motion_id, role=MotionSigner.Role.CO_SIGNER, position=n, name=name[:200],
                     party=party[:100])
        for n, (name, party) in enumerate(co_signers, start=1)
    ]
    return rows


def replace_signers(rows_by_motion: dict[int, list[MotionSigner]]) -> None:
    """Replace the signers of the given motions (two queries for any number of motions)."""
    if not rows_by_motion:
        return
    MotionSigner.objects.filter(motion_id__in=rows_by_motion.keys()).delete()
    MotionSigner.objects.bulk_create([row for rows in rows_by_motion.values() for row in rows])


# --------------------------------------------------------------------------
# Motion texts (documents of kind "motie")
# --------------------------------------------------------------------------

_CLOSING_RE = re.compile(r"en\s+gaat\s+over\s+tot\s+de\s+orde\s+van\s+de\s+dag\.?", re.I)
# A signature line: a surname with optional tussenvoegsels and hyphens, no digits.
_SIGNATURE_RE = re.compile(r"^(?:[a-z']{1,4}\s+){0,3}[A-ZÀ-Þ][\w'’.-]*(?:\s+[\w'’.-]+){0,4}$")


def signatures(text: str) -> list[str]:
    """The names signed under a motion text (after ``en gaat over tot de orde van de dag``).

    Reading stops at the first line that is not a name, so a page footer or the
    next motion does not end up among the signers.
    """
    closing = _CLOSING_RE.search(text)
    if closing is None:
        return []
    names: list[str] = []
    for line in text[closing.end():].splitlines():
        line = " ".join(line.split())
        if not line:
            if names:
                break
            continue
        if len(line) > 60 or any(ch.isdigit() for ch in line) or not _SIGNATURE_RE.match(line):
            break
        names.append(line)
    return names


def _co_signers(parsed: ParsedMotion, text: str) -> list[str]:
    taken = {name.casefold() for name in parsed.members}
    return [name for name in signatures(text) if name.casefold() not in taken]


def motion_title(members: Sequence[str], *, co_signed: bool, amended: bool) -> str:
    """``Motie van het lid Piri c.s.``, ``Gewijzigde motie van de leden Van der Werf en Klos``."""
    # Stored data in the Kamer's own wording, not interface text: never translated.
    if not members:
        return ""
    lead = "Gewijzigde motie" if amended else "Motie"
    if len(members) == 1:
        who = f"van het lid {members[0]}"
    else:
        who = f"van de leden {', '.join(members[:-1])} en {members[-1]}"
    return f"{lead} {who}{' c.s.' if co_signed else ''}"


def _apply_text(motion: Motion, text: MotionText, document: Document) -> None:
    """Put what the text says on the motion.

    The text is the source of the considerations and the request, so those are
    replaced; members, date, title, ministry and committee are only filled when
    empty, because the open data (with parties) or a reviewer may have set them.
    """
    changed: list[str] = ["source_document", "updated_at"]
    motion.source_document = document
    if text.considerations or text.request:
        motion.considerations, motion.request = list(text.considerations), text.request
        changed += ["considerations", "request"]
    if text.amended and not motion.amended:
        motion.amended = True
        changed.append("amended")
    if not motion.members and text.members:
        motion.members, motion.co_signers = list(text.members), list(text.co_signers)
        changed += ["members", "co_signers"]
        replace_signers({motion.pk: signer_rows(
            motion.pk, [(n, "") for n in text.members], [(n, "") for n in text.co_signers])})
    fill = {
        "date": text.proposed,
        "title": motion_title(text.members, co_signed=bool(text.co_signers), amended=text.amended),
        "dossier_title": document.title[:500],
        "ministry_id": document.ministry_id,
        "committee_id": document.committee_id,
    }
    for name, value in fill.items():
        if value and not getattr(motion, name):
            setattr(motion, name, value)
            changed.append(name)
    motion.save(update_fields=changed)


def _motion_for_key(key: str) -> Motion:
    dossier, number = split_key(key)
    motion, _created = Motion.objects.get_or_create(key=key, defaults={"dossier": dossier, "number": number})
    return motion


@transaction.atomic
def motion_from_document(document: Document) -> MotionText | None:
    """Fill or update the motion a processed motion text is about.

    Called at the end of ``tracker.ingest.process.document_process``. Does
    nothing for other kinds of document or a text that is not a motion. The key
    comes from the text, else from the document's Kamerstuk field; without
    either the parsed motion waits on the ``MotionText`` for a reviewer.
    """
    if document.kind != Document.Kind.MOTION:
        return None
    parsed = parse_motion_text(document.text)
    if parsed is None:
        return None
    key = parsed.key
    if not key and document.kamerstuk:
        key = key_from_text(document.kamerstuk) or ""
    previous = MotionText.objects.filter(document=document).select_related("motion").first()
    motion = _motion_for_key(key) if key else (previous.motion if previous else None)
    text, _created = MotionText.objects.update_or_create(
        document=document,
        defaults={
            "key": key, "motion": motion, "members": list(parsed.members),
            "co_signers": _co_signers(parsed, document.text), "considerations": list(parsed.considerations),
            "request": parsed.request, "proposed": parsed.proposed, "amended": parsed.amended,
        },
    )
    if motion is not None:
        _apply_text(motion, text, document)
    return text


@transaction.atomic
def motion_text_resolve(*, motion_text_id: int, key: str, user: AbstractBaseUser | None) -> Motion:
    """A reviewer gives the number of a motion text that had none."""
    text = MotionText.objects.select_for_update().select_related("document").get(pk=motion_text_id)
    motion = _motion_for_key(normalise_key(key))
    text.motion, text.resolved_by, text.resolved_at = motion, user, timezone.now()
    text.save(update_fields=["motion", "resolved_by", "resolved_at", "updated_at"])
    _apply_text(motion, text, text.document)
    return motion


# --------------------------------------------------------------------------
# Execution status
# --------------------------------------------------------------------------


def _change_status(
    motion: Motion, new_status: str, *, user: AbstractBaseUser | None, note: str = "",
    citation: MotionCitation | None = None,
) -> MotionStatusChange | None:
    """Record and apply a status change on a locked motion; None when nothing changes."""
    if new_status not in Motion.Execution.values:
        raise MotionError(_("Onbekende uitvoeringsstatus."))
    if new_status == motion.execution_status:
        return None
    change = MotionStatusChange.objects.create(
        motion=motion, old_status=motion.execution_status, new_status=new_status, source_citation=citation,
        changed_by=user, note=note,
    )
    motion.execution_status = new_status
    motion.save(update_fields=["execution_status", "updated_at"])
    return change


def _locked_citation(citation_id: int) -> MotionCitation:
    try:
        return MotionCitation.objects.select_for_update().get(pk=citation_id, deleted_at__isnull=True)
    except MotionCitation.DoesNotExist:
        raise MotionError(_("Deze verwijzing bestaat niet meer; het document is misschien opnieuw verwerkt.")) from None


@transaction.atomic
def status_suggestion_confirm(
    *, citation_id: int, user: AbstractBaseUser | None, note: str = ""
) -> MotionStatusChange | None:
    """Adopt the status an answer states as the motion's execution status."""
    citation = _locked_citation(citation_id)
    if citation.review_state != MotionCitation.Review.UNREVIEWED:
        raise MotionError(_("Deze suggestie is al beoordeeld."))
    new_status = EXECUTION_FROM_STATED.get(citation.stated_status)
    if citation.motion_id is None or new_status is None:
        raise MotionError(_("Deze verwijzing stelt geen uitvoeringsstatus voor."))
    motion = Motion.objects.select_for_update().get(pk=citation.motion_id)
    change = _change_status(motion, new_status, user=user, note=note, citation=citation)
    citation.review_state = MotionCitation.Review.CONFIRMED
    citation.save(update_fields=["review_state", "updated_at"])
    return change


@transaction.atomic
def status_suggestion_reject(*, citation_id: int, user: AbstractBaseUser | None) -> MotionCitation:
    """Leave the motion's status as it is and mark the citation reviewed.

    The citation stays a citation of the motion (state *bevestigd*): only the
    status it states is not adopted. *Afgewezen* is kept for "this is not a
    citation of this motion", which the API reports as deleted.
    """
    citation = _locked_citation(citation_id)
    if citation.review_state != MotionCitation.Review.UNREVIEWED:
        raise MotionError(_("Deze suggestie is al beoordeeld."))
    citation.review_state = MotionCitation.Review.CONFIRMED
    citation.save(update_fields=["review_state", "updated_at"])
    return citation


@transaction.atomic
def citation_resolve(
    *, citation_id: int, key: str, user: AbstractBaseUser | None, adopt_status: bool = False
) -> MotionCitation:
    """Link a citation by name only (``de motie-Koopmans``) to an existing motion.

    The citation is marked reviewed so re-extraction keeps the link. With
    ``adopt_status`` the status the citation states becomes the motion's.
    """
    citation = _locked_citation(citation_id)
    if citation.motion_id is not None:
        raise MotionError(_("Deze verwijzing is al aan een motie gekoppeld."))
    key = normalise_key(key)
    motion = Motion.objects.select_for_update().filter(key=key, deleted_at__isnull=True).first()
    if motion is None:
        raise MotionError(
            _("Motie %(key)s staat niet in het register. Importeer haar eerst of kies een andere.") % {"key": key}
        )
    citation.motion, citation.key = motion, motion.key
    citation.review_state = MotionCitation.Review.CONFIRMED
    citation.save(update_fields=["motion", "key", "review_state", "updated_at"])
    new_status = EXECUTION_FROM_STATED.get(citation.stated_status)
    if adopt_status and new_status:
        _change_status(motion, new_status, user=user, citation=citation,
                       note=_("Overgenomen bij het koppelen van de verwijzing."))
    return citation


@transaction.atomic
def motion_update(
    *, motion_id: int, user: AbstractBaseUser | None, ministry: Ministry | None, committee: Committee | None,
    execution_status: str, note: str = "",
) -> Motion:
    """A reviewer sets the responsible ministry, the committee and the execution status."""
    motion = Motion.objects.select_for_update().get(pk=motion_id)
    motion.ministry, motion.committee = ministry, committee
    motion.save(update_fields=["ministry", "committee", "updated_at"])
    _change_status(motion, execution_status, user=user, note=note)
    return motion
