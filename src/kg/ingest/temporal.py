"""General knowledge of when things happen: how a date told twice at different precisions is
kept, the year an inquiry's number carries, and the words that end a period.

A text often gives a period twice: first coarsely (``Projektet pågår 2023–2025``, ``vuosina
2024–2026``) and then to the day (``startar den 1 april 2023 och avslutas den 31 december 2025``,
``Hanke alkaa 1.1.2024``). The modelling guide records a date "at the precision written"
(docs/modelling.md, *Dates*): the finer one is the one the text gives, so it replaces the coarser
one when it lies inside it (:func:`refine`); a finer date that contradicts the coarser one (another
year) is left for the reviewer and does not replace it.
"""

from __future__ import annotations

import re

#: An inquiry or a government report named by its series, year and number (``SOU 2024:6``,
#: ``Ds 2023:12``, ``VM 2021:4``): published, so started, in that year.
NUMBERED_REPORT = re.compile(r"^(?:SOU|Ds|Dir\.?|prop\.?|VM|TEM|STM|OKM|MMM|LVM|YM|SM)\s+((?:19|20)\d\d)\s*:\s*\d+")
#: Words that tell an initiative's end without a verb of ending (``ska vara klar hösten 2024``,
#: ``valmistuu vuonna 2025``, ``slutförs``, ``päättyy``).
FINISHED = re.compile(
    r"\b(?:(?:vara|bli|blir|är|var|stå|står) (?:klar|klart|färdig|färdigt)|slutförs|slutföras|slutrapporteras|avslutad|"
    r"valmistuu|valmistua|valmistui|päättyy|päättyi|loppuu|päätökseen)\b",
    re.IGNORECASE,
)


def refine(old: str | None, new: str | None) -> str | None:
    """The date to keep when ``old`` is known and the text gives ``new`` too: the finer one when it
    lies inside the coarser (``2023`` and ``2023-04-01``: the day; ``2024-05`` and ``2024-05-08``:
    the day), else ``old`` (a date already as fine, or another year: not replaced).

    >>> refine("2023", "2023-04-01"), refine("2024-05", "2024-05-08"), refine(None, "2024")
    ('2023-04-01', '2024-05-08', '2024')
    >>> refine("2023", "2024-04-01"), refine("2023-04-01", "2023")
    ('2023', '2023-04-01')
    """
    if old is None:
        return new
    if new is None or len(new) <= len(old) or not new.startswith(old):
        return old
    return new


def refine_period(entity, start: str | None, end: str | None) -> bool:
    """Give ``entity`` (any object with ``start`` and ``end``) the finer of its period and
    (``start``, ``end``), each by :func:`refine`; the end only where the start allows it (never
    before the start). Returns whether anything changed.

    >>> from types import SimpleNamespace
    >>> e = SimpleNamespace(start="2023", end="2025")
    >>> refine_period(e, "2023-04-01", "2025-12-31"), e.start, e.end
    (True, '2023-04-01', '2025-12-31')
    """
    before = (entity.start, entity.end)
    new_start = refine(entity.start, start)
    new_end = refine(entity.end, end)
    if new_start and new_end and new_end[: len(new_start)] < new_start[: len(new_end)]:
        return False  # an end before its start: the text's dates are not of one period
    entity.start, entity.end = new_start, new_end
    return (entity.start, entity.end) != before


def year_of_numbered_report(name: str) -> str | None:
    """The year an inquiry or report carries in its number (``SOU 2024:6`` -> ``2024``), else None.

    >>> year_of_numbered_report("SOU 2024:6"), year_of_numbered_report("Ds 2019:7 Ett nytt stöd")
    ('2024', '2019')
    >>> year_of_numbered_report("Projektet 2024")
    """
    found = NUMBERED_REPORT.match(name)
    return found.group(1) if found else None


def finished(text: str) -> bool:
    """Whether ``text`` tells an end with a word of finishing (:data:`FINISHED`).

    >>> finished("Förstudien ska vara klar hösten 2024."), finished("Selvitys valmistuu vuonna 2025.")
    (True, True)
    >>> finished("Förstudien startar hösten 2024.")
    False
    """
    return bool(FINISHED.search(text))


#: The months' names by language, January first (Finnish in the nominative: ``tammikuu``).
MONTHS = {
    "sv": [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "fi": [
        "tammikuu",
        "helmikuu",
        "maaliskuu",
        "huhtikuu",
        "toukokuu",
        "kesäkuu",
        "heinäkuu",
        "elokuu",
        "syyskuu",
        "lokakuu",
        "marraskuu",
        "joulukuu",
    ],
}
_SV_MONTHS = tuple(MONTHS["sv"])
_FI_MONTHS = tuple(name.removesuffix("kuu") for name in MONTHS["fi"])  # the stems the cases are added to
#: A month named without its year (``i mars``, ``från september``, ``maaliskuussa``, ``syyskuun
#: alussa``, ``elokuusta alkaen``): read in the document's year.
_SV_BARE_MONTH = re.compile(
    r"\b(?:i|under|från|till|sedan|efter|före|(?:i|mot)\s+(?:början|slutet|mitten)\s+av|fram\s+till)\s+"
    rf"({'|'.join(_SV_MONTHS)})\b(?!\s*(?:\d|[-–]))",
    re.IGNORECASE,
)
_FI_BARE_MONTH = re.compile(
    rf"\b({'|'.join(_FI_MONTHS)})(?:kuussa|kuusta|kuuhun|kuulle|kuuhun\s+mennessä|"
    r"kuun\s+(?:alussa|alusta|lopussa|lopulla|aikana|puolivälissä|alkupuolella|loppupuolella|loppuun))\b"
    r"(?!\s+(?:vuonna\s+)?(?:19|20)\d\d)",
    re.IGNORECASE,
)


def months_without_year(text: str, lang: str, year: int | None) -> list[tuple[str, int, int]]:
    """The months ``text`` names without a year, as ``xsd:gYearMonth`` in the document's ``year``
    with their character span (``[]`` when the year is not known: a month is not guessed from
    today's date).

    >>> months_without_year("Arbetet påbörjas i mars och avslutas i december.", "sv", 2024)
    [('2024-03', 17, 23), ('2024-12', 37, 47)]
    >>> months_without_year("Hanke käynnistyy syyskuun alussa.", "fi", 2025)
    [('2025-09', 17, 32)]
    >>> months_without_year("Hanke käynnistyy syyskuussa 2026.", "fi", 2025), months_without_year("i maj", "sv", None)
    ([], [])
    """
    if year is None:
        return []
    if lang == "sv":
        pattern, names = _SV_BARE_MONTH, [m[:3] for m in _SV_MONTHS]
    else:
        pattern, names = _FI_BARE_MONTH, list(_FI_MONTHS)
    found = []
    for m in pattern.finditer(text):
        word = m.group(1).lower()
        number = next(i for i, name in enumerate(names, start=1) if word.startswith(name))
        found.append((f"{year}-{number:02d}", m.start(), m.end()))
    return found


_MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "ma[yj]", "jun", "jul", "aug", "sep", "o[ck]t", "nov", "dec")
#: A day written month first, as news services print it (``Dec 12, 2023``, ``maj 6, 2024``).
MONTH_FIRST_DAY = re.compile(
    rf"\b({'|'.join(_MONTH_ABBREVIATIONS)})[a-z]*\.?\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b", re.IGNORECASE
)


def month_first_days(text: str) -> list[tuple[str, int, int]]:
    """The days ``text`` writes month first (:data:`MONTH_FIRST_DAY`), as ``xsd:date`` with their
    character span.

    >>> month_first_days("Pressmeddelande • Dec 12, 2023 10:15 CET")
    [('2023-12-12', 18, 30)]
    >>> month_first_days("maj 6, 2024"), month_first_days("Mars 2024")
    ([('2024-05-06', 0, 11)], [])
    """
    found = []
    for m in MONTH_FIRST_DAY.finditer(text):
        word = m.group(1).lower()
        number = next(i for i, p in enumerate(_MONTH_ABBREVIATIONS, start=1) if re.fullmatch(p, word[:3]))
        day = int(m.group(2))
        if 1 <= day <= 31:
            found.append((f"{m.group(3)}-{number:02d}-{day:02d}", m.start(), m.end()))
    return found


#: A line that is a dateline: a press label or the publisher's place before a day
#: (``Pressmeddelande • Dec 12, 2023``, ``Tiedote, Oulu, 22. kesäkuuta 2015``, ``Nyheter 2023-12-12``).
_DATELINE_WORDS = re.compile(
    r"\b(?:pressmeddelande|nyhet|nyheter|tiedote|lehdistötiedote|uutinen|uutiset|publicerad|julkaistu|"
    r"datum|päivämäärä|sammanträdesdatum|kokouspäivämäärä|kokouspäivä|protokoll|pöytäkirja)\b",
    re.IGNORECASE,
)


def dateline(text: str, days, head_lines: int = 8, skip=None) -> str | None:
    """The day of the dateline at the head of ``text``: one of its first ``head_lines`` non-empty
    lines, short (at most eight words) and either labelled (:data:`_DATELINE_WORDS`) or nothing but a
    place and the day; ``days`` finds the days of a line (``FoundDate``-like objects with ``start``
    and ``precision``; the days :func:`month_first_days` finds are added); ``skip`` tells a line that
    is no dateline (one that says when something starts or ends). None when the head has no such
    line.

    >>> dateline("Pressmeddelande • Dec 12, 2023 10:15 CET\\n\\nRubrik här", lambda line: [])
    '2023-12-12'
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()][:head_lines]
    for line in lines:
        words = re.findall(r"[^\W\d_]+", line)
        if len(words) > 8 or (skip is not None and skip(line)):
            continue
        found = [d.start for d in days(line) if d.precision == "day" and not d.end]
        found += [iso for iso, _, _ in month_first_days(line)]
        if not found:
            continue
        if _DATELINE_WORDS.search(line) or len(words) <= 3:
            return found[0]
    return None


#: What joins two dates into one period: a dash, ``till``, ``till och med``, ``t.o.m.``, ``to``;
#: ``och``/``ja`` only after a word that opens a period (``mellan 2024 och 2027``, ``vuosina 2024 ja
#: 2025``); the Finnish ``alkaen … saakka``/``asti`` and ``-sta … -hun`` (``tammikuusta 2024
#: joulukuuhun 2026``).
_RANGE_JOIN = re.compile(
    r"^\s*(?:[-–—]|till(?:\s+och\s+med)?|t\.?\s?o\.?\s?m\.?|fram\s+till|to|until|alkaen|lähtien)?\s*(?:den\s+)?$",
    re.IGNORECASE,
)
_PAIR_JOIN = re.compile(r"^\s*(?:och|ja)\s+(?:den\s+)?$", re.IGNORECASE)
_PAIR_OPENS = re.compile(r"\b(?:mellan|åren|vuosina|vuosien|välillä|välisenä)\s*$", re.IGNORECASE)


def join_periods(text: str, found: list, make) -> list:
    """``found`` (dates in text order, ``FoundDate``-like: ``start``, ``end``, ``precision``,
    ``char_start``, ``char_end``) with each pair that one period spans joined into one date with an
    end, made by ``make(start, end, precision, char_start, char_end)``: ``från 1 mars 2024 till 28
    februari 2026``, ``januari 2024 – december 2026``, ``mellan 2024 och 2027``, ``1.3.2024 alkaen
    28.2.2026 saakka``. Two days joined by a bare ``och`` (``den 6 och den 8 maj``) stay two, and a
    pair whose second date is not later is not joined.

    >>> from types import SimpleNamespace as D
    >>> make = lambda *a: D(start=a[0], end=a[1], precision=a[2], char_start=a[3], char_end=a[4])
    >>> years = [make("2024", None, "year", 5, 9), make("2027", None, "year", 15, 19)]
    >>> [(d.start, d.end) for d in join_periods("från 2024 till 2027", years, make)]
    [('2024', '2027')]
    >>> [(d.start, d.end) for d in join_periods("från 2024 och 2027", years, make)]
    [('2024', None), ('2027', None)]
    """
    out: list = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if b is not None and a.end is None and b.end is None and a.start < b.start:
            between = text[a.char_end : b.char_start]
            paired = _PAIR_JOIN.match(between) and _PAIR_OPENS.search(text[max(0, a.char_start - 12) : a.char_start])
            elative = (
                re.search(r"(?:sta|stä)\s+(?:19|20)\d\d$", text[a.char_start : a.char_end]) and not between.strip()
            )
            if (_RANGE_JOIN.match(between) and (between.strip() or elative)) or paired:
                out.append(make(a.start, b.start, a.precision, a.char_start, b.char_end))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


#: Two years that a word of period joins with ``och``/``ja``: ``mellan 2024 och 2027``, ``åren 2024
#: och 2025``, ``vuosina 2024 ja 2025``, ``vuosien 2020 ja 2022 välillä``.
YEAR_PAIR = re.compile(
    r"\b(?:mellan|åren|vuosina|vuosien|vuosille)\s+((?:19|20)\d\d)\s+(?:och|ja)\s+((?:19|20)\d\d)\b", re.IGNORECASE
)


def year_pairs(text: str) -> list[tuple[str, str, int, int]]:
    """The periods ``text`` gives as two years joined by ``och``/``ja`` after a word of period
    (:data:`YEAR_PAIR`), as (start, end, character start, character end); a pair not in order is none.

    >>> year_pairs("Projektet pågår mellan 2024 och 2027."), year_pairs("vuosina 2025 ja 2024")
    ([('2024', '2027', 16, 36)], [])
    """
    return [(m.group(1), m.group(2), m.start(), m.end()) for m in YEAR_PAIR.finditer(text) if m.group(1) < m.group(2)]


_PAST = re.compile(
    r"\b(?:\w+(?:ade|ades|des|tes|ats)|startade|inleddes|påbörjades|genomfördes|avslutades|"
    r"alkoi|käynnistyi|aloitti|aloittivat|päättyi|\w+ttiin|\w+tiin)\b",
    re.IGNORECASE,
)
_COMING = re.compile(
    r"\b(?:ska|skall|kommer att|planeras|startar|påbörjas|inleds|avslutas|"
    r"alkaa|käynnistyy|aloittaa|aloittavat|päättyy|toteutetaan|tullaan|on tarkoitus)\b",
    re.IGNORECASE,
)


def year_of_bare_month(month: str, sentence: str, issued: str | None) -> str:
    """The ``gYearMonth`` of a month named without its year (``month``, read in the document's year)
    moved to the year the sentence's tense puts it in, against the day the document was ``issued``:
    a month after the issued one told in the past (``startade i oktober``, published in March) was
    last year's; one before it told as coming (``startar i mars``, published in November) is next
    year's. Unchanged without a full issued date or a tense.

    >>> year_of_bare_month("2024-10", "Projektet startade i oktober.", "2024-03-05")
    '2023-10'
    >>> year_of_bare_month("2024-03", "Hanke alkaa maaliskuussa.", "2024-11-20")
    '2025-03'
    >>> year_of_bare_month("2024-05", "Projektet startar i maj.", "2024-03-05")
    '2024-05'
    >>> year_of_bare_month("2024-01-15", "Projektet startar den 15 januari.", "2024-12-10")
    '2025-01-15'
    """
    if issued is None or len(issued) < 10 or issued[:4] != month[:4]:
        return month
    year, at, told = int(month[:4]), month[5:], issued[5 : len(month)]
    if at > told and _PAST.search(sentence) and not _COMING.search(sentence):
        return f"{year - 1}-{at}"
    if at < told and _COMING.search(sentence) and not _PAST.search(sentence):
        return f"{year + 1}-{at}"
    return month
