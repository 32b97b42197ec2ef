"""import_tk_motions: motions and votes from JSON in the shape of the Kamer's open data."""

from __future__ import annotations

import copy
import datetime as dt
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motions.importing import TkImportError, import_file
from motions.models import Motion, MotionCitation, MotionVote
from motions.selectors import decision_votes, vote_summary
from tests.factories import CommitteeFactory, MotionCitationFactory, MotionFactory
from tracker.models import Committee

FIXTURES = Path(__file__).parent / "fixtures"
FIRST = FIXTURES / "tk_motions.json"
UPDATE = FIXTURES / "tk_motions_update.json"
PIRI = "kst-36800-V-30"
PATERNOTTE = "kst-21501-02-3236"
VAN_BAARLE = "kst-36600-V-41"


def run(*files: Path) -> str:
    out = StringIO()
    call_command("import_tk_motions", *[str(f) for f in files], stdout=out, stderr=StringIO())
    return out.getvalue()


def write(tmp_path: Path, name: str, data: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def records() -> list[dict]:
    return json.loads(FIRST.read_text(encoding="utf-8"))["value"]


@pytest.mark.django_db
def test_motions_votes_and_signers_arrive_as_in_the_open_data():
    CommitteeFactory(name="Buitenlandse Zaken")
    output = run(FIRST)
    assert "3 nieuw" in output and "1 zaken die geen motie zijn" in output

    assert set(Motion.objects.values_list("key", flat=True)) == {PIRI, PATERNOTTE, VAN_BAARLE}
    piri = Motion.objects.get(key=PIRI)
    assert (piri.dossier, piri.number, piri.zaak_number) == ("36800-V", "30", "2025Z20001")
    assert piri.title == "Motie van het lid Piri c.s. over paspoorten op afstand verlengen"
    assert piri.dossier_title.startswith("Vaststelling van de begrotingsstaten")
    assert (piri.date, piri.session_year, piri.tk_settled) == (dt.date(2025, 12, 11), "2025-2026", True)
    assert piri.judgement == Motion.Judgement.LEFT_TO_HOUSE
    assert (piri.vote_result, piri.vote_date, piri.voting_method) == (
        "aangenomen", dt.date(2025, 12, 16), "Met handopsteken")
    assert piri.committee.name == "Buitenlandse Zaken", "matched without 'vaste commissie voor'"
    assert piri.members == ["Piri"] and piri.co_signers == ["Van der Werf", "Klos"]
    assert list(piri.signers.values_list("role", "name", "party")) == [
        ("indiener", "Piri", "GroenLinks-PvdA"), ("medeindiener", "Van der Werf", "D66"),
        ("medeindiener", "Klos", "GroenLinks-PvdA")]

    votes = decision_votes(piri)
    assert len(votes) == 7
    vvd = next(v for v in votes if v.party == "VVD")
    assert (vvd.choice, vvd.party_size, vvd.mistake, vvd.member) == ("voor", 24, True, "")
    summary = vote_summary(votes)
    assert (summary.seats_for, summary.seats_against, summary.parties_absent) == (83, 37, ["BBB"])

    paternotte = Motion.objects.get(key=PATERNOTTE)
    assert (paternotte.judgement, paternotte.vote_result) == ("ontraden", "verworpen")
    assert paternotte.committee.name == "Europese Zaken"
    van_baarle = Motion.objects.get(key=VAN_BAARLE)
    assert van_baarle.amended is True, "Motie (gewijzigd/nader) gets its own key and is marked changed"
    assert (van_baarle.vote_result, van_baarle.judgement) == ("aangehouden", "verzocht_aan_te_houden")


@pytest.mark.django_db
def test_reimporting_updates_in_place_and_never_duplicates():
    run(FIRST)
    stamps = dict(Motion.objects.values_list("key", "updated_at"))
    output = run(FIRST)
    assert "0 nieuw, 0 bijgewerkt, 3 ongewijzigd" in output
    assert Motion.objects.count() == 3 and MotionVote.objects.count() == 9
    assert dict(Motion.objects.values_list("key", "updated_at")) == stamps, "nothing changed, nothing to sync"


@pytest.mark.django_db
def test_corrections_and_tombstones_apply_and_older_copies_do_not_undo_them():
    run(FIRST)
    run(UPDATE)
    piri = Motion.objects.get(key=PIRI)
    assert piri.judgement == Motion.Judgement.ADOPTED_BY_CABINET
    assert piri.title.startswith("Motie van het lid Piri"), "fields absent from a record are kept"
    vvd = MotionVote.objects.get(motion=piri, party="VVD")
    assert vvd.mistake is False
    assert MotionVote.objects.get(motion=piri, party="BBB").deleted_at is not None
    paternotte = Motion.objects.get(key=PATERNOTTE)
    assert paternotte.deleted_at is not None
    assert not MotionVote.objects.filter(motion=paternotte, deleted_at__isnull=True).exists()

    output = run(FIRST)  # the older export again
    assert "2 ouder dan wat er al staat" in output
    assert Motion.objects.get(key=PATERNOTTE).deleted_at is not None
    assert Motion.objects.get(key=PIRI).judgement == Motion.Judgement.ADOPTED_BY_CABINET
    assert MotionVote.objects.get(motion=piri, party="VVD").mistake is False


@pytest.mark.django_db
def test_a_motion_known_from_a_citation_is_adopted_not_duplicated():
    cited = MotionFactory(dossier="36800-V", number="30", key=PIRI, title="", members=[])
    citation = MotionCitationFactory(motion=cited)
    run(FIRST)
    cited.refresh_from_db()
    assert cited.tk_id == "0a1b2c3d-0000-4000-8000-000000000001"
    assert cited.title.startswith("Motie van het lid Piri")
    assert Motion.objects.count() == 3
    assert MotionCitation.objects.get(pk=citation.pk).motion_id == cited.pk


@pytest.mark.django_db
def test_a_corrected_number_moves_the_key_of_the_same_zaak(tmp_path):
    run(FIRST)
    data = records()[:1]
    data[0]["Document"][0]["Volgnummer"] = 31
    data[0]["GewijzigdOp"] = "2026-02-01T10:00:00+01:00"
    run(write(tmp_path, "moved.json", data))
    assert not Motion.objects.filter(key=PIRI).exists()
    assert Motion.objects.get(key="kst-36800-V-31").zaak_number == "2025Z20001"


@pytest.mark.django_db
def test_malformed_json_names_the_file_and_saves_nothing(tmp_path):
    bad = tmp_path / "kapot.json"
    bad.write_text('{"value": [ {"Id": "x", ', encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError, match="1 bestand"):
        call_command("import_tk_motions", str(FIRST), str(bad), stdout=StringIO(), stderr=err)
    assert f"{bad}: geen geldige JSON (regel 1" in err.getvalue()
    assert f"Niets uit {bad} is opgeslagen" in err.getvalue()
    assert Motion.objects.count() == 3, "the good file is still imported"


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (lambda r: r.pop("Kamerstukdossier"), "record 2 (Id 0a1b2c3d-0000-4000-8000-000000000002, Nummer 2025Z20002): "
                                              "Kamerstukdossier ontbreekt"),
        (lambda r: r.pop("Document"), "record 2 (Id 0a1b2c3d-0000-4000-8000-000000000002, Nummer 2025Z20002): "
                                      "Document met Volgnummer ontbreekt"),
        (lambda r: r.pop("Soort"), "veld Soort ontbreekt"),
        (lambda r: r.update(Kabinetsappreciatie="Misschien"), "onbekende Kabinetsappreciatie 'Misschien'"),
        (lambda r: r.update(Afgedaan="ja"), "veld Afgedaan moet true of false zijn"),
        (lambda r: r.update(GewijzigdOp="gisteren"), "veld GewijzigdOp is geen datum en tijd"),
        (lambda r: r["Besluit"][0]["Stemming"][0].update(Soort="Blanco"),
         "Besluit b0000000-0000-4000-8000-000000000002, Stemming 50000000-0000-4000-8000-000000000011: "
         "onbekende Soort 'Blanco'"),
        (lambda r: r["Besluit"][0]["Stemming"][1].update(FractieGrootte="veel"), "veld FractieGrootte moet een getal"),
    ],
)
@pytest.mark.django_db
def test_a_record_that_cannot_be_read_stops_its_file_with_a_clear_error(tmp_path, breakage, message):
    data = records()
    breakage(data[1])
    path = write(tmp_path, "export.json", {"value": data})
    with pytest.raises(TkImportError) as excinfo:
        import_file(path)
    assert str(excinfo.value).startswith(f"{path}: record 2")
    assert message in str(excinfo.value)
    assert not Motion.objects.exists(), "record 1 was fine, but the file is all or nothing"
    assert not Committee.objects.exists()


@pytest.mark.django_db
def test_files_of_other_shapes_are_refused(tmp_path):
    with pytest.raises(TkImportError, match="verwacht een lijst van Zaak-records"):
        import_file(write(tmp_path, "a.json", {"d": []}))
    with pytest.raises(TkImportError, match="record 1: verwacht een object"):
        import_file(write(tmp_path, "b.json", ["Motie"]))
    with pytest.raises(TkImportError, match="bestand niet gevonden"):
        import_file(tmp_path / "weg.json")


@pytest.mark.django_db
def test_two_zaken_claiming_one_key_are_refused(tmp_path):
    data = records()[:1]
    twin = copy.deepcopy(data[0])
    twin["Id"] = "0a1b2c3d-0000-4000-8000-0000000000ff"
    with pytest.raises(TkImportError, match="sleutel kst-36800-V-30 komt ook voor bij zaak"):
        import_file(write(tmp_path, "twins.json", [data[0], twin]))
    import_file(write(tmp_path, "one.json", data))
    with pytest.raises(TkImportError, match="sleutel kst-36800-V-30 hoort al bij zaak 0a1b2c3d-0000-4000-8000-000000000001"):
        import_file(write(tmp_path, "other.json", [twin]))


def generated(n: int, offset: int) -> list[dict]:
    """``n`` adopted motions with five votes each, in the fixture's shape."""
    template = records()[0]
    out = []
    for i in range(offset, offset + n):
        record = copy.deepcopy(template)
        record["Id"] = f"gen-zaak-{i}"
        record["Nummer"] = f"2026Z{i:05d}"
        record["Document"][0]["Volgnummer"] = 100 + i
        record["ZaakActor"][0]["ActorNaam"] = f"Lid{i}"
        record["Besluit"][0]["Id"] = f"gen-besluit-{i}"
        record["Besluit"][0]["Stemming"] = record["Besluit"][0]["Stemming"][:5]
        for j, vote in enumerate(record["Besluit"][0]["Stemming"]):
            vote["Id"] = f"gen-stemming-{i}-{j}"
        out.append(record)
    return out


@pytest.mark.django_db
def test_the_number_of_queries_does_not_grow_with_the_number_of_motions(tmp_path, django_assert_num_queries):
    CommitteeFactory(name="Buitenlandse Zaken")
    small = write(tmp_path, "small.json", generated(3, 0))
    with CaptureQueriesContext(connection) as captured:
        import_file(small)
    large = write(tmp_path, "large.json", generated(12, 100))
    with django_assert_num_queries(len(captured.captured_queries)):
        result = import_file(large)
    assert (result.created, result.votes) == (12, 60)

    # Updating them all costs no more than creating them.
    changed = generated(12, 100)
    for record in changed:
        record["Kabinetsappreciatie"] = "Overgenomen"
        record["GewijzigdOp"] = "2026-03-01T10:00:00+01:00"
        record["Besluit"][0]["Stemming"][0]["Vergissing"] = True
    with CaptureQueriesContext(connection) as update_queries:
        result = import_file(write(tmp_path, "changed.json", changed))
    assert (result.updated, result.votes) == (12, 12)
    assert len(update_queries.captured_queries) <= len(captured.captured_queries)
    assert MotionVote.objects.count() == 75
