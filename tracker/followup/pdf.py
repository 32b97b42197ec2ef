"""The rappel for one ministry as a PDF (reportlab), for sending or printing."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from django.utils import dateformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from tracker.followup.rappel import MinistryItems
from tracker.models import Commitment, Ministry, Rappel, RappelItem

UNREVIEWED_NOTE = _lazy(
    "Toezeggingen gemarkeerd met ‘Niet beoordeeld’ zijn automatisch in de stukken gevonden en nog niet door "
    "de griffie gecontroleerd. Herkent u er een niet als toezegging, geef dan een correctie."
)


def _unreviewed(item: RappelItem) -> bool:
    return item.commitment.review_state == Commitment.ReviewState.UNREVIEWED


def _date(value: object) -> str:
    return dateformat.format(value, "j F Y") if value else "—"


def rappel_pdf(rappel: Rappel, ministry: Ministry, items: MinistryItems) -> bytes:
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=landscape(A4), leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm,
        bottomMargin=15 * mm, title=f"{rappel.title} — {ministry.name}", author="Nakoming", lang="nl",
    )
    styles = getSampleStyleSheet()
    cell = ParagraphStyle("cell", parent=styles["BodyText"], fontSize=8.5, leading=10.5, alignment=TA_LEFT)
    head = ParagraphStyle("head", parent=cell, fontName="Helvetica-Bold")
    story = [
        Paragraph(escape(rappel.title), styles["Title"]),
        Paragraph(escape(_("Ministerie: %(name)s") % {"name": ministry.name}), styles["Heading2"]),
        Paragraph(escape(_(
            "Peildatum %(ref)s. Hieronder staan de openstaande toezeggingen waarvan de termijn is verstreken en "
            "die welke tot en met %(horizon)s verlopen. Wij vragen u per toezegging een correctie of een prognose "
            "(nieuwe verwachte datum met reden) te geven%(by)s."
        ) % {
            "ref": _date(rappel.reference_date), "horizon": _date(rappel.horizon),
            "by": (_(", uiterlijk %(date)s") % {"date": _date(rappel.answer_by)}) if rappel.answer_by else "",
        }), styles["BodyText"]),
    ]
    if any(_unreviewed(item) for item in items.overdue + items.expiring):
        story.append(Paragraph(escape(UNREVIEWED_NOTE), styles["BodyText"]))
    widths = [28 * mm, 120 * mm, 40 * mm, 26 * mm, 53 * mm]
    for title, rows in ((_("Termijn verstreken"), items.overdue), (_("Verloopt binnen zes maanden"), items.expiring)):
        story += [Spacer(1, 6 * mm), Paragraph(f"{escape(title)} ({len(rows)})", styles["Heading3"])]
        if not rows:
            story.append(Paragraph(escape(_("Geen.")), styles["BodyText"]))
            continue
        data = [[Paragraph(escape(h), head) for h in (
            _("Nummer"), _("Toezegging"), _("Termijn"), _("Uiterste datum"), _("Commissie / bewindspersoon"))]]
        data += [_row(item, cell) for item in rows]
        table = LongTable(data, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef3")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]))
        story.append(table)
    document.build(story)
    return buffer.getvalue()


def _row(item: RappelItem, style: ParagraphStyle) -> list[Paragraph]:
    commitment = item.commitment
    who = " / ".join(str(x) for x in (commitment.committee, commitment.minister) if x) or "—"
    return [
        Paragraph(escape(commitment.register_number), style),
        Paragraph((f"<b>{escape(_('Niet beoordeeld:'))}</b> " if _unreviewed(item) else "")
                  + escape(" ".join(commitment.text.split())), style),
        Paragraph(escape(commitment.deadline_text or "—"), style),
        Paragraph(escape(_date(item.due_date)), style),
        Paragraph(escape(who), style),
    ]
