"""Word lists that tell places from people and organisations, and cue words, in English and Spanish."""

from __future__ import annotations

import re

__all__ = ["FUNCTION_WORDS", "CUE_BEFORE", "CUE_AFTER", "ORG_BEFORE", "ORG_AFTER", "TITLES", "PERSON_AFTER",
           "PLACE_WORDS", "UNKNOWN_PLACE_PATTERNS", "CUE_KINDS"]

#: Cue words before a name -> the kind of place they announce.
CUE_BEFORE = {
    "region of": "department", "department of": "department", "departamento de": "department",
    "departamento del": "department", "región": "department", "region": "department",
    "región de": "department", "region de": "department",
    "province of": "province", "provincia de": "province", "provincia del": "province", "provincia": "province",
    "district of": "district", "distrito de": "district", "distrito del": "district", "distrito": "district",
    "town of": "populated_place", "city of": "populated_place", "village of": "populated_place",
    "hamlet of": "populated_place", "community of": "populated_place", "ciudad de": "populated_place",
    "ciudad del": "populated_place", "poblado de": "populated_place", "localidad de": "populated_place",
    "comunidad de": "populated_place", "caserío de": "populated_place", "caserio de": "populated_place",
    "anexo de": "populated_place", "pueblo de": "populated_place", "centro poblado": "populated_place",
    "río": "river", "rio": "river", "river": "river", "the river": "river", "valle del": "zone",
    "valley of": "zone", "border with": "department", "frontera con": "department",
}
#: Cue words after a name -> the kind of place they announce.
CUE_AFTER = {
    "region": "department", "department": "department", "departamento": "department", "región": "department",
    "regional": "department", "province": "province", "provincia": "province", "district": "district",
    "distrito": "district", "river": "river", "rivers": "river", "río": "river", "valley": "zone",
    "valleys": "zone", "town": "populated_place", "city": "populated_place", "village": "populated_place",
}
#: The kinds each cue kind admits.
CUE_KINDS = {
    "department": {"department", "region"},
    "province": {"province"},
    "district": {"district"},
    "populated_place": {"populated_place", "district"},
    "river": {"river"},
    "zone": {"zone", "river"},
}
#: Words right before a name that make it part of an organisation's name ("Embassy Lima").
ORG_DIRECT = {"embassy", "amembassy", "amconsul", "consulate", "nas", "dea", "ilea", "rtc", "usaid",
              "dea's", "embajada", "embassy's", "mission", "post", "posts"}
#: Words that head an organisation's name ending in a place ("Partido Comunista del Perú").
ORG_BEFORE = ORG_DIRECT | {
    "government", "police", "army", "navy", "congress", "ministry", "bank", "university", "church",
    "commission", "council", "court", "party", "front", "federation", "union", "institute",
    "partido", "banco", "universidad", "policía", "policia", "ejército", "ejercito",
    "congreso", "frente", "movimiento", "sindicato", "federación", "federacion", "confederación",
    "confederacion", "asociación", "asociacion", "cámara", "camara", "colegio", "instituto",
    "ministerio", "comisión", "comision", "gobierno", "universidad nacional", "diario",
    "diario el", "radio",
}
#: Words right after a name that make it part of an organisation's name.
ORG_AFTER = {"country office", "office", "station chief", "embassy", "times", "herald", "post"}
#: Titles before a person's name.
TITLES = {
    "minister", "president", "presidente", "general", "gen", "colonel", "col", "comrade", "camarada",
    "alias", "mr", "mrs", "ms", "dr", "sr", "sra", "señor", "senor", "señora", "don", "doña", "dona",
    "judge", "juez", "prosecutor", "fiscal", "commander", "comandante", "captain", "capitán", "capitan",
    "lieutenant", "teniente", "sergeant", "sargento", "major", "congressman", "congresista",
    "ambassador", "embajador", "bishop", "obispo", "father", "padre", "saint", "archbishop",
    "dcm", "polcouns", "econcouns", "director", "premier", "chairman", "leader", "líder", "lider",
    "officer", "agent", "spokesman", "vocero", "mayor", "alcalde", "governor", "gobernador",
}
#: Words right after a name that make it a person ("Quispe said").
PERSON_AFTER = {"said", "says", "told", "stated", "declared", "added", "noted", "claimed", "dijo",
                "señaló", "afirmó", "declaró", "indicó", "sostuvo", "explained", "argued", "asked"}
#: Capitalised words that may stand beside a place name without making it a person's name.
PLACE_WORDS = {
    "san", "santa", "santo", "santiago", "puerto", "villa", "nuevo", "nueva", "alto", "bajo",
    "río", "rio", "river", "rivers", "valley", "valle", "lake", "lago", "mount", "nevado", "cerro", "pampa",
    "province", "provincia", "region", "región", "department", "departamento", "district", "distrito",
    "city", "ciudad", "town", "and", "y", "the", "de", "del", "la", "el", "upper", "lower", "northern",
    "southern", "eastern", "western", "central", "north", "south", "east", "west", "metropolitan",
    "metropolitana", "greater", "bridge", "street", "avenue", "avenida", "calle", "plaza", "square",
    "highway", "carretera", "airport", "port", "district's", "peru", "perú", "lima", "in", "of",
    "amazon", "amazonian", "andean", "jungle", "selva", "sierra", "costa", "coast",
}
_NAME = r"(?P<name>[A-ZÁÉÍÓÚÑ][\w'’]+(?:[ \n](?:de |del |la )?[A-ZÁÉÍÓÚÑ][\w'’]+)?)"
#: Places the gazetteer lacks, marked as places by the text: (what, words that must appear, pattern).
UNKNOWN_PLACE_PATTERNS = [
    ("street", ("calle", "jir", "jr.", "venida", "av."), re.compile(r"\b(?:calle|jirón|jiron|jr\.|avenida|av\.)\s+" + _NAME, re.IGNORECASE)),
    ("street", ("Street", "St.", "Avenue", "Ave", "Av.", "Road"),
     re.compile(_NAME + r"[ \n](?:Street|St\.|Avenue|Ave\.?|Av\.|Road)(?!\w)")),
    ("bridge", ("ridge",), re.compile(r"\b(?:the\s+)?" + _NAME + r"[ \n](?:bridge|Bridge)\b")),
    ("bridge", ("puente",), re.compile(r"\bpuente\s+" + _NAME)),
    ("curve", ("Curve",), re.compile(r"\b(?P<name>[A-Z][\w]+'s[ \n]Curve)\b")),
    ("curve", ("Curva",), re.compile(r"\bCurva\s+del?\s+" + _NAME)),
    ("area", (" area",), re.compile(r"\bthe\s+" + _NAME + r"[ \n]area\b")),
    ("town", (" of ",), re.compile(r"\b(?:town|village|hamlet|community) of\s+" + _NAME)),
    ("town", (" de ",), re.compile(r"\b(?:poblado|localidad|comunidad|caserío|caserio|anexo) de\s+" + _NAME)),
]
#: Words that begin sentences without being names ("In Lima", "En Ayacucho").
FUNCTION_WORDS = {
    "in", "at", "on", "the", "from", "to", "near", "of", "and", "but", "after", "before", "since",
    "during", "both", "while", "when", "as", "by", "for", "with", "into", "across", "outside",
    "inside", "around", "between", "like", "unlike", "in", "throughout", "also", "then", "meanwhile",
    "en", "desde", "la", "el", "los", "las", "por", "para", "según", "segun", "tras", "hacia", "hasta",
    "entre", "con", "sin", "sobre", "durante", "y", "pero", "cuando", "mientras", "a", "de", "del",
    "this", "that", "these", "those", "its", "their", "our", "his", "her", "a", "an", "northern",
    "southern", "eastern", "western", "central", "greater", "metropolitan", "rural", "urban",
}
