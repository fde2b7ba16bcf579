"""The program's one clock: "today" and "now" for services, domain defaults, demo and window.

Why one clock: a room lives on every day of the year, and a laptop's clock may be years off.
Code that calls ``date.today()`` on its own cannot be tested on 29 February or in Chinese New
Year week; here time is an input. Everything asks this module; tests pin it (``pinned``)
or sweep it, and the real source is the system clock (which ``faketime`` also moves).

Wall-clock time is local and naive (what a mediator reads and types); bookkeeping time
(``created_at``, ``updated_at``) is naive UTC from :func:`utc_now`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time

#: Where local wall-clock time comes from; replaced while pinned.
_source: Callable[[], datetime] = datetime.now


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
    moment = at if isinstance(at, datetime) else datetime.combine(at, time(9, 0))
    previous = _source
    set_source(lambda: moment)
    try:
        yield
    finally:
        set_source(previous)
