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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import XSD

from kg.labels import best_label

DATE_TYPES = {str(XSD.date): "day", str(XSD.dateTime): "day", str(XSD.gYearMonth): "month", str(XSD.gYear): "year"}
NUMBER_TYPES = {str(XSD.decimal), str(XSD.double), str(XSD.float)}
INTEGER_TYPES = {str(XSD.integer), str(XSD.int), str(XSD.long), str(XSD.nonNegativeInteger)}


def load(path: str | Path | list[str | Path] | None = None, *, endpoint: str | None = None, lang: str = "sv"):
    """A :class:`KnowledgeGraph` over the shipped build (built first if missing or stale), over
    given files or folders (a built ``graph.trig``, a data folder, or source files), or over a
    remote SPARQL endpoint.

    >>> g = load()
    >>> len(g.dataset) > 1000
    True
    """
    from kg.graph import open_dataset, read_dataset

    if endpoint is not None:
        from kg.graph import open_source

        return KnowledgeGraph(None, lang=lang, store=open_source(endpoint=endpoint))
    if path is None:
        return KnowledgeGraph(open_dataset(), lang=lang)
    paths = [Path(p) for p in (path if isinstance(path, list) else [path])]
    if len(paths) == 1 and paths[0].suffix in (".trig", ".nq"):
        return KnowledgeGraph(read_dataset(paths[0]), lang=lang)
    from kg.derive import derive
    from kg.sources import load as load_sources

    loaded = load_sources(files=paths)
    derive(loaded.dataset)
    return KnowledgeGraph(loaded.dataset, lang=lang)


def _convert_column(values: list[object]):
    """A pandas Series of the right dtype for one column of RDF terms."""
    import pandas as pd

    present = [v for v in values if v is not None]
    datatypes = {str(v.datatype) for v in present if isinstance(v, Literal) and v.datatype is not None}
    if present and all(isinstance(v, Literal) and v.datatype is not None for v in present):
        if datatypes <= set(DATE_TYPES):
            return pd.to_datetime([_period_start(v) for v in values]), datatypes
        if datatypes <= INTEGER_TYPES:
            return pd.array([int(v) if v is not None else None for v in values], dtype="Int64"), datatypes
        if datatypes <= NUMBER_TYPES | INTEGER_TYPES:
            return pd.array([float(v) if v is not None else None for v in values], dtype="Float64"), datatypes
        if datatypes == {str(XSD.boolean)}:
            return pd.array([bool(v.toPython()) if v is not None else None for v in values], dtype="boolean"), datatypes
    return pd.array([str(v) if v is not None else None for v in values], dtype="string"), datatypes


def _period_start(value: object) -> str | None:
    if value is None:
        return None
    text = str(value)
    return text + "-01-01" if len(text) == 4 else text + "-01" if len(text) == 7 else text


def to_frame(result):
    """A query result as a DataFrame: dates as datetime64 (a year or month as its first day, with a
    ``<column>Precision`` column saying so), numbers as numbers, booleans as bool, IRIs as strings."""
    import pandas as pd

    columns: dict[str, Any] = {}
    for name in result.variables:
        values = [row.get(name) for row in result.rows]
        series, datatypes = _convert_column(values)
        columns[name] = series
        if (
            datatypes <= set(DATE_TYPES)
            and len({DATE_TYPES[d] for d in datatypes})
            and datatypes
            - {
                str(XSD.date),
                str(XSD.dateTime),
            }
        ):
            columns[f"{name}Precision"] = pd.array(
                [DATE_TYPES[str(v.datatype)] if v is not None else None for v in values], dtype="string"
            )
    return pd.DataFrame(columns)


@dataclass
class Relation:
    """One relation of an entity: direction, property, the other end, and the sources that state it."""

    direction: str
    property: str
    property_label: str
    value: str
    value_label: str
    language: str
    sources: list[str]


@dataclass
class Entity:
    """Everything known about one entity."""

    iri: str
    label: str
    types: list[str] = field(default_factory=list)
    labels: dict[str, list[str]] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)

    def to_dict(self) -> dict:
        """Plain data (for JSON)."""
        from dataclasses import asdict

        return asdict(self)

    def __repr__(self) -> str:
        names = "; ".join(f"{lang}: {', '.join(v)}" for lang, v in sorted(self.labels.items()))
        lines = [f"<Entity {self.label} <{self.iri}>", f"  types:  {', '.join(self.types)}", f"  names:  {names}"]
        for r in self.relations:
            arrow = "->" if r.direction == "out" else "<-"
            lines.append(f"  {arrow} {r.property_label}: {r.value_label}  [{', '.join(r.sources)}]")
        return "\n".join(lines) + ">"


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

    >>> g = load()
    >>> g
    <KnowledgeGraph: ... triples, 5 sources>
    """

    def __init__(self, dataset: Dataset | None, lang: str = "sv", store=None):
        from kg.store import fast_store

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
        from kg.namespaces import is_source_graph

        sources = sum(1 for g in self._dataset.graphs() if is_source_graph(g.identifier))
        return f"<KnowledgeGraph: {len(self._dataset)} triples, {sources} sources>"

    # ---------------------------------------------------------------- questions
    def query(self, name_or_sparql: str, *, lang: str | None = None, timeout: float | None = 30.0, **params):
        """Run a library query by name (or a ``.rq`` path, or SPARQL text) and return a DataFrame.

        Parameters are bound as RDF terms, exactly as ``kg query --param`` does.

        >>> g = load()
        >>> df = g.query("initiatives")
        >>> row = df[df.initiativeLabel == "Samhällsinnovation i glesa geografin"].iloc[0]
        >>> df["start"].dtype.kind, str(row.start.date()), row.startPrecision
        ('M', '2024-08-01', 'day')
        >>> g.query("SELECT (COUNT(*) AS ?n) WHERE { ?m a kg:Municipality }")["n"][0]
        np.int64(50)
        """
        from kg.library import get
        from kg.sparql import adhoc, execute

        text = name_or_sparql.strip()
        is_sparql = any(word in text.upper() for word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")) and " " in text
        query = adhoc(name_or_sparql) if is_sparql else get(name_or_sparql)
        params = {k: str(v) for k, v in params.items()}
        result = execute(self.store, query, params, lang=lang or self.lang, timeout=timeout)
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
        from kg.library import Parameter, get
        from kg.sparql import execute, to_term

        iri = to_term(Parameter("entity", "entity"), name, self.store)
        rows = execute(self.store, get("entity"), {"entity": str(iri)}, lang=self.lang).rows
        entity = Entity(iri=str(iri), label=str(iri))
        label_props = {"http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#altLabel"}
        for row in rows:
            prop, value, direction = str(row["property"]), row["value"], str(row["direction"])
            if direction == "out" and prop in label_props and isinstance(value, Literal):
                entity.labels.setdefault(value.language or "", []).append(str(value))
                continue
            if direction == "out" and prop.endswith("22-rdf-syntax-ns#type"):
                entity.types.append(str(row.get("valueLabel", value)))
                continue
            entity.relations.append(
                Relation(
                    direction=direction,
                    property=prop,
                    property_label=str(row.get("propertyLabel", prop)),
                    value=str(value),
                    value_label=str(row.get("valueLabel", value)),
                    language=str(row.get("language", "")),
                    sources=str(row.get("sources", "")).split(),
                )
            )
        for values in entity.labels.values():
            values.sort()
        preferred = [entity.labels.get(x) for x in (self.lang, "sv", "en", "fi")]
        entity.label = next((v[0] for v in preferred if v), str(iri))
        return entity

    # ---------------------------------------------------------------- networks and analysis
    def network(self, kind: str = "actors", year: int | None = None):
        """The networkx graph of a projection: ``actors``, ``bipartite`` or ``organisations``.

        >>> g = load().network("actors")
        >>> g.nodes["https://w3id.org/samverkan/id/municipality/se-2521"]["label"]
        'Pajala'
        """
        from kg.network import network

        key = (kind, year)
        if key not in self._networks:
            self._networks[key] = network(self.store, kind, year, self.lang)
        return self._networks[key].copy()

    def analysis(self, kind: str = "actors", year: int | None = None):
        """The full :class:`kg.analyze.Analysis` of a projection."""
        from kg.analyze import analyze

        return analyze(self.network(kind, year), self.network("bipartite", year))

    def clusters(self, kind: str = "actors", year: int | None = None):
        """One row per collaboration cluster: id, name, size, members, initiatives, funders, countries.

        >>> df = load().clusters()
        >>> df.loc[df.name.str.startswith("Pajala"), "size"].iloc[0]
        np.int64(7)
        """
        import pandas as pd

        rows = [
            {
                "id": c.id,
                "name": c.name,
                "size": c.size,
                "members": "; ".join(c.member_labels),
                "initiatives": "; ".join(c.initiative_labels),
                "funders": "; ".join(c.funder_labels),
                "countries": " ".join(c.countries),
            }
            for c in self.analysis(kind, year).clusters
        ]
        return pd.DataFrame(rows, columns=["id", "name", "size", "members", "initiatives", "funders", "countries"])

    def centrality(self, kind: str = "actors", year: int | None = None):
        """One row per actor: cluster, degree, weighted degree, betweenness, eigenvector, broker.

        >>> df = load().centrality()
        >>> list(df.columns)
        ['actor', 'label', 'cluster', 'degree', 'weighted_degree', 'betweenness', 'eigenvector', 'broker']
        """
        import pandas as pd

        from kg.analyze import to_rows

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

        >>> load().validate().conforms
        True
        """
        from kg.sources import Loaded
        from kg.validate import validate

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
        import networkx as nx

        from kg.atomic import atomic_writer

        with atomic_writer(path, "wb") as handle:
            nx.write_graphml(self.network(kind, year), handle)
        return Path(path)

    def to_gexf(self, path: str | Path, kind: str = "actors", year: int | None = None) -> Path:
        """Write a projection as GEXF (opens in Gephi).

        >>> import tempfile, networkx as nx
        >>> g = load(); path = g.to_gexf(tempfile.mkdtemp() + "/actors.gexf")
        >>> sorted(nx.read_gexf(path).nodes) == sorted(g.network().nodes)
        True
        """
        import networkx as nx

        from kg.atomic import atomic_writer

        with atomic_writer(path, "wb") as handle:
            nx.write_gexf(self.network(kind, year), handle)
        return Path(path)

    def to_jsonld(self, path: str | Path) -> Path:
        """Write every named graph as JSON-LD with a compact ``@context`` of the project's prefixes.

        >>> import tempfile, json
        >>> path = load().to_jsonld(tempfile.mkdtemp() + "/graph.jsonld")
        >>> json.loads(path.read_text(encoding="utf-8"))["@context"]["kg"]
        'https://w3id.org/samverkan/def#'
        """
        from kg.atomic import write_text
        from kg.namespaces import PREFIXES

        context = {k: str(v) for k, v in PREFIXES.items()}
        text = self.dataset.serialize(format="json-ld", context=context, auto_compact=True)
        write_text(path, text)
        return Path(path)

    def to_turtle(self, path: str | Path) -> Path:
        """Write the union of all graphs as Turtle (named graphs are merged: use :meth:`to_trig` to keep them).

        >>> import tempfile, rdflib
        >>> g = load(); path = g.to_turtle(tempfile.mkdtemp() + "/graph.ttl")
        >>> len(rdflib.Graph().parse(path)) == len(set(g.dataset.triples((None, None, None))))
        True
        """
        from rdflib import Graph

        from kg.atomic import atomic_writer
        from kg.namespaces import bind_all

        union = Graph()
        bind_all(union)
        for triple in self.dataset.triples((None, None, None)):
            union.add(triple)
        with atomic_writer(path, "wb") as handle:
            union.serialize(destination=handle, format="turtle", encoding="utf-8")
        return Path(path)

    def to_trig(self, path: str | Path) -> Path:
        """Write every named graph as TriG (provenance kept)."""
        from kg.atomic import atomic_writer

        with atomic_writer(path, "wb") as handle:
            self.dataset.serialize(destination=handle, format="trig", encoding="utf-8")
        return Path(path)

    def label(self, iri: str) -> str:
        """The label of an IRI in the graph's language."""
        return best_label(self.dataset, URIRef(iri), self.lang) or iri
