"""kg.query.isolate.run_forked: a result, an error, a deadline, and descriptors numbered above 1023.

CI once failed here: after a few thousand tests one xdist worker held more than 1,024 open descriptors,
and ``select()`` refuses a descriptor numbered 1024 or above ("filedescriptor out of range in select()").
"""

from __future__ import annotations

import os
import resource

import pytest

from kg.query import isolate

pytestmark = pytest.mark.skipif(not isolate.available(), reason="needs fork()")


def test_the_result_and_an_error_come_back() -> None:
    assert isolate.run_forked(lambda: {"rows": [1, 2, 3]}, 5) == {"rows": [1, 2, 3]}
    with pytest.raises(ZeroDivisionError):
        isolate.run_forked(lambda: 1 / 0, 5)


def test_work_past_its_deadline_is_stopped() -> None:
    import time

    with pytest.raises(isolate.Stopped, match=r"stopped after 0\.3 s"):
        isolate.run_forked(lambda: time.sleep(30), 0.3)


@pytest.fixture
def high_descriptors():
    """Hold open descriptors until the next one the process gets is numbered above 1,100."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 1200
    if hard != resource.RLIM_INFINITY and hard < wanted:
        pytest.skip(f"the hard limit of open files is {hard}")
    if soft != resource.RLIM_INFINITY and soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    held: list[int] = []
    try:
        while True:
            fd = os.open(os.devnull, os.O_RDONLY)
            held.append(fd)
            if fd > 1100:
                break
        yield held[-1]
    finally:
        for fd in held:
            os.close(fd)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_a_process_with_more_than_1024_open_files_still_runs_forked_work(high_descriptors: int) -> None:
    assert high_descriptors > 1024
    assert isolate.run_forked(lambda: sum(range(10)), 5) == 45
