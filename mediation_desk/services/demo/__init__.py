"""Demo data: a register that looks like several years of a township mediation room's work,
written through the services (for trying the app and for benchmarks).
"""

from __future__ import annotations
