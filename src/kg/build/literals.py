"""Whether a literal's lexical form is in the lexical space of its XSD datatype.

One check for both engines (rdflib accepts ``"1_000"^^xsd:integer`` through Python's ``int``,
Oxigraph checks 12 datatypes): every built-in XSD 1.1 datatype is checked against the grammar of
`XML Schema 1.1 Part 2 <https://www.w3.org/TR/xmlschema11-2/>`_, with ASCII digits only, the
value ranges of the bounded integer types, and real calendar days. The lexical form is judged as
written: no whitespace is trimmed.

>>> well_formed("1_000", XSD + "integer"), well_formed("1000", XSD + "integer")
(False, True)
>>> well_formed("NaN", XSD + "decimal"), well_formed("NaN", XSD + "double")
(False, True)
>>> well_formed("2024-02-30", XSD + "date"), well_formed("2024-05-06+02:00", XSD + "date")
(False, True)
>>> well_formed("300", XSD + "byte"), well_formed("P1.5Y", XSD + "duration")
(False, False)
>>> well_formed("anything", "https://example.org/own-datatype")
True
"""

from __future__ import annotations

import re
from calendar import monthrange

XSD = "http://www.w3.org/2001/XMLSchema#"

_YEAR = r"-?(?:[1-9][0-9]{3,}|0[0-9]{3})"
_MONTH = r"(?:0[1-9]|1[0-2])"
_DAY = r"(?:0[1-9]|[12][0-9]|3[01])"
_TZ = r"(?:Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))"
_TIME = r"(?:(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?|24:00:00(?:\.0+)?)"
_DECIMAL = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
_FLOAT = rf"(?:{_DECIMAL}(?:[eE][+-]?[0-9]+)?|[+-]?INF|NaN)"
_DU_YM = r"(?:[0-9]+Y(?:[0-9]+M)?|[0-9]+M)"
_DU_TIME = r"T(?:[0-9]+H(?:[0-9]+M)?(?:[0-9]+(?:\.[0-9]+)?S)?|[0-9]+M(?:[0-9]+(?:\.[0-9]+)?S)?|[0-9]+(?:\.[0-9]+)?S)"
_DU_DT = rf"(?:[0-9]+D(?:{_DU_TIME})?|{_DU_TIME})"
_NAME_START = (
    r"A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D"
    r"\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD"
)
_NAME_CHAR = _NAME_START + r"\-.0-9\u00B7\u0300-\u036F\u203F-\u2040"

_PATTERNS: dict[str, str] = {
    "boolean": r"true|false|1|0",
    "decimal": _DECIMAL,
    "integer": r"[+-]?[0-9]+",
    "float": _FLOAT,
    "double": _FLOAT,
    "date": rf"({_YEAR})-({_MONTH})-({_DAY}){_TZ}?",
    "dateTime": rf"({_YEAR})-({_MONTH})-({_DAY})T{_TIME}{_TZ}?",
    "dateTimeStamp": rf"({_YEAR})-({_MONTH})-({_DAY})T{_TIME}{_TZ}",
    "time": rf"{_TIME}{_TZ}?",
    "gYear": rf"{_YEAR}{_TZ}?",
    "gYearMonth": rf"{_YEAR}-{_MONTH}{_TZ}?",
    "gMonth": rf"--{_MONTH}{_TZ}?",
    "gMonthDay": rf"--({_MONTH})-({_DAY}){_TZ}?",
    "gDay": rf"---{_DAY}{_TZ}?",
    "duration": rf"-?P(?:{_DU_YM}(?:{_DU_DT})?|{_DU_DT})",
    "yearMonthDuration": rf"-?P{_DU_YM}",
    "dayTimeDuration": rf"-?P{_DU_DT}",
    "hexBinary": r"(?:[0-9a-fA-F]{2})*",
    "base64Binary": r"(?:(?:[A-Za-z0-9+/] ?){4})*(?:(?:[A-Za-z0-9+/] ?){3}[A-Za-z0-9+/]|(?:[A-Za-z0-9+/] ?){2}"
    r"[AEIMQUYcgkosw048] ?=|[A-Za-z0-9+/] ?[AQgw] ?= ?=)?",
    "normalizedString": r"[^\t\n\r]*",
    "token": r"(?:[^\s](?:[^\t\n\r ]| (?! ))*)?(?<! )",
    "language": r"[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*",
    "NMTOKEN": rf"[{_NAME_CHAR}:]+",
    "Name": rf"[{_NAME_START}:][{_NAME_CHAR}:]*",
    "NCName": rf"[{_NAME_START}][{_NAME_CHAR}]*",
    "ENTITY": rf"[{_NAME_START}][{_NAME_CHAR}]*",
    "ID": rf"[{_NAME_START}][{_NAME_CHAR}]*",
    "IDREF": rf"[{_NAME_START}][{_NAME_CHAR}]*",
    "anyURI": r"[^\s<>\"{}|\\^`]*",
    "string": r"[^\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]*",
}
_RANGES: dict[str, tuple[int | None, int | None]] = {
    "nonNegativeInteger": (0, None),
    "positiveInteger": (1, None),
    "nonPositiveInteger": (None, 0),
    "negativeInteger": (None, -1),
    "long": (-(2**63), 2**63 - 1),
    "int": (-(2**31), 2**31 - 1),
    "short": (-(2**15), 2**15 - 1),
    "byte": (-128, 127),
    "unsignedLong": (0, 2**64 - 1),
    "unsignedInt": (0, 2**32 - 1),
    "unsignedShort": (0, 2**16 - 1),
    "unsignedByte": (0, 255),
}
_COMPILED = {name: re.compile(pattern) for name, pattern in _PATTERNS.items()}
_INTEGER = re.compile(r"[+-]?[0-9]+")

#: the XSD datatypes whose lexical forms are checked (local names)
CHECKED = frozenset(_PATTERNS) | frozenset(_RANGES)


def well_formed(lexical: str, datatype: str) -> bool:
    """Whether ``lexical`` is a valid lexical form of ``datatype`` (an IRI); other datatypes pass."""
    if not datatype.startswith(XSD):
        return True
    name = datatype[len(XSD) :]
    if name in _RANGES:
        if not _INTEGER.fullmatch(lexical):
            return False
        low, high = _RANGES[name]
        value = int(lexical)
        return (low is None or value >= low) and (high is None or value <= high)
    pattern = _COMPILED.get(name)
    if pattern is None:
        return True
    match = pattern.fullmatch(lexical)
    if match is None:
        return False
    if name in ("date", "dateTime", "dateTimeStamp"):
        year, month, day = (int(g) for g in match.groups()[:3])
        return day <= _days(year, month)
    if name == "gMonthDay":
        month, day = (int(g) for g in match.groups())
        return day <= (29 if month == 2 else monthrange(2001, month)[1])
    return True


def _days(year: int, month: int) -> int:
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)  # proleptic Gregorian, year 0 = 1 BCE
    return 29 if month == 2 and leap else monthrange(2001, month)[1]


__all__ = ["CHECKED", "XSD", "well_formed"]
