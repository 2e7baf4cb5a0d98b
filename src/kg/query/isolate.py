"""Run a piece of work where it can be stopped: in a forked child process that is killed at the deadline.

A query on a native engine (pyoxigraph) cannot be interrupted from Python: a thread running it keeps a
core busy after its caller gave up. :func:`run_forked` runs the work in a child made with ``fork()``
(so it sees the parent's in-memory store without copying it), sends the result back through a pipe
(pickled), and kills the child with SIGKILL when ``timeout`` passes: the work really stops.
Linux and macOS only (``fork``); elsewhere the caller runs the work in a thread.
"""

from __future__ import annotations

import math
import os
import pickle
import select
import signal
import time
from collections.abc import Callable
from typing import Any


class Stopped(Exception):
    """The work ran past its deadline and its process was killed."""


def available() -> bool:
    """Whether this platform can fork."""
    return hasattr(os, "fork")


def run_forked(work: Callable[[], Any], timeout: float) -> Any:
    """``work()`` computed in a child process; :class:`Stopped` after ``timeout`` seconds.

    An exception raised by ``work`` is raised here again (as ``RuntimeError`` if it cannot be pickled).

    >>> run_forked(lambda: sum(range(10)), 5)
    45
    >>> import time
    >>> run_forked(lambda: time.sleep(10), 0.2)
    Traceback (most recent call last):
    ...
    kg.query.isolate.Stopped: stopped after 0.2 s
    """
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read)
        try:
            try:
                payload = pickle.dumps(("ok", work()), protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException as exc:
                try:
                    payload = pickle.dumps(("error", exc), protocol=pickle.HIGHEST_PROTOCOL)
                except Exception:
                    payload = pickle.dumps(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
            view = memoryview(payload)
            while view:
                view = view[os.write(write, view) :]
        finally:
            os._exit(0)
    os.close(write)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    # poll(), not select(): select() refuses a descriptor numbered 1024 or above, which a long-running
    # process (a notebook, a server, a test run) may well hand out.
    waiting = select.poll()
    waiting.register(read, select.POLLIN | select.POLLHUP)
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise Stopped(f"stopped after {timeout:g} s")
            if waiting.poll(max(1, math.ceil(left * 1000))):
                chunk = os.read(read, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
    except BaseException:
        os.kill(pid, signal.SIGKILL)
        raise
    finally:
        os.close(read)
        os.waitpid(pid, 0)
    if not chunks:
        raise RuntimeError("the query process ended without an answer")
    status, value = pickle.loads(b"".join(chunks))
    if status == "error":
        raise value
    return value


__all__ = ["Stopped", "available", "run_forked"]
