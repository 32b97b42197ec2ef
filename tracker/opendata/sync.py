"""Follow the Gegevensmagazijn: ``Toezegging`` → the register, ``Zaak`` (motions) →
the motions register, ``Document`` → the normal ingest.

Per entity it asks for everything changed since the last ``GewijzigdOp`` it
stored — deleted records included, so tombstones arrive — and follows
``@odata.nextLink``. A page is written in one transaction together with the new
position, so a crash or an error in the middle resumes at the page that failed;
re-emitted records change nothing. A page it cannot fetch or read is logged
with its URL, recorded as the entity's last error, and the run moves on to the
next entity.
"""

from __future__ import annotations

import datetime as dt
import logging
import mimetypes
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from motions.importing import ImportResult, TkImportError, import_records
from tracker.ingest.submit import DocumentOverrides, SubmissionError, document_submit
from tracker.models import Document, OpenDataSync
from tracker.opendata.client import ODataClient, ODataError
from tracker.opendata.records import local_day
from tracker.opendata.register import RegisterResult, import_register

logger = logging.getLogger(__name__)

ENTITIES = ("Toezegging", "Zaak", "Document")
ZAAK_EXPAND = "Kamerstukdossier,Document,ZaakActor,Besluit($expand=Stemming,Agendapunt($expand=Activiteit))"
DOCUMENT_EXPAND = "Kamerstukdossier,DocumentActor,Activiteit"
# Document.Soort → Nakoming's document kind (anything else: "anders").
DOCUMENT_KINDS = {
    "brief regering": Document.Kind.LETTER,
    "antwoord schriftelijke vragen": Document.Kind.WRITTEN_ANSWERS,
    "lijst van vragen en antwoorden": Document.Kind.QA_LIST,
    "nota naar aanleiding van het verslag": Document.Kind.WRITTEN_ANSWERS,
    "motie": Document.Kind.MOTION,
}
MINISTER_PREFIXES = ("minister van ", "minister voor ", "staatssecretaris van ", "staatssecretaris voor ")


@dataclass
class EntityOutcome:
    entity: str
    pages: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    error: str = ""

    def add(self, **counts: int) -> None:
        for name, n in counts.items():
            self.counts[name] = self.counts.get(name, 0) + n

    def summary(self) -> str:
        parts = [f"{self.pages} pagina('s)"]
        labels = {"created": "nieuw", "updated": "bijgewerkt", "unchanged": "ongewijzigd", "deleted": "verwijderd",
                  "stale": "ouder (overgeslagen)", "status_changes": "statuswijzigingen", "votes": "stemmen",
                  "skipped": "overgeslagen", "documents": "nieuwe documenten", "known": "al bekende documenten"}
        parts += [f"{n} {labels.get(name, name)}" for name, n in self.counts.items() if n]
        return ", ".join(parts)


def odata_time(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ").replace(".000000Z", "Z")


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def entity_url(entity: str, since: dt.datetime | None, *, base: str | None = None) -> str:
    """The first page's URL: changed since ``since`` (deleted ones too), oldest change first."""
    base = (base or settings.TK_ODATA_URL).rstrip("/")
    conditions = []
    if entity == "Zaak":
        conditions.append("(Soort eq 'Motie' or Soort eq 'Motie (gewijzigd/nader)')")
    elif entity == "Document":
        soorten = " or ".join(f"Soort eq {_quote(s)}" for s in settings.TK_DOCUMENT_SOORTEN)
        conditions.append(f"({soorten})")
    if since is not None:
        conditions.append(f"GewijzigdOp ge {odata_time(since)}")
    query: dict[str, str] = {"$orderby": "GewijzigdOp asc"}
    if conditions:
        query["$filter"] = " and ".join(conditions)
    expand = {"Zaak": ZAAK_EXPAND, "Document": DOCUMENT_EXPAND}.get(entity)
    if expand:
        query["$expand"] = expand
    return f"{base}/{entity}?" + urllib.parse.urlencode(query, quote_via=urllib.parse.quote, safe="$,()'=")


def _latest_change(records: Iterable[dict[str, Any]]) -> dt.datetime | None:
    latest = None
    for record in records:
        raw = record.get("GewijzigdOp")
        try:
            moment = dt.datetime.fromisoformat(str(raw)) if raw else None
        except ValueError:
            continue
        if moment is not None:
            moment = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
            latest = moment if latest is None or moment > latest else latest
    return latest


def _advance(state: OpenDataSync, records: list[dict[str, Any]]) -> None:
    latest = _latest_change(records)
    if latest is not None and (state.position is None or latest > state.position):
        state.position = latest
        OpenDataSync.objects.filter(pk=state.pk).update(position=latest)


# --- per entity ------------------------------------------------------------------------


def _toezegging_page(url: str, records: list[dict[str, Any]], state: OpenDataSync, outcome: EntityOutcome,
                     client: ODataClient) -> None:
    with transaction.atomic():
        result: RegisterResult = import_register(records, source=url)
        _advance(state, records)
    outcome.add(created=result.created, updated=result.updated, unchanged=result.unchanged, deleted=result.deleted,
                stale=result.stale, status_changes=result.status_changes)


def _zaak_page(url: str, records: list[dict[str, Any]], state: OpenDataSync, outcome: EntityOutcome,
               client: ODataClient) -> None:
    with transaction.atomic():
        result: ImportResult = import_records(records, source=url)
        _advance(state, records)
    outcome.add(created=result.created, updated=result.updated, unchanged=result.unchanged, deleted=result.deleted,
                stale=result.stale, votes=result.votes)


def _first(value: Any) -> dict[str, Any]:
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, dict) else {}


def _document_overrides(record: dict[str, Any]) -> tuple[DocumentOverrides, str]:
    """What the Document record knows, as the uploader's metadata; and its Kamerstuk."""
    try:
        date = local_day(dt.datetime.fromisoformat(str(record["Datum"]))) if record.get("Datum") else None
    except ValueError:
        date = None
    soort = str(record.get("Soort") or "")
    ministry = None
    actors = record.get("DocumentActor") if isinstance(record.get("DocumentActor"), list) else []
    for actor in actors:
        function = str(actor.get("Functie") or "") if isinstance(actor, dict) else ""
        for prefix in MINISTER_PREFIXES:
            if function.casefold().startswith(prefix):
                ministry = function[len(prefix):].strip()[:200] or None
                break
        if ministry:
            break
    activity = _first(record.get("Activiteit"))
    committee = str(activity.get("Voortouwnaam") or "").strip() or None
    if committee and committee.casefold().startswith("vaste commissie voor "):
        committee = committee[len("vaste commissie voor "):]
    dossier = _first(record.get("Kamerstukdossier"))
    kamerstuk = ""
    if dossier.get("Nummer"):
        parts = [str(dossier["Nummer"]), str(dossier.get("Toevoeging") or "").strip()]
        kamerstuk = " ".join(p for p in parts if p)
        if record.get("Volgnummer") not in (None, "", -1):
            kamerstuk += f", nr. {record['Volgnummer']}"
    title = str(record.get("Onderwerp") or record.get("Titel") or "").strip()
    return DocumentOverrides(
        reference_date=date, committee=committee[:200] if committee else None, ministry=ministry,
        kind=DOCUMENT_KINDS.get(soort.casefold(), Document.Kind.OTHER), title=title[:500] or None,
    ), kamerstuk[:100]


def _document_page(url: str, records: list[dict[str, Any]], state: OpenDataSync, outcome: EntityOutcome,
                   client: ODataClient) -> None:
    followed = {s.casefold() for s in settings.TK_DOCUMENT_SOORTEN}
    base = settings.TK_ODATA_URL.rstrip("/")
    for record in records:
        tk_id = str(record.get("Id") or "")
        if not tk_id or record.get("Verwijderd") is True or str(record.get("Soort") or "").casefold() not in followed:
            outcome.add(skipped=1)
            continue
        resource = f"{base}/Document({tk_id})/resource"
        try:
            stream, content_type = client.download(resource, limit=settings.MAX_UPLOAD_SIZE)
        except ODataError as exc:
            if exc.status not in (404, 410):  # no file for this record: skip it, do not block the feed
                raise
            logger.warning("%s: geen bestand (%s)", resource, exc.message)
            outcome.add(skipped=1)
            continue
        overrides, kamerstuk = _document_overrides(record)
        extension = mimetypes.guess_extension(content_type.split(";")[0].strip()) or ""
        name = f"{record.get('DocumentNummer') or tk_id}{extension}"
        try:
            with stream:
                submission = document_submit(stream=stream, name=name, origin=Document.Origin.OPEN_DATA,
                                             overrides=overrides)
        except SubmissionError as exc:
            logger.warning("%s: niet ingelezen: %s", resource, exc)
            outcome.add(skipped=1)
            continue
        if submission.created:
            if kamerstuk:
                Document.objects.filter(pk=submission.document.pk, kamerstuk="").update(kamerstuk=kamerstuk)
            outcome.add(documents=1)
        else:
            outcome.add(known=1)
    with transaction.atomic():
        _advance(state, records)


PAGE_HANDLERS = {"Toezegging": _toezegging_page, "Zaak": _zaak_page, "Document": _document_page}


def sync_entity(entity: str, *, since: dt.datetime | None = None, client: ODataClient | None = None) -> EntityOutcome:
    """Read one entity from its stored position (or ``since``) to the last page."""
    client = client or default_client()
    state, _created = OpenDataSync.objects.get_or_create(entity=entity)
    start = since or state.position
    outcome = EntityOutcome(entity)
    now = timezone.now()
    current = entity_url(entity, start)
    try:
        for url, page in client.pages(current):
            current = url
            records = page["value"]
            if not all(isinstance(r, dict) for r in records):
                raise TkImportError(f"{url}: een record is geen object")
            PAGE_HANDLERS[entity](url, records, state, outcome, client)
            outcome.pages += 1
    except (ODataError, TkImportError) as exc:
        outcome.error = str(exc)  # starts with the page's URL
        logger.error("sync_tk %s: pagina niet gelezen: %s", entity, outcome.error)
    except Exception as exc:  # the next entity still runs; the position stays at the last committed page
        outcome.error = f"{current}: onverwachte fout ({type(exc).__name__}: {exc})"
        logger.exception("sync_tk %s: pagina niet verwerkt: %s", entity, current)
    values: dict[str, Any] = {"last_run_at": now, "last_result": outcome.summary()[:300]}
    if outcome.error:
        values.update(last_error=outcome.error, last_error_at=now)
    else:
        values["last_success_at"] = now
    OpenDataSync.objects.filter(pk=state.pk).update(**values)
    return outcome


def default_client() -> ODataClient:
    return ODataClient(per_second=settings.TK_REQUESTS_PER_SECOND, timeout=settings.TK_HTTP_TIMEOUT)


def sync_all(entities: Iterable[str] = ENTITIES, *, since: dt.datetime | None = None,
             client: ODataClient | None = None) -> list[EntityOutcome]:
    client = client or default_client()
    return [sync_entity(entity, since=since, client=client) for entity in entities]
