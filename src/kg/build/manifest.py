"""The build's manifest: what a rebuild needs to know about the last build, cheap to read and update.

Two files in the output folder, written after the store and ``graph.trig``:

- ``manifest.json`` (small): the format version, the fingerprint of ontology, shapes, rules and
  package version, the number of triples and the statistics, the validation report, the size and
  modification time of ``graph.trig`` (:func:`kg.build.graph.built_store_state` compares them), and
  the token of the records below;
- ``manifest.sqlite`` (the records, SQLite): one row per input file (absolute path, named graph,
  size, modification time in nanoseconds, SHA-256, whether its time was "racy") and one per named
  graph (the byte range of its block in ``graph.trig``), and the group keys of the cross-node checks
  that have one (``ks:groupKey``: each person's folded names), so that a rebuild finds the people
  sharing a name with a changed one by an index lookup instead of a pass over every person (0.18 s
  at 1M triples). A rebuild reads the rows once and updates only those that changed, in one
  transaction; a full build writes a new file and moves it into place.

The two belong together through a random token written into both: when they disagree (a build cut
short between the two writes, a folder put together from two builds) or either is missing or of
an older format, the next build is a full one (:func:`read`).

**Change detection** works like git's index: a file whose size and modification time equal its
row's is not read; any other file is hashed, and only a different hash makes its graph change. A
file modified again within the file system's timestamp granularity after its row was taken keeps
its size and time (git's "racily clean" case), so a row whose time is not at least
:data:`RACY_NS` older than the moment the files were stat-ed is marked racy, and the next build
hashes that file whatever its stat says (and marks it clean once its time is old enough). A
change that restores both size and time (``touch -d``, ``cp -p``, ``tar``) is not seen, as with
git and make: ``kg build --full`` rebuilds everything.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from kg.core.atomic import replace_database, write_text

MANIFEST = "manifest.json"
RECORDS = "manifest.sqlite"
MANIFEST_VERSION = 3

# How much older than the moment the inputs were stat-ed a file's modification time must be for its
# row to be trusted on size and time alone: the coarsest timestamps in common use (FAT: 2 s) and
# the lag of the kernel's coarse clock that stamps files (a few ms) fit well inside.
RACY_NS = 3_000_000_000

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE files (
    key TEXT PRIMARY KEY, graph TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    sha256 BLOB NOT NULL, racy INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE ranges (graph TEXT PRIMARY KEY, first INTEGER NOT NULL, last INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE group_keys (check_id TEXT, key TEXT, node TEXT, PRIMARY KEY (check_id, key, node)) WITHOUT ROWID;
CREATE INDEX group_keys_node ON group_keys (node);
"""


class Record(NamedTuple):
    """One input file as the last build saw it (a tuple: 18,674 of them are read in 0.01 s)."""

    graph: str
    size: int
    mtime_ns: int
    sha256: bytes
    racy: int  # 1: its time was too recent to trust (see the module's docstring)


def sha256(path: str | os.PathLike) -> bytes:
    """The SHA-256 digest of a file's bytes."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").digest()


def record(key: str, graph: str, stat: os.stat_result, stamp_ns: int, digest: bytes | None = None) -> Record:
    """The row of the file ``key`` (stat-ed as ``stat`` at ``stamp_ns``, :func:`time.time_ns`)."""
    digest = digest if digest is not None else sha256(key)
    return Record(str(graph), stat.st_size, stat.st_mtime_ns, digest, int(is_racy(stat.st_mtime_ns, stamp_ns)))


def is_racy(mtime_ns: int, stamp_ns: int) -> bool:
    """Whether a later change to a file modified at ``mtime_ns`` and stat-ed at ``stamp_ns`` could
    leave its size and modification time as they are (both in nanoseconds since the epoch).

    >>> is_racy(10 * RACY_NS - RACY_NS, 10 * RACY_NS), is_racy(10 * RACY_NS - RACY_NS + 1, 10 * RACY_NS)
    (False, True)
    """
    return mtime_ns > stamp_ns - RACY_NS


class Records:
    """The rows of ``manifest.sqlite``, open for reading and updating in one transaction."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # isolation_level=None: transactions are begun and committed explicitly below
        self.db = sqlite3.connect(str(path), isolation_level=None)

    @classmethod
    def create(cls, path: Path) -> Records:
        records = cls(path)
        records.db.executescript(_SCHEMA)
        return records

    def token(self) -> str | None:
        try:
            row = self.db.execute("SELECT value FROM meta WHERE key = 'token'").fetchone()
        except sqlite3.DatabaseError:
            return None
        return row[0] if row else None

    def files(self) -> dict[str, Record]:
        """Every input file's row, by its key (absolute path)."""
        rows = self.db.execute("SELECT key, graph, size, mtime_ns, sha256, racy FROM files").fetchall()
        make = Record._make
        return {row[0]: make(row[1:]) for row in rows}

    def ranges(self, graphs: list[str] | None = None) -> dict[str, tuple[int, int]]:
        """The byte range ``(first, last)`` of each graph's block in graph.trig (of ``graphs`` only, when given)."""
        if graphs is None:
            return {g: (a, b) for g, a, b in self.db.execute("SELECT graph, first, last FROM ranges")}
        found = {}
        for graph in graphs:
            row = self.db.execute("SELECT first, last FROM ranges WHERE graph = ?", (graph,)).fetchone()
            if row is not None:
                found[graph] = tuple(row)
        return found

    def end_before(self, graph: str) -> int | None:
        """Where the block of the last graph named before ``graph`` ends (``None``: no graph before it)."""
        row = self.db.execute(
            "SELECT last FROM ranges WHERE graph < ? ORDER BY graph DESC LIMIT 1", (graph,)
        ).fetchone()
        return row[0] if row else None

    def begin(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def put_files(self, rows: dict[str, Record], removed: list[str] = ()) -> None:
        self.db.executemany("DELETE FROM files WHERE key = ?", [(k,) for k in removed])
        self.db.executemany(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)",
            [(k, *r) for k, r in rows.items()],
        )

    def put_ranges(self, ranges: dict[str, tuple[int, int]] | dict[str, list[int]], replace: bool = False) -> None:
        if replace:
            self.db.execute("DELETE FROM ranges")
        self.db.executemany(
            "INSERT OR REPLACE INTO ranges VALUES (?, ?, ?)", [(g, a, b) for g, (a, b) in ranges.items()]
        )

    def drop_ranges(self, graphs: list[str]) -> None:
        self.db.executemany("DELETE FROM ranges WHERE graph = ?", [(g,) for g in graphs])

    def shift_ranges(self, after: str | None, before: str | None, delta: int) -> None:
        """Move the blocks of the graphs named strictly between ``after`` and ``before`` by ``delta`` bytes
        (``None``: no bound). SQLite compares text by its UTF-8 bytes, which orders as Python orders ``str``."""
        if delta == 0:
            return
        where, args = [], []
        if after is not None:
            where.append("graph > ?")
            args.append(after)
        if before is not None:
            where.append("graph < ?")
            args.append(before)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        self.db.execute(f"UPDATE ranges SET first = first + ?, last = last + ?{clause}", (delta, delta, *args))

    def has_group_keys(self) -> bool:
        """Whether the group keys were recorded (by the full build that wrote this file)."""
        try:
            row = self.db.execute("SELECT value FROM meta WHERE key = 'group_keys'").fetchone()
        except sqlite3.DatabaseError:
            return False
        return row is not None and row[0] == "1"

    def nodes_with_keys(self, check_id: str, keys: list[str]) -> list[str]:
        """The nodes (N-Triples text) that have one of ``keys`` (N-Triples text) for the check ``check_id``."""
        found: set[str] = set()
        for start in range(0, len(keys), 500):
            part = keys[start : start + 500]
            marks = ", ".join("?" * len(part))
            query = f"SELECT node FROM group_keys WHERE check_id = ? AND key IN ({marks})"
            found.update(row[0] for row in self.db.execute(query, (check_id, *part)))
        return sorted(found)

    def put_group_keys(self, rows: list[tuple[str, str, str]], nodes: list[str] = ()) -> None:
        """Replace the group keys of ``nodes`` (N-Triples text) by ``rows`` (check, key, node)."""
        self.db.executemany("DELETE FROM group_keys WHERE node = ?", [(n,) for n in nodes])
        self.db.executemany("INSERT OR REPLACE INTO group_keys VALUES (?, ?, ?)", rows)
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('group_keys', '1')")

    def set_token(self, token: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('token', ?)", (token,))

    def commit(self) -> None:
        self.db.execute("COMMIT")

    def rollback(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.execute("ROLLBACK")

    def close(self) -> None:
        self.db.close()


@dataclass
class Manifest:
    """``manifest.json`` of a build and its open records."""

    data: dict
    records: Records

    def close(self) -> None:
        self.records.close()


def read(out: Path) -> tuple[Manifest | None, str | None]:
    """The manifest of the build in ``out``, or ``None`` and why a rebuild cannot use it (then a full
    build follows): missing, unreadable, of another format version, or its two files disagree."""
    path = out / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None, "there is no manifest.json"
    except (OSError, ValueError) as exc:
        return None, f"manifest.json cannot be read ({type(exc).__name__})"
    if not isinstance(data, dict):
        return None, "manifest.json cannot be read (not an object)"
    if data.get("version") != MANIFEST_VERSION:
        return (
            None,
            f"manifest.json is of format {data.get('version')!r}, written by an older version (now {MANIFEST_VERSION})",
        )
    token = (data.get("records") or {}).get("token")
    if not (out / RECORDS).is_file():
        return None, f"{RECORDS} is missing"
    try:
        records = Records(out / RECORDS)
    except sqlite3.Error as exc:
        return None, f"{RECORDS} cannot be opened ({exc})"
    found = records.token()
    if token is None or found != token:
        records.close()
        return None, f"{RECORDS} does not belong to manifest.json (a build was cut short)"
    return Manifest(data, records), None


def write_json(out: Path, data: dict) -> None:
    """Write ``manifest.json`` atomically."""
    write_text(out / MANIFEST, json.dumps(data, ensure_ascii=False))


def write_new(
    out: Path, files: dict[str, Record], ranges: dict[str, list[int]], group_keys: list[tuple[str, str, str]]
) -> str:
    """Write a new ``manifest.sqlite`` with these rows, moved into place atomically; return its token."""
    token = uuid.uuid4().hex
    fd, tmp = tempfile.mkstemp(dir=out, prefix=f".{RECORDS}.", suffix=".tmp")
    os.close(fd)
    os.unlink(tmp)  # SQLite creates it
    try:
        records = Records.create(Path(tmp))
        try:
            records.begin()
            records.put_files(files)
            records.put_ranges(ranges)
            records.put_group_keys(group_keys)
            records.set_token(token)
            records.commit()
        finally:
            records.close()
        replace_database(tmp, out / RECORDS)  # drops a journal a killed rebuild left beside the old file
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return token


def stamp() -> int:
    """The moment, in nanoseconds, before the inputs are stat-ed (see :func:`is_racy`)."""
    return time.time_ns()
