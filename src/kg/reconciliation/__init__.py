"""Reconciliation: which entity of the graph does a name (as written anywhere) mean?

One function, used by ``kg import``, ``kg reconcile`` and anything that reads names from outside::

    >>> import kg
    >>> df = kg.reconcile(["Pajalas", "Kemijärven kaupungilta", "kuntanumero 614", "R10"])
    >>> print(df[df["rank"] == 1][["name", "label", "score", "match", "method"]].to_string(index=False))
                      name     label  score  match    method
                   Pajalas    Pajala   95.0   True inflected
    Kemijärven kaupungilta Kemijärvi   91.0   True   generic
           kuntanumero 614     Posio  100.0   True      code
                       R10 Region 10   98.0   True     exact

The index covers every ``rdfs:label`` and ``skos:altLabel`` of the graph's entities (instances of
the ontology's classes), their official codes (``kg:municipalityCode``: kommunkod, kuntanumero;
``kg:areaCode``) and IRIs; see :mod:`kg.reconciliation.text` for how names are compared.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kg.reconciliation.index import COLUMNS, Reconciler

__all__ = ["COLUMNS", "Reconciler", "default_reconciler", "reconcile", "reconciler_for"]

_CACHE: dict[object, Reconciler] = {}


def _data_signature(data_dir: Path) -> tuple:
    from kg.build.sources import FORMATS

    files = sorted(p for p in data_dir.rglob("*") if p.suffix in FORMATS)
    return (str(data_dir.resolve()), tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files))


def default_reconciler(data_dir: Path | str | None = None) -> Reconciler:
    """The reconciler over a data folder (default ``./data``, else the shipped data), with the
    ontology; cached until a file of the folder changes."""
    from kg.build.sources import load
    from kg.core import resources
    from kg.reconciliation.text import finnish_analyser

    folder = Path(data_dir) if data_dir is not None else resources.default_data_dir()
    key = (finnish_analyser(), _data_signature(folder))
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = Reconciler(load(folder).dataset)
    return _CACHE[key]


def reconciler_for(graph=None) -> Reconciler:
    """A reconciler for ``graph``: None (the default data), a data folder, a :class:`Reconciler`,
    a ``kg.KnowledgeGraph`` or an rdflib graph or dataset."""
    if graph is None or isinstance(graph, str | Path):
        return default_reconciler(graph)
    if isinstance(graph, Reconciler):
        return graph
    dataset = getattr(graph, "dataset", None)
    return Reconciler(dataset if dataset is not None else graph)


def reconcile(
    names: Iterable[str] | str,
    type: str | None = None,
    country: str | None = None,
    lang: str | None = None,
    *,
    graph=None,
    limit: int = 5,
    fuzzy: bool = True,
):
    """Candidates in the graph for each of ``names``, as a pandas DataFrame.

    ``type`` keeps candidates of one class and its subclasses (an IRI, ``kg:Municipality``, or a
    class label in sv/fi/en such as ``kommun``, ``kunta``, ``hanke``); ``country`` keeps ``SE`` or
    ``FI`` actors; ``lang`` is the language the names are written in (``sv``, ``fi``; default:
    try both) and the language of the returned labels. ``graph`` is what to search (see
    :func:`reconciler_for`; default: the shipped or local data). Columns: :data:`COLUMNS`,
    described in :meth:`Reconciler.reconcile`. An unknown type raises ``KeyError`` naming the
    closest classes.

    >>> df = reconcile("Övertorneå")          # two municipalities bear the name
    >>> sorted(df[df["score"] == 100]["id"].str.rsplit("/", n=1).str[-1]), bool(df["match"].any())
    (['fi-976', 'se-2518'], False)
    >>> reconcile("Övertorneå", country="SE").loc[0, "id"]
    'https://w3id.org/samverkan/id/municipality/se-2518'
    """
    return reconciler_for(graph).reconcile(names, type, country, lang, limit=limit, fuzzy=fuzzy)
