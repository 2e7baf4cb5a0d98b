"""samverkan-kg: a knowledge graph of inter-municipal collaboration in northern Sweden and Finland.

The package is organised one responsibility per module, data flowing one way::

    sources -> derive -> validate -> build -> store/sparql -> network / analyze / viz -> notebook

Heavy libraries (rdflib, pyshacl, networkx, pandas, pyvis) are imported lazily, so that
``import kg`` and ``kg --help`` stay fast. In a notebook::

    >>> import kg
    >>> g = kg.load()
    >>> g.query("members", association="Region 10").shape[0]
    10
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["KnowledgeGraph", "__version__", "load", "reconcile"]


def __getattr__(name: str):
    if name in ("load", "KnowledgeGraph"):
        from kg import notebook

        return getattr(notebook, name)
    if name == "reconcile":
        from kg.reconciliation import reconcile

        return reconcile
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
