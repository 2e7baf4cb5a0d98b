"""The order the test files start in: slowest first, from the seconds each took when last run.

pytest-xdist hands out whole files (``--dist loadfile``) in collection order (``--no-loadscope-reorder``):
the long files start first and the short ones fill in at the end, so no worker is left alone with a
long file while the other one is idle (xdist's own order, by number of tests, puts a few slow tests last).

The seconds come from two records, kept up to date by the runs themselves:

- pytest's cache (``.pytest_cache``, this machine): every run stores the seconds of each test it ran
  (setup, call and teardown); the tests of a file add up to the file's seconds;
- ``tests/durations.json`` (committed, for CI and fresh checkouts): the seconds of each file, rewritten
  from that cache by ``python -m pytest --update-durations`` after a whole run.

A file whose tests all have a time in the cache is ranked by it, else by ``tests/durations.json``; a
file in neither (a new one) runs after those, until a run has timed it.
"""

from __future__ import annotations

import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DURATIONS = REPO / "tests" / "durations.json"
CACHE_KEY = "kg/test-seconds"  # nodeid -> seconds, in pytest's cache


def _file(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


def _cached(config) -> dict[str, float]:
    cache = getattr(config, "cache", None)  # absent with -p no:cacheprovider
    return dict(cache.get(CACHE_KEY, {})) if cache is not None else {}


def file_seconds(config, nodeids) -> dict[str, float]:
    """Seconds per test file of ``nodeids``: the cache's sum where it has every test of the file,
    else the committed record's."""
    committed = json.loads(DURATIONS.read_text(encoding="utf-8")) if DURATIONS.is_file() else {}
    cached = _cached(config)
    by_file: dict[str, list[str]] = {}
    for nodeid in nodeids:
        by_file.setdefault(_file(nodeid), []).append(nodeid)
    seconds = {}
    for path, ids in by_file.items():
        if all(i in cached for i in ids):
            seconds[path] = sum(cached[i] for i in ids)
        elif path in committed:
            seconds[path] = committed[path]
    return seconds


def pytest_addoption(parser):
    parser.addoption(
        "--update-durations",
        action="store_true",
        help="after the run, write the seconds of each test file to tests/durations.json (the order files start in)",
    )


def pytest_collection_modifyitems(config, items):
    seconds = file_seconds(config, [item.nodeid for item in items])
    items.sort(key=lambda item: -seconds.get(_file(item.nodeid), -1.0))  # stable: a file keeps its order


# ------------------------------------------------------------------ recording (in the controller)
_collected: set[str] = set()
_ran: dict[str, float] = {}


def pytest_xdist_node_collection_finished(node, ids):
    _collected.update(ids)


def pytest_collection_finish(session):
    _collected.update(item.nodeid for item in session.items)  # empty in the controller of xdist


def pytest_runtest_logreport(report):  # in the controller of xdist, the workers' reports too
    _ran[report.nodeid] = _ran.get(report.nodeid, 0.0) + report.duration  # setup + call + teardown


def pytest_sessionfinish(session, exitstatus):
    config = session.config
    if hasattr(config, "workerinput") or getattr(config, "cache", None) is None:
        return  # a worker: its reports reach the controller, which records them
    cached = {i: s for i, s in _cached(config).items() if (REPO / _file(i)).is_file()}
    cached.update({i: round(s, 3) for i, s in _ran.items() if i in _collected})
    config.cache.set(CACHE_KEY, cached)
    if config.getoption("update_durations"):  # the files of this run whose every test has a time
        committed = json.loads(DURATIONS.read_text(encoding="utf-8")) if DURATIONS.is_file() else {}
        committed.update(file_seconds(config, sorted(_collected)))
        committed = {
            f: round(s, 1) for f, s in sorted(committed.items(), key=lambda kv: -kv[1]) if (REPO / f).is_file()
        }
        DURATIONS.write_text(json.dumps(committed, indent=1) + "\n", encoding="utf-8")
