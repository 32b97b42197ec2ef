"""Render an outbox message as a Dutch e-mail (plain text and HTML) with its headers.

Templates: ``templates/alerts/emails/{alert,digest}-{subject,body}.txt`` and
``-body.html``. Items are grouped by committee, then ministry. Every item
links to its record at ``settings.SITE_URL``; the footer and the
``List-Unsubscribe`` / ``List-Unsubscribe-Post`` headers (RFC 8058) carry a
signed one-click unsubscribe link for this stream of e-mails.

Rendering reads only what the sender loaded for the whole batch; it makes no
queries of its own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.defaultfilters import date as format_date
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tracker.alerts.models import AlertEvent, AlertLog, Frequency, OutboxMessage
from tracker.alerts.subscriptions import unsubscribe_token
from tracker.followup.rules import OUTSTANDING
from tracker.models import Commitment

Kind = AlertEvent.Kind
KIND_ORDER = [Kind.OVERDUE, Kind.STILL_OVERDUE, Kind.DUE_SOON, Kind.SLIPPED, Kind.DELIVERED, Kind.CONFIRMED]
LIST_NAMES = {Frequency.IMMEDIATE: "direct", Frequency.DAILY: "dagelijks", Frequency.WEEKLY: "wekelijks"}


def site_domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "nakoming.local"


def message_id(message: OutboxMessage) -> str:
    """Stable per message: a re-send after a crash carries the same Message-ID."""
    return f"<nakoming.alert.{message.pk}.{message.build_token[:12]}@{site_domain()}>"


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def record_links() -> Callable[[str, int], str | None]:
    """``link(url_name, pk)``: the path of a record's page, or None when the project has none.

    Whether a url name exists is looked up once per batch, not per item.
    """
    known: dict[str, bool] = {}

    def link(name: str, pk: int) -> str | None:
        if name not in known:
            try:
                reverse(name, args=[pk])
                known[name] = True
            except NoReverseMatch:
                known[name] = False
        return reverse(name, args=[pk]) if known[name] else None

    return link


def commitment_url(commitment: Commitment, link: Callable[[str, int], str | None]) -> str:
    """The commitment's own page (url name ``commitment-detail``) or its place in the source document."""
    own = link("commitment-detail", commitment.pk)
    if own:
        return absolute(own)
    return absolute(f"{link('document-detail', commitment.document_id) or '/'}#toezegging-{commitment.pk}")


@dataclass
class Item:
    kind: str
    label: str
    commitment: Commitment
    title: str
    detail: str
    url: str
    document_title: str = ""
    document_url: str = ""
    now_status: str = ""


@dataclass
class Group:
    name: str
    ministries: list[tuple[str, list[Item]]] = field(default_factory=list)


def _day(value: dt.date | None) -> str:
    return format_date(value, "j F Y") if value else ""


def _detail(log: AlertLog, today: dt.date) -> str:
    event, commitment = log.event, log.commitment
    due = event.due_date or commitment.due_date
    if log.kind == Kind.DUE_SOON and due:
        days = (due - today).days
        when = _("vandaag") if days <= 0 else ngettext("over %(n)d dag", "over %(n)d dagen", days) % {"n": days}
        return _("Uiterlijk %(date)s (%(when)s).") % {"date": _day(due), "when": when}
    if log.kind == Kind.OVERDUE and due:
        days = max((today - due).days, 1)
        late = ngettext("%(n)d dag te laat", "%(n)d dagen te laat", days) % {"n": days}
        return _("De termijn verstreek op %(date)s (%(late)s).") % {"date": _day(due), "late": late}
    if log.kind == Kind.STILL_OVERDUE:
        months = int(log.period.rsplit(":", 1)[-1]) if ":" in log.period else 1
        return ngettext(
            "Al %(n)d maand te laat; de termijn verstreek op %(date)s.",
            "Al %(n)d maanden te laat; de termijn verstreek op %(date)s.", months,
        ) % {"n": months, "date": _day(due)}
    if log.kind == Kind.SLIPPED:
        slip = (event.new_due - event.old_due).days if event.old_due and event.new_due else 0
        return _("De termijn is verschoven van %(old)s naar %(new)s (%(days)s dagen later).") % {
            "old": _day(event.old_due), "new": _day(event.new_due), "days": slip,
        }
    if log.kind == Kind.DELIVERED:
        return _("Nagekomen op %(date)s (%(status)s).") % {
            "date": _day(event.occurred_on), "status": commitment.get_status_display(),
        }
    if log.kind == Kind.CONFIRMED:
        deadline = commitment.deadline_text or _("geen termijn")
        if commitment.due_date:
            deadline = f"{deadline} ({_day(commitment.due_date)})"
        return _("Bevestigd door een beoordelaar. Termijn: %(deadline)s.") % {"deadline": deadline}
    return ""


def _item(log: AlertLog, today: dt.date, link: Callable[[str, int], str | None]) -> Item:
    commitment, event = log.commitment, log.event
    item = Item(
        kind=log.kind,
        label=str(Kind(log.kind).label).capitalize(),
        commitment=commitment,
        title=Truncator(" ".join(commitment.text.split())).chars(240),
        detail=_detail(log, today),
        url=commitment_url(commitment, link),
    )
    if event.document_id and event.document is not None:
        item.document_title = str(event.document)
        item.document_url = absolute(link("document-detail", event.document_id) or "/")
    elif log.kind == Kind.DELIVERED and commitment.fulfilled_kamerstuk:
        item.document_title = _("Kamerstuk %(number)s") % {"number": commitment.fulfilled_kamerstuk}
    waiting = log.kind in (Kind.DUE_SOON, Kind.OVERDUE, Kind.STILL_OVERDUE)
    if waiting and (commitment.status not in OUTSTANDING or commitment.deleted_at):
        item.now_status = _("Inmiddels: %(status)s.") % {"status": commitment.get_status_display()}
    return item


def group_items(items: Iterable[Item]) -> list[Group]:
    """Committee → ministry → items (most urgent kind first, then by due date)."""
    no_committee, no_ministry = _("Zonder commissie"), _("Zonder ministerie")
    tree: dict[str, dict[str, list[Item]]] = {}
    for item in items:
        committee = item.commitment.committee.name if item.commitment.committee else no_committee
        ministry = item.commitment.ministry.name if item.commitment.ministry else no_ministry
        tree.setdefault(committee, {}).setdefault(ministry, []).append(item)

    def last(name: str, empty: str) -> tuple[bool, str]:
        return (name == empty, name)

    groups = []
    for committee in sorted(tree, key=lambda n: last(n, no_committee)):
        group = Group(name=committee)
        for ministry in sorted(tree[committee], key=lambda n: last(n, no_ministry)):
            entries = sorted(
                tree[committee][ministry],
                key=lambda i: (KIND_ORDER.index(i.kind), i.commitment.due_date or dt.date.max, i.commitment.pk),
            )
            group.ministries.append((ministry, entries))
        groups.append(group)
    return groups


def _subject(message: OutboxMessage, items: list[Item], today: dt.date) -> str:
    count = len(items)
    if message.frequency == Frequency.IMMEDIATE:
        if count == 1:
            return _("%(label)s: %(title)s") % {
                "label": items[0].label, "title": Truncator(items[0].title).chars(80),
            }
        return ngettext("%(n)d nieuwe melding", "%(n)d nieuwe meldingen", count) % {"n": count}
    if message.frequency == Frequency.DAILY:
        return ngettext(
            "Dagelijks overzicht %(date)s: %(n)d melding", "Dagelijks overzicht %(date)s: %(n)d meldingen", count
        ) % {"date": _day(today), "n": count}
    week = message.period.split("-W")[-1].lstrip("0") if "-W" in message.period else today.isocalendar()[1]
    return ngettext(
        "Weekoverzicht week %(week)s: %(n)d melding", "Weekoverzicht week %(week)s: %(n)d meldingen", count
    ) % {"week": week, "n": count}


def render_message(
    message: OutboxMessage,
    logs: list[AlertLog],
    *,
    today: dt.date,
    link: Callable[[str, int], str | None] | None = None,
    connection: object | None = None,
) -> EmailMultiAlternatives:
    """The e-mail for ``message`` (whose ``recipient`` and rows are loaded)."""
    link = link or record_links()
    recipient = message.recipient
    with translation.override("nl"):
        items = [_item(log, today, link) for log in logs]
        groups = group_items(items)
        unsubscribe_url = absolute(reverse(
            "alert-unsubscribe", args=[unsubscribe_token(user_id=recipient.pk, frequency=message.frequency)]
        ))
        context = {
            "recipient": recipient,
            "name": recipient.get_full_name() or recipient.get_username(),
            "frequency": message.frequency,
            "frequency_label": Frequency(message.frequency).label,
            "immediate": message.frequency == Frequency.IMMEDIATE,
            "groups": groups,
            "count": len(items),
            "today": today,
            "site_url": settings.SITE_URL,
            "settings_url": absolute(reverse("alert-settings")),
            "unsubscribe_url": unsubscribe_url,
        }
        subject = _("[Nakoming] %(subject)s") % {"subject": _subject(message, items, today)}
        name = "alert" if message.frequency == Frequency.IMMEDIATE else "digest"
        text = re.sub(r"\n{3,}", "\n\n", render_to_string(f"alerts/emails/{name}-body.txt", context)).strip() + "\n"
        html = render_to_string(f"alerts/emails/{name}-body.html", context)
    domain = site_domain()
    list_name = LIST_NAMES[Frequency(message.frequency)]
    email = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient.email],
        headers={
            "Message-ID": message_id(message),
            "List-Id": f"Nakoming {list_name} <{list_name}.meldingen.{domain}>",
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
            "X-Auto-Response-Suppress": "All",
        },
        connection=connection,
    )
    email.attach_alternative(html, "text/html")
    return email


def has_address(email: str) -> bool:
    return "@" in parseaddr(email or "")[1]
