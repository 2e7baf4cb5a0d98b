"""Issue 22: the full build loads most files without parsing them into Python quads. The text
pre-check (:func:`kg.build.reading.plainly_valid`) may say "cannot tell" too often, never "valid"
wrongly: whenever it says a file holds neither blank nodes nor ill-formed literals, the full strict
reading agrees, and the store gets the same quads and the same issues either way."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import URIRef
from test_bad_input import VALID, run

from kg.build.fastpath import load_file
from kg.build.reading import plainly_valid, read
from kg.build.sources import literal_issues
from kg.core.errors import DataError

XSD_PREFIX = "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
HEAD = XSD_PREFIX + "@prefix ex: <https://example.org/> .\n"
REPO = Path(__file__).resolve().parents[1]
GRAPH = URIRef("https://w3id.org/samverkan/id/source/t")

# each: (object as written, whether plainly_valid may say True)
OBJECTS = [
    ('"2024-05-06"^^xsd:date', True),
    ('"2024-02-30"^^xsd:date', False),  # no such day
    ('"2024-05-06"^^<http://www.w3.org/2001/XMLSchema#date>', True),
    ('"1_000"^^xsd:integer', False),
    ('"300"^^xsd:byte', False),  # out of range
    ('"""2024-05-06"""^^xsd:date', False),  # long quotes: not judged from the text
    ("'2024-05-06'^^xsd:date", False),  # single quotes
    ('"2024\\u002D05-06"^^xsd:date', False),  # an escape that writes a character
    ('"a\\"b"^^xsd:string', False),  # an escaped quote inside a typed literal
    ('"x\\u0001"', False),  # a control character, escaped
    ('"a \\"quoted\\" word"@en', True),  # safe escapes in a plain string
    ('"x"^^ex:own', False),  # another prefix: not judged
    ('"2024"^^xsd:gYear.x', False),  # the datatype name goes on: not xsd:gYear
    ("[ ex:p 1 ]", False),  # a blank node
    ("_:b1", False),
    ("( 1 2 )", False),  # a list: blank nodes
    ('"ok (not a list)"', False),  # a bracket in a string: cannot tell, parsed
    ("12", True),
    ("-1.5e3", True),
    ("true", True),
]


def _full(text: str, tmp_path: Path, kind: str = "source"):
    path = tmp_path / "t.ttl"
    path.write_text(text, encoding="utf-8")
    return path, read(path, kind)


@pytest.mark.parametrize("obj, may_be_plain", OBJECTS)
def test_the_text_precheck_is_never_wrongly_sure(tmp_path, obj, may_be_plain):
    text = HEAD + "# a comment with ( and [ and _:x\n" + f"ex:a ex:p {obj} .\n"
    plain = plainly_valid(text)
    assert plain is may_be_plain
    try:
        path, reading = _full(text, tmp_path)
    except DataError:
        assert not plain  # a blank node: refused by the strict reading
        return
    if plain:
        assert literal_issues(reading) == []
    # the store and the issues are the same with the pre-check as with the full reading
    fast, slow = ox.Store(), ox.Store()
    issues = load_file(fast, path, GRAPH)
    slow.extend(ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(str(GRAPH))) for q in reading.quads)
    assert set(fast) == set(slow)
    assert [(i.message, i.line) for i in issues] == [(i.message, i.line) for i in literal_issues(reading)]


def test_xsd_bound_elsewhere_is_not_taken_for_xsd(tmp_path):
    text = '@prefix xsd: <https://example.org/not-xsd#> .\n<https://a> <https://b> "2024-02-30"^^xsd:date .\n'
    assert not plainly_valid(text)


def test_an_empty_file_is_still_refused(tmp_path):
    path = tmp_path / "t.ttl"
    path.write_text(HEAD + "# nothing here\n", encoding="utf-8")
    assert plainly_valid(path.read_text())
    with pytest.raises(DataError, match="holds no triples"):
        load_file(ox.Store(), path, GRAPH)


def test_a_syntax_error_is_still_named_by_line_and_column(tmp_path):
    path = tmp_path / "t.ttl"
    path.write_text(HEAD + "ex:a ex:p ex:b .\nex:a ex:p ex:b ex:c .\n", encoding="utf-8")
    assert plainly_valid(path.read_text())
    with pytest.raises(DataError) as caught:
        load_file(ox.Store(), path, GRAPH)
    assert caught.value.line == 4


_PIECES = st.sampled_from(
    [o for o, _ in OBJECTS]
    + ['"x"', '"x"@fi', "ex:b", '"2019"^^xsd:gYear', '"453000"^^xsd:decimal', '"\\""', "'it\"s'", '"^^"', '"a#b"']
)


@settings(max_examples=150, deadline=None)
@given(objects=st.lists(_PIECES, min_size=1, max_size=5), comment=st.booleans())
def test_any_mix_of_literals_gets_the_full_readings_verdict(tmp_path_factory, objects, comment):
    text = HEAD + ("# (x) [y]\n" if comment else "") + "".join(f"ex:a ex:p{i} {o} .\n" for i, o in enumerate(objects))
    tmp = tmp_path_factory.mktemp("mix")
    try:
        path, reading = _full(text, tmp)
    except DataError:
        assert not plainly_valid(text)
        return
    if plainly_valid(text):
        assert literal_issues(reading) == []
    fast = ox.Store()
    issues = load_file(fast, path, GRAPH)
    assert len(fast) == len(reading.quads)
    assert [(i.message, i.line) for i in issues] == [(i.message, i.line) for i in literal_issues(reading)]


def test_a_build_reports_an_ill_typed_literal_among_plain_files(tmp_path):
    """The CLI: a build of a file the pre-check passes and one with a date that does not exist
    reports the date, quoted, at its file and line."""
    data = tmp_path / "data"
    shutil.copytree(REPO / "data" / "reference", data / "reference")
    (data / "sources").mkdir()
    (data / "sources" / "t1.ttl").write_text(VALID, encoding="utf-8")
    bad = VALID.replace("t1", "t2").replace("/test", "/test2").replace('"2024-12-31"', '"2024-02-30"')
    (data / "sources" / "t2.ttl").write_text(bad, encoding="utf-8")
    assert plainly_valid(VALID) and not plainly_valid(bad)
    result = run("build", "--data", str(data), "--out", str(tmp_path / "out"), "--engine", "oxigraph")
    assert result.exit_code == 1, result.output
    line = next(n for n, text in enumerate(bad.splitlines(), 1) if "2024-02-30" in text)
    assert f"{data / 'sources' / 't2.ttl'}:{line}" in result.output
    assert '"2024-02-30" is not a valid xsd:date' in result.output
