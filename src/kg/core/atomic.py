"""Write files atomically: readers see the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def atomic_writer(path: Path | str, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temporary file beside ``path``; on success move it into place, on error delete it.

    The file gets the mode a plain ``open(path, "w")`` would give: the mode of the file it
    replaces, or for a new file ``0o666`` less the process's umask (``tempfile.mkstemp`` alone
    would leave every file at ``0o600``, unreadable to colleagues on a shared disk).

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_writer(target) as f:
    ...     _ = f.write("hej")
    >>> target.read_text()
    'hej'
    >>> try:
    ...     with atomic_writer(target) as f:
    ...         _ = f.write("half")
    ...         raise RuntimeError("boom")
    ... except RuntimeError:
    ...     pass
    >>> target.read_text()
    'hej'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    if "b" in mode:
        encoding = None
    try:
        os.chmod(tmp, _target_mode(path))
        with os.fdopen(fd, mode, encoding=encoding) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _target_mode(path: Path) -> int:
    """The permission bits a normal write of ``path`` gives: those of the existing file, else 0o666 & ~umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return 0o666 & ~current_umask()


def current_umask() -> int:
    """The process's umask (read without changing it where the platform allows)."""
    try:  # Linux: no race with other threads
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_text(path: Path | str, text: str) -> None:
    """Write ``text`` to ``path`` atomically, as UTF-8."""
    with atomic_writer(path) as handle:
        handle.write(text)


def write_bytes(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_writer(path, "wb") as handle:
        handle.write(data)


def replace_database(tmp: Path, target: Path) -> None:
    """Move a finished SQLite file ``tmp`` over ``target`` atomically (``os.replace``), first
    removing a rollback journal or WAL files left beside ``target`` by a process killed
    mid-transaction: SQLite would otherwise apply the old file's journal to the new one.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "new.db").write_bytes(b"new"), (folder / "t.db-journal").write_bytes(b"old")
    >>> replace_database(folder / "new.db", folder / "t.db")
    >>> sorted(p.name for p in folder.iterdir()), (folder / "t.db").read_bytes()
    (['t.db'], b'new')
    """
    for suffix in ("-journal", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(target.with_name(target.name + suffix))
    os.replace(tmp, target)
