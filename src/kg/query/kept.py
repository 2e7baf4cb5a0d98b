"""Kept results: the printed answer of a costly query, kept beside the build it was computed on.

A build is immutable until the next ``kg build``, so the answer of a query over it is too. When a
``kg query`` on a build's on-disk store took longer than :data:`KEEP_SECONDS` of CPU (at a million
triples ``ties``, ``weak-facts`` and ``collaboration-pairs`` take 5-7 s and print 90-130 MB of JSON),
the command keeps the exact text it printed in ``results/`` beside ``graph.trig``; the next call with
the same key prints that text instead of evaluating the query again (a materialised view of the
query, made at its first call). The ``.rq`` file stays the one definition of the query: what is kept
is its own output, never rows made another way.

The key is everything the printed text depends on:

- the SHA-256 of ``graph.trig``'s bytes (the build's dataset; its label table and store are written
  by the same build, and a result is kept or used only while the store holds that very file,
  :func:`kg.build.graph.built_store_state`); the digest is computed once per version of the file
  and remembered by its file status (path, device, inode, size, modification and change times) in
  the user's cache folder (:mod:`kg.core.cache`);
- the query's whole text (header included) and its parameters as given;
- the output: format, language, header kind;
- the package's version, :data:`VERSION` of this format, and the size and modification time of every
  module of the package (:func:`code_stamp`): new code (an upgrade, a checkout) renews every answer.

Any rebuild writes a new ``graph.trig`` and so changes the key: a kept result is used only for the
bytes it was computed from; a build that writes a new ``graph.trig`` deletes ``results/``, and results
of other graph contents are deleted when a new one is kept.
Entries are written atomically (:mod:`kg.core.atomic`); an entry that is missing, damaged, or for
another key is a miss, and a folder that cannot be written keeps nothing (the query is simply
evaluated every time). A query whose answer can change without the graph changing (``NOW()``,
``RAND()``, ``UUID()``, ``STRUUID()``, ``BNODE()``, a ``SERVICE`` call) is never kept. ``kg query
--no-cache`` evaluates afresh and keeps nothing; deleting ``results/`` at any time is safe.

>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> graph = folder / "graph.trig"
>>> _ = graph.write_text("<urn:a> <urn:b> <urn:c> .")
>>> entry = kept(graph, "SELECT * WHERE { ?s ?p ?o }", {}, {"format": "json"})
>>> entry.read() is None
True
>>> entry.store(b'{"head": {}}') is not None
True
>>> kept(graph, "SELECT * WHERE { ?s ?p ?o }", {}, {"format": "json"}).read()
b'{"head": {}}'
>>> kept(graph, "SELECT * WHERE { ?s ?p ?o }", {}, {"format": "csv"}).read() is None
True
>>> _ = graph.write_text("<urn:a> <urn:b> <urn:d> .")  # the graph changed: the kept text is not used
>>> kept(graph, "SELECT * WHERE { ?s ?p ?o }", {}, {"format": "json"}).read() is None
True
>>> kept(graph, "SELECT (NOW() AS ?t) WHERE {}", {}, {"format": "json"}) is None
True
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

VERSION = 1  # raise when the same key would print other text
FOLDER = "results"
KEEP_SECONDS = 0.5  # CPU seconds of evaluation and rendering above which ``kg query`` keeps a result
_MAGIC = b"kg-kept-result "
_VOLATILE = re.compile(r"\b(?:NOW|RAND|UUID|STRUUID|BNODE|SERVICE)\b", re.IGNORECASE)
_digests: dict[tuple, str] = {}  # this process's digests, by file status


def graph_sha256(graph_file: Path | str) -> str:
    """The SHA-256 (hex) of ``graph_file``'s bytes, computed once per version of the file.

    Remembered by the file's status (absolute path, device, inode, size, modification and change
    times; every write of the file changes the change time) in this process and in the user's cache
    folder (:mod:`kg.core.cache`): hashing takes about 0.1 s per 66 MB (a million triples).
    Raises ``OSError`` when the file cannot be read.
    """
    from kg.core import cache

    path = os.path.abspath(graph_file)
    st = os.stat(path)
    status = (path, st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    found = _digests.get(status)
    if found is not None:
        return found
    key = "\n".join(str(part) for part in status)
    found = cache.load("graph-digests", key)
    if not isinstance(found, str):
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        found = digest.hexdigest()
        if os.stat(path).st_ctime_ns == st.st_ctime_ns:  # not rewritten while it was read
            cache.save("graph-digests", key, found)
    _digests[status] = found
    return found


def code_stamp() -> str:
    """A digest of the path, size and modification time of every ``.py`` and ``.rq`` file of the ``kg``
    package (about a hundred ``stat`` calls, a few milliseconds): it changes when the code that
    evaluates, labels and prints an answer changes."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the kg package (this is kg/query/kept.py)
    digest = hashlib.sha256()
    for folder, dirs, files in sorted(os.walk(root)):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".rq")):
                st = os.stat(os.path.join(folder, name))
                digest.update(f"{folder}/{name} {st.st_size} {st.st_mtime_ns}\n".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def keepable(text: str) -> bool:
    """Whether the answer of the SPARQL ``text`` depends on the graph alone (no ``NOW()``, ``RAND()``,
    ``UUID()``, ``STRUUID()``, ``BNODE()`` or ``SERVICE``: the words are looked for anywhere, so a
    query that merely mentions one is evaluated every time, which is never wrong).

    >>> keepable("SELECT ?s WHERE { ?s ?p ?o }"), keepable("SELECT (now() AS ?t) {}")
    (True, False)
    """
    return _VOLATILE.search(text) is None


@dataclass(frozen=True)
class Entry:
    """The kept result of one query text, parameters and output on one version of a graph file."""

    path: Path  #: ``results/GRAPH-KEY.kept`` beside the graph file
    graph_file: Path
    graph_sha256: str
    key: str  #: SHA-256 of the query text, parameters, output options and versions

    def _header(self, size: int) -> bytes:
        return _MAGIC + json.dumps({"graph_sha256": self.graph_sha256, "key": self.key, "size": size}).encode() + b"\n"

    def open(self) -> tuple[BinaryIO, int] | None:
        """The kept text's file, positioned at its first byte, and its size in bytes; ``None`` on a miss.
        Close the file when done."""
        try:
            handle = open(self.path, "rb")  # noqa: SIM115 (returned open to the caller, or closed below)
        except OSError:
            return None
        try:
            line = handle.readline(4096)
            meta = json.loads(line[len(_MAGIC) :]) if line.startswith(_MAGIC) else {}
            size = meta.get("size")
            if (
                meta.get("graph_sha256") == self.graph_sha256
                and meta.get("key") == self.key
                and isinstance(size, int)
                and os.fstat(handle.fileno()).st_size == len(line) + size
            ):
                return handle, size
        except (OSError, ValueError, AttributeError):
            pass
        handle.close()
        return None

    def read(self) -> bytes | None:
        """The kept text (bytes, UTF-8), or ``None`` on a miss."""
        found = self.open()
        if found is None:
            return None
        handle, size = found
        with handle:
            data = handle.read(size)
        return data if len(data) == size else None

    def copy_to(self, target: BinaryIO, end: bytes = b"") -> bool:
        """Write the kept text to the binary file ``target``, then ``end`` unless the text ends with it;
        False (nothing written) on a miss."""
        found = self.open()
        if found is None:
            return False
        handle, size = found
        with handle:
            start = handle.tell()
            last = os.pread(handle.fileno(), len(end), start + size - len(end)) if end and size >= len(end) else b""
            target.flush()
            sent = _sendfile(handle, start, size, target)
            handle.seek(start + sent)
            shutil.copyfileobj(handle, target, 1 << 20)  # what sendfile did not send (or could not)
        if end and last != end:
            target.write(end)
        target.flush()
        return True

    def store(self, data: bytes) -> Path | None:
        """Keep ``data`` (atomically) while the graph file still has the same bytes, and delete what
        was kept for other graph contents. Returns the file, or ``None`` where nothing was kept (the
        folder cannot be written, or the graph changed meanwhile)."""
        from kg.core.atomic import atomic_writer

        try:
            if graph_sha256(self.graph_file) != self.graph_sha256:
                return None
            with atomic_writer(self.path, "wb") as handle:
                handle.write(self._header(len(data)))
                handle.write(data)
            for other in self.path.parent.glob("*.kept"):
                if not other.name.startswith(self.graph_sha256[:32]):
                    other.unlink(missing_ok=True)
            for left in self.path.parent.glob(".*.kept.*.tmp"):  # of a call killed while it wrote
                if time.time() - left.stat().st_mtime > 3600:
                    left.unlink(missing_ok=True)
        except OSError:
            return None
        return self.path


def _sendfile(handle: BinaryIO, start: int, size: int, target: BinaryIO) -> int:
    """Send ``size`` bytes of ``handle`` from ``start`` to ``target`` in the kernel (``os.sendfile``: no
    copy through Python; for 1.24 GB 0.9 s of CPU against 1.4-2.8 s for ``shutil.copyfileobj``); the
    number of bytes sent, 0 where ``target`` has no file descriptor or the kernel refuses (``O_APPEND``)."""
    try:
        out = target.fileno()
    except (AttributeError, OSError, ValueError):
        return 0
    sent = 0
    try:
        while sent < size:
            n = os.sendfile(out, handle.fileno(), start + sent, size - sent)
            if n == 0:
                break
            sent += n
    except (OSError, AttributeError):  # AttributeError: no os.sendfile on this platform
        pass
    return sent


def kept(graph_file: Path | str, text: str, params: dict[str, str], output: dict[str, object]) -> Entry | None:
    """The :class:`Entry` for the query ``text`` with ``params`` printed as ``output`` (format, language,
    header kind, ...) on ``graph_file`` (a build's ``graph.trig``), or ``None`` when its answer may not
    be kept (:func:`keepable`) or the graph file cannot be read.

    The caller checks that the build's store holds ``graph_file`` (the result must be the one a fresh
    evaluation on it gives), then either prints :meth:`Entry.open`'s text or evaluates and
    :meth:`Entry.store`\\ s what it printed.
    """
    from kg.core.version import __version__

    if not keepable(text):
        return None
    graph_file = Path(graph_file)
    try:
        digest = graph_sha256(graph_file)
    except OSError:
        return None
    described = json.dumps(
        {"text": text, "params": params, "output": output, "kg": __version__, "code": code_stamp(), "version": VERSION},
        sort_keys=True,
        default=str,
    )
    key = hashlib.sha256(described.encode("utf-8", "surrogatepass")).hexdigest()
    path = graph_file.parent / FOLDER / f"{digest[:32]}-{key[:32]}.kept"
    return Entry(path, graph_file, digest, key)
