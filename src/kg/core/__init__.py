"""The base of the package: namespaces, errors, atomic writes, the shipped resources, labels.

Imports nothing else of ``kg`` (an import-linter contract checks it); every other stage may import it.
"""
