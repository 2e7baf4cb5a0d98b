"""One writer per output folder: a lock for concurrent builds, and the cleaning of dead builds' leftovers.

Every command that writes into an output folder (``kg build``, ``kg all``, the first ``kg query``
that builds, ``kg analyze --write-back``, the store ``kg serve`` loads) holds an exclusive lock on
that folder while it writes: ``OUT/.lock``, locked with ``flock(2)``. A second process that wants
the same folder prints one line saying which process holds it and waits (at most ``KG_LOCK_TIMEOUT``
seconds, default 600), then fails cleanly with :class:`FolderBusy` (exit 2). The kernel drops the
lock when its process dies, however it dies, so a killed build never blocks the next one; the lock
file itself is removed when the lock is released. The lock is re-entrant within one process.

Readers of the built store (``kg query``) take the same lock shared (:func:`try_shared`): a writer
waits for the readers to finish, and a reader that finds a writer at work reads ``graph.trig``
(replaced atomically) instead of the store being changed.

Because the lock guarantees that nobody else is writing, the next build removes what a killed build
left behind (:func:`clean_leftovers`): ``.store-*`` folders, temporary ``.graph.trig.*.tmp`` and
``.manifest.json.*.tmp``, ``.manifest.sqlite.*.tmp`` and ``.labels.sqlite.*.tmp`` files, and half-loaded server stores.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from kg.core.errors import KgError

LOCK_FILE = ".lock"
DEFAULT_WAIT = 600.0
_POLL = 0.1

_held: dict[str, list] = {}  # folder -> [file descriptor, depth]
_guard = threading.RLock()


class FolderBusy(KgError):
    """Another process holds the output folder for longer than we were willing to wait."""


def _key(folder: Path) -> str:
    return os.path.realpath(folder)


def is_held(folder: Path | str) -> bool:
    """Whether this process holds the lock on ``folder``."""
    return _key(Path(folder)) in _held


def _wait_limit() -> float:
    try:
        return float(os.environ.get("KG_LOCK_TIMEOUT", DEFAULT_WAIT))
    except ValueError:
        return DEFAULT_WAIT


def _holder(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8").strip()
    except OSError:
        return "another kg process"
    return f"another kg process (pid {text})" if text.isdigit() else "another kg process"


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


@contextlib.contextmanager
def locked(folder: Path | str, *, wait: float | None = None, say: Callable[[str], None] = _say) -> Iterator[Path]:
    """Hold the exclusive lock on ``folder`` (created if missing; removed again if it was created
    here and is empty at the end). Waits up to ``wait`` seconds (default ``KG_LOCK_TIMEOUT`` or 600)
    for another process, saying so once; raises :class:`FolderBusy` after that.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "out"
    >>> with locked(out):
    ...     is_held(out), (out / ".lock").is_file()
    (True, True)
    >>> out.exists(), is_held(out)
    (False, False)
    """
    folder = Path(folder)
    key = _key(folder)
    with _guard:
        if key in _held:
            _held[key][1] += 1
            try:
                yield folder
            finally:
                _held[key][1] -= 1
            return
    created = not folder.exists()
    limit = _wait_limit() if wait is None else wait
    deadline = time.monotonic() + limit
    told = False
    path = folder / LOCK_FILE
    while True:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise KgError(f"cannot write into this folder: {exc.strerror or exc}", file=folder) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if not told:
                say(f"waiting: {_holder(path)} is using {folder} (up to {limit:g} s, see KG_LOCK_TIMEOUT)")
                told = True
            if time.monotonic() > deadline:
                raise FolderBusy(
                    f"{_holder(path)} is still writing this folder after {limit:g} s; try again later", file=folder
                ) from None
            time.sleep(_POLL)
            continue
        try:  # the holder before us may have removed the file we locked: then lock the new one
            same = os.fstat(fd).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    os.ftruncate(fd, 0)
    os.write(fd, str(os.getpid()).encode())
    with _guard:
        _held[key] = [fd, 1]
    try:
        yield folder
    finally:
        with _guard:
            del _held[key]
        with contextlib.suppress(OSError):
            os.unlink(path)
        if created:
            with contextlib.suppress(OSError):
                folder.rmdir()  # only if empty: a failed first build leaves no folder behind
        os.close(fd)  # releases the lock


LEFTOVERS = (
    ".store-*",
    ".graph.trig.*.tmp",
    ".manifest.json.*.tmp",
    ".manifest.sqlite.*.tmp",
    ".labels.sqlite.*.tmp",
    "oxigraph.loading-*",
    "oxigraph.old-*",
)


def clean_leftovers(folder: Path | str) -> list[Path]:
    """Remove what killed builds left in ``folder`` (call only while holding its lock); return what was removed.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> (out / ".store-abc").mkdir(); _ = (out / ".graph.trig.x1.tmp").write_text("half")
    >>> _ = (out / "graph.trig").write_text("kept")
    >>> with locked(out):
    ...     sorted(p.name for p in clean_leftovers(out))
    ['.graph.trig.x1.tmp', '.store-abc']
    >>> sorted(p.name for p in out.iterdir())
    ['graph.trig']
    """
    folder = Path(folder)
    if not is_held(folder):
        raise RuntimeError(f"clean_leftovers({folder}) without holding its lock")
    removed = []
    for pattern in LEFTOVERS:
        for path in sorted(folder.glob(pattern)):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
            removed.append(path)
    return removed


class SharedLock:
    """A reader's shared hold on a folder's lock (see :func:`try_shared`); :meth:`release` lets go."""

    def __init__(self, fd: int | None, path: Path):
        self.fd = fd
        self.path = path

    def release(self) -> None:
        """Let go; the last holder removes the lock file, as a writer does."""
        fd, self.fd = self.fd, None
        if fd is None:
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            if os.fstat(fd).st_ino == os.stat(self.path).st_ino:
                os.unlink(self.path)
        except OSError:  # another reader or a waiting writer has it: it removes the file later
            pass
        finally:
            os.close(fd)


def try_shared(folder: Path | str, wait: float = 0.5) -> SharedLock | None:
    """A shared lock on ``folder`` for a reader of what the writers (:func:`locked`) write there: while
    any reader holds it no writer starts, and while a writer holds it no reader gets it. Waits at most
    ``wait`` seconds, then returns ``None`` (a writer is at work). A folder the reader may not write
    and without a lock file gives a lock that holds nothing (nobody is writing there now).

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> first, second = try_shared(out), try_shared(out)  # readers share
    >>> second is not None
    True
    >>> first.release(); (out / ".lock").exists()  # the second reader still holds it
    True
    >>> with locked(out, wait=0.2, say=print): pass  # a writer waits for the readers
    Traceback (most recent call last):
    ...
    kg.core.locking.FolderBusy: ... another kg process is still writing this folder after 0.2 s; try again later
    >>> second.release(); (out / ".lock").exists()  # the last one out removes the file
    False
    """
    folder = Path(folder)
    path = folder / LOCK_FILE
    if is_held(folder):
        return None  # this process is writing there
    deadline = time.monotonic() + wait
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            try:
                fd = os.open(path, os.O_RDONLY)
            except FileNotFoundError:
                return SharedLock(None, path)
            except OSError:
                return None
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() > deadline:
                return None
            time.sleep(_POLL / 4)
            continue
        try:  # a writer or the last reader may have removed the file we locked: then lock the new one
            same = os.fstat(fd).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            return SharedLock(fd, path)
        os.close(fd)


def open_when_free(opener: Callable[[], object], what: Path, wait: float | None = None, say=_say) -> object:
    """Call ``opener`` (which opens an on-disk store), waiting while another process has the store
    open (RocksDB's own lock), saying so once; :class:`FolderBusy` after ``wait`` seconds."""
    limit = _wait_limit() if wait is None else wait
    deadline = time.monotonic() + limit
    told = False
    while True:
        try:
            return opener()
        except OSError as exc:
            if "lock" not in str(exc).lower():
                raise
            if time.monotonic() > deadline:
                raise FolderBusy(f"another process keeps this store open after {limit:g} s", file=what) from None
            if not told:
                say(f"waiting: another process has {what} open (up to {limit:g} s, see KG_LOCK_TIMEOUT)")
                told = True
            time.sleep(_POLL)


__all__ = ["FolderBusy", "SharedLock", "clean_leftovers", "is_held", "locked", "open_when_free", "try_shared"]
