"""Synthetic data in the samverkan ontology, for benchmarks (10k, 100k, 1M triples and beyond).

:func:`synthesize` writes a data folder that ``kg build --data OUT`` reads like the real one: the
shipped areas and the municipalities of Norrbotten, Västerbotten and Lappi in ``OUT/reference/``
(the rest of the reference data is left out, so small graphs stay small), one made-up source
document per file in ``OUT/sources/synth-NNNNNN.ttl`` (40–80 triples: announcements, minutes, invitations, reports and
strategies about projects, events and strategies, who leads, takes part, organises, presents and
funds them, and people moving between posts) and the :class:`SynthSummary` in ``OUT/synth.json``.
The real municipalities and regional actors are joined by a long tail of invented ones, drawn by
preferential attachment (a few hubs are in very many initiatives). With ``violations=K``, K deliberate
errors (:data:`VIOLATION_KINDS`) are appended; else the data conforms. The same seed gives the same bytes.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     summary = synthesize(2000, Path(tmp) / "data", seed=3)
...     files = sorted((Path(tmp) / "data" / "sources").glob("synth-*.ttl"))
...     len(files) == summary.files > 10, abs(summary.triples - 2000) <= 100
(True, True)
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kg.core import resources
from kg.synth.documents import Writer
from kg.synth.turtle import Doc, expand, lit, slugify
from kg.synth.world import VIOLATIONS, WORDS, SynthSummary

# The kinds of deliberate error that ``violations=K`` injects, in turn (``tables/violations.toml``).
VIOLATION_KINDS = tuple(VIOLATIONS)


# ------------------------------------------------------------------------------------------ violations


def _inject(world: Writer, kind: str, n: int, stem: str, ini: str) -> tuple[str, dict[str, object]]:
    """The Turtle of the ``n``-th deliberate error, of ``kind``, in the file ``stem`` about ``ini``, and its
    record. The statements of ``tables/violations.toml`` are filled in with ``ini``, its ``slug``, ``n``,
    ``mun`` (a Swedish municipality not yet given a duplicate code) and the kind's own fields."""
    rng, muns = world.rng, [m for m in world.municipalities if m.country == "SE"]
    used = {v.get("related") for v in world.injected}
    mun = next((m for m in rng.sample(muns, len(muns)) if expand(m.iri) not in used), muns[0])
    fields = {"ini": ini, "slug": ini[4:], "n": str(n), "mun": mun.iri}
    if kind == "amount-not-a-number":
        fields["amount"] = lit("12 kr", datatype="xsd:decimal") if n % 2 == 0 else lit("12 000 kr")
    elif kind == "start-after-end":  # a new project with a name of its own
        phrases = WORDS["theme_phrases"].get(world.theme_keys[n % len(world.theme_keys)], WORDS["phrases"]["generic"])
        labels, fields["i"] = world.unique_label([(f"{rng.choice(phrases)[0]} {mun.name('sv')}", "sv")], 2019)
        fields["label"] = lit(*labels[0])
    elif kind == "duplicate-municipality-code":  # a second municipality with the code of ``mun``
        o = f"orgid:{slugify(mun.name('org_sv'))}"
        fields["o"] = o if o not in world.taken_iris else f"{o}-{n}"
        world.taken_iris.add(fields["o"])
        fields.update(label=lit(mun.name("org_sv"), "sv"), code=lit(mun.code or ""), area=mun.area or "area:se")
    elif kind == "post-without-role":
        person = world.new_person("SE")
        fields.update(p=person.iri, label=lit(*person.labels[0]), label_en=lit(*person.labels[1]))
        fields["post"] = f"post:{person.iri[7:]}--{slugify(mun.names['own'])}"
        fields["post_label"] = lit(f"Tjänsteperson, {mun.name('org_sv')}", "sv")
    elif kind == "label-without-language":
        company = world.new_org("SE")
        fields.update(o=company.iri, cls=company.cls, label=lit(company.labels[0][0]))
    spec, doc = VIOLATIONS[kind], Doc(stem, "", ini)
    for s, p, o in spec["statements"]:
        doc.add(s.format(**fields), p.format(**fields), o.format(**fields))
    record: dict[str, object] = {"kind": kind, "file": f"sources/{stem}.ttl"}
    record.update({key: expand(spec[key].format(**fields)) for key in ("focus", "related") if key in spec})
    record["triples"] = len(doc)
    return doc.statements(), record


# ------------------------------------------------------------------------------------------ main entry

SYNTH_AREAS = ("area/se-24", "area/se-25", "area/fi-19")  # the synthetic world: Västerbotten, Norrbotten, Lappi


def _copy_northern_reference(source: Path, target: Path) -> None:
    """Copy the areas, and of the municipalities those of :data:`SYNTH_AREAS` (the synthetic world;
    the bodies and the rest of the country are left out, so that small graphs stay small)."""
    from rdflib import Graph, URIRef

    from kg.core.namespaces import KG

    graph = Graph().parse(source)
    areas = {URIRef("https://w3id.org/samverkan/id/" + a) for a in SYNTH_AREAS}
    keep = Graph()
    for prefix, namespace in graph.namespaces():
        keep.bind(prefix, namespace)
    for s, p, o in graph:
        if source.name != "municipalities.ttl" or graph.value(s, KG.locatedIn) in areas:
            keep.add((s, p, o))
    target.write_text(keep.serialize(format="turtle"), encoding="utf-8")


def synthesize(triples: int, out: Path, seed: int = 0, violations: int = 0) -> SynthSummary:
    """Write a synthetic data folder of about ``triples`` triples (reference data included) to ``out``.

    Old ``out/sources/synth-*.ttl`` files are removed first. ``violations`` deliberate errors are
    appended to some of the files (see :data:`VIOLATION_KINDS`) and listed in the summary.
    """
    out, shipped = Path(out), resources.shipped("data") / "reference"
    sources = out / "sources"
    for folder in (out / "reference", sources):
        folder.mkdir(parents=True, exist_ok=True)
    for old in sources.glob("synth-*.ttl"):
        old.unlink()
    for old_file in (out / "reference").glob("*.ttl"):
        old_file.unlink()
    reference_files = []
    for name in ("areas.ttl", "municipalities.ttl"):
        _copy_northern_reference(shipped / name, out / "reference" / name)
        reference_files.append(out / "reference" / name)
    world = Writer(seed, out / "reference", resources.shipped("ontology"))
    budget = max(triples - world.reference_triples, 1)
    written, files, counts = 0, [], {}
    for doc in world.stream():  # until the next document would overshoot the budget more than stopping short
        n = len(doc)
        if files and written + n > budget and written + n - budget > budget - written:
            break
        (sources / f"{doc.stem}.ttl").write_text(doc.render(), encoding="utf-8", newline="\n")
        written += n
        files.append((doc.stem, doc.about))
        for iri, cls in doc.decls:
            counts.setdefault(cls.split(":", 1)[1], set()).add(iri)
        if written >= budget:
            break
    chosen = world.rng.sample(files, min(violations, len(files)))
    chosen += [world.rng.choice(files) for _ in range(violations - len(chosen))]
    for n, (stem, ini) in enumerate(chosen):
        kind = VIOLATION_KINDS[n % len(VIOLATION_KINDS)]
        turtle, record = _inject(world, kind, n + 1, stem, ini)
        with open(sources / f"{stem}.ttl", "a", encoding="utf-8", newline="\n") as handle:
            handle.write(turtle)
        written += int(record["triples"])  # type: ignore[call-overload]
        world.injected.append(record)
    counted, ref = {k: len(v) for k, v in sorted(counts.items())}, world.reference_triples
    references = [f"reference/{Path(path).name}" for path in reference_files]
    summary = SynthSummary(seed, triples, len(files), written + ref, written, ref, counted, world.injected, references)
    (out / "synth.json").write_text(summary.to_json(), encoding="utf-8", newline="\n")
    return summary


def main(argv: list[str] | None = None) -> int:
    """``python -m kg.synth TRIPLES OUT [--seed N] [--violations K]``."""
    parser = argparse.ArgumentParser(prog="python -m kg.synth", description=__doc__.split("\n\n")[0])
    parser.add_argument("triples", type=int, help="about how many triples to write (reference data included)")
    parser.add_argument("out", type=Path, help="the data folder to write")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--violations", type=int, default=0, help="how many deliberate errors to inject")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    summary = synthesize(args.triples, args.out, seed=args.seed, violations=args.violations)
    took = time.perf_counter() - began
    print(f"{summary.triples} triples in {summary.files} source files -> {args.out} ({took:.1f} s)")
    return 0
