"""A guard against a reference-counting bug of PySide6 6.12.0 under Python 3.11.

Why: with PySide6 6.12.0 every call from Python to a Qt method that returns nothing
(``label.setText``, ``font.setPointSizeF``, ``table.setColumnWidth``…) and every Python
override of a Qt event handler takes one reference from ``None`` that it never gave. Measured
here: 100 calls of any such method lower ``sys.getrefcount(None)`` by 100; None starts near
5,000, so a few thousand calls more than the ones that happen to give references back abort
the process with "Fatal Python error: none_dealloc: deallocating None" (a test run of the
window at three text sizes did). PySide6 6.11.3 under Python 3.11, and any PySide6 under
Python 3.12+ (where None is immortal), do not lose references. Until the pin moves off 6.12.0,
None is made as good as immortal here, which is what Python 3.12 does for it.
"""

from __future__ import annotations

import ctypes
import sys

#: Far more references than any session can lose, far fewer than a 64-bit count can hold.
EXTRA_REFERENCES = 1 << 48


def protect_none() -> None:
    """Give ``None`` a reference count no leak can exhaust (Python < 3.12 only, once)."""
    if sys.version_info >= (3, 12) or sys.getrefcount(None) > EXTRA_REFERENCES:
        return
    # CPython: ob_refcnt is the first field of every object, and id() is its address.
    count = ctypes.c_ssize_t.from_address(id(None))
    count.value += EXTRA_REFERENCES
