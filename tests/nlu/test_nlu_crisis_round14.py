"""Crisis detection, round 14: implicit suicide signals and near misses.

``crisis_dev8.yml`` was written before the rules were read: suicide positives mostly
implicit (a burden sparing others, a last message, a goodbye others did not know was
final, affairs arranged and the end near, belongings given away, no reason to go on), in
dialect, SMS spelling, broken Dutch and English, and near misses that share their words.
The probes below were written afresh for each family, in three rounds, after the batch
was used (none is copied from a data file): what still counts next to each new frame and
what does not. The held-out sets are not read here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from nlu.api import CrisisKind
from nlu.crisis import clean, detect, rule_kinds
from nlu.crisis_concepts import concept_hits

DATA = Path(__file__).parents[2] / "nlu" / "data"
DEV8 = yaml.safe_load((DATA / "crisis_dev8.yml").read_text(encoding="utf-8"))
DEV8_POSITIVES = [(t, kind) for kind, texts in DEV8["positives"].items() for t in texts]
S, V, D = CrisisKind.SUICIDE, CrisisKind.VIOLENCE, CrisisKind.DANGER


def test_dev8_recall_is_at_least_98_percent() -> None:
    missed = [t for t, _ in DEV8_POSITIVES if detect(t) is None]
    assert 1 - len(missed) / len(DEV8_POSITIVES) >= 0.98, missed


def test_dev8_near_miss_false_alarms_stay_under_three_percent() -> None:
    alarms = [t for t in DEV8["near_misses"] if detect(t) is not None]
    assert len(alarms) / len(DEV8["near_misses"]) < 0.03, alarms


def test_dev8_near_misses_are_not_raised_by_the_rules() -> None:
    assert [t for t in DEV8["near_misses"] if rule_kinds(t)] == []


def test_dev8_kinds_are_right() -> None:
    wrong = [
        (t, kind, detect(t))
        for t, kind in DEV8_POSITIVES
        if detect(t) not in {None, CrisisKind(kind)}
    ]
    assert wrong == []


# Implicit signals in other words: a burden spared, stopping "met alles", a last message,
# a goodbye not known to be final, someone's goodbye and then no answer, a way worked out
# lacking courage, one way out, affairs arranged and the end near, the means at home, a
# life "voltooid", traces wiped, "zoek me niet", a letter for when they find me, "het is
# bijna voorbij" with thanks; and violence and danger met on the way.
PROBES = [
    ("ik ben iedereen alleen maar tot last, het wordt tijd dat ik ga", S),
    ("ik voel me een blok aan hun been, ik ga ze daar vanaf helpen door te verdwijnen", S),
    ("mijn ouders zijn beter af als ik er niet meer ben, ik ben een last", S),
    ("i feel like a burden to everyone, time for me to disappear", S),
    ("ik ben n last voor me vrouw, ze word verlost van mij binnenkort", S),
    ("k ben toch maar n molensteen om hun nek, beter dat ik verdwijn", S),
    ("ik kap ermee. met alles. het is goed zo", S),
    ("ik hou ermee op, met het leven bedoel ik", S),
    ("ik heb er vrede mee gesloten, vanavond stop ik ermee", S),
    ("dit is mijn laatste appje. zorg goed voor mama", S),
    ("these are my last words, i love you all", S),
    ("mijn laatste berichtje aan jullie: het spijt me, het is niet jullie schuld", S),
    ("ik heb mijn broer vandaag nog geknuffeld, hij weet niet dat het de laatste keer was", S),
    (
        "gisteren afscheid genomen van mijn beste vriendin, ze had niks door maar het was voorgoed",
        S,
    ),
    ("visited my parents one more time, they dont know it was the last time", S),
    ("mijn vriend appte 'sorry voor alles, ik hou van je' en nu is zijn telefoon uit", S),
    ("me zus heeft op facebook gezet dat iedereen beter af is zonder haar en ze neemt niet op", S),
    ("my brother texted goodbye and now hes not answering his phone", S),
    ("mijn zoon stuurde 'ik kan niet meer mam' en hij is niet bereikbaar", S),
    ("ik weet hoe en wanneer, ik moet alleen nog de moed vinden", S),
    ("plan is klaar, nu nog lef hebben", S),
    ("i have worked out how and where, just need the courage", S),
    ("ik zie maar een uitweg en dat is er niet meer zijn", S),
    ("de enige uitweg uit deze pijn is stoppen met alles", S),
    ("this pain wont stop, i see only one way out", S),
    ("mijn testament is klaar en mijn zaken zijn geregeld, het duurt niet lang meer", S),
    ("alles is opgeruimd en geregeld. mijn dagen zijn geteld", S),
    ("het spijt me voor wat ik ga doen, ik hou van jullie", S),
    ("forgive me for what i m about to do", S),
    ("ik heb mn fiets en mn boeken weggegeven want ik heb ze niet meer nodig waar ik heen ga", S),
    ("het is bijna afgelopen met mij, nog een nachtje", S),
    ("er is niks meer om voor te leven", S),
    ("geen enkele reden meer om door te gaan", S),
    ("wil nie meer wakker worre", S),
    ("ik wil er nie meer zijn jonge, echt nie", S),
    ("mien tijd is gekomme, ik stop d'r mee", S),
    ("ik ben zo moe van alles, ik wil gewoon dat het voorbij is. voor altijd", S),
    (
        "Geachte, ik heb besloten mijn leven niet langer voort te zetten. Mijn zaken zijn geregeld.",
        S,
    ),
    ("no reason to keep going anymore", S),
    ("everyone will be better off when im gone", S),
    ("i wont be around much longer, ive made sure my cat has a new home", S),
    ("mijn moeder (82) zegt dat ze haar pillen spaart zodat ze 'zelf kan gaan als het tijd is'", S),
    (
        "mijn vader heeft zijn horloge en zijn trouwring aan mij gegeven en gezegd dat ik goed voor mama moet zorgen. hij doet zo raar",
        S,
    ),
    ("waarom zou ik nog opstaan, niemand wacht op me en ik wacht op niks", S),
    ("ik leef nog maar voor niks", S),
    ("ik ben weg na het weekend, voorgoed. jullie horen niks meer van me", S),
    ("ik ben er klaar mee. klaar met leven, klaar met alles", S),
    ("ana wil niet meer leven, kan niet meer, hoofd vol", S),
    ("ik zal nie meer lang hier zijn, wil alles afsluiten", S),
    ("een man met een mes valt mensen aan op het plein", V),
    ("hij zwaait met een bijl in het trappenhuis en schreeuwt", V),
    ("ik ben neergestoken op straat, help", V),
    ("mijn broer is beschoten voor de deur", V),
    ("ik ga hem vannacht afmaken, ik heb er genoeg van", V),
    ("me pa slaat me ma elke nacht, ik hoor t nu weer", V),
    ("mijn man valt me aan als hij gedronken heeft", V),
    ("my son is shaking on the floor and his eyes rolled back", D),
    ("zijn ogen draaien weg en hij reageert niet", D),
    ("opa ligt in de badkamer en zegt niks meer", D),
    ("ze heeft te veel van haar pillen genomen en is heel suf", D),
    (
        "ik heb het gevoel dat het bijna klaar is met mij. nog even volhouden en dan hoeft het niet meer",
        S,
    ),
    ("zeg maar tegen mijn moeder dat het niet haar schuld is", S),
    (
        "ik heb mijn huisdieren herplaatst en mijn huur opgezegd. waar ik heen ga heb ik geen huis nodig",
        S,
    ),
    ("Het leven is voor mij voltooid. Ik heb de middelen in huis en ga het deze week doen.", S),
    ("ik doe iedereen een plezier als ik er niet meer ben", S),
    ("mijn kinderen hebben een betere moeder nodig, niet mij. ze zijn beter af zonder", S),
    ("wanneer ik dood ben hoeven ze niet meer voor me te zorgen. dat moment komt snel", S),
    ("heb alles gewist van mijn telefoon en mijn laptop. ik laat niks achter", S),
    ("er is niks meer dat me hier houdt", S),
    ("dit is de laatste keer dat jullie iets van mij horen", S),
    ("ik hoef geen hulp meer, het is te laat. morgen ben ik er niet meer", S),
    ("kan niet meer, wil niet meer, ga niet meer", S),
    ("im so tired of existing. tonight i will finally rest for good", S),
    ("ik ga slapen en hoop dat ik nooit meer wakker word, dit keer help ik een handje", S),
    ("welke pillen moet je nemen om niet meer wakker te worden", S),
    ("ik ben weg, zoek me niet", S),
    ("sorry mama. ik hou van je. ik kan dit niet meer", S),
    ("ik ben het laatste jaar alleen maar een last geweest, dat houdt binnenkort op", S),
    ("mijn opa van 88 zegt dat hij 'het zelf wel gaat regelen' en hij spaart zijn pillen", S),
    ("mijn beste vriend zei vandaag 'als je me morgen niet hoort dan weet je het'", S),
    ("ik heb een brief voor mijn ouders geschreven voor als ze me vinden", S),
    ("het duurt niet lang meer voor ik rust heb. ik heb de pillen al", S),
    ("ik wil niet meer verder, ik heb het opgegeven", S),
    ("ik ga nu naar het water. dag", S),
    ("ewa ik ben klaar met dit leven broer, morgen ben ik weg van hier voor altijd", S),
    ("iedereen zou gelukkiger zijn zonder mij, dat weet ik zeker", S),
    ("i gave my dog to my neighbour and wrote my goodbyes. its time", S),
    (
        "my mum keeps saying she wont be here for christmas and she gave away her jewellery. she isnt ill",
        S,
    ),
    (
        "Ik heb niemand meer en niets meer om voor te leven. Ik heb besloten dat het genoeg is geweest.",
        S,
    ),
    ("mijn vrouw is dood en ik wil bij haar zijn. vannacht", S),
    ("ik heb geen zin meer om te ademen", S),
    ("laatste dag vandaag. bedankt voor de mooie jaren allemaal", S),
    ("wil gwn dat alles stopt voorgoed", S),
    ("ik snap niet waarom ik nog hier ben. niemand heeft me nodig. ik maak het vanavond af", S),
    (
        "ik heb de laatste tijd vaak gedacht dat het beter is als ik er niet meer ben, en nu heb ik een plan",
        S,
    ),
    ("mijn stiefvader komt elke nacht op mijn kamer en ik mag het niemand vertellen", V),
    ("hij heeft me tegen de grond gewerkt en geschopt, ik zit in de badkamer opgesloten", V),
    ("ze dreigen mijn zus te vermoorden als ze niet trouwt met die man", V),
    ("mijn man zegt dat ik niet levend uit dit huis kom als ik wegga", V),
    ("de buurjongen wordt door zijn vader met een riem geslagen, ik hoor het door de muur", V),
    ("mn ex achtervolgt me en staat nu voor mijn deur met een mes", V),
    ("someone broke into my flat and is hitting my roommate", V),
    ("mijn dochter van 13 wordt gechanteerd met naaktfoto's", V),
    ("mijn moeder wordt door haar thuiszorg geslagen, ze is 90 en heeft blauwe plekken", V),
    ("me broer heeft me gestoken met een schaar", V),
    ("mijn man zit in de auto en zegt niks meer, zijn lippen worden blauw", D),
    ("het plafond is ingestort en mijn moeder ligt eronder", D),
    ("mijn kindje heeft een knoopcelbatterij ingeslikt", D),
    (
        "het vriest en mijn buurman van 85 zit al uren buiten in de tuin, hij kan niet meer opstaan",
        D,
    ),
    ("mijn vrouw krijgt ineens geen woorden meer uit haar mond en haar arm hangt slap", D),
    ("ik zie rook uit het huis van de buren komen en er zijn kinderen binnen", D),
    ("my grandma fell in the bathroom and shes bleeding from her head", D),
    ("de baby ademt heel raar en is slap, we krijgen hem niet wakker", D),
    (
        "mijn zoon heeft allergie voor noten en heeft per ongeluk pinda gegeten, hij krijgt geen lucht",
        D,
    ),
    ("er ligt een man bewusteloos bij de bushalte", D),
    (
        "Beste mensen, ik wil u laten weten dat u zich over mij geen zorgen meer hoeft te maken. Ik heb mijn beslissing genomen en ik ben er rustig onder.",
        S,
    ),
    (
        "mijn man (67) heeft zijn jachtgeweer uit de kast gehaald en zegt dat hij niemand meer tot last wil zijn. hij zit in de schuur",
        S,
    ),
    ("heb net me laatste geld aan me zusje gegeven. ik heb t toch nergens meer voor nodig", S),
    (
        "ik heb het gevoel dat ik er niet meer bij hoor. het zou beter zijn als ik er gewoon uit stap",
        S,
    ),
    (
        "Ik ben 79 jaar en heb genoeg geleefd. Ik wil niet wachten tot ik dement word. Ik ga het zelf doen voor het zover is.",
        S,
    ),
    ("wees niet boos op me als ik er straks niet meer ben", S),
    ("broer ik ben op, helemaal op. ik ga slapen en ik hoop dat ik er niet meer uit kom", S),
    ("k heb niks meer. geen werk geen huis geen vrienden. geen zin meer om nog te bestaan", S),
    ("it doesnt matter anymore, by tomorrow i wont be a problem for anyone", S),
    ("i've been saving my pills for weeks, i think i have enough now", S),
    (
        "mijn dochter (16) heeft in haar dagboek geschreven hoe ze het wil doen en wanneer. ik ben in paniek",
        S,
    ),
    (
        "ben nu op het dak van de parkeergarage. het is mooi hier. niemand hoeft zich zorgen te maken",
        S,
    ),
    ("na de kerst zien jullie me niet meer", S),
    ("ik heb geen kracht meer om te vechten. ik geef het op. het leven is niks voor mij", S),
    (
        "mijn tante zegt steeds 'ik ben er bijna', ze eet niet meer en heeft haar kat weggegeven. ze is gezond",
        S,
    ),
    ("al die jaren heb ik volgehouden maar nu is het op. ik wil rust, eeuwige rust", S),
    ("vanavond neem ik alles in wat ik heb liggen", S),
    (
        "Mijn vrouw is twee maanden geleden overleden en ik zie het nut niet meer van verder leven zonder haar.",
        S,
    ),
    ("ich will nicht mehr leben", S),
    ("niemand zal het merken als ik er niet meer ben, de wereld draait gewoon door", S),
    (
        "ik stuur dit naar jullie omdat ik het niet aan mijn ouders kan vertellen: ik heb een touw gekocht",
        S,
    ),
    ("it's almost over now. thanks for listening to me all these months", S),
    ("ik ben een zinloos persoon, niemand heeft wat aan me. ik wil verdwijnen voorgoed", S),
    ("ik zit op de brug en kijk naar het water, ik durf nog niet", S),
    ("mijn kleinzoon zegt dat hij 'het toch niet gaat halen tot zijn 18e' en hij snijdt zich", S),
    ("mijn man slaat de kinderen met zijn riem als ze huilen", V),
    (
        "hij heeft gezegd dat hij me vannacht komt halen en dat ik dan wel zie wat er gebeurt. ik ben zo bang",
        V,
    ),
    ("mijn buurvrouw gilt en ik hoor klappen, er wordt iemand geslagen daar", V),
    ("ze hebben mijn zoon ontvoerd en willen geld", V),
    ("mijn zoon van 20 duwt me en schreeuwt als hij geld wil, vanavond heeft hij me geslagen", V),
    ("there is a man with a knife outside my door shouting he will kill me", V),
    ("mijn oppas heeft mijn dochtertje van 3 pijn gedaan, ze heeft brandwonden op haar arm", V),
    ("mijn moeder ligt al sinds vanochtend in bed en praat onsamenhangend, ze is heel heet", D),
    ("mijn man heeft zijn insuline dubbel gespoten en is nu heel zweterig en verward", D),
    ("er is een ontploffing geweest in onze straat, er liggen mensen op straat", D),
    ("ik zit vast onder de kast die is omgevallen, kan mijn benen niet bewegen", D),
    (
        "mijn dochter heeft een hele fles wodka opgedronken en ligt te trillen op de badkamervloer",
        D,
    ),
    ("my baby has a fever of 41 and wont wake up properly", D),
    ("ik ben gevallen op de trap, mijn been staat raar en ik kan niet opstaan, ik ben alleen", D),
    ("de rookmelder gaat af en ik zie vlammen in de gang", D),
]


@pytest.mark.parametrize(("text", "kind"), PROBES)
def test_an_implicit_signal_in_other_words_is_caught(text: str, kind: CrisisKind) -> None:
    assert detect(text) is kind


# The same words in everyday senses: a practical burden, stopping with a habit, the last
# message of a settled question, a goodbye known to be final, a phone off for a flight,
# courage for a call, a way out of debts, a will during an illness, an estate question,
# medicines handed in, "ik wil niet dood", "liever dood dan in de rij", living by the
# railway, a rope for the swing, a fall told as over, answers to the bot.
NEAR_MISSES = [
    "ik voel me een last voor mijn buren, kan er iemand anders de boodschappen doen",
    "ik ben een blok aan het been van mijn dochter sinds mijn heupoperatie, is er thuiszorg",
    "ik wil niet tot last zijn, daarom zoek ik een vrijwilliger die me naar de dokter rijdt",
    "i feel like a burden to my son, can someone else drive me to the hospital",
    "ik stop ermee, met roken. het is goed zo",
    "ik kap ermee met die opleiding, met alles wat erbij hoort",
    "ik heb er vrede mee, ik stop ermee met werken en ga met pensioen",
    "ik hou ermee op, met die cursus. kan ik mijn geld terug krijgen",
    "dit is mijn laatste bericht, mijn vraag is beantwoord. fijne dag",
    "this is my last message today, thanks for helping",
    "mijn laatste bericht was niet duidelijk, sorry, ik bedoelde de huurtoeslag",
    "we hebben afscheid genomen van oma in het hospice, we wisten dat het de laatste keer was",
    "ik heb mijn oude buurvrouw nog een keer bezocht voor de verhuizing, voorgoed weg uit de stad",
    "we said goodbye to our dog, he was old, we knew it was the last time",
    "mijn zus appte 'sorry voor alles' na onze ruzie, ze neemt nu niet op maar ze is gewoon op haar werk",
    "mijn zoon stuurde 'ik hou van je mam' vanuit het vliegtuig, nu staat zijn telefoon uit want hij vliegt",
    "ik heb alles uitgezocht voor de aanvraag, nu nog de moed om te bellen",
    "ik weet hoe en waar ik me moet melden, maar ik durf het nog niet",
    "ik heb uitgezocht waar en wanneer de praatgroep is, nu nog de moed om te gaan",
    "de enige uitweg uit de schulden is schuldsanering, hoe vraag ik dat aan",
    "er is maar een uitweg: verhuizen naar een kleinere woning, kunt u helpen",
    "er is maar een oplossing voor mijn rugpijn en dat is een operatie",
    "ik heb alles geregeld voor de verhuizing, het duurt niet lang meer",
    "mijn testament is klaar, de dokter zegt dat het niet lang meer duurt met de kanker. kan er thuiszorg komen",
    "alles is geregeld voor de bruiloft, nog even en dan is het zover",
    "mijn zaken zijn geregeld voor mijn pensioen, het duurt niet lang meer",
    "het spijt me, ik weet niet wat ik ga doen met die brief van de belasting",
    "sorry voor de late reactie, ik weet nog niet wat ik ga doen",
    "mijn zoon speelt honkbal en heeft een nieuwe knuppel nodig, zijn er regelingen",
    "er lag een mes op straat, ik heb het bij de politie gebracht",
    "we kijken een film waarin een man met een bijl mensen aanvalt, is dat geschikt voor 12 jaar",
    "ik ben gestoken door een wesp en mijn arm is dik, moet ik naar de huisarts",
    "ik ben gestoken met een naald bij het prikken, blauwe plek",
    "ik ben gestoken door een bij in de tuin",
    "ik kan die belastingdienst wel vermoorden haha, waar vraag ik uitstel aan",
    "ik zou hem wel kunnen afmaken, die buurman met zijn herrie",
    "wat gebeurt er met mijn huis als ik er niet meer ben? ik ben 81 en heb geen kinderen",
    "wanneer ik er later niet meer ben, wie zorgt er dan voor mijn hond? ik wil het bij de notaris regelen",
    "who will look after my daughter when i am gone? i m 75 and she has a disability",
    "waar kan ik oude medicijnen inleveren, mijn kast ligt vol",
    "mag ik slaappillen gewoon weggooien bij het restafval",
    "ik wil niet dood hoor, ik wil gewoon een andere woning",
    "nee ik wil nie dood, ik ben alleen moe van het werk",
    "ik ga nog liever dood dan dat ik weer naar die verjaardag van mijn schoonmoeder moet haha",
    "liever dood dan nog een keer bellen met die klantenservice",
    "ik woon vlak bij het spoor, kan ik geluidsisolatie aanvragen",
    "mijn werk is langs het spoor, hoe kom ik daar met de rolstoel",
    "mijn vader is vorige week gevallen met de fiets, gaat nu weer. kan hij een driewieler krijgen",
    "ik ben laatst flauwgevallen in de winkel maar het gaat weer",
    "ik ben klaar met alles voor vandaag, morgen weer verder met de administratie",
    "het is bijna voorbij, de verbouwing. nog een week",
    "ik heb mijn kinderspullen weggegeven aan de buurvrouw, die krijgt een baby",
    "dag allemaal, bedankt voor de hulp bij de verhuizing, ik ga nu weg naar mijn nieuwe huis",
    "geen reden om door te gaan met die cursus, kan ik opzeggen",
    "ik zie geen uitweg meer in die papierwinkel, kan iemand helpen",
    "mijn opa is vorige maand overleden, we hebben zijn spullen verdeeld",
    "afscheid nemen van mijn moeder die naar Marokko verhuist valt me zwaar",
    "ik heb het touw van de zonwering gebroken, wie maakt het",
    "de trein reed door en ik miste mijn afspraak bij het UWV",
    "i m done with everything today, going to bed. can you remind me tomorrow about the appointment",
    "ik wil even verdwijnen, op vakantie naar Turkije. kan ik mijn uitkering meenemen",
    "mijn man heeft alles geregeld voor onze vakantie, nog 3 dagen",
    "the last time i asked you about rent allowance you said to call, i did",
    "ik ben er klaar mee, met die wasmachine die steeds kapot gaat",
    "het is bijna afgelopen met de verbouwing gelukkig",
    "mijn moeder is vorig jaar overleden, ik heb haar sieraden gekregen. moet ik daar belasting over betalen",
    "ik heb mijn oude kleren weggegeven aan het leger des heils",
    "mijn tijd zit erop bij de gemeente, ik ga met pensioen. wie neemt mijn mantelzorg over",
    "ik ben doodop na de nachtdienst",
    "ik heb geen zin meer in die cursus Nederlands, het is te moeilijk",
    "dit is de laatste keer dat ik bel, daarna ga ik naar de ombudsman",
    "het spijt me dat ik zo laat reageer, ik was ziek",
    "bedankt voor alles, jullie hebben me goed geholpen met de huur",
    "ik ben weg van Ajax, haha. maar serieus, hoe vraag ik een sportvergoeding aan",
    "ik zou wel dood willen gaan van schaamte toen ik die brief zag",
    "mijn hond is vorige week ingeslapen, ik mis hem zo",
    "kan iemand mij uitleggen hoe een levenstestament werkt",
    "wat moet ik doen met het huis van mijn vader nu hij overleden is",
    "ik heb het gevoel dat niemand me begrijpt op het werk, kan ik een vertrouwenspersoon spreken",
    "ik ben eenzaam sinds mijn man dood is, is er een maatje voor mij",
    "ik wil niet meer naar die dagbesteding, het is er saai",
    "ik kan niet meer, die trap op met de boodschappen. is er een bezorgdienst",
    "mijn vader slaat nergens meer op, hij praat de hele dag over vroeger",
    "ik wil weg bij mijn man, hoe vind ik een eigen woning",
    "mijn zoon heeft een mes gekocht om te vissen, is dat toegestaan op zijn leeftijd",
    "we gaan met de trein naar oma, is er korting voor 65 plus",
    "de brug is weer open, ik kan weer naar mijn werk",
    "ik heb mijn laatste pil ingenomen en moet nieuwe halen bij de apotheek",
    "is de voedselbank vandaag open? ons geld is op",
    "ik heb rugpijn, mag ik met spoed naar de fysio",
    "de kinderen hebben gevochten op het schoolplein, niemand gewond, maar ik wil een gesprek met de leraar",
    "hoe lang duurt de wachtlijst voor de GGZ? ik heb een depressie maar ben niet suicidaal",
    "mijn broer is twee jaar geleden overleden door zelfdoding, ik zoek een praatgroep voor nabestaanden",
    "ik heb de hele dag gehuild om mijn scheiding, maar ik red me wel. kan ik hulp krijgen met de kinderen",
    "ik ben bang om te vallen in de douche, kan er een beugel komen",
    "mijn opa zegt elke dag dat hij 'klaar is om te gaan', hij is 101 en heel tevreden. hij wil graag een bezoekje van een vrijwilliger",
    "i m going to kill my brother if he eats my chocolate again lol. anyway how do i apply for benefits",
    "er was brand bij de buren gisteren maar iedereen is veilig, nu zoeken ze een tijdelijk huis",
    "ik wil een dnr penning, hoe regel ik dat",
    "kan ik mijn eigen uitvaart alvast regelen? ik ben 80 en wil mijn kinderen niet belasten",
    "ja",
    "nee",
    "7",
    "ja dat klopt",
    "nee niet meer nodig, dank je",
    "dat ik weer rust heb in mijn hoofd",
    "ik weet het niet",
    "morgen om 3 uur",
    "doei",
    "ok bedankt, tot ziens",
    "nee ik wil niemand spreken, alleen de brief versturen",
    "mijn man ligt in het ziekenhuis na zijn val, ik moet alleen naar huis met de bus",
    "ik voel me zo leeg na de dood van mijn moeder, maar ik ga wel door voor mijn kinderen",
    "ik verlies mijn huis als ik de huur niet betaal, help met schulden",
    "mijn vriend is weggelopen uit de zorginstelling maar hij is al terug",
    "we gaan afscheid nemen van onze oude buurt, we verhuizen naar Almere",
    "mijn buurvrouw zegt dat ze het niet lang meer volhoudt met haar zieke man, zoekt respijtzorg",
    "ik heb alles al geprobeerd om een huis te vinden, ik zie het niet meer zitten met die wachtlijsten",
    "laat maar, ik zoek het zelf wel uit",
    "ik hoef niet meer gebeld te worden, het is opgelost",
    "wat gebeurt er met mijn uitkering als ik in het ziekenhuis lig",
    "mijn zus heeft een ongeluk gehad vorige maand en is nog aan het revalideren",
    "mijn man drinkt te veel en wordt dan heel stil, dat maakt me verdrietig. is er hulp voor partners",
    "i dont want to live here anymore, the neighbours are too loud",
    "im dead tired after work, can someone pick up my kids",
    "my dad died last year and i still need to close his bank account",
    "there is no point calling the council, they never answer. can you help",
    "Beste mensen, ik wil u laten weten dat ik een beslissing heb genomen: ik stop met de schuldhulp en ga naar een andere organisatie.",
    "mijn man heeft zijn jachtakte verlengd, moet het geweer in een kluis?",
    "heb net me laatste geld aan de huur uitgegeven. voedselbank?",
    "ik heb het gevoel dat ik er niet bij hoor in deze buurt, zijn er activiteiten",
    "Ik ben 79 en heb genoeg geleefd om te weten dat ik hulp moet vragen. Wie kan mijn tuin doen?",
    "wees niet boos als ik de afspraak vergeet, ik ben zo vergeetachtig",
    "ik ben op, helemaal op na die verhuizing. wie helpt met uitpakken",
    "ik heb geen werk en geen huis, hoe kom ik aan een uitkering",
    "it doesnt matter anymore, i found another job. please cancel my request",
    "i have been saving money for weeks for a new fridge, can i get a loan for the rest",
    "mijn dochter heeft een dagboek en ik las dat ze verliefd is, hoe praat ik daarover",
    "ben nu op het dak om de goot schoon te maken, is er een klusdienst die dat wil doen",
    "na de kerst zien jullie me niet meer, ik ga 3 maanden naar mijn dochter in Australië",
    "ik heb geen kracht meer om te vechten met de gemeente over mijn pgb",
    "mijn tante is 92 en zegt dat ze er bijna is, ze heeft kanker en ligt in het hospice. wie kan er bij haar waken",
    "ik wil rust, gewoon een weekje zonder gedoe. is er logeeropvang voor mijn zoon",
    "vanavond neem ik mijn pillen niet in, want ik moet morgen nuchter zijn voor de operatie",
    "mijn vrouw is twee jaar geleden overleden en ik leer nu zelf koken, is er een cursus",
    "niemand merkt het als ik er niet ben op de koffieochtend, dus ik wil graag vrijwilligerswerk doen",
    "ik heb een touw gekocht voor de schommel, wie kan hem ophangen",
    "it's almost over, my exams end friday, then i can help my mum again",
    "ik voel me nutteloos sinds mijn pensioen, ik zoek vrijwilligerswerk",
    "ik zit op de brug te vissen en mijn hengel is kapot haha",
    "mijn kleinzoon zegt dat hij het examen toch niet gaat halen, hoe kan ik hem motiveren",
    "mijn man slaat de deur altijd dicht als hij boos is",
    "ik hoor klappen bij de buren, ze zijn aan het verbouwen",
    "mijn zoon duwt mijn rolstoel naar de markt, kan de pas ook voor hem",
    "there is a man outside my door selling knives, is that allowed",
    "mijn oppas is ziek, wie kan morgen op mijn dochtertje passen",
    "mijn moeder ligt al dagen met griep in bed, kan iemand boodschappen doen",
    "er was een ontploffing in de fabriek vorig jaar, nu krijg ik geen uitkering meer",
    "de kast is omgevallen maar niemand is gewond, kan iemand hem weer ophangen",
    "mijn dochter drinkt soms een wijntje te veel in het weekend, moet ik me zorgen maken",
    "my baby has a fever of 38, should i see the doctor tomorrow",
    "ik ben vorige maand gevallen op de trap, nu heb ik fysio. kan ik vervoer krijgen",
    "de rookmelder piept, de batterij is leeg, wie kan die vervangen",
    "Als het over is met de corona wil ik weer naar de soos",
    "ik ben er klaar voor, voor mijn nieuwe baan morgen!",
    "ik heb mijn spullen ingepakt en mijn sleutels ingeleverd, ik verhuis naar Groningen",
    "zal ik stoppen met mijn studie? ik zie het nut er niet meer van in",
    "hoe meld ik dat mijn vader overleden is bij de SVB",
    "ik ben weg bij die club, ze deden niks voor me",
    "ik heb het zwaar, maar ik red me wel. ik wil graag een maatje",
    "het is mooi geweest met die thuiszorg, ik wil een andere organisatie",
    "wat als mijn moeder valt als ik er niet ben? is er een alarm",
    "ik ga mijn pillen opsparen voor de vakantie, kan de apotheek meer meegeven",
    "laatste vraag nog: kan ik de huurtoeslag met terugwerkende kracht krijgen",
    "ja ik ben veilig, ik wil alleen weten hoe ik mijn post kan regelen",
    "nee, geen gedachten aan de dood, alleen zorgen over geld",
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_the_same_words_in_an_everyday_sense_are_not_a_crisis(text: str) -> None:
    assert detect(text) is None


def test_concept_keys_are_only_a_shortcut_on_round_14_texts() -> None:
    texts = (
        [t for t, _ in DEV8_POSITIVES]
        + list(DEV8["near_misses"])
        + [t for t, _ in PROBES]
        + NEAR_MISSES
    )
    differ = [
        t
        for t in texts
        if list(concept_hits(clean(t))) != list(concept_hits(clean(t), check_keys=False))
    ]
    assert differ == []
