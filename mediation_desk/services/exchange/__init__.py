"""Cases in and out of the register as files: the open ``mediation-desk/case@1`` JSON format
and old Excel registers (台账), all-or-nothing imports.
"""

from __future__ import annotations
