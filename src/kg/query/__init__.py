"""Query: the stores (rdflib, Oxigraph, a remote SPARQL endpoint over HTTP), binding parameters into
SPARQL, the named-query library (``queries/*.rq``), execution with time-outs, and output formats.

Imports only :mod:`kg.core`.
"""
