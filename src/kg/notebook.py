"""The notebook API: load the graph, ask it questions, get pandas and networkx objects back.

>>> import kg
>>> g = kg.load()
>>> g.query("members", association="Region 10")[["memberLabel", "code"]].head(3)
  memberLabel  code
0      Norsjö  2417
1        Malå  2418
2    Storuman  2421
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from rdflib import Dataset, URIRef

from kg.core.labels import best_label
from kg.query.entity import Entity, Relation
from kg.query.frames import to_frame

__all__ = ["Entity", "KnowledgeGraph", "Page", "Relation", "Report", "load", "to_frame"]


def load(path: str | Path | list[str | Path] | None = None, *, endpoint: str | None = None, lang: str = "sv"):
    """A :class:`KnowledgeGraph` over the shipped build (built first if missing or stale), over
    given files or folders (a built ``graph.trig``, a data folder, or source files), or over a
    remote SPARQL endpoint.

    >>> g = load()
    >>> len(g.dataset) > 1000
    True
    >>> load(lang="de")
    Traceback (most recent call last):
    ...
    ValueError: lang must be one of sv, fi, en, not 'de'
    """
    from kg.build.graph import open_dataset, read_dataset
    from kg.core.labels import LANGS

    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    if endpoint is not None:
        from kg.build.graph import open_source

        return KnowledgeGraph(None, lang=lang, store=open_source(endpoint=endpoint))
    if path is None:
        return KnowledgeGraph(open_dataset(), lang=lang)
    paths = [Path(p) for p in (path if isinstance(path, list) else [path])]
    if len(paths) == 1 and paths[0].suffix in (".trig", ".nq"):
        return KnowledgeGraph(read_dataset(paths[0]), lang=lang)
    from kg.build.derive import derive
    from kg.build.sources import load as load_sources

    loaded = load_sources(files=paths)
    derive(loaded.dataset)
    return KnowledgeGraph(loaded.dataset, lang=lang)


class Page:
    """The network page, shown inline in Jupyter and VS Code (an iframe whose ``srcdoc`` holds the page)."""

    def __init__(self, html_text: str, height: int = 700):
        self.html = html_text
        self.height = height

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{html.escape(self.html, quote=True)}" style="width:100%;height:{self.height}px;'
            'border:1px solid #ddd" sandbox="allow-scripts allow-downloads"></iframe>'
        )

    def save(self, path: str | Path) -> Path:
        """Write the page to a file."""
        from kg.viz import write_page

        return write_page(path, self.html)


class Report:
    """A validation report: ``.conforms`` and a DataFrame of ``.results``."""

    def __init__(self, report):
        import pandas as pd

        self.report = report
        self.conforms = report.conforms
        self.results = pd.DataFrame(
            [
                {
                    "severity": r.severity,
                    "focus": r.focus,
                    "label": r.focus_label,
                    "property": r.path,
                    "value": r.value,
                    "message": r.message,
                    "files": ", ".join(r.files),
                }
                for r in report.results
            ],
            columns=["severity", "focus", "label", "property", "value", "message", "files"],
        )

    def __repr__(self) -> str:
        return f"<Report {self.report.summary()}>"


class KnowledgeGraph:
    """The graph, with the library's queries, networks, analysis, page and exports.

    Its summary counts as ``kg build`` does: the triples of every named graph (a triple that two
    sources state counts twice, once per graph that holds it), the named graphs and the source documents.

    >>> g = load()
    >>> g
    <KnowledgeGraph: ... triples in ... named graphs, 19 sources>
    """

    def __init__(self, dataset: Dataset | None, lang: str = "sv", store=None):
        from kg.query.stores import fast_store

        self._dataset = dataset
        self.lang = lang
        self.store = store if store is not None else fast_store(dataset)
        self._networks: dict[tuple, Any] = {}

    @property
    def dataset(self) -> Dataset:
        """The rdflib Dataset (one named graph per source), for anyone who wants raw RDF."""
        if self._dataset is None:
            raise ValueError("this graph lives on a remote endpoint; there is no local dataset")
        return self._dataset

    def __repr__(self) -> str:
        if self._dataset is None:
            return f"<KnowledgeGraph on {getattr(self.store, 'endpoint', 'a remote endpoint')}>"
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

        from kg.core.namespaces import is_source_graph

        # as kg build counts (kg.build.result): the quads of the named graphs, not the distinct triples of
        # their union, which len(Dataset) gives (40,144 against the build's 40,186 on the shipped data)
        named = [g for g in self._dataset.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g)]
        sources = sum(1 for g in named if is_source_graph(g.identifier))
        triples = sum(len(g) for g in named)
        return f"<KnowledgeGraph: {triples} triples in {len(named)} named graphs, {sources} sources>"

    # ---------------------------------------------------------------- questions
    def query(
        self,
        name_or_sparql: str,
        *,
        lang: str | None = None,
        timeout: float | None = 30.0,
        allow_service: bool = False,
        **params,
    ):
        """Run a library query by name (or a ``.rq`` path, or SPARQL text) and return a DataFrame.

        Parameters are bound as RDF terms, exactly as ``kg query --param`` does. A federated query
        (SERVICE) is refused unless ``allow_service=True``.

        >>> g = load()
        >>> df = g.query("initiatives")
        >>> row = df[df.initiativeLabel == "Samhällsinnovation i glesa geografin"].iloc[0]
        >>> df["start"].dtype.kind, str(row.start.date()), row.startPrecision
        ('M', '2024-08-01', 'day')
        >>> g.query("SELECT (COUNT(*) AS ?n) WHERE { ?m a kg:Municipality }")["n"][0]
        np.int64(598)
        """
        from kg.query.library import get
        from kg.query.sparql import adhoc, execute

        text = name_or_sparql.strip()
        is_sparql = any(word in text.upper() for word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")) and " " in text
        query = adhoc(name_or_sparql) if is_sparql else get(name_or_sparql)
        params = {k: str(v) for k, v in params.items()}
        result = execute(
            self.store,
            query,
            params,
            lang=lang or self.lang,
            timeout=timeout,
            allow_service=allow_service,
            isolate=True,  # a timed-out query is stopped, not left running in the kernel
        )
        if result.graph is not None:
            return result.graph
        if result.form == "ASK":
            return bool(result.boolean)
        return to_frame(result)

    def entity(self, name: str) -> Entity:
        """Everything known about one entity (by name in any language, or IRI), with sources.

        >>> e = load().entity("Pajala")
        >>> e.iri, e.labels["fit"]
        ('https://w3id.org/samverkan/id/municipality/se-2521', ['Pajala', 'Pajalan kunta'])
        >>> [r.sources for r in e.relations if r.value_label == "Samhällsinnovation i glesa geografin"][0]
        ['000_d0f522aa97cf2385']
        """
        from kg.query.entity import describe

        return describe(self.store, name, self.lang)

    # ---------------------------------------------------------------- networks and analysis
    def network(self, kind: str = "actors", year: int | None = None):
        """The networkx graph of a projection: ``actors``, ``bipartite`` or ``organisations``.

        >>> g = load().network("actors")
        >>> g.nodes["https://w3id.org/samverkan/id/municipality/se-2521"]["label"]
        'Pajala'
        """
        from kg.analysis.network import network

        key = (kind, year)
        if key not in self._networks:
            self._networks[key] = network(self.store, kind, year, self.lang)
        return self._networks[key].copy()

    def analysis(self, kind: str = "actors", year: int | None = None):
        """The full :class:`kg.analysis.analyze.Analysis` of a projection."""
        from kg.analysis.analyze import analyze

        return analyze(self.network(kind, year), self.network("bipartite", year))

    def clusters(self, kind: str = "actors", year: int | None = None):
        """One row per collaboration cluster: id, name, size, members, initiatives, funders, countries.

        >>> g = load()
        >>> df = g.clusters()
        >>> list(df.columns)
        ['id', 'name', 'size', 'members', 'initiatives', 'funders', 'countries']
        >>> int(df["size"].sum()) == g.network().number_of_nodes()  # every actor in one cluster
        True
        """
        import pandas as pd

        from kg.analysis.export import CLUSTER_COLUMNS, cluster_rows

        return pd.DataFrame(cluster_rows(self.analysis(kind, year)), columns=CLUSTER_COLUMNS)

    def centrality(self, kind: str = "actors", year: int | None = None):
        """One row per actor: cluster, degree, weighted degree, betweenness, eigenvector, broker.

        >>> df = load().centrality()
        >>> list(df.columns)
        ['actor', 'label', 'cluster', 'degree', 'weighted_degree', 'betweenness', 'eigenvector', 'broker']
        """
        import pandas as pd

        from kg.analysis.analyze import to_rows

        return pd.DataFrame(to_rows(self.analysis(kind, year)))

    def show(self, kind: str = "actors", *, year: int | None = None, height: int = 700, **viz_options) -> Page:
        """The network page, inline (options as for ``kg viz``: color_by, size_by, max_nodes, max_edges, title).

        >>> page = load().show(color_by="country")
        >>> page._repr_html_().startswith("<iframe srcdoc=")
        True
        """
        from kg.viz import render_page

        bipartite = self.network("bipartite", year)
        graph = bipartite if kind == "bipartite" else self.network(kind, year)
        options = {"lang": self.lang, **viz_options}
        return Page(render_page(graph, bipartite=bipartite, dataset=self.store, **options), height=height)

    def validate(self) -> Report:
        """Validate the graph against the shapes.

        >>> from kg.core.resources import default_data_dir  # the shipped data
        >>> load(default_data_dir() / "sources" / "01_sv_gallivare-move-on-up.ttl").validate().conforms  # one document
        True
        """
        from kg.build.sources import Loaded
        from kg.build.validate import validate

        return Report(validate(Loaded.from_dataset(self.dataset)))

    # ---------------------------------------------------------------- exports
    def to_graphml(self, path: str | Path, kind: str = "actors", year: int | None = None) -> Path:
        """Write a projection as GraphML.

        >>> import tempfile, networkx as nx
        >>> g = load(); path = g.to_graphml(tempfile.mkdtemp() + "/actors.graphml")
        >>> back = nx.read_graphml(path)
        >>> sorted(back.nodes) == sorted(g.network().nodes), back.number_of_edges() == g.network().number_of_edges()
        (True, True)
        """
        from kg.analysis.export import write_graphml

        return write_graphml(self.network(kind, year), path)

    def to_gexf(self, path: str | Path, kind: str = "actors", year: int | None = None) -> Path:
        """Write a projection as GEXF (opens in Gephi).

        >>> import tempfile, networkx as nx
        >>> g = load(); path = g.to_gexf(tempfile.mkdtemp() + "/actors.gexf")
        >>> sorted(nx.read_gexf(path).nodes) == sorted(g.network().nodes)
        True
        """
        from kg.analysis.export import write_gexf

        return write_gexf(self.network(kind, year), path)

    def to_jsonld(self, path: str | Path) -> Path:
        """Write every named graph as JSON-LD with a compact ``@context`` of the project's prefixes.

        >>> import tempfile, json
        >>> path = load().to_jsonld(tempfile.mkdtemp() + "/graph.jsonld")
        >>> json.loads(path.read_text(encoding="utf-8"))["@context"]["kg"]
        'https://w3id.org/samverkan/def#'
        """
        from kg.query.export import write_jsonld

        return write_jsonld(self.dataset, path)

    def to_turtle(self, path: str | Path) -> Path:
        """Write the union of all graphs as Turtle (named graphs are merged: use :meth:`to_trig` to keep them).

        >>> import tempfile, rdflib
        >>> g = load(); path = g.to_turtle(tempfile.mkdtemp() + "/graph.ttl")
        >>> len(rdflib.Graph().parse(path)) == len(set(g.dataset.triples((None, None, None))))
        True
        """
        from kg.query.export import write_turtle

        return write_turtle(self.dataset, path)

    def to_trig(self, path: str | Path) -> Path:
        """Write every named graph as TriG (provenance kept)."""
        from kg.query.export import write_trig

        return write_trig(self.dataset, path)

    def label(self, iri: str) -> str:
        """The label of an IRI in the graph's language."""
        return best_label(self.dataset, URIRef(iri), self.lang) or iri
