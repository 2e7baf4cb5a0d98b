"""``kg ingest``: the facts of a Swedish or Finnish document proposed for review.

:func:`propose` reads a text into :class:`~kg.ingest.proposals.Proposals`; :func:`ingest` writes
them as the review sheet of ``kg import`` (``.xlsx`` or a folder of CSV files) or as a source
file (``.ttl``). See ``kg/ingest/extract.py`` for what is read and how.
"""

from kg.ingest.pipeline import IngestResult, ingest, propose, sheets
from kg.ingest.reading import IngestError

__all__ = ["IngestError", "IngestResult", "ingest", "propose", "sheets"]
