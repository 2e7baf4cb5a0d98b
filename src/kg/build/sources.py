"""Find and read the input files into one rdflib Dataset, one named graph per source.

Layout of a data folder::

    DIR/reference/*.ttl        -> graph <https://w3id.org/samverkan/id/graph/reference>
    DIR/sources/STEM.ttl       -> graph <https://w3id.org/samverkan/id/source/STEM>
    DIR/sources/STEM.trig      -> the same graph, named in the file or left as the default graph

The ontology (``ontology/*.ttl``) always goes into <https://w3id.org/samverkan/id/graph/ontology>.
A file writes only its own graph: a TriG or N-Quads source naming any other graph (another source's,
the ontology, the reference data) is a :class:`kg.core.errors.DataError` naming the file and the graph.
Syntax errors become :class:`kg.core.errors.DataError` naming the file, line and column; nothing is
half-loaded, because each file is parsed into a graph of its own before it joins the dataset.
"""

from __future__ import annotations

import logging
import os
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from kg.build.reading import FORMATS, Reading, read, stored_forms
from kg.core import resources
from kg.core.errors import DataError
from kg.core.namespaces import ONTOLOGY_GRAPH, REFERENCE_GRAPH, bind_all, is_source_graph, source_graph


@dataclass
class LoadIssue:
    """Something wrong with a value that the parser accepted, located in its file."""

    message: str
    file: Path
    line: int | None
    subject: URIRef | None
    predicate: URIRef | None
    value: str


@dataclass
class Loaded:
    """The dataset read from the input files, and where every graph came from."""

    dataset: Dataset
    files: dict[URIRef, list[Path]] = field(default_factory=lambda: defaultdict(list))
    issues: list[LoadIssue] = field(default_factory=list)
    subjects: dict[object, list[Path]] = field(default_factory=lambda: defaultdict(list))

    def files_of(self, node: object) -> list[Path]:
        """The files that describe ``node`` (where it is a subject), sources before reference data."""
        return sorted(self.subjects.get(node, []), key=lambda p: (p.parent.name != "sources", str(p)))

    def files_of_triple(self, subject: object, predicate: object, value: object) -> list[Path]:
        """The files describing ``subject``, those whose graph holds the triple first (a report
        names the file of the offending triple, not the first file that mentions its subject)."""
        holders: list[Path] = []
        if isinstance(predicate, URIRef) and value is not None:
            for name, paths in self.files.items():
                if name != ONTOLOGY_GRAPH and (subject, predicate, value) in self.dataset.graph(name):
                    holders += [p for p in paths if p not in holders]
        return holders + [p for p in self.files_of(subject) if p not in holders]

    def index_derived(self) -> None:
        """Count a node as described by a file when a derived triple about it went into that
        file's graph (derivation keeps a fact in the graph of its premises)."""
        for name, paths in self.files.items():
            if len(paths) == 1 and name != ONTOLOGY_GRAPH:
                for subject in set(self.dataset.graph(name).subjects()):
                    if paths[0] not in self.subjects[subject]:
                        self.subjects[subject].append(paths[0])

    @property
    def source_graphs(self) -> list[URIRef]:
        """Names of the source documents' graphs, sorted."""
        names = set(self.files) or {g.identifier for g in self.dataset.graphs() if len(g)}
        return sorted(g for g in names if is_source_graph(g))

    @classmethod
    def from_dataset(cls, dataset: Dataset) -> Loaded:
        """Wrap a dataset read back from a build (no file is known for its graphs)."""
        return cls(dataset=dataset)


def new_dataset() -> Dataset:
    """An empty dataset whose default graph is the union of its named graphs."""
    ds = Dataset(default_union=True)
    bind_all(ds)
    return ds


def parse_file(path: Path, kind: str = "source") -> Dataset:
    """Parse one RDF file into a fresh dataset (named graphs kept for TriG/N-Quads).

    The file is read by Oxigraph's strict parser (:func:`kg.build.reading.read`), the same reading
    as the Oxigraph engine's. Raises :class:`DataError` with file, line and column on a syntax error.
    """
    return _to_dataset(read(path, kind))


def _to_dataset(reading: Reading) -> Dataset:
    import pyoxigraph as ox

    from kg.query.stores import to_rdflib

    ds = Dataset()
    rdflib_term_logger = logging.getLogger("rdflib.term")
    previous = rdflib_term_logger.level
    rdflib_term_logger.setLevel(logging.CRITICAL)  # ill-typed literals are reported by us, with their line
    try:
        graphs: dict[object, Graph] = {}
        for quad in stored_forms(reading.quads):  # literals as Oxigraph's store holds them
            name = quad.graph_name
            key = "urn:x-kg:default" if isinstance(name, ox.DefaultGraph) else name.value
            if key not in graphs:
                graphs[key] = ds.graph(URIRef(key))
            graphs[key].add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    finally:
        rdflib_term_logger.setLevel(previous)
    return ds


def literal_issues(reading: Reading) -> list[LoadIssue]:
    """The literals of a file that are not valid for their XSD datatype (:mod:`kg.build.literals`),
    quoted as written, with the line of the literal (comments are not looked at)."""
    import pyoxigraph as ox

    from kg.build.literals import CHECKED, XSD, well_formed

    checked = _checked_datatypes(ox, XSD, CHECKED)
    issues = []
    for quad in reading.quads:
        o = quad.object
        if isinstance(o, ox.Literal) and o.datatype in checked and not well_formed(o.value, o.datatype.value):
            kind = o.datatype.value.rsplit("#", 1)[-1]
            subject = quad.subject
            issues.append(
                LoadIssue(
                    message=f'"{o.value}" is not a valid xsd:{kind}',
                    file=reading.path,
                    line=reading.line_of_literal(o.value),
                    subject=URIRef(subject.value) if isinstance(subject, ox.NamedNode) else None,
                    predicate=URIRef(quad.predicate.value),
                    value=o.value,
                )
            )
    return issues


_CHECKED_NODES: set = set()


def _checked_datatypes(ox, xsd: str, names) -> set:
    """The XSD datatypes whose lexical forms :func:`kg.build.literals.well_formed` checks, as
    Oxigraph terms (a set lookup per literal instead of a string test; xsd:string and language
    strings are never ill-formed)."""
    if not _CHECKED_NODES:
        # made whole first, then added in one call: the files are read by several threads
        # (kg.build.fastpath.load_files), and none may see the set half filled
        _CHECKED_NODES.update({ox.NamedNode(xsd + name) for name in names})
    return _CHECKED_NODES


def graph_for(path: Path, name: URIRef, kind: str) -> URIRef:
    """The graph a parsed graph goes to; default-graph content gets the file's own graph."""
    own = {"ontology": ONTOLOGY_GRAPH, "reference": REFERENCE_GRAPH}.get(kind) or source_graph(check_stem(path))
    if str(name) == "urn:x-kg:default" or name == URIRef("urn:x-rdflib:default"):
        return own
    if name != own:  # a file writes only its own graph: never another source's, the ontology or the reference data
        raise DataError(f"names the graph <{name}>: a {kind} file may write only its own graph <{own}>", file=path)
    return name


_STEM = re.compile(r"[\w.~-]+")


def check_stem(path: Path) -> str:
    """The stem of a source file, which names its graph and document; refused unless it is a safe IRI segment.

    >>> check_stem(Path("sources/000_d0f522aa97cf2385.ttl"))
    '000_d0f522aa97cf2385'
    >>> check_stem(Path("sources/my file.ttl"))
    Traceback (most recent call last):
    ...
    kg.core.errors.DataError: sources/my file.ttl: the file name 'my file' names the graph IRI: use letters, ...
    """
    stem = path.stem
    if not _STEM.fullmatch(stem):
        raise DataError(f"the file name {stem!r} names the graph IRI: use letters, digits, _ - . ~", file=path)
    return stem


def add_file(loaded: Loaded, path: Path, kind: str) -> None:
    """Parse ``path`` and add its triples to ``loaded`` (kind: ontology, reference or source)."""
    if kind == "source":
        check_stem(path)
    reading = read(path, kind)
    parsed = _to_dataset(reading)
    for graph in parsed.graphs():
        if len(graph) == 0:
            continue
        target = graph_for(path, graph.identifier, kind)
        into = loaded.dataset.graph(target)
        for triple in graph:
            into.add(triple)
        if path not in loaded.files[target]:
            loaded.files[target].append(path)
        if kind != "ontology":
            for subject in set(graph.subjects()):
                if path not in loaded.subjects[subject]:
                    loaded.subjects[subject].append(path)
    if kind != "ontology":
        loaded.issues.extend(literal_issues(reading))


def _rdf_files(folder: Path) -> list[Path]:
    # sorted by name, the order Path comparison gives within one folder (comparing Paths took
    # 1-4 s for the 18,674 files of a 1M-triple build); one os.scandir, whose entries tell which
    # are symbolic links without a stat call per file (glob and exists() took 0.4 s at 1M triples)
    try:
        with os.scandir(folder) as entries:
            found = sorted((e.name, e.is_symlink()) for e in entries if os.path.splitext(e.name)[1].lower() in FORMATS)
    except (FileNotFoundError, NotADirectoryError):
        return []
    # each name joined without parsing it again, as Path.iterdir does (18,674 `folder / name` took
    # 0.1 s at 1M triples); the names come from the folder, so they hold no separator
    child = getattr(folder, "_make_child_relpath", None) or folder.joinpath
    paths = [child(name) for name, _ in found]
    for path, (_, link) in zip(paths, found, strict=True):
        if link and not path.exists():  # a dangling symbolic link, or a loop of links
            raise DataError("broken symbolic link: its target is missing or it points back to itself", file=path)
    return paths


def discover(data_dir: Path) -> tuple[list[Path], list[Path]]:
    """The reference and source files of a data folder.

    Raises :class:`DataError` when the folder is missing or holds no source document.
    """
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise DataError("data folder not found", file=data_dir)
    reference = _rdf_files(data_dir / "reference")
    sources = _rdf_files(data_dir / "sources")
    if not sources:
        raise DataError(
            "no source documents found: expected sources/STEM.ttl or sources/STEM.trig files", file=data_dir
        )
    if not reference:
        where = "is empty" if (data_dir / "reference").is_dir() else "is missing"
        raise DataError(
            f"no reference data: the folder reference/ {where} (it holds the municipalities and areas every "
            "source points to; copy the shipped data/reference)",
            file=data_dir,
        )
    return reference, sources


def input_files(
    data_dir: Path | str | None = None, files: Sequence[Path | str] | None = None
) -> tuple[list[Path], list[Path]]:
    """The reference and source files of a build, for both engines.

    ``files`` (single files or data folders) wins over ``data_dir``: a folder is read as a data
    folder (:func:`discover`), a file under a ``reference`` folder as reference data, any other file
    as a source; without reference data among them, the shipped reference data is used. Without
    ``files``, the data folder ``data_dir`` (default: ``data/`` here, else the shipped data).
    Raises :class:`DataError` for a missing file or folder.

    >>> reference, sources = input_files()
    >>> len(reference) > 0, len(sources) >= 5
    (True, True)
    """
    reference: list[Path] = []
    sources: list[Path] = []
    if files:
        for item in map(Path, files):
            if item.is_dir():
                ref, src = discover(item)
                reference += ref
                sources += src
            elif not item.exists():
                raise DataError("file not found", file=item)
            elif item.parent.name == "reference":
                reference.append(item)
            else:
                sources.append(item)
        reference = reference or _rdf_files(resources.shipped("data") / "reference")
    else:
        reference, sources = discover(Path(data_dir) if data_dir is not None else resources.default_data_dir())
    return reference, sources


def load(
    data_dir: Path | str | None = None,
    *,
    files: Sequence[Path | str] | None = None,
    with_ontology: bool = True,
) -> Loaded:
    """Read the ontology, reference data and sources into one dataset.

    ``data_dir`` is a data folder (default: ``data/`` here, else the shipped data). ``files``
    instead names single files or folders: a folder is read as a data folder, a file under a
    ``reference`` folder as reference data, any other file as a source document (its stem names
    its graph). When ``files`` holds no reference data, the shipped reference data is added.

    >>> loaded = load()
    >>> len(loaded.source_graphs) >= 5
    True
    """
    loaded = Loaded(dataset=new_dataset())
    if with_ontology:
        for path in resources.ontology_files():
            add_file(loaded, path, "ontology")
    reference, sources = input_files(data_dir, files)
    if not sources and not any(p.suffix == ".trig" for p in reference):
        raise DataError("no source documents given")
    for path in reference:
        add_file(loaded, path, "reference")
    for path in sources:
        add_file(loaded, path, "source")
    return loaded
