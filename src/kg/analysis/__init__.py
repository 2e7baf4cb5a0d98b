"""Analysis: the collaboration networks (:mod:`kg.analysis.network`), clusters and centrality
(:mod:`kg.analysis.analyze`), and writing results back into the graph (:mod:`kg.analysis.writeback`).

Imports :mod:`kg.core` and :mod:`kg.query`.
"""
