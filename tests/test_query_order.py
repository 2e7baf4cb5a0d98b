"""The top-level ORDER BY done in Python (kg.query.order) gives Oxigraph's own rows in Oxigraph's own
order: on small hand-made datasets with every kind of term, on random ones, and for every shipped query."""

from __future__ import annotations

import random

import pyoxigraph as ox
import pytest

from kg.query.binding import bind_values, with_prefixes
from kg.query.library import available
from kg.query.order import plan
from kg.query.sparql import bindings, execute, unit_separated
from kg.query.stores import OxigraphStore

X = "http://www.w3.org/2001/XMLSchema#"
EX = "http://example.org/"

# one value per row of a small dataset: every kind of term SPARQL orders
TERMS = [
    None,
    ox.BlankNode("b2"),
    ox.BlankNode("b1"),
    ox.NamedNode(EX + "b"),
    ox.NamedNode(EX + "a"),
    ox.NamedNode(EX + "B"),
    ox.NamedNode(EX + "ä"),
    ox.NamedNode("urn:x"),
    ox.Literal("b"),
    ox.Literal("a"),
    ox.Literal("B"),
    ox.Literal("ä"),
    ox.Literal(""),
    ox.Literal("a", language="fi"),
    ox.Literal("a", language="en"),
    ox.Literal("b", language="en"),
    ox.Literal("B", language="sv"),
    ox.Literal("x", datatype=ox.NamedNode(EX + "dt")),
    ox.Literal("a", datatype=ox.NamedNode(EX + "dt")),
    ox.Literal("true", datatype=ox.NamedNode(X + "boolean")),
    ox.Literal("false", datatype=ox.NamedNode(X + "boolean")),
    ox.Literal("2020-01-02", datatype=ox.NamedNode(X + "date")),
    ox.Literal("2019-12-31", datatype=ox.NamedNode(X + "date")),
    ox.Literal("2020", datatype=ox.NamedNode(X + "gYear")),
    ox.Literal("2020-05", datatype=ox.NamedNode(X + "gYearMonth")),
]
NUMBERS = [
    ox.Literal("10", datatype=ox.NamedNode(X + "integer")),
    ox.Literal("9", datatype=ox.NamedNode(X + "integer")),
    ox.Literal("-1", datatype=ox.NamedNode(X + "integer")),
    ox.Literal("9.5", datatype=ox.NamedNode(X + "decimal")),
    ox.Literal("10.0", datatype=ox.NamedNode(X + "decimal")),
    ox.Literal("7", datatype=ox.NamedNode(X + "int")),
    ox.Literal("-7.25", datatype=ox.NamedNode(X + "decimal")),
]


def store_of(values: list, more: dict[str, list] | None = None) -> OxigraphStore:
    """A store with one subject per value: ``ex:r<i> ex:v value`` (nothing for None), ``ex:i i``, and
    further properties from ``more``."""
    store = ox.Store()
    v, i = ox.NamedNode(EX + "v"), ox.NamedNode(EX + "i")
    graph = ox.NamedNode(EX + "g")
    for n, value in enumerate(values):
        row = ox.NamedNode(f"{EX}r{n}")
        store.add(ox.Quad(row, i, ox.Literal(str(n), datatype=ox.NamedNode(X + "integer")), graph))
        if value is not None:
            store.add(ox.Quad(row, v, value, graph))
        for name, column in (more or {}).items():
            if column[n] is not None:
                store.add(ox.Quad(row, ox.NamedNode(EX + name), column[n], graph))
    return OxigraphStore(store)


def both(store: OxigraphStore, text: str):
    """(rows with Oxigraph's ORDER BY, rows with the ORDER BY done in Python)."""
    store.sort_in_python = False
    expected = store.select(text)
    store.sort_in_python = True
    return expected, store.select(text)


def sorted_in_python(store: OxigraphStore, text: str) -> bool:
    """Whether the Python sort answered (rather than declining and leaving it to Oxigraph)."""
    ordering = plan(with_prefixes(text))
    if ordering is None:
        return False
    store.sort_in_python = False
    variables, rows = store._rows(ordering.text)
    return ordering.sort(variables, rows) is not None


BASE = "PREFIX ex: <http://example.org/> SELECT ?r ?v ?i WHERE { ?r ex:i ?i OPTIONAL { ?r ex:v ?v } } "


@pytest.mark.parametrize(
    "modifiers",
    [
        "ORDER BY ?v ?i",
        "ORDER BY DESC(?v) ?i",
        "ORDER BY ASC(?v) DESC(?i)",
        "ORDER BY STR(?v) ?i",
        "ORDER BY DESC(STR(?v)) DESC(?r)",
        'ORDER BY COALESCE(STR(?v), "") ?i',
        "ORDER BY (!BOUND(?v)) ?v ?i",
        "ORDER BY LANG(?v) ?i",
        "ORDER BY ?v ?i LIMIT 5",
        "ORDER BY DESC(?v) ?i LIMIT 4 OFFSET 3",
        "ORDER BY ?v ?i OFFSET 20",
        "ORDER BY UCASE(STR(?v)) ?i",  # computed by Oxigraph, projected as a hidden variable
        "ORDER BY ?v",  # ties (unbound, equal values) keep the order of the evaluation
    ],
)
def test_python_order_equals_oxigraph_order_on_mixed_terms(modifiers):
    store = store_of(TERMS)
    expected, got = both(store, BASE + modifiers)
    assert got == expected
    assert expected[1], "the query has rows"
    assert sorted_in_python(store, BASE + modifiers)


def test_numbers_of_several_datatypes_order_by_value():
    store = store_of([*NUMBERS, None, ox.NamedNode(EX + "n")])
    for modifiers in ("ORDER BY ?v ?i", "ORDER BY DESC(?v) ?i", "ORDER BY ?v"):
        expected, got = both(store, BASE + modifiers)
        assert got == expected
        assert sorted_in_python(store, BASE + modifiers)
    text = BASE + "ORDER BY ?v"
    assert [str(row.get("v", "")) for row in both(store, text)[1][1]][:4] == ["", "http://example.org/n", "-7.25", "-1"]


def test_numbers_beside_strings_are_left_to_oxigraph():
    """Oxigraph orders 9 < 10 by value, but 10 < "5" and "5" < 9 by text: no total order, so the
    rows come from Oxigraph's own sort (the query is run as written)."""
    values = [*NUMBERS, ox.Literal("5"), ox.Literal("95")]
    store = store_of(values)
    text = BASE + "ORDER BY ?v ?i"
    assert not sorted_in_python(store, text)
    expected, got = both(store, text)
    assert got == expected


@pytest.mark.parametrize(
    "values",
    [
        [ox.Literal("1.5", datatype=ox.NamedNode(X + "double")), ox.Literal("1", datatype=ox.NamedNode(X + "integer"))],
        [ox.Literal("NaN", datatype=ox.NamedNode(X + "double")), ox.Literal("1", datatype=ox.NamedNode(X + "double"))],
        [
            ox.Literal("2020-01-01Z", datatype=ox.NamedNode(X + "date")),
            ox.Literal("2020-01-01-05:00", datatype=ox.NamedNode(X + "date")),
        ],
        [
            ox.Literal("P1Y", datatype=ox.NamedNode(X + "duration")),
            ox.Literal("P2M", datatype=ox.NamedNode(X + "duration")),
        ],
    ],
)
def test_values_whose_order_is_not_modelled_are_left_to_oxigraph(values):
    store = store_of(values)
    text = BASE + "ORDER BY ?v ?i"
    assert not sorted_in_python(store, text)
    expected, got = both(store, text)
    assert got == expected


def test_random_datasets_in_one_family_each():
    """Random mixes of the terms Python orders itself, with repeats (ties) and several keys."""
    rng = random.Random(22)
    words = ["a", "b", "B", "ä", "å", "z", "", "ab", "a b"]
    families = {
        "text": lambda: rng.choice(
            [
                ox.Literal(rng.choice(words)),
                ox.Literal(rng.choice(words), language=rng.choice(["sv", "fi", "en"])),
                ox.Literal(
                    f"{rng.randint(2018, 2022)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                    datatype=ox.NamedNode(X + "date"),
                ),
                ox.Literal(str(rng.randint(2018, 2022)), datatype=ox.NamedNode(X + "gYear")),
                ox.NamedNode(EX + rng.choice(words[:6])),
                None,
            ]
        ),
        "number": lambda: rng.choice(
            [
                ox.Literal(str(rng.randint(-20, 20)), datatype=ox.NamedNode(X + "integer")),
                ox.Literal(f"{rng.randint(-20, 20)}.{rng.randint(0, 9)}", datatype=ox.NamedNode(X + "decimal")),
                ox.NamedNode(EX + rng.choice(words[:6])),
                None,
            ]
        ),
    }
    for round_ in range(30):
        family = families["text" if round_ % 2 else "number"]
        size = rng.randint(1, 40)
        values = [family() for _ in range(size)]
        other = [families["text"]() for _ in range(size)]
        store = store_of(values, {"w": other})
        text = (
            "PREFIX ex: <http://example.org/> SELECT ?v ?w WHERE { ?r ex:i ?i OPTIONAL { ?r ex:v ?v } "
            "OPTIONAL { ?r ex:w ?w } } ORDER BY " + rng.choice(["?v ?w", "DESC(?v) ?w", "?w DESC(?v)", "STR(?w) ?v"])
        )
        expected, got = both(store, text)
        assert got == expected, text
        assert sorted_in_python(store, text)


def test_distinct_rows_and_aggregates():
    store = store_of(TERMS + TERMS)
    for text in (
        "PREFIX ex: <http://example.org/> SELECT DISTINCT ?v WHERE { ?r ex:v ?v } ORDER BY DESC(STR(?v)) ?v",
        "PREFIX ex: <http://example.org/> SELECT ?v (COUNT(?r) AS ?n) WHERE { ?r ex:v ?v } GROUP BY ?v "
        "ORDER BY DESC(?n) STR(?v) ?v",
        "PREFIX ex: <http://example.org/> SELECT ?v WHERE { ?r ex:v ?v } GROUP BY ?v ORDER BY DESC(COUNT(?r)) ?v",
    ):
        expected, got = both(store, text)
        assert got == expected
        assert len(got[1]) > 5


@pytest.mark.parametrize(
    "text",
    [
        # the only ORDER BY is inside a sub-select (with its LIMIT): nothing to do at the top level
        "SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?o LIMIT 3 } }",
        # REDUCED may drop repeats that the order puts side by side
        "SELECT REDUCED ?s WHERE { ?s ?p ?o } ORDER BY ?o",
        # a key not projected under DISTINCT could split rows that DISTINCT merges
        "SELECT DISTINCT ?s WHERE { ?s ?p ?o } ORDER BY ?o",
        "SELECT DISTINCT ?s WHERE { ?s ?p ?o } ORDER BY UCASE(STR(?o))",
        # an expression Oxigraph would have to compute, with SELECT * (nowhere to project it)
        "SELECT * WHERE { ?s ?p ?o } ORDER BY UCASE(STR(?o))",
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } ORDER BY ?o",
        "ASK { ?s ?p ?o }",
        "SELECT ?s WHERE { ?s ?p ?o }",
        "SELECT ?s WHERE { ?s ?p ?o } ORDER BY",  # a syntax error: left for the engine to report
    ],
)
def test_queries_left_as_written(text):
    assert plan(text) is None


def test_order_inside_strings_comments_and_subqueries_is_not_the_top_level_one():
    text = (
        'SELECT ?s ("ORDER BY ?x" AS ?note) WHERE {  # ORDER BY ?o\n'
        "  { SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY DESC(?o) LIMIT 10 }\n"
        "} ORDER BY ?s LIMIT 2"
    )
    ordering = plan(text)
    assert ordering is not None and ordering.keys == [("s", False)] and ordering.limit == 2
    assert "ORDER BY DESC(?o) LIMIT 10" in ordering.text and not ordering.text.rstrip().endswith("LIMIT 2")
    store = store_of(TERMS)
    expected, got = both(store, text)
    assert got == expected


LIBRARY = available()


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_every_shipped_query_has_the_same_rows_in_the_same_order(shipped, name):
    """On the shipped data, each shipped query through the library (parameters as in the examples):
    Oxigraph's ORDER BY and the Python sort give the same rows, and the Python sort is the one used."""
    query = LIBRARY[name]
    params = query.example_params()
    text = bind_values(unit_separated(query.text), bindings(query, params, shipped, "sv"))
    ordering = plan(with_prefixes(text))
    assert ordering is not None, f"{name}: its ORDER BY should be done in Python"
    expected, got = both(shipped, text)
    assert got == expected
    assert sorted_in_python(shipped, text), f"{name}: the Python sort declined these values"
    shipped.sort_in_python = False
    before = execute(shipped, query, params, timeout=120)
    shipped.sort_in_python = True
    after = execute(shipped, query, params, timeout=120)
    assert (after.variables, after.rows) == (before.variables, before.rows)
