"""A small on-disk cache of JSON values in the user's cache folder, for work that every command would
otherwise repeat (the plan of a query's ``ORDER BY``, what a build's manifest says about its graph file).

Entries live in ``cache_root()/KIND/`` (on Linux ``$XDG_CACHE_HOME/samverkan-kg/KIND/``, by default
``~/.cache/samverkan-kg/KIND/``), one
JSON file per key, named by the SHA-256 of the key, and written atomically (:mod:`kg.core.atomic`), so
concurrent commands see a whole entry or none. The cache only ever saves time: an entry that is missing,
unreadable, damaged or for another key counts as a miss, and a folder that cannot be written (a
read-only home, a full disk) is passed over in silence; the caller then computes the value as if there
were no cache. Delete the folder at any time.

>>> import os, tempfile
>>> os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp()
>>> load("example", "some key") is MISSING
True
>>> save("example", "some key", {"answer": [1, 2]})
>>> load("example", "some key")
{'answer': [1, 2]}
>>> del os.environ["XDG_CACHE_HOME"]
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

MISSING = object()  # what :func:`load` returns on a miss (``None`` is a value that can be cached)


def cache_root() -> Path:
    """The project's folder in the user's cache folder, as platformdirs finds it for the platform: on
    Linux ``$XDG_CACHE_HOME/samverkan-kg`` (the XDG Base Directory rule), else
    ``~/.cache/samverkan-kg``; ``~/Library/Caches/samverkan-kg`` on macOS; the local application data
    folder on Windows."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("samverkan-kg", appauthor=False))


def _entry(kind: str, key: str) -> tuple[Path, str]:
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
    return cache_root() / kind / f"{digest}.json", digest


def load(kind: str, key: str) -> object:
    """The value saved under ``key`` in the ``kind`` folder, or :data:`MISSING`."""
    path, digest = _entry(kind, key)
    try:
        with open(path, encoding="utf-8") as handle:
            entry = json.load(handle)
    except (OSError, ValueError):
        return MISSING
    if not isinstance(entry, dict) or entry.get("key") != digest or "value" not in entry:
        return MISSING
    return entry["value"]


#: entries kept per kind; beyond it the least recently written half is deleted (a query run with many
#: different parameter values has one plan per text)
LIMIT = 2000


def save(kind: str, key: str, value: object, limit: int = LIMIT) -> None:
    """Save ``value`` (made of JSON types) under ``key``, atomically; nothing happens when the cache
    folder cannot be written. A folder holding more than ``limit`` entries loses the older half."""
    from kg.core.atomic import atomic_writer

    path, digest = _entry(kind, key)
    try:
        with atomic_writer(path) as handle:
            json.dump({"key": digest, "value": value}, handle, ensure_ascii=False)
        _trim(path.parent, limit, path.name)
    except (OSError, ValueError, TypeError):
        pass


def _trim(folder: Path, limit: int, keep: str) -> None:
    """Delete the older entries of ``folder`` down to half of ``limit`` when it holds more (not ``keep``)."""
    entries = [e for e in os.scandir(folder) if e.name.endswith(".json")]
    if len(entries) <= limit:
        return
    older = sorted((e for e in entries if e.name != keep), key=lambda e: e.stat().st_mtime_ns)
    for entry in older[: len(entries) - limit // 2]:
        with contextlib.suppress(OSError):  # another command deleted it first
            os.unlink(entry.path)
