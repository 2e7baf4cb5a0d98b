"""Synthetic data in the samverkan ontology, for benchmarks: :func:`synthesize` (see
:mod:`kg.synth.generator`). Imports only :mod:`kg.core`.
"""

from kg.synth.generator import VIOLATION_KINDS, SynthSummary, main, synthesize

__all__ = ["VIOLATION_KINDS", "SynthSummary", "main", "synthesize"]
