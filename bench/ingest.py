"""How well ``kg ingest`` reads the documents, and how fast: scored against the curated sources.

For every text whose curated source file (``data/sources/STEM.ttl``, or one in a ``--gold``
folder) exists, the text is ingested to Turtle (every proposal kept) and compared with the
curated facts:

- **entities**: the actors, initiatives and areas the curated file names (municipalities and
  other reference entities by IRI, i.e. by code; new ones by any of their names, compared
  folded, or at 90+ with rapidfuzz's token-set ratio);
- **relations**: (subject, relation, object) for leads, participatesIn, organises, presentsAt,
  funds (stated, or read from a kg:Funding), holdsPost (person, organisation), memberOf, partOf,
  locatedIn, with subject and object aligned as entities are;
- **amounts**: (funder, amount, total or a year, currency) of each kg:Funding;
- **dates**: (entity, start or end, the literal) of initiatives, and the document's issued date.

Precision, recall and F1 per document and in total; the held-out documents (kept out of rule
writing) are reported apart. Reconciliation sees the reference data only, so no curated source
leaks into the proposals. Speed: the seconds per document once loaded (normalised to 4 kB), the
wall time of one ``kg ingest`` command (start-up included), and the peak memory of both.

    python bench/ingest.py [--gold DIR ...] [--texts DIR ...] [--json FILE] [--show] [--dev-only] [--quick]

While rules are written, ``--dev-only --quick --show`` scores the development documents alone
(the held-out ones are neither read nor scored) without the speed runs, and shows what was missed.

The texts are looked up in ``../shared/seeds`` and ``../shared/ingest-dev`` by default; without
them the benchmark says so and scores nothing.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rapidfuzz import fuzz
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

ROOT = Path(__file__).resolve().parent.parent
KG = Namespace("https://w3id.org/samverkan/def#")
SHARED = ROOT.parent / "shared"
HELD_OUT = (
    "02_sv_kramfors-hso-pressmeddelande",
    "05_sv_regionjh-run-2023-12-12-leader",
    "08_fi_enontekio-kh-matkailun-alueorganisaatio",
    "11_fi_kainuunliitto-maakuntahallitus-tiedote-2015-06-22",
)
RELATIONS = ("leads", "participatesIn", "organises", "presentsAt", "funds", "memberOf", "partOf", "locatedIn")
SKIP_TYPES = {KG.SourceDocument, KG.Post, KG.Funding}
SCHEMA = Namespace("https://schema.org/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
#: Every property that names an entity: a proposal matching any of them is the same entity.
NAME_PROPERTIES = (
    RDFS.label,
    SKOS.prefLabel,
    SKOS.altLabel,
    SKOS.hiddenLabel,
    SCHEMA.name,
    SCHEMA.alternateName,
    URIRef("http://schema.org/name"),
    FOAF.name,
)


def fold(text: str) -> str:
    from kg.core.labels import fold as kg_fold

    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9]+", " ", kg_fold(text))).strip()


def number(value) -> str:
    """An amount written exactly (``1400000``, ``7500.5``): ``format(x, "g")`` kept six digits only,
    so 1 234 567 and 1 234 568 compared equal."""
    from decimal import Decimal, InvalidOperation

    try:
        return format(Decimal(str(value)).normalize(), "f")
    except InvalidOperation:
        return str(value)


class Facts:
    """The facts of one source file in the shapes the scores compare."""

    def __init__(self, path: Path, names: dict[URIRef, set[str]]) -> None:
        g = Graph().parse(path, format="turtle")
        self.names: dict[URIRef, set[str]] = {}
        self.relations: set[tuple[URIRef, str, URIRef]] = set()
        self.amounts: set[tuple[URIRef, str, str, str]] = set()
        self.dates: set[tuple[URIRef, str, str]] = set()
        entities: set[URIRef] = set()
        for s, _, o in g.triples((None, RDF.type, None)):
            if o not in SKIP_TYPES and isinstance(s, URIRef):
                entities.add(s)
        for name in RELATIONS:
            for s, o in g.subject_objects(KG[name]):
                self.relations.add((s, name, o))
                entities |= {s, o}
        for person, post in g.subject_objects(KG.holdsPost):
            for org in g.objects(post, KG.postIn):
                self.relations.add((person, "holdsPost", org))
                entities |= {person, org}
        for initiative, funding in g.subject_objects(KG.hasFunding):
            for funder in g.objects(funding, KG.funder):
                self.relations.add((funder, "funds", initiative))
                entities |= {funder, initiative}
                currency = str(next(iter(g.objects(funding, KG.currency)), ""))
                for prop, kind in ((KG.amount, "total"), (KG.amountPerYear, "year")):
                    for value in g.objects(funding, prop):
                        self.amounts.add((funder, number(value), kind, currency))
        for entity in entities:
            labels = {str(x) for p in NAME_PROPERTIES for x in g.objects(entity, p)}
            self.names[entity] = {fold(x) for x in labels | names.get(entity, set()) if fold(x)}
        schema = Namespace("https://schema.org/")
        for entity in entities:
            for prop, which in ((schema.startDate, "start"), (schema.endDate, "end")):
                for value in g.objects(entity, prop):
                    self.dates.add((entity, which, str(value)))
        dcterms = Namespace("http://purl.org/dc/terms/")
        for doc in g.subjects(RDF.type, KG.SourceDocument):
            for value in g.objects(doc, dcterms.issued):
                self.dates.add((URIRef("doc"), "issued", str(value)))
            self.names.pop(doc, None)


def align(pred: Facts, gold: Facts) -> dict[URIRef, URIRef]:
    """Predicted entity -> gold entity: the same IRI, else a shared name (folded, or token-set 90+)."""
    mapping: dict[URIRef, URIRef] = {URIRef("doc"): URIRef("doc")}
    used: set[URIRef] = set()
    for p in sorted(pred.names):  # sorted: the same alignment whatever the hash seed
        if p in gold.names:
            mapping[p], _ = p, used.add(p)
    for p, names in sorted(pred.names.items()):
        if p in mapping:
            continue
        best, score = None, 0.0
        for g, gnames in sorted(gold.names.items()):
            if g in used:
                continue
            if names & gnames:
                best, score = g, 100.0
                break
            for a in names:
                for b in gnames:
                    value = fuzz.token_set_ratio(a, b) if min(len(a), len(b)) >= 4 else 0
                    if value > score and value >= 90:
                        best, score = g, value
        if best is not None:
            mapping[p] = best
            used.add(best)
    return mapping


def prf(tp: int, npred: int, ngold: int) -> dict[str, float]:
    p = tp / npred if npred else (1.0 if not ngold else 0.0)
    r = tp / ngold if ngold else (1.0 if not npred else 0.0)
    return {"tp": tp, "pred": npred, "gold": ngold, "p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def score(pred: Facts, gold: Facts) -> dict[str, dict]:
    m = align(pred, gold)

    def mapped(items, positions):
        out = set()
        for item in items:
            out.add(tuple(m.get(x, x) if i in positions else x for i, x in enumerate(item)))
        return out

    entities = prf(len(set(m.values()) & set(gold.names)), len(pred.names), len(gold.names))
    rel = mapped(pred.relations, (0, 2))
    amounts = mapped(pred.amounts, (0,))
    dates = mapped(pred.dates, (0,))
    by_kind = {
        kind: {
            "tp": len({t for t in rel & gold.relations if t[1] == kind}),
            "pred": len({t for t in rel if t[1] == kind}),
            "gold": len({t for t in gold.relations if t[1] == kind}),
        }
        for kind in (*RELATIONS, "holdsPost")
    }
    return {
        "entities": entities,
        "relations": prf(len(rel & gold.relations), len(rel), len(gold.relations)),
        "relations_by_kind": by_kind,
        "amounts": prf(len(amounts & gold.amounts), len(amounts), len(gold.amounts)),
        "dates": prf(len(dates & gold.dates), len(dates), len(gold.dates)),
    }


def reference_names() -> dict[URIRef, set[str]]:
    g = Graph()
    for path in sorted((ROOT / "data" / "reference").glob("*.ttl")):
        g.parse(path, format="turtle")
    names: dict[URIRef, set[str]] = {}
    for p in NAME_PROPERTIES:
        for s, o in g.subject_objects(p):
            names.setdefault(s, set()).add(str(o))
    return names


def total(rows: list[dict]) -> dict[str, dict]:
    out = {}
    for kind in ("entities", "relations", "amounts", "dates"):
        tp = sum(r[kind]["tp"] for r in rows)
        out[kind] = prf(tp, sum(r[kind]["pred"] for r in rows), sum(r[kind]["gold"] for r in rows))
    return out


def named(gold: Facts, fact: tuple) -> tuple:
    """``fact`` with its first element (an entity) shown by one of its gold names."""
    return (min(gold.names.get(fact[0], {str(fact[0])}) or {str(fact[0])}), *fact[1:])


def print_relations(gold: Facts, rel: set) -> None:
    def short(t):
        return tuple(min(gold.names.get(x, {str(x)}) or {str(x)}) if isinstance(x, URIRef) else x for x in t)

    print("  missed relations:", sorted(short(t) for t in gold.relations - rel))
    print("  extra relations:", sorted(short(t) for t in rel - gold.relations))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, action="append", default=[], help="more folders of curated STEM.ttl")
    parser.add_argument("--texts", type=Path, action="append", default=[], help="folders of STEM.txt")
    parser.add_argument("--json", type=Path, help="write the figures as JSON")
    parser.add_argument("--show", action="store_true", help="print what was missed and what was extra")
    parser.add_argument(
        "--dev-only", action="store_true", help="score the development documents only (the held-out ones are skipped)"
    )
    parser.add_argument("--quick", action="store_true", help="write the .ttl only: no speed figures")
    args = parser.parse_args(argv)
    texts_dirs = args.texts or [SHARED / "seeds", SHARED / "ingest-dev"]
    texts = {p.stem: p for d in texts_dirs if d.is_dir() for p in sorted(d.glob("*.txt"))}
    if not texts:
        print(f"no texts found in {', '.join(str(d) for d in texts_dirs)}: nothing to score")
        return 0
    gold_dirs = [ROOT / "data" / "sources", *args.gold]
    golds = {}
    for stem in texts:
        for d in gold_dirs:
            if (d / f"{stem}.ttl").exists():
                golds[stem] = d / f"{stem}.ttl"
                break
    from kg.ingest import ingest, propose
    from kg.ingest.pipeline import reader_for

    names = reference_names()
    results = {}
    times: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        (data / "sources").mkdir(parents=True)
        shutil.copytree(ROOT / "data" / "reference", data / "reference")
        started = time.perf_counter()
        reader_for(data, "load")  # the first load: spaCy, the reference data, the reconciler
        load_seconds = time.perf_counter() - started
        for stem, text in texts.items():
            if stem not in golds or (args.dev_only and stem in HELD_OUT):
                continue
            out = Path(tmp) / f"{stem}.ttl"
            size = text.stat().st_size
            steps = (("read", None), ("sheet", Path(tmp) / f"{stem}.xlsx"), ("ttl", out))
            for kind, target in steps[2:] if args.quick else steps:
                wall, cpu = time.perf_counter(), time.process_time()
                if target is None:
                    propose(text, stem=stem, data_dir=data)
                else:
                    ingest(text, stem=stem, out=target, data_dir=data)
                times.setdefault(kind, []).append(
                    ((time.perf_counter() - wall) * 4096 / size, (time.process_time() - cpu) * 4096 / size)
                )
            pred, gold = Facts(out, names), Facts(golds[stem], names)
            results[stem] = score(pred, gold)
            if args.show and stem not in HELD_OUT:  # the held-out documents' details are never shown
                m = align(pred, gold)
                print(f"--- {stem}")
                print(
                    "  missed entities:",
                    sorted(min(n) if n else str(g) for g, n in gold.names.items() if g not in set(m.values())),
                )
                print("  extra entities:", sorted(min(n) if n else str(p) for p, n in pred.names.items() if p not in m))
                rel = {(m.get(s, s), r, m.get(o, o)) for s, r, o in pred.relations}
                print_relations(gold, rel)
                for kind in ("amounts", "dates"):
                    got = {(m.get(t[0], t[0]), *t[1:]) for t in getattr(pred, kind)}
                    want = getattr(gold, kind)

                    print(f"  missed {kind}:", sorted(named(gold, t) for t in want - got))
                    print(f"  extra {kind}:", sorted(named(gold, t) for t in got - want))
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        if args.quick:
            times.clear()
        else:
            # one whole command, start-up included, on a 4 kB-sized document when one exists
            sample = next(iter(texts.values()))
            started = time.perf_counter()
            proc = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "kg",
                    "ingest",
                    str(sample),
                    "--id",
                    "bench_startup",
                    "--out",
                    str(Path(tmp) / "s.xlsx"),
                    "--data",
                    str(data),
                ],
                capture_output=True,
                text=True,
            )
            startup = time.perf_counter() - started
            children = resource.getrusage(resource.RUSAGE_CHILDREN)
            startup_cpu = children.ru_utime + children.ru_stime
            child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            if proc.returncode != 0:
                print(proc.stderr, file=sys.stderr)
    report = {"documents": {}, "dev": {}, "held_out": {}, "speed": {}}
    print(f"{'document':<58} {'entities':>9} {'relations':>9} {'amounts':>9} {'dates':>9}")
    for stem, r in results.items():
        mark = " (held out)" if stem in HELD_OUT else ""
        print(
            f"{stem + mark:<58} "
            + " ".join(f"{r[k]['f1']:>9.2f}" for k in ("entities", "relations", "amounts", "dates"))
        )
        report["documents"][stem] = r
    for name, stems in (
        ("dev", [s for s in results if s not in HELD_OUT]),
        ("held_out", [s for s in results if s in HELD_OUT]),
    ):
        if not stems:
            continue
        t = total([results[s] for s in stems])
        report[name] = t
        print(f"total {name} ({len(stems)} documents):")
        for kind, v in t.items():
            counts = f"({v['tp']} right of {v['pred']} proposed, {v['gold']} curated)"
            print(f"  {kind:<10} P {v['p']:.2f}  R {v['r']:.2f}  F1 {v['f1']:.2f}  {counts}")
        # relations per kind: counts only (no names, no sentences), so the held-out set may be shown too
        kinds = {}
        for stem in stems:
            for kind, c in results[stem]["relations_by_kind"].items():
                row = kinds.setdefault(kind, {"tp": 0, "pred": 0, "gold": 0})
                for key in row:
                    row[key] += c[key]
        report[name + "_relations_by_kind"] = kinds
        print(f"  relations by kind ({name}): curated / proposed / right")
        for kind, c in kinds.items():
            print(f"    {kind:<15} {c['gold']:>4} {c['pred']:>4} {c['tp']:>4}")
    if times:
        speed = {"load_s": load_seconds, "command_with_startup_s": startup, "peak_mb_in_process": peak_mb}
        speed["peak_mb_command"] = child_mb
        print(f"speed per 4 kB document once loaded (wall / CPU seconds, mean and max over {len(results)} documents):")
        for kind, label in (
            ("read", "read (proposals)"),
            ("sheet", "review sheet (.xlsx)"),
            ("ttl", ".ttl, validated"),
        ):
            walls, cpus = [w for w, _ in times[kind]], [c for _, c in times[kind]]
            speed[kind] = {
                "wall_mean": sum(walls) / len(walls),
                "wall_max": max(walls),
                "cpu_mean": sum(cpus) / len(cpus),
            }
            speed[kind]["cpu_max"] = max(cpus)
            v = speed[kind]
            print(
                f"  {label:<22} {v['wall_mean']:.2f} / {v['cpu_mean']:.2f} s mean, "
                f"{v['wall_max']:.2f} / {v['cpu_max']:.2f} s max"
            )
        print(f"first load (spaCy, the reference data, the reconciler): {load_seconds:.2f} s")
        speed["command_with_startup_cpu_s"] = startup_cpu
        print(f"one `kg ingest` command to a sheet, start-up included: {startup:.2f} s wall, {startup_cpu:.2f} s CPU")
        print(f"peak memory: {peak_mb:.0f} MB (this process), {child_mb:.0f} MB (the command)")
        report["speed"] = speed
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
