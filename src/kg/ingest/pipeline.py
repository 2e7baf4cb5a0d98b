"""``kg ingest``: a document's proposals as a review sheet, or as a source file.

The review sheet is the layout of ``kg import`` (docs/import.md) with four more columns per row:
``evidence`` (sentence and character range in the text, and the words as written),
``confidence`` (0..1), ``candidates`` (the reconciliation's other candidates where a name is
ambiguous) and ``status`` (``keep``, ``edit`` or ``drop``, set by the reviewer). ``kg import``
of the reviewed sheet writes the source file. The ``.ttl`` output is that import with every
proposal kept: the same code writes both, so the sheet and the Turtle never disagree.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kg.ingest.extract import Reader
from kg.ingest.proposals import Proposals
from kg.ingest.reading import IngestError, detect_language, markdown_headings, markdown_to_text, read_document

_STEM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_ISSUED = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _valid_issued(issued: str) -> bool:
    """Whether ``issued`` is a real day, month or year written YYYY-MM-DD, YYYY-MM or YYYY (the
    lexical forms of xsd:date, xsd:gYearMonth and xsd:gYear: 2024-13-01 and 2023-02-29 are not)."""
    from kg.build.literals import well_formed

    if not _ISSUED.match(issued):
        return False
    datatype = {10: "date", 7: "gYearMonth", 4: "gYear"}[len(issued)]
    return well_formed(issued, "http://www.w3.org/2001/XMLSchema#" + datatype)


ENTITY_HEADER = [
    "id",
    "type",
    "iri",
    "name_sv",
    "name_fi",
    "altnames",
    "country",
    "start",
    "end",
    "located_in",
    "note",
]
RELATION_HEADER = ["subject", "relation", "object", "role", "start", "end", "amount", "currency", "note"]
REVIEW = ["evidence", "confidence", "candidates", "status"]
SOURCE_HEADER = ["id", "title", "language", "publisher", "issued", "note"]


@dataclass
class IngestResult:
    """What :func:`ingest` wrote: the path, the proposals, and (for ``.ttl``) the import's result."""

    out: Path
    proposals: Proposals
    kind: str  # xlsx, csv or ttl
    imported: object | None = None


def _type_cell(kind: str) -> str:
    return {"Inquiry": "utredning"}.get(kind, kind)


def sheets(p: Proposals) -> dict[str, tuple[list[str], list[list[str]]]]:
    """The review sheet of ``p``: sheet name -> (header, rows), in the layout of ``kg import``."""
    note = "Proposed by kg ingest from the text; check each row against the evidence."
    publisher = p.publisher or ""
    source = [[p.stem, p.title, p.lang, publisher, p.issued or "", note]]
    entities = []
    for e in p.entities.values():
        row = dict.fromkeys(ENTITY_HEADER, "")
        row["id"] = e.key
        if e.iri:
            # what the graph knows it as, for the reviewer to see what the mention was matched to
            row["iri"] = e.iri
            row["type"] = _type_cell(e.known_type or e.kind)
            if e.known_as is not None:
                name, lang = e.known_as
                row[f"name_{lang}"] = name
            # the period the text gives a known programme or initiative (Interreg Aurora 2021–2027)
            row["start"] = e.start or ""
            row["end"] = e.end or ""
        else:
            row["iri"] = "new"
            row["type"] = _type_cell(e.kind)
            row[f"name_{p.lang}"] = e.name
            row["altnames"] = "; ".join(e.alt_names)
            row["country"] = e.country or ""
            row["start"] = e.start or ""
            row["end"] = e.end or ""
            row["located_in"] = "; ".join(e.located_in)
            if e.duration:
                row["note"] = f"Planned duration {e.duration} as the text gives it."
        review = [str(e.evidence), f"{e.confidence:.2f}", "; ".join(e.candidates), "keep"]
        entities.append([row[h] for h in ENTITY_HEADER] + review)
    relations = []
    for r in p.relations:
        row = dict.fromkeys(RELATION_HEADER, "")
        row.update(subject=r.subject, relation=f"kg:{r.relation}", object=r.object)
        row["role"] = r.role or ""
        row["amount"] = r.amount or ""
        row["currency"] = r.currency or ""
        row["start"] = r.start or ""
        row["end"] = r.end or ""
        review = [str(r.evidence), f"{r.confidence:.2f}", "", "keep"]
        relations.append([row[h] for h in RELATION_HEADER] + review)
    statements = []
    for e in p.entities.values():
        if e.iri is None and e.duration:
            statements.append([e.key, "kg:plannedDuration", "", e.duration, "", "xsd:duration"])
    return {
        "source": (SOURCE_HEADER, source),
        "entities": (ENTITY_HEADER + REVIEW, entities),
        "relations": (RELATION_HEADER + REVIEW, relations),
        "statements": (["subject", "property", "object", "value", "lang", "datatype"], statements),
    }


def ttl_header(stem: str, path: Path, today: dt.date | None = None) -> str:
    """The opening comment of the ``.ttl`` that ``kg ingest`` writes: which program, from which
    file, on which day (UTC), and that every proposal was kept unreviewed.

    >>> print(ttl_header("900_x", Path("texts/pressmeddelande.txt"), dt.date(2026, 11, 30)), end="")
    # Source document 900_x, proposed by `kg ingest` from pressmeddelande.txt on 2026-11-30.
    # Every proposal is kept as if accepted: check it against the text before it joins the graph.
    """
    day = today or dt.datetime.now(dt.UTC).date()
    return (
        f"# Source document {stem}, proposed by `kg ingest` from {path.name} on {day.isoformat()}.\n"
        "# Every proposal is kept as if accepted: check it against the text before it joins the graph.\n"
    )


_READERS: dict[object, Reader] = {}


def reader_for(data_dir: Path, stem: str) -> Reader:
    """A :class:`Reader` whose reconciler sees ``data_dir`` without the source ``stem`` (so a
    document is never matched against its own earlier import); kept for the process, with the
    rest of the graph it reads (:func:`kg.tabular.rest.rest_of_graph`, which ``kg import`` of the
    proposals then reuses)."""
    from kg.tabular.importer import context_of
    from kg.tabular.rest import rest_of_graph

    rest = rest_of_graph(data_dir, stem)
    # one reader serves every document whose own source is not among the files it sees
    if rest.signature not in _READERS:
        _READERS.clear()
        _READERS[rest.signature] = Reader(context_of(rest).reconciler)
    return _READERS[rest.signature]


def propose(
    path: Path | str,
    *,
    stem: str | None = None,
    lang: str = "auto",
    issued: str | None = None,
    reader: Reader | None = None,
    data_dir: Path | str | None = None,
) -> Proposals:
    """Read ``path`` and return its proposals (nothing written). Raises :class:`IngestError`."""
    from kg.core import resources

    path = Path(path)
    text = read_document(path)
    headings: tuple[int, ...] = ()
    if path.suffix.lower() in (".md", ".markdown"):
        headings = markdown_headings(text)
        text = markdown_to_text(text)
    stem = stem or path.stem
    if not _STEM.match(stem):
        raise IngestError(f"{stem!r} is not a valid source id (letters, digits, _ . -); give --id", file=path)
    if issued is not None and not _valid_issued(issued):
        raise IngestError(f"--issued {issued!r} is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)", file=path)
    if lang == "auto":
        found, counts = detect_language(text)
        if found is None:
            known = ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))
            raise IngestError(
                "not recognisably Swedish or Finnish (frequent words per language: "
                f"{known}); give --lang sv or --lang fi to read it anyway",
                file=path,
            )
        lang = found
    elif lang not in ("sv", "fi"):
        raise IngestError(f"--lang {lang!r}: only sv, fi or auto can be read", file=path)
    if reader is None:
        data = Path(data_dir) if data_dir is not None else resources.default_data_dir()
        reader = reader_for(data, stem)
    proposals = reader.read(text, lang, stem=stem, issued=issued, headings=headings)
    _name_known(proposals, reader)
    return proposals


def _name_known(p: Proposals, reader: Reader) -> None:
    """Give each entity the graph already knows its class and its preferred label from the graph
    (in the text's language, else the other of Swedish and Finnish), so that the review sheet shows
    what the mention was matched to."""
    from rdflib import URIRef

    from kg.core.labels import preference

    reconciler = reader.reconciler
    for e in p.entities.values():
        index = reconciler.by_iri.get(URIRef(e.iri)) if e.iri else None
        if index is None:
            continue
        entity = reconciler.entities[index]
        kind = reconciler.type_name(entity)
        try:
            reconciler.resolve_type(kind)  # a class the sheet can name (else the reader's kind stays)
            e.known_type = kind
        except KeyError:
            e.known_type = None
        e.known_as = next(
            (
                (text, lang)
                for wanted in preference(p.lang)
                if wanted in ("sv", "fi")
                for text, lang, alt in entity.labels
                if not alt and lang == wanted
            ),
            None,
        )


def ingest(
    path: Path | str,
    *,
    stem: str | None = None,
    lang: str = "auto",
    issued: str | None = None,
    out: Path | str | None = None,
    force: bool = False,
    data_dir: Path | str | None = None,
    engine: str = "oxigraph",
) -> IngestResult:
    """Read ``path`` and write its proposals to ``out``: ``.xlsx`` or a folder (CSV) as the review
    sheet (default ``drafts/STEM.xlsx``), ``.ttl`` as a source file with every proposal kept,
    validated with the rest of the graph. Refuses (:class:`IngestError`) an id that
    ``DATA/sources/`` already holds unless ``force``; writes atomically, never half a file."""
    from kg.core import resources

    path = Path(path)
    data = Path(data_dir) if data_dir is not None else resources.default_data_dir()
    stem = stem or path.stem
    existing = [p for p in (data / "sources" / f"{stem}.ttl", data / "sources" / f"{stem}.trig") if p.exists()]
    if existing and not force:
        raise IngestError(
            f"the source id {stem!r} exists already ({existing[0]}); give another --id, or --force to propose "
            "facts for it again",
            file=path,
        )
    target = Path(out) if out is not None else Path("drafts") / f"{stem}.xlsx"
    suffix = target.suffix.lower()
    if suffix not in (".xlsx", ".ttl", "") and not target.is_dir():
        raise IngestError(f"--out {target}: give a .xlsx file, a .ttl file or a folder (for CSV files)", file=path)
    proposals = propose(path, stem=stem, lang=lang, issued=issued, data_dir=data)
    book = sheets(proposals)
    if suffix == ".ttl":
        from kg.tabular.importer import import_sheet
        from kg.tabular.sheets import write_workbook

        with tempfile.TemporaryDirectory() as tmp:
            folder = write_workbook(Path(tmp) / stem, book, "csv")
            result = import_sheet(
                folder, stem=stem, out=target, data_dir=data, engine=engine, header=ttl_header(stem, path)
            )
        if not result.written:
            problem = "ambiguous rows" if result.ambiguous else "it does not validate with the rest of the graph"
            detail = result.table() if result.ambiguous else result.report.to_text()
            raise IngestError(f"the proposals could not be written as Turtle ({problem}):\n{detail}", file=path)
        return IngestResult(target, proposals, "ttl", result)
    from kg.tabular.sheets import write_workbook

    fmt = "xlsx" if suffix == ".xlsx" else "csv"
    target.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        # write the folder next to its target and move it in whole: never half a sheet
        import os
        import shutil

        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
        try:
            write_workbook(staging / "sheet", book, "csv")
            if target.exists():
                for child in (staging / "sheet").iterdir():
                    os.replace(child, target / child.name)
            else:
                os.replace(staging / "sheet", target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    else:
        write_workbook(target, book, "xlsx")
    return IngestResult(target, proposals, fmt)
