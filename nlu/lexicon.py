"""Domain vocabulary per topic, used as extra features by the classifier.

Sixty example sentences per topic cannot show every word people use for a need; a
short list of word stems per topic (Dutch, English, common misspellings) carries that
knowledge. The classifier learns how much to trust each list, so a stem here is a
hint, not a rule. Patterns match the normalised text (lowercase, no accents).
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

__all__ = ["LEXICON", "lexicon_features", "LEXICON_TOPICS"]

LEXICON: dict[str, tuple[str, ...]] = {
    "household": (
        r"schrob", r"netjes", r"op orde", r"soep", r"eten (?:klaar)?maken", r"hoover", r"dust", r"vacuum", r"\bmop", r"ironing", r"washing (?:clothes|up)", r"\btidy", r"bijhouden", r"bij te houden", r"ramen",
        r"huishoud", r"schoonma", r"schoon (?:te )?(?:maken|houden)", r"poets", r"stofzui", r"stof ",
        r"dweil", r"strijk", r"wasgoed", r"de was\b", r"wasmachine", r"wassen en", r"wasmand",
        r"afwas", r"\bvaat\b", r"koken\b", r"\bkook", r"maaltijd", r"opruim", r"rommel", r"troep",
        r"vies", r"vervuil", r"ramen (?:lappen|zemen)", r"bed (?:op|ver)", r"lakens", r"\bclean",
        r"laundry", r"cooking", r"\bcook\b", r"housework", r"tidy", r"\bmeals?\b", r"vuilnis",
        r"badkamer schoon", r"\bwc\b", r"toilet schoon", r"hulp in (?:de |het )?huis",
    ),
    "groceries": (
        r"voorraad", r"\bbakker", r"slager", r"eten (?:in huis|halen|kopen)", r"\bshop\b", r"supermarket", r"recept ophalen",
        r"boodschap", r"boodschappe", r"supermarkt", r"albert heijn", r"\bah\b", r"jumbo", r"lidl",
        r"aldi", r"\bwinkel", r"apothe", r"medicijnen ophalen", r"ophalen bij de apotheek",
        r"voedselbank", r"\beten (?:in huis|halen)", r"geen eten", r"\bmelk", r"\bbrood", r"grocer",
        r"shopping", r"pharmac", r"prescription", r"\bfood\b", r"drogist", r"bezorg", r"boodschappenlijst",
        r"tassen", r"honger", r"koelkast is leeg", r"inkopen", r"markt",
    ),
    "transport": (
        r"\blift to", r"give me a lift", r"dentist", r"\bdoctor", r"\brit\b", r"ritje", r"meerijden", r"\bdrive me", r"\bophalen en", r"rijbewijs", r"te ver (?:lopen|weg)", r"kom ik (?:bij|naar)", r"er (?:kan|kom) ik niet komen",
        r"vervoer", r"\brijden\b", r"\brijdt\b", r"\bbrengen\b", r"\bbrengt\b", r"\bbrenge\b", r"ophalen na",
        r"\bauto\b", r"chauffeur", r"taxi", r"regiotaxi", r"valys", r"\bbus\b", r"busje", r"\btrein",
        r"\bov\b", r"ziekenhuis", r"afspraak", r"polikliniek", r"\bpoli\b", r"huisarts", r"tandarts",
        r"specialist", r"fysio", r"dialyse", r"\bride\b", r"\bdrive\b", r"transport", r"\blift\b naar",
        r"hospital", r"appointment", r"hoe kom ik", r"automaatje", r"rolstoeltaxi", r"scootmobiel",
        r"station", r"begeleiden (?:in|naar)", r"\bnaar (?:de|het|mijn) \w+ (?:brengen|rijden)",
    ),
    "odd_jobs": (
        r"\bslot\b", r"spoelt", r"doorspoel", r"washing machine", r"\binstall", r"monteren", r"\bplumb", r"doet het niet", r"werkt niet(?: meer)?$", r"zit los", r"zit vast", r"rolluik", r"behang", r"\bsleutel", r"radiator", r"struiken", r"printer", r"druppelt", r"spiegel", r"\bstuk\b", r"\bbulb", r"\bflush",
        r"\bklus", r"klusje", r"reparat", r"repareren", r"maken\b.*\bkapot|kapot\b.*\bmaken", r"\blamp",
        r"ophang", r"ophange", r"schilderij", r"gordijn", r"\bkast", r"in elkaar", r"schroev",
        r"\bkraan", r"lekt", r"lekkage", r"\btuin", r"\bheg\b", r"snoei", r"gras", r"maaien", r"onkruid",
        r"bladeren", r"dakgoot", r"stopcontact", r"rookmelder", r"brandmelder", r"batterij",
        r"verschuiv", r"meubel", r"\bverven\b", r"\bschilder", r"boormachine", r"gereedschap",
        r"\bfix", r"\brepair", r"garden", r"shelves", r"\bhang\b", r"\bband is lek", r"fiets repar",
        r"verstopt", r"afvoer", r"deur klemt", r"\bhek\b", r"schuur", r"tegels", r"\bplank",
        r"aansluiten", r"instellen", r"ontlucht", r"handig", r"\bikea",
    ),
    "money": (
        r"\bbrief", r"brieven", r"\bpost\b", r"formulier", r"invullen", r"administratie", r"schuld",
        r"rekening", r"betal", r"aanmaning", r"incasso", r"deurwaarder", r"belasting", r"toeslag",
        r"huurtoeslag", r"zorgtoeslag", r"digid", r"\buwv\b", r"\bsvb\b", r"\baow\b", r"uitkering",
        r"bijstand", r"pensioen", r"\bgeld", r"financ", r"budget", r"\bbank", r"pinpas", r"\bpinnen",
        r"bezwaar", r"kwijtschelding", r"boete", r"cjib", r"\bbills?\b", r"\bdebts?\b", r"\btax",
        r"benefit", r"paperwork", r"\bletter", r"\bmoney", r"gemeente (?:stuurt|brief)", r"snap (?:het|er) niet",
        r"begrijp (?:het|de|deze|er)", r"abonnement", r"rood staan", r"energierekening", r"notaris",
        r"verzekering", r"paspoort", r"aangifte",
    ),
    "loneliness": (
        r"aanspraak", r"iemand (?:zien|spreken)", r"mensen om me heen", r"visite", r"koffie (?:bij|met) (?:me|mij)", r"bij (?:me|mij) (?:op bezoek|langs)", r"isolated", r"\bmiss\b", r"gemis", r"vergeten door", r"niemand meer", r"sociale contact",
        r"eenzaam", r"alleen\b", r"\balleen ", r"niemand", r"gezelschap", r"contact", r"praatje",
        r"bezoek", r"langskomt", r"langs komen", r"op de koffie", r"kopje koffie", r"\bmaatje",
        r"vriend(?:en|in|innen)?\b", r"\bmis (?:mijn|hem|haar|de)", r"\bmis\b", r"overleden", r"weduw",
        r"rouw", r"verdriet", r"\bstil\b", r"stilte", r"lonely", r"\balone\b", r"nobody", r"company",
        r"\bvisit", r"buitengesloten", r"hoor er niet bij", r"luisterend oor", r"kletsen", r"\bleeg\b",
        r"praten met", r"om mee te praten", r"buurten",
    ),
    "caregiver": (
        r"look after", r"looking after", r"sta er (?:\w+ )?alleen voor", r"naast mijn (?:werk|baan)", r"zorgtaken", r"passen op", r"op (?:mijn|me) (?:\w+ )?(?:man|vrouw|moeder|vader|kind|zoon|dochter) passen", r"worn out", r"put (?:mij|me) uit",
        r"mantelzorg", r"\bzorg (?:voor|al)", r"zorgen voor", r"verzorg", r"respijt", r"ontlast",
        r"overbelast", r"uitgeput", r"\bop\b$", r"ben op\b", r"\boppas", r"passen op", r"logeeropvang",
        r"even (?:weg|rust|lucht|pauze)", r"\bpauze", r"time ?out", r"\bcare(?:r|s|ing)? for",
        r"\bcaring\b", r"\bcarer", r"exhausted", r"\bbreak from", r"trek het", r"hou (?:het|dit) (?:niet )?vol",
        r"volhoud", r"lotgenoten", r"dag en nacht", r"voor (?:mijn|me) (?:man|vrouw|moeder|vader|zoon|dochter|partner)\b",
        r"mijn (?:man|vrouw|moeder|vader) (?:met|heeft) (?:dementie|alzheimer|parkinson|ms|kanker)",
    ),
    "housing": (
        r"\bkoud\b", r"vochtig", r"\bdamp", r"\bcold\b", r"stoeltraplift", r"huurcontract", r"gesloopt", r"\bdak boven", r"naar boven", r"woongroep", r"appartement", r"verhuur", r"\bsteps\b",
        r"\bwoning", r"\bwonen", r"verhuiz", r"\btrap\b", r"traplift", r"\btrap (?:op|niet)", r"drempel",
        r"gelijkvloers", r"aangepast", r"aanpassing", r"schimmel", r"\bvocht", r"verhuurder", r"huurbaas",
        r"corporatie", r"woningbouw", r"dakloos", r"uitzetting", r"eruit zetten", r"op straat",
        r"urgentie", r"seniorenwoning", r"aanleunwoning", r"verzorgingshuis", r"inloopdouche",
        r"beugels", r"\blift\b", r"\bflat\b", r"\bhoog\b", r"tocht", r"isol", r"wachtlijst",
        r"huurhuis", r"\bhuur\b", r"\bevict", r"\bmou?ld\b", r"landlord", r"stairs", r"\bmove\b", r"\bramp\b",
        r"plafond", r"\bboven\b", r"beneden slapen", r"wonen met zorg", r"caravan", r"geen (?:vaste )?woonplek",
    ),
    "health": (
        r"evenwicht", r"insuline", r"suikerziekte", r"\bhart\b", r"wijkzuster", r"in en uit bed", r"herkent", r"weg kwijt", r"verzwakt", r"dressed", r"shower", r"forget", r"\bpills?\b",
        r"dement", r"alzheimer", r"vergeet", r"vergeetachtig", r"geheugen", r"in de war", r"verward",
        r"thuiszorg", r"wijkverpleeg", r"verpleeg", r"medicij", r"medicatie", r"pillen", r"\bpijn",
        r"\bziek", r"operatie", r"\bgevallen", r"\bval\b", r"\bvallen", r"duizelig", r"wassen\b",
        r"douchen", r"aankleden", r"steunkousen", r"verzorging", r"persoonlijke", r"somber", r"depress",
        r"angst", r"paniek", r"\bslaap", r"\bmoe\b", r"diabet", r"suiker", r"kanker", r"parkinson",
        r"\bms\b", r"huisarts", r"dokter", r"\barts\b", r"rollator", r"rolstoel", r"alarmknop",
        r"hoortoestel", r"\bogen\b", r"slecht (?:lopen|zien|horen)", r"wond", r"bloeddruk",
        r"incontin", r"psychisch", r"\bdrink", r"alcohol", r"\brook", r"casemanager", r"\bcare at home",
        r"medication", r"forgetful", r"\bill\b", r"\bsick", r"\bfell\b", r"\bpain", r"stress",
        r"hoofdpijn", r"slikken", r"zwakker", r"achteruit",
    ),
    "activities": (
        r"overdag", r"useful", r"during the day", r"something to do", r"om handen", r"spelletje", r"breiclub", r"muziekmiddag", r"wijkcentrum", r"community cent", r"computer(?:en|les|cursus)", r"leren (?:schilderen|tekenen|computeren|zwemmen|fietsen)",
        r"activiteit", r"te doen", r"bewegen", r"beweeg", r"sport", r"zwemm", r"wandelclub",
        r"wandelgroep", r"koffieochtend", r"buurthuis", r"cursus", r"\bles\b", r"lessen", r"taalles",
        r"nederlands leren", r"\bkoor\b", r"zingen", r"kaartclub", r"biljart", r"bridge", r"klaverjas",
        r"yoga", r"gym", r"dansen", r"hobby", r"\bclub\b", r"dagbesteding", r"ritme", r"\bwerk\b",
        r"aan het werk", r"re-?integratie", r"uitje", r"dagje uit", r"verveel", r"moestuin",
        r"workshop", r"bibliotheek", r"leesclub", r"meedoen", r"mee doen", r"samen eten",
        r"taalcafe", r"alzheimer cafe", r"jeu de boules", r"tafeltennis", r"activities", r"\bclass",
        r"\bjoin\b", r"\bgroup\b", r"\bsenior", r"iets (?:leuks|nuttigs|doen)",
    ),
    "volunteer_offer": (
        r"i can (?:\w+ ){0,2}(?:drive|help|cook|visit)", r"if needed", r"ik kan (?:\w+ ){0,3}(?:rijden|helpen|koken|klussen) (?:voor|als)", r"(?:voor|bij) (?:anderen|een ander)", r"meehelpen", r"als (?:chauffeur|vrijwilliger|maatje|klusser|buddy)", r"gezelschap houden", r"hulp (?:aan)?bieden", r"bied (?:hulp|aan)", r"sign up", r"\bopgeven\b",
        r"vrijwillig", r"\bvolunteer", r"wil (?:graag )?helpen", r"wil helpe", r"iets (?:voor|betekenen)",
        r"aanbieden", r"bied (?:me|mij|ik)", r"\baanmelden als", r"opgeven als", r"tijd over",
        r"buddy", r"taalmaatje", r"maatje worden", r"\bwie kan ik helpen", r"\bmag ik helpen",
        r"\bkan ik helpen", r"terugdoen", r"inzetten voor", r"maatschappelijke stage",
        r"i (?:want|would like|d like|can) (?:to )?(?:help|volunteer|offer)", r"offer my help",
        r"\bhelp (?:others|people)", r"ik help graag", r"helpen (?:met|bij) (?:de|het)? ?\w+ (?:van|voor) (?:een|iemand|mensen|ouderen)",
        r"voor (?:anderen|ouderen|mensen die)", r"doe graag iets",
    ),
    "worry_other": (
        r"hiernaast", r"naast (?:mij|ons)", r"next door", r"(?:de|een) (?:man|vrouw|meneer|mevrouw|dame|jongen) (?:hiernaast|naast|van|in|op)", r"portiek", r"niet geholpen worden", r"wil niet geholpen", r"zegt dat alles goed", r"won'?t accept",
        r"zorgen (?:om|over)", r"maak me zorgen", r"maak mij zorgen", r"bezorgd", r"ongerust",
        r"\bbuurvrouw", r"\bbuurman", r"\bburen\b", r"buurjongen", r"wil geen hulp", r"wil niet",
        r"geen hulp wil", r"vraagt (?:nooit|niet) om hulp", r"weigert", r"\bworried", r"refuses",
        r"won'?t (?:ask|accept)", r"my (?:neighbou?r|father|mother|friend)", r"mijn (?:oma|opa|tante|neef|vriendin|vriend|collega|schoonvader|schoonmoeder)\b",
        r"melden", r"gaat (?:niet )?goed met (?:haar|hem)", r"achteruit", r"redt het niet",
        r"doet (?:de deur )?niet open", r"gordijnen (?:al )?dicht", r"bij (?:haar|hem) gaan kijken",
    ),
    "other": (
        r"hoe laat (?:sluit|gaat|begint|is|open)", r"openingstijd", r"\bkeer\b \d", r"\d+ (?:keer|plus|min) \d+", r"verifieer", r"account",
        r"\bweer\b", r"hoe laat", r"\btest", r"klik", r"\blink\b", r"gewonnen", r"verdien",
        r"crypto", r"viagra", r"\bjoke\b", r"\bmop\b", r"recept", r"kampioen", r"uitslag", r"hoofdstad",
        r"pizza", r"film", r"verkeerd", r"vergist", r"\bbot\b", r"weather", r"what time", r"lol", r"haha",
    ),
}

LEXICON_TOPICS: tuple[str, ...] = tuple(LEXICON)


@lru_cache(maxsize=1)
def _compiled() -> tuple[re.Pattern[str], ...]:
    # Every stem starts at a word boundary (optionally after the Dutch participle
    # prefix "ge": "gepoetst"): one leading \b lets the engine skip the alternation at
    # most positions, which makes matching several times faster.
    return tuple(
        re.compile(r"\b(?:ge)?(?:" + "|".join(p.removeprefix(r"\b") for p in pats) + ")")
        for pats in LEXICON.values()
    )


def lexicon_features(normalized_texts: list[str]) -> np.ndarray:
    """One row per text: for each topic, log(1 + number of stems that match)."""
    patterns = _compiled()
    out = np.zeros((len(normalized_texts), len(patterns)), dtype=np.float64)
    for i, text in enumerate(normalized_texts):
        for j, pattern in enumerate(patterns):
            n = len(pattern.findall(text))
            if n:
                out[i, j] = np.log1p(n)
    return out
