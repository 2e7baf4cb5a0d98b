"""Issue 22: the full build reads its files in several threads (:func:`kg.build.fastpath.load_files`).
The store, the ill-typed literals (in the order of the files) and the error of the first bad file
must be what reading them one by one gives."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import URIRef

from kg.build.fastpath import LOAD_TASK_FILES, Inputs, load_files
from kg.core.errors import DataError

HEAD = "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n@prefix ex: <https://example.org/> .\n"
SOURCE = "https://w3id.org/samverkan/id/source/"


def _files(tmp_path: Path, count: int, bad: dict[int, str]) -> Inputs:
    """``count`` small sources; file ``i`` gets the text ``bad[i]`` appended (a blank node, an
    ill-typed literal, a syntax error) so that some take the plain path and some the strict one."""
    found = Inputs()
    for i in range(count):
        path = tmp_path / f"s{i:03d}.ttl"
        body = f'ex:n{i} ex:p "v{i}" , "{2000 + i}"^^xsd:gYear ; ex:q ex:n{(i + 1) % count} .\n'
        if i % 7 == 0:
            body += f'ex:n{i} ex:r "a (bracket) in a string {i}" .\n'  # read strictly, not plainly
        path.write_text(HEAD + body + bad.get(i, ""), encoding="utf-8")
        found.graphs[path] = URIRef(SOURCE + path.stem)
    return found


def _loaded(found: Inputs, threads: int) -> tuple[set[str], list[tuple]]:
    store = ox.Store()
    issues = load_files(store, found, threads=threads)
    return {str(q) for q in store}, [(i.file.name, i.line, i.value) for i in issues]


def test_threads_load_the_same_quads_and_issues_in_file_order(tmp_path):
    count = 3 * LOAD_TASK_FILES + 5
    ill = {i: f'ex:n{i} ex:when "20{i:02d}-13-40"^^xsd:date .\n' for i in (3, LOAD_TASK_FILES + 1, 2 * LOAD_TASK_FILES)}
    found = _files(tmp_path, count, ill)
    alone = _loaded(found, threads=1)
    assert len(alone[1]) == 3 and [name for name, _, _ in alone[1]] == sorted(name for name, _, _ in alone[1])
    for threads in (2, 3):
        assert _loaded(found, threads) == alone


@pytest.mark.parametrize("threads", [1, 2])
def test_the_first_bad_file_in_order_is_reported(tmp_path, threads):
    first, later = LOAD_TASK_FILES + 3, 2 * LOAD_TASK_FILES + 1
    found = _files(tmp_path, 3 * LOAD_TASK_FILES, {first: "ex:x ex:y [ ex:z 1 ] .\n", later: "ex:broken ex:p .\n"})
    with pytest.raises(DataError) as caught:
        load_files(ox.Store(), found, threads=threads)
    assert Path(caught.value.file).name == f"s{first:03d}.ttl"
    assert "blank node" in str(caught.value)


def test_a_sink_hears_the_files_in_order_with_threads(tmp_path):
    """The streaming store writer batches what it hears by graph, in the order of the files."""
    count = 4 * LOAD_TASK_FILES + 3
    found = _files(tmp_path, count, {})
    heard: dict[int, list] = {1: [], 2: []}
    stores = {}
    for threads in (1, 2):
        stores[threads] = ox.Store()
        load_files(stores[threads], found, sink=lambda *item, t=threads: heard[t].append(item), threads=threads)
    assert len(heard[1]) == count
    assert [(item[0], item[3]) for item in heard[2]] == [(item[0], item[3]) for item in heard[1]]
    assert {str(q) for q in stores[2]} == {str(q) for q in stores[1]}
