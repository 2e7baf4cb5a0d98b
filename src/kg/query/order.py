"""A query's top-level ``ORDER BY`` done in Python, with Oxigraph's order, for Oxigraph's on-disk store.

On the build's on-disk store (RocksDB) every comparison of Oxigraph's ``ORDER BY`` decodes both terms
again: at a million triples ``ties`` takes 11.8 s of CPU with its ``ORDER BY`` and 2.5 s without,
for the same rows. :func:`plan` finds a SELECT query's top-level ``ORDER BY`` (and the ``LIMIT`` and
``OFFSET`` after it) with rdflib's SPARQL parser, and writes the query without them: each order key
that is not a projected variable (``STR(?x)``, ``COALESCE(...)``, ``(!BOUND(?x))``) becomes a hidden
projected variable that Oxigraph itself computes. :meth:`OrderPlan.sort` then sorts the rows as
Oxigraph does (``cmp_terms`` in Oxigraph's ``spareval``): unbound first, then blank nodes, IRIs and
literals; IRIs by their text; literals by value where SPARQL compares them (numbers, dates, times)
and otherwise by (lexical form, datatype, language tag); ``DESC`` reversed; rows with equal keys
keep the order in which the query produced them (a stable sort, as Oxigraph's).

Oxigraph's literal order is not a total order when one key mixes kinds of literals that compare by
value with others that do not (``9 < 10``, but ``10 < "5"`` and ``"5" < 9`` by text), so the
result would depend on the sorting algorithm; :meth:`OrderPlan.sort` then declines (returns
``None``) and the caller runs the query as written. It declines as well for values whose order it
does not model exactly (``NaN``, floats beside integers, durations, dates in mixed time zones).
A query is left as it is (``plan`` returns ``None``) when its ``ORDER BY`` is not at the top level,
uses ``REDUCED``, or, under ``DISTINCT``, orders by something that is not computed from the
projected variables alone.

>>> p = plan("SELECT ?s ?n WHERE { ?s ?p ?n } ORDER BY DESC(?n) STR(?s) LIMIT 2")
>>> print(p.text)
SELECT ?s ?n WHERE { ?s ?p ?n }
>>> from rdflib import Literal, URIRef
>>> rows = [{"s": URIRef("urn:b"), "n": Literal(1)}, {"s": URIRef("urn:a"), "n": Literal(10)},
...         {"s": URIRef("urn:c"), "n": Literal(1)}]
>>> [(str(row["s"]), int(row["n"])) for row in p.sort(["s", "n"], rows)[1]]
[('urn:a', 10), ('urn:b', 1)]
>>> print(plan("SELECT ?s WHERE { ?s ?p ?o } ORDER BY UCASE(?o)").text)  # Oxigraph computes UCASE
SELECT ?s (UCASE(?o) AS ?__kg_order_0) WHERE { ?s ?p ?o }
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from rdflib import BNode, Literal, URIRef

_XSD = "http://www.w3.org/2001/XMLSchema#"
_STRING = _XSD + "string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
HIDDEN = "__kg_order_"

_TOKEN = re.compile(
    r"""(?P<comment>\#[^\n]*)
    |(?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    |(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    |(?P<var>[?$][^\s(){}\[\],;.!=<>+*/|&^"'\#-]+)
    |(?P<word>[A-Za-z_][A-Za-z0-9_\-]*(?::[^\s(){}\[\],;"'\#]*)?|:[^\s(){}\[\],;"'\#]*)
    |(?P<open>[({\[])
    |(?P<close>[)}\]])
    |(?P<space>\s+)
    |(?P<other>.)""",
    re.VERBOSE | re.DOTALL,
)
_HAS_ORDER = re.compile(r"\bORDER\s+BY\b", re.IGNORECASE)


@dataclass
class OrderPlan:
    """A SELECT query without its top-level ``ORDER BY``/``LIMIT``/``OFFSET`` (``text``) and how to
    sort its rows: ``keys`` is one ``(column, descending)`` per order condition; ``hidden`` the
    columns added for the sort only."""

    text: str
    keys: list[tuple[str | Callable[[dict], object], bool]]
    hidden: list[str] = field(default_factory=list)
    offset: int = 0
    limit: int | None = None

    def sort(self, variables: list[str], rows: list[dict]) -> tuple[list[str], list[dict]] | None:
        """The rows (dicts of rdflib terms, as the query without ``ORDER BY`` gave them) in the
        order of the original query, sliced by its ``OFFSET``/``LIMIT``, without the hidden columns;
        ``None`` when these values are ones whose order Oxigraph leaves to its sorting algorithm."""
        columns = []
        for key, descending in self.keys:
            values = [row.get(key) for row in rows] if isinstance(key, str) else _evaluate(key, rows)
            keys = _column_keys(values)
            if keys is None:
                return None
            columns.append((keys, descending))
        positions = list(range(len(rows)))
        # from the last condition to the first, each a stable sort: a lexicographic order in which
        # equal rows keep the order of the evaluation (as Oxigraph's stable sort keeps them)
        for keys, descending in reversed(columns):
            positions.sort(key=keys.__getitem__, reverse=descending)
        ordered = [rows[i] for i in positions]
        if self.offset or self.limit is not None:
            end = None if self.limit is None else self.offset + self.limit
            ordered = ordered[self.offset : end]
        if self.hidden:
            for row in ordered:
                for name in self.hidden:
                    row.pop(name, None)
            variables = [v for v in variables if v not in self.hidden]
        return variables, ordered


def mentions_order(text: str) -> bool:
    """Whether ``text`` may have an ``ORDER BY`` (a quick test before :func:`plan`)."""
    return _HAS_ORDER.search(text) is not None


def plan(text: str, *, cache: bool = True) -> OrderPlan | None:
    """The query without its top-level ORDER BY and how to sort, or ``None`` to run it as it is.

    Finding the plan takes rdflib's SPARQL parser (0.07 s to import, 0.03-0.1 s per query), so the
    plan of each query text is kept in the user's cache folder (:mod:`kg.core.cache`, kind
    ``order-plans``) as JSON, keyed by the text and by this module's own source and rdflib's version:
    a command that runs a query it ran before reads the plan instead of parsing (``cache=False``
    always parses). The cached plan is the parser's: both are made from the same JSON recipe.
    """
    if not mentions_order(text):
        return None
    recipe = _recipe(text, cache)
    return None if recipe is None else _from_recipe(recipe)


_CACHE_KIND = "order-plans"


@lru_cache(maxsize=1)
def _salt() -> str:
    """What a cached plan depends on besides the query text: this module's code and rdflib's parser."""
    import hashlib
    from pathlib import Path

    import rdflib

    try:
        code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    except OSError:
        code = "?"
    return f"kg.query.order {code} rdflib {rdflib.__version__}"


@lru_cache(maxsize=256)
def _recipe_cached(text: str) -> dict | None:
    from kg.core import cache

    key = f"{_salt()}\n{text}"
    found = cache.load(_CACHE_KIND, key)
    if found is None or (isinstance(found, dict) and _usable(found)):
        return found
    recipe = _recipe(text, cache=False)
    cache.save(_CACHE_KIND, key, recipe)
    return recipe


def _usable(recipe: dict) -> bool:
    """Whether a recipe read from the cache makes a plan (an entry edited by hand may not)."""
    try:
        made = _from_recipe(recipe)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        return False
    return isinstance(made.text, str) and all(isinstance(n, str) for n in made.hidden)


def _recipe(text: str, cache: bool = True) -> dict | None:
    """The plan as JSON types (see :func:`_from_recipe`), from the cache or the parser."""
    if cache:
        return _recipe_cached(text)
    try:
        return _plan(text)
    except Exception:  # anything this does not understand is left to the engine, as written
        return None


def _from_recipe(recipe: dict) -> OrderPlan:
    """An :class:`OrderPlan` from its recipe: ``text``, ``keys`` (each ``[column, descending]`` or
    ``[{"eval": spec, "variables": [...]}, descending]``, see :func:`_compile`), ``hidden``,
    ``offset`` and ``limit``."""
    keys: list[tuple[str | Callable[[dict], object], bool]] = []
    for key, descending in recipe["keys"]:
        if isinstance(key, dict):
            evaluate = _compile(key["eval"])
            evaluate.variables = list(key["variables"])
            keys.append((evaluate, bool(descending)))
        else:
            keys.append((key, bool(descending)))
    return OrderPlan(recipe["text"], keys, list(recipe["hidden"]), recipe["offset"], recipe["limit"])


def _tokens(text: str):
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind not in ("space", "comment"):
            yield kind, match.group(), match.start(), match.end()


def _plan(text: str) -> dict | None:
    tokens = list(_tokens(text))
    braces = parens = 0
    select = projection_start = projection_end = group_end = None
    modifier = ""
    for index, (kind, value, start, end) in enumerate(tokens):
        upper = value.upper() if kind == "word" else ""
        if braces == 0 and parens == 0:
            if select is None:
                if upper in ("CONSTRUCT", "ASK", "DESCRIBE", "INSERT", "DELETE", "LOAD", "CLEAR", "WITH"):
                    return None
                if upper == "SELECT":
                    select, projection_start = index, end
                    continue
            elif projection_end is None:
                if upper in ("DISTINCT", "REDUCED") and index == select + 1:
                    modifier, projection_start = upper, end
                    continue
                if upper in ("WHERE", "FROM") or value == "{":
                    projection_end = start
        if kind == "open":
            if value == "{":
                braces += 1
            else:
                parens += 1
        elif kind == "close":
            if value == "}":
                braces -= 1
                if braces == 0 and parens == 0 and projection_end is not None and group_end is None:
                    group_end = index
            else:
                parens -= 1
        if group_end is not None:
            break
    if select is None or projection_end is None or group_end is None or modifier == "REDUCED":
        return None
    tail = tokens[group_end + 1 :]
    clauses = _clauses(tail)
    if "ORDER" not in clauses:
        return None
    order_start, order_end = clauses["ORDER"]
    conditions = _conditions(tail[order_start + 2 : order_end], text)  # after ORDER BY
    prologue = text[: tokens[select][2]]
    projection = text[projection_start:projection_end]
    tail_text = text[tokens[group_end][3] :]
    original = _parse(f"{prologue}SELECT {modifier} {projection} WHERE {{}} {tail_text}")
    parsed = original.orderby.condition
    if len(parsed) != len(conditions):
        return None
    star = "projection" not in original
    projected = set() if star else {str(p["var"] if "var" in p else p["evar"]) for p in original.projection}
    if any(name.startswith(HIDDEN) for name in re.findall(r"[?$](\w+)", text)):
        return None
    keys: list[tuple[str | dict, bool]] = []
    hidden: list[tuple[str, str]] = []  # (name, expression text)
    for number, ((descending, expression), condition) in enumerate(zip(conditions, parsed, strict=True)):
        expr = _unwrap(condition["expr"])
        if descending != ("order" in condition and str(condition["order"]).upper() == "DESC"):
            return None
        if _is_variable(expr) and (star or str(expr) in projected):
            keys.append((str(expr), descending))
            continue
        spec = _spec(expr) if star or _variables(expr) <= projected else None
        if spec is not None:  # computed from the row in Python, exactly as SPARQL defines it
            keys.append(({"eval": spec, "variables": sorted(_variables(expr))}, descending))
            continue
        if star:
            return None  # SELECT * cannot project a hidden key
        if modifier == "DISTINCT" and (_has_aggregate(expr) or not _variables(expr) <= projected):
            return None  # a hidden key could split rows DISTINCT would merge
        name = f"{HIDDEN}{number}"
        hidden.append((name, expression))
        keys.append((name, descending))
    extra = "".join(f" ({expression} AS ?{name})" for name, expression in hidden)
    # the text without ORDER BY, LIMIT and OFFSET, the hidden keys projected
    cuts = [clauses[c] for c in ("ORDER", "LIMIT", "OFFSET") if c in clauses]
    rest = tail_text
    base = tokens[group_end][3]
    for first, last in sorted(cuts, reverse=True):
        cut_start = tail[first][2] - base
        cut_end = (tail[last][2] - base) if last < len(tail) else len(tail_text)
        rest = rest[:cut_start] + rest[cut_end:]
    rewritten = _parse(f"{prologue}SELECT {modifier} {projection}{extra} WHERE {{}} {rest}")
    if "orderby" in rewritten or "limitoffset" in rewritten:
        return None
    extras = list(rewritten.projection)[len(original.projection) :]
    if len(extras) != len(hidden):
        return None
    hidden_keys = [k for k in keys if isinstance(k[0], str) and k[0].startswith(HIDDEN)]
    for (name, _), projected_key, (column, _) in zip(hidden, extras, hidden_keys, strict=True):
        condition = parsed[int(column[len(HIDDEN) :])]
        if str(projected_key["evar"]) != name or _unwrap(projected_key["expr"]) != _unwrap(condition["expr"]):
            return None
    limit = offset = None
    if "limitoffset" in original:
        limit = original.limitoffset.get("limit", None) if "limit" in original.limitoffset else None
        offset = original.limitoffset.get("offset", None) if "offset" in original.limitoffset else None
    head = text[:projection_end].rstrip() + extra + " " if extra else text[:projection_end]
    new_text = (head + text[projection_end : tokens[group_end][3]] + rest).rstrip()
    return {
        "text": new_text,
        "keys": [[key, descending] for key, descending in keys],
        "hidden": [name for name, _ in hidden],
        "offset": int(offset) if offset is not None else 0,
        "limit": int(limit) if limit is not None else None,
    }


_MODIFIERS = ("GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "VALUES")


def _clauses(tail: list) -> dict[str, tuple[int, int]]:
    """The solution modifiers after the outermost group: keyword -> (first token, token after)."""
    starts: list[tuple[str, int]] = []
    depth = 0
    for index, (kind, value, _, _) in enumerate(tail):
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
        elif kind == "word" and depth == 0 and value.upper() in _MODIFIERS:
            starts.append((value.upper(), index))
    found = {}
    for number, (keyword, index) in enumerate(starts):
        following = starts[number + 1][1] if number + 1 < len(starts) else len(tail)
        found[keyword] = (index, following)
    if "ORDER" in found and (len(tail) <= found["ORDER"][0] + 1 or tail[found["ORDER"][0] + 1][1].upper() != "BY"):
        return {}
    return found


def _conditions(tokens: list, text: str) -> list[tuple[bool, str]]:
    """The ORDER BY conditions as (descending, text of the expression to project)."""
    found: list[tuple[bool, str]] = []
    i = 0
    while i < len(tokens):
        kind, value = tokens[i][:2]
        descending = False
        if kind == "word" and value.upper() in ("ASC", "DESC") and i + 1 < len(tokens) and tokens[i + 1][1] == "(":
            descending = value.upper() == "DESC"
            close = _matching(tokens, i + 1)
            found.append((descending, _span(tokens[i + 2 : close], text)))
            i = close + 1
            continue
        if kind == "var":
            found.append((False, value))
            i += 1
            continue
        if value == "(":
            close = _matching(tokens, i)
            found.append((False, _span(tokens[i : close + 1], text)))
            i = close + 1
            continue
        if kind in ("word", "iri") and i + 1 < len(tokens) and tokens[i + 1][1] == "(":
            close = _matching(tokens, i + 1)
            found.append((False, _span(tokens[i : close + 1], text)))
            i = close + 1
            continue
        raise ValueError(f"unexpected {value!r} in ORDER BY")
    return found


def _span(tokens: list, text: str) -> str:
    """The source text covered by ``tokens``."""
    if not tokens:
        raise ValueError("empty ORDER BY condition")
    return text[tokens[0][2] : tokens[-1][3]]


def _matching(tokens: list, index: int) -> int:
    depth = 0
    for j in range(index, len(tokens)):
        if tokens[j][0] == "open":
            depth += 1
        elif tokens[j][0] == "close":
            depth -= 1
            if depth == 0:
                return j
    raise ValueError("unbalanced brackets in ORDER BY")


@lru_cache(maxsize=256)
def _parse_cached(text: str):
    from rdflib.plugins.sparql import parser

    return parser.parseQuery(text)[1]


def _parse(text: str):
    result = _parse_cached(text)
    if result.name != "SelectQuery":
        raise ValueError("not a SELECT query")
    return result


_WRAPPERS = {
    "ConditionalOrExpression",
    "ConditionalAndExpression",
    "RelationalExpression",
    "AdditiveExpression",
    "MultiplicativeExpression",
}


def _unwrap(expr):
    """An expression without rdflib's one-operand wrappers, so equal expressions compare equal."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    while isinstance(expr, CompValue) and expr.name in _WRAPPERS and set(expr.keys()) <= {"expr", "_vars"}:
        expr = expr["expr"]
    if isinstance(expr, CompValue):
        copy = CompValue(expr.name)
        for key, value in expr.items():
            if key == "_vars":
                continue
            copy[key] = _unwrap(value)
        return copy
    if isinstance(expr, list | ParseResults):
        return [_unwrap(v) for v in expr]
    return expr


def _is_variable(expr) -> bool:
    from rdflib.term import Variable

    return isinstance(expr, Variable)


def _walk(expr):
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    yield expr
    if isinstance(expr, CompValue):
        for value in expr.values():
            yield from _walk(value)
    elif isinstance(expr, list | tuple | ParseResults):
        for value in expr:
            yield from _walk(value)


def _variables(expr) -> set[str]:
    from rdflib.term import Variable

    return {str(e) for e in _walk(expr) if isinstance(e, Variable)}


def _has_aggregate(expr) -> bool:
    from rdflib.plugins.sparql.parserutils import CompValue

    return any(isinstance(e, CompValue) and e.name.startswith("Aggregate_") for e in _walk(expr))


def _evaluate(evaluate, rows: list[dict]) -> list:
    """An order expression's value for each row; of one variable, computed once per distinct term."""
    if len(evaluate.variables) != 1:
        return [evaluate(row) for row in rows]
    name = evaluate.variables[0]
    known: dict[int, object] = {}
    values = []
    for row in rows:
        term = row.get(name)
        if id(term) not in known:
            known[id(term)] = evaluate({name: term})
        values.append(known[id(term)])
    return values


def _spec(expr) -> list | None:
    """How to compute an order expression from a row, as JSON types (kept in the plan cache), for
    the few functions whose SPARQL definition on the terms Oxigraph returns is exact in Python: a
    variable ``["var", name]``, a constant number ``["const", lexical form, datatype, language]`` or
    string ``["plain", text]``, ``["str", spec]``, ``["lang", spec]``, ``["bound", name]``, ``!`` of
    a boolean ``["not", spec]``, ``["coalesce", [spec, ...]]``. ``None`` when the expression uses
    anything else (Oxigraph then computes it, projected). :func:`_compile` makes the function."""
    from rdflib.plugins.sparql.parserutils import CompValue
    from rdflib.term import Variable

    if isinstance(expr, Variable):
        return ["var", str(expr)]
    if isinstance(expr, Literal):
        datatype = str(expr.datatype) if expr.datatype is not None else None
        return ["const", str(expr), datatype, expr.language]
    if not isinstance(expr, CompValue):
        return None
    if expr.name == "literal" and set(expr.keys()) - {"_vars"} == {"string"}:
        return ["plain", str(expr["string"])]
    if expr.name in ("Builtin_STR", "Builtin_LANG"):
        inner = _spec(expr["arg"])
        if inner is None:
            return None
        return ["str" if expr.name == "Builtin_STR" else "lang", inner]
    if expr.name == "Builtin_BOUND" and isinstance(expr["arg"], Variable):
        return ["bound", str(expr["arg"])]
    if expr.name == "UnaryNot" and _boolean(expr["expr"]):
        inner = _spec(expr["expr"])
        return None if inner is None else ["not", inner]
    if expr.name == "Builtin_COALESCE":
        parts = [_spec(a) for a in expr["arg"]]
        if any(p is None for p in parts):
            return None
        return ["coalesce", parts]
    return None


def _compile(spec: list) -> Callable[[dict], object]:
    """The function computing an order expression (:func:`_spec`) from a row (a dict of rdflib
    terms). An error (``STR`` of a blank node, an unbound argument) gives ``None``, as an unbound key.

    >>> from rdflib import BNode, URIRef
    >>> f = _compile(["coalesce", [["str", ["var", "x"]], ["plain", "-"]]])
    >>> f({"x": URIRef("urn:a")}), f({"x": BNode("b")}), f({})
    ('urn:a', '-', '-')
    """
    kind = spec[0]
    if kind == "var":
        name = spec[1]
        return lambda row: row.get(name)
    if kind == "const":
        lexical, datatype, language = spec[1:]
        constant = Literal(lexical, lang=language, datatype=URIRef(datatype) if datatype else None, normalize=False)
        return lambda row: constant
    if kind == "plain":
        plain = _Plain(spec[1])
        return lambda row: plain
    if kind == "str":
        inner = _compile(spec[1])
        return lambda row: _str(inner(row))
    if kind == "lang":
        inner = _compile(spec[1])
        return lambda row: _lang(inner(row))
    if kind == "bound":
        name = spec[1]
        return lambda row: _TRUE if row.get(name) is not None else _FALSE
    if kind == "not":
        inner = _compile(spec[1])
        return lambda row: _not(inner(row))
    if kind == "coalesce":
        parts = [_compile(part) for part in spec[1]]
        return lambda row: next((v for v in (p(row) for p in parts) if v is not None), None)
    raise ValueError(f"unknown order expression {kind!r}")


_TRUE, _FALSE = Literal(True), Literal(False)


def _boolean(expr) -> bool:
    """Whether an expression always gives a boolean or an error (so ``!`` needs no other rule)."""
    from rdflib.plugins.sparql.parserutils import CompValue

    return isinstance(expr, CompValue) and (
        expr.name == "Builtin_BOUND" or (expr.name == "UnaryNot" and _boolean(expr["expr"]))
    )


def _str(term):
    if term is None or isinstance(term, BNode):
        return None  # STR of a blank node is an error
    return _Plain(term)


def _lang(term):
    if not isinstance(term, Literal) or isinstance(term, _Plain):
        return _Plain("") if isinstance(term, _Plain) else None
    return _Plain(term.language or "")


def _not(term):
    if term is None:
        return None
    return _FALSE if term == _TRUE else _TRUE


# --- the order of terms -------------------------------------------------------------------------

_INTEGER_TYPES = {
    _XSD + t
    for t in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
    )
}
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_DOUBLE = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[+-]?INF|NaN")
_ZONE = r"(Z|[+-][0-9]{2}:[0-9]{2})?"
#: date and time types whose canonical lexical forms (four-digit year, fixed-width fields) sort as
#: their values do when they share a time zone
_CALENDAR = {
    _XSD + "date": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}" + _ZONE),
    _XSD + "dateTime": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*[1-9])?" + _ZONE),
    _XSD + "time": re.compile(r"[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*[1-9])?" + _ZONE),
    _XSD + "gYear": re.compile(r"[0-9]{4}" + _ZONE),
    _XSD + "gYearMonth": re.compile(r"[0-9]{4}-[0-9]{2}" + _ZONE),
}
_VALUE_TYPES = {
    _XSD + t
    for t in (
        "decimal",
        "double",
        "float",
        "boolean",
        "duration",
        "yearMonthDuration",
        "dayTimeDuration",
        "gMonthDay",
        "gDay",
        "gMonth",
    )
}
_I64 = 2**63


def _literal_class(term: Literal) -> tuple[str, object]:
    """(family, key) of a literal: "text" literals order by (lexical form, datatype, language);
    "number" by value; "zone:<datatype>:<zone>" calendar values in one zone by their text; "?" are
    values this module does not order (the caller then leaves the sort to Oxigraph)."""
    value = str(term)
    if term.language:
        return "text", (value, _LANG_STRING, term.language)
    datatype = str(term.datatype) if term.datatype is not None else _STRING
    if datatype == _STRING:
        return "text", (value, _STRING, "")
    if datatype in _INTEGER_TYPES:
        if _INTEGER.fullmatch(value) and -_I64 <= int(value) < _I64:
            return "number", Decimal(int(value))
        return "text", (value, datatype, "")  # not a valid xsd:long: Oxigraph compares it as text
    if datatype == _XSD + "decimal":
        if _DECIMAL.fullmatch(value) and len(value.partition(".")[2]) <= 18 and abs(Decimal(value)) < 10**20:
            return "number", Decimal(value)
        return "?", None
    if datatype in (_XSD + "double", _XSD + "float"):
        if _DOUBLE.fullmatch(value) and value != "NaN":
            number = float(value.replace("INF", "inf"))
            if datatype == _XSD + "float":  # compared as 32-bit floats
                number = struct.unpack("f", struct.pack("f", number))[0]
            return "float:" + datatype, number
        return "?", None
    if datatype == _XSD + "boolean":
        if value in ("true", "false"):
            return "text", (value, datatype, "")
        return "?", None
    calendar = _CALENDAR.get(datatype)
    if calendar is not None:
        match = calendar.fullmatch(value)
        if match is None:
            return "?", None
        return f"zone\n{datatype}\n{match.group(1) or ''}", (value, datatype, "")
    if datatype in _VALUE_TYPES:
        return "?", None
    return "text", (value, datatype, "")  # a datatype SPARQL does not compare by value


class _Plain(str):
    """A simple literal computed by an order expression (``STR``, ``LANG``, a constant string)."""

    __slots__ = ()


_UNBOUND = (0,)


def _column_keys(values: list) -> list | None:
    """Sort keys giving Oxigraph's order for one column's values (rdflib terms, ``None`` for
    unbound), or ``None`` when this module cannot promise that order for these values."""
    families: set[str] = set()
    known: dict[int, tuple] = {}  # by identity: a term recurs as one object in many rows
    keys: list[tuple] = []
    append = keys.append
    for value in values:
        if value is None:
            append(_UNBOUND)
            continue
        key = known.get(id(value))
        if key is None:
            kind = type(value)
            if kind is URIRef:
                key = (2, str(value))
            elif kind is _Plain:
                key = (3, (str(value), _STRING, ""))
                families.add("text")
            elif isinstance(value, Literal):
                family, literal = _literal_class(value)
                if family == "?":
                    return None
                families.add(family)
                key = (3, literal)
            elif isinstance(value, BNode):
                key = (1, str(value))
            elif isinstance(value, URIRef):
                key = (2, str(value))
            else:
                return None
            known[id(value)] = key
        append(key)
    numbers = {f for f in families if f == "number" or f.startswith("float:")}
    if numbers and (len(numbers) > 1 or families - numbers):
        return None  # numbers beside other literals, or floats beside decimals: not modelled
    calendar: dict[str, set[str]] = {}
    for family in families:
        if family.startswith("zone\n"):
            _, datatype, zone = family.split("\n")
            calendar.setdefault(datatype, set()).add(zone)
    if any(len(zones) > 1 for zones in calendar.values()):
        return None  # one calendar type in several time zones: by instant, not by text
    return keys
