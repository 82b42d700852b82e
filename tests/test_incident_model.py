"""What is an incident, and its date, place, counts and actors: sentences we wrote, in English and Spanish."""

from __future__ import annotations

from datetime import date

import pytest

from geo.document import Document
from geo.pipeline import process


def incidents(text: str, when: date | None = date(2009, 6, 10), lang: str | None = None):
    doc = Document(id="t", text=text, date=when)
    if lang:
        doc.language = lang
    return process(doc).incidents


def test_a_sentence_listing_killings_in_several_places_gives_one_incident_per_place():
    found = incidents("On 3 May 1989 the rebels killed five peasants in Huanta, three in Tambo and seven in Pichari.")
    assert sorted((i.place.place.name, i.killed) for i in found) == [("Huanta", 5), ("Pichari", 7), ("Tambo", 3)]


def test_una_frase_con_varias_matanzas_da_un_incidente_por_lugar():
    found = incidents("El 3 de mayo de 1989 los senderistas asesinaron a cinco campesinos en Huanta "
                      "y a siete en Pichari.", lang="es")
    assert sorted((i.place.place.name, i.killed) for i in found) == [("Huanta", 5), ("Pichari", 7)]


def test_one_place_with_one_count_is_one_incident():
    [one] = incidents("On 3 May 1989 rebels attacked Huanta, killing five peasants and wounding three.")
    assert (one.killed, one.injured) == (5, 3)


def test_a_year_only_date_keeps_its_precision_and_gives_no_made_up_day():
    [one] = incidents("The 1983 massacre in Huanta killed 40 peasants.", when=None)
    assert one.event_date is None and one.time_precision == 3
    assert (one.date_start, one.date_end) == (date(1983, 1, 1), date(1983, 12, 31))
    assert one.record()["date"] is None


def test_a_month_only_date_keeps_its_precision():
    [one] = incidents("En marzo de 1982 un grupo armado atacó la cárcel de Huamanga.", when=None, lang="es")
    assert one.event_date is None and one.time_precision == 3
    assert (one.date_start, one.date_end) == (date(1982, 3, 1), date(1982, 3, 31))


def test_a_past_event_told_in_passing_never_takes_the_report_date():
    found = incidents("Police arrested two suspects in Huanta on Monday. Years earlier a car bomb had exploded "
                      "in Tambo.", when=date(2009, 6, 10))
    old = next(i for i in found if i.kind == "bombing")
    assert old.event_date is None and old.date_start is None


def test_a_trial_is_not_an_incident_but_the_massacre_it_judges_is_of_its_own_year():
    found = incidents("In 2005 a court in Lima sentenced the officers for the 1983 massacre in Huanta.", when=None)
    assert [(i.kind, i.time_precision, i.date_start) for i in found] == [("attack", 3, date(1983, 1, 1))]
    assert found[0].place.place.name == "Huanta"


def test_un_juicio_sin_fecha_del_hecho_no_es_un_incidente():
    assert not incidents("El juicio por la matanza de Huanta se inició el 5 de mayo de 2005.", when=None, lang="es")


def test_counts_in_the_next_sentence_of_the_paragraph_belong_to_the_incident():
    [one] = incidents("On June 8 rebels ambushed an army patrol near Pichari. Four soldiers died and two were "
                      "wounded.\n\nThe minister visited Lima.")
    assert (one.event_date, one.killed, one.injured) == (date(2009, 6, 8), 4, 2)


def test_counts_in_another_paragraph_do_not():
    [one] = incidents("On June 8 rebels ambushed an army patrol near Pichari.\n\nFour soldiers died in a crash "
                      "in Lima the next month.")
    assert one.killed is None


def test_a_title_and_its_body_are_one_incident():
    found = incidents("Rebels ambush army patrol in Pichari\n\nOn June 8 Shining Path rebels ambushed an army "
                      "patrol near Pichari, killing three soldiers.")
    assert len(found) == 1 and found[0].killed == 3 and found[0].event_date == date(2009, 6, 8)


def test_statements_plans_and_totals_are_not_incidents():
    assert not incidents("The minister said the rebels could attack Huanta again.")
    assert not incidents("In 2008 there were 64 terrorist attacks in Ayacucho, the police said.", when=None)
    assert not incidents("El ministro dijo que los senderistas podrían atacar Huanta.", lang="es")


def test_the_explanation_gives_the_spans_used():
    text = "On June 8 rebels ambushed an army patrol near Pichari, killing three soldiers."
    [one] = incidents(text)
    roles = {r: text[s:e] for r, _, s, e in one.explanation}
    assert roles["trigger"] == "ambushed" and roles["date"].endswith("June 8") and roles["place"] == "Pichari"
    assert "three" in roles["count"]


def test_police_who_were_ambushed_are_the_target():
    [one] = incidents("On June 8 a police patrol was ambushed by Shining Path rebels near Pichari.")
    assert (one.actor1, one.actor2) == ("Sendero Luminoso", "Police Forces of Peru")
    assert one.event_type == "Battles"


@pytest.mark.parametrize("text, lang, days", [
    ("On June 8 rebels attacked the police post in Pichari. The next day soldiers clashed with the rebels "
     "in Llochegua.", None, 1),
    ("El 8 de junio los senderistas atacaron el puesto policial de Pichari. Al día siguiente, soldados se "
     "enfrentaron con los senderistas en Llochegua.", "es", 1),
])
def test_relative_dates_count_from_the_event_they_follow(text, lang, days):
    found = incidents(text, lang=lang)
    later = next(i for i in found if i.place.place.name == "Llochegua")
    assert later.event_date == date(2009, 6, 8 + days) and later.time_precision == 1


def test_a_new_date_after_a_conjunction_starts_another_incident():
    found = incidents("El 6 de noviembre de 1987 los rebeldes atacaron Juanjuí, y al día siguiente ocuparon "
                      "Bellavista.", when=None, lang="es")
    assert sorted((i.place.place.name, i.event_date) for i in found) == [
        ("Bellavista", date(1987, 11, 7)), ("Juanjuí", date(1987, 11, 6))]


def test_a_date_and_its_apposition_are_one():
    [one] = incidents("Ten people died on Saturday, June 6, when rebels ambushed a convoy near Pichari.")
    assert one.killed == 10 and one.event_date == date(2009, 6, 6)


def test_an_elided_clause_with_its_own_date_and_place_is_another_incident_of_that_kind():
    found = incidents("The first raid took place on 13 July 1987 in Juanjuí; the second, just as brief, on "
                      "30 August in Bellavista.", when=None)
    assert sorted((i.place.place.name, i.kind, i.event_date) for i in found) == [
        ("Bellavista", "attack", date(1987, 8, 30)), ("Juanjuí", "attack", date(1987, 7, 13))]


@pytest.mark.parametrize("text, lang, place, actors", [
    ("The first raid took place on 13 July 1987 in Juanjuí; the second, on 30 August in Bellavista, "
     "by Shining Path against a police post.", None, "Bellavista", ("Sendero Luminoso", "Police Forces of Peru")),
    ("El primer ataque fue el 13 de julio de 1987 en Juanjuí; el segundo, el 30 de agosto en Bellavista, "
     "por Sendero Luminoso contra un puesto policial.", "es", "Bellavista", ("Sendero Luminoso", "Police Forces of Peru")),
])
def test_an_elided_clause_names_its_own_actors(text, lang, place, actors):
    found = {i.place.place.name: i for i in incidents(text, when=None, lang=lang)}
    assert {found[place].actor1, found[place].actor2} == set(actors)
    assert (found["Juanjuí"].actor1, found["Juanjuí"].actor2) == (None, None)  # the first clause names none


@pytest.mark.parametrize("text, lang", [
    ("Between January and July 1989 the rebels killed 23 policemen in Puno.", None),
    ("Entre enero y julio de 1989 los senderistas asesinaron a 23 policías en Puno.", "es"),
    ("Desde 1983 hasta 1985 hubo enfrentamientos en Huanta.", "es"),
])
def test_a_sentence_dated_only_by_a_period_is_a_tally_not_an_incident(text, lang):
    assert not incidents(text, when=None, lang=lang)


def test_a_narrative_goes_on_in_the_time_its_paragraph_gave():
    found = incidents("El 2 de febrero de 1992 una columna senderista llegó a Tambillo. En la noche, los "
                      "senderistas asesinaron a seis autoridades en Huallamayo.", when=None, lang="es")
    later = next(i for i in found if i.place.place.name == "Huallamayo")
    assert later.event_date == date(1992, 2, 2)


def test_a_date_in_another_paragraph_does_not_carry_over():
    found = incidents("On 2 February 1992 a rebel column reached Huanta.\n\nLater the rebels attacked Tambo.",
                      when=None)
    assert next(i for i in found if i.place.place.name == "Tambo").date_start is None


def test_the_place_where_it_happened_not_the_victims_office():
    [one] = incidents("El 5 de mayo de 1989 los senderistas llevaron a los pobladores hasta Tambillo, donde "
                      "asesinaron al alcalde de Huanta.", when=None, lang="es")
    assert one.place.place.name == "Tambillo"


def test_a_verb_asserts_the_event_even_beside_a_commemoration():
    [one] = incidents("On 8 October 1987, in homage to the anniversary of a death, the rebels attacked Juanjuí.",
                      when=None)
    assert one.event_date == date(1987, 10, 8)


def test_attacks_in_general_are_not_an_incident():
    assert not incidents("Los ataques de los senderistas en Huanta aterrorizaban a la población.", when=None, lang="es")


ARTICLE = """= Huanta raid =

Infobox
- Location: Huanta, Ayacucho
- Date: 3 May 1989
- Deaths: 14
- Injured: 6

The Huanta raid was an attack by rebels on the town of Huanta during the internal conflict.

On the night of the raid the rebels burned the municipal building.
"""


def test_a_title_its_infobox_and_the_body_are_one_incident_with_the_infobox_facts():
    [one] = incidents(ARTICLE, when=None)
    assert (one.event_date, one.killed, one.injured) == (date(1989, 5, 3), 14, 6)
    assert one.place.place.name == "Huanta"
    assert {r for r, *_ in one.explanation} >= {"trigger", "date", "count", "place"}


def test_infobox_counts_never_override_what_the_text_says():
    text = ARTICLE.replace("was an attack by rebels", "was an attack by rebels that killed 12 people")
    [one] = incidents(text, when=None)
    assert one.killed == 12


FLATTENED = """Pampas raid

Pampas raid
LocationPampas, Tayacaja, Peru
Date12 March 2015
Deaths6 soldiers
3 civilians
Injured4 soldiers

The Pampas raid was an attack by rebels on a patrol near Pampas.
"""

APLANADA = """Ataque de Pampas

Ataque de Pampas
Fecha 12 de marzo de 2015
Lugar Pampas, Tayacaja
Fuerzas en combate
40 soldados
Bajas
2 soldados
1 civil
[ editar ]

El ataque de Pampas fue una emboscada de senderistas contra una patrulla cerca de Pampas.
"""


@pytest.mark.parametrize("text,lang,killed,injured", [(FLATTENED, "en", 9, 4), (APLANADA, "es", 3, None)])
def test_an_infobox_flattened_into_lines_gives_its_date_and_the_sum_of_its_tolls(text, lang, killed, injured):
    [one] = incidents(text, when=None, lang=lang)
    assert (one.event_date, one.killed, one.injured) == (date(2015, 3, 12), killed, injured)


def test_a_prose_line_starting_with_a_field_name_is_no_infobox():
    text = "Deaths in the valley were many over the years.\n\nOn 12 March 2015 rebels attacked a patrol in Pampas."
    [one] = incidents(text, when=None)
    assert one.killed is None


def test_a_title_does_not_swallow_an_incident_of_another_day():
    text = ARTICLE + "\nOn 2 February 1989 a bomb had exploded in Tambo.\n"
    found = incidents(text.replace("had exploded", "exploded"), when=None)
    assert len(found) == 2


def test_rows_of_a_table_flattened_into_lines_are_separate_incidents():
    text = ("Name Date Location Deaths\n"
            "Huanta massacre May 3, 1989Huanta 14 Carried out by rebels\n"
            "Tambo massacre June 7, 1990Tambo 9 Carried out by the army\n"
            "Pichari bombing July 1, 1991 Pichari 3 Carried out by rebels\n")
    found = incidents(text, when=None)
    assert sorted((i.place.place.name, i.event_date) for i in found) == [
        ("Huanta", date(1989, 5, 3)), ("Pichari", date(1991, 7, 1)), ("Tambo", date(1990, 6, 7))]


def test_wrapped_prose_is_not_cut_into_rows():
    text = ("Four police officers were killed on 13 November 2007 in an ambush\n"
            "Near Pichari, the attackers fled into the valley.\n")
    found = incidents(text, when=None)
    assert len(found) == 1 and found[0].killed == 4


def test_a_social_outburst_is_a_protest_not_a_bombing():
    [one] = incidents("El 10 de diciembre de 2022 comenzó el estallido social en Abancay.", when=None, lang="es")
    assert one.kind == "protest"
    [bomb] = incidents("El 10 de diciembre de 2022 estalló una bomba en Abancay.", when=None, lang="es")
    assert bomb.kind == "bombing"


@pytest.mark.parametrize("text, lang", [
    ("Desde la captura de su líder, los senderistas se refugiaron en Pichari.", "es"),
    ("Since the capture of their leader the rebels have hidden in Pichari.", None),
])
def test_an_incident_named_as_the_start_of_a_period_is_no_incident(text, lang):
    assert not incidents(text, when=None, lang=lang)


def test_the_start_of_a_period_with_its_own_day_is_an_incident():
    [one] = incidents("La etapa comprende desde la primera acción armada en Chuschi, el 17 de mayo de 1980.",
                      when=None, lang="es")
    assert one.event_date == date(1980, 5, 17)


def test_an_occupation_of_a_building_is_an_incident():
    [one] = incidents("El 17 de diciembre de 1996 catorce rebeldes tomaron la residencia del embajador en Lima.",
                      when=None, lang="es")
    assert one.event_date == date(1996, 12, 17) and one.place.place.name == "Lima"


def test_a_connective_deep_in_a_long_sentence_does_not_make_a_new_incident():
    found = incidents("= Asalto de Huanta =\n\nEl 2 de marzo de 1982 los senderistas asaltaron el puesto de "
                      "Huanta. Como consecuencia del asalto murieron dos policías y cuatro presos, mientras los "
                      "demás reclusos huían y por otro lado el ejército no intervino.", when=None, lang="es")
    assert len(found) == 1 and found[0].killed is not None


def test_a_years_tally_with_no_place_of_its_own_is_no_incident():
    found = incidents("On June 14 rebels ambushed a patrol near Tocache. In 2007, the rebels killed 11 police "
                      "officers and 20 civilians.", when=None)
    assert len(found) == 1 and found[0].killed is None or found[0].killed != 31


def test_an_item_about_another_country_does_not_borrow_peru_from_another_item():
    text = ("# Rebels attack a police post in Peru, killing two officers.\n\n"
            "# A suicide bomb kills three people in a market abroad.\n")
    found = incidents(text, when=date(2009, 5, 15))
    assert [i.killed for i in found] == [2]


def test_a_year_before_a_multiword_name_of_the_incident_dates_it():
    [one] = incidents("On September 11 a court sentenced ten leaders for the 1992 Tarata Street car bombing in "
                      "Miraflores that killed 25 people.", when=date(2018, 12, 31))
    assert one.time_precision == 3 and one.date_start == date(1992, 1, 1) and one.killed == 25


def test_headlines_in_the_present_tense_report_incidents():
    [one] = incidents("Rebels kill thirteen soldiers in Ayacucho\n\nThe army said on Thursday that rebels had "
                      "killed thirteen soldiers.", when=date(2009, 4, 13))
    assert one.place.place.admin1 == "Ayacucho" and one.killed == 13


def test_places_told_together_are_joined_only_by_commas_and_kinds_of_place():
    [one] = incidents("On June 8 rebels took 20 workers hostage in the province of La Convención, in the Cusco "
                      "region, where the Camisea pipeline crosses the jungle.")
    assert one.place.place.name == "La Convención"


def test_workers_seized_by_rebels_are_hostages_not_a_seizure():
    found = incidents("On June 8 the last of the gas workers seized by rebels near Kepashiato were freed.")
    assert all(i.kind != "drug_seizure" and i.kind != "arrest" for i in found)
    [lab] = incidents("On June 8 a cocaine laboratory was seized in Tocache.")
    assert lab.kind == "drug_seizure"


def test_two_villages_on_one_day_are_two_incidents_and_the_night_is_that_day():
    found = incidents("El 9 de marzo de 1991 los senderistas asesinaron a dos comuneros en Huallamayo. En la noche, "
                      "ingresaron a Auquimarca y asesinaron a seis autoridades de la comunidad.", when=None, lang="es")
    assert sorted((i.place.place.name, i.killed, i.event_date) for i in found) == [
        ("Auquimarca", 6, date(1991, 3, 9)), ("Huallamayo", 2, date(1991, 3, 9))]


def test_one_village_told_again_is_one_incident():
    found = incidents("On 9 March 1991 rebels attacked Huanta, killing two guards. The attack on Huanta "
                      "was the third that month.", when=None)
    assert [(i.place.place.name, i.killed) for i in found] == [("Huanta", 2)]


@pytest.mark.parametrize(("text", "lang"), [
    ("In March 1984 an army patrol clashed with a rebel column in Tambo district, leaving 20 rebels dead. "
     "Later the clash of a police patrol with another column in Pichari district left 7 rebels dead.", "en"),
    ("En marzo de 1984 una patrulla del Ejército se enfrentó a una columna en el distrito de Tambo; murieron "
     "20 subversivos. Después, el enfrentamiento de una patrulla policial con otra columna en el distrito de "
     "Pichari dejó 7 subversivos muertos.", "es"),
])
def test_a_clash_named_again_in_another_district_is_another_incident(text, lang):
    found = incidents(text, when=None, lang=lang)
    assert sorted((i.place.place.name, i.killed) for i in found) == [("Pichari", 7), ("Tambo", 20)]


@pytest.mark.parametrize(("text", "lang"), [
    ("In March 1984 an army patrol clashed with a rebel column in Tambo, leaving 20 rebels dead. "
     "The clash in Tambo was the bloodiest of the year.", "en"),
    ("En marzo de 1984 una patrulla del Ejército se enfrentó a una columna en Tambo; murieron 20 "
     "subversivos. El enfrentamiento de Tambo fue el más sangriento del año.", "es"),
])
def test_a_clash_named_again_in_its_own_place_is_the_same_incident(text, lang):
    found = incidents(text, when=None, lang=lang)
    assert [(i.place.place.name, i.killed) for i in found] == [("Tambo", 20)]


def test_the_office_of_a_victim_does_not_split_the_list_of_victims():
    [one] = incidents("El 9 de marzo de 1991 en Huanta asesinaron al alcalde de Tambo, a dos de sus hijos "
                      "y a tres comuneros.", when=None, lang="es")
    assert one.killed == 6


TABLE = """Attacks in the valley

NameDateLocationDeathsNotes
Pampas ambush March 3, 1989 Pampas 12Carried out by rebels [1]
Ocros massacreJune, 1990Ocros, Ayacucho 30-45Carried out by a death squad [2]
Tambo raid 1881Tambo200 - 300Told by a chronicler
"""

TABLA = """Ataques en el valle

Nombre Fecha Lugar Muertos Notas
Emboscada de Pampas 3 de marzo de 1989 Pampas 12 Atribuida a Sendero [1]
Masacre de Ocros 5 de junio de 1990 Ocros, Ayacucho 30 Atribuida a una patrulla [2]
"""


@pytest.mark.parametrize("text,lang,expected", [
    (TABLE, "en", [("Pampas", 12), ("Ocros", 30), ("Tambo", 200)]),
    (TABLA, "es", [("Pampas", 12), ("Ocros", 30)]),
])
def test_each_row_of_a_table_with_a_deaths_column_is_an_incident_with_that_toll(text, lang, expected):
    found = incidents(text, when=None, lang=lang)
    assert [(i.place.place.name, i.killed) for i in found] == expected


def test_a_row_without_a_deaths_column_has_no_toll():
    text = TABLE.replace("Deaths", "Sources")
    assert all(i.killed is None for i in incidents(text, when=None))


@pytest.mark.parametrize("text,lang,injured", [
    ("On May 3, 2008 clashes in Tacna left two dead and 48 wounded civilians, as well as 29 injured police.", "en", 77),
    ("El 3 de mayo de 2008 los enfrentamientos en Tacna dejaron 20 heridos entre los manifestantes y 15 policías "
     "heridos.", "es", 35),
    ("On May 3, 2008 rebels attacked Huanta: 12 were wounded and the toll later rose to 14.", "en", 12),  # a toll
])
def test_the_figures_of_groups_told_one_after_another_are_added(text, lang, injured):
    [one] = incidents(text, lang=lang)
    assert one.injured == injured


def test_a_narrative_goes_on_where_its_last_incident_happened():
    text = ("Protests in Tacna erupted on October 30 after Congress moved royalties from Tacna to neighbouring "
            "Moquegua. On November 4, after a brief truce, protesters attacked two police stations. The clashes "
            "left two dead.")
    found = incidents(text, when=date(2008, 11, 10))
    assert [(i.event_date, i.place.place.name) for i in found] == [(date(2008, 10, 30), "Tacna"),
                                                                    (date(2008, 11, 4), "Tacna")]
    assert found[1].killed == 2


def test_a_file_name_with_a_year_and_month_dates_the_days_a_report_gives_without_a_year(tmp_path):
    from geo.read import read
    report = tmp_path / "2008-11-tacna.txt"
    report.write_text("Protests in Tacna erupted on October 30th and protesters burned two buildings.\n")
    [doc] = read([str(report)])
    [one] = process(doc).incidents
    assert doc.date is None and one.event_date == date(2008, 10, 30)
    named = tmp_path / "cable-2008-11-04-tacna.txt"
    named.write_text("Protests in Tacna erupted and protesters burned two buildings.\n")
    [doc] = read([str(named)])
    assert (doc.date, doc.date_source) == (date(2008, 11, 4), "file name")


def test_a_day_told_alone_after_a_paragraph_break_and_relative_days_that_move_the_story_on():
    text = ("El 19 de mayo de 1989 los senderistas asesinaron al alcalde de Azángaro.\n\n"
            "El 26, en el distrito de Ñuñoa, asesinaron a dos técnicos. Dos días después, el Ejército ingresó "
            "a la provincia. Al día siguiente, los senderistas tomaron Ayrampuni y asesinaron al alcalde.")
    found = incidents(text, when=None, lang="es")
    assert [(i.place.place.name, i.event_date) for i in found][-2:] == [
        ("Nuñoa", date(1989, 5, 26)), ("Ayrampuni", date(1989, 5, 29))]


@pytest.mark.parametrize("text,lang,place", [
    ("El 14 de mayo de 1992 fueron asaltados tres anexos de Ulcumayo.", "es", "Ulcumayo"),
    ("El 8 de octubre de 1987 el MRTA incursionó en el pueblo de Tabalosos.", "es", "Tabalosos"),
    ("On 8 October 1987 rebels raiding Tabalosos burned the market.", "en", "Tabalosos"),
])
def test_participles_and_preterites_of_attack_verbs_report_attacks(text, lang, place):
    [one] = incidents(text, when=None, lang=lang)
    assert (one.kind, one.place.place.name) == ("attack", place)


def test_an_incident_told_again_refines_the_place_and_the_day_of_the_first_telling():
    text = ("Rebels kill nine soldiers\n\n"
            "Rebels have killed nine soldiers in two ambushes in the south of Peru, the minister said. "
            "The attacks were the deadliest in ten years.\n\n"
            "Both attacks occurred 300 miles from the capital, in the Huancavelica region.\n\n"
            '"The attack took place Thursday, and the victims included a captain," the minister said.')
    [one] = incidents(text, when=date(2009, 4, 13))
    assert (one.place.place.name, one.event_date, one.killed) == ("Huancavelica", date(2009, 4, 9), 9)


def test_attacks_in_general_are_still_no_incident_of_their_own():
    text = "Rebels attacked Huanta on 3 May 2009. Attacks have become rarer in Junín over the years."
    assert [i.place.place.name for i in incidents(text)] == ["Huanta"]


@pytest.mark.parametrize("text,lang", [
    ("On 5 May 1988 rebels attacked Haquira. Over the following three months they killed officials in Cotabambas.", "en"),
    ("El 5 de mayo de 1988 atacaron Haquira. En los siguientes tres meses asesinaron autoridades en Cotabambas.",
     "es"),
])
def test_what_was_done_over_the_following_months_is_a_campaign_not_an_incident_of_that_day(text, lang):
    assert [i.place.place.name for i in incidents(text, when=None, lang=lang)] == ["Haquira"]


def test_a_sentence_running_over_a_page_break_keeps_its_date(tmp_path):
    from geo.read import read
    report = tmp_path / "informe.txt"
    report.write_text("El 5 de diciembre de\n\n121\n\n\f1988, una columna tomó el pueblo de Haquira y asesinó a dos "
                      "pobladores.\n")
    [doc] = read([str(report)])
    [one] = process(doc).incidents
    assert (one.event_date, one.killed) == (date(1988, 12, 5), 2)
    assert len(doc.text) == len(report.read_text())  # offsets kept


def test_rows_of_a_table_are_never_merged_and_never_take_another_rows_date():
    text = """Killings in the valley

NameDateLocationDeathsNotes
Ocros massacreNovember, 1984Ocros, Ayacucho 10Carried out by a patrol
Pampas massacreDecember, 1984Ocros, Ayacucho 29Carried out by a patrol
Tambo raid 1881Tambo 200Told by a chronicler
"""
    found = incidents(text, when=None)
    assert [(i.killed, i.date_start, i.time_precision) for i in found] == [
        (10, date(1984, 11, 1), 3), (29, date(1984, 12, 1), 3), (200, date(1881, 1, 1), 3)]


def test_a_rows_cell_wrapped_onto_its_own_line_does_not_swallow_the_next_row():
    text = """Killings in the valley

NameDateLocationDeathsNotes
Pampas massacre March 3, 1989 Pampas 12Carried out by rebels
4 injured
Ocros massacre June 5, 1990 Ocros, Ayacucho 30Carried out by a patrol
"""
    assert [(i.place.place.name, i.killed) for i in incidents(text, when=None)] == [("Pampas", 12), ("Ocros", 30)]


def test_a_place_run_into_a_figure_is_still_found():
    from geo.mentions import find_mentions
    text = "Ocros massacre June 5, 1990Ocros, Ayacucho 30Carried out by a patrol; Lima25 dead"
    found = [text[m.start:m.end] for m in find_mentions(Document(id="t", text=text))]
    assert found.count("Ocros") == 2 and {"Ayacucho", "Lima"} <= set(found)


@pytest.mark.parametrize("text, lang", [
    ("On 3 June gunmen kidnapped two engineers near Pichari. The hostages were released two days later.", None),
    ("El 3 de junio desconocidos secuestraron a dos ingenieros cerca de Pichari. Los rehenes fueron "
     "liberados dos días después.", "es"),
])
def test_captives_set_free_end_the_kidnapping_told_before_and_tell_no_new_one(text, lang):
    [one] = incidents(text, lang=lang)
    assert (one.kind, one.event_date, one.captured) == ("kidnapping", date(2009, 6, 3), 2)


@pytest.mark.parametrize("text, lang, kinds", [
    # a release told with its own kidnapping is that kidnapping
    ("On 3 June gunmen kidnapped two engineers near Pichari and released them on 5 June.", None, ["kidnapping"]),
    # an attack that freed prisoners is an attack still
    ("On 2 March 1982 the rebels attacked the prison of Huamanga and freed 200 inmates.", None, ["attack"]),
    ("El 2 de marzo de 1982 el ataque a la cárcel de Huamanga liberó a 200 presos.", "es", ["attack"]),
])
def test_a_release_told_with_its_incident_keeps_it(text, lang, kinds):
    assert [i.kind for i in incidents(text, lang=lang)] == kinds


@pytest.mark.parametrize("later, lang, killed", [
    ("A fourth officer later died of his wounds.", None, 4),
    ("Two more officers died in hospital.", None, 5),
    ("The death toll later rose to five.", None, 5),
    ("Un cuarto agente murió después en el hospital.", "es", 4),
    ("Otros dos agentes murieron en el hospital.", "es", 5),
    # a count of its own, another incident, or a year's tally leaves the toll as told
    ("Two officers died in a separate clash in Kimbiri on 4 June.", None, 3),
    ("In 2008, two officers died in the area.", None, 3),
])
def test_later_deaths_told_as_more_raise_the_toll(later, lang, killed):
    first = ("On 3 June rebels ambushed a police patrol near Pichari, killing three officers. " if lang is None else
             "El 3 de junio senderistas emboscaron a una patrulla cerca de Pichari y mataron a tres policías. ")
    ambush = next(i for i in incidents(first + later, lang=lang) if i.place.place.name == "Pichari")
    assert ambush.killed == killed


@pytest.mark.parametrize("text, lang", [
    ("On 3 June rebels attacked Pichari. Two days after the attack, troops killed three rebels in a clash nearby.", None),
    ("El 3 de junio senderistas atacaron Pichari. Dos días después del ataque, tropas mataron a tres senderistas "
     "en un enfrentamiento cerca.", "es"),
])
def test_days_counted_from_the_incident_told_date_the_next_one(text, lang):
    found = sorted((i.event_date, i.kind) for i in incidents(text, lang=lang))
    assert found == [(date(2009, 6, 3), "attack"), (date(2009, 6, 5), "clash")]


@pytest.mark.parametrize("text, lang, kind", [
    # a chronology's entry: a day before the colon, an incident after it
    ("- June 3: Unknown assailants bombed a bridge near Huanta; no one was hurt.", None, "bombing"),
    ("- 3 de junio: desconocidos dinamitaron un puente cerca de Huanta.", "es", "bombing"),
])
def test_a_dated_entry_of_a_chronology_is_an_incident(text, lang, kind):
    [one] = incidents(text, lang=lang)
    assert (one.kind, one.place.place.name, one.event_date) == (kind, "Huanta", date(2009, 6, 3))


@pytest.mark.parametrize("text", [
    "- Casualties: 12 soldiers killed in Huanta",
    "- Location: Huanta, Ayacucho\n- Attack type: bombing",
])
def test_a_fact_box_field_is_no_incident(text):
    assert not incidents(text)


def test_a_possessor_and_the_place_it_holds_are_named_together():
    [one] = incidents("Rebels killed five police officers in an ambush in Ayacucho's Huanta province on Monday.")
    assert (one.place.place.name, one.place.place.kind, one.killed) == ("Huanta", "province", 5)


@pytest.mark.parametrize("text, lang", [
    ("On 5 June police cleared the blockade on the highway near Bagua; 33 people died.", None),
    ("El 5 de junio murieron 33 personas durante el desalojo de la carretera cerca de Bagua.", "es"),
])
def test_a_blockade_cleared_by_force_is_an_incident(text, lang):
    [one] = incidents(text, lang=lang)
    assert (one.kind, one.place.place.name, one.event_date, one.killed) == ("blockade", "Bagua", date(2009, 6, 5), 33)


@pytest.mark.parametrize("text, kind, captured", [
    # "suspected", "alleged" qualifying a noun say nothing of a statement
    ("On 3 June police captured five suspected rebels in Huanta.", "arrest", 5),
    ("On 3 June police arrested four alleged traffickers in Tocache.", "arrest", 4),
    ("Peru: Police arrest 15 people after a protest turns violent in Cajamarca.", None, 15),
])
def test_a_suspect_named_is_no_statement(text, kind, captured):
    [one] = incidents(text)
    assert one.captured == captured and (kind is None or one.kind == kind)


@pytest.mark.parametrize("text", [
    "The minister alleged that rebels attacked a police post in Huanta.",
    "Police suspected that rebels attacked a police post in Huanta.",
])
def test_a_statement_of_what_may_have_happened_is_no_incident(text):
    assert not incidents(text, when=None)


def test_a_bracket_naming_its_department_makes_a_small_town_in_capitals_a_place():
    [one] = incidents("ON MAY 3, TERRORISTS AMBUSHED A POLICE VEHICLE NEAR AUCAYACU (HUANUCO), KILLING TWO PNP OFFICERS.")
    assert (one.place.place.name, one.killed) == ("Aucayacu", 2)


@pytest.mark.parametrize("text, lang", [
    ("In 2007, terrorists killed 11 police officers, two soldiers and one civilian in the VRAE and the Upper Huallaga.", None),
    ("En 2007, los terroristas asesinaron a 11 policías, dos soldados y un civil en el VRAE y el Alto Huallaga.", "es"),
])
def test_a_years_tally_over_several_areas_is_no_incident(text, lang):
    assert not incidents(text, when=None, lang=lang)


@pytest.mark.parametrize("text, place", [
    ("In 1983, rebels killed 69 peasants in Lucanamarca.", "Santiago de Lucanamarca"),
    ("In 2008, an ambush in the VRAE killed 13 soldiers.", "VRAEM"),
])
def test_a_year_dated_incident_in_one_place_is_an_incident(text, place):
    [one] = incidents(text, when=None)
    assert one.place.place.name == place and one.time_precision == 3


@pytest.mark.parametrize("text, lang, kind, killed, injured", [
    ("Anti-drug police seized 2.5 tonnes of cocaine at the port of Callao on 14 March.", None, "drug_seizure", None, None),
    ("One soldier died and two were wounded after stepping on a mine near Pichari on 8 June.", None, "bombing", 1, 2),
    ("Un soldado murió y dos resultaron heridos tras pisar una mina cerca de Pichari el 8 de junio.", "es", "bombing", 1, 2),
])
def test_seizures_with_decimal_weights_and_mines_stepped_on(text, lang, kind, killed, injured):
    [one] = incidents(text, lang=lang)
    assert (one.kind, one.killed, one.injured) == (kind, killed, injured)


def test_a_mine_worker_is_no_mine():
    assert not incidents("A truck hit a mine worker in Cerro de Pasco on 8 June.")


@pytest.mark.parametrize("text, lang", [
    ("Rebels ambushed an army patrol near Pichari on 7 June, killing three soldiers.", None),
    ("Senderistas emboscaron a una patrulla del Ejército cerca de Pichari el 7 de junio y mataron a tres soldados.", "es"),
])
def test_roles_are_read_from_the_word_that_names_the_incident(text, lang):
    [one] = incidents(text, lang=lang)
    assert (one.kind, one.actor1, one.actor2) == ("ambush", "Sendero Luminoso", "Military Forces of Peru")


@pytest.mark.parametrize("text, lang, kind", [
    ("On 3 May police destroyed a cocaine laboratory in Tocache.", None, "drug_seizure"),
    ("El 3 de mayo la policía destruyó un laboratorio de cocaína en Tocache.", "es", "drug_seizure"),
    # harming people, attacking an actor, or done by rebels: an attack still
    ("On 3 May soldiers killed two drug traffickers in Tocache.", None, "attack"),
    ("On 3 May soldiers attacked a drug gang camp in Tocache.", None, "attack"),
    ("On 3 May rebels destroyed a drug laboratory in Tocache.", None, "attack"),
    # explosives and fire
    ("On 3 May rebels dynamited a bridge near Huanta.", None, "bombing"),
    ("On 3 May rebels blew up a power pylon near Huanta.", None, "bombing"),
    ("On 3 May an army helicopter came under fire near Pichari.", None, "attack"),
])
def test_the_kind_from_what_was_done_and_by_whom(text, lang, kind):
    [one] = incidents(text, lang=lang)
    assert one.kind == kind


@pytest.mark.parametrize("text, lang", [
    ("Notable incidents included the kidnapping of 36 gas workers in Kepashiato on 9 April 2012, who were "
     "released days later.", None),
    ("Entre los incidentes destaca el secuestro de 36 trabajadores del gas en Kepashiato el 9 de abril de 2012, "
     "quienes fueron liberados días después.", "es"),
])
def test_a_kidnapping_whose_captives_were_freed_later_is_still_a_kidnapping(text, lang):
    [one] = incidents(text, lang=lang)
    assert (one.kind, one.captured, one.event_date) == ("kidnapping", 36, date(2012, 4, 9))


@pytest.mark.parametrize("text, lang", [
    ("The rebels in the VRAEM continued to attack government forces throughout the year.", None),
    ("Los senderistas del VRAEM siguieron atacando a las fuerzas del gobierno durante todo el año.", "es"),
    ("The rebels kept attacking patrols in the VRAEM.", None),
])
def test_attacks_kept_up_over_a_year_are_no_incident(text, lang):
    assert not incidents(text, lang=lang)


@pytest.mark.parametrize("text, lang", [
    ("Protesters in Cusco clashed with police on 12 January; 35 people were injured and 50 arrested.", None),
    ("Manifestantes se enfrentaron con la policía en Cusco el 12 de enero; 35 personas resultaron heridas y 50 "
     "fueron detenidas.", "es"),
])
def test_arrests_told_after_an_incident_in_its_sentence_are_its_outcome(text, lang):
    [one] = incidents(text, lang=lang)
    assert (one.kind, one.injured, one.captured) == ("clash", 35, 50)


def test_arrests_with_a_place_and_day_of_their_own_are_another_incident():
    found = incidents("Protesters in Cusco clashed with police on 12 January; police arrested 50 people in "
                      "Juliaca on 13 January.")
    assert sorted((i.kind, i.place.place.name) for i in found) == [("arrest", "Juliaca"), ("clash", "Cusco")]


def test_a_road_blocked_is_a_blockade_whatever_its_name():
    [one] = incidents("On 8 June coca growers blocked the Fernando Belaunde Terry highway at Aucayacu.")
    assert one.kind == "blockade"


@pytest.mark.parametrize("text, lang", [
    ("Three police officers were wounded by sniper fire near Llochegua on 2 May; a fourth was killed.", None),
    ("Tres policías resultaron heridos por disparos de un francotirador cerca de Llochegua el 2 de mayo; un cuarto "
     "murió.", "es"),
])
def test_sniper_fire_is_an_attack(text, lang):
    [one] = incidents(text, lang=lang)
    assert (one.kind, one.killed, one.injured) == ("attack", 1, 3)


@pytest.mark.parametrize("text, lang, kind, injured, captured", [
    ("At least 20 police officers suffered injuries while clearing the Montalvo bridge in Moquegua on 15 June.",
     None, "blockade", 20, None),
    ("Al menos 20 policías resultaron con lesiones durante el desbloqueo del puente Montalvo, en Moquegua, el 15 de junio.",
     "es", "blockade", 20, None),
    ("Los pobladores retuvieron a 12 policías durante seis horas en Chadín el 5 de julio.", "es", "kidnapping", None, 12),
    ("Rebels held two engineers hostage near Pichari on 5 July.", None, "kidnapping", None, 2),
])
def test_roads_cleared_and_people_held(text, lang, kind, injured, captured):
    [one] = incidents(text, lang=lang)
    assert (one.kind, one.injured, one.captured) == (kind, injured, captured)


@pytest.mark.parametrize("text", [
    "The police held a press conference in Lima on 5 July.",
    "Officials held talks with protest leaders in Puno on 5 July.",
])
def test_what_was_held_that_is_no_one(text):
    assert not incidents(text)


def test_what_sources_report_of_an_incident_is_no_incident_of_its_own():
    assert not incidents('Embassy contacts in Ayacucho report that the attack was carried out by a column of '
                         'about 20 rebels led by "Comrade Alipio".', when=None)


def test_an_incident_reported_with_its_day_and_toll_is_an_incident():
    [one] = incidents("Police report that rebels ambushed a patrol near Pichari on 3 May, killing two soldiers.")
    assert (one.kind, one.killed) == ("ambush", 2)


@pytest.mark.parametrize("text, lang", [
    ("Two wounded soldiers were evacuated to Lima after the attack on the Union Mantaro base on 11 April.", None),
    ("Dos militares heridos fueron evacuados a Lima tras el ataque a la base de Unión Mantaro el 11 de abril.", "es"),
])
def test_where_the_wounded_were_taken_is_not_where_it_happened(text, lang):
    [one] = incidents(text, lang=lang)
    assert (one.place.place.name, one.injured) == ("Union Mantaro", 2)


@pytest.mark.parametrize("text, lang", [
    ("A light aircraft carrying 300 kilos of cocaine was intercepted at an airstrip in Puerto Inca on 20 May.", None),
    ("Una avioneta con 300 kilos de cocaína fue interceptada en una pista clandestina de Puerto Inca el 20 de mayo.", "es"),
])
def test_drugs_intercepted_are_a_seizure(text, lang):
    [one] = incidents(text, lang=lang)
    assert (one.kind, one.place.place.name) == ("drug_seizure", "Puerto Inca")


@pytest.mark.parametrize("text, lang", [
    ("On 3 June relatives of the victims of the Accomarca massacre marched in Lima to demand justice.", None),
    ("El 3 de junio los familiares de las víctimas de la masacre de Accomarca marcharon en Lima para exigir justicia.", "es"),
])
def test_an_incident_named_as_anothers_complement_is_not_the_one_told(text, lang):
    [one] = incidents(text, lang=lang)
    assert one.kind == "protest" and one.event_date == date(2009, 6, 3)


@pytest.mark.parametrize("text, lang", [
    ("The 25th anniversary of the Tarata bombing was commemorated in Miraflores on 16 July 2017.", None),
    ("El 16 de julio de 2017 se conmemoró en Miraflores el 25 aniversario del atentado de Tarata.", "es"),
    ("The trial for the Cayara killings resumed in Ayacucho on 3 June.", None),
])
def test_an_anniversary_or_a_trial_of_an_incident_is_no_incident(text, lang):
    assert not incidents(text, lang=lang)


def test_arrests_after_an_attack_named_as_their_time_are_the_incident():
    [one] = incidents("Poco después del asalto a la comisaría de Huanta, la policía detuvo a cinco subversivos "
                      "el 3 de junio.", lang="es")
    assert (one.kind, one.captured) == ("arrest", 5)


@pytest.mark.parametrize("text, lang", [
    ("A bus fell into a ravine near Abancay on 3 June, killing 24 passengers.", None),
    ("Un bus cayó a un abismo cerca de Abancay el 3 de junio y murieron 24 pasajeros.", "es"),
    ("Heavy rains caused landslides that killed five people in Cusco on 3 June.", None),
    ("Las intensas lluvias provocaron huaicos que mataron a cinco personas en Cusco el 3 de junio.", "es"),
])
def test_the_dead_of_an_accident_or_a_disaster_are_no_incident(text, lang):
    assert not incidents(text, lang=lang)


@pytest.mark.parametrize("text, kind", [
    ("A military helicopter crashed near Pichari on 3 June after being hit by Shining Path fire, killing five "
     "soldiers.", "attack_on_forces"),
    ("A car bomb exploded outside a bank in Lima on 3 June and the building collapsed, killing five.", "bombing"),
])
def test_a_crash_an_armed_group_caused_or_a_bombing_is_an_incident(text, kind):
    [one] = incidents(text)
    assert (one.kind, one.killed) == (kind, 5)


def test_more_of_the_toll_told_with_an_incident_word_of_its_own_adds_to_the_incident():
    [one] = incidents("On 3 June rebels ambushed a police patrol near Pichari, killing three officers and wounding "
                      "two. Another officer was wounded by a sniper.")
    assert (one.kind, one.killed, one.injured) == ("ambush", 3, 3)
