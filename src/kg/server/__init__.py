"""Serve the built graph over the SPARQL 1.1 Protocol (an Oxigraph server) and push it to another
triple store (SPARQL 1.1 Graph Store Protocol): :mod:`kg.server.oxigraph`.

Imports :mod:`kg.core`, :mod:`kg.query` and :mod:`kg.build`.
"""
