"""The resolver's parts on sentences we wrote: the kind registry, evidence, named features and weights."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geo import place_weights
from geo.cable import annotate_structure
from geo.document import Document
from geo.evidence import enumerations, passages, qualifier
from geo.kinds import KINDS, STRONG_KINDS, kind
from geo.mentions import MentionFinder
from geo.pipeline import process
from geo.scoring import Features, total


def mentions(text: str, lang: str = "en"):
    doc = annotate_structure(Document(id="t", text=text), language=lang)
    return doc, MentionFinder.for_gazetteer(Gazetteer.load()).find(doc)


def test_every_gazetteer_kind_is_in_the_registry():
    gaz = Gazetteer.load()
    found = {p.kind for p in gaz.of_kind(*KINDS)}
    assert found <= set(KINDS) and {"department", "district", "populated_place", "zone"} <= found


@pytest.mark.parametrize(("name", "where_prec", "geo_precision"), [
    ("populated_place", 1, 1), ("district", 3, 2), ("department", 4, 3), ("zone", 5, 3), ("country", 6, 3)])
def test_precision_codes_come_from_the_kind(name, where_prec, geo_precision):
    assert (kind(name).where_prec, kind(name).geo_precision) == (where_prec, geo_precision)


def test_towns_are_weak_and_finer_than_districts():
    assert "populated_place" not in STRONG_KINDS and "district" in STRONG_KINDS
    assert kind("populated_place").specificity < kind("district").specificity < kind("department").specificity
    assert kind("no such kind").where_prec == 3


@pytest.mark.parametrize(("text", "lang", "lists"), [
    ("Strikes in Cusco, Tacna and Puno; calm in Lima.", "en", [["Cusco", "Tacna", "Puno"]]),
    ("Paros en Cusco, Tacna y Puno.", "es", [["Cusco", "Tacna", "Puno"]]),
    ("From Cusco to Tacna, and then Lima.", "en", []),
    ("Lima y Callao.", "es", []),
])
def test_enumerations_of_three_names_or_more(text, lang, lists):
    doc, found = mentions(text, lang)
    assert [[found[i].text for i in g] for g in enumerations(doc.text, found)] == lists


def test_paragraphs_split_passages():
    doc, found = mentions("Rebels struck Huanta.\n\nTroops reached Tambo.")
    assert passages(doc.text, found) == [0, 1]


@pytest.mark.parametrize(("text", "lang", "unit"), [
    ("They attacked Tambo, Ayacucho.", "en", "department"),
    ("Atacaron Tambo (provincia de La Mar).", "es", "province"),
    ("They attacked Tambo, in Arequipa.", "en", "department"),
])
def test_a_unit_in_apposition_qualifies_the_name(text, lang, unit):
    from geo.candidates import admissible
    doc, found = mentions(text, lang)
    q = qualifier(doc.text, 0, found, [admissible(m) for m in found])
    assert q is not None and q.kind == unit


@pytest.mark.parametrize(("text", "lang"), [
    ("They went from Tambo to Ayacucho.", "en"),
    ("Hubo paros en Tambo, Ayacucho, Cusco y Puno.", "es"),
])
def test_no_qualifier_across_a_preposition_or_in_a_list(text, lang):
    from geo.candidates import admissible
    doc, found = mentions(text, lang)
    assert qualifier(doc.text, 0, found, [admissible(m) for m in found]) is None


def test_each_feature_adds_its_weight_and_says_so():
    gaz = Gazetteer.load()
    town = next(p for p in gaz.of_kind("populated_place") if p.admin1 == "Ayacucho")
    plain, _, _ = total(Features(town, "official", 1.0))
    cued = Features(town, "official", 1.0, department_hits=2, same_passage=True, qualified_by="Ayacucho",
                    cue="comunidad de", distance_km=10.0)
    score, why, placed_here = total(cued)
    w = place_weights.TABLE
    assert score == pytest.approx(plain + w.department_named + 2 * w.department_mentions + w.same_passage
                                  + w.qualified + w.cue_compatible + w.near_place)
    assert placed_here and len(why) == 5 and "qualified by Ayacucho" in why
    with place_weights.using(qualified=0.0):
        assert total(cued)[0] == pytest.approx(score - w.qualified)


@pytest.mark.parametrize(("text", "lang"), [
    ("Rebels attacked Tambo, in the province of La Mar, Ayacucho.", "en"),
    ("Los senderistas atacaron Tambo, en la provincia de La Mar, Ayacucho.", "es"),
])
def test_a_choice_names_its_deciding_features_and_the_runner_up(text, lang):
    doc = annotate_structure(Document(id="t", text=text), language=lang)
    tambo = next(r for r in process(doc).places if r.mention.text == "Tambo")
    assert tambo.place.admin1 == "Ayacucho"
    assert "named in the document" in tambo.reason and "(over the " in tambo.reason


def test_the_fitting_grid_names_the_tables_weights_and_the_table_values_are_tried():
    import importlib.util
    from dataclasses import asdict
    from pathlib import Path

    path = Path(__file__).parents[1] / "benchmarks" / "fit_place_weights.py"
    spec = importlib.util.spec_from_file_location("fit_place_weights", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    table = asdict(place_weights.TABLE)
    assert set(module.GRID) == set(table)
    assert all(table[name] in values for name, values in module.GRID.items())
