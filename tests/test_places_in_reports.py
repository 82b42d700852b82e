"""Mentions and their resolution on our own sample reports: each hard case the analysts meet."""

from __future__ import annotations

from pathlib import Path

import pytest
import shapely

import geo

REPORTS = Path(__file__).parents[1] / "examples" / "reports"


def resolved(name: str):
    [result] = list(geo.run(REPORTS / name))
    return result.places


def by_text(places, text):
    return [r for r in places if r.mention.text == text]


@pytest.fixture(scope="module")
def ambush():
    return resolved("cable-2007-11-huancavelica-ambush.txt")


def test_offsets_point_into_the_original_text(ambush):
    text = (REPORTS / "cable-2007-11-huancavelica-ambush.txt").read_text(encoding="utf-8")
    for r in ambush:
        assert text[r.mention.start:r.mention.end] == r.mention.text


def test_routing_and_reference_lines_give_no_places(ambush):
    names = {r.mention.text for r in ambush}
    assert not names & {"BOGOTA", "SANTIAGO", "QUITO"}
    text = (REPORTS / "cable-2007-11-huancavelica-ambush.txt").read_text(encoding="utf-8")
    header_end = text.index("1. (SBU)")
    subject = text.index("SUBJECT:")
    early = [r.mention.text for r in ambush if r.mention.start < header_end]
    assert early == ["HUANCAVELICA"] and ambush[0].mention.start > subject  # only the SUBJECT line


def test_people_foreign_places_and_words_are_not_places(ambush):
    names = {r.mention.text for r in ambush}
    assert not names & {"Alva", "Castro", "Mexico", "MORE", "SINCE", "MAIN", "Luis"}


def test_cue_word_region_gives_the_department(ambush):
    huancavelica = by_text(ambush, "Huancavelica")[0]
    assert huancavelica.mention.cue == "region" and huancavelica.place.kind == "department"
    junin = by_text(ambush, "Junin")[0]
    assert junin.place.id == "department:12" and junin.role == "other"  # where the police returned


def test_lima_is_a_reference_point_and_narrows_the_ambush(ambush):
    lima = by_text(ambush, "Lima")[0]
    assert lima.role == "reference"
    huancavelica = by_text(ambush, "Huancavelica")[0]
    assert huancavelica.relative is not None
    assert huancavelica.relative.distance_km == 190 and huancavelica.relative.bearing == 90
    assert huancavelica.where_prec == 5 and huancavelica.footprint.area < huancavelica.place.geometry.area
    # the narrowed point lies in the northern half of the department, east of Lima
    assert huancavelica.lat > huancavelica.place.geometry.centroid.y and huancavelica.lon > lima.lon
    assert shapely.Point(huancavelica.lon, huancavelica.lat).within(huancavelica.place.geometry)


def test_ocobamba_beside_the_vrae_is_the_apurimac_one(ambush):
    [ocobamba] = by_text(ambush, "Ocobamba")
    assert ocobamba.place.id == "district:030605" and ocobamba.place.admin1 == "Apurímac"
    assert "VRAEM" in ocobamba.reason


def test_ocobamba_in_la_convencion_is_the_cusco_one():
    places = resolved("news-2012-04-la-convencion.txt")
    [ocobamba] = by_text(places, "Ocobamba")
    assert ocobamba.place.id == "district:080905" and ocobamba.place.admin1 == "Cusco"
    assert not by_text(places, "Guzman")  # a person, named with his given name


def test_zone_mentions(ambush):
    zones = [r for r in ambush if r.place and r.place.kind == "zone"]
    assert {r.mention.text for r in zones} == {"Apurimac and Ene River Valley", "VRAE"}
    assert all(r.where_prec == 5 and r.footprint is not None for r in zones)


def test_all_capital_text():
    places = resolved("cable-1985-05-all-caps.txt")
    names = [r.mention.text for r in places]
    assert "SAN ISIDRO" in names and "HUANCAYO" in names and "LIMA" in names
    assert not {"MORE", "SINCE", "MAIN", "LA PAZ", "SENDERO"} & set(names)
    [san_isidro] = by_text(places, "SAN ISIDRO")
    assert san_isidro.place.admin1 == "Lima"


def test_spanish_report_variants_and_unknown_places():
    places = resolved("noticia-vraem-es.txt")
    [pichiwilca] = by_text(places, "Pichiwilca")
    assert pichiwilca.mention.cue == "poblado de" and pichiwilca.place.admin1 == "Ayacucho"
    [anchiway] = by_text(places, "Anchiway")
    assert anchiway.place.name == "Anchihuay"  # Quechua spelling alternation
    [ene] = by_text(places, "río Ene")
    assert ene.place.kind == "river"
    [tarata] = by_text(places, "Tarata")
    assert tarata.mention.marked_as == "street"
    assert tarata.place.admin1 == "Lima" and tarata.place.admin3 == "Miraflores"  # not Tarata, Tacna
    assert tarata.where_prec in (2, 3) and "Miraflores" in tarata.reason
    assert not by_text(places, "la República")  # part of "Congreso de la República"


def test_decl_excerpt_places_inside_the_vrae():
    places = resolved("cable-2005-12-excerpt-decl-only.txt")
    assert [r.place.admin1 for r in by_text(places, "Pichari") + by_text(places, "Kimbiri")] == ["Cusco", "Cusco"]
    [palma] = by_text(places, "Palmapampa")
    assert palma.place.admin1 == "Ayacucho" and "VRAEM" in palma.reason


def test_precision_codes(ambush):
    prec = {r.mention.text: (r.where_prec, r.geo_precision) for r in ambush}
    assert prec["Peru"] == (6, 3)
    assert prec["Ocobamba"] == (3, 2)
    assert prec["Junin"] == (4, 3)


def test_misspelt_department_beside_a_cue_word(tmp_path):
    f = tmp_path / "ocr.txt"
    f.write_text("Reservists seized the police station in Andahuaylas, Apurmac Region, on Saturday.",
                 encoding="utf-8")
    [result] = list(geo.run(f))
    [apurimac] = by_text(result.places, "Apurmac")
    assert apurimac.place.id == "department:03" and "spelling close to" in apurimac.mention.reason


def test_extract_returns_a_geodataframe():
    df = geo.extract_places(REPORTS)
    assert df.crs.to_epsg() == 4326 and len(df) > 30
    assert {"doc_id", "text", "start", "end", "place_id", "admin1", "where_prec", "geo_precision",
            "role", "footprint"} <= set(df.columns)
    zones = df[df.kind == "zone"]
    assert zones.footprint.notna().all()
    located = df[df.lat.notna()]
    assert (located.geometry.x == located.lon).all()
