"""Fixtures for the doctests in src/kg (tests/conftest.py serves the tests in tests/)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def shared_load():
    """``kg.notebook.load``, called once per distinct set of arguments in a test session.

    Each ``load()`` re-reads the shipped graph.trig into rdflib (about 2 s of CPU); the notebook's
    examples only read the graph they load (``network()`` hands out copies), so they can share it.
    Calls that raise are not remembered, and arguments that cannot be hashed always call ``load``.
    """
    from kg import notebook

    graphs: dict = {}

    def load(*args, **kwargs):
        key = (args, tuple(sorted(kwargs.items())))
        try:
            hash(key)
        except TypeError:
            return notebook.load(*args, **kwargs)
        if key not in graphs:
            graphs[key] = notebook.load(*args, **kwargs)
        return graphs[key]

    return load


@pytest.fixture(autouse=True)
def _notebook_examples_share_the_graph(request):
    """The examples of kg.notebook run as written, their ``load(...)`` served by ``shared_load``."""
    dtest = getattr(request.node, "dtest", None)  # set on doctest items only
    if dtest is not None and dtest.globs.get("__name__") == "kg.notebook":
        dtest.globs["load"] = request.getfixturevalue("shared_load")
