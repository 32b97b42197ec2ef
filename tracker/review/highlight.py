"""Render a source passage with the commitment, its deadline phrase and motion
citations marked.

Marks are offsets into ``Document.text``; the passage is a slice of it that
starts at ``offset``. Colour is never the only signal: each kind has its own
underline style, and screen readers hear "begin/einde …" around every mark.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

COMMITMENT = "commitment"
DEADLINE = "deadline"
MOTION = "motion"
OTHER = "other"  # another record's commitment, on the page for adding missed ones
KINDS = (COMMITMENT, OTHER, DEADLINE, MOTION)


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str


def _labels(kind: str) -> tuple[str, str]:
    return {
        COMMITMENT: (_("begin toezegging"), _("einde toezegging")),
        DEADLINE: (_("begin termijn"), _("einde termijn")),
        MOTION: (_("begin motie"), _("einde motie")),
        OTHER: (_("begin gevonden toezegging"), _("einde gevonden toezegging")),
    }[kind]


def render_passage(
    text: str, offset: int, marks: Iterable[Mark], *, with_offsets: bool = False
) -> SafeString:
    """HTML for ``text`` (which starts at ``offset`` in the document) with marks.

    ``with_offsets`` wraps every run of text in ``<span data-s="…">`` holding
    its document offset, so a script can turn a selection into a span.
    """
    length = len(text)
    clipped = []
    for mark in marks:
        start, end = max(mark.start - offset, 0), min(mark.end - offset, length)
        if start < end:
            clipped.append(Mark(start, end, mark.kind))
    points = sorted({0, length, *(m.start for m in clipped), *(m.end for m in clipped)})
    order = {kind: index for index, kind in enumerate(KINDS)}
    parts: list[str] = []
    for here, after in zip(points, points[1:], strict=False):
        for mark in sorted((m for m in clipped if m.end == here), key=lambda m: -order[m.kind]):
            parts.append(f'<span class="visually-hidden sr-mark">[{escape(_labels(mark.kind)[1])}]</span>')
        for mark in sorted((m for m in clipped if m.start == here), key=lambda m: order[m.kind]):
            parts.append(f'<span class="visually-hidden sr-mark">[{escape(_labels(mark.kind)[0])}]</span>')
        run = escape(text[here:after])
        if with_offsets:
            run = f'<span data-s="{offset + here}">{run}</span>'
        active = sorted({m.kind for m in clipped if m.start <= here and after <= m.end}, key=order.__getitem__)
        if active:
            classes = " ".join(f"hl-{kind}" for kind in active)
            run = f'<mark class="hl {classes}">{run}</mark>'
        parts.append(run)
    for mark in sorted((m for m in clipped if m.end == length), key=lambda m: -order[m.kind]):
        parts.append(f'<span class="visually-hidden sr-mark">[{escape(_labels(mark.kind)[1])}]</span>')
    return mark_safe("".join(parts))  # every piece of text above is escaped
