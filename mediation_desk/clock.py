"""The program's one clock: "today" and "now" for services, domain defaults, demo and window.

Why one clock: a room lives on every day of the year, and a laptop's clock may be years off.
Code that calls ``date.today()`` on its own cannot be tested on 29 February or in Chinese New
Year week; here time is an input. Everything asks this module; tests pin it (``pinned``), set
it going from a chosen moment (``running_from``), or sweep it, and the real source is the
system clock (which ``faketime`` also moves). ``tests/test_clock_reads.py`` fails on any other
read of the system clock in the program, its benchmarks or its tests.

A process started by a test (the installed ``mediation-desk-cli``) takes its clock from the
environment: ``MEDIATION_DESK_NOW=2027-02-28T10:00`` starts it at that moment, running.

Wall-clock time is local and naive (what a mediator reads and types); bookkeeping time
(``created_at``, ``updated_at``) is naive UTC from :func:`utc_now`. Durations are not
this module's business: ``time.monotonic`` / ``time.perf_counter`` measure those.
"""

from __future__ import annotations

import contextlib
import os
import time as _time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta

#: The environment variable that starts a process's clock at a given moment (ISO 8601).
ENV_NOW = "MEDIATION_DESK_NOW"


def running_from(at: date | datetime) -> Callable[[], datetime]:
    """A source that starts at ``at`` (a date means 09:00 that day) and runs on at the pace of
    ``time.monotonic``: rows written one after another get increasing times, as in life."""
    start = _moment(at)
    started = _time.monotonic()
    return lambda: start + timedelta(seconds=_time.monotonic() - started)


def _moment(at: date | datetime) -> datetime:
    return at if isinstance(at, datetime) else datetime.combine(at, time(9, 0))


def _from_environment() -> Callable[[], datetime]:
    text = os.environ.get(ENV_NOW, "").strip()
    if not text:
        return datetime.now
    try:
        return running_from(datetime.fromisoformat(text))
    except ValueError:
        raise ValueError(f"环境变量 {ENV_NOW} 应为 YYYY-MM-DDTHH:MM，实际为“{text}”") from None


#: Where local wall-clock time comes from; replaced while pinned.
_source: Callable[[], datetime] = _from_environment()


def now() -> datetime:
    """Local wall-clock time, naive."""
    return _source()


def today() -> date:
    """The local date."""
    return now().date()


def utc_now() -> datetime:
    """Bookkeeping time in UTC, naive (as stored in ``created_at`` / ``updated_at``)."""
    return now().astimezone(UTC).replace(tzinfo=None)


def set_source(source: Callable[[], datetime]) -> None:
    """Take local time from ``source`` from now on (tests, a simulated day)."""
    global _source
    _source = source


def reset() -> None:
    """Back to the system clock."""
    set_source(datetime.now)


@contextlib.contextmanager
def pinned(at: date | datetime) -> Iterator[None]:
    """Run with the clock standing still at ``at`` (a date means 09:00 that day)."""
    moment = _moment(at)
    with _using(lambda: moment):
        yield


@contextlib.contextmanager
def travelled(at: date | datetime) -> Iterator[None]:
    """Run with the clock set to ``at`` and running on (see :func:`running_from`)."""
    with _using(running_from(at)):
        yield


@contextlib.contextmanager
def _using(source: Callable[[], datetime]) -> Iterator[None]:
    previous = _source
    set_source(source)
    try:
        yield
    finally:
        set_source(previous)


def system_seconds() -> float:
    """The operating system's clock, in POSIX seconds: only to compare with the times it
    stamps on files (a file's age), never for a date a user sees or a record keeps."""
    return _time.time()
