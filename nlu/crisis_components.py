"""Crisis patterns built from components instead of memorised phrases.

The phrase rules in :mod:`nlu.crisis` catch what someone once wrote. People in crisis
write the same meaning in endless ways, so these rules combine small vocabularies:

* suicide: a wish or hope (wil, hoop, liever, zou willen, want) near a negation and a
  word for living / existing / waking up, in any order ("ik nie wil leven meer",
  "i dont want live no more"); a wish near a word for dying; being absent as the
  better outcome ("het is beter als ik er niet ben"); a method with intent (saving
  pills, jumping into water, hanging, gas with the windows shut); harm to oneself.
* violence: a person (hij, mijn man, iemand...) doing harm (pain, a blow, a black eye,
  the throat) to me; fear or lack of safety at home; confinement and withheld papers;
  stalking; hearing a fight with someone screaming.
* danger: a body function (breath, chest, speech, a limb, blood, the throat) with an
  acute marker (niet, nauwelijks, stopt niet, ineens, zwelt); a person lying
  somewhere who does not move; falls from a height or into water; a vulnerable person
  missing; a child that swallowed something; fire slang.

Round 8 (``crisis_dev2.yml``) adds methods without the word "dood" (a car into a tree,
in front of a train, from a height, into the water, "ik weet hoe ik het ga doen"),
reunion with the dead, affairs put in order, "het mag stoppen", self-harm as scratching
or burning, third parties; children's own words, breached restraining orders, weapons
at the door, intruders still inside, thrown objects, someone hurting a partner, child or
animal now; water at electricity, power cuts with oxygen / dialysis / ventilation,
being trapped, carbon monoxide; and co-occurrence groups (every part anywhere in the
text): a person with dementia + gone + cold or night; an adult relative + my bed or
room + at night or in secret.

Round 9 (``crisis_dev3.yml``, written before the rules were read) adds misspelt names
for suicide ("zelfmort", "suside"), announced absence in any word order ("ik ben er
morgen niet meer"), not being able to promise one's own safety, being run over,
drowning and hanging verbs ("verzuipen", "verhangen"), euthanasia refused so "ik doe het
zelf", a finished life ("mijn leven is op"); a break-in going on now, the writer about
to harm someone else (a stabbing verb, or a killing verb with a weapon at hand), one
relative hurting another in a child's words ("papa doet mama pijn"), food or care
withheld, money taken from an old parent, the throat grabbed, fear for one's life,
formal and in-law person words; water getting into a home, someone under a vehicle or
run over, a neighbour who has not opened the door for days, chest pain in other words,
a whole stock of pills at once. Each rule came with look-alikes it must not raise
(tests/nlu: ``NEAR_MISSES_DEV3``).

All patterns run on the cleaned text of :mod:`nlu.crisis` (crisis-normalised, idioms
blanked). Past events are handled by the caller.
"""

from __future__ import annotations

import re

from nlu.api import CrisisKind
from nlu.regex_dispatch import compile_words, first_char_alternation, top_level_split

__all__ = ["component_hits", "component_kinds", "word_start_alternation"]

_NEG = r"(?:niet|nie|nooit|geen|not|no|never|dont|don|nt)"
_WISH = r"(?:wil|wou|wilde|willen|hoop|hoopte|hoef|hoeft|liefst|liever|zou|wens|want|wanna|wish|hope)"
_LIVE = r"(?:leven|lev|bestaan|wakker(?! (?:liggen|lig|ligt)\b)|(?:doorgaan|door gaan)(?! met)|live(?! in (?:this|a|the|my|that|here)| (?:here|there|with|at|near|next|alone)\b)|living|alive|exist|wake)"
_DIE = r"(?:dood|doodgaan|sterven|overlijden|die|dead|dying)"
_PERSON = (
    r"(?:hij|zij|ze|iemand|hem|haar|man|vrouw|partner|vriend|vriendin|ex|vader|pa|papa|"
    r"moeder|ma|mama|zoon|dochter|broer|zus|oom|tante|neef|nicht|opa|oma|stiefvader|"
    r"stiefmoeder|schoonzoon|schoonvader|kleinzoon|kleindochter|buurman|buurvrouw|vent|"
    r"verzorger|verzorgster|baas|he|she|someone|husband|wife|boyfriend|partner|dad|mum|mom|"
    # formal, in-law and care words (round 9): "mijn echtgenoot", "de begeleider"
    r"echtgenoot|echtgenote|eega|stiefzoon|stiefdochter|schoonmoeder|schoonfamilie|zwager|"
    r"schoonzus|kleinkind|verzorgende|begeleider|thuiszorger|mantelzorger|huisgenoot|vriendje)"
)
_ME = r"(?:me|mij|mijn|ons|mezelf|mij zelf|me zelf|myself)"
_PILLS = (
    r"(?:pillen|pilletjes|slaappillen|medicijnen|medicatie|tabletten|pills|meds|medication|"
    r"oxazepam|temazepam|diazepam|lorazepam|paracetamol|morfine|oxycodon|tramadol|insuline|"
    r"antidepressiva|slaapmiddel|slaapmiddelen|slaaptabletten)"
)
_W = r"(?:\w+ )"

_SUICIDE = [
    # wish + negation + living, any order, within a short window
    rf"\b{_WISH}\b(?: \w+){{0,4}} {_NEG}\b(?: \w+){{0,3}} {_LIVE}\b",
    rf"\b{_NEG}\b(?: \w+){{0,3}} {_WISH}\b(?: \w+){{0,2}} {_LIVE}\b",
    rf"\b{_WISH} {_LIVE} {_NEG} (?:meer|more|langer)\b",
    rf"\b{_WISH}\b(?: \w+){{0,2}} {_LIVE}\b(?: \w+){{0,1}} (?:niet|nie|no) (?:meer|more|langer|longer)\b",
    rf"\b(?:wil|wou|wilde|willen|want) (?:\w+ ){{0,2}}(?:het|this|mijn|my) (?:leven|life) (?:niet|nie|no) (?:meer|more)\b",
    # wish / hope + dying
    rf"\b(?:hoop|hoopte|wens|wish|hope)\b(?! dat (?:mijn|zijn|haar|hij|zij|ze|onze|de|opa|oma|papa|mama)\b)(?: \w+){{0,5}} {_DIE}\b(?! (?:van|door|of|to))(?<!\bdie)",
    rf"\b(?:wish|hope)\b(?: \w+){{0,5}} die\b(?! (?:van|door|of|to))",
    rf"\b(?:wil|wou|want|wanna)\b(?: \w+){{0,2}} {_DIE}(?: gaan| ga)?$",
    r"\b(?:liever|beter) dood\b|\bdood (?:liever|beter)\b",
    # being absent is better / wished for
    rf"\b(?:als|dat|if|wanneer) ik er (?:\w+ )?{_NEG} meer (?:was|ben|zou zijn|zijn|ben geweest)\b(?! (?:op|bij|tijdens|om|in|met) (?:de|het|een|\d|mijn|onze)\b)",
    rf"\bik (?:ben|was|zou) er (?:\w+ )?(?:liever|beter) {_NEG}\b",
    rf"\b(?:liever|beter) {_NEG} (?:meer )?(?:hier|er|here)\b",
    rf"\b(?:niet|nooit|never) geboren\b",
    # no meaning / tired of living
    r"\bzin (?:\w+ ){0,3}(?:van|in|aan) (?:mijn|het|dit|m) leven\b",
    r"\b(?:mijn|het|dit) leven (?:\w+ ){0,3}(?:geen|zonder) (?:enkele |echte |meer )?zin\b",
    r"\bwat (?:heeft|is) (?:het|dit|alles|dat) (?:\w+ ){0,2}nog (?:\w+ ){0,2}zin\b(?! (?:om|te|van (?:de|het|dit|die|een|dat) (?!leven)))",
    r"\b(?:moe|zat|beu|klaar|op) (?:van|met) (?:het|mijn|dit) leven\b|\bhet leven (?:\w+ ){0,2}(?:moe|zat|beu)\b",
    # (round 15: not someone else gone "uit mijn leven": "mijn ex is uit mijn leven")
    r"(?<!meer )(?<!\bis )(?<!\bzijn )(?<!\bwas )(?<!\bwaren )\b(?:weg|uit|eruit|er uit|stappen uit) (?:uit |van )?(?:dit|het|mijn|deze) (?:leven|wereld)\b(?! (?:halen|te halen|gehaald|krijgen))",
    r"\b(?:eind|einde|end) (?:aan|to) (?:alles|all|everything)\b",
    r"\ber (?:een )?(?:eind|einde) aan (?:\w+ )?(?:maakt|maak|maken|gaat maken)\b",
    r"\bvan het leven (?:te )?(?:beroven|benemen)\b|\bmijn leven (?:te )?(?:nemen|beroven)\b",
    r"\b(?:tot|ten) last\b(?: \w+){0,6} (?:beter|weg|verdwijn\w*|er niet)\b",
    r"\b(?:beter af|better off) (?:zonder|without) (?:me|mij)\b",
    r"\bniemand (?:\w+ )?(?:zal|zou|gaat) (?:me|mij) (?:\w+ )?missen\b(?! (?:op|bij|in) (?:het|de|mijn|m|ons) (?:werk|school|feest|club|vereniging|kantoor|klas|team|afdeling)\b)|\bnobody (?:would|will) miss me\b",
    # method + intent
    r"\b(?:pillen|pilletjes|slaappillen|medicijnen|medicatie|tabletten|medication|pills|meds)\b(?: \w+){0,4} (?:op ?sparen|opgespaard|gespaard|spaar|verzameld|verzamel|sparen)\b(?! (?:voor|tijdens) (?:de|het|mijn|een|onze) (?:\w+ )?(?:vakantie|reis|weekend|verhuizing|buitenland|trip|feestdagen)\b)",
    r"\b(?:spaar|sparen|verzamel|stockpil\w*|saving|hoarding|hoard)\b(?: \w+){0,4} (?:pillen|pilletjes|slaappillen|medicijnen|medicatie|tabletten|medication|pills|meds)\b",
    rf"\b(?:neem|nemen|slik|slikken|take|swallow)\b(?: \w+){{0,3}} (?:al|alle|allemaal|all|hele|whole)\b(?: \w+){{0,2}} {_PILLS}\b(?! (?:\w+ )?mee\b)",
    rf"\b{_PILLS}\b (?:\w+ ){{0,2}}(?:in front of me|voor me|voor mij)\b",
    r"\bwat (?:moet|doe) ik (?:hier )?nog (?:hier|op (?:deze|de) (?:wereld|aarde))\b",
    r"\b(?:al|alle) (?:mijn |m )?(?:pillen|pilletjes|slaappillen|medicijnen|tabletten)\b(?: \w+){0,2} (?:in ?nemen|innemen|slikken|nemen|in)\b(?! (?:een|de|het|mijn|m) (?:\w+ )?(?:weekdoos|baxter\w*|pillendoos\w*|doosje|medicijndoos\w*|la|kast\w*|tas|koffer)\b)",
    # round 14: a whole month's medicines gathered
    r"\b(?:al|alle) (?:mijn |m )?(?:pillen|pilletjes|slaappillen|medicijnen|tabletten)\b(?: \w+){0,5} (?:bij elkaar (?:gelegd|gezocht|gespaard|verzameld)|op een hoop)\b",
    r"\b(?:pillen|medicijnen|tabletten)\b(?: \w+){0,4} (?:om|to) (?:dood te gaan|te sterven|die)\b",
    r"\bspring\w*\b(?: \w+){0,4} (?:water|rivier|gracht|kanaal|zee|sloot|diepte|hoogte|snelweg)\b|\b(?:in|into) (?:het|de|the) (?:water|rivier|gracht|kanaal|zee|river|sea)\b(?: \w+){0,2} spring\w*\b",
    r"\b(?:ga|gaan|wil|going to|gonna|want to) (?:\w+ )?(?:springen|jump)\b",
    r"\b(?<!voor )(?<!bij )(?<!met )(?<!aan )(?:mezelf|mijzelf|me|mij) (?:\w+ )?(?:ophangen|op te hangen|verdrinken|te verdrinken|doodrijden)\b|\b(?:ga|wil|going to) (?:\w+ )?(?:ophangen|verdrinken)$|\b(?:hang|drown) myself\b|\btouw\b(?: \w+){0,3} (?:klaar|gekocht|opgehangen|liggen)\b(?! (?:\w+ )?(?:voor|om) (?:de|het|een|mijn|onze|ons|zijn|haar|te) (?:\w+ )?(?:schommel|was|waslijn|boot|tent|hond|tuin|klimrek|zeil|vlag\w*|paard|aanhanger|springen|touwtrekken|boomhut|hangmat|klussen|verhuizing|kerstboom|zonwering|kat)\b)",
    r"\bgas (?:\w+ )?(?:aangezet|aan gezet|open ?gezet|opengedraaid|open gedraaid|aan)\b(?: \w+){0,4} (?:ramen|deuren|ramen en deuren) (?:\w+ )?dicht\b",
    r"\bgas ?kraan (?:\w+ )?open ?gezet\b",
    r"\bbrief (?:\w+ ){0,3}als ik er niet meer ben\b",
    # harm to oneself
    # round 13: sleep and never get up; a whole stock taken by the writer; an overdose intended
    r"\b(?:slapen|inslapen)\b(?: \w+){0,3} (?:nooit|niet|nie) meer (?:uit|wakker|op)\b",
    rf"\bik heb (?:\w+ ){{0,2}}(?:alle|mijn hele|een hele|de hele) (?:\w+ )?{_PILLS}\b(?: \w+){{0,3}} (?:ingenomen|genomen|geslikt|opgegeten|doorgeslikt)\b(?! (?:\w+ )?(?:zoals|volgens|zoals het hoort|op tijd))",
    r"\b(?:going to|gonna|will|want to|wanna) (?:\w+ )?(?:overdose|od)\b|\b(?:ga|wil|neem) (?:\w+ )?(?:een )?overdosis (?:nemen|innemen)?\b",
    # round 13: the gas turned on by the writer; better if I disappear
    r"\bik heb (?:\w+ )?(?:het )?gas(?:kraan)? (?:\w+ )?(?:opengedraaid|open gedraaid|opengezet|open gezet|aangezet|aangedraaid)\b(?! (?:\w+ )?(?:voor|om te) (?:koken|het eten|de thee))"
    r"|\b(?:beter|fijner|makkelijker) (?:\w+ )?(?:als|dat|wanneer) ik (?:\w+ )?(?:verdwijn|weg ben|er niet ben|er niet meer ben|dood ben|doodga)\b(?! (?:op|bij|tijdens|om|in|met) (?:de|het|een|\d|mijn|onze)\b)"
    r"(?! (?:uit|van|bij|naar|op) (?:die|de|het|deze|dit|dat|een|onze|ons|mijn (?!leven))\b)",
    # round 13: cut too deep (no object needed), a danger to oneself, on a ledge up high
    r"\b(?:te diep|dieper dan (?:anders|ooit|normaal)) (?:\w+ )?(?:gesneden|gekrast|gesneen)\b|\bgesneden (?:\w+ )?te diep\b"
    r"|\b(?:gevaar|gevaarlijk) (?:\w+ )?voor (?:mezelf|mijzelf)\b|\b(?:danger|dangerous) to myself\b",
    r"\bik (?:zit|sta|hang)\b (?:\w+ ){0,2}(?:op|aan|over) (?:de|het|een) (?:vensterbank|reling|rand|balustrade|dakrand|raamkozijn|kozijn|brugleuning|leuning)\b"
    r"(?:[^\n]*)\b(?:verdieping|hoog|flat|dak|balkon|naar beneden|etage|meter|\d+e)\b",
    rf"\b(?:mezelf|mijzelf|me zelf|mij zelf|myself)\b(?: \w+){{0,3}} (?:pijn|snijd\w*|snij|kras\w*|gekrast|verwond\w*|beschadig\w*|aandoen|aan doen|wat aan|iets aan|branden|hurt|harm|cut)\b",
    r"\b(?:snij|snijd|kras|krassen|snijden|cut|cutting|hurt|hurting|harm)\b(?: \w+){0,2} (?:in )?(?:mijn|me|my) (?:arm|armen|pols|polsen|benen|been|huid|arms|wrist|wrists|skin)\b",
    r"\b(?:i|ik) (?:hurt|cut|harm) myself\b|\bon purpose\b(?: \w+){0,3} (?:hurt|cut)|\b(?:hurt|cut)\w* myself",
    # round 2 (fresh dev batch): meaning, farewell, method, assisted dying
    r"\bwaarom (?:\w+ ){0,3}(?:leef|leven|besta|ben) ik (?:hier )?(?:nog|eigenlijk nog)\b|\bwaarom (?:\w+ ){0,2}(?:nog|eigenlijk) (?:leven|doorgaan|verder)\b",
    r"\b(?:morgen|straks|vannacht|binnenkort|dan|zo) ben ik er (?:niet|nie) meer\b(?!.*\b(?:verhuis\w*|vakantie|op reis|emigr\w*|pensioen|vrij|afwezig)\b)|\b(?:wil|wou|hoop|want)\b(?: \w+){0,6} er (?:niet|nie) meer (?:zijn|ben|te zijn)\b",
    r"\b(?:mijn )?laatste (?:bericht|berichtje|woorden|groet)\b(?! (?:voor|van) (?:vandaag|vanavond|deze|de week))(?! (?:aan|naar|over|bij|van|op) (?:de|het|een)\b)(?!(?: \w+){0,6} (?:beantwoord|gelezen|aangekomen|verstuurd))(?!(?: \w+){0,4} (?:duidelijk|onduidelijk|fout|verkeerd|bedoelde|bedoel|vergeten|typfout|correctie|aanvulling))|\bneem (?:\w+ )?afscheid van (?:iedereen|jullie|het leven|de wereld)\b|\b(?:zeg|zegt) (?:iedereen|jullie) (?:gedag|vaarwel|dag)\b|\bvaarwel\b",
    r"\beeuwige (?:rust|slaap)\b",
    r"\b(?:sta|zit|staat|zitten) (?:\w+ )?(?:op|aan de rand van|bovenop) (?:het|de) (?:dak|brug|balkon|flat|spoor|rails)\b"
    # round 13: waiting for the bus on the bridge, mending the aerial on the roof
    r"(?! (?:\w+ ){0,4}(?:te wachten|wachten|te vissen|vissen|te werken|te roken|te genieten|te zonnen|barbecue\w*|"
    r"om (?:\w+ ){0,3}te (?:maken|repareren|vegen|schilderen|fotograferen|kijken|zonnen)|(?:de|een) (?:antenne|dakgoot|schotel|zonnepanelen)))",
    r"\b(?:pillen|slaappillen|tabletten|medicijnen|pills)\b(?: \w+){0,4} (?:dodelijk|fataal|om dood te gaan|lethal)\b|\bdodelijke dosis\b|\blethal dose\b",
    r"\b(?:stop|stoppen|gestopt|stopt) met eten en drinken\b",
    r"\b(?:helpen|help|hulp) (?:\w+ ){0,2}(?:te |om te |bij )?sterven\b|\bhelp me (?:to )?die\b",
    r"\b(?:pillen|slaappillen|tabletten)\b (?:\w+ ){0,2}genoeg\b|\bgenoeg (?:\w+ )?(?:pillen|slaappillen|tabletten)\b",
    r"\b(?:maak|maakt|maken)\b(?: \w+){0,3} (?:een )?(?:eind|einde) aan\b(?! (?:de|die|het|dat|deze|dit|mijn (?!leven))\b(?! (?:heb|is|ben|weet|wil|doe|zeg|zal|ga|gaat|was|had|meen)\b))",
    r"\bdood (?:zijn|gaan)\b(?: \w+){0,3} (?:fijner|beter|liever|prettiger|rustiger)\b",
    r"\b(?:het|alles|niks|niets)\b (?:\w+ ){0,3}(?:geen zin meer|zinloos)\b(?! (?:om|te|in|voor|van|met|als|dat))",
    r"\b(?:verdwijnen|disappear)\b(?: \w+){0,4} (?:nooit meer|voor altijd|forever)\b",
    r"\bcan'?t go on\b(?! with)|\bend(?:ing)? (?:my life|it all|it)\b|\bi (?:want|need) it to (?:stop|end)\b",
    r"\b(?:zat|beu|spuugzat|kotsbeu|moe)\b(?: \w+){0,3} (?:dat|dit|het|mijn) leven\b",
    r"\b(?:leven|life)\b(?: \w+){0,2} (?:niet|nie) (?:meer )?(?:dragen|aan|aankan|volhouden|uithouden)\b",
    r"\b(?:beter|better)\b(?: \w+){0,2} (?:zonder|without) (?:me|mij)\b",
    r"\bniemand (?:\w+ ){0,2}mist? (?:me|mij)\b(?: \w+){0,2} als ik (?:dood|er niet|weg)\b",
    r"\bvan het leven (?:\w+ )?(?:te )?(?:beroven|benemen)\b",
    r"\bdenk (?:\w+ ){0,2}(?:aan|over) (?:de |mijn )?dood\b(?! van)",
    r"\b(?:neem|slik)\b(?: \w+){0,3} (?:de |een )?(?:hele|volle) (?:doos|strip|pot|potje|fles)\b(?! (?:\w+ )?mee)",
    r"\b(?:strip|doos|hele|alle|potje)\b(?: \w+){0,2} (?:paracetamol|oxazepam|temazepam|diazepam|morfine|oxycodon|insuline|slaappillen|pillen)\b(?: \w+){0,2} (?:klaargelegd|klaar ?gelegd|klaar|verzameld|gespaard)\b",
    r"\bwaarom ik (?:hier )?(?:nog|eigenlijk) (?:leef|besta|hier ben)\b",
    r"\b(?:ophouden|stoppen|kappen)\b(?: \w+){0,2} met alles\b",
    # round 3
    r"\b(?:zin|nut)\b (?:\w+ ){0,3}(?:niet |niet meer |meer )?(?:van|in|aan) (?:het |mijn |dit |m )?(?:verder )?leven\b",
    # round 16: a plan with its how and when ("geschreven hoe ze het wil doen en wanneer")
    r"\bhoe (?:ik|ze|zij|hij) het (?:wil|wilt|gaat|ga|zou|gaan) doen\b(?: \w+){0,2} (?:en )?wanneer\b",
    r"\b(?:moe|zat|beu|klaar|op) (?:\w+ ){0,2}(?:van|met) (?:het|mijn|dit|deze) (?:leven|wereld)\b",
    r"\ber (?:\w+ ){0,2}(?:een )?(?:eind|einde) aan (?:\w+ )?(?:maken|maak|maakt|te maken)\b",
    r"\blaat (?:me|mij) (?:\w+ )?(?:doodgaan|dood gaan|sterven)\b",
    r"\b(?:een |mijn )?(?:zelfmoord)?poging (?:gedaan|ondernomen)\b(?! om)",
    r"\b(?:niet|nie) meer (?:op|in) (?:deze|de) (?:aarde|wereld)\b",
    r"\b(?:pillen|tabletten|mes|touw|pills)\b (?:\w+ ){0,2}in (?:mijn|m) hand\b",
    r"\b(?:niet|nie) meer (?:\w+ ){0,2}om (?:nog )?te leven\b",
    r"\b(?:besloten|beslist) (?:\w+ ){0,3}(?:genoeg is|er een eind|te stoppen met leven)\b",
    r"\bmijn leven (?:te )?(?:beeindigen|beindigen|nemen|stoppen|afsluiten)\b",
    # round 4
    r"\bweg uit alles\b|\bgeen zin meer in (?:\w+ )?(?:niks|niets|alles)\b",
    r"\b(?:pillen|slaappillen|tabletten|medicijnen|touw|pills)\b (?:\w+ )?(?:liggen|ligt|staan|staat) (?:\w+ )?klaar\b",
    r"\b(?:testament|afscheid|alles geregeld|alles op papier)\b(?: \w+){0,10} (?:pillen|slaappillen|touw|springen|trein)\b",
    r"\b(?:i am|im) done\b(?: \w+){0,3} (?:goodbye|bye)\b|\bnobody cares\b(?: \w+){0,5} (?:goodbye|done|die)\b",
    # round 5
    r"\bspring\w*\b(?: \w+){0,3} (?:hoog|hoogte|verdieping)\b|\b(?:hoog|hoogte|verdieping) (?:\w+ )?spring\w*\b|\bjump\w* (?:off|from|in front of)\b",
    r"\b(?:ophoudt|ophouden|stoppen|stopt|weg|slapen|rust)\b(?: \w+){0,3} voorgoed\b",
    # round 7
    rf"\b(?:pot|potje|strip|doos|fles|hele)\b (?:\w+ )?{_PILLS}\b (?:\w+ ){{0,2}}(?:leeg|op|ingenomen|geslikt|genomen|gegeten|leeggegeten|leeggeslikt|leeggemaakt|opgegeten|opgeslikt)\b",
    r"\bleven\b(?: \w+){0,8} (?:wil|ga) (?:er )?(?:\w+ )?mee (?:stoppen|ophouden|kappen)\b",
    r"\bgeen (?:enkele )?reden (?:meer )?(?:om|tot) (?:\w+ ){0,2}(?:leven|door te gaan|doorgaan|verder te gaan|te blijven)\b(?! (?:met|bij|op|in) )",
    r"\b(?:verlang|verlangen|long|longing) (?:\w+ )?(?:naar|for) (?:de )?(?:dood|death)\b",
    r"\bvoor (?:een|de) (?:auto|trein|bus|vrachtwagen|tram|metro|car|train|bus) (?:te )?(?:springen|lopen|gaan liggen|jump\w*)\b",
    r"\bzich(?:zelf)? (?:\w+ ){0,2}(?:iets|wat) aan (?:\w+ )?doen\b|\bzich(?:zelf)? (?:\w+ )?(?:iets|wat) aandoe\w*",
    # round 8 (dev batch 2): methods without the word dood, reunion with the dead,
    # affairs put in order, letting go, self-harm as scratching or burning, third parties
    rf"\b(?:ga|gaan|wil|wou|zal|rij|rijd|stuur|knal|drive|crash)\b(?: \w+){{0,6}} (?:tegen (?:een |de )?(?:boom|muur|vangrail|brugpijler|pijler|viaduct)|(?:de |een )?(?:vangrail|tegenligger|tegenliggers) in)\b",
    r"\b(?:me|mij|mezelf|mijzelf)\b (?:\w+ )?voor (?:de|een) (?:trein|metro|tram|bus|auto|vrachtwagen|truck) (?:\w+ )?(?:gooien|werpen|smijten|laten vallen)\b",
    r"\bvoor (?:een|de) (?:trein|metro|tram|bus|auto|vrachtwagen|truck) (?:gaan )?(?:staan|liggen)\b",
    r"\b(?:wil|ga|gaan|wou)\b(?: \w+){0,2} onder (?:de|een) (?:trein|metro|tram|bus|vrachtwagen)\b|\bop (?:het )?spoor (?:gaan |te )?liggen\b|\bnaar het spoor\b(?: \w+){0,3} (?:klaar|afgelopen|einde|over)\b",
    r"\b(?:sta|zit|staat|stond)\b (?:\w+ )?(?:boven ?op|bovenop|op|aan de rand van) (?:het |de |een )?(?:dak|brug|balkon|flat|parkeergarage|torenflat|viaduct|rand|dakrand)\b(?: \w+){0,4} (?:naar beneden|spring\w*|diepte)\b",
    r"\b(?:ga|wil|spring|springen|stap)\b (?:\w+ ){0,2}(?:van|vanaf) (?:de|het|een) (?:\w+ )?(?:verdieping|flat|dak|brug|balkon|parkeergarage|viaduct|torenflat) (?:af|naar beneden|springen)\b"
    # round 13: riding down a bridge is a route, not a jump
    r"(?! (?:\w+ ){0,2}(?:met (?:de|mijn|m|een|onze) (?:fiets|auto|scooter|brommer|step|skateboard|rolstoel|rollator|bus|kinderwagen)|fietsen|rijden|afrijden|lopen)\b)",
    r"\b(?:loop|ga|wandel|lopen|gaan|wil|rij|rijd|stuur|fiets|walk|walking|going to walk)\b(?: \w+){0,6} (?:het|de) (?:water|rivier|zee|gracht|kanaal|ijssel|maas|rijn|waal|haven) in\b(?! (?:om te|voor een) (?:zwemmen|duik))|\bwalk\w* into (?:the )?(?:sea|water|river|canal|lake)\b",
    r"\btouw\b(?: \w+){0,4} (?:aan (?:de|het|een) (?:balk|haak|trap|trapleuning|leuning|boom|zolder|plafond)|hangt (?:al )?klaar|geknoopt)\b(?![^\n]*\b(?:kinderen|schommel\w*|slingeren|slingert|spelen|speeltuin|tarzan|klimmen|klimrek|was|wasgoed|lampion\w*|vlag)\b)|\bstrop\b(?! (?:van|om) (?:de|het) (?:schoen|tas))",
    r"\b(?:hemel|daarboven|heaven)\b(?: \w+){0,6} (?:ik kom (?:eraan|naar je|bij je|zo|je)|coming to you)\b|\b(?:inslapen|slapen|in slaap vallen)\b(?: \w+){0,3} (?:nooit|niet) meer (?:wakker|opstaan|ontwaken)\b",
    r"\b(?:gegeven|weggegeven|opgeruimd|geregeld|verdeeld|afgescheid\w*)\b(?: \w+){0,10} (?:ik ben er klaar voor|het is (?:bijna )?zover|tijd om te gaan)\b",
    r"\bmijn (?:arm|armen|benen|been|huid|pols|polsen|buik|dijen|dijbenen)\b (?:\w+ )?(?:opengekrabd|open gekrabd|opengekrast|open gekrast|kapot gekrabd|kapotgekrast|opengesneden|bewerkt)\b|\b(?:mezelf|mijzelf|mijn (?:arm|armen|benen|been|huid|pols|polsen|dijen))\b(?: \w+){0,4} met (?:een |de )?(?:naald|mesje|scheermesje|scheermes|schaar|glas|passer|scherf|aansteker)\b",
    r"\bkan (?:niet|nie) meer\b(?: \w+){0,3} (?:wil|ga) (?:\w+ )?(?:stoppen|ophouden|weg)$|\b(?:planned|figured out|decided|know) (?:exactly )?how (?:i(?: m| am| will| ll) )?(?:going )?(?:to )?do it\b",
    r"\bstenen in (?:mijn |m )?(?:jas|jaszakken|zakken|zak|rugzak)\b|\bspring (?:ik |hij |ze )?(?:erin|er in|eraf|er af|ervanaf|eronder|ervoor)\b",
    r"\b(?:weet|uitgezocht|bedacht|gepland|besloten|plan)\b(?: \w+){0,3} hoe ik (?:het|t) (?:ga|zal|wil) doen\b(?! (?:met|voor|qua|bij|aan|op|van))",
    r"\bmijn\b(?! oude)(?: \w+){0,8} (?:gegeven|weggegeven)\b(?: \w+){0,4} (?:heb|hoef) (?:ze|het|die|dat|dit) (?:\w+ )?toch (?:niet|nie) meer (?:nodig|te hebben)\b",
    r"\bweet (?:al |precies |allang |nu )?hoe (?:ik (?:het|t) (?:ga|zal|wil) doen|en wanneer)\b(?! (?:met|voor|qua|bij|aan|op|van))|\bknow (?:exactly )?how (?:i(?: am|'m| will|'ll) (?:going to )?do it|and when)\b",
    r"\b(?:ik|i)\b(?: \w+){0,3} (?:wil|ga|wou|hoop|verlang|want|wish|going)\b(?: \w+){0,7} (?:in de hemel|naar de hemel|daarboven|in heaven|to heaven|up there)\b|\b(?:wil|ga|wou|hoop)\b (?:\w+ ){0,2}(?:bij|naar) (?:mijn |m )?overleden \w+\b(?!(?: \w+){0,2} (?:graf|begraafplaats|kerkhof|urn|foto))",
    r"\b(?:wil|ga|wou|hoop)\b (?:\w+ ){0,2}(?:hem|haar|ze|hen|mijn \w+) achterna\b|\bherenigd\b(?: \w+){0,3} (?:overleden|hemel)\b|\b(?:wil|hoop)\b(?: \w+){0,3} herenigd\b",
    r"\b(?:heer|god|onze lieve heer|hierboven)\b (?:\w+ ){0,3}(?:me|mij) (?:\w+ ){0,2}(?:komt )?(?:halen|ophalen|roepen|meenemen)\b|\b(?:heer|god|jezus|allah)\b(?: \w+){0,2} haal (?:me|mij) (?:\w+ )?(?:op|weg|thuis|bij je)\b|\b(?:het|t) hoeft (?:echt )?(?:niet|nie) meer (?:voor|van) mij\b|\bbe with (?:my \w+|him|her) again\b",
    r"\bnever wake up\b|\bsleep (?:and|forever)\b(?: \w+){0,2} (?:never|not) wake\b",
    r"\b(?:nut|zin|point)\b(?: \w+){0,4} (?:van|om|of|in) (?:nog )?(?:verder ?gaan|door ?gaan|doorgaan|door te gaan|verder te gaan|going on|carrying on|living)\b(?! met| with)",
    r"\b(?:al |alle )?(?:mijn |m )(?:spullen|bezittingen|dingen)\b (?:\w+ ){0,2}(?:weggegeven|weg gegeven|verdeeld|weggedaan)\b(?! (?:omdat|want|aan (?:een |het )?(?:goed doel|kringloop)))|\b(?:given|giving|gave) (?:away )?(?:all )?my (?:things|stuff|belongings|possessions)\b",
    r"\b(?:zaken|alles|papieren|boel)\b (?:\w+ ){0,2}op orde (?:gebracht|gemaakt|gezet)\b|\btestament\b (?:\w+ ){0,2}(?:ligt |is )?klaar\b|\b(?:iedereen|jullie)\b (?:\w+ ){0,2}(?:een |een laatste )?(?:brief|brieven|afscheidsbrief) (?:geschreven|gestuurd)\b|\bspullen (?:\w+ )?verdeeld\b",
    r"\b(?:het|t|alles) mag (?:nu |wel |gewoon |echt |allemaal |van mij |voor mij ){0,3}(?:stoppen|ophouden|klaar zijn|afgelopen zijn|over zijn)\b(?! met)",
    r"\blaat (?:me|mij) (?:maar |gewoon |nu |toch )*gaan\b(?=$| (?:ik (?:hoef|wil|kan)|het|alsjeblieft|aub|please|toe)\b)",
    r"\bik hoef (?:echt |gewoon |het )?(?:niet|nie) meer\b(?=$| (?:echt|hoor|ik|het|alles|laat)\b)",
    r"\b(?:ik|k) (?:heb |ben )?(?:\w+ )?(?:weer |opnieuw |vannacht )?(?:gekrast|opengekrast|open gekrast)\b(?! (?:in|op|aan) (?:de|het|een|die|dat))|\b(?:mezelf|mijzelf|me) (?:\w+ )?(?:open ?gekrast|opengekrast|kapot gekrast)\b|\b(?:mezelf|mijzelf) (?:\w+ )?(?:gebrand|verbrand)\b",
    r"\b(?:krab|krabde|kras|kraste|krassen|krabben)\b (?:\w+ ){0,3}(?:huid|arm|armen|benen|been|pols|polsen) (?:\w+ )?(?:open|kapot|tot (?:het|ik) bloed\w*)\b",
    r"\b(?:gebrand|brand|verbrand|brandde)\w*\b(?: \w+){0,4} met (?:een |de )?(?:aansteker|sigaret|sigaretten|lucifer|lucifers|strijkijzer)\b|\b(?:sigaret|peuk)\w*\b(?: \w+){0,3} (?:op|in) (?:mijn|m) (?:arm|armen|hand|been|benen|huid|pols)\b",
    r"\bzich\b (?:\w+ ){0,2}van kant\b(?! van (?:het |de )?lach)|\bkill (?:himself|herself|themselves)\b|\bend (?:his|her|their) (?:own )?life\b",
    r"\b(?:wil|ga) (?:er ?mee|ermee) (?:stoppen|ophouden|kappen)$",
    r"\bgeen toekomst meer\b(?=$| (?:ik|en ik|dus)\b)",
    r"\bbesloten\b(?: \w+){0,5} genoeg (?:is )?geweest\b|\bvoor mij (?:is )?(?:het )?genoeg (?:is )?geweest\b",
    # round 9 (dev batch 3): misspelt names for suicide, announced absence in any word
    # order, not being able to promise one's own safety, being run over, drowning and
    # hanging verbs, euthanasia refused so "I do it myself", stepping out oneself
    r"\b(?:zel|zelf|zelv|zelluf|zellef|self|zef|zlf) ?mo+r[dt]\w*|\bsu[iy]?[cs]{1,2}i?d(?:e|aal|ale|al|ie|es)?\b",
    r"\b(?:ik ben|ben ik) er (?:(?:morgen|straks|vannacht|vanavond|binnenkort|snel|bijna|zo|dan|volgende week|na vandaag|na vanavond|over (?:een )?\w+ (?:dagen|dag|uur|weken|week)) ){1,2}(?:niet|nie) meer\b(?!.*\b(?:verhuis\w*|vakantie|op reis|emigr\w*|pensioen|vrij|afwezig)\b)",
    r"\b(?:wont|will not|won t) be (?:here|around|alive)\b(?: \w+){0,2} (?:tomorrow|anymore|any more|much longer|by (?:tomorrow|morning|monday)|tonight|next week)\b|\bi ?(?:ll|will) be gone (?:by |before )?(?:tomorrow|tonight|soon|morning)\b",
    r"\b(?:niet|nie|not|cant|can t|cannot|kan niet|kan nie)\b(?: \w+){0,2} (?:garanderen|beloven|zeker zijn|instaan|belove|guarantee|promise)\b(?: \w+){0,6} (?:mezelf|mijzelf|me niks|veilig|veiligheid|in leven|nog leef|nog leven|myself|safety|safe|alive)\b",
    r"\b(?:mezelf|mijzelf|me zelf|mij zelf)\b(?: \w+){0,2} (?:aandoe|aan doe)\b|\bbang (?:voor|van) (?:mezelf|mijzelf|myself)\b(?! dat ik (?:\w+ ){0,2}(?:eet|snoep|koop|uitgeef|rook|drink|vergeet)\b)|\bafraid of (?:myself|what i might do)\b|\bvertrouw (?:mezelf|mijzelf) (?:\w+ )?(?:niet|nie) (?:meer|alleen|vannacht|vanavond)\b",
    r"\b(?:me|mij|mezelf|mijzelf|zich|zichzelf)\b (?:\w+ ){0,2}laten (?:overrijden|overrijde|aanrijden|doodrijden|overreden|verpletteren|doodvallen)\b|\b(?:laat|liet)\b (?:me|mij|mezelf|mijzelf|zich) (?:\w+ ){0,3}(?:overrijden|aanrijden|doodrijden|overreden|verpletteren)\b|\b(?:gooi|gooien|laat|werp|werpen|smijt|stort|storten)\b (?:me|mij|mezelf|mijzelf) (?:\w+ ){0,3}(?:in|van|voor|onder) (?:de|het|een) (?:water|gracht|rivier|zee|kanaal|sloot|diepte|trein|auto|metro|tram|vrachtwagen|brug|flat|dak|balkon)\b",
    r"(?<!voor )(?<!bij )(?<!met )(?<!aan )\b(?:mezelf|mijzelf|me|mij|zich|zichzelf)\b (?:\w+ ){0,3}(?:verzuipen|verzuip|verdrinken|verdrink|verhangen|verhang|doodschieten|doodsteken|ombrengen|om te brengen|vergiftigen|vergassen|overhoop schieten|doodhongeren|uithongeren|voor (?:mijn|de|m) kop schieten)\b|\bkogel door (?:mijn|m) (?:kop|hoofd)\b",
    r"\b(?:euthanasie|levenseinde|pil van drion|stervenshulp|hulp bij (?:zelfdoding|sterven)|voltooid leven|laatste pil)\b(?: \w+){0,10} (?:(?:doe|doen|regel|regelen|fiks) (?:ik |we )?(?:het|t|dat) (?:\w+ )?(?:zelf|zelluf)|zelf (?:doen|regelen|een eind|een einde))\b",
    r"\ber ?(?:zelf|zelluf|vrijwillig|zelf maar) ?uit (?:te )?stappen\b|\bzelf uit het leven\b|\b(?:denk|dacht|overweeg|overweg|plan|van plan)\w*\b(?: (?:er ?over|eraan|aan))? (?:om )?er (?:\w+ )?uit te stappen\b",
    r"\b(?:ga|gaan|wil|wou|zal|rij|rijd|rijden|stuur|knal|crash)\b(?: \w+){0,9} tegen (?:een |de )?(?:boom|muur|vangrail|brugpijler|pijler|viaduct|betonblok|vrachtwagen)\b(?! (?:aan|op) ?gereden)",
    r"\b(?:mijn|m) leven is (?:\w+ )?(?:(?:op|over)(?=$| (?:ik|en|dus|laat|het is|want|nu)\b)|(?:klaar|voltooid|voorbij|afgelopen|geleefd)\b(?! (?:met|als|voor|zonder|gevlogen|gegaan)\b))|\b(?:acht|vind|beschouw) ik mijn leven (?:\w+ )?(?:voltooid|klaar|af)\b",
    r"\b(?:wil|wou|wilde|wens|wenst|hoop|zou willen|verlang)\b(?: \w+){0,3} er (?:\w+ )?(?:niet|nie|nooit) (?:meer|langer) (?:te )?(?:zijn|wezen)\b",
    r"\b(?:steek|steken|stak|ram|rammen|zet|zetten|stoot)\b (?:\w+ ){0,3}(?:in|door) (?:mezelf|mijzelf)\b|\b(?:mes|schaar|scheermes)\b(?: \w+){0,6} (?:in|op|tegen|door) (?:mezelf|mijzelf|mijn (?:keel|pols|polsen|hart|buik|borst))\b",
    # English
    r"\b(?:kill|end) (?:myself|my life|it all)\b|\bno (?:point|reason) (?:in |to |of )?(?:living|live|going on|life)\b",
    r"\bsuicid\w*|\bzelfmoord\w*|\bzelfdoding\w*|\blevensmoe\b",
]

_VIOLENCE = [
    # round 13: shooting going on here and now (not in a film, a game, a hunt or fireworks)
    r"\ber (?:word|wordt|werd|is) (?:\w+ ){0,2}geschoten\b(?![^\n]*\b(?:film|game|serie|spel|jacht|schietvereniging|schietbaan|vuurwerk|foto\w*|doel|penalty|voetbal\w*|op tv)\b)"
    r"|\b(?:shots fired|someone is shooting|people are shooting)\b",
    rf"\b{_PERSON}\b(?: \w+){{0,3}} (?:doet|deed|doen|heeft) (?:me|mij|ons)\b(?: \w+){{0,2}} pijn\b",
    rf"\b{_PERSON}\b(?: \w+){{0,3}} (?:wil|gaat|zal|dreigt) (?:me|mij|ons) (?:\w+ )?(?:wat|iets|pijn) (?:\w+ )?(?:aandoen|aan doen|doen)\b",
    r"\b(?:me|mij|ons) (?:wat|iets) (?:aandoet|aan doet|aandoen|aan doen|aan zal doen|aan te doen)\b",
    r"\b(?:gaf|geeft|geven|gegeven|heeft) (?:me|mij|ons) (?:\w+ )?(?:een )?(?:klap|klappen|mep|dreun|stomp|schop|trap|kopstoot|pak slaag)\b",
    r"\b(?:me|mij) (?:een )?(?:klap|klappen|mep|dreun|stomp|kopstoot) (?:\w+ )?(?:gegeven|gegeven|geeft|gaf|verkocht)\b",
    rf"\b(?:blauw oog|blauwe ogen|blauwe plekken|blauwe plek|bloedneus|black eye|bruises)\b(?: \w+){{0,3}} (?:van|door) {_PERSON}\b",
    r"\b(?:kneep|knijpt|knijpen|pakte|pakt|gepakt|geknepen|drukte|drukt|wurg\w*|choked|strangled)\b(?: \w+){0,3} (?:keel|nek|hals|throat|neck)\b",
    # (round 14: not a throat swelling shut in an allergic reaction, which is danger)
    r"\b(?:keel|hals|throat)\b(?: \w+){0,2} (?:dicht ?geknepen|dicht|dichtgedrukt|vastgepakt)\b"
    r"(?![^\n]*\b(?:allergi\w*|reactie|zwelling|opgezwollen|zwelt|wesp|noten|pinda\w*|astma|anafyla\w*)\b)",
    r"\bwurg\w*|\bgewurgd\b|\bstrangl\w*",
    r"\bbang (?:om|voor|te|to)\b(?: \w+){0,3} (?:naar huis|thuis|home)\b|\b(?:scared|afraid) (?:to go|of going) home\b",
    r"\b(?:thuis|huis|home)\b(?: \w+){0,3} (?:niet|nie|not) (?:\w+ )?(?:veilig|safe)\b|\b(?:niet|nie|not) (?:\w+ )?(?:veilig|safe)\b(?: \w+){0,2} (?:thuis|in huis|at home|bij (?:mijn|hem|haar))\b",
    r"\bmag (?:\w+ )?(?:niet|nie|nergens) (?:meer )?(?:naar buiten|de deur uit|weg|heen|bellen)\b(?: \w+){0,2} (?:van (?:hem|haar|mijn)|hij|zij)\b",
    r"\b(?:houden|houdt|pakken|pakt|afgepakt|ingenomen|hebben|heeft)\b(?: \w+){0,2} (?:paspoort|papieren|passport|id kaart|identiteitsbewijs)\b(?!.*\bkwijt\b)",
    r"\b(?:werken|werk) (?:\w+ )?zonder (?:loon|geld|salaris|betaling)\b",
    r"\bachtervolg\w*|\bvolgt (?:me|mij) (?:overal|steeds|elke)|\bstalk\w*",
    r"\bhoor\w*\b(?: \w+){0,6} (?:gil\w*|gilt|vechten|vecht|om hulp|klappen|slaan|screaming)\b"
    # round 14: not the bangs of building work or fireworks
    r"(?![^\n]*\b(?:verbouw\w*|klus\w*|timmer\w*|hamer\w*|boren|boor\w*|vuurwerk|bouwen|sloop\w*|slopen|muziek|feest\w*|knallen)\b)",
    r"\b(?:bedreig|dreig)(?:t|de|den|en)?\b (?:me|mij|ons|mijn (?:kind|kinderen|leven))\b",
    r"\b(?:zegt|zei|gezegd|dreigt|dreigde)\b(?: \w+){0,6} (?:niet|nie) (?:\w+ )?(?:overleef|overleven|overleeft|levend)\b",
    rf"\b(?:van|door) {_PERSON}\b(?: \w+){{0,2}} (?:geslagen|geschopt|mishandeld|gewurgd|bedreigd|verkracht|misbruikt)\b",
    r"\b(?:slaan|sla|slaat|schoppen|pijn doen) (?:me|mij|ons) (?:\w+ ){0,3}(?:als|anders|if)\b",
    rf"\b{_PERSON}\b(?: \w+){{0,3}} (?:vermoord|vermoordt|vermoorden|dood maken|doodmaken|neerschiet\w*|neersteken|kill|kills) (?:me|mij|ons)\b|\b(?:me|mij|ons) (?:\w+ ){{0,2}}(?:vermoorden|doodmaken|dood maken|neerschieten|neersteken|dood te maken|te vermoorden)\b",
    r"\b(?:gestoken|neergestoken|stabbed)\b(?!.*\b(?:bij|wesp|mug|insect|bee|wasp)\b)",
    # round 2
    r"\b(?:trok|trekt|sleurde|sleurt|sleept|sleepte)\b (?:me|mij|haar|hem) (?:\w+ )?(?:aan|door|over|mee)\b",
    rf"\b{_PERSON}\b(?: \w+){{0,3}} (?:heeft|brak|breekt) (?:mijn|me) (?:\w+ )?(?:arm|neus|ribben|rib|kaak|vinger|pols|been|tand|tanden)\b",
    r"\b(?:sluit|sloot|sluiten|locks?|locked)\b (?:me|mij|haar|hem|ons|us|her|him) (?:\w+ ){0,3}(?:op|buiten|in|out)\b|\bopgesloten\b(?! (?:in|op) (?:een|de|die|het|zijn|haar|mijn) (?:\w+ )?(?:auto|wagen|bus|busje|bestelbus)\b)",
    r"\b(?:krijgt|krijg|krijgen) (?:\w+ )?geen (?:eten|te eten|drinken|medicijnen)\b",
    r"\b(?:opwacht|opwachten|opgewacht|loert|loeren)\b|\bwacht (?:me|mij) (?:\w+ )?op\b|\bstaat (?:me|mij) (?:\w+ )?op te wachten\b",
    r"\b(?:mes|pistool|wapen|knife|gun)\b(?: \w+){0,2} (?:laten zien|liet zien|getrokken|gericht|trok|op mij|op me|tegen mijn)\b|\b(?:moest|moet) (?:zwijgen|mijn mond houden|niks zeggen)\b",
    r"\bbang dat (?:hij|zij|ze)\b(?: \w+){0,4} (?:slaat|slaan|pijn|vermoordt|doodmaakt|aandoet|iets|wat)\b",
    r"\bkomt (?:\w+ )?(?:s ?nachts|nachts|at night) (?:\w+ )?(?:in|op|naar) (?:mijn|me|my) (?:kamer|bed|room)\b",
    r"\b(?:raakt|raakte) (?:me|mij) aan\b|\b(?:touches|touched|groped|gropes) me\b|\bop plekken waar\b",
    r"\b(?:me|mij|ons) (?:\w+ ){0,2}(?:doodmaakt|vermoordt|dood maakt|afmaakt)\b",
    r"\b(?:slaat|trapt|trap|beukt|ramt|schopt) (?:\w+ ){0,2}deur (?:\w+ )?(?:in|open|kapot)\b|\b(?:bonkt|bonken|beukt|beuken|bonst|bonzen|staat te bonken)\b(?: \w+){0,3} (?:op|tegen) (?:de|mijn) deur\b",
    r"\b(?:dwingt|dwong|gedwongen|dwingen|forces|forced)\b(?: \w+){0,3} (?:tot |to have )?(?:seks|sex|seksuele)\b",
    rf"\b{_PERSON}\b(?: \w+){{0,3}} (?<!hond )(?<!kat )(?<!bal )(?<!tafel )(?<!deur )(?<!spijker )(?<!alarm )(?:geslagen|mishandeld|geschopt|gewurgd|verkracht|in elkaar geslagen|aangevallen|aangerand|neergestoken)\b",
    r"\b(?:ingepikt|afgepakt|gestolen|eist|afpakt|pakt|neemt)\b(?: \w+){0,10} (?:anders|of ik|als ik (?:niet|weiger|nee))\b",
    r"\bniemand (?:me|mij) (?:\w+ )?(?:zou |zal )?vinden\b",
    rf"\b{_PERSON}\b(?: \w+){{0,2}} (?:pakt|neemt|steelt|jat|pikt|houdt) (?:\w+ ){{0,2}}(?:mijn|me|haar|zijn) (?:pensioen|geld|pinpas|bankpas|spaargeld|aow|uitkering|pas)\b",
    r"\b(?:schreeuwt|roept|zegt|dreigt)\b(?: \w+){0,2} dat (?:hij|zij|ze) (?:me|mij) (?:pakt|krijgt|vindt|afmaakt|vermoordt)\b",
    r"\baan (?:haar|hem|me|mij|mijn \w+) (?:zit|zat|zitten)\b|\bzit (?:\w+ )?aan (?:haar|hem)\b(?! (?:spullen|eten|bord|computer|telefoon))",
    r"\b(?:moet|moest|anders)\b(?: \w+){0,3} seks\b|\bseks\b(?: \w+){0,4} anders\b",
    r"\bin (?:haar|zijn|mijn|hun) (?:poep|plas|urine|ontlasting) (?:\w+ )?(?:liggen|zitten|laten)\b",
    r"\b(?:gedwongen|dwingt|dwingen|dwong)\b(?: \w+){0,6} (?:mannen|seks|prostitutie|stelen|drugs)\b",
    r"\b(?:schudt|schudde|schudden|rammelt)\b (?:me|mij|haar|hem|de baby|het kind|de kinderen) (?:\w+ )?door elkaar\b",
    r"\b(?:threw|pushed|shoved|slammed) me\b|\bbroke into\b(?: \w+){0,4} (?:still|here|inside)\b",
    rf"\b{_PERSON} (?:hem|haar|me|mij|ons) (?:\w+ )?(?:slaat|sloeg|schopt|mishandelt|pijn doet|misbruikt)\b",
    r"\bin (?:mijn|ons) huis\b(?: \w+){0,2} die (?:ik|we|wij) (?:niet|nie) (?:ken|kennen)\b|\bthreaten\w* (?:me|us)\b",
    r"\bgeheim\b(?: \w+){0,4} (?:met|bij|aan) (?:me|mij)\b|\bwat (?:hij|zij) (?:met|bij) (?:me|mij) doet\b",
    r"\b(?:ben|word|werd) (?:\w+ )?(?:aangevallen|overvallen|beroofd)\b|\bvolgen (?:me|mij)\b",
    r"\bdat (?:hij|zij|ze) (?:me|mij) (?:\w+ )?(?:pakt|pakken|krijgt|krijgen|afmaakt|vermoordt|vermoorden)\b",
    r"\bdingen (?:bij|met|aan) (?:mij|me)\b(?: \w+){0,3} (?:die|wat) (?:niet|nie) (?:mogen|mag|wil)\b",
    # round 3
    r"\b(?:hoofd|gezicht)\b (?:\w+ ){0,3}(?:tegen|op) (?:de|het) (?:muur|deur|tafel|grond|vloer) (?:\w+ )?(?:geslagen|geduwd|gebonkt|gesmeten|geramd)\b",
    r"\b(?:mishandelt|mishandelde|mishandelen|misbruikt|misbruikte|verkracht|verkrachtte)\b",
    r"\bdwingt (?:me|mij) (?:tot|dingen)\b|\bdie ik (?:niet|nie) wil\b",
    r"\w*stalk\w*",
    r"\b(?:probeert|proberen|wil) (?:\w+ ){0,2}binnen te (?:komen|dringen)\b",
    r"\b(?:punched|slapped|kicked|strangled|choked|beat|hit) me\b",
    rf"\b{_PERSON}\b(?: \w+){{0,4}} (?:slaat|sloeg|schopt|mept)(?: (?:dan|weer|ons|er op los|iedereen|om zich heen))?$",
    # round 8 (dev batch 2): children's own words, breached orders, threats at the door,
    # intruders inside, thrown objects, someone hurting a child, partner or animal now
    r"\b(?:zit|zat|zitten|komt|kwam|aait|aaide|voelt|raakt|raakte|frunnikt)\b(?: \w+){0,2} (?:aan|op) (?:mijn|me|m) (?:plassertje|plasser|piemel|piemeltje|borsten|borst|kruis|billen|onderbroek|geslachtsdeel|vagina|poes|poesje|pik|lichaam|lijf|broek)\b",
    rf"\b(?:{_PERSON[3:-1]}|stiefpa|stiefpapa|stiefma|trainer|leraar|meester|coach)\b(?: \w+){{0,2}} (?:komt|kwam|zit|zat) (?:\w+ )?aan (?:me|mij)\b",
    r"\b(?:zegt|zei|dreigt|dreigde)\b(?: \w+){0,2} (?:dat )?ik (?:\w+ ){0,5}(?:niet|nie|niemand) (?:\w+ ){0,3}(?:mag|mocht|moet) (?:vertellen|zeggen)\b(?!.*\b(?:verrassing|cadeau|feest|surprise|verjaardag)\b)",
    r"\b(?:rare|vieze|enge|gekke|nare)\b (?:\w+ )?dingen (?:\w+ )?(?:met|bij|aan) (?:me|mij)\b|\bdingen (?:\w+ ){0,3}(?:die|wat) ik (?:\w+ )?(?:vies|eng|raar|niet fijn|niet leuk|pijnlijk) vind\b",
    r"\b(?:stuurt|stuurde|vraagt|vroeg)\b (?:me|mij) (?:\w+ ){0,2}(?:naakt\w*|bloot\w*|vieze|sexy) ?foto\w*|\bfoto\w*\b(?: \w+){0,4} wil dat ik (?:\w+ ){0,2}naar (?:zijn|haar) huis\b",
    r"\b(?:contactverbod|straatverbod|gebiedsverbod|huisverbod|locatieverbod|restraining order|lokverbod)\b(?: \w+){0,8} (?:staat|stond|komt|kwam|voor de deur|bij mijn|toch|negeert|outside|at my|is here)\b|\b(?:staat|stond|komt|outside|voor de deur|bij mijn)\b(?: \w+){0,8} (?:contactverbod|straatverbod|gebiedsverbod|huisverbod|restraining order)\b|\b(?:houdt|hield) zich (?:\w+ )?(?:niet|nie) aan (?:het|zijn|haar|de) \w*verbod\b",
    r"\b(?:knuppel|honkbalknuppel|bijl|machete|vuurwapen|pistool|mes|messen|hamer|koevoet)\b(?: \w+){0,6} (?:voor (?:de|mijn|onze) deur|aan (?:de|mijn) deur|in (?:de|mijn|ons) (?:gang|huis|keuken|kamer|tuin))\b(?![^\n]*\b(?:koken|kook|snijden|groente|brood|afwas|opruimen|lade|messenblok|klussen|timmeren)\b)|\b(?:voor|aan) (?:de|mijn|onze) deur\b(?: \w+){0,4} (?:knuppel|honkbalknuppel|bijl|machete|vuurwapen|pistool|mes|hamer|koevoet)\b",
    r"\b(?:deur|voordeur|raam|achterdeur)\b (?:\w+ )?(?:in te trappen|intrappen|in trappen|te forceren|open te breken|in te slaan|in te rammen)\b|\b(?:trapt|ramt|beukt|breekt) (?:\w+ ){0,2}(?:de|mijn|onze) (?:voor|achter)?deur (?:\w+ )?(?:in|open)\b",
    r"\b(?:ingebroken|inbraak|inbreker\w*|broke in|break in|breaking in|burglar\w*)\b(?: \w+){0,10} (?:hoor|hoort|nog (?:binnen|in huis|in het huis|in de woning|beneden|boven)|still|beneden|boven|in de (?:woonkamer|keuken|gang|kamer)|inside|in the house)\b",
    r"\b(?:gooit|gooide|smeet|smijt|gooien|smijten|wierp|slingert|slingerde)\b(?: \w+){0,7} (?:naar|tegen|op) (?:me|mij|mijn (?:hoofd|gezicht|lijf|rug|moeder|vader|vrouw|man|kind|kinderen|zoon|dochter)|ons|m|mama|papa|mam|pap|de kinderen|de baby)\b|\b(?:threw|throws|throwing|hurled)\b(?: \w+){0,3} at (?:me|us|my head)\b",
    r"\b(?:iemand|vreemde|vreemden|onbekende|inbreker\w*|mannen)\b(?: \w+){0,3} (?:binnen ?gekomen|binnen ?gedrongen|binnengedrongen|binnengeslopen|ingeklommen)\b(?!.*\b(?:vorige|vorig|geleden|politie is (?:al )?geweest)\b)",
    r"\b(?:is|zijn)\b (?:\w+ ){0,3}aan het (?:slaan|schoppen|mishandelen|wurgen|afranselen|aftuigen|trappen|beuken)\b",
    r"\b(?:slaat|sloeg|schopt|schopte|trapt|trapte|mishandelt|mishandelde|martelt|wurgt)\b (?:\w+ )?(?:haar|zijn|de|hun|een) (?:hond|kat|paard|dier|honden|katten|kind|kinderen|vrouw|man|vriendin|zoon|dochter|baby|kleine)\b",
    r"\b(?:beating|hitting|kicking|hurting|abusing|choking|strangling)\b (?:his|her|their|a|the) (?:kid|kids|child|children|wife|husband|girlfriend|boyfriend|dog|son|daughter|baby|partner)\b",
    r"\b(?:rare|vieze|enge|gekke|nare)\b (?:\w+ )?dingen\b(?: \w+){0,8} (?:ons |een )?geheim\w*\b",
    r"\b(?:neemt|pakt|haalt|steelt|nam|pakte|haalde|stal)\b (?:\w+ )?geld (?:uit|van) (?:mijn|me) (?:portemonnee|rekening|tas|beurs|kast|spaarrekening)\b",
    r"\b(?:op slot|deur dicht|sleutel\w* (?:\w+ )?(?:meegenomen|afgepakt|verstopt))\b(?: \w+){0,8} (?:kan|kunnen) (?:er |hier |het huis )?(?:niet|nie) (?:meer )?(?:uit|weg|naar buiten)\b",
    r"\b(?:zegt|dreigt|zei|dreigde)\b(?: \w+){0,10} als ik (?:iets|het|wat|dat) (?:zeg|vertel|doe)\b|\b(?:kinderen|kids) (?:\w+ )?(?:meeneemt|afpakt|meenemen|afpakken)\b(?: \w+){0,6} nooit meer\b",

    r"\b(?:slaat|sloeg|slaan|mishandelt|misbruikt|schopt) (?:ons|de kinderen|mijn kinderen|de kids|mama|papa|mijn moeder|mijn vader|zijn vrouw|haar man)\b",
    # round 9 (dev batch 3): a break-in going on now, the writer about to harm someone
    # else, one family member hurting another (a child's words), food or care withheld
    r"\b(?:someone|somebody|people|men|they|a man|guys|intruders?)\b(?: \w+){0,2} (?:breaking|trying to break|broke|breaks) in(?:to)?\b(?!.*\b(?:last|ago|yesterday)\b)|\bbreaking into (?:my|our|the) (?:house|home|flat|apartment|room|car)\b",
    r"(?<!dat )(?<!als )(?<!voorkomen )\ber (?:wordt|word) (?:nu |net |op dit moment |hier )?(?:bij (?:ons|mij|me|de buren|mijn \w+) )?(?:nu )?ingebroken\b(?!.*\b(?:veel|vaak|vorige|vorig|geleden|gisteren|steeds vaker|regelmatig)\b)|\b(?:iemand|ze|zij|inbrekers?|mannen|een man)\b(?: \w+){0,3} (?:breekt|breken|probeert|proberen) (?:\w+ ){0,3}(?:in te breken|binnen te komen|open te breken|in (?:bij|op))\b",
    r"\bik (?:ga|wil|zal|kom)\b(?: \w+){0,3} (?:neersteken|neerschieten|doodsteken|doodschieten|afslachten|kapotsteken|lek steken|abstechen)\b|\bi (?:am going|m going|ll|will|want) to (?:stab|shoot) (?:him|her|them|my \w+|someone|somebody|the \w+)\b",
    rf"\bik (?:ga|wil|zal|kom)\b (?:\w+ ){{0,2}}(?:hem|haar|ze|hen|die \w+|mijn {_PERSON[3:-1]}|mijn kind|mijn kinderen|mijn baby|de buurman|de buurvrouw|iemand)\b (?:\w+ )?(?:iets|wat|pijn) (?:aandoen|aan doen|doen)\b",
    # round 13: also told in the perfect ("papa heeft mama pijn gedaan"); a kidnapping
    rf"\b(?:{_PERSON[3:-1]}|papa|mama)\b (?:\w+ ){{0,2}}heeft (?:{_PERSON[3:-1]}|papa|mama|mijn \w+|de kinderen|ons) (?:\w+ )?pijn gedaan\b",
    # round 16: also told with "hebben" ("ze hebben mijn zoon ontvoerd")
    r"\b(?:ben|is|zijn|word|wordt|werd|worden|hebben|heeft) (?:\w+ ){0,3}(?:ontvoerd|gekidnapt|gegijzeld)\b|\b(?:kidnapped|abducted|taken hostage)\b",
    rf"\b(?:{_PERSON[3:-1]}|papa|mama)\b (?:\w+ ){{0,2}}(?:doet|deed|doen) (?:{_PERSON[3:-1]}|papa|mama|mijn \w+|de kinderen|ons) (?:\w+ )?pijn\b(?! (?:met|door) (?:die|dat|zijn|haar) (?:woorden|opmerking\w*|gedrag))",
    r"\b(?:hurts|hits|beats|kicks|chokes) (?:my )?(?:mom|mum|mommy|mummy|mother|dad|daddy|sister|brother|grandma|grandpa|baby|little \w+)\b",
    rf"\b{_PERSON}\b(?: \w+){{0,8}} (?:duwt|slaat|schopt|knijpt|trapt|stompt|mept|sloeg|duwde|schopte|kneep) (?:haar|hem|ze|hen)\b(?=$| (?:als|wanneer|dan|elke|iedere|vaak|steeds|soms|weer|en|omver|in elkaar|bont|blauw|waar)\b)",
    rf"\b{_PERSON} (?:mij|me|ons) (?:\w+ )?(?:slaan|sla|schoppen|duwen|trappen|mishandelen|pijn doen|pijn doet|knijpen|wurgen)\b",
    r"\b(?:pakt|neemt|steelt|jat|haalt|pikt|pakte|nam)\b (?:\w+ ){0,2}(?:geld|pinpas|bankpas|pensioen|aow|spaargeld)\b (?:\w+ )?(?:van|bij) (?:mijn|me|m) (?:moeder|vader|oma|opa|ouders|schoonmoeder|schoonvader)\b (?:\w+ )?(?:af|weg)\b",
    r"\b(?:keel|nek|hals|throat|neck)\b (?:\w+ ){0,2}(?:gepakt|geknepen|vastgepakt|dichtgeknepen|dichtgedrukt|vastgegrepen|gegrepen|beetgepakt|dichtgeknepen|grabbed|squeezed)\b|\baan (?:mijn|me|haar) haren (?:\w+ )?(?:getrokken|gesleurd|meegesleurd)\b",
    r"\b(?:me|mij|ons) (?:en|of) (?:\w+ ){1,3}(?:wat|iets) (?:aandoet|aan doet|aandoen|aan doen|aan zal doen|aan te doen)\b",
    r"\b(?:vrees|vreesde|vrezen|bang|angst|fear|afraid|scared)\b (?:\w+ ){0,2}(?:voor|for|of) (?:mijn|my|ons|our) (?:eigen )?(?:leven|life|lives)\b|\b(?:gewelddadig|agressief|violent) (?:\w+ )?(?:jegens|tegen|naar|towards|to) (?:mij|me|ons|us)\b",
    r"\b(?:geeft|gaf|geven) (?:me|mij|haar|hem|ons|mijn \w+|de kinderen) (?:\w+ ){0,2}geen (?:eten|te eten|drinken|water|medicijnen|medicatie|insuline)\b(?! (?:meer )?mee)|\blaat (?:me|mij|haar|hem) (?:\w+ )?(?:honger lijden|zonder eten|uren in (?:mijn|haar|zijn) \w+ liggen)\b",
    # round 15: someone holding or pressing a thing (any thing) against the writer's throat,
    # face or body: "hij houdt een mes tegen mijn keel", "drukt een kussen op mijn gezicht"
    (
        rf"\b{_PERSON}\b(?: \w+){{0,2}} (?:houdt|hield|drukt|drukte|zet|zette|duwt|duwde|richt|richtte|legt|legde|holds|held|presses|pressed|puts|put) "
        r"(?:een|het|de|die|dat|zijn|haar|a|the|his|her) (?:\w+ )?(?:tegen|op|bij|over|in|aan|against|on|to|over) (?:mijn|m|me|my) "
        r"(?:keel|nek|hals|gezicht|mond|hoofd|buik|borst|rug|slaap|lijf|throat|neck|face|mouth|head|chest|belly)\b"
        # ... also in the perfect: "heeft een broodmes tegen mijn hals gezet"
        rf"|\b{_PERSON}\b(?: \w+){{0,2}} (?:heeft|had|has) (?:een|het|de|die|dat|zijn|haar|a|the|his|her) (?:\w+ )?(?:tegen|op|bij|over|aan|against|on|to) (?:mijn|m|me|my) "
        r"(?:keel|nek|hals|gezicht|mond|hoofd|buik|borst|rug|slaap|lijf|throat|neck|face|mouth|head|chest|belly) (?:\w+ )?(?:gezet|gehouden|gedrukt|geduwd|gelegd|gericht|held|pressed|put)\b"
    ),
]

_DANGER = [
    r"\b(?:adem|ademt|ademen|ademhalen|ademhaling|lucht|breath\w*)\b(?: \w+){0,2} (?:niet|nie|nauwelijks|amper|bijna niet|zwaar|moeilijk|raar|slecht|stopt|stil|piepend|not|hardly)\b",
    r"\b(?:niet|nie|nauwelijks|amper|geen|moeilijk|zwaar|can't|cant|cannot|not) (?:meer )?(?:adem|ademt|ademen|ademhalen|lucht krijg\w*|breathe|breathing)\b",
    r"\b(?:zuurstof|oxygen)\b(?: \w+){0,3} (?:op|leeg|werkt niet|doet het niet|uit|out)\b",
    r"\bborst\b(?: \w+){0,3} (?:pijn|druk|beklemm\w*|knell\w*|strak|zwaar)\b|\b(?:pijn|druk|beklemm\w*|knell\w*) (?:\w+ ){0,3}borst\b",
    r"\b(?:arm|been|gezicht|mond|hand|linkerkant|rechterkant|kant|lichaamshelft)\b(?: \w+){0,3} (?:niet|nie) (?:meer )?(?:bewegen|optillen|op tillen|voelen|gebruiken|omhoog)\b",
    r"\b(?:voel|voelt) (?:mijn |zijn |haar )?(?:arm|been|gezicht|linkerkant|rechterkant|kant)\b(?: \w+){0,2} (?:niet|nie) meer\b",
    r"\b(?:arm|been|gezicht|mond)\b(?: \w+){0,2} (?:slap|verlamd|scheef|hangt|gevoelloos|droop\w*)\b|\b(?:face|mouth) (?:is )?droop\w*",
    r"\bpraat (?:\w+ ){0,2}(?:raar|moeilijk|onduidelijk|wartaal|brabbel\w*|dubbel|krom|slecht|vreemd)\b(?!.*\b(?:sinds|al (?:jaren|maanden|weken)|altijd)\b)|\bslurred\b|\bcan'?t (?:talk|speak|move)\b",
    r"\b(?:diabeet|diabetes|suiker\w*|hypo|insuline|diabetic)\b(?: \w+){0,6} (?:verward|trillerig|zweet\w*|raar|suf|wartaal|niet wakker|bewusteloos|te laag|confused)\b",
    r"\b(?:verward|ijlt|confused)\b(?: \w+){0,5} (?:heet|gloei\w*|koorts|hot|fever)\b|\b(?:koorts|fever) (?:van )?(?:40|41|42)\b",
    r"\bzegt (?:\w+ )?(?:niks|niets) meer\b|\b(?:is|werd|wordt) (?:\w+ )?onwel\b|\bin elkaar gezakt\b|\bingestort\b",
    r"\b(?:ligt|lig|liggen) (?:er )?(?:iemand|een (?:\w+ )?(?:man|vrouw|persoon|kind|jongen|meisje|meneer|mevrouw))\b(?: \w+){0,3} (?:op|in) (?:de |het )?(?:straat|grond|vloer|gang|tuin|trap|stoep|water)\b",
    rf"\b(?:iemand|{_PERSON}|ik)\b(?: \w+){{0,3}} (?:ligt|lig|liggen|lying|lies|is) (?:\w+ ){{0,2}}(?:op|in|on) (?:de |het |the |straat|zijn |haar )?(?:straat|grond|vloer|gang|tuin|trap|stoep|floor|ground|street)\b",
    r"\bdoet (?:al )?(?:\w+ )?(?:dagen|dag|twee dagen|drie dagen) (?:niet|nie) (?:meer )?open\b|\bpost (?:\w+ )?stapelt\b",
    r"\b(?:bloed|bloedt|bloeden|bloeding|blood)\b(?: \w+){0,2} (?:spuit|spuiten|gutst|gutsen|stroomt|stopt niet|stopt nie|houdt niet op|veel|erg|overal|won'?t stop)\b",
    r"\b(?:bloed|bloedt|bloeden|bloeding|bleeding|blood)\b(?: \w+){0,5} (?:stopt|houdt|stops|blijft) (?:\w+ )?(?:niet|nie|not|maar komen)\b",
    r"\b(?:spuug|spuugt|spugen|braak|braakt|overgeven|overgegeven|geef over|hoest|hoesten|plas|poep|vomit\w*|cough\w*)\b(?: \w+){0,2} (?:bloed|blood)\b|\b(?:bloed|blood) (?:overgegeven|opgehoest|gespuugd|gebraakt)\b",
    r"\b(?:keel|tong|gezicht|lippen|lip|throat|tongue|face)\b(?: \w+){0,2} (?:zwelt|zwellen|opgezwollen|dik|swell\w*)\b",
    r"\bhoofdpijn\b(?: \w+){0,4} (?:ineens|opeens|plotseling|ergste|barst\w*)\b|\b(?:ineens|opeens|plotseling|ergste|barstende) (?:\w+ ){0,4}hoofdpijn\b|\bworst headache\b",
    r"\bhart\b(?: \w+){0,3} (?:bonkt|raast|jaagt|gaat (?:\w+ )?(?:tekeer|heel snel|zo snel))\b(?: \w+){0,5} (?:duizelig|flauw|zwart|benauwd|pijn)\b",
    r"\bzwart voor (?:de |mijn )?ogen\b|\bbijna flauw\b",
    r"\b(?:dementie|dement|alzheimer|verward|dementia)\b(?: \w+){0,6} (?<!\bsoms )(?<!\bvaak )(?<!\beens )(?<!\btoe )(?<!\bregelmatig )(?:weg|verdwenen|vermist|weggelopen|is zoek|zoekgeraakt|missing|gone)\b(?! (?:met|naar de dagbesteding))",
    r"\b(?:verdwenen|vermist|weggelopen|missing)\b(?: \w+){0,6} (?:dementie|dement|alzheimer)\b",
    r"\bvast in (?:de |het |een )?(?:lift|elevator)\b|\bin de lift (?:\w+ )?vast\b|\bstuck in (?:the |a )?(?:lift|elevator)\b",
    r"\bin de fik\b|\bfikkie\b",
    r"\b(?:van|uit|off) (?:de |het |een |the )?(?:trap|dak|ladder|balkon|steiger|raam|roof|ladder|stairs)\b(?: \w+){0,1} (?:gevallen|afgevallen|gevallen|fell|fallen)\b",
    r"(?<!telefoon is )(?<!mobiel is )(?<!sleutel is )(?<!sleutels zijn )(?<!bril is )(?<!tas is )(?<!bal is )(?<!fiets is )(?<!portemonnee is )(?<!phone )\b(?:in|into) (?:het |de |een |the )?(?:water|sloot|gracht|vijver|zwembad|kanaal|rivier|pool|canal)\b(?: \w+){0,1} (?:gevallen|gevallen|fell|fallen)\b",
    r"\bhelp\b(?: \w+){0,2} gevallen\b|\bgevallen\b(?: \w+){0,2} help\b",
    r"\bgevallen\b(?: \w+){0,6} (?:kan|kom) (?:\w+ )?(?:niet|nie) (?:meer )?(?:lopen|staan|op|overeind|weg|eruit|er uit|bewegen)\b",
    r"\b(?:kind|kindje|baby|peuter|dochter|zoon|zoontje|dochtertje|child|toddler)\b(?: \w+){0,4} (?:pillen|medicijnen|tabletten|schoonmaakmiddel|gif|bleek|wasmiddel|batterij\w*|pills)\b(?: \w+){0,2} (?:gegeten|geslikt|gedronken|opgegeten|ingenomen|ate|swallowed|drank)\b",
    r"\b(?:ademt|breathes|breathing)\b(?: \w+){0,3} (?:blauw|grauw|grijs|blue)\b|\b(?:blauw|grauw|blue) (?:aan|in het gezicht|lips)\b|\bis blauw\b",
    # round 2
    r"\bgevallen\b(?: \w+){0,6} (?:lig|ligt|liggen)\b",
    r"\b(?:kom|komt|kan) (?:\w+ ){0,2}(?:niet|nie) (?:meer )?(?:van|op|uit) (?:de |het |mijn )?(?:grond|vloer|bad|toilet|wc)\b",
    r"\b(?:heup|been|nek|rug|pols|arm|enkel|schouder)\b (?:\w+ )?(?:is |lijkt |zijn )?gebroken\b|\b(?:pols|been|arm|enkel|heup|schouder|vinger)\b (?:\w+ ){0,2}(?:staat|hangt|ligt) (?:\w+ ){0,2}(?:scheef|raar|krom)\b",
    r"\b(?:zakte|zakt|zakken) (?:\w+ )?(?:ineens |opeens |plotseling )?(?:weg|in elkaar)\b|\bomgevallen\b(?! van)",
    r"\b(?:krijg|krijgen) (?:hem|haar|hen|ze|mijn \w+) (?:\w+ )?(?:niet|nie) (?:meer )?wakker\b|\breageert (?:\w+ )?(?:nergens|nauwelijks|amper)\b",
    r"\b(?:praat|spreekt|praten|spreken|talks)\b (?:\w+ ){0,2}(?:onverstaanbaar|onduidelijk|wartaal|raar)\b(?!.*\b(?:sinds|al (?:jaren|maanden|weken)|altijd)\b)",
    r"\b(?:vonkt|vonken|kortsluiting|smeult|smeulen|brandlucht|verbrand|schroeilucht)\b",
    rf"\b{_PILLS}\b(?: \w+){{0,5}} (?:alcohol|drank|wodka|wijn|whisky|jenever|drugs|bier|rum)\b|\b(?:alcohol|drank|wodka|wijn|whisky|jenever|drugs|bier|rum)\b(?: \w+){{0,5}} {_PILLS}\b",
    r"\b(?:blijft|blijven) (?:\w+ )?bloeden\b",
    r"\w*batterij\w* (?:\w+ )?(?:ingeslikt|doorgeslikt|opgegeten|swallowed)\b|\b(?:kind|kindje|baby|peuter|zoontje|dochtertje)\b(?: \w+){0,5} (?:ingeslikt|doorgeslikt)\b",
    r"\bsuiker\w* (?:is |van )?(?:[0-3])\b|\b(?:diabeet|diabetes|suiker\w*|hypo)\b(?: \w+){0,8} (?:trillen|trillerig|klam|traag|slaperig|zweten|zweterig)\b",
    r"\bijlt\b|\bijlen\b|\bdelirium\b",
    r"\bchest\b (?:\w+ ){0,2}(?:tight|pain|hurts|pressure)\b|\bleft arm (?:\w+ )?(?:hurts|pain|numb)\b",
    r"\bval (?:\w+ )?flauw\b|\bflauw ?gevallen\b|\bpassed out\b|\bfainted\b",
    r"\bwater (?:komt|stroomt|staat)\b(?: \w+){0,4} (?:huis|woning|binnen|kamer)\b",
    # round 3
    r"\b(?:lig|ligt)\b(?: \w+){0,4} (?:kan|kom) (?:\w+ )?(?:niet|nie) (?:meer )?(?:omhoog|op|overeind|opstaan)\b",
    r"\bkrijg\w* (?:hem|haar|mijn \w+) (?:\w+ )?(?:niet|nie) (?:meer )?(?:omhoog|overeind|op)\b",
    r"\b(?:houdt|grijpt|pakt)\b (?:\w+ )?borst\b",
    r"\b(?:krijg|krijgt)\b (?:\w+ )?(?:amper|nauwelijks|bijna geen|moeilijk|slecht) (?:\w+ )?(?:lucht|adem)\b",
    r"\b(?:grauw|grijs|klam)\b(?: \w+){0,4} (?:zweet|zweten|pijn|benauwd)\b",
    r"\b(?:diabeet|diabetes|suiker\w*|hypo)\b(?: \w+){0,6} in de war\b",
    r"\b(?:kunnen|kan|kunnen) (?:hem|haar|hen) (?:\w+ )?(?:niet|nergens) (?:meer )?vinden\b|\bnergens te vinden\b",
    r"\b(?:ligt|lig|gevonden) (?:\w+ ){0,2}(?:onderaan|onder aan) (?:de )?trap\b",
    r"\b(?:koorts|ziek|zwak|duizelig)\b(?: \w+){0,6} (?:kan|kom) (?:\w+ )?(?:niet|nie) meer (?:op ?staan|uit bed|overeind)\b",
    r"\brook overal\b|\boveral rook\b|\bzitten vast\b(?: \w+){0,4} (?:rook|brand|water)\b",
    r"\b(?:ligt|lig|gevallen|onwel|zakte)\b(?: \w+){0,5} (?:zegt|reageert) (?:\w+ )?(?:niks|niets|niet)\b",
    r"\b(?:kortademig|benauwd)\b(?: \w+){0,4} (?:niet|nie) (?:kan |meer )?(?:praten|spreken|lopen)\b",
    r"\b(?:schreeuwt|gilt|schreeuwen|gillen)\b (?:\w+ ){0,2}om hulp\b|\bbuiten westen\b",
    r"\bhap\w* naar (?:lucht|adem)\b(?! (?:na|bij|als))",
    r"\bblauwe (?:lippen|lip)\b|\blippen (?:\w+ ){0,2}blauw\b",
    r"\b(?:isnt|isn t|is not|not) moving\b|\bfell down\b(?: \w+){0,4} (?:not|cant|can t|isnt|bleeding|hurt)\b",
    r"\b(?:cant|can ?t|cannot) get up\b(?! (?:the )?(?:stairs|steps|hill))",
    # round 8 (dev batch 2): water at electricity, power cuts with medical equipment,
    # trapped, carbon monoxide, appliances smoking
    r"\bwater\b(?: \w+){0,8} (?:meterkast|stopcontact\w*|stroomkast|groepenkast|elektra|bedrading|sockets?|fuse ?box|electric\w*)\b|\b(?:meterkast|stopcontact\w*|stroomkast|groepenkast|sockets?)\b(?: \w+){0,4} (?:onder water|nat|water)\b",
    r"\b(?:zuurstof\w*|beademing\w*|dialyse\w*|thuisdialyse|ventilator|oxygen|dialysis)\b(?: \w+){0,3} (?:op|leeg|werkt niet|doet het niet|uit|out|piept|alarm|gestopt|stopt|valt uit|uitgevallen|stilgevallen|geen stroom)\b(?!.*\b(?:verzetten|afspraak|afzeggen|vervoer|taxi|vergoeding|subsidie|kosten|aanvragen|bestellen|nieuwe)\b)",
    r"\b(?:klem|bekneld|vast|opgesloten)\b (?:\w+ )?(?:onder|tussen)\b|(?<!auto )(?<!wagen )(?<!fiets )(?<!bus )(?<!busje )\b(?:zit|zitten|zat|lig|ligt|liggen) (?:\w+ )?(?:vast|klem|opgesloten|bekneld) in (?:de|het|een|mijn|ons) (?:auto|bad|lift|kelder|kast|wc|toilet|badkamer|schuur|tuinhuis|huis|water|sneeuw|modder)\b|\btrapped\b (?:under|in (?:the|a|my) (?:car|lift|elevator|house|basement|bathroom|fire|water|room))\b",
    r"\b(?:co|koolmonoxide|carbon monoxide)\w* ?(?:melder|alarm|detector)?\b(?: \w+){0,2} (?:piept|gaat af|gaat|blijft|slaat aan|going off|went off|goes off|alarm|is going)\b(?!.*\b(?:batterij|battery|vervangen|gekocht|test|testen)\b)",
    r"\b(?:cv|ketel|kachel|geiser|gaskachel|verwarming|houtkachel|boiler|heater)\b(?: \w+){0,8} (?:misselijk|hoofdpijn|duizelig|suf|slaperig|flauw|dizzy|nauseous)\b",
    r"\b(?:dementie|dement|demente|alzheimer|dementia)\b(?: \w+){0,12} (?:vinden|vind|find) (?:hem|haar|him|her) (?:\w+ )?(?:niet|nergens|nowhere|not)\b",
    r"\b(?:misselijk|hoofdpijn|duizelig|suf|slaperig|flauw)\b(?: \w+){0,8} (?:cv|ketel|kachel|geiser|gaskachel|houtkachel|boiler)\b(?! (?:\w+ )?(?:onderhoud|vervangen|nieuw|kosten))",
    r"\brotte eieren\b(?!.*\b(?:koelkast|eten|vuilnis|riool|afvoer)\b)|\blichterlaaie\b|\bknettert\b",
    r"\b(?:meterkast|stopcontact|kabel|snoer|wasmachine|droger|tv|oplader|accu|stekker|groepenkast|koelkast|magnetron|oven|kachel|laptop|fatbike|scooter)\w*\b(?: \w+){0,2} (?:staat te roken|rookt|smeult|vonkt|knettert|staat in brand)\b",
    r"\b(?:stroom ?storing|stroomuitval|stroom (?:\w+ )?(?:uitgevallen|weg|uit|eraf|eruit)|storing|geen stroom|power (?:cut|outage|is out|went out|failure|is off)|no power|accu (?:\w+ )?(?:bijna )?leeg|black ?out)\b(?: \w+){0,12} (?:zuurstof\w*|beademing\w*|thuisbeademing|dialyse|thuisdialyse|ventilator|oxygen|dialysis|monitor|machine|apparaat|pomp)\b(?!.*\b(?:verzetten|afspraak|afzeggen|vervoer|taxi|vergoeding|subsidie|kosten|aanvragen)\b)",
    r"\b(?:zuurstof\w*|beademing\w*|thuisbeademing|dialyse|thuisdialyse|ventilator|oxygen|dialysis)\b(?: \w+){0,12} (?:stroom ?storing|stroomuitval|stroom (?:\w+ )?(?:uitgevallen|weg|uit|eraf|eruit)|storing|geen stroom|power (?:cut|outage|is out|went out|failure|is off)|no power|accu (?:\w+ )?(?:bijna )?leeg)\b(?!.*\b(?:verzetten|afspraak|afzeggen|vervoer|taxi|vergoeding|subsidie|kosten|aanvragen)\b)",
    r"\b(?:on the (?:floor|ground)|is not breathing|took an overdose|overdosed|unconscious|won'?t wake up|not waking up)\b",
    # round 9 (dev batch 3): water getting into a home and flooded rooms, someone under
    # a vehicle or run over, chest pain in other words, a whole stock of pills at once
    r"\bwater\b(?: \w+){0,4} (?:komt|loopt|stroomt|gutst) (?:\w+ )?(?:binnen|naar binnen|het huis in|de kamer in|onder de deur door)\b|\bwater\b(?: \w+){0,10} (?:stroom|elektriciteit|elektra) (?:is |staat |zit )?(?:nog )?(?:aan|erop)\b",
    r"\b(?:huis|woning|woonkamer|kamer|keuken|slaapkamer|benedenverdieping|begane grond|flat|kelder|souterrain|gang)\b (?:\w+ ){0,2}(?:loopt|liep|lopen) (?:\w+ ){0,2}(?:onder water|vol (?:met )?water)\b|\b(?:huis|woning|woonkamer|benedenverdieping|begane grond)\b (?:\w+ ){0,2}(?:staat|staan|stond) (?:\w+ ){0,2}(?:onder water|blank)\b",
    r"\bwater (?:\w+ ){0,4}tot (?:aan )?(?:mijn|de|onze|m|ons|haar|zijn) (?:knieen|knie|enkels|middel|heupen|kuiten|borst|knees|waist)\b|\b(?:house|home|flat|basement|street|room) (?:is )?(?:flooding|flooded)\b|\bwater (?:is )?(?:coming in|pouring in|rising)\b",
    rf"\b(?:iemand|een (?:\w+ )?(?:man|vrouw|kind|jongen|meisje|fietser|voetganger|persoon|meneer|mevrouw)|{_PERSON[3:-1]})\b(?: \w+){{0,3}} (?:ligt|lig|liggen|lag|zit|zat|beland|belandt|kwam|is) (?:\w+ ){{0,2}}onder (?:de|een|het|die|zijn|haar) (?:auto|bus|tram|trein|vrachtwagen|truck|trekker|tractor|puin|boom|car|train)\b(?! (?:te|om te|aan het) (?:sleutelen|repareren|werken|kijken|maken|schuilen))",
    rf"\b(?:ik|iemand|een (?:\w+ )?(?:man|vrouw|kind|jongen|meisje|fietser|voetganger|persoon|meneer|mevrouw)|{_PERSON[3:-1]}|kind|kindje)\b(?: \w+){{0,3}} (?:is|ben|zijn|werd|word|wordt) (?:\w+ ){{0,2}}aangereden\b|\b(?:is|zijn|werd|wordt) (?:er )?(?:\w+ ){{0,2}}(?:iemand|een (?:\w+ )?(?:man|vrouw|kind|jongen|meisje|fietser|voetganger|persoon|meneer|mevrouw)|mijn (?!auto|fiets|scooter|wagen|brommer|motor)\w+) (?:\w+ )?aangereden\b|\b(?:hit by a|run over by a|knocked down by a) (?:car|bus|truck|van|train|tram)\b",
    r"\b(?:pijn|pijnlijk|druk\w*|beklem\w*|knel\w*|stek\w*|kramp\w*|zwaar gevoel|strak gevoel|benauwd gevoel) (?:\w+ ){0,3}(?:borst|borstkas)\b|\bstraal\w* (?:\w+ ){0,2}(?:uit )?naar (?:mijn |zijn |haar |de )?(?:linker ?arm|kaak)\b",
    r"\b(?:al|alle|allemaal|hele)\b(?: \w+){0,2} (?:pillen|pilletjes|tabletten|medicijnen|medicatie|weekdoos|baxterrol)\b(?: \w+){0,4} (?:in een keer|in 1 keer|tegelijk|ineens|tegelijkertijd)\b(?: \w+){0,2} (?:ingenomen|genomen|geslikt|opgegeten|gespoten)\b|\b(?:dubbel|dubbele|twee keer|2 keer|te ?veel)\b(?: \w+){0,3} insuline\b|\binsuline\b(?: \w+){0,3} (?:dubbel|twee keer|2 keer|te ?veel)\b",
]

#: Co-occurrence rules: every regex of a group must match somewhere in the text, in
#: any order (a vulnerable person + gone + cold or night).
_VULNERABLE = r"(?:dementie|dement|demente|alzheimer|dementia|verpleeghuis|verzorgingshuis|zorghuis|verward|confused)"
_GONE = (
    r"(?:weg|weggelopen|weggegaan|verdwenen|vermist|zoek|zoekgeraakt|kwijt|de deur uit|ergens buiten|alleen buiten|"
    r"(?:loopt|zwerft|dwaalt|staat) (?:\w+ ){0,2}buiten|buiten (?:rond|aan het dwalen)|"
    r"niet (?:thuis ?gekomen|terug ?gekomen|terug)|nergens|missing|wandered off|gone|"
    r"(?:not|isn t|isnt|hasn t come|never came) (?:back )?home)"
)
_COLD_NIGHT = (
    r"(?:vriest|vriezen|vorst|koud|kou|ijskoud|donker|nacht|vannacht|nachts|vanavond|min \d+|"
    r"pantoffels|nachtjapon|nachthemd|pyjama|sloffen|zonder jas|regen|storm|freezing|cold|night|dark)"
)
_ADULT = (
    r"(?:stiefvader|stiefpa|stiefpapa|oom|opa|broer|neef|buurman|trainer|leraar|meester|vader|papa|"
    r"vriend van (?:mijn )?(?:mama|moeder|mam)|moeders vriend|man van (?:mijn )?(?:mama|moeder))"
)
_ALL_OF = (
    (CrisisKind.DANGER, (rf"\b{_VULNERABLE}\b", rf"\b{_GONE}\b", rf"\b{_COLD_NIGHT}\b")),
    # round 9: water rising in a home ("water in de kelder en het stijgt"), not a river
    # report or a rent rise
    (
        CrisisKind.DANGER,
        (
            r"\bwater\b",
            r"\b(?:kelder|huis|woonkamer|keuken|gang|kamer|slaapkamer|woning|souterrain|benedenverdieping|binnen|flat)\b",
            r"\b(?:stijgt|stijgen|steeg|komt (?:\w+ )?(?:omhoog|hoger)|rising)\b",
        ),
    ),
    # round 9: someone who has not opened the door for days (a welfare check): a person
    # + not opening + a duration or sign (post piling up, curtains shut)
    (
        CrisisKind.DANGER,
        (
            rf"\b{_PERSON}\b(?: \w+){{0,10}} (?:doet|deed|opent|reageert)\b(?: \w+){{0,6}} (?:niet|nie) (?:meer )?(?:open|op de bel|op aanbellen)\b",
            r"\b(?:dagen|dag|uren|sinds (?:gisteren|eergisteren|\w+dag)|de hele dag|post|gordijnen)\b",
        ),
    ),
    # the writer means to kill or hurt someone and has a weapon at hand (round 9): the
    # weapon tells a real threat from "ik vermoord hem nog eens" said in jest
    (
        CrisisKind.VIOLENCE,
        (
            r"\b(?:ik|i)\b(?: \w+){0,4} (?:vermoorden|vermoord|doodmaken|dood maken|afmaken|doodslaan|in elkaar slaan|iets aandoen|wat aandoen|kill|hurt)\b",
            r"\b(?:mes|messen|pistool|wapen|geweer|bijl|hamer|knuppel|honkbalknuppel|schaar|machete|vuurwapen|knife|gun|axe)\b",
        ),
    ),
    # a child's words: an adult relative + my bed or room + at night, in secret
    (
        CrisisKind.VIOLENCE,
        (
            rf"\b{_ADULT}\b",
            r"\b(?:in|op|bij) (?:mijn |m |het )?(?:bed|kamer|slaapkamer)\b|\bbij (?:me|mij) (?:in bed|liggen)\b",
            r"\b(?:nachts|stiekem|als (?:mama|mam|iedereen|de rest|mijn moeder) (?:weg|slaapt|werkt|er niet)|geheim\w*|niet vertellen)\b",
        ),
    ),
)


def word_start_alternation(patterns: list[str]) -> re.Pattern[str]:
    """One regex per kind. Every alternative starts at a word boundary, so the shared
    ``\\b`` is tested once per position before any alternative is tried (a big speed-up
    on long, rambling messages); the alternatives are grouped by their first character
    (:func:`nlu.regex_dispatch.first_char_alternation`: the same matches, tried only
    where they can start)."""
    parts = []
    for p in patterns:
        for alt in top_level_split(p):
            if alt.startswith(r"\b"):
                alt = alt[2:]
            parts.append(alt)
    inner = first_char_alternation(parts, re.MULTILINE)
    return re.compile(r"\b" + inner.pattern, re.MULTILINE)


_PATTERNS = (
    (CrisisKind.SUICIDE, word_start_alternation(_SUICIDE)),
    (CrisisKind.VIOLENCE, word_start_alternation(_VIOLENCE)),
    (CrisisKind.DANGER, word_start_alternation(_DANGER)),
)


_ALL_OF_COMPILED = tuple((kind, tuple(compile_words(p, re.MULTILINE) for p in group)) for kind, group in _ALL_OF)


def component_kinds(cleaned: str) -> tuple[CrisisKind, ...]:
    """Kinds whose component patterns (or co-occurrence groups) match the cleaned text."""
    found = [kind for kind, rx in _PATTERNS if rx.search(cleaned)]
    for kind, group in _ALL_OF_COMPILED:
        if kind not in found and all(rx.search(cleaned) for rx in group):
            found.append(kind)
    return tuple(found)


def component_hits(cleaned: str, skip: frozenset[CrisisKind] | set[CrisisKind] = frozenset()):
    """(kind, start) of every component match (each pattern's matches left to right, then
    the co-occurrence groups, anchored at their first part); kinds in ``skip`` are not
    searched."""
    for kind, rx in _PATTERNS:
        if kind not in skip:
            for m in rx.finditer(cleaned):
                yield kind, m.start()
    for kind, group in _ALL_OF_COMPILED:
        if kind in skip:
            continue
        first = group[0].search(cleaned)
        if first is not None and all(rx.search(cleaned) for rx in group[1:]):
            yield kind, first.start()
