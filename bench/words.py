"""Small Finnish and English word lists the benchmark generator writes diary text from.

The words are the vocabulary of occupational-health partnerships (work ability, sick leave,
sponsors, pilots), so the full-text index sees realistic token distributions: a few very common
words, many medium ones and a long tail of rare ones.
"""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FI_WORDS = _words(
    "työkyky työkyvyn työterveys työterveyshuolto asiakas palveluntuottaja kumppanuus "
    "yhteistyö yhteistyön johtoryhmä esihenkilö esihenkilöt henkilöstö sairauspoissaolot "
    "sairauspoissaolojen varhainen tuki puheeksiotto malli mallin pilotti pilotin kokeilu "
    "tavoite tavoitteet mittari mittarit toimenpide toimenpiteet vastuuhenkilö aikataulu "
    "keskustelu keskusteltiin sovittiin päätettiin ehdotettiin todettiin huoli huolena "
    "resurssit kustannukset hyöty hyödyt arvo arvon luominen yhteinen ymmärrys luottamus "
    "sitoutuminen sitoutumista johdon tuki viestintä tiedottaminen kysely kyselyn tulokset "
    "palaute palautetta työpaja työpajassa haastattelu haastattelut ryhmä laajennettu "
    "työhyvinvointi kuormitus kiire muutos muutoksen organisaatio prosessi prosessin "
    "käytäntö käytännöt seuranta seurannan raportti raportoinnin kuukausittain neljännesvuosi "
    "varasto varaston kuljetus myymälä myynti logistiikka vuorotyö ikääntyvät työntekijät "
    "osatyökykyiset paluu töihin työhön paluun korvaava työ työterveyshoitaja lääkäri "
    "fysioterapeutti psykologi neuvottelu neuvottelut sopimus sopimuksen hinnoittelu "
    "ehdotus ehdotuksen ensi kerralla seuraavaksi hyvin huonosti hitaasti nopeasti "
    "selkeästi epäselvää epäselvä rooli roolit vastuut jako jaosta erilaiset logiikat "
    "tutkiminen hyödyntäminen kokeilla uudistaa kehittää arvioida mitata sopia"
)

EN_WORDS = _words(
    "work ability occupational health care customer provider partnership collaboration "
    "management team supervisor supervisors personnel sick leave absence early support "
    "model pilot trial objective objectives indicator indicators action actions owner "
    "schedule discussion discussed agreed decided proposed noted concern concerns "
    "resources costs benefit benefits value creation shared understanding trust "
    "commitment management support communication questionnaire results feedback "
    "workshop interview group extended wellbeing workload hurry change organization "
    "process practice practices follow-up report monthly quarterly warehouse transport "
    "store sales logistics shift work ageing employees partial work return to work "
    "modified duties nurse physician physiotherapist psychologist negotiation contract "
    "pricing proposal next time unclear clear roles responsibilities division logics "
    "exploration exploitation explore renew develop assess measure agree sponsor sponsors "
    "meeting minutes baseline data dashboard budget quarter target targets timeline"
)

# Sentence frames keep the text readable enough for snippets to look like real notes.
FI_OPENERS = (
    "Sovittiin, että",
    "Keskustelussa nousi esiin, että",
    "Asiakkaan edustaja totesi, että",
    "Työterveyshuolto ehdotti, että",
    "Johtoryhmä päätti, että",
    "Huomio:",
    "Idea:",
    "Esteenä on, että",
)
EN_OPENERS = (
    "We agreed that",
    "The discussion showed that",
    "The customer's representative said that",
    "The provider proposed that",
    "The management team decided that",
    "Note:",
    "Idea:",
    "The obstacle is that",
)

FI_NAMES = (
    "Aino Mäkelä",
    "Eero Järvinen",
    "Helmi Köykkä",
    "Jussi Väisänen",
    "Kaisa Östman",
    "Lauri Häkkinen",
    "Minna Lindström",
    "Olli Pöyhönen",
    "Päivi Nieminen",
    "Sami Ylönen",
    "Tiina Räsänen",
    "Ville Kärkkäinen",
)
EN_NAMES = (
    "Alice Brown",
    "Ben Carter",
    "Chloe Davies",
    "Daniel Evans",
    "Emma Foster",
    "Frank Green",
    "Grace Hughes",
    "Henry Irving",
)

CUSTOMER_NAMES = (
    "Tukkuliike Pohjola Oy",
    "Rakennus Kivijärvi Oy",
    "Kauppahuone Säde",
    "Meridian Logistics Ltd",
    "Kuljetus Ääninen Oy",
    "Northwind Retail",
)
PROVIDER_NAMES = (
    "Työterveys Apila",
    "Terveystalo Lähde",
    "WorkWell Health",
    "Työkykykeskus Kaari",
)
