"""Crisis concepts: meanings built from small word classes that occur together.

Round 10 (``crisis_dev4.yml``, written before the rules were read). Each fresh batch so
far brought phrasings no phrase rule had seen, so these rules do not name phrases but
classes of meaning, and raise a crisis when classes that together mean one occur in the
same message (``MESSAGE``) or the same sentence (``SENTENCE``):

* suicide: a farewell (thanks for everything, take good care of, if you read this, one
  last time) + finality (I'm gone, it is over, no longer needed, never coming back);
  a plan or chosen date + the final event ("dan is het klaar", "is het zover", "stop ik
  ermee"); belongings given away + finality or concealment ("ze snapt niet waarom");
  pills gathered from several pharmacies; car exhaust in a closed space; never opening
  the door again + finality or being a burden; going to a dead spouse; an earlier
  attempt + "again / this time"; cutting in one's own body in any verb form; wishing
  to "fall asleep" and "help a hand".
* violence: getting beaten in slang ("klappen krijgen", "op mijn bek gehad"); a child +
  touching + a secret or being alone; honour or forced marriage + a threat; a weapon
  carried in public; a fight + blood or injury; a parent afraid to hurt their own
  child; an old person handled roughly (passive voice); someone hurting me in
  subordinate clause order ("omdat mijn man me weer sloeg").
* danger: a person or a mobility scooter in the water; through the ice; electricity in
  water; an explosion; a child that swallowed tablets or cleaning products; someone
  under water who does not come up; a limb that "does nothing"; severe burns.

Round 11 (``crisis_dev5.yml``, again written before the rules were read) brought
implicit signals, now classes of their own:

* suicide: being gone + a time marker ("na de kerst ben ik er niet meer"); no longer
  needing money or belongings + handing them over or finality; keys, a pet or a bank
  card left + never coming back or "ik ga nu"; a counted medicine + "genoeg" / "hoe
  lang duurt het" (not a dosage or pharmacy question); how much or how high to die;
  painless + how + the end of a life (not a pet, a parent in a hospice, a dentist);
  following a dead loved one (not a course, an example, a funeral); one's own
  mourning card; a farewell video for everyone; a letter that will explain why; a
  last day chosen; no wish to breathe, wake up or live; an end to everything.
* violence: a person pushed down the stairs or to the ground, active voice; welts or
  bruises from a person or a belt; someone hitting her or him; nude pictures + spreading
  or paying (sextortion).
* danger: trapped ("bekneld", not a finger or a nerve); a limp child with a high fever
  (or a very limp one with any fever); someone seen on the floor through a window; fire
  in a room of the house; a vehicle into a wall with people in it; calls for help after
  days of closed curtains; a live cable in the street; electrocution.

Round 14 (``crisis_dev8.yml``) added groups for a burden sparing others, stopping "met
alles", a last message with warm goodbyes, a goodbye others did not know was final,
someone's goodbye and then no answer, courage lacking for a plan worked out, one way out,
affairs arranged and the end near, the means at home, a life called complete, traces
wiped, "zoek me niet", a letter for when they find me, "het is bijna voorbij" with thanks;
and :func:`cue_hits`, two kinds of implicit signal (being gone, sparing others,
worthlessness, a goodbye, affairs wound up, nobody missing one) in one message.

Each group can name a ``none_of`` pattern for occasions that explain the same words
(a farewell for colleagues, belongings given away when moving house, a fight in a film).
Past events and hypothetical or information questions are handled once for all rules by
:mod:`nlu.crisis`. All patterns run on the cleaned text of :mod:`nlu.crisis`: one
sentence per line, so ``$`` is a sentence end and word windows stay in a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from nlu.api import CrisisKind

__all__ = ["concept_hits"]

MESSAGE = "message"
SENTENCE = "sentence"

# --- word classes (regex fragments on cleaned text) ------------------------------------

_FAREWELL = (
    r"(?:afscheid (?:\w+ )?(?:neem|nemen|genomen)|neem (?:\w+ ){0,3}afscheid|(?:is|dit is) (?:mijn |een )?afscheid\b|"
    r"gedag (?:te )?zeggen|(?:zeg|zegt|zeggen) (?:\w+ ){0,2}gedag|vaarwel|(?:dag|doei|houdoe|dag lieve|bye) (?:allemaal|iedereen|lieverds|everyone|all)\b|"
    r"goodbye|bedankt voor (?:alles|alle (?:\w+ )?(?:hulp|jaren|liefde|goede)|(?:de|al de) (?:\w+ )?(?:jaren|tijd samen|liefde))|thank you for everything|het spijt me\b|"
    r"sorry (?:voor alles|mam|pap|mama|papa|lieverd)\b|^sorry$|zorg (?:\w+ ){0,2}goed voor|pas (?:\w+ ){0,2}goed op\b|take care of|"
    r"ik hou van (?:jullie|je|jou|haar|hem|ze)\b|love you all|vergeef (?:me|mij)\b|forgive me|"
    r"(?:niet|nie) (?:jouw|jullie|haar|zijn|je|hun|uw) schuld|not (?:your|their) fault|thanks for (?:trying|everything|all)|bedankt voor het proberen|als (?:je|jullie|u) dit (?:leest|lezen)|when you read this|"
    r"laatste (?:keer|berichtje|bericht|groet|woorden)\b(?! (?:voor|van) (?:vandaag|vanavond|deze|de week))|"
    r"brief (?:\w+ ){0,3}(?:op tafel|klaargelegd|neergelegd|achtergelaten)|iedereen (?:\w+ ){0,4}(?:gebeld|geappt|gezien|gesproken|geschreven))"
)
_FINAL = (
    r"(?:ben (?:ik )?(?:al |dan |allang |straks )?weg$|ben (?:ik )?al weg\b|het is (?:nu )?(?:op|klaar|over|voorbij|gedaan|afgelopen|volbracht)$|"
    r"(?:dan|daarna|straks) is (?:het|alles) (?:\w+ )?(?:klaar|over|voorbij|afgelopen|gedaan)\b|(?:is het|het is) zover\b|"
    r"(?:niet|nooit|nie) meer (?:terug ?komen|terugkomen|terug|thuis ?komen|wakker)\b|kom (?:\w+ )?(?:niet|nooit|nie) meer (?:terug|thuis)|"
    r"voorgoed|voor altijd|forever|maakt (?:\w+ ){0,2}(?:niks|niets) meer uit|"
    r"(?:niet|nie|geen) (?:meer )?(?:\w+ )?geholpen (?:te )?worden|niemand hoeft (?:me|mij|naar me|naar mij) (?:\w+ )?te zoeken|"
    r"(?:als|wanneer|voordat) (?:ze|jullie|je|hij|zij|iemand|men) (?:me|mij) vinden|ben (?:ik )?er (?:\w+ ){0,3}(?:niet|nie) meer\b|"
    r"waar ik (?:naartoe |heen )?ga\b|"
    r"(?:na|vanaf|after) (?:\w+ ){1,3}(?:ben|heb|hoef) ik (?:er |het |ze |die )?(?:\w+ )?(?:niet|nie|niks|niets) (?:meer|nodig)|"
    r"won ?t be (?:here|around)|(?:niemand|niks|niets) hoeft na (?:mij|me)\b|tijd om te gaan|ik (?:ga|vertrek) (?:ook )?(?:maar |nu )?weg$|ik ga (?:ook )?weg voorgoed)"
)
_OCCASION = (
    r"\b(?:pensioen|verhuis\w*|verhuiz\w*|emigr\w*|vakantie|op reis|afscheidsfeest\w*|afscheidsreceptie|nieuwe baan|andere baan|"
    r"laatste werkdag|kringloop|goed doel|gezellige|collega\w*|speech|receptie|uitvaart van|begrafenis van|"
    r"kleiner (?:gaan )?wonen|samenwonen|opruimen|zolder)\b"
)
_FAREWELL_OCCASION = (
    _OCCASION[:-3]
    + r"|voorlezen|voordragen|op de (?:uitvaart|begrafenis|crematie)|tijdens de (?:uitvaart|begrafenis|crematie))\b"
)
#: Everyday burdens that "ik zie het niet meer zitten" can be about.
_CHORES = (
    r"\b(?:post|brieven|brief|formulier\w*|papieren|papierwerk|administratie|belasting\w*|aangifte|aanvraag|aanvragen|"
    r"rekeningen|verbouwing|klus\w*|verhuizing|tuin|digid|website|app|computer|auto|wachtlijst\w*|hoorzitting)\b"
)
_TIME = (
    r"(?:(?:na|op|vanaf|voor) (?:de |het |mijn |zijn |haar )?(?:\w+ ){0,3}(?:verjaardag|kerst|feestdagen|bruiloft|vakantie|weekend)\b|"
    r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b|\d+ (?:januari|februari|maart|april|mei|juni|juli|augustus|"
    r"september|oktober|november|december)\b|volgende (?:week|maand)\b|morgen\b|vanavond\b|vannacht\b)"
)
_OPEN_WATER = r"(?:water|rivier|zee|gracht|kanaal|vaart|sloot|meer|ijsselmeer|haven|maas|rijn|waal|ijssel|noordzee|plas|vijver)"
#: Plans with a date that are about something else: a wedding, an operation, a move.
_PLAN_OCCASION = (
    _OCCASION[:-3]
    + r"|bruiloft|trouw\w*|feest\w*|operatie|bevalling|uitgerekend|examen\w*|diploma|sleutel\w*|oplevering|verbouwing|"
    r"renovatie|werkzaamheden|klus\w*|contract|abonnement|opleiding|studie|afspraak)\b"
)
_PLAN = (
    r"(?:datum (?:\w+ )?(?:gekozen|geprikt|bepaald|vastgesteld|gepland|uitgekozen)|"
    r"(?:weet|besloten|gekozen|bepaald|bedacht|uitgezocht|gepland) (?:\w+ ){0,2}(?:wanneer|waar) ik\b|"
    r"alles (?:\w+ )?(?:geregeld|op orde|opgeruimd|opgezegd)|testament|(?:begrafenis|uitvaart|crematie) (?:\w+ ){0,2}(?:betaald|geregeld|geregeld)|"
    r"besluit staat vast|(?:heb|had) (?:\w+ ){0,3}besloten|getimed|in (?:mijn |m )?agenda (?:gezet|geschreven)|"
    r"plek\w* (?:\w+ )?(?:uitgezocht|gevonden|gekozen)|planned|set a date|picked a date|affairs in order|put (?:my )?(?:things|affairs) in order)"
)
_FINAL_EVENT = (
    r"(?:(?:dan|daarna) is (?:het|alles) (?:\w+ )?(?:klaar|over|voorbij|afgelopen|gedaan)|(?:is het|het is) (?:\w+ )?zover\b|"
    r"(?:mijn|m) laatste dag$|^laatste dag(?: vandaag)?$|laatste dag (?:van mijn leven|op aarde)|it ?s time$|it is time$|time to go$|(?:stop|kap|hou) ik (?:er ?mee|ermee|er mee)(?: op)?$|"
    r"ik (?:stop|kap) (?:er ?mee|ermee|er mee)$|ik (?:het|t) (?:ga|wil|zal) doen$|is (?:het|alles) (?:\w+ )?voorbij$|"
    r"tonights? (?:s )?the night|(?:het is|is het) (?:\w+ )?tijd$|"
    # round 14: "vergeef me wat ik ga doen" (not "ik weet niet wat ik ga doen")
    r"(?<!niet )(?<!nie )(?<!idee )(?<!weet )wat ik (?:ga|zal) doen(?:$| (?=ik |het |sorry|vergeef|jullie|i ))|what i m (?:about|going) to do$)"
)
_GIVE = (
    r"(?:weg ?gegeven|gegeven|verdeeld|geschonken|overgedragen|weggedaan|nagelaten|(?:wie wil|mag) (?:\w+ ){0,3}(?:hebben|houden)|"
    r"mogen (?:ze|jullie) (?:\w+ ){0,3}(?:hebben|ophalen|houden)|given away|gave away|giving away)"
)
_CONCEAL = (
    r"(?:snapt (?:\w+ )?(?:niet|nie) waarom|vroeg (?:\w+ )?waarom|(?:hebben|heeft|had|hadden) (?:\w+ )?(?:niks|niets) (?:door|in de gaten)|"
    r"(?:weet|weten) (?:\w+ )?(?:niet|nie) waarom|zei (?:ik )?gewoon omdat|niemand (?:\w+ )?weet (?:het|dat|ervan)|(?:weet|weten) (?:het|dat|er) (?:\w+ )?(?:niet|nie|niks|niets)\b)"
)
_BURDEN = (
    r"(?:niemand (?:\w+ ){0,3}(?:druk|zorgen) (?:\w+ ){0,3}(?:om|over) (?:me|mij)|tot last|van (?:me|mij) af\b|"
    r"(?:beter|better) (?:af )?(?:zonder|without) (?:me|mij)|niemand (?:\w+ ){0,2}(?:mist|missen|zal missen) (?:me|mij))"
)
_PILLS = (
    r"(?:pillen|pilletjes|pil|slaappillen|medicijnen|medicatie|tabletten|strips|pills|meds|oxazepam|temazepam|diazepam|"
    r"lorazepam|paracetamol|morfine|oxycodon|tramadol|antidepressiva|slaapmiddel\w*|slaaptabletten)"
)
_PERSON_ANY = (
    r"(?:iemand|een (?:\w+ )?(?:man|vrouw|kind|jongen|meisje|meneer|mevrouw|persoon|dame|heer|baby|peuter|fietser|jongetje)|"
    r"kind|kindje|hij|zij|ze|(?:mijn|m|onze|zijn|haar|de) (?:\w+ )?(?:man|vrouw|vader|moeder|zoon|dochter|opa|oma|kind|broer|zus|"
    r"buurman|buurvrouw|baby|peuter|dochtertje|zoontje|schoonvader|schoonmoeder|partner|vriend|vriendin)|buurman|buurvrouw|"
    r"meneer|mevrouw|oma|opa|vader|moeder|mensen|someone|person|child|kid|he|she|scootmobiel|rolstoel|rollator)"
)
_WATER = r"(?:sloot|water|vaart|gracht|kanaal|vijver|plas|greppel|rivier|haven|zwembad|wak|zee|meer|ijsselmeer|canal|river|pool|lake|ditch|sea)"
_CHILD = (
    r"(?:kind|kindje|kinderen|dochter\w*|zoon\w*|nichtje|neefje|kleinkind\w*|kleindochter|kleinzoon|meisje|jongetje|"
    r"peuter|kleuter|baby|kid|kids|child|daughter|son|leerling|van \d+ jaar|van (?:\d|1[0-5])\b)"
)
_TOUCH = (
    r"(?:aanraak\w*|aangeraakt|raakt (?:\w+ ){0,2}aan\b|raakte (?:\w+ ){0,2}aan\b|zit (?:\w+ ){0,2}aan (?:haar|hem|me|mij|ze)\b|"
    r"zat (?:\w+ ){0,2}aan (?:haar|hem|me|mij)\b|betast\w*|bevoel\w*|kietel\w* (?:\w+ ){0,3}(?:plekken|onder|tussen)|"
    r"(?:broek|kleren|onderbroek|kleding) (?:\w+ ){0,2}(?:uit ?doen|uitdoen|uittrekken|uit te trekken|uit|omlaag)\b|uitkleden|"
    r"piemel\w*|plasser\w*|doktertje|touch\w*|private parts)"
)
_SECRET = (
    r"(?:geheim\w*|(?:niet|nie|niemand) (?:\w+ ){0,3}(?:mag|mocht|moet|mogen) (?:\w+ ){0,2}(?:zeggen|vertellen|weten)|"
    r"(?:mag|mocht) (?:het )?(?:\w+ ){0,2}(?:niet|nie) (?:\w+ ){0,2}(?:zeggen|vertellen|weten)|"
    r"als (?:de anderen|iedereen|mama|mam|papa|mijn (?:moeder|vader|vrouw|man)|de rest) (?:\w+ )?(?:weg|er niet|slaapt|slapen)|"
    r"stiekem|onder ons|secret|don t tell)"
)
_CHILD_DISTRESS = (
    r"(?:wil (?:\w+ ){0,2}(?:niet|nie) meer (?:naar|bij) (?:\w+ ){0,2}(?:toe|huis|heen)|huilt|bang (?:voor|van) (?:\w+ )?"
    r"(?:haar|hem|opa|oom|de oppas|de trainer|de buurman)|nachtmerries|plast (?:weer )?in bed)"
)
_HONOUR = (
    r"(?:\beer\b|eerwraak|familie ?eer|te schande|schande (?:gebracht|gemaakt|aangedaan)|dishonou?r\w*|uithuwelijk\w*|"
    r"gedwongen (?:\w+ )?(?:huwelijk|trouwen)|marry me off|forced (?:to )?marr\w*|"
    r"(?:terug|back) (?:\w+ ){0,3}(?:thuisland|land van herkomst|home country|moederland)|maagdelijkheid|virginity)"
)
_THREAT = (
    r"(?:dreig\w*|bedreig\w*|vermoord\w*|doodmaken|dood maken|afmaken|(?:niet|nie) (?:\w+ )?overleven|pijn (?:\w+ )?doen|"
    r"iets aan ?doen|opgesloten|opsluiten|sluiten (?:me|mij|haar) op|slaan|geslagen|threat\w*|kill|hurt|beat|"
    r"(?:meenemen|meegenomen|take me|taken) (?:\w+ ){0,3}(?:naar|back|to)|verstoten)"
)
_WEAPON = (
    r"(?:mes|messen|bijl|machete|kapmes|pistool|vuurwapen|geweer|jachtgeweer|knuppel|honkbalknuppel|zwaard|steekwapen|wapen|"
    r"koevoet|knife|gun|axe)"
)
_FIGHT = (
    r"(?:vechtpartij|vechten|vecht|gevochten|knokpartij|knokken|knokt|geknokt|steekpartij|schietpartij|"
    r"slaan elkaar|sloegen elkaar|matten|fight\w*|brawl)"
)
_INJURY = r"(?:bloed\w*|gewond\w*|ligt (?:\w+ ){0,2}(?:op de grond|stil)|bewusteloos|beweegt (?:niet|nie)|gestoken|bleeding|injured)"
_MEDIA = r"\b(?:film|serie|filmpje|video|tiktok|youtube|instagram|game|spel|tv|televisie|nieuws|krant|boek|documentaire)\b"
_OWN_CHILD = r"\bik\b(?: \w+){0,4} (?:mijn|m|de|onze|het) (?:baby|kind|kindje|kinderen|zoon\w*|dochter\w*|peuter|kleuter|kleine|meisje|jongen)\b"
_HARM_ACT = (
    r"(?:slaan|slaat|sla|geslagen|schudden|geschud|door elkaar|knijpen|geknepen|wurgen|laten vallen|gooien|pijn doen|"
    r"iets aan ?doen|iets aan ?doe|wat aan ?doen|wat aan ?doe|vastgegrepen|hard vastgepakt|harm|hurt|shake|shaking)"
)
_SELF_FEAR = (
    r"(?:bang|angst|vrees|schrik|doodsbang|ik word gek|ik kan (?:het )?(?:niet|nie) meer|controle (?:\w+ )?kwijt|afraid|scared|"
    r"het (?:echt|weer) (?:ga )?doe|weer gebeurt|gedachten)"
)
_ELEC = (
    r"(?:snoer|verlengsnoer|kabel|stroomkabel|stroomdraad|elektriciteitsdraad|draad|draden|fohn|haardroger|stekker|stopcontact|"
    r"hoogspanning\w*|radio|straalkachel|elektrische \w+|cable|wire|hairdryer)"
)

_PERSONS_HARM = (
    r"(?:man|vrouw|partner|vriend|vriendin|ex|vader|pa|papa|moeder|ma|mama|zoon|dochter|broer|zus|oom|stiefvader|"
    r"schoonzoon|kleinzoon|buurman|vent|echtgenoot|echtgenote|hij|zij|ze|hem|iemand|jongens|mannen)"
)

# --- round 11 classes (crisis_dev5.yml) ------------------------------------------------
#: Being gone, told as a fact about the future.
_GONE = (
    # (round 15: not "weg tot zondag", "al weg naar mijn dochter": a trip with an end or a place)
    r"(?:ben (?:ik )?er (?:\w+ ){0,2}(?:niet|nie) meer\b|ben (?:ik )?(?:er )?(?:al |dan |toch |echt )?weg\b(?!(?: \w+){0,3} (?:tot|t m|until|till)\b)(?! (?:\w+ )?naar (?:mijn|m|de|het|een|onze|zijn|haar) (?!(?:spoor|brug|hemel|overkant|water|rivier|zee|dak)\b)\w+)|"
    r"(?:zal|zullen|hoeft|heeft) (?:niemand|geen mens|jullie|je|ze) (?:\w+ )?(?:meer )?last (?:\w+ ){0,2}(?:mij|me)\b|"
    r"(?:niemand|niks|niets) hoeft na (?:mij|me)\b|"
    # round 14: "na de kerst zien jullie me niet meer"
    r"(?:zien|horen|ziet|hoort) (?:jullie|je|u|ze|jij) (?:me|mij|niks|niets) (?:\w+ )?(?:niet|nie|nooit) meer\b|(?:jullie|je|u|ze) (?:zien|horen) (?:me|mij) (?:\w+ )?(?:niet|nooit) meer\b)"
)
#: A point in time: a day, a holiday, "daarna", "binnenkort", "na de 1e".
_WHEN = (
    _TIME[:-1]
    + r"|na (?:vandaag|morgen|de \w+|het \w+|dit \w+|deze \w+|\d+\w*|oud en nieuw|nieuwjaar|pasen|pinksteren|sinterklaas|carnaval|ramadan|suikerfeest|offerfeest)\b|daarna\b|binnenkort\b|straks\b|"
    r"volgende (?:week|maand|keer)\b|(?:eind|einde) van de (?:week|maand)\b|per (?:de )?\d+\w*\b|over (?:een|\d+|twee|drie) (?:dag|dagen|week|weken)\b)"
)
#: No longer needing money, belongings, a home.
_NO_NEED = (
    r"(?:(?:heb|hoef) (?:ik )?(?:het|dat|die|dit|ze|hem|er)?\s?(?:\w+ ){0,3}(?:toch |straks |dan |binnenkort |echt )?(?:niet|nie) meer nodig|"
    r"(?:heb|hoef) (?:ik )?geen (?:\w+ ){1,2}(?:meer )?(?:nodig|te hebben))"
)
#: Handed over to a relative: "voor mijn dochter", "aan mijn kleinzoon overgemaakt".
_HANDOVER = (
    r"(?:(?:voor|aan|naar) (?:mijn|m) (?:\w+ )?(?:dochter|zoon|kinderen|kleinzoon|kleindochter|kleinkinderen|zus|broer|neef|nicht|familie)\b|"
    r"(?:rekening|naam) van (?:mijn|m) \w+|overgemaakt|overgeschreven|overgezet|in de la|op tafel)"
)
#: What one leaves behind: keys, a pet, a bank card, a phone.
_BELONGINGS = (
    r"(?:sleutel|sleutels|huissleutel|huissleutels|bankpas|pinpas|pincode|telefoon|portemonnee|kat|hond|huisdier|vogels|poes)"
)
#: Medicines by name or kind, for counted amounts.
_MEDS = (
    r"(?:" + _PILLS[3:-1] + r"|amitriptyline|nortriptyline|zolpidem|quetiapine|lithium|codeine|fentanyl|insuline|"
    r"antidepressivum|benzos?|benzodiazepine\w*|opiaten|pijnstillers|slaappil|tablet)"
)
#: Nude pictures or video of someone.
_NUDE = (
    r"(?:naaktfoto\w*|naaktfilm\w*|naaktbeeld\w*|sexfoto\w*|seksfoto\w*|seksfilm\w*|"
    r"(?:naakte?|blote|intieme|pikante) (?:foto\w*|film\w*|video\w*|beelden|plaatjes)|"
    r"(?:foto\w*|film\w*|filmpje\w*|video\w*) (?:\w+ ){0,3}(?:zonder kleren|naakt|bloot))"
)

# --- round 14 classes (crisis_dev8.yml) ------------------------------------------------
#: Calling oneself a burden: "ik ben alleen maar een blok aan het been", "iedereen tot last".
_BURDEN_SELF = (
    r"(?:ik ben|ben ik|ik voel me|voel ik me|i am|i m|im|i feel like) (?:\w+ ){0,6}(?:last|blok aan (?:het|hun|m|z) been|"
    r"molensteen|burden|sta in de weg)"
)
#: Sparing others by going: "ze daarvan verlossen", "tijd dat ik verdwijn".
_RELEASE = (
    r"(?:verlos\w*|bevrijd\w*|van (?:me|mij) af\b|tijd (?:dat|om) (?:ik |te )?(?:\w+ )?(?:ga|gaan|verdwijn|verdwijnen|vertrek|vertrekken|stop|stoppen)\b|"
    r"verdwijn\w*|opgelost (?:als|wanneer|zodra) ik\b|set (?:them|you|her|him) free|relieve|disappear\w*|ik ga (?:maar )?$|"
    r"(?:dat|het|die last) (?:\w+ ){0,2}(?:houdt|stopt) (?:\w+ )?op\b|binnenkort (?:niet meer|voorbij|klaar|weg|over)\b)"
)
#: Practical burdens that a request for help names.
_PRACTICAL = (
    r"\b(?:hulp (?:bij|met|voor|in)|iemand anders|vrijwillig\w*|volunteer\w*|maatje|ondersteuning|boodschappen|huishoud\w*|"
    r"thuiszorg|mantelzorg\w*|respijt\w*|logeer\w*|dagbesteding|verhuis\w*|verzorgingshuis|verpleeghuis|opvang|woning|rijden|vervoer)\b"
)
#: What stopping "with it" can be about: a habit, a job, a club.
_STOPPABLE = (
    r"\b(?:roken|drinken|drank|blowen|gokken|werk\w*|baan|studie|opleiding|school|sport\w*|club|relatie|abonnement|vereniging|"
    r"cursus|vrijwilligerswerk|bijbaan|zaak|winkel|bedrijf|social media|facebook|instagram|tiktok|app|dieet|lijnen|schuldhulp|hulpverlening)\b"
)
#: A last message named as such: "dit is mijn laatste bericht", "my last text".
_LAST_MESSAGE = (
    r"(?:(?:mijn|my|m|dit is) (?:\w+ )?laatste (?:bericht\w*|appje\w*|sms\w*|woorden|groet\w*)|"
    r"(?:my|this is my|these are my) last (?:message|text|words|goodbye))\b"
)
#: The warm words of a last goodbye.
_WARM_GOODBYE = (
    r"\b(?:take care of|look after|zorg (?:\w+ ){0,2}goed voor|pas (?:\w+ ){0,2}goed op|ik hou van|hou van (?:jullie|je|jou)|love you|i love|"
    r"vergeef|forgive|sorry voor alles|het spijt me|i m sorry|im sorry|vaarwel|goodbye|dag lieve|niet (?:jouw|jullie) schuld|not your fault)\b"
)
#: Others not knowing it was final: "ze weten niet dat het echt was", "she doesnt know".
_UNAWARE = (
    r"\b(?:(?:weet|weten|wist|wisten|besef\w*|snapt|snappen|know|knows|knew|realise\w*|realize\w*) (?:\w+ ){0,2}(?:niet|nie|not) (?:\w+ )?(?:dat|that)|"
    r"(?:doesn t|doesnt|don t|dont|didn t|didnt) (?:\w+ )?(?:know|realise|realize)|no idea|geen idee dat|"
    r"(?:hebben|heeft|had|hadden) (?:\w+ )?(?:niks|niets) (?:door|in de gaten)|niemand (?:\w+ )?(?:weet|wist|merkte|merkt) (?:dat|het))\b"
)
#: Words of a goodbye that someone else sent.
_QUOTED_GOODBYE = (
    r"\b(?:sorry voor alles|het spijt me|vergeef (?:me|mij)|ik hou van (?:je|jou|jullie)|hou van jullie|love you|"
    r"(?:jullie|iedereen|je|jij|you|everyone) (?:zijn|is|bent|zou|zouden|zal|zullen|are|would|will) (?:\w+ ){0,2}(?:beter af|better off)|"
    r"ik kan (?:het )?(?:niet|nie) meer\b|i can t (?:do this|go on|take it)|goodbye|vaarwel|afscheid|dag allemaal|niet (?:jouw|jullie) schuld|"
    r"look after|take care of|zorg (?:\w+ ){0,2}goed voor|pas (?:\w+ ){0,2}goed op|wachtwoorden|passwords|pincode)"
)
#: Sent, posted or said by them.
_SENT = (
    r"\b(?:stuurde|stuurt|gestuurd|appte|appt|geappt|schreef|schrijft|geschreven|gezet|gepost|postte|zette|smste|gesmst|"
    r"texted|posted|wrote|sent|messaged|zei|zegt|gezegd|voicemail|story|status)\b"
)
#: Out of reach now: not answering, phone off.
_UNREACHABLE = (
    r"\b(?:(?:neemt|nam|nemen) (?:\w+ ){0,3}(?:niet|nie) (?:meer )?op|telefoon (?:\w+ ){0,3}(?:uit|uitgeschakeld|dood)|"
    r"(?:niet|nie|geen) (?:meer )?(?:bereikbaar|te bereiken)|onbereikbaar|reageert (?:\w+ )?(?:niet|nie|nergens)(?: meer)?|"
    r"(?:krijg|krijgen|kreeg) (?:\w+ )?(?:haar|hem|ze|geen|niemand) (?:\w+ )?(?:contact|te pakken|antwoord)|"
    r"not (?:picking up|answering|responding|replying)|phone (?:is |s )?(?:off|dead)|can t reach|no answer|"
    r"weet (?:\w+ ){0,2}(?:niet|nie) waar (?:ze|hij|zij) is)\b"
)
#: A way worked out (how, where, when) or a plan ready ...
_WORKED_OUT = (
    r"(?:(?:hoe|waar|wanneer) (?:en )?(?:hoe|waar|wanneer)|alles (?:\w+ )?(?:uitgezocht|uitgedacht|voorbereid|bedacht|gepland|klaargelegd)|"
    r"(?:mijn |het )?plan (?:\w+ )?(?:is klaar|staat klaar|ligt klaar|is gemaakt|staat vast)|"
    r"(?:have|ve) (?:\w+ )?(?:planned|worked out) (?:\w+ )?(?:how|when|where))\b"
)
#: ... and only the courage still lacking.
_COURAGE = r"\b(?:moed|lef|courage|nerve|guts)\b|\bdurf (?:\w+ ){0,2}nog (?:niet|nie)\b|\bdurf (?:het|t) (?:\w+ )?(?:nog )?(?:niet|nie)\b"
#: Being near the end, with nothing named that ends: "het duurt niet lang meer".
_SOON = (
    r"\b(?:(?:het )?duurt (?:\w+ )?(?:niet|nie) lang meer|(?:niet|nie) lang meer (?:hier|te gaan|over)|binnenkort (?:ben ik|is het|weg|niet meer)|"
    r"dagen (?:zijn )?geteld|tel (?:\w+ )?(?:de )?dagen af|het (?:is|wordt) (?:bijna|zo|haast) (?:zover|tijd))\b"
)

@dataclass(frozen=True, slots=True)
class _Group:
    kind: CrisisKind
    scope: str
    all_of: tuple[re.Pattern[str], ...]
    none_of: re.Pattern[str] | None
    #: Words (and word starts) of which the message must hold at least one for the
    #: group to hold: checked on the message's word set before any regex runs. A test
    #: checks they are necessary on every data file.
    words: frozenset[str]
    prefixes: tuple[str, ...]


def _g(kind: CrisisKind, scope: str, *parts: str, keys: str, none_of: str | None = None) -> _Group:
    ks = keys.split()
    return _Group(
        kind,
        scope,
        tuple(re.compile(p, re.MULTILINE) for p in parts),
        re.compile(none_of, re.MULTILINE) if none_of else None,
        frozenset(k for k in ks if not k.endswith("*")),
        tuple(k[:-1] for k in ks if k.endswith("*")),
    )


S, V, D = CrisisKind.SUICIDE, CrisisKind.VIOLENCE, CrisisKind.DANGER

_GROUPS: tuple[_Group, ...] = (
    # ---- suicide -----------------------------------------------------------------------
    # "ik zie het niet meer zitten", unless it names what it is about: the post, the
    # paperwork, a move ("met die post", "gek van die formulieren")
    _g(
        S,
        SENTENCE,
        r"\bzie (?:ik )?(?:het|t|alles)\b(?: \w+){0,2} (?:niet|nie) meer zitt\w*\b(?! (?:\w+ )?(?:met|in|op|van|mee|voor) (?:die|de|dat|deze|dit|al|mijn (?!leven)|zo n|het|een|onze|ons|m (?!leven))\b)",
        none_of=_CHORES,
        keys="zitt*",
    ),
    # round 17: wanting to end it, with death or life in the message ("het voelt alsof ik
    # al dood ben. ik wil het afmaken"; not "ik wil het boek afmaken")
    _g(
        S,
        MESSAGE,
        r"\bik wil (?:het|t|alles) afmaken\b",
        r"\b(?:dood|sterven|leven|levend)\b",
        keys="afmaken",
    ),
    # a goodbye letter, unless for colleagues, a funeral or a move
    _g(
        S,
        MESSAGE,
        r"\b(?:afscheids ?brief\w*|afscheids ?bericht\w*|afscheids ?video\w*|afscheids ?filmpje\w*|goodbye (?:letter|note|video)|suicide note)",
        none_of=_FAREWELL_OCCASION,
        keys="afscheids* goodbye suicide",
    ),
    _g(
        S,
        MESSAGE,
        rf"\b{_FAREWELL}",
        rf"\b{_FINAL}",
        none_of=_OCCASION,
        keys="afscheid gedag vaarwel allemaal iedereen lieverds everyone all goodbye bedankt everything spijt sorry zorg pas care hou love vergeef forgive schuld fault leest lezen read laatste brief",
    ),
    _g(
        S,
        MESSAGE,
        rf"\b{_FAREWELL}",
        rf"\b{_CONCEAL}",
        none_of=_OCCASION,
        keys="afscheid gedag vaarwel allemaal iedereen lieverds everyone all goodbye bedankt everything spijt sorry zorg pas care hou love vergeef forgive schuld fault leest lezen read laatste brief",
    ),
    _g(
        S,
        MESSAGE,
        rf"\b(?:{_PLAN}|{_TIME})",
        rf"\b{_FINAL_EVENT}",
        none_of=_PLAN_OCCASION,
        keys="klaar over voorbij afgelopen gedaan zover laatste ermee mee doen night tijd",
    ),
    _g(
        S,
        SENTENCE,
        r"\b(?:weet|besloten|gekozen|bepaald|bedacht|uitgezocht|gepland)\b (?:nu |al |precies |allang )?(?:wanneer|waar) ik (?:het|t) (?:ga|wil|zal) doen\b(?! (?:met|voor|qua|bij|aan|op|van|in)\b)",
        keys="wanneer waar",
    ),
    # walking, cycling or driving into open water, in either word order
    _g(
        S,
        SENTENCE,
        rf"\b(?:loop|ga|wandel|lopen|gaan|wil|rij|rijd|stuur|fiets|walk)\b(?: \w+){{0,6}} (?:het|de|it) (?:\w+ )?{_OPEN_WATER} in\b"
        rf"|\b(?:het|de|it) (?:\w+ )?{_OPEN_WATER} in (?:loop|lopen|ga|gaan|rij|rijd|rijden|fiets|fietsen|wandel|wandelen|spring|springen|stap|stappen)\b",
        none_of=r"\b(?:zwem\w*|duik\w*|pootje\w*|baden|vissen|surf\w*|kano\w*|boot\w*|suppen)\b",
        keys="water rivier zee gracht kanaal vaart sloot meer ijsselmeer haven maas rijn waal ijssel noordzee plas vijver",
    ),
    # standing on a platform, bridge or roof: "nog een stap"
    _g(
        S,
        MESSAGE,
        r"\b(?:perron|spoor|rails|brug|dak|dakrand|rand|balkon|flat|viaduct|parkeergarage|klif|dijk)\b",
        r"\bnog (?:een|1|een klein) stap\w*\b|\b(?:een|1) stap (?:\w+ )?(?:verder|naar voren|vooruit)\b",
        keys="stap*",
    ),
    # going away for good
    _g(
        S,
        MESSAGE,
        r"\bik (?:ga|vertrek|verdwijn) (?:ook |maar |nu |dan )?(?:weg|ervandoor)\b",
        r"\b(?:voorgoed|voor altijd|forever)\b",
        none_of=_OCCASION[:-3]
        + r"|buitenland|terug naar|naar (?:mijn|m) (?:land|familie|ouders|zus|broer|moeder|vader))\b",
        keys="voorgoed altijd forever",
    ),
    _g(
        S,
        MESSAGE,
        rf"\b{_GIVE}\b",
        rf"\b(?:{_CONCEAL}|{_FINAL}|{_BURDEN})",
        none_of=_OCCASION,
        keys="gegeven weggegeven weg verdeeld geschonken overgedragen weggedaan nagelaten hebben houden ophalen given gave giving",
    ),
    # a door never opened again, with finality or being a burden
    _g(
        S,
        MESSAGE,
        r"\b(?:doe|open|doen) (?:\w+ ){0,4}(?:nooit|nie|niet) meer open\b|\bdeur (?:\w+ ){0,3}(?:op slot|dicht) (?:\w+ ){0,4}(?:nooit|voorgoed|voor altijd)\b",
        rf"\b(?:{_FINAL}|{_BURDEN}|{_FINAL_EVENT})",
        keys="open slot dicht",
    ),
    # pills gathered at several pharmacies; stockpiled pills + finality
    _g(
        S,
        SENTENCE,
        rf"\b{_PILLS}\b",
        r"\b(?:bij|in|van) (?:\w+ ){0,2}(?:verschillende|meerdere|allerlei|\d+|twee|drie|vier|vijf|alle) (?:apotheken|drogisterijen|drogist\w*|winkels)\b",
        keys="apotheken drogist* winkels",
    ),
    _g(
        S,
        MESSAGE,
        rf"\b{_PILLS}\b(?: \w+){{0,4}} (?:gehaald|gekocht|verzameld|bewaard|opgespaard|gespaard|ingeslagen)\b",
        rf"\b(?:{_FINAL}|{_BURDEN}|{_FAREWELL})",
        keys="gehaald gekocht verzameld bewaard opgespaard gespaard ingeslagen",
    ),
    # car exhaust in a closed space
    _g(
        S,
        SENTENCE,
        r"\bslang\b(?: \w+){0,5} (?:uitlaat|auto|raam)\b|\buitlaatgas\w*\b(?: \w+){0,4} (?:in|binnen|inademen)\b|\bexhaust\b",
        keys="slang uitlaatgas* exhaust",
    ),
    _g(
        S,
        MESSAGE,
        r"\bmotor (?:\w+ ){0,2}(?:aan|draaien|draait|laten lopen|lopen|laat lopen|laten draaien|aanzetten)\b|\bengine running\b",
        r"\b(?:garage\w*|schuur|loods|afgesloten|garagedeur|deur dicht|ramen dicht|dichtgedaan)\b",
        none_of=r"\b(?:opwarmen|op te warmen|warm (?:te )?draaien|monteur|apk|reparatie|start niet|slaat niet aan)\b",
        keys="motor engine",
    ),
    # going to a dead spouse or relative
    _g(
        S,
        MESSAGE,
        r"(?s)\b(?:ga|gaan|wil|wou|hoop|kom)\b (?:\w+ ){0,2}(?:naar|bij) (?:mijn|m) (vrouw|man|moeder|vader|zoon|dochter|kind|mam|pap|mama|papa|broer|zus|partner|lief|vriend|vriendin)\b.*\b(?:mijn|m|zijn|haar) \1 is (?:\w+ ){0,3}(?:overleden|gestorven|dood|heengegaan)\b"
        r"|\b(?:mijn|m|zijn|haar) (vrouw|man|moeder|vader|zoon|dochter|kind|broer|zus|partner|vriend|vriendin) is (?:\w+ ){0,3}(?:overleden|gestorven|dood|heengegaan)\b.*\b(?:ga|gaan|wil|wou|hoop|kom)\b (?:\w+ ){0,2}(?:naar|bij) (?:hem|haar|mijn \2|m \2)\b",
        none_of=r"\b(?:graf|begraafplaats|kerkhof|urn|foto|ziekenhuis|verpleeghuis)\b",
        keys="overleden gestorven dood heengegaan",
    ),
    # an earlier attempt + again / this time
    _g(
        S,
        MESSAGE,
        r"\b(?:(?:vorige|laatste|eerste) keer|(?:al )?(?:een keer|eens|eerder|vaker) (?:\w+ ){0,2}geprobeerd\b(?! (?:om|te))|"
        r"(?:heb|had) (?:het|t) (?:\w+ ){0,4}geprobeerd\b(?! (?:om|te|met|bij))|\bkeer (?:\w+ ){0,2}geprobeerd\b(?! (?:om|te|met|bij))|poging\b|in het ziekenhuis (?:\w+ ){0,3}(?:na|door|belandde|beland|gelegen)\b|"
        r"(?:hebben|heeft) (?:\w+ )?(?:me|mij) (?:\w+ ){0,3}(?:gevonden|gered|eruit gehaald)\b|tried (?:it )?before|last time)",
        r"\b(?:weer|opnieuw|nog een keer|nog eens|again|deze keer|dit keer|this time)\b(?: \w+){0,3} (?:doen|proberen|lukt|lukken|niet|nie|zo ?ver|gaat|gaan|succeed|work)\b"
        r"|\b(?:deze|dit) keer (?:niet|nie|wel|lukt)\b|\bthis time\b",
        keys="weer opnieuw keer eens again time",
    ),
    # "nog een keer proberen" + "deze keer lukt het wel"
    _g(
        S,
        MESSAGE,
        r"\b(?:nog een keer|opnieuw|weer) proberen\b(?! (?:met|bij|via|om|te))",
        r"\b(?:deze|dit) keer (?:lukt|gaat) (?:het|t) (?:wel|echt)\b",
        keys="keer",
    ),
    # cutting one's own body in any verb form
    _g(
        S,
        SENTENCE,
        r"\b(?:in |op )?(?:mijn|m) (?:arm|armen|pols|polsen|benen|been|bovenbenen|huid|dijen|dijbenen|buik|onderarm\w*|enkels)\b(?: \w+){0,2} (?:gesneden|gekrast|gekerfd|gesneden|opengehaald|bewerkt|gesneden|sneed|kraste|snij|snijd|snijden|kras|krassen)\b"
        r"|\b(?:sneed|kraste|kerfde|snij|snijd|kras) (?:\w+ ){0,2}(?:in )?(?:mijn|m) (?:arm|armen|pols|polsen|benen|been|huid|dijen|buik)\b",
        keys="gesneden gekrast gekerfd opengehaald bewerkt sneed kraste snij snijd snijden kras krassen kerfde",
    ),
    # wishing to fall asleep for good, and "helping a hand"
    _g(
        S,
        MESSAGE,
        r"\b(?:hoop|wens|bid|wil|wou)\b(?: \w+){0,5} (?:inslapen|heengaan|sterven|overlijden|doodgaan|niet meer wakker)\b",
        r"\b(?:help|helpen) (?:ik |ik er |ik het |er )?(?:\w+ )?(?:een )?(?:handje|beetje|handje mee)\b|\bzelf (?:een )?(?:handje|beetje) helpen\b|\bzelf (?:wat )?aan (?:\w+ )?(?:helpen|doen)\b",
        keys="handje beetje zelf",
    ),
    # someone else harming themselves or wishing to die, in the third person
    _g(
        S,
        SENTENCE,
        r"\b(?:snijdt|snijden|sneed|krast|kraste|krassen|verwondt|beschadigt|bewerkt) (?:\w+ ){0,2}(?:zich|zichzelf)\b|\b(?:zich|zichzelf) (?:\w+ ){0,3}(?:gesneden|gekrast|verwond|beschadigd|snijdt|snijden|krassen)\b"
        r"|\b(?:cutting|cuts|cut|hurting|hurts|harming|harms|burning|burns) (?:himself|herself|themselves)\b"
        r"|\b(?:wants|wanted|wanting|want) to (?:die|be dead|end (?:it|his life|her life|their life|it all))\b"
        r"|\b(?:doesn t|does not|doesnt|didn t|do not|don t) want to (?:live|be alive|be here|exist)\b",
        keys="zich zichzelf himself herself themselves want wants wanted wanting",
    ),
    # going to a dead spouse or relative, in any person
    _g(
        S,
        SENTENCE,
        r"\b(?:wil|wou|hoop|gaat|ga|wilde)\b (?:\w+ ){0,2}(?:naar|bij) (?:mijn|m|haar|zijn|hun) overleden \w+\b(?!(?: \w+){0,2} (?:graf|begraafplaats|kerkhof|urn|foto))",
        keys="overleden",
    ),
    # English: pills by the bottle, a rope or noose
    _g(
        S,
        SENTENCE,
        r"\b(?:took|taken|swallowed|take|swallow|taking)\b (?:\w+ ){0,2}(?:whole|entire|full|all|bottle of|box of|pack of|packet of|strip of|handful of|lot of)\b(?: \w+){0,3} (?:pills|tablets|meds|medication|paracetamol|painkillers|sleeping pills)\b"
        r"|\b(?:have|bought|got|tied|made|found) (?:a |the |my )?(?:rope|noose)\b|\bnoose\b",
        keys="pills tablets meds medication paracetamol painkillers rope noose",
    ),
    # a burden to everyone + better off when gone, across sentences
    _g(
        S,
        MESSAGE,
        rf"\b{_BURDEN}",
        r"\b(?:als|wanneer|zodra|if) ik (?:er )?(?:\w+ )?(?:weg|dood|er niet meer|niet meer|gone|dead) (?:ben|was|zou zijn|am|were)\b|\b(?:hebben|zijn|is) (?:ze|jullie|iedereen|het) (?:\w+ )?beter\b|\bbeter (?:af|zonder)\b|\bbetter off\b",
        keys="last af zorgen druk missen mist beter better",
    ),
    # ---- violence ------------------------------------------------------------------------
    # sexual assault, in any sentence
    _g(
        V,
        SENTENCE,
        r"\b(?:aangerand|aanranden|verkracht|verkrachtte|misbruikt|betast)\b",
        keys="aangerand aanranden verkracht verkrachtte misbruikt betast",
        none_of=r"\b(?:film|serie|boek|nieuws|krant|documentaire|artikel|vertrouwen|misbruikt (?:\w+ )?(?:van|voor) (?:de|het|mijn) (?:regeling|systeem|naam|gegevens|pas|goedheid|situatie))\b",
    ),
    # English: a person hitting, choking ... me or a relative
    _g(
        V,
        SENTENCE,
        r"\b(?:hit|hits|hitting|punch|punches|punched|punching|slap|slaps|slapped|slapping|kick|kicks|kicked|kicking|beat|beats|beating|"
        r"push|pushes|pushed|shove|shoves|shoved|choke|chokes|choked|strangle|strangles|strangled|grab|grabs|grabbed|bite|bites|bit|"
        r"burn|burns|burned|burnt|hurt|hurts|hurting|abuse|abuses|abused|rape|rapes|raped|threaten|threatens|threatened|attack|attacks|"
        r"attacked|stab|stabs|stabbed|smack|smacks|smacked|pinch|pinches|pinched|drag|drags|dragged)\b "
        r"(?:me|us|my (?:mom|mum|mother|dad|father|sister|brother|grandma|grandmother|gran|granny|nan|grandpa|grandfather|son|daughter|"
        r"kids|children|child|baby|wife|husband|girlfriend|boyfriend|partner|aunt|uncle))\b",
        none_of=r"\b(?:game|film|movie|series|show|joke|joking|accident|accidentally|ball)\b",
        keys="me us my",
    ),
    # forced marriage on its own
    _g(
        V,
        SENTENCE,
        r"\b(?:uithuwelijk\w*|uitgehuwelijkt|gedwongen (?:\w+ )?(?:huwelijk|trouwen|te trouwen)|marry me off|forced (?:to )?marr\w*|forced marriage)\b",
        keys="uithuwelijk* uitgehuwelijkt huwelijk trouwen marry marr*",
    ),
    # getting beaten, in slang
    _g(
        V,
        SENTENCE,
        r"\b(?:krijg|krijgt|kreeg|krijgen|kregen|gekregen|geeft|gaf|geven|gegeven|deelt|deelde|uitgedeeld)\b(?: \w+){0,4} "
        r"(?:(?:een |rake |flinke |harde |paar |veel |heel wat |weer )?(?:klappen|meppen|dreunen|rammel|pak rammel|pak slaag|slaag|oplawaai|kopstoot|billenkoek)|"
        r"(?:een |rake |flinke |harde )(?:klap|mep|dreun|hijs|lel|schop|trap|stomp|optater))\b|"
        r"\bop (?:mijn|m|je|zn|zijn|haar|d r) (?:bek|muil|donder|kop|sodemieter|flikker|lazer|smoel|falie) (?:\w+ )?(?:gehad|gekregen|krijg|krijgen|kreeg|gekregen)\b",
        none_of=r"\b(?:per ongeluk|per abuis|bij het (?:voetballen|spelen|sporten|hockey)|tijdens (?:de |het )?(?:training|wedstrijd|les|spel)|van (?:de|een) (?:bal|deur|tak|paal|golf))\b"
        # one blow from a classmate is a matter for the school, daily beatings are not
        r"|\b(?:een|1) (?:klap|duw|schop|mep)\b(?=[^\n]*\b(?:klasgenoot\w*|op school|schoolplein|gym\w*)\b)(?![^\n]*\b(?:in elkaar|bloed\w*|slaag|elke dag|steeds|weer|bang)\b)",
        keys="klappen meppen dreunen rammel slaag oplawaai kopstoot billenkoek klap mep dreun hijs lel schop trap stomp optater bek muil donder kop sodemieter flikker lazer smoel falie",
    ),
    # a child + touching + a secret or being alone; a secret imposed + the child upset
    _g(
        V,
        MESSAGE,
        rf"\b{_CHILD}\b",
        rf"\b{_TOUCH}",
        rf"\b{_SECRET}",
        keys="aanraak* aangeraakt raakt raakte zit zat betast* bevoel* kietel* broek kleren onderbroek kleding uitkleden piemel* plasser* doktertje touch* private",
    ),
    _g(
        V,
        MESSAGE,
        rf"\b{_CHILD}\b",
        r"\b(?:zegt|zei|gezegd|vertelt|moet|moest)\b(?: \w+){0,8} geheim\w*|\bgeheim\w* (?:\w+ )?(?:moet|moest|blijven|houden)\b",
        rf"\b(?:{_TOUCH}|{_CHILD_DISTRESS})",
        keys="geheim*",
    ),
    _g(
        V,
        SENTENCE,
        rf"\b{_TOUCH}",
        r"\b(?:trainer|coach|leraar|meester|juf|oppas|begeleider|oom|opa|stiefvader|buurman|buurjongen)\b",
        rf"\b(?:{_SECRET}|kleedkamer|alleen (?:met|in|op))",
        keys="trainer coach leraar meester juf oppas begeleider oom opa stiefvader buurman buurjongen",
    ),
    # honour or forced marriage + a threat
    _g(
        V,
        MESSAGE,
        rf"{_HONOUR}",
        rf"\b{_THREAT}",
        keys="eer eerwraak familieeer schande dishono* uithuwelijk* gedwongen marry forced thuisland herkomst country moederland maagdelijkheid virginity",
    ),
    # a weapon carried or raised in public (not kept, hunted with or cooked with)
    _g(
        V,
        SENTENCE,
        rf"\b(?:met|heeft|had|trekt|trok|pakt|pakte|zwaait|zwaaide|with|has) (?:(?:een|zijn|haar|z n|a|his|hun|grote|scherpe) )?(?:\w+ )?{_WEAPON}\b|\b{_WEAPON}\b (?:\w+ ){{0,2}}(?:gericht|getrokken|zwaait|zwaaien)\b",
        r"\b(?:loopt|lopen|liep|zwaait|zwaaien|zwaaide|staat|stond|rent|rennen|schreeuwt|schreeuwen|dreigt|richt|richtte|bedreigt|achtervolgt|steekt|stak|schiet|schoot|waving|walking|running|pointing|threatening)\b",
        none_of=r"\b(?:vergunning|jaagt|jacht|jager|keuken|snijden|groente|brood|klussen|timmer\w*|schilderij|messenblok|messenset|opbergen|bewaren|museum|toneel|kermis|speelgoed|film|serie|game|spel|video|filmpje|tv)\b",
        keys="mes messen bijl machete kapmes pistool vuurwapen geweer knuppel honkbalknuppel zwaard steekwapen wapen koevoet knife gun axe",
    ),
    # a fight + blood, injury or here-and-now
    _g(
        V,
        SENTENCE,
        rf"\b{_FIGHT}\b",
        rf"\b{_INJURY}\b|\b(?:vechtpartij|knokpartij|steekpartij|schietpartij)\b(?: \w+){{0,4}} (?:voor (?:de|mijn|onze) deur|op straat|in de (?:gang|portiek|flat|straat|lift)|op het plein|op de galerij|bij de buren|nu)\b",
        none_of=_MEDIA[:-3] + r"|niemand (?:is )?(?:\w+ )?gewond|geen (?:\w+ )?(?:gewonden|bloed)|nobody (?:was )?hurt)\b",
        keys="vechtpartij vechten vecht gevochten knokpartij knokken knokt geknokt steekpartij schietpartij elkaar matten fight* brawl",
    ),
    # a parent afraid to hurt their own child
    _g(
        V,
        MESSAGE,
        _OWN_CHILD,
        rf"\b{_HARM_ACT}\b",
        rf"\b{_SELF_FEAR}",
        keys="slaan slaat sla geslagen schudden geschud elkaar knijpen geknepen wurgen vallen gooien pijn aandoen aandoe aan vastgegrepen vastgepakt harm hurt shake shaking",
    ),
    # an old or dependent person handled roughly, in the passive voice
    _g(
        V,
        SENTENCE,
        r"\b(?:wordt|word|worden|werd|werden)\b(?: \w+){0,6} (?:hardhandig|ruw|geknepen|geduwd|vastgebonden|gesleurd|gesleept|getrapt|gestompt|gewurgd|gekrabd|gebeten|gemept|geschud|geslagen|geschopt|mishandeld)\b",
        none_of=r"\b(?:film|serie|nieuws|krant|boek|tv)\b",
        keys="hardhandig ruw geknepen geduwd vastgebonden gesleurd gesleept getrapt gestompt gewurgd gekrabd gebeten gemept geschud geslagen geschopt mishandeld",
    ),
    # someone hurting me, in subordinate clause order ("omdat mijn man me weer sloeg")
    _g(
        V,
        SENTENCE,
        rf"\b{_PERSONS_HARM} (?:me|mij|ons)\b(?: \w+){{0,3}} (?:sloeg|slaat|schopte|schopt|duwde|duwt|kneep|knijpt|wurgde|wurgt|trapte|trapt|"
        r"mishandelde|mishandelt|bedreigde|bedreigt|stompte|stompt|gooide|beet|krabde|sla|slaan|schoppen|duwen|pijn deed|pijn doet)\b",
        keys="sloeg slaat schopte schopt duwde duwt kneep knijpt wurgde wurgt trapte trapt mishandelde mishandelt bedreigde bedreigt stompte stompt gooide beet krabde sla slaan schoppen duwen pijn",
    ),
    # someone did something to me: burnt, stabbed, bitten ... ; hair, a kicked-in door
    _g(
        V,
        SENTENCE,
        r"\b(?:ze|zij|hij|iemand|jongens|meiden|mannen|die|hun)\b (?:\w+ ){0,2}(?:me|mij) (?:\w+ ){0,4}(?:gebrand|verbrand|gestoken|gesneden|gebeten|gekrabd|bespuugd|vastgebonden|vastgehouden|in elkaar \w+|beroofd|gewurgd)\b"
        r"|\b(?:aan|bij) (?:mijn|me|haar|de|zijn) haren (?:\w+ ){0,4}(?:getrokken|gesleurd|gesleept|meegesleurd|gepakt|vastgepakt|trekt|sleurt)\b"
        r"|\bdeur (?:\w+ )?(?:ingetrapt|ingeramd|ingebeukt|ingeslagen|ingeschopt)\b",
        keys="gebrand verbrand gestoken gesneden gebeten gekrabd bespuugd vastgebonden vastgehouden elkaar beroofd gewurgd haren ingetrapt ingeramd ingebeukt ingeslagen ingeschopt",
    ),
    # ---- danger --------------------------------------------------------------------------
    # a person (or a mobility scooter) in the water
    _g(
        D,
        SENTENCE,
        rf"\b(?:in|into) (?:de|het|een|the|it) (?:\w+ )?{_WATER}\b|\bte water\b|\bonder water\b",
        r"\b(?:ligt|lig|liggen|lag|zit|zat|gevallen|gereden|gezakt|gegaan|gekanteld|gestort|beland|verdrinkt|verdronken|te water|"
        r"komt (?:er )?(?:\w+ )?(?:niet|nie) (?:meer )?(?:uit|boven)|zwemt (?:\w+ )?(?:niet|nie)|(?:niet|nie) (?:meer )?boven|fell|fallen)\b",
        rf"\b{_PERSON_ANY}\b",
        none_of=r"\b(?:telefoon|mobiel|sleutel\w*|bril|tas|portemonnee|bal|pet|schoen\w*|hond|kat|zwemles\w*|vissen)\b",
        keys="sloot water vaart gracht kanaal vijver plas greppel rivier haven zwembad wak zee meer ijsselmeer canal river pool lake ditch sea",
    ),
    _g(
        D,
        SENTENCE,
        r"\bdoor het ijs\b|\bonder het ijs\b|\bthrough the ice\b|\bunder the ice\b|\bin (?:een|het) wak\b",
        keys="ijs ice wak",
    ),
    # a vehicle in the water: people in it
    _g(
        D,
        SENTENCE,
        r"\b(?:auto|wagen|bus|busje|fiets|scooter|scootmobiel|rolstoel|car|van)\b(?: \w+){0,3} te water\b|\bte water (?:geraakt|gegaan|gereden|gevallen)\b|\b(?:car|van|bus) (?:\w+ )?(?:in|into) the (?:water|canal|river|lake)\b",
        keys="water canal river lake",
    ),
    # English: a child swallowed something
    _g(
        D,
        SENTENCE,
        r"\b(?:swallowed|ate|drank|eaten|drunk)\b (?:\w+ ){0,3}(?:battery|batteries|magnet|magnets|pills|tablets|meds|medicine|bleach|detergent|pod|pods|poison|cleaner|cleaning|antifreeze|lamp oil)\b",
        keys="swallowed ate drank eaten drunk",
    ),
    # electricity in water
    _g(
        D,
        SENTENCE,
        rf"\b{_ELEC}\b(?: \w+){{0,6}} (?:in|into) (?:het |de |een |the )?(?:water|bad|badwater|douche|plas|sloot|bath)\b|\b(?:in|into) (?:het |de |een )?(?:water|bad|badwater|plas)\b(?: \w+){{0,4}} {_ELEC}\b",
        keys="snoer verlengsnoer kabel stroomkabel stroomdraad elektriciteitsdraad draad draden fohn haardroger stekker stopcontact hoogspanning* radio straalkachel elektrische cable wire hairdryer",
    ),
    # an explosion
    _g(
        D,
        SENTENCE,
        r"\b(?:ontploffing|ontploft|ontplofte|explosie|gasexplosie|geexplodeerd|explodeerde|explosion|exploded)\b",
        none_of=r"\b(?:hoofd|kop|ik ontplof|ontplof (?:\w+ )?van|uit elkaar|woede|boos|prijzen|kosten|huur|nieuws|krant|journaal|tv|film|serie)\b",
        keys="ontploffing ontploft ontplofte explosie gasexplosie geexplodeerd explodeerde explosion exploded",
    ),
    # a child swallowed tablets, capsules or cleaning products
    _g(
        D,
        SENTENCE,
        rf"\b{_CHILD}\b",
        r"\b\w*(?:tablet|tabletten|capsule|capsules|pil|pillen|pilletjes|middel|medicijn|medicijnen|batterij|batterijtje|gif|bleek|chloor|ontstopper|olie|vloeistof)\b(?: \w+){0,3} "
        r"(?:gegeten|opgegeten|geslikt|ingeslikt|doorgeslikt|gedronken|binnengekregen|opgedronken|swallowed|ate|drank)\b",
        none_of=r"\b(?:vitamine\w*|snoep\w*|kauw\w*|druif\w*|zuig\w*)\b",
        keys="gegeten opgegeten geslikt ingeslikt doorgeslikt gedronken binnengekregen opgedronken swallowed ate drank",
    ),
    # under water and not coming up
    _g(
        D,
        SENTENCE,
        r"\b(?:niet|nie) (?:meer )?boven (?:gekomen|komt|gekomen)\b|\bonder water (?:gegaan|gebleven|getrokken|verdwenen)\b|\b(?:verdrinkt|aan het verdrinken)\b|\bis drowning\b",
        keys="boven water verdrinkt verdrinken drowning",
    ),
    # a limb that does nothing, muddled speech
    _g(
        D,
        SENTENCE,
        r"\b(?:arm|been|hand|kant|gezicht|mond)\b (?:\w+ ){0,2}doet (?:\w+ )?(?:niks|niets|het niet meer|niet meer mee)\b|\bpraat (?:\w+ ){0,2}(?:warrig|onsamenhangend|verward)\b",
        keys="doet praat",
    ),
    # English: someone with a gun or a knife (not in a kitchen, a game or a hunt)
    _g(
        V,
        SENTENCE,
        r"\b(?:with|has|have|holding|carrying|got|pulled|waving) (?:a|an|his|her|their) (?:\w+ )?(?:gun|knife|machete|axe|weapon|pistol|rifle|bat)\b",
        keys="gun knife machete axe weapon pistol rifle bat",
        none_of=r"\b(?:kitchen|cook\w*|cutting|hunt\w*|licen[cs]e|game|film|movie|toy|baseball game|cricket)\b",
    ),
    # a head bleeding; someone who does not wake up; fever with a stiff neck or confusion
    _g(
        D,
        SENTENCE,
        r"\bhoofd\b(?: \w+){0,3} (?:bloed|bloedt|bloeding|open)\b|\b(?:bloed|bloedt|bleeding)\b(?: \w+){0,3} (?:hoofd|oor|oren|head|ear)\b",
        keys="hoofd head oor oren ear",
    ),
    _g(
        D,
        SENTENCE,
        r"\b(?:wordt|word|worden|slaap|slaapt|komt|wakes|wake) (?:\w+ )?(?:niet|nie|not|up) (?:meer )?(?:wakker|up)\b(?! (?:van|door|om|als|voor|before|at))",
        keys="wakker up",
        none_of=r"\b(?:wekker|alarm|s ochtends|ochtend|morning|op tijd|vroeg)\b",
    ),
    _g(
        D,
        SENTENCE,
        r"\b(?:koorts|fever|verhoging)\b",
        r"\b(?:stijve nek|stiff neck|in de war|verward|confused|suf|niet aanspreekbaar|vlekjes)\b",
        keys="koorts fever verhoging",
    ),
    # severe burns
    _g(
        D,
        SENTENCE,
        r"\b(?:gebrand|verbrand|burnt|burned|scalded)\b",
        r"\b(?:blaren|hele (?:arm|been|rug|borst|gezicht|hand|buik)|vel (?:\w+ )?(?:los|hangt|eraf)|wit en|zwart|blisters)\b",
        keys="gebrand verbrand burnt burned scalded",
    ),
    # fainted: "van zijn stokje gegaan"
    _g(
        D,
        SENTENCE,
        r"\bvan (?:zijn|haar|z|mijn|m|zn|d r|me) stokje (?:gegaan|gaat|gevallen|ging)\b|\bging (?:\w+ ){0,2}van (?:zijn|haar|z|zn|d r) stokje\b",
        keys="stokje",
    ),
    # a gas smell, any word order
    _g(D, SENTENCE, r"\bgas (?:\w+ ){0,2}(?:ruik|ruiken|rook|geroken|lucht)\b", keys="gas"),
    # a mobility aid tipped over or in a ditch
    _g(
        D,
        SENTENCE,
        r"\b(?:scootmobiel|rolstoel|rollator)\b(?: \w+){0,6} (?:gekanteld|omgevallen|omgekieperd|gekieperd|omgeslagen|over de kop|te water|in de sloot|in het water|in de greppel|in de vaart)\b",
        r"\b(?:met (?:zijn|haar|z|zn|d r|mijn|m) scootmobiel|met (?:zijn|haar|z|zn|mijn) (?:rolstoel|rollator)|iemand|meneer|mevrouw|man|vrouw|vader|moeder|opa|oma|buurman|buurvrouw|hij|zij|ze|ik)\b",
        keys="scootmobiel rolstoel rollator",
    ),
    # ---- round 11 (crisis_dev5.yml): implicit signals as classes of meaning ----------
    # being gone + a time marker: "na de kerst ben ik er niet meer", "daarna ben ik er
    # toch niet meer", "na vandaag zal niemand meer last van mij hebben" (not a holiday,
    # a move or a new start: "na de 1e ben ik weg, dan begin ik in Utrecht")
    _g(
        S,
        MESSAGE,
        rf"\b(?:{_GONE})",
        rf"\b(?:{_WHEN})",
        none_of=_OCCASION[:-3]
        + r"|ziekenhuis|opname|logeren|dan (?:begin|woon|werk|ga|zit) (?:ik|we)|bij (?:mijn|m) (?:zus|broer|moeder|vader|ouders|dochter|zoon)|"
        r"(?:ga|vertrek|vlieg|reis) (?:\w+ ){0,2}naar|verlof|vrij|afwezig|kantoor|op kamp|uit logeren)\b",
        keys="meer weg",
    ),
    # no longer needing money, belongings or the house + handing them over or finality
    _g(
        S,
        MESSAGE,
        rf"\b{_NO_NEED}",
        rf"\b(?:{_GIVE}\b|{_HANDOVER}|{_FINAL}|{_GONE})",
        none_of=_OCCASION[:-3]
        + r"|werk|baan|gevonden|verdien\w*|fiets|liever|beter|goed|hersteld|genezen|te koop|marktplaats|ophalen|wie wil)\b",
        keys="nodig",
    ),
    # keys, a pet, a bank card or phone left with someone + never coming back, a note,
    # "ik ga nu"
    _g(
        S,
        MESSAGE,
        rf"\b{_BELONGINGS}\b(?: \w+){{0,8}} (?:gelegd|neergelegd|gebracht|achtergelaten|liggen|ligt|klaargelegd|gegeven|afgegeven)\b",
        rf"\b(?:{_FINAL}|{_GONE}|ik ga nu$|vaarwel)",
        none_of=_OCCASION[:-3]
        + r"|nieuwe bewoners|allergisch|asiel|financien|ziekenhuis|verhuurder|woningcorporatie|beheerder|makelaar|oplevering)\b",
        keys="sleutel sleutels huissleutel bankpas pinpas pincode telefoon portemonnee kat hond huisdier vogels poes",
    ),
    # a quantity of a medicine + "enough" / "how long does it take" / not waking up
    _g(
        S,
        MESSAGE,
        rf"\b(?:\d{{2,}}|honderd|tientallen|een hele (?:doos|strip|pot)) (?:\w+ )?{_MEDS}\b",
        r"\b(?:genoeg|voldoende|dodelijk|fataal|niet meer wakker|overleef\w*)\b(?! voor (?:\w+ ){0,2}(?:weken|maanden|vakantie|reis|dagen))|\bhoe lang duurt (?:het|t)\b(?!(?: \w+){0,4} (?:voor|voordat|tot|totdat) (?:\w+ ){0,3}(?:werkt|werken|helpt|aanslaat))",
        none_of=r"\b(?:apotheek|apotheker|vergeetachtig|vergeet|per dag|in plaats van|weekdoos|medicijnrol|baxter)\b",
        keys="genoeg voldoende dodelijk fataal wakker duurt overleef* overleven",
    ),
    # how much of a medicine, or how high, to die
    _g(
        S,
        SENTENCE,
        r"\b(?:hoeveel|hoe hoog|hoe diep|welke hoogte)\b(?: \w+){0,6} (?:om (?:dood te gaan|te sterven|te overlijden|niet meer wakker)|dodelijk|niet (?:te )?overleven|dood te gaan)\b",
        keys="dood sterven overlijden wakker dodelijk overleven",
    ),
    _g(
        S,
        MESSAGE,
        r"\bhoe hoog (?:(?:moet|moeten) )?(?:een|de|het|je) (?:\w+ )?(?:flat|brug|gebouw|dak|verdieping|balkon|toren|viaduct|parkeergarage)\b",
        r"\b(?:lukt|lukken|zeker weten|zeker zijn|overleef\w*|overleven|dood)\b",
        keys="lukt lukken zeker overleef* overleven dood",
    ),
    # painless + how + the end of a life ("hoe kan je pijnloos uit het leven stappen")
    _g(
        S,
        SENTENCE,
        r"\b(?:hoe|manier|methode|snelste|makkelijkste|welke)\b(?: \w+){0,6} (?:pijnloos|pijnloze|zonder pijn|painless\w*|rustig inslapen)\b|\b(?:pijnloos|pijnloze|zonder pijn|painless\w*)\b(?: \w+){0,6} (?:hoe|manier|methode)\b",
        r"\b(?:uit het leven|dood\w*|sterven|overlijden|er niet meer|eind\w* aan|leven (?:beeindigen|stoppen)|zelfmoord|zelfdoding|inslapen|niet meer wakker)\b",
        none_of=r"\b(?:hond|kat|dier|huisdier|paard|konijn|euthanasie|palliatie\w*|hospice|(?:mijn|zijn|haar) (?:vader|moeder|opa|oma|man|vrouw|partner|tante|oom))\b",
        keys="pijnloos pijnloze pijn painless* inslapen",
    ),
    # following a dead loved one: "ik wil hem spoedig volgen", "bij hem zijn"
    _g(
        S,
        MESSAGE,
        r"\b(?:wil|wou|hoop|wens|ga|kom|zou)\b(?: \w+){0,5} (?:volgen|achterna|bij (?:hem|haar) (?:zijn|komen|wezen)|naar (?:hem|haar) toe)\b",
        r"\b(?:overleden|gestorven|dood|heengegaan|begraven|gecremeerd|er (?:niet|nie) meer is|niet meer leeft|sinds (?:de|zijn|haar) dood)\b",
        none_of=r"\b(?:graf|begraafplaats|kerkhof|urn|facebook|instagram|tiktok|twitter|ziekenhuis|verpleeghuis|cursus|opleiding|les|lessen|training|"
        r"voorbeeld|voetsporen|traditie|advies|steunen|troosten|helpen|uitvaart|begrafenis|crematie|condoleance|rouwdienst)\b",
        keys="volgen achterna zijn komen wezen toe",
    ),
    _g(
        S,
        MESSAGE,
        r"\b(?:ga|gaan|wil|wou|mag)\b (?:\w+ ){0,2}naar de overkant\b(?! van)",
        r"\bnaar (?:mijn|m) (?:\w+ )?(?:vrouw|man|moeder|vader|zoon|dochter|kind|partner|mam|pap|mama|papa|lief|broer|zus)\b|\b(?:overleden|gestorven|dood|heengegaan)\b",
        keys="overkant",
    ),
    # one's own mourning card or death notice; a farewell video or letter for everyone
    _g(
        S,
        SENTENCE,
        r"\b(?:mijn|m) eigen (?:rouwkaart\w*|overlijdensadvertentie\w*|doodsbericht\w*|rouwadvertentie\w*|grafsteen|grafrede|rouwbrief)\b|\b(?:rouwkaart\w*|overlijdensadvertentie\w*|doodsbericht\w*) (?:\w+ ){0,2}(?:voor|van) (?:mezelf|mijzelf)\b",
        keys="eigen mezelf mijzelf",
    ),
    _g(
        S,
        MESSAGE,
        r"\b(?:filmpje|video|brief|brieven|bericht|boodschap|opname)\b(?: \w+){0,6} afscheid (?:\w+ ){0,2}(?:van (?:iedereen|jullie|mijn (?:kinderen|familie|ouders|vrienden|dierbaren)|het leven)|te nemen$)",
        none_of=_FAREWELL_OCCASION,
        keys="afscheid",
    ),
    # a letter that will explain + a time: "morgen krijgen ze een brief, dan snappen ze waarom"
    _g(
        S,
        MESSAGE,
        r"\b(?:brief|brieven|briefje|bericht)\b(?: \w+){0,3} van (?:mij|me)\b",
        r"\b(?:snappen|begrijpen|weten|snapt|begrijpt) (?:ze|jullie|hij|zij) (?:het )?(?:wel )?waarom\b",
        keys="waarom",
    ),
    # "mijn laatste dag" chosen, "mijn laatste wens" about a pet or the children
    _g(
        S,
        SENTENCE,
        rf"\b{_TIME}",
        r"\b(?:mijn|m) laatste dag\b(?! (?:van|bij|op|in|als|met|voor|hier|aan|werken|school)\b)",
        r"\b(?:besloten|besluit|gekozen|bepaald|vastgesteld|zeker)\b",
        none_of=_PLAN_OCCASION,
        keys="laatste",
    ),
    _g(
        S,
        SENTENCE,
        r"\b(?:mijn|m) laatste wens\b(?: \w+){0,8} (?:terechtkomt|terecht komt|opgevangen|zorgt|zorgen|krijgt|krijgen)\b",
        keys="wens",
    ),
    # no wish to breathe, wake up, exist or live
    _g(
        S,
        SENTENCE,
        r"\bgeen (?:\w+ )?zin (?:meer )?(?:om|in) (?:(?:\w+ ){0,4}(?:of|en) (?:om )?)?(?:te )?(?:leven|ademen|bestaan|wakker (?:te )?worden|door te gaan|doorleven)\b(?! (?:in|met|zo|zonder|op|hier|daar|bij|van|naast)\b)|\b(?:wil|wou) (?:\w+ )?(?:niet|nie) meer (?:\w+ )?(?:ademen|bestaan|wakker worden)\b",
        keys="zin wil wou",
    ),
    _g(
        S,
        SENTENCE,
        r"\b(?:een )?eind\w* (?:\w+ )?(?:maken|make|maak|gemaakt) aan (?:alles|het allemaal|mijn bestaan|dit bestaan|het leven)\b(?! (?:wat|van|met|rond|rondom|tussen|in)\b)",
        keys="alles allemaal bestaan leven",
    ),
    # ---- violence, round 11 -------------------------------------------------------------
    # a person pushed or thrown down the stairs or to the ground, active voice
    _g(
        V,
        SENTENCE,
        rf"\b(?:duwde|duwt|duwen|geduwd|gooide|gegooid|smeet|gesmeten|trapte|getrapt|schopte|geschopt|sleurde|gesleurd)\b",
        rf"\b(?:me|mij|hem|haar|(?:mijn|m|zijn|haar|z|de|een) (?:\w+ )?(?:{_PERSONS_HARM}|opa|oma|grootvader|grootmoeder|kind|baby|schoonvader|schoonmoeder))\b(?: \w+){{0,3}} (?:van de trap|de trap af|tegen de (?:grond|muur|kast|deur|vloer)|op de grond|van het balkon|door de kamer)\b",
        keys="duwde duwt duwen geduwd gooide gegooid smeet gesmeten trapte getrapt schopte geschopt sleurde gesleurd",
    ),
    # marks of blows from a person: welts, a black eye, bruises
    _g(
        V,
        SENTENCE,
        r"\b(?:striemen|blauw oog|blauwe ogen|blauwe plekken|bloeduitstorting\w*|schrammen)\b",
        rf"\bvan (?:de (?:\w+ )?(?:stok|riem|zweep|vuist|handen|slipper|klappen) van )?(?:mijn|m|zijn|haar|de) (?:\w+ )?{_PERSONS_HARM}\w*\b|\b(?:riem|stok|zweep|klappen|slaag)\b",
        none_of=r"\b(?:voetbal\w*|sport\w*|spelen|gevallen|val|gestoten|stoten|judo|training|bloedverdunner\w*|stoeien)\b",
        keys="striemen oog ogen plekken bloeduitstorting* schrammen",
    ),
    # someone hitting another person: "de verzorger slaat haar"
    _g(
        V,
        SENTENCE,
        r"\b(?:slaat|sloeg|schopt|schopte|trapt|trapte|wurgt|wurgde|stompt|stompte|mishandelt|mishandelde|knijpt|kneep)\b (?:haar|hem|ze|mijn|zijn|onze|m)\b(?! (?:\w+ )?(?:bal|hand|handen|arm|armen|tanden|ogen|neus|boek|deur|hoofd|been|knie|teen|vingers|pen|wekker|kussen|deeg|ei|eieren|room|slag|alarm|munt|wang|knuffel\w*|pop|beer|beertje|speelgoed\w*|sinaasappel\w*|citroen\w*|tube|stressbal\w*)\b)(?!(?: \w+){0,3} over\b)",
        keys="slaat sloeg schopt schopte trapt trapte wurgt wurgde stompt stompte mishandelt mishandelde knijpt kneep",
    ),
    # sextortion: nude pictures + spreading or paying
    _g(
        V,
        MESSAGE,
        rf"\b{_NUDE}",
        r"\b(?:sturen|stuurt|online|verspreid\w*|delen|deelt|posten|zetten|plaatsen|laten zien|betalen|betaal|geld|dreig\w*|chanteer\w*|chantage|afpers\w*|tenzij)\b",
        keys="naaktfoto naaktfotos naaktfilmpje naaktfilmpjes naaktbeelden seksfoto seksfotos sexfoto sexfotos seksfilmpje naakte naakt blote bloot intieme pikante kleren",
    ),
    # ---- danger, round 11 ---------------------------------------------------------------
    # trapped in a vehicle or under something
    _g(
        D,
        SENTENCE,
        r"\bbekneld\b",
        none_of=r"\b(?:vinger\w*|duim|teen|tenen|zenuw\w*|nek|rug|hernia|spier\w*|darm\w*|vroeger|toen)\b",
        keys="bekneld",
    ),
    # a limp or drowsy child with a high fever
    _g(
        D,
        MESSAGE,
        rf"\b{_CHILD}\b",
        r"\b(?:slap|lusteloos|suf|nauwelijks wakker|niet wakker|reageert (?:\w+ )?(?:niet|nauwelijks))\b",
        r"\b(?:(?:39|40|41|42)(?: \d)? ?graden|gloeiend|gloeit|koorts van (?:39|40|41|42))\b",
        keys="slap lusteloos suf wakker reageert",
    ),
    _g(
        D,
        MESSAGE,
        rf"\b{_CHILD}\b",
        r"\b(?:heel|erg|helemaal|zo|super|echt|doodse?) (?:slap|suf|lusteloos)\b|\bniet wakker\b|\breageert (?:\w+ )?(?:niet|nauwelijks)\b",
        r"\b(?:koorts|verhoging|heet|gloei\w*)\b",
        keys="slap suf lusteloos wakker reageert",
    ),
    # someone seen lying on the floor through a window or letterbox
    _g(
        D,
        SENTENCE,
        r"\b(?:raam|ruit|brievenbus|gordijnen|deur)\b",
        r"\b(?:liggen|ligt|lag)\b(?: \w+){0,3} op de (?:\w+)?(?:vloer|grond)\b|\bop de (?:\w+)?(?:vloer|grond) (?:\w+ ){0,2}(?:liggen|ligt|lag)\b",
        rf"\b{_PERSON_ANY}\b",
        none_of=r"\b(?:kat|hond|poes|speelgoed|kleren|jas|tas|rommel|post)\b",
        keys="raam ruit brievenbus gordijnen deur",
    ),
    # fire in a room of the house (not the fireplace, a barbecue, a candle)
    _g(
        D,
        SENTENCE,
        r"\b(?:vuur|brand|vlammen|fik)\b(?: \w+){0,2} in (?:de|het|mijn|onze|ons|zijn|haar|een) (?:\w+ )?(?:keuken|huis|kamer|slaapkamer|woonkamer|gang|flat|woning|schuur|garage|trappenhuis|zolder|badkamer|kelder|meterkast|portiek)\b",
        none_of=r"\b(?:open haard|haard|kampvuur|barbecue|bbq|kaars\w*|oefening|film|vuurkorf|verzekering|brandmelder|rookmelder|vorig\w*|toen|schade|geblust|gedoofd|afgelopen|ooit|er was|was er|blusdeken|brandblusser)\b",
        keys="vuur brand vlammen fik",
    ),
    # a vehicle into a wall or house with people in it
    _g(
        D,
        MESSAGE,
        r"\b(?:auto|bus|vrachtwagen|bestelbus|busje|scooter|brommer|wagen)\b(?: \w+){0,4} (?:tegen|in) (?:de|het|een|onze|ons) (?:\w+ )?(?:gevel|muur|huis|winkel|boom|paal|etalage|woning|sloot)\b(?: \w+){0,2} (?:gereden|gebotst|geknald|gecrasht|geklapt|gereden)\b",
        r"\b(?:mensen|iemand|bestuurder|chauffeur|inzittenden|zitten (?:\w+ )?in|gewond\w*|bekneld|bloed\w*|liggen (?:\w+ )?onder)\b",
        keys="gereden gebotst geknald gecrasht geklapt",
    ),
    # someone not seen for days who calls out
    _g(
        D,
        MESSAGE,
        r"\bhoor (?:\w+ ){0,2}(?:roepen|kreunen|om hulp)\b|\broept (?:\w+ )?om hulp\b",
        r"\b(?:al (?:\w+ )?dagen|gordijnen (?:\w+ )?dicht|post|doet (?:\w+ )?(?:niet|nie) open|niet gezien)\b",
        none_of=r"\b(?:vaak|soms|altijd|regelmatig|af en toe|elke (?:dag|nacht|avond|ochtend))\b",
        keys="roepen kreunen hulp",
    ),
    # a live power cable hanging in the street; someone electrocuted
    _g(
        D,
        SENTENCE,
        r"\b(?:stroomkabel\w*|stroomdraad|stroomdraden|elektriciteitsdraad\w*|hoogspanningskabel\w*|hoogspanningsdraad\w*|bovenleiding)\b",
        r"\b(?:op (?:de |het )?(?:straat|stoep|weg|grond|fietspad)|hangt|los|kapot|gebroken|naar beneden)\b",
        none_of=r"\b(?:laadpaal\w*|laadkabel\w*|opladen|verlengsnoer|mag dat|toegestaan|vergunning|overlast|struikel\w*)\b",
        keys="stroomkabel stroomkabels stroomdraad stroomdraden elektriciteitsdraad elektriciteitsdraden hoogspanningskabel hoogspanningskabels hoogspanningsdraad bovenleiding",
    ),
    _g(
        D,
        SENTENCE,
        r"\b(?:geelektrocuteerd|geelectrocuteerd|elektrocutie)\b",
        none_of=r"\b(?:bijna|vroeger|toen|film|serie)\b",
        keys="geelektrocuteerd geelectrocuteerd elektrocutie",
    ),
    _g(
        D,
        SENTENCE,
        r"\b(?:stroomschok|stroomstoot|onder stroom (?:gestaan|gekomen))\b",
        r"\b(?:ligt|lag|beweegt (?:niet|nie)|bewusteloos|reageert (?:niet|nie)|ademt (?:niet|nie)|niet wakker|hart)\b",
        keys="stroomschok stroomstoot stroom",
    ),
    # ---- round 13 (crisis_dev7.yml) -----------------------------------------------------
    # a letter that says it is not their fault: a suicide note
    _g(
        S,
        MESSAGE,
        r"\b(?:brief|briefje|brieven|bericht|berichtje|kaart|kaartje|note|letter)\b",
        r"\b(?:niet|nie|not) (?:\w+ )?(?:hun|jullie|jouw|je|uw|your|their) (?:schuld|fault)\b",
        none_of=_FAREWELL_OCCASION,
        keys="schuld fault",
    ),
    # a plan made (a place chosen, all arranged) + a farewell
    _g(
        S,
        MESSAGE,
        rf"\b{_PLAN}",
        rf"\b{_FAREWELL}",
        none_of=_PLAN_OCCASION,
        keys="datum wanneer waar geregeld orde opgeruimd opgezegd testament begrafenis uitvaart crematie "
        "besluit besloten getimed agenda planned set picked plek plekje plekjes plekken",
    ),
    # the final event + a farewell: "tonight's the night / thanks for trying / bye"
    _g(
        S,
        MESSAGE,
        rf"\b{_FINAL_EVENT}",
        rf"\b{_FAREWELL}|\b(?:bye|doei|dag)$",
        none_of=_PLAN_OCCASION,
        keys="dan daarna zover laatste ermee mee doen do voorbij night tijd time",
    ),
    # decided to stop, with nothing named to stop, and no hope left or "met alles" after it
    _g(
        S,
        MESSAGE,
        r"\b(?:besloten|beslist|besluit) (?:\w+ ){0,2}(?:te )?(?:stoppen|ophouden|kappen)$",
        r"\b(?:niks|niets) (?:meer )?(?:\w+ )?(?:veranderen|verandert|beter)\b|\bgaat (?:niks|niets) meer\b|\bgeen (?:uitweg|hoop|toekomst)\b|"
        r"\b(?:hopeloos|zinloos)\b|^met alles$|\bheeft (?:\w+ )?geen zin\b",
        none_of=r"\b(?:roken|drinken|blowen|werk|baan|studie|opleiding|school|sport|club|relatie|abonnement|vereniging|cursus|therapie|behandeling|medicatie|pillen)\b",
        keys="stoppen ophouden kappen",
    ),
    # into the water at a pier, a quay, the sea: "ben op de pier / golven zijn hoog / ga er zo in"
    _g(
        S,
        MESSAGE,
        r"\b(?:ga|gaan|spring|loop|stap|ik ga) (?:ik )?er (?:\w+ )?(?:in|af)$|\b(?:ga|loop|stap) (?:ik )?(?:\w+ )?(?:het|de) (?:water|zee|golven) in\b",
        r"\b(?:pier|kade|dijk|brug|strand|zee|golven|kanaal|rivier|haven|sluis|havenhoofd|ijs|wak)\b",
        none_of=r"\b(?:zwem\w*|lekker|warm|warme|duik\w*|surf\w*|zwembroek|badpak|bikini|zomer|bootje|kano|sup|vissen|pootje\w*|zonnig|zon)\b",
        keys="pier kade dijk brug strand zee golven kanaal rivier haven sluis havenhoofd ijs wak",
    ),
    # on the way to a bridge, the tracks or a roof + do not call me / a farewell
    _g(
        S,
        MESSAGE,
        r"\b(?:loop|ga|fiets|rij|wandel|ben|zit|sta) (?:\w+ ){0,2}(?:naar|op|bij) (?:de|het) (?:brug|spoor|spoorbrug|dijk|pier|kade|flat|dak|rails|overweg|viaduct|snelweg|zee|kanaal|rivier|parkeergarage|perron|water|gracht|haven|sluis)\b",
        rf"\b(?:niet bellen|bel (?:me|mij) niet|(?:niet|nie) (?:naar me|naar mij) zoeken|zoek (?:me|mij) niet|niet zoeken|don t call|tot nooit)\b|\b{_FAREWELL}|^(?:dag|doei|bye|dag allemaal|vaarwel)$",
        none_of=r"\b(?:zwem\w*|lekker|warm|warme|duik\w*|surf\w*|zomer|bootje|boot|kano|sup|vissen|hengel\w*|pootje\w*|zonnig|zon|picknick|eendjes|wandel\w*|hond uitlaten|fiets\w*)\b",
        keys="brug spoor spoorbrug dijk pier kade flat dak rails overweg viaduct snelweg zee kanaal rivier parkeergarage perron water gracht haven sluis",
    ),
    # affairs put in order or belongings shared out by someone young ("ik ben pas 40")
    _g(
        S,
        MESSAGE,
        r"\b(?:wie wat krijgt|wie (?:\w+ ){0,3}krijgt als ik|(?:mijn )?spullen (?:\w+ ){0,2}(?:verdeeld|verdelen|verdeel|weggeven|weggegeven)|"
        r"testament (?:\w+ )?(?:gemaakt|geschreven|opgesteld|klaar|geregeld))\b",
        r"\bik ben (?:pas |nog maar |maar |nog )?(?:1[2-9]|[2-4]\d)\b|\bpas (?:1[2-9]|[2-4]\d)(?: jaar)?\b",
        none_of=_OCCASION[:-3] + r"|notaris (?:zegt|adviseert)|ziek\w*|kanker|diagnose|ongeneeslijk|zwanger|baby|kinderen gekregen|getrouwd|huis gekocht)\b",
        keys="wie spullen testament",
    ),
    # "het is mooi geweest" said with a weapon, pills or a hoard at hand
    _g(
        S,
        MESSAGE,
        r"\b(?:het|t) (?:is|was) (?:\w+ )?mooi geweest\b|\b(?:het|t) (?:\w+ )?mooi geweest (?:is|was)\b|\bmooi geweest (?:zo|zegt)\b",
        rf"\b(?:{_WEAPON}|{_PILLS}|touw|gespaard|opgespaard|stoppen met eten|niet meer eten)\b",
        keys="mooi",
    ),
    # looking for a high place
    _g(
        S,
        SENTENCE,
        r"\b(?:zoek|zoeken|op zoek naar|weet iemand|waar is|waar vind ik|ken je|where is|looking for)\b(?: \w+){0,3} "
        r"(?:hoge plek|hoog gebouw|hoge flat|hoge brug|hoogste (?:flat|gebouw|brug|punt|plek)|high place|tall building)\b",
        none_of=r"\b(?:foto\w*|uitzicht|zonsondergang|klimmen|wandel\w*|kijken|vuurwerk|antenne|ontvangst|drone|picknick)\b",
        keys="plek gebouw flat brug punt place building",
    ),
    # a belt, a stick or a slipper taken up in anger; a hand at the throat
    _g(
        V,
        MESSAGE,
        r"\b(?:pakt|pakte|haalt|haalde|gebruikt|gebruikte|met) (?:de|een|zijn|haar) (?:riem|broeksriem|stok|zweep|slipper|kabel|snoer)\b",
        r"\b(?:boos|kwaad|slaat|sloeg|slaan|blauw|striemen|pijn|klappen|bloed\w*|als (?:ik|ze|we|hij|zij) (?:\w+ ){0,3}(?:niet|iets|te laat))\b",
        none_of=r"\b(?:kleding|broek|winkel|kopen|gekocht|mode|hond|paard|wandel\w*|riem om|stokbrood|opladen|oplader|tuin|klussen)\b",
        keys="riem broeksriem stok zweep slipper kabel snoer",
    ),
    _g(
        V,
        SENTENCE,
        r"\b(?:pakt|pakte|grijpt|greep|knijpt|kneep|drukt|drukte|houdt|hield) (?:me|mij|haar|hem|ons) (?:\w+ ){0,2}(?:bij|om|in|aan) (?:mijn|de|haar|zijn|m|z|d) (?:keel|nek|hals|haren)\b",
        none_of=r"\b(?:kapper|knippen|vlechten|vlecht|kammen|borstel\w*|massage|masseren|fysio\w*|dokter|arts)\b",
        keys="keel nek hals haren",
    ),
    # a farewell to pass on: "zeg tegen mijn kinderen dat ik van ze hou"
    _g(
        S,
        SENTENCE,
        r"\b(?:zeg|zegt|vertel|vertelt|laat)\b (?:\w+ ){0,4}dat ik (?:\w+ ){0,2}(?:van (?:ze|hen|haar|hem|jullie|hun) (?:hou|houd)|hou van|het spijt|sorry)\b"
        r"|\b(?:zeg|zegt|vertel|vertelt|laat)\b (?:\w+ ){0,4}dat (?:het|dit) (?:\w+ )?(?:niet|nie) (?:haar|zijn|hun|jullie|jouw|je) schuld (?:is|was)\b"
        r"|\b(?:tell|let) (?:\w+ ){0,3}(?:that )?i (?:love|am sorry)\b",
        none_of=r"\b(?:verjaardag|feest|vakantie|op reis|werk|later|straks thuis|kom)\b",
        keys="hou houd spijt sorry love schuld",
    ),
    # a danger to no one but oneself ("niet gevaarlijk voor anderen, alleen voor mezelf")
    _g(
        S,
        SENTENCE,
        r"\b(?:alleen|wel|vooral|maar) (?:\w+ )?voor (?:mezelf|mijzelf|myself)\b",
        r"\b(?:gevaar|gevaarlijk|danger|dangerous)\b",
        keys="mezelf mijzelf myself",
    ),
    # the quickest or surest way to die
    _g(
        S,
        SENTENCE,
        r"\b(?:snelste|makkelijkste|beste|zekerste|pijnloze|pijnloosste|rustigste|simpelste|quickest|easiest|surest) (?:manier|methode|way)\b",
        r"\b(?:sterven|dood te gaan|doodgaan|zelfmoord|zelfdoding|een eind aan|uit het leven|niet meer wakker|to die|kill myself|end it)\b",
        none_of=r"\b(?:hond|kat|dier|huisdier|muizen|muis|ratten|onkruid|planten|bacterien|virus|film|boek|game|middeleeuwen|geschiedenis)\b",
        keys="snelste makkelijkste beste zekerste pijnloze pijnloosste rustigste simpelste quickest easiest surest",
    ),
    # stepping or lying down in front of any train: "twijfelen of ik voor de intercity stap"
    _g(
        S,
        SENTENCE,
        r"\b(?:voor|onder) (?:de|een|die) (?:trein|intercity|sprinter|sneltrein|goederentrein|metro|tram|ic|stoptrein|nachttrein)\b (?:\w+ )?(?:stap|stappen|stapt|spring|springen|loop|lopen|ga liggen|gaan liggen|te liggen)\b"
        r"|\b(?:stap|stappen|spring|springen|loop|lopen|ga liggen|gaan liggen|gooi (?:me|mij|mezelf)) (?:\w+ )?(?:voor|onder) (?:de|een|die) (?:trein|intercity|sprinter|sneltrein|goederentrein|metro|tram|ic|stoptrein|nachttrein)\b",
        keys="trein intercity sprinter sneltrein goederentrein metro tram ic stoptrein nachttrein",
    ),
    # someone hands over keys, a pet or savings and the writer is worried
    _g(
        S,
        MESSAGE,
        r"\b(?:gaf|geeft|gegeven|gebracht|bracht|overgemaakt) (?:mij|me|ons|iedereen|haar|hem) (?:\w+ ){0,2}(?:zijn|haar|z|d|al (?:zijn|haar)) (?:\w+ )?(?:sleutel\w*|kat|hond|poes|spullen|bezittingen|spaargeld|horloge|sieraden|ring|trouwring|laptop|pinpas|bankpas|pincode)\b"
        # round 14: the other order, "heeft zijn horloge en zijn trouwring aan mij gegeven"
        r"|\b(?:zijn|haar|al (?:zijn|haar)) (?:\w+ )?(?:sleutel\w*|kat|hond|poes|spullen|bezittingen|spaargeld|horloge|sieraden|ring|trouwring|laptop|pinpas|bankpas|pincode)\b"
        r"(?: \w+){0,4} (?:aan|naar) (?:mij|me|ons|iedereen|mijn \w+) (?:\w+ )?(?:gegeven|gebracht|overgemaakt|geschonken|overgedragen)\b",
        r"\b(?:zorgen|ongerust|bang|raar|vreemd|niet pluis|kwijt|vaarwel|afscheid|voorgoed|nooit meer|(?:goed )?(?:zorgen|zorg) voor|pas (?:\w+ )?goed op)\b",
        none_of=r"\b(?:vakantie|verhuis\w*|op reis|oppassen|oppas|logeren|weekend|pensioen|emigr\w*|ziekenhuis|opname|voeren|water geven|planten|reparatie|verjaardag|cadeau)\b",
        keys="kat hond poes spullen bezittingen spaargeld horloge sieraden ring trouwring laptop pinpas bankpas pincode sleutel sleutels sleuteltje sleuteltjes sleutelbos",
    ),
    # signs that someone has not been about for days: curtains shut, milk or post piling up
    _g(
        D,
        MESSAGE,
        r"\b(?:gordijnen (?:\w+ ){0,4}(?:dicht|gesloten|potdicht)|(?:melk|post|kranten|krant|pakket\w*|folders|boodschappen) (?:\w+ ){0,3}(?:stapelt|stapelen|staat|staan|ligt|liggen|hoopt) (?:\w+ )?(?:nog|zich op|op)\b|"
        r"licht (?:\w+ )?(?:brandt|aan) (?:al|dag en nacht)|(?:blaft|miauwt|jankt) (?:al|de hele|steeds|continu|aan een stuk)|"
        r"(?:niet|nie|niemand) (?:\w+ )?(?:meer )?gezien)",
        r"\b(?:dagen|week|weken|sinds (?:gisteren|eergisteren|\w+dag)|al \d+|de hele dag)\b",
        r"\b(?:meneer|mevrouw|buurman|buurvrouw|oude|bejaarde|alleenstaande|opa|oma|vader|moeder|tante|oom|hij|zij)\b",
        none_of=r"\b(?:vakantie|op reis|logeren|ziekenhuis|verhuisd|overlast|verbouwing|reclame|opgehaald)\b",
        keys="gordijnen melk post kranten krant folders boodschappen licht blaft miauwt jankt gezien pakket pakketten pakketje pakketjes",
    ),
    # a person (or only their coat) in the water, told without a verb
    _g(
        D,
        SENTENCE,
        r"\b(?:man|vrouw|kind|kindje|jongen|meisje|iemand|persoon|fietser|lichaam|meneer|mevrouw|oudere)\b (?:\w+ )?in (?:de|het|een) (?:\w+ )?"
        r"(?:sloot|water|vaart|gracht|kanaal|vijver|plas|greppel|rivier|haven|zwembad|wak|zee|ijsselmeer|canal|river|pool|lake|ditch|sea)\b",
        r"\b(?:drijft|drijven|dreef|zie (?:\w+ ){0,3}(?:niet|nie|alleen)|ligt|lig|verdrink\w*|kopje onder|gezakt|jas|beweegt)\b",
        none_of=r"\b(?:zwem\w*|vist|vissen|hengel|bootje|kano|sup|zwembroek|speelt|spelen|lekker|bal|eend\w*|zwanen?)\b",
        keys="sloot water vaart gracht kanaal vijver plas greppel rivier haven zwembad wak zee ijsselmeer canal river pool lake ditch sea",
    ),
    # someone who will not wake after drink, drugs or vomiting
    _g(
        D,
        MESSAGE,
        r"\b(?:kan|krijg|krijgen|kunnen|kon|kreeg|krijgt) (?:ik |we |hem |haar |ze |hen |(?:mijn|m) \w+ )?(?:\w+ )?(?:niet|nie) (?:meer )?wakker(?: (?:maken|krijgen|gemaakt|gekregen))?\b",
        r"\b(?:drinkt|dronk|drank|dronken|alcohol|spuugt|spuug|braakt|overgeven|kotst|gekotst|pillen|drugs|xtc|ghb|coke|snurkt|blauw|slap|ademt)\b",
        none_of=r"\b(?:ochtend|ochtends|wekker|school|werk|op tijd|puber|tiener|\d+ uur)\b",
        keys="wakker",
    ),
    # ---- round 14 (crisis_dev8.yml) -----------------------------------------------------
    # a burden to others + sparing them by going ("een blok aan het been ... ze verlossen"),
    # unless practical help is asked for
    _g(
        S,
        MESSAGE,
        rf"\b{_BURDEN_SELF}\b",
        rf"\b{_RELEASE}",
        none_of=_PRACTICAL,
        keys="last blok molensteen burden weg",
    ),
    # stopping "with it" + "with everything" or being at peace, nothing else named
    _g(
        S,
        MESSAGE,
        r"\b(?:stop|kap|hou) (?:ik )?(?:er ?mee|ermee)(?: op)?\b",
        r"^met alles$|\bmet alles\b(?! (?:wat|dat|van|voor|rond|om|behalve))|\bvrede (?:mee|mee gesloten)\b|\bmet (?:het|mijn) leven\b|\bwith everything\b",
        none_of=_STOPPABLE,
        keys="ermee mee",
    ),
    # a message called the last one + warm goodbye words, no question settled
    _g(
        S,
        MESSAGE,
        rf"\b{_LAST_MESSAGE}",
        _WARM_GOODBYE,
        none_of=_OCCASION[:-3]
        + r"|opgelost|gelukt|geregeld|geholpen|vraag|vragen|question|solved|sorted|afspraak|chat|gesprek|vandaag|van de dag|today|dienst)\b",
        keys="laatste last",
    ),
    # a goodbye or a last visit that others did not know was final
    _g(
        S,
        MESSAGE,
        r"\b(?:afscheid|goodbye\w*|gedag|vaarwel|bye|geknuffeld|omhelsd|hugged|gezien|gesproken|bezocht|saw|visited)\b",
        r"\b(?:for real|for good|echt afscheid|een echt afscheid|voor echt|voorgoed|voor altijd|the last time|de laatste keer|"
        r"voor het laatst|laatste afscheid|forever)\b",
        _UNAWARE,
        none_of=_FAREWELL_OCCASION,
        keys="afscheid goodbye goodbyes gedag vaarwel bye geknuffeld omhelsd hugged gezien gesproken bezocht saw visited",
    ),
    # someone sent goodbye words and cannot be reached now
    _g(
        S,
        MESSAGE,
        _QUOTED_GOODBYE,
        _SENT,
        _UNREACHABLE,
        none_of=_FAREWELL_OCCASION[:-3]
        + r"|werk|werkt|dienst|vliegt|vliegtuig|vlucht|in de lucht|op reis|vakantie|slaapt|school|les|college|batterij|accu|leeg|geen bereik|"
        r"vergadering|wedstrijd|work|flight|plane|asleep)\b",
        keys="stuurde stuurt gestuurd appte appt geappt schreef schrijft geschreven gezet gepost postte zette smste gesmst "
        "texted posted wrote sent messaged zei zegt gezegd voicemail story status",
    ),
    # how, where and when worked out, only the courage lacking
    _g(
        S,
        MESSAGE,
        rf"\b{_WORKED_OUT}",
        _COURAGE,
        none_of=_PLAN_OCCASION[:-3]
        + r"|sollicit\w*|gesprek|bellen|vertellen|zeggen|presentatie|rijexamen|tandarts|zwanger|kast|ontslag|scheiding|scheiden|"
        r"verlaten|aangifte|melden|hulp|aanvraag|aanvragen|formulier\w*|brief|reis|vlucht|spreken|praten|\w*groep|bijeenkomst|spreekuur|inloop\w*|"
        r"cursus|les|lessen|therapie|therapeut|psycholoog|huisarts|dokter|arts|vrijwilligerswerk|sport\w*|dansen|zwemmen|date|help|call|tell|ask)\b",
        keys="moed lef courage nerve guts durf",
    ),
    # one way out left, with pain or no hope in the message, no debt or move named
    _g(
        S,
        MESSAGE,
        r"\b(?:(?:maar|nog maar|slechts|nog) (?:een|1|een enkele) (?:uitweg|uitvlucht)|(?:de )?enige (?:uitweg|uitvlucht)|(?:one|only) way out)\b(?! (?:uit|voor|van|is (?:een|het|de) (?!dood))\b)"
        r"|\b(?:maar|nog maar|slechts) (?:een|1) (?:oplossing|manier) (?:\w+ ){0,2}die ik (?:nog )?(?:zie|weet|heb)$",
        r"\b(?:pijn|stop\w*|ophouden|op|kan (?:het )?(?:niet|nie) meer|geen (?:hoop|zin|kracht|toekomst)|moe|wanhopig|uitzichtloos|donker|"
        r"hopeless|pain|tired|leven|life|zie)\b",
        none_of=r"\b(?:schuld\w*|geld|huur|financ\w*|wsnp|saner\w*|bewind\w*|lening|verkop\w*|verhuiz\w*|verhuis\w*|scheiding|procedure|"
        r"rechter|advocaat|rechtszaak|operatie|ontslag|debt|money)\b",
        keys="uitweg uitvlucht way oplossing manier",
    ),
    # affairs arranged + the end near, with no illness, operation or move that explains it
    _g(
        S,
        MESSAGE,
        rf"\b(?:{_PLAN}|(?:mijn |m )?(?:zaken|papieren|administratie|financien) (?:\w+ )?(?:geregeld|op orde|afgehandeld|opgeruimd))",
        _SOON,
        none_of=r"(?<!niet )(?<!nie )(?<!geen )\b(?:ziek\w*|kanker|terminaal|ongeneeslijk|palliatie\w*|hospice|diagnose|dokter|arts|euthanasie|"
        r"operatie|geopereerd|opereren|zwanger|bevalling|verhuiz\w*|verhuis\w*|emigr\w*|pensioen|oplevering|bruiloft|trouw\w*|baby)\b",
        keys="duurt lang binnenkort geteld tel zover tijd",
    ),
    # a weapon and people attacked or chased with it
    _g(
        V,
        SENTENCE,
        rf"\b{_WEAPON}\b",
        r"\b(?:aanval\w*|(?:valt|vallen|viel|vielen) (?:\w+ ){0,3}aan|zwaait|zwaaide|zwaaien|achterna|attack\w*|swinging|chasing)\b",
        rf"\b(?:{_PERSON_ANY}|me|mij|ons|us|me|people|mensen|voorbijgangers|klanten|bewoners)\b",
        none_of=r"\b(?:honkbal(?!knuppel)\w*|softbal|training|wedstrijd|game|film|serie|spel|toneel|les|keuken|koken|hout|vlees|groente|speelgoed|nep)\b",
        keys="mes messen bijl machete kapmes pistool vuurwapen geweer knuppel honkbalknuppel zwaard steekwapen wapen koevoet knife gun axe",
    ),
    # ---- round 14, second probes ---------------------------------------------------------
    # the means at home + doing it or a life "voltooid"
    _g(
        S,
        MESSAGE,
        r"\b(?:middel|middelen|spul|pillen|medicijnen|poeder|drank) (?:\w+ ){0,2}in huis\b|\b(?:heb|hebben|heeft) (?:\w+ )?(?:de|het|een) (?:dodelijk\w* )?middel\w*\b(?! (?:tegen|voor)\b)",
        r"\b(?:ga|zal|wil) (?:ik )?(?:het|t) (?:\w+ ){0,3}(?:doen|innemen|gebruiken)\b|\bvoltooid\b|\b(?:klaar|op) (?:met|is)\b|\bgenoeg geweest\b|"
        rf"\b{_FINAL_EVENT}",
        none_of=r"\b(?:onkruid\w*|ongedierte|muizen|ratten|mieren|wespen|luizen|schoonmaak\w*|verkoudheid|griep|hoest|koorts|hoofdpijn|allergie|eczeem|kat|hond)\b",
        keys="huis middel*",
    ),
    # one's life called complete ("voltooid") + the end chosen
    _g(
        S,
        MESSAGE,
        r"\b(?:leven|life) (?:is |voelt )?(?:\w+ ){0,2}(?:voltooid|af|complete)\b",
        rf"\b(?:besloten|gekozen|deze week|ga (?:ik )?(?:het|t) (?:\w+ ){{0,3}}doen|stop|stoppen|{_FINAL_EVENT}|{_PLAN})",
        none_of=r"\b(?:wet|wetsvoorstel|debat|politiek|kamer|d66|artikel|nieuws|mening|standpunt|discussie|euthanasie|levenseindekliniek|expertisecentrum)\b",
        keys="leven life",
    ),
    # traces wiped (accounts, photos, the phone) + finality or a goodbye
    _g(
        S,
        MESSAGE,
        r"\b(?:alles|account\w*|profiel\w*|foto s|fotos|berichten|socials|social media|instagram|facebook|telefoon|laptop|sporen) (?:\w+ ){0,5}(?:gewist|verwijderd|opgeruimd|leeggemaakt|deleted|wiped|gereset)\b"
        r"|\b(?:gewist|verwijderd|deleted|wiped) (?:\w+ ){0,3}(?:alles|account\w*|profiel\w*|foto s|fotos|berichten|socials|everything)\b",
        rf"\b(?:laat (?:\w+ )?(?:niks|niets|geen sporen) achter|leave nothing behind|dit is het (?:dan)?$|this is it$|{_FINAL}|{_FAREWELL})",
        none_of=r"\b(?:nieuwe telefoon|verkopen|verkocht|verkoop|hack\w*|gehackt|privacy|inleveren|reparatie|virus|ruimte|opslag|geheugen|oplichter\w*|ex|fabrieksinstellingen|update)\b",
        keys="gewist verwijderd opgeruimd leeggemaakt deleted wiped gereset",
    ),
    # "do not look for me" + gone or a goodbye
    _g(
        S,
        MESSAGE,
        r"\b(?:zoek (?:me|mij) (?:\w+ )?(?:niet|nie)|(?:niet|nie) (?:naar (?:me|mij) )?(?:gaan )?zoeken|don ?t look for me|do not look for me)\b",
        rf"\b(?:{_GONE}|{_FINAL}|{_FAREWELL})|^(?:dag|doei|bye|vaarwel)$",
        none_of=r"\b(?:verstop\w*|spelletje|tikkertje|kwartet|zoekplaatje|vakantie|logeer\w*|op reis)\b",
        keys="zoek zoeken look",
    ),
    # a letter left "for when they find me"
    _g(
        S,
        MESSAGE,
        r"\b(?:voor als|als|wanneer|zodra) (?:ze|jullie|iemand|men|de politie|my \w+|they) (?:me|mij) (?:\w+ )?(?:vinden|vindt|gevonden hebben|find)\b",
        rf"\b(?:brief\w*|kaart\w*|bericht\w*|letter|note|geschreven|wrote)\b|\b{_FAREWELL}",
        none_of=r"\b(?:verstop\w*|spelletje|weggelopen|ontsnapt|escape room)\b",
        keys="vinden vindt gevonden find",
    ),
    # a weapon, pills or a rope at hand + not wanting to be a burden any more
    _g(
        S,
        MESSAGE,
        rf"\b(?:{_WEAPON}|{_PILLS}|touw|gif|vergif)\b",
        r"\b(?:(?:niemand|nobody|no one) (?:\w+ )?(?:meer )?(?:tot last|last van (?:me|mij|hem|haar))|(?:tot|ten) last (?:\w+ )?(?:zijn|wil|meer)|burden|blok aan (?:het|hun) been)\b",
        none_of=_PRACTICAL[:-3] + r"|schommel|waslijn|vakantie|apotheek|herhaalrecept)\b",
        keys="mes messen bijl machete kapmes pistool vuurwapen geweer jachtgeweer knuppel honkbalknuppel zwaard steekwapen wapen koevoet knife gun axe "
        "pil pillen pilletjes slaappillen medicijnen medicatie tabletten strips pills meds oxazepam temazepam diazepam lorazepam paracetamol morfine oxycodon "
        "tramadol antidepressiva slaaptabletten touw gif vergif slaapmiddel*",
    ),
    # "it is almost over" + a goodbye
    _g(
        S,
        MESSAGE,
        r"\b(?:it ?s|it is|het is|t is) (?:\w+ )?(?:almost|nearly|bijna|haast|zo goed als) (?:over|voorbij|afgelopen|klaar|done|gedaan)(?: now| nu)?$",
        rf"\b{_FAREWELL}|\b(?:thanks|thank you|bedankt|dank) (?:\w+ )?(?:for listening|voor het luisteren|dat (?:je|jullie|u) (?:\w+ ){{0,2}}luister\w*)",
        none_of=_OCCASION[:-3] + r"|examen\w*|exams?|toets\w*|verbouwing|behandeling|chemo|kuur|zwangerschap|wachttijd|wachtlijst|seizoen|school|project)\b",
        keys="over voorbij afgelopen klaar done gedaan",
    ),
    # a child or a pet shut in a car in the heat (danger, not someone locked up by a person)
    _g(
        D,
        SENTENCE,
        r"\b(?:opgesloten|achtergelaten|alleen|vast|zit|ligt|zitten)\b(?: \w+){0,3} (?:in|op) (?:een|de|die|het|zijn|haar|mijn) (?:\w+ )?(?:auto|wagen|bus|busje|bestelbus)\b",
        r"\b(?:hitte|heet|hete|warm|warme|zon|graden|benauwd|bloedheet|snikheet|heat|hot)\b",
        rf"\b(?:{_CHILD}|{_PERSON_ANY}|hond|hondje|dog)\b",
        keys="auto wagen bus busje bestelbus",
    ),
    # severe pain + unable to stand or move + alone or suddenly, not a long-standing complaint
    _g(
        D,
        MESSAGE,
        r"\b(?:zo n|zoveel|heel erge?|vreselijke?|ontzettende?|enorme?|ondraaglijke?) (?:\w+ )?pijn\b|\bpijn (?:\w+ )?(?:niet|nie) (?:meer )?(?:uit te houden|te harden)\b",
        r"\bkan (?:\w+ )?(?:niet|nie) (?:meer )?(?:staan|lopen|opstaan|bewegen|overeind|ademen)\b",
        r"\b(?:alleen|help|ineens|opeens|plotseling|nu)\b",
        none_of=r"\b(?:rolstoel|rollator|scootmobiel|traplift|hulp bij|zoek|al (?:weken|maanden|jaren)|sinds|chronisch|fysio\w*|reuma|artrose|hernia)\b",
        keys="pijn",
    ),
)


# --- round 14: two kinds of implicit signal in one message ---------------------------
# The blind probes of round 14 kept finding implicit messages that no pair of the groups
# above named ("mama ik ben sorry. ik ben een teleurstelling. jullie verdienen beter";
# "ik verdwijn gewoon. niemand gaat me zoeken"). Each is two kinds of signal from a small
# set: being gone, sparing others, worthlessness or no hope, a goodbye, affairs wound up,
# nobody missing one. Two different kinds (one of them gone, sparing, goodbye or affairs)
# in a message that asks for no service and names no occasion make it a crisis.
_CUE_GONE = re.compile(
    r"\b(?:(?:zijn|ben) (?:\w+ )?(?:me|mij) (?:\w+ )?kwijt|ik verdwijn|verdwijn (?:ik|gewoon)|ben (?:ik )?(?:\w+ )?vergeten|"
    r"(?:het|t) is beter zo$|laat (?:me|mij) (?:maar )?gaan$|voorgoed|voor altijd|for good|forever|"
    r"ben (?:ik )?er (?:\w+ ){0,2}(?:niet|nie) meer|(?:be|am) gone|when i m gone|if i was gone|zie (?:geen|gen) morgen|"
    r"zien ze (?:wel )?wat ze vinden|i (?:m|am) ready$|ik wil (?:gewoon |alleen )?dat (?:het|alles) (?:allemaal )?(?:stopt|ophoudt)$|"
    r"^ik heb (?:het )?besloten$|(?:mijn|het) besluit staat vast|i ve decided$|"
    r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|morgen|volgende week) ben ik er (?:\w+ )?(?:niet|nie)\b|klonk (?:zo |heel )?(?:rustig|definitief|kalm)|"
    # round 15: time to go, where I am going (said as an ending, not a trip)
    r"(?:het is )?tijd (?:om (?:te )?gaan|dat ik (?:ga|ging|gaan))(?=\n|$)|time (?:for me )?to go(?=\n|$)|(?:waar|where) (?:ik|i) (?:heen|naartoe|naar toe) (?:ga|m going)\b|where i m going\b)\b"
)
_CUE_SPARE = re.compile(
    r"\b(?:tot last|(?:een )?last (?:voor|van)|beter af|better off|verdienen (?:\w+ )?beter|deserve better|"
    r"(?:hebben|heeft|krijgen) (?:jullie|ze|je|hij|zij) (?:\w+ )?(?:rust|geen (?:\w+ )?(?:last|zorgen))|opgelucht|relieved|burden|blok aan|zonder (?:mij|me)\b|"
    r"van (?:me|mij) af\b|last die ik|redden (?:het )?(?:\w+ )?zonder (?:mij|me|hem|haar)\b|(?:het )?redden zonder (?:mij|me|hem|haar)\b)"
)
_CUE_WORTHLESS = re.compile(
    r"\b(?:teleurstelling|mislukking|mislukkeling|niks waard|niets waard|waardeloos|nutteloos|wat maakt het (?:\w+ )?uit|"
    r"heeft (?:\w+ )?geen zin|zinloos|hopeloos|geen toekomst|kan (?:het )?(?:niet|nie) meer|trek (?:het )?(?:\w+ )?(?:niet|nie) meer|"
    r"moe van (?:het )?(?:leven|vechten|alles)|failure|worthless|pointless|what s the point|alles is zwart|ik ben op|"
    r"ben het (?:\w+ )?zat|alles (?:al )?geprobeerd|(?:heb|geef) (?:het )?(?:\w+ )?op ?gegeven|gave up|given up|nothing left|"
    r"(?:niet|nie) meer onder ogen|leegte|voel (?:\w+ )?(?:niks|niets) meer|niemand kan (?:me|mij) (?:nog |meer )?helpen|"
    # round 15: the fight given up ("ik heb lang genoeg gevochten", "het is genoeg geweest")
    r"(?:lang )?genoeg gevochten|(?:het|dit) is (?:nu |wel |echt )?genoeg geweest|(?:kan|wil) (?:\w+ )?(?:niet|nie) meer vechten|klaar met vechten|"
    r"tired of fighting|done fighting|can t fight (?:\w+ )?anymore)\b"
)
_CUE_GOODBYE = re.compile(
    rf"\b(?:{_FAREWELL}|(?:ik ben|i m|im) sorry$|sorry (?:voor|for) (?:alles|everything|de last|alle (?:last|zorgen|ellende|moeite))|tot ziens (?:allemaal|iedereen)|dag (?:allemaal|iedereen)|"
    r"(?:dat (?:ik|je|jij|jullie)|je moet|jullie moeten) (?:\w+ )?sterk (?:moet |moeten )?(?:zijn|blijven)|be strong|"
    r"wrote (?:\w+ )?(?:letters?|notes?) (?:for|to)|(?:brieven|brief|briefjes) (?:\w+ ){0,2}geschreven (?:voor|aan)|"
    r"(?:brief|briefje) (?:\w+ ){0,3}(?:op tafel|achtergelaten|neergelegd|klaargelegd)|met een (?:brief|briefje)\b|"
    # round 15: care handed over ("gezegd dat ze voor de kinderen moet zorgen")
    r"(?:moet|moeten|wil dat|vraag) (?:\w+ ){0,3}voor (?:de|mijn|m|onze) (?:kinderen|kids|hond|kat|mama|papa|moeder|vader) (?:\w+ )?zorgen\b|"
    r"voor (?:de|mijn|m|onze) (?:kinderen|kids|hond|kat|mama|papa|moeder|vader) (?:moet|moeten|gaat|gaan|zal|zullen) zorgen\b)"
)
_CUE_AFFAIRS = re.compile(
    r"\b(?:\w+ )?(?:abonnement\w*|verzekering\w*|huur|contract\w*|rekening\w*) (?:\w+ ){0,2}opgezegd\b|"
    r"\b(?:hond|kat|poes|huisdier\w*|konijn|vogel\w*) (?:\w+ ){0,3}(?:gebracht|gegeven|herplaatst|weggegeven)\b|"
    r"\b(?:weggegeven|gave away|given away)\b|\btestament\b|\bbij elkaar gelegd\b|"
    # round 15: passwords, pin codes or papers handed over ("mijn wachtwoorden aan mijn zus gegeven")
    r"\b(?:wachtwoord\w*|pincode\w*|inlog\w*|passwords?|papieren|bankzaken) (?:\w+ ){0,4}(?:gegeven|overgedragen|doorgegeven|gestuurd|given|handed)\b|"
    r"\bwaar (?:de|mijn|haar|zijn|m|alle) (?:\w+ )?(?:papieren|testament|sleutels?|wachtwoorden|pincode\w*|verzekering\w*|polis\w*|map) (?:\w+ )?(?:liggen|ligt|zijn|is)\b|\baffairs in order\b|"
    r"\b(?:sleutels?|pasje|pinpas|bankpas|rijbewijs|paspoort|portemonnee|telefoon) (?:\w+ ){0,5}(?:op tafel|neergelegd|achtergelaten)\b"
)
_CUE_NOBODY = re.compile(
    r"\bniemand (?:\w+ ){0,2}(?:zoeken|missen|merken|merkt|mist)\b|\b(?:no one|nobody) (?:\w+ ){0,2}(?:miss|notice|look)\b"
)
#: Kinds that carry finality themselves (one of the two must be one of these).
_STRONG_CUES = (_CUE_GONE, _CUE_SPARE, _CUE_GOODBYE, _CUE_AFFAIRS)
_WEAK_CUES = (_CUE_WORTHLESS, _CUE_NOBODY)
#: A request for a service, an occasion or a thing named explains the same words.
_CUE_EXPLAINED = re.compile(
    r"\b(?:kan ik|kun(?:t|nen)? (?:jullie|u|je|iemand)|hoe (?:vraag|kom|krijg|regel|meld|werkt|kan)|wie (?:kan|helpt|wil)|is er (?:een|iemand|hulp)|"
    r"waar (?:kan|vind|moet)|mag ik|heb (?:ik )?recht|aanvragen|zoek (?:ik )?(?:een|hulp|iemand)|can i|how do i|who can|is there)\b|\b"
    + _OCCASION[2:]
)


#: Words of which a message must hold one for any strong cue to match (a set lookup
#: before the regexes run; a test checks it changes nothing).
_CUE_WORDS = frozenset(
    "kwijt vergeten beter gaan voorgoed altijd good forever meer gone morgen vinden ready klonk last af better verdienen "
    "deserve rust zorgen opgelucht relieved burden blok zonder redden afscheid gedag vaarwel allemaal iedereen lieverds "
    "everyone all bedankt thanks thank everything spijt sorry zorg pas care hou love vergeef forgive schuld fault leest "
    "lezen read laatste brief brieven briefjes ziens dag sterk strong wrote opgezegd gebracht gegeven herplaatst "
    "weggegeven away testament elkaar waar order bye doei houdoe neem nemen genomen zeggen zeg zegt stopt ophoudt besloten "
    "besluit decided maandag dinsdag woensdag donderdag vrijdag zaterdag zondag week tafel neergelegd achtergelaten "
    "klaargelegd briefje tijd time heen naartoe naar where wachtwoorden wachtwoord pincode papieren passwords bankzaken "
    "zorgen gegeven overgedragen doorgegeven".split()
)
_CUE_PREFIXES = ("verdwijn", "goodbye")


def cue_hits(cleaned: str, check_keys: bool = True) -> Iterator[tuple[CrisisKind, int]]:
    """(SUICIDE, start) when two kinds of implicit signal meet in the cleaned message."""
    if check_keys:
        tokens = cleaned.split()
        if _CUE_WORDS.isdisjoint(tokens) and not any(t.startswith(_CUE_PREFIXES) for t in tokens):
            return
    found = [m for rx in _STRONG_CUES if (m := rx.search(cleaned)) is not None]
    if not found:
        return
    weak = [m for rx in _WEAK_CUES if (m := rx.search(cleaned)) is not None]
    if len(found) + len(weak) < 2 or _CUE_EXPLAINED.search(cleaned):
        return
    yield CrisisKind.SUICIDE, min(m.start() for m in found + weak)


#: The lengths of the groups' word-start keys.
_PREFIX_LENGTHS = tuple(sorted({len(p) for g in _GROUPS for p in g.prefixes}))


def concept_hits(cleaned: str, check_keys: bool = True) -> Iterator[tuple[CrisisKind, int]]:
    """(kind, start) for every concept group that holds in the cleaned text; ``start``
    is where its first part matched (the anchor that framing is judged at).
    ``check_keys=False`` skips the word-set shortcut (for the test that it is exact)."""
    tokens = set(cleaned.split())
    # Each word's starts of every length a key uses: a word starts with a key exactly
    # when its start of that length is the key (one set, instead of startswith per
    # group and word).
    starts = {t[:n] for t in tokens for n in _PREFIX_LENGTHS}
    groups = [
        g
        for g in _GROUPS
        if not check_keys
        or not g.words.isdisjoint(tokens)
        or (g.prefixes and not starts.isdisjoint(g.prefixes))
    ]
    yield from cue_hits(cleaned, check_keys)
    lines: list[str] | None = None
    for g in groups:
        first = g.all_of[0].search(cleaned)
        if first is None:
            continue
        if g.scope == MESSAGE:
            if all(rx.search(cleaned) for rx in g.all_of[1:]) and not (
                g.none_of and g.none_of.search(cleaned)
            ):
                yield g.kind, first.start()
            continue
        if lines is None:
            lines = cleaned.split("\n")
        offset = 0
        for line in lines:
            m = g.all_of[0].search(line)
            if (
                m is not None
                and all(rx.search(line) for rx in g.all_of[1:])
                and not (g.none_of and g.none_of.search(line))
            ):
                yield g.kind, offset + m.start()
                break
            offset += len(line) + 1
