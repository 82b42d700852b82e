"""The gazetteer holds what the sources give: counts, hierarchy, valid and nested geometry."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely

ADMIN = ("country", "department", "region", "province", "district")


@pytest.fixture(scope="module")
def admin(gaz) -> gpd.GeoDataFrame:
    return gaz.shapes(ADMIN)


def test_counts_by_kind(gaz):
    counts = gaz.manifest["counts"]
    assert counts["country"] == 1
    assert counts["department"] == 25
    assert counts["region"] == 2
    assert counts["province"] == 196
    assert counts["district"] == 1891
    assert gaz.manifest["sources_detail"]["inei_populated_centres"] == 94922
    ccpp = sum(1 for p in gaz if p.id.startswith("ccpp:"))
    geonames = sum(1 for p in gaz if p.geonameid is not None)
    assert ccpp == 94922
    assert geonames == gaz.manifest["sources_detail"]["geonames_places"]
    assert sum(counts.values()) == len(gaz)


def test_ids_unique_and_parents_exist(gaz):
    ids = [p.id for p in gaz]
    assert len(ids) == len(set(ids))
    known = set(ids)
    assert all(p.parent_id in known for p in gaz if p.parent_id)


def test_every_populated_place_is_linked_to_a_district(gaz):
    unlinked = [p.id for p in gaz if p.kind == "populated_place" and not p.parent_id.startswith("district:")]
    assert unlinked == []


def test_polygons_valid(admin, gaz):
    assert admin.geometry.is_valid.all()
    zones = gaz.shapes(("zone", "zone_variant", "lake", "natural_region"))
    assert zones.geometry.is_valid.all() and not zones.geometry.is_empty.any()


def test_representative_points_inside_polygons(admin):
    inside = shapely.contains_xy(admin.geometry.values, admin.rep_lon.values, admin.rep_lat.values)
    assert inside.all(), admin.id[~inside].tolist()


@pytest.mark.parametrize("child_kind,parent_kind", [("district", "province"), ("province", "department")])
def test_children_inside_parents(admin, child_kind, parent_kind):
    children = admin[admin.kind == child_kind]
    parents = admin[admin.kind == parent_kind].set_index("id").geometry
    # The layers were simplified separately: allow 0.01 degree (about 1 km) of slack.
    slack = {pid: g.buffer(0.01) for pid, g in parents.items()}
    outside = [c.id for c in children.itertuples()
               if c.geometry.difference(slack[c.parent_id]).area > 0.02 * c.geometry.area]
    assert outside == []


def test_admin_chain_and_ubigeo(gaz):
    d = gaz.get("district:030605")
    assert (d.name, d.admin3, d.admin2, d.admin1, d.ubigeo) == (
        "Ocobamba", "Ocobamba", "Chincheros", "Apurímac", "030605")
    assert [p.id for p in gaz.parents(d)] == ["province:0306", "department:03", "country:PE"]
    assert d.population and d.area_km2 and d.lat and d.lon


def test_children(gaz):
    assert len(gaz.children("country:PE")) == 25
    assert len(gaz.children("department:09")) == 7  # Huancavelica's provinces
    assert {p.kind for p in gaz.children("district:080910")} == {"populated_place"}
    assert len(gaz.children("zone:vraem")) == 79


def test_zone_records_provenance_and_variants(gaz):
    vraem = gaz.zone("zone:vraem")
    assert vraem["official_decree_text"] is False
    assert len(vraem["members"]) == 79 and len(vraem["variants"]) == 2
    for vid in vraem["variants"]:
        variant = gaz.zone(vid)
        assert variant["variant_of"] == "zone:vraem" and variant["dated"]
        assert gaz.get(vid).kind == "zone_variant"
    assert "not the text of a decree" in gaz.get("zone:vraem").note
    assert len(gaz.zone("zone:alto-huallaga")["members"]) == 25


def test_zone_polygon_is_its_districts(gaz):
    vraem = gaz.get("zone:vraem").geometry
    members = shapely.union_all([gaz.geometry(f"district:{u}") for u in gaz.zone("zone:vraem")["members"]])
    assert abs(vraem.area - members.area) / members.area < 0.001


def test_natural_features(gaz):
    rivers = {p.name for p in gaz if p.kind == "river"}
    assert {"Río Apurímac", "Río Ene", "Río Huallaga", "Río Ucayali", "Río Marañón", "Río Mantaro"} <= rivers
    assert gaz.get("river:ene").geometry.geom_type in ("LineString", "MultiLineString")
    assert gaz.lookup("Lake Titicaca")[0].kind == "lake"
    assert gaz.lookup("Andes")[0].kind == "natural_region"


def test_package_data_size():
    from gazetteer.lookup import _data_dir

    total = sum(p.stat().st_size for p in _data_dir().iterdir())
    assert total < 15 * 2**20


def test_capitals_lie_in_their_unit(admin):
    """The capital coordinates of departments lie inside (or within 2 km of) the department."""
    deps = admin[admin.kind == "department"]
    near = [g.buffer(0.02).contains(shapely.Point(lon, lat))
            for g, lat, lon in zip(deps.geometry, deps.lat, deps.lon)]
    assert np.all(near)
