"""The title of a document: its headline, not the web page's boilerplate around it.

Texts copied from municipal web sites and minute systems start with skip links (``Gå direkt
till innehåll``, ``Hyppää sisältöön``), menus, search boxes, RSS links, cookie notices, bylines
and meeting references before the headline. :func:`headline` skips those lines (Swedish, Finnish
and English forms) and returns the first line that reads like a heading, a Markdown heading
first; :func:`shorten` cuts a long title at a word boundary and marks the cut with ``…``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

#: The longest title kept whole, in characters (a longer one is cut at a word and ends with "…").
TITLE_LIMIT = 200

# whole lines that are a web page's or a minute system's furniture, in Swedish, Finnish and English
_FURNITURE = re.compile(
    r"""^(?:
      # skip links
      (?:gå|hoppa|hoppa\s+över|skippa)\s+(?:direkt\s+)?(?:till\s+)?(?:huvud)?(?:innehåll(?:et)?|navigering(?:en)?|menyn?)
    | (?:till|direkt\s+till)\s+(?:huvud)?innehåll(?:et)?
    | (?:siirry|hyppää|hyppä|ohita)\s+(?:suoraan\s+)?(?:pää)?(?:sisältöön|valikkoon|navigaatioon|valikko|navigaatio)
    | skip\s+(?:to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|menu)|navigation|links)
    | jump\s+to\s+(?:main\s+)?content
      # menus, navigation, breadcrumbs
    | (?:huvud|snabb|under)?meny(?:n)?(?:\s+(?:dold|visas|öppen|stängd))?
    | (?:öppna|stäng|visa|dölj)\s+(?:huvud)?meny(?:n)?
    | (?:pää|ala)?valikko|(?:avaa|sulje|näytä|piilota)\s+(?:pää)?valikko
    | (?:main\s+)?menu|(?:open|close|toggle)\s+(?:main\s+)?menu|navigation|navigering|navigointi
    | du\s+är\s+här:?.*|olet\s+tässä:?.*|you\s+are\s+here:?.*|breadcrumbs?|brödsmulor|murupolku
    | startsida|etusivu|home(?:\s*page)?|tillbaka|takaisin|back|toppen|till\s+toppen|sivun\s+alkuun|back\s+to\s+top
      # search
    | sök(?:\s+på\s+(?:webbplatsen|sajten))?|sökfält|haku|hae|hae\s+sivustolta|search(?:\s+the\s+site)?
      # cookies
    | .*\b(?:cookies?|kakor|kakorna|evästee(?:t|ttä|tä|n|ns)|evästeitä|evästeiden)\b.*
    | (?:acceptera|godkänn|hyväksy|hylkää|accept|reject)(?:\s+\w+){0,3}
      # reading aids, sharing, printing, language choice, log-in
    | (?:lyssna|kuuntele|listen)(?:\s+\w+){0,3}|(?:skriv\s+ut|tulosta|print)(?:\s+\w+){0,2}|printicon
    | (?:dela|jaa|share)(?:\s+\w+){0,3}|in\s+english|på\s+svenska|suomeksi|svenska|suomi|english|språk|kieli|language
    | (?:logga\s+in|kirjaudu(?:\s+sisään)?|log\s*in|sign\s+in)
      # minute systems and news labels
    | (?:dynasty|tweb|cloudnc)\b.*|kokousasian\s+teksti|ärendets\s+text|päätöshistoria|beslutshistorik
    | lataa|ladda\s+ner|download|liitteet|bilagor|attachments
    | pressmeddelande|tiedote|lehdistötiedote|nyhet(?:er)?|uutiset|uutinen|news|press\s+release
    )[\s.:\-–—|]*$""",
    re.IGNORECASE | re.VERBOSE,
)
# a labelled line of metadata: Publicerad: 2023-08-24, Fotograf/Källa: Canva, Kuva: …
_LABEL = re.compile(
    r"^(?:publicerad|publiceringsdatum|publicerat|uppdaterad|senast\s+uppdaterad|ändrad|datum|julkaistu|"
    r"päivitetty|muokattu|päivämäärä|päätöspäivämäärä|published|updated|date|fotograf|foto|bild|källa|"
    r"kuva|kuvaaja|lähde|photo|image|credit|text|teksti|av|by|kirjoittaja|författare|ämne|aihe|kategori|"
    r"kategoria|category|taggar|tagit|tags|diarienummer|dnro|dnr|kontakt|yhteyshenkilö|contact)"
    r"(?:\s*/\s*\w+)?\s*[:\-–]",
    re.IGNORECASE,
)
# a full date anywhere in the line: 15.06.2022, 2023-08-24, 20 mar 2024, 12. kesäkuuta 2025
_FULL_DATE = re.compile(
    r"\b(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+[a-zåäö]{3,12}\s+\d{4}|"
    r"[a-zåäö]{3,9}\.?\s+\d{1,2},\s+\d{4})\b",
    re.IGNORECASE,
)
# a minute's item number before the item's heading: § 1, 12 §
_ITEM_NUMBER = re.compile(r"^(?:§\s*\d+[a-z]?|\d+\s*§)\s+(?=\S)")
# the navigation words that end a line of a site's header (Kokkolan kaupunki RSS Haku)
_NAV_WORDS = re.compile(r"\b(?:rss|sök|haku|search|meny|valikko|menu|logga\s+in|kirjaudu)\s*$", re.IGNORECASE)
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
# a line that is only a deciding body's name, a minute's header (Regionala utvecklingsnämnden,
# Kommunstyrelsen i Malå, Kemijärven kaupunginhallitus, Tekninen lautakunta)
_BODY_LINE = re.compile(
    r"^(?:[\w-]+\s+){0,3}(?:\w*nämnd(?:en)?|\w*styrelse(?:n)?|\w*fullmäktige|\w*utskott(?:et)?|"
    r"\w*hallitus|\w*valtuusto|\w*lautakunta|\w*jaosto)(?:\s+i\s+[A-ZÅÄÖ]\w+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Headline:
    """A document's title and where it starts in the text (a character offset)."""

    title: str
    start: int


def shorten(text: str, limit: int = TITLE_LIMIT) -> str:
    """``text`` with its whitespace collapsed; when longer than ``limit`` characters, cut at the
    last word boundary within the limit and ended with "…" (the result is at most ``limit``).

    >>> shorten("Kommunerna samverkar")
    'Kommunerna samverkar'
    >>> shorten("Kommunerna i Norrbotten samverkar om kompetens", 30)
    'Kommunerna i Norrbotten…'
    >>> shorten("Kuntayhteistyö", 8)
    'Kuntayh…'
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    room = text[: limit - 1]
    cut = room.rfind(" ")
    if cut > 0:
        room = room[:cut]
    return room.rstrip(" ,;:–—-") + "…"


def is_furniture(line: str) -> bool:
    """Whether a line is a page's or a minute system's furniture, not a headline: a skip link,
    menu, search box, RSS link, cookie notice, share or print button, a metadata label
    (``Publicerad:``), a byline or meeting reference with a date (``Nyheter 15.06.2022 Anna
    Berg``, ``Pöytäkirja 16.03.2026/Pykälä 88``), a label ending in a colon, a single word, or a
    line with no letters.

    >>> [is_furniture(x) for x in ("Gå direkt till innehåll", "Hyppää sisältöön", "Kokkolan kaupunki RSS Haku")]
    [True, True, True]
    >>> [is_furniture(x) for x in ("Tämä sivusto käyttää evästeitä", "Publicerad: 2023-08-24", "Norsjö")]
    [True, True, True]
    >>> is_furniture("64,7 miljoner till utvecklingsprojekt i Västerbotten")
    False
    """
    line = " ".join(line.split()).strip("\"'”“»« ")
    words = re.findall(r"[^\W\d_][\w'’-]*", line)
    if len(words) < 2 or len(line) < 8:
        return True  # a single word: a place, a section, a button, an identifier
    if _FURNITURE.match(line) or _LABEL.match(line) or re.match(r"^(?:https?://|www\.)", line, re.IGNORECASE):
        return True
    if line.endswith(":") and len(words) <= 4:
        return True  # Kokousasiat:, Deltagare:
    if re.search(r"\b(?:rss|https?://)", line, re.IGNORECASE) and len(words) <= 8:
        return True
    if _NAV_WORDS.search(line) and len(words) <= 6:
        return True
    # a byline, a dateline or a minute's reference: a date and a few words (Pöytäkirja 16.03.2026/Pykälä 88)
    return bool(_FULL_DATE.search(line)) and len(words) <= 6


def _heading_like(line: str) -> bool:
    """A line that reads like a heading: no full stop inside it, at most 30 words."""
    body = line.rstrip()
    words = body.split()
    if len(words) > 30:
        return False
    return not re.search(r"[.!?]\s+\S", body)


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def headline(text: str, headings: Iterable[int] = ()) -> Headline | None:
    """The title of ``text``: the first Markdown heading that is not furniture (``headings``: the
    offsets where heading lines start, since the Markdown reader blanks the ``#`` marks; a ``#``
    left in the text counts too), else the first line that is not furniture. A heading wrapped
    over two lines is joined; a paragraph of running text gives its first sentence; a minute's
    item number (``§ 1``) is left out. ``None`` when every line is furniture.

    >>> headline("Hyppää sisältöön\\n\\nKuntien yhteinen hanke alkaa\\n\\nHanke alkaa syksyllä.").title
    'Kuntien yhteinen hanke alkaa'
    >>> headline("Gå till innehåll\\nMeny\\n# Ny satsning i Norrbotten\\nText.", ()).title
    'Ny satsning i Norrbotten'
    >>> headline("§ 4 Osallistuminen hankkeeseen\\n\\nKaupunki osallistuu.").title
    'Osallistuminen hankkeeseen'
    >>> headline("Tekninen lautakunta\\n\\n§ 7 Uusi silta\\n\\nSilta rakennetaan.").title
    'Uusi silta'
    """
    lines = list(_lines(text))
    marked = set(headings)
    starts = [pos for pos, line in lines if _MARKDOWN_HEADING.match(line.lstrip())]
    for pos, line in lines:
        if pos in marked or pos + (len(line) - len(line.lstrip())) in marked:
            starts.append(pos)
    heading_starts = set(starts)
    for pos, line in [(p, ln) for p, ln in lines if p in heading_starts]:
        stripped = _MARKDOWN_HEADING.sub("", line.strip()).strip()
        if stripped and not is_furniture(stripped):
            return _make(stripped, pos + line.find(stripped[:1]))
    for index, (pos, line) in enumerate(lines):
        stripped = line.strip()
        if not stripped or is_furniture(stripped):
            continue
        if _BODY_LINE.match(stripped) and any(
            more.strip() and not is_furniture(more.strip()) for _, more in lines[index + 1 :]
        ):
            continue  # a minute's header names its body (Regionala utvecklingsnämnden): the item is the title
        start = pos + line.find(stripped[:1])
        if not _heading_like(stripped):
            # running text: its first sentence stands for the title
            first = re.split(r"(?<=[.!?])\s+(?=[\"”A-ZÅÄÖÜ0-9–-])", stripped, maxsplit=1)[0]
            return _make(first, start)
        # a heading wrapped over lines: the next lines of its paragraph that go on in lower case
        parts = [stripped]
        for _, more in lines[index + 1 :]:
            more = more.strip()
            if not more or not more[:1].islower() or re.search(r"[.!?]$", parts[-1]):
                break
            parts.append(more)
        return _make(" ".join(parts), start)
    return None


def _make(title: str, start: int) -> Headline:
    number = _ITEM_NUMBER.match(title)
    if number:
        title, start = title[number.end() :], start + number.end()
    title = re.sub(r"(?<![.\s])\.$", "", title.strip())  # a headline has no full stop
    return Headline(shorten(title), start)
