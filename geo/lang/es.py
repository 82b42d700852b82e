"""Spanish: the words of incident reporting (prensa, informes de la CVR, Wikipedia, cables citados)."""

#: Function words that tell Spanish text from other languages (language detection).
STOPWORDS = ("el", "la", "los", "las", "de", "del", "y", "en", "que", "por", "con", "para", "una", "un",
             "su", "sus", "se", "al", "fue", "fueron", "como", "más", "pero", "lo", "le", "les", "este",
             "esta", "entre", "sobre", "sin", "también", "hasta", "desde", "donde", "cuando", "ha", "han")

# ---------------------------------------------------------------------------------------------
# Incident triggers by event type (the registry in geo/events.py names the types).
TRIGGERS = {
    "ambush": (r"emboscad[ao]s?", r"emboscaron", r"emboscó", r"emboscar"),
    "bombing": (r"bombas?", r"coches?[ -]bombas?", r"carros?[ -]bombas?", r"dinamita", r"dinamit(?:ó|aron|ad[oa]s?)", r"explosivos?",
                r"explosi[oó]n(?:es)?", r"estall(?:ó|aron|ar|a|an)",
                r"estallidos? de (?:una |un |la |el )?(?:bomba|coche bomba|petardo|artefacto|carga|dinamita)s?",
                r"detonaci[oó]n(?:es)?", r"deton(?:ó|aron)",
                r"artefactos? explosivos?", r"atentados? (?:explosivos?|con bomba)", r"granadas?",
                r"minas? (?:antipersonal(?:es)?|terrestres?|explosivas?)", r"pis(?:ó|aron|ar|ando) una mina", r"campos? minados?"),
    "clash": (r"enfrentamientos?", r"combates?", r"(?:se )?enfrent(?:ó|aron|aban)", r"combati(?:ó|eron)", r"choques?",
              r"intercambio de disparos", r"balacera", r"tiroteos?", r"refriega"),
    "kidnapping": (r"secuestr\w+", r"rehenes", r"raptad[oa]s?", r"rapt[oó]", r"tom[oó] como rehenes?",
                   r"retuv(?:o|ieron) a", r"retenid[oa]s"),
    "attack": (r"ataques?", r"atac(?:ó|aron|ando|ar|ada|ado|adas|ados)", r"asaltos?", r"asalt(?:ó|aron|ando|ad[oa]s?)",
               r"asesin\w+", r"matanzas?", r"masacres?", r"masacr(?:ó|aron|ad[oa]s)", r"incursi[oó]n(?:es)?",
               r"incursion(?:ó|aron|ando)", r"irrumpi(?:ó|eron)", r"primera acci[oó]n", r"acciones armadas", r"acci[oó]n armada",
               r"atentados?", r"mat(?:ó|aron|ando)", r"d(?:io|ieron|ando) muerte", r"ejecut(?:ó|aron|ad[oa]s)", r"ejecuci[oó]n(?:es)?",
               r"arras(?:ó|aron)", r"incendi(?:ó|aron)", r"quem(?:ó|aron)", r"ajusticiad[oa]s?",
               r"ajustici(?:ó|aron|amiento|amientos)", r"degoll\w+", r"dispar(?:ó|aron) contra", r"(?<!se )dispararon", r"abri(?:ó|eron) fuego", r"bale(?:ó|aron)",
               r"destruy(?:ó|eron)", r"linch(?:ó|aron|ad[oa]s?|amientos?)", r"abati(?:ó|eron)",
               r"acribill(?:ó|aron|ad[oa]s?)", r"francotirador(?:es)?",
               r"(?:helicópteros?|aviones|avión|avionetas?|aeronaves?)\b[^.;]{0,40}?\bderribad[oa]s?", r"volaron", r"ocup(?:ó|aron)",
               r"tom(?:ó|aron)(?: por asalto)? (?:el|la|los|las) (?:pueblo|ciudad|localidad|distrito|comunidad|local|"
               r"puesto|capital|residencia|embajada|sede|edificio|instalaciones|comisaría|cuartel|municipio|"
               r"municipalidad|universidad|iglesia|hacienda|mina|campamento|cárcel|penal|aeropuerto)"),
    "arrest": (r"captur(?:a|as|ó|aron|ado|ados|ada|adas)", r"detenid[oa]s?", r"detuvieron", r"detuvo",
               r"arrest(?:o|ó|aron|ado|ados)", r"aprehendid[oa]s?"),
    "drug_seizure": (r"incautaci[oó]n(?:es)?", r"incaut(?:ó|aron|ad[oa]s?)", r"decomis\w+",
                     r"intercept(?:ó|aron|ad[oa]s?)\b[^;]{0,60}?\b(?:cocaína|cocaina|droga|drogas|marihuana|pasta básica)",
                     r"(?:cocaína|cocaina|droga|drogas|marihuana|pasta básica)\b[^;]{0,60}?\b(?:fue|fueron) interceptad[oa]s?",
                     r"(?:destruy(?:ó|eron)|destrucci[oó]n de) (?:\w+ )?laboratorios?"),
    "riot": (r"disturbios", r"saqueos?", r"saque(?:ó|aron)", r"desmanes", r"vandalismo"),
    "blockade": (r"bloqueos?", r"bloque(?:aron|ando|ó)", r"bloqueo de (?:vías|carreteras)", r"toma de (?:carreteras|vías)",
                 r"desalojos?", r"desaloj(?:ó|aron|ar|ando)", r"desbloqueos?", r"desbloque(?:ó|aron|ar|ando)"),
    "protest": (r"protestas?", r"protest(?:ó|aron|ando)", r"huelgas?", r"paros?", r"movilizaci\w+",
                r"marchas?", r"march(?:ó|aron)", r"toma de lima", r"manifestaci\w+", r"manifestantes",
                r"estallidos?(?: social(?:es)?)?", r"levantamiento", r"plantón", r"salieron a las calles",
                r"tomaron las calles"),
}

# ---------------------------------------------------------------------------------------------
# Numbers.
NUMBER_WORDS = {
    "cero": 0, "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14,
    "quince": 15, "dieciséis": 16, "dieciseis": 16, "diecisiete": 17, "dieciocho": 18,
    "diecinueve": 19, "veinte": 20, "veintiuno": 21, "veintiún": 21, "veintiun": 21, "veintiuna": 21,
    "veintidós": 22, "veintidos": 22, "veintitrés": 23, "veintitres": 23, "veinticuatro": 24,
    "veinticinco": 25, "veintiséis": 26, "veintiseis": 26, "veintisiete": 27, "veintiocho": 28,
    "veintinueve": 29, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
    "ochenta": 80, "noventa": 90, "cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200,
    "trescientos": 300, "trescientas": 300, "cuatrocientos": 400, "cuatrocientas": 400, "quinientos": 500,
    "quinientas": 500, "seiscientos": 600, "setecientos": 700, "ochocientos": 800, "novecientos": 900,
}
SCALE_WORDS = {"mil": 1000, "millón": 1_000_000, "millones": 1_000_000, "docena": 12}
NUMBER_JOINERS = ("y",)
RANGE_JOINERS = ("o", "a")
RANGE_OPENERS = ("entre",)
EXACT_QUANTIFIERS = {"una docena de": 12, "una docena": 12, "un par de": 2, "ambos": 2, "ambas": 2,
                     "un": 1, "una": 1, "otro": 1, "otra": 1, "un solo": 1, "una sola": 1}
VAGUE_QUANTIFIERS = ("decenas de", "decenas", "docenas de", "docenas", "varios", "varias", "algunos", "algunas",
                     "numerosos", "numerosas", "muchos", "muchas", "centenares de", "centenares", "cientos de",
                     "cientos", "miles de", "miles", "unos cuantos", "unas cuantas", "un número indeterminado de",
                     "un número no determinado de", "gran cantidad de", "diversos", "diversas")
COUNT_MODIFIERS = ("al menos", "por lo menos", "cerca de", "casi", "más de", "mas de", "unos", "unas",
                   "aproximadamente", "alrededor de", "hasta", "un total de", "los", "las", "todos los",
                   "todas las", "a los", "a las", "a", "otros", "otras", "sólo", "solo", "apenas", "sus")

# ---------------------------------------------------------------------------------------------
# Casualties (see en.py for the voice: "before", "after", "either").
CASUALTY_WORDS = {
    "muertos": ("killed", "before"), "muertas": ("killed", "before"), "muerto": ("killed", "before"),
    "muerta": ("killed", "before"), "fallecidos": ("killed", "before"), "fallecidas": ("killed", "before"),
    "fallecieron": ("killed", "either"), "falleció": ("killed", "either"),
    "asesinados": ("killed", "either"), "asesinadas": ("killed", "either"), "asesinado": ("killed", "either"),
    "asesinada": ("killed", "either"), "asesinaron a": ("killed", "after"), "asesinaron": ("killed", "after"),
    "perdió a": ("killed", "people"), "perdieron a": ("killed", "people"), "perdió": ("killed", "people"),
    "perdieron": ("killed", "people"), "asesinando a": ("killed", "after"), "asesinó a": ("killed", "after"), "mataron a": ("killed", "after"),
    "mató a": ("killed", "after"), "matando a": ("killed", "after"), "murieron": ("killed", "either"),
    "murió": ("killed", "either"), "perdieron la vida": ("killed", "either"), "perdió la vida": ("killed", "either"),
    "ejecutados": ("killed", "either"), "ejecutadas": ("killed", "either"), "ejecutaron a": ("killed", "after"), "ejecutó a": ("killed", "after"),
    "masacrados": ("killed", "either"), "victimados": ("killed", "either"), "ultimados": ("killed", "either"),
    "abatidos": ("killed", "either"), "linchado": ("killed", "either"), "linchada": ("killed", "either"),
    "linchados": ("killed", "either"), "linchó a": ("killed", "after"), "lincharon a": ("killed", "after"),
    "acribillado": ("killed", "either"), "acribillados": ("killed", "either"), "acribillaron a": ("killed", "after"), "abatió a": ("killed", "after"), "abatieron a": ("killed", "after"),
    "víctimas mortales": ("killed", "before"), "victimas mortales": ("killed", "before"),
    "cadáveres": ("killed", "before"), "cuerpos": ("killed", "before"), "muertes": ("killed", "before"),
    "degollados": ("killed", "either"), "ajusticiados": ("killed", "either"),
    "cobró la vida de": ("killed", "after"), "costó la vida a": ("killed", "after"), "asesinó": ("killed", "after"),
    "cifra de muertos": ("killed", "after"), "saldo de muertos": ("killed", "after"),
    "número de muertos": ("killed", "after"), "víctimas fatales": ("killed", "before"),
    "victimas fatales": ("killed", "before"), "la muerte de": ("killed", "after"),
    "dio muerte a": ("killed", "after"), "dieron muerte a": ("killed", "after"), "dando muerte a": ("killed", "after"),
    "dar muerte a": ("killed", "after"), "dio muerte": ("killed", "after"), "dieron muerte": ("killed", "after"),
    "el asesinato de": ("killed", "after"), "masacre de": ("killed", "counted"), "matanza de": ("killed", "counted"),
    "asesinato de": ("killed", "counted"), "asesinatos de": ("killed", "counted"), "ejecución de": ("killed", "counted"),
    "ejecuciones de": ("killed", "counted"), "muerte de": ("killed", "counted"),
    "heridos": ("injured", "either"), "heridas": ("injured", "before"), "herido": ("injured", "either"),
    "herida": ("injured", "before"), "lesionados": ("injured", "either"), "lesionadas": ("injured", "either"),
    "hirieron a": ("injured", "after"), "hiriendo a": ("injured", "after"), "hirió a": ("injured", "after"),
    "resultaron heridos": ("injured", "either"), "resultaron heridas": ("injured", "either"),
    "víctimas": ("casualties", "before"), "victimas": ("casualties", "before"),
    "desaparecidos": ("disappeared", "either"), "desaparecidas": ("disappeared", "either"),
    "desaparecieron": ("disappeared", "either"), "desaparecido": ("disappeared", "either"),
    "secuestrados": ("captured", "either"), "secuestradas": ("captured", "either"),
    "secuestraron a": ("captured", "after"), "retuvieron a": ("captured", "after"), "retuvo a": ("captured", "after"),
    "retenidos": ("captured", "either"), "retenidas": ("captured", "either"),
    "resultaron con lesiones": ("injured", "before"), "sufrieron lesiones": ("injured", "before"), "secuestro de": ("captured", "counted"),
    "secuestros de": ("captured", "counted"), "captura de": ("captured", "counted"),
    "detención de": ("captured", "counted"), "raptados": ("captured", "either"),
    "capturados": ("captured", "either"), "capturadas": ("captured", "either"), "capturaron a": ("captured", "after"),
    "detenidos": ("captured", "either"), "detenidas": ("captured", "either"), "detuvieron a": ("captured", "after"),
    "rehenes": ("captured", "before"), "secuestró a": ("captured", "after"), "capturó a": ("captured", "after"),
    "detuvo a": ("captured", "after"),
    "degollado": ("killed", "either"), "degollada": ("killed", "either"), "ejecutado": ("killed", "either"),
    "ejecutada": ("killed", "either"), "victimado": ("killed", "either"), "victimada": ("killed", "either"),
    "ultimado": ("killed", "either"), "ultimada": ("killed", "either"), "abatido": ("killed", "either"),
    "abatida": ("killed", "either"), "ajusticiado": ("killed", "either"), "ajusticiada": ("killed", "either"),
    "acribillado": ("killed", "either"), "acribillada": ("killed", "either"),
    "acribillados": ("killed", "either"), "lesionado": ("injured", "either"), "lesionada": ("injured", "either"),
    "desapareció": ("disappeared", "either"), "desaparecida": ("disappeared", "either"),
    "secuestrado": ("captured", "either"), "secuestrada": ("captured", "either"),
    "capturado": ("captured", "either"), "capturada": ("captured", "either"),
    "detenido": ("captured", "either"), "detenida": ("captured", "either"),
}
CASUALTY_AUXILIARIES = ("fueron", "fue", "han", "ha", "habían", "había", "sido", "resultaron", "resultó",
                        "quedaron", "quedó", "también", "luego", "posteriormente", "todos", "todas", "otros",
                        "otras", "más", "se", "reportaron", "hallados", "encontrados")
COUNT_LINKS = ("se elevó a", "elevó a", "se eleva a", "se elevaron a", "ascendió a", "asciende a", "aumentó a", "llegó a", "subió a", "es de", "fue de")
COUNT_CONJUNCTIONS = ("y", "e", "así como")
TOLL_WORDS = ("balance", "cifra", "total", "en total", "en conjunto")
PARTITIVES = ("de ellos", "de ellas", "de los cuales", "de las cuales", "de quienes", "de estos", "de estas")
VICTIM_NOUNS = ("personas", "persona", "civiles", "civil", "soldados", "soldado", "militares", "militar",
                "policías", "policía", "policias", "policia", "efectivos", "agentes", "miembros", "campesinos",
                "campesinas", "comuneros", "comuneras", "pobladores", "pobladoras", "vecinos", "niños", "niñas",
                "mujeres", "hombres", "ancianos", "ronderos", "guerrilleros", "senderistas", "terroristas",
                "subversivos", "narcoterroristas", "atacantes", "trabajadores", "obreros", "estudiantes",
                "profesores", "maestros", "autoridades", "dirigentes", "alcaldes", "tenientes", "gobernadores",
                "presos", "reclusos", "internos", "rehenes", "víctimas", "victimas", "manifestantes",
                "huelguistas", "protestantes", "nativos", "indígenas", "familias", "familiares", "jóvenes",
                "menores", "adultos", "pasajeros", "erradicadores", "integrantes", "infantes", "marinos",
                "comandos", "oficiales", "suboficiales", "reservistas", "cabecillas", "mandos", "vigilantes",
                "catequistas", "religiosos", "sacerdotes", "periodistas", "turistas", "extranjeros", "sujetos",
                "individuos", "desconocidos", "ciudadanos", "peruanos", "dirigentes", "colonos", "campesino",
                "comunero", "poblador", "niño", "niña", "mujer", "hombre", "rondero", "agente", "alcalde",
                "teniente", "dirigente", "estudiante", "profesor", "maestro", "trabajador", "senderista",
                "terrorista", "subversivo", "efectivo", "menor", "joven", "anciano", "turista", "periodista",
                "miembro", "integrante", "sujeto", "individuo", "ciudadano", "guerrillero", "cocaleros", "hijos",
                "hijas", "hermanos", "hermanas", "esposas", "padres", "sobrinos", "nietos", "parientes", "allegados",
                "escoltas", "guardaespaldas", "choferes", "acompañantes", "regidores", "jueces", "fiscales",
                "conductores", "conductor", "chofer", "chófer", "varones", "mineros", "agricultores", "pescadores",
                "comerciantes", "transportistas", "guardias", "uniformados", "sargentos", "cabos", "capitanes",
                "coroneles", "comandantes", "conscriptos", "reclutas", "cadetes", "pilotos", "tripulantes",
                "ingenieros", "técnicos", "empleados", "funcionarios", "servidores", "voluntarios", "moradores",
                "lugareños", "asháninkas", "ashaninkas", "machiguengas", "aguarunas", "viajeros", "transeúntes",
                "peatones", "bebés", "escolares", "alumnos", "universitarios", "madres", "narcotraficantes",
                "delincuentes", "asaltantes", "sicarios", "vendedores", "minero", "agricultor", "comerciante",
                "transportista", "guardia", "sargento", "cabo", "capitán", "piloto", "ingeniero", "funcionario")
VICTIM_MODIFIERS = ("policiales", "militares", "del", "de", "la", "el", "ejército", "ejercito", "policía",
                    "policia", "nacional", "pnp", "civiles", "inocentes", "armados", "desarmados",
                    "más", "otros", "otras", "jóvenes", "indefensos", "sospechosos", "presuntos", "supuestos",
                    "sendero", "luminoso", "fuerzas", "armadas", "marina", "guerra", "dinoes", "mrta", "total",
                    "los", "las", "su", "sus", "familia")
MEASURE_NOUNS = ("escuadrón de la muerte", "escuadrones de la muerte", "kilos", "kilogramos", "kg", "gramos", "toneladas", "libras", "hectáreas", "hectareas",
                 "metros", "kilómetros", "kilometros", "km", "millas", "años", "año", "meses", "mes",
                 "semanas", "semana", "días", "dia", "día", "horas", "hora", "minutos", "veces", "por ciento",
                 "%", "dólares", "dolares", "soles", "armas", "fusiles", "escopetas", "revólveres",
                 "municiones", "cartuchos", "balas", "granadas", "bombas", "explosivos", "vehículos",
                 "vehiculos", "camiones", "autos", "casas", "viviendas", "edificios", "laboratorios",
                 "pozas", "ataques", "atentados", "incidentes", "acciones", "actos", "casos", "emboscadas",
                 "enfrentamientos", "operativos", "operaciones", "detenciones", "capturas", "torres",
                 "puentes", "carreteras", "distritos", "provincias", "regiones", "departamentos",
                 "comunidades", "pueblos", "lugares", "localidades", "denuncias", "votos", "disparos",
                 "tiendas", "paquetes", "bolsas", "litros", "galones", "barriles", "cocaína", "cocaina",
                 "marihuana", "pasta", "base", "insumos", "químicos", "quimicos", "ganado", "cabezas",
                 "animales", "reses", "ovejas", "soles")
ZERO_SUBJECTS = ("nadie", "ninguno", "ninguna", "ningún", "ningun", "ninguna persona")
ZERO_DETERMINERS = ("sin", "no hubo", "no se registraron", "no se reportaron", "ningún", "ningun", "ninguna",
                    "no dejó", "no dejo", "no causó", "no causo", "cero", "ni")
NEGATIONS = ("no", "nunca", "ni", "nadie", "ninguno", "sin", "jamás")
#: Singular victims (see en.py), one each after a determiner of SINGULAR_DETERMINERS ("al alcalde",
#: "a su esposa", "el teniente gobernador").
SINGULAR_VICTIMS = ("alcalde", "alcaldesa", "teniente alcalde", "teniente gobernador", "gobernador", "regidor",
                    "regidora", "juez", "jueza", "juez de paz", "fiscal", "presidente comunal",
                    "presidente de la comunidad", "dirigente", "esposa", "esposo", "marido", "conviviente",
                    "hijo", "hija", "hermano", "hermana", "padre", "madre", "sobrino", "sobrina", "nieto",
                    "nieta", "profesor", "profesora", "maestro", "maestra", "campesino", "campesina",
                    "comunero", "comunera", "poblador", "pobladora", "rondero", "policía", "policia", "soldado",
                    "militar", "agente", "suboficial", "sargento", "teniente", "capitán", "comandante",
                    "catequista", "sacerdote", "párroco", "religiosa", "monja", "periodista", "ingeniero",
                    "chofer", "conductor", "escolta", "guardaespaldas", "niño", "niña", "menor", "anciano",
                    "anciana", "joven", "mujer", "hombre", "estudiante", "trabajador", "obrero", "enfermero",
                    "cabecilla", "líder", "lider", "jefe", "mando", "camarada",
                    "enfermera", "médico")
#: Contractions read as their words after a phrase that ends with the first ("mató al alcalde" is "mató a" +
#: "el alcalde", "la muerte del dirigente" is "la muerte de" + "el dirigente"; not "la viuda del alcalde").
CONTRACTIONS = {"al": ("a", "el"), "del": ("de", "el")}
SINGULAR_DETERMINERS = ("el", "la", "al", "a la", "su", "a su")
SINGULAR_VERBS = ("fue", "ha", "había", "resultó", "quedó", "murió", "falleció", "perdió la vida", "desapareció")
RELATIVE_PRONOUNS = ("quien", "quienes", "que")
#: Words opening an aside that names some of the victims just counted ("Siete personas, entre ellas tres niños, murieron").
INCLUSIONS = ("entre ellos", "entre ellas", "incluidos", "incluidas", "incluyendo", "entre los que", "entre las que",
              "entre quienes")
COMPANIONS = ("junto con", "junto a", "juntamente con", "en compañía de")
WITH_PEOPLE = ("con",)
#: Words opening a circumstance between a casualty verb and its victims ("asesinó en presencia de los
#: pobladores a siete autoridades").
#: Ordinals that count a victim as the n-th told ("un cuarto agente murió": cuatro en total).
ORDINALS = {"segundo": 2, "segunda": 2, "tercer": 3, "tercero": 3, "tercera": 3, "cuarto": 4, "cuarta": 4,
            "quinto": 5, "quinta": 5, "sexto": 6, "sexta": 6, "séptimo": 7, "séptima": 7, "octavo": 8,
            "octava": 8, "noveno": 9, "novena": 9, "décimo": 10, "décima": 10}
#: Words that count others beyond those told ("otros dos policías murieron", "dos soldados más").
ADDED_MARKERS = ("otros", "otras", "otro", "otra", "más", "mas")
CIRCUMSTANCES = ("en presencia de", "delante de", "frente a", "ante", "durante", "tras", "en", "sin",
                 # the manner, its "a" taken by the verb ("asesinaron a | balazos | al alcalde")
                 "balazos", "tiros", "golpes", "machetazos", "pedradas", "cuchillazos", "hachazos", "puñaladas",
                 "quemarropa", "sangre fría", "a balazos", "a tiros", "a golpes", "a machetazos", "a pedradas",
                 "a cuchillazos", "a hachazos", "a puñaladas", "a quemarropa", "a sangre fría")

# ---------------------------------------------------------------------------------------------
# Dates (see en.py).
MONTHS = {"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
          "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12}
MONTH_ABBREVIATIONS = {"ene": 1, "feb": 2, "mar": 3, "abr": 4, "jun": 6, "jul": 7, "ago": 8, "sep": 9,
                       "sept": 9, "set": 9, "oct": 10, "nov": 11, "dic": 12}
WEEKDAYS = {"lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4, "sábado": 5,
            "sabado": 5, "domingo": 6}
RELATIVE_WORDS = {"ayer": ("day", -1), "hoy": ("day", 0), "la semana pasada": ("week", -1),
                  "el mes pasado": ("month", -1)}
COUNTED_DAYS = {"día después": 1, "días después": 1, "días más tarde": 1, "día antes": -1, "días antes": -1,
                "semana después": 7, "semanas después": 7, "semanas más tarde": 7, "semana antes": -7,
                "semanas antes": -7}
COUNTED_FROM = ("de", "del")
DAY_ARTICLES = ("el", "el día", "del", "del día")
DAY_SUFFIXES = ()
SAME_MONTH = ("del mismo mes", "de ese mes", "de ese mismo mes", "de aquel mes")
NOT_DAYS_AFTER = ("%", "por ciento", "de", "años", "aniversario", "º", "°", "y", "o", "al", "a", "por", "veces",
                  "personas", "muertos", "heridos", "puntos", "kilómetros", "km", "metros", "horas")

# ---------------------------------------------------------------------------------------------
HEDGES = ("podría", "podrían", "podria", "podrian", "amenaza", "amenazas", "amenazó con", "amenazaron con",
          "planeaba", "planeaban", "planea", "planean", "acuerdo", "cooperación", "cooperacion", "prevenir",
          "evitar", "estrategia", "capacitación", "capacitacion", "programa", "programas", "financiamiento",
          "legislación", "condena", "condenó", "condenaron", "intentaría", "pretendía", "posible", "posibilidad",
          "potencial", "riesgo", "temor", "probable")
STATEMENT_VERBS = ("dijo", "afirmó", "señaló", "declaró", "informó", "negó", "anunció", "sostuvo",
                   "indicó", "manifestó", "aseguró", "denunció", "explicó", "precisó", "refirió", "comentó")
MISHAPS = ("accidente", "accidentes", "cayó a un abismo", "cayó a un barranco", "se despistó", "despiste",
           "volcadura", "se volcó", "huaico", "huaicos", "deslizamiento", "deslizamientos", "inundación",
           "inundaciones", "sismo", "terremoto", "lluvias", "alud", "electrocutado",
           "ahogado", "ahogados")
NOT_INCIDENTS = ("juicio", "juzgad\\w*", "condenad\\w*", "sentencia\\w*", "absuelt\\w*", "tribunal",
                 "proceso judicial", "procesad\\w*", "acusad\\w*", "fiscalía", "aniversario",
                 "conmemora\\w*", "homenaje", "recordatorio", "investigaci\\w+", "exhumaci\\w+",
                 "reparaci\\w+", "indemnizaci\\w+", "disculpas", "extradi\\w+", "indult\\w*", "amnist\\w+")
SERIES = (r"serie de (?:\w+ )?(?:ataques|atentados|emboscadas|asesinatos|masacres)",
          r"ola de (?:\w+ )?(?:ataques|atentados|violencia|asesinatos)",
          r"campaña de (?:\w+ )?(?:ataques|atentados|violencia|terror)", r"años de violencia",
          r"(?:en|durante) (?:los|las) (?:siguientes|próximos|próximas|posteriores) (?:\w+ )?(?:días|semanas|meses|años)",
          r"durante todo el año", r"a lo largo del año",
          r"(?:sigui(?:ó|eron)|continu(?:ó|aron)|sigue|siguen|continúa|continúan) \w+(?:ando|iendo)")
AGGREGATES = (r"\d+\s+(?:ataques|acciones|atentados|incidentes|actos)(?:\s+(?:terroristas|subversivos|armados))?",
              r"(?:en|durante)\s+(?:19|20)\d\d,?\s+(?:hubo|se registraron|se produjeron)",
              r"un total de \d+ (?:ataques|atentados|acciones)", r"por año", r"cada año", r"anualmente",
              r"durante el año")
BACKGROUND = ("en el contexto de", "en medio de", "en el marco de", "a raíz de")
HISTORICAL = ("años antes", "años atrás", "hace años", "décadas atrás", "hace décadas", "en el pasado",
              "anteriormente", "antiguo",
              "antigua", "ex")
SEPARATE = ("otro ataque", "otra emboscada", "otro atentado", "otra incursión", "en otro", "en otra",
            "además de", "por otra parte", "por otro lado", "paralelamente", "asimismo", "segundo", "segunda",
            "posteriormente", "días después", "meses después", "semanas después")
ANAPHORA_DETERMINERS = ("el", "la", "este", "esta", "ese", "esa", "dicho", "dicha", "aquel", "aquella",
                        "mencionado", "mencionada", "citado", "citada", "los", "las", "estos", "estas", "ambos", "ambas")
ANAPHORA_NOUNS = ("ataque", "ataques", "emboscada", "atentado", "explosión", "captura", "violencia",
                  "enfrentamiento", "matanza", "masacre", "incidente", "asesinato", "asesinatos", "asalto",
                  "incursión", "operativo", "operación", "hecho", "hechos", "suceso", "acción", "crimen",
                  "protesta", "paro", "huelga", "emboscadas", "atentados", "enfrentamientos", "matanzas", "masacres",
                  "incursiones", "ejecuciones", "capturas", "explosiones", "ofensivas", "acciones", "asaltos")
SAME_DAY = ("el mismo día", "ese día", "ese mismo día", "esa noche", "esa misma noche", "esa mañana",
            "esa tarde", "horas después", "horas más tarde", "minutos después", "poco después",
            "momentos después", "la misma noche", "aquel día", "aquella noche", "en la noche", "por la noche",
            "en la madrugada", "esa madrugada", "por la tarde", "en horas de la noche", "en horas de la madrugada")
RELATIVE_DAYS = {"al día siguiente": 1, "al dia siguiente": 1, "el día siguiente": 1, "el dia siguiente": 1,
                 "a la mañana siguiente": 1, "al otro día": 1, "un día después": 1, "dos días después": 2,
                 "tres días después": 3, "cuatro días después": 4, "cinco días después": 5,
                 "una semana después": 7, "dos semanas después": 14, "el día anterior": -1,
                 "la noche anterior": -1, "un día antes": -1, "dos días antes": -2}
PERIOD_OPENERS = ("desde", "hasta", "entre", "a partir de")
#: Words that close a period opened before ("entre enero y julio", "desde 1980 hasta 1992").
RANGE_CLOSERS = ("y", "e", "a", "al", "hasta")
AGENT_MARKERS = ("por", "a manos de")
PASSIVE_AUXILIARIES = ("fue", "fueron", "sido", "resultó", "resultaron", "es", "son", "habían sido", "había sido")

# ---------------------------------------------------------------------------------------------
# Actors: the registry in geo/actors.py names them; these are the words for each.
ACTOR_WORDS = {
    "Police Forces of Peru": (r"PNP", r"DIRANDRO", r"DINOES", r"DIRCOTE", r"GOES", r"polic[ií]as?",
                              r"Polic[ií]a Nacional(?: del Per[uú])?", r"Guardia Civil", r"Guardia Republicana",
                              r"efectivos policiales", r"agentes", r"sinchis", r"puesto policial",
                              r"comisar[ií]a"),
    "Military Forces of Peru": (r"ej[eé]rcito", r"fuerzas armadas", r"soldados?", r"militares", r"marina",
                                r"infantes de marina", r"fuerzas del orden", r"patrullas? militar(?:es)?",
                                r"tropas", r"efectivos militares", r"base militar", r"comandos", r"FF\.? ?AA\.?",
                                r"fuerzas de seguridad"),
    "Sendero Luminoso": (r"Sendero Luminoso", r"Sendero", r"SL", r"PCP-SL", r"PCP", r"senderistas?",
                         r"terroristas?", r"subversiv[oa]s", r"elementos subversivos", r"guerrill(?:a|as|eros?)",
                         r"narco-?terroristas?", r"narcoterrorismo", r"remanentes(?: de Sendero(?: Luminoso)?)?",
                         r"camarada \w+", r"Artemio", r"(?:clan|hermanos|facci[oó]n) (?:de los )?Quispe Palomino",
                         r"Quispe Palomino", r"columna senderista", r"Militarizado Partido Comunista",
                         r"MPCP", r"insurgentes", r"alzados en armas"),
    "MRTA": (r"MRTA", r"T[uú]pac Amaru", r"emerretistas?"),
    "Drug traffickers": (r"narcotraficantes?", r"traficantes(?: de drogas)?", r"narcos", r"c[aá]rteles?",
                         r"mochileros", r"burriers"),
    "Etnocaceristas": (r"etnocaceristas?", r"reservistas"),
    "Self-defence committees (Peru)": (r"Comit[eé]s? de Autodefensa", r"ronderos", r"rondas campesinas",
                                       r"CADs?", r"montoneros", r"defensa civil"),
    "Cocaleros": (r"cocaleros", r"productores de coca", r"agricultores cocaleros"),
    "Protesters (Peru)": (r"manifestantes", r"huelguistas", r"protestantes", r"marchantes", r"estudiantes",
                          r"gremios", r"sindicatos?", r"dirigentes", r"ind[ií]genas", r"nativos", r"Awaj[uú]n",
                          r"aguarunas", r"comunidades nativas"),
    "Rioters (Peru)": (r"saqueadores", r"turbas?", r"vándalos"),
    "Civilians (Peru)": (r"civiles", r"pobladores", r"campesinos", r"comuneros", r"vecinos", r"personas",
                         r"fiscal(?:es)?", r"erradicadores", r"trabajadores", r"rehenes", r"niños", r"mujeres",
                         r"autoridades", r"alcaldes?", r"tenientes gobernadores?", r"periodistas?",
                         r"pasajeros", r"familias", r"comunidad", r"habitantes", r"v[ií]ctimas", r"catequistas"),
}
#: Words before an incident noun that say it was told before ("el mencionado ataque").
RELEASES = ("liberados", "liberadas", "liberado", "liberada", "liberó", "liberaron", "liberación",
            "puestos en libertad", "puestas en libertad", "puesto en libertad", "puesta en libertad",
            "soltó", "soltaron", "soltados", "soltadas")
RETOLD_MARKERS = ("mencionado", "mencionada", "citado", "citada", "referido", "referida", "dicho", "dicha",
                  "mismo", "misma", "anterior")
#: Words that make a capture a drug seizure.
DRUG_WORDS = ("droga", "drogas", "cocaína", "cocaina", "pasta básica", "pasta basica", "marihuana", "insumos",
              "insumos químicos", "clorhidrato de cocaína", "estupefacientes", "opio", "amapola", "laboratorio",
              "laboratorios", "pozas de maceración")
#: Nouns a trigger word may modify without reporting an event ("dirigentes de la protesta").
MODIFIED_NOUNS = ("dirigente", "dirigentes", "líder", "líderes", "lider", "lideres", "organizador", "organizadores",
                  "comité", "comite", "comités", "grupo", "grupos", "movimiento", "plataforma", "pliego", "zona",
                  "zonas", "amenaza", "amenazas", "sobrevivientes", "cargos", "ley", "leyes", "orden", "órdenes",
                  "temporada", "sospechosos")
MODIFIER_ORDER = "after"
LIST_JOINERS = ("y", "e")
LOCATIVES = ("en", "por")
COMPLEMENT_LINKS = ("de", "del", "por")
DISTRIBUTIVES = ("distintos", "distintas", "diversos", "diversas", "varios", "varias", "separados", "simultáneos",
                 "simultáneas", "coordinados", "respectivamente", "diferentes")
#: Fields of an infobox o ficha: label -> what it gives.
INFOBOX_FIELDS = {"fecha": "date", "lugar": "place", "ubicación": "place", "ubicacion": "place",
                  "muertos": "killed", "fallecidos": "killed", "víctimas": "killed", "victimas": "killed",
                  "heridos": "injured", "lesionados": "injured", "perpetrador": "actor", "perpetradores": "actor",
                  "autor": "actor", "autores": "actor", "tipo de ataque": "kind", "objetivo": "target",
                  "muertes": "killed", "bajas": "killed"}
ACTOR_WORDS["Unidentified Armed Group (Peru)"] = (r"hombres armados", r"(?:un grupo de )?(?:sujetos|individuos|desconocidos) armados",
                                                  r"desconocidos", r"encapuchados", r"atacantes", r"delincuentes armados")
#: Words before a place that make it a victim's office, not where the event happened ("el alcalde de Tama").
OFFICE_OF = ("alcalde de", "ministro de", "embajador de", "alcaldesa de", "teniente gobernador de", "gobernador de", "prefecto de", "subprefecto de",
             "obispo de", "presidente de", "juez de", "fiscal de", "párroco de", "dirigente de", "alcalde del",
             "gobernador del", "presidente del")
#: Words after a place that make it the place of the verb that follows ("Tambillo, donde asesinaron").
RELATIVE_LOCATIVES = ("donde", "en donde", "en el que", "en la que", "lugar en el que")
#: Endings of finite verbs and participles: a trigger so ending asserts the event ("incursionó").
VERB_ENDINGS = ("ó", "aron", "ieron", "aba", "aban", "ado", "ada", "ados", "adas", "ando", "iendo", "ía", "ían")
#: Adjectives right before a place that name a part of it (Spanish puts them after: none).
PART_ADJECTIVES: dict[str, tuple[str, ...]] = {}
#: Nouns naming a part of the place after them ("el oeste de Ayacucho"); "al norte de Lima" is outside it.
PART_NOUNS = {
    "norte": ("north",), "sur": ("south",), "este": ("east",), "oriente": ("east",), "oeste": ("west",),
    "occidente": ("west",), "noreste": ("north", "east"), "nororiente": ("north", "east"),
    "noroeste": ("north", "west"), "noroccidente": ("north", "west"), "sureste": ("south", "east"),
    "suroriente": ("south", "east"), "suroeste": ("south", "west"), "suroccidente": ("south", "west"),
    "centro": ("central",),
}
#: Words required before a part noun ("el norte de", "la zona sur del").
PART_ARTICLES = ("el", "la zona", "la parte")
#: Words between a part noun and the place ("el norte de", "el sur del").
PART_LINKS = ("de", "del")

# ---------------------------------------------------------------------------------------------
# Menciones de lugares: palabras guía y las que distinguen lugares de personas y organizaciones.
#: Cue words before a name -> the kind of place they announce.
CUE_BEFORE = {
    "departamento de": "department", "departamento del": "department", "región": "department",
    "región de": "department", "region de": "department",
    "provincia de": "province", "provincia del": "province", "provincia": "province",
    "distrito de": "district", "distrito del": "district", "distrito": "district",
    "ciudad de": "populated_place", "ciudad del": "populated_place", "poblado de": "village",
    "localidad de": "populated_place", "comunidad de": "village", "caserío de": "village",
    "caserio de": "village", "anexo de": "village", "pueblo de": "populated_place",
    "centro poblado": "village", "río": "river", "rio": "river", "valle del": "zone",
    "frontera con": "department",
}
#: Pairs of words that join two names of one level ("de Tacna a la región Moquegua"):
#: the word before the first name -> the words between the two.
PAIR_WORDS = {"de": ("a", "hasta"), "desde": ("a", "hasta"), "entre": ("y", "e")}
#: Plural cue words before a list of names -> the kind of every name of the list ("las provincias de
#: Cotabambas y Chumbivilcas"); before one name they name the unit holding them ("las provincias de
#: Huancavelica"), no cue.
CUE_BEFORE_LIST = {"provincias de": "province", "provincias del": "province", "distritos de": "district",
                   "distritos del": "district", "departamentos de": "department", "regiones de": "department"}
#: Cue words after a name -> the kind of place they announce.
CUE_AFTER = {"departamento": "department", "región": "department", "provincia": "province",
             "distrito": "district", "río": "river"}
#: Words right before a name that make it part of another name ("Embajada Lima", "Operación Chavín de Huántar").
ORG_DIRECT = {"embajada", "operación", "operacion", "operativo", "minera", "cementos", "compañía", "compania",
              "empresa"}
#: Words that head an organisation's name ending in a place ("Partido Comunista del Perú").
ORG_BEFORE = ORG_DIRECT | {
    "partido", "banco", "universidad", "policía", "policia", "ejército", "ejercito", "guardia", "fuerzas",
    "congreso", "frente", "movimiento", "sindicato", "federación", "federacion", "confederación",
    "confederacion", "asociación", "asociacion", "cámara", "camara", "colegio", "instituto",
    "ministerio", "comisión", "comision", "universidad nacional", "diario",
    "diario el", "radio", "central", "corporación", "corporacion", "sociedad", "coordinadora",
}
#: Words right after a name that make it part of an organisation's name.
ORG_AFTER: set[str] = set()
#: Titles before a person's name.
TITLES = {
    "presidente", "general", "camarada", "alias", "dr", "sr", "sra", "señor", "senor", "señora", "don", "doña",
    "dona", "juez", "fiscal", "comandante", "capitán", "capitan", "teniente", "sargento", "congresista",
    "embajador", "obispo", "padre", "líder", "lider", "vocero", "alcalde", "gobernador", "ministro",
}
#: Words right after a name that make it a person ("Quispe dijo").
PERSON_AFTER = {"dijo", "señaló", "afirmó", "declaró", "indicó", "sostuvo"}
#: Words before a name that make it the person heading a government ("el régimen de Alan García").
RULE_OF = ("régimen de", "regimen de", "gobierno de", "mandato de", "presidencia de")
#: Capitalised words that may stand beside a place name without making it a person's name.
PLACE_WORDS = {
    "san", "santa", "santo", "santiago", "puerto", "villa", "nuevo", "nueva", "alto", "bajo",
    "río", "rio", "valle", "lago", "nevado", "cerro", "pampa", "provincia", "región", "departamento",
    "distrito", "ciudad", "y", "de", "del", "la", "el", "avenida", "calle", "plaza", "carretera",
    "peru", "perú", "lima", "selva", "sierra", "costa",
}
#: Words that begin sentences without being names ("En Ayacucho").
FUNCTION_WORDS = {
    "en", "desde", "la", "el", "los", "las", "por", "para", "según", "segun", "tras", "hacia", "hasta",
    "entre", "con", "sin", "sobre", "durante", "y", "pero", "cuando", "mientras", "a", "de", "del",
}
#: Peoples and their languages, named like villages: people unless a cue word makes them a place.
PEOPLES = ("aguaruna", "aguarunas", "awajún", "awajun", "aimara", "aimaras", "aymara", "aymaras", "quechua",
           "quechuas", "asháninka", "ashaninka", "asháninkas", "ashaninkas", "machiguenga", "machiguengas",
           "matsigenka", "shipibo", "shipibos", "wampis", "nomatsiguenga", "campa", "campas")
#: Places the gazetteer lacks, marked by the text: (what, pattern with {name} standing for the name).
UNKNOWN_PLACE_PATTERNS = [
    ("street", r"(?i)\b(?:calle|jirón|jiron|jr\.|avenida|av\.)\s+{name}"),
    ("bridge", r"\bpuente\s+{name}"),
    ("curve", r"\bCurva\s+del?\s+{name}"),
    ("town", r"\b(?:poblado|localidad|comunidad|caserío|caserio|anexo) de\s+{name}"),
]
#: Phrases before a place that make it where people came from or went back to, not where it happened.
POSSESSIVE_SUFFIXES: tuple[str, ...] = ()
CLAUSE_OPENERS = ("tras", "cuando", "durante", "mientras", "luego de", "después de")
ELSEWHERE_BEFORE = ("regresaban a", "con base en", "trasladados a", "trasladado a", "trasladada a", "evacuados a",
                    "evacuado a", "evacuada a", "llevados a", "llevado a", "huyeron a", "huyó a")
#: Event nouns after a place name (Spanish puts them before: "la masacre de Cayara"): none.
EVENT_AFTER: tuple[str, ...] = ()
