"""The package's version (the one in ``pyproject.toml``); part of the incremental build's fingerprint."""

__version__ = "0.1.0"
