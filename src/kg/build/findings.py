"""Findings of validation: one :class:`Result` per problem and the :class:`ValidationReport` that
gathers them (shared by pyshacl validation, the compiled shapes of the fast path and the closed-world
checks)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


@dataclass
class Result:
    """One finding: what is wrong, where, and how bad."""

    severity: str
    message: str
    focus: str | None = None
    focus_label: str | None = None
    path: str | None = None
    value: str | None = None
    files: list[str] = field(default_factory=list)
    line: int | None = None
    shape: str | None = None
    component: str | None = None  # the SHACL constraint component, short ("MinCount", "SPARQL"), where known

    def location(self) -> str:
        """The files (with line where known) that hold the focus node."""
        if not self.files:
            return "(no file)"
        first = self.files[0] + (f":{self.line}" if self.line else "")
        return ", ".join([first, *self.files[1:]])


@dataclass
class ValidationReport:
    """All findings of one validation run.

    ``conforms`` is True when there is no Violation (warnings are allowed).
    """

    results: list[Result]
    #: in an incremental rebuild, for each cross-node check run on part of the graph only
    #: (``ks:groupKey``): (shape, component) -> the focus nodes it checked again
    rechecked: dict[tuple[str, str], set[str]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def conforms(self) -> bool:
        return not any(r.severity == "Violation" for r in self.results)

    def count(self, severity: str) -> int:
        return sum(1 for r in self.results if r.severity == severity)

    def summary(self) -> str:
        verdict = "conforms" if self.conforms else "does NOT conform"
        return f"{verdict}: {self.count('Violation')} violation(s), {self.count('Warning')} warning(s)"

    def to_text(self, summary: bool = True, severities: tuple[str, ...] | None = None) -> str:
        """A readable report, one block per finding, worst first, ending with the summary line
        (``summary=False`` leaves it out; ``severities`` keeps only findings of those severities)."""
        lines = []
        for r in self.results:
            if severities is not None and r.severity not in severities:
                continue
            who = r.focus_label or ""
            if r.focus:
                who = f"{who} <{r.focus}>" if who else f"<{r.focus}>"
            lines.append(f"{r.severity}: {r.location()}")
            if who:
                lines.append(f"  entity:   {who}")
            if r.path:
                lines.append(f"  property: {r.path}")
            if r.value is not None:
                lines.append(f"  value:    {r.value}")
            lines.append(f"  message:  {r.message}")
        if summary:
            lines.append(self.summary())
        return "\n".join(lines)

    def to_json(self) -> str:
        """Machine-readable report."""
        return json.dumps(
            {
                "conforms": self.conforms,
                "violations": self.count("Violation"),
                "warnings": self.count("Warning"),
                "results": [asdict(r) for r in self.results],
            },
            ensure_ascii=False,
            indent=2,
        )
