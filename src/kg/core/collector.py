"""Pausing Python's cycle collector while a step builds many objects that make no cycles.

CPython runs its cycle collector after every 700 new container objects (lists, dictionaries,
tuples, class instances) and, every so often, over every object alive: reading a network of a
million-triple build, projecting it and analysing it makes millions of small containers while
hundreds of thousands are alive, so full collections that find nothing took a fifth of
``kg analyze``'s CPU at 1M triples (12.5 s against 9.9 s with the collector paused, the same
peak memory; bench/RESULTS.md, s29-anviz). Reference counting still frees everything as usual;
cycles made meanwhile are collected once the collector runs again.

>>> import gc
>>> with paused():
...     gc.isenabled()
False
>>> gc.isenabled()
True
>>> @paused()
... def step():
...     return gc.isenabled()
>>> step(), gc.isenabled()
(False, True)
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """The cycle collector off inside the block (or the decorated function), then as it was before
    (so nested uses and a collector switched off by the caller stay as they were)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
