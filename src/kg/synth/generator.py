"""Synthetic data in the samverkan ontology, for benchmarks (10k, 100k, 1M triples and beyond).

:func:`synthesize` writes a data folder that ``kg build --data OUT`` reads like the real one:
``OUT/reference/*.ttl`` (copies of the shipped reference data), ``OUT/sources/synth-NNNNNN.ttl``
(one made-up source document per file, 40–80 triples: news items, board minutes, invitations,
final reports, strategies, about projects, events and strategies, who leads, takes part, organises,
presents and funds them, with amounts, and people moving between posts over the years) and
``OUT/synth.json`` (the :class:`SynthSummary`, also returned).

The world is the real one in outline (the real municipalities, regional authorities, associations,
universities and funders), with a long tail of made-up actors; every name, person and project is
invented. Participation is skewed (preferential attachment: a few hubs are in very many initiatives,
most actors in one or two) and now and then crosses the border. With ``violations=0`` the data
conforms to the shapes; ``violations=K`` appends K deliberate errors of different kinds (see
:data:`VIOLATION_KINDS`). The same seed gives byte-identical files.

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
import sys
import time
from pathlib import Path

from kg.core import resources
from kg.synth.documents import Writer
from kg.synth.model import SynthSummary
from kg.synth.turtle import expand, lit, slugify
from kg.synth.vocabulary import PHRASES, THEME_PHRASES, VIOLATIONS

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
        phrase = rng.choice(THEME_PHRASES.get(world.theme_keys[n % len(world.theme_keys)], PHRASES["generic"]))
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
        person = world.new_person("SE").actor
        label, label_en = (lit(text, lang) for text, lang in person.labels)
        post = f"post:{person.iri[7:]}--{slugify(mun.names['own'])}"
        fields = {"p": person.iri, "label": label, "label_en": label_en, "post": post, "mun": mun.iri}
        return {**fields, "post_label": lit(f"Tjänsteperson, {mun.name('org_sv')}", "sv")}
    company = world.new_org("SE")  # label-without-language
    return {"o": company.iri, "cls": company.cls, "label": lit(company.labels[0][0])}


def _inject(world: Writer, kind: str, n: int, stem: str, initiative: str | None) -> tuple[list[str], dict[str, object]]:
    """Statements (as Turtle blocks) of one deliberate error, and its record."""
    spec = VIOLATIONS[kind]
    ini = initiative or world.initiatives[0].iri
    fields = {"ini": ini, **_violation_fields(world, kind, n, ini)}
    blocks: dict[str, list[str]] = {}
    for s, p, o in spec["statements"]:
        blocks.setdefault(s.format(**fields), []).append(f"{p.format(**fields)} {o.format(**fields)}")
    lines = [f"\n{s} " + " ;\n    ".join(pos) + " .\n" for s, pos in blocks.items()]
    record: dict[str, object] = {"kind": kind, "file": f"sources/{stem}.ttl"}
    record.update({key: expand(spec[key].format(**fields)) for key in ("focus", "related") if key in spec})
    record["triples"] = len(spec["statements"])
    return lines, record


# ------------------------------------------------------------------------------------------ main entry


def synthesize(triples: int, out: Path, seed: int = 0, violations: int = 0) -> SynthSummary:
    """Write a synthetic data folder of about ``triples`` triples (reference data included) to ``out``.

    Old ``out/sources/synth-*.ttl`` files are removed first. ``violations`` deliberate errors are
    appended to some of the files (see :data:`VIOLATION_KINDS`) and listed in the summary.
    """
    out = Path(out)
    shipped_reference = resources.shipped("data") / "reference"
    (out / "reference").mkdir(parents=True, exist_ok=True)
    sources = out / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    for old in sources.glob("synth-*.ttl"):
        old.unlink()
    reference_files = []
    for path in sorted(shipped_reference.glob("*.ttl")):
        shutil.copyfile(path, out / "reference" / path.name)
        reference_files.append(f"reference/{path.name}")

    world = Writer(seed, out / "reference", resources.shipped("ontology"))
    reference_triples = world.reference_triples
    budget = max(triples - reference_triples, 1)
    written = 0
    files: list[tuple[str, str | None]] = []
    counts: dict[str, set[str]] = {}
    for doc in world.stream():
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

    injected = world.injected
    if violations:
        with_initiative = [f for f in files if f[1] is not None] or files
        chosen = world.rng.sample(with_initiative, min(violations, len(with_initiative)))
        while len(chosen) < violations:
            chosen.append(world.rng.choice(with_initiative))
        for n in range(violations):
            stem, initiative = chosen[n]
            lines, record = _inject(world, VIOLATION_KINDS[n % len(VIOLATION_KINDS)], n + 1, stem, initiative)
            with open(sources / f"{stem}.ttl", "a", encoding="utf-8", newline="\n") as handle:
                handle.write("".join(lines))
            written += int(record["triples"])  # type: ignore[call-overload]
            injected.append(record)

    summary = SynthSummary(
        seed=seed,
        target=triples,
        files=len(files),
        triples=written + reference_triples,
        source_triples=written,
        reference_triples=reference_triples,
        counts={k: len(v) for k, v in sorted(counts.items())},
        violations=injected,
        reference_files=reference_files,
    )
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
