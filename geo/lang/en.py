"""English: the words of incident reporting (cables, news, State Department reports, Wikipedia)."""

#: Function words that tell English text from other languages (language detection).
STOPWORDS = ("the", "of", "and", "to", "in", "is", "was", "were", "that", "for", "on", "with", "as", "by",
             "at", "from", "his", "her", "their", "which", "have", "has", "had", "been", "it", "this", "an",
             "are", "would", "who", "after", "into", "they", "he", "she", "its", "but", "not")

# ---------------------------------------------------------------------------------------------
# Incident triggers by event type (the registry in geo/events.py names the types). Each entry is
# a regular-expression fragment for one word or phrase, matched whole-word, case-insensitively.
TRIGGERS = {
    "ambush": (r"ambush(?:ed|es|ing)?",),
    "bombing": (r"bomb(?:s|ed|ing|ings)?", r"car[ -]bombs?", r"explosives?", r"explosions?", r"dynamite",
                r"blasts?", r"IEDs?", r"grenades?", r"detonat\w+", r"landmines?", r"explosive devices?", r"dynamited",
                r"blew up", r"blown up",
                r"(?:stepp(?:ed|ing)|trod|triggered|triggering) (?:on )?an? (?:land ?)?mine\b"),
    "clash": (r"clash(?:ed|es)?", r"firefights?", r"gun ?battles?", r"shoot-?outs?", r"exchange of fire",
              r"exchanged fire", r"outbreak of violence", r"violent (?:clash|confrontation)s?",
              r"confrontations?", r"fighting", r"skirmish(?:es)?", r"combat"),
    "kidnapping": (r"kidnap\w*", r"abduct\w*", r"hostages?", r"took \w+ hostage", r"held (?:[\w-]+ ){1,4}?(?:hostage|captive)"),
    "attack": (r"attack(?:s|ed|ing)?", r"assault(?:s|ed)?", r"raid(?:s|ed|ing)?", r"incursions?", r"burst into", r"struck at", r"massacres?", r"massacred",
               r"murder(?:s|ed)?", r"assassinat\w+", r"executed", r"executions?", r"fired on", r"opened fire",
               r"killed", r"killing", r"killings", r"kills?", r"slain", r"slaughter(?:ed)?", r"razed",
               r"seiz(?:e|ed|es) (?:a |the )?police (?:station|post)", r"took over", r"stormed",
               r"burned down", r"torched", r"set fire to", r"set (?:\w+ ){1,3}?on fire", r"destroyed", r"occupied",
               r"came under (?:fire|attack|gunfire)", r"fired upon", r"shot at", r"sniper fire", r"snipers?",
               r"took control of", r"overran", r"shot down", r"shot dead", r"gunned down", r"lynch(?:ed|es|ing|ings)",
               r"seized (?:the|a) (?:residence|embassy|town|village|prison|jail|"
               r"building|headquarters|police station|barracks|mine|camp|airport|university)"),
    "arrest": (r"captur(?:e|ed|es|ing)", r"arrest(?:s|ed)?", r"detained", r"apprehended"),
    "drug_seizure": (r"seiz(?:ed|ure|ures) of (?:drugs|cocaine|coca paste|marijuana|precursors?)",
                     r"(?:was|were|been) seized",
                     r"interdiction operations?",
                     r"intercept(?:ed|s|ing)?\b(?:[^.;]|\.(?=\d)){0,60}?\b(?:cocaine|drugs|marijuana|coca paste)",
                     r"(?:cocaine|drugs|marijuana|coca paste)\b(?:[^.;]|\.(?=\d)){0,60}?\b(?:was|were) intercepted",
                     r"seiz(?:e|ed|es|ing)\b(?:[^.;]|\.(?=\d)){0,40}?\b(?:cocaine|drugs|marijuana|coca paste|precursors?)",
                     r"destroy(?:ed)? (?:\w+ )?(?:cocaine|drug) lab(?:oratorie)?s?"),
    "riot": (r"riots?", r"rioting", r"looting", r"looted"),
    "blockade": (r"block(?:ed|ing|ade|ades) (?:major |the |a )?(?:[\w-]+ ){0,4}?(?:roads?|highways?|streets|bridges?)",
                 r"road ?blocks?", r"roadblocks?", r"clear(?:ed|ing)? (?:the |a )?(?:[\w-]+ ){0,3}?(?:road ?)?(?:blockades?|roads?|highways?|bridges?)",
                 r"lift(?:ed|ing)? (?:the |a )?(?:road ?)?blockades?", r"unblock(?:ed|ing)? (?:the |a )?(?:[\w-]+ ){0,3}?(?:roads?|highways?|bridges?)",
                 r"evict(?:ed|ing|ion) (?:of )?(?:the )?(?:protesters|demonstrators|strikers)"),
    "protest": (r"protest(?:s|ed|ing|ers|ors)?", r"(?:took|taken|take|taking) to the streets", r"strikes?", r"demonstrat\w+", r"marched", r"protest march(?:es)?",
                r"mobiliz\w+", r"uprising", r"unrest", r"sit-ins?"),
}

# ---------------------------------------------------------------------------------------------
# Numbers.
NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALE_WORDS = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "dozen": 12}
#: Words joining the parts of one number ("two hundred and five").
NUMBER_JOINERS = ("and",)
#: Words between the two ends of a range ("10 or 12", "10 to 12"), and words that open one
#: ("between 10 and 12"); the count is the lower end.
RANGE_JOINERS = ("or", "to")
RANGE_OPENERS = ("between",)
#: Quantifiers that are an exact figure.
EXACT_QUANTIFIERS = {"a dozen": 12, "one dozen": 12, "a couple of": 2, "a pair of": 2, "both": 2,
                     "a single": 1, "a": 1, "an": 1, "another": 1, "one other": 1}
#: Quantifiers that give no exact figure: the count is unknown (null), the words go in the notes.
VAGUE_QUANTIFIERS = ("dozens of", "dozens", "several", "a few", "few", "many", "numerous", "scores of",
                     "hundreds of", "hundreds", "thousands of", "thousands", "some", "various", "multiple",
                     "an unknown number of", "a number of", "countless")
#: Words before a figure that keep it exact ("at least four" is 4, the lowest explicit figure).
COUNT_MODIFIERS = ("at least", "at most", "some", "about", "around", "approximately", "nearly", "almost",
                   "more than", "over", "up to", "as many as", "roughly", "an estimated", "a total of",
                   "all", "all the", "the", "a further", "another", "an additional", "only", "his", "her", "their")

# ---------------------------------------------------------------------------------------------
# Casualties. Each casualty word names a column (killed, injured, disappeared, captured) and
# where its count stands: "before" ("four soldiers were killed", "two dead"), "after"
# ("killing four", "left two dead" is "before"), or "either" ("killed 13 soldiers" and
# "13 soldiers killed"); "counted" is "after" with a figure only ("the massacre of nine campesinos",
# never "the massacre of Accomarca", a place); "people" is "after" with a count of people only ("the
# patrol lost two men", never "lost two helicopters").
CASUALTY_WORDS = {
    "killed": ("killed", "either"), "dead": ("killed", "before"), "died": ("killed", "before"),
    "die": ("killed", "before"), "dies": ("killed", "before"), "deaths": ("killed", "before"),
    "death": ("killed", "before"), "fatalities": ("killed", "before"), "murdered": ("killed", "either"),
    "slain": ("killed", "before"), "executed": ("killed", "either"), "massacred": ("killed", "either"),
    "perished": ("killed", "before"), "lost their lives": ("killed", "before"),
    "lost his life": ("killed", "before"), "lost her life": ("killed", "before"),
    "shot dead": ("killed", "either"), "gunned down": ("killed", "either"), "lynched": ("killed", "either"), "bodies": ("killed", "before"), "corpses": ("killed", "before"),
    "lost": ("killed", "people"), "loses": ("killed", "people"), "killing": ("killed", "after"), "kills": ("killed", "after"), "kill": ("killed", "after"),
    "murdering": ("killed", "after"), "executing": ("killed", "after"), "massacring": ("killed", "after"),
    "death toll": ("killed", "after"), "toll": ("killed", "after"), "claimed the lives of": ("killed", "after"),
    "took the lives of": ("killed", "after"), "the deaths of": ("killed", "after"),
    "the death of": ("killed", "after"), "the killing of": ("killed", "after"),
    "massacre of": ("killed", "counted"), "massacres of": ("killed", "counted"), "murder of": ("killed", "counted"),
    "murders of": ("killed", "counted"), "slaughter of": ("killed", "counted"), "execution of": ("killed", "counted"),
    "executions of": ("killed", "counted"), "killings of": ("killed", "counted"),
    "suffered injuries": ("injured", "before"), "were hurt": ("injured", "before"), "injured": ("injured", "either"), "wounded": ("injured", "either"), "hurt": ("injured", "before"),
    "injuries": ("injured", "before"), "injuring": ("injured", "after"), "wounding": ("injured", "after"),
    "casualties": ("casualties", "before"),
    "disappeared": ("disappeared", "before"), "missing": ("disappeared", "before"),
    "went missing": ("disappeared", "before"),
    "kidnapped": ("captured", "either"), "abducted": ("captured", "either"), "taken hostage": ("captured", "before"),
    "hostages": ("captured", "before"), "hostage": ("captured", "before"), "captured": ("captured", "either"), "arrested": ("captured", "either"),
    "detained": ("captured", "either"), "arrest": ("captured", "after"), "capture": ("captured", "after"),
    "detaining": ("captured", "after"), "arresting": ("captured", "after"), "capturing": ("captured", "after"),
    "detain": ("captured", "after"), "shot and wounded": ("injured", "either"), "shot and injured": ("injured", "either"),
    "shot and killed": ("killed", "either"), "kidnapping": ("captured", "after"), "abducting": ("captured", "after"),
    "capturing": ("captured", "after"), "arresting": ("captured", "after"),
}
#: Auxiliaries and particles that may stand between a count and its casualty word.
CASUALTY_AUXILIARIES = ("were", "was", "are", "is", "have", "has", "had", "been", "being", "be", "got",
                        "reportedly", "also", "all", "later", "allegedly", "subsequently", "each", "then",
                        "more", "were reported", "reported", "found", "confirmed")
#: Words between a casualty word and the count after it ("the death toll rose to 14").
COUNT_LINKS = ("rose to", "risen to", "rising to", "climbed to", "reached", "stood at", "stands at", "was",
               "is", "of", "now")
#: Words joining the counts of one casualty word ("nine soldiers and two civilians died").
COUNT_CONJUNCTIONS = ("and", "as well as", "plus")
#: Words of a figure that totals the figures told before it, not another group's ("the death toll").
TOLL_WORDS = ("toll", "total", "in all", "altogether", "overall")
#: Words after a count that make it part of one told before ("several of whom were killed").
PARTITIVES = ("of whom", "of them", "of those", "of these", "of which")
#: Words after a count that make it a count of people (victims), one of which may follow it.
VICTIM_NOUNS = ("people", "persons", "person", "civilians", "civilian", "soldiers", "soldier", "police",
                "policemen", "policeman", "officers", "officer", "troops", "servicemen", "members",
                "protesters", "protestors", "demonstrators", "peasants", "villagers", "farmers", "campesinos",
                "residents", "children", "women", "men", "guerrillas", "rebels", "insurgents", "terrorists",
                "militants", "attackers", "assailants", "fighters", "workers", "eradicators", "employees",
                "passengers", "students", "teachers", "journalists", "prisoners", "inmates", "guards",
                "hostages", "victims", "others", "individuals", "agents", "marines", "sailors", "conscripts",
                "recruits", "comuneros", "ronderos", "natives", "indigenous", "community", "family",
                "families", "bystanders", "leaders", "mayors", "judges", "prosecutors", "priests",
                "nuns", "tourists", "foreigners", "traffickers", "cadets", "commandos", "patrolmen",
                "senderistas", "narcoterrorists", "suspects", "minors", "youths", "adults", "elderly",
                "man", "woman", "child", "boy", "girl", "farmer", "peasant", "villager", "resident", "worker",
                "student", "teacher", "journalist", "guard", "member", "leader", "mayor", "judge", "prosecutor",
                "priest", "guerrilla", "rebel", "insurgent", "terrorist", "militant", "attacker", "engineer",
                "engineers", "growers", "grower", "cocaleros", "victim", "individual", "agent", "marine",
                "conscript", "tourist", "suspect", "minor", "youth", "trafficker", "patrolman", "sons", "daughters",
                "relatives", "brothers", "sisters", "wives", "husbands", "parents", "grandchildren", "nephews",
                "bodyguards", "escorts", "companions", "drivers", "officials", "councilmen",
                "driver", "pilots", "pilot", "crewmen", "crew", "miners", "miner", "fishermen", "merchants",
                "traders", "vendors", "shopkeepers", "truckers", "sergeants", "sergeant", "corporals", "captains",
                "captain", "lieutenants", "lieutenant", "colonels", "colonel", "commanders", "commander",
                "troopers", "paramilitaries", "gunmen", "gunman", "bandits", "criminals", "pupils",
                "schoolchildren", "babies", "infants", "pedestrians", "passersby", "technicians", "contractors",
                "volunteers", "nurses", "doctors", "lawmakers", "congressmen", "candidates", "councillors",
                "authorities", "elders", "boys", "girls", "settlers", "colonists", "loggers", "smugglers")
#: Adjectives and titles that may stand between a count and its victim noun.
VICTIM_MODIFIERS = ("peruvian", "national", "army", "military", "police", "pnp", "navy", "special", "forces",
                    "local", "unarmed", "innocent", "indigenous", "armed", "other", "more", "young", "elderly",
                    "rural", "civilian", "counterterrorism", "counternarcotics", "anti-drug", "government",
                    "security", "state", "shining", "path", "sendero", "dirandro", "dinoes", "ejercito",
                    "coca", "awajun", "aguaruna", "ashaninka", "quechua", "further",
                    "additional", "another", "more", "total", "female", "male", "off-duty", "of", "the", "his", "her",
                    "suspected", "alleged", "presumed", "drug", "narco",
                    "their")
#: Nouns of what a figure counts when it counts no one (never a casualty count).
MEASURE_NOUNS = ("death squad", "death squads", "kilos", "kilograms", "kg", "grams", "tons", "tonnes", "metric", "pounds", "hectares",
                 "acres", "meters", "metres", "kilometers", "kilometres", "km", "miles", "years", "year",
                 "months", "month", "weeks", "week", "days", "day", "hours", "hour", "minutes", "times",
                 "percent", "per", "%", "dollars", "soles", "usd", "us$", "weapons", "rifles", "guns",
                 "firearms", "rounds", "bullets", "grenades", "bombs", "explosives", "sticks", "cartridges",
                 "vehicles", "trucks", "cars", "houses", "homes", "buildings", "labs", "laboratories",
                 "maceration", "pits", "attacks", "incidents", "acts", "actions", "cases", "ambushes",
                 "bombings", "clashes", "operations", "arrests", "seizures", "plants", "plots", "towers",
                 "pylons", "bridges", "roads", "districts", "provinces", "regions", "departments",
                 "communities", "villages", "towns", "places", "locations", "sites", "points",
                 "complaints", "reports", "votes", "seats", "shots", "steps", "stores", "shops",
                 "boxes", "bags", "packages", "liters", "litres", "gallons", "barrels", "drums",
                 "cocaine", "marijuana", "hydrochloride", "precursors", "chemicals", "kilo", "ton", "tonne",
                 "vehicle", "truck", "car", "house", "attack", "ambush", "bombing")
#: Subjects that make a casualty word zero ("no one was hurt"), and negating determiners
#: before a casualty noun ("no casualties", "without injuries").
ZERO_SUBJECTS = ("no one", "nobody", "none", "no-one", "no person", "no people", "no soldiers", "no police",
                 "no officers", "no civilians")
ZERO_DETERMINERS = ("no", "without", "without any", "zero", "no reported", "not any", "nor")
#: Words that deny the casualty word after them ("were not killed", "failed to kill").
NEGATIONS = ("no", "not", "never", "none", "nobody", "neither", "nor", "without", "failed to", "no one")
#: Singular victims, one each after a determiner or possessive of SINGULAR_DETERMINERS ("the mayor",
#: "his wife"); words of VICTIM_MODIFIERS may stand between ("the local police officer").
SINGULAR_VICTIMS = ("mayor", "deputy mayor", "governor", "lieutenant governor", "councilman", "councilor",
                    "official", "wife", "husband", "son", "daughter", "brother", "sister", "father", "mother",
                    "nephew", "niece", "grandson", "granddaughter", "teacher", "judge", "justice of the peace",
                    "prosecutor", "priest", "nun", "catechist", "peasant", "farmer", "villager", "resident",
                    "police officer", "policeman", "officer", "soldier", "guard", "bodyguard", "driver",
                    "leader", "union leader", "journalist", "engineer", "student", "worker", "nurse", "doctor",
                    "child", "baby", "boy", "girl", "man", "woman", "lieutenant", "sergeant", "captain",
                    "commander", "colonel", "president", "community president", "community leader")
#: Contractions read as their words where phrases are matched (none in English: "don't" names no casualty).
CONTRACTIONS: dict[str, tuple[str, ...]] = {}
SINGULAR_DETERMINERS = ("the", "his", "her", "their", "our")
#: Auxiliaries and casualty verbs of one victim: with no count or name before them, they count one
#: ("he was arrested", "was killed along with two others").
SINGULAR_VERBS = ("was", "is", "has", "lost his life", "lost her life", "dies")
#: Relative pronouns of a person: a victim with no figure after them is one told already ("the rebel who
#: killed the mayor").
RELATIVE_PRONOUNS = ("who", "that", "which")
#: Words that add the victims after them to those of the casualty word before ("was killed along with two
#: of his bodyguards"), and words that do so only before people ("with two others", not "with a machete").
#: Words opening an aside that names some of the victims just counted ("Seven people, including three children, died").
INCLUSIONS = ("including", "among them", "among whom", "among those")
COMPANIONS = ("along with", "together with")
WITH_PEOPLE = ("with",)
#: Words opening a circumstance between a casualty verb and its victims ("killed, in front of the
#: villagers, seven officials").
#: Ordinals that count a victim as the n-th told ("a fourth officer later died": four in all).
ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
            "tenth": 10}
#: Words that count others beyond those told ("two more soldiers died", "another officer").
ADDED_MARKERS = ("more", "another", "other", "others", "further", "additional")
CIRCUMSTANCES = ("in front of", "in the presence of", "during", "after", "in", "at")

# ---------------------------------------------------------------------------------------------
# Dates: month and weekday names, words dated from the report's date or from the incident just told.
MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
          "september": 9, "october": 10, "november": 11, "december": 12}
#: Abbreviated months, read only beside a day or year ("Nov. 13", "13 NOV 07").
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                       "sept": 9, "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
#: Dates counted from the report's date: phrase -> (unit, how many units after it).
RELATIVE_WORDS = {"yesterday": ("day", -1), "today": ("day", 0), "last week": ("week", -1),
                  "last month": ("month", -1)}
#: After a number, dates counted from the incident just told: words -> days per unit, signed
#: ("three days later" is +3, "two weeks earlier" -14). These, RELATIVE_WORDS, SAME_DAY and
#: RELATIVE_DAYS are matched whole-word, ignoring case and accents ("dias despues").
COUNTED_DAYS = {"day later": 1, "days later": 1, "day earlier": -1, "days earlier": -1,
                "week later": 7, "weeks later": 7, "week earlier": -7, "weeks earlier": -7,
                "day after": 1, "days after": 1, "day before": -1, "days before": -1,
                "week after": 7, "weeks after": 7, "week before": -7, "weeks before": -7}
#: Words ending a counted day or following it that say what it is counted from ("two days after the
#: attack"): counted from something other than an incident ("one day after the president spoke"), it
#: dates no incident.
COUNTED_FROM = ("after", "before")
#: A day of the month told alone ("on the 11th"), of the month last told (or the report's): the
#: words before the day, the phrases that keep the month ("of the same month"), and the words after
#: a figure that make it no day ("the 11th century", "the 31st Infantry Battalion" is a name).
DAY_ARTICLES = ("the",)
DAY_SUFFIXES = ("st", "nd", "rd", "th")  # required after the figure: "the 11 soldiers" is no day
SAME_MONTH = ("of the same month", "of that month", "of that same month")
NOT_DAYS_AFTER = ("century", "centuries", "anniversary", "of", "floor", "birthday", "percent", "place",
                  "time", "round", "congress", "day", "year", "grade", "amendment", "edition")

# ---------------------------------------------------------------------------------------------
# Sentences that speak of incidents without reporting one.
HEDGES = ("could", "would", "might", "may", "will", "plans to", "plan to", "planned to", "threat", "threats",
          "threaten", "threatens", "threatened to", "risk", "risks", "warn", "warns", "warned", "vowed",
          "condemn", "condemned", "condemns", "prevent", "prevented", "prevention", "counterterrorism",
          "counter-terrorism", "antiterrorism", "anti-terrorism", "capability", "capabilities", "strategy",
          "strategic", "agreement", "cooperation", "training", "program", "programs", "funding",
          "legislation", "law enforcement", "allegedly planning", "intends to", "intended to", "sought to",
          "potential", "possibility", "possible", "likely", "feared")
#: Words that tell what was said about an incident rather than the incident (with no date or count).
STATEMENT_VERBS = ("said", "says", "stated", "discounted", "suggest", "suggests", "suggested", "described",
                   "told", "claimed", "denied", "refused", "announced", "declared", "believe", "believes",
                   "believed", "expect", "expects", "suspect that", "suspects that", "suspected that", "continue to",
                   "continues to", "continued to", "reported that", "report that", "reports that", "noted that", "alleged that",
                   "allege that", "confirmed that", "indicated that")
#: ("suspected", "alleged" alone mostly qualify a noun: "five suspected rebels", "alleged traffickers".)
#: Accidents and disasters: their dead are no incident of the conflict unless an armed group is named.
MISHAPS = ("accident", "accidents", "crash", "crashed", "fell into a ravine", "plunged into a ravine", "overturned",
           "landslide", "landslides", "mudslide", "mudslides", "flood", "floods", "flooding", "earthquake",
           "heavy rains", "avalanche", "electrocuted", "drowned")
#: Events about an incident that are not incidents: trials, sentences, anniversaries, memorials,
#: investigations, exhumations, compensation.
NOT_INCIDENTS = ("trial", "tried", "convicted", "conviction", "sentenced", "sentence", "acquitted",
                 "verdict", "court", "judge", "lawsuit", "charged", "indicted", "prosecuted", "prosecution",
                 "anniversary", "commemorat\\w*", "memorial", "tribute", "honored", "honoured", "mourned",
                 "investigat\\w*", "inquiry", "exhum\\w*", "reparations", "compensation", "apologi\\w*",
                 "extradit\\w*", "pardon\\w*", "amnesty")
#: A period or a campaign, not one incident ("a series of attacks", "since 1980").
SERIES = (r"series of (?:\w+ )?(?:attacks|bombings|ambushes|killings|massacres)",
          r"wave of (?:\w+ )?(?:attacks|bombings|violence|killings)",
          r"campaign of (?:\w+ )?(?:attacks|bombings|violence|terror)", r"years of violence",
          r"(?:in|over|during) the (?:following|next|ensuing) (?:\w+ )?(?:days|weeks|months|years)",
          r"throughout the year", r"(?:kept|keeps|went on) (?:\w+ing)")
#: Totals over a period ("64 terrorist acts", "in 2008, there were ...").
AGGREGATES = (r"\d+\s+(?:terrorist\s+|violent\s+|armed\s+|separate\s+)?(?:acts|attacks|incidents|actions|ambushes)",
              r"(?:in|during|throughout)\s+(?:19|20)\d\d,\s+(?:there\s+were|\w+\s+(?:carried out|conducted|committed))",
              r"(?:a|the) total of \d+ (?:attacks|incidents)", r"per year", r"annually", r"each year",
              r"during the year", r"over the past year")
#: Background: the incident is context for something else.
BACKGROUND = ("in the context of", "amid", "against the backdrop", "in the wake of")
#: Markers of an event told in passing, long before the report ("years earlier").
HISTORICAL = ("years earlier", "years before", "years ago", "decades ago", "decades earlier", "in the past",
              "previously", "once", "former",
              "historically")
#: Words that introduce an incident as distinct from the one just told.
SEPARATE = ("separate", "second", "another attack", "another incident", "another ambush", "in addition to",
            "elsewhere", "meanwhile", "also on", "in a separate", "earlier that", "a later", "a further")
#: Determiners before an incident noun that refer back to one already told ("the attack").
ANAPHORA_DETERMINERS = ("the", "this", "that", "these", "those", "both", "said", "aforementioned", "above-mentioned")
#: Incident nouns that can refer back to one already told.
ANAPHORA_NOUNS = ("attack", "attacks", "ambush", "bombing", "blast", "explosion", "capture", "violence",
                  "clash", "clashes", "massacre", "incident", "killing", "killings", "assault", "raid",
                  "operation", "event", "events", "protest", "protests", "strike", "confrontation",
                  "ambushes", "bombings", "massacres", "raids", "assaults", "executions", "captures", "arrests",
                  "explosions", "offensives", "murders", "operations")
#: "the same day", "that night": the date of the incident just told.
SAME_DAY = ("the same day", "that day", "the same night", "that night", "that evening", "that morning",
            "the same morning", "the same evening", "on the same day", "hours later", "minutes later",
            "shortly after", "shortly afterwards", "later that day", "later that night", "in the night",
            "during the night", "that afternoon")
#: Dates counted from the incident just told: phrase -> days after it.
RELATIVE_DAYS = {"the next day": 1, "the following day": 1, "a day later": 1, "one day later": 1,
                 "the day after": 1, "the next morning": 1, "the following morning": 1, "overnight": 1,
                 "two days later": 2, "three days later": 3, "four days later": 4, "five days later": 5,
                 "a week later": 7, "one week later": 7, "two weeks later": 14, "the day before": -1,
                 "the previous day": -1, "a day earlier": -1, "two days earlier": -2, "the night before": -1}
#: Words that open a period ("since July 1984"): its date dates no event.
PERIOD_OPENERS = ("since", "from", "until", "through", "between")
#: Words that close a period opened before ("between January and July", "from 1980 to 1992").
RANGE_CLOSERS = ("and", "to", "until", "till", "through")
#: "by X" names the doer of a passive verb.
AGENT_MARKERS = ("by", "at the hands of")
#: Auxiliaries that make the next verb passive ("were ambushed").
PASSIVE_AUXILIARIES = ("was", "were", "been", "being", "is", "are", "got")

# ---------------------------------------------------------------------------------------------
# Actors: the registry in geo/actors.py names them; these are the words for each.
ACTOR_WORDS = {
    "Police Forces of Peru": (r"PNP", r"DIRANDRO", r"DINOES", r"DIRCOTE", r"GOES", r"police(?:men|man)?",
                              r"Peruvian National Police", r"National Police", r"police officers?", r"officers",
                              r"constables?", r"patrolmen"),
    "Military Forces of Peru": (r"army", r"armed forces", r"soldiers?", r"military", r"navy", r"marines",
                                r"security forces", r"troops", r"servicemen", r"conscripts",
                                r"(?:army|military|navy) (?:patrols?|convoys?)", r"counterinsurgency forces", r"sinchis", r"commandos"),
    "Sendero Luminoso": (r"Sendero Luminoso", r"Shining Path", r"SL", r"PCP-SL", r"senderistas?", r"terrorists?",
                         r"rebels?", r"guerrill(?:a|as|eros?)", r"narco-?terrorists?", r"subversives?",
                         r"insurgents?", r"Comrade \w+", r"Artemio", r"Quispe Palomino(?: clan| brothers| faction)?",
                         r"(?:Shining Path |SL )?remnants?", r"militants", r"Militarized Communist Party",
                         r"MPCP", r"column of (?:rebels|guerrillas)"),
    "MRTA": (r"MRTA", r"T[uú]pac Amaru(?: Revolutionary Movement)?",),
    "Drug traffickers": (r"drug[ -]traffickers?", r"narco-?traffickers?", r"narco-?trafficking interests",
                         r"narco-?thugs?", r"traffickers?", r"drug gangs?", r"cartels?", r"smugglers?"),
    "Etnocaceristas": (r"Etnocacerista\w*", r"reservists"),
    "Self-defence committees (Peru)": (r"self-defen[cs]e committees?", r"ronderos", r"rondas campesinas",
                                       r"peasant patrols?", r"civil defen[cs]e committees?"),
    "Cocaleros": (r"cocaleros", r"coca growers", r"coca farmers"),
    "Protesters (Peru)": (r"protest(?:e|o)rs", r"demonstrators", r"strikers", r"marchers", r"indigenous protest(?:e|o)rs",
                          r"union (?:and student )?leaders", r"students", r"unions?", r"natives", r"Awaj[uú]n",
                          r"Aguaruna", r"Wampis", r"indigenous groups?"),
    "Rioters (Peru)": (r"rioters", r"mobs?", r"looters"),
    "Civilians (Peru)": (r"civilians", r"villagers", r"peasants", r"farmers", r"campesinos", r"residents",
                         r"comuneros", r"people", r"persons", r"prosecutors?", r"eradicators", r"workers",
                         r"hostages", r"children", r"women", r"teachers", r"mayors?", r"journalists?",
                         r"passengers", r"families", r"community members", r"inhabitants", r"victims"),
}
#: Words that tell captives set free: "the hostages were released" ends a kidnapping told before, it is no new one.
RELEASES = ("released", "freed", "set free", "let go", "release", "freeing", "releasing")
#: Words before an incident noun that say it was told before ("the aforementioned attack").
RETOLD_MARKERS = ("aforementioned", "above-mentioned", "said", "same", "earlier", "previous")
#: Words that make a capture a drug seizure.
DRUG_WORDS = ("drug", "drugs", "cocaine", "coca paste", "cocaine base", "marijuana", "precursor", "precursors",
              "narcotics", "heroin", "opium", "opium poppy", "cocaine hydrochloride", "laboratory", "laboratories",
              "maceration pits")
#: Nouns a trigger word may modify without reporting an event ("protest leaders", "strike committee").
MODIFIED_NOUNS = ("leader", "leaders", "organizer", "organizers", "committee", "committees", "group", "groups",
                  "movement", "movements", "platform", "demands", "zone", "zones", "threat", "threats", "tactics",
                  "capability", "capabilities", "survivors", "charges", "law", "laws", "helicopters", "dogs",
                  "squad", "season", "suspect", "suspects", "warrant", "warrants", "order", "orders")
#: Where a modifier stands from its noun: "before" ("protest leaders") or "after" ("dirigentes de la protesta").
MODIFIER_ORDER = "before"
#: Words that join the names of a list ("Cusco, Puno and Tacna").
LIST_JOINERS = ("and",)
#: Prepositions that make the names after them the place of what is told ("in Cusco").
LOCATIVES = ("in", "at", "across", "throughout")
#: Prepositions making an incident noun the complement of another ("the victims of the Accomarca massacre",
#: "the trial for the killings"): it names a past incident, not the one the clause tells.
COMPLEMENT_LINKS = ("of", "for", "over")
#: Words that make the places of a list the places of separate incidents ("in separate incidents in ...").
DISTRIBUTIVES = ("separate", "several", "various", "different", "simultaneous", "coordinated", "respectively")
#: Fields of an infobox or fact box: label -> what it gives (date, place, killed, injured, perpetrator).
INFOBOX_FIELDS = {"date": "date", "location": "place", "deaths": "killed", "killed": "killed",
                  "fatalities": "killed", "injured": "injured", "wounded": "injured", "non-fatal injuries": "injured",
                  "casualties": "killed", "perpetrators": "actor", "perpetrator": "actor", "attack type": "kind",
                  "target": "target", "victims": "killed"}
ACTOR_WORDS["Unidentified Armed Group (Peru)"] = (r"gunmen", r"armed men", r"(?:a group of )?unidentified (?:armed )?(?:men|individuals|assailants|attackers)",
                                                  r"assailants", r"attackers", r"hooded men", r"masked men")
#: Words before a place that make it a victim's office, not where the event happened ("the mayor of Tama").
OFFICE_OF = ("mayor of", "minister of", "ambassador of", "governor of", "prefect of", "bishop of", "president of", "judge of", "prosecutor of",
             "lieutenant governor of", "leader of")
#: Words after a place that make it the place of the verb that follows ("Tambillo, where they killed").
RELATIVE_LOCATIVES = ("where", "in which", "at which")
#: Endings of finite verbs and participles: a trigger so ending asserts the event ("attacked").
VERB_ENDINGS = ("ed", "ing")
#: Adjectives right before a place that name a part of it ("northern Ayacucho"): word -> compass points.
PART_ADJECTIVES = {
    "northern": ("north",), "southern": ("south",), "eastern": ("east",), "western": ("west",),
    "northeastern": ("north", "east"), "north-eastern": ("north", "east"), "northwestern": ("north", "west"),
    "north-western": ("north", "west"), "southeastern": ("south", "east"), "south-eastern": ("south", "east"),
    "southwestern": ("south", "west"), "south-western": ("south", "west"), "central": ("central",),
}
#: Nouns naming a part of the place after them ("the north of Ayacucho"); "north of Lima" alone is outside it.
PART_NOUNS = {
    "north": ("north",), "south": ("south",), "east": ("east",), "west": ("west",),
    "northeast": ("north", "east"), "northwest": ("north", "west"), "southeast": ("south", "east"),
    "southwest": ("south", "west"), "centre": ("central",), "center": ("central",),
}
#: Words required before a part noun ("the north of").
PART_ARTICLES = ("the",)
#: Words between a part noun and the place ("the north of").
PART_LINKS = ("of",)

# ---------------------------------------------------------------------------------------------
# Place mentions: cue words, and the words that tell places from people and organisations.
#: Cue words before a name -> the kind of place they announce.
CUE_BEFORE = {
    "region of": "department", "department of": "department", "region": "department",
    "province of": "province", "district of": "district",
    "town of": "populated_place", "city of": "populated_place", "village of": "village",
    "hamlet of": "village", "community of": "village",
    "river": "river", "the river": "river", "valley of": "zone", "border with": "department",
}
#: Pairs of words that join two names of one level ("from Tacna to the region of Moquegua"):
#: the word before the first name -> the words between the two.
PAIR_WORDS = {"from": ("to",), "between": ("and",)}
#: Plural cue words before a list of names -> the kind of every name of the list ("the provinces of Huanta
#: and La Mar"); before one name they name the unit holding them ("the provinces of Ayacucho"), no cue.
CUE_BEFORE_LIST = {"provinces of": "province", "districts of": "district", "departments of": "department",
                   "regions of": "department"}
#: Cue words after a name -> the kind of place they announce.
CUE_AFTER = {
    "region": "department", "department": "department", "regional": "department", "province": "province",
    "district": "district", "river": "river", "rivers": "river", "valley": "zone", "valleys": "zone",
    "town": "populated_place", "city": "populated_place", "village": "village",
}
#: Words right before a name that make it part of another name ("Embassy Lima", "Operation Chavín de Huántar").
ORG_DIRECT = {"embassy", "amembassy", "amconsul", "consulate", "nas", "dea", "ilea", "rtc", "usaid",
              "dea's", "embassy's", "mission", "post", "posts", "operation"}
#: Words that head an organisation's name ending in a place ("Bank of the Andes").
ORG_BEFORE = ORG_DIRECT | {
    "police", "army", "navy", "congress", "ministry", "bank", "university", "church",
    "commission", "council", "court", "party", "front", "federation", "union", "institute", "mining",
    "company", "corporation", "cement", "cements", "association", "radio",
}
#: Words right after a name that make it part of an organisation's name.
ORG_AFTER = {"country office", "office", "station chief", "embassy", "times", "herald", "post", "mining",
             "company", "corporation", "federation"}
#: Titles before a person's name.
TITLES = {
    "minister", "president", "general", "gen", "colonel", "col", "comrade", "alias", "mr", "mrs", "ms", "dr",
    "judge", "prosecutor", "commander", "captain", "lieutenant", "sergeant", "major", "congressman",
    "ambassador", "bishop", "father", "saint", "archbishop", "dcm", "polcouns", "econcouns", "director",
    "premier", "chairman", "leader", "officer", "agent", "spokesman", "mayor", "governor",
}
#: Words right after a name that make it a person ("Quispe said").
PERSON_AFTER = {"said", "says", "told", "stated", "declared", "added", "noted", "claimed", "explained",
                "argued", "asked"}
#: Words before a name that make it the person heading a government ("the regime of Alan García").
RULE_OF = ("regime of", "government of", "administration of", "presidency of")
#: Capitalised words that may stand beside a place name without making it a person's name.
PLACE_WORDS = {
    "river", "rivers", "valley", "lake", "mount", "province", "region", "department", "district",
    "city", "town", "and", "the", "upper", "lower", "northern", "southern", "eastern", "western", "central",
    "north", "south", "east", "west", "metropolitan", "greater", "bridge", "street", "avenue", "square",
    "highway", "airport", "port", "district's", "in", "of", "amazon", "amazonian", "andean", "jungle", "coast",
}
#: Words that begin sentences without being names ("In Lima").
FUNCTION_WORDS = {
    "in", "at", "on", "the", "from", "to", "near", "of", "and", "but", "after", "before", "since",
    "during", "both", "while", "when", "as", "by", "for", "with", "into", "across", "outside",
    "inside", "around", "between", "like", "unlike", "throughout", "also", "then", "meanwhile",
    "this", "that", "these", "those", "its", "their", "our", "his", "her", "a", "an", "northern",
    "southern", "eastern", "western", "central", "greater", "metropolitan", "rural", "urban",
}
#: Peoples and their languages, named like villages: people unless a cue word makes them a place.
PEOPLES = ("aguaruna", "aguarunas", "awajun", "awajún", "aymara", "aymaras", "quechua", "quechuas",
           "ashaninka", "asháninka", "ashaninkas", "asháninkas", "machiguenga", "machiguengas",
           "matsigenka", "shipibo", "shipibos", "wampis", "nomatsiguenga", "campa", "campas")
#: Places the gazetteer lacks, marked by the text: (what, pattern with {name} standing for the name;
#: "(?i)" in front makes the pattern ignore case).
UNKNOWN_PLACE_PATTERNS = [
    ("street", r"{name}[ \n](?:Street|St\.|Avenue|Ave\.?|Av\.|Road)(?!\w)"),
    ("bridge", r"\b(?:the\s+)?{name}[ \n](?:bridge|Bridge)\b"),
    ("curve", r"\b(?P<name>[A-Z][\w]+'s[ \n]Curve)\b"),
    ("area", r"\bthe\s+{name}[ \n]area\b"),
    ("town", r"\b(?:town|village|hamlet|community) of\s+{name}"),
]
#: Phrases before a place that make it where people came from or went back to, not where it happened.
#: Endings that make a word its possessor's ("Ayacucho's Huanta province", "the community's president").
POSSESSIVE_SUFFIXES = ("'s", "’s")
#: Words opening another clause: a place after one is where that clause happened ("evacuated to Lima after the attack on X").
CLAUSE_OPENERS = ("after", "when", "during", "while")
ELSEWHERE_BEFORE = ("returning to", "return to", "returned to", "based in", "base in", "headquartered in", "fled to",
                    "evacuated to", "airlifted to", "flown to", "taken to", "transferred to")
#: Event nouns after a place name: "the Cayara massacre" is the place of the massacre, whatever precedes it.
EVENT_AFTER = ("massacre", "massacres", "ambush", "bombing", "bombings", "attack", "attacks", "killings",
               "uprising", "raid", "clashes", "riots", "siege")
