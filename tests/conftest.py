"""Shared fixtures: one build of the shipped data per test session."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import re
import shutil
import signal
from pathlib import Path

import pytest

# The test files start slowest first, by the seconds each took when last run (tests/timing.py: pytest's
# cache, else tests/durations.json, which `python -m pytest --update-durations` rewrites after a whole run)
from timing import (  # noqa: F401  (hooks)
    pytest_addoption,
    pytest_collection_finish,
    pytest_collection_modifyitems,
    pytest_runtest_logreport,
    pytest_sessionfinish,
    pytest_xdist_node_collection_finished,
)

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
SHARED = REPO.parent / "shared"


def ctrl_c_default() -> None:
    """``preexec_fn`` of a child process a test stops with SIGINT, as Ctrl-C would: SIGINT at its default.

    A shell without job control starts a background command (``pytest … &`` in a script) with SIGINT
    ignored, and children inherit that: Python then installs no KeyboardInterrupt handler, and a
    ``kg serve`` started by the test would not stop on the SIGINT the test sends."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


REGISTER_PREFIX = "register-"  # data/sources/register-*.ttl: the two imported registers (issue 18)
# the queries about the registers' money and partners: their rows come from the registers, so they are
# checked on the whole shipped data (fixture ``shipped``), not on the curated documents
REGISTER_QUERIES = frozenset(
    {"partners-by-programme", "money-by-organisation", "money-by-municipality", "cross-county-partners",
     "municipality-projects"}
)  # fmt: skip


@pytest.fixture(scope="session")
def curated_data(tmp_path_factory) -> Path:
    """The shipped data without the imported registers: the reference data and the curated documents.

    The exact rows of the query tests are pinned on these documents; the registers (thousands of
    projects, tested against the registers themselves in test_registers.py) are in ``shipped``.
    """
    out = tmp_path_factory.mktemp("curated") / "data"
    shutil.copytree(DATA, out, ignore=lambda _dir, names: [n for n in names if n.startswith(REGISTER_PREFIX)])
    return out


@pytest.fixture(scope="session")
def built(curated_data, tmp_path_factory):
    """The result of ``kg.build.build`` on the curated data (written to a temporary folder)."""
    from kg.build import build

    result = build(curated_data, tmp_path_factory.mktemp("build"), engine="rdflib")  # the reference engine
    assert result.conforms, result.report.to_text()
    _share_results(result.dataset, Path(result.output), tmp_path_factory)
    return result


# ------------------------------------------------------------------ rdflib rows, once per session
# The rdflib engine's rows of a shipped query on the curated build take seconds (nodes about 5 s of
# CPU, cross-border and search 1-3 s), and test_queries.py (the pinned rows) and test_engines.py
# (rdflib against Oxigraph) ask for the same (query, parameters, language) several times, often in
# two xdist workers: each is executed once per test session, by whichever worker asks first, and
# kept (pickled) in the session's shared temporary folder for the others.
_SHARED: dict[int, tuple[str, Path]] = {}  # id(Dataset) -> (sha256 of its graph.trig, results folder)
_RESULTS: dict[str, object] = {}  # this worker's copy of the results it has read or made


def _share_results(dataset, trig: Path, tmp_path_factory) -> None:
    """Let :func:`execute_once` keep the results on ``dataset`` (built from ``trig``) for the session."""
    base = tmp_path_factory.getbasetemp()
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # the workers' common folder
    folder = root / "rdflib-results"
    folder.mkdir(exist_ok=True)
    _SHARED[id(dataset)] = (hashlib.sha256(trig.read_bytes()).hexdigest(), folder)


def execute_once(source, query, params: dict[str, str] | None = None, **options):
    """``kg.query.sparql.execute(source, query, params, **options)``, computed once per test session
    when ``source`` is the session's curated rdflib build (fixture ``built``, or an RdflibStore on
    it), else simply executed. Each call gets its own copy of the variables and rows.

    The key is what the result depends on: the built graph (the digest of its graph.trig, which the
    build writes byte for byte the same in every worker), the query's text, the parameters and the
    options (language, timeout). A result is written atomically under a file lock, so a second
    worker asking for it meanwhile waits for it instead of computing it again: it waits at most as
    long as computing it would take, since the first began earlier (rdflib runs on one core).
    """
    from filelock import FileLock

    from kg.query.sparql import execute

    shared = _SHARED.get(id(getattr(source, "dataset", source)))
    if shared is None:
        return execute(source, query, params, **options)
    digest, folder = shared
    key = hashlib.sha256(
        repr((digest, query.text, sorted((params or {}).items()), sorted(options.items()))).encode()
    ).hexdigest()
    if key not in _RESULTS:
        path = folder / f"{key}.pickle"
        with FileLock(f"{path}.lock"):
            if path.exists():
                _RESULTS[key] = pickle.loads(path.read_bytes())
            else:
                _RESULTS[key] = execute(source, query, params, **options)
                partial = path.with_suffix(".partial")
                partial.write_bytes(pickle.dumps(_RESULTS[key]))
                partial.replace(path)
    result = _RESULTS[key]
    return dataclasses.replace(result, variables=list(result.variables), rows=[dict(row) for row in result.rows])


@pytest.fixture(scope="session")
def shipped_build(tmp_path_factory):
    """The whole shipped data, registers included, built by the default (Oxigraph) engine."""
    from kg.build import build

    result = build(DATA, tmp_path_factory.mktemp("shipped"), engine="oxigraph")
    assert result.conforms, result.report.to_text()
    return result


@pytest.fixture(scope="session")
def shipped(shipped_build):
    """An Oxigraph store of the whole shipped data (``shipped_build``'s graph file)."""
    from kg.query.stores import OxigraphStore

    return OxigraphStore.from_file(shipped_build.output)


@pytest.fixture(scope="session")
def dataset(built):
    """The built rdflib Dataset: every named graph of the shipped data, with derived triples."""
    return built.dataset


# ------------------------------------------------------------------ a smaller reference folder
_MUNICIPALITY = re.compile(r"(?:mun:|/id/municipality/)((?:se|fi)-\d+)")


def write_small_reference(target: Path) -> Path:
    """The shipped reference data into ``target``, with only the municipalities the tests name.

    Every reference file is copied as it is except municipalities.ttl, which keeps its header and
    the municipalities named in any test file, and those these point to (``kg:succeededBy``), so
    the folder conforms on both engines. The tests that use it check how one small source is read,
    validated or rebuilt, which does not depend on how many municipalities there are: the 600 of
    the whole reference data cost each rdflib validation (pyshacl) about a second, about half of
    its time. Tests of the shipped data and of reconciliation (suggestions among all municipalities)
    use ``data/reference`` itself.
    """
    shutil.copytree(
        DATA / "reference", target, ignore=lambda _d, names: [n for n in names if n == "municipalities.ttl"]
    )
    text = (DATA / "reference" / "municipalities.ttl").read_text(encoding="utf-8")
    blocks = text.split("\n\n")
    named = {}
    for block in blocks:
        found = re.match(r"mun:((?:se|fi)-\d+) a ", block.lstrip("\n"))
        if found:
            named[found.group(1)] = block
    wanted = set()
    for test in Path(__file__).parent.glob("*.py"):
        wanted |= set(_MUNICIPALITY.findall(test.read_text(encoding="utf-8"))) & named.keys()
    todo = list(wanted)
    while todo:  # and the municipalities these point to
        for code in set(_MUNICIPALITY.findall(named[todo.pop()])) & named.keys():
            if code not in wanted:
                wanted.add(code)
                todo.append(code)
    kept = [
        b
        for b in blocks
        if not re.match(r"mun:((?:se|fi)-\d+) a ", b.lstrip("\n")) or b.lstrip("\n").split()[0][4:] in wanted
    ]
    (target / "municipalities.ttl").write_text("\n\n".join(kept), encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def reference_only(tmp_path_factory) -> Path:
    """A data folder with the shipped reference data alone (no curated source to match against), for
    the text-reading tests of kg ingest; read-only."""
    folder = tmp_path_factory.mktemp("reference") / "data"
    (folder / "sources").mkdir(parents=True)
    shutil.copytree(REPO / "data" / "reference", folder / "reference")
    return folder


@pytest.fixture(scope="session")
def small_reference(tmp_path_factory) -> Path:
    """A reference folder with the municipalities the tests name (see ``write_small_reference``)."""
    return write_small_reference(tmp_path_factory.mktemp("small-reference") / "reference")
