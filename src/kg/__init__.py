"""samverkan-kg: a knowledge graph of inter-municipal collaboration in northern Sweden and Finland.

The package is organised one responsibility per module, data flowing one way::

    sources -> derive -> validate -> build -> query / network / analyze / viz

Heavy libraries (rdflib, pyshacl, networkx, pandas, pyvis) are imported lazily, so that
``import kg`` and ``kg --help`` stay fast.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
