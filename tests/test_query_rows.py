"""Rows after Oxigraph has answered: labels and titles read as Oxigraph gives them, literals made
without rdflib's re-checks, cells and label columns looked up once per distinct term, table records
without textwrap where a line fits. Each fast path is compared with the slow one it replaces."""

from __future__ import annotations

import json
import random
import textwrap

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.namespace import XSD

from kg.query import formats, native, sparql, stores
from kg.query.formats import render
from kg.query.library import available
from kg.query.sparql import adhoc, execute, labels_by_text, labels_of
from kg.query.stores import OxigraphStore, RdflibStore, Store, to_rdflib

EX = "https://example.org/"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"
FORMATS = ("json", "csv", "tsv", "table", "md")

TURTLE = """
@prefix ex: <https://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:g {
  ex:a rdfs:label "Övertorneå"@sv, "Ylitornio"@fi, "Overtornea"@en ; ex:p ex:b , ex:unlabelled , _:x .
  ex:b skos:prefLabel "B" ; rdfs:label "b untagged" , "Bé"@sv, "Ba"@sv ; ex:p ex:a .
  ex:c rdfs:label "C"@de ; ex:p "7"^^xsd:integer , "7.50"^^xsd:decimal , "-0.0"^^xsd:decimal , "1.5e0"^^xsd:double ,
     "2020-01-02"^^xsd:date , "2020Z"^^xsd:gYear , "true"^^xsd:boolean , "" , "text" , "tagged"@se-fi ,
     "x"^^ex:custom , "<odd> \\"quoted\\" ; tab\\tline\\nend"@sv .
  _:x rdfs:label "a blank node's label" .
}
"""

QUERY = """SELECT ?s ?o ?oo ?pair WHERE {
  ?s <https://example.org/p> ?o
  OPTIONAL { ?o <https://example.org/p> ?oo FILTER(isIRI(?oo)) }
  BIND(IF(isIRI(?o), CONCAT(STR(?s), " ", STR(?o)), ?unbound) AS ?pair)
} ORDER BY STR(?s) STR(?o) ?oo"""


@pytest.fixture(scope="module")
def small() -> OxigraphStore:
    store = ox.Store()
    store.load(TURTLE.encode(), format=ox.RdfFormat.TRIG)
    return OxigraphStore(store)


def slow_paths(monkeypatch) -> None:
    """The paths this work replaced: every row converted to rdflib terms (the base class's
    ``solutions``), rdflib's own literal constructor, textwrap for every record line, the standard
    library's JSON encoder (``json.dumps(indent=2)``, what orjson replaces)."""
    monkeypatch.setattr(OxigraphStore, "solutions", Store.solutions)
    monkeypatch.setattr(formats, "_indented_json", lambda doc: json.dumps(doc, ensure_ascii=False, indent=2))
    monkeypatch.setattr(stores, "_plain_literal", lambda text, language: Literal(text, lang=language))
    monkeypatch.setattr(formats, "_fits", lambda value, width: False)


def outputs(store, query, params=None, lang="sv") -> dict[str, str]:
    result = execute(store, query, params or {}, lang=lang, timeout=120)
    return {fmt: render(result, fmt, store, lang) for fmt in FORMATS}


@pytest.mark.parametrize("lang", ["sv", "fi", "en", "de"])
def test_edge_cases_print_the_same_bytes_as_the_slow_paths_in_every_format(small, monkeypatch, lang):
    query = adhoc(QUERY)
    fast = outputs(small, query, lang=lang)
    slow_paths(monkeypatch)
    assert outputs(small, query, lang=lang) == fast


def test_labels_pick_the_preferred_language_then_untagged_then_the_least_text(small):
    iris = [EX + "a", EX + "b", EX + "c", EX + "unlabelled", "https://example.org/no such"]
    assert labels_by_text(small, iris, "fi") == {EX + "a": "Ylitornio", EX + "b": "Ba", EX + "c": "C"}
    assert labels_by_text(small, iris, "en")[EX + "a"] == "Overtornea"
    assert labels_by_text(small, iris, "en")[EX + "b"] == "Ba"  # sv before untagged: the preference order
    assert labels_by_text(small, iris, "de")[EX + "c"] == "C"
    assert labels_by_text(small, [], "sv") == {}
    assert labels_of(small, [URIRef(EX + "a")], "sv") == {URIRef(EX + "a"): "Övertorneå"}


def test_labels_are_the_same_on_the_reference_engine(small):
    dataset = Dataset(default_union=True)
    dataset.parse(data=TURTLE, format="trig")
    iris = [EX + "a", EX + "b", EX + "c", EX + "unlabelled"]
    for lang in ("sv", "fi", "en", None):
        assert labels_by_text(RdflibStore(dataset), iris, lang) == labels_by_text(small, iris, lang)


def test_the_label_columns_of_the_edge_cases(small):
    result = execute(small, adhoc(QUERY), {}, lang="sv", timeout=60)
    assert result.variables == ["s", "sLabel", "o", "oLabel", "oo", "ooLabel", "pair", "pairLabel"]
    by_object = {str(row.get("o")): row for row in result.rows}
    assert str(by_object[EX + "unlabelled"]["oLabel"]) == EX + "unlabelled"  # no label: the IRI (short form)
    assert str(by_object[EX + "b"]["oLabel"]) == "Ba"  # two in Swedish: the least text
    assert str(by_object[EX + "b"]["ooLabel"]) == "Övertorneå"
    blank = next(row for row in result.rows if isinstance(row.get("o"), BNode))
    assert "oLabel" not in blank  # a blank node gets no label cell
    assert "oo" not in blank and "pair" not in blank  # unbound stays unbound
    assert str(by_object["text"]["oLabel"]) == "text"  # a literal in an IRI column is shown as it is
    assert "" not in by_object  # the empty literal is an empty cell, as unbound
    assert str(by_object[EX + "b"]["pairLabel"]) == "Övertorneå; Ba"  # space-separated IRIs: labels joined
    assert by_object["7.5"]["o"] == Literal("7.5", datatype=XSD.decimal)  # decimals canonical


def test_cells_keep_rows_without_anything_to_change_and_fix_the_others():
    seven, empty = Literal(7), Literal("")
    decimal = Literal("7500.00", datatype=XSD.decimal)
    rows = [{"n": seven}, {"n": seven, "e": empty}, {"d": decimal}, {}]
    out = sparql._cells(rows)
    assert out[0] is rows[0] and out[3] is rows[3]
    assert out[1] == {"n": seven}
    assert out[2] == {"d": Literal("7500.0", datatype=XSD.decimal)}
    same = [{"n": seven}, {"n": Literal(8)}]
    assert sparql._cells(same) is same


LITERALS = [
    ox.Literal("Pajala"),
    ox.Literal(""),
    ox.Literal("Pajala", language="sv"),
    ox.Literal("Ylitornio", language="se-fi"),
    ox.Literal('line\nbreak\ttab \\ "quote"'),
    ox.Literal("7", datatype=ox.NamedNode(str(XSD.integer))),
    ox.Literal("7.50", datatype=ox.NamedNode(str(XSD.decimal))),
    ox.Literal("2020Z", datatype=ox.NamedNode(str(XSD.gYear))),
    ox.Literal("2020-01-02", datatype=ox.NamedNode(str(XSD.date))),
    ox.Literal("true", datatype=ox.NamedNode(str(XSD.boolean))),
    ox.Literal("x", datatype=ox.NamedNode(EX + "custom")),
]


@pytest.mark.parametrize("term", LITERALS, ids=str)
def test_literals_are_those_rdflib_makes(term):
    got = to_rdflib(term)
    if term.language:
        expected = Literal(term.value, lang=term.language)
    elif term.datatype.value == str(XSD.string):
        expected = Literal(term.value)
    else:
        expected = Literal(term.value, datatype=URIRef(term.datatype.value), normalize=False)
    assert type(got) is Literal
    assert (got, str(got), got.language, got.datatype, got.value) == (
        expected,
        str(expected),
        expected.language,
        expected.datatype,
        expected.value,
    )
    assert hash(got) == hash(expected) and got.n3() == expected.n3() and got.eq(expected)


def test_the_fast_literals_are_checked_against_this_rdflib():
    assert stores._fast_literals_agree()
    assert stores._plain_literal is stores._made_as_rdflib_makes


def test_native_reads_both_kinds_of_term_alike():
    pairs = [
        (ox.NamedNode(EX + "a"), URIRef(EX + "a")),
        (ox.BlankNode("b1"), BNode("b1")),
        *((term, to_rdflib(term)) for term in LITERALS),
    ]
    for oxigraph, rdflib_term in pairs:
        assert native.kind(oxigraph) == native.kind(rdflib_term)
        assert native.text(oxigraph) == native.text(rdflib_term)
        assert native.language(oxigraph) == native.language(rdflib_term)
        assert native.is_plain(oxigraph) == native.is_plain(rdflib_term)
    assert native.kind(None) is None and native.kind("text") is None


def test_solutions_are_tuples_in_the_variables_order_with_none_for_unbound(small):
    text = "SELECT ?s ?missing ?o WHERE { ?s <https://example.org/p> ?o FILTER(?o = 7) }"
    variables, rows = small.solutions(text)
    assert variables == ["s", "missing", "o"]
    assert rows == [(ox.NamedNode(EX + "c"), None, ox.Literal("7", datatype=ox.NamedNode(str(XSD.integer))))]
    base = Store.solutions(small, text)
    assert base[1] == [(URIRef(EX + "c"), None, Literal(7))]


def test_a_record_line_that_fits_is_what_textwrap_gives():
    alphabet = "ab c\t\nd-e\u00a0 xÅ"
    rng = random.Random(7)
    for _ in range(20_000):
        value = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        width = rng.randint(1, 12)
        if formats._fits(value, width):
            assert textwrap.wrap(value, width, break_long_words=False, break_on_hyphens=False) == [value]


LIBRARY = available()


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_every_shipped_query_prints_the_same_bytes_as_the_slow_paths(shipped, monkeypatch, name):
    """Every shipped query on the whole shipped data, every format: the fast paths print what the
    paths they replaced print (labels and titles from converted rows, rdflib's constructor, textwrap)."""
    query = LIBRARY[name]
    params = query.example_params()
    fast = outputs(shipped, query, params)
    slow_paths(monkeypatch)
    assert outputs(shipped, query, params) == fast


def test_json_is_what_the_standard_library_writes_for_every_character():
    """orjson's two-space indent and escapes are ``json.dumps(indent=2, ensure_ascii=False)``'s bytes
    for every code point (control characters, quotes, backslashes, U+2028, astral planes); a lone
    surrogate, which orjson refuses, is written by the standard library as before."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    rows = [{"x": Literal(every[at : at + 4096])} for at in range(0, len(every), 4096)]
    rows += [{}, {"x": URIRef(EX + "a"), "y": Literal("\ud800 lone", lang="sv")}, {"y": Literal('\x00\x1f\x7f"\\')}]
    result = sparql.QueryResult("SELECT", ["x", "y"], rows)
    document = {
        "head": {"vars": ["x", "y"]},
        "results": {"bindings": [{k: formats.term_json(v) for k, v in row.items()} for row in rows]},
    }
    assert formats.as_json(result) == json.dumps(document, ensure_ascii=False, indent=2)
    clean = sparql.QueryResult("SELECT", ["x"], rows[:-2])
    assert formats.as_json(clean) == json.dumps(
        {"head": {"vars": ["x"]}, "results": {"bindings": document["results"]["bindings"][:-2]}},
        ensure_ascii=False,
        indent=2,
    )
    assert formats.as_json(sparql.QueryResult("SELECT", ["x"], [])) == json.dumps(
        {"head": {"vars": ["x"]}, "results": {"bindings": []}}, indent=2
    )
