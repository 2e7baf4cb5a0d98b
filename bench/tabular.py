"""Benchmark of issue 17: spreadsheet import and reconciliation (speed and quality).

- import: ``kg synth`` data exported with ``kg export --all --format csv``, merged into one sheet
  of ROWS relation rows (entities by IRI), imported with ``kg import --dry-run`` (read, resolve,
  write Turtle, validate with the whole synthetic graph on Oxigraph); target under 10 s;
- reconcile: 1,000 names made from the graph's labels (as written, upper case, without
  diacritics, Swedish genitive, Finnish genitive, one letter dropped), ``kg.reconcile`` cold
  (index built) and warm; target under 2 s;
- quality: names as the texts write them (``../shared/seeds`` and ``../shared/ingest-dev``) ->
  the right entity; precision and recall of the top candidate (see QUALITY below).

Writes the section between the ``tabular`` markers of ``bench/RESULTS.md``.
Run: ``python bench/tabular.py [--rows 10000] [--names 1000]``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"
START, END = "<!-- tabular: written by bench/tabular.py -->", "<!-- /tabular -->"

QUALITY = """Gold list: every entity of the graph whose label occurs in a text with each word allowed an
inflection (a final vowel of a word of five or more letters may change, then one Swedish or
Finnish ending may follow: `Pajalas`, `Kemijärven`, `Posion kunnan`), the longest label winning
where matches overlap and, in a seed, the entity its source file names; a homonym that nothing
decides (`Övertorneå` in an ingest-dev text) is left out. The text's spelling is the query, the
entity the answer, distinct pairs per text. Texts:
the seeds (entities of each seed's source file and the reference data's municipalities and
areas), the ingest-dev texts, and the organisation names of the two registers in `../shared/registers`
(every actor, initiative and place of the graph). The list is made by a regular expression, independent of
the reconciler's analysers; it misses consonant gradation (`Lappi` -> `Lapin`), and a few pairs
may be wrong (checked by sampling only)."""


CPU: dict[str, float] = {}  # CPU seconds (user + system) of the last child, by its command word


def run(args, **kw):
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, **kw)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU[str(args[3]) if len(args) > 3 else str(args[-1])] = (after.ru_utime - before.ru_utime) + (
        after.ru_stime - before.ru_stime
    )
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(map(str, args))}\n{done.stdout}\n{done.stderr}")
    return elapsed, done.stdout


def merged_sheet(export: Path, out: Path, rows: int) -> int:
    """One sheet out of many exported ones: the first ``rows`` relation rows and their entities."""
    tables: dict[str, tuple[list[str], list[list[str]]]] = {}
    seen: set[str] = set()
    relations: list[list[str]] = []
    entities: list[list[str]] = []
    for folder in sorted(p for p in export.iterdir() if p.is_dir()):
        if len(relations) >= rows:
            break
        local: dict[str, str] = {}
        ent = list(csv.reader((folder / "entities.csv").open(encoding="utf-8")))
        header = ent[0]
        for row in ent[1:]:
            iri = row[header.index("iri")]
            local[row[0]] = iri
            if iri not in seen:
                seen.add(iri)
                row = list(row)
                row[0] = iri  # ids made unique across sheets: the IRI itself
                for column in ("located_in",):
                    at = header.index(column)
                    row[at] = "; ".join(local.get(x.strip(), x.strip()) for x in row[at].split(";") if x.strip())
                entities.append(row)
        tables["entities"] = (header, [])
        rel = list(csv.reader((folder / "relations.csv").open(encoding="utf-8")))
        rheader = rel[0]
        for row in rel[1:]:
            row = list(row)
            for column in ("subject", "object", "id"):
                at = rheader.index(column)
                row[at] = local.get(row[at], row[at])
            relations.append(row)
        tables["relations"] = (rheader, [])
    # entity ids refer to other sheets' local ids in located_in: resolved above where known
    fix = {}
    header = tables["entities"][0]
    for row in entities:
        fix[row[0]] = row[0]
    source = (["id", "title", "language"], [["bench_import", "Benchmark sheet", "en"]])
    from kg.tabular.sheets import write_workbook

    write_workbook(
        out,
        {"source": source, "entities": (header, entities), "relations": (tables["relations"][0], relations[:rows])},
        "csv",
    )
    return min(rows, len(relations))


def bench_import(rows: int, tmp: Path) -> dict:
    data = tmp / "synth"
    triples = max(20_000, rows * 7)
    run([sys.executable, "-m", "kg", "synth", "--triples", str(triples), "--out", str(data)])
    export = tmp / "export"
    t_export, _ = run(
        [sys.executable, "-m", "kg", "export", "--all", "--format", "csv", str(export), "--data", str(data)]
    )
    sheet = tmp / "sheet"
    count = merged_sheet(export, sheet, rows)
    cpu_export = CPU["export"]
    t_import, out = run([sys.executable, "-m", "kg", "import", str(sheet), "--dry-run", "--data", str(data)])
    assert "dry run" in out, out[-2000:]
    return {
        "rows": count,
        "triples": triples,
        "export_all": t_export,
        "export_cpu": cpu_export,
        "import": t_import,
        "import_cpu": CPU["import"],
    }


def variants(label: str, lang: str | None, i: int) -> str:
    from kg.core.labels import fold

    kind = i % 6
    if kind == 1:
        return label.upper()
    if kind == 2:
        return fold(label)
    if kind == 3:
        return label + ("s" if not label.endswith("s") else "")
    if kind == 4:
        return label + ("n" if lang == "fi" else "s")
    if kind == 5 and len(label) > 5:
        return label[:3] + label[4:]
    return label


def bench_reconcile(n: int) -> dict:
    code = f"""
import time
t0 = time.perf_counter()
import kg
from kg.reconciliation import default_reconciler
r = default_reconciler()
from bench_names import names
ns = names(r, {n})
t1 = time.perf_counter()
r.reconcile(ns[:1])
t2 = time.perf_counter()
c2 = time.process_time()
df = r.reconcile(ns)
t3 = time.perf_counter()
c3 = time.process_time()
df2 = r.reconcile(ns, fuzzy=False)
t4 = time.perf_counter()
print(len(ns), len(r.entities), len(r.keys), t1 - t0, t2 - t1, t3 - t2, t4 - t3, c3 - c2)
"""
    helper = HERE / "bench_names.py"
    helper.write_text(
        "from tabular import variants\n\n"
        "def names(r, n):\n"
        "    labels = [(t, lang) for e in r.entities for t, lang, _ in e.labels]\n"
        "    return [variants(*labels[i % len(labels)], i) for i in range(n)]\n",
        encoding="utf-8",
    )
    try:
        _, out = run([sys.executable, "-c", code], cwd=HERE)
    finally:
        helper.unlink()
    count, entities, keys, load, first, warm, exact_only, warm_cpu = out.split()
    return {
        "names": int(count),
        "entities": int(entities),
        "keys": int(keys),
        "index": float(load),
        "first": float(first),
        "warm": float(warm),
        "nofuzzy": float(exact_only),
        "warm_cpu": float(warm_cpu),
    }


#: Inflection endings allowed in the gold list: Swedish genitive and definite forms, Finnish cases.
ENDINGS = (
    "s|en|ens|et|ets|n|ns|na|nas|erna|ernas|"
    "a|ä|ta|tä|lla|llä|lta|ltä|lle|ssa|ssä|sta|stä|han|hin|hen|hön|ksi|nä|in|an|än|on|un|yn|ne|ine|kin"
)


def _pattern(label: str) -> str | None:
    words = label.split()
    if len(label) < 3 or len(words) > 6:
        return None
    parts = []
    for w in words:
        if len(w) >= 5 and w[-1].lower() in "aeiouyäöå":
            # Kemijärvi -> Kemijärven: the stem vowel may change before an ending
            head = re.escape(w[:-1]) + f"(?:{re.escape(w[-1])}|[aeiouyäö])"
        else:
            head = re.escape(w)
        parts.append(head + f"(?:{ENDINGS})?")
    return r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)"


def _mentions(text: str, nodes, ds, preferred=frozenset()) -> set[tuple[str, str]]:
    from rdflib import Literal
    from rdflib.namespace import RDFS, SKOS

    found = []
    for node in nodes:
        for prop in (RDFS.label, SKOS.altLabel):
            for label in ds.objects(node, prop):
                pattern = _pattern(str(label)) if isinstance(label, Literal) else None
                if pattern is None:
                    continue
                for m in re.finditer(pattern, text):
                    found.append((m.start(), m.end(), len(str(label)), node not in preferred, m.group(0), str(node)))
    found.sort(key=lambda f: (-f[2], f[3], f[0]))
    taken: dict[tuple[int, int], tuple] = {}
    distinct = set()
    dropped = set()
    for start, end, size, other, _written, node in found:
        clash = [k for k in taken if start < k[1] and k[0] < end]
        if clash:
            first = taken[clash[0]]
            # the same span and label length for another entity, neither preferred: a homonym, truth unknown
            if clash[0] == (start, end) and first[:2] == (size, other) and first[2] != node:
                dropped.add((start, end))
            continue
        taken[(start, end)] = (size, other, node)
    for (start, end), (_, _, node) in taken.items():
        if (start, end) not in dropped:
            distinct.add((re.sub(r"\s+", " ", text[start:end]), node))
    return distinct


def _mentioned(ds, stem: str) -> set:
    """The entities a source graph points to (a seed's own source says which homonym it means)."""
    from rdflib import URIRef

    from kg.core.namespaces import source_graph

    graph = ds.graph(source_graph(stem))
    return {o for o in graph.objects() if isinstance(o, URIRef)} | set(graph.subjects())


def gold_list() -> list[tuple[str, str, str, str]]:
    """(where, name as written, gold IRI, language), distinct per text or register."""
    import json

    from rdflib.namespace import DCTERMS

    from kg.build.sources import load
    from kg.core.namespaces import KG, REFERENCE_GRAPH, source_graph
    from kg.reconciliation import Reconciler

    loaded = load(REPO / "data")
    ds = loaded.dataset
    reference = ds.graph(REFERENCE_GRAPH)
    ref_nodes = {s for s in reference.subjects() if "/municipality/" in str(s) or "/area/" in str(s)}
    r = Reconciler(ds)
    # actors and initiatives of every source (posts and fundings are not named in running text)
    all_nodes = set(ref_nodes) | {
        e.iri for e in r.entities if not e.types & {KG.Post, KG.Funding} and "/source/" not in str(e.iri)
    }
    stems = {str(g).rsplit("/", 1)[-1] for g in loaded.source_graphs}
    texts = []
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        nodes, lang = set(ref_nodes), "sv"
        if path.stem in stems:
            graph = ds.graph(source_graph(path.stem))
            nodes |= {s for s in graph.subjects() if s in r.by_iri}
            lang = str(graph.value(source_graph(path.stem), DCTERMS.language) or "sv")
        texts.append(
            (path.name, path.read_text(encoding="utf-8"), nodes, lang, nodes - ref_nodes | _mentioned(ds, path.stem))
        )
    for path in sorted((SHARED / "ingest-dev").glob("*.txt")):
        lang = "fi" if "_fi_" in path.name else "sv"
        texts.append((path.name, path.read_text(encoding="utf-8"), all_nodes, lang, frozenset()))
    fi_register = SHARED / "registers" / "fi_eakr_esr_2014-2020_projektit.csv"
    if fi_register.exists():
        rows = list(csv.DictReader(fi_register.open(encoding="utf-8")))
        names = sorted({row.get("Toteuttajan nimi", "").strip() for row in rows} - {""})
        texts.append((fi_register.name, "\n".join(names), all_nodes, "fi", frozenset()))
    se_register = SHARED / "registers" / "se_interreg_2021-2027_partners.json"
    if se_register.exists():
        records = json.loads(se_register.read_text(encoding="utf-8"))
        names = sorted({str(r.get("organisationsnamn", "")).strip() for r in records} - {""})
        texts.append((se_register.name, "\n".join(names), all_nodes, "sv", frozenset()))
    pairs = []
    for where, text, nodes, lang, preferred in texts:
        pairs += [(where, w, node, lang) for w, node in sorted(_mentions(text, nodes, ds, preferred))]
    return pairs


def bench_quality() -> dict:
    import kg

    pairs = gold_list()
    by_lang = {}
    rows = []
    for lang in ("sv", "fi", "all"):
        subset = [p for p in pairs if lang == "all" or p[3] == lang]
        if not subset:
            continue
        frame = kg.reconcile([p[1] for p in subset], graph=str(REPO / "data"))
        top = frame[frame["rank"] <= 1].reset_index(drop=True)
        claimed = correct_claimed = correct_top = 0
        for (_, _, gold, _), (_, row) in zip(subset, top.iterrows(), strict=True):
            if row["id"] == gold:
                correct_top += 1
            if row["match"]:
                claimed += 1
                correct_claimed += row["id"] == gold
        by_lang[lang] = {
            "names": len(subset),
            "top1": correct_top / len(subset),
            "precision": correct_claimed / claimed if claimed else 0.0,
            "recall": correct_claimed / len(subset),
        }
        if lang == "all":
            for (name, written, gold, _), (_, row) in zip(subset, top.iterrows(), strict=True):
                if row["id"] != gold or not row["match"]:
                    rows.append((name, written, gold, row["id"], row["score"], row["match"]))
    return {"by_lang": by_lang, "misses": rows}


def write_results(imp: dict, rec: dict, quality: dict | None) -> str:
    import os

    from kg.reconciliation.text import finnish_analyser

    lines = [
        START,
        "## Spreadsheet import and reconciliation (issue 17)",
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC with `python bench/tabular.py` on "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores (shared with other jobs); Python "
        f"{platform.python_version()}; Finnish analyser: {finnish_analyser()}.",
        "",
        f"Load average at the start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores. Wall time depends on the "
        "other jobs; CPU time (user + system) of the process less so.",
        "",
        "| step | wall | CPU | target | note |",
        "|---|---|---|---|---|",
        f"| `kg import --dry-run` of a {imp['rows']:,}-row relations sheet | {imp['import']:.2f} s | "
        f"{imp['import_cpu']:.2f} s | < 10 s | "
        f"whole command: read, resolve, write Turtle, validate with the {imp['triples']:,}-triple synthetic "
        "graph (Oxigraph) |",
        f"| `kg export --all --format csv` of that synthetic graph | {imp['export_all']:.2f} s | "
        f"{imp['export_cpu']:.2f} s | – | one CSV folder per source |",
        f"| `kg.reconcile` of {rec['names']:,} names, warm | {rec['warm']:.2f} s | {rec['warm_cpu']:.2f} s | < 2 s | "
        f"{rec['entities']} entities, {rec['keys']:,} match keys; fuzzy scoring on |",
        f"| the same without fuzzy scoring | {rec['nofuzzy']:.2f} s | – | – | keys, codes, abbreviations only |",
        f"| building the index (cold start: load the data, analyse every label) | {rec['index']:.2f} s | – | – | "
        f"then {rec['first']:.2f} s for the first name (analyser start-up) |",
        "",
    ]
    if quality:
        lines += [
            QUALITY,
            "",
            "| texts | names | top candidate right | precision of `match` | recall of `match` |",
            "|---|---|---|---|---|",
        ]
        for lang, q in quality["by_lang"].items():
            lines.append(f"| {lang} | {q['names']} | {q['top1']:.1%} | {q['precision']:.1%} | {q['recall']:.1%} |")
        if quality["misses"]:
            lines += [
                "",
                "Names not matched to their gold entity (top candidate shown):",
                "",
                "| text | name as written | gold | top candidate | score | match |",
                "|---|---|---|---|---|---|",
            ]
            for name, written, gold, top, score, match in quality["misses"][:40]:
                short = lambda x: str(x).rsplit("/", 1)[-1] if isinstance(x, str) else "–"  # noqa: E731
                lines.append(f"| {name} | {written} | {short(gold)} | {short(top)} | {score:.0f} | {match} |")
    lines.append(END)
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--names", type=int, default=1000)
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    with tempfile.TemporaryDirectory() as tmp:
        imp = bench_import(args.rows, Path(tmp))
    print("import", imp)
    rec = bench_reconcile(args.names)
    print("reconcile", rec)
    quality = bench_quality() if (SHARED / "seeds").is_dir() else None
    if quality:
        print("quality", quality["by_lang"])
    section = write_results(imp, rec, quality)
    results = HERE / "RESULTS.md"
    text = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n"
    if START in text and END in text:
        text = text[: text.index(START)] + section + text[text.index(END) + len(END) + 1 :]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    results.write_text(text, encoding="utf-8")
    print(section)


if __name__ == "__main__":
    main()
