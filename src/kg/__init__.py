"""samverkan-kg: a knowledge graph of inter-municipal collaboration in northern Sweden and Finland.

The package has one subpackage per stage, data flowing one way (see ``docs/architecture.md``)::

    sources -> build (derive, validate) -> graph -> query -> analysis -> viz -> notebook, cli

``kg.core`` (namespaces, errors, atomic writes, shipped resources, labels), ``kg.build`` (sources,
derivation rules, validation, the build), ``kg.query`` (stores, the query library, execution, output
formats), ``kg.server`` (serve, push), ``kg.analysis`` (networks, clusters, centrality, write-back),
``kg.viz`` (the network page), ``kg.synth`` (synthetic data); :mod:`kg.notebook` and :mod:`kg.cli` on top.

Heavy libraries (rdflib, pyshacl, networkx, pandas, pyvis) are imported lazily, so that
``import kg`` and ``kg --help`` stay fast. In a notebook::

    >>> import kg
    >>> g = kg.load()
    >>> g.query("members", association="Region 10").shape[0]
    10
"""

from __future__ import annotations

from kg.core.version import __version__

__all__ = ["KnowledgeGraph", "__version__", "load", "reconcile"]


def __getattr__(name: str):
    if name in ("load", "KnowledgeGraph"):
        from kg import notebook

        return getattr(notebook, name)
    if name == "reconcile":
        from kg.reconciliation import reconcile

        return reconcile
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
