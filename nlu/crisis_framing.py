"""Round 13 framing and word senses for crisis detection (``crisis_dev7.yml``).

The dev batch of round 13 raised most of its false alarms on the right words in the wrong
sense or frame, so this module names those as classes rather than phrases:

* senses, rewritten in the cleaned text before any rule or the model reads it: one's own
  head or knee bumped against furniture ("mijn zoon sloeg zijn hoofd tegen de tafel": the
  possessive is the subject's own, so it is a bump, not a blow); a thing, not a person,
  fallen into water ("de bal is in de vijver gevallen"); food burnt ("de taart is
  verbrand"); a finger cut while cooking; a bite by a toddler or a pet;
* frames, judged on the whole message: a question asked for a school or study assignment
  with nobody in it but the writer asking; care already given to an injury (a cast,
  stitches, in hospital, the ambulance was there); a danger told as fine again ("nu
  weer prima", "alles in orde", "speelt alweer", "is helemaal helder"); a nuisance
  question ("de rook van de vuurkorf komt ons huis in, mag dat?"); laughter with words
  of dying; a crisis word denied in the next sentence ("ik doe dat niet", "ze doet het
  zelf niet").
"""

from __future__ import annotations

import re

from nlu.regex_dispatch import compile_words

__all__ = ["CARED", "DISPOSAL", "NUISANCE", "denied_after", "estate_planning", "for_study", "resense"]

_BODY = r"(?:hoofd|hoofdje|kop|knie|knieen|elleboog|teen|tenen|hand|arm|been|scheen|neus|rug)"
_BUMP = r"(?:sloeg|slaat|stootte|stoot|knalde|knalt|bonkte|bonkt|klapte|klapt)"
_HE = r"(?:hij|zoon|zoontje|man|vader|opa|broer|broertje|jongen|jongetje|neefje|kleinzoon|baby|kind|kindje|peuter|kleuter|meneer)"
_SHE = r"(?:zij|ze|dochter|dochtertje|vrouw|moeder|oma|zus|zusje|meisje|nichtje|kleindochter|baby|kind|kindje|peuter|kleuter|mevrouw)"
#: Someone's own body part against furniture: the possessive matches the subject.
_OWN_BUMP = compile_words(
    rf"\b(?:ik (?:\w+ )?{_BUMP} (?:met )?(?:mijn|m)|{_HE} (?:\w+ )?{_BUMP} (?:met )?(?:zijn|z|zn)|"
    rf"{_SHE} (?:\w+ )?{_BUMP} (?:met )?(?:haar|d|dr)) {_BODY} (?:\w+ )?(?:tegen|aan|op) "
    r"(?:de|het|een|die|dat|zijn|haar|mijn) (?:\w+ )?\w*(?:tafel|kast|deur|deurpost|muur|bed|stoel|rand|bank|trap|vloer|grond|"
    r"aanrecht|hoek|plank|kraan|kastje|radiator|verwarming|wastafel|bad|glijbaan|schommel|paal)\w*\b"
)
_BUMP_VERB = compile_words(rf"\b{_BUMP}\b")
_NOT_A_THING = (
    r"(?!(?:hij|zij|ze|iemand|man|vrouw|opa|oma|vader|moeder|baby|peuter|hond\w*|zoon\w*|dochter\w*|kind\w*|jongen\w*|"
    r"meisje\w*|broer\w*|zus\w*|buurman|buurvrouw)\b)"
)
#: A thing, not a person or animal, fallen or thrown into water or the toilet.
_THING_IN_WATER = compile_words(
    r"\b(?:bal|balletje|voetbal|telefoon|mobiel|gsm|sleutel\w*|fiets|step|speelgoed\w*|tas|bril|pet|muts|schoen\w*|"
    r"knuffel|frisbee|vlieger|drone|bootje|hengel|portemonnee|pop|emmer|jas|boek|laptop|oortje\w*)\b"
    r"(?: van (?:de|het|mijn|m|onze|ons|zijn|haar) \w+)?"
    rf"(?: {_NOT_A_THING}\w+){{0,5}} (?:is |zijn |viel |vielen )?(?:in|into) (?:de|het|een|the|onze|ons) (?:\w+ )?"
    r"(?:water|vijver|sloot|gracht|kanaal|rivier|zee|plas|zwembad|wc|toilet|pot|pond|river|canal)\b"
    r"(?: (?:gevallen|gegooid|beland|gerold|gevlogen|geschopt|gewaaid|gedreven|fell|gestuiterd))?"
)
#: Food burnt in the kitchen.
_BURNT_FOOD = compile_words(
    r"\b(?:taart|eten|pizza|brood|toast|tosti|koek\w*|cake|vlees|rijst|aardappel\w*|friet|soep|saus|lasagne|ovenschotel|"
    r"maaltijd|kip|gehakt|pannenkoek\w*|uien|bami|nasi|appeltaart|stamppot|pasta|avondeten)\b (?:\w+ ){0,2}(?:verbrand|aangebrand|zwartgeblakerd)\b"
    r"|\bburnt (?:the |my |our )?(?:toast|food|dinner|pizza|cake|rice|pan|bread|cookies)\b|\b(?:toast|food|dinner|pizza|cake|rice) (?:is|was|got) burnt\b"
)
#: A cut in a finger or thumb, or on a tin, glass or knife, unless said to be on purpose.
_CUT_BY_ACCIDENT = compile_words(
    r"\b(?:in|aan) (?:mijn|m|haar|zijn|z|d|de|zn|dr|je) (?:\w+ )?(?:vinger|duim|vingertop|vingers)\w* (?:\w+ )?(?:gesneden|gesneen|snijdt|sneed)\b"
    r"|\b(?:gesneden|sneed) (?:\w+ ){0,2}(?:aan|met|op) (?:een|het|de|mijn|m|die|dat) (?:\w+ )?(?:blik\w*|glas|glasscherf|scherf|papier|broodmes|schaar|blad|aardappelschiller|rasp)\b"
)
_ON_PURPOSE = compile_words(
    r"\b(?:expres|opzettelijk|met opzet|bewust|on purpose|weer|alweer|again|mezelf|mijzelf)\b"
)
#: A bite by a toddler or a pet: the bite verb, when the sentence names one.
_BITE = compile_words(r"\b(?:gebeten|bijt|beet|bijten|bit|bites|bitten)\b")
_BITER = compile_words(
    r"\b(?:tandjes|peuter|dreumes|hond\w*|kat|katje|poes|paard|konijn|cavia|hamster|muis|rat|wesp|teek|teken|mug|muggen|vlo|"
    r"vlooien|bedwants\w*|spin|bij|slang|kwal|dog|cat|puppy|toddler|tick|mosquito|"
    r"(?:hij|ze|zij) is (?:pas |nog maar )?(?:1|2|3|een|twee|drie)\b(?! (?:keer|uur|dag|dagen|week|weken|maand|maanden)))"
)


#: "I can't live without coffee": a thing one cannot live without, not a person.
_LIVE_WITHOUT = compile_words(
    r"\b(?:kan|wil|can t|cannot) (?:\w+ )?(?:niet|nie|not|live)? ?(?:meer )?(?:leven|bestaan|live) (?:zonder|without) "
    r"(?!(?:hem|haar|jou|jullie|him|her|you|mijn|m|my|zijn|haar)\b)\w+"
)
#: Figures of speech with crisis words (round 13): a threat of murder over a lapse ("ze
#: vermoordt me als ik haar verjaardag vergeet"), "ik zou ze wel kunnen wurgen" (without
#: a weapon in the sentence), "een gat in de lucht springen", "springen van blijdschap".
_FIGURES = compile_words(
    r"\b(?:(?:me|mij|je|ons|jou) (?:nog eens |echt |wel |nog )?)?"
    r"(?:vermoord\w*|afmaken|afmaakt|doodmaken|doodmaakt|wurgen|wurgt|ophangen|killen|kill|murder)\b (?:\w+ ){0,2}(?:als|wanneer|if) "
    r"(?:ik|je|jij|i|you) (?:\w+ ){0,5}(?:vergeet|vergat|vergeten|kwijt|te laat|verlies|kwijtraak|vergis|breek|brak|geschaafd|"
    r"verpest|verpes|mors|morste|verbrand|opeet|opat|laat vallen|liet vallen|"
    r"forget|forgot|late|lose|lost|break|broke)\b"
    r"|\b(?:zou|kan|kon) (?:\w+ ){0,3}wel (?:kunnen )?(?:wurgen|vermoorden|schieten|afschieten|afmaken|doodslaan|killen|villen)\b"
    r"(?![^\n]*\b(?:mes|pistool|wapen|geweer|bijl|hamer|knuppel)\b)"
    r"|\b(?:bang|angst|vrees|afraid|scared) (?:voor|of) (?:een |de )?(?:brand|inbraak|inbrekers|overstroming|vallen|een val|gaslek|"
    r"koolmonoxide|ongelukken|fire|falling)\b"
    r"|\b(?:die|dying|died|dead) (?:of|from) (?:embarrassment|shame|boredom|laughter|laughing|curiosity|cringe)\b"
    r"|\b(?:in elkaar (?:gezakt|zakken|zakte|zak)|flauwgevallen|omgevallen|gestikt|stikte) (?:\w+ )?van (?:het )?(?:lachen|de lach)\b"
    r"|\buit (?:mijn|je|zijn|haar|ons|m|z|jullie|hun|d) dak (?:gaan|gaat|ging|gingen|ga)\b"
    r"|\b(?:zegt|roept|zeggen|roepen|zei|riep) (?:\w+ )?(?:steeds|altijd|vaak|elke keer|telkens) (?:ik ga dood|ik sterf|i m dying)\b"
    r"|\b(?:gaat|zal) (?:me|mij) (?:\w+ )?(?:ophangen|vermoorden|afmaken|wurgen|villen) als (?:ze|hij) (?:\w+ ){0,4}(?:ziet|hoort|merkt|ontdekt)\b"
    r"(?=[^\n]*\b(?:haha\w*|hihi\w*|lol|xd|grapje)\b)"
    r"|\b(?:slaan|sloegen|slaat|sloeg|smijten|smeet|gooien|gooide|knallen|knalt) (?:\w+ )?(?:de |met de )?deur(?:en)? (?:\w+ )?dicht\b|\bslaan met (?:de )?deuren\b"
    r"|\bniemand (?:\w+ ){0,2}(?:me|mij) (?:\w+ )?missen (?:op|bij|tijdens|in) (?:dat|de|het|die|deze|zo n|een) (?:\w+ )?"
    r"(?:feest\w*|party|verjaardag|bruiloft|vergadering|les|training|uitje|borrel|reunie|etentje|avond|dag|groep\w*)\b"
    r"|\b(?:opgespaard|gespaard|verzameld|spaar|sparen)\b(?= (?:\w+ ){0,3}(?:voor de vakantie|voor (?:op )?(?:de )?reis|voor het buitenland|voor noodgevallen))"
    r"|\b(?:dreig\w*|bedreig\w*) (?:\w+ ){0,3}(?:dat|om) (?:ze|hij|zij|het) (?:\w+ ){0,2}(?:uitmaakt|uit te maken|uitmaken|verhuist|te verhuizen|boos wordt)\b"
    r"|\bfire ?(?:drill|alarm test|extinguisher|brigade|station|fighter\w*|department|exit|door|escape|place|works|wood)\b"
    r"|\b(?:fell|falls|fall|falling) (?:asleep|in love|behind|apart|ill|silent|short)\b"
    r"|\bspring\w* (?:\w+ )?(?:een gat in de lucht|van (?:blijdschap|vreugde|geluk|plezier|enthousiasme))\b"
)
#: The name of a help line, a prevention programme or a statistic, not a crisis.
_SERVICE_COMPOUND = compile_words(
    r"\b(?:zelfmoord|zelfdoding|suicide|suicidaliteit) ?(?:lijn|preventie\w*|hulplijn|cijfers|statistiek\w*|aanslag\w*|"
    r"terrorist\w*|preventielijn|actie|missie|hotline|prevention|rates?)\b|\bsuicidepreventie\w*"
)
_SUICIDE_PREFIXES = ("zelfmoord", "zelfdoding", "suicid")
#: Toy guns and water fights: play.
_TOYS = compile_words(
    r"\b(?:waterpistool\w*|waterpistolen|speelgoedpistool\w*|nerf\w*|paintball\w*|proppenschieter\w*|klappertje\w*)\b"
    r"|\bschiet\w* (?:\w+ ){0,2}nat\b"
    r"|\b(?:gooit|gooide|slaat|sloeg|schopt|schopte|duwt|duwde) (?:\w+ ){0,6}(?:voor de grap|als grapje|bij het stoeien|tijdens (?:de )?(?:training|les))\b"
)
#: Laughter right beside "ik ga dood": dying of laughter.
_LAUGHING_TO_DEATH = compile_words(
    r"\b(?:haha\w*|hihi\w*|lol|xd|lmao) (?:\w+ ){0,2}(?:ga|gaat|ging) (?:\w+ )?dood\b|\b(?:ga|gaat|ging) (?:\w+ )?dood (?:\w+ ){0,4}(?:haha\w*|hihi\w*|lol|xd|lmao)\b"
)


#: Someone else who died by suicide: grief, not the writer's crisis.
_DIED_BY_SUICIDE = compile_words(
    r"\b(?:overleden|gestorven|omgekomen|dood) (?:\w+ )?(?:door|aan) (?:zelfmoord|zelfdoding|suicide)\b"
    r"|\b(?:door|aan) (?:zelfmoord|zelfdoding|suicide) (?:\w+ )?(?:overleden|gestorven|omgekomen)\b"
)


#: Smoke from a barbecue, a fire basket or a stove; blood seen at work.
_HARMLESS_SMOKE = compile_words(
    r"\b(?:barbecue\w*|bbq|vuurkorf|kampvuur|open haard|houtkachel|sigaret\w*|rookworst|rookmachine|wierook|stoom)\b"
)
_AT_WORK = compile_words(
    r"\b(?:werk|werkt|werken|werkte) (?:\w+ ){0,3}(?:in|op|bij|als) (?:het |de |een )?(?:ziekenhuis|spoedeisende hulp|seh|eerste hulp|"
    r"ambulance\w*|brandweer|politie|verpleeg\w*|slachterij|slagerij|operatiekamer)\b"
)
_FIREFIGHTER = compile_words(
    r"\b(?:is|werkt als|was|ben) (?:\w+ )?(?:brandweerman|brandweervrouw|brandweerlid|vrijwillige brandweer)\b"
)
_SEES_AT_WORK = compile_words(
    r"\b(?:ziet|zien|zag|zie) (?:\w+ ){0,2}(?:bloed|doden|ellende|ongelukken|wonden)\b"
)


def _own_bump(m: re.Match[str]) -> str:
    return _BUMP_VERB.sub("stootte", m.group(0), count=1)


_WATER_WORDS = frozenset(
    {
        "water",
        "vijver",
        "sloot",
        "gracht",
        "kanaal",
        "rivier",
        "zee",
        "plas",
        "zwembad",
        "wc",
        "toilet",
        "pot",
        "pond",
        "river",
        "canal",
    }
)
_BUMP_WORDS = frozenset(
    {"sloeg", "slaat", "stootte", "stoot", "knalde", "knalt", "bonkte", "bonkt", "klapte", "klapt"}
)
_BURN_WORDS = frozenset({"verbrand", "aangebrand", "zwartgeblakerd", "burnt"})
_CUT_WORDS = frozenset({"gesneden", "gesneen", "snijdt", "sneed"})
_LAUGH_WORDS = ("haha", "hihi", "lol", "xd", "lmao")


#: Round 14: one's own death in a question about who will care for someone or what happens
#: to one's things ("als ik er niet meer ben, wie zorgt er dan voor mijn zoon? ik ben 78"):
#: estate planning, when the message gives a natural reason to plan (old age, illness, a
#: notary, "ooit"). Rewritten so that being gone is not read as a wish to be gone. Not
#: with a time in between ("als ik er morgen niet meer ben"), nor without a reason ("...
#: ik wil het netjes achterlaten" stays a crisis).
_LATER_GONE = compile_words(
    r"\b(?:als|wanneer|zodra|voor als|tegen de tijd dat) ik (?:er )?(?:later |ooit |eenmaal |op een dag )?(?:niet|nie) meer (?:ben|leef|zou zijn)\b"
)
_PLANNING_REASON = compile_words(
    r"\b(?:ik ben (?:al |bijna |ruim )?(?:[6-9]\d|1[01]\d)|(?:[6-9]\d|1[01]\d) (?:jaar|jarige?)|op (?:mijn|m) leeftijd|bejaard\w*|ziek\w*|kanker|"
    r"diagnose|testament|levenstestament|notaris|voogd\w*|erfenis|mentorschap|bewindvoer\w*|ooit|later|op een dag|gehandicapt\w*|beperking|"
    r"i m (?:[6-9]\d)|old age)\b"
)
_ESTATE_QUESTION = compile_words(
    r"\b(?:wie (?:zorgt|krijgt|erft|past|betaalt|regelt|beheert|neemt|moet)|wat (?:gebeurt|moet|doe|doen) (?:er )?(?:\w+ )?met|"
    r"hoe (?:regel|zit het|moet het|gaat het) (?:\w+ )?met|who (?:will )?(?:look after|take care|get|inherit)|what happens (?:to|with))\b"
)


#: Someone else's death in the message: "opa is vorige maand overleden".
_A_DEATH = compile_words(
    r"\b(?:overleden|gestorven|overlijden|begrafenis|crematie|uitvaart|nalatenschap|erfenis|passed away|died)\b"
)
#: The family sharing out a dead person's things: "we hebben zijn spullen verdeeld".
_SHARED_OUT = compile_words(
    r"\b(?:we|wij|ik|jullie|de familie|de kinderen|mijn (?:broer|zus|moeder|vader)) (?:\w+ ){0,3}(?:zijn|haar|hun|\w+ s) (?:\w+ )?(?:spullen|bezittingen|kleren|inboedel) (?:\w+ )?verdeeld\b"
)
#: A will made for a named illness or at a notary ("ik ben niet ziek" is no reason).
_WILL_READY = compile_words(r"\btestament\b (?:\w+ ){0,2}(?:ligt |is )?klaar\b")
_ILLNESS = compile_words(
    r"(?<!niet )(?<!nie )(?<!geen )\b(?:ziek\w*|kanker|terminaal|ongeneeslijk|palliatie\w*|hospice|diagnose|dokter|arts|notaris|operatie|geopereerd)\b"
)


def estate_planning(t: str) -> str:
    """The cleaned message with ordinary estate matters rewritten to plain words: one's
    own death in an estate-planning question with a natural reason to plan ("na mijn
    overlijden"), a dead person's things shared out by the family, a will made during an
    illness or at a notary."""
    if "meer" in t and _ESTATE_QUESTION.search(t) is not None and _PLANNING_REASON.search(t) is not None:
        t = _LATER_GONE.sub(" na mijn overlijden ", t)
    if "verdeeld" in t and _A_DEATH.search(t) is not None:
        t = _SHARED_OUT.sub(" de nalatenschap geregeld", t)
    if "testament" in t and _ILLNESS.search(t) is not None:
        t = _WILL_READY.sub("testament geregeld", t)
    return t


def resense(sentence: str) -> str:
    """The cleaned sentence with harmless senses of crisis words rewritten to plain ones.

    Each rewrite runs only when a word it needs is in the sentence (a set lookup), so
    the pass costs next to nothing on the many messages that have none of them."""
    words = set(sentence.split())
    if not words.isdisjoint(_BUMP_WORDS):
        sentence = _OWN_BUMP.sub(_own_bump, sentence)
    if not words.isdisjoint(_WATER_WORDS):
        sentence = _THING_IN_WATER.sub(" kwijt", sentence)
    if any(w.startswith(_SUICIDE_PREFIXES) for w in words):
        sentence = _DIED_BY_SUICIDE.sub(
            " overleden ", _SERVICE_COMPOUND.sub(" hulplijn ", sentence)
        )
    if "rook" in words and _HARMLESS_SMOKE.search(sentence):
        sentence = sentence.replace("rook", "walm")
    if "brand" in words and _FIREFIGHTER.search(sentence):
        sentence = sentence.replace("brand", "inzet")
    if _AT_WORK.search(sentence):
        sentence = _SEES_AT_WORK.sub(" ziet werk", sentence)
    if not words.isdisjoint(_BURN_WORDS):
        sentence = _BURNT_FOOD.sub(" mislukt", sentence)
    sentence = _TOYS.sub(" speelgoed ", _FIGURES.sub(" ", sentence))
    if "dood" in words and any(w.startswith(_LAUGH_WORDS) for w in words):
        sentence = _LAUGHING_TO_DEATH.sub(" lachen ", sentence)
    if "zonder" in words or "without" in words:
        sentence = _LIVE_WITHOUT.sub(" ", sentence)
    if not words.isdisjoint(_CUT_WORDS) and not _ON_PURPOSE.search(sentence):
        sentence = _CUT_BY_ACCIDENT.sub(" schram", sentence)
    if _BITE.search(sentence) and _BITER.search(sentence):
        sentence = _BITE.sub("hapte", sentence)
    return sentence


#: A question asked for school, study or an assignment.
_STUDY = compile_words(
    r"\b(?:voor|for|van) (?:mijn|m|een|ons|onze|het|de|my|a|an|our|his|her|zijn|haar) (?:\w+ )?(?:werkstuk|profielwerkstuk|pws|spreekbeurt|"
    r"opdracht|scriptie|onderzoek|schoolproject|presentatie|essay|verslag|huiswerk|homework|inburgeringsles|assignment|thesis|"
    r"school ?project|project voor school)\b"
)
#: The one asking, who is no part of the question: "ik vraag het voor een opdracht".
_ASKING = compile_words(
    r"\b(?:can|could) you (?:\w+ )?(?:tell|explain|show) me\b|\bkun(?:t|nen)? (?:je|jij|u|jullie) (?:me|mij) (?:\w+ )?(?:vertellen|uitleggen|zeggen)\b|"
    r"\b(?:ik|we|wij|i) (?:\w+ )?(?:vraag|vragen|ask|asking|wil|wilde|zou) (?:het |dit |dat |graag |even )?(?:weten|vragen|voor|for)?\b"
)
_FIRST_PERSON = compile_words(
    r"\b(?:ik|me|mij|mijn|m|mezelf|mijzelf|i|my|myself|mn|we|wij|ons|onze)\b"
)
_STUDIES = compile_words(
    r"\b(?:voor|van|op|for|at) (?:mijn|m|de|een|onze|my) (?:opleiding|studie|school|klas|les|stage|universiteit|hogeschool|mbo|hbo|class|school)\b"
)


def for_study(t: str) -> bool:
    """A question for school or an assignment, with nobody in it but the one asking."""
    if _STUDY.search(t) is None:
        return False
    return _FIRST_PERSON.search(_ASKING.sub(" ", _STUDIES.sub(" ", _STUDY.sub(" ", t)))) is None


#: Care already given to an injury (in the same sentence), a danger told as fine again,
#: or the emergency services come and gone.
CARED = compile_words(
    r"\b(?:gebroken|gevallen|val|gestoten|gesneden|ongeluk|wond|wondje|snee)\b[^\n]{0,60}\b(?:gips|gipsen|gehecht|hechtingen|verbonden|pleister|"
    r"(?:ligt|lag|is|was|zit) (?:\w+ )?in het ziekenhuis|opgenomen)\b|\b(?:gips|gehecht|hechtingen|in het ziekenhuis)\b[^\n]{0,60}\b(?:gebroken|gevallen|val|gestoten|ongeluk)\b|"
    r"\b(?:ambulance|huisarts|dokter|eerste hulp|seh|politie|brandweer|hulpdiensten) (?:was|waren) (?:er )?(?:al|snel|meteen)\b|"
    r"\b(?:all (?:fine|good|ok|okay)|(?:is|s|shes|hes|its|was|are) (?:(?!not\b|nt\b|never\b)\w+ )?(?:fine|ok|okay|alright) now|"
    r"(?:is|s|shes|hes|came|got|was) (?:(?!not\b|nt\b|never\b)\w+ )?back home|(?<!not )(?<!never )stopped bleeding|healed|"
    r"no harm done|nothing serious|nobody (?:was )?hurt)\b|"
    r"\b(?:is|gaat|voelt (?:hij|ze|zij|ik)|was|ben|gaat het|nu|alweer|inmiddels) (?:\w+ )?(?:nu |alweer |inmiddels )?weer (?:prima|helemaal goed|goed|beter|fit|de oude)\b|"
    r"\balles (?:is )?(?:weer )?(?:in orde|ok|oke|onder controle)\b|"
    r"\b(?:speelt|speelde|rent|kletst|eet) (?:\w+ )?(?:al ?weer|gewoon (?:weer|verder|door))\b|\bkletst gewoon\b|\bhuilde (?:even|kort|eventjes)\b|"
    r"\b(?:is|blijft|was) (?:(?!niet\b|nie\b)\w+ )?(?:helder|aanspreekbaar)\b|"
    r"\b(?:niks|niets|geen) (?:\w+ )?(?:aan de hand|probleem|ernstigs|gevaar)\b|"
    r"\b(?:afspraak|verwezen|onder behandeling|controle) (?:\w+ ){0,2}(?:bij|naar) (?:de )?(?:cardioloog|neuroloog|specialist|huisarts|internist|longarts)\b|"
    r"\b(?:neuroloog|cardioloog|huisarts|specialist|dokter|arts) (?:\w+ ){0,2}(?:past|zegt|weet|gaf|heeft gekeken)\b"
    r"(?! (?:\w+ ){0,5}(?:112|ambulance|spoed\w*|meteen|direct|bellen|ziekenhuis|eerste hulp|seh))|"
    r"\b(?:is|blijft) (?:(?!niet\b|nie\b)\w+ )?(?:vrolijk|blij|opgewekt)\b|"
    r"\bstaat (?:\w+ )?al ?weer\b(?! (?:\w+ )?(?:in|onder|vol|blank|open|aan))|\bloopt (?:\w+ )?(?:al ?weer|weer) (?:rond|gewoon)\b|\blacht (?:erom|er om)\b|"
    r"\b(?:is|was|zijn) (?:\w+ )?(?:helemaal|gewoon|weer|verder) in orde\b|"
    r"\b(?:gaslek|lek|lekkage|storing)\w* (?:\w+ ){0,3}(?:gerepareerd|opgelost|verholpen|gedicht|gemaakt)\b|"
    r"\bmonteurs? (?:\w+ ){0,3}(?:geweest|weg|vertrokken|klaar)\b|"
    # round 14: a first-aid question ("wat moet ik smeren", "welke zalf")
    r"\bwat (?:moet|kan) ik (?:er )?(?:op )?smeren\b|\bwelke (?:zalf|creme|pleister)\b|"
    # round 14: "ben laatst gevallen, gaat nu weer"
    r"\bgaat (?:het )?(?:nu |alweer |inmiddels )?(?:wel )?weer(?=\n|$)"
)
#: Round 14: where or how to hand in or throw away medicines: a pharmacy question that
#: the crisis model, which sees pills, may not raise on its own.
DISPOSAL = compile_words(
    r"\b(?:waar|hoe|mag|kan|moet|where|how|can)\b[^\n]{0,50}\b(?:inleveren|inlever|weggooien|weg gooien|terugbrengen|terug brengen|"
    r"afvoeren|vernietigen|opruimen|dispose|get rid of)\b"
)


#: A question whether something is allowed: a nuisance, not an emergency.
NUISANCE = compile_words(
    r"\bmag (?:dat|dit|zoiets|het) (?:\w+ )?(?:eigenlijk|zomaar|wel|nou|gewoon)?$|\bmag (?:dat|dit|zoiets)$|"
    r"\bis (?:dat|dit|het|zoiets) (?:\w+ )?(?:toegestaan|verboden|legaal|strafbaar)\b",
    re.MULTILINE,
)
#: A crisis word taken back in the next sentence: "ik doe dat niet", "ze doet het zelf niet".
_DENIED_AFTER = compile_words(
    r"^(?:maar |en )?(?:ik|ze|zij|hij) (?:doe|doet|denk|denkt|deed|dacht) (?:dat|het|daar|dit|zoiets) (?:zelf |echt |helemaal |gelukkig )?"
    r"(?:niet|nooit|nie)(?: aan)?(?:$| (?:het|dat|en|maar|hoor|echt|dus|want)\b)|^(?:maar |en )?(?:dat|dit) (?:doe|doet|deed) (?:ik|ze|zij|hij) (?:zelf |echt |gelukkig )?(?:niet|nooit|nie)$",
    re.MULTILINE,
)


#: Round 15: a question ("zou het erg zijn als ik er niet meer was?") answered with "ik
#: denk het niet" is answered, not taken back.
_QUESTION_START = compile_words(r"(?:zou|zouden|maakt|maakte|is|wie|wat|waarom|wordt|would|does|will|who|is)\b")
_I_THINK_NOT = compile_words(r"(?:maar |en )?(?:ik|i) (?:denk|dacht|don t think|dont think) (?:het|dat|so)?\s?(?:\w+ )?(?:niet|nie|so)?")


def denied_after(t: str, start: int) -> bool:
    """Whether the sentence after the one holding ``start`` takes the crisis word back."""
    end = t.find("\n", start)
    if end < 0:
        return False
    nxt = t.find("\n", end + 1)
    nxt = nxt if nxt >= 0 else len(t)
    if _DENIED_AFTER.match(t, end + 1, nxt) is None:
        return False
    line = t.rfind("\n", 0, start) + 1
    return not (_QUESTION_START.match(t, line) and _I_THINK_NOT.match(t, end + 1, nxt))
