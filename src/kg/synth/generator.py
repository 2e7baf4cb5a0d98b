"""Synthetic data in the samverkan ontology, for benchmarks (10k, 100k, 1M triples and beyond).

:func:`synthesize` writes a data folder that ``kg build --data OUT`` reads like the real one: copies
of the shipped reference data in ``OUT/reference/``, one made-up source document per file in
``OUT/sources/synth-NNNNNN.ttl`` (40–80 triples: announcements, minutes, invitations, reports and
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
import shutil
import time
from pathlib import Path

from kg.core import resources
from kg.synth.documents import Writer
from kg.synth.model import SynthSummary
from kg.synth.turtle import expand, lit, slugify
from kg.synth.vocabulary import VIOLATIONS, WORDS

# The kinds of deliberate error that ``violations=K`` injects, in turn (``tables/violations.toml``).
VIOLATION_KINDS = tuple(VIOLATIONS)


# ------------------------------------------------------------------------------------------ violations


def _violation_fields(world: Writer, kind: str, n: int, ini: str) -> dict[str, str]:
    """The fields of the statements of the ``n``-th error, of ``kind``, in a file about ``ini``."""
    rng = world.rng
    muns = world.municipalities
    if kind == "funding-without-funder":
        return {"f": f"funding:{ini[4:]}--medfinansiering-{n}"}
    if kind == "amount-not-a-number":
        amount = lit("12 kr", datatype="xsd:decimal") if n % 2 == 0 else lit("12 000 kr")
        return {"f": f"funding:{ini[4:]}--bidrag-{n}", "funder": rng.choice(muns).iri, "amount": amount}
    if kind == "start-after-end":
        mun = rng.choice([m for m in muns if m.country == "SE"])
        phrase = rng.choice(
            WORDS["theme_phrases"].get(world.theme_keys[n % len(world.theme_keys)], WORDS["phrases"]["generic"])
        )
        labels, i = world.unique_label([(f"{phrase[0]} {mun.name('sv')}", "sv")], 2019)
        return {"i": i, "label": lit(*labels[0]), "mun": mun.iri}
    if kind == "duplicate-municipality-code":
        used = {v.get("related") for v in world.injected}
        mun = next((m for m in rng.sample(muns, len(muns)) if expand(m.iri) not in used), muns[0])
        lang = "sv" if mun.country == "SE" else "fi"
        name = mun.name("org_sv") if lang == "sv" else f"{mun.name('fi')} {'kaupunki' if mun.city else 'kunta'}"
        o = f"orgid:{slugify(name)}"
        o = o if o not in world.taken_iris else f"{o}-{n}"
        world.taken_iris.add(o)
        code, country, area = lit(mun.code or ""), lit(mun.country or ""), mun.area or "area:se"
        return {"o": o, "label": lit(name, lang), "code": code, "country": country, "area": area, "mun": mun.iri}
    if kind == "wrong-class-object":
        return {"mun": rng.choice(muns).iri}
    if kind == "post-without-role":
        mun = rng.choice([m for m in muns if m.country == "SE"])
        person = world.new_person("SE")
        label, label_en = (lit(text, lang) for text, lang in person.labels)
        post = f"post:{person.iri[7:]}--{slugify(mun.names['own'])}"
        fields = {"p": person.iri, "label": label, "label_en": label_en, "post": post, "mun": mun.iri}
        return {**fields, "post_label": lit(f"Tjänsteperson, {mun.name('org_sv')}", "sv")}
    company = world.new_org("SE")  # label-without-language
    return {"o": company.iri, "cls": company.cls, "label": lit(company.labels[0][0])}


def _inject(world: Writer, kind: str, n: int, stem: str, ini: str) -> tuple[str, dict[str, object]]:
    """The Turtle of one deliberate error (its statements grouped by subject), and its record."""
    spec = VIOLATIONS[kind]
    fields = {"ini": ini, **_violation_fields(world, kind, n, ini)}
    blocks: dict[str, list[str]] = {}
    for s, p, o in spec["statements"]:
        blocks.setdefault(s.format(**fields), []).append(f"{p.format(**fields)} {o.format(**fields)}")
    record: dict[str, object] = {"kind": kind, "file": f"sources/{stem}.ttl"}
    record.update({key: expand(spec[key].format(**fields)) for key in ("focus", "related") if key in spec})
    record["triples"] = len(spec["statements"])
    return "".join(f"\n{s} " + " ;\n    ".join(pos) + " .\n" for s, pos in blocks.items()), record


# ------------------------------------------------------------------------------------------ main entry


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
    reference_files = [shutil.copyfile(path, out / "reference" / path.name) for path in sorted(shipped.glob("*.ttl"))]
    world = Writer(seed, out / "reference", resources.shipped("ontology"))
    budget = max(triples - world.reference_triples, 1)
    written, files, counts = 0, [], {}
    for doc in world.stream():  # until the next document would overshoot the budget more than stopping short
        n = len(doc)
        if files and written + n > budget and written + n - budget > budget - written:
            break
        (sources / f"{doc.stem}.ttl").write_text(doc.render(), encoding="utf-8", newline="\n")
        written += n
        files.append((doc.stem, doc.first_initiative))
        for iri, cls in doc.decls:
            counts.setdefault(cls.split(":", 1)[1], set()).add(iri)
        if written >= budget:
            break
    with_initiative = [f for f in files if f[1] is not None] or files
    chosen = world.rng.sample(with_initiative, min(violations, len(with_initiative)))
    chosen += [world.rng.choice(with_initiative) for _ in range(violations - len(chosen))]
    for n, (stem, ini) in enumerate(chosen):
        kind = VIOLATION_KINDS[n % len(VIOLATION_KINDS)]
        turtle, record = _inject(world, kind, n + 1, stem, ini or world.initiatives[0].iri)
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
