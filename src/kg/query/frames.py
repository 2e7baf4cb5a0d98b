"""Query results as pandas DataFrames, with the right dtypes: dates as datetime64 (a year or a month
as its first day, with a ``<column>Precision`` column), integers as Int64, numbers as Float64,
booleans as boolean, everything else (IRIs, text) as string. pandas is imported when used.
"""

from __future__ import annotations

import re
from typing import Any

from rdflib import Literal
from rdflib.namespace import XSD

DATE_TYPES = {str(XSD.date): "day", str(XSD.dateTime): "day", str(XSD.gYearMonth): "month", str(XSD.gYear): "year"}
NUMBER_TYPES = {str(XSD.decimal), str(XSD.double), str(XSD.float)}
INTEGER_TYPES = {str(XSD.integer), str(XSD.int), str(XSD.long), str(XSD.nonNegativeInteger)}


def _convert_column(values: list[object]):
    """A pandas Series of the right dtype for one column of RDF terms."""
    import pandas as pd

    present = [v for v in values if v is not None]
    datatypes = {str(v.datatype) for v in present if isinstance(v, Literal) and v.datatype is not None}
    if present and all(isinstance(v, Literal) and v.datatype is not None for v in present):
        if datatypes <= set(DATE_TYPES):
            return pd.to_datetime([_period_start(v) for v in values]), datatypes
        if datatypes <= INTEGER_TYPES:
            return pd.array([int(v) if v is not None else None for v in values], dtype="Int64"), datatypes
        if datatypes <= NUMBER_TYPES | INTEGER_TYPES:
            return pd.array([float(v) if v is not None else None for v in values], dtype="Float64"), datatypes
        if datatypes == {str(XSD.boolean)}:
            return pd.array([bool(v.toPython()) if v is not None else None for v in values], dtype="boolean"), datatypes
    return pd.array([str(v) if v is not None else None for v in values], dtype="string"), datatypes


def _period_start(value: object) -> str | None:
    """The first day of a date, month or year, as the calendar day written: a timezone is dropped
    (``"2020Z"`` -> ``"2020-01-01"``, ``"2024-05-06+02:00"`` -> ``"2024-05-06"``; see docs/modelling.md).

    >>> _period_start("2020Z"), _period_start("2019-02"), _period_start("2024-05-06+02:00")
    ('2020-01-01', '2019-02-01', '2024-05-06')
    """
    if value is None:
        return None
    text = re.sub(r"(Z|[+-][0-9]{2}:[0-9]{2})$", "", str(value))
    if "T" in text:  # a dateTime: its day
        return text[:10]
    return text + "-01-01" if len(text) == 4 else text + "-01" if len(text) == 7 else text


def to_frame(result):
    """A query result as a DataFrame: dates as datetime64 (a year or month as its first day, with a
    ``<column>Precision`` column saying so), numbers as numbers, booleans as bool, IRIs as strings."""
    import pandas as pd

    columns: dict[str, Any] = {}
    for name in result.variables:
        values = [row.get(name) for row in result.rows]
        series, datatypes = _convert_column(values)
        columns[name] = series
        if (
            datatypes <= set(DATE_TYPES)
            and len({DATE_TYPES[d] for d in datatypes})
            and datatypes
            - {
                str(XSD.date),
                str(XSD.dateTime),
            }
        ):
            columns[f"{name}Precision"] = pd.array(
                [DATE_TYPES[str(v.datatype)] if v is not None else None for v in values], dtype="string"
            )
    return pd.DataFrame(columns)
